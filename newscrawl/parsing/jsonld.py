"""Lenient JSON-LD reading.

Real pages break strict JSON: Yonhap puts `//` comments inside its Person block, others leave
trailing commas or raw control characters. One bad block must not hide the others.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from parsel import Selector

_TRAILING_COMMA = re.compile(r",\s*([\]}])")
ARTICLE_TYPES = frozenset(
    {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting",
     "OpinionNewsArticle", "BackgroundNewsArticle", "WebPage"}
)


def strip_comments(text: str) -> str:
    """Remove `//` and `/* */` comments that sit outside JSON strings."""
    out: list[str] = []
    i, n = 0, len(text)
    in_string = False
    while i < n:
        c = text[i]
        if in_string:
            out.append(c)
            if c == "\\" and i + 1 < n:
                out.append(text[i + 1])
                i += 2
                continue
            if c == '"':
                in_string = False
            i += 1
            continue
        if c == '"':
            in_string = True
        elif c == "/" and text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end < 0 else end
            continue
        elif c == "/" and text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end < 0 else end + 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


def loads_lenient(text: str) -> Any:
    """Parse one JSON-LD block, tolerating comments, trailing commas, control characters."""
    text = text.strip().removeprefix("<!--").removesuffix("-->").strip()
    if text.endswith(";"):
        text = text[:-1]
    try:
        return json.loads(text, strict=False)
    except ValueError:
        pass
    cleaned = _TRAILING_COMMA.sub(r"\1", strip_comments(text))
    try:
        return json.loads(cleaned, strict=False)
    except ValueError:
        return None


def _flatten(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, list):
        for sub in node:
            yield from _flatten(sub)
    elif isinstance(node, dict):
        yield node
        if "@graph" in node:
            yield from _flatten(node["@graph"])


def objects(sel: Selector) -> list[dict[str, Any]]:
    """Every JSON-LD object on the page (lists and @graph flattened)."""
    found: list[dict[str, Any]] = []
    for raw in sel.xpath('//script[@type="application/ld+json"]/text()').getall():
        if len(raw) > 500_000:
            continue
        found.extend(_flatten(loads_lenient(raw)))
    return found


def _types(obj: dict[str, Any]) -> set[str]:
    t = obj.get("@type")
    if isinstance(t, str):
        return {t}
    if isinstance(t, list):
        return {x for x in t if isinstance(x, str)}
    return set()


def article(sel: Selector) -> dict[str, Any] | None:
    """The page's NewsArticle-like object, if any (a plain WebPage only as a last resort)."""
    objs = objects(sel)
    for obj in objs:
        if _types(obj) & (ARTICLE_TYPES - {"WebPage"}):
            return obj
    return None


def text_of(value: Any) -> str | None:
    """A string from a JSON-LD value that may be a string, a list, or an object with a name."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        for sub in value:
            got = text_of(sub)
            if got:
                return got
        return None
    if isinstance(value, dict):
        return text_of(value.get("name") or value.get("@value"))
    return None


def names_of(value: Any) -> list[str]:
    """Author names from `author` (string, object, or list of either)."""
    if isinstance(value, list):
        return [n for sub in value for n in names_of(sub)]
    got = text_of(value)
    return [got] if got else []


def keywords_of(value: Any) -> list[str]:
    if isinstance(value, str):
        return [k.strip() for k in value.split(",") if k.strip()]
    if isinstance(value, list):
        return [k.strip() for k in value if isinstance(k, str) and k.strip()]
    return []
