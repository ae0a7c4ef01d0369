"""Peak memory of a crawl: the crawl's process tree (crawl + extraction workers), two sizes.

Each size is a full backfill of the replica (`newscrawl crawl --since ...`, discovery widened
to every section, bench/harness.py) into a fresh database, while the crawl's process tree is
sampled every 0.2 s for resident memory (RSS summed over the crawl process and its worker
processes; PostgreSQL and the replica are not the crawl). Target: a 10,000-article crawl peaks
at <= 300 MB, and the peak does not grow with N (compare the two sizes).

    .venv/bin/python bench/memory.py [--sizes 1000,5000] [-s NAME=VALUE]...
                                            # articles per site: 2,000 / 10,000

Writes bench/results/memory.json (memory_<NAME>_<VALUE>.json with -s).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import argument_parser, write_result  # noqa: E402
from bench.harness import Postgres, article_count, run_crawl  # noqa: E402

SINCE = "2022-01-01"
BOUND_MB = 300
GROWTH_BOUND = 1.10  # "not growing": the larger crawl's peak within 10% of the smaller's


def _second_half_rise(series: list[list[float]]) -> float:
    half = len(series) // 2
    first = max((rss for _, rss in series[:half]), default=0.0)
    return round(max((rss for _, rss in series[half:]), default=0.0) - first, 1)


def main() -> int:
    parser = argument_parser(__doc__, None)
    parser.add_argument("--sizes", default="1000,5000", help="articles per site, comma list")
    parser.add_argument("-s", dest="settings", action="append", default=[],
                        help="NAME=VALUE crawl setting; results go to memory_<NAME>_<VALUE>")
    args = parser.parse_args()

    from newscrawl.replica import ReplicaServer, build_site

    settings = dict(kv.split("=", 1) for kv in args.settings)
    runs = []
    pg = Postgres()
    try:
        for n in (int(x) for x in args.sizes.split(",")):
            site = build_site(articles=n, seed=args.seed)
            db = pg.fresh(f"mem{n}")
            with ReplicaServer(site) as srv:
                urls = {"yonhap": srv.yonhap_url, "koreaherald": srv.koreaherald_url}
                run = run_crawl(urls, db, settings=settings, extra=("--since", SINCE))
            result = {
                "articles_per_site": n,
                "stored": article_count(db),
                "exit_code": run.exit_code,
                "seconds": round(run.seconds, 1),
                "peak_rss_mb": run.peak_rss_mb,
                "peak_crawl_process_mb": run.peak_crawl_process_mb,
                "peak_workers_mb": run.peak_workers_mb,
                "rss_series_mb": run.rss_series,
            }
            runs.append(result)
            print(json.dumps({k: v for k, v in result.items() if k != "rss_series_mb"}),
                  flush=True)  # fmt: skip
    finally:
        pg.close()
    small, large = runs[0], runs[-1]
    growth = large["peak_rss_mb"] / small["peak_rss_mb"]
    verdict = {
        "bound_mb": BOUND_MB,
        "largest_within_bound": large["peak_rss_mb"] <= BOUND_MB,
        "growth_large_over_small": round(growth, 3),
        "not_growing": growth <= GROWTH_BOUND,
        # within the large run: how much the peak still rose in its second half
        "large_run_second_half_rise_mb": _second_half_rise(large["rss_series_mb"]),
    }
    print(json.dumps(verdict))
    if not args.no_write:
        name = "_".join(["memory", *(f"{k}_{v}" for k, v in settings.items())])
        write_result(name, {"settings": settings, "runs": runs, "verdict": verdict})
    return 0


if __name__ == "__main__":
    sys.exit(main())
