"""The Korea Herald: RSS feeds and the Foreign Affairs / Diplomatic Circuit listings.

Both listing schemes are tried: the current `/National/ForeignAffairs?page=N` and the older
`list.php?ct=...&np=N&mp=M` (mp is the group of ten pages); one that is gone is skipped.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from newscrawl.urls import KOREAHERALD, KOREAHERALD_ORIGIN
from spiders.base import NewsSpider


class KoreaHeraldSpider(NewsSpider):
    name = KOREAHERALD
    real_origin = KOREAHERALD_ORIGIN
    feeds = ("/rss/newsAll", "/rss/kh_National")
    listings = (
        "/National/ForeignAffairs",
        "/National/DiplomaticCircuit",
        "/list.php?ct=020103000000",
        "/list.php?ct=020112000000",
    )
    listing_containers = ("article.recent_news", "ul.news_list", ".main_sec_li", ".list_area")

    def next_listing_page(self, url: str, page: int) -> str | None:
        parts = urlsplit(url)
        query = dict(parse_qsl(parts.query))
        nxt = page + 1
        if parts.path.endswith("list.php"):
            query.update(np=str(nxt), mp=str((nxt - 1) // 10 + 1))
        else:
            query["page"] = str(nxt)
        return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))
