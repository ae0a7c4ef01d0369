"""Re-extraction: `newscrawl reextract` over a crawled store vs the bare extractor, pages/s.

Setup, untimed: the replica with N articles per site is crawled into a fresh PostgreSQL
database exactly as bench/e2e.py does (`newscrawl crawl`, discovery widened, `--since` before
the replica's first day), and the stored raw pages are written back to a temporary directory.

Timed, one after the other in the same invocation:

- `newscrawl reextract` (the installed command, a child process, `DATABASE_URL` set to that
  database) over every stored article, with the default extraction workers (one on 2 cores):
  the command's process reads and stores, its worker(s) run `page_to_article`; PostgreSQL
  runs beside it. Its rate is pages over the child's whole wall time (interpreter start,
  imports, worker spawn included); the rate the command prints itself is kept as well.
- the same command with `NEWSCRAWL_EXTRACT_WORKERS=0`: one process extracts and stores.
- bench/e2e.py's bare extractor, reused as is: one fresh process calling
  `trafilatura.extract(html, with_metadata=True, favor_precision=True)` (bench/common.py) on
  the same pages read from disk, no database.

The ratio is re-extract pages/s over bare pages/s, wall time both (issue 19: at least 1.5).
The store is unchanged, so every article must come back unchanged; the database's articles,
stories and versions are hashed before and after each run to check that nothing was written.

    .venv/bin/python bench/reextract.py [--articles 2000] [--seed 0]

Writes bench/results/reextract.json.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import psycopg  # noqa: E402

from bench.common import argument_parser, write_result  # noqa: E402
from bench.e2e import SINCE, run_bare  # noqa: E402
from bench.harness import NEWSCRAWL, Postgres, article_count, run_crawl, run_watched  # noqa: E402

TARGET = 1.5
# `newscrawl reextract`'s one line: "4000 pages re-extracted in 41.2 s (97.1 pages/s, 1
# workers): 4000 unchanged, 0 updated"
SUMMARY = re.compile(
    r"^(?P<pages>\d+) pages re-extracted in (?P<seconds>[\d.]+) s"
    r"(?: \((?P<rate>[\d.]+) pages/s, (?P<workers>\d+) workers\))?: (?P<counts>.*)$"
)
VARIANTS = {"default": {}, "single process": {"NEWSCRAWL_EXTRACT_WORKERS": "0"}}


def snapshot(database_url: str) -> dict[str, Any]:
    """Digests of what a re-extraction may write: every column of articles and stories, the
    versions, and the counts of the rows hanging off an article."""
    digest = "SELECT coalesce(md5(string_agg(t::text, '|' ORDER BY id)), '') FROM {} t"
    with psycopg.connect(database_url) as conn:
        figures: dict[str, Any] = {
            f"{table}_md5": conn.execute(digest.format(table)).fetchone()[0][:16]
            for table in ("articles", "stories", "article_versions")
        }
        for table in ("article_versions", "article_bands", "article_urls", "raw_pages"):
            figures[f"{table}_rows"] = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    return figures


def write_pages(database_url: str, out: Path) -> int:
    """The stored raw pages, in reextract's order, one file each (what the bare side reads)."""
    out.mkdir(parents=True, exist_ok=True)
    done = 0
    with psycopg.connect(database_url) as conn, conn.cursor(name="pages") as cur:
        cur.execute("SELECT r.html FROM raw_pages r JOIN articles a ON a.id = r.article_id "
                    "ORDER BY a.id")  # fmt: skip
        for (html,) in cur:
            (out / f"{done:06d}.html").write_text(html, encoding="utf-8")
            done += 1
    return done


def reextract(database_url: str, env: dict[str, str]) -> dict[str, Any]:
    """One timed `newscrawl reextract` over the whole store, its tree and PostgreSQL watched."""
    run = run_watched([NEWSCRAWL, "reextract"], database_url, env=env)
    line = next((m for m in map(SUMMARY.match, run.stdout.splitlines()) if m), None)
    if run.exit_code != 0 or line is None:
        sys.stderr.write(run.stdout[-2000:] + run.stderr[-2000:])
        raise SystemExit(f"newscrawl reextract failed (exit {run.exit_code})")
    pages = int(line["pages"])
    counts = {what: int(n) for n, what in (part.split(" ", 1)
                                           for part in line["counts"].split(", "))}  # fmt: skip
    return {
        "env": env,
        "exit_code": run.exit_code,
        "pages": pages,
        "workers": int(line["workers"]) if line["workers"] else None,
        "seconds": round(run.seconds, 2),
        "pages_per_second": round(pages / run.seconds, 1),
        "printed_seconds": float(line["seconds"]),
        "printed_pages_per_second": float(line["rate"]) if line["rate"] else None,
        "counts": counts,
        "printed": line.group(0),
        "tree_cpu_seconds": run.cpu_seconds,
        "database_cpu_seconds": run.db_cpu_seconds,
        "peak_rss_mb": run.peak_rss_mb,
        "peak_workers_mb": run.peak_workers_mb,
        "machine_cpu_busy_share": run.machine_cpu_share,
    }


