"""Extraction quality gate (Fundus / trafilatura CI style).

Every page in tests/fixtures/pages has an expected JSON written from the story that was put in
the page (build.py), not from the extractor's output. The gate fails when body token-F1 drops
below the pinned floor on any page, or when a pinned field is not exact.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from newscrawl.evaluation import token_f1
from newscrawl.items import item_to_json
from newscrawl.sites import LAYOUTS
from tests.layouts.helpers import extract_html

PAGES = Path(__file__).resolve().parent / "fixtures" / "pages"
CASES = sorted(p.stem for p in PAGES.glob("*.json"))
BODY_F1_FLOOR = 0.99
EXACT = ("title", "published_at", "authors")
ALSO_EXACT = (
    "source", "canonical_url", "site_article_id", "subtitle", "editor_note", "dateline",
    "section", "tags", "modified_at", "captions", "language", "layout",
)
_TOKEN = re.compile(r"\w+")


def _run(name: str) -> tuple[dict, dict]:
    want = json.loads((PAGES / f"{name}.json").read_text(encoding="utf-8"))
    html = (PAGES / f"{name}.html").read_text(encoding="utf-8")
    return item_to_json(extract_html(html, want["url"])), want


def test_fixture_set_covers_every_layout_era():
    layouts = {json.loads((PAGES / f"{n}.json").read_text())["layout"] for n in CASES}
    every = {layout.name for versions in LAYOUTS.values() for layout in versions}
    assert every | {None} <= layouts


@pytest.mark.parametrize("name", CASES)
def test_body_f1_floor(name):
    got, want = _run(name)
    score = token_f1(want["body"], got["body"], words=True)
    assert score >= BODY_F1_FLOOR, f"{name}: body F1 {score:.4f} < {BODY_F1_FLOOR}"


@pytest.mark.parametrize("name", CASES)
def test_pinned_fields_exact(name):
    got, want = _run(name)
    for field in EXACT:
        assert got[field] == want[field], field


@pytest.mark.parametrize("name", CASES)
def test_other_fields_exact(name):
    got, want = _run(name)
    for field in ALSO_EXACT:
        assert got[field] == want[field], field


@pytest.mark.parametrize("name", CASES)
def test_clean_pages_have_no_problems(name):
    """None but the flag a page no layout knows always carries (docs/drift.md)."""
    got, want = _run(name)
    codes = [p.split(":")[0] for p in got["problems"]]
    assert codes == ([] if want["layout"] else ["layout_unknown"])

