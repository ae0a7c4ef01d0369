"""Database faults: PostgreSQL stopped in the middle of a crawl and started again.

The test runs its own PostgreSQL (pgserver, in a temporary directory) so it can stop and
start it. The replica is slowed (half the responses take 1.5 s) so the crawl is certainly
running when the server goes away. What must hold: the crawl ends by itself with a clear
message (no traceback), the next run completes the set, no article counts as seen without
being stored (the next run fetches exactly what is missing, nothing it already has), and no
article is stored in part (every article row has its version, raw page and story).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from tests.e2e_support import NEWSCRAWL, ROOT, crawl_args, crawl_replica, stored_articles
from tests.reliability.helpers import duplicated, partial_rows, runs

pytestmark = pytest.mark.e2e


class OwnPostgres:
    """A pgserver instance of this test's own, which it may stop and start."""

    def __init__(self, directory: Path) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import pgserver

        self.server = pgserver.get_server(directory, cleanup_mode="delete")
        self.admin_url = self.server.get_uri()

    def stop(self) -> None:
        from pgserver import _commands

        _commands.pg_ctl(["-w", "-m", "fast", "stop"], pgdata=self.server.pgdata,
                         user=self.server.system_user, timeout=60)  # fmt: skip

    def start(self) -> None:
        self.server.ensure_postgres_running()
        assert self.server.get_uri() == self.admin_url  # same socket: same DATABASE_URL

    def database(self, name: str) -> str:
        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        params = conninfo_to_dict(self.admin_url)
        params["dbname"] = name
        return make_conninfo(**params)


@pytest.fixture
def own_postgres() -> Iterator[OwnPostgres]:
    # Not under pytest's tmp_path: when a pytest session starts it makes /tmp/pytest-of-<user>
    # 0700, which locks out the unprivileged user pgserver runs PostgreSQL as (under root).
    directory = Path(tempfile.mkdtemp(prefix="newscrawl-dbfault-"))
    try:
        pg = OwnPostgres(directory / "pg")
        yield pg
        try:
            pg.start()  # cleanup stops it; make sure there is something to stop
        finally:
            pg.server.cleanup()
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def _count(url: str) -> int:
    try:
        with psycopg.connect(url, connect_timeout=2) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except psycopg.Error:
        return 0


def test_postgres_restart_mid_crawl(own_postgres: OwnPostgres, replica_factory, monkeypatch):
    """Stop PostgreSQL while both spiders are storing, start it 4 s later: the crawl ends on
    its own without a traceback, every failure is logged with its URL, the next run fetches
    exactly the articles that are missing and completes the set; no duplicate, no partial
    row, the failed run recorded."""
    url = own_postgres.database("crawl")
    monkeypatch.setenv("DATABASE_URL", url)
    server = replica_factory(articles=40, seed=6, faults="slow=0.5,slowsec=1.5,seed=3")
    truth = {t["canonical_url"]: t for t in server.site.ground_truth()}
    args = crawl_args(server, "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2")
    crawl = subprocess.Popen([NEWSCRAWL, *args], cwd=ROOT, text=True, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE,
                             env={**__import__("os").environ, "DATABASE_URL": url})  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        while _count(url) < 5 and crawl.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
        assert crawl.poll() is None, "the crawl ended before the database could be stopped"
        stored_before_stop = _count(url)
        assert stored_before_stop < len(truth)
        own_postgres.stop()
        time.sleep(4)
        own_postgres.start()
        out, err = crawl.communicate(timeout=300)
    finally:
        if crawl.poll() is None:
            crawl.kill()
            crawl.communicate()
    assert "Traceback" not in err, err[-4000:]
    assert crawl.returncode in (0, 1), err[-4000:]
    failures = [line for line in err.splitlines() if "] ERROR: " in line]
    if crawl.returncode == 1:  # it failed: people must see why, in one line per problem
        assert failures, err[-4000:]
        assert [line for line in out.splitlines() if "(failed)" in line], out
    for line in failures:  # each names what was lost, and nothing is a traceback
        assert ("could not store http" in line or "links skipped until the next run" in line
                or "Gave up retrying" in line), line  # fmt: skip
    after_first = set(stored_articles(url))
    assert after_first <= set(truth)
    assert partial_rows(url) == []

    server.stats.reset()
    second = crawl_replica(server, url)
    assert second.returncode == 0, second.stderr[-4000:]
    assert "Traceback" not in second.stderr
    requested = {
        site: set(server.stats.paths(site, "article")) for site in ("yonhap", "koreaherald")
    }
    fetched = {u for u, t in truth.items() if t["path"] in requested[t["source"]]}
    missing = set(truth) - after_first
    assert fetched & after_first == set(), "an article already stored was fetched again"
    assert missing <= fetched, "a missing article was taken as seen and not fetched"

    stored = set(stored_articles(url))
    print(f"\ndatabase restart: stored before stop {stored_before_stop}, after the first run "
          f"{len(after_first)}, after the second {len(stored)} of {len(truth)}")  # fmt: skip
    assert stored == set(truth)
    assert duplicated(url) == 0
    assert partial_rows(url) == []
    recorded = runs(url)
    assert all(r["finished_at"] is not None for r in recorded[-2:])
    assert {r["status"] for r in recorded[-2:]} == {"finished"}
