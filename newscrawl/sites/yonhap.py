"""Yonhap News Agency, English edition (en.yna.co.kr): everything newscrawl knows about it.

URLs: an article is `/view/AEN` + 17 digits on any of its hosts (also embedded in the legacy
`english.yonhapnews.co.kr` paths). The ID encodes the day, the story and the version:
`AEN20231005001200315` is story 0012 of Oct. 5 at desk code 315, and the two digits after the
serial are 00 for the first take, 51 for the (LEAD), 52 for the (2nd LD)... so the updates of a
story share a key without guessing from the text.

Discovery: RSS feeds (whose `pubDate` is KST wall-clock time under a wrong or missing offset),
the diplomacy and politics listings (paged by path: `/national/diplomacy/2`), the news sitemap.

Layout versions, newest first:
2024+ (INFERRED from RSSHub): the same `article.story-news` container, the reporter in
`.writer-zone01 .tit-name`; the headline and date are read from meta first, so unknown header
markup does not matter.
2023 (SITES.md §1.4, verified on real pages): `header.title-article01 > h1.tit`, the story in
`article.story-news` with the byline (and an optional "(ATTN: ...)" note) in its first `<p>`,
`article:*` meta, keywords in `div.keyword-zone01`. No NewsArticle JSON-LD.

Cleaning: the dateline "SEOUL, Oct. 5 (Yonhap) --" opens the story.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from urllib.parse import SplitResult

from parsel import Selector

from newscrawl.dates import build, month_number, parse_iso
from newscrawl.items import ArticleItem
from newscrawl.parsing.blocks import read_container
from newscrawl.parsing.html import first_text, meta, set_field
from newscrawl.parsing.rules import SiteRules, split_attn
from newscrawl.parsing.text import byline_names, dedupe, one_line
from newscrawl.sites.base import COMMON_DROP, LayoutVersion, Site, authors, fill_common, not_people

ARTICLE_ID = re.compile(r"AEN\d{17}")
_VIEW_PATH = re.compile(r"/view/(AEN\d{17})(?![0-9])")
# The legacy domain embeds the ID: /summary/2017/09/07/23/1500000000AEN20170907007100315F.html
_LEGACY_PATH = re.compile(r"/\d{10}(AEN\d{17})F\.html$")
# story serial (group 1), version (group 2), desk code (group 3)
_ID_PARTS = re.compile(r"^(AEN\d{8}\d{4})(\d{2})(\d{3})$")
_PAGE_SUFFIX = re.compile(r"/(\d+)$")
# "14:53 April 19, 2023" (the 2023 header's `.info-con span.txt`)
_VISIBLE_STAMP = re.compile(r"(\d{1,2}):(\d{2})\s+([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})")
DATELINE = re.compile(
    r"^([A-Z][A-Za-z .'/&-]{1,60}?,\s+[A-Z][a-z]{2,9}\.?\s+\d{1,2}\s+\([^()]{2,40}\)\s*(?:--|—|–))"
)


def parse_visible_stamp(text: str | None) -> datetime | None:
    """Yonhap's visible stamp "14:53 April 19, 2023" (KST), found anywhere in the text."""
    if not isinstance(text, str):
        return None
    m = _VISIBLE_STAMP.search(text[:2000])
    if not m:
        return None
    hour, minute, mon, day, year = m.groups()
    month = month_number(mon)
    if month is None:
        return None
    return build(int(year), month, int(day), int(hour), int(minute))


YONHAP_DROP = COMMON_DROP + (
    ".comp-box", ".photo-group", ".youtube-group", ".related-group", ".related-zone",
    "#moreArticleNews", ".keyword-zone01", ".writer-zone01", ".txt-copyright",
    ".aside-box01", ".ads-box", "[class*=ads-]",
)
YONHAP_STORY = ("article.story-news > p",)
YONHAP_CAPTIONS = ("figure.image-zone figcaption .txt-desc", ".photo-group figcaption .txt-desc")


def _tags(sel: Selector) -> list[str]:
    found = sel.css(
        "div.keyword-zone01 div.list a::text, .keyword-zone01 a::text, .keyword-zone a.tag::text"
    ).getall()
    return dedupe([one_line(t).lstrip("#").strip() for t in found])


def _lead_byline(container: Selector, layout: LayoutVersion) -> list[str]:
    """The "By ..." line in the story's first paragraphs (after an optional ATTN note).

    Read as the cleaning will read the container (same arguments: one parse, cached)."""
    read = read_container(container.get(), layout.drop_css, layout.drop_xpath, layout.story_css)
    for para in [block.text for block in read.blocks[:3]]:
        for line in para.split("\n"):
            _note, rest = split_attn(line)
            names = byline_names(rest, not_people())
            if names:
                return names
        if any(not split_attn(line)[0] for line in para.split("\n")):
            break
    return []


