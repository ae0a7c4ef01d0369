"""Re-running the extraction on stored pages, without refetching anything.

After an improvement to a parser, a cleaning rule or the topic rules, `newscrawl reextract`
rebuilds every stored article from its raw page with `page_to_article`, exactly as the crawl
does; an article whose text changes gets a new version, as if the site had updated it.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import psycopg

from newscrawl.db import queries
from newscrawl.db.store import Outcome, store_article
from newscrawl.extract import page_to_article
from newscrawl.items import ArticleItem, FetchedPage
from newscrawl.workers import spawn_pool

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RawPage:
    article_id: int
    source: str
    canonical_url: str
    url: str
    html: str


def raw_pages(conn: psycopg.Connection, filters: queries.Filters) -> Iterator[RawPage]:
    where, params = filters.where()
    with conn.cursor(name="newscrawl_reextract") as cur:
        cur.itersize = 200
        cur.execute(
            f"""SELECT a.id, a.source, a.canonical_url, r.url, r.html
                FROM raw_pages r JOIN articles a ON a.id = r.article_id
                WHERE {where} ORDER BY a.id""",
            params,
        )
        for row in cur:
            yield RawPage(*row)


BATCH = 64  # pages sent to the workers at a time: the cursor streams, memory stays flat


def _extract(page: RawPage, rules_path: str | None) -> ArticleItem:
    """One stored page made an article again (in a worker process when there are workers)."""
    item = page_to_article(FetchedPage(source=page.source, url=page.url, html=page.html),
                           rules_path)  # fmt: skip
    item.canonical_url = page.canonical_url  # the stored identity is kept
    item.raw_html = item.container_html = None  # unchanged: the page itself is not rewritten
    return item


def _batches(pages: Iterator[RawPage], size: int) -> Iterator[list[RawPage]]:
    batch: list[RawPage] = []
    for page in pages:
        batch.append(page)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def reextract(
    read_conn: psycopg.Connection,
    write_conn: psycopg.Connection,
    filters: queries.Filters,
    rules_path: str | None = None,
    workers: int = 0,
) -> Counter[str]:
    """Rebuild the selected articles from their raw pages; count what happened.

    `workers` > 0 extracts in that many worker processes (as the crawl does, setting
    NEWSCRAWL_EXTRACT_WORKERS) while this process stores; `pages` counts the pages read."""
    counts: Counter[str] = Counter()
    pool = spawn_pool(workers) if workers > 0 else None
    try:
        with read_conn.transaction():
            for batch in _batches(raw_pages(read_conn, filters), BATCH):
                rules = [rules_path] * len(batch)
                items = (pool.map(_extract, batch, rules) if pool is not None
                         else map(_extract, batch, rules))  # fmt: skip
                for page, item in zip(batch, items, strict=True):
                    counts["pages"] += 1
                    try:
                        stored = store_article(write_conn, item, touch=False)
                    except psycopg.Error as exc:
                        counts["failed"] += 1
                        logger.error("could not re-store article %s: %s", page.article_id, exc)
                        continue
                    counts[stored.outcome.value] += 1
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    counts.setdefault(Outcome.UPDATED.value, 0)
    return counts
