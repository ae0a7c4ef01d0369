"""The CLI's read queries at a million articles: SQL time, plans, and the commands' wall time.

The database is filled inside PostgreSQL from a pool of the replica's articles (their text,
titles, dates, country pairs, story keys, LEAD versions and Korea Herald copies, as
`Site.ground_truth()` gives them): the pool is tiled until N articles are stored, each tile
under its own IDs and URLs, shifted in time by a few hours per tile, with a paragraph of
varied words (Zipf-distributed, a long tail of rare ones) added to every body, 30 % of the
stories bilateral, a few articles without a date, 6 % of the articles updated (a second or
third row in `article_versions`), Korea Herald aliases in `article_urls` and two crawl runs
per half hour. The tsvector column is the generated one of the migrations. Then VACUUM
ANALYZE, as autovacuum would have done on a live database.

Each query is the real function of `newscrawl.db.queries` with the filters the CLI builds
from its arguments, on one connection that never prepares statements (each CLI command is a
new connection), run `--runs` times after one warm-up: p50 and p95 of the call's wall time,
then EXPLAIN (ANALYZE, BUFFERS) of every statement the call sent. Last, `newscrawl list` and
`newscrawl show` run as child processes against the same database for their wall time.

    .venv/bin/python bench/queries.py [--articles 1000000] [--runs 20] [--cli-runs 10]
        [--keep] [--reuse] [--out queries]

PostgreSQL is DATABASE_URL's server (a superuser: the fill turns foreign-key triggers off),
else a temporary pgserver with its default settings. `--keep` leaves the filled database in
place (with DATABASE_URL), `--reuse` measures a database a `--keep` run left.
"""

from __future__ import annotations

import argparse
import math
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import machine, write_result  # noqa: E402
from bench.harness import Postgres  # noqa: E402
from newscrawl.cli import build_parser  # noqa: E402
from newscrawl.cli.inspect_cmd import filters_from  # noqa: E402
from newscrawl.db import migrate, queries  # noqa: E402
from newscrawl.replica import build_site  # noqa: E402

NEWSCRAWL = str(Path(sys.executable).with_name("newscrawl"))
POOL_START = date(2021, 10, 20)  # five years of dates, the tiles' shifts included
POOL_END = date(2026, 10, 20)
TILE_SHIFT = "6 hours 59 minutes 13 seconds"  # tile k is k times this later
BILATERAL_KEEP = 586  # per mille of the replica's bilateral stories kept bilateral: 30 %
SINCE = "2023-12-01"  # `list --since`: about the last three of the five years
RARE_RANK = 300_000  # the varied word of this rank occurs a handful of times in 1M articles
# Candidates for "a common word": the word a user types, and its lexeme in the tsvector.
SWEEP_SHARES = (0.5, 0.3, 0.15, 0.08, 0.05, 0.03, 0.02, 0.01, 0.005, 0.002, 0.001)
COMMON_WORDS = {"said": "said", "minister": "minist", "officials": "offici", "south": "south",
                "korea": "korea", "meeting": "meet", "year": "year", "talks": "talk",
                "agreed": "agre", "foreign": "foreign", "two": "two", "government": "govern",
                "issue": "issu", "week": "week", "also": "also", "seoul": "seoul"}  # fmt: skip
SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]  # 70: words in base 70


# -- the pool: the replica's articles -----------------------------------------------------


