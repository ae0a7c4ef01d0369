"""The cleaning: site rules one field at a time, fallbacks, bad input, worker safety."""

from __future__ import annotations

import logging
import pickle
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime

import pytest

from newscrawl import sites
from newscrawl.cleaning import clean_article
from newscrawl.dates import KST
from newscrawl.extract import parse_page
from newscrawl.items import ArticleItem
from newscrawl.parsing.rules import drop_contact_lines
from newscrawl.sites.yonhap import SITE as YONHAP
from tests.layouts.helpers import expected, extracted, page

URL = "https://en.yna.co.kr/view/AEN20240312002151315"


def test_editor_note():
    assert extracted("yonhap_2023_lead").editor_note.startswith("(ATTN: ADDS")


def test_editor_note_not_in_body():
    assert "ATTN" not in extracted("yonhap_2023_lead").body


def test_byline_not_in_body():
    assert "By Seo" not in extracted("yonhap_2023_lead").body


def test_dateline_stored_and_kept_in_body():
    item = extracted("yonhap_2023_lead")
    assert item.dateline == "SEOUL, March 12 (Yonhap) --"
    assert item.body.startswith("SEOUL, March 12 (Yonhap) -- South Korea")


def test_email_and_end_removed():
    body = extracted("yonhap_2023_two_authors").body
    assert "@" not in body and "(END)" not in body


def test_captions_out_of_body():
    item = extracted("yonhap_2023_2nd_ld")
    assert len(item.captions) == 3
    assert all(c not in item.body for c in item.captions)


def test_empty_caption_ignored():
    assert extracted("yonhap_2023_original").captions == []


def test_embed_related_keywords_dropped():
    body = extracted("yonhap_2023_2nd_ld").body
    junk_texts = ("Youtube", "youtu.be", "Related Articles", "Keywords", "Most Liked", "#fish")
    for junk in junk_texts:
        assert junk not in body


def test_inline_links_keep_their_text():
    assert "signed last year to expand" in extracted("yonhap_2023_2nd_ld").body


def test_price_list_lines_kept_more_mark_dropped():
    body = extracted("yonhap_2023_price_list").body
    assert body.count("\n") == 7 and "(MORE)" not in body


def test_paragraphs_joined_by_blank_line():
    assert extracted("yonhap_2023_original").body.count("\n\n") == 3


def test_kh_byline_published_subtitle_captions():
    item = extracted("koreaherald_seed_shape")
    assert item.authors == ["Yonhap"]
    assert item.published_at == datetime(2023, 2, 14, 10, 12, tzinfo=KST)
    assert item.captions and item.captions[0] not in item.body


def test_kh_chrome_dropped():
    body = extracted("koreaherald_seed_shape").body
    junk_texts = ("MOST POPULAR", "LATEST NEWS", "PRIVACY STATEMENT", "Foreign Affairs",
                  "Copyright")
    for junk in junk_texts:
        assert junk not in body


def test_kh_email_line_removed():
    assert "heraldcorp" not in extracted("koreaherald_c").body
    assert "heraldcorp" not in extracted("koreaherald_d").body


def test_kh_img_alt_used_when_no_figcaption():
    assert extracted("koreaherald_d").captions[0].startswith("Coast guard chiefs")


def test_unknown_layout_filled_by_trafilatura():
    item = extracted("unknown_layout")
    assert item.layout is None
    assert item.field_sources["body"] == "trafilatura"
    assert item.field_sources["title"] == "page"  # the page's own og:title, read generically
    assert item.title == expected("unknown_layout")["title"]
    assert item.published_at == datetime(2025, 6, 1, 11, 20, tzinfo=KST)
    assert item.authors == ["Yu Ha-na"] and "hana@" not in item.body


def test_field_sources_site():
    item = extracted("yonhap_2023_lead")
    assert item.field_sources["body"] == "site"
    assert item.field_sources["editor_note"] == "site"


def test_missing_title_falls_back_to_trafilatura():
    html = page("yonhap_2023_original").replace('property="og:title"', 'property="og:x"')
    html = html.replace('<h1 class="tit" data-cid="">', '<h1 class="tit-x">')
    item = clean_article(parse_page(URL, html))
    assert item.title == "S. Korea, New Zealand agree to share fish stock data"
    assert item.field_sources["title"] == "trafilatura"


def test_container_without_paragraph_markup_still_gives_the_body_flagged():
    """Paragraph markup gone from a known container: trafilatura finds no text in it, so the
    layout's reading stands, and the article says the two extractors disagree."""
    item = parse_page(URL, page("yonhap_2023_lead"))
    item.container_html = item.container_html.replace("<p>", "<span>").replace("</p>", "</span>")
    item.container_html = item.container_html.replace("<br/>", " ")
    clean_article(item)
    assert "South Korea" in item.body
    assert any(p.startswith("extractors_disagree") for p in item.problems)


def test_implausible_date_replaced_and_reported():
    html = page("yonhap_2023_lead").replace("2024-03-12T11:40:02", "1970-01-01T00:00:00")
    item = clean_article(parse_page(URL, html))
    assert any(p.startswith("implausible_date") for p in item.problems)


def test_language_korean_text():
    text = "한국과 일본은 오늘 서울에서 회담을 열었다. " * 20
    html = f"<html><body><article><p>{text}</p></article></body></html>"
    item = ArticleItem(url=URL, source="yonhap", raw_html=html)
    assert clean_article(item).language == "ko"


def test_rules_by_contrast_is_not_a_byline():
    item = ArticleItem()
    out = YONHAP.rules.apply(
        ["By contrast, exports rose 3 percent.", "More text."], item, sites.publisher_names()
    )
    assert item.authors == [] and out[0].startswith("By contrast")


def test_contact_lines():
    assert drop_contact_lines(["Text.", "a@b.co.kr b@c.com\n(END)"]) == ["Text."]
    assert drop_contact_lines(["Last words. a@b.co.kr (END)"]) == ["Last words."]


BAD = {
    "empty": "",
    "binary": "\x00\x01\x02\x03PNG\x00" * 2000,
    "truncated": page("yonhap_2023_lead")[:5200],
    "replacement": "\ufffd" * 5000,
    "huge": "<html><body>" + "<p>word word word</p>" * 400_000 + "</body></html>",
    "nested": "<html><body>" + "<div>" * 3000 + "<p>deep text</p>" + "</div>" * 3000,
}


@pytest.mark.parametrize("kind", sorted(BAD))
def test_bad_input_flagged_never_raises(kind, caplog):
    caplog.set_level(logging.WARNING)
    item = clean_article(parse_page(URL, BAD[kind]))
    assert item.incomplete
    assert item.problems


def test_truncated_page_problem():
    item = clean_article(parse_page(URL, BAD["truncated"]))
    assert any(p.startswith("truncated_html") for p in item.problems)


def test_clean_article_is_picklable_and_runs_in_a_worker():
    item = parse_page(URL, page("yonhap_2023_lead"))
    assert pickle.loads(pickle.dumps(clean_article))
    with ProcessPoolExecutor(max_workers=1) as pool:
        done = pool.submit(clean_article, item).result()
    assert done.body == extracted("yonhap_2023_lead").body
