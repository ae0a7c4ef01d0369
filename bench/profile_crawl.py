"""Where a crawl's time goes: the e2e crawl under py-spy, samples grouped by pipeline stage.

py-spy samples the crawl (and its worker processes) 50 times a second in `--gil` mode, i.e.
only the thread holding the GIL: what the crawl process spends its Python CPU on. Samples are
grouped by the first project function on the stack (site parsing, cleaning, trafilatura,
topic, store, discovery) and everything else is Scrapy/Twisted/asyncio machinery.

    .venv/bin/python bench/profile_crawl.py [--articles 2000] [-s NAME=VALUE]...

Writes bench/results/profile_crawl.json (and the raw py-spy stacks next to it, .tmp).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import RESULTS, argument_parser, write_result  # noqa: E402
from bench.harness import Postgres, article_count, run_crawl  # noqa: E402

SINCE = "2022-01-01"
# first match wins, checked in this order against the whole stack
CATEGORIES = (
    ("clean: trafilatura metadata (whole page)", ("extract_metadata",)),
    ("clean: trafilatura on the container", ("bare_extraction",)),
    ("site parser (newscrawl/sites)", ("parse_page (newscrawl/extract",)),
    ("clean: DOM paragraphs, site rules, checks", ("clean_article", "_in_worker")),
    ("topic classification", ("classify (newscrawl/topic",)),
    ("discovery (feeds, listings, sitemap)", ("parse_listing", "parse_feed", "parse_sitemap")),
    ("store: Python side (row, fingerprint, psycopg)", ("store_article",)),
    ("store: pool and threads", ("_store (pipelines/store",)),
    ("seen-check", ("SeenIndex",)),
    ("worker pool plumbing", ("concurrent/futures", "multiprocessing")),
    ("Scrapy / Twisted / asyncio / HTTP", ("scrapy", "twisted", "asyncio")),
)


def categorise(raw: Path) -> dict[str, float]:
    counts: Counter[str] = Counter()
    for line in raw.read_text().splitlines():
        stack, _, n = line.rpartition(" ")
        if not n.isdigit():
            continue
        for name, needles in CATEGORIES:
            if any(needle in stack for needle in needles):
                counts[name] += int(n)
                break
        else:
            counts["other (imports, startup)"] += int(n)
    total = sum(counts.values()) or 1
    return {name: round(100 * c / total, 1) for name, c in counts.most_common()} | {
        "_samples": total}


def main() -> int:
    parser = argument_parser(__doc__, 2000)
    parser.add_argument("-s", dest="settings", action="append", default=[])
    args = parser.parse_args()

    from newscrawl.replica import ReplicaServer, build_site

    settings = dict(kv.split("=", 1) for kv in args.settings)
    raw = RESULTS / "profile_crawl.stacks.tmp"
    RESULTS.mkdir(exist_ok=True)
    pyspy = str(Path(sys.executable).with_name("py-spy"))
    wrap = [pyspy, "record", "--gil", "--subprocesses", "--format", "raw", "-r", "50",
            "-o", str(raw), "--"]  # fmt: skip
    site = build_site(articles=args.articles, seed=args.seed)
    pg = Postgres()
    try:
        db = pg.fresh("profile")
        with ReplicaServer(site) as srv:
            urls = {"yonhap": srv.yonhap_url, "koreaherald": srv.koreaherald_url}
            run = run_crawl(urls, db, settings=settings, extra=("--since", SINCE), wrap=wrap)
        stored = article_count(db)
    finally:
        pg.close()
    shares = categorise(raw)
    print(f"{stored} articles in {run.seconds:.1f} s under py-spy "
          f"(crawl tree CPU {run.cpu_seconds} s, PostgreSQL {run.db_cpu_seconds} s)")
    for name, share in shares.items():
        if not name.startswith("_"):
            print(f"  {share:5.1f}%  {name}")
    if not args.no_write:
        write_result("profile_crawl", {
            "articles_per_site": args.articles, "settings": settings, "stored": stored,
            "seconds_under_profiler": round(run.seconds, 1), "crawl_cpu_seconds": run.cpu_seconds,
            "database_cpu_seconds": run.db_cpu_seconds, "gil_sample_shares_pct": shares,
        })  # fmt: skip
    print(json.dumps({"samples": shares["_samples"]}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
