"""Yonhap English (en.yna.co.kr), one small test per thing (City Scrapers style).

Identity (hosts, IDs, canonical URLs, story versions), discovery on fixtures in the site's own
shapes (tests/fixtures/sites/yonhap: RSS, diplomacy listing, news sitemap), the visible date
stamp and dateline, and the fields of `page_to_article` on tests/fixtures/pages/yonhap_*.html
that tests/layouts/test_yonhap.py does not check.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path

import pytest
from parsel import Selector

from newscrawl import sites
from newscrawl.dates import KST
from newscrawl.discovery import Link, parse_feed, parse_listing, parse_sitemap
from newscrawl.extract import page_to_article
from newscrawl.items import FetchedPage
from newscrawl.sites import yonhap
from tests.layouts.helpers import expected, extracted, page, parsed

SITE = yonhap.SITE
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "sites" / "yonhap"
LEAD_ID = "AEN20240618004351315"  # (LEAD) of story 0043, desk code 315
ORIGINAL_ID = "AEN20240618004300315"
SECOND_LD_ID = "AEN20240618004352315"


def _text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


@cache
def feed() -> tuple[Link, ...]:
    """The RSS fixture read the way the spider reads /RSS/news.xml."""
    links = parse_feed(_text("news.xml"), SITE.feed_date, "https://en.yna.co.kr/RSS/news.xml")
    assert links is not None
    return tuple(links)


@cache
def listing() -> tuple[Link, ...]:
    """The diplomacy listing fixture, read with the site's listing containers."""
    base = "https://en.yna.co.kr/national/diplomacy"
    return tuple(parse_listing(_text("diplomacy.html"), base, SITE.listing_containers))


@cache
def sitemap() -> tuple[Link, ...]:
    """The Google News sitemap fixture."""
    links = parse_sitemap(_text("news-sitemap.xml"), "https://en.yna.co.kr/news-sitemap.xml")
    assert links is not None
    return tuple(links)


def _kst(*args: int) -> datetime:
    return datetime(*args, tzinfo=KST)


# -- hosts and registry -------------------------------------------------------------------


@pytest.mark.parametrize("host", ["en.yna.co.kr", "m-en.yna.co.kr", "english.yonhapnews.co.kr"])
def test_site_of_each_host(host: str) -> None:
    """Every host the site's articles appear on belongs to Yonhap."""
    assert sites.site_of(f"https://{host}/view/{LEAD_ID}") == "yonhap"


def test_site_of_ignores_case_and_port() -> None:
    """Hosts compare lower-case, without the port."""
    assert sites.site_of(f"HTTPS://EN.YNA.CO.KR:443/view/{LEAD_ID}") == "yonhap"


@pytest.mark.parametrize("url", ["https://www.yna.co.kr/view/AKR20240618004351881",
                                 "https://cn.yna.co.kr/", "https://www.koreaherald.com/"])
def test_site_of_other_hosts(url: str) -> None:
    """The Korean and Chinese editions are not this site."""
    assert sites.site_of(url) != "yonhap"


def test_registered_with_its_rules() -> None:
    """The registry lists the site and hands out its dateline rule."""
    assert sites.get("yonhap") is SITE
    assert sites.rules_for("yonhap").dateline is yonhap.DATELINE


def test_is_a_wire_agency() -> None:
    """Other sites reprint Yonhap: its article is the original of a copy."""
    assert "yonhap" in sites.wire_agencies()


# -- article IDs and canonical URLs -------------------------------------------------------


@pytest.mark.parametrize("url", [
    f"https://en.yna.co.kr/view/{LEAD_ID}",
    f"https://m-en.yna.co.kr/view/{LEAD_ID}",
    f"http://en.yna.co.kr/view/{LEAD_ID}?section=news&input=rss",
    f"//en.yna.co.kr/view/{LEAD_ID}",
    f"/view/{LEAD_ID}",
    f"https://en.yna.co.kr/view/{LEAD_ID}/",
    f"http://127.0.0.1:8801/view/{LEAD_ID}?input=fb",
])
def test_article_id_of_each_url_form(url: str) -> None:
    """Every form of the /view/<ID> URL yields the same ID."""
    assert sites.article_id(url) == ("yonhap", LEAD_ID)


