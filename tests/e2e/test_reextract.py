"""`newscrawl reextract`: cleaning re-run on stored pages, no network, versions on change."""

import psycopg
import pytest

from tests.e2e_support import crawl_replica, run_newscrawl, stored_articles

pytestmark = pytest.mark.e2e


def test_reextract_rebuilds_changed_articles_from_raw_pages(replica_factory, database_url):
    server = replica_factory(articles=15, seed=8)
    assert crawl_replica(server, database_url).returncode == 0
    before = stored_articles(database_url)
    victim = sorted(before)[0]
    with psycopg.connect(database_url) as conn:
        # What an older, worse extraction might have stored.
        conn.execute("UPDATE articles SET body = 'Share this article. (END)', content_hash = "
                     "'\\x00' WHERE canonical_url = %s", (victim,))  # fmt: skip
    server.stop()  # no network from here on

    result = run_newscrawl(["reextract", "--source", before[victim]["source"]], database_url)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "1 updated" in result.stdout
    after = stored_articles(database_url)
    assert after[victim]["body"] == before[victim]["body"]
    with psycopg.connect(database_url) as conn:
        versions = conn.execute(
            "SELECT count(*) FROM article_versions v JOIN articles a ON a.id = v.article_id "
            "WHERE a.canonical_url = %s", (victim,)
        ).fetchone()[0]
    assert versions == 2
    unchanged = [u for u in after if u != victim and after[u]["source"] == after[victim]["source"]]
    assert all(after[u]["updated_at"] == before[u]["updated_at"] for u in unchanged)
    assert all(after[u]["last_seen_at"] == before[u]["last_seen_at"] for u in unchanged)


def test_reextract_in_worker_processes_gives_the_same_rows(replica_factory, database_url):
    """NEWSCRAWL_EXTRACT_WORKERS=1 extracts in a worker process; the stored rows are what
    the inline run stores, and the command reports its rate."""
    server = replica_factory(articles=10, seed=12)
    assert crawl_replica(server, database_url).returncode == 0
    server.stop()
    with psycopg.connect(database_url) as conn:
        conn.execute("UPDATE articles SET body = 'stale', content_hash = '\\x00'")
    inline = run_newscrawl(["reextract"], database_url, env={"NEWSCRAWL_EXTRACT_WORKERS": "0"})
    assert inline.returncode == 0 and "pages/s, 0 workers" in inline.stdout, inline.stdout
    first = {u: (r["body"], r["problems"]) for u, r in stored_articles(database_url).items()}
    with psycopg.connect(database_url) as conn:
        conn.execute("UPDATE articles SET body = 'stale', content_hash = '\\x00'")
    pooled = run_newscrawl(["reextract"], database_url, env={"NEWSCRAWL_EXTRACT_WORKERS": "1"})
    assert pooled.returncode == 0 and "pages/s, 1 workers" in pooled.stdout, pooled.stdout
    second = {u: (r["body"], r["problems"]) for u, r in stored_articles(database_url).items()}
    assert second == first and all(body != "stale" for body, _problems in first.values())
    n = len(first)
    assert f"{n} pages re-extracted" in pooled.stdout and f"{n} updated" in pooled.stdout
