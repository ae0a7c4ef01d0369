"""Parties and subjects (issue 17): who a story pairs, and where diplomacy stops.

Each case is a short text of our own in wire style; each asserts the pairs docs/topic.md's
definition gives, so a rule change that pairs a subject or drops a party fails here.
"""

from __future__ import annotations

import pytest

from newscrawl.topic import classify, load_rules


@pytest.fixture(scope="module")
def rules():
    return load_rules()


def _pairs(rules, title: str, body: str) -> list[str]:
    res = classify(title, body, rules)
    return ["-".join(p) for p in res["pairs"]]


def test_protest_to_one_government_about_a_third_pairs_the_two_only(rules):
    body = (
        "SEOUL, March 3 (Yonhap) -- South Korea lodged a protest with Japan on Monday over "
        "a Japanese survey that described China's maritime activities as a threat, the "
        "foreign ministry said.\n\n"
        "The ministry summoned a Japanese diplomat and conveyed its regret."
    )
    assert _pairs(rules, "S. Korea protests to Japan over survey", body) == ["JP-KR"]


def test_a_country_that_was_only_discussed_is_not_a_party(rules):
    body = (
        "Foreign Minister Cho Hyun-jin held phone talks with U.S. Secretary of State Daniel "
        "Whitmore on Tuesday and discussed North Korea's missile launch and its military "
        "cooperation with Russia.\n\n"
        "The two sides agreed to seek a strong response at the Security Council, Seoul's "
        "foreign ministry said."
    )
    assert _pairs(rules, "", body) == ["KR-US"]


def test_a_place_is_not_a_party(rules):
    body = (
        "The defense ministers of South Korea and Poland met in Warsaw on Tuesday and "
        "discussed the war in Ukraine and arms cooperation."
    )
    assert _pairs(rules, "", body) == ["KR-PL"]


@pytest.mark.parametrize(
    "body",
    [
        # officials and an envoy
        "Japanese Foreign Minister Aiko Nishimura met the South Korean ambassador in Tokyo on "
        "Friday and discussed preparations for a summit.",
        # a ministry and the presidential office
        "The presidential office said Tuesday it had conveyed its concern to the Japanese "
        "foreign ministry through diplomatic channels, after Seoul's protest.",
        # capitals
        "Seoul and Tokyo agreed on Monday to resume their security dialogue.",
    ],
    ids=["officials", "ministry-and-presidential-office", "capitals"],
)
def test_a_state_named_through_its_officials_bodies_or_capital_is_a_party(rules, body):
    assert _pairs(rules, "", body) == ["JP-KR"]


def test_officials_named_once_count_for_their_country_later(rules):
    body = (
        "Chinese Foreign Minister Wang Yi arrived in Seoul on Monday for a two-day visit.\n\n"
        "Foreign Minister Cho Hyun-jin held talks with Wang on Tuesday and agreed to "
        "resume a high-level economic dialogue."
    )
    assert _pairs(rules, "", body) == ["CN-KR"]


def test_several_leaders_in_one_summit_sentence_each_pair_with_the_host(rules):
    body = (
        "SEOUL, May 30 (Yonhap) -- President Park Hye-won held summits on Tuesday with "
        "Fijian Prime Minister Seru Naivalu, Tongan Prime Minister Siaosi Fifita and "
        "Palauan President Tommy Remeliik, his office said.\n\n"
        "South Korea pledged to double its aid to the Pacific island region."
    )
    assert _pairs(rules, "", body) == ["FJ-KR", "KR-PW", "KR-TO"]


def test_a_second_meeting_reported_late_is_a_pair(rules):
    body = (
        "Foreign Minister Cho Hyun-jin and his Japanese counterpart agreed on Saturday to "
        "keep up shuttle diplomacy between their leaders.\n\n"
        "The two ministers also agreed to expand youth exchanges and discussed the "
        "anniversary of diplomatic ties next year, the ministry said.\n\n"
        "Relations between the two neighbors have improved since last year.\n\n"
        "After the talks, Cho flew to Jakarta, where he held talks with Indonesian Foreign "
        "Minister Sari Wulandari on Sunday and agreed to launch defense industry talks."
    )
    assert _pairs(rules, "S. Korea, Japan FMs agree to keep up momentum", body) == [
        "ID-KR", "JP-KR",
    ]  # fmt: skip


