"""Writing one article, in one transaction, with the four layers of deduplication.

1. one row per canonical URL (unique index, ON CONFLICT), every other URL form kept as alias;
2. a changed text under the same URL becomes a new row in article_versions;
3. the updates of a story share a story row, keyed by the site's ID (`Site.story_key`);
4. an exact copy (same content hash) or a near-duplicate on the other site (MinHash, candidates
   found through the LSH band index) is linked to its original by duplicate_of, same story.

Linking takes a transaction-scoped advisory lock, so two crawls storing an original and its
copy at the same moment still see each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import psycopg
from psycopg.rows import dict_row
from psycopg.types.json import Jsonb

from newscrawl import fingerprint, sites
from newscrawl.items import STORED_FIELDS, ArticleItem

DEDUP_LOCK_KEY = 0x6E636470  # "ncdp"
NEAR_DUPLICATE_THRESHOLD = 0.6  # estimated Jaccard of word 5-shingles; bench/dedup_eval.py
NEAR_DUPLICATE_DAYS = 3  # a reprint runs within days of the wire story it copies
MAX_CANDIDATES = 20


class Outcome(StrEnum):
    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class Stored:
    article_id: int
    outcome: Outcome
    duplicate_of: int | None = None  # the original this article copies
    # An article became a copy of another by this store: this one (its original was stored
    # before) or an earlier one (this is its original). Moving an existing copy to a newer
    # version of its original does not count, so the counts add up to the copies stored.
    linked: bool = False


def _clean_text(value: str | None) -> str | None:
    """PostgreSQL text cannot hold NUL; everything else is stored verbatim."""
    return value.replace("\x00", "") if isinstance(value, str) else value


def _column_value(value: Any) -> Any:
    """A field's value as its column takes it: NUL removed from text, lists never NULL,
    mappings as jsonb."""
    if isinstance(value, str):
        return _clean_text(value)
    if isinstance(value, list):
        return [_clean_text(v) or "" for v in value]
    if isinstance(value, dict):
        return Jsonb(value)
    return value


def article_row(item: ArticleItem) -> dict[str, Any]:
    """The `articles` columns for an item: its stored fields (`newscrawl.items`) and what is
    derived from them (fingerprints, version rank, topic)."""
    topic = item.topic or {}
    row = {name: _column_value(getattr(item, name)) for name in STORED_FIELDS}
    row.update(
        content_hash=fingerprint.content_hash(item.title, item.body),
        minhash=fingerprint.minhash(item.body),
        version_rank=sites.version_rank(item.source, item.site_article_id),
        topic_bilateral=topic.get("bilateral"),
        topic_pairs=["-".join(pair) for pair in topic.get("pairs", [])],
        topic_score=topic.get("score"),
        topic_evidence=Jsonb(topic.get("evidence")) if topic else None,
    )
    return row


DERIVED_COLUMNS = ("content_hash", "minhash", "version_rank", "topic_bilateral", "topic_pairs",
                   "topic_score", "topic_evidence")  # fmt: skip
_COLUMNS = STORED_FIELDS + DERIVED_COLUMNS
_FIXED = ("source", "canonical_url", "url", "version_rank")
_UPDATABLE = [c for c in _COLUMNS if c not in _FIXED]
VERSIONED_FIELDS = ("title", "subtitle", "authors", "body", "captions", "editor_note",
                    "published_at", "modified_at")  # fmt: skip

INSERT_SQL = f"""
INSERT INTO articles ({", ".join(_COLUMNS)}, story_id)
VALUES ({", ".join(f"%({c})s" for c in _COLUMNS)}, %(story_id)s)
ON CONFLICT (canonical_url) DO NOTHING
RETURNING id"""

UPDATE_SQL = f"""
UPDATE articles SET {", ".join(f"{c} = %({c})s" for c in _UPDATABLE)},
       last_seen_at = CASE WHEN %(touch)s THEN now() ELSE last_seen_at END,
       updated_at = now()
