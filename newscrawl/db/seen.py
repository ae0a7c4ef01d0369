"""Which article URLs are already stored: the spiders' incremental check, in PostgreSQL.

A URL counts as seen only once its article row is committed, so an item that failed to store
is fetched again by the next run.
"""

from __future__ import annotations

from collections.abc import Sequence

from newscrawl.db import connection


class SeenIndex:
    def __init__(self) -> None:
        self.pool = connection.pool(connection.resolve(), "newscrawl-seen", max_size=1)

    def known(self, canonical_urls: Sequence[str]) -> set[str]:
        """The subset of these canonical URLs (or their known aliases) already stored."""
        with self.pool.connection() as conn:
            rows = conn.execute(
                """SELECT canonical_url FROM articles WHERE canonical_url = ANY(%(urls)s)
                   UNION
                   SELECT url FROM article_urls WHERE url = ANY(%(urls)s)""",
                {"urls": list(canonical_urls)},
            ).fetchall()
        return {row[0] for row in rows}

    def add_aliases(self, pairs: Sequence[tuple[str, str]]) -> int:
        """Record (old URL form, canonical URL) pairs whose article is stored; how many are."""
        with self.pool.connection() as conn:
            conn.execute(
                """INSERT INTO article_urls (url, article_id)
                   SELECT p.url, a.id FROM unnest(%s::text[], %s::text[]) AS p(url, canonical)
                   JOIN articles a ON a.canonical_url = p.canonical
                   ON CONFLICT (url) DO NOTHING""",
                ([old for old, _ in pairs], [target for _, target in pairs]),
            )
            stored = conn.execute(
                "SELECT count(*) FROM article_urls WHERE url = ANY(%s)",
                ([old for old, _ in pairs],),
            ).fetchone()[0]
        return int(stored)

    def close(self) -> None:
        self.pool.close()
