"""Soak: a 20,000-article crawl of the replica with faults on, under a memory and fd watch.

The replica serves N articles per site (default 10,000 each) with network faults and the bad
pages switched on. The real spiders, pipelines and store crawl it into a fresh PostgreSQL
database in a child process, while this process samples the child's process tree once a
second with psutil: resident memory (RSS) and open file descriptors, plus the number of
PostgreSQL connections the crawl holds. After the crawl: how many connections are left
(must be 0), whether every article was stored exactly once, and whether memory or descriptors
grew in the second half of the run.

Discovery is widened for the soak only: the spiders' own feeds and listings reach the
diplomacy and politics sections, so the child adds each site's all-sections listings
(Yonhap `/news`; Korea Herald `/National`, `/Business`, `/Sports`, `/LifenCulture`) to make
all 20,000 articles reachable. Everything else is the production code path (`newscrawl.crawl`
settings, pipelines, store, run recorder, crawl lock).

    .venv/bin/python bench/soak.py                      # 10,000 per site, writes results
    .venv/bin/python bench/soak.py --articles 500       # a quick look

Writes bench/results/soak.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import psutil  # noqa: E402
import psycopg  # noqa: E402

from bench.common import argument_parser, write_result  # noqa: E402

DEFAULT_FAULTS = (
    "error=0.05,429=0.03,drop=0.03,truncate=0.02,slow=0.02,slowsec=3,retryafter=1,"
    "seed=11,badpages=1"
)
# The same loopback politeness lift the end-to-end tests use, on the command line.
SETTINGS = {
    "AUTOTHROTTLE_ENABLED": "False",
    "DOWNLOAD_DELAY": "0",
    "CONCURRENT_REQUESTS": "16",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "8",
    "NEWSCRAWL_RETRY_BACKOFF": "0.05",
    "NEWSCRAWL_RETRY_MAX_DELAY": "2",
    "DOWNLOAD_TIMEOUT": "2",
    "RETRY_TIMES": "4",
    "LOG_LEVEL": "INFO",
}
# Bounds the soak asserts (see docs/reliability.md).
RSS_BOUND_MB = 400
FD_BOUND = 200
GROWTH_BOUND_MB = 64  # second-half peak RSS over first-half peak RSS
WIDE_LISTINGS = {
    "yonhap": ("/news",),
    "koreaherald": ("/National", "/Business", "/Sports", "/LifenCulture"),
}


# -- the child: the real crawl, discovery widened ---------------------------------------------


def child(base_urls: dict[str, str], settings: dict[str, str]) -> int:
    """Run both spiders the way `newscrawl crawl` does, with the wider listings."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "newscrawl.settings")
    from scrapy.crawler import CrawlerProcess

    from newscrawl import crawl, logs
    from newscrawl.db import connection, lock, migrate
    from spiders.koreaherald import KoreaHeraldSpider
    from spiders.yonhap import YonhapSpider

    class SoakYonhap(YonhapSpider):
        listings = YonhapSpider.listings + WIDE_LISTINGS["yonhap"]

    class SoakKoreaHerald(KoreaHeraldSpider):
        listings = KoreaHeraldSpider.listings + WIDE_LISTINGS["koreaherald"]

    logs.setup("human", None, settings.get("LOG_LEVEL", "INFO"))
    database = connection.resolve()
    migrate.ensure(database)
    with lock.CrawlLock(database):
        project = crawl.project_settings(settings)
        project.set("LOG_INSTALL_ROOT_HANDLER", False, priority="cmdline")
        process = CrawlerProcess(project)
        crawlers = []
        for spider in (SoakYonhap, SoakKoreaHerald):
            crawler = process.create_crawler(spider)
            crawlers.append(crawler)
            process.crawl(crawler, base_url=base_urls[spider.name])
        process.start()
    code = 0
    for crawler in crawlers:
        stats = crawler.stats.get_stats()
        status = crawl.run_status(stats.get("finish_reason", "failed"), stats)
        summary = {k: v for k, v in stats.items() if isinstance(v, int | float | str)}
        print(json.dumps({"site": crawler.spider.name, "status": status, "stats": summary}),
              flush=True)  # fmt: skip
        code |= status != "finished"
    return int(code)


# -- the parent: replica, database, watch ----------------------------------------------------


