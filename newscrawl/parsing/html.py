"""Reading fields from a parsed page: meta tags, the first text a selector finds, language.

Site-independent: the site modules' layout versions call these with their own selectors.
"""

from __future__ import annotations

import re
from typing import Any

from parsel import Selector

from newscrawl.items import ArticleItem
from newscrawl.parsing.text import one_line


def meta(sel: Selector, key: str) -> str | None:
    """The first non-empty `<meta property|name|itemprop=key content>`."""
    for value in sel.xpath(
        "//meta[@property=$k or @name=$k or @itemprop=$k]/@content", k=key
    ).getall():
        if value.strip():
            return value.strip()
    return None


def metas(sel: Selector, key: str) -> list[str]:
    return [
        v.strip()
        for v in sel.xpath("//meta[@property=$k or @name=$k]/@content", k=key).getall()
        if v.strip()
    ]


def first_text(sel: Selector, *css: str) -> str | None:
    """The one-line text of the first node any selector finds with text."""
    for query in css:
        for node in sel.css(query):
            text = one_line(" ".join(node.css("::text").getall()))
            if text:
                return text
    return None


def set_field(item: ArticleItem, name: str, value: Any, source: str = "site") -> bool:
    """Set a field only when it is still empty and the value is not; record who filled it."""
    if value in (None, "", [], ()):
        return False
    if getattr(item, name) not in (None, "", []):
        return False
    setattr(item, name, value)
    item.field_sources[name] = source
    return True


def language(sel: Selector) -> str | None:
    raw = (
        sel.xpath("/html/@lang").get()
        or meta(sel, "og:locale")
        or meta(sel, "inLanguage")
        or ""
    )
    raw = raw.strip().lower().replace("_", "-")
    return raw.split("-", 1)[0] or None if raw else None


def declared_canonical(sel: Selector) -> str | None:
    """The page's own `<link rel=canonical>`."""
    return sel.xpath('//link[@rel="canonical"]/@href').get()


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def sanitize(html: str) -> str:
    """Control characters (NUL from binary or broken pages) removed: lxml refuses them."""
    return _CONTROL.sub("", html) if _CONTROL.search(html) else html
