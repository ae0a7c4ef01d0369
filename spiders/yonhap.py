"""Yonhap News Agency, English edition: everything it needs is in its site module."""

from newscrawl.sites import yonhap
from spiders.base import NewsSpider


class YonhapSpider(NewsSpider):
    site = yonhap.SITE
