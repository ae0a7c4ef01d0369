"""The topic pipeline: counts the bilateral-diplomacy tags, drops untagged-for items if told.

The extract pipeline's `page_to_article` already tagged the article; an item that reaches this
pipeline untagged (built by other code) is tagged here with the same rules.
"""

from __future__ import annotations

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.statscollectors import StatsCollector

from newscrawl.items import ArticleItem
from newscrawl.topic import Rules, classify, load_rules


class TopicPipeline:
    """Counts `item.topic` (setting it when missing); drops non-bilateral items when
    NEWSCRAWL_KEEP_NON_BILATERAL is off.

    Settings: NEWSCRAWL_TOPIC_RULES (path to a rules file; default the packaged one) and
    NEWSCRAWL_KEEP_NON_BILATERAL (default True: store everything, tagged). Stats:
    topic/bilateral, topic/non_bilateral, topic/dropped_non_bilateral.
    """

    def __init__(
        self,
        rules: Rules,
        keep_non_bilateral: bool = True,
        stats: StatsCollector | None = None,
    ) -> None:
        self.rules = rules
        self.keep_non_bilateral = keep_non_bilateral
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> TopicPipeline:
        path = crawler.settings.get("NEWSCRAWL_TOPIC_RULES") or None
        keep = crawler.settings.getbool("NEWSCRAWL_KEEP_NON_BILATERAL", True)
        return cls(load_rules(path), keep, crawler.stats)

    def _inc(self, key: str) -> None:
        if self.stats is not None:
            self.stats.inc_value(key)

    def process_item(self, item: ArticleItem) -> ArticleItem:
        if item.topic is None:
            item.topic = classify(item.title or "", item.body or "", self.rules)
        topic = item.topic
        if topic["bilateral"]:
            self._inc("topic/bilateral")
            return item
        self._inc("topic/non_bilateral")
        if not self.keep_non_bilateral:
            self._inc("topic/dropped_non_bilateral")
            raise DropItem(f"not about bilateral diplomacy (score {topic['score']})")
        return item
