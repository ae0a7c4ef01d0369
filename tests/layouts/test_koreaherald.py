"""Korea Herald layout eras B, C, D on fixture pages: one small test per field."""

from datetime import datetime

from newscrawl.dates import KST
from tests.layouts.helpers import parsed


def test_era_d_recognised():
    assert parsed("koreaherald_d").layout == "koreaherald-d"


def test_era_c_recognised():
    assert parsed("koreaherald_c").layout == "koreaherald-c"


def test_era_b_recognised():
    assert parsed("koreaherald_b").layout == "koreaherald-b"
    assert parsed("koreaherald_seed_shape").layout == "koreaherald-b"


def test_canonical_article_number_from_mobile_url():
    assert parsed("koreaherald_d").canonical_url == "https://www.koreaherald.com/article/10523456"


def test_canonical_view_php():
    item = parsed("koreaherald_seed_shape")
    assert item.canonical_url == "https://www.koreaherald.com/view.php?ud=20230214000777"
    assert item.site_article_id == "20230214000777"


def test_era_d_title_from_json_ld():
    assert parsed("koreaherald_d").title == "Seoul, Manila agree to expand coast guard cooperation"


def test_era_d_published_kst_without_offset():
    assert parsed("koreaherald_d").published_at == datetime(2025, 3, 11, 14, 5, tzinfo=KST)


def test_era_d_modified():
    assert parsed("koreaherald_d").modified_at == datetime(2025, 3, 11, 16, 20, tzinfo=KST)


def test_era_d_author_from_json_ld():
    assert parsed("koreaherald_d").authors == ["Choi Ha-eun"]


def test_era_d_section():
    assert parsed("koreaherald_d").section == "National"


def test_era_d_subtitle():
    assert parsed("koreaherald_d").subtitle.startswith("Korea to donate two patrol boats")


def test_era_c_title_and_subtitle():
    item = parsed("koreaherald_c")
    assert item.title == "S. Korea, Australia to launch economic security dialogue"
    assert item.subtitle == "Foreign, trade officials to meet on minerals, hydrogen, chips"


def test_era_c_dates_from_news_date():
    item = parsed("koreaherald_c")
    assert item.published_at == datetime(2024, 4, 3, 15, 30, tzinfo=KST)
    assert item.modified_at == datetime(2024, 4, 3, 18, 2, tzinfo=KST)


def test_era_c_author():
    assert parsed("koreaherald_c").authors == ["Noh Seung-woo"]


def test_era_b_title_without_suffix():
    assert parsed("koreaherald_b").title == "Seoul, Jakarta agree to speed up joint fighter program"


def test_era_b_subtitle():
    assert parsed("koreaherald_b").subtitle.startswith("Defense chiefs settle")


def test_era_b_byline():
    assert parsed("koreaherald_b").authors == ["Lim Ye-jin"]


def test_era_b_by_yonhap():
    assert parsed("koreaherald_seed_shape").authors == ["Yonhap"]


def test_era_b_published_and_updated_kst():
    item = parsed("koreaherald_b")
    assert item.published_at == datetime(2023, 1, 10, 17, 48, tzinfo=KST)
    assert item.modified_at == datetime(2023, 1, 10, 19, 5, tzinfo=KST)


def test_containers():
    era_b = parsed("koreaherald_b").container_html
    assert era_b.startswith('<div class="view_con_t" id="articleText"')
    assert parsed("koreaherald_c").container_html.startswith('<div class="news_text_area"')
    assert parsed("koreaherald_d").container_html.startswith('<article class="article-body"')