def test_article_id_of_legacy_url() -> None:
    """The pre-2018 domain embeds the ID in its .html path."""
    url = ("http://english.yonhapnews.co.kr/national/2016/05/12/0301000000"
           "AEN20160512004200315F.html")
    assert sites.article_id(url) == ("yonhap", "AEN20160512004200315")


@pytest.mark.parametrize("url", [
    "https://en.yna.co.kr/view/AEN2024061800435131",  # 16 digits
    "https://en.yna.co.kr/view/AEN202406180043513150",  # 18 digits
    "https://en.yna.co.kr/national/diplomacy",
    "https://en.yna.co.kr/national/diplomacy/2",
    "https://www.yna.co.kr/view/AKR20240618004351881",
])
def test_not_article_urls(url: str) -> None:
    """Listings, malformed IDs and the Korean edition are no article."""
    assert sites.article_id(url) is None


def test_article_url() -> None:
    """An ID's canonical URL is on en.yna.co.kr over https."""
    assert sites.article_url("yonhap", LEAD_ID) == f"https://en.yna.co.kr/view/{LEAD_ID}"


def test_canonical_drops_tracking() -> None:
    """?section=...&input=... from feeds and share buttons goes."""
    url = f"https://en.yna.co.kr/view/{LEAD_ID}?section=national/diplomacy&input=rss"
    assert sites.canonicalize(url) == f"https://en.yna.co.kr/view/{LEAD_ID}"


def test_canonical_of_mobile_host() -> None:
    """The mobile host maps to the desktop host."""
    canonical = sites.canonicalize(f"https://m-en.yna.co.kr/view/{LEAD_ID}?input=fb")
    assert canonical == f"https://en.yna.co.kr/view/{LEAD_ID}"


def test_canonical_upgrades_http_and_drops_fragment() -> None:
    """http becomes https; the fragment goes."""
    canonical = sites.canonicalize(f"http://en.yna.co.kr/view/{LEAD_ID}#comments")
    assert canonical == f"https://en.yna.co.kr/view/{LEAD_ID}"


def test_canonical_of_legacy_url() -> None:
    """An old english.yonhapnews.co.kr URL becomes the /view/<ID> URL."""
    url = ("http://english.yonhapnews.co.kr/national/2016/05/12/0301000000"
           "AEN20160512004200315F.html")
    assert sites.canonicalize(url) == "https://en.yna.co.kr/view/AEN20160512004200315"


def test_canonical_of_listing_url() -> None:
    """A non-article URL of the site keeps its path on the site's own host."""
    canonical = sites.canonicalize("http://m-en.yna.co.kr/national/diplomacy?input=rss")
    assert canonical == "https://en.yna.co.kr/national/diplomacy"


def test_canonical_is_idempotent() -> None:
    """Canonicalizing twice changes nothing."""
    once = sites.canonicalize(f"//m-en.yna.co.kr/view/{LEAD_ID}?section=news&input=rss")
    assert sites.canonicalize(once) == once


def test_every_url_form_is_primary() -> None:
    """Yonhap has no old URL form that redirects elsewhere."""
    assert sites.is_primary_form(f"https://en.yna.co.kr/view/{LEAD_ID}")


def test_id_from_page_meta() -> None:
    """yna:content_id names the article when the URL does not."""
    sel = Selector(text=f'<meta property="yna:content_id" content="{LEAD_ID}">')
    assert SITE.id_from_page(sel) == LEAD_ID


# -- dates and story versions encoded in IDs ------------------------------------------------


