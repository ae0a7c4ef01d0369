"""`newscrawl extract PATH --url URL`: see how one saved page comes out, and why.

The same `page_to_article` as the crawl: parsed, cleaned and tagged (`topic`).
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from newscrawl import config, sites
from newscrawl.errors import NewscrawlError, UsageError

# Any of these tags near the start makes a file an HTML page worth parsing.
_HTML_TAG = re.compile(rb"<(?:!doctype\s+html|html|head|body|meta|title|article|div|p)[\s>/]",
                       re.IGNORECASE)  # fmt: skip


def not_html(data: bytes) -> str | None:
    """Why a file is no HTML page (empty, binary, no HTML tag), or None when it is one: an
    all-null article with exit code 0 would read as a parser failure."""
    head = data[:65536]
    if not data.strip():
        return "it is empty"
    if b"\x00" in head:
        return "it is binary (NUL bytes), not an HTML page"
    if not _HTML_TAG.search(head):
        return "it is not an HTML page (no <html>, <head>, <body> or other HTML tag)"
    return None


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "extract",
        help="parse, clean and tag a saved HTML page, print the article as JSON",
        description="Turn a saved page into an article exactly as the crawl does (site parser, "
        "cleaning, topic tagger; no network, no database) and print one JSON object.",
    )
    p.add_argument("path", metavar="PATH", help="saved HTML file")
    p.add_argument("--url", required=True, help="the URL the page was fetched from")
    p.add_argument(
        "--source", help=f"{' or '.join(sites.names())} (default: inferred from the URL)"
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from newscrawl.extract import decode_html, page_to_article
    from newscrawl.items import FetchedPage, item_to_json

    if args.source is not None and sites.get(args.source) is None:
        raise UsageError(
            f"unknown source {args.source!r} (use one of {', '.join(sites.names())})"
        )
    try:
        data = Path(args.path).read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read {args.path}: {exc.strerror or exc}") from None
    reason = not_html(data)
    if reason:
        raise NewscrawlError(f"nothing to extract from {args.path}: {reason}")
    html, problem = decode_html(data)
    page = FetchedPage(source=args.source or "", url=args.url, html=html)
    item = page_to_article(page, config.topic_rules_path())
    if problem:
        item.problems.insert(0, problem)
    print(json.dumps(item_to_json(item), indent=2, ensure_ascii=False))
    return 0
