"""Quality floor on the hand-labelled set (as trafilatura's CI pins extraction F1), and the
evaluation script's ground-truth input format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newscrawl.topic import load_rules

ROOT = Path(__file__).resolve().parents[2]
LABELLED = ROOT / "tests" / "fixtures" / "topic" / "labelled.jsonl"

# Measured with the packaged rules: bilateral P=1.000 R=0.956, pairs P=0.914 R=0.946 (76 articles).
FLOORS = {
    ("bilateral", "precision"): 0.97,
    ("bilateral", "recall"): 0.93,
    ("pairs", "precision"): 0.90,
    ("pairs", "recall"): 0.92,
}


def test_labelled_set_is_well_formed():
    rows = [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 45
    assert len({r["id"] for r in rows}) == len(rows)
    for r in rows:
        assert set(r) == {"id", "title", "body", "bilateral", "pairs", "note"}, r["id"]
        assert all(p == sorted(p) and len(p) == 2 for p in r["pairs"]), r["id"]
        assert r["bilateral"] == bool(r["pairs"]), r["id"]
    assert sum(r["bilateral"] for r in rows) >= 20
    assert sum(not r["bilateral"] for r in rows) >= 20


@pytest.mark.parametrize(("what", "measure"), sorted(FLOORS))
def test_quality_floor(topic_eval, what, measure):
    result = topic_eval.evaluate(topic_eval.read_jsonl(LABELLED), load_rules())
    floor = FLOORS[(what, measure)]
    assert result[what][measure] >= floor, result["errors"]


def test_ground_truth_format_and_report(topic_eval, tmp_path: Path, capsys):
    gt = tmp_path / "gt.jsonl"
    gt.write_text(
        json.dumps({"title": "S. Korea, Japan hold summit",
                    "body_paragraphs": ["The leaders of South Korea and Japan held talks."],
                    "bilateral": True, "pairs": ["JP-KR"]}) + "\n"
        + json.dumps({"title": "KOSPI closes higher", "body": "Seoul shares rose.",
                      "bilateral": False, "pairs": []}) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "results.json"
    assert topic_eval.main(["--ground-truth", str(gt), "--output", str(out)]) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    assert {"date", "machine", "versions", "results"} <= set(report)
    truth = report["results"]["ground_truth"]
    assert truth["articles"] == 2
    assert truth["bilateral"]["precision"] == 1.0 and truth["pairs"]["recall"] == 1.0
    assert "ground_truth" in capsys.readouterr().out
