"""Sites change: a redesign nobody told us about, and widgets inside a known container.

Every page is changed in memory at test time (newscrawl.replica.drift): our fixture pages and
the five real Yonhap pages in ../shared/reference/yonhap-2023/ (read there, never copied).
Each changed page must give the same title, time and authors as the original, a body with
token-F1 >= 0.99 against the original's and no widget text, and say why it may be degraded.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newscrawl.evaluation import token_f1
from newscrawl.extract import page_to_article
from newscrawl.items import ArticleItem, FetchedPage
from newscrawl.replica.drift import junk_in, redesign, with_widgets
from tests.layouts.helpers import PAGES, SHARED, expected

FIXTURES = sorted(p.stem for p in PAGES.glob("*.html"))
REAL = sorted((SHARED / "reference" / "yonhap-2023").glob("*.html"))
F1_FLOOR = 0.99


def _page(case: str | Path) -> tuple[str, str]:
    """(html, url) of a fixture page or a real page (served, as by the replica, on loopback)."""
    if isinstance(case, Path):
        return case.read_text(encoding="utf-8"), f"http://127.0.0.1:8/view/{case.stem}"
    return (PAGES / f"{case}.html").read_text(encoding="utf-8"), expected(case)["url"]


def _article(html: str, url: str) -> ArticleItem:
    return page_to_article(FetchedPage(source="", url=url, html=html))


def _codes(item: ArticleItem) -> list[str]:
    return [p.split(":")[0] for p in item.problems]


CASES = [*FIXTURES, *REAL]
IDS = [c if isinstance(c, str) else f"real-{c.stem}" for c in CASES]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_a_redesign_keeps_title_time_authors_and_body(case):
    html, url = _page(case)
    original, changed = _article(html, url), _article(redesign(html), url)
    assert changed.layout is None and "layout_unknown" in _codes(changed)
    assert (changed.title, changed.published_at, changed.authors) == (
        original.title, original.published_at, original.authors
    )
    assert token_f1(original.body, changed.body) >= F1_FLOOR
    assert changed.field_sources["body"] == "trafilatura"  # the fallback made the body


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_a_redesign_keeps_notes_and_captions_out_of_the_body(case):
    html, url = _page(case)
    original, changed = _article(html, url), _article(redesign(html), url)
    assert (changed.editor_note, changed.dateline) == (original.editor_note, original.dateline)
    for caption in original.captions:
        assert caption not in changed.body
    assert "@" not in changed.body and "(END)" not in changed.body


@pytest.mark.parametrize("case", [c for c in CASES if with_widgets(_page(c)[0]) != _page(c)[0]],
                         ids=lambda c: c if isinstance(c, str) else f"real-{c.stem}")
def test_widgets_inside_a_known_container_stay_out_and_are_named(case):
    html, url = _page(case)
    original, changed = _article(html, url), _article(with_widgets(html), url)
    assert changed.layout == original.layout is not None
    assert junk_in(changed.body) == []
    assert token_f1(original.body, changed.body) >= F1_FLOOR
    markup = next(p for p in changed.problems if p.startswith("unknown_markup"))
    assert "div.x-signup" in markup and "div.x-more-news" in markup


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_widgets_and_a_redesign_together_leave_no_junk(case):
    html, url = _page(case)
    original, changed = _article(html, url), _article(redesign(with_widgets(html)), url)
    assert junk_in(changed.body) == []
    assert token_f1(original.body, changed.body) >= F1_FLOOR


def test_every_known_container_takes_the_widgets():
    """The widget test covers every fixture with a known layout and every real page."""
    changed = [c for c in CASES if with_widgets(_page(c)[0]) != _page(c)[0]]
    assert len(changed) == len(CASES) - 1  # all but the unknown-layout fixture


def test_a_paragraph_the_layout_claims_stays_even_if_trafilatura_drops_it():
    """The byline-free one-line paragraph trafilatura judges too short is still story when
    it sits where the layout's story paragraphs are (article.story-news > p)."""
    html, url = _page("yonhap_2023_lead")
    line = "<p>Seoul and Wellington will meet again in May.</p>"
    changed = _article(html.replace("</article>", f"{line}</article>", 1), url)
    assert changed.body.endswith("Seoul and Wellington will meet again in May.")
    assert "unknown_markup" not in _codes(changed)


def test_an_unclaimed_story_paragraph_kept_by_trafilatura_is_kept_and_named():
    html, url = _page("yonhap_2023_lead")
    box = ('<div class="x-quote"><p>"Fisheries data will be shared every quarter under the '
           'new arrangement, which both governments describe as a first step toward a broader '
           'maritime accord," a ministry official told reporters after the meeting.</p></div>')
    changed = _article(html.replace("</article>", f"{box}</article>", 1), url)
    assert "shared every quarter" in changed.body
    assert any(p.startswith("unknown_markup: div.x-quote") for p in changed.problems)


def test_an_unclaimed_box_trafilatura_drops_stays_out():
    """No link, no control, no class any rule knows: only trafilatura's judgement keeps this
    teaser box out of the body."""
    html, url = _page("yonhap_2023_lead")
    box = ('<div class="x-teaser"><h4>Editor\'s picks</h4><p>Ferry fares fall</p>'
           "<p>Library hours extended</p></div>")
    first = html.index("</p>", html.index('<article class="story-news')) + 4
    changed = _article(html[:first] + box + html[first:], url)
    assert "Editor's picks" not in changed.body and "Ferry fares fall" not in changed.body
    assert any(p.startswith("unknown_markup: div.x-teaser") for p in changed.problems)