class Watch:
    """Samples RSS, open fds and PostgreSQL connections of a process tree every second."""

    def __init__(self, pid: int, database_url: str, interval: float = 1.0) -> None:
        self.root = psutil.Process(pid)
        self.database_url = database_url
        self.interval = interval
        self.samples: list[dict[str, float]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._started = time.monotonic()

    def start(self) -> Watch:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)

    def _tree(self) -> list[psutil.Process]:
        try:
            return [self.root, *self.root.children(recursive=True)]
        except psutil.NoSuchProcess:
            return []

    def _run(self) -> None:
        conn = psycopg.connect(self.database_url, autocommit=True)
        try:
            while not self._stop.is_set():
                rss = fds = threads = 0
                for proc in self._tree():
                    try:
                        rss += proc.memory_info().rss
                        fds += proc.num_fds()
                        threads += proc.num_threads()
                    except (psutil.NoSuchProcess, psutil.AccessDenied):
                        continue
                if rss:
                    self.samples.append({
                        "t": round(time.monotonic() - self._started, 1),
                        "rss_mb": round(rss / 2**20, 1),
                        "fds": fds,
                        "threads": threads,
                        "pg_connections": crawl_connections(conn),
                    })  # fmt: skip
                self._stop.wait(self.interval)
        finally:
            conn.close()


def crawl_connections(conn: psycopg.Connection) -> int:
    """Connections to this database other than the watcher's own."""
    return conn.execute(
        "SELECT count(*) FROM pg_stat_activity "
        "WHERE datname = current_database() AND pid <> pg_backend_pid()"
    ).fetchone()[0]


def summarise(samples: list[dict[str, float]]) -> dict[str, Any]:
    if not samples:
        return {}
    half = len(samples) // 2
    first, second = samples[:half] or samples, samples[half:]
    rss2 = [s["rss_mb"] for s in second]
    # least-squares slope of RSS over the second half, MB per minute
    ts = [s["t"] for s in second]
    slope = 0.0
    if len(second) > 2 and statistics.pvariance(ts) > 0:
        mt, mr = statistics.fmean(ts), statistics.fmean(rss2)
        slope = (
            sum((t - mt) * (r - mr) for t, r in zip(ts, rss2, strict=True))
            / sum((t - mt) ** 2 for t in ts)
            * 60
        )
    return {
        "samples": len(samples),
        "peak_rss_mb": max(s["rss_mb"] for s in samples),
        "median_rss_mb": statistics.median(s["rss_mb"] for s in samples),
        "first_half_peak_rss_mb": max(s["rss_mb"] for s in first),
        "second_half_peak_rss_mb": max(rss2),
        "second_half_rss_slope_mb_per_min": round(slope, 2),
        "peak_fds": max(s["fds"] for s in samples),
        "first_half_peak_fds": max(s["fds"] for s in first),
        "second_half_peak_fds": max(s["fds"] for s in second),
        "peak_threads": max(s["threads"] for s in samples),
        "peak_pg_connections": max(s["pg_connections"] for s in samples),
    }


def database(tmp: Path) -> tuple[str, Any]:
    """A fresh database: on DATABASE_URL's server when given, else an own pgserver."""
    given = os.environ.get("DATABASE_URL", "").strip()
    if given:
        admin, server = given, None
    else:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import pgserver

            server = pgserver.get_server(tmp / "pg", cleanup_mode="delete")
        admin = server.get_uri()
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    name = f"newscrawl_soak_{os.getpid()}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    params = conninfo_to_dict(admin)
    params["dbname"] = name
    return make_conninfo(**params), server