def test_date_from_id() -> None:
    """The 8 digits after AEN are the KST publication day."""
    assert sites.date_from_id("yonhap", LEAD_ID) == date(2024, 6, 18)


def test_date_from_id_impossible_day() -> None:
    """An ID with no real day encodes none."""
    assert sites.date_from_id("yonhap", "AEN20241345004351315") is None


@pytest.mark.parametrize("article", [ORIGINAL_ID, LEAD_ID, SECOND_LD_ID])
def test_story_key_shared_by_versions(article: str) -> None:
    """The original (00), the LEAD (51) and the 2nd LD (52) share one story key."""
    key = sites.story_key("yonhap", article, sites.article_url("yonhap", article))
    assert key == "yonhap:AEN202406180043315"


def test_story_key_differs_by_serial() -> None:
    """Another story number of the same day is another story."""
    other = "AEN20240618004451315"
    assert sites.story_key("yonhap", other, "") != sites.story_key("yonhap", LEAD_ID, "")


def test_story_key_differs_by_desk_code() -> None:
    """The 3-digit tail is part of the key."""
    other = "AEN20240618004351320"
    assert sites.story_key("yonhap", other, "") != sites.story_key("yonhap", LEAD_ID, "")


@pytest.mark.parametrize(("article", "rank"), [
    (ORIGINAL_ID, 0), (LEAD_ID, 1), (SECOND_LD_ID, 2), ("AEN20240618004353315", 3),
])
def test_version_rank(article: str, rank: int) -> None:
    """00 is the original, 51 the (LEAD), 52 the (2nd LD), 53 the (3rd LD)."""
    assert sites.version_rank("yonhap", article) == rank


def test_version_rank_without_id() -> None:
    """No ID says nothing about the version."""
    assert sites.version_rank("yonhap", None) == 0


# -- listing pagination ---------------------------------------------------------------------


def test_next_listing_page_from_first() -> None:
    """Page 1 has no suffix; page 2 is /2."""
    url = SITE.next_listing_page("https://en.yna.co.kr/national/diplomacy", 1)
    assert url == "https://en.yna.co.kr/national/diplomacy/2"


def test_next_listing_page_replaces_number() -> None:
    """The page number in the path is replaced, not appended to."""
    url = SITE.next_listing_page("https://en.yna.co.kr/national/diplomacy/9/", 9)
    assert url == "https://en.yna.co.kr/national/diplomacy/10"


def test_next_listing_page_drops_query() -> None:
    """Paging is by path only."""
    url = SITE.next_listing_page("https://en.yna.co.kr/national/politics?site=nav#top", 1)
    assert url == "https://en.yna.co.kr/national/politics/2"


def test_configured_sources() -> None:
    """The feeds, listings and sitemap the spider starts from (SITES.md 1.2)."""
    assert "/RSS/news.xml" in SITE.feeds
    assert SITE.listings == ("/national/diplomacy", "/national/politics")
    assert SITE.sitemaps == ("/news-sitemap.xml",)


# -- RSS feed -------------------------------------------------------------------------------


def test_feed_link_count() -> None:
    """Every item becomes one link; the channel's own link and image do not."""
    assert len(feed()) == 4


def test_feed_canonical_urls() -> None:
    """Tracking parameters of the feed links go in the canonical form."""
    assert [sites.canonicalize(link.url) for link in feed()] == [
        f"https://en.yna.co.kr/view/{LEAD_ID}",
        f"https://en.yna.co.kr/view/{ORIGINAL_ID}",
        "https://en.yna.co.kr/view/AEN20240618003900320",
        "https://en.yna.co.kr/view/AEN20240618001652325",
    ]


def test_feed_links_as_found() -> None:
    """The link is kept as the feed wrote it (entities decoded) until canonicalized."""
    assert feed()[0].url == f"https://en.yna.co.kr/view/{LEAD_ID}?section=news&input=rss"


