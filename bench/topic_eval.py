"""Precision and recall of the bilateral-diplomacy tagger (newscrawl/topic.py).

Why: the tagger is a set of hand-written rules; every change to the rules file can win one
article and lose three. This script scores it on the hand-labelled fixture set (and, with
--ground-truth, on the replica's ground truth) so a change is judged by figures, and
tests/topic pins a floor under the same figures.

    .venv/bin/python bench/topic_eval.py [--ground-truth FILE] [--rules FILE] [--errors]

Input lines (JSONL): `title`, `body` or `body_paragraphs` (list), `bilateral`, `pairs`
(each pair a list ["JP","KR"] or a string "JP-KR"). Writes bench/results/topic_eval.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from newscrawl.topic import Rules, classify, load_rules  # noqa: E402

LABELLED = ROOT / "tests" / "fixtures" / "topic" / "labelled.jsonl"
RESULTS = ROOT / "bench" / "results" / "topic_eval.json"


def _pair(p: Any) -> tuple[str, str]:
    """Accept ["JP","KR"] or "JP-KR", in any order; return the sorted tuple."""
    parts = p.split("-") if isinstance(p, str) else list(p)
    if len(parts) != 2:
        raise ValueError(f"not a country pair: {p!r}")
    a, b = sorted(str(x).strip().upper() for x in parts)
    return a, b


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Read labelled records, normalising body_paragraphs into one body."""
    records = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise SystemExit(f"{path}:{n}: not JSON: {exc.msg}") from None
            body = rec.get("body")
            if body is None:
                body = "\n\n".join(rec.get("body_paragraphs") or [])
            records.append(
                {
                    "id": rec.get("id") or rec.get("url") or f"{path.name}:{n}",
                    "title": rec.get("title") or "",
                    "body": body,
                    "bilateral": bool(rec.get("bilateral")),
                    "pairs": {_pair(p) for p in rec.get("pairs") or []},
                }
            )
    return records


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "tp": tp, "fp": fp, "fn": fn}


def evaluate(records: Iterable[dict[str, Any]], rules: Rules) -> dict[str, Any]:
    """Score `bilateral` (per article) and `pairs` (micro over pairs) against the labels."""
    b = {"tp": 0, "fp": 0, "fn": 0}
    p = {"tp": 0, "fp": 0, "fn": 0}
    errors = []
    n = 0
    started = time.perf_counter()
    for rec in records:
        n += 1
        got = classify(rec["title"], rec["body"], rules)
        gold_pairs = rec["pairs"] if rec["bilateral"] else set()
        got_pairs = {_pair(x) for x in got["pairs"]}
        if got["bilateral"] and rec["bilateral"]:
            b["tp"] += 1
        elif got["bilateral"]:
            b["fp"] += 1
        elif rec["bilateral"]:
            b["fn"] += 1
        p["tp"] += len(got_pairs & gold_pairs)
        p["fp"] += len(got_pairs - gold_pairs)
        p["fn"] += len(gold_pairs - got_pairs)
        if got["bilateral"] != rec["bilateral"] or got_pairs != gold_pairs:
            errors.append(
                {
                    "id": rec["id"],
                    "expected": {"bilateral": rec["bilateral"],
                                 "pairs": ["-".join(x) for x in sorted(gold_pairs)]},
                    "got": {"bilateral": got["bilateral"],
                            "pairs": ["-".join(x) for x in sorted(got_pairs)],
                            "score": got["score"]},
                }
            )
    elapsed = time.perf_counter() - started
    return {
        "articles": n,
        "bilateral": _prf(**b),
        "pairs": _prf(**p),
        "ms_per_article": round(1000 * elapsed / n, 3) if n else 0.0,
        "errors": errors,
    }


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {"python": platform.python_version()}
    for pkg in ("newscrawl", "PyYAML", "scrapy"):
        try:
            out[pkg] = version(pkg)
        except PackageNotFoundError:
            out[pkg] = "not installed"
    return out


def _line(name: str, res: dict[str, Any]) -> str:
    b, p = res["bilateral"], res["pairs"]
    return (
        f"{name:<14} n={res['articles']:<5} bilateral P={b['precision']:.3f} "
        f"R={b['recall']:.3f} F1={b['f1']:.3f}   pairs P={p['precision']:.3f} "
        f"R={p['recall']:.3f} F1={p['f1']:.3f}   {res['ms_per_article']:.2f} ms/article"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ground-truth", type=Path, help="JSONL ground truth (e.g. the replica's)")
    ap.add_argument("--rules", type=Path, help="rules file (default: the packaged one)")
    ap.add_argument("--labelled", type=Path, default=LABELLED, help=argparse.SUPPRESS)
    ap.add_argument("--errors", action="store_true", help="list the misclassified articles")
    ap.add_argument("--output", type=Path, default=RESULTS, help="where to write the figures")
    args = ap.parse_args(argv)

    rules = load_rules(args.rules)
    sets = {"labelled": args.labelled}
    if args.ground_truth:
        sets["ground_truth"] = args.ground_truth
    results: dict[str, Any] = {}
    for name, path in sets.items():
        records = read_jsonl(path)
        res = evaluate(records, rules)
        res["file"] = str(path)
        results[name] = res
        print(_line(name, res))
        if args.errors:
            for e in res["errors"]:
                print(f"  {e['id']}: expected {e['expected']} got {e['got']}")
        held = [r for r in records if str(r["id"]).startswith("holdout-")]
        if held:
            # Articles written after the rules were tuned: the fairer estimate.
            sub = evaluate(held, rules)
            sub.pop("errors")
            results[f"{name}_holdout"] = sub
            print(_line("  of which", sub) + "  (holdout-*)")

    report = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"platform": platform.platform(), "processor": platform.machine(),
                    "node": platform.node()},
        "versions": _versions(),
        "rules": rules.source,
        "results": results,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
