"""Argument types shared by the commands: dates, sites, output formats."""

from __future__ import annotations

import argparse
from datetime import UTC, date, datetime, time

from newscrawl.cli.output import FORMATS
from newscrawl.urls import SITE_ORIGINS


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def day_start_utc(day: date | None) -> datetime | None:
    return datetime.combine(day, time.min, tzinfo=UTC) if day else None


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {text!r}")
    return value


def add_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=FORMATS, default="table", help="output format")


def add_filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--source", choices=sorted(SITE_ORIGINS), help="only this site")
    parser.add_argument("--since", type=parse_day, help="published on or after (YYYY-MM-DD)")
    parser.add_argument("--until", type=parse_day, help="published before (YYYY-MM-DD)")
    parser.add_argument("--limit", type=positive_int, default=50, help="at most N rows")
