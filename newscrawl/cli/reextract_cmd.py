"""`newscrawl reextract`: re-run cleaning on stored raw pages (no network)."""

from __future__ import annotations

import argparse

from newscrawl import sites
from newscrawl.cli.args import day_start, parse_day
from newscrawl.db import connection, queries


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("reextract", help="re-run cleaning on stored pages, without refetching")
    p.add_argument("--source", choices=sorted(sites.names()))
    p.add_argument("--since", type=parse_day, help="articles published on or after (KST day)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from newscrawl.reextract import reextract

    filters = queries.Filters(source=args.source, since=day_start(args.since), limit=None)
    database = connection.resolve()
    with (
        connection.connect(database) as read_conn,
        connection.connect(database, autocommit=True) as write_conn,
    ):
        counts = reextract(read_conn, write_conn, filters)
    print(", ".join(f"{n} {what}" for what, n in sorted(counts.items())))
    return 1 if counts.get("failed") else 0
