"""The cleaning pipeline: from a parsed page to the story text exactly, and nothing else.

`clean_article` is a pure function of the item (no Scrapy objects, no unpicklable globals) so it
can run in worker processes; `CleanPipeline` wraps it for Scrapy and counts what happened.

How the two extractors are combined (see docs/extraction.md):
- trafilatura always runs, with precision settings, on the container the layout identified
  (the whole page when no layout recognised it).
- When a layout is recognised, the container's own paragraphs (its DOM, junk the layout
  declares removed) are the body: they keep paragraph boundaries and line breaks exactly,
  which trafilatura does not always do. trafilatura's text is the fallback when the DOM gives
  nothing, and a cross-check: when it holds much text the DOM path lost, a warning is logged.
- Either way the site's rules (one object per site) then move notes, bylines, datelines,
  e-mail and "(END)" out of the paragraphs.
- Fields the site parser missed (title, date, authors) come from trafilatura's metadata, and
  `field_sources` records which extractor filled each field.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import re
import threading
import zlib
from collections import Counter
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from lxml import etree
from scrapy.exceptions import DropItem

from newscrawl.dates import parse_iso, plausible
from newscrawl.items import ArticleItem, FetchedPage
from newscrawl.parsing.blocks import paragraphs as dom_paragraphs
from newscrawl.parsing.blocks import texts
from newscrawl.parsing.rules import rules_for
from newscrawl.parsing.text import (
    PUBLISHER_NAMES,
    dedupe,
    hangul_share,
    looks_like_name,
    norm,
    one_line,
    strip_site_suffix,
)
from newscrawl.sites import layout_by_name, parse_article, sanitize
from newscrawl.sites.base import LayoutVersion, set_field
from newscrawl.urls import canonicalize

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


def article_from_page(page: FetchedPage) -> ArticleItem:
    """A fetched page parsed by its site's layouts and cleaned: what the crawl stores.

    Also a pure function (runs in worker processes). The spider's view of the fetch (final
    URL, the canonical URL it asked for, redirects) decides identity and aliases.
    """
    item = parse_article(page.url, page.html, page.source)
    item.problems.extend(page.problems)
    item.url = page.url
    item.http_status = page.http_status
    item.fetched_at = page.fetched_at
    item.raw_html = page.html
    item.canonical_url = item.canonical_url or page.requested or ""
    forms = {page.requested, *map(canonicalize, page.redirected_from)}
    item.aliases = sorted(u for u in forms - {None, item.canonical_url} if u)
    return clean_article(item)


def _clean(item: ArticleItem, cross_check: bool | None) -> None:
    html = item.raw_html or ""
    usable = _check_input(item, html)
    layout = layout_by_name(item.layout)
    item.title = strip_site_suffix(item.title)
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
    rules = rules_for(item.source or (layout.source if layout else None))
    if dom_pars:
        body = rules.apply(dom_pars, item, "site")
        item.field_sources["body"] = "site"
        _cross_check(item, dom_pars + item.captions, traf_pars)
    else:
        body = rules.apply(traf_pars, item, "trafilatura")
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
            {"date_extraction_params": DATE_CONFIG, "author_blacklist": set(PUBLISHER_NAMES)}
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
                extensive=False, author_blacklist=set(PUBLISHER_NAMES),
            )
        except Exception as exc:
            log.warning("trafilatura metadata failed on %s: %r", item.url, exc)
            return
    if doc is None:
        return
    set_field(item, "title", strip_site_suffix(getattr(doc, "title", None)), "trafilatura")
    date = parse_iso(getattr(doc, "date", None))
    if plausible(date):
        set_field(item, "published_at", date, "trafilatura")
    if want_authors:
        raw = getattr(doc, "author", None) or ""
        names = [one_line(n) for n in re.split(r"[;,]|\band\b", raw)]
        names = [n for n in names if looks_like_name(n) and n.lower() not in PUBLISHER_NAMES]
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


# -- worker processes ------------------------------------------------------------------------
#
# Cleaning is CPU-bound Python (lxml, trafilatura) and trafilatura is not known to be
# thread-safe, so with NEWSCRAWL_EXTRACT_WORKERS > 0 `clean_article` runs in worker processes
# and the reactor thread only pickles the item there and back. One pool per crawl process is
# shared by every spider's pipeline (both sites in `newscrawl crawl`). Workers are spawned, not
# forked: the crawl process has threads (the store's pool, Twisted's thread pool) by then.


class _LogCollector(logging.Handler):
    """Keeps a worker's log records so the crawl process can emit them through its handlers."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        record.msg, record.args, record.exc_info = record.getMessage(), None, None
        self.records.append(record)


_collector: _LogCollector | None = None


def _init_worker(level: int) -> None:
    global _collector
    _collector = _LogCollector()
    root = logging.getLogger()
    root.handlers[:] = [_collector]
    root.setLevel(level)


