"""The first pipeline: a fetched page becomes a finished article (`page_to_article`).

Parsing, cleaning and tagging are the core's (`newscrawl.extract`); this pipeline decides
where they run (inline, or in worker processes so the reactor keeps downloading), asks the
spider whether to keep the article (its date window), and counts what happened.
"""

from __future__ import annotations

import logging
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from scrapy.exceptions import DropItem

from newscrawl.extract import page_to_article
from newscrawl.items import DRIFT_CODES, ArticleItem, FetchedPage, problem_code
from newscrawl.workers import SHARED_POOL, run_in_worker

log = logging.getLogger(__name__)


class ExtractPipeline:
    """Scrapy item pipeline: `FetchedPage` in, `ArticleItem` out, with stats and one log
    line per problem.

    `workers` (setting NEWSCRAWL_EXTRACT_WORKERS): 0 runs `page_to_article` inline in the
    reactor thread; more runs it in that many worker processes and `process_item` returns an
    awaitable. `rules_path` (NEWSCRAWL_TOPIC_RULES) is the tagger's rules file. The spider's
    `keep(item)`, when it has one, then counts unknown layouts and drops articles outside its
    date window.
    """

    def __init__(
        self,
        stats: Any = None,
        workers: int = 0,
        crawler: Any = None,
        rules_path: str | None = None,
    ) -> None:
        self.stats = stats
        self.crawler = crawler
        self.rules_path = rules_path
        self.workers = max(0, workers)
        if self.workers:
            SHARED_POOL.acquire(self.workers)

    @classmethod
    def from_crawler(cls, crawler: Any) -> ExtractPipeline:
        settings = getattr(crawler, "settings", None)
        count = settings.getint("NEWSCRAWL_EXTRACT_WORKERS", 0) if settings else 0
        rules = (settings.get("NEWSCRAWL_TOPIC_RULES") or None) if settings else None
        return cls(crawler.stats, count, crawler, rules)

    def close_spider(self) -> None:
        if self.workers:
            self.workers = 0
            SHARED_POOL.release()

    def _inc(self, key: str) -> None:
        if self.stats is not None:
            self.stats.inc_value(key)

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, FetchedPage):
            return item
        if self.workers:
            return self._process_in_worker(item)
        return self._finish(page_to_article(item, self.rules_path))

    async def _process_in_worker(self, page: FetchedPage) -> ArticleItem:
        try:
            done = await run_in_worker(page_to_article, page, self.rules_path)
        except BrokenProcessPool:  # a worker died (killed, out of memory): extract here instead
            log.error("extraction worker died; extracting %s in the crawl process", page.url)
            return self._finish(page_to_article(page, self.rules_path))
        done.raw_html = page.html  # not sent back: the crawl process still has it
        return self._finish(done)

    def _finish(self, item: ArticleItem) -> ArticleItem:
        spider = getattr(self.crawler, "spider", None)
        keep = getattr(spider, "keep", None)
        if keep is not None and not keep(item):
            # before counting: a page outside the window is neither stored nor reported
            raise DropItem(f"outside the date window: {item.url}", log_level="DEBUG")
        self._count(item)
        return item

    def _count(self, item: ArticleItem) -> None:
        if item.layout is None and item.body:
            self._inc("clean/layout_unknown_filled")
        for problem in item.problems:
            self._inc(f"clean/problem/{problem_code(problem)}")
            if problem.startswith("implausible_date"):
                self._inc("clean/implausible_date")
        if item.language and not item.language.lower().startswith("en"):
            self._inc(f"clean/language/{item.language}")
            log.warning("article %s is not in English (language %s)", item.url, item.language)
        if item.degraded:
            self._inc("clean/degraded")
            log.warning("degraded extraction of %s: %s", item.url, "; ".join(
                p for p in item.problems if problem_code(p) in DRIFT_CODES))
        if item.incomplete:
            self._inc("clean/incomplete")
            log.warning("incomplete article %s: %s", item.url, "; ".join(item.problems))
        else:
            self._inc("clean/ok")