def pool_rows(per_site: int, seed: int) -> tuple[list[tuple[Any, ...]], int]:
    """One row per replica article (Yonhap first), and the number of stories."""
    site = build_site(articles=per_site, seed=seed, start=POOL_START, end=POOL_END)
    truth = site.ground_truth()
    index = {t["canonical_url"]: i for i, t in enumerate(truth)}
    stories: dict[str, int] = {}
    day_order: dict[tuple[str, str], int] = {}
    per_day: dict[str, int] = {}
    rows = []
    for i, t in enumerate(truth):
        story = stories.setdefault(str(t["story_key"]), len(stories))
        aid = str(t["site_article_id"])
        if t["source"] == "yonhap":  # AEN + day + serial(4) + version(2) + desk code(3)
            id_day, code = aid[3:11], aid[-3:]
            if (id_day, aid[11:15]) not in day_order:
                day_order[id_day, aid[11:15]] = per_day.get(id_day, 0)
                per_day[id_day] = per_day.get(id_day, 0) + 1
            order = day_order[id_day, aid[11:15]]
            assert order < 100, "more than 100 Yonhap stories a day: IDs would collide"
        else:
            id_day = str(t["published_at"])[:10].replace("-", "")
            code, order = "", 0
        rows.append((
            i, t["source"], t["era"], id_day, order, aid[15:17] if t["source"] == "yonhap"
            else "", code, t["title"], t["subtitle"], t["authors"], t["editor_note"],
            t["dateline"], t["section"], t["tags"], t["published_at"], t["modified_at"],
            "\n\n".join(t["body_paragraphs"]), t["captions"], story, t["version"],
            index.get(str(t["syndicated_from"])) if t["syndicated_from"] else None,
            ["-".join(p) for p in t["pairs"]],
        ))  # fmt: skip
    return rows, len(stories)


POOL_TABLE = """
CREATE UNLOGGED TABLE bench_pool (
    idx int PRIMARY KEY, source text, era text, id_day text, y_order int, y_version text,
    y_code text, title text, subtitle text, authors text[], editor_note text, dateline text,
    section text, tags text[], published_at timestamptz, modified_at timestamptz, body text,
    captions text[], story int, version int, dup_idx int, pairs text[], minhash bigint[])"""

# A varied word: rank r written in base 70 with CV syllables, at least two of them. One
# expression without FROM, so PostgreSQL inlines it.
WORD_FUNCTION = """
CREATE OR REPLACE FUNCTION bench_word(r bigint) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT (S)[1 + r % 70] || (S)[1 + (r / 70) % 70]
           || CASE WHEN r >= 4900 THEN (S)[1 + (r / 4900) % 70] ELSE '' END
           || CASE WHEN r >= 343000 THEN (S)[1 + (r / 343000) % 70] ELSE '' END $$"""

