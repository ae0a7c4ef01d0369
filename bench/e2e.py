"""End to end: our whole crawl of the replica vs the bare extractor, articles per second.

The crawl is `newscrawl crawl` (both spiders, one process, into a fresh PostgreSQL database,
dedup and topic included) against the replica with N articles per site, discovery widened to
every section and `--since` before the replica's first day so all 2N articles are reached
(bench/harness.py). Its rate is stored articles over the command's whole wall time, startup
and migrations included. The bare extractor is one fresh process calling
`trafilatura.extract` with metadata on and `favor_precision` (bench/common.py,
`BARE_OPTIONS`) on the same 2N pages read from disk (fetched from the replica first,
untimed). Both run in the same invocation, one after the other; the ratio is the figure.

    .venv/bin/python bench/e2e.py [--articles 2000] [--seed 0] [--variant NAME=VALUE,...]...

`--variant` adds crawls with other `-s` settings, side by side (e.g.
`--variant NEWSCRAWL_EXTRACT_WORKERS=0`). Writes bench/results/e2e.json.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import psycopg  # noqa: E402

from bench.common import argument_parser, bare_extract, write_result  # noqa: E402
from bench.harness import Postgres, fetch_pages, run_crawl, stored  # noqa: E402

SINCE = "2022-01-01"  # before the replica's first article: a full backfill
TARGET = 2.5  # issue 19: at least 2.5x the bare extractor


def bare(directory: str) -> int:
    """Child: the bare extractor on every page in `directory`; prints pages and seconds."""
    files = sorted(Path(directory).glob("*.html"))
    bare_extract(files[0].read_bytes().decode("utf-8"))  # imports, outside the loop's time
    started = time.perf_counter()
    done = 0
    for path in files:
        bare_extract(path.read_bytes().decode("utf-8"))
        done += 1
    seconds = time.perf_counter() - started
    print(json.dumps({"pages": done, "seconds": seconds}))
    return 0


def run_bare(directory: Path) -> dict[str, float]:
    """The bare extractor in a fresh process; its wall time includes interpreter startup."""
    started = time.monotonic()
    out = subprocess.run([sys.executable, __file__, "--bare", str(directory)], check=True,
                         capture_output=True, text=True).stdout  # fmt: skip
    wall = time.monotonic() - started
    inner = json.loads(out.strip().splitlines()[-1])
    return {"pages": inner["pages"], "seconds": round(wall, 2),
            "extract_seconds": round(inner["seconds"], 2),
            "articles_per_second": round(inner["pages"] / wall, 1)}  # fmt: skip


def crawl(urls: dict[str, str], pg: Postgres, settings: dict[str, str], label: str,
          truth: set[str]) -> dict[str, object]:  # fmt: skip
    db = pg.fresh(label)
    run = run_crawl(urls, db, settings=settings, extra=("--since", SINCE))
    rows = stored(db)
    n = len(rows)
    with psycopg.connect(db) as conn:
        fields = conn.execute(
            "SELECT canonical_url, title, body, authors, published_at, topic_pairs, "
            "topic_bilateral, captions, editor_note FROM articles ORDER BY canonical_url"
        ).fetchall()
    return {
        # the stored fields hashed: equal digests mean the settings did not change results
        "content_digest": hashlib.sha256(repr(fields).encode()).hexdigest()[:16],
        "settings": settings,
        "exit_code": run.exit_code,
        "stored": n,
        "stored_of_truth": len(truth & set(rows)),
        "seconds": round(run.seconds, 2),
        "articles_per_second": round(n / run.seconds, 1),
        "peak_rss_mb": run.peak_rss_mb,
        "crawl_cpu_seconds": run.cpu_seconds,
        "database_cpu_seconds": run.db_cpu_seconds,
        "replica_cpu_seconds": run.own_cpu_seconds,
        "machine_cpu_busy_share": run.machine_cpu_share,
        "summary": [line for line in run.stdout.splitlines() if line.startswith(
            ("yonhap:", "koreaherald:"))],  # fmt: skip
    }


def main() -> int:
    parser = argument_parser(__doc__, 2000)
    parser.add_argument("--variant", action="append", default=[],
                        help="extra crawl with these -s settings, NAME=VALUE,...")
    parser.add_argument("--bare", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.bare:
        return bare(args.bare)

    from newscrawl.replica import ReplicaServer, build_site

    site = build_site(articles=args.articles, seed=args.seed)
    ground = site.ground_truth()
    truth = {str(t["canonical_url"]) for t in ground}
    pg = Postgres()
    tmp = Path(tempfile.mkdtemp(prefix="newscrawl-bench-e2e-"))
    try:
        with ReplicaServer(site) as srv:
            urls = {"yonhap": srv.yonhap_url, "koreaherald": srv.koreaherald_url}
            # Untimed warm-up: a fresh server's first crawl also allocates WAL segments and
            # fills caches, which made whichever crawl ran first ~30% slower.
            crawl(urls, pg, {}, "warmup", truth)
            ours = crawl(urls, pg, {}, "e2e", truth)
            print(f"crawl: {ours['stored']} articles in {ours['seconds']} s = "
                  f"{ours['articles_per_second']} articles/s, content digest "
                  f"{ours['content_digest']}", flush=True)  # fmt: skip
            variants = []
            for spec in args.variant:
                settings = dict(kv.split("=", 1) for kv in spec.split(",") if kv)
                v = crawl(urls, pg, settings, f"v{len(variants)}", truth)
                variants.append(v)
                print(f"crawl {settings}: {v['articles_per_second']} articles/s", flush=True)
            fetch_pages(urls, [(str(t["source"]), str(t["path"])) for t in ground], tmp)
        extractor = run_bare(tmp)
    finally:
        pg.close()
    print(f"bare trafilatura.extract: {extractor['pages']} pages in {extractor['seconds']} s = "
          f"{extractor['articles_per_second']} articles/s")  # fmt: skip
    ratio = round(float(ours["articles_per_second"]) / extractor["articles_per_second"], 2)
    print(f"ratio crawl / bare extractor: {ratio} (target >= {TARGET})")
    figures = {
        "articles_per_site": args.articles,
        "seed": args.seed,
        "command": "newscrawl crawl --base-url yonhap=... --base-url koreaherald=... "
        f"--since {SINCE} -s AUTOTHROTTLE_ENABLED=False -s DOWNLOAD_DELAY=0 "
        "-s CONCURRENT_REQUESTS=64 -s CONCURRENT_REQUESTS_PER_DOMAIN=32 "
        "(discovery widened to all sections, bench/harness.py)",
        "crawl": ours,
        "bare_extractor": extractor,
        "ratio": ratio,
        "target": TARGET,
        "target_met": ratio >= TARGET,
        "variants": [
            {**v, "ratio": round(float(v["articles_per_second"])
                                 / extractor["articles_per_second"], 2)}  # fmt: skip
            for v in variants
        ],
    }
    if not args.no_write:
        write_result("e2e", figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
