"""Yonhap News Agency, English edition: RSS feeds, diplomacy/politics listings, news sitemap."""

from __future__ import annotations

import re

from newscrawl.urls import YONHAP, YONHAP_ORIGIN
from spiders.base import NewsSpider

_PAGE_SUFFIX = re.compile(r"/(\d+)$")


class YonhapSpider(NewsSpider):
    name = YONHAP
    real_origin = YONHAP_ORIGIN
    feeds = ("/RSS/news.xml", "/RSS/national.xml", "/RSS/nk.xml")
    listings = ("/national/diplomacy", "/national/politics")
    sitemaps = ("/news-sitemap.xml",)
    listing_containers = (".smain-list-type01", ".list-type038", "section.sub-section")

    def next_listing_page(self, url: str, page: int) -> str | None:
        """Listings page by path: /national/diplomacy, /national/diplomacy/2, ..."""
        base = _PAGE_SUFFIX.sub("", url.split("?", 1)[0].rstrip("/"))
        return f"{base}/{page + 1}"
