"""The Korea Herald (koreaherald.com), one small test per thing (City Scrapers style).

Identity (hosts, both URL schemes, canonical URLs), discovery on fixtures in the site's own
shapes (tests/fixtures/sites/koreaherald: RSS newsAll, the current ForeignAffairs listing and
the older list.php listing), the printed date stamp and dateline, and the fields of
`page_to_article` on tests/fixtures/pages/koreaherald_*.html that
tests/layouts/test_koreaherald.py does not check.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path

import pytest

from newscrawl import sites
from newscrawl.dates import KST
from newscrawl.discovery import Link, parse_feed, parse_listing
from newscrawl.sites import koreaherald
from tests.layouts.helpers import extracted, parsed

SITE = koreaherald.SITE
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "sites" / "koreaherald"
ORIGIN = "https://www.koreaherald.com"
NUMBER = "10451234"  # era D /article/N
UD = "20230816000412"  # eras B/C view.php?ud=


def _text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


@cache
def feed() -> tuple[Link, ...]:
    """The RSS fixture read the way the spider reads /rss/newsAll."""
    links = parse_feed(_text("newsAll.xml"), SITE.feed_date, f"{ORIGIN}/rss/newsAll")
    assert links is not None
    return tuple(links)


@cache
def listing_d() -> tuple[Link, ...]:
    """The current (era D) Foreign Affairs listing."""
    base = f"{ORIGIN}/National/ForeignAffairs"
    return tuple(parse_listing(_text("ForeignAffairs.html"), base, SITE.listing_containers))


@cache
def listing_bc() -> tuple[Link, ...]:
    """The older (era B/C) list.php listing."""
    base = f"{ORIGIN}/list.php?ct=020103000000"
    return tuple(parse_listing(_text("list.php.html"), base, SITE.listing_containers))


def _kst(*args: int) -> datetime:
    return datetime(*args, tzinfo=KST)


def _canonical(links: tuple[Link, ...]) -> list[str]:
    return [sites.canonicalize(link.url) for link in links]


# -- hosts and registry -------------------------------------------------------------------


@pytest.mark.parametrize(
    "host", ["www.koreaherald.com", "koreaherald.com", "m.koreaherald.com", "news.koreaherald.com"]
)
def test_site_of_each_host(host: str) -> None:
    """Every host the site's pages appear on belongs to the Korea Herald."""
    assert sites.site_of(f"https://{host}/article/{NUMBER}") == "koreaherald"


@pytest.mark.parametrize("url", ["https://biz.heraldcorp.com/", "https://kpopherald.com/",
                                 "https://en.yna.co.kr/view/AEN20240618004351315"])
def test_site_of_other_hosts(url: str) -> None:
    """Sister sites of Herald Corp and Yonhap are not this site."""
    assert sites.site_of(url) != "koreaherald"


def test_registered_with_its_rules() -> None:
    """The registry lists the site and hands out its dateline and stamp rules."""
    rules = sites.rules_for("koreaherald")
    assert sites.get("koreaherald") is SITE
    assert rules.dateline is koreaherald.DATELINE
    assert rules.read_stamp is koreaherald.parse_published


def test_not_a_wire_agency() -> None:
    """The Korea Herald reprints, it is not reprinted."""
    assert "koreaherald" not in sites.wire_agencies()


# -- article IDs and canonical URLs -------------------------------------------------------


@pytest.mark.parametrize("url", [
    f"{ORIGIN}/article/{NUMBER}",
    f"http://m.koreaherald.com/article/{NUMBER}",
    f"https://koreaherald.com/article/{NUMBER}/",
    f"/article/{NUMBER}",
    f"http://127.0.0.1:8802/article/{NUMBER}?utm_source=x",
])
def test_article_id_of_article_path(url: str) -> None:
    """The current /article/N form, on any host."""
    assert sites.article_id(url) == ("koreaherald", NUMBER)


