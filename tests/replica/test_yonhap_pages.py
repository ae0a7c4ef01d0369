"""Yonhap replica pages over HTTP: articles, listings, feeds, sitemap."""

from __future__ import annotations

import json
import re
from email.utils import parsedate
from urllib.parse import urlsplit

import lxml.etree as ET
import lxml.html
import pytest

from newscrawl.replica.server import ReplicaServer
from newscrawl.replica.site import Site

from .conftest import fetch


def _doc(server: ReplicaServer, path: str) -> lxml.html.HtmlElement:
    r = fetch(server.yonhap_url + path)
    assert r.status == 200, path
    assert r.headers["Content-Type"] == "text/html; charset=utf-8"
    assert int(r.headers["Content-Length"]) == len(r.body)
    return lxml.html.fromstring(r.body)


def _norm(text: str) -> str:
    return " ".join(text.split())


def test_article_page_structure(site: Site, server: ReplicaServer) -> None:
    for a in site.yonhap:
        doc = _doc(server, a.path)
        url = f"https://en.yna.co.kr/view/{a.site_article_id}"
        assert doc.xpath('//link[@id="canonical"][@rel="canonical"]/@href') == [url]
        assert doc.xpath('//meta[@property="og:url"]/@content') == [url]
        assert doc.xpath('//meta[@property="yna:content_id"]/@content') == [a.site_article_id]
        pub = doc.xpath('//meta[@property="article:published_time"]/@content')[0]
        assert pub.endswith("+09:00")
        assert doc.xpath('//meta[@property="article:section"]/@content') == [a.section]
        author = doc.xpath('//meta[@name="author"]/@content')[0]
        assert re.search(r"[\uac00-\ud7a3]", author)
        assert _norm(doc.cssselect("header.title-article01 h1.tit")[0].text_content()) == a.title
        when = doc.cssselect(".info-con span.txt")[0].text_content()
        assert re.search(r"\d\d:\d\d [A-Z][a-z]+ \d\d, \d{4}", when)
        assert doc.cssselect("article.story-news")
        assert doc.cssselect("div.keyword-zone01 div.list a")[0].text_content().startswith("#")
        assert doc.xpath("//body/@class")[0].endswith(f"body-{a.site_article_id}")


def test_jsonld_is_not_strict_json_and_has_no_newsarticle(site: Site,
                                                          server: ReplicaServer) -> None:
    doc = _doc(server, site.yonhap[0].path)
    blocks = doc.xpath('//script[@type="application/ld+json"]/text()')
    assert len(blocks) == 3
    types = [re.search(r'"@type": "(\w+)"', b).group(1) for b in blocks]  # type: ignore[union-attr]
    assert types == ["Organization", "Person", "BreadcrumbList"]
    with pytest.raises(json.JSONDecodeError):
        json.loads(blocks[1])
    assert "NewsArticle" not in "".join(blocks)


def test_body_matches_ground_truth(site: Site, server: ReplicaServer) -> None:
    for a in site.yonhap:
        truth = site.truth(a)
        doc = _doc(server, a.path)
        story = doc.cssselect("article.story-news")[0]
        ps = [_norm(p.text_content()) for p in story.xpath("./p")]
        for para in truth["body_paragraphs"]:  # type: ignore[union-attr]
            assert any(_norm(para) in p for p in ps), (a.path, para)
        captions = [_norm(c.text_content()) for c in story.cssselect("figure p.txt-desc")]
        assert captions[: len(truth["captions"])] == truth["captions"]  # type: ignore[arg-type]
        for cap in truth["captions"]:  # type: ignore[union-attr]
            assert not any(cap in p for p in truth["body_paragraphs"])  # type: ignore[union-attr]
        first = story.xpath("./p")[0]
        if truth["authors"]:
            assert "By " + " and ".join(truth["authors"]) in first.text_content()  # type: ignore[arg-type]
        if truth["editor_note"]:
            assert first.text_content().startswith(truth["editor_note"])  # type: ignore[arg-type]
        last = story.xpath("./p")[-1].text_content()
        assert last.rstrip().endswith(("(END)", "(MORE)"))
        if a.dateline:
            assert ps[1 if (a.authors or a.editor_note) else 0].startswith(a.dateline)
            raw = lxml.html.tostring(story, encoding="unicode")
            assert f"<p> {a.dateline}" in raw  # the leading space is part of the markup


