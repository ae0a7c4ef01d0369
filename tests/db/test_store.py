"""The store pipeline against a real PostgreSQL: one row per canonical URL, one transaction."""

from datetime import UTC, datetime

import psycopg
import pytest
from scrapy.utils.test import get_crawler

from newscrawl.db.store import Outcome, store_article
from newscrawl.items import ArticleItem
from pipelines.store import StorePipeline


def make_item(**overrides) -> ArticleItem:
    fields = dict(
        source="yonhap",
        url="http://127.0.0.1:9/view/AEN20231005001200315?section=news&input=rss",
        canonical_url="https://en.yna.co.kr/view/AEN20231005001200315",
        site_article_id="AEN20231005001200315",
        title="Seoul and Tokyo hold talks",
        authors=["Lee Min-ji"],
        published_at=datetime(2023, 10, 5, 5, 0, tzinfo=UTC),
        body="SEOUL, Oct. 5 (Yonhap) -- First paragraph.\n\nSecond paragraph.",
        raw_html="<html><body><p>page</p></body></html>",
        http_status=200,
    )
    fields.update(overrides)
    return ArticleItem(**fields)


@pytest.fixture
def pipeline(database_url):
    crawler = get_crawler(settings_dict={"NEWSCRAWL_DB_POOL_SIZE": 1})
    crawler.stats.open_spider()
    pipe = StorePipeline.from_crawler(crawler)
    pipe.open_spider()  # applies the migrations itself
    yield pipe
    pipe.close_spider()


@pytest.mark.parametrize("value, expected", [(None, "off"), ("on", "on"), ("0", "off")])
def test_store_connections_use_the_configured_synchronous_commit(database_url, value, expected):
    settings = {"NEWSCRAWL_DB_POOL_SIZE": 1}
    if value is not None:
        settings["NEWSCRAWL_SYNCHRONOUS_COMMIT"] = value
    crawler = get_crawler(settings_dict=settings)
    pipe = StorePipeline.from_crawler(crawler)
    pipe.open_spider()
    try:
        with pipe.pool.connection() as conn:
            assert conn.execute("SHOW synchronous_commit").fetchone()[0] == expected
    finally:
        pipe.close_spider()


def test_a_bad_synchronous_commit_value_is_refused():
    with pytest.raises(ValueError, match="must be one of on, off"):
        StorePipeline.from_crawler(
            get_crawler(settings_dict={"NEWSCRAWL_SYNCHRONOUS_COMMIT": "on; DROP TABLE x"})
        )


def count(database_url, table="articles"):
    with psycopg.connect(database_url) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_pipeline_stores_an_item_once(pipeline, database_url):
    pipeline._store(make_item())
    pipeline._store(make_item())
    assert count(database_url) == 1
    assert count(database_url, "raw_pages") == 1
    stats = pipeline.stats.get_stats()
    assert stats["store/new"] == 1
    assert stats["store/unchanged"] == 1
    with psycopg.connect(database_url) as conn:
        title, authors, published = conn.execute(
            "SELECT title, authors, published_at FROM articles"
        ).fetchone()
    assert title == "Seoul and Tokyo hold talks"
    assert authors == ["Lee Min-ji"]
    assert published == datetime(2023, 10, 5, 5, 0, tzinfo=UTC)


def test_unchanged_refetch_touches_last_seen_only(db):
    first = store_article(db, make_item())
    before = db.execute("SELECT last_seen_at, updated_at FROM articles").fetchone()
    second = store_article(db, make_item())
    after = db.execute("SELECT last_seen_at, updated_at FROM articles").fetchone()
    assert (first.outcome, second.outcome) == (Outcome.NEW, Outcome.UNCHANGED)
    assert first.article_id == second.article_id
    assert after[0] > before[0] and after[1] == before[1]


def test_changed_content_updates_in_place(db):
    store_article(db, make_item())
    stored = store_article(db, make_item(body="A corrected first paragraph."))
    assert stored.outcome == Outcome.UPDATED
    assert db.execute("SELECT body FROM articles").fetchone()[0] == "A corrected first paragraph."
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 1


def test_a_failing_item_leaves_nothing_half_written(pipeline, database_url):
    bad = make_item(source="not-a-site")  # violates the CHECK constraint after raw page prep
    pipeline._store(bad)
    assert count(database_url) == 0
    assert count(database_url, "raw_pages") == 0
    assert pipeline.stats.get_value("store/failed") == 1


def test_nul_bytes_are_removed_and_the_rest_kept_verbatim(db):
    hostile = "Robert'); DROP TABLE articles;--\x00 <script>alert(1)</script>"
    store_article(db, make_item(title=hostile))
    title = db.execute("SELECT title FROM articles").fetchone()[0]
    assert title == "Robert'); DROP TABLE articles;-- <script>alert(1)</script>"