def _in_worker(
    task: Callable[[Any], ArticleItem], arg: ArticleItem | FetchedPage
) -> tuple[ArticleItem, list[logging.LogRecord]]:
    """`task(arg)` in a worker; the page HTML is not sent back (the caller still has it)."""
    item = task(arg)
    item.raw_html = item.container_html = None
    records: list[logging.LogRecord] = []
    if _collector is not None:
        records, _collector.records = _collector.records, []
    return item, records


class _SharedPool:
    """A process pool shared by the pipelines of one process, shut down by the last user."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pool: ProcessPoolExecutor | None = None
        self._users = 0
        self._workers = 0

    def acquire(self, workers: int) -> None:
        with self._lock:
            self._users += 1
            self._workers = max(self._workers, workers)

    def executor(self) -> Executor:
        with self._lock:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(
                    self._workers,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_init_worker,
                    initargs=(logging.getLogger().getEffectiveLevel(),),
                )
            return self._pool

    def discard(self, broken: Executor) -> None:
        with self._lock:
            if self._pool is broken:
                self._pool = None
        broken.shutdown(wait=False, cancel_futures=True)

    def release(self) -> None:
        with self._lock:
            self._users -= 1
            pool = self._pool if self._users <= 0 else None
            if pool is not None:
                self._pool, self._users, self._workers = None, 0, 0
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


_shared_pool = _SharedPool()


class CleanPipeline:
    """Scrapy item pipeline: a fetched page becomes a clean `ArticleItem`, with stats and one
    log line per problem.

    The spider yields `FetchedPage`s: the site parser and `clean_article` run here, in one
    call. `workers` (setting NEWSCRAWL_EXTRACT_WORKERS): 0 runs that inline in the reactor
    thread; more runs it in that many worker processes and `process_item` returns an
    awaitable, so the reactor keeps downloading meanwhile. An `ArticleItem` already parsed
    is only cleaned. The spider's `keep(item)`, when it has one, then counts unknown layouts
    and drops articles outside its date window.
    """

    def __init__(self, stats: Any = None, workers: int = 0, crawler: Any = None) -> None:
        self.stats = stats
        self.crawler = crawler
        self.workers = max(0, workers)
        if self.workers:
            _shared_pool.acquire(self.workers)

    @classmethod
    def from_crawler(cls, crawler: Any) -> CleanPipeline:
        settings = getattr(crawler, "settings", None)
        workers = settings.getint("NEWSCRAWL_EXTRACT_WORKERS", 0) if settings else 0
        return cls(crawler.stats, workers, crawler)

    def close_spider(self) -> None:
        if self.workers:
            self.workers = 0
            _shared_pool.release()

    def _inc(self, key: str) -> None:
        if self.stats is not None:
            self.stats.inc_value(key)

    def process_item(self, item: Any) -> Any:
        if isinstance(item, FetchedPage):
            task: Callable[[Any], ArticleItem] = article_from_page
        elif isinstance(item, ArticleItem):
            task = clean_article
        else:
            return item
        if self.workers:
            return self._process_in_worker(task, item)
        return self._finish(task(item), item)

    async def _process_in_worker(
        self, task: Callable[[Any], ArticleItem], arg: ArticleItem | FetchedPage
    ) -> ArticleItem:
        pool = _shared_pool.executor()
        try:
            done, records = await asyncio.wrap_future(pool.submit(_in_worker, task, arg))
        except BrokenProcessPool:  # a worker died (killed, out of memory): clean here instead
            log.error("extraction worker died; cleaning %s in the crawl process", arg.url)
            _shared_pool.discard(pool)
            return self._finish(task(arg), arg)
        for record in records:
            logging.getLogger(record.name).handle(record)
        if isinstance(arg, FetchedPage):
            done.raw_html = arg.html
        else:
            done.raw_html, done.container_html = arg.raw_html, arg.container_html
        return self._finish(done, arg)

    def _finish(self, item: ArticleItem, arg: ArticleItem | FetchedPage) -> ArticleItem:
        spider = getattr(self.crawler, "spider", None)
        keep = getattr(spider, "keep", None)
        if isinstance(arg, FetchedPage) and keep is not None and not keep(item):
            # before counting: a page outside the window is neither stored nor reported
            raise DropItem(f"outside the date window: {item.url}", log_level="DEBUG")
        self._count(item)
        return item

    def _count(self, item: ArticleItem) -> None:
        if item.layout is None and item.body:
            self._inc("clean/layout_unknown_filled")
        for problem in item.problems:
            self._inc(f"clean/problem/{problem.split(':', 1)[0]}")
            if problem.startswith("implausible_date"):
                self._inc("clean/implausible_date")
        if item.language and not item.language.lower().startswith("en"):
            self._inc(f"clean/language/{item.language}")
            log.warning("article %s is not in English (language %s)", item.url, item.language)
        if item.incomplete:
            self._inc("clean/incomplete")
            log.warning("incomplete article %s: %s", item.url, "; ".join(item.problems))
        else:
            self._inc("clean/ok")
