"""Read queries behind the CLI: every filter is a bound parameter, never interpolated text."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import psycopg
from psycopg.rows import dict_row


@dataclass
class Filters:
    source: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    pair: str | None = None  # "JP-KR", codes sorted
    bilateral: bool | None = None
    limit: int | None = 50
    offset: int = 0  # rows skipped first (search pages)
    problem: str | None = None  # a problem code the article carries ("layout_unknown")

    def where(self, alias: str = "a") -> tuple[str, dict[str, Any]]:
        clauses, params = ["TRUE"], {}
        if self.source:
            clauses.append(f"{alias}.source = %(source)s")
            params["source"] = self.source
        if self.since:
            clauses.append(f"{alias}.published_at >= %(since)s")
            params["since"] = self.since
        if self.until:
            clauses.append(f"{alias}.published_at < %(until)s")
            params["until"] = self.until
        if self.pair:
            clauses.append(f"{alias}.topic_pairs @> ARRAY[%(pair)s]::text[]")
            params["pair"] = self.pair
        if self.bilateral is not None:
            clauses.append(f"{alias}.topic_bilateral = %(bilateral)s")
            params["bilateral"] = self.bilateral
        if self.problem:
            clauses.append(f"EXISTS (SELECT 1 FROM unnest({alias}.problems) p "
                           f"WHERE split_part(p, ':', 1) = %(problem)s)")  # fmt: skip
            params["problem"] = self.problem
        return " AND ".join(clauses), params


@contextmanager
def one_process(conn: psycopg.Connection) -> Iterator[None]:
    """Run the statements inside without parallel workers (in a transaction of their own, or
    to the end of the caller's). For a LIMIT over an index walk: starting workers costs more
    than the few thousand entries read (tens of ms on a busy machine), and each worker walks
    its own share past the limit."""
    with conn.transaction():
        conn.execute("SET LOCAL max_parallel_workers_per_gather = 0")
        yield


ARTICLE_SUMMARY = """
    a.id, a.source, a.published_at, a.title, a.authors, a.topic_pairs AS pairs,
    a.topic_bilateral AS bilateral, a.story_id, a.version_rank, a.duplicate_of,
    (SELECT count(*) FROM article_versions v WHERE v.article_id = a.id) AS version_count,
    a.canonical_url"""


def list_articles(conn: psycopg.Connection, filters: Filters) -> list[dict[str, Any]]:
    where, params = filters.where()
    params["limit"] = filters.limit
    sql = f"""
        SELECT {ARTICLE_SUMMARY}
        FROM articles a
        WHERE {where}
        ORDER BY a.published_at DESC NULLS LAST, a.id DESC
        LIMIT %(limit)s"""
    with conn.cursor(row_factory=dict_row) as cur:
        return cur.execute(sql, params).fetchall()


def count_articles(conn: psycopg.Connection, filters: Filters) -> int:
    where, params = filters.where()
    return conn.execute(f"SELECT count(*) FROM articles a WHERE {where}", params).fetchone()[0]


MAX_ID = 2**63 - 1  # bigint


def find_article(conn: psycopg.Connection, key: str) -> dict[str, Any] | None:
    """An article by id, by the site's own article id (`AEN20231005004351315`, `10481817`,
    a 14-digit `ud`), by canonical URL, or by any URL form it was reached by."""
    key = key.strip()
    with conn.cursor(row_factory=dict_row) as cur:
        if key.isdigit() and int(key) <= MAX_ID:
            found = cur.execute(
                f"SELECT {ARTICLE_SUMMARY}, a.* FROM articles a WHERE a.id = %s", (int(key),)
            ).fetchone()
            if found:
                return found
        from newscrawl import sites  # here: `show ID` starts without the site parsers

        # a site's own article id (a Korea Herald number, a Yonhap AEN id), else any URL form
        candidates = sites.urls_for_id(key) or [sites.canonicalize(key)]
        for url in candidates:
            found = cur.execute(
                f"""SELECT {ARTICLE_SUMMARY}, a.* FROM articles a
                    WHERE a.canonical_url = %(u)s
                       OR a.id = (SELECT article_id FROM article_urls WHERE url = %(u)s)""",
                {"u": url},
            ).fetchone()
            if found:
                return found
        return None


def article_details(conn: psycopg.Connection, article_id: int) -> dict[str, Any]:
    """Versions, story members and linked copies of one article."""
    with conn.cursor(row_factory=dict_row) as cur:
        versions = cur.execute(
            """SELECT version, seen_at, modified_at, changed, title
               FROM article_versions WHERE article_id = %s ORDER BY version""",
            (article_id,),
        ).fetchall()
        story_id = cur.execute(
            "SELECT story_id FROM articles WHERE id = %s", (article_id,)
        ).fetchone()
        copies = cur.execute(
            """SELECT id, source, published_at, title, duplicate_kind, similarity
               FROM articles WHERE duplicate_of = %s ORDER BY id""",
            (article_id,),
        ).fetchall()
    story = story_details(conn, story_id["story_id"]) if story_id and story_id["story_id"] else {}
    return {"versions": versions, "story": story.get("story"),
            "story_articles": story.get("story_articles", []), "copies": copies}  # fmt: skip


def story_details(conn: psycopg.Connection, story_id: int) -> dict[str, Any]:
    """A story and its articles (`show`'s `story` and `story_articles`); {} when unknown."""
    with conn.cursor(row_factory=dict_row) as cur:
        story = cur.execute(
            """SELECT id, story_key, latest_article_id, first_published_at, last_published_at
               FROM stories WHERE id = %s""",
            (story_id,),
        ).fetchone()
        if story is None:
            return {}
        members = cur.execute(
            """SELECT id, source, published_at, title, version_rank, duplicate_of
               FROM articles WHERE story_id = %s ORDER BY published_at NULLS LAST, id""",
            (story_id,),
        ).fetchall()
    return {"story": story, "story_articles": members}


def story_texts(conn: psycopg.Connection, story_id: int) -> dict[int, dict[str, Any]]:
    """Title, body and copy link of each article of a story, by id (for comparing them)."""
    with conn.cursor(row_factory=dict_row) as cur:
        rows = cur.execute(
            """SELECT id, title, body, duplicate_kind, similarity, canonical_url
               FROM articles WHERE story_id = %s""",
            (story_id,),
        ).fetchall()
    return {row["id"]: row for row in rows}


def version_texts(conn: psycopg.Connection, article_id: int) -> list[dict[str, Any]]:
    """Every stored version of one article with its text, oldest first."""
    with conn.cursor(row_factory=dict_row) as cur:
        return cur.execute(
            """SELECT version, seen_at, title, body FROM article_versions
               WHERE article_id = %s ORDER BY version""",
            (article_id,),
        ).fetchall()


def pairs(conn: psycopg.Connection, limit: int = 500) -> list[dict[str, Any]]:
    """Every country pair with its articles, stories and first and last publication."""
    with conn.cursor(row_factory=dict_row) as cur:
        return cur.execute(
            """SELECT p AS pair, count(*) AS articles, count(DISTINCT a.story_id) AS stories,
                      min(a.published_at) AS first_published_at,
                      max(a.published_at) AS last_published_at
               FROM articles a, unnest(a.topic_pairs) p WHERE a.topic_pairs <> '{}'
               GROUP BY p ORDER BY count(DISTINCT a.story_id) DESC, p LIMIT %s""",
            (limit,),
        ).fetchall()


def search(conn: psycopg.Connection, query: str, filters: Filters) -> list[dict[str, Any]]:
    """Ranked full-text search; the query is a bound parameter to websearch_to_tsquery."""
    where, params = filters.where()
    params.update(query=query.replace("\x00", " "), limit=filters.limit, offset=filters.offset)
    sql = f"""
        SELECT a.id, a.source, a.published_at, a.title, a.topic_pairs AS pairs, a.story_id,
               a.duplicate_of,
               ts_rank_cd(a.search_vector, q) AS rank,
               ts_headline('english', coalesce(a.body, ''), q,
                           'MaxFragments=2, MaxWords=18, MinWords=6,
                            StartSel=«, StopSel=», FragmentDelimiter=" … "') AS snippet,
               a.canonical_url
        FROM articles a, websearch_to_tsquery('english', %(query)s) q
        WHERE a.search_vector @@ q AND {where}
        ORDER BY rank DESC, a.published_at DESC NULLS LAST, a.id DESC
        LIMIT %(limit)s OFFSET %(offset)s"""
    with conn.cursor(row_factory=dict_row) as cur:
        return cur.execute(sql, params).fetchall()


def timeline(
    conn: psycopg.Connection, filters: Filters, newest_first: bool = False
) -> list[dict[str, Any]]:
    """One row per story (not per version or copy), oldest first unless `newest_first`; with
    a limit, the latest stories (a timeline is read up to today).

    `versions` counts the story's own texts (original, (LEAD), (2nd LD)...), `articles` adds
    the linked copies; both among the articles the filters keep.
    """
    where, params = filters.where()
    params["limit"] = filters.limit
    order = "DESC" if newest_first else ""
    # The latest stories first (stories_newest_idx), each kept when one of its articles
    # passes the filters (one probe of articles_story_members_idx); then only those
    # stories' articles are read and counted.
    sql = f"""
        SELECT s.id AS story_id, s.first_published_at AS published_at,
               latest.title AS headline, s.sources, s.articles, s.versions,
               latest.id AS latest_article_id
        FROM (SELECT s.id, s.first_published_at, s.latest_article_id,
                     array_agg(DISTINCT a.source ORDER BY a.source) AS sources,
                     count(a.id) AS articles,
                     count(a.id) FILTER (WHERE a.duplicate_of IS NULL) AS versions
              FROM (SELECT s.id, s.first_published_at, s.latest_article_id FROM stories s
                    WHERE EXISTS (SELECT 1 FROM articles a
                                  WHERE a.story_id = s.id AND {where})
                    ORDER BY s.first_published_at DESC NULLS FIRST, s.id DESC
                    LIMIT %(limit)s) s
              JOIN articles a ON a.story_id = s.id AND {where}
              GROUP BY s.id, s.first_published_at, s.latest_article_id) s
        LEFT JOIN articles latest ON latest.id = s.latest_article_id
        ORDER BY s.first_published_at {order} NULLS LAST, s.id {order}"""
    with one_process(conn), conn.cursor(row_factory=dict_row) as cur:
        return cur.execute(sql, params).fetchall()


def statistics(conn: psycopg.Connection, filters: Filters, period: str) -> dict[str, Any]:
    """Counts per source, per KST day or week (the latest `filters.limit` rows) and pair.

    Each count scans an index that carries the columns it reads (articles_newest_idx,
    articles_pairs_idx) instead of the table's rows.
    """
    where, params = filters.where()
    trunc = "week" if period == "week" else "day"
    kst_period = f"date_trunc('{trunc}', published_at AT TIME ZONE 'Asia/Seoul')"
    with conn.cursor(row_factory=dict_row) as cur:
        # `bilateral_share`: bilateral / articles, one division per source rather than a
        # numeric average over every row (the same numeric, same rounding). `updated`: more
        # than one version; versions are numbered 1, 2, ... per article
        # (store._add_version), so those are the articles with a version 2 or later.
        by_source = cur.execute(
            f"""SELECT source, count(*) AS articles,
                       count(*) FILTER (WHERE topic_bilateral) AS bilateral,
                       round(count(*) FILTER (WHERE topic_bilateral)::numeric / count(*), 3)
                           AS bilateral_share,
                       count(*) FILTER (WHERE duplicate_of IS NOT NULL) AS copies,
                       count(*) FILTER (WHERE version_rank > 0) AS later_versions,
                       count(*) FILTER (WHERE a.id IN (SELECT v.article_id
                                                       FROM article_versions v
                                                       WHERE v.version > 1)) AS updated
                FROM articles a WHERE {where} GROUP BY source ORDER BY source""",
            params,
        ).fetchall()
        # With a limit, only the latest `limit` periods can hold the first `limit` rows:
        # their start is found by stepping back one period at a time through the index.
        since_period = ""
        if filters.limit is not None:
            since_period = f"""AND published_at >= (
                WITH RECURSIVE periods(start, n) AS (
                    SELECT (SELECT {kst_period} FROM articles a
                            WHERE {where} AND published_at IS NOT NULL
                            ORDER BY published_at DESC NULLS LAST LIMIT 1), 1
                    UNION ALL
                    SELECT (SELECT {kst_period} FROM articles a
                            WHERE {where}
                              AND published_at < p.start AT TIME ZONE 'Asia/Seoul'
                            ORDER BY published_at DESC NULLS LAST LIMIT 1), p.n + 1
                    FROM periods p WHERE p.start IS NOT NULL AND p.n < %(limit)s)
                SELECT min(start) AT TIME ZONE 'Asia/Seoul' FROM periods)"""
        with one_process(conn) if since_period else nullcontext():
            per_period = cur.execute(
                f"""SELECT {kst_period}::date AS period, source, count(*) AS articles
                    FROM articles a WHERE {where} AND published_at IS NOT NULL {since_period}
                    GROUP BY 1, 2 ORDER BY 1 DESC, 2 LIMIT %(limit)s""",
                {**params, "limit": filters.limit},
            ).fetchall()
        pairs = cur.execute(  # an article without pairs adds none: articles_pairs_idx
            f"""SELECT p AS pair, count(*) AS articles
                FROM (SELECT unnest(a.topic_pairs) AS p FROM articles a
                      WHERE {where} AND a.topic_pairs <> '{{}}') unnested
                GROUP BY p ORDER BY count(*) DESC, p LIMIT 10""",
            params,
        ).fetchall()
    return {"by_source": by_source, f"per_{trunc}": per_period, "top_pairs": pairs,
            "runs": runs(conn, limit=5)}  # fmt: skip


def runs(
    conn: psycopg.Connection, limit: int | None = 20, site: str | None = None,
    status: str | None = None,
) -> list[dict[str, Any]]:
    """The crawl history, newest first; `copies` as in the crawl's summary line."""
    with conn.cursor(row_factory=dict_row) as cur:
        return cur.execute(
            """SELECT id, site, started_at, finished_at, status,
                      coalesce((stats->>'store/new')::int, 0) AS new,
                      coalesce((stats->>'store/updated')::int, 0) AS updated,
                      coalesce((stats->>'store/duplicate_linked')::int, 0) AS copies,
                      coalesce((stats->>'store/failed')::int, 0)
                        + coalesce((stats->>'articles/failed')::int, 0) AS failed,
                      errors
               FROM crawl_runs
               WHERE (%(site)s::text IS NULL OR site = %(site)s)
                 AND (%(status)s::text IS NULL OR status = %(status)s)
               ORDER BY started_at DESC, id DESC LIMIT %(limit)s""",
            {"limit": limit, "site": site, "status": status},
        ).fetchall()


EXPORT_COLUMNS = (
    "id", "source", "canonical_url", "site_article_id", "title", "subtitle", "authors",
    "editor_note", "dateline", "section", "tags", "published_at", "modified_at", "body",
    "captions", "language", "topic_bilateral", "topic_pairs", "story_id", "duplicate_of",
    "version_rank",
)  # fmt: skip


def export_rows(conn: psycopg.Connection, filters: Filters) -> Iterator[dict[str, Any]]:
    """Stream articles through a server-side cursor: constant memory for any size."""
    where, params = filters.where()
    limit = "LIMIT %(limit)s" if filters.limit else ""
    params["limit"] = filters.limit
    sql = f"""SELECT {", ".join(f"a.{c}" for c in EXPORT_COLUMNS)} FROM articles a
              WHERE {where} ORDER BY a.published_at NULLS LAST, a.id {limit}"""
    with conn.transaction(), conn.cursor(name="newscrawl_export", row_factory=dict_row) as cur:
        cur.itersize = 1000
        cur.execute(sql, params)
        yield from cur
