"""The read queries rewritten for a million articles (migration 0004) give the answers of
their plain forms, on a crawl of the replica plus the rows where a rewrite could go wrong:
equal publication times, articles and whole stories without a date, updated articles.

The plain forms below are the queries as they were before the rewrite: they state what each
answer is, and are slow only at scale.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import psycopg
import pytest
from psycopg.rows import dict_row

from newscrawl.db import migrate, queries
from newscrawl.db.queries import Filters
from newscrawl.db.store import store_article
from tests.conftest import _create_database, _drop_database
from tests.db.test_store import make_item
from tests.e2e_support import crawl_replica


def plain_timeline(conn: psycopg.Connection, filters: Filters, newest_first: bool) -> list:
    where, params = filters.where()
    params["limit"] = filters.limit
    order = "DESC" if newest_first else ""
    sql = f"""
        SELECT * FROM (
            SELECT s.id AS story_id, s.first_published_at AS published_at,
                   latest.title AS headline,
                   array_agg(DISTINCT a.source ORDER BY a.source) AS sources,
                   count(a.id) AS articles,
                   count(a.id) FILTER (WHERE a.duplicate_of IS NULL) AS versions,
                   latest.id AS latest_article_id
            FROM stories s
            JOIN articles a ON a.story_id = s.id
            LEFT JOIN articles latest ON latest.id = s.latest_article_id
            WHERE {where}
            GROUP BY s.id, latest.id, latest.title
            ORDER BY s.first_published_at DESC NULLS FIRST, s.id DESC
            LIMIT %(limit)s) latest_stories
        ORDER BY published_at {order} NULLS LAST, story_id {order}"""
    with conn.cursor(row_factory=dict_row) as cur:
        return cur.execute(sql, params).fetchall()


def plain_statistics(conn: psycopg.Connection, filters: Filters, period: str) -> dict:
    where, params = filters.where()
    trunc = "week" if period == "week" else "day"
    with conn.cursor(row_factory=dict_row) as cur:
        by_source = cur.execute(
            f"""SELECT source, count(*) AS articles,
                       count(*) FILTER (WHERE topic_bilateral) AS bilateral,
                       round(avg(CASE WHEN topic_bilateral THEN 1.0 ELSE 0 END), 3)
                           AS bilateral_share,
                       count(*) FILTER (WHERE duplicate_of IS NOT NULL) AS copies,
                       count(*) FILTER (WHERE version_rank > 0) AS later_versions,
                       count(*) FILTER (WHERE (SELECT count(*) FROM article_versions v
                                               WHERE v.article_id = a.id) > 1) AS updated
                FROM articles a WHERE {where} GROUP BY source ORDER BY source""",
            params,
        ).fetchall()
        per_period = cur.execute(
            f"""SELECT date_trunc('{trunc}', published_at AT TIME ZONE 'Asia/Seoul')::date
                       AS period, source, count(*) AS articles
                FROM articles a WHERE {where} AND published_at IS NOT NULL
                GROUP BY 1, 2 ORDER BY 1 DESC, 2 LIMIT %(limit)s""",
            {**params, "limit": filters.limit},
        ).fetchall()
        pairs = cur.execute(
            f"""SELECT p AS pair, count(*) AS articles
                FROM articles a, unnest(a.topic_pairs) p WHERE {where}
                GROUP BY p ORDER BY count(*) DESC, p LIMIT 10""",
            params,
        ).fetchall()
    return {"by_source": by_source, f"per_{trunc}": per_period, "top_pairs": pairs,
            "runs": queries.runs(conn, limit=5)}  # fmt: skip


def plain_search(conn: psycopg.Connection, query: str, filters: Filters) -> list:
    """Every match ranked, then the page."""
    where, params = filters.where()
    params.update(query=query, limit=filters.limit, offset=filters.offset)
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


T0 = datetime(2022, 6, 3, 1, 30, tzinfo=UTC)  # inside the replica's first days


def _edge_cases(conn: psycopg.Connection) -> None:
    """Rows where a rewrite could differ: ties, no dates, a dateless story, updates."""
    jp_kr = {"bilateral": True, "pairs": [["JP", "KR"]], "score": 6.0, "evidence": {}}

    def yonhap(n: int, **kw: Any) -> None:
        aid = f"AEN20220603{n:04d}00315"
        store_article(conn, make_item(url=f"https://en.yna.co.kr/view/{aid}",
                                      canonical_url=f"https://en.yna.co.kr/view/{aid}",
                                      site_article_id=aid, **kw))  # fmt: skip

    def herald(n: int, **kw: Any) -> None:
        url = f"https://www.koreaherald.com/article/{10_400_000 + n}"
        store_article(conn, make_item(source="koreaherald", url=url, canonical_url=url,
                                      site_article_id=str(10_400_000 + n), **kw))  # fmt: skip

    for n in range(6):  # six articles at the same second, three of them about JP-KR
        yonhap(9000 + n, published_at=T0, title=f"Tie {n} on talks in Tokyo",
               body=f"Seoul and Tokyo talks, take {n}.", topic=jp_kr if n % 2 else None)
        herald(9000 + n, published_at=T0, title=f"Herald tie {n}",
               body=f"Foreign minister meets envoy, note {n}.", topic=jp_kr if n < 3 else None)
    for n in range(3):  # no publication time: their own stories have none either
        yonhap(9100 + n, published_at=None, title=f"Undated {n}", body=f"Undated talks {n}.",
               topic=jp_kr)
        herald(9100 + n, published_at=None, title=f"Undated herald {n}",
               body="Undated foreign minister meeting.")
    # one story: an original and its (LEAD) a minute apart, and the (LEAD) updated twice
    yonhap(9200, published_at=T0 + timedelta(days=1), title="Story original", topic=jp_kr,
           body="Seoul and Tokyo hold talks on export controls.")
    for text in ("first", "second", "third"):
        store_article(conn, make_item(
            url="https://en.yna.co.kr/view/AEN20220603920051315",
            canonical_url="https://en.yna.co.kr/view/AEN20220603920051315",
            site_article_id="AEN20220603920051315", title="(LEAD) Story update",
            published_at=T0 + timedelta(days=1, minutes=1), topic=jp_kr,
            body=f"Seoul and Tokyo hold talks on export controls. {text} take."))  # fmt: skip
    for text in ("first", "corrected"):  # and a Korea Herald article updated once
        herald(9300, published_at=T0 + timedelta(days=2), title="Envoy meets minister",
               body=f"The envoy met the foreign minister, {text} text.")


@pytest.fixture(scope="module")
def crawled(pg_admin_url: str) -> Iterator[str]:
    """A crawl of a 40+40 replica plus the edge cases, shared by this module (read-only)."""
    from newscrawl.replica import ReplicaServer, build_site

    url = _create_database(pg_admin_url)
    with ReplicaServer(build_site(articles=40, seed=5)) as server:
        result = crawl_replica(server, url)
        assert result.returncode == 0, result.stderr[-3000:]
    with psycopg.connect(url, autocommit=True) as conn:
        _edge_cases(conn)
        conn.execute("ANALYZE")
    yield url
    _drop_database(pg_admin_url, url)


@pytest.fixture
def conn(crawled: str) -> Iterator[psycopg.Connection]:
    with psycopg.connect(crawled, autocommit=True) as c:
        yield c


SINCE = datetime(2022, 6, 3, tzinfo=UTC)
FILTERS = [
    {}, {"pair": "JP-KR"}, {"source": "koreaherald"}, {"source": "yonhap", "pair": "JP-KR"},
    {"since": SINCE}, {"until": SINCE + timedelta(days=30)}, {"bilateral": True},
    {"pair": "ZA-ZW"}, {"problem": "layout_unknown"},
]  # fmt: skip
LIMITS = [1, 2, 3, 7, 50, None]


def test_the_database_has_the_edge_cases(conn):
    counts = conn.execute(
        """SELECT count(*) FILTER (WHERE published_at IS NULL),
                  (SELECT count(*) FROM stories WHERE first_published_at IS NULL),
                  count(*) FILTER (WHERE published_at = %s),
                  (SELECT count(DISTINCT article_id) FROM article_versions WHERE version > 1),
                  count(*) FILTER (WHERE duplicate_of IS NOT NULL),
                  count(*) FILTER (WHERE version_rank > 0)
           FROM articles""",
        (T0,),
    ).fetchone()
    assert counts[0] == 6 and counts[1] >= 6 and counts[2] >= 12
    assert counts[3] >= 2 and counts[4] > 0 and counts[5] > 0  # updates, copies, LEADs


def test_the_migration_replaces_the_indexes(conn):
    names = {r[0] for r in conn.execute("SELECT indexname FROM pg_indexes")}
    assert {"articles_newest_idx", "articles_source_newest_idx", "stories_newest_idx",
            "article_versions_updated_idx", "articles_story_members_idx",
            "articles_pairs_idx"} <= names  # fmt: skip
    assert not names & {"articles_published_idx", "articles_source_published_idx",
                        "articles_story_idx"}  # fmt: skip
    assert max(migrate.applied(conn)) == max(v for v, _, _ in migrate.available())


@pytest.mark.parametrize("sql, index", [
    ("SELECT id FROM articles ORDER BY published_at DESC NULLS LAST, id DESC LIMIT 5",
     "articles_newest_idx"),
    ("SELECT id FROM articles WHERE source = 'yonhap' "
     "ORDER BY published_at DESC NULLS LAST, id DESC LIMIT 5", "articles_source_newest_idx"),
    ("SELECT id FROM stories ORDER BY first_published_at DESC NULLS FIRST, id DESC LIMIT 5",
     "stories_newest_idx"),
])  # fmt: skip
def test_the_indexes_give_the_orders_the_queries_ask_for(conn, sql, index):
    """Read in index order, nothing sorted: the index is exactly the query's order."""
    with conn.transaction():
        conn.execute("SET LOCAL enable_seqscan = off")
        plan = "\n".join(r[0] for r in conn.execute(f"EXPLAIN {sql}"))
    assert index in plan and "Sort" not in plan, plan


