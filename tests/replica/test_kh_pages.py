"""Korea Herald replica pages over HTTP: three article eras, listings, feeds, redirects."""

from __future__ import annotations

import json
import re
from datetime import date
from urllib.parse import urlsplit

import lxml.etree as ET
import lxml.html
import pytest

from newscrawl.replica.generate import build_site
from newscrawl.replica.server import ReplicaServer
from newscrawl.replica.site import Site

from .conftest import fetch


@pytest.fixture(scope="module")
def wide() -> Site:
    """Enough articles that every era has photos, subtitles and copies."""
    return build_site(150, 31)


@pytest.fixture(scope="module")
def wide_server(wide: Site):  # type: ignore[no-untyped-def]
    with ReplicaServer(wide) as srv:
        yield srv


def _norm(text: str) -> str:
    return " ".join(text.split())


def _doc(server: ReplicaServer, path: str) -> lxml.html.HtmlElement:
    r = fetch(server.koreaherald_url + path)
    assert r.status == 200, path
    assert r.headers["Content-Type"] == "text/html; charset=utf-8"
    return lxml.html.fromstring(r.body)


def _check_chrome(doc: lxml.html.HtmlElement) -> None:
    text = doc.text_content()
    for marker in ("MOST POPULAR", "LATEST NEWS", "Foreign Affairs", "Diplomatic Circuit",
                   "Online newspaper registration No", "Copyright Herald Corporation"):
        assert marker in text


def test_era_b(wide: Site, wide_server: ReplicaServer) -> None:
    arts = [a for a in wide.koreaherald if a.era == "B"]
    assert arts
    for a in arts:
        truth = wide.truth(a)
        doc = _doc(wide_server, a.path)
        _check_chrome(doc)
        assert _norm(doc.cssselect("h1.view_tit")[0].text_content()) == a.title
        if a.subtitle:
            assert doc.cssselect("h2.view_tit_sub")[0].text_content() == a.subtitle
        byline = doc.cssselect(".view_tit_byline_l")[0]
        assert byline.text_content().startswith("By " + a.authors[0])
        assert byline.cssselect("a")[0].get("href").startswith("/search/list_name.php?byline=")
        stamp = doc.cssselect(".view_tit_byline_r")[0].text_content()
        assert re.fullmatch(r"Published : \w{3} \d+, \d{4} - \d\d:\d\d\s{7}Updated : "
                            r"\w{3} \d+, \d{4} - \d\d:\d\d", stamp)
        body = _norm(doc.cssselect("#articleText div.view_con_t")[0].text_content())
        for para in truth["body_paragraphs"]:  # type: ignore[union-attr]
            assert _norm(para) in body
        caps = [_norm(c.text_content()) for c in doc.cssselect("#articleText .view_con_caption")]
        assert caps == truth["captions"]
        assert doc.cssselect(".view_tit_icon") and doc.cssselect(".khadv_bg")
        assert doc.xpath('//link[@rel="canonical"]/@href') == [a.canonical_url]


def test_era_c(wide: Site, wide_server: ReplicaServer) -> None:
    arts = [a for a in wide.koreaherald if a.era == "C"]
    assert arts
    for a in arts:
        truth = wide.truth(a)
        doc = _doc(wide_server, a.path)
        _check_chrome(doc)
        area = doc.cssselect(".news_content > div.news_title_area")[0]
        assert _norm(area.cssselect("h1.news_title")[0].text_content()) == a.title
        assert len(area.cssselect("h2.news_title")) == (1 if a.subtitle else 0)
        assert area.cssselect("p.news_date")[0].text_content().startswith("Published : ")
        sel = "div.news_text_area div.text_box > p"
        paras = [_norm(p.text_content()) for p in doc.cssselect(sel)]
        assert paras == [_norm(p) for p in truth["body_paragraphs"]]  # type: ignore[union-attr]
        caps = [_norm(c.text_content()) for c in doc.cssselect("div.news_text_area .img_caption")]
        assert caps == truth["captions"]
        assert doc.cssselect(".news_btn_wrap") and doc.cssselect(".news_journalist_area")


def test_era_d(wide: Site, wide_server: ReplicaServer) -> None:
    arts = [a for a in wide.koreaherald if a.era == "D"]
    assert arts
    offsets = set()
    for a in arts:
        truth = wide.truth(a)
        doc = _doc(wide_server, a.path)
        _check_chrome(doc)
        blocks = doc.xpath('//script[@type="application/ld+json"]/text()')
        assert len(blocks) == 1
        ld = json.loads(blocks[0])
        assert ld["@type"] == "NewsArticle" and ld["headline"] == a.title
        assert ld["datePublished"].startswith(f"{a.published:%Y-%m-%dT%H:%M:%S}")
        offsets.add(ld["datePublished"][19:])
        author = ld["author"] if isinstance(ld["author"], list) else [ld["author"]]
        assert [x["name"] for x in author] == a.authors
        assert doc.xpath('//meta[@property="og:title"]/@content') == [
            f"{a.title} - The Korea Herald"]
        assert doc.xpath('//link[@rel="canonical"]/@href') == [a.canonical_url]
        assert _norm(doc.xpath("//h1")[0].text_content()) == a.title
        body = doc.cssselect("article.article-body")[0]
        assert [_norm(p.text_content()) for p in body.xpath("./p")] == [
            _norm(p) for p in truth["body_paragraphs"]]  # type: ignore[union-attr]
        figs = body.cssselect("div.article-photo-wrap > figure.article-img")
        assert [f.cssselect("figcaption")[0].text_content() for f in figs] == truth["captions"]
        assert all(f.cssselect("img")[0].get("alt") for f in figs)
    assert offsets == {"", "+09:00"}


