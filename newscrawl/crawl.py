"""`newscrawl crawl`: both spiders in one Scrapy CrawlerProcess, under the crawl lock.

Settings and relevance rules are checked first, then migrations run; each site gets one
summary line at the end; the exit code tells cron whether anything needs a person (see README
"Running it from cron").
"""

from __future__ import annotations

import os
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.settings import Settings
from scrapy.utils.project import get_project_settings

from newscrawl import sites
from newscrawl.db import connection, lock, migrate
from newscrawl.extensions import run_status
from newscrawl.items import DRIFT_CODES

SITES = sites.names()
SETTINGS_MODULE = "newscrawl.settings"
EXIT_DRIFT = 3  # the crawl finished, but a site's layout drifted (docs/operations.md)


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
    drift_share: float = 0.2  # NEWSCRAWL_DRIFT_SHARE

    def count(self, name: str) -> int:
        return int(self.stats.get(name, 0) or 0)

    def drift_codes(self) -> Counter[str]:
        """How many of the run's articles carried each drift problem code."""
        return Counter({code: n for code in sorted(DRIFT_CODES)
                        if (n := self.count(f"clean/problem/{code}"))})  # fmt: skip

    def drifted(self) -> bool:
        """More than `drift_share` of the articles extracted in this run were degraded."""
        extracted = self.count("clean/ok") + self.count("clean/incomplete")
        return bool(extracted) and self.count("clean/degraded") > self.drift_share * extracted

    def drift_line(self) -> str:
        extracted = self.count("clean/ok") + self.count("clean/incomplete")
        degraded = self.count("clean/degraded")
        codes = ", ".join(f"{code} {n}" for code, n in self.drift_codes().most_common())
        return (f"layout drift on {self.site}: {degraded} of {extracted} articles "
                f"({degraded / extracted:.0%}) read with less than their layout's knowledge "
                f"({codes}), over NEWSCRAWL_DRIFT_SHARE {self.drift_share:.0%}; "
                f"run newscrawl check-layouts --site {self.site}")  # fmt: skip

    def summary(self) -> str:
        sources = self.count("discovery/failed") + self.count("discovery/malformed")
        why = self.failure_reasons()
        return (
            f"{self.site}: {self.count('store/new')} new, {self.count('store/updated')} updated, "
            f"{self.count('store/duplicate_linked')} copies linked, "
            f"{self.count('store/failed') + self.count('articles/failed')} failed, "
            + (f"{self.count('clean/degraded')} degraded ({self._codes()}), "
               if self.count("clean/degraded") else "")
            + (f"{sources} sources failed{': ' + why if why else ''}, " if sources else "")
            + f"{self.seconds:.1f}s ({self.status})"
        )

    def _codes(self) -> str:
        return ", ".join(f"{code} {n}" for code, n in self.drift_codes().most_common())

    def failure_reasons(self) -> str:
        """Why the sources failed, most frequent reason first ("DNS lookup failed for
        en.yna.co.kr"; "HTTP 503 (4); connection refused (2)")."""
        reasons: Counter[str] = Counter()
        prefix = "discovery/failed/"
        for key, value in self.stats.items():
            if key.startswith(prefix):
                reasons[_short_reason(key[len(prefix):])] += int(value or 0)
        if self.count("discovery/malformed"):
            reasons["not a feed or sitemap"] += self.count("discovery/malformed")
        if len(reasons) == 1:
            return next(iter(reasons))
        return "; ".join(f"{reason} ({n})" for reason, n in reasons.most_common(3))


_SHORT_REASONS = (
    (re.compile(r"DNS lookup failed.*?lookup: (\S+?)\.?$"), r"DNS lookup failed for \1"),
    (re.compile(r".*Connection refused.*", re.IGNORECASE), "connection refused"),
    (re.compile(r".*(took longer than|timed? ?out).*", re.IGNORECASE), "timed out"),
)


def _short_reason(reason: str) -> str:
    for pattern, replacement in _SHORT_REASONS:
        if pattern.match(reason):
            return pattern.sub(replacement, reason)
    return re.sub(r"https?://\S+", "URL", reason)


def project_settings(overrides: dict[str, Any] | None = None) -> Settings:
    """The project's settings, wherever the command runs: Scrapy looks for `scrapy.cfg` from
    the working directory up, which only finds it inside the checkout (cron, docker and
    systemd start elsewhere), so the settings module is named here. Malformed environment
    values raise `config.SettingError` (one line, exit code 2)."""
    os.environ["SCRAPY_SETTINGS_MODULE"] = SETTINGS_MODULE
    settings = get_project_settings()
    settings.setdict(overrides or {}, priority="cmdline")
    return settings


def prepare(options: CrawlOptions) -> Settings:
    """Settings and relevance rules, checked before the database or any site is touched: a
    bad value or rules file is one line and exit code 2, not a traceback mid-crawl."""
    from newscrawl.topic import load_rules

    settings = project_settings(options.settings)
    load_rules(settings.get("NEWSCRAWL_TOPIC_RULES") or None)
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
    settings = prepare(options)
    database = connection.resolve()
    _applied, version = migrate.ensure(database)
    announce(f"database ready: {database.describe()}, schema version {version}")
    with lock.CrawlLock(database):
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
                                  stats, seconds,
                                  settings.getfloat("NEWSCRAWL_DRIFT_SHARE", 0.2)))  # fmt: skip
    return results


def _duration(stats: dict[str, Any], fallback: float) -> float:
    start, finish = stats.get("start_time"), stats.get("finish_time")
    if start and finish:
        return (finish - start).total_seconds()
    return fallback


def exit_code(results: list[SiteResult]) -> int:
    """0 when every spider finished; 1 when one failed, was interrupted or stored nothing
    while its sources answered with errors; else 3 (EXIT_DRIFT) when a site's layout drifted
    (more than NEWSCRAWL_DRIFT_SHARE of its articles degraded)."""
    if not results or not all(r.status == "finished" for r in results):
        return 1
    return EXIT_DRIFT if any(r.drifted() for r in results) else 0
