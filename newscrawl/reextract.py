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
from newscrawl.items import FetchedPage

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


def reextract(
    read_conn: psycopg.Connection,
    write_conn: psycopg.Connection,
    filters: queries.Filters,
    rules_path: str | None = None,
) -> Counter[str]:
    """Rebuild the selected articles from their raw pages; count what happened."""
    counts: Counter[str] = Counter()
    with read_conn.transaction():
        for page in raw_pages(read_conn, filters):
            fetched = FetchedPage(source=page.source, url=page.url, html=page.html)
            item = page_to_article(fetched, rules_path)
            item.canonical_url = page.canonical_url  # the stored identity is kept
            item.raw_html = None  # unchanged: the page itself is not rewritten
            try:
                stored = store_article(write_conn, item, touch=False)
            except psycopg.Error as exc:
                counts["failed"] += 1
                logger.error("could not re-store article %s: %s", page.article_id, exc)
                continue
            counts[stored.outcome.value] += 1
    counts.setdefault(Outcome.UPDATED.value, 0)
    return counts