WHERE id = %(id)s"""


def store_article(conn: psycopg.Connection, item: ArticleItem, touch: bool = True) -> Stored:
    """Store one item in its own transaction and say what happened.

    `touch=False` (re-extraction from stored pages) leaves `last_seen_at` alone: nothing was
    fetched.
    """
    row = article_row(item)
    # Pipeline mode: statements whose results are not needed go out together with the next
    # one that is, so a new article costs four round trips, two of them under the lock.
    with conn.pipeline(), conn.transaction():
        key = sites.story_key(item.source, item.site_article_id, item.canonical_url)
        story_id, story_created = _story_for(conn, key)
        inserted = conn.execute(INSERT_SQL, {**row, "story_id": story_id}).fetchone()
        if inserted:
            article_id = inserted[0]
            # Rows of this article only, which no other store reads before this transaction
            # commits: written before the lock is granted, so stores overlap.
            _add_version(conn, article_id, row, changed=[])
            _add_bands(conn, article_id, row["minhash"])
            _save_raw_page(conn, article_id, item)
            # From here to commit, one store at a time: each sees every article committed
            # before it (READ COMMITTED takes a fresh snapshot per statement).
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (DEDUP_LOCK_KEY,))
            duplicate_of, linked = _place_in_story(conn, article_id, story_id, row,
                                                   story_created)  # fmt: skip
            _add_aliases(conn, article_id, item)
            return Stored(article_id, Outcome.NEW, duplicate_of, linked)
        if story_created:  # the article exists, in another story: nobody saw this one
            conn.execute("DELETE FROM stories WHERE id = %s", (story_id,))
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (DEDUP_LOCK_KEY,))
        with conn.cursor(row_factory=dict_row) as cur:
            old = cur.execute(
                "SELECT * FROM articles WHERE canonical_url = %s FOR UPDATE",
                (item.canonical_url,),
            ).fetchone()
        article_id, duplicate_of, linked = old["id"], old["duplicate_of"], False
        if bytes(old["content_hash"] or b"") == row["content_hash"]:
            if touch:
                conn.execute(
                    "UPDATE articles SET last_seen_at = now() WHERE id = %s", (article_id,)
                )
            _refresh_reading(conn, article_id, old, row)
            _add_aliases(conn, article_id, item)
            return Stored(article_id, Outcome.UNCHANGED, duplicate_of)
        changed = [f for f in VERSIONED_FIELDS if _differs(old[f], row[f])]
        conn.execute(UPDATE_SQL, {**row, "id": article_id, "touch": touch})
        _add_version(conn, article_id, row, changed=changed)
        conn.execute("DELETE FROM article_bands WHERE article_id = %s", (article_id,))
        _add_bands(conn, article_id, row["minhash"])
        _refresh_story(conn, old["story_id"])
        outcome = Outcome.UPDATED
        _add_aliases(conn, article_id, item)
        _save_raw_page(conn, article_id, item)
    return Stored(article_id, outcome, duplicate_of, linked)


# How the text was read, not the text: kept current when the text is unchanged, so a layout
# fix that reads the same text clears the drift problems `reextract --problem` was run for.
READING_FIELDS = ("layout", "field_sources", "problems")


def _refresh_reading(
    conn: psycopg.Connection, article_id: int, old: dict[str, Any], row: dict[str, Any]
) -> None:
    new = {f: getattr(row[f], "obj", row[f]) for f in READING_FIELDS}  # Jsonb wraps a dict
    if all(old[f] == new[f] for f in READING_FIELDS):
        return
    conn.execute(
        "UPDATE articles SET layout = %(layout)s, field_sources = %(field_sources)s, "
        "problems = %(problems)s WHERE id = %(id)s",
        {**{f: row[f] for f in READING_FIELDS}, "id": article_id},
    )


def _differs(old: Any, new: Any) -> bool:
    return (old or None) != (new or None)


def _add_version(
    conn: psycopg.Connection, article_id: int, row: dict[str, Any], changed: list[str]
) -> None:
    conn.execute(
        """INSERT INTO article_versions
               (article_id, version, modified_at, content_hash, title, body, changed)
           SELECT %(id)s, coalesce(max(version), 0) + 1, %(modified_at)s, %(content_hash)s,
                  %(title)s, %(body)s, %(changed)s
           FROM article_versions WHERE article_id = %(id)s""",
        {**row, "id": article_id, "changed": changed},
    )


def _add_bands(conn: psycopg.Connection, article_id: int, signature: list[int] | None) -> None:
    if not signature:
        return
    hashes = fingerprint.band_hashes(signature)
    conn.execute(
        """INSERT INTO article_bands (band, hash, article_id)
           SELECT b, h, %s FROM unnest(%s::smallint[], %s::bigint[]) AS t(b, h)
           ON CONFLICT DO NOTHING""",
        (article_id, list(range(len(hashes))), hashes),
    )


def _add_aliases(conn: psycopg.Connection, article_id: int, item: ArticleItem) -> None:
    aliases = sorted(set(item.aliases or []) - {item.canonical_url})
    if aliases:
        conn.execute(
            """INSERT INTO article_urls (url, article_id) SELECT u, %s FROM unnest(%s::text[]) u
               ON CONFLICT (url) DO NOTHING""",
            (article_id, aliases),
        )


def _save_raw_page(conn: psycopg.Connection, article_id: int, item: ArticleItem) -> None:
    if item.raw_html is None:
        return
    conn.execute(
        """INSERT INTO raw_pages (article_id, url, http_status, fetched_at, html)
           VALUES (%s, %s, %s, coalesce(%s, now()), %s)
           ON CONFLICT (article_id) DO UPDATE SET url = excluded.url,
               http_status = excluded.http_status, fetched_at = excluded.fetched_at,
               html = excluded.html""",
        (article_id, _clean_text(item.url), item.http_status, item.fetched_at,
         _clean_text(item.raw_html)),
    )  # fmt: skip


# -- stories and copies --------------------------------------------------------------------


def _story_for(conn: psycopg.Connection, key: str) -> tuple[int, bool]:
    """The story with this key, created when missing: (id, created by this transaction).

    Taken before the article is inserted, so the new row carries its story from the start
    (no second write of the article). Nothing here waits on the linking lock's holders: an
    existing story is not locked (the article's foreign key takes a key-share lock, which
    updates of the story do not conflict with; only deleting an emptied story does).
    """
    for _ in range(3):  # a concurrent store may delete an emptied story in between
        created = conn.execute(
            "INSERT INTO stories (story_key) VALUES (%s) ON CONFLICT (story_key) DO NOTHING "
            "RETURNING id",
            (key,),
        ).fetchone()
        if created:
            return created[0], True
        found = conn.execute("SELECT id FROM stories WHERE story_key = %s", (key,)).fetchone()
        if found:
            return found[0], False
    raise psycopg.errors.SerializationFailure(f"story {key!r} keeps disappearing")


def _place_in_story(
    conn: psycopg.Connection, article_id: int, own_story: int, row: dict[str, Any],
    story_is_new: bool = False,
) -> tuple[int | None, bool]:
    """Link a new article (already in its own story) to its original, or its copies to it.

    `story_is_new`: this transaction created the story, so (uncommitted, invisible to other
    stores) it holds this article alone.
    """
    exact = _exact_match(conn, article_id, row)
    near = _near_candidates(conn, article_id, row)  # sent with the exact lookup, one trip
    found = exact.fetchone() if exact is not None else None
    match = (found[0], "exact", 1.0) if found else _best_near(near, row)
    duplicate_of, new_copy = None, False
    if match:
        other_id, kind, score = match
        original, copy, was_copy = _original_and_copy(conn, article_id, other_id)
        _link(conn, copy, original, kind, score)
        duplicate_of = original if copy == article_id else None
        new_copy = not was_copy
    if story_is_new and not match:  # its only article: no need to look the others up
        conn.execute(
            "UPDATE stories SET latest_article_id = %s, first_published_at = %s, "
            "last_published_at = %s WHERE id = %s",
            (article_id, row["published_at"], row["published_at"], own_story),
        )
    else:  # without a link the story still holds this article: it cannot be empty
        _refresh_story(conn, own_story, may_be_empty=match is not None)
    return duplicate_of, new_copy


def _exact_match(
    conn: psycopg.Connection, article_id: int, row: dict[str, Any]
) -> psycopg.Cursor | None:
    """The original with the same content hash (its id, when fetched), if the text is not empty."""
    if not (row["body"] or "").strip():
        return None
    return conn.execute(
        """SELECT id FROM articles
           WHERE content_hash = %s AND id <> %s AND duplicate_of IS NULL
           ORDER BY (source = ANY(%s)) DESC, published_at NULLS LAST, id LIMIT 1""",
        (row["content_hash"], article_id, sites.wire_agencies()),
    )


def _near_candidates(
    conn: psycopg.Connection, article_id: int, row: dict[str, Any]
) -> psycopg.Cursor | None:
    """Articles of the other site sharing LSH bands, within the date window (id, minhash)."""
    signature = row["minhash"]
    if not signature:
        return None
    hashes = fingerprint.band_hashes(signature)
    return conn.execute(
        """SELECT a.id, a.minhash FROM (
               SELECT article_id, count(*) AS shared FROM article_bands
               WHERE (band, hash) IN (SELECT * FROM unnest(%s::smallint[], %s::bigint[]))
                 AND article_id <> %s
               GROUP BY article_id ORDER BY shared DESC LIMIT %s) c
           JOIN articles a ON a.id = c.article_id
           WHERE a.source <> %s AND a.minhash IS NOT NULL
             AND (%s::timestamptz IS NULL OR a.published_at IS NULL
                  OR abs(extract(epoch FROM a.published_at - %s::timestamptz)) <= %s)""",
        (list(range(len(hashes))), hashes, article_id, MAX_CANDIDATES, row["source"],
         row["published_at"], row["published_at"], NEAR_DUPLICATE_DAYS * 86400),
        # Planned at every run, never as a cached generic plan: a plan made while the band
        # table was nearly empty scans it whole, and autoanalyze may not replace it for a
        # minute (a first crawl spent 3.5 s of database time on it, bench/README.md).
        prepare=False,
    )  # fmt: skip


def _best_near(
    candidates: psycopg.Cursor | None, row: dict[str, Any]
) -> tuple[int, str, float] | None:
    """The most similar candidate, if close enough to be a copy."""
    if candidates is None:
        return None
    signature = row["minhash"]
    scored = [(fingerprint.similarity(signature, sig), cid) for cid, sig in candidates]
    best = max(scored, default=None)
    if best and best[0] >= NEAR_DUPLICATE_THRESHOLD:
        return best[1], "near", best[0]
    return None


def _original_and_copy(conn: psycopg.Connection, a: int, b: int) -> tuple[int, int, bool]:
    """The wire agency's article is the original; otherwise the earlier one. Also whether
    the copy was already linked as a copy (of an earlier version of the original)."""
    rows = conn.execute(
        """SELECT id, duplicate_of IS NOT NULL FROM articles WHERE id IN (%s, %s)
           ORDER BY (source = ANY(%s)) DESC, published_at NULLS LAST, id""",
        (a, b, sites.wire_agencies()),
    ).fetchall()
    return rows[0][0], rows[1][0], rows[1][1]


def _link(conn: psycopg.Connection, copy: int, original: int, kind: str, score: float) -> None:
    """Point the copy (and copies of it) at the original and move them into its story."""
    old_story, target_story = conn.execute(
        "SELECT (SELECT story_id FROM articles WHERE id = %s), "
        "(SELECT story_id FROM articles WHERE id = %s)",
        (copy, original),
    ).fetchone()
    conn.execute(
        "UPDATE articles SET duplicate_of = %s, duplicate_kind = %s, similarity = %s, "
        "story_id = %s WHERE id = %s",
        (original, kind, score, target_story, copy),
    )
    conn.execute(
        "UPDATE articles SET duplicate_of = %s, story_id = %s WHERE duplicate_of = %s",
        (original, target_story, copy),
    )
    if old_story != target_story:
        _refresh_story(conn, old_story)
    _refresh_story(conn, target_story)


def _refresh_story(
    conn: psycopg.Connection, story_id: int | None, may_be_empty: bool = True
) -> None:
    """Mark the story's latest version; drop the story if no article is left in it."""
    if story_id is None:
        return
    conn.execute(
        """UPDATE stories s SET
               latest_article_id = (
                   SELECT id FROM articles a WHERE a.story_id = s.id AND a.duplicate_of IS NULL
                   ORDER BY a.version_rank DESC, a.published_at DESC NULLS LAST, a.id DESC
                   LIMIT 1),
               first_published_at = (SELECT min(published_at) FROM articles a
                                     WHERE a.story_id = s.id),
               last_published_at = (SELECT max(published_at) FROM articles a
                                    WHERE a.story_id = s.id)
           WHERE s.id = %s""",
        (story_id,),
    )
    if not may_be_empty:
        return
    conn.execute(
        "DELETE FROM stories s WHERE s.id = %s "
        "AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.story_id = s.id)",
        (story_id,),
    )
