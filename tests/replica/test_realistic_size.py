"""The replica's Yonhap article pages are built like the real ones and weigh what they weigh;
the Korea Herald's weigh as much (no full real Herald page is available: a guess).

Compared with the five real 2023 pages in ../shared/reference/yonhap-2023/ (read there at test
time, never copied): the classes used inside and outside the story container, the byte size and
element count of the whole page and of each chrome block, and the photo markup (the caption in
`img@alt`, an empty caption under a file picture, a photo after the last paragraph, a `<br>`
ending the paragraph a photo follows). Every figure measured on the replica (crawl speed,
extraction cost) depends on this.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from statistics import median

import lxml.html
import pytest

from newscrawl.evaluation import token_f1
from newscrawl.extract import page_to_article
from newscrawl.items import FetchedPage
from newscrawl.replica import kh_pages, yonhap_pages
from newscrawl.replica.routes import route
from newscrawl.replica.site import Site
from tests.layouts.helpers import SHARED

REAL_DIR = SHARED / "reference" / "yonhap-2023"
REAL = sorted(REAL_DIR.glob("*.html"))
TOLERANCE = 0.20
CONTAINER = "article.story-news"
# The chrome blocks around the story, each compared on its own.
BLOCKS = (
    "head", "header#header", "div#allMenu", "div.header-cont", "nav#nav", "div.sns-flying",
    "header.title-article01", "div.fontsize-box", "div.aside-box01", "div.right-area",
    "div.sub-section-wrap", "footer#footer", "form#feedbackForm",
)  # fmt: skip
_PAGE_ID_CLASS = re.compile(r"^body-AEN\d{17}$")

pytestmark = pytest.mark.skipif(len(REAL) < 5, reason=f"real pages not found in {REAL_DIR}")


@dataclass
class Shape:
    """What is compared of one page."""

    size: int
    elements: int
    inside: set[str]  # classes used inside the story container
    outside: set[str]  # classes used elsewhere (the page's own body-<ID> class left out)
    blocks: dict[str, tuple[int, int]]  # block -> (bytes, elements)
    slide_data: int  # bytes of the headline ticker's data script


def _elements(root: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    return [e for e in root.iter() if isinstance(e.tag, str)]


def _classes(elements: list[lxml.html.HtmlElement]) -> set[str]:
    return {c for e in elements for c in (e.get("class") or "").split()
            if not _PAGE_ID_CLASS.match(c)}


def shape(raw: bytes) -> Shape:
    doc = lxml.html.fromstring(raw)
    every = _elements(doc)
    story = doc.cssselect(CONTAINER)[0]
    inside = _elements(story)
    ids = {id(e) for e in inside}
    blocks = {}
    for css in BLOCKS:
        found = doc.cssselect(css)
        blocks[css] = ((len(lxml.html.tostring(found[0], encoding="utf-8")),
                        len(_elements(found[0]))) if found else (0, 0))
    slides = [s.text or "" for s in doc.iter("script") if "ARTICLE_SLIDE_DATA" in (s.text or "")]
    return Shape(len(raw), len(every), _classes(inside),
                 _classes([e for e in every if id(e) not in ids]), blocks,
                 len(slides[0].encode()) if slides else 0)


@pytest.fixture(scope="module")
def real() -> list[Shape]:
    return [shape(p.read_bytes()) for p in REAL]


@pytest.fixture(scope="module")
def replica_pages(site: Site) -> list[bytes]:
    return [yonhap_pages.article_page(site, a).encode() for a in site.yonhap]


@pytest.fixture(scope="module")
def replica(replica_pages: list[bytes]) -> list[Shape]:
    return [shape(raw) for raw in replica_pages]


def _near(got: float, want: float) -> bool:
    return abs(got - want) <= TOLERANCE * want


def test_the_same_classes_inside_and_outside_the_story(real, replica) -> None:
    real_outside = set.union(*(s.outside for s in real))
    replica_outside = set.union(*(s.outside for s in replica))
    assert replica_outside == real_outside, (
        f"missing: {sorted(real_outside - replica_outside)}, "
        f"not on the real pages: {sorted(replica_outside - real_outside)}")
    real_inside = set.union(*(s.inside for s in real))
    replica_inside = set.union(*(s.inside for s in replica))
    assert replica_inside == real_inside, (
        f"missing: {sorted(real_inside - replica_inside)}, "
        f"not on the real pages: {sorted(replica_inside - real_inside)}")
    # the chrome every real page has, every replica page has
    assert all(set.intersection(*(s.outside for s in real)) <= s.outside for s in replica)


def test_pages_weigh_what_real_pages_weigh(real, replica) -> None:
    for what in ("size", "elements"):
        want = median(getattr(s, what) for s in real)
        got = median(getattr(s, what) for s in replica)
        assert _near(got, want), f"median {what}: replica {got}, real {want}"
        low = (1 - TOLERANCE) * min(getattr(s, what) for s in real)
        high = (1 + TOLERANCE) * max(getattr(s, what) for s in real)
        outside = [getattr(s, what) for s in replica if not low <= getattr(s, what) <= high]
        assert not outside, f"{what} outside {low:.0f}..{high:.0f}: {outside}"


@pytest.mark.parametrize("block", BLOCKS)
def test_each_chrome_block_weighs_what_it_weighs_on_real_pages(real, replica, block) -> None:
    for k, what in enumerate(("bytes", "elements")):
        want = median(s.blocks[block][k] for s in real)
        got = median(s.blocks[block][k] for s in replica)
        assert _near(got, want), f"{block} {what}: replica {got}, real {want}"


def test_the_headline_ticker_data_is_there(real, replica) -> None:
    want = median(s.slide_data for s in real)
    assert _near(median(s.slide_data for s in replica), want)


def _photo_facts(raw: bytes) -> dict[str, int]:
    """How a page marks up its photos, counted the same way on real and replica pages."""
    story = lxml.html.fromstring(raw).cssselect(CONTAINER)[0]
    title = story.getroottree().getroot().cssselect("header.title-article01 h1.tit")[0]
    headline = title.text_content().strip()
    facts = {"captioned": 0, "alt_is_caption": 0, "file_pictures": 0, "after_last": 0,
             "br_before": 0, "followed": 0}
    children = list(story)
    texts = [i for i, e in enumerate(children)
             if e.tag == "p" and "(END)" not in e.text_content() and "@" not in e.text_content()]
    for i, e in enumerate(children):
        if "photo-group" not in (e.get("class") or ""):
            continue
        alt = e.cssselect("img")[0].get("alt")
        caption = e.cssselect("p.txt-desc")[0].text_content()
        if caption:
            facts["captioned"] += 1
            facts["alt_is_caption"] += alt == caption
        elif re.fullmatch(re.escape(headline) + r" - \d+", alt):
            facts["file_pictures"] += 1
        before = children[i - 1]
        if texts and i > texts[-1]:
            facts["after_last"] += 1
        elif before.tag == "p":
            facts["followed"] += 1
            facts["br_before"] += lxml.html.tostring(before, encoding="unicode").rstrip(
            ).endswith(("<br></p>", "<br/></p>"))
    return facts


def _totals(pages: list[bytes]) -> dict[str, int]:
    out: dict[str, int] = {}
    for raw in pages:
        for k, v in _photo_facts(raw).items():
            out[k] = out.get(k, 0) + v
        out["pages_with_file_picture"] = out.get("pages_with_file_picture", 0) + bool(
            _photo_facts(raw)["file_pictures"])
    return out


def test_photo_markup_as_on_real_pages(replica_pages: list[bytes]) -> None:
    for facts in (_totals([p.read_bytes() for p in REAL]), _totals(replica_pages)):
        assert facts["captioned"] and facts["alt_is_caption"] == facts["captioned"], facts
        assert facts["pages_with_file_picture"] >= 2, facts  # empty p.txt-desc, headline alt
        assert facts["after_last"] >= 1, facts  # a photo after the last paragraph
        assert facts["followed"] and facts["br_before"] == facts["followed"], facts


def test_herald_pages_weigh_what_a_modern_news_page_weighs(site: Site, real) -> None:
    """Held to the real Yonhap pages' weight, in every layout era (docs/replica.md: guessed)."""
    by_era: dict[str, list[tuple[int, int]]] = {}
    for a in site.koreaherald:
        raw = kh_pages.article_page(site, a).encode()
        by_era.setdefault(a.era, []).append((len(raw), len(_elements(lxml.html.fromstring(raw)))))
    assert set(by_era) == {"B", "C", "D"}
    for k, what in enumerate(("size", "elements")):
        want = median(getattr(s, what) for s in real)
        for era, pages in by_era.items():
            got = median(p[k] for p in pages)
            assert _near(got, want), f"era {era} median {what}: {got}, real Yonhap {want}"


def test_the_chrome_changes_nothing_the_crawl_extracts(site: Site) -> None:
    """Every article page, chrome and all, reads as its ground truth with no problem code: the
    widgets inside the story are the ones the layouts declare, the rest is outside it."""
    origin = "http://127.0.0.1:9"
    for truth in site.ground_truth():
        page = route(site, truth["source"], truth["path"], origin)
        item = page_to_article(FetchedPage(
            source=truth["source"], url=origin + truth["path"], html=page.body.decode(),
            requested=truth["canonical_url"], http_status=page.status))
        where = truth["path"]
        assert item.problems == [], (where, item.problems)
        assert item.layout is not None, where
        assert (item.title, item.authors) == (truth["title"], truth["authors"]), where
        assert item.published_at == datetime.fromisoformat(truth["published_at"]), where
        assert token_f1("\n\n".join(truth["body_paragraphs"]), item.body or "") >= 0.99, where
        assert set(item.captions) == set(truth["captions"]), where
