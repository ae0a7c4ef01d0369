"""`newscrawl retag`: recompute the relevance tags of stored articles (no network)."""

from __future__ import annotations

import argparse
import os

from newscrawl import sites
from newscrawl.cli.args import day_start, parse_day
from newscrawl.db import connection, queries


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "retag", help="re-run the relevance tagger on stored articles after a rules change"
    )
    p.add_argument("--source", choices=sorted(sites.names()), help="only this site")
    p.add_argument("--since", type=parse_day, help="articles published on or after (KST day)")
    p.add_argument(
        "--rules",
        metavar="FILE",
        default=None,
        help="rules file (default: NEWSCRAWL_TOPIC_RULES, else the packaged rules)",
    )
    p.add_argument("--dry-run", action="store_true", help="count what would change, write nothing")
    p.add_argument("--show", action="store_true", help="also print a few changed articles")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from newscrawl.retag import retag
    from newscrawl.topic import load_rules

    rules = load_rules(args.rules or os.environ.get("NEWSCRAWL_TOPIC_RULES") or None)
    filters = queries.Filters(source=args.source, since=day_start(args.since), limit=None)
    database = connection.resolve()
    with (
        connection.connect(database) as read_conn,
        connection.connect(database) as write_conn,
    ):
        counts = retag(read_conn, write_conn, filters, rules, dry_run=args.dry_run)
    print(counts.summary(dry_run=args.dry_run))
    if args.show:
        for line in counts.examples:
            print(f"  {line}")
    return 0