# One tile: articles k*P+1 .. k*P+P (fewer in the last), their versions and aliases.
TILE_SQL = """
INSERT INTO articles (
    id, source, canonical_url, site_article_id, url, title, subtitle, authors, editor_note,
    dateline, section, tags, published_at, modified_at, body, captions, language, layout,
    problems, content_hash, minhash, story_id, version_rank, duplicate_of, duplicate_kind,
    similarity, topic_bilateral, topic_pairs, topic_score, topic_evidence, first_seen_at,
    last_seen_at, updated_at)
SELECT a.id, p.source, a.url, a.site_id, a.url, p.title, p.subtitle, p.authors, p.editor_note,
       p.dateline, p.section, p.tags, a.published_at, a.modified_at,
       p.body || E'\\n\\n' || a.varied, p.captions, 'en',
       CASE p.source WHEN 'yonhap' THEN 'yonhap-2023' ELSE 'koreaherald-' || lower(p.era) END,
       CASE WHEN a.h %% 100 = 0 THEN '{unknown_markup}'::text[] ELSE '{}' END,
       decode(md5(a.id::text) || md5(p.body || a.id), 'hex'), p.minhash,
       %(k)s::bigint * %(stories)s + p.story + 1,
       CASE WHEN p.source = 'yonhap' THEN p.version ELSE 0 END,
       %(k)s::bigint * %(pool)s + p.dup_idx + 1,
       CASE WHEN p.dup_idx IS NOT NULL THEN 'exact' END,
       CASE WHEN p.dup_idx IS NOT NULL THEN 1.0 END,
       a.bilateral, CASE WHEN a.bilateral THEN p.pairs ELSE '{}' END,
       CASE WHEN a.bilateral THEN 4.5 + a.h %% 40 / 10.0 ELSE a.h %% 30 / 10.0 END,
       jsonb_build_object('pairs', CASE WHEN a.bilateral THEN p.pairs ELSE '{}' END,
                          'countries', a.h %% 7, 'diplomacy_terms', a.h %% 5),
       a.seen, a.seen + interval '3 days', a.seen
FROM bench_pool p
CROSS JOIN LATERAL (SELECT %(k)s::bigint * %(pool)s + p.idx + 1 AS id) i
CROSS JOIN LATERAL (SELECT abs(hashint8(i.id)) AS h,
                           abs(hashint8(%(k)s::bigint * %(stories)s + p.story)) %% 1000
                               < %(keep)s AND p.pairs <> '{}' AS bilateral) hb
CROSS JOIN LATERAL (SELECT
    i.id, hb.h, hb.bilateral,
    CASE WHEN p.source = 'koreaherald' AND hb.h %% 2000 = 7 AND p.dup_idx IS NULL THEN NULL
         ELSE p.published_at + %(k)s * interval '{shift}' END AS published_at,
    p.modified_at + %(k)s * interval '{shift}' AS modified_at,
    p.published_at + %(k)s * interval '{shift}' + (hb.h %% 40) * interval '1 minute' AS seen,
    CASE WHEN p.source = 'yonhap'
         THEN 'AEN' || p.id_day || lpad((%(k)s * 100 + p.y_order)::text, 4, '0')
              || p.y_version || p.y_code
         WHEN p.era = 'D' THEN (10000000 + i.id)::text
         ELSE p.id_day || lpad((i.id %% 1000000)::text, 6, '0') END AS site_id,
    (SELECT initcap(string_agg(bench_word(w.r), ' ')) || '.'
     FROM (SELECT floor(exp(random() * ln(1000000.0)))::bigint AS r
           FROM generate_series(1, 15 + i.id %% 40)) w) AS varied) a0
CROSS JOIN LATERAL (SELECT a0.*, CASE
    WHEN p.source = 'yonhap' THEN 'https://en.yna.co.kr/view/' || a0.site_id
    WHEN p.era = 'D' THEN 'https://www.koreaherald.com/article/' || a0.site_id
    ELSE 'https://www.koreaherald.com/view.php?ud=' || a0.site_id END AS url) a
WHERE p.idx < %(n)s::bigint - %(k)s::bigint * %(pool)s
""".replace("{shift}", TILE_SHIFT)

VERSIONS_SQL = """
INSERT INTO article_versions (article_id, version, seen_at, modified_at, content_hash, title,
                              body, changed)
SELECT a.id, v, a.first_seen_at + (v - 1) * interval '2 hours', a.modified_at,
       CASE WHEN v = n THEN a.content_hash ELSE decode(md5(a.id || ':' || v), 'hex') END,
       a.title, CASE WHEN v = n THEN a.body ELSE left(a.body, -40 * (n - v)) END,
       CASE WHEN v = 1 THEN '{}'::text[] ELSE '{body}' END
FROM articles a
CROSS JOIN LATERAL (SELECT 1 + (abs(hashint8(-a.id)) %% 100 < 6)::int
                             + (abs(hashint8(-a.id)) %% 100 < 1)::int AS n) c
CROSS JOIN LATERAL generate_series(1, c.n) v
WHERE a.id BETWEEN %(lo)s AND %(hi)s
"""

ALIASES_SQL = """
INSERT INTO article_urls (url, article_id)
SELECT 'https://www.koreaherald.com/view.php?ud='
       || to_char(coalesce(published_at, first_seen_at) AT TIME ZONE 'Asia/Seoul', 'YYYYMMDD')
       || lpad((id %% 1000000)::text, 6, '0'), id
FROM articles WHERE id BETWEEN %(lo)s AND %(hi)s AND canonical_url LIKE '%%/article/%%'
"""

