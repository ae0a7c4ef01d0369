"""The cleaning: from a parsed page to the story text exactly, and nothing else.

`clean_article` is a pure function of the item (no Scrapy objects, no unpicklable globals) so it
can run in worker processes; `newscrawl.extract.page_to_article` calls it between the site
parser and the tagger. It knows no site by name: the layout version that parsed the page and
the site's rules (`newscrawl.sites`) say what is container, junk, caption, note or byline.

How the two extractors are combined (see docs/extraction.md):
- When a layout is recognised, the container's own paragraphs (its DOM, junk the layout
  declares removed) are the body: they keep paragraph boundaries and line breaks exactly,
  which trafilatura does not always do. trafilatura runs on the container only when the DOM
  gives nothing (its text is then the body) and, as a cross-check, on a fixed sample of one
  recognised page in CROSS_CHECK_EVERY (every page for `newscrawl extract`): when it holds
  much text the DOM path lost, a warning is logged.
- When no layout recognises the page, trafilatura runs on the whole page and its text is the
  body.
- Either way the site's rules (one object per site) then move notes, bylines, datelines,
  e-mail and "(END)" out of the paragraphs.
- Fields the site parser missed (title, date, authors) come from trafilatura's metadata, and
  `field_sources` records which extractor filled each field.
"""

from __future__ import annotations

import logging
import re
import zlib
from collections import Counter
from typing import Any

from lxml import etree

from newscrawl import sites
from newscrawl.dates import parse_iso, plausible
from newscrawl.items import ArticleItem
from newscrawl.parsing.blocks import paragraphs as dom_paragraphs
from newscrawl.parsing.blocks import texts
from newscrawl.parsing.html import sanitize, set_field
from newscrawl.parsing.text import dedupe, hangul_share, looks_like_name, norm, one_line
from newscrawl.sites.base import LayoutVersion, headline

log = logging.getLogger(__name__)

# Chosen for news precision (measured in docs/extraction.md): boilerplate and comments out,
# tables kept (Yonhap price lists, KH era B photo tables are dropped before), no dedup cache
# (it is a process-global LRU that would make results depend on what was cleaned before).
TRAFILATURA_OPTIONS: dict[str, Any] = {
    "favor_precision": True,
    "include_comments": False,
    "include_tables": True,
    "include_images": False,
    "include_links": False,
    "include_formatting": False,
    "deduplicate": False,
}
DATE_CONFIG = {"outputformat": "%Y-%m-%dT%H:%M:%S%z", "original_date": True,
               "extensive_search": False}
MAX_HTML_CHARS = 5_000_000
AGREEMENT_FLOOR = 0.9
_TOKEN = re.compile(r"\w+", re.UNICODE)
_CLOSING_HTML = re.compile(r"</html\s*>", re.IGNORECASE)
_BINARY = re.compile("[\x00-\x08\ufffd]")
# trafilatura's text is only a cross-check when a layout's own paragraphs are the body: it is
# run on one recognised page in this many (half the cleaning's cost otherwise), enough to
# notice markup drift inside a known container within a crawl of a few hundred pages.
CROSS_CHECK_EVERY = 20


def clean_article(item: ArticleItem, cross_check: bool | None = None) -> ArticleItem:
    """Fill body, captions, notes and missing metadata; never raises (problems are recorded).

    `cross_check`: also run trafilatura on a recognised container to compare its text with the
    container's paragraphs (True), never (False), or on one page in CROSS_CHECK_EVERY (None).
    """
    try:
        _clean(item, cross_check)
    except Exception as exc:  # the crawl must survive any page
        log.warning("cleaning failed on %s: %r", item.url, exc)
        item.problems.append(f"clean_error: {type(exc).__name__}")
    return item


def _clean(item: ArticleItem, cross_check: bool | None) -> None:
    html = item.raw_html or ""
    usable = _check_input(item, html)
    layout = sites.layout_by_name(item.layout)
    item.title = headline(item.title)
    item.subtitle = one_line(item.subtitle) or None
    container = item.container_html if layout else None

    if container and layout:
        item.captions = _captions(container, layout)
    dom_pars = (
        dom_paragraphs(container, layout.drop_css, layout.drop_xpath) if container and layout
        else []
    )
    traf = None
    if not dom_pars or _wants_cross_check(item, cross_check):
        # A bare fragment makes trafilatura log "empty HTML tree" and give up: a document.
        source_html = f"<html><body>{container}</body></html>" if container else html
        traf = _trafilatura(source_html if container or usable else "", item, not container)
    traf_pars = _document_paragraphs(traf)
    rules = sites.rules_for(item.source or (layout.source if layout else None))
    if dom_pars:
        body = rules.apply(dom_pars, item, sites.publisher_names(), "site")
        item.field_sources["body"] = "site"
        _cross_check(item, dom_pars + item.captions, traf_pars)
    else:
        body = rules.apply(traf_pars, item, sites.publisher_names(), "trafilatura")
        if body:
            item.field_sources["body"] = "trafilatura"
    item.body = "\n\n".join(body) or None
    if item.captions:
        item.field_sources.setdefault("captions", "site")

    _check_dates(item)
    _metadata_fallback(item, layout, traf if not container else None, html if usable else "")
    _set_language(item)
    _check_complete(item)


def _wants_cross_check(item: ArticleItem, cross_check: bool | None) -> bool:
    """A fixed sample of pages, by URL, so a rerun checks the same pages."""
    if cross_check is not None:
        return cross_check
    return zlib.crc32((item.url or "").encode("utf-8", "replace")) % CROSS_CHECK_EVERY == 0


