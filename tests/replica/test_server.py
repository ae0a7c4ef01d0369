"""The HTTP server itself: request log, HEAD, conditional GET, concurrency, lifecycle."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from newscrawl.replica.server import ReplicaServer
from newscrawl.replica.site import Site

from .conftest import fetch, raw_get


def test_request_log_counts_kinds(site: Site) -> None:
    with ReplicaServer(site) as srv:
        y = srv.yonhap_url
        fetch(y + "/robots.txt")
        fetch(y + "/RSS/news.xml")
        fetch(y + "/news-sitemap.xml")
        fetch(y + "/news/2")
        fetch(y + site.yonhap[0].path)
        fetch(y + "/nope")
        fetch(srv.koreaherald_url + "/rss/kh_National")
        assert srv.stats.by_kind("yonhap") == {"robots": 1, "feed": 1, "sitemap": 1,
                                               "listing": 1, "article": 1, "other": 1}
        assert srv.stats.count(kind="feed") == 2
        assert srv.stats.count(site="koreaherald", kind="article") == 0
        assert srv.stats.count(status=404) == 1
        assert srv.stats.paths("yonhap", "article") == [site.yonhap[0].path]
        rec = srv.stats.records(kind="article")[0]
        assert (rec.status, rec.attempt, rec.fault) == (200, 1, None)
        srv.stats.reset()
        assert len(srv.stats) == 0


def test_head_last_modified_and_304(site: Site, server: ReplicaServer) -> None:
    a = site.koreaherald[3]
    url = server.koreaherald_url + a.path
    head = fetch(url, method="HEAD")
    assert head.status == 200 and head.body == b""
    lm = head.headers["Last-Modified"]
    assert lm.endswith("GMT")
    again = fetch(url, headers={"If-Modified-Since": lm})
    assert again.status == 304 and again.body == b""
    assert fetch(url, headers={"If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"}).status == 200


def test_32_concurrent_connections(site: Site, server: ReplicaServer) -> None:
    paths = [a.path for a in site.yonhap] * 2

    def get(path: str) -> int:
        return raw_get(server.yonhap_url, path)[0]

    with ThreadPoolExecutor(max_workers=32) as pool:
        statuses = list(pool.map(get, paths))
    assert statuses == [200] * len(paths)


def test_start_stop_and_ports(site: Site) -> None:
    srv = ReplicaServer(site)
    srv.start()
    y, k = srv.yonhap_url, srv.koreaherald_url
    assert y != k and y.startswith("http://127.0.0.1:")
    assert fetch(y + "/robots.txt").status == 200
    threads = list(srv._threads)
    srv.stop()
    assert not any(t.is_alive() for t in threads)
    with pytest.raises(OSError):
        raw_get(y, "/robots.txt")
