"""`newscrawl demo`: the whole pipeline offline, in one command.

It serves the bundled replica of both sites on free loopback ports, crawls it with both spiders
into a separate `<database>_demo` database (recreated each time, so the real database never
receives replica articles), prints what was stored, and stops the replica.
"""

from __future__ import annotations

import os
import sys

import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from newscrawl import crawl
from newscrawl.cli.output import render
from newscrawl.db import connection
from newscrawl.errors import NewscrawlError

# The replica is our own server on loopback: the demo lifts politeness for it on the command
# line, exactly as a user would with `-s`; the spiders' defaults stay polite.
LOOPBACK_SETTINGS = {
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY": 0,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
}


def demo_conninfo(database: connection.Database) -> str:
    """The conninfo of the demo database (`<name>_demo`) on the same server."""
    params = conninfo_to_dict(database.url)
    return make_conninfo(**{**params, "dbname": f"{params.get('dbname') or 'newscrawl'}_demo"})


def demo_database(database: connection.Database) -> str:
    """A fresh `<name>_demo` database on the same server; its conninfo."""
    url = demo_conninfo(database)
    name = conninfo_to_dict(url)["dbname"]
    try:
        with psycopg.connect(database.url, autocommit=True,
                             connect_timeout=connection.CONNECT_TIMEOUT) as conn:  # fmt: skip
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.Error as exc:
        raise NewscrawlError(
            f"cannot create the demo database {name!r} on "
            f"{connection.describe_host(database.url)}: {str(exc).strip().splitlines()[0]}"
        ) from None
    return url


def run(articles: int, seed: int) -> int:
    from newscrawl.replica import ReplicaServer, build_site

    database = connection.resolve()
    url = demo_database(database)
    os.environ["DATABASE_URL"] = url  # the crawl, its pipelines and extensions use it
    site = build_site(articles=articles, seed=seed)
    with ReplicaServer(site) as server:
        print(f"replica of Yonhap at {server.yonhap_url}, of The Korea Herald at "
              f"{server.koreaherald_url} ({articles} articles each, seed {seed})")  # fmt: skip
        print(f"crawling into {connection.mask_url(url)}", flush=True)
        base_urls = {"yonhap": server.yonhap_url, "koreaherald": server.koreaherald_url}
        options = crawl.CrawlOptions(
            sites=tuple(base_urls),  # only the sites the replica serves: the demo is offline
            base_urls=base_urls,
            settings={**LOOPBACK_SETTINGS, "LOG_LEVEL": "WARNING"},
        )
        results = crawl.run(options, announce=lambda line: None)
    for result in results:
        print(result.summary())
    show(url)
    print(hint(url, database.embedded))
    return crawl.exit_code(results)


def hint(url: str, embedded: bool) -> str:
    """How to look at the demo database afterwards: commands that work once this one has
    exited (the embedded server stops with its last user, hence `db start` first)."""
    env = f"DATABASE_URL='{connection.mask_url(url)}'"
    lines = ["\nlook around (list, show ID, timeline, stats, search WORDS, db shell):"]
    if embedded:  # the embedded server stops with the last command using it
        lines.append("  newscrawl db start")
    lines += [f"  {env} newscrawl list", f"  {env} newscrawl db shell"]
    if embedded:
        lines.append("  newscrawl db stop")
    lines.append("\nbrowse it: newscrawl serve --demo, then open http://127.0.0.1:8080/pair/JP-KR "
                 "(the Korea-Japan timeline; Ctrl-C stops the server)")
    return "\n".join(lines)


def show(url: str) -> None:
    with psycopg.connect(url) as conn:
        totals = conn.execute(
            """SELECT count(*), count(DISTINCT story_id),
                      count(*) FILTER (WHERE duplicate_of IS NOT NULL),
                      count(*) FILTER (WHERE topic_bilateral)
               FROM articles"""
        ).fetchone()
        rows = conn.execute(
            """SELECT a.id, a.source,
                      to_char(a.published_at AT TIME ZONE 'Asia/Seoul', 'YYYY-MM-DD HH24:MI'),
                      a.title, array_to_string(a.topic_pairs, ' ') AS pairs,
                      CASE WHEN a.duplicate_of IS NOT NULL THEN 'copy of ' || a.duplicate_of
                           WHEN a.version_rank > 0 THEN 'update ' || a.version_rank
                           ELSE '' END AS kind
               FROM articles a ORDER BY a.published_at DESC NULLS LAST LIMIT 12"""
        ).fetchall()
    print(f"\nstored: {totals[0]} articles in {totals[1]} stories, {totals[2]} copies linked, "
          f"{totals[3]} about bilateral diplomacy; the newest:")  # fmt: skip
    columns = ("id", "source", "published (KST)", "title", "pairs", "kind")
    render([dict(zip(columns, row, strict=True)) for row in rows], columns, "table",
           out=sys.stdout, max_width=70)  # fmt: skip
