"""Shared plumbing for the crawl benchmarks: a fresh database, the replica, a watched crawl.

Every crawl benchmark runs the real `newscrawl crawl` command in a child process against the
replica on 127.0.0.1, into a database of its own, lifting politeness only on the command line
(the way README and tests/e2e_support.py do). The child's process tree (the crawl and its
extraction workers) is sampled with psutil for peak RSS and CPU time.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil  # noqa: E402
import psycopg  # noqa: E402
from psycopg.conninfo import conninfo_to_dict, make_conninfo  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
NEWSCRAWL = str(Path(sys.executable).with_name("newscrawl"))

# The spiders follow the diplomacy and politics sections only; a benchmark that wants all N
# articles of each site adds each site's all-sections listings (as bench/soak.py does). The
# crawl is otherwise `newscrawl crawl` itself: same argument parsing, settings, lock, pipelines.
WIDE_LISTINGS = {
    "yonhap": ("/news",),
    "koreaherald": ("/National", "/Business", "/Sports", "/LifenCulture"),
}

# Politeness lifted for loopback, on the command line only (README "Running it").
LOOPBACK_SETTINGS: dict[str, str] = {
    "AUTOTHROTTLE_ENABLED": "False",
    "DOWNLOAD_DELAY": "0",
    "CONCURRENT_REQUESTS": "64",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "32",
    "LOG_LEVEL": "WARNING",
}


class Postgres:
    """A PostgreSQL server for benchmarks: DATABASE_URL's server, else a temporary pgserver.

    Each `fresh()` database is created empty, so runs never see each other's rows.
    """

    def __init__(self) -> None:
        self.tmp = Path(tempfile.mkdtemp(prefix="newscrawl-bench-pg-"))
        given = os.environ.get("DATABASE_URL", "").strip()
        self.server: Any = None
        if given:
            self.admin = given
        else:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                import pgserver

                self.server = pgserver.get_server(self.tmp / "pg", cleanup_mode="delete")
            self.admin = self.server.get_uri()
        self.names: list[str] = []

    def fresh(self, label: str) -> str:
        name = f"newscrawl_bench_{label}_{os.getpid()}"
        with psycopg.connect(self.admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
        self.names.append(name)
        params = conninfo_to_dict(self.admin)
        params["dbname"] = name
        return make_conninfo(**params)

    def close(self) -> None:
        with psycopg.connect(self.admin, autocommit=True) as conn:
            for name in self.names:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if self.server is not None:
            self.server.cleanup()


def postmaster_pid(database_url: str) -> int | None:
    """The local PostgreSQL server's main process, to count the database's CPU; None if remote."""
    with psycopg.connect(database_url, autocommit=True) as conn:
        pid = conn.execute("SELECT pg_backend_pid()").fetchone()[0]
        try:  # while connected: the backend exits with its connection
            parent = psutil.Process(pid).parent()
        except psutil.NoSuchProcess:
            return None
    return parent.pid if parent and parent.name().startswith("postgres") else None


@dataclass
class Watch:
    """Samples the RSS of a process tree (the crawl and its workers) every `interval` s."""

    pid: int
    interval: float = 0.2
    peak_rss: int = 0
    peak_root_rss: int = 0  # the crawl process alone
    peak_children_rss: int = 0  # its extraction workers together
    samples: list[tuple[float, int]] = field(default_factory=list)
    cpu_seconds: float = 0.0
    _stop: threading.Event = field(default_factory=threading.Event)
    _seen: dict[int, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._root = psutil.Process(self.pid)
        self.cpu_at_start = self._tree_cpu()
        self._t0 = time.monotonic()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _tree_cpu(self) -> float:
        total = 0.0
        for proc in [self._root, *self._root.children(recursive=True)]:
            try:
                t = proc.cpu_times()
            except psutil.Error:
                continue
            self._seen[proc.pid] = t.user + t.system
            total += t.user + t.system
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                procs = [self._root, *self._root.children(recursive=True)]
            except psutil.NoSuchProcess:
                break
            rss = root = 0
            for proc in procs:
                try:
                    used = proc.memory_info().rss
                    t = proc.cpu_times()
                except psutil.Error:
                    continue
                rss += used
                root = used if proc is self._root else root
                self._seen[proc.pid] = t.user + t.system
            if rss:
                self.peak_rss = max(self.peak_rss, rss)
                self.peak_root_rss = max(self.peak_root_rss, root)
                self.peak_children_rss = max(self.peak_children_rss, rss - root)
                self.samples.append((round(time.monotonic() - self._t0, 2), rss))
            self._stop.wait(self.interval)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self.cpu_seconds = sum(self._seen.values())


@dataclass
class CrawlRun:
    exit_code: int
    seconds: float
    peak_rss_mb: float
    cpu_seconds: float
    stdout: str
    stderr: str
    rss_series: list[tuple[float, float]]
    machine_cpu_share: float  # busy share of all cores during the run (crawl, database, replica)
    own_cpu_seconds: float  # this process: the replica server's threads, mostly
    db_cpu_seconds: float | None  # the PostgreSQL server's processes, when it runs here
    peak_crawl_process_mb: float = 0.0  # peak RSS of the crawl process alone
    peak_workers_mb: float = 0.0  # peak RSS of its extraction workers together


def _busy() -> float:
    t = psutil.cpu_times()
    return t.user + t.system + getattr(t, "nice", 0.0) + getattr(t, "irq", 0.0) + getattr(
        t, "softirq", 0.0)


def _own() -> float:
    t = psutil.Process().cpu_times()
    return t.user + t.system


def crawl_command(base_urls: dict[str, str], settings: dict[str, str],
                  extra: tuple[str, ...] = (), wide: bool = True) -> list[str]:  # fmt: skip
    """`newscrawl crawl ...`, or the same command through `child()` with wide discovery."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "crawl"] if wide else [NEWSCRAWL, "crawl"]
    for site, url in base_urls.items():
        cmd += ["--base-url", f"{site}={url}"]
    for name, value in settings.items():
        cmd += ["-s", f"{name}={value}"]
    return [*cmd, *extra]


