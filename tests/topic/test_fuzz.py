"""Whatever a page holds, tagging never raises and always returns the documented shape."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newscrawl.topic import classify, default_rules

WORDS = st.sampled_from([
    "Seoul", "Tokyo", "the North", "the South", "Korean", "North Korean", "U.S.", "US", "us",
    "S.", "Korea", "Japan", "talks", "summit", "bilateral", "trilateral", "in", "on", "and",
    ",", ".", "\n", "the two sides", "counterpart", "Washington", "Nationals", "KOSPI",
    "inter-Korean", "Hiroshima,", "-", "’s", "'", "(", ")", "Mayor",
])


@settings(max_examples=300, deadline=None)
@given(st.text(), st.text())
def test_any_text(title: str, body: str):
    _check(classify(title, body, default_rules()))


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=60).map(" ".join), st.lists(WORDS, max_size=200).map(" ".join))
def test_any_mix_of_known_words(title: str, body: str):
    _check(classify(title, body, default_rules()))


def _check(res: dict) -> None:
    assert set(res) == {"bilateral", "pairs", "score", "evidence"}
    assert isinstance(res["bilateral"], bool)
    assert res["score"] >= 0
    assert res["pairs"] == sorted(res["pairs"])
    assert all(len(p) == 2 and p[0] < p[1] for p in res["pairs"])
    if not res["bilateral"]:
        assert res["pairs"] == []
