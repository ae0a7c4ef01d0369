"""The generator: counts, mix, determinism, versions, syndication and near-misses."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from newscrawl.replica.generate import build_site
from newscrawl.replica.site import Site

from .conftest import N


def _shingles(paras: list[str], k: int = 5) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", " ".join(paras).lower())
    return {tuple(words[i:i + k]) for i in range(len(words) - k + 1)}


def _jaccard(a: set[tuple[str, ...]], b: set[tuple[str, ...]]) -> float:
    return len(a & b) / max(1, len(a | b))


def test_n_articles_per_site(site: Site) -> None:
    assert len(site.yonhap) == N
    assert len(site.koreaherald) == N
    assert len({a.canonical_url for a in site.articles()}) == 2 * N


def test_same_seed_same_truth_and_pages(tmp_path: Path) -> None:
    from newscrawl.replica import kh_pages, yonhap_pages

    a, b = build_site(40, 3), build_site(40, 3)
    a.write_ground_truth(tmp_path / "a.jsonl")
    b.write_ground_truth(tmp_path / "b.jsonl")
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()
    for x, y in zip(a.yonhap, b.yonhap, strict=True):
        assert yonhap_pages.article_page(a, x) == yonhap_pages.article_page(b, y)
    for x, y in zip(a.koreaherald, b.koreaherald, strict=True):
        assert kh_pages.article_page(a, x) == kh_pages.article_page(b, y)


def test_different_seed_differs() -> None:
    a, b = build_site(40, 3), build_site(40, 4)
    assert [x.title for x in a.yonhap] != [x.title for x in b.yonhap]
    assert a.ground_truth() != b.ground_truth()


def test_dates_in_range_and_eras() -> None:
    s = build_site(200, 5, start=date(2022, 6, 1), end=date(2026, 11, 15))
    for a in s.yonhap:
        assert date(2022, 6, 1) <= a.published.date() <= date(2026, 11, 15)
        assert a.published.utcoffset().total_seconds() == 9 * 3600  # type: ignore[union-attr]
    assert {a.era for a in s.koreaherald} == {"B", "C", "D"}
    for a in s.koreaherald:
        d = a.published.date()
        expected = "B" if d < date(2023, 8, 14) else ("C" if d <= date(2024, 12, 20) else "D")
        assert a.era == expected
        if a.era == "D":
            assert re.fullmatch(r"/article/\d{7,8}", a.path)
            assert a.canonical_url == f"https://www.koreaherald.com/article/{a.number}"
        else:
            assert re.fullmatch(r"/view\.php\?ud=\d{14}", a.path)
        assert re.fullmatch(r"\d{14}", a.ud or "")


def test_topic_mix(site: Site) -> None:
    s = build_site(400, 2)
    topics = {a.topic for a in s.yonhap}
    assert {"kr_jp", "kr_us", "kr_cn", "nk", "business", "sports", "culture", "stocks"} <= topics
    assert any(a.topic.startswith("tri_") for a in s.yonhap)
    bilateral = [a for a in s.yonhap if a.pairs]
    assert 0.2 < len(bilateral) / len(s.yonhap) < 0.7


def test_paragraph_counts_and_distinct_text() -> None:
    s = build_site(300, 9)
    texts = set()
    for a in s.articles():
        body = s.body(a)
        if not body.lines:
            assert 4 <= len(body.paragraphs) <= 14, a.canonical_url
        texts.add("\n".join(body.paragraphs))
    assert len(texts) == len(s.articles())


def test_yonhap_ids_and_versions(site: Site) -> None:
    s = build_site(300, 11)
    stories: dict[str, list] = {}
    for a in s.yonhap:
        m = re.fullmatch(r"AEN(\d{8})(\d{4})(\d{2})(\d{3})", a.site_article_id)
        assert m, a.site_article_id
        assert m.group(1) == f"{a.published:%Y%m%d}"
        assert a.story_key == f"AEN{m.group(1)}{m.group(2)}{m.group(4)}"
        assert m.group(3) == ["00", "51", "52"][a.version]
        stories.setdefault(a.story_key, []).append(a)
    multi = [v for v in stories.values() if len(v) > 1]
    assert multi, "expected some LEAD versions"
    for versions in multi:
        versions.sort(key=lambda a: a.version)
        assert versions[1].title.startswith("(LEAD) ")
        if len(versions) > 2:
            assert versions[2].title.startswith("(2nd LD) ")
        for prev, cur in zip(versions, versions[1:], strict=False):
            assert cur.published > prev.published
            assert cur.editor_note and cur.editor_note.startswith("(ATTN: ")


def test_syndicated_copies_match_source() -> None:
    s = build_site(200, 13)
    copies = [a for a in s.koreaherald if a.syndicated_from is not None]
    assert copies
    for c in copies:
        src = s.yonhap[c.syndicated_from]  # type: ignore[index]
        truth, src_truth = s.truth(c), s.truth(src)
        assert truth["authors"] == ["Yonhap"]
        assert truth["story_key"] == src_truth["story_key"]
        assert truth["syndicated_from"] == src.canonical_url
        cp, sp = truth["body_paragraphs"], src_truth["body_paragraphs"]
        assert cp[0].startswith(truth["dateline"] + " ")  # type: ignore[index, operator]
        assert cp[0].split(" -- ", 1)[1] == sp[0].split(" -- ", 1)[1]  # type: ignore[index]
        assert cp[-1].endswith(" (Yonhap)")  # type: ignore[index]
        assert len(sp) - 1 <= len(cp) <= len(sp)  # type: ignore[arg-type]
        copy_sh, src_sh = _shingles(cp), _shingles(sp)  # type: ignore[arg-type]
        assert len(copy_sh & src_sh) / len(copy_sh) > 0.9


def test_near_misses_are_not_copies() -> None:
    s = build_site(400, 17)
    near = [a for a in s.koreaherald if a.near_miss_of]
    assert near
    assert any(a.near_miss_of.startswith("https://www.koreaherald.com/") for a in near)  # type: ignore[union-attr]
    for a in near:
        other = s.article(a.near_miss_of)  # type: ignore[arg-type]
        assert other.story_key != a.story_key
        sim = _jaccard(_shingles(s.body(a).paragraphs), _shingles(s.body(other).paragraphs))
        assert sim < 0.35, (a.canonical_url, sim)


def test_ground_truth_shape(site: Site, tmp_path: Path) -> None:
    n = site.write_ground_truth(tmp_path / "gt.jsonl")
    rows = [json.loads(line) for line in (tmp_path / "gt.jsonl").read_text().splitlines()]
    assert n == len(rows) == 2 * N
    keys = {"source", "canonical_url", "path", "site_article_id", "era", "title", "subtitle",
            "authors", "editor_note", "dateline", "section", "tags", "published_at",
            "modified_at", "body_paragraphs", "captions", "story_key", "syndicated_from",
            "near_miss_of", "bilateral", "pairs", "topic", "version"}
    for r in rows:
        assert keys <= set(r)
        assert r["published_at"].endswith("+00:00")
        assert r["bilateral"] == bool(r["pairs"])
        assert r["pairs"] == sorted(sorted(p) for p in r["pairs"])
        for p in r["body_paragraphs"]:
            assert "(END)" not in p and "@yna.co.kr" not in p and not p.startswith("By ")
        if r["source"] == "yonhap" and r["dateline"]:
            assert r["body_paragraphs"][0].startswith(r["dateline"] + " ")
        if r["editor_note"]:
            assert re.fullmatch(r"\(ATTN: .+\)", r["editor_note"])


def test_no_real_names_or_ids(site: Site) -> None:
    # Written reversed so this file does not contain the strings it bans.
    names = [n[::-1] for n in ("gnod-nuyH ohC", "nij-oH gnahC", "onakO akatasaM", "iroM oekaT")]
    banned = re.compile("|".join([re.escape("AEN" + "2023" + "0419") + r"\d", *names]))
    blob = json.dumps(build_site(500, 1).ground_truth())
    assert not banned.search(blob)
    root = Path(__file__).resolve().parents[2]
    for path in [*root.joinpath("newscrawl", "replica").glob("*.py"),
                 root / "docs" / "replica.md", *Path(__file__).parent.glob("*.py")]:
        if path.exists():
            assert not banned.search(path.read_text(encoding="utf-8")), path