def main() -> int:
    parser = argument_parser(__doc__, 2000)
    args = parser.parse_args()

    from newscrawl.replica import ReplicaServer, build_site

    started = time.monotonic()
    site = build_site(articles=args.articles, seed=args.seed)
    pg = Postgres()
    tmp = Path(tempfile.mkdtemp(prefix="newscrawl-bench-reextract-"))
    try:
        db = pg.fresh("reextract")
        with ReplicaServer(site) as srv:
            urls = {"yonhap": srv.yonhap_url, "koreaherald": srv.koreaherald_url}
            crawl = run_crawl(urls, db, extra=("--since", SINCE))
        if crawl.exit_code != 0:
            raise SystemExit(f"crawl failed (exit {crawl.exit_code})")
        stored = article_count(db)
        files = write_pages(db, tmp)
        print(f"setup: {stored} articles crawled in {crawl.seconds:.1f} s, "
              f"{files} raw pages written out", flush=True)  # fmt: skip
        before = snapshot(db)
        runs: dict[str, dict[str, Any]] = {}
        for label, env in VARIANTS.items():
            load = os.getloadavg()[0]
            run = reextract(db, env)
            after = snapshot(db)
            runs[label] = {**run, "load_average_before": round(load, 2),
                           "store_unchanged": after == before, "snapshot_after": after}  # fmt: skip
            print(f"reextract ({label}): {run['printed']} | wall {run['seconds']} s = "
                  f"{run['pages_per_second']} pages/s; store unchanged: "
                  f"{after == before}", flush=True)  # fmt: skip
    finally:
        pg.close()
    load = os.getloadavg()[0]
    try:
        bare = run_bare(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)  # 4,000 pages weigh about 240 MB
    bare["load_average_before"] = round(load, 2)
    bare_inner = round(bare["pages"] / bare["extract_seconds"], 1)
    print(
        f"bare trafilatura.extract: {bare['pages']} pages in {bare['seconds']} s = "
        f"{bare['articles_per_second']} pages/s ({bare_inner} pages/s inside the loop)"
    )
    for run in runs.values():
        run["ratio"] = round(run["pages_per_second"] / bare["articles_per_second"], 2)
        if run["printed_pages_per_second"]:
            run["ratio_printed_vs_bare_loop"] = round(
                run["printed_pages_per_second"] / bare_inner, 2
            )
    ours = runs["default"]
    print(f"ratio reextract / bare extractor: {ours['ratio']} (target >= {TARGET}); "
          f"single process {runs['single process']['ratio']}")  # fmt: skip
    unchanged = all(r["counts"].get("unchanged") == r["pages"] == stored for r in runs.values())
    if not unchanged or not all(r["store_unchanged"] for r in runs.values()):
        print("FINDING: re-extracting the unchanged store did not leave it unchanged")
    figures = {
        "articles_per_site": args.articles,
        "seed": args.seed,
        "command": "DATABASE_URL=... newscrawl reextract (after newscrawl crawl of the replica "
        f"--since {SINCE}, discovery widened to all sections, bench/harness.py)",
        "pages": files,
        "stored_articles": stored,
        "processes": {
            "default": "newscrawl reextract: 1 process reading and storing + "
            f"{ours['workers']} extraction worker process(es), PostgreSQL beside it",
            "single process": "newscrawl reextract with NEWSCRAWL_EXTRACT_WORKERS=0: 1 process "
            "extracting and storing, PostgreSQL beside it",
            "bare": "1 process, trafilatura.extract(html, with_metadata=True, "
            "favor_precision=True) (bench/e2e.py's bare child), pages from disk, no database",
        },
        "rates": "pages_per_second: pages over the child's wall time, interpreter start "
        "included, both sides; printed_pages_per_second: reextract's own figure (from its "
        "connection to its end) against the bare loop's pages/extract_seconds",
        "reextract": ours,
        "single_process": runs["single process"],
        "bare_extractor": {**bare, "loop_pages_per_second": bare_inner},
        "ratio": ours["ratio"],
        "target": TARGET,
        "target_met": ours["ratio"] >= TARGET,
        "store_before": before,
        "all_unchanged": unchanged and all(r["store_unchanged"] for r in runs.values()),
        "setup_crawl_seconds": round(crawl.seconds, 1),
        "bench_seconds": round(time.monotonic() - started, 1),
    }
    print(f"bench took {figures['bench_seconds']} s")
    if not args.no_write:
        write_result("reextract", figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
