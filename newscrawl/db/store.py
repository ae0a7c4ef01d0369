"""Writing one article, in one transaction: insert, refresh, or update in place.

Uniqueness lives in the database (the unique canonical URL and ON CONFLICT), so two crawls
storing the same article at once still produce one row.
"""

from __future__ import annotations

from enum import StrEnum

import psycopg
from psycopg.types.json import Jsonb

from newscrawl.fingerprint import content_hash
from newscrawl.items import ArticleItem


class Outcome(StrEnum):
    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


def _clean_text(value: str | None) -> str | None:
    """PostgreSQL text cannot hold NUL; everything else is stored verbatim."""
    return value.replace("\x00", "") if isinstance(value, str) else value


def _clean_list(values: list[str] | None) -> list[str]:
    return [_clean_text(v) or "" for v in values or []]


def article_row(item: ArticleItem) -> dict:
    """The `articles` columns for an item (NUL bytes removed, lists never NULL)."""
    return {
        "source": item.source,
        "canonical_url": item.canonical_url,
        "site_article_id": item.site_article_id,
        "url": _clean_text(item.url),
        "title": _clean_text(item.title),
        "subtitle": _clean_text(item.subtitle),
        "authors": _clean_list(item.authors),
        "editor_note": _clean_text(item.editor_note),
        "dateline": _clean_text(item.dateline),
        "section": _clean_text(item.section),
        "tags": _clean_list(item.tags),
        "published_at": item.published_at,
        "modified_at": item.modified_at,
        "body": _clean_text(item.body),
        "captions": _clean_list(item.captions),
        "language": item.language,
        "layout": item.layout,
        "field_sources": Jsonb(item.field_sources or {}),
        "problems": _clean_list(item.problems),
        "content_hash": content_hash(item.title, item.body),
    }


_COLUMNS = (
    "source, canonical_url, site_article_id, url, title, subtitle, authors, editor_note, "
    "dateline, section, tags, published_at, modified_at, body, captions, language, layout, "
    "field_sources, problems, content_hash"
)
_VALUES = ", ".join(f"%({c.strip()})s" for c in _COLUMNS.split(","))
_FIXED = ("source", "canonical_url", "url")
_UPDATABLE = [c.strip() for c in _COLUMNS.split(",") if c.strip() not in _FIXED]

INSERT_SQL = f"""
INSERT INTO articles ({_COLUMNS}) VALUES ({_VALUES})
ON CONFLICT (canonical_url) DO NOTHING
RETURNING id
"""

UPDATE_SQL = f"""
UPDATE articles SET {", ".join(f"{c} = %({c})s" for c in _UPDATABLE)},
       last_seen_at = now(), updated_at = now()
WHERE id = %(id)s
"""


def store_article(conn: psycopg.Connection, item: ArticleItem) -> tuple[int, Outcome]:
    """Store one item in its own transaction; return the article id and what happened."""
    row = article_row(item)
    with conn.transaction():
        inserted = conn.execute(INSERT_SQL, row).fetchone()
        if inserted:
            article_id = inserted[0]
            outcome = Outcome.NEW
        else:
            article_id, old_hash = conn.execute(
                "SELECT id, content_hash FROM articles WHERE canonical_url = %s FOR UPDATE",
                (item.canonical_url,),
            ).fetchone()
            if old_hash == row["content_hash"]:
                conn.execute(
                    "UPDATE articles SET last_seen_at = now() WHERE id = %s", (article_id,)
                )
                return article_id, Outcome.UNCHANGED
            conn.execute(UPDATE_SQL, {**row, "id": article_id})
            outcome = Outcome.UPDATED
        if item.raw_html is not None:
            conn.execute(
                """INSERT INTO raw_pages (article_id, url, http_status, fetched_at, html)
                   VALUES (%s, %s, %s, coalesce(%s, now()), %s)
                   ON CONFLICT (article_id) DO UPDATE SET url = excluded.url,
                       http_status = excluded.http_status, fetched_at = excluded.fetched_at,
                       html = excluded.html""",
                (article_id, _clean_text(item.url), item.http_status, item.fetched_at,
                 _clean_text(item.raw_html)),
            )
    return article_id, outcome