@pytest.mark.parametrize("url", [
    f"{ORIGIN}/view.php?ud={UD}",
    f"http://news.koreaherald.com/view.php?ud={UD}&np=1&mpv=0",
    f"{ORIGIN}/view.php?ud=/view.php?ud={UD}",
    f"/view.php?ud={UD}",
    f"http://koreaherald.com/view.php?ct=020103000000&ud={UD}",
])
def test_article_id_of_view_php(url: str) -> None:
    """The older view.php?ud= form, including the 2023 RSS bug form."""
    assert sites.article_id(url) == ("koreaherald", UD)


@pytest.mark.parametrize("url", [
    f"{ORIGIN}/article/", f"{ORIGIN}/article/abc", f"{ORIGIN}/view.php?ud=2023081600041",
    f"{ORIGIN}/view.php?ct=020103000000", f"{ORIGIN}/list.php?ct=020103000000",
    f"{ORIGIN}/National/ForeignAffairs",
])
def test_not_article_urls(url: str) -> None:
    """Listings, empty and malformed IDs are no article."""
    assert sites.article_id(url) is None


def test_article_url_of_number() -> None:
    """An era D number's canonical URL is /article/N."""
    assert sites.article_url("koreaherald", NUMBER) == f"{ORIGIN}/article/{NUMBER}"


def test_article_url_of_ud() -> None:
    """A ud's canonical URL is view.php?ud=."""
    assert sites.article_url("koreaherald", UD) == f"{ORIGIN}/view.php?ud={UD}"


def test_canonical_of_mobile_http_with_tracking() -> None:
    """Mobile host, http and utm_ parameters all go."""
    canonical = sites.canonicalize(f"http://m.koreaherald.com/article/{NUMBER}?utm_source=fb")
    assert canonical == f"{ORIGIN}/article/{NUMBER}"


def test_canonical_of_rss_bug_link() -> None:
    """view.php?ud=/view.php?ud=... becomes the plain view.php?ud= URL."""
    canonical = sites.canonicalize(f"{ORIGIN}/view.php?ud=/view.php?ud={UD}")
    assert canonical == f"{ORIGIN}/view.php?ud={UD}"


def test_canonical_drops_listing_params_of_view_php() -> None:
    """&np=1&mpv=0 (and another host) do not make another article."""
    canonical = sites.canonicalize(f"http://news.koreaherald.com/view.php?ud={UD}&np=1&mpv=0")
    assert canonical == f"{ORIGIN}/view.php?ud={UD}"


def test_canonical_of_listing_keeps_paging() -> None:
    """A list.php URL keeps ct, np and mp; mpv goes; the host becomes www over https."""
    url = "http://koreaherald.com/list.php?ct=020103000000&np=2&mp=1&mpv=0"
    assert sites.canonicalize(url) == f"{ORIGIN}/list.php?ct=020103000000&np=2&mp=1"


def test_canonical_is_idempotent() -> None:
    """Canonicalizing twice changes nothing."""
    once = sites.canonicalize(f"http://m.koreaherald.com/view.php?ud=/view.php?ud={UD}")
    assert sites.canonicalize(once) == once


def test_view_php_is_not_primary() -> None:
    """An old view.php URL may redirect to /article/N."""
    assert not sites.is_primary_form(f"{ORIGIN}/view.php?ud={UD}")


def test_article_path_is_primary() -> None:
    """/article/N is the current form."""
    assert sites.is_primary_form(f"{ORIGIN}/article/{NUMBER}")


# -- dates and stories ----------------------------------------------------------------------


def test_date_from_ud() -> None:
    """A ud begins with the KST publication day."""
    assert sites.date_from_id("koreaherald", UD) == date(2023, 8, 16)


def test_no_date_from_article_number() -> None:
    """Era D numbers encode no day."""
    assert sites.date_from_id("koreaherald", NUMBER) is None


def test_no_date_from_impossible_ud() -> None:
    """A ud with month 13 encodes no day."""
    assert sites.date_from_id("koreaherald", "20231316000412") is None


