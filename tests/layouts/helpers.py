"""Fixture access shared by the layout and cleaning tests."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from newscrawl.extract import page_to_article, parse_page
from newscrawl.items import ArticleItem, FetchedPage

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
SHARED = Path(__file__).resolve().parents[3] / "shared"


def expected(name: str) -> dict:
    return json.loads((PAGES / f"{name}.json").read_text(encoding="utf-8"))


def page(name: str) -> str:
    return (PAGES / f"{name}.html").read_text(encoding="utf-8")


@cache
def parsed(name: str) -> ArticleItem:
    return parse_page(expected(name)["url"], page(name))


@cache
def extracted(name: str) -> ArticleItem:
    return extract_html(page(name), expected(name)["url"])


def extract_html(html: str, url: str, source: str | None = None) -> ArticleItem:
    """What the crawl makes of a page fetched from `url`."""
    return page_to_article(FetchedPage(source=source or "", url=url, html=html))
