"""Site.revise: an in-place correction changes the served page and the ground truth."""

from __future__ import annotations

from datetime import UTC, datetime

import lxml.html
import pytest

from newscrawl.replica.server import ReplicaServer
from newscrawl.replica.site import Site

from .conftest import fetch


def test_revise_changes_page_and_truth(fresh_site: Site) -> None:
    a = next(x for x in fresh_site.koreaherald if x.era == "D")
    before = fresh_site.truth(a)
    when = datetime(2026, 12, 1, 3, 0, tzinfo=UTC)
    with ReplicaServer(fresh_site) as srv:
        old = fetch(srv.koreaherald_url + a.path).text
        fresh_site.revise(a.canonical_url, 1, "A corrected paragraph with the right figures.",
                          modified_at=when)
        new = fetch(srv.koreaherald_url + a.path).text
    assert old != new
    assert "A corrected paragraph with the right figures." in new
    after = fresh_site.truth(a)
    assert after["body_paragraphs"][1] == "A corrected paragraph with the right figures."  # type: ignore[index]
    assert after["body_paragraphs"][0] == before["body_paragraphs"][0]  # type: ignore[index]
    assert after["modified_at"] == "2026-12-01T03:00:00+00:00"
    doc = lxml.html.fromstring(new)
    assert "2026-12-01T12:00:00" in doc.xpath('//script[@type="application/ld+json"]/text()')[0]


def test_revise_yonhap_keeps_copies(fresh_site: Site) -> None:
    copy = next(x for x in fresh_site.koreaherald if x.syndicated_from is not None)
    src = fresh_site.yonhap[copy.syndicated_from]  # type: ignore[index]
    copy_before = fresh_site.truth(copy)["body_paragraphs"]
    fresh_site.revise(src.canonical_url, 0, "SEOUL, Jan. 1 (Yonhap) -- Corrected lead.")
    assert fresh_site.truth(src)["body_paragraphs"][0] == (  # type: ignore[index]
        "SEOUL, Jan. 1 (Yonhap) -- Corrected lead.")
    assert fresh_site.truth(copy)["body_paragraphs"] == copy_before
    assert fresh_site.truth(src)["modified_at"] > fresh_site.truth(src)["published_at"]  # type: ignore[operator]


def test_revise_rejects_bad_index(fresh_site: Site) -> None:
    with pytest.raises(IndexError):
        fresh_site.revise(fresh_site.yonhap[0].canonical_url, 99, "x")
    with pytest.raises(KeyError):
        fresh_site.revise("https://en.yna.co.kr/view/nope", 0, "x")
