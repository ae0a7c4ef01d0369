"""Yonhap English (en.yna.co.kr) layout versions, newest first.

2023 (SITES.md §1.4, verified on real pages): `header.title-article01 > h1.tit`, the story in
`article.story-news` with the byline (and an optional "(ATTN: ...)" note) in its first `<p>`,
`article:*` meta, keywords in `div.keyword-zone01`. No NewsArticle JSON-LD.
2024+ (INFERRED from RSSHub): the same `article.story-news` container, the reporter in
`.writer-zone01 .tit-name`; the headline and date are read from meta first, so unknown header
markup does not matter.
"""

from __future__ import annotations

from parsel import Selector

from newscrawl.dates import parse_iso, parse_yonhap_visible
from newscrawl.items import ArticleItem
from newscrawl.parsing.blocks import paragraphs
from newscrawl.parsing.rules import split_attn
from newscrawl.parsing.text import byline_names, dedupe, one_line, split_authors
from newscrawl.sites.base import COMMON_DROP, LayoutVersion, fill_common, first_text, set_field

YONHAP_DROP = COMMON_DROP + (
    ".comp-box", ".photo-group", ".youtube-group", ".related-group", ".related-zone",
    "#moreArticleNews", ".keyword-zone01", ".writer-zone01", ".txt-copyright",
    ".aside-box01", ".ads-box", "[class*=ads-]",
)
YONHAP_CAPTIONS = ("figure.image-zone figcaption .txt-desc", ".photo-group figcaption .txt-desc")


def _tags(sel: Selector) -> list[str]:
    found = sel.css(
        "div.keyword-zone01 div.list a::text, .keyword-zone01 a::text, .keyword-zone a.tag::text"
    ).getall()
    return dedupe([one_line(t).lstrip("#").strip() for t in found])


def _lead_byline(container: Selector) -> list[str]:
    """The "By ..." line in the story's first paragraphs (after an optional ATTN note)."""
    html = container.get()
    for para in paragraphs(html, YONHAP_DROP)[:3]:
        for line in para.split("\n"):
            _note, rest = split_attn(line)
            names = byline_names(rest)
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
        set_field(item, "published_at", parse_yonhap_visible(visible))
        writers = [
            n for t in sel.css(".writer-zone01 .tit-name").xpath("string()").getall()
            for n in split_authors(t)
        ]
        set_field(item, "authors", dedupe(writers))
        story = sel.css("article.story-news")
        set_field(item, "authors", _lead_byline(story[0]))
        set_field(item, "tags", _tags(sel))


class Yonhap2023(LayoutVersion):
    """The 2023 design, verified on real pages."""

    name = "yonhap-2023"
    source = "yonhap"
    container_css = ("article.story-news",)
    drop_css = YONHAP_DROP
    caption_css = YONHAP_CAPTIONS

    def matches(self, sel: Selector) -> bool:
        return bool(sel.css("header.title-article01")) and bool(sel.css("article.story-news"))

    def parse(self, sel: Selector, item: ArticleItem) -> None:
        fill_common(sel, item)
        self.fill_container(sel, item)
        set_field(item, "title", first_text(sel, "header.title-article01 h1.tit"))
        set_field(item, "published_at", parse_yonhap_visible(
            first_text(sel, "header.title-article01 .info-con span.txt")
        ))
        set_field(item, "authors", _lead_byline(sel.css("article.story-news")[0]))
        set_field(item, "tags", _tags(sel))


LAYOUTS: tuple[LayoutVersion, ...] = (Yonhap2024(), Yonhap2023())
