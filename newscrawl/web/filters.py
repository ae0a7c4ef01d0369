"""Template filters: times in KST, version labels, paragraphs, highlighted snippets, links.

Each returns plain text (escaped by Jinja's autoescape) or Markup built from escaped parts.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from flask import Flask
from markupsafe import Markup, escape

from newscrawl.cli.inspect_cmd import kst

_MARK = re.compile(r"«([^«»]*)»")


def kst_day(value: datetime | None) -> str:
    return kst(value)[:10]


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def version_label(article: dict[str, Any]) -> str:
    """original, (LEAD), (2nd LD)..., or "copy" for a linked copy."""
    if article.get("duplicate_of"):
        return "copy"
    rank = article.get("version_rank") or 0
    if rank == 0:
        return "original"
    return "(LEAD)" if rank == 1 else f"({ordinal(rank)} LD)"


def highlight(snippet: str | None) -> Markup:
    """ts_headline's «marks» as <mark>; everything else escaped."""
    text = snippet or ""
    out, last = [], 0
    for m in _MARK.finditer(text):
        out.append(escape(text[last : m.start()]))
        out.append(Markup("<mark>%s</mark>") % m.group(1))
        last = m.end()
    out.append(escape(text[last:]))
    return Markup("").join(out)


def paragraphs(body: str | None) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", body or "") if p.strip()]


def web_url(url: str | None) -> str | None:
    """The URL when it is http(s), for an href; None otherwise (javascript:, data:...)."""
    if not url:
        return None
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    return url if scheme in ("http", "https") else None


def register(app: Flask) -> None:
    app.add_template_filter(kst, "kst")
    app.add_template_filter(kst_day, "kst_day")
    app.add_template_filter(version_label, "version_label")
    app.add_template_filter(highlight, "highlight")
    app.add_template_filter(paragraphs, "paragraphs")
    app.add_template_filter(web_url, "web_url")