class Yonhap2024(LayoutVersion):
    """The newer design (INFERRED): story container kept, reporter in `.writer-zone01`."""

    name = "yonhap-2024"
    source = "yonhap"
    container_css = ("article.story-news",)
    drop_css = YONHAP_DROP
    story_css = YONHAP_STORY
    caption_css = YONHAP_CAPTIONS
    byline_known = False

    def matches(self, sel: Selector) -> bool:
        if not sel.css("article.story-news"):
            return False
        return bool(sel.css(".writer-zone01")) or not sel.css("header.title-article01")

    def parse(self, sel: Selector, item: ArticleItem) -> None:
        fill_common(sel, item)
        self.fill_container(sel, item)
        set_field(item, "title", first_text(sel, "h1.tit01", "h1.tit", ".title-article01 h1", "h1"))
        set_field(item, "published_at", parse_iso(
            sel.css(".update-time::attr(data-published-time)").get()
        ))
        visible = first_text(sel, ".info-con", ".txt-time")
        set_field(item, "published_at", parse_visible_stamp(visible))
        writers = [
            n for t in sel.css(".writer-zone01 .tit-name").xpath("string()").getall()
            for n in authors(t)
        ]
        set_field(item, "authors", dedupe(writers))
        story = sel.css("article.story-news")
        set_field(item, "authors", _lead_byline(story[0], self))
        set_field(item, "tags", _tags(sel))


class Yonhap2023(LayoutVersion):
    """The 2023 design, verified on real pages."""

    name = "yonhap-2023"
    source = "yonhap"
    container_css = ("article.story-news",)
    drop_css = YONHAP_DROP
    story_css = YONHAP_STORY
    caption_css = YONHAP_CAPTIONS

    def matches(self, sel: Selector) -> bool:
        return bool(sel.css("header.title-article01")) and bool(sel.css("article.story-news"))

    def parse(self, sel: Selector, item: ArticleItem) -> None:
        fill_common(sel, item)
        self.fill_container(sel, item)
        set_field(item, "title", first_text(sel, "header.title-article01 h1.tit"))
        set_field(item, "published_at", parse_visible_stamp(
            first_text(sel, "header.title-article01 .info-con span.txt")
        ))
        set_field(item, "authors", _lead_byline(sel.css("article.story-news")[0], self))
        set_field(item, "tags", _tags(sel))



class Yonhap(Site):
    name = "yonhap"
    origin = "https://en.yna.co.kr"
    hosts = frozenset({"en.yna.co.kr", "m-en.yna.co.kr", "english.yonhapnews.co.kr"})
    publisher_names = frozenset({"yonhap news agency", "yonhap news", "yonhapnews", "en.yna.co.kr"})
    title_names = ("Yonhap News Agency", "Yonhap News", "Yonhap")
    feed_offsets_trusted = False
    wire_agency = True  # The Korea Herald runs its stories "By Yonhap"

    feeds = ("/RSS/news.xml", "/RSS/national.xml", "/RSS/nk.xml")
    listings = ("/national/diplomacy", "/national/politics")
    sitemaps = ("/news-sitemap.xml",)
    listing_containers = (".smain-list-type01", ".list-type038", "section.sub-section")

    layouts = (Yonhap2024(), Yonhap2023())
    rules = SiteRules(source="yonhap", dateline=DATELINE)

    def article_id(self, parts: SplitResult) -> str | None:
        m = _VIEW_PATH.search(parts.path) or _LEGACY_PATH.search(parts.path)
        return m.group(1) if m else None

    def article_url(self, article_id: str) -> str:
        return f"{self.origin}/view/{article_id}"

    def url_for_id(self, text: str) -> str | None:
        return self.article_url(text.upper()) if ARTICLE_ID.fullmatch(text.upper()) else None

    def date_from_id(self, article_id: str) -> date | None:
        digits = article_id[3:11]
        try:
            return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
        except ValueError:
            return None

    def story_key(self, article_id: str) -> str | None:
        m = _ID_PARTS.match(article_id)
        return f"{self.name}:{m.group(1)}{m.group(3)}" if m else None

    def version_rank(self, article_id: str) -> int:
        m = _ID_PARTS.match(article_id)
        if not m:
            return 0
        suffix = int(m.group(2))
        return suffix - 50 if 51 <= suffix <= 99 else 0

    def id_from_page(self, sel: Selector) -> str | None:
        content_id = meta(sel, "yna:content_id")
        return content_id if content_id and ARTICLE_ID.fullmatch(content_id) else None

    def next_listing_page(self, url: str, page: int) -> str | None:
        """Listings page by path: /national/diplomacy, /national/diplomacy/2, ..."""
        base = _PAGE_SUFFIX.sub("", url.split("?", 1)[0].rstrip("/"))
        return f"{base}/{page + 1}"


SITE = Yonhap()
