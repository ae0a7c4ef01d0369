"""The Korea Herald: everything it needs is in its site module."""

from newscrawl.sites import koreaherald
from spiders.base import NewsSpider


class KoreaHeraldSpider(NewsSpider):
    site = koreaherald.SITE