def test_a_country_that_joins_an_exercise_of_two_others_is_a_party(rules):
    body = (
        "South Korea and the United States staged combined air drills on Tuesday, with "
        "Japan's air force joining part of the exercise for the first time.\n\n"
        "The defense chiefs of the three countries agreed in June to hold such trilateral "
        "drills regularly."
    )
    assert _pairs(rules, "", body) == ["JP-KR", "JP-US", "KR-US"]


def test_a_hostile_statement_pairs_the_speaker_with_its_target(rules):
    body = (
        "North Korea on Tuesday warned Japan of grave consequences over its new defense "
        "strategy, which relies on U.S.-made missiles.\n\n"
        "A spokesperson for the North's foreign ministry said Tokyo would pay a price."
    )
    assert _pairs(rules, "Pyongyang warns Tokyo over defense strategy", body) == ["JP-KP"]


def test_a_warning_to_another_government_about_a_company_is_diplomacy(rules):
    body = (
        "The presidential office said Monday it would respond firmly to any unfair treatment "
        "of South Korean companies, warning the Japanese government not to pressure an "
        "internet company into selling its stake.\n\n"
        "Seoul conveyed its position to Tokyo through diplomatic channels, an official said."
    )
    assert _pairs(rules, "Seoul warns Tokyo over company dispute", body) == ["JP-KR"]


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "Samsung chief meets Vietnamese PM, pledges more investment",
            "Samsung Electronics Chairman Lee Jae-hoon met Vietnamese Prime Minister Nguyen "
            "Minh Khoa in Hanoi on Wednesday and said the company would expand its investment "
            "in the country. The company's Vietnamese units posted record sales.",
        ),
        (
            "Seoul, Tokyo agree to expand tourism exchanges at mayor-governor meeting",
            "Seoul Mayor Oh Tae-kyun and Tokyo Governor Mariko Shimada agreed Monday to expand "
            "exchanges in tourism and culture, as the two cities mark 35 years of sister city "
            "ties.",
        ),
        (
            "Court orders Japanese firm to compensate forced labor victims",
            "A Seoul court on Thursday ordered a Japanese steelmaker to pay compensation to "
            "four South Koreans forced to work at its factories during the colonial period. "
            "The company did not send a lawyer to the trial.",
        ),
        (
            "Hyundai, Toyota agree to develop fuel cells",
            "Hyundai Motor and Japan's Toyota agreed to jointly develop hydrogen fuel cell "
            "systems, deepening ties between the two companies, the firms said.",
        ),
    ],
    ids=["business-trip", "municipal", "court-ruling", "corporate"],
)
def test_business_city_and_court_stories_are_not_diplomacy(rules, title, body):
    res = classify(title, body, rules)
    assert res["bilateral"] is False
    assert res["pairs"] == []


def test_a_court_ruling_becomes_diplomacy_when_a_government_protests(rules):
    body = (
        "Japan lodged a protest with South Korea on Wednesday after a Seoul court ordered the "
        "sale of a Japanese company's assets. A Japanese foreign ministry official called in "
        "the deputy chief of mission at the South Korean Embassy and said the ruling was "
        "regrettable."
    )
    assert _pairs(rules, "Japan protests court ruling", body) == ["JP-KR"]


def test_evidence_says_why_each_pair_is_there(rules):
    res = classify(
        "S. Korea, Japan hold vice-ministerial talks",
        "Vice foreign ministers of South Korea and Japan held talks in Seoul on Thursday. "
        "Separately, Vice Foreign Minister Park Yoon-ho met the Vietnamese ambassador and "
        "discussed trade.",
        rules,
    )
    assert res["pairs"] == [["JP", "KR"], ["KR", "VN"]]
    why = res["evidence"]["pairs"]
    assert set(why) == {"JP-KR", "KR-VN"}
    for pair, reasons in why.items():
        assert reasons["score"] > 0, pair
        assert reasons["sentences"], pair
        for s in reasons["sentences"]:
            assert s["text"] and s["why"] and s["weight"] > 0
    assert any("Vietnamese ambassador" in s["text"] for s in why["KR-VN"]["sentences"])
