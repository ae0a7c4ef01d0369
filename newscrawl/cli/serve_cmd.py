"""`newscrawl serve` (the read-only web view) and `newscrawl report` (a pair page as a file).

Flask and waitress are imported only when one of these runs, never by the crawl.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from newscrawl import sites
from newscrawl.cli import args as cli_args
from newscrawl.db import connection
from newscrawl.errors import UsageError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="a read-only web view of the database (loopback)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    p.add_argument("--port", type=_port, default=8080, help="port (8080; 0 picks a free one)")
    _demo(p)
    p.set_defaults(handler=run_serve)

    p = sub.add_parser("report", help="write a pair's timeline page as one HTML file")
    p.add_argument("--pair", type=cli_args.parse_pair, required=True, help="e.g. JP-KR")
    p.add_argument("--since", type=cli_args.parse_day, help="published on or after (KST day)")
    p.add_argument("--until", type=cli_args.parse_day, help="published before (KST day)")
    p.add_argument("--source", choices=sorted(sites.names()), help="only this site")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.html")
    _demo(p)
    p.set_defaults(handler=run_report)


def _demo(p: argparse.ArgumentParser) -> None:
    p.add_argument("--demo", action="store_true",
                   help="use the database `newscrawl demo` fills (<database>_demo)")  # fmt: skip


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"a port is 0 to 65535: {text!r}")
    return value


def _database(args: argparse.Namespace) -> connection.Database:
    database = connection.resolve()
    if args.demo:
        from newscrawl.demo import demo_conninfo

        database = connection.Database(demo_conninfo(database), database.embedded)
    return database


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def run_serve(args: argparse.Namespace) -> int:
    """Serve until Ctrl-C or SIGTERM; either ends the process normally, so an embedded
    PostgreSQL started for it is stopped too."""
    import signal

    from newscrawl.web.server import serve

    signal.signal(signal.SIGTERM, _stop)
    try:
        serve(_database(args), args.host, args.port, announce=_say)
    except KeyboardInterrupt:  # before the server ran (starting the embedded database)
        _say("stopped")
    return 0


def _say(line: str) -> None:
    print(line, flush=True)


def run_report(args: argparse.Namespace) -> int:
    import psycopg

    from newscrawl.web.report import pair_report, write

    database = _database(args)
    try:
        html = pair_report(database, args.pair, args.since, args.until, args.source)
    except psycopg.OperationalError as exc:
        first = (str(exc).strip().splitlines() or ["connection failed"])[0]
        raise UsageError(f"cannot read the database at {connection.describe_host(database.url)}: "
                         f"{connection.mask_url(first)}") from None  # fmt: skip
    try:
        write(args.output, html)
    except OSError as exc:
        raise UsageError(f"cannot write {args.output}: {exc.strerror or exc}") from None
    print(f"wrote {args.output} ({args.pair})")
    return 0
