"""Precision, recall and speed of the bilateral-diplomacy tagger (newscrawl/topic.py).

Why: the tagger is a set of hand-written rules; every change to the rules file can win one
article and lose three. This script scores it, separately, on

- each part of the wire-style set in `WIRE_PARTS` below (tests/topic/data/PART.yaml): `dev`
  and `dev-2` ... `dev-8`, developed on; `heldout-N`, the part written after the N-th freeze
  of the rules, measured once and then developed on in the next round (the last one is the
  figure that counts; docs/topic.md has the table of parts and rounds); and
  `heldout-3-new`, part 3 without the articles whose scenario resembles a developed-on one
  (tests/topic/data/heldout-3-similar.txt);
- `labelled`: the older set of short articles (tests/fixtures/topic/labelled.jsonl);
- `replica`: the replica's generated articles with the labels it generates them with;
- `ground_truth`: any other JSONL file given with --ground-truth;

and times the tagger (ms per article, ms per KB). tests/topic pins a floor under the figures.

    .venv/bin/python bench/topic_eval.py [--errors] [--rules FILE] [--ground-truth FILE]
        [--replica-articles N] [--replica-seed S] [--no-replica] [--output FILE]

Labelled records: `title`, `body` (or `body_paragraphs`), `bilateral`, `pairs` (each pair
["JP","KR"] or "JP-KR"); YAML files hold a list of them, JSONL files one per line.
Writes bench/results/topic_eval.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from newscrawl.topic import Rules, classify, load_rules  # noqa: E402

DATA = ROOT / "tests" / "topic" / "data"
# The wire-style set's parts, in the order they were written (tests/topic/data/<part>.yaml),
# with the prefix of their ids (tests/topic/test_wire_set.py checks it).
WIRE_PARTS = {
    "dev": "dev-", "heldout-1": "held-", "heldout-2": "h2-", "heldout-3": "h3-",
    "heldout-4": "h4-", "heldout-5": "h5-", "heldout-6": "h6-", "dev-2": "d2-",
    "heldout-7": "h7-", "dev-3": "d3-", "heldout-8": "h8-", "dev-4": "d4-", "heldout-9": "h9-",
    "dev-5": "d5-", "heldout-10": "h10-", "dev-6": "d6-", "heldout-11": "h11-",
    "heldout-12": "h12-", "dev-7": "d7-", "heldout-13": "h13-", "dev-8": "d8-",
    "heldout-14": "h14-",
}
SIMILAR_3 = DATA / "heldout-3-similar.txt"
LABELLED = ROOT / "tests" / "fixtures" / "topic" / "labelled.jsonl"
RESULTS = ROOT / "bench" / "results" / "topic_eval.json"
REPLICA_ARTICLES = 1000  # per site, as the README's figures
REPLICA_SEED = 0


def _pair(p: Any) -> tuple[str, str]:
    """Accept ["JP","KR"] or "JP-KR", in any order; return the sorted tuple."""
    parts = p.split("-") if isinstance(p, str) else list(p)
    if len(parts) != 2:
        raise ValueError(f"not a country pair: {p!r}")
    a, b = sorted(str(x).strip().upper() for x in parts)
    return a, b


def _record(rec: dict[str, Any], fallback_id: str) -> dict[str, Any]:
    body = rec.get("body")
    if body is None:
        body = "\n\n".join(rec.get("body_paragraphs") or [])
    return {
        "id": rec.get("id") or rec.get("url") or rec.get("canonical_url") or fallback_id,
        "title": rec.get("title") or "",
        "body": body,
        "bilateral": bool(rec.get("bilateral")),
        "pairs": {_pair(p) for p in rec.get("pairs") or []},
        "kinds": list(rec.get("kinds") or []),
    }


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
            records.append(_record(rec, f"{path.name}:{n}"))
    return records


def read_ids(path: Path) -> list[str]:
    """The first word of each line that is not a comment."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [ln.split()[0] for ln in lines if ln.strip() and not ln.startswith("#")]


def read_yaml(path: Path) -> list[dict[str, Any]]:
    """Read a YAML list of labelled records (the wire-style set)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise SystemExit(f"{path}: expected a list of articles")
    return [_record(rec, f"{path.name}:{n}") for n, rec in enumerate(data, 1)]


def read_labelled(path: Path) -> list[dict[str, Any]]:
    return read_yaml(path) if path.suffix in {".yaml", ".yml"} else read_jsonl(path)


def replica_records(articles: int, seed: int) -> list[dict[str, Any]]:
    """The replica's articles with the labels it was generated with (both sites)."""
    from newscrawl.replica.generate import build_site

    truth = build_site(articles, seed).ground_truth()
    return [_record(rec, f"replica:{n}") for n, rec in enumerate(truth, 1)]


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "tp": tp, "fp": fp, "fn": fn}


