"""Per-article store cost, dedup included, at 10,000 and at 1,000,000 stored articles.

The database is filled with synthetic rows generated inside PostgreSQL (articles with their
stories, versions, MinHash signatures and LSH bands, spread over five years), then a sample of
realistic articles (the replica's, under fresh URLs) is stored one by one with the same
`store_article` the pipeline uses: one transaction each, with the seen/insert, version, story,
exact-copy and near-duplicate lookups. If every step is an index lookup, the cost hardly changes
with the table size.

    .venv/bin/python bench/store_scale.py [--small 10000] [--large 1000000] [--sample 400]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import warnings
from datetime import datetime
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import machine, write_result  # noqa: E402
from newscrawl.db import migrate  # noqa: E402
from newscrawl.db.store import store_article  # noqa: E402
from newscrawl.items import ArticleItem  # noqa: E402
from newscrawl.replica import build_site  # noqa: E402

FILL_SQL = """
WITH s AS (
    INSERT INTO stories (story_key)
    SELECT 'synthetic:' || g FROM generate_series(%(lo)s::bigint, %(hi)s::bigint) g
    RETURNING id, story_key
)
INSERT INTO articles (source, canonical_url, site_article_id, url, title, body, published_at,
                      content_hash, minhash, story_id, topic_bilateral, topic_pairs)
SELECT CASE WHEN g %% 2 = 0 THEN 'yonhap' ELSE 'koreaherald' END,
       'https://synthetic.example/' || g, g::text, 'https://synthetic.example/' || g,
       'Synthetic headline number ' || g,
       'Synthetic body ' || g || ' with some words about talks between Seoul and Tokyo '
         || md5(g::text) || ' and a second sentence ' || md5((g * 7)::text),
       timestamptz '2021-11-01' + (random() * interval '1826 days'),
       decode(md5(g::text) || md5((g + 1)::text), 'hex'),
       (SELECT array_agg(((random() - 0.5) * 9.0e18)::bigint) FROM generate_series(1, 64)
        WHERE g > 0),
       s.id, g %% 3 = 0, CASE WHEN g %% 3 = 0 THEN '{JP-KR}'::text[] ELSE '{}' END