def test_view_php_redirects_for_era_d(wide: Site, wide_server: ReplicaServer) -> None:
    a = next(a for a in wide.koreaherald if a.era == "D")
    r = fetch(f"{wide_server.koreaherald_url}/view.php?ud={a.ud}")
    assert r.status == 301
    assert r.headers["Location"] == wide_server.koreaherald_url + a.path
    b = next(a for a in wide.koreaherald if a.era == "C")
    assert fetch(f"{wide_server.koreaherald_url}/view.php?ud={b.ud}&np=1&mpv=0").status == 200
    # the 2023 RSS link bug form still resolves
    assert fetch(f"{wide_server.koreaherald_url}/view.php?ud=/view.php?ud={b.ud}").status == 200
    assert fetch(f"{wide_server.koreaherald_url}/view.php?ud=20990101000001").status == 404


def test_era_d_listing(wide: Site, wide_server: ReplicaServer) -> None:
    for path, prefix in (("/National", "National/"),
                         ("/National/ForeignAffairs", "National/ForeignAffairs"),
                         ("/National/DiplomaticCircuit", "National/DiplomaticCircuit")):
        items = wide.listing("koreaherald", prefix)
        doc = _doc(wide_server, path)
        links = doc.cssselect("article.recent_news > ul.news_list > li > a")
        assert [a.get("href") for a in links] == [x.path for x in items[:20]]
        titles = doc.cssselect("li > a > div.news_txt > p.news_title")
        assert [_norm(t.text_content()) for t in titles] == [x.title for x in items[:20]]
    items = wide.listing("koreaherald", "National/")
    page2 = _doc(wide_server, "/National?page=2").cssselect("ul.news_list > li > a")
    assert [a.get("href") for a in page2] == [x.path for x in items[20:40]]
    assert not _doc(wide_server, "/National?page=999").cssselect("ul.news_list > li")


def test_list_php_paging(wide: Site, wide_server: ReplicaServer) -> None:
    items = wide.listing("koreaherald", "National/ForeignAffairs")
    doc = _doc(wide_server, "/list.php?ct=020103000000")
    links = doc.cssselect("ul.main_sec_li > li > a")
    assert [a.get("href") for a in links] == [f"/view.php?ud={x.ud}" for x in items[:15]]
    assert doc.cssselect("ul.main_sec_li div.main_l_t1")
    assert doc.cssselect(".paging li a.on")[0].text_content() == "1"
    hrefs = [a.get("href") for a in doc.cssselect(".paging li a")]
    if len(items) > 15:
        assert "/list.php?ct=020103000000&np=2&mp=1" in hrefs
    doc2 = _doc(wide_server, "/list.php?ct=020103000000&np=2&mp=1")
    assert [a.get("href") for a in doc2.cssselect("ul.main_sec_li > li > a")] == [
        f"/view.php?ud={x.ud}" for x in items[15:30]]
    assert _doc(wide_server, "/list.php?ct=020112000000").cssselect("h2.list_tit")
    assert fetch(wide_server.koreaherald_url + "/list.php?ct=999").status == 404


@pytest.mark.parametrize("path,prefix", [("/rss/newsAll", ""), ("/rss/kh_National", "National/")])
def test_kh_rss(wide: Site, wide_server: ReplicaServer, path: str, prefix: str) -> None:
    r = fetch(wide_server.koreaherald_url + path)
    assert r.status == 200
    assert b"<title><![CDATA[" in r.body and b"<description><![CDATA[<p>" in r.body
    root = ET.fromstring(r.body)
    items = root.findall("./channel/item")
    expected = wide.listing("koreaherald", prefix)[:50]
    assert len(items) == len(expected)
    zones = set()
    for item, a in zip(items, expected, strict=True):
        link = urlsplit(item.findtext("link"))
        assert f"{link.scheme}://{link.netloc}" == wide_server.koreaherald_url
        pub = item.findtext("pubDate")
        assert a.published.strftime("%d %b %Y %H:%M:%S") in pub
        zones.add(pub.rsplit(" ", 1)[1])
        assert item.findtext("title").replace("&#8217;", "'") == a.title
    assert zones == {"+09:00", "+0900"}


def test_kh_feed_refuses_python_urllib(server: ReplicaServer) -> None:
    assert fetch(server.koreaherald_url + "/rss/newsAll", ua="Python-urllib/3.11").status == 403
    assert fetch(server.koreaherald_url + "/rss/newsAll").status == 200


def test_yonhap_copies_on_kh() -> None:
    s = build_site(120, 5, start=date(2025, 1, 1), end=date(2026, 1, 1))
    copies = [a for a in s.koreaherald if a.syndicated_from is not None]
    assert copies
    for a in copies:
        assert s.truth(a)["authors"] == ["Yonhap"]
        assert re.fullmatch(r"[A-Z ]+ --", a.dateline or "")
