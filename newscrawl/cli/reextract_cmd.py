"""`newscrawl reextract`: re-run the extraction on stored raw pages (no network)."""

from __future__ import annotations

import argparse
import re
import time

from newscrawl import config, sites
from newscrawl.cli.args import day_start, parse_day
from newscrawl.db import connection, queries
from newscrawl.errors import UsageError

_CODE = re.compile(r"^[a-z][a-z_]{0,40}$")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "reextract",
        help="re-run the extraction on stored pages, without refetching",
        description="Rebuild stored articles from their raw pages with the current site "
        "parsers, cleaning and topic rules (what `newscrawl extract` does); a changed text "
        "becomes a new version. --problem CODE takes only the articles flagged with that "
        "problem code, e.g. after a layout fix: --problem layout_unknown.",
    )
    p.add_argument("--source", choices=sorted(sites.names()))
    p.add_argument("--since", type=parse_day, help="articles published on or after (KST day)")
    p.add_argument("--problem", metavar="CODE",
                   help="only articles flagged with this problem code (docs/drift.md)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from newscrawl.reextract import reextract

    if args.problem is not None and not _CODE.match(args.problem):
        raise UsageError(f"--problem takes a problem code such as layout_unknown, "
                         f"got {args.problem[:50]!r}")  # fmt: skip
    filters = queries.Filters(source=args.source, since=day_start(args.since), limit=None,
                              problem=args.problem)  # fmt: skip
    database = connection.resolve()
    workers = config.env_setting("NEWSCRAWL_EXTRACT_WORKERS", config.default_workers())
    started = time.monotonic()
    with (
        connection.connect(database) as read_conn,
        connection.connect(database, autocommit=True) as write_conn,
    ):
        counts = reextract(read_conn, write_conn, filters, config.topic_rules_path(), workers)
    seconds = time.monotonic() - started
    pages = counts.pop("pages", 0)
    rate = f" ({pages / seconds:.1f} pages/s, {workers} workers)" if pages and seconds else ""
    print(f"{pages} pages re-extracted in {seconds:.1f} s{rate}: "
          + ", ".join(f"{n} {what}" for what, n in sorted(counts.items())))  # fmt: skip
    return 1 if counts.get("failed") else 0
