"""One crawl at a time: the PostgreSQL advisory lock under real concurrent `newscrawl crawl`
processes, and its release when a crawl is killed.

Decision (documented in docs/operations.md): a second crawl does not wait for the first; it
exits 75 at once, and cron's next run (30 minutes later) tries again.
"""

from __future__ import annotations

import signal

import psycopg
import pytest

from tests.e2e_support import crawl_replica
from tests.ops.support import (
    article_count,
    documented_query,
    lock_holders,
    runs,
    start_crawl,
    wait_for,
)

pytestmark = pytest.mark.e2e

LONG_TIMEOUT = ("-s", "DOWNLOAD_TIMEOUT=600")  # held requests never time out during a test


def test_two_concurrent_crawls_one_runs_the_other_exits_75(gated_replica, database_url):
    """Two crawls started at the same moment on a fresh database: both apply migrations (they
    serialise on the migration lock), exactly one takes the crawl lock and crawls, the other
    exits 75 at once, while the first is still crawling (its article pages are held back);
    the query docs/operations.md gives to see the holder finds it. The winner then finishes
    everything; only its two run rows exist; the lock is free."""
    server, gate = gated_replica
    crawls = [start_crawl(server, database_url, *LONG_TIMEOUT) for _ in range(2)]
    loser = wait_for(lambda: next((c for c in crawls if c.poll() is not None), None),
                     "one crawl to give up")  # fmt: skip
    winner = next(c for c in crawls if c is not loser)
    out, err = loser.communicate()
    assert loser.returncode == 75, err[-3000:]
    assert "another crawl holds the lock" in err and "Traceback" not in err
    assert winner.poll() is None, "the winner cannot have finished: its pages are held"
    assert len(lock_holders(database_url)) == 1
    with psycopg.connect(database_url) as conn:  # the query docs/operations.md gives
        assert len(conn.execute(documented_query("To see who holds it")).fetchall()) == 1
    wait_for(gate.waiting, "the winner to request an article page")
    gate.open()
    out, err = winner.communicate(timeout=600)
    assert winner.returncode == 0, err[-3000:]
    assert article_count(database_url) == 40
    assert [(site, status) for site, status, *_ in runs(database_url)] == [
        ("yonhap", "finished"), ("koreaherald", "finished")]  # fmt: skip
    assert lock_holders(database_url) == []


def test_the_lock_is_released_when_a_crawl_is_killed(gated_replica, database_url):
    """kill -9 in the middle of a crawl cannot run any cleanup, yet the lock goes with the
    killed process's database connection, so the next crawl gets it and finishes (exit 0).
    That next crawl also closes the killed crawl's run rows, which stayed `running`, as
    `failed` with a note: the history does not show a crawl running forever."""
    server, gate = gated_replica
    killed = start_crawl(server, database_url, *LONG_TIMEOUT)
    wait_for(gate.both_sites_waiting, "both sites to request article pages")
    assert len(lock_holders(database_url)) == 1
    killed.send_signal(signal.SIGKILL)
    killed.communicate()
    assert killed.returncode == -signal.SIGKILL
    assert [status for _, status, *_ in runs(database_url)] == ["running", "running"]
    # PostgreSQL ends the dead client's session as soon as it sees the socket closed.
    wait_for(lambda: lock_holders(database_url) == [], "PostgreSQL to drop the dead session")
    gate.open()
    result = crawl_replica(server, database_url)
    assert result.returncode == 0, result.stderr[-3000:]
    assert article_count(database_url) == 40
    history = runs(database_url)
    assert [status for _, status, *_ in history] == ["failed", "failed", "finished", "finished"]
    assert all(finished_at is not None for _, _, finished_at, _ in history)
