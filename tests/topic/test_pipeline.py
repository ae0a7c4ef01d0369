"""TopicPipeline inside a real Scrapy crawler: tagging, keep/drop setting, stats."""

from __future__ import annotations

from pathlib import Path

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from newscrawl.errors import UsageError
from newscrawl.items import ArticleItem
from pipelines.topic import TopicPipeline

BILATERAL = ArticleItem(
    title="S. Korea, Japan hold vice-ministerial strategic dialogue",
    body="Vice foreign ministers of South Korea and Japan held talks in Seoul on Thursday.",
)


def _other() -> ArticleItem:
    return ArticleItem(title="KOSPI closes higher", body="Seoul shares rose 0.7 percent.")


def _pipeline(**settings) -> tuple[TopicPipeline, object]:
    crawler = get_crawler(settings_dict=settings)
    return TopicPipeline.from_crawler(crawler), crawler.stats


def test_default_keeps_and_tags_everything():
    pipe, stats = _pipeline()
    item = pipe.process_item(BILATERAL)
    assert item.topic["bilateral"] and item.topic["pairs"] == [["JP", "KR"]]
    other = pipe.process_item(_other())
    assert other.topic["bilateral"] is False
    assert stats.get_value("topic/bilateral") == 1
    assert stats.get_value("topic/non_bilateral") == 1
    assert stats.get_value("topic/dropped_non_bilateral") is None


def test_drop_non_bilateral_when_asked():
    pipe, stats = _pipeline(NEWSCRAWL_KEEP_NON_BILATERAL=False)
    assert pipe.process_item(BILATERAL).topic["bilateral"]
    with pytest.raises(DropItem):
        pipe.process_item(_other())
    assert stats.get_value("topic/bilateral") == 1
    assert stats.get_value("topic/non_bilateral") == 1
    assert stats.get_value("topic/dropped_non_bilateral") == 1


def test_setting_given_as_string_from_command_line():
    pipe, _ = _pipeline(NEWSCRAWL_KEEP_NON_BILATERAL="False")
    assert pipe.keep_non_bilateral is False


def test_rules_path_setting(tmp_path: Path):
    path = tmp_path / "rules.yaml"
    path.write_text(
        "countries:\n  KR: {names: [Korea]}\n  CL: {names: [Chile]}\n"
        "diplomacy:\n  all: {weight: 5, terms: [talks]}\n",
        encoding="utf-8",
    )
    pipe, _ = _pipeline(NEWSCRAWL_TOPIC_RULES=str(path))
    item = pipe.process_item(ArticleItem(title="Korea, Chile hold talks", body=""))
    assert item.topic["pairs"] == [["CL", "KR"]]


def test_unreadable_rules_file_is_a_usage_error(tmp_path: Path):
    missing = tmp_path / "missing.yaml"
    with pytest.raises(UsageError, match="missing.yaml"):
        _pipeline(NEWSCRAWL_TOPIC_RULES=str(missing))


def test_item_without_text():
    pipe, stats = _pipeline()
    item = pipe.process_item(ArticleItem())
    assert item.topic["bilateral"] is False
    assert stats.get_value("topic/non_bilateral") == 1
