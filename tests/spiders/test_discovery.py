"""Discovery pages read into article links, on small fixtures of our own, one rule per test."""

from datetime import date, datetime

import pytest
from scrapy.utils.test import get_crawler

from newscrawl.dates import KST
from newscrawl.discovery import parse_feed, parse_listing, parse_sitemap
from newscrawl.sites import date_from_id, koreaherald, yonhap
from spiders.koreaherald import KoreaHeraldSpider
from spiders.yonhap import YonhapSpider

YONHAP_FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>All</title>
<item><title>(LEAD) Seoul, Tokyo agree on a new hotline</title>
<link>https://en.yna.co.kr/view/AEN20240305004151315?section=news&amp;input=rss</link>
<dc:creator>Park Eun-ji</dc:creator>
<pubDate>Tue, 05 Mar 2024 16:20:11 +0000</pubDate></item>
<item><title>No date here</title><link>/view/AEN20240305004200320</link></item>
<item><title>No link</title></item>
</channel></rss>"""

KH_FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>KH</title>
<item><title><![CDATA[Korea&#8217;s envoy meets counterpart]]></title>
<link>https://www.koreaherald.com/article/10600001</link>
<pubDate>Sun, 13 Sep 2026 18:42:17 +0900</pubDate></item>
<item><title><![CDATA[Second]]></title>
<link>https://www.koreaherald.com/view.php?ud=/view.php?ud=20230814000600</link>
<pubDate>Mon, 14 Aug 2023 09:00:00 +09:00</pubDate></item>
</channel></rss>"""

SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://en.yna.co.kr/view/AEN20240305004151315</loc>
<news:news><news:publication_date>2024-03-05T16:20:11+09:00</news:publication_date>
<news:title><![CDATA[(LEAD) Seoul, Tokyo agree]]></news:title></news:news></url>
</urlset>"""

LISTING = """<html><body>
<div class="most-viewed"><a href="/view/AEN20240101000100315">Popular, not listed</a></div>
<div class="smain-list-type01"><ul>
<li><article><div class="txt-con"><h2 class="tit">
<a href="//en.yna.co.kr/view/AEN20240305004151315">Seoul, Tokyo agree</a></h2>
<span class="txt-time">2024-03-05 16:20</span></div></article></li>
<li><article><div class="txt-con"><h2 class="tit">
<a href="/view/AEN20240304003000320">Older one</a></h2><span>Mar. 4, 2024</span>
</div></article></li>
<li><a href="/national/politics">section link</a></li>
</ul></div></body></html>"""


def test_yonhap_pubdate_is_kst_wall_clock_whatever_offset_it_states():
    links = parse_feed(YONHAP_FEED, yonhap.SITE.feed_date, "http://127.0.0.1:1/RSS/news.xml")
    assert links[0].published == datetime(2024, 3, 5, 16, 20, 11, tzinfo=KST)


def test_feed_links_are_made_absolute_and_items_without_link_skipped():
    links = parse_feed(YONHAP_FEED, yonhap.SITE.feed_date, "http://127.0.0.1:1/RSS/news.xml")
    assert [link.url for link in links] == [
        "https://en.yna.co.kr/view/AEN20240305004151315?section=news&input=rss",
        "http://127.0.0.1:1/view/AEN20240305004200320",
    ]
    assert links[1].published is None


def test_korea_herald_feed_cdata_entities_and_both_offsets():
    links = parse_feed(KH_FEED, koreaherald.SITE.feed_date, "https://www.koreaherald.com/rss/newsAll")
    assert links[0].title == "Korea\u2019s envoy meets counterpart"
    assert links[0].published == datetime(2026, 9, 13, 18, 42, 17, tzinfo=KST)
    assert links[1].published == datetime(2023, 8, 14, 9, 0, tzinfo=KST)


@pytest.mark.parametrize(
    "text", ["", "<html><body>Service unavailable</body></html>", "not xml at all", "\x00\x01"]
)
def test_not_a_feed_is_none(text):
    assert parse_feed(text, yonhap.SITE.feed_date, "http://x/RSS/news.xml") is None
    assert parse_sitemap(text, "http://x/news-sitemap.xml") is None


def test_news_sitemap_entries():
    (link,) = parse_sitemap(SITEMAP, "https://en.yna.co.kr/news-sitemap.xml")
    assert link.url.endswith("AEN20240305004151315")
    assert link.title == "(LEAD) Seoul, Tokyo agree"
    assert link.published == datetime(2024, 3, 5, 16, 20, 11, tzinfo=KST)


def test_listing_reads_only_its_container_with_printed_dates():
    links = parse_listing(LISTING, "http://127.0.0.1:1/national/diplomacy", (".smain-list-type01",))
    assert [link.url for link in links] == [
        "http://en.yna.co.kr/view/AEN20240305004151315",  # protocol-relative, on the page's
        "http://127.0.0.1:1/view/AEN20240304003000320",
    ]
    assert links[0].published == datetime(2024, 3, 5, 16, 20, tzinfo=KST)
    assert links[1].published == datetime(2024, 3, 4, tzinfo=KST)


def test_listing_without_its_container_falls_back_to_the_whole_page():
    links = parse_listing(LISTING, "http://127.0.0.1:1/x", (".no-such-list",))
    assert len(links) == 3


def test_dates_encoded_in_ids():
    assert date_from_id("yonhap", "AEN20240305004151315") == date(2024, 3, 5)
    assert date_from_id("koreaherald", "20230814000600") == date(2023, 8, 14)
    assert date_from_id("koreaherald", "10600001") is None


def test_listing_pagination_of_both_sites():
    yonhap = YonhapSpider()
    assert yonhap.next_listing_page("https://en.yna.co.kr/national/diplomacy", 1) == (
        "https://en.yna.co.kr/national/diplomacy/2"
    )
    assert yonhap.next_listing_page("https://en.yna.co.kr/national/diplomacy/2", 2).endswith(
        "/national/diplomacy/3"
    )
    herald = KoreaHeraldSpider()
    assert herald.next_listing_page("https://www.koreaherald.com/National/ForeignAffairs", 1) == (
        "https://www.koreaherald.com/National/ForeignAffairs?page=2"
    )
    assert herald.next_listing_page(
        "https://www.koreaherald.com/list.php?ct=020103000000&np=10&mp=1", 10
    ) == "https://www.koreaherald.com/list.php?ct=020103000000&np=11&mp=2"


def test_spider_arguments():
    spider = YonhapSpider(base_url="http://127.0.0.1:8801/", since="2023-01-01",
                          until="2023-02-01", max_articles="5", refresh="1")  # fmt: skip
    assert spider.origin == "http://127.0.0.1:8801"
    assert spider.allowed_domains == ["127.0.0.1"]
    assert (spider.since, spider.until) == (date(2023, 1, 1), date(2023, 2, 1))
    assert spider.max_articles == 5 and spider.refresh
    default = KoreaHeraldSpider()
    assert default.origin == "https://www.koreaherald.com"
    assert default.since is None and default.until is None  # no implicit date window
    with pytest.raises(ValueError, match="since"):
        YonhapSpider(since="last week")
    with pytest.raises(ValueError, match="base_url"):
        YonhapSpider(base_url="ftp://x")


def test_polite_defaults_in_settings():
    crawler = get_crawler(YonhapSpider, settings_dict=None)
    from scrapy.utils.project import get_project_settings

    settings = get_project_settings()
    assert settings.getbool("ROBOTSTXT_OBEY")
    assert settings.getbool("AUTOTHROTTLE_ENABLED")
    assert settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN") == 2
    assert "newscrawl" in settings.get("USER_AGENT") and "+http" in settings.get("USER_AGENT")
    assert settings.getint("DOWNLOAD_TIMEOUT") > 0
    assert 429 in settings.getlist("RETRY_HTTP_CODES")
    assert crawler is not None


def test_articles_stored_by_this_run_keep_the_listing_walk_going():
    """On a first crawl the feeds store the newest articles before a listing page is read: they
    must count as new there, or the walk would stop on page 1. Old articles still stop it."""
    import asyncio

    from newscrawl.discovery import Link

    crawler = get_crawler(YonhapSpider)
    spider = YonhapSpider.from_crawler(crawler)
    crawler.stats.open_spider()
    feed_item = "https://en.yna.co.kr/view/AEN20240305004151315"
    old_item = "https://en.yna.co.kr/view/AEN20220101000100315"
    spider.scheduled.add(feed_item)  # requested from a feed earlier in this run, now stored

    async def stored(urls):  # what PostgreSQL answers: both are stored by now
        return {feed_item, old_item} & set(urls)

    spider._known = stored
    _, fresh = asyncio.run(spider._article_requests([Link(feed_item)]))
    assert fresh == 1 and spider._next_page_wanted([Link(feed_item)], fresh)
    _, fresh = asyncio.run(spider._article_requests([Link(old_item)]))
    assert fresh == 0 and not spider._next_page_wanted([Link(old_item)], fresh)


def test_lookups_from_many_threads_share_one_index_of_stored_urls(database_url):
    """Discovery sources look URLs up from several threads at once: a second index opened by a
    race would be left unclosed and later fail its cleanup with a traceback in the crawl log."""
    import threading

    spider = YonhapSpider.from_crawler(get_crawler(YonhapSpider))
    start = threading.Barrier(8)
    opened = []

    def look_up() -> None:
        start.wait()
        opened.append(spider._seen_index())

    threads = [threading.Thread(target=look_up) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        assert len(opened) == 8 and len({id(index) for index in opened}) == 1
    finally:
        for index in {id(index): index for index in opened}.values():
            index.close()
