"""Commands that read the database: `newscrawl list` (more arrive with later issues)."""

from __future__ import annotations

import argparse

from newscrawl.cli import args as cli_args
from newscrawl.cli.output import render
from newscrawl.db import connection, queries

LIST_COLUMNS = ("id", "source", "published_at", "title", "authors", "canonical_url")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("list", help="list stored articles, newest first")
    cli_args.add_filters(p)
    cli_args.add_format(p)
    p.set_defaults(handler=run_list)


def filters_from(args: argparse.Namespace) -> queries.Filters:
    return queries.Filters(
        source=args.source,
        since=cli_args.day_start_utc(args.since),
        until=cli_args.day_start_utc(args.until),
        limit=args.limit,
    )


def run_list(args: argparse.Namespace) -> int:
    with connection.connect(autocommit=True) as conn:
        rows = queries.list_articles(conn, filters_from(args))
    render(rows, LIST_COLUMNS, args.format)
    return 0