STORIES_SQL = """
INSERT INTO stories (id, story_key, latest_article_id, first_published_at, last_published_at,
                     created_at)
SELECT g.story_id, g.story_key, l.id, g.first_published_at, g.last_published_at, g.created_at
FROM (SELECT story_id,
             min(CASE WHEN duplicate_of IS NOT NULL THEN NULL
                      WHEN source = 'yonhap' THEN 'yonhap:' || substr(site_article_id, 1, 15)
                                                  || right(site_article_id, 3)
                      ELSE 'koreaherald:' || site_article_id END) AS story_key,
             min(published_at) AS first_published_at, max(published_at) AS last_published_at,
             min(first_seen_at) AS created_at
      FROM articles GROUP BY story_id) g
LEFT JOIN (SELECT DISTINCT ON (story_id) story_id, id FROM articles
           WHERE duplicate_of IS NULL
           ORDER BY story_id, version_rank DESC, published_at DESC NULLS LAST, id DESC) l
       ON l.story_id = g.story_id
"""

RUNS_SQL = """
INSERT INTO crawl_runs (site, started_at, finished_at, status, stats, hostname, pid)
SELECT site, t, t + interval '41 seconds', 'finished',
       jsonb_build_object('store/new', 3 + (extract(epoch FROM t)::bigint / 1800) %% 9,
                          'store/updated', (extract(epoch FROM t)::bigint / 1800) %% 2,
                          'downloader/request_count', 40),
       'crawler', 4242
FROM generate_series(%(start)s::timestamptz, %(end)s::timestamptz, interval '30 minutes') t,
     unnest(ARRAY['yonhap', 'koreaherald']) site
"""

DROPPABLE_INDEXES = """
SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
WHERE t.relname IN ('articles', 'article_versions', 'article_urls', 'stories')
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
"""


def database_url(admin: str, name: str) -> str:
    params = conninfo_to_dict(admin)
    params["dbname"] = name
    return make_conninfo(**params)


def fill(url: str, n: int, per_site: int, seed: int) -> dict[str, float]:
    """Fill an empty, migrated database with n articles; seconds per step."""
    steps: dict[str, float] = {}
    t0 = time.perf_counter()
    rows, story_count = pool_rows(per_site, seed)
    steps["pool_python"] = time.perf_counter() - t0
    pool = len(rows)
    tiles = math.ceil(n / pool)
    assert tiles <= 100, "the pool is too small for this many articles (Yonhap serials)"
    with psycopg.connect(url, autocommit=True) as conn:
        t = time.perf_counter()
        conn.execute(POOL_TABLE)
        with conn.cursor().copy("COPY bench_pool (idx, source, era, id_day, y_order, "
                                "y_version, y_code, title, subtitle, authors, editor_note, "
                                "dateline, section, tags, published_at, modified_at, body, "
                                "captions, story, version, dup_idx, pairs) FROM STDIN") as cp:
            for row in rows:
                cp.write_row(row)
        conn.execute("SELECT setseed(%s)", (seed / 1000,))
        conn.execute("""UPDATE bench_pool SET minhash = (
                            SELECT array_agg(((random() - 0.5) * 9.0e18)::bigint)
                            FROM generate_series(1, 64) WHERE idx IS NOT NULL)""")
        syllables = "{" + ",".join(SYLLABLES) + "}"
        conn.execute(WORD_FUNCTION.replace("(S)", f"('{syllables}'::text[])"))
        indexes = conn.execute(DROPPABLE_INDEXES).fetchall()
        for name, _ in indexes:
            conn.execute(f"DROP INDEX {name}")
        steps["pool_sql"] = time.perf_counter() - t

    def tile(k: int) -> None:
        with psycopg.connect(url, autocommit=True) as c:
            c.execute("SET session_replication_role = replica")  # no FK triggers: rows agree
            c.execute("SELECT setseed(%s)", (k / tiles,))
            with c.transaction():
                params = {"k": k, "pool": pool, "stories": story_count, "n": n,
                          "keep": BILATERAL_KEEP}  # fmt: skip
                c.execute(TILE_SQL, params)
                bounds = {"lo": k * pool + 1, "hi": (k + 1) * pool}
                c.execute(VERSIONS_SQL, bounds)
                c.execute(ALIASES_SQL, bounds)

    t = time.perf_counter()
    with ThreadPoolExecutor(2) as workers:  # two cores: two tiles at a time
        list(workers.map(tile, range(tiles)))
    steps["articles"] = time.perf_counter() - t
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("SET session_replication_role = replica")
        t = time.perf_counter()
        conn.execute(STORIES_SQL)
        conn.execute(RUNS_SQL, {"start": f"{POOL_START}", "end": f"{POOL_END}"})
        for seq, table in (("articles_id_seq", "articles"), ("stories_id_seq", "stories")):
            conn.execute(f"SELECT setval('{seq}', (SELECT max(id) FROM {table}))")
        conn.execute("DROP TABLE bench_pool")
        conn.execute("DROP FUNCTION bench_word")
        steps["stories_runs"] = time.perf_counter() - t
        t = time.perf_counter()
        for _, definition in indexes:
            conn.execute(definition)
        steps["indexes"] = time.perf_counter() - t
        t = time.perf_counter()
        conn.execute("VACUUM (ANALYZE)")
        steps["vacuum_analyze"] = time.perf_counter() - t
    steps["total"] = sum(steps.values())
    return {k: round(v, 1) for k, v in steps.items()}