def test_feed_dates_are_kst_wall_clock() -> None:
    """Whatever offset pubDate states (+0000, GMT, none), its clock is KST."""
    assert [link.published for link in feed()] == [
        _kst(2024, 6, 18, 16, 42, 7), _kst(2024, 6, 18, 15, 10, 33),
        _kst(2024, 6, 18, 14, 5), _kst(2024, 6, 18, 9, 31, 45),
    ]


def test_feed_wrong_offset_not_honoured() -> None:
    """"16:42:07 +0000" is 07:42:07 UTC, not 16:42:07 UTC."""
    assert feed()[0].published.astimezone(UTC) == datetime(2024, 6, 18, 7, 42, 7, tzinfo=UTC)


def test_feed_dates_are_aware() -> None:
    """Every feed date carries the +09:00 offset."""
    assert {link.published.utcoffset().total_seconds() for link in feed()} == {9 * 3600}


def test_feed_titles_decoded() -> None:
    """&amp; and &apos; in titles come out as characters."""
    titles = [link.title for link in feed()]
    assert titles[2] == "Seoul, Gulf bloc resume trade talks on energy & shipping"
    assert titles[3].endswith("Norway's minister visits")


def test_feed_title_keeps_version_tag() -> None:
    """The (LEAD) tag stays in the title: it is part of the headline."""
    assert feed()[0].title.startswith("(LEAD) Vice FM Ahn")


@pytest.mark.parametrize("stamp", [
    "Tue, 18 Jun 2024 16:42:07 +0000", "Tue, 18 Jun 2024 16:42:07 GMT",
    "Tue, 18 Jun 2024 16:42:07 +0900", "Tue, 18 Jun 2024 16:42:07",
    "18 Jun 2024 16:42:07 +09:00",
])
def test_feed_date_reader(stamp: str) -> None:
    """The site's pubDate reader gives the same KST time for every offset form."""
    assert SITE.feed_date(stamp) == _kst(2024, 6, 18, 16, 42, 7)


# -- listing page ---------------------------------------------------------------------------


def test_listing_links_in_page_order() -> None:
    """The five list items, in page order, each once (thumbnail and headline share a link)."""
    assert [sites.canonicalize(link.url) for link in listing()] == [
        f"https://en.yna.co.kr/view/{LEAD_ID}",
        "https://en.yna.co.kr/view/AEN20240618001652325",
        "https://en.yna.co.kr/view/AEN20240617006800315",
        "https://en.yna.co.kr/view/AEN20240617005100315",
        "https://en.yna.co.kr/view/AEN20240617000952315",
    ]


def test_listing_protocol_relative_links_made_https() -> None:
    """//en.yna.co.kr/view/... takes the page's https scheme."""
    assert all(link.url.startswith("https://en.yna.co.kr/view/AEN") for link in listing())


def test_listing_ignores_navigation_and_footer() -> None:
    """Section, paging, RSS and footer links are no article links."""
    urls = " ".join(link.url for link in listing())
    for junk in ("/national/politics", "/national/diplomacy/2", "/channel/index", "/aboutus"):
        assert junk not in urls


def test_listing_ignores_article_links_outside_the_list() -> None:
    """'Most Liked' and 'Right Now' boxes link articles that are not in this section."""
    urls = " ".join(link.url for link in listing())
    assert "AEN20240615002100315" not in urls and "AEN20240618007700320" not in urls


def test_listing_dates() -> None:
    """Each item's printed time, read as KST."""
    assert [link.published for link in listing()] == [
        _kst(2024, 6, 18, 16, 42), _kst(2024, 6, 18, 9, 31), _kst(2024, 6, 17, 21, 5),
        _kst(2024, 6, 17, 17, 20), _kst(2024, 6, 17, 8, 2),
    ]


def test_listing_dates_agree_with_ids() -> None:
    """The printed day is the day the ID encodes."""
    for link in listing():
        found = sites.article_id(link.url)
        assert found is not None
        assert link.published.date() == sites.date_from_id(*found)


