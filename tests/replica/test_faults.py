"""Fault modes: parsing, determinism, each mode over HTTP, retries, bad pages."""

from __future__ import annotations

import http.client
import urllib.error
import urllib.request

import lxml.etree as ET
import pytest

from newscrawl.replica.faults import FaultSpec
from newscrawl.replica.server import ReplicaServer
from newscrawl.replica.site import Site

from .conftest import fetch, raw_get


def test_parse_spec() -> None:
    spec = FaultSpec.parse("error=0.1,429=0.05,slow=0.02,drop=0.02,truncate=0.01,seed=3")
    assert (spec.error, spec.too_many, spec.slow, spec.drop, spec.truncate, spec.seed) == (
        0.1, 0.05, 0.02, 0.02, 0.01, 3)
    assert not FaultSpec.parse(None).enabled and not FaultSpec.parse("").enabled
    assert FaultSpec.parse("badpages=1").badpages
    for bad in ("error=2", "nope=1", "error", "seed=x", "error=0.6,drop=0.6"):
        with pytest.raises(ValueError):
            FaultSpec.parse(bad)


def test_decisions_are_deterministic_and_vary_by_attempt() -> None:
    spec = FaultSpec.parse("error=0.5,seed=1")
    first = [spec.decide("yonhap", f"/view/{i}", 1) for i in range(200)]
    assert first == [spec.decide("yonhap", f"/view/{i}", 1) for i in range(200)]
    assert 60 < first.count("error") < 140
    assert any(spec.decide("yonhap", f"/view/{i}", 1) != spec.decide("yonhap", f"/view/{i}", 2)
               for i in range(50))


def test_error_mode(site: Site) -> None:
    with ReplicaServer(site, faults="error=1") as srv:
        statuses = {fetch(srv.yonhap_url + a.path).status for a in site.yonhap[:20]}
        assert statuses <= {500, 503} and statuses
        assert fetch(srv.yonhap_url + "/robots.txt").status == 200  # robots are never faulted
        assert srv.stats.count(fault="error") == 20


def test_429_mode(site: Site) -> None:
    with ReplicaServer(site, faults="429=1") as srv:
        r = fetch(srv.koreaherald_url + site.koreaherald[0].path)
        assert r.status == 429 and r.headers["Retry-After"] == "1"


def test_slow_mode(site: Site) -> None:
    with ReplicaServer(site, faults="slow=1,slowsec=0.2") as srv:
        assert fetch(srv.yonhap_url + site.yonhap[0].path).status == 200
        assert srv.stats.records(kind="article")[0].fault == "slow"


def test_drop_mode(site: Site) -> None:
    with ReplicaServer(site, faults="drop=1") as srv:
        with pytest.raises((http.client.HTTPException, OSError)):
            raw_get(srv.yonhap_url, site.yonhap[0].path)
        assert srv.stats.records(kind="article")[0].status == 0


def test_truncate_mode(site: Site) -> None:
    with ReplicaServer(site, faults="truncate=1") as srv, pytest.raises(
            http.client.IncompleteRead):
        raw_get(srv.yonhap_url, site.yonhap[0].path)


def test_retry_can_succeed(site: Site) -> None:
    spec = FaultSpec.parse("error=0.5,seed=4")
    path = next(a.path for a in site.yonhap
                if spec.decide("yonhap", a.path, 1) == "error"
                and spec.decide("yonhap", a.path, 2) is None)
    with ReplicaServer(site, faults=spec) as srv:
        assert fetch(srv.yonhap_url + path).status in (500, 503)
        assert fetch(srv.yonhap_url + path).status == 200
        assert [r.attempt for r in srv.stats.records()] == [1, 2]


def test_bad_pages_only_when_enabled(site: Site) -> None:
    bad = site.bad_pages()
    names = {b["name"] for b in bad}
    assert {"empty", "charset", "huge", "truncated", "nested", "notitle", "nobody", "korean",
            "loop_a", "loop_b", "feed"} <= names
    truth_urls = {t["path"] for t in site.ground_truth()}
    assert not truth_urls & {b["path"] for b in bad}
    with ReplicaServer(site) as srv:
        assert fetch(srv.yonhap_url + bad[0]["path"]).status == 404
        assert bad[0]["path"] not in fetch(srv.yonhap_url + "/RSS/news.xml").text
    with ReplicaServer(site, faults="badpages=1") as srv:
        feed = fetch(srv.yonhap_url + "/RSS/news.xml").text
        listing = fetch(srv.koreaherald_url + "/National").text
        for b in bad:
            origin = srv.yonhap_url if b["source"] == "yonhap" else srv.koreaherald_url
            r = fetch(origin + b["path"])
            name = b["name"]
            if name == "feed":
                with pytest.raises(ET.XMLSyntaxError):
                    ET.fromstring(r.body)
                continue
            if b["source"] == "yonhap" and name != "loop_b":
                assert b["path"] in feed
            if b["source"] == "koreaherald" and name != "loop_b":
                assert b["path"] in listing
            if name == "empty":
                assert r.status == 200 and r.body == b""
            elif name == "charset":
                assert r.headers["Content-Type"].endswith("utf-8")
                with pytest.raises(UnicodeDecodeError):
                    r.body.decode("utf-8")
            elif name == "huge":
                assert len(r.body) > 19 * 1024 * 1024
            elif name.startswith("loop"):
                assert r.status == 302
                loc = r.headers["Location"]
                assert fetch(origin + loc).headers["Location"] == b["path"]
                with pytest.raises(urllib.error.HTTPError):
                    urllib.request.urlopen(origin + b["path"], timeout=10)  # noqa: S310
            elif name == "truncated":
                assert r.status == 200 and not r.body.rstrip().endswith(b"</html>")
            elif name == "nested":
                assert r.body.count(b"<div>") >= 5000
            elif name == "notitle":
                assert b"<title>" not in r.body and b"<h1" not in r.body
            elif name == "nobody":
                assert b"<h1" in r.body
            elif name == "korean":
                assert "외교" in r.text or "회의" in r.text
