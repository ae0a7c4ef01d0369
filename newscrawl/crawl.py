"""`newscrawl crawl`: both spiders in one Scrapy CrawlerProcess, under the crawl lock.

Migrations run first; each site gets one summary line at the end; the exit code tells cron
whether anything needs a person (see README "Running it from cron").
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.settings import Settings
from scrapy.utils.project import get_project_settings

from newscrawl import sites
from newscrawl.db import connection, lock, migrate
from newscrawl.extensions import run_status

SITES = sites.names()


@dataclass
class CrawlOptions:
    sites: tuple[str, ...] = SITES
    since: str | None = None
    until: str | None = None
    base_urls: dict[str, str] = field(default_factory=dict)
    max_articles: int | None = None
    refresh: bool = False
    settings: dict[str, Any] = field(default_factory=dict)


@dataclass
class SiteResult:
    site: str
    status: str
    stats: dict[str, Any]
    seconds: float

    def count(self, name: str) -> int:
        return int(self.stats.get(name, 0) or 0)

    def summary(self) -> str:
        sources = self.count("discovery/failed") + self.count("discovery/malformed")
        return (
            f"{self.site}: {self.count('store/new')} new, {self.count('store/updated')} updated, "
            f"{self.count('store/duplicate_linked')} duplicates linked, "
            f"{self.count('store/failed') + self.count('articles/failed')} failed, "
            + (f"{sources} sources failed, " if sources else "")
            + f"{self.seconds:.1f}s ({self.status})"
        )


def project_settings(overrides: dict[str, Any]) -> Settings:
    settings = get_project_settings()
    settings.setdict(overrides, priority="cmdline")
    return settings


def spider_arguments(site: str, options: CrawlOptions) -> dict[str, Any]:
    arguments: dict[str, Any] = {}
    if site in options.base_urls:
        arguments["base_url"] = options.base_urls[site]
    if options.since:
        arguments["since"] = options.since
    if options.until:
        arguments["until"] = options.until
    if options.max_articles:
        arguments["max_articles"] = options.max_articles
    if options.refresh:
        arguments["refresh"] = "1"
    return arguments


def run(options: CrawlOptions, announce=print) -> list[SiteResult]:
    """Run the crawl; raises LockHeld when another crawl holds the lock."""
    database = connection.resolve()
    _applied, version = migrate.ensure(database)
    announce(f"database ready: {database.describe()}, schema version {version}")
    with lock.CrawlLock(database):
        settings = project_settings(options.settings)
        settings.set("LOG_INSTALL_ROOT_HANDLER", False, priority="cmdline")  # newscrawl.logs
        process = CrawlerProcess(settings)
        crawlers: list[Crawler] = []
        for site in options.sites:
            crawler = process.create_crawler(site)
            crawlers.append(crawler)
            process.crawl(crawler, **spider_arguments(site, options))
        started = time.monotonic()
        process.start()
        elapsed = time.monotonic() - started
    results = []
    for site, crawler in zip(options.sites, crawlers, strict=True):
        stats = crawler.stats.get_stats() if crawler.stats else {}
        seconds = _duration(stats, elapsed)
        results.append(SiteResult(site, run_status(stats.get("finish_reason", "failed"), stats),
                                  stats, seconds))  # fmt: skip
    return results


def _duration(stats: dict[str, Any], fallback: float) -> float:
    start, finish = stats.get("start_time"), stats.get("finish_time")
    if start and finish:
        return (finish - start).total_seconds()
    return fallback


def exit_code(results: list[SiteResult]) -> int:
    """0 when every spider finished; 1 when one failed, was interrupted or stored nothing
    while its sources answered with errors."""
    return 0 if results and all(r.status == "finished" for r in results) else 1