def test_listing_titles_are_headlines() -> None:
    """The link title is the h2.tit headline, also when a thumbnail link comes first."""
    assert listing()[0].title == (
        "(LEAD) Vice FM Ahn, Chilean counterpart agree to widen lithium supply talks"
    )


# -- news sitemap ---------------------------------------------------------------------------


def test_sitemap_links() -> None:
    """The three <url> entries, in order."""
    assert [link.url for link in sitemap()] == [
        f"https://en.yna.co.kr/view/{LEAD_ID}",
        "https://en.yna.co.kr/view/AEN20240618003900320",
        "https://en.yna.co.kr/view/AEN20240618001652325",
    ]


def test_sitemap_dates_honour_offsets() -> None:
    """publication_date is ISO with its offset: +09:00 and Z both give the right instant."""
    assert [link.published for link in sitemap()] == [
        _kst(2024, 6, 18, 16, 42, 7), _kst(2024, 6, 18, 14, 5), _kst(2024, 6, 18, 9, 31, 45),
    ]


def test_sitemap_titles_from_cdata() -> None:
    """news:title in CDATA, entities decoded."""
    assert sitemap()[1].title == "Seoul, Gulf bloc resume trade talks on energy & shipping"


# -- visible date stamp and dateline --------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("16:42 June 18, 2024", _kst(2024, 6, 18, 16, 42)),
    ("All News 09:05 Sept. 3, 2024", _kst(2024, 9, 3, 9, 5)),
    ("Yonhap News Summary 17:48 August 07, 2019", _kst(2019, 8, 7, 17, 48)),
    ("00:10 Jan 1, 2025", _kst(2025, 1, 1, 0, 10)),
])
def test_visible_stamp(text: str, expected: datetime) -> None:
    """"HH:MM Month DD, YYYY" anywhere in the header text, as KST."""
    assert yonhap.parse_visible_stamp(text) == expected


@pytest.mark.parametrize("text", ["June 18, 2024", "24:10 June 18, 2024", "16:42 Juin 18, 2024",
                                  "", None])
def test_visible_stamp_rejects(text: str | None) -> None:
    """No time, an impossible hour or an unknown month gives None."""
    assert yonhap.parse_visible_stamp(text) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("SEOUL, June 18 (Yonhap) -- South Korea and Chile", "SEOUL, June 18 (Yonhap) --"),
    ("UNITED NATIONS, Sept. 3 (Yonhap) -- The envoy", "UNITED NATIONS, Sept. 3 (Yonhap) --"),
    ("SEOUL/WASHINGTON, June 18 (Yonhap) — The allies", "SEOUL/WASHINGTON, June 18 (Yonhap) —"),
])
def test_dateline(text: str, expected: str) -> None:
    """The dateline opening the story, kept as group 1."""
    match = yonhap.DATELINE.match(text)
    assert match is not None and match.group(1) == expected


@pytest.mark.parametrize("text", [
    "South Korea and Chile agreed -- officials said", "SEOUL -- No date here",
    "By Bae Ji-hoon", "SEOUL, june 18 (Yonhap) -- lower-case month",
])
def test_not_a_dateline(text: str) -> None:
    """Ordinary sentences, bare place names and bylines are no dateline."""
    assert yonhap.DATELINE.match(text) is None


# -- page_to_article on the page fixtures (fields test_yonhap.py in layouts leaves out) -----


def test_page_editor_note() -> None:
    """The "(ATTN: ...)" line becomes the editor note, verbatim."""
    note = extracted("yonhap_2023_lead").editor_note
    assert note == "(ATTN: ADDS official's quote in 5th para, details in last para)"


def test_page_no_editor_note_on_original() -> None:
    """The first take has no note."""
    assert extracted("yonhap_2023_original").editor_note is None


def test_page_dateline() -> None:
    """The dateline of the first story paragraph."""
    assert extracted("yonhap_seed_shape").dateline == "SEOUL, Oct. 5 (Yonhap) --"