def test_story_key_is_the_article() -> None:
    """Each article is its own story."""
    assert sites.story_key("koreaherald", NUMBER, "") == f"koreaherald:{NUMBER}"


def test_story_keys_of_two_articles_differ() -> None:
    """Two articles never share a story key."""
    assert sites.story_key("koreaherald", NUMBER, "") != sites.story_key("koreaherald", UD, "")


def test_story_key_without_id_is_the_url() -> None:
    """With no ID, the canonical URL keys the story."""
    url = f"{ORIGIN}/article/{NUMBER}"
    assert sites.story_key("koreaherald", None, url) == f"koreaherald:{url}"


@pytest.mark.parametrize("article", [NUMBER, UD])
def test_version_rank_is_zero(article: str) -> None:
    """IDs say nothing about versions."""
    assert sites.version_rank("koreaherald", article) == 0


# -- listing pagination ---------------------------------------------------------------------


def test_next_page_current_listing() -> None:
    """/National/ForeignAffairs pages with ?page=N."""
    url = SITE.next_listing_page(f"{ORIGIN}/National/ForeignAffairs", 1)
    assert url == f"{ORIGIN}/National/ForeignAffairs?page=2"


def test_next_page_current_listing_keeps_other_params() -> None:
    """&pageTop=true stays; the page number is replaced."""
    url = SITE.next_listing_page(f"{ORIGIN}/National/ForeignAffairs?page=3&pageTop=true", 3)
    assert url == f"{ORIGIN}/National/ForeignAffairs?page=4&pageTop=true"


@pytest.mark.parametrize(("page", "np", "mp"), [(1, 2, 1), (9, 10, 1), (10, 11, 2), (20, 21, 3)])
def test_next_page_list_php(page: int, np: int, mp: int) -> None:
    """list.php pages with np, and mp is the group of ten pages (ceil(np / 10))."""
    url = SITE.next_listing_page(f"{ORIGIN}/list.php?ct=020103000000&np={page}", page)
    assert url == f"{ORIGIN}/list.php?ct=020103000000&np={np}&mp={mp}"


def test_next_page_keeps_host() -> None:
    """news.koreaherald.com listings page on their own host."""
    url = SITE.next_listing_page("https://news.koreaherald.com/list.php?ct=020600000000", 1)
    assert url == "https://news.koreaherald.com/list.php?ct=020600000000&np=2&mp=1"


def test_configured_sources() -> None:
    """Feeds and both listing schemes of Foreign Affairs and Diplomatic Circuit."""
    assert "/rss/newsAll" in SITE.feeds
    assert "/National/ForeignAffairs" in SITE.listings
    assert "/list.php?ct=020103000000" in SITE.listings
    assert "/list.php?ct=020112000000" in SITE.listings


# -- RSS feed -------------------------------------------------------------------------------


def test_feed_link_count() -> None:
    """Every item becomes one link; the channel's own link does not."""
    assert len(feed()) == 4


def test_feed_canonical_urls() -> None:
    """/article/N links as they are; the bug link repaired."""
    assert _canonical(feed()) == [
        f"{ORIGIN}/article/10451234", f"{ORIGIN}/article/10451101",
        f"{ORIGIN}/article/10450977", f"{ORIGIN}/view.php?ud={UD}",
    ]


def test_feed_dates_honour_offsets() -> None:
    """"+09:00", "+0900" and "GMT" are all honoured."""
    assert [link.published for link in feed()] == [
        _kst(2025, 3, 11, 14, 5), _kst(2025, 3, 11, 11, 30, 12),
        _kst(2025, 3, 11, 10, 15), _kst(2023, 8, 16, 17, 40),
    ]


def test_feed_gmt_date_is_utc() -> None:
    """"01:15:00 GMT" stays 01:15 UTC (unlike Yonhap, the offset is trusted)."""
    assert feed()[2].published.astimezone(UTC) == datetime(2025, 3, 11, 1, 15, tzinfo=UTC)


