"""Query parameters, checked and bounded before they reach a query (where they are bound)."""

from __future__ import annotations

import argparse
from datetime import date

from flask import request
from werkzeug.exceptions import BadRequest, NotFound

from newscrawl import sites
from newscrawl.cli import args as cli_args

MAX_TEXT = 500  # characters of a search query
MAX_PAGE = 1000
MAX_KEY = 2048  # characters of an article id or URL
MAX_ID = 2**63 - 1  # bigint
SOURCES = tuple(sorted(sites.names()))


def wants_json() -> bool:
    """JSON for /api/... and for ?format=json; HTML otherwise."""
    fmt = request.args.get("format", "html")
    if fmt not in ("html", "json"):
        raise BadRequest("format must be html or json")
    return fmt == "json" or request.path == "/api" or request.path.startswith("/api/")


def text(name: str, limit: int = MAX_TEXT) -> str:
    value = request.args.get(name, "").strip()
    if len(value) > limit:
        raise BadRequest(f"{name} is longer than {limit} characters")
    return value


def page() -> int:
    raw = request.args.get("page", "1").strip() or "1"
    if not (_number(raw) and 1 <= int(raw) <= MAX_PAGE):
        raise BadRequest(f"page must be a whole number from 1 to {MAX_PAGE}")
    return int(raw)


def day(name: str) -> date | None:
    raw = request.args.get(name, "").strip()
    if not raw:
        return None
    try:
        if len(raw) != 10:
            raise ValueError(raw)
        return date.fromisoformat(raw)
    except ValueError:
        raise BadRequest(f"{name} must be a date like 2024-05-02") from None


def source() -> str | None:
    raw = request.args.get("source", "").strip()
    if raw and raw not in SOURCES:
        raise BadRequest(f"source must be one of {', '.join(SOURCES)}")
    return raw or None


def pair(raw: str) -> str:
    """JP-KR from any spelling (kr-jp, KR/JP); an unknown pair is a page that does not exist."""
    if len(raw) > 16:
        raise NotFound("no such country pair")
    try:
        return cli_args.parse_pair(raw)
    except argparse.ArgumentTypeError as exc:
        raise NotFound(str(exc)) from None


def identifier(raw: int) -> int:
    if raw > MAX_ID:
        raise NotFound("no such id")
    return raw


def article_key(raw: str) -> str:
    """An article id or URL as `newscrawl show` takes it; a hopeless one is a 404."""
    raw = raw.strip()
    if not raw or len(raw) > MAX_KEY or "\x00" in raw:
        raise NotFound("no such article")
    if raw.isdigit() and not (_number(raw) and int(raw) <= MAX_ID):
        raise NotFound("no such article")
    return raw


def _number(raw: str) -> bool:
    """ASCII digits only (str.isdigit also takes superscripts), at most 19 of them."""
    return raw.isascii() and raw.isdigit() and len(raw) <= 19