def test_page_dateline_on_2024_layout() -> None:
    """The newer layout's story opens with the same dateline."""
    assert extracted("yonhap_2024_writer_zone").dateline == "SEOUL, May 20 (Yonhap) --"


def test_page_no_dateline_on_price_list() -> None:
    """A price list has no dateline."""
    assert extracted("yonhap_2023_price_list").dateline is None


def test_page_body_first_paragraph() -> None:
    """The body opens with the dateline paragraph, no byline or note before it."""
    first = extracted("yonhap_2023_two_authors").body.split("\n\n")[0]
    assert first.startswith("SEOUL, April 15 (Yonhap) -- South Korea and Poland agreed")


def test_page_body_last_paragraph() -> None:
    """The body ends with the last story paragraph, not the e-mail/(END) line."""
    last = extracted("yonhap_2023_lead").body.split("\n\n")[-1]
    assert last == (
        "The delegations plan to meet again in Wellington in the second half of the year."
    )


def test_page_body_last_paragraph_before_embeds() -> None:
    """Video embed and related box after the story do not end the body."""
    last = extracted("yonhap_2023_2nd_ld").body.split("\n\n")[-1]
    assert last.startswith("The ministry said the next round would also cover port inspections")


def test_page_body_paragraph_count() -> None:
    """Six story paragraphs in the LEAD, nine in the 2nd LD."""
    assert len(extracted("yonhap_2023_lead").body.split("\n\n")) == 6
    assert len(extracted("yonhap_2023_2nd_ld").body.split("\n\n")) == 9


def test_page_body_2024_layout() -> None:
    """The writer zone is not body text."""
    body = extracted("yonhap_2024_writer_zone").body
    assert len(body.split("\n\n")) == 3 and "Han Ji-su" not in body


def test_page_captions_count() -> None:
    """One caption per photo; the video's description is no caption."""
    assert len(extracted("yonhap_2023_2nd_ld").captions) == 3
    assert len(extracted("yonhap_seed_shape").captions) == 1


def test_page_caption_text() -> None:
    """A caption is the figcaption's text, credit included."""
    caption = extracted("yonhap_2023_2nd_ld").captions[1]
    assert caption == (
        "A Korean deep-sea trawler is moored at a port in Busan in this file photo. (Yonhap)"
    )


def test_page_no_subtitle() -> None:
    """Yonhap English pages have no sub-headline."""
    assert extracted("yonhap_2023_lead").subtitle is None


def test_page_published_on_seed_page() -> None:
    """The seed-shaped page's published time, KST."""
    assert extracted("yonhap_seed_shape").published_at == _kst(2023, 10, 5, 18, 3, 11)


def test_page_no_problems() -> None:
    """A well-formed page is complete."""
    assert extracted("yonhap_2023_lead").problems == []


def test_page_topic_pairs_are_a_list() -> None:
    """The LEAD is about South Korea and New Zealand."""
    topic = extracted("yonhap_2023_lead").topic
    assert topic is not None and topic["bilateral"] is True
    assert topic["pairs"] == [["KR", "NZ"]]


def test_page_topic_price_list_not_bilateral() -> None:
    """A price list names no country pair."""
    topic = extracted("yonhap_2023_price_list").topic
    assert topic is not None and topic["pairs"] == [] and topic["bilateral"] is False


def test_page_aliases_from_redirect() -> None:
    """A mobile URL that redirected to the page is an alias only if it is another article."""
    url = expected("yonhap_2023_lead")["url"]
    old = "https://m-en.yna.co.kr/view/AEN20240312002100315?input=rss"
    item = page_to_article(FetchedPage(source="yonhap", url=url, html=page("yonhap_2023_lead"),
                                       redirected_from=[url, old]))
    assert item.aliases == ["https://en.yna.co.kr/view/AEN20240312002100315"]


# -- layout versions on the fixture pages: one field per test ------------------------------


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
