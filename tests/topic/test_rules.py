"""The rules file: the packaged one loads, users can extend it, broken files fail clearly."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from newscrawl.errors import UsageError
from newscrawl.topic import _default_path, classify, load_rules


def _packaged() -> dict:
    return yaml.safe_load(_default_path().read_text(encoding="utf-8"))


def test_packaged_rules_load():
    rules = load_rules()
    assert {"KR", "KP", "JP", "US", "CN", "RU"} <= set(rules.countries)
    assert rules.home == "KR"


def test_a_user_can_add_a_country(tmp_path: Path):
    data = _packaged()
    data["countries"]["CL"] = {"names": ["Chile"], "adjectives": ["Chilean"],
                               "capitals": ["Santiago"]}
    path = tmp_path / "rules.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    text = "South Korea and Chile held summit talks and agreed to expand trade."
    assert classify("", text, load_rules())["pairs"] == []
    assert classify("", text, load_rules(path))["pairs"] == [["CL", "KR"]]


def test_a_user_can_add_a_diplomacy_term(tmp_path: Path):
    data = _packaged()
    data["diplomacy"]["custom"] = {"weight": 5, "terms": ["hotline"]}
    path = tmp_path / "rules.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    text = "South Korea and Japan opened a hotline."
    assert not classify("", text, load_rules())["bilateral"]
    assert classify("", text, load_rules(path))["bilateral"]


def _error(path: Path) -> str:
    with pytest.raises(UsageError) as info:
        load_rules(path)
    message = str(info.value)
    assert "\n" not in message
    assert str(path) in message
    return message


def test_missing_file(tmp_path: Path):
    assert "cannot read" in _error(tmp_path / "nope.yaml")


def test_invalid_yaml(tmp_path: Path):
    path = tmp_path / "bad.yaml"
    path.write_text("countries: [unclosed\n", encoding="utf-8")
    assert "invalid YAML" in _error(path)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- just a list\n", "mapping at the top level"),
        ("countries: {}\n", "countries"),
        ("countries: {Korea: {names: [Korea]}}\ndiplomacy: {a: {weight: 1, terms: [x]}}\n",
         "two-letter"),
        ("countries: {KR: {names: Korea}}\ndiplomacy: {a: {weight: 1, terms: [x]}}\n",
         "countries.KR.names"),
        ("countries: {KR: {names: [Korea]}}\n", "diplomacy"),
        ("countries: {KR: {names: [Korea]}}\ndiplomacy: {a: {weight: -1, terms: [x]}}\n",
         "diplomacy.a.weight"),
        ("countries: {KR: {names: [Korea]}}\ndiplomacy: {a: {weight: 1, terms: [x]}}\n"
         "thresholds: {bilateral: high}\n", "thresholds.bilateral"),
        ("countries: {KR: {names: [Korea]}}\ndiplomacy: {a: {weight: 1, terms: [x]}}\n"
         "topic_markers: [on]\n", "topic_markers"),
        ("countries: {KR: {names: [Korea]}}\ndiplomacy: {a: {weight: 1, terms: [x]}}\n"
         "contries: {}\n", "contries"),
        ("countries: {JP: {names: [Japan]}}\ndiplomacy: {a: {weight: 1, terms: [x]}}\n",
         "home"),
    ],
    ids=["list", "no-countries", "bad-code", "names-not-list", "no-diplomacy", "weight",
         "threshold", "yaml-on-is-true", "typo", "home-missing"],
)
def test_invalid_rules(tmp_path: Path, text: str, expected: str):
    path = tmp_path / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    assert expected in _error(path)


def test_minimal_rules_file_works(tmp_path: Path):
    path = tmp_path / "rules.yaml"
    path.write_text(
        "countries:\n  KR: {names: [Korea]}\n  JP: {names: [Japan]}\n"
        "diplomacy:\n  all: {weight: 5, terms: [talks]}\n",
        encoding="utf-8",
    )
    res = classify("", "Korea and Japan held talks.", load_rules(path))
    assert res["pairs"] == [["JP", "KR"]]
