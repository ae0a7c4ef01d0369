"""The extract pipeline: a fetched page in, a finished article out, counted; inline or in a
worker process; the spider's date window asked."""

from __future__ import annotations

import asyncio
import logging

import pytest
from scrapy.exceptions import DropItem

from newscrawl.extract import page_to_article
from newscrawl.items import FetchedPage
from pipelines.extract import ExtractPipeline
from tests.layouts.helpers import expected, extracted, page

URL = "https://en.yna.co.kr/view/AEN20240312002151315"


class Stats:
    def __init__(self):
        self.values = {}

    def inc_value(self, key, count=1):
        self.values[key] = self.values.get(key, 0) + count


def test_pipeline_counts_and_logs(caplog):
    stats = Stats()
    pipe = ExtractPipeline(stats)
    pipe.process_item(FetchedPage(source="", url=URL, html=page("yonhap_2023_lead")))
    pipe.process_item(FetchedPage(source="", url=URL, html=page("unknown_layout")))
    with caplog.at_level(logging.WARNING):
        bad = pipe.process_item(FetchedPage(source="", url=URL, html=""))
    assert stats.values["clean/ok"] == 2
    assert stats.values["clean/layout_unknown_filled"] == 1
    assert stats.values["clean/incomplete"] == 1
    assert stats.values["clean/problem/empty_page"] == 1
    assert bad.incomplete and URL in caplog.text


def test_pipeline_passes_other_items():
    assert ExtractPipeline().process_item({"x": 1}) == {"x": 1}


def test_pipeline_from_crawler():
    class Crawler:
        stats = Stats()

    assert ExtractPipeline.from_crawler(Crawler()).stats is Crawler.stats


def _fetched(name: str, **kw) -> FetchedPage:
    url = expected(name)["url"]
    return FetchedPage(source="yonhap" if "yonhap" in name else "koreaherald", url=url,
                       html=page(name), http_status=200, **kw)  # fmt: skip


def test_a_fetched_page_is_parsed_and_cleaned_in_one_call():
    fetched = _fetched("yonhap_2023_lead", requested="https://en.yna.co.kr/view/AEN1",
                       redirected_from=["http://m-en.yna.co.kr/view/AEN2"])  # fmt: skip
    item = page_to_article(fetched)
    want = extracted("yonhap_2023_lead")
    assert (item.title, item.body, item.authors) == (want.title, want.body, want.authors)
    assert item.raw_html == fetched.html and item.http_status == 200
    assert item.canonical_url == want.canonical_url
    forms = {"https://en.yna.co.kr/view/AEN1", "https://en.yna.co.kr/view/AEN2"}
    assert item.aliases == sorted(forms - {want.canonical_url})


def test_the_spiders_fetch_problems_are_kept():
    fetched = _fetched("koreaherald_d", problems=["undecodable_text: bytes not valid"])
    item = page_to_article(fetched)
    assert item.problems[-1].startswith("undecodable_text") and item.incomplete


class _Spider:
    """Stands in for NewsSpider.keep: a window that ends before every fixture date."""

    def __init__(self):
        self.kept = []

    def keep(self, item):
        self.kept.append(item.url)
        return item.published_at is None or item.published_at.year < 2000


class _Crawler:
    def __init__(self, workers=0):
        self.stats = Stats()
        self.spider = _Spider()
        self.settings = {"NEWSCRAWL_EXTRACT_WORKERS": workers}


def test_pipeline_asks_the_spider_and_drops_articles_outside_its_window():
    crawler = _Crawler()
    pipe = ExtractPipeline(crawler.stats, 0, crawler)
    with pytest.raises(DropItem):
        pipe.process_item(_fetched("yonhap_2023_lead"))
    assert crawler.spider.kept == [expected("yonhap_2023_lead")["url"]]
    assert crawler.stats.values == {}  # a page outside the window is not counted as cleaned


def test_pipeline_extracts_pages_in_a_worker_process():
    crawler = _Crawler()
    crawler.spider.keep = lambda item: True
    pipe = ExtractPipeline(crawler.stats, 1, crawler)
    fetched = _fetched("koreaherald_b")
    try:
        item = asyncio.run(pipe.process_item(fetched))
    finally:
        pipe.close_spider()
    want = page_to_article(_fetched("koreaherald_b"))
    want.container_html = None  # not needed after cleaning, so not sent back
    assert item == want  # the page's HTML is not sent back either, but put back here
    assert crawler.stats.values["clean/ok"] == 1
