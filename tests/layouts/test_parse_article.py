"""The entry point: source inference, unknown layouts, bad input, JSON-LD leniency."""

import pytest
from parsel import Selector

from newscrawl.extract import infer_source, parse_page
from newscrawl.parsing import jsonld
from newscrawl.parsing.text import byline_names
from newscrawl.sites import layout_by_name, publisher_names
from newscrawl.sites.base import authors, headline
from tests.layouts.helpers import page, parsed


def test_unknown_layout_yields_item():
    item = parsed("unknown_layout")
    assert item.layout is None
    assert item.raw_html and item.container_html is None
    assert item.canonical_url == "https://en.yna.co.kr/view/AEN20250601000900315"
    assert item.source == "yonhap"


def test_source_inferred_from_canonical_when_url_is_not_an_article():
    html = page("koreaherald_d")
    assert infer_source("http://127.0.0.1:9/some/page", html) == "koreaherald"


def test_explicit_source_wins():
    item = parse_page("http://127.0.0.1:9/x", page("koreaherald_c"), source="koreaherald")
    assert item.layout == "koreaherald-c"
    assert item.canonical_url == "https://www.koreaherald.com/view.php?ud=20240403050611"


def test_layout_by_name():
    assert layout_by_name("yonhap-2023").source == "yonhap"
    assert layout_by_name(None) is None


@pytest.mark.parametrize("html", ["", "   ", "\x00\x01\x02" * 100, "<html><body><p>x"])
def test_bad_input_never_raises(html):
    item = parse_page("https://en.yna.co.kr/view/AEN20240312002100315", html)
    assert item.site_article_id == "AEN20240312002100315"


def test_empty_page_is_a_problem():
    assert parse_page("https://en.yna.co.kr/view/AEN20240312002100315", "").problems


def test_deeply_nested_page():
    html = "<html><body>" + "<div>" * 5000 + "<p>deep</p>" + "</div>" * 5000 + "</body></html>"
    item = parse_page("https://www.koreaherald.com/article/1", html)
    assert item.layout is None


def test_jsonld_with_comments_and_trailing_commas():
    sel = Selector(text="""<script type="application/ld+json">
    {"@type": "NewsArticle", "headline": "A // not a comment", // a comment
     "author": [{"name": "Kim A"}, {"name": "Lee B"},],}</script>""")
    art = jsonld.article(sel)
    assert art["headline"] == "A // not a comment"
    assert jsonld.names_of(art["author"]) == ["Kim A", "Lee B"]


def test_jsonld_graph_and_garbage():
    sel = Selector(text="""<script type="application/ld+json">{oops</script>
    <script type="application/ld+json">{"@graph": [{"@type": "WebSite"},
    {"@type": ["NewsArticle"], "headline": "G"}]}</script>""")
    assert jsonld.article(sel)["headline"] == "G"


def test_headline_without_site_suffix():
    assert headline("A &amp; B | Yonhap News Agency") == "A & B"
    assert headline("Talks end - The Korea Herald") == "Talks end"
    assert headline("Seoul-Tokyo talks") == "Seoul-Tokyo talks"


def test_byline_names():
    assert byline_names("By Kim A-young, Lee Bo-ra and John Smith", publisher_names()) == [
        "Kim A-young", "Lee Bo-ra", "John Smith"]
    assert byline_names("By Yonhap", publisher_names()) == ["Yonhap"]
    assert byline_names("By contrast, the ministry said Monday.", publisher_names()) is None
    assert byline_names("By Monday, all ships had left", publisher_names()) is None
    assert byline_names("Seoul said", publisher_names()) is None


def test_authors_drop_publisher_and_email():
    assert authors("By Kim A (kima@heraldcorp.com)") == ["Kim A"]
    assert authors("The Korea Herald") == []
