"""The last pipeline: writes each article to PostgreSQL in one transaction.

Database work runs in the pipeline's own threads, one per pool connection, so the crawl keeps
downloading while rows are written. They are not Twisted's shared thread pool: there, a backlog
of stores queued ahead of the spiders' seen-checks and stalled every listing walk (profile in
bench/README.md). An item that fails to store is logged with its URL, counted, and not stored
at all, so it is not "seen" and the next run fetches it again.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor

import psycopg
from itemadapter import ItemAdapter
from psycopg_pool import ConnectionPool
from scrapy.crawler import Crawler

from newscrawl.config import synchronous_commit
from newscrawl.db import connection, migrate
from newscrawl.db.store import Stored, store_article
from newscrawl.items import ArticleItem

logger = logging.getLogger(__name__)


RACE_RETRIES = 2
RACE_ERRORS = (
    psycopg.errors.DeadlockDetected,
    psycopg.errors.ForeignKeyViolation,
    psycopg.errors.SerializationFailure,
)


class StorePipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.pool_size = crawler.settings.getint("NEWSCRAWL_DB_POOL_SIZE", 2)
        self.synchronous_commit = synchronous_commit(
            crawler.settings.get("NEWSCRAWL_SYNCHRONOUS_COMMIT", "off")
        )
        self.pool: ConnectionPool | None = None
        self.threads: ThreadPoolExecutor | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        return cls(crawler)

    def open_spider(self) -> None:
        database = connection.resolve()
        applied, _version = migrate.ensure(database)
        if applied:
            logger.info("applied migrations: %s", ", ".join(applied))
        self.pool = connection.pool(database, "newscrawl-store", self.pool_size, self._configure)
        self.threads = ThreadPoolExecutor(self.pool_size, thread_name_prefix="newscrawl-store")

    def _configure(self, conn: psycopg.Connection) -> None:
        conn.execute("SELECT set_config('synchronous_commit', %s, false)",
                     (self.synchronous_commit,))  # fmt: skip

    def close_spider(self) -> None:
        if self.threads is not None:
            self.threads.shutdown(wait=True)
            self.threads = None
        if self.pool is not None:
            self.pool.close()
            self.pool = None

    async def process_item(self, item: ArticleItem) -> ArticleItem:
        assert self.threads is not None, "open_spider() was not called"
        await asyncio.wrap_future(self.threads.submit(self._store, item))
        return item

    def _store_retrying(self, item: ArticleItem) -> Stored:
        """store_article, tried again when a concurrent store made it roll back whole (a
        deadlock with a store that emptied and deleted this article's story, or that story
        deleted between its lookup and the insert)."""
        assert self.pool is not None, "open_spider() was not called"
        for attempt in range(RACE_RETRIES + 1):
            try:
                with self.pool.connection() as conn:
                    return store_article(conn, item)
            except RACE_ERRORS:
                if attempt == RACE_RETRIES:
                    raise
                self.stats.inc_value("store/retried")
        raise AssertionError("unreachable")

    def _store(self, item: ArticleItem) -> None:
        assert self.pool is not None, "open_spider() was not called"
        url = ItemAdapter(item).get("url")
        try:
            stored = self._store_retrying(item)
        except (psycopg.Error, OSError) as exc:
            self.stats.inc_value("store/failed")
            logger.error("could not store %s: %s", url, connection.mask_url(str(exc)).strip())
            return
        self.stats.inc_value(f"store/{stored.outcome.value}")
        if stored.linked:
            self.stats.inc_value("store/duplicate_linked")
