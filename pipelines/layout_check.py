"""The layout check's last pipeline: counts what each article says about its layout, and
keeps nothing (`newscrawl check-layouts` reads the counts from the crawl's stats)."""

from __future__ import annotations

from typing import Any

from scrapy.exceptions import DropItem

from newscrawl.items import ArticleItem, problem_code

UNKNOWN_MARKUP = "unknown_markup"


class LayoutCheckPipeline:
    """Per layout version (`none` when no version knew the page): articles, degraded ones,
    each problem code, the markup the layout does not know; then the item is dropped."""

    def __init__(self, stats: Any) -> None:
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Any) -> LayoutCheckPipeline:
        return cls(crawler.stats)

    def process_item(self, item: ArticleItem) -> ArticleItem:
        layout = item.layout or "none"
        self.stats.inc_value(f"check/{layout}/articles")
        if item.degraded:
            self.stats.inc_value(f"check/{layout}/degraded")
        for problem in item.problems:
            code = problem_code(problem)
            self.stats.inc_value(f"check/{layout}/problem/{code}")
            if code == UNKNOWN_MARKUP:
                markup = problem.split(":", 1)[1].rsplit("(layout", 1)[0]
                for element in (m.strip() for m in markup.split(",")):
                    if element:
                        self.stats.inc_value(f"check/{layout}/markup/{element}")
        raise DropItem(f"checked: {item.url}", log_level="DEBUG")