def run_crawl(base_urls: dict[str, str], url: str, log: Path, timeout: float) -> dict[str, Any]:
    """One watched crawl in a child process; its exit code, duration, site results and watch."""
    env = {**os.environ, "DATABASE_URL": url, "SCRAPY_SETTINGS_MODULE": "newscrawl.settings"}
    cmd = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--child",
        "--child-urls",
        json.dumps(base_urls),
        "--child-settings",
        json.dumps(SETTINGS),
    ]
    started = time.monotonic()
    with log.open("w") as err:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=err,
                                text=True)  # fmt: skip
        watch = Watch(proc.pid, url).start()
        try:
            out, _ = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.terminate()
            out, _ = proc.communicate(timeout=60)
        watch.stop()
    sites = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    return {
        "exit_code": proc.returncode,
        "seconds": round(time.monotonic() - started, 1),
        "sites": sites,
        "watch": summarise(watch.samples),
        "series": watch.samples[:: max(1, len(watch.samples) // 300)],
    }


def check_store(url: str, truth: set[str]) -> dict[str, Any]:
    with psycopg.connect(url) as conn:
        stored = [r[0] for r in conn.execute("SELECT canonical_url FROM articles")]
        partial = conn.execute(
            """SELECT count(*) FROM articles a
               WHERE a.story_id IS NULL
                  OR NOT EXISTS (SELECT 1 FROM article_versions v WHERE v.article_id = a.id)
                  OR NOT EXISTS (SELECT 1 FROM raw_pages r WHERE r.article_id = a.id)"""
        ).fetchone()[0]
        dup_ids = conn.execute(
            "SELECT count(*) FROM (SELECT source, site_article_id FROM articles "
            "GROUP BY 1, 2 HAVING count(*) > 1) d"
        ).fetchone()[0]
        left = crawl_connections(conn)
    stored_set = set(stored)
    return {
        "expected": len(truth),
        "stored_valid": len(stored_set & truth),
        "stored_other": len(stored_set - truth),  # bad pages that still made an article
        "duplicated": len(stored) - len(stored_set) + dup_ids,
        "lost": len(truth - stored_set),
        "partial_rows": partial,
        "connections_left": left,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argument_parser(__doc__, 10_000, seed=11)
    parser.add_argument("--faults", default=DEFAULT_FAULTS)
    parser.add_argument("--timeout", type=float, default=4 * 3600, help="per crawl, seconds")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--child-urls", help=argparse.SUPPRESS)
    parser.add_argument("--child-settings", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(json.loads(args.child_urls), json.loads(args.child_settings))

    from newscrawl.replica import ReplicaServer, build_site

    tmp = Path(tempfile.mkdtemp(prefix="newscrawl-soak-"))
    url, server = database(tmp)
    site = build_site(articles=args.articles, seed=args.seed)
    truth = {t["canonical_url"] for t in site.ground_truth()}
    runs = []
    with ReplicaServer(site, faults=args.faults) as replica:
        base_urls = {"yonhap": replica.yonhap_url, "koreaherald": replica.koreaherald_url}
        for n in (1, 2):  # the crawl, then at most one more run to pick up what failed
            print(f"crawl {n}: {len(truth)} articles expected ...", flush=True)
            result = run_crawl(base_urls, url, tmp / f"crawl{n}.log", args.timeout)
            result["store"] = check_store(url, truth)
            result["requests"] = {
                "total": len(replica.stats.records()),
                "faulted": sum(1 for r in replica.stats.records() if r.fault),
            }
            replica.stats.reset()
            runs.append(result)
            print(json.dumps({k: v for k, v in result.items() if k != "series"}, indent=1),
                  flush=True)  # fmt: skip
            if result["store"]["lost"] == 0:
                break
    first = runs[0]["watch"]
    final = runs[-1]["store"]
    verdict = {
        "rss_bound_mb": RSS_BOUND_MB,
        "fd_bound": FD_BOUND,
        "growth_bound_mb": GROWTH_BOUND_MB,
        "rss_ok": first["peak_rss_mb"] <= RSS_BOUND_MB,
        "fds_ok": first["peak_fds"] <= FD_BOUND,
        "no_growth": first["second_half_peak_rss_mb"] - first["first_half_peak_rss_mb"]
        <= GROWTH_BOUND_MB
        and first["second_half_peak_fds"] <= first["first_half_peak_fds"] + 10,
        "no_leaked_connections": all(r["store"]["connections_left"] == 0 for r in runs),
        "complete": final["lost"] == 0 and final["duplicated"] == 0 and final["partial_rows"] == 0,
    }
    verdict["passed"] = all(v for k, v in verdict.items() if isinstance(v, bool))
    figures = {
        "articles_per_site": args.articles,
        "seed": args.seed,
        "faults": args.faults,
        "settings": SETTINGS,
        "wide_listings": WIDE_LISTINGS,
        "runs": runs,
        "verdict": verdict,
    }
    if not args.no_write:
        write_result("soak", figures)
    print(json.dumps(verdict, indent=1))
    if server is not None:
        server.cleanup()
    if verdict["passed"]:
        shutil.rmtree(tmp, ignore_errors=True)
    else:
        print(f"crawl logs kept in {tmp}")
    return 0 if verdict["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
