"""Structural checks on the real pages in ../shared (read at test time, never copied).

They check properties a careful reader would, without embedding any of the pages' text: the
title is og:title minus the suffix, every story paragraph is in the body and nothing else is,
captions are captions, bylines are authors.
"""

from __future__ import annotations

import html
import re

import pytest
from parsel import Selector

from newscrawl.dates import parse_iso
from newscrawl.parsing.text import HANGUL, one_line
from tests.layouts.helpers import SHARED, extract_html

YONHAP = sorted((SHARED / "reference" / "yonhap-2023").glob("*.html"))
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
DATELINE = re.compile(r"^[A-Z][A-Za-z .'/&-]+, [A-Z][a-z]+\.? \d{1,2} \(Yonhap\) --")

pytestmark = pytest.mark.skipif(not YONHAP, reason="../shared/reference not present")


def _load(path):
    text = path.read_text(encoding="utf-8")
    sel = Selector(text=text)
    canonical = sel.css("link[rel=canonical]::attr(href)").get()
    item = extract_html(text, canonical.replace("https://en.yna.co.kr", "http://127.0.0.1:8"))
    return sel, item


@pytest.fixture(params=YONHAP, ids=lambda p: p.stem[-6:])
def real(request):
    return _load(request.param)


def test_recognised_as_2023(real):
    _sel, item = real
    assert item.layout == "yonhap-2023"
    assert not item.problems


def test_canonical_is_declared(real):
    sel, item = real
    assert item.canonical_url == sel.css("link[rel=canonical]::attr(href)").get()
    assert item.site_article_id == sel.css('meta[property="yna:content_id"]::attr(content)').get()


def test_title_is_og_title_without_suffix(real):
    sel, item = real
    og = html.unescape(sel.css('meta[property="og:title"]::attr(content)').get())
    assert og.endswith(" | Yonhap News Agency")
    assert item.title == og.removesuffix(" | Yonhap News Agency")


def test_published_matches_meta(real):
    sel, item = real
    meta = sel.css('meta[property="article:published_time"]::attr(content)').get()
    assert item.published_at == parse_iso(meta)


def test_body_has_no_end_mark_or_email(real):
    _sel, item = real
    assert "(END)" not in item.body
    assert not EMAIL.search(item.body)


def test_body_has_no_caption_and_captions_found(real):
    sel, item = real
    nodes = sel.css("figure.image-zone .txt-desc")
    captions = [one_line(t) for t in nodes.xpath("string()").getall()]
    captions = list(dict.fromkeys(c for c in captions if c))  # same photo text twice: once
    assert item.captions == captions
    for caption in captions:
        assert caption not in item.body


def test_every_story_paragraph_in_body(real):
    sel, item = real
    for p in sel.css("article.story-news > p"):
        for line in p.xpath(".//text()").getall():
            line = one_line(line)
            skip = line.startswith(("(ATTN", "By ", "(END)", "(MORE)")) or EMAIL.fullmatch(line)
            if not line or skip:
                continue
            assert line in item.body


def test_nothing_outside_the_story(real):
    sel, item = real
    outside = sel.css(".related-group a::text, .keyword-zone01 a::text, .right-area a::text")
    for text in outside.getall():
        text = one_line(text)
        if len(text) > 25:
            assert text not in item.body


def test_dateline_when_present(real):
    sel, item = real
    story = " ".join(sel.css("article.story-news > p").xpath("string()").getall())
    if "(Yonhap) --" in story:
        assert DATELINE.match(item.body)
        assert item.dateline and item.body.startswith(item.dateline)
    else:
        assert item.dateline is None


def test_editor_note_when_present(real):
    sel, item = real
    first = one_line(sel.css("article.story-news > p").xpath("string()").get())
    if first.startswith("(ATTN"):
        assert item.editor_note.startswith("(ATTN:") and item.editor_note.endswith(")")
        assert "ATTN" not in item.body
    else:
        assert item.editor_note is None


def test_authors_are_the_english_byline(real):
    sel, item = real
    lines = [one_line(x) for x in sel.css("article.story-news > p")[0].xpath(".//text()").getall()]
    byline = next((x for x in lines if x.startswith("By ")), None)
    if byline is None:
        assert item.authors == []
    else:
        assert item.authors and all(a in byline for a in item.authors)
    assert not any(HANGUL.search(a) for a in item.authors)


def test_tags_from_keywords(real):
    sel, item = real
    links = sel.css("div.keyword-zone01 div.list a::text").getall()
    tags = [one_line(t).lstrip("#") for t in links]
    assert item.tags == tags


def test_korea_herald_homepage_is_not_an_article():
    path = SHARED / "reference" / "koreaherald" / "homepage-2018-excerpt.html"
    if not path.exists():
        pytest.skip("no Korea Herald excerpt")
    item = extract_html(path.read_text(encoding="utf-8"), "https://www.koreaherald.com/")
    assert item.layout is None
    assert item.incomplete
