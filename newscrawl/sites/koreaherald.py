"""The Korea Herald (koreaherald.com): everything newscrawl knows about it.

URLs: an article is `/article/N` (current) or `view.php?ud=` + 14 digits (older, also in the
2023 RSS form `?ud=/view.php?ud=...`); the `ud` number begins with the publication day. An old
`view.php` link may redirect to `/article/N`.

Discovery: RSS feeds (offsets "+09:00", "+0900" or GMT, honoured), the Foreign Affairs and
Diplomatic Circuit listings in both schemes: the current `/National/ForeignAffairs?page=N` and
the older `list.php?ct=...&np=N&mp=M` (mp is the group of ten pages); one that is gone is
skipped.

Layout versions, newest first (SITES.md §2.3):
D (Dec 2024 on): NewsArticle JSON-LD (KST times, maybe without offset), `article.article-body`,
photos in `figure.article-img`; byline and sub-headline markup INFERRED.
C (Aug 2023 - Dec 2024): `.news_title_area` (h1/h2 `.news_title`, `p.news_date`),
`.news_text_area` with `.text_box p` and `.img_caption`.
B (to Aug 2023): `h1.view_tit`, `h2.view_tit_sub`, `.view_tit_byline_l` / `_r`, `#articleText`.

Cleaning: a plain dateline ("SEOUL --"), and the printed stamp
"Published : Feb 14, 2023 - 10:12  Updated : ..." (KST, no zone) read as the dates.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from urllib.parse import SplitResult, parse_qsl, urlencode, urlsplit, urlunsplit

from parsel import Selector

from newscrawl.dates import build, month_number
from newscrawl.items import ArticleItem
from newscrawl.parsing.html import first_text, meta, set_field
from newscrawl.parsing.rules import SiteRules
from newscrawl.parsing.text import dedupe, looks_like_name, one_line
from newscrawl.sites.base import COMMON_DROP, LayoutVersion, Site, authors, fill_common, not_people

_ARTICLE_PATH = re.compile(r"^/article/(\d+)/?$")
_UD = re.compile(r"^\d{14}$")
# "Published : Feb 14, 2023 - 10:12" (eras B and C)
_STAMP = r"\s*:?\s*([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\s*-?\s*(\d{1,2}):(\d{2})"
_PUBLISHED = re.compile(r"Published" + _STAMP, re.IGNORECASE)
_UPDATED = re.compile(r"Updated" + _STAMP, re.IGNORECASE)
STAMP_LINE = re.compile(r"^\s*(?:Published|Updated)\s*:", re.IGNORECASE)
DATELINE = re.compile(
    r"^([A-Z][A-Z .'/&-]{1,40}(?:,\s+[A-Z][a-z]{2,9}\.?\s+\d{1,2})?(?:\s+\([^()]{2,40}\))?"
    r"\s*(?:--|—|–))\s"
)


def _stamp(m: re.Match[str] | None) -> datetime | None:
    if not m:
        return None
    mon, day, year, hour, minute = m.groups()
    month = month_number(mon)
    if month is None:
        return None
    return build(int(year), month, int(day), int(hour), int(minute))


def parse_published(text: str | None) -> tuple[datetime | None, datetime | None]:
    """(published, updated) from "Published : Feb 14, 2023 - 10:12  Updated : ...", as KST."""
    if not isinstance(text, str):
        return None, None
    text = text[:2000]
    return _stamp(_PUBLISHED.search(text)), _stamp(_UPDATED.search(text))


def _ud(query: str) -> str | None:
    for key, value in parse_qsl(query, keep_blank_values=True):
        if key != "ud":
            continue
        value = value.rsplit("ud=", 1)[-1]  # the RSS bug: ud=/view.php?ud=2023...
        value = value.split("&", 1)[0].strip()
        if _UD.match(value):
            return value
    return None


_SUBTITLE_GUESSES = (
    "h2.sub-title", ".sub-title", ".subtitle", ".sub_title", ".article-subtitle",
    ".article-head h2", ".article-header h2", "h2.news_title", "h2.view_tit_sub",
)
_BYLINE_GUESSES = (
    ".article-byline", ".byline", "[class*=byline]", ".writer", ".reporter", ".author",
    ".journalist", "[class*=journalist] .name", "[class*=reporter]",
)
_DATE_GUESSES = (".article-date", ".date", "[class*=date]", ".news_date", ".view_tit_byline_r")


def _byline(sel: Selector, *css: str) -> list[str]:
    """Authors from the first byline-looking node that yields names."""
    for query in css:
        for node in sel.css(query):
            names = authors(" ".join(node.css("::text").getall()))
            names = [n for n in names if looks_like_name(n)]
            if names:
                return names
    return []


def _meta_author(sel: Selector) -> list[str]:
    """`meta[name=author]` when it names a person, not the newspaper."""
    value = one_line(meta(sel, "author") or meta(sel, "article:author"))
    if not value or value.lower() in not_people() or value.startswith("http"):
        return []
    return [n for n in authors(value) if looks_like_name(n)]


def _stamps(sel: Selector, item: ArticleItem, *css: str) -> None:
    for query in css:
        text = " ".join(sel.css(query).xpath("string()").getall())
        published, updated = parse_published(text)
        set_field(item, "published_at", published)
        set_field(item, "modified_at", updated)
        if published:
            return


def _tags(sel: Selector) -> list[str]:
    found = sel.css(".article-tag a::text, .news_tag a::text, .tag_area a::text").getall()
    return dedupe([one_line(t).lstrip("#").strip() for t in found])


class KoreaHeraldD(LayoutVersion):
    name = "koreaherald-d"
    source = "koreaherald"
    container_css = ("article.article-body",)
    story_css = ("article.article-body > p",)
    drop_css = COMMON_DROP + (".article-photo-wrap", ".article-img", "[class*=ad-]")
    caption_css = ("figure.article-img figcaption", ".article-photo-wrap figcaption")
    caption_alt_css = ("figure.article-img img", ".article-photo-wrap img")
    byline_known = False

    def matches(self, sel: Selector) -> bool:
        return bool(sel.css("article.article-body"))

    def parse(self, sel: Selector, item: ArticleItem) -> None:
        fill_common(sel, item)
        self.fill_container(sel, item)
        set_field(item, "title", first_text(sel, "h1.news_title", ".article-head h1", "h1"))
        set_field(item, "subtitle", first_text(sel, *_SUBTITLE_GUESSES))
        set_field(item, "authors", _byline(sel, *_BYLINE_GUESSES))
        set_field(item, "authors", _meta_author(sel))
        _stamps(sel, item, *_DATE_GUESSES)
        set_field(item, "tags", _tags(sel))


class KoreaHeraldC(LayoutVersion):
    name = "koreaherald-c"
    source = "koreaherald"
    container_css = (".news_text_area",)
    story_css = (".text_box > p", ".text_box")
    drop_css = COMMON_DROP + (".img_caption", ".news_btn_wrap", ".news_journalist_area")
    caption_css = (".img_caption",)
    byline_known = False

    def matches(self, sel: Selector) -> bool:
        return bool(sel.css(".news_text_area")) or bool(sel.css(".news_title_area"))

    def parse(self, sel: Selector, item: ArticleItem) -> None:
        fill_common(sel, item)
        self.fill_container(sel, item)
        set_field(item, "title", first_text(sel, "h1.news_title"))
        set_field(item, "subtitle", first_text(sel, "h2.news_title"))
        _stamps(sel, item, "p.news_date", ".news_date")
        set_field(item, "authors", _byline(
            sel, ".news_title_area [class*=byline]", ".news_title_area [class*=writer]",
            ".news_title_area [class*=reporter]", ".news_journalist_area .name",
            ".news_journalist_area", "[class*=byline]",
        ))
        set_field(item, "authors", _meta_author(sel))
        set_field(item, "tags", _tags(sel))


class KoreaHeraldB(LayoutVersion):
    name = "koreaherald-b"
    source = "koreaherald"
    container_css = ("#articleText", ".view_con")
    story_css = ("#articleText", ".view_con", ".view_con_t")  # text and <br>s right in them
    drop_css = COMMON_DROP + (
        "#thumimage", ".view_tit_icon", ".main_r_tit", ".view_main_c_li", ".spot_li",
        ".khadv_bg", ".main_r", ".view_con_caption",
    )
    caption_css = (".view_con_caption",)

    def matches(self, sel: Selector) -> bool:
        return bool(sel.css("#articleText")) or bool(sel.css("h1.view_tit"))

    def parse(self, sel: Selector, item: ArticleItem) -> None:
        fill_common(sel, item)
        self.fill_container(sel, item)
        set_field(item, "title", first_text(sel, "h1.view_tit"))
        set_field(item, "subtitle", first_text(sel, "h2.view_tit_sub"))
        set_field(item, "authors", _byline(sel, ".view_tit_byline_l"))
        _stamps(sel, item, ".view_tit_byline_r", ".view_tit_byline")



class KoreaHerald(Site):
    name = "koreaherald"
    origin = "https://www.koreaherald.com"
    hosts = frozenset(
        {"www.koreaherald.com", "koreaherald.com", "m.koreaherald.com", "news.koreaherald.com"}
    )
    publisher_names = frozenset({
        "the korea herald", "korea herald", "herald corporation", "herald corp", "koreaherald",
        "koreaherald.com",
    })  # fmt: skip
    title_names = ("The Korea Herald", "Korea Herald")

    feeds = ("/rss/newsAll", "/rss/kh_National")
    listings = (
        "/National/ForeignAffairs",
        "/National/DiplomaticCircuit",
        "/list.php?ct=020103000000",
        "/list.php?ct=020112000000",
    )
    listing_containers = ("article.recent_news", "ul.news_list", ".main_sec_li", ".list_area")

    layouts = (KoreaHeraldD(), KoreaHeraldC(), KoreaHeraldB())
    rules = SiteRules(
        source="koreaherald", dateline=DATELINE, stamp_line=STAMP_LINE, read_stamp=parse_published
    )

    def article_id(self, parts: SplitResult) -> str | None:
        if m := _ARTICLE_PATH.match(parts.path):
            return m.group(1)
        if parts.path.rstrip("/").endswith("/view.php") or parts.path == "view.php":
            return _ud(parts.query)
        return None

    def article_url(self, article_id: str) -> str:
        if _UD.match(article_id):
            return f"{self.origin}/view.php?ud={article_id}"
        return f"{self.origin}/article/{article_id}"

    def url_for_id(self, text: str) -> str | None:
        """An article number (/article/N) or a 14-digit `ud`."""
        return self.article_url(text) if text.isdigit() and len(text) <= 14 else None

    def is_primary_form(self, canonical_url: str) -> bool:
        """The old `view.php?ud=` form may redirect to /article/N."""
        return "/view.php?" not in canonical_url

    def date_from_id(self, article_id: str) -> date | None:
        """A `ud` begins with the day; /article/N numbers carry no date."""
        if len(article_id) < 14:
            return None
        try:
            return date(int(article_id[:4]), int(article_id[4:6]), int(article_id[6:8]))
        except ValueError:
            return None

    def next_listing_page(self, url: str, page: int) -> str | None:
        parts = urlsplit(url)
        query = dict(parse_qsl(parts.query))
        nxt = page + 1
        if parts.path.endswith("list.php"):
            query.update(np=str(nxt), mp=str((nxt - 1) // 10 + 1))
        else:
            query["page"] = str(nxt)
        return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))


SITE = KoreaHerald()
