"""The `newscrawl` command: one module per group of subcommands, registered here.

Each module exposes `register(subparsers)`, which adds its parsers with
`set_defaults(handler=run)`; a handler takes the parsed arguments and returns an exit code.
Errors become one line on stderr and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn

import psycopg

from newscrawl.errors import NewscrawlError

COMMAND_MODULES: tuple[str, ...] = (
    "newscrawl.cli.crawl_cmd",
    "newscrawl.cli.db_cmd",
    "newscrawl.cli.config_cmd",
    "newscrawl.cli.inspect_cmd",
    "newscrawl.cli.extract_cmd",
    "newscrawl.cli.reextract_cmd",
    "newscrawl.cli.retag_cmd",
    "newscrawl.cli.replica_cmd",
)


class OneLineParser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (and exit code 2), not the usage block."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    import importlib

    parser = OneLineParser(
        prog="newscrawl",
        description="Crawl Yonhap and The Korea Herald for bilateral-diplomacy news.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except NewscrawlError as exc:
        print(f"newscrawl: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except psycopg.Error as exc:  # anything the database says, as one line
        from newscrawl.db.connection import mask_url

        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        print(f"newscrawl: database error: {mask_url(first)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("newscrawl: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
