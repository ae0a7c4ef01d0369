"""Precision and recall of syndicated-copy linking on the replica's ground truth.

Two measurements:

1. a threshold sweep, offline: every Korea Herald article against every Yonhap article
   published within NEAR_DUPLICATE_DAYS, with the project's own MinHash; a pair is linked when
   it is the best match above the threshold. It shows why the threshold was chosen;
2. the real thing: a crawl of the replica over HTTP into PostgreSQL (`newscrawl crawl`, with
   backfill from the first day), whose `duplicate_of` links and stories are compared with the
   ground truth: precision, recall, near-misses merged (must be 0), stories split or merged.

    .venv/bin/python bench/dedup_eval.py --articles 1000 --seed 11
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import machine, write_result  # noqa: E402
from newscrawl import fingerprint  # noqa: E402
from newscrawl.db.store import NEAR_DUPLICATE_DAYS, NEAR_DUPLICATE_THRESHOLD  # noqa: E402
from newscrawl.replica import ReplicaServer, build_site  # noqa: E402
from tests.e2e_support import NEWSCRAWL, crawl_args, stored_articles  # noqa: E402


def sweep(truth: list[dict], thresholds: list[float]) -> list[dict]:
    """Offline P/R of best-match linking for each threshold."""
    when = {t["canonical_url"]: datetime.fromisoformat(t["published_at"]) for t in truth}
    sig = {t["canonical_url"]: fingerprint.minhash("\n\n".join(t["body_paragraphs"]))
           for t in truth}  # fmt: skip
    wire = [t for t in truth if t["source"] == "yonhap" and sig[t["canonical_url"]]]
    story = {t["canonical_url"]: t["story_key"] for t in truth}
    best: dict[str, tuple[float, str]] = {}
    near_miss_scores = []
    for k in (t for t in truth if t["source"] == "koreaherald" and sig[t["canonical_url"]]):
        ku = k["canonical_url"]
        for y in wire:
            yu = y["canonical_url"]
            if abs((when[ku] - when[yu]).total_seconds()) > NEAR_DUPLICATE_DAYS * 86400:
                continue
            score = fingerprint.similarity(sig[ku], sig[yu])
            if score > best.get(ku, (-1.0, ""))[0]:
                best[ku] = (score, yu)
            if k.get("near_miss_of") == yu or y.get("near_miss_of") == ku:
                near_miss_scores.append(score)
    expected = {t["canonical_url"] for t in truth if t["source"] == "koreaherald"
                and t["syndicated_from"]}  # fmt: skip
    rows = []
    for threshold in thresholds:
        linked = {ku: yu for ku, (s, yu) in best.items() if s >= threshold}
        correct = sum(1 for ku, yu in linked.items() if ku in expected
                      and story[yu] == story[ku])  # fmt: skip
        rows.append({
            "threshold": threshold,
            "linked": len(linked),
            "precision": round(correct / len(linked), 4) if linked else 1.0,
            "recall": round(correct / len(expected), 4) if expected else 1.0,
            "near_misses_merged": sum(1 for s in near_miss_scores if s >= threshold),
        })  # fmt: skip
    copies = sorted(s for ku, (s, _) in best.items() if ku in expected)
    others = sorted(s for ku, (s, _) in best.items() if ku not in expected)
    print(f"  true copies' best score: min {copies[0]:.3f}" if copies else "  no copies")
    print(f"  best score of articles that are no copy: max {others[-1]:.3f}" if others else "")
    print(f"  near-miss pairs: {len(near_miss_scores)}, max score "
          f"{max(near_miss_scores, default=0):.3f}")  # fmt: skip
    return rows


def crawl_and_score(site, workdir: str) -> dict:
    env = {**os.environ, "NEWSCRAWL_HOME": workdir}
    env.pop("DATABASE_URL", None)
    first_day = min(t["published_at"] for t in site.ground_truth())[:10]
    with ReplicaServer(site) as server:
        args = crawl_args(server, "--since", first_day)
        result = subprocess.run([NEWSCRAWL, *args], env=env, capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(f"crawl failed: {result.stderr[-2000:]}")
    import pgserver

    url = pgserver.get_server(Path(workdir) / "pgdata").get_uri("newscrawl")
    stored = stored_articles(url)
    truth = {t["canonical_url"]: t for t in site.ground_truth() if t["canonical_url"] in stored}
    by_id = {row["id"]: u for u, row in stored.items()}
    expected = links = correct = near_merged = 0
    for u, t in truth.items():
        target = by_id.get(stored[u]["duplicate_of"])
        source = t["syndicated_from"]
        if source and source in truth:
            expected += 1
        if target:
            links += 1
            if source and truth[target]["story_key"] == t["story_key"]:
                correct += 1
            if t.get("near_miss_of") == target or truth[target].get("near_miss_of") == u:
                near_merged += 1
    groups = defaultdict(set)
    for u, t in truth.items():
        groups[t["story_key"]].add(stored[u]["story_id"])
    split = sum(1 for ids in groups.values() if len(ids) > 1)
    owners = defaultdict(set)
    for key, ids in groups.items():
        for i in ids:
            owners[i].add(key)
    merged = sum(1 for keys in owners.values() if len(keys) > 1)
    return {
        "articles_stored": len(stored),
        "copies_expected": expected,
        "links_made": links,
        "links_correct": correct,
        "precision": round(correct / links, 4) if links else 1.0,
        "recall": round(correct / expected, 4) if expected else 1.0,
        "near_misses_merged": near_merged,
        "stories_split": split,
        "stories_merged": merged,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="articles per site")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    site = build_site(articles=args.articles, seed=args.seed)
    truth = site.ground_truth()
    print(f"threshold sweep on {len(truth)} ground-truth articles (offline):")
    table = sweep(truth, [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9])
    for row in table:
        print("  ", row)
    print(f"crawl of the replica, threshold {NEAR_DUPLICATE_THRESHOLD}:")
    with tempfile.TemporaryDirectory(prefix="newscrawl-dedup-") as workdir:
        crawl = crawl_and_score(site, workdir)
    print("  ", crawl)
    write_result("dedup_eval", {
        "command": " ".join(sys.argv), "articles_per_site": args.articles, "seed": args.seed,
        "threshold": NEAR_DUPLICATE_THRESHOLD, "window_days": NEAR_DUPLICATE_DAYS,
        "shingle_words": fingerprint.SHINGLE_WORDS, "sweep": table, "crawl": crawl,
        "machine": machine(),
    })  # fmt: skip


if __name__ == "__main__":
    main()
