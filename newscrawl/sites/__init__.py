"""Per-site, per-era article page parsers (Fundus style) and the one entry point to them.

Each site has a tuple of `LayoutVersion`s, newest first; the first whose `matches` accepts the
page parses it. A page no version recognises still becomes an item (identity filled, `layout`
None, `raw_html` kept) so the cleaning pipeline can fill it from trafilatura and the spider can
count `layout_unknown`: a layout change degrades quality, it never stops the crawl.
"""

from __future__ import annotations

import logging
import re

from parsel import Selector

from newscrawl.items import ArticleItem
from newscrawl.sites import koreaherald, yonhap
from newscrawl.sites.base import LayoutVersion
from newscrawl.urls import article_id, canonicalize, preferred_canonical, site_of

log = logging.getLogger(__name__)

LAYOUTS: dict[str, tuple[LayoutVersion, ...]] = {
    "yonhap": yonhap.LAYOUTS,
    "koreaherald": koreaherald.LAYOUTS,
}
_BY_NAME = {layout.name: layout for versions in LAYOUTS.values() for layout in versions}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_CANONICAL = re.compile(r"""<link[^>]+rel=["']?canonical[^>]*>""", re.IGNORECASE)


def layout_by_name(name: str | None) -> LayoutVersion | None:
    """The layout version that parsed an item (the cleaning needs its container rules)."""
    return _BY_NAME.get(name or "")


def infer_source(url: str, html: str = "") -> str | None:
    """The site of a page: by URL host, by article-URL shape, by its declared canonical."""
    found = article_id(url)
    source = site_of(url) or (found[0] if found else None)
    if source is None and html:
        m = _CANONICAL.search(html[:200_000])
        href = re.search(r"""href=["']?([^"' >]+)""", m.group(0)) if m else None
        if href:
            declared = href.group(1)
            source = site_of("https:" + declared if declared.startswith("//") else declared)
    return source


def sanitize(html: str) -> str:
    """Control characters (NUL from binary or broken pages) removed: lxml refuses them."""
    return _CONTROL.sub("", html) if _CONTROL.search(html) else html


def parse_article(url: str, html: str, source: str | None = None) -> ArticleItem:
    """An item with the site's fields filled by the first layout version that knows the page.

    Never raises on bad HTML: the item then carries a problem and no layout.
    """
    source = source or infer_source(url, html or "")
    item = ArticleItem(source=source or "", url=url, raw_html=html)
    item.canonical_url = canonicalize(url) if url else ""
    found = article_id(url)
    if found:
        item.site_article_id = found[1]
    if not html or not html.strip():
        item.problems.append("empty_page: no HTML")
        return item
    try:
        sel = Selector(text=sanitize(html))
    except Exception as exc:  # lxml gives up on some binary input
        item.problems.append(f"unparsable_html: {type(exc).__name__}")
        return item
    candidates = LAYOUTS.get(source or "") or tuple(v for vs in LAYOUTS.values() for v in vs)
    for layout in candidates:
        try:
            if not layout.matches(sel):
                continue
            item.layout = layout.name
            item.source = item.source or layout.source
            layout.parse(sel, item)
            return item
        except Exception as exc:  # a layout bug must not lose the page
            log.warning("layout %s failed on %s: %r", layout.name, url, exc)
            item.problems.append(f"layout_error: {layout.name}: {type(exc).__name__}")
            item.layout = None
            item.container_html = None
    declared = sel.xpath('//link[@rel="canonical"]/@href').get()
    item.canonical_url = preferred_canonical(url, declared)
    found = article_id(item.canonical_url) or found
    if found:
        item.site_article_id = found[1]
    return item


__all__ = ["LAYOUTS", "LayoutVersion", "infer_source", "layout_by_name", "parse_article"]
