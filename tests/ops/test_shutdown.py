"""SIGTERM or SIGINT in the middle of a crawl: a graceful shutdown.

The crawl stops asking for new pages, lets the requests already in flight complete and their
articles be stored, finishes each site's `crawl_runs` row as `interrupted` (finished_at and
Scrapy's stats set) and exits 1. No article is left half-written.
"""

from __future__ import annotations

import signal

import psycopg
import pytest

from tests.ops.support import StderrReader, runs, start_crawl, wait_for

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_mid_crawl_finishes_the_runs_and_stores_what_was_in_flight(
    signum, gated_replica, database_url
):
    """The signal arrives while article pages are being downloaded (held by the replica);
    once Scrapy has acknowledged it, the held pages are let through: the articles on them are
    stored completely (article, version and raw page), no article page is requested after
    that (not even a redirect's target), both run rows end `interrupted` with stats, and the
    process exits 1."""
    server, gate = gated_replica
    crawl = start_crawl(server, database_url, "-s", "DOWNLOAD_TIMEOUT=600")
    stderr = StderrReader(crawl)
    wait_for(gate.both_sites_waiting, "both sites to request article pages")
    crawl.send_signal(signum)
    wait_for(lambda: stderr.seen("shutting down gracefully"), "Scrapy to acknowledge the signal")
    gate.open()
    crawl.wait(timeout=600)
    in_flight = set(gate.held)  # every article request made before the gate opened
    log = stderr.text()
    assert crawl.returncode == 1, log[-3000:]
    assert "Traceback" not in log

    history = runs(database_url)
    assert [(site, status) for site, status, *_ in history] == [
        ("yonhap", "interrupted"), ("koreaherald", "interrupted")]  # fmt: skip
    for _, _, finished_at, stats in history:
        assert finished_at is not None
        assert stats["finish_reason"] == "shutdown"
        assert stats["downloader/request_count"] > 0

    article_requests = {(r.site, r.path) for r in server.stats.records(kind="article")}
    assert article_requests == in_flight, "a page was requested after the shutdown began"
    assert len(in_flight) < 40, "the crawl was not cut short"
    with psycopg.connect(database_url) as conn:
        stored, complete = conn.execute(
            """SELECT count(*), count(*) FILTER (
                   WHERE EXISTS (SELECT 1 FROM article_versions v WHERE v.article_id = a.id)
                     AND EXISTS (SELECT 1 FROM raw_pages p WHERE p.article_id = a.id))
               FROM articles a"""
        ).fetchone()
    assert stored > 0, "the articles in flight were dropped instead of stored"
    assert complete == stored
    assert stored <= len(in_flight)
