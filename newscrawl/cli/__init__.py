"""The `newscrawl` command: one module per group of subcommands, registered here.

Each module exposes `register(subparsers)`, which adds its parsers with
`set_defaults(handler=run)`; a handler takes the parsed arguments and returns an exit code.
Errors become one line on stderr and a non-zero exit code, never a traceback; a reader that
stops early (`newscrawl export | head`) ends the command quietly, as it ends `grep`.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Sequence
from typing import NoReturn

import psycopg

from newscrawl import __version__
from newscrawl.errors import NewscrawlError

EXIT_BROKEN_PIPE = 141  # what a shell reports for a program ended by SIGPIPE, e.g. grep

COMMAND_MODULES: tuple[str, ...] = (
    "newscrawl.cli.crawl_cmd",
    "newscrawl.cli.db_cmd",
    "newscrawl.cli.config_cmd",
    "newscrawl.cli.inspect_cmd",
    "newscrawl.cli.extract_cmd",
    "newscrawl.cli.reextract_cmd",
    "newscrawl.cli.check_cmd",
    "newscrawl.cli.retag_cmd",
    "newscrawl.cli.replica_cmd",
    "newscrawl.cli.serve_cmd",
)

# The module that registers each command. A command imports its own module only, so
# `newscrawl list` starts without Scrapy, trafilatura or the site parsers (start-up time,
# bench/queries.py); `--help`, `--version` and an unknown command load them all.
COMMANDS: dict[str, str] = {
    "crawl": "newscrawl.cli.crawl_cmd", "demo": "newscrawl.cli.crawl_cmd",
    "db": "newscrawl.cli.db_cmd", "config": "newscrawl.cli.config_cmd",
    **dict.fromkeys(("list", "show", "search", "timeline", "stats", "export", "runs"),
                    "newscrawl.cli.inspect_cmd"),
    "extract": "newscrawl.cli.extract_cmd", "reextract": "newscrawl.cli.reextract_cmd",
    "check-layouts": "newscrawl.cli.check_cmd", "replica": "newscrawl.cli.replica_cmd",
    "serve": "newscrawl.cli.serve_cmd", "report": "newscrawl.cli.serve_cmd",
    "retag": "newscrawl.cli.retag_cmd",
}  # fmt: skip


class OneLineParser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (and exit code 2), not the usage block."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {clip_words(message)} (see {self.prog} --help)\n")


_LONG_WORD = re.compile(r"\S{200,}")


def clip_words(text: str) -> str:
    """An error line never repeats a huge argument in full: long words are cut."""
    return _LONG_WORD.sub(lambda m: f"{m[0][:40]}... ({len(m[0]):,} characters)", text)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole CLI, or (`command`) the top level with that command's module only."""
    import importlib

    parser = OneLineParser(
        prog="newscrawl",
        description="Crawl Yonhap and The Korea Herald for bilateral-diplomacy news.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in (COMMANDS[command],) if command in COMMANDS else COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        code = _run(argv)
        sys.stdout.flush()  # here, not at exit, so a closed pipe is caught below
        return code
    except BrokenPipeError:
        _discard_stdout()
        return EXIT_BROKEN_PIPE


def _discard_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's last flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # stdout is no file (tests capturing it)
        pass


def _run(argv: Sequence[str] | None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(argv[0] if argv and not argv[0].startswith("-") else None)
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except NewscrawlError as exc:
        print(f"newscrawl: error: {clip_words(str(exc))}", file=sys.stderr)
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
