"""Reading discovery pages (RSS feeds, news sitemaps, section listings) into article links.

Pure functions over text, shared by every site's spider. Malformed input gives an empty result
(the spider logs and counts it), never an exception. How a site's feeds write dates is the
site's (`Site.feed_date`), passed in.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from urllib.parse import urljoin

from parsel import Selector

from newscrawl import dates
from newscrawl.sites import article_id


@dataclass(frozen=True)
class Link:
    url: str  # absolute, as found (not yet canonical)
    published: datetime | None = None  # from the feed, sitemap or listing, when stated
    title: str | None = None


def _join(base_url: str, href: str) -> str | None:
    """The absolute URL of a link; None when it cannot be one (e.g. "http://[")."""
    try:
        return urljoin(base_url, href)
    except ValueError:
        return None


def _xml(text: str) -> Selector | None:
    stripped = text.lstrip("\ufeff \t\r\n")
    if not stripped.startswith("<") or stripped[:200].lower().lstrip().startswith(
        ("<!doctype html", "<html")
    ):
        return None
    try:
        sel = Selector(text=stripped, type="xml")
    except (ValueError, TypeError):
        return None
    sel.remove_namespaces()
    return sel


def parse_feed(
    text: str, read_date: Callable[[str], datetime | None], base_url: str
) -> list[Link] | None:
    """Items of an RSS 2.0 feed (or Atom entries); None when the text is not a feed.

    `read_date` reads an item's date the way the site writes it (`Site.feed_date`).
    Entities inside CDATA (the Korea Herald writes `<![CDATA[Korea&#8217;s]]>`) are decoded.
    """
    sel = _xml(text)
    if sel is None or not sel.xpath("/rss | /feed | /*[local-name()='RDF']"):
        return None
    links = []
    for item in sel.xpath("//item | //entry"):
        href = (
            item.xpath("string(link)").get("").strip()
            or item.xpath("link/@href").get("").strip()
            or item.xpath("string(guid)").get("").strip()
        )
        url = _join(base_url, href) if href else None
        if not url:
            continue
        stamp = item.xpath("string(pubDate | published | updated | date)").get("").strip()
        links.append(
            Link(
                url=url,
                published=read_date(stamp) if stamp else None,
                title=html.unescape(item.xpath("string(title)").get("").strip()) or None,
            )
        )
    return links


def parse_sitemap(text: str, base_url: str) -> list[Link] | None:
    """`<url>` entries of a (Google News) sitemap; None when the text is not a sitemap."""
    sel = _xml(text)
    if sel is None or not sel.xpath("/urlset | /sitemapindex"):
        return None
    links = []
    for entry in sel.xpath("//url"):
        loc = entry.xpath("string(loc)").get("").strip()
        url = _join(base_url, loc) if loc else None
        if not url:
            continue
        stamp = entry.xpath("string(news/publication_date | lastmod)").get("").strip()
        links.append(
            Link(
                url=url,
                published=dates.parse_iso(stamp) if stamp else None,
                title=html.unescape(entry.xpath("string(news/title)").get("").strip()) or None,
            )
        )
    return links


def parse_listing(html: str, base_url: str, containers: tuple[str, ...]) -> list[Link]:
    """Article links of a section listing page, in page order, each once.

    Links are looked for inside the first listing container that exists (the site's list
    markup), else in the whole page. A date printed in the same list item is kept when found.
    """
    try:
        sel = Selector(text=html)
    except (ValueError, TypeError):
        return []
    scope = next((found for css in containers if (found := sel.css(css))), None) or sel
    links: dict[str, Link] = {}
    for anchor in scope.css("a[href]"):
        # xpath, not .attrib: .attrib reads every attribute and lxml raises on a name holding
        # a control character (`<a href=""\x0b">`), which would lose the whole page
        href = _join(base_url, anchor.xpath("@href").get("").strip())
        if not href or not article_id(href):
            continue
        known = links.get(href)
        if known is not None:  # a thumbnail link first, the headline link after it
            if known.title is None:
                links[href] = replace(known, title=_headline(anchor))
            continue
        item = anchor.xpath("ancestor-or-self::li[1]")
        text = " ".join((item or anchor).xpath(".//text()").getall())
        links[href] = Link(
            url=href, published=dates.find_listing_date(text), title=_headline(anchor)
        )
    return list(links.values())


def _headline(anchor: Selector) -> str | None:
    """An anchor's headline: its heading or title element when it wraps one (a summary and a
    date may sit beside it in the anchor), else its whole text."""
    heading = anchor.xpath(
        ".//*[self::h1 or self::h2 or self::h3 or self::h4 or self::strong"
        " or contains(concat(' ', normalize-space(@class), ' '), ' tit')"
        " or contains(@class, 'title')][normalize-space()][1]"
    )
    node = heading[0] if heading else anchor
    return " ".join(node.xpath("string()").get("").split()) or None