def test_photos_links_related_youtube_present_somewhere() -> None:
    from newscrawl.replica import yonhap_pages
    from newscrawl.replica.generate import build_site

    s = build_site(300, 21)
    docs = [lxml.html.fromstring(yonhap_pages.article_page(s, a)) for a in s.yonhap]

    def found(sel: str) -> list:
        return [e for d in docs for e in d.cssselect(sel)]

    assert found("div.comp-box.photo-group > figure.image-zone figcaption.desc-con p.txt-desc")
    assert found("article.story-news p > span.txt-hyper > a")
    assert found("div.comp-box.youtube-group iframe.ifm-youtube")
    assert found("article.story-news div.related-group ul#moreArticleNews li a")
    for a in found("span.txt-hyper a") + found("ul#moreArticleNews a"):
        assert a.get("href").startswith("/view/AEN")
    two = [a for a in s.yonhap if len(a.authors) == 2]
    desk = [a for a in s.yonhap if not a.authors]
    assert two and desk


def test_listing_pagination(site: Site, server: ReplicaServer) -> None:
    items = site.listing("yonhap", "national/diplomacy")
    doc = _doc(server, "/national/diplomacy")
    lis = doc.cssselect("div.smain-list-type01 > ul > li > article > div.txt-con > h2.tit > a")
    assert [a.get("href") for a in lis] == [x.path for x in items[:20]]
    assert doc.cssselect("div.smain-list-type01 span.lead")
    all_news = site.listing("yonhap", "")
    page2 = _doc(server, "/news/2").cssselect("div.smain-list-type01 h2.tit a")
    assert [a.get("href") for a in page2] == [x.path for x in all_news[20:40]]
    pubs = [x.published for x in all_news]
    assert pubs == sorted(pubs, reverse=True)
    assert _doc(server, "/news/1").cssselect("h2.tit a")[0].get("href") == all_news[0].path
    assert any(a.get("href") == "/news/2" for a in _doc(server, "/news").cssselect(".paging a"))


def test_listing_past_end_is_empty_200(server: ReplicaServer) -> None:
    doc = _doc(server, "/national/politics/500")
    assert doc.cssselect("div.smain-list-type01 > ul") and not doc.cssselect(
        "div.smain-list-type01 li")
    assert fetch(server.yonhap_url + "/news/0").status == 404
    assert fetch(server.yonhap_url + "/news/abc").status == 404


@pytest.mark.parametrize("path,prefix", [("/RSS/news.xml", ""), ("/RSS/national.xml", "national/"),
                                         ("/RSS/nk.xml", "nk/")])
def test_rss(site: Site, server: ReplicaServer, path: str, prefix: str) -> None:
    r = fetch(server.yonhap_url + path)
    assert r.status == 200 and r.headers["Content-Type"].startswith("text/xml")
    root = ET.fromstring(r.body)
    items = root.findall("./channel/item")
    expected = site.listing("yonhap", prefix)[:100]
    assert len(items) == len(expected)
    dc = "{http://purl.org/dc/elements/1.1/}creator"
    zones = set()
    for item, a in zip(items, expected, strict=True):
        link = item.findtext("link")
        parts = urlsplit(link)
        assert f"{parts.scheme}://{parts.netloc}" == server.yonhap_url
        assert parts.path == a.path and parts.query == "section=news&input=rss"
        assert item.findtext(dc)
        assert item.findtext("description")
        pub = item.findtext("pubDate")
        wall = a.published.strftime("%d %b %Y %H:%M:%S")
        assert wall in pub  # KST wall-clock time...
        zone = pub[len("Wed, 19 Apr 2023 14:53:59"):].strip()
        assert zone in ("", "+0000", "GMT")  # ...with a wrong or missing offset
        zones.add(zone)
    if len(items) > 10:
        assert len(zones) > 1


def test_news_sitemap(site: Site, server: ReplicaServer) -> None:
    r = fetch(server.yonhap_url + "/news-sitemap.xml")
    assert r.status == 200
    assert b"<![CDATA[" in r.body
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9",
          "news": "http://www.google.com/schemas/sitemap-news/0.9"}
    root = ET.fromstring(r.body)
    locs = root.xpath("//s:url/s:loc/text()", namespaces=ns)
    titles = root.xpath("//s:url/news:news/news:title/text()", namespaces=ns)
    assert locs and len(locs) == len(titles)
    newest = site.listing("yonhap", "")[0]
    assert locs[0] == server.yonhap_url + newest.path
    assert titles[0] == newest.title


def test_pubdate_is_rfc822_like(server: ReplicaServer) -> None:
    root = ET.fromstring(fetch(server.yonhap_url + "/RSS/news.xml").body)
    for pub in root.xpath("//item/pubDate/text()"):
        assert parsedate(pub) is not None
