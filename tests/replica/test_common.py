"""Both sites: robots.txt, 404 pages, and discovery links that never leave the replica."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import lxml.etree as ET
import lxml.html

from newscrawl.replica.server import ReplicaServer
from newscrawl.replica.site import Site

from .conftest import fetch


def test_robots(server: ReplicaServer) -> None:
    for origin in (server.yonhap_url, server.koreaherald_url):
        r = fetch(origin + "/robots.txt")
        assert r.status == 200 and r.headers["Content-Type"].startswith("text/plain")
        assert "User-agent: *" in r.text and "Disallow: /search/" in r.text


def test_404_is_html(server: ReplicaServer) -> None:
    for origin in (server.yonhap_url, server.koreaherald_url):
        for path in ("/no/such/page", "/view/AEN20990101000100315", "/article/1"):
            r = fetch(origin + path)
            assert r.status == 404
            assert r.headers["Content-Type"] == "text/html; charset=utf-8"
            assert lxml.html.fromstring(r.body).xpath("//title")


def _links(doc: lxml.html.HtmlElement) -> list[str]:
    return [h for h in doc.xpath("//a/@href") if h and not h.startswith("#")]


def test_discovery_links_stay_on_replica(site: Site, server: ReplicaServer) -> None:
    """Links on listing pages, in articles' bodies and in feeds are relative or on the origin."""
    for origin, paths in ((server.yonhap_url, ["/news", "/national/diplomacy", "/",
                                               site.yonhap[5].path]),
                          (server.koreaherald_url, ["/National", "/list.php?ct=020103000000",
                                                    "/", site.koreaherald[5].path])):
        for path in paths:
            doc = lxml.html.fromstring(fetch(origin + path).body)
            for href in _links(doc):
                host = urlsplit(href).netloc
                assert not host or host in urlsplit(origin).netloc or not re.search(
                    r"yna\.co\.kr|koreaherald\.com", host), (path, href)
    for origin, feed in ((server.yonhap_url, "/RSS/news.xml"),
                         (server.koreaherald_url, "/rss/newsAll")):
        root = ET.fromstring(fetch(origin + feed).body)
        assert all(link.startswith(origin + "/") for link in root.xpath("//item/link/text()"))


def test_canonical_on_real_domains(site: Site, server: ReplicaServer) -> None:
    for a in site.articles():
        origin = server.yonhap_url if a.source == "yonhap" else server.koreaherald_url
        r = fetch(origin + a.path, follow=True)
        doc = lxml.html.fromstring(r.body)
        canon = doc.xpath('//link[@rel="canonical"]/@href')[0]
        assert canon == a.canonical_url
        assert canon.startswith(("https://en.yna.co.kr/view/", "https://www.koreaherald.com/"))
        assert doc.xpath('//meta[@property="og:url"]/@content') == [canon]