def test_feed_titles_decode_entities_in_cdata() -> None:
    """&#8217;, &amp; and &quot; inside CDATA come out as characters."""
    assert [link.title for link in feed()][:3] == [
        "Korea\u2019s vice FM, Vietnamese deputy minister agree on coast guard hotline",
        "FM meets Gulf envoys on energy & shipping routes",
        'Seoul, Canberra to hold "2+2" talks on supply chains',
    ]


@pytest.mark.parametrize("stamp", [
    "Tue, 11 Mar 2025 14:05:00 +09:00", "Tue, 11 Mar 2025 14:05:00 +0900",
    "Tue, 11 Mar 2025 05:05:00 GMT", "Tue, 11 Mar 2025 14:05:00",
    "Tue, 11 Mar 2025 07:05:00 +02:00",
])
def test_feed_date_reader(stamp: str) -> None:
    """Every offset form gives the same instant; no offset means KST."""
    assert SITE.feed_date(stamp) == _kst(2025, 3, 11, 14, 5)


# -- current listing (era D) ----------------------------------------------------------------


def test_listing_d_links_in_page_order() -> None:
    """The five list items, in page order."""
    assert _canonical(listing_d()) == [
        f"{ORIGIN}/article/10451234", f"{ORIGIN}/article/10451101", f"{ORIGIN}/article/10450977",
        f"{ORIGIN}/article/10449530", f"{ORIGIN}/article/10448862",
    ]


def test_listing_d_ignores_navigation_paging_footer() -> None:
    """Section, paging, login and footer links are no article links."""
    urls = " ".join(link.url for link in listing_d())
    for junk in ("/National", "page=", "/Company/", "emember", "/rss"):
        assert junk not in urls


def test_listing_d_ignores_side_box() -> None:
    """'Most Popular' articles are not this section's."""
    urls = " ".join(link.url for link in listing_d())
    assert "10447001" not in urls and "10446120" not in urls


def test_listing_d_dates() -> None:
    """Each item's printed date and time, as KST."""
    assert [link.published for link in listing_d()] == [
        _kst(2025, 3, 11, 14, 5), _kst(2025, 3, 11, 11, 30), _kst(2025, 3, 11, 10, 15),
        _kst(2025, 3, 10, 18, 47), _kst(2025, 3, 10, 9, 2),
    ]


def test_listing_d_titles_are_headlines() -> None:
    """The link title is the p.news_title headline only."""
    assert listing_d()[1].title == "FM meets Gulf envoys on energy & shipping routes"


# -- older listing (list.php, eras B/C) -----------------------------------------------------


def test_listing_bc_links_in_page_order() -> None:
    """The five list items, in page order, &np=1&mpv=0 dropped in the canonical form."""
    assert _canonical(listing_bc()) == [
        f"{ORIGIN}/view.php?ud=20241120050311", f"{ORIGIN}/view.php?ud=20241120050187",
        f"{ORIGIN}/view.php?ud=20241119050944", f"{ORIGIN}/view.php?ud=20241118050402",
        f"{ORIGIN}/view.php?ud=20241115050077",
    ]


def test_listing_bc_links_absolute() -> None:
    """Relative /view.php links are made absolute on the page's host."""
    assert listing_bc()[0].url == f"{ORIGIN}/view.php?ud=20241120050311"


def test_listing_bc_ignores_reporter_menu_paging() -> None:
    """Reporter, menu, sister-site and paging links are no article links."""
    urls = " ".join(link.url for link in listing_bc())
    for junk in ("list_reporter", "list.php", "heraldcorp", "theinvestor", "/company/"):
        assert junk not in urls


def test_listing_bc_ignores_side_box() -> None:
    """The 'Most Popular' box beside the list is not the section's."""
    urls = " ".join(link.url for link in listing_bc())
    assert "20241120050500" not in urls and "20241119050020" not in urls