def evaluate(records: Iterable[dict[str, Any]], rules: Rules) -> dict[str, Any]:
    """Score `bilateral` (per article) and `pairs` (micro over pairs) against the labels.

    Also checks explainability: every reported pair must have its reasons in the evidence.
    """
    b = {"tp": 0, "fp": 0, "fn": 0}
    p = {"tp": 0, "fp": 0, "fn": 0}
    errors = []
    unexplained = 0
    n = 0
    started = time.perf_counter()
    for rec in records:
        n += 1
        got = classify(rec["title"], rec["body"], rules)
        gold_pairs = rec["pairs"] if rec["bilateral"] else set()
        got_pairs = {_pair(x) for x in got["pairs"]}
        explained = got["evidence"].get("pairs", {})
        unexplained += sum(1 for x in got["pairs"] if not explained.get("-".join(x)))
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
        "pairs_without_evidence": unexplained,
        "ms_per_article": round(1000 * elapsed / n, 3) if n else 0.0,
        "errors": errors,
    }


def speed(records: list[dict[str, Any]], rules: Rules, rounds: int = 5) -> dict[str, Any]:
    """Time each article alone (best of `rounds`), so a slow article shows in the tail."""
    times = []
    size = 0
    for rec in records:
        size += len(rec["title"].encode()) + len(rec["body"].encode())
        best = float("inf")
        for _ in range(rounds):
            t = time.perf_counter()
            classify(rec["title"], rec["body"], rules)
            best = min(best, time.perf_counter() - t)
        times.append(best * 1000)
    times.sort()
    total = sum(times)
    return {
        "articles": len(times),
        "mean_ms_per_article": round(total / len(times), 3),
        "median_ms": round(statistics.median(times), 3),
        "p90_ms": round(times[int(0.9 * (len(times) - 1))], 3),
        "max_ms": round(times[-1], 3),
        "ms_per_kb": round(total / (size / 1024), 3),
        "mean_kb_per_article": round(size / 1024 / len(times), 2),
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
        f"{name:<13} n={res['articles']:<5} bilateral P={b['precision']:.3f} "
        f"R={b['recall']:.3f} F1={b['f1']:.3f}   pairs P={p['precision']:.3f} "
        f"R={p['recall']:.3f} F1={p['f1']:.3f}   {res['ms_per_article']:.2f} ms/article"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ground-truth", type=Path, help="another JSONL ground truth to score")
    ap.add_argument("--rules", type=Path, help="rules file (default: the packaged one)")
    ap.add_argument("--labelled", type=Path, default=LABELLED, help=argparse.SUPPRESS)
    ap.add_argument("--replica-articles", type=int, default=REPLICA_ARTICLES,
                    help=f"replica articles per site (default {REPLICA_ARTICLES})")
    ap.add_argument("--replica-seed", type=int, default=REPLICA_SEED,
                    help=f"replica seed (default {REPLICA_SEED})")
    ap.add_argument("--no-replica", action="store_true", help="skip the replica")
    ap.add_argument("--errors", action="store_true", help="list the misclassified articles")
    ap.add_argument("--output", type=Path, default=RESULTS, help="where to write the figures")
    args = ap.parse_args(argv)

    t = time.perf_counter()
    rules = load_rules(args.rules)
    compile_ms = (time.perf_counter() - t) * 1000

    sets: dict[str, list[dict[str, Any]]] = {}
    files = {**{part: DATA / f"{part}.yaml" for part in WIRE_PARTS}, "labelled": args.labelled}
    for name, path in files.items():
        if path.is_file():
            sets[name] = read_labelled(path)
    if "heldout-3" in sets and SIMILAR_3.is_file():
        similar = set(read_ids(SIMILAR_3))
        files["heldout-3-new"] = SIMILAR_3
        sets["heldout-3-new"] = [r for r in sets["heldout-3"] if r["id"] not in similar]
    if not args.no_replica:
        sets["replica"] = replica_records(args.replica_articles, args.replica_seed)
    if args.ground_truth:
        sets["ground_truth"] = read_labelled(args.ground_truth)

    results: dict[str, Any] = {}
    for name, records in sets.items():
        res = evaluate(records, rules)
        res["file"] = {**{k: str(v) for k, v in files.items()},
                       "replica": f"build_site({args.replica_articles}, {args.replica_seed})",
                       "ground_truth": str(args.ground_truth)}[name]
        results[name] = res
        print(_line(name, res))
        if args.errors:
            for e in res["errors"]:
                print(f"  {e['id']}: expected {e['expected']} got {e['got']}")

    wire = [r for part in WIRE_PARTS for r in sets.get(part, [])]
    timing = speed(wire or next(iter(sets.values()), []), rules) if sets else {}
    if timing:
        timing["rules_compile_ms"] = round(compile_ms, 1)
        print(
            f"speed         {timing['mean_ms_per_article']:.3f} ms/article mean, "
            f"median {timing['median_ms']:.3f}, p90 {timing['p90_ms']:.3f}, "
            f"max {timing['max_ms']:.3f} ({timing['articles']} wire-style articles, "
            f"{timing['mean_kb_per_article']} KB each; {timing['ms_per_kb']:.3f} ms/KB); "
            f"rules compiled in {timing['rules_compile_ms']:.0f} ms"
        )

    report = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"platform": platform.platform(), "processor": platform.machine(),
                    "node": platform.node()},
        "versions": _versions(),
        "rules": rules.source,
        "results": results,
        "speed": timing,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
