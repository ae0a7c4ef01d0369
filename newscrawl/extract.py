"""How a fetched page becomes a finished article: `page_to_article`, the one place it happens.

parse (the site's layout versions) -> clean (`newscrawl.cleaning`) -> tag (`newscrawl.topic`).
The crawl (in `pipelines/extract.py`, possibly in a worker process), `newscrawl extract` and
`newscrawl reextract` all call it, so the three cannot disagree. Pure functions of their
arguments: no network, no database, nothing unpicklable.
"""

from __future__ import annotations

import functools
import logging
import re

from parsel import Selector

from newscrawl import sites, topic
from newscrawl.cleaning import clean_article
from newscrawl.items import ArticleItem, FetchedPage
from newscrawl.parsing.html import declared_canonical, meta, sanitize, set_field
from newscrawl.parsing.text import byline_names, looks_like_name
from newscrawl.sites.base import fill_common

log = logging.getLogger(__name__)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_CANONICAL = re.compile(r"""<link[^>]+rel=["']?canonical[^>]*>""", re.IGNORECASE)


def page_to_article(page: FetchedPage, rules_path: str | None = None) -> ArticleItem:
    """A fetched page parsed by its site's layouts, cleaned and tagged: what the crawl stores.

    The spider's view of the fetch (final URL, the canonical URL it asked for, redirects)
    decides identity and aliases. `rules_path`: the topic rules file (None: the packaged
    rules).
    """
    item = parse_page(page.url, page.html, page.source or None)
    item.problems.extend(page.problems)
    item.http_status = page.http_status
    item.fetched_at = page.fetched_at
    item.canonical_url = item.canonical_url or page.requested or ""
    forms = {page.requested, *map(sites.canonicalize, page.redirected_from)}
    item.aliases = sorted(u for u in forms - {None, item.canonical_url} if u)
    clean_article(item)
    item.topic = topic.classify(item.title or "", item.body or "", _rules(rules_path))
    return item


@functools.cache
def _rules(path: str | None) -> topic.Rules:
    """Loaded once per process (the crawl's workers included)."""
    return topic.load_rules(path)


def infer_source(url: str, html: str = "") -> str | None:
    """The site of a page: by URL host, by article-URL shape, by its declared canonical."""
    found = sites.article_id(url)
    source = sites.site_of(url) or (found[0] if found else None)
    if source is None and html:
        m = _CANONICAL.search(html[:200_000])
        href = re.search(r"""href=["']?([^"' >]+)""", m.group(0)) if m else None
        if href:
            declared = href.group(1)
            source = sites.site_of("https:" + declared if declared.startswith("//") else declared)
    return source


def parse_page(url: str, html: str, source: str | None = None) -> ArticleItem:
    """An item with identity set and the site's fields filled by the first layout version
    that knows the page; `layout` None when none does (then only the page's structured data
    is read, and the cleaning relies on trafilatura). Never raises on bad HTML: the item then
    carries a problem and no layout.
    """
    source = source or infer_source(url, html or "")
    item = ArticleItem(source=source or "", url=url, raw_html=html)
    item.canonical_url = sites.canonicalize(url) if url else ""
    found = sites.article_id(url)
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
    site = sites.get(source)
    for layout in site.layouts if site else sites.ALL_LAYOUTS:
        try:
            if not layout.matches(sel):
                continue
            item.layout = layout.name
            item.source = item.source or layout.source
            _identify(sel, item, declared_canonical(sel) or meta(sel, "og:url"))
            layout.parse(sel, item)
            return item
        except Exception as exc:  # a layout bug must not lose the page
            log.warning("layout %s failed on %s: %r", layout.name, url, exc)
            item.problems.append(f"layout_error: {layout.name}: {type(exc).__name__}")
            item.layout = None
            item.container_html = None
    _identify(sel, item, declared_canonical(sel))
    _read_unknown_page(sel, item)
    return item


_TEXT_NODES = "//body//*[not(self::script or self::style or self::noscript)]/text()"
_EMAIL = re.compile(r"\(?[\w.+-]+@[\w-]+(?:\.[\w-]+)+\)?")


def _read_unknown_page(sel: Selector, item: ArticleItem) -> None:
    """What a page no layout knows still says plainly: its structured data (JSON-LD, meta),
    a sub-headline right under the headline, the authors of the first "By ..." line (or
    reporter's card: a name, then an e-mail address) after the headline, and the site's
    printed date stamp."""
    fill_common(sel, item, origin="page")
    if item.title:  # a sub-headline: an h2 right after the headline, before any paragraph
        subtitle = sel.xpath(
            "(//h1[normalize-space()=$t]/following::*[self::h2 or self::p])[1][self::h2]",
            t=item.title,
        )
        set_field(item, "subtitle", " ".join(subtitle.xpath("string()").get("").split()), "page")
    texts = [" ".join(t.split()) for t in sel.xpath(_TEXT_NODES).getall()]
    texts = [t for t in texts if t]
    title = (item.title or "").strip()
    start = next((i for i, t in enumerate(texts) if title and t == title), 0)
    credits = sites.publisher_names()
    for i in range(start, len(texts)):
        text, after = texts[i], texts[i + 1] if i + 1 < len(texts) else ""
        names = byline_names(text, credits)
        if names is None and looks_like_name(text) and _EMAIL.fullmatch(after):
            names = [text]  # a reporter's card: a name, then an e-mail address
        if names:
            set_field(item, "authors", names, "page")
            break
    rules = sites.rules_for(item.source)
    if rules.read_stamp is not None and not item.published_at:
        published, updated = rules.read_stamp(" ".join(texts[start:start + 200]))
        set_field(item, "published_at", published, "page")
        set_field(item, "modified_at", updated, "page")


def _identify(sel: Selector, item: ArticleItem, declared: str | None) -> None:
    """Canonical URL (the page's own rel=canonical when it names the same site) and the
    site's article ID, from the URL or, failing that, from the page itself."""
    item.canonical_url = sites.preferred_canonical(item.url, declared)
    found = sites.article_id(item.canonical_url) or sites.article_id(item.url)
    if found:
        item.site_article_id = found[1]
    elif item.layout and (site := sites.get(item.source)) is not None:
        item.site_article_id = site.id_from_page(sel) or item.site_article_id


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