def test_listing_bc_dates() -> None:
    """AP-style dates ("Nov. 20, 2024") are the KST day, at midnight."""
    assert [link.published for link in listing_bc()] == [
        _kst(2024, 11, 20), _kst(2024, 11, 20), _kst(2024, 11, 19), _kst(2024, 11, 18),
        _kst(2024, 11, 15),
    ]


def test_listing_bc_dates_agree_with_ids() -> None:
    """The printed day is the day the ud encodes."""
    for link in listing_bc():
        found = sites.article_id(link.url)
        assert found is not None
        assert link.published.date() == sites.date_from_id(*found)


# -- printed date stamp and dateline --------------------------------------------------------


def test_published_and_updated() -> None:
    """Both stamps of "Published : ... Updated : ...", as KST."""
    text = "Published : Mar 11, 2025 - 14:05\u00a0\u00a0\u00a0 Updated : Mar 11, 2025 - 16:20"
    expected = (_kst(2025, 3, 11, 14, 5), _kst(2025, 3, 11, 16, 20))
    assert koreaherald.parse_published(text) == expected


def test_published_only() -> None:
    """No Updated stamp gives None for it; one-digit hours and "Sept" read."""
    text = "Published : Sept 21, 2023 - 9:05"
    assert koreaherald.parse_published(text) == (_kst(2023, 9, 21, 9, 5), None)


def test_published_ap_style() -> None:
    """"Published: Dec. 4, 2024 - 14:53" (no space before the colon, AP month)."""
    assert koreaherald.parse_published("Published: Dec. 4, 2024 - 14:53")[0] == _kst(
        2024, 12, 4, 14, 53
    )


def test_updated_first_still_read() -> None:
    """The order of the two stamps does not matter."""
    text = "Updated : Aug 16, 2023 - 19:05 Published : Aug 16, 2023 - 17:40"
    expected = (_kst(2023, 8, 16, 17, 40), _kst(2023, 8, 16, 19, 5))
    assert koreaherald.parse_published(text) == expected


@pytest.mark.parametrize("text", ["", None, "Published by the foreign ministry",
                                  "Published : Foo 11, 2025 - 14:05"])
def test_published_rejects(text: str | None) -> None:
    """No stamp, or an unknown month, gives (None, None)."""
    assert koreaherald.parse_published(text) == (None, None)


@pytest.mark.parametrize(("line", "is_stamp"), [
    ("Published : Mar 11, 2025 - 14:05", True), ("  Updated: Mar 11, 2025 - 16:20", True),
    ("Published reports say the talks went well.", False),
])
def test_stamp_line(line: str, is_stamp: bool) -> None:
    """Only the date-stamp line is a stamp line."""
    assert bool(koreaherald.STAMP_LINE.match(line)) is is_stamp


@pytest.mark.parametrize(("text", "expected"), [
    ("SEOUL -- Vice foreign ministers met", "SEOUL --"),
    ("NEW YORK -- The envoy said", "NEW YORK --"),
    ("SEOUL, March 11 (Yonhap) -- South Korea", "SEOUL, March 11 (Yonhap) --"),
    ("WASHINGTON \u2014 The allies", "WASHINGTON \u2014"),
])
def test_dateline(text: str, expected: str) -> None:
    """A capitalised place, optionally with day and agency, then a dash."""
    match = koreaherald.DATELINE.match(text)
    assert match is not None and match.group(1) == expected


@pytest.mark.parametrize("text", ["Seoul -- mixed case", "SEOUL --no space after the dash",
                                  "The ministry -- officials said", "South Korea and Chile"])
def test_not_a_dateline(text: str) -> None:
    """Mixed-case places, sentences and a dash without a following space are no dateline."""
    assert koreaherald.DATELINE.match(text) is None


# -- page_to_article on the page fixtures (fields test_koreaherald.py in layouts leaves out) --


def test_page_dateline() -> None:
    """The era B reprint's plain dateline."""
    assert extracted("koreaherald_seed_shape").dateline == "WASHINGTON --"