@pytest.mark.parametrize("filters", FILTERS, ids=str)
def test_timeline_is_the_plain_query(conn, filters):
    for limit in LIMITS:
        for newest_first in (False, True):
            f = Filters(**filters, limit=limit)
            expected = plain_timeline(conn, f, newest_first)
            assert queries.timeline(conn, f, newest_first) == expected, (limit, newest_first)


def test_timeline_keeps_dateless_stories_first_when_cut(conn):
    """Undated stories lead the newest-first cut (NULLS FIRST), then sort last."""
    rows = queries.timeline(conn, Filters(pair="JP-KR", limit=5))
    assert [r["published_at"] for r in rows[-3:]] == [None, None, None]
    assert all(r["published_at"] is not None for r in rows[:2])


@pytest.mark.parametrize("filters", FILTERS, ids=str)
def test_statistics_are_the_plain_queries(conn, filters):
    for limit in LIMITS:
        for period in ("day", "week"):
            f = Filters(**filters, limit=limit)
            assert queries.statistics(conn, f, period) == plain_statistics(conn, f, period), (
                limit, period)  # fmt: skip


def test_statistics_count_the_updated_articles(conn):
    by_source = queries.statistics(conn, Filters(), "day")["by_source"]
    updated = {r["source"]: r["updated"] for r in by_source}
    assert updated["yonhap"] >= 1 and updated["koreaherald"] >= 1


def test_pairs_is_the_plain_query(conn):
    plain = conn.execute(
        """SELECT p, count(*), count(DISTINCT a.story_id), min(a.published_at),
                  max(a.published_at)
           FROM articles a, unnest(a.topic_pairs) p
           GROUP BY p ORDER BY count(DISTINCT a.story_id) DESC, p"""
    ).fetchall()
    assert [tuple(r.values()) for r in queries.pairs(conn)] == plain


SEARCHES = ["talks", "Tokyo", "foreign minister", '"foreign minister"', "talks -Tokyo",
            "Seoul or envoy", "export controls", "nothingmatchesthis"]  # fmt: skip


@pytest.mark.parametrize("query", SEARCHES)
def test_search_ranks_every_match(conn, query):
    """Search ranks every match (no candidate cut): the same answers as the plain query."""
    for filters in FILTERS:
        for limit, offset in ((50, 0), (3, 0), (3, 2), (10, 5), (None, 0)):
            f = Filters(**filters, limit=limit, offset=offset)
            assert queries.search(conn, query, f) == plain_search(conn, query, f), (
                filters, limit, offset)  # fmt: skip