FROM s JOIN LATERAL (SELECT substr(s.story_key, 11)::bigint AS g) x ON true
"""

BANDS_SQL = """
INSERT INTO article_bands (band, hash, article_id)
SELECT b, ((random() - 0.5) * 9.0e18)::bigint, a.id
FROM articles a, generate_series(0, 15) b
WHERE a.id > %(after)s
"""

VERSIONS_SQL = """
INSERT INTO article_versions (article_id, version, content_hash, title)
SELECT id, 1, content_hash, title FROM articles WHERE id > %(after)s
"""


def fill(conn: psycopg.Connection, target: int, batch: int = 100_000) -> float:
    """Add synthetic articles until `target` are stored; seconds taken."""
    started = time.perf_counter()
    have = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    while have < target:
        n = min(batch, target - have)
        after = conn.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0]
        with conn.transaction():
            conn.execute(FILL_SQL, {"lo": have + 1, "hi": have + n})
            conn.execute(BANDS_SQL, {"after": after})
            conn.execute(VERSIONS_SQL, {"after": after})
        have += n
        print(f"  {have:,} articles", flush=True)
    conn.execute("VACUUM ANALYZE")
    conn.execute("CHECKPOINT")  # the fill's dirty pages are not the measured stores' cost
    return time.perf_counter() - started


def sample_items(count: int, tag: str, seed: int) -> list[ArticleItem]:
    """Realistic articles (the replica's text and metadata) under fresh URLs."""
    site = build_site(articles=count // 2 + 1, seed=seed)
    items = []
    for i, t in enumerate(site.ground_truth()[:count]):
        url = f"{t['canonical_url']}-{tag}"  # fresh, never stored before
        items.append(ArticleItem(
            source=t["source"], url=url, canonical_url=url,
            site_article_id=t["site_article_id"], title=t["title"], authors=t["authors"],
            published_at=datetime.fromisoformat(t["published_at"]),
            body="\n\n".join(t["body_paragraphs"]), captions=t["captions"],
            raw_html=f"<html><body>{i}</body></html>",
            topic={"bilateral": t["bilateral"], "pairs": t["pairs"], "score": 1.0,
                   "evidence": {}},
        ))  # fmt: skip
    return items


class StatementTimer:
    """Where a store's time goes, by statement (the first words of its SQL).

    The store runs in pipeline mode: a statement whose result is not read returns at once,
    and the wait for the queued ones is counted on the next statement that reads a result.
    """

    def __init__(self, conn: psycopg.Connection) -> None:
        self.totals: dict[str, float] = {}
        self.conn, self.original = conn, conn.execute

    def __enter__(self) -> StatementTimer:
        def timed(query, params=None, **kw):
            started = time.perf_counter()
            try:
                return self.original(query, params, **kw)
            finally:
                key = " ".join(str(query).split())[:60]
                self.totals[key] = self.totals.get(key, 0.0) + time.perf_counter() - started

        self.conn.execute = timed  # type: ignore[method-assign]
        return self

    def __exit__(self, *exc: object) -> None:
        self.conn.execute = self.original  # type: ignore[method-assign]


def measure(conn: psycopg.Connection, items: list[ArticleItem], warmup: int = 40) -> dict:
    """Store the items one by one; the first `warmup` warm caches and are not counted."""
    for item in items[:warmup]:
        store_article(conn, item)
    costs = []
    with StatementTimer(conn) as timer:
        for item in items[warmup:]:
            started = time.perf_counter()
            store_article(conn, item)
            costs.append((time.perf_counter() - started) * 1000)
    n = len(costs)
    top = sorted(timer.totals.items(), key=lambda kv: -kv[1])[:6]
    costs.sort()
    return {
        "statements_ms": {k: round(v * 1000 / n, 3) for k, v in top},
        "articles": len(costs),
        "median_ms": round(statistics.median(costs), 3),
        "mean_ms": round(statistics.fmean(costs), 3),
        "p90_ms": round(costs[int(len(costs) * 0.9)], 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--large", type=int, default=1_000_000)
    parser.add_argument("--sample", type=int, default=400, help="articles stored per size")
    args = parser.parse_args()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pgserver
    with tempfile.TemporaryDirectory(prefix="newscrawl-scale-") as tmp:
        server = pgserver.get_server(tmp, cleanup_mode="stop")
        with psycopg.connect(server.get_uri(), autocommit=True) as conn:
            migrate.migrate(conn)
            print(f"filling to {args.small:,}")
            fill(conn, args.small)
            small = measure(conn, sample_items(args.sample + 40, "small", seed=21))
            print(f"  store cost at {args.small:,}: {small}")
            print(f"filling to {args.large:,}")
            fill_seconds = fill(conn, args.large)
            large = measure(conn, sample_items(args.sample + 40, "large", seed=22))
            print(f"  store cost at {args.large:,}: {large}")
            size = conn.execute("SELECT pg_size_pretty(pg_database_size(current_database()))"
                                ).fetchone()[0]  # fmt: skip
        server.cleanup()
    ratio = round(large["median_ms"] / small["median_ms"], 3)
    print(f"ratio (median, {args.large:,} vs {args.small:,}): {ratio} (target <= 1.2)")
    write_result("store_scale", {
        "command": " ".join(sys.argv), "small": {"stored": args.small, **small},
        "large": {"stored": args.large, **large}, "ratio_median": ratio,
        "ratio_mean": round(large["mean_ms"] / small["mean_ms"], 3),
        "fill_seconds_large": round(fill_seconds, 1), "database_size_large": size,
        "machine": machine(),
    })  # fmt: skip


if __name__ == "__main__":
    main()
