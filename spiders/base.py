"""What every site's spider shares: arguments, discovery, the seen-check, the date window,
fetching.

A site spider only names its site module (`site = yonhap.SITE`): its discovery sources, its
listing markup and paging come from there. Every article link is canonicalised
(`newscrawl.sites`), checked against PostgreSQL (an article already stored is not requested
again unless `refresh=1`), and requested on the crawl's origin: the real site, or `base_url`
when given. An article page is yielded as it was fetched (`FetchedPage`): the extract pipeline
turns it into an article, possibly in a worker process, and asks `keep`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator, Iterable
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urlsplit

import psycopg
import scrapy
from scrapy import signals
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.defer import deferred_to_future
from twisted.internet import threads
from twisted.python.failure import Failure

from newscrawl import discovery, sites, urls
from newscrawl.dates import KST
from newscrawl.db.connection import mask_url
from newscrawl.db.seen import SeenIndex
from newscrawl.errors import NewscrawlError
from newscrawl.items import ArticleItem, FetchedPage
from newscrawl.sites.base import Site
from newscrawl.window import DateWindow

logger = logging.getLogger(__name__)
REDIRECT_STATUSES = (301, 302, 303, 307, 308)


def _reason(failure: Failure) -> str:
    """An HTTP status, or what went wrong on the way (DNS, timeout, connection lost...)."""
    if failure.check(HttpError):
        return f"HTTP {failure.value.response.status}"
    return failure.getErrorMessage() or failure.type.__name__


def _flag(value: Any) -> bool:
    return str(value).strip().lower() in {"1", "true", "yes", "on"}


SOURCE_KINDS = ("feeds", "listings", "sitemaps")


def _sources(value: str | None) -> frozenset[str]:
    """`sources=feeds,listings`: which discovery sources to read (default all)."""
    if not value:
        return frozenset(SOURCE_KINDS)
    kinds = frozenset(v.strip() for v in value.split(",") if v.strip())
    if not kinds or kinds - set(SOURCE_KINDS):
        raise ValueError(f"sources must be some of {', '.join(SOURCE_KINDS)}, got {value!r}")
    return kinds


class NewsSpider(scrapy.Spider):
    """Base spider: a subclass sets `site`; its name and discovery sources follow from it (a
    subclass may still widen `feeds`, `listings` or `sitemaps`, as the benchmarks do)."""

    site: Site
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    listings: tuple[str, ...] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        site = cls.__dict__.get("site")
        if site is not None:
            cls.name = site.name
            cls.feeds, cls.listings, cls.sitemaps = site.feeds, site.listings, site.sitemaps

    def __init__(
        self,
        base_url: str | None = None,
        since: str | None = None,
        until: str | None = None,
        max_articles: str | int | None = None,
        refresh: str | None = None,
        sources: str | None = None,
        readonly: str | None = None,
        *args: Any,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.origin = (base_url or self.site.origin).rstrip("/")
        parts = urlsplit(self.origin)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"base_url must be an http(s) origin, got {base_url!r}")
        self.allowed_domains = [parts.hostname]
        self.window = DateWindow.parse(since, until)
        self.max_articles = int(max_articles) if max_articles else None
        self.refresh = _flag(refresh)
        # `readonly=1` (newscrawl check-layouts): nothing read from or written to the
        # database, so every discovered article is fetched and no alias is recorded
        self.readonly = _flag(readonly)
        self.sources = _sources(sources)
        self.scheduled: set[str] = set()  # canonical URLs requested in this run
        # old URL forms (view.php) whose redirect target this run fetches anyway: target -> forms
        self.pending_aliases: dict[str, set[str]] = {}
        self._seen: SeenIndex | None = None
        self._seen_lock = threading.Lock()

    @property
    def since(self) -> date | None:
        return self.window.since

    @property
    def until(self) -> date | None:
        return self.window.until

    @classmethod
    def from_crawler(cls, crawler, *args: Any, **kwargs: Any):
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.request_dropped, signal=signals.request_dropped)
        crawler.signals.connect(spider.request_scheduled, signal=signals.request_scheduled)
        return spider

    def request_scheduled(self, request: scrapy.Request, spider: scrapy.Spider | None = None):
        """A redirect off the site is dropped by Scrapy's offsite filter: say which article."""
        chain = request.meta.get("redirect_urls")
        host = urlsplit(request.url).hostname or ""
        if chain and not any(host == d or host.endswith(f".{d}") for d in self.allowed_domains):
            self.crawler.stats.inc_value("articles/offsite_redirect")
            logger.warning("redirect to another site not followed: %s -> %s", chain[0],
                           request.url)  # fmt: skip

    def request_dropped(self, request: scrapy.Request, spider: scrapy.Spider | None = None) -> None:
        """The scheduler's duplicate filter dropped a request: count a redirect loop."""
        chain = request.meta.get("redirect_urls") or []
        if request.url in chain:
            self.crawler.stats.inc_value("articles/redirect_loop")
            logger.warning("redirect loop, not fetched: %s", " -> ".join([*chain, request.url]))

    def closed(self, reason: str) -> None:
        try:
            self._record_pending_aliases()
        finally:
            if self._seen is not None:
                self._seen.close()

    def _record_pending_aliases(self) -> None:
        """Old URL forms that redirected to an article fetched under its own URL, now stored.

        Recorded when the spider closes, after every item went through the pipelines. A form
        whose article was not stored (or a run killed before this point) is simply fetched
        again by the next run.
        """
        pairs = [(old, target) for target, forms in self.pending_aliases.items()
                 for old in sorted(forms)]  # fmt: skip
        self.pending_aliases = {}
        if not pairs or self.readonly:
            return
        try:
            recorded = self._seen_index().add_aliases(pairs)
        except (psycopg.Error, NewscrawlError) as exc:  # database unreachable at the end
            recorded = 0
            logger.error("could not record %d old URL forms as aliases (first: %s): %s",
                         len(pairs), pairs[0][0],
                         mask_url((str(exc).strip() or repr(exc)).splitlines()[0]))  # fmt: skip
        self.crawler.stats.inc_value("articles/aliases_recorded", recorded)
        if recorded < len(pairs):
            self.crawler.stats.inc_value("articles/aliases_unrecorded", len(pairs) - recorded)
            logger.info("%d old URL forms not recorded as aliases (their article was not "
                        "stored); the next run fetches them", len(pairs) - recorded)

    # -- discovery ---------------------------------------------------------------------

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for path in self.feeds if "feeds" in self.sources else ():
            yield self._discovery(path, self.parse_feed)
        for path in self.listings if "listings" in self.sources else ():
            yield self._discovery(path, self.parse_listing, page=1)
        for path in self.sitemaps if "sitemaps" in self.sources else ():
            yield self._discovery(path, self.parse_sitemap)

    def _discovery(self, path: str, callback, **cb_kwargs: Any) -> scrapy.Request:
        url = path if path.startswith("http") else self.origin + path
        return scrapy.Request(
            url,
            callback=callback,
            errback=self.discovery_failed,
            cb_kwargs=cb_kwargs,
            priority=10,  # discovery first, so the seen-check batches are large
            meta={"source_kind": callback.__name__.removeprefix("parse_")},
        )

    def discovery_failed(self, failure: Failure) -> None:
        reason = _reason(failure)
        self.crawler.stats.inc_value("discovery/failed")
        self.crawler.stats.inc_value(f"discovery/failed/{reason}")  # the summary says why
        logger.warning("discovery source skipped: %s (%s)", failure.request.url, reason)

    def _malformed(self, response: Response, what: str) -> None:
        self.crawler.stats.inc_value("discovery/malformed")
        logger.warning("malformed %s skipped: %s", what, response.url)

    async def parse_feed(self, response: Response):
        links = discovery.parse_feed(response.text, self.site.feed_date, response.url)
        if links is None:
            self._malformed(response, "feed")
            return
        self.crawler.stats.inc_value("discovery/feeds")
        for request in await self.article_requests(links):
            yield request

    async def parse_sitemap(self, response: Response):
        links = discovery.parse_sitemap(response.text, response.url)
        if links is None:
            self._malformed(response, "sitemap")
            return
        self.crawler.stats.inc_value("discovery/sitemaps")
        for request in await self.article_requests(links):
            yield request

    async def parse_listing(self, response: Response, page: int):
        links = discovery.parse_listing(response.text, response.url, self.site.listing_containers)
        self.crawler.stats.inc_value("discovery/listing_pages")
        requests, fresh = await self._article_requests(links)
        for request in requests:
            yield request
        if self._next_page_wanted(links, fresh):
            next_url = self.next_listing_page(response.url, page)
            if next_url:
                yield scrapy.Request(
                    next_url,
                    callback=self.parse_listing,
                    errback=self.discovery_failed,
                    cb_kwargs={"page": page + 1},
                    priority=10,
                )

    def _next_page_wanted(self, links: list[discovery.Link], fresh: int) -> bool:
        """Walk back while the page has articles and has not passed `since`.

        Without `since`, stop at the first page whose articles are all stored already (an
        incremental run reads one page per listing); with it, stop once a page is older.
        """
        if not links or self._budget_spent():
            return False
        if self.since:
            days = [self._link_day(link) for link in links]
            known = [d for d in days if d is not None]
            return not known or self.window.reaches_back_to(max(known))
        return fresh > 0 or self.refresh

    def next_listing_page(self, url: str, page: int) -> str | None:
        return self.site.next_listing_page(url, page)

    # -- article requests -------------------------------------------------------------

    def _link_day(self, link: discovery.Link) -> date | None:
        if link.published is not None:
            return link.published.astimezone(KST).date()
        found = sites.article_id(link.url)
        return sites.date_from_id(*found) if found else None

    def _budget_spent(self) -> bool:
        return self.max_articles is not None and len(self.scheduled) >= self.max_articles

    async def article_requests(self, links: Iterable[discovery.Link]) -> list[scrapy.Request]:
        requests, _ = await self._article_requests(links)
        return requests

    async def _article_requests(
        self, links: Iterable[discovery.Link]
    ) -> tuple[list[scrapy.Request], int]:
        """Requests for the links worth fetching, and how many links were not stored yet."""
        candidates: dict[str, discovery.Link] = {}
        for link in links:
            found = sites.article_id(link.url)
            if not found or found[0] != self.name:
                continue
            canonical = sites.canonicalize(urls.rebase(link.url, self.site.origin))
            if canonical not in candidates:
                candidates[canonical] = link
        if not candidates:
            return [], 0
        try:
            known = set() if self.refresh or self.readonly else await self._known(list(candidates))
        except psycopg.Error as exc:  # database unreachable: these links wait for the next run
            self.crawler.stats.inc_value("discovery/seen_check_failed")
            logger.error("cannot check which articles are stored, %d links skipped until the "
                         "next run (first: %s): %s", len(candidates), next(iter(candidates)),
                         mask_url((str(exc).strip() or repr(exc)).splitlines()[0]))  # fmt: skip
            return [], 0
        # Articles this run scheduled (from a feed, say) count as new: on a first crawl the
        # feeds store the newest ones before the listings are read, and the listing walk must
        # not stop at a page whose articles only this run has stored.
        fresh = len(set(candidates) - (known - self.scheduled))
        self.crawler.stats.inc_value("articles/skipped_known", len(known & set(candidates)))
        requests = []
        for canonical, link in candidates.items():
            if canonical in known or canonical in self.scheduled:
                continue
            if not self.window.may_contain_day(self._link_day(link)):
                self.crawler.stats.inc_value("articles/outside_window")
                continue
            if self._budget_spent():
                break
            self.scheduled.add(canonical)
            requests.append(
                scrapy.Request(
                    urls.rebase(canonical, self.origin),
                    callback=self.parse_article,
                    errback=self.article_failed,
                    meta=self._article_meta(canonical),
                )
            )
        self.crawler.stats.inc_value("articles/requested", len(requests))
        return requests, fresh

    @staticmethod
    def _article_meta(canonical: str) -> dict[str, Any]:
        """An old URL form may redirect to an article also linked directly: its redirect is
        read by `parse_article` (not followed by Scrapy), so the article is fetched once and
        the old form recorded as its alias."""
        meta: dict[str, Any] = {"canonical_url": canonical}
        if not sites.is_primary_form(canonical):
            meta.update(dont_redirect=True, handle_httpstatus_list=list(REDIRECT_STATUSES))
        return meta

    async def _known(self, canonical_urls: list[str]) -> set[str]:
        def lookup() -> set[str]:
            return self._seen_index().known(canonical_urls)

        return await deferred_to_future(threads.deferToThread(lookup))

    def _seen_index(self) -> SeenIndex:
        """The one index of stored URLs, opened on first use.

        Discovery sources look URLs up from several threads at once; without the lock two
        could each open a pool, and the one left unclosed is collected in a worker thread,
        where its cleanup fails with a traceback.
        """
        with self._seen_lock:
            if self._seen is None:
                self._seen = SeenIndex()
            return self._seen

    def article_failed(self, failure: Failure) -> None:
        self.crawler.stats.inc_value("articles/failed")
        logger.warning("article not fetched: %s (%s)", failure.request.url, _reason(failure))

    # -- article pages ----------------------------------------------------------------

    def parse_article(self, response: Response):
        if response.status in REDIRECT_STATUSES:
            yield from self._old_form_redirect(response)
            return
        if not isinstance(response, scrapy.http.TextResponse):
            self.crawler.stats.inc_value("articles/not_text")
            logger.warning("article is not a text page: %s", response.url)
            return
        if not response.body.strip():
            # Usually a passing server fault: not stored, so not "seen", so fetched again.
            self.crawler.stats.inc_value("articles/empty")
            logger.warning("article page is empty, not stored: %s", response.url)
            return
        page = FetchedPage(
            source=self.name,
            url=response.url,
            html=response.text,
            requested=response.meta.get("canonical_url"),
            redirected_from=list(response.meta.get("redirect_urls", [])),
            http_status=response.status,
            fetched_at=datetime.now(UTC),
        )
        if "\ufffd" in page.html:
            self.crawler.stats.inc_value("articles/undecodable")
            page.problems.append(
                f"undecodable_text: bytes not valid in the declared {response.encoding}"
            )
        yield page  # made an article by pipelines/extract.py, window checked by `keep`

    def keep(self, item: ArticleItem) -> bool:
        """Called by the extract pipeline with the finished article: whether it is inside the
        date window."""
        if item.published_at and not self.window.contains(item.published_at):
            self.crawler.stats.inc_value("articles/outside_window")
            return False
        return True

    def _old_form_redirect(self, response: Response):
        """An old URL form redirected: note it as an alias when this run already fetches the
        target; otherwise fetch the target, which then carries the old form as its alias."""
        location = response.headers.get(b"Location")
        if not location:
            self.crawler.stats.inc_value("articles/failed")
            logger.warning("redirect without a Location, not followed: %s", response.url)
            return
        target_url = response.urljoin(location.decode("latin-1"))
        old = response.meta.get("canonical_url") or sites.canonicalize(response.url)
        target = sites.canonicalize(target_url)
        same_site = urlsplit(target_url).hostname == urlsplit(response.url).hostname
        if same_site and target in self.scheduled:
            self.crawler.stats.inc_value("articles/redirect_to_scheduled")
            self.pending_aliases.setdefault(target, set()).add(old)
            return
        if same_site:
            self.scheduled.add(target)
        yield scrapy.Request(
            target_url,
            callback=self.parse_article,
            errback=self.article_failed,
            # redirect_urls as Scrapy's RedirectMiddleware keeps it: loops and offsite
            # targets are then reported the same way, and the old form becomes an alias
            meta={"canonical_url": target, "redirect_urls": [response.url]},
        )
