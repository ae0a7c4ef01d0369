"""The cleaning: from a parsed page to the story text exactly, and nothing else.

`clean_article` is a pure function of the item (no Scrapy objects, no unpicklable globals) so it
can run in worker processes; `newscrawl.extract.page_to_article` calls it between the site
parser and the tagger. It knows no site by name: the layout version that parsed the page and
the site's rules (`newscrawl.sites`) say what is container, junk, caption, note or byline.

How the two extractors are combined (see docs/extraction.md): trafilatura's judgement of what
is content counts on every page.
- When a layout is recognised, trafilatura runs on its container with the layout's declared
  junk (and any form-control widget) removed. The container's own paragraphs keep their
  boundaries and line breaks exactly, which trafilatura does not always do, so they are the
  body: those the layout vouches for (its `story_css`), and the others only when trafilatura
  kept them, so a link box or an advertisement nobody declared stays out. Markup the layout
  does not know (`unknown_markup`) and the two extractors disagreeing beyond DISAGREEMENT in
  either direction (`extractors_disagree`) are flagged. trafilatura's text is the body when
  the container gives nothing.
- When no layout recognises the page (`layout_unknown`), trafilatura runs on the whole page
  with hidden elements and form-control widgets removed; figure captions are read and kept out
  of the body, and the structured data the site parser read (JSON-LD, meta) keeps its title,
  time and authors.
- Either way the site's rules (one object per site) then move notes, bylines, datelines,
  e-mail and "(END)" out of the paragraphs.
- Fields still missing (title, date, authors) come from trafilatura's metadata, and
  `field_sources` records which extractor filled each field; a required one filled that way
  on a recognised layout is flagged (`fallback_fields`).
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from typing import Any

from lxml import etree

from newscrawl import sites
from newscrawl.dates import parse_iso, plausible
from newscrawl.items import ArticleItem
from newscrawl.parsing.blocks import (
    Container,
    read_container,
    read_unknown_page,
    texts,
)
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
_TOKEN = re.compile(r"\w+", re.UNICODE)
_PARA_BREAK = re.compile(r"\n[^\S\n]*\n")
_CLOSING_HTML = re.compile(r"</html\s*>", re.IGNORECASE)
_BINARY = re.compile("[\x00-\x08\ufffd]")
# A paragraph the layout does not vouch for is story when trafilatura kept at least this share
# of its words (trafilatura may drop a word or two inside a block it keeps).
KEPT_SHARE = 0.8
# The site path and trafilatura disagree when more than this share of one side's words is
# missing from the other (both read the container with its declared junk removed).
DISAGREEMENT = 0.15
# Fields every article needs; one filled by trafilatura on a recognised layout means the
# layout no longer finds it.
REQUIRED = ("title", "published_at")


def clean_article(item: ArticleItem) -> ArticleItem:
    """Fill body, captions, notes and missing metadata; never raises (problems are recorded).

    trafilatura runs on every page: on the layout's container with its declared junk removed,
    or on the whole page when no layout recognised it.
    """
    try:
        _clean(item)
    except Exception as exc:  # the crawl must survive any page
        log.warning("cleaning failed on %s: %r", item.url, exc)
        item.problems.append(f"clean_error: {type(exc).__name__}")
    return item


def _clean(item: ArticleItem) -> None:
    html = item.raw_html or ""
    usable = _check_input(item, html)
    layout = sites.layout_by_name(item.layout)
    item.title = headline(item.title)
    item.subtitle = one_line(item.subtitle) or None
    rules = sites.rules_for(item.source or (layout.source if layout else None))
    container = item.container_html if layout else None
    traf = None
    if layout and container:
        item.captions = _captions(container, layout)
        read = read_container(container, layout.drop_css, layout.drop_xpath, layout.story_css)
        # A bare fragment makes trafilatura log "empty HTML tree" and give up: a document.
        traf_pars = _document_paragraphs(
            _trafilatura(f"<html><body>{read.html}</body></html>", item, with_metadata=False)
        )
        chosen = _judged(item, read, traf_pars)
        if chosen:
            body = rules.apply(chosen, item, sites.publisher_names(), "site")
            item.field_sources["body"] = "site"
        else:
            body = rules.apply(traf_pars, item, sites.publisher_names(), "trafilatura")
            if body:
                item.field_sources["body"] = "trafilatura"
    else:
        if usable:
            _problem(item, "layout_unknown: no layout version recognised the page")
        page, item.captions = read_unknown_page(html) if usable else ("", [])
        traf = _trafilatura(page, item, with_metadata=True)
        body = rules.apply(_document_paragraphs(traf), item, sites.publisher_names(),
                           "trafilatura")  # fmt: skip
        if body:
            item.field_sources["body"] = "trafilatura"
    item.body = "\n\n".join(body) or None
    if item.captions:
        item.field_sources.setdefault("captions", "site")

    _check_dates(item)
    _metadata_fallback(item, layout, traf, html if usable else "")
    _set_language(item)
    _check_complete(item)
    _check_fallback_fields(item, layout)


def _judged(item: ArticleItem, read: Container, traf: list[str]) -> list[str]:
    """The container's paragraphs that are story: those the layout vouches for, and the others
    when trafilatura kept them. Markup the layout does not know (widgets removed, paragraphs
    it does not claim) and the two extractors disagreeing are recorded as problems."""
    if not traf:  # no judgement to apply: the layout's reading stands, flagged below
        _problem(item, f"extractors_disagree: trafilatura found no text in the container "
                       f"(layout {item.layout})")  # fmt: skip
        return [block.text for block in read.blocks]
    traf_words = _tokens(traf)
    chosen: list[str] = []
    unknown: dict[str, None] = dict.fromkeys(read.widgets)
    for block in read.blocks:
        if block.claimed:
            chosen.append(block.text)
            continue
        unknown[block.where] = None
        words = _tokens([block.text])
        if words and sum((words & traf_words).values()) >= KEPT_SHARE * sum(words.values()):
            chosen.append(block.text)
    if unknown:
        _problem(item, f"unknown_markup: {', '.join(list(unknown)[:6])} (layout {item.layout})")
    _compare(item, chosen, traf)
    return chosen


def _compare(item: ArticleItem, site: list[str], traf: list[str]) -> None:
    """Flag the article when either extractor holds much text the other lacks."""
    site_words, traf_words = _tokens(site), _tokens(traf)
    if not site_words or not traf_words:
        return
    shared = sum((site_words & traf_words).values())
    site_only = 1 - shared / sum(site_words.values())
    traf_only = 1 - shared / sum(traf_words.values())
    if site_only > DISAGREEMENT or traf_only > DISAGREEMENT:
        _problem(item, f"extractors_disagree: {site_only:.0%} of the site path's words not in "
                       f"trafilatura's text, {traf_only:.0%} of trafilatura's not in the site "
                       f"path's (layout {item.layout})")  # fmt: skip


def _check_fallback_fields(item: ArticleItem, layout: LayoutVersion | None) -> None:
    """A required field that a recognised layout left to trafilatura."""
    if layout is None:
        return
    filled = [name for name in REQUIRED if item.field_sources.get(name) == "trafilatura"]
    if item.field_sources.get("body") == "trafilatura":
        filled.append("body")
    if filled:
        _problem(item, f"fallback_fields: {', '.join(filled)} filled by trafilatura "
                       f"(layout {item.layout})")  # fmt: skip


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
        # a blank line (two <lb/>s: `<br><br>` in the page) ends a paragraph too
        chunks = (c for part in parts for c in _PARA_BREAK.split(part))
        out.extend(p for p in (norm(c) for c in chunks) if p)
    return out


def _text(el: etree._Element) -> str:
    return "".join(el.itertext())


def _tokens(paragraphs: list[str]) -> Counter[str]:
    return Counter(t.lower() for p in paragraphs for t in _TOKEN.findall(p))


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