# -- measuring ----------------------------------------------------------------------------


class RecordingCursor(psycopg.Cursor):
    """Remembers every statement it sends, to explain them afterwards."""

    log: list[tuple[Any, Any]] = []

    def execute(self, query, params=None, **kwargs):  # type: ignore[no-untyped-def, override]
        RecordingCursor.log.append((query, params))
        return super().execute(query, params, **kwargs)


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def explain(conn: psycopg.Connection, statements: list[tuple[Any, Any]]) -> list[str]:
    """EXPLAIN (ANALYZE, BUFFERS) of each statement; a SET LOCAL the query function sent
    (`queries.one_process`) applies to the statement after it, in one transaction."""
    plans, setting = [], None
    for query, params in statements:
        if str(query).lstrip().upper().startswith("SET "):
            setting = query
            continue
        with conn.transaction():
            if setting:
                conn.execute(setting)
                plans.append(f"({setting})")
            rows = conn.execute(f"EXPLAIN (ANALYZE, BUFFERS) {query}", params).fetchall()
        plans.append("\n".join(r[0] for r in rows))
        setting = None
    return plans


def measure(conn: psycopg.Connection, call, runs: int) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    call()  # warm-up
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        result = call()
        times.append((time.perf_counter() - t) * 1000)
    RecordingCursor.log = []
    call()
    statements = list(RecordingCursor.log)
    return {"p50_ms": round(percentile(times, 0.5), 2), "p95_ms": round(percentile(times, 0.95), 2),
            "runs": runs, "rows": _size(result), "explain": explain(conn, statements)}  # fmt: skip


def _size(result: Any) -> int:
    if isinstance(result, list):
        return len(result)
    if isinstance(result, dict):
        return sum(len(v) for v in result.values() if isinstance(v, list))
    return 1 if result is not None else 0


def cli_time(url: str, argv: list[str], runs: int) -> dict[str, Any]:
    """Wall time of `newscrawl ARGV` in a child process (stdout to a pipe), p50 and p95."""
    env = {**os.environ, "DATABASE_URL": url, "PYTHONPATH": str(ROOT)}
    times = []
    for i in range(runs + 1):
        t = time.perf_counter()
        done = subprocess.run([NEWSCRAWL, *argv], env=env, capture_output=True, text=True)
        if i:  # the first run warms the OS cache for the interpreter's files
            times.append((time.perf_counter() - t) * 1000)
        if done.returncode != 0:
            raise SystemExit(f"newscrawl {' '.join(argv)} failed: {done.stderr.strip()}")
    return {"command": f"newscrawl {' '.join(argv)}", "p50_ms": round(percentile(times, 0.5), 1),
            "p95_ms": round(percentile(times, 0.95), 1), "runs": runs}  # fmt: skip