def _check_input(item: ArticleItem, html: str) -> bool:
    """Record why a page is bad; False when the whole page must not be given to trafilatura."""
    if not html.strip():
        _problem(item, "empty_page: no HTML")
        return False
    head = html[:4096]
    controls = len(_BINARY.findall(head))
    if controls > max(8, len(head) // 20):
        _problem(item, "binary_content: not an HTML text page")
        return False
    if len(html) > MAX_HTML_CHARS:
        _problem(item, f"oversized_page: {len(html)} characters")
        return False
    if not _CLOSING_HTML.search(html[-65536:]):
        _problem(item, "truncated_html: no closing </html>")
    return True


def _problem(item: ArticleItem, text: str) -> None:
    code = text.split(":", 1)[0]
    if not any(p.split(":", 1)[0] == code for p in item.problems):
        item.problems.append(text)


def _captions(container: str, layout: LayoutVersion) -> list[str]:
    found = texts(container, layout.caption_css)
    if not found and layout.caption_alt_css:
        found = texts(container, layout.caption_alt_css, attr="alt")
    return dedupe([c for c in found if c])


def _trafilatura(html: str, item: ArticleItem, with_metadata: bool) -> Any:
    """trafilatura's Document for the container (or the page), None when it finds nothing."""
    if not html or len(html) > MAX_HTML_CHARS:
        return None
    try:
        # An author blacklist switches trafilatura's metadata pass on: only pass it with one.
        metadata: dict[str, Any] = (
            {"date_extraction_params": DATE_CONFIG,
             "author_blacklist": set(sites.publisher_names())}
            if with_metadata else {}
        )
        import trafilatura  # imported where used: a crawl process with workers never needs it

        return trafilatura.bare_extraction(
            sanitize(html), url=item.url or None, with_metadata=with_metadata,
            **metadata, **TRAFILATURA_OPTIONS,
        )
    except Exception as exc:  # trafilatura/lxml on hostile input
        log.warning("trafilatura failed on %s: %r", item.url, exc)
        return None


def _document_paragraphs(doc: Any) -> list[str]:
    """Paragraphs from trafilatura's XML body (`<p>`, `<head>`, list items, table rows)."""
    body = getattr(doc, "body", None)
    if body is None:
        return []
    for lb in body.iter("lb"):
        lb.tail = "\n" + (lb.tail or "")
    out: list[str] = []
    for child in body:
        if not isinstance(child.tag, str):
            continue
        if child.tag == "list":
            parts = [_text(x) for x in child.iter("item")]
        elif child.tag == "table":
            parts = [" ".join(_text(c) for c in row.iter("cell")) for row in child.iter("row")]
        else:
            parts = [_text(child)]
        out.extend(p for p in (norm(x) for x in parts) if p)
    return out


def _text(el: etree._Element) -> str:
    return "".join(el.itertext())


def _tokens(paragraphs: list[str]) -> Counter[str]:
    return Counter(t.lower() for p in paragraphs for t in _TOKEN.findall(p))


def _cross_check(item: ArticleItem, dom: list[str], traf: list[str]) -> None:
    """Warn when trafilatura finds text in the container that the DOM path lost."""
    traf_tokens = _tokens(traf)
    if not traf_tokens:
        return
    kept = sum((traf_tokens & _tokens(dom)).values())
    recall = kept / sum(traf_tokens.values())
    if recall < AGREEMENT_FLOOR:
        log.warning(
            "%s: container paragraphs miss %.0f%% of trafilatura's text (layout %s)",
            item.url, 100 * (1 - recall), item.layout,
        )


def _check_dates(item: ArticleItem) -> None:
    """An impossible date from the page is dropped (and reported) so the fallback may fill it."""
    if item.published_at is not None and not plausible(item.published_at):
        _problem(item, f"implausible_date: published_at {item.published_at.isoformat()}")
        item.published_at = None
        item.field_sources.pop("published_at", None)
    if item.modified_at is not None and not plausible(item.modified_at):
        item.modified_at = None
        item.field_sources.pop("modified_at", None)


def _metadata_fallback(
    item: ArticleItem, layout: LayoutVersion | None, doc: Any, html: str
) -> None:
    """Title, date and authors the site parser missed, from trafilatura's metadata."""
    want_authors = not item.authors and (layout is None or not layout.byline_known)
    if item.title and item.published_at and not want_authors:
        return
    if doc is None and html:
        try:
            import trafilatura

            doc = trafilatura.extract_metadata(
                sanitize(html), default_url=item.url or None, date_config=DATE_CONFIG,
                extensive=False, author_blacklist=set(sites.publisher_names()),
            )
        except Exception as exc:
            log.warning("trafilatura metadata failed on %s: %r", item.url, exc)
            return
    if doc is None:
        return
    set_field(item, "title", headline(getattr(doc, "title", None)), "trafilatura")
    date = parse_iso(getattr(doc, "date", None))
    if plausible(date):
        set_field(item, "published_at", date, "trafilatura")
    if want_authors:
        raw = getattr(doc, "author", None) or ""
        names = [one_line(n) for n in re.split(r"[;,]|\band\b", raw)]
        credits = sites.publisher_names()
        names = [n for n in names if looks_like_name(n) and n.lower() not in credits]
        set_field(item, "authors", dedupe(names), "trafilatura")


def _set_language(item: ArticleItem) -> None:
    """Hangul share of the text decides "ko"; otherwise the page's declaration, else "en"."""
    sample = " ".join(x for x in (item.title, item.body) if x)
    if sample and hangul_share(sample) > 0.3:
        item.language = "ko"
    elif not item.language and sample:
        item.language = "en"


def _check_complete(item: ArticleItem) -> None:
    for name in ("title", "body", "published_at"):
        if not getattr(item, name):
            _problem(item, f"no_{name}: not found by the site parser or trafilatura")
