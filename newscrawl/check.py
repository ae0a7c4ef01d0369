"""`newscrawl check-layouts`: do the layout versions still read each site right?

The N most recent articles of each site's feeds are fetched (politely, with the crawl's own
spiders and settings, robots.txt obeyed) and made articles exactly as the crawl makes them,
but nothing is read from or written to the database. Per site and layout version it reports
how many articles were read, how many were degraded and why (docs/drift.md), and the markup
inside known containers that no layout declares.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from scrapy.crawler import Crawler, CrawlerProcess

from newscrawl import crawl

EXIT_DRIFT = crawl.EXIT_DRIFT
CHECK_SETTINGS: dict[str, Any] = {
    "ITEM_PIPELINES": {
        "pipelines.extract.ExtractPipeline": 300,
        "pipelines.layout_check.LayoutCheckPipeline": 900,
    },
    "EXTENSIONS": {"newscrawl.extensions.RunRecorder": None},  # no run history: no database
    "NEWSCRAWL_EXTRACT_WORKERS": 0,
}


@dataclass
class LayoutReport:
    layout: str  # "none" when no layout version knew the pages
    articles: int = 0
    degraded: int = 0
    problems: Counter[str] = field(default_factory=Counter)
    markup: Counter[str] = field(default_factory=Counter)


@dataclass
class SiteReport:
    site: str
    layouts: dict[str, LayoutReport]
    sources_failed: int
    articles_failed: int

    @property
    def articles(self) -> int:
        return sum(r.articles for r in self.layouts.values())

    @property
    def degraded(self) -> int:
        return sum(r.degraded for r in self.layouts.values())

    def lines(self) -> list[str]:
        if not self.layouts:
            return [f"{self.site}: no article checked ({self.sources_failed} sources failed, "
                    f"{self.articles_failed} articles not fetched)"]  # fmt: skip
        out = []
        for name in sorted(self.layouts, key=lambda n: (n == "none", n)):
            r = self.layouts[name]
            label = name if name != "none" else "no layout recognised"
            agree = 1 - r.problems.get("extractors_disagree", 0) / r.articles if r.articles else 0
            line = (f"{self.site}: {label}: {r.articles} articles, agreement {agree:.0%}, "
                    f"{r.degraded} degraded")  # fmt: skip
            if r.problems:
                line += " (" + ", ".join(f"{c} {n}" for c, n in r.problems.most_common()) + ")"
            out.append(line)
            if r.markup:
                out.append("  markup the layout does not know: " + ", ".join(
                    f"{m} ({n})" for m, n in r.markup.most_common(8)))  # fmt: skip
        return out


def report_from_stats(site: str, stats: dict[str, Any]) -> SiteReport:
    layouts: dict[str, LayoutReport] = {}
    for key, value in stats.items():
        parts = key.split("/", 3)
        if parts[0] != "check" or len(parts) < 3:
            continue
        report = layouts.setdefault(parts[1], LayoutReport(parts[1]))
        if parts[2] == "articles":
            report.articles = int(value)
        elif parts[2] == "degraded":
            report.degraded = int(value)
        elif parts[2] == "problem" and len(parts) == 4:
            report.problems[parts[3]] = int(value)
        elif parts[2] == "markup" and len(parts) == 4:
            report.markup[parts[3]] = int(value)
    return SiteReport(site, layouts, int(stats.get("discovery/failed", 0) or 0),
                      int(stats.get("articles/failed", 0) or 0))  # fmt: skip


def run(
    site_names: tuple[str, ...],
    sample: int,
    base_urls: dict[str, str],
    settings: dict[str, Any],
) -> list[SiteReport]:
    """Fetch and read the `sample` most recent feed articles of each site; no database.

    Agreement is the share of articles where the layout's reading and trafilatura's agree
    (no `extractors_disagree`)."""
    project = crawl.project_settings({**settings, **CHECK_SETTINGS})
    project.set("LOG_INSTALL_ROOT_HANDLER", False, priority="cmdline")  # newscrawl.logs
    process = CrawlerProcess(project)
    crawlers: list[Crawler] = []
    for site in site_names:
        arguments = {"max_articles": sample, "sources": "feeds", "readonly": "1"}
        if site in base_urls:
            arguments["base_url"] = base_urls[site]
        crawler = process.create_crawler(site)
        crawlers.append(crawler)
        process.crawl(crawler, **arguments)
    process.start()
    return [report_from_stats(site, c.stats.get_stats() if c.stats else {})
            for site, c in zip(site_names, crawlers, strict=True)]  # fmt: skip


def exit_code(reports: list[SiteReport]) -> int:
    """0 when every site gave articles and none was degraded; 3 when one was; 1 when a site
    gave no article to check."""
    if any(r.articles == 0 for r in reports):
        return 1
    return EXIT_DRIFT if any(r.degraded for r in reports) else 0