def run_crawl(
    base_urls: dict[str, str],
    database_url: str,
    settings: dict[str, str] | None = None,
    extra: tuple[str, ...] = (),
    timeout: float = 3600,
    wrap: list[str] | None = None,
    wide: bool = True,
) -> CrawlRun:
    """Run `newscrawl crawl` against the replica in a child process, watching its tree.

    `wrap` prefixes the command (a profiler, e.g. `py-spy record ... --`).
    """
    cmd = crawl_command(base_urls, {**LOOPBACK_SETTINGS, **(settings or {})}, extra, wide)
    if wrap:
        cmd = [*wrap, *cmd]
    return run_watched(cmd, database_url, timeout=timeout)


def run_watched(cmd: list[str], database_url: str, timeout: float = 3600,
                env: dict[str, str] | None = None) -> CrawlRun:  # fmt: skip
    """Run any `newscrawl` command on `database_url` in a child process, watching its tree
    and the database server's (`env` adds environment variables)."""
    env = {**os.environ, **(env or {}), "DATABASE_URL": database_url}
    pg_pid = postmaster_pid(database_url)
    pg_watch = Watch(pg_pid) if pg_pid else None
    busy0, own0 = _busy(), _own()
    started = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)  # fmt: skip
    watch = Watch(proc.pid)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
    seconds = time.monotonic() - started
    share = (_busy() - busy0) / (seconds * (os.cpu_count() or 1))
    watch.stop()
    if pg_watch is not None:
        pg_watch.stop()
    if proc.returncode != 0:
        sys.stderr.write(err[-4000:])
    series = [(t, round(r / 2**20, 1)) for t, r in watch.samples]
    return CrawlRun(proc.returncode, seconds, round(watch.peak_rss / 2**20, 1),
                    round(watch.cpu_seconds, 1), out, err, series[:: max(1, len(series) // 200)],
                    round(share, 3), round(_own() - own0, 1),
                    round(pg_watch.cpu_seconds - pg_watch.cpu_at_start, 1) if pg_watch else None,
                    round(watch.peak_root_rss / 2**20, 1),
                    round(watch.peak_children_rss / 2**20, 1))


def stored(database_url: str) -> dict[str, dict[str, Any]]:
    """canonical_url -> {body, source} for every stored article."""
    with psycopg.connect(database_url) as conn:
        rows = conn.execute("SELECT canonical_url, source, body FROM articles").fetchall()
    return {url: {"source": source, "body": body} for url, source, body in rows}


def article_count(database_url: str) -> int:
    with psycopg.connect(database_url) as conn:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]


def fetch_pages(origins: dict[str, str], paths: list[tuple[str, str]], out: Path,
                threads: int = 8) -> list[Path]:  # fmt: skip
    """Download (site, path) pages from the replica into `out`, untimed; files in input order."""
    import http.client
    from concurrent.futures import ThreadPoolExecutor
    from urllib.parse import urlsplit

    out.mkdir(parents=True, exist_ok=True)
    local = threading.local()

    def get(i_sp: tuple[int, tuple[str, str]]) -> Path:
        i, (site, path) = i_sp
        conns = getattr(local, "conns", None)
        if conns is None:
            conns = local.conns = {}
        if site not in conns:
            parts = urlsplit(origins[site])
            conns[site] = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        conn = conns[site]
        conn.request("GET", path, headers={"User-Agent": "newscrawl-bench"})
        resp = conn.getresponse()
        body = resp.read()
        if resp.status in (301, 302):
            conn.request("GET", urlsplit(resp.getheader("Location")).path + (
                "?" + urlsplit(resp.getheader("Location")).query
                if urlsplit(resp.getheader("Location")).query else ""),
                headers={"User-Agent": "newscrawl-bench"})  # fmt: skip
            resp = conn.getresponse()
            body = resp.read()
        target = out / f"{i:06d}.html"
        target.write_bytes(body)
        return target

    with ThreadPoolExecutor(threads) as pool:
        return list(pool.map(get, enumerate(paths)))


def child(argv: list[str]) -> int:
    """`newscrawl <argv>` with every site's all-sections listings added to its discovery."""
    sys.path.insert(0, str(ROOT))
    from newscrawl.cli import main
    from spiders.koreaherald import KoreaHeraldSpider
    from spiders.yonhap import YonhapSpider

    YonhapSpider.listings = YonhapSpider.listings + WIDE_LISTINGS["yonhap"]
    KoreaHeraldSpider.listings = KoreaHeraldSpider.listings + WIDE_LISTINGS["koreaherald"]
    return main(argv)


if __name__ == "__main__":
    sys.exit(child(sys.argv[1:]))