def choose(conn: psycopg.Connection) -> dict[str, Any]:
    """The words and articles the queries use, read from the filled database."""
    sample = conn.execute("SELECT count(*) FROM articles TABLESAMPLE SYSTEM (2) "
                          "REPEATABLE (7)").fetchone()[0]  # fmt: skip
    every = dict(conn.execute(
        "SELECT word, ndoc FROM ts_stat('SELECT search_vector FROM articles "
        "TABLESAMPLE SYSTEM (2) REPEATABLE (7)') WHERE word ~ '^[a-z]{3,}$'").fetchall())
    stats = {w: every[w] for w in COMMON_WORDS.values() if w in every}
    lexeme = min(stats, key=lambda w: abs(stats[w] / sample - 1 / 3))
    sweep = []  # words from common to rare, for "search of any word"
    for share in SWEEP_SHARES:
        for word in sorted(every, key=lambda w: abs(every[w] / sample - share))[:20]:
            typed = conn.execute("SELECT websearch_to_tsquery('english', %s)::text",
                                 (word,)).fetchone()[0]  # fmt: skip
            if typed == f"'{word}'":  # the lexeme, typed as a query, is itself
                sweep.append({"word": word, "target_share": share,
                              "sample_share": round(every[word] / sample, 4)})  # fmt: skip
                break
    common = next(w for w, lex in COMMON_WORDS.items() if lex == lexeme)
    rank = RARE_RANK
    while True:  # the first varied word from RARE_RANK on that occurs at all
        word = "".join(SYLLABLES[(rank // 70**i) % 70] for i in range(3 if rank < 343000 else 4))
        hits = conn.execute("SELECT count(*) FROM articles WHERE search_vector @@ "
                            "websearch_to_tsquery('english', %s)", (word,)).fetchone()[0]
        if hits:
            break
        rank += 1
    original = conn.execute(  # the middle one of the Yonhap updates with a Korea Herald copy
        """WITH o AS (SELECT a.id, a.canonical_url FROM articles a
                      WHERE a.version_rank > 0
                        AND EXISTS (SELECT 1 FROM articles c WHERE c.duplicate_of = a.id))
           SELECT * FROM o ORDER BY id OFFSET (SELECT count(*) / 2 FROM o) LIMIT 1"""
    ).fetchone()
    herald = conn.execute(  # a Korea Herald article with an older URL form, three-quarters in
        """SELECT a.canonical_url FROM articles a JOIN article_urls u ON u.article_id = a.id
           WHERE a.id >= (SELECT max(id) * 3 / 4 FROM articles) ORDER BY a.id LIMIT 1"""
    ).fetchone()
    return {"common_word": common, "common_word_sample_share": round(stats[lexeme] / sample, 3),
            "rare_word": word, "rare_word_articles": hits, "show_id": original[0],
            "show_url": herald[0] if herald else original[1], "sweep": sweep}  # fmt: skip


def commands(chosen: dict[str, Any]) -> dict[str, list[str]]:
    """Each measured query as the CLI command it stands for."""
    return {
        "list": ["list"],
        "list --pair JP-KR": ["list", "--pair", "JP-KR"],
        "list --source koreaherald": ["list", "--source", "koreaherald"],
        f"list --since {SINCE}": ["list", "--since", SINCE],
        "search (common word)": ["search", chosen["common_word"]],
        'search "foreign minister"': ["search", "foreign minister"],
        "search (rare word)": ["search", chosen["rare_word"]],
        "timeline --pair JP-KR": ["timeline", "--pair", "JP-KR"],
        "stats": ["stats"],
        "show ID": ["show", str(chosen["show_id"])],
        "show URL": ["show", chosen["show_url"]],
    }


def call_for(conn: psycopg.Connection, argv: list[str]):  # type: ignore[no-untyped-def]
    """What the command's handler asks the database, through `newscrawl.db.queries`."""
    args = build_parser().parse_args(argv)
    command = argv[0]
    if command == "show":
        def show() -> Any:
            article = queries.find_article(conn, args.article)
            return [article, queries.article_details(conn, article["id"])]
        return show
    filters = filters_from(args)
    if command == "list":
        return lambda: queries.list_articles(conn, filters)
    if command == "search":
        return lambda: queries.search(conn, args.query, filters)
    if command == "timeline":
        return lambda: queries.timeline(conn, filters)
    if command == "stats":
        return lambda: queries.statistics(conn, filters, args.by)
    raise ValueError(command)


def server_settings(conn: psycopg.Connection) -> dict[str, str]:
    names = ("server_version", "shared_buffers", "work_mem", "effective_cache_size",
             "max_parallel_workers_per_gather", "random_page_cost", "jit")  # fmt: skip
    return {n: conn.execute(f"SHOW {n}").fetchone()[0] for n in names}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--pool", type=int, default=50_000, help="replica articles per site "
                        "(at most; the pool is tiled up to --articles)")  # fmt: skip
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--runs", type=int, default=20, help="timed runs per query")
    parser.add_argument("--cli-runs", type=int, default=10, help="timed runs per command")
    parser.add_argument("--no-sweep", action="store_true",
                        help="skip the search of words from common to rare")
    parser.add_argument("--keep", action="store_true", help="keep the filled database")
    parser.add_argument("--reuse", action="store_true", help="measure a kept database")
    parser.add_argument("--out", default="queries", help="bench/results/<OUT>.json")
    parser.add_argument("--no-write", action="store_true", help="do not write results")
    opts = parser.parse_args()
    started = time.perf_counter()
    pg = Postgres()
    name = f"newscrawl_bench_queries_{opts.articles}"
    url = database_url(pg.admin, name)
    fill_steps: dict[str, float] | None = None
    try:
        if not opts.reuse:
            with psycopg.connect(pg.admin, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                conn.execute(f'CREATE DATABASE "{name}"')
        with psycopg.connect(url, autocommit=True) as conn:
            t = time.perf_counter()
            applied = migrate.migrate(conn)
            migrate_seconds = round(time.perf_counter() - t, 1)
        if not opts.reuse:
            per_site = min(opts.pool, math.ceil(opts.articles / 2))
            print(f"filling {opts.articles:,} articles (pool {2 * per_site:,}) ...", flush=True)
            fill_steps = fill(url, opts.articles, per_site, opts.seed)
            print(f"filled in {fill_steps['total']:.0f} s: {fill_steps}", flush=True)
        elif applied:
            print(f"migrations applied to the kept database in {migrate_seconds} s: {applied}")
        figures = run_queries(url, opts)
        figures.update(migrations_applied=applied, migrate_seconds=migrate_seconds)
    finally:
        if not opts.keep:
            with psycopg.connect(pg.admin, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if pg.server is not None and not opts.keep:
            pg.server.cleanup()
    total = round(time.perf_counter() - started, 1)
    print(f"benchmark total: {total:.0f} s ({total / 60:.1f} min)")
    if not opts.no_write:
        write_result(opts.out, {"command": " ".join(["bench/queries.py", *sys.argv[1:]]),
                                "articles": opts.articles, "fill_seconds": fill_steps,
                                "total_seconds": total, **figures,
                                "machine": machine()})  # fmt: skip
    return 0


def run_queries(url: str, opts: argparse.Namespace) -> dict[str, Any]:
    results: dict[str, Any] = {}
    load_before = os.getloadavg()  # the machine is shared: how busy it was, for the reader
    with psycopg.connect(url, autocommit=True, prepare_threshold=None,
                         cursor_factory=RecordingCursor) as conn:  # fmt: skip
        info = server_settings(conn)
        sizes = dict(conn.execute(
            """SELECT 'articles', (SELECT count(*) FROM articles) UNION ALL
               SELECT 'stories', (SELECT count(*) FROM stories) UNION ALL
               SELECT 'bilateral', (SELECT count(*) FROM articles WHERE topic_bilateral)
               UNION ALL SELECT 'JP-KR', (SELECT count(*) FROM articles
                                          WHERE topic_pairs @> '{JP-KR}')
               UNION ALL SELECT 'copies', (SELECT count(*) FROM articles
                                           WHERE duplicate_of IS NOT NULL)
               UNION ALL SELECT 'updates', (SELECT count(*) FROM articles
                                            WHERE version_rank > 0)
               UNION ALL SELECT 'no date', (SELECT count(*) FROM articles
                                            WHERE published_at IS NULL)
               UNION ALL SELECT 'versions', (SELECT count(*) FROM article_versions)
               UNION ALL SELECT 'database MB', pg_database_size(current_database()) / 2^20
               UNION ALL SELECT 'articles MB', pg_total_relation_size('articles') / 2^20"""
        ).fetchall())  # fmt: skip
        dates = conn.execute("SELECT min(published_at), max(published_at) FROM articles"
                             ).fetchone()  # fmt: skip
        chosen = choose(conn)
        print(f"database: {sizes}, dates {dates[0]:%Y-%m-%d} .. {dates[1]:%Y-%m-%d}")
        print(f"server: {info}\nchosen: {chosen}\n")
        for label, argv in commands(chosen).items():
            runs = opts.runs
            figures = measure(conn, call_for(conn, argv), runs)
            results[label] = {"command": f"newscrawl {' '.join(argv)}", **figures}
            print(f"== {label}: p50 {figures['p50_ms']:.1f} ms, p95 {figures['p95_ms']:.1f} ms,"
                  f" {figures['rows']} rows")  # fmt: skip
            for plan in figures["explain"]:
                print(plan + "\n")
        sweep = {}
        for entry in [] if opts.no_sweep else chosen["sweep"]:
            args = build_parser().parse_args(["search", entry["word"]])
            figures = measure(conn, lambda a=args: queries.search(conn, a.query,
                                                                  filters_from(a)), opts.runs)
            figures.pop("explain")
            sweep[entry["word"]] = {**entry, **figures}
            print(f"== search {entry['word']} (in {entry['sample_share']:.1%} of the articles):"
                  f" p50 {figures['p50_ms']:.1f} ms, p95 {figures['p95_ms']:.1f} ms")
        if sweep:
            worst = max(sweep.values(), key=lambda r: r["p95_ms"])
            results["search (any word: the slowest of the sweep)"] = {
                "command": f"newscrawl search {worst['word']}", **worst}
        # `newscrawl list` also counts the matches when --limit cuts the list (stderr note)
        for label, argv in (("list (count)", ["list"]),
                            ("list --pair JP-KR (count)", ["list", "--pair", "JP-KR"])):
            filters = filters_from(build_parser().parse_args(argv))
            figures = measure(conn, lambda f=filters: queries.count_articles(conn, f), opts.runs)
            results[label] = {"command": f"newscrawl {' '.join(argv)}", **figures}
            print(f"== {label}: p50 {figures['p50_ms']:.1f} ms, p95 {figures['p95_ms']:.1f} ms")
            print(figures["explain"][0] + "\n")
    cli = {}
    if opts.cli_runs:
        for label, argv in (("--help", ["--help"]), ("list", ["list"]),
                            ("show ID", ["show", str(chosen["show_id"])]),
                            ("show URL", ["show", chosen["show_url"]])):  # fmt: skip
            cli[label] = figures = cli_time(url, argv, opts.cli_runs)
            print(f"== CLI {figures['command']}: wall p50 {figures['p50_ms']} ms, "
                  f"p95 {figures['p95_ms']} ms")  # fmt: skip
    print("\n| query | p50 ms | p95 ms | rows |\n|---|---|---|---|")
    for label, r in results.items():
        print(f"| {label} | {r['p50_ms']:.1f} | {r['p95_ms']:.1f} | {r['rows']} |")
    return {"database": {**sizes, "first_published": dates[0], "last_published": dates[1]},
            "server": info, "chosen": chosen, "queries": results, "search_sweep": sweep,
            "cli": cli, "load_average_1_5_15_min": {"before": load_before,
                                                    "after": os.getloadavg()},
            "measured_at": datetime.now(UTC).isoformat(timespec="seconds")}  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
