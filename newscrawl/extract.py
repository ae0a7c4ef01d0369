"""Offline extraction: the spider's page parsing and the cleaning, on HTML already in hand.

What `newscrawl extract` and `newscrawl reextract` run: no network, no database. `item_to_json`
is the single place that turns an item into the JSON a user sees (later pipelines add their
fields here, e.g. `topic`).
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from newscrawl.cleaning import clean_article
from newscrawl.items import ArticleItem
from newscrawl.sites import parse_article

_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def extract_html(
    html: str, url: str, source: str | None = None, cross_check: bool | None = None
) -> ArticleItem:
    """Parse with the site's layout versions, then clean: exactly what the crawl does.

    `cross_check=True` compares the container's paragraphs with trafilatura's text on this
    page whatever the sample (`newscrawl extract`, where one page is all there is).
    """
    return clean_article(parse_article(url, html, source), cross_check)


def decode_html(data: bytes) -> tuple[str, str | None]:
    """(text, problem): UTF-8, else the page's declared charset, else UTF-8 with replacements."""
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    m = _META_CHARSET.search(data[:4096])
    if m:
        try:
            return data.decode(m.group(1).decode("ascii")), None
        except (LookupError, UnicodeDecodeError):
            pass
    return data.decode("utf-8", errors="replace"), "not_utf8: undecodable bytes replaced"


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def item_to_json(item: ArticleItem) -> dict[str, Any]:
    """The user-facing JSON object for one extracted article (times ISO 8601 with offset)."""
    return {
        "source": item.source or None,
        "url": item.url,
        "canonical_url": item.canonical_url or None,
        "site_article_id": item.site_article_id,
        "title": item.title,
        "subtitle": item.subtitle,
        "authors": list(item.authors),
        "editor_note": item.editor_note,
        "dateline": item.dateline,
        "section": item.section,
        "tags": list(item.tags),
        "published_at": _iso(item.published_at),
        "modified_at": _iso(item.modified_at),
        "body": item.body,
        "captions": list(item.captions),
        "language": item.language,
        "layout": item.layout,
        "field_sources": dict(item.field_sources),
        "problems": list(item.problems),
    }
