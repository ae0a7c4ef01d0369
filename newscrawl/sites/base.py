"""What every layout version shares: the interface, and structured-data readers.

A layout version knows how to recognise its own pages (`matches`) and how to read the site's
fields from them (`parse`), structured data first (JSON-LD, `article:*` meta, canonical link),
DOM selectors second. It also declares, for the cleaning, where the article container is, what
inside it is junk and where the captions are, so the cleaning never guesses per site.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from parsel import Selector

from newscrawl.dates import parse_iso
from newscrawl.items import ArticleItem
from newscrawl.parsing import jsonld
from newscrawl.parsing.text import one_line, split_authors, strip_site_suffix
from newscrawl.urls import YONHAP_ID, article_id, preferred_canonical

# Junk any article container may hold, whatever the site.
COMMON_DROP = (
    "script", "style", "noscript", "iframe", "ins", "button", "form", "aside", "nav",
    "figure", "figcaption", "[class*=share]", "[class*=sns]", "[class*=adv]",
    "[class*=banner]", "[id*=taboola]", "[class*=related]", "[class*=keyword]",
)
# Tables that only frame a photo (Korea Herald era B) are photos, not text.
PHOTO_TABLES = "//table[.//img and not(.//p[string-length(normalize-space()) > 200])]"


class LayoutVersion:
    """One dated layout of one site. Subclasses set the class attributes and `matches`."""

    name: str = ""
    source: str = ""
    container_css: tuple[str, ...] = ()
    drop_css: tuple[str, ...] = COMMON_DROP
    drop_xpath: tuple[str, ...] = (PHOTO_TABLES,)
    caption_css: tuple[str, ...] = ()
    caption_alt_css: tuple[str, ...] = ()  # img@alt, used only when no caption text is found
    byline_known: bool = True  # False: the byline's place is a guess; let trafilatura fill it

    def matches(self, sel: Selector) -> bool:  # pragma: no cover - abstract
        raise NotImplementedError

    def parse(self, sel: Selector, item: ArticleItem) -> None:
        """Fill the site fields; subclasses call `fill_common` then add DOM fallbacks."""
        fill_common(sel, item)
        self.fill_container(sel, item)

    def fill_container(self, sel: Selector, item: ArticleItem) -> None:
        for css in self.container_css:
            node = sel.css(css)
            if node:
                item.container_html = node[0].get()
                return

    def __repr__(self) -> str:
        return f"<LayoutVersion {self.name}>"


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


def fill_common(sel: Selector, item: ArticleItem) -> None:
    """Identity and the structured metadata every era of both sites may carry."""
    declared = sel.xpath('//link[@rel="canonical"]/@href').get() or meta(sel, "og:url")
    item.canonical_url = preferred_canonical(item.url, declared)
    found = article_id(item.canonical_url) or article_id(item.url)
    content_id = meta(sel, "yna:content_id")
    if found:
        item.site_article_id = found[1]
    elif content_id and YONHAP_ID.fullmatch(content_id):
        item.site_article_id = content_id
    item.language = item.language or language(sel)

    art = jsonld.article(sel) or {}
    set_field(item, "title", strip_site_suffix(jsonld.text_of(art.get("headline"))))
    set_field(item, "title", strip_site_suffix(meta(sel, "og:title")))
    set_field(item, "published_at", parse_iso(jsonld.text_of(art.get("datePublished"))))
    set_field(item, "published_at", parse_iso(meta(sel, "article:published_time")))
    set_field(item, "modified_at", parse_iso(jsonld.text_of(art.get("dateModified"))))
    set_field(item, "modified_at", parse_iso(meta(sel, "article:modified_time")))
    set_field(item, "section", one_line(jsonld.text_of(art.get("articleSection"))))
    set_field(item, "section", one_line(meta(sel, "article:section")))
    authors = [n for name in jsonld.names_of(art.get("author")) for n in split_authors(name)]
    set_field(item, "authors", authors)
    set_field(item, "tags", jsonld.keywords_of(art.get("keywords")))
    set_field(item, "tags", metas(sel, "article:tag"))


def parse_date_attr(sel: Selector, *xpaths: str) -> datetime | None:
    for xp in xpaths:
        dt = parse_iso(sel.xpath(xp).get())
        if dt:
            return dt
    return None