def test_page_no_dateline() -> None:
    """Stories that open without one have none."""
    assert extracted("koreaherald_d").dateline is None
    assert extracted("koreaherald_c").dateline is None


def test_page_no_editor_note() -> None:
    """The Korea Herald writes no "(ATTN: ...)" notes."""
    assert extracted("koreaherald_b").editor_note is None


def test_page_body_first_paragraph() -> None:
    """The body opens with the story, not the byline or the stamp."""
    first = extracted("koreaherald_b").body.split("\n\n")[0]
    assert first.startswith("South Korea and Indonesia agreed Tuesday to speed up work")


def test_page_body_first_paragraph_keeps_dateline() -> None:
    """A dateline is stored and stays in the body."""
    first = extracted("koreaherald_seed_shape").body.split("\n\n")[0]
    assert first.startswith("WASHINGTON -- Vice foreign ministers of South Korea and Canada")


def test_page_body_last_paragraph() -> None:
    """The era C story ends before the journalist box."""
    last = extracted("koreaherald_c").body.split("\n\n")[-1]
    assert last == "The first meeting is expected to be held in Canberra."


def test_page_body_last_paragraph_without_email() -> None:
    """The era D reporter's e-mail line is not the last paragraph."""
    last = extracted("koreaherald_d").body.split("\n\n")[-1]
    assert last == "Officials said the hotline would be tested in a joint exercise later this year."


@pytest.mark.parametrize(("name", "count"), [
    ("koreaherald_b", 5), ("koreaherald_c", 5), ("koreaherald_d", 5),
    ("koreaherald_seed_shape", 6),
])
def test_page_body_paragraph_count(name: str, count: int) -> None:
    """Story paragraphs only, in each era."""
    assert len(extracted(name).body.split("\n\n")) == count


def test_page_body_without_byline_stamp_subtitle() -> None:
    """Byline, printed stamp and sub-headline are fields, not body text."""
    body = extracted("koreaherald_b").body
    assert "Lim Ye-jin" not in body and "Published" not in body
    assert "Defense chiefs settle" not in body


@pytest.mark.parametrize("name", ["koreaherald_b", "koreaherald_c", "koreaherald_d",
                                  "koreaherald_seed_shape"])
def test_page_captions_count(name: str) -> None:
    """One photo, one caption, in each era."""
    assert len(extracted(name).captions) == 1


def test_page_caption_text_era_c() -> None:
    """The .img_caption text, credit included."""
    assert extracted("koreaherald_c").captions == [
        "Foreign ministry officials of South Korea and Australia pose for a photo in Seoul on "
        "Wednesday. (Ministry of Foreign Affairs)"
    ]


def test_page_caption_text_era_b() -> None:
    """The .view_con_caption text."""
    caption = extracted("koreaherald_b").captions[0]
    assert caption.startswith("Defense ministers of South Korea and Indonesia shake hands")


def test_page_no_section_before_era_d() -> None:
    """Eras B and C state no section in the page."""
    assert extracted("koreaherald_b").section is None
    assert extracted("koreaherald_c").section is None


def test_page_no_tags() -> None:
    """None of the fixtures carries tags."""
    assert extracted("koreaherald_d").tags == []


def test_page_language() -> None:
    """English pages."""
    assert extracted("koreaherald_c").language == "en"


def test_page_no_problems() -> None:
    """Well-formed pages are complete."""
    assert extracted("koreaherald_d").problems == []


@pytest.mark.parametrize(("name", "pair"), [
    ("koreaherald_b", ["ID", "KR"]), ("koreaherald_c", ["AU", "KR"]),
    ("koreaherald_d", ["KR", "PH"]), ("koreaherald_seed_shape", ["CA", "KR"]),
])
def test_page_topic_pairs_are_a_list(name: str, pair: list[str]) -> None:
    """Each fixture is about South Korea and one other country."""
    topic = extracted(name).topic
    assert topic is not None and topic["bilateral"] is True
    assert topic["pairs"] == [pair]


# -- layout versions on the fixture pages: one field per test ------------------------------


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
