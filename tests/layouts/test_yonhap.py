"""Yonhap layout versions on fixture pages: one small test per field (City Scrapers style)."""

from datetime import datetime

from newscrawl.dates import KST
from tests.layouts.helpers import parsed

LEAD = "yonhap_2023_lead"


def test_layout_recognised():
    assert parsed(LEAD).layout == "yonhap-2023"
    assert parsed("yonhap_2024_writer_zone").layout == "yonhap-2024"


def test_source():
    assert parsed(LEAD).source == "yonhap"


def test_canonical_url_is_real_domain_without_tracking():
    assert parsed(LEAD).canonical_url == "https://en.yna.co.kr/view/AEN20240312002151315"


def test_canonical_url_from_replica_url():
    item = parsed("yonhap_2023_2nd_ld")
    assert item.url.startswith("http://127.0.0.1:4321/")
    assert item.canonical_url == "https://en.yna.co.kr/view/AEN20240312002152315"


def test_site_article_id():
    assert parsed(LEAD).site_article_id == "AEN20240312002151315"


def test_title_without_suffix_and_entities_decoded():
    title = parsed(LEAD).title
    assert title == "(LEAD) S. Korea, New Zealand agree to share fish stock data"
    assert "Yonhap News Agency" not in title and "&" not in title


def test_published_at_from_meta():
    assert parsed(LEAD).published_at == datetime(2024, 3, 12, 11, 40, 2, tzinfo=KST)


def test_modified_at_from_meta():
    assert parsed("yonhap_2023_2nd_ld").modified_at == datetime(2024, 3, 12, 17, 2, 10, tzinfo=KST)


def test_authors_from_byline_paragraph():
    assert parsed(LEAD).authors == ["Seo Min-ji"]


def test_two_authors_split():
    assert parsed("yonhap_2023_two_authors").authors == ["Yoo Jae-min", "Clara Han"]


def test_no_byline_no_authors():
    """The Korean desk name in meta[name=author] is not a byline."""
    assert parsed("yonhap_2023_price_list").authors == []


def test_authors_from_writer_zone():
    assert parsed("yonhap_2024_writer_zone").authors == ["Han Ji-su"]


def test_section():
    assert parsed(LEAD).section == "Politics"
    assert parsed("yonhap_2023_price_list").section == "Finance"


def test_tags_without_hash():
    assert parsed(LEAD).tags == ["New Zealand", "fisheries"]


def test_language():
    assert parsed(LEAD).language == "en"


def test_container_is_story_news():
    html = parsed(LEAD).container_html
    assert html.startswith('<article class="story-news">')
    assert "keyword-zone01" not in html and "title-article01" not in html


def test_raw_html_kept():
    assert "<html" in parsed(LEAD).raw_html


def test_field_sources_mark_site():
    assert parsed(LEAD).field_sources["title"] == "site"
