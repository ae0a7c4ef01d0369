"""The tagger's behaviour on the cases the crawler exists for, and on its classic traps."""

from __future__ import annotations

from pathlib import Path

import pytest

from newscrawl.topic import classify, default_rules, load_rules

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


@pytest.fixture(scope="module")
def rules():
    return load_rules()


def _tag(rules, title: str, body: str = "") -> dict:
    return classify(title, body, rules)


def test_seeds_are_bilateral_korea_japan(rules):
    """The two documents the project started from: both about Korea-Japan talks."""
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} not present beside the clone")
    seeds = sorted(SEEDS.glob("*.txt"))
    assert len(seeds) >= 2
    for path in seeds:
        res = classify("", path.read_text(encoding="utf-8"), rules)
        assert res["bilateral"], path.name
        assert ["JP", "KR"] in res["pairs"], (path.name, res["pairs"])


def test_result_shape(rules):
    res = _tag(
        rules,
        "S. Korea, Japan hold foreign ministers' talks",
        "The foreign ministers of South Korea and Japan met in Tokyo and agreed to expand "
        "exchanges, the foreign ministry said.",
    )
    assert set(res) == {"bilateral", "pairs", "score", "evidence"}
    assert res["bilateral"] is True
    assert res["pairs"] == [["JP", "KR"]]
    assert isinstance(res["score"], float) and res["score"] > 0
    assert set(res["evidence"]["countries"]) == {"JP", "KR"}
    assert "S. Korea" in res["evidence"]["countries"]["KR"]
    assert "foreign ministers" in res["evidence"]["diplomacy"]


def test_trilateral_yields_its_three_pairs(rules):
    res = _tag(
        rules,
        "S. Korea, U.S., Japan hold trilateral summit",
        "The leaders of South Korea, the United States and Japan held a trilateral summit on "
        "Friday and agreed to hold annual talks.",
    )
    assert res["bilateral"]
    assert res["pairs"] == [["JP", "KR"], ["JP", "US"], ["KR", "US"]]


def test_pairs_are_sorted_codes(rules):
    res = _tag(rules, "Japan, S. Korea hold vice-ministerial talks", "")
    assert res["pairs"] == [["JP", "KR"]]


def test_north_korea_is_kp_and_not_kr(rules):
    res = _tag(
        rules,
        "N. Korea, Russia hold summit",
        "North Korean leader Kim Jong-un and Russian President Vladimir Putin held summit "
        "talks, the North's state media said.",
    )
    assert res["bilateral"]
    assert res["pairs"] == [["KP", "RU"]]
    assert "KR" not in res["evidence"]["countries"]


def test_inter_korean_names_both_koreas(rules):
    res = _tag(rules, "Seoul proposes inter-Korean talks", "The unification ministry said ...")
    assert res["pairs"] == [["KP", "KR"]]


def test_capital_counts_as_metonym_only_in_diplomatic_sense(rules):
    res = _tag(rules, "", "Seoul and Washington agreed to strengthen their alliance at talks.")
    assert res["pairs"] == [["KR", "US"]]
    sport = _tag(rules, "", "The Washington Nationals beat the visitors from Seoul 5-2.")
    assert not sport["bilateral"]
    assert "US" not in sport["evidence"]["countries"]


def test_capital_as_venue_is_not_a_party(rules):
    res = _tag(
        rules,
        "S. Korea, Japan vice foreign ministers hold talks in Washington",
        "Vice foreign ministers of South Korea and Japan held bilateral talks in Washington.",
    )
    assert res["pairs"] == [["JP", "KR"]]


def test_home_country_implied_only_when_the_text_names_it(rules):
    counterpart = "Foreign Minister Han met his Mongolian counterpart and discussed cooperation."
    assert not _tag(rules, "", counterpart)["bilateral"]
    res = _tag(rules, "", counterpart + "\n\nHan said South Korea would support Mongolia.")
    assert res["bilateral"] and res["pairs"] == [["KR", "MN"]]


def test_japan_china_story_does_not_get_korea(rules):
    res = _tag(
        rules,
        "Japan, China foreign ministers meet in Beijing",
        "Japan's foreign minister and his Chinese counterpart held talks on the seafood ban.",
    )
    assert res["pairs"] == [["CN", "JP"]]


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "Bears beat Twins in KBO",
            "The Doosan Bears beat the LG Twins 5-3 in Seoul, with their Japanese-born pitcher "
            "striking out four in two innings.",
        ),
        (
            "KOSPI 200 closing price list",
            "Samsung Electronics 71,200 won up 1.2 percent\nSK hynix 120,500 won down 0.4 "
            "percent\nKOSPI closed at 2,612.35 points amid U.S.-China trade tensions",
        ),
        (
            "Boy band wraps up Japan tour at Tokyo Dome",
            "The K-pop group thanked its Japanese fans after two concerts in Tokyo.",
        ),
        ("Heat wave grips Seoul", "Temperatures in Seoul rose above 35 degrees Celsius."),
        (
            "Rival parties clash over budget",
            "The ruling and opposition parties clashed over President Yoon's budget.",
        ),
        (
            "Samsung signs chip deal with Japanese carmaker",
            "The contract deepens ties between the two companies, the firm said.",
        ),
        (
            "Korea beat Japan for Asian Games gold",
            "South Korea beat Japan 2-0 in the baseball final; the coach praised the team.",
        ),
        ("", ""),
    ],
    ids=["kbo", "stocks", "kpop", "weather", "domestic", "business", "sport-kr-jp", "empty"],
)
def test_not_bilateral(rules, title, body):
    res = _tag(rules, title, body)
    assert res["bilateral"] is False
    assert res["pairs"] == []


def test_default_rules_are_cached():
    assert default_rules() is default_rules()
