"""Incremental run: the second crawl of an unchanged replica, requests and time vs the first.

One replica (N articles per site), one fresh database. The first crawl is a full backfill
(`newscrawl crawl --since <before the first article>`, discovery widened to every section,
bench/harness.py), so every article is stored. Then, with the replica unchanged:

* **cron**: `newscrawl crawl` with no arguments, what cron runs every 30 minutes: feeds, the
  first page of each listing, the sitemap, and nothing already stored;
* **backfill again**: the first command once more (it walks every listing page back to
  `--since`, since that is what it was asked to do).

Figures: article requests the replica saw during each second run (target 0, from its request
log) and each second run's wall time as a share of the first's (target <= 5%).

    .venv/bin/python bench/second_crawl.py [--articles 2000] [--seed 0]

Writes bench/results/incremental.json.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import argument_parser, write_result  # noqa: E402
from bench.harness import Postgres, article_count, run_crawl  # noqa: E402

SINCE = "2022-01-01"
TARGET_SHARE = 0.05


def main() -> int:
    parser = argument_parser(__doc__, 2000)
    args = parser.parse_args()

    from newscrawl.replica import ReplicaServer, build_site

    site = build_site(articles=args.articles, seed=args.seed)
    pg = Postgres()
    runs: dict[str, dict[str, object]] = {}
    try:
        db = pg.fresh("incremental")
        with ReplicaServer(site) as srv:
            urls = {"yonhap": srv.yonhap_url, "koreaherald": srv.koreaherald_url}
            for name, extra in (("first", ("--since", SINCE)), ("cron", ()),
                                ("backfill_again", ("--since", SINCE))):  # fmt: skip
                srv.stats.reset()
                run = run_crawl(urls, db, extra=extra)
                runs[name] = {
                    "arguments": list(extra),
                    "exit_code": run.exit_code,
                    "seconds": round(run.seconds, 2),
                    "stored_after": article_count(db),
                    "requests": len(srv.stats.records()),
                    "article_requests": srv.stats.count(kind="article"),
                    "by_kind": {s: srv.stats.by_kind(s) for s in ("yonhap", "koreaherald")},
                }
                print(name, json.dumps(runs[name]), flush=True)
    finally:
        pg.close()
    first = float(runs["first"]["seconds"])  # type: ignore[arg-type]
    for name in ("cron", "backfill_again"):
        share = float(runs[name]["seconds"]) / first  # type: ignore[arg-type]
        runs[name]["share_of_first"] = round(share, 4)
        runs[name]["targets_met"] = {
            "article_requests_0": runs[name]["article_requests"] == 0,
            "time_share_le_5pct": share <= TARGET_SHARE,
        }
        print(f"{name}: {runs[name]['article_requests']} article requests, "
              f"{share:.1%} of the first run's time")  # fmt: skip
    if not args.no_write:
        write_result("incremental", {"articles_per_site": args.articles, "seed": args.seed,
                                     "runs": runs, "target_share": TARGET_SHARE})  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
