"""The Korea Herald layout versions, newest first (SITES.md §2.3).

D (Dec 2024 on): NewsArticle JSON-LD (KST times, maybe without offset), `article.article-body`,
photos in `figure.article-img`; byline and sub-headline markup INFERRED.
C (Aug 2023 - Dec 2024): `.news_title_area` (h1/h2 `.news_title`, `p.news_date`),
`.news_text_area` with `.text_box p` and `.img_caption`.
B (to Aug 2023): `h1.view_tit`, `h2.view_tit_sub`, `.view_tit_byline_l` / `_r`, `#articleText`.
"""

from __future__ import annotations

from parsel import Selector

from newscrawl.dates import parse_kh_published
from newscrawl.items import ArticleItem
from newscrawl.parsing.text import (
    PUBLISHER_NAMES,
    dedupe,
    looks_like_name,
    one_line,
    split_authors,
)
from newscrawl.sites.base import (
    COMMON_DROP,
    LayoutVersion,
    fill_common,
    first_text,
    meta,
    set_field,
)

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
            names = split_authors(" ".join(node.css("::text").getall()))
            names = [n for n in names if looks_like_name(n)]
            if names:
                return names
    return []


def _meta_author(sel: Selector) -> list[str]:
    """`meta[name=author]` when it names a person, not the newspaper."""
    value = one_line(meta(sel, "author") or meta(sel, "article:author"))
    if not value or value.lower() in PUBLISHER_NAMES or value.startswith("http"):
        return []
    return [n for n in split_authors(value) if looks_like_name(n)]


def _stamps(sel: Selector, item: ArticleItem, *css: str) -> None:
    for query in css:
        text = " ".join(sel.css(query).xpath("string()").getall())
        published, updated = parse_kh_published(text)
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


LAYOUTS: tuple[LayoutVersion, ...] = (KoreaHeraldD(), KoreaHeraldC(), KoreaHeraldB())
