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


# Round 2 (docs/topic.md, "The wire-style set"): what the first held-out part showed.


def test_the_chiefs_of_three_countries_are_parties_not_subjects(rules):
    body = (
        "JAKARTA, May 9 (Yonhap) -- The defense chiefs of South Korea, Australia and Canada "
        "met on the sidelines of a regional forum on Thursday and discussed maritime "
        "security.\n\n"
        "The three countries also agreed to hold joint drills in the fall."
    )
    assert _pairs(rules, "Defense chiefs meet in Jakarta", body) == [
        "AU-CA", "AU-KR", "CA-KR",
    ]


def test_a_side_trip_destination_is_not_a_party_to_the_stopover(rules):
    body = (
        "SEOUL, Feb. 2 (Yonhap) -- North Korean Foreign Minister Choe Son-hui held talks with "
        "Vietnamese Foreign Minister Tran Duc Long in Hanoi on Monday, state media said.\n\n"
        "On her way to Beijing, Choe stopped over in Vientiane and held talks with Lao Foreign "
        "Minister Khamphet Sisouk, the Lao foreign ministry said."
    )
    pairs = _pairs(rules, "N. Korean FM visits Vietnam", body)
    assert "KP-LA" in pairs and "CN-LA" not in pairs and "CN-KP" not in pairs


def test_a_source_clause_does_not_make_the_country_before_it_a_party(rules):
    body = (
        "MOSCOW, March 4 (Yonhap) -- Russia summoned the Japanese ambassador on Tuesday to "
        "protest Tokyo's new sanctions over the war in Ukraine, the Russian foreign ministry "
        "said.\n\n"
        "Japan's foreign ministry said it had conveyed its regret to Moscow."
    )
    assert _pairs(rules, "Russia summons Japanese envoy", body) == ["JP-RU"]


def test_a_foreign_body_makes_the_next_unnamed_ministry_its_own(rules):
    body = (
        "BEIJING, June 3 (Yonhap) -- China's commerce ministry announced curbs on imports of "
        "Japanese fish on Monday, while the foreign ministry summoned the Japanese "
        "ambassador to protest Tokyo's release of treated water.\n\n"
        "Tokyo urged Beijing to lift the curbs, Japan's top government spokesman said. "
        "South Korea's fisheries ministry said it was watching the dispute."
    )
    assert _pairs(rules, "China curbs Japanese fish imports", body) == ["CN-JP"]


def test_a_story_between_others_gets_no_home_pair_from_a_one_country_sentence(rules):
    body = (
        "TOKYO, July 7 (Yonhap) -- Japanese Prime Minister Kenta Oshiro held talks with the "
        "leaders of Fiji, Samoa and Tonga in Tokyo on Monday and pledged aid for coastal "
        "defenses.\n\n"
        "Japan is the second-largest donor to the region after Australia and ahead of South "
        "Korea, according to a think tank."
    )
    pairs = _pairs(rules, "Japan's PM holds talks with Pacific island leaders", body)
    assert pairs == ["FJ-JP", "JP-TO", "JP-WS"], pairs


def test_capitals_acting_keep_a_court_story_diplomatic_but_cities_do_not(rules):
    body = (
        "SEOUL, Aug. 12 (Yonhap) -- South Korea has conveyed its concern to China after a "
        "Chinese court sentenced a South Korean businessman to five years in prison, the "
        "foreign ministry said."
    )
    title = "Seoul conveys concern to Beijing after Chinese court jails Korean"
    assert _pairs(rules, title, body) == ["CN-KR"]
    city = (
        "SEOUL, Aug. 12 (Yonhap) -- Seoul Mayor Oh Tae-kyun and Beijing Mayor Liu Hong agreed "
        "Monday to expand exchanges between the two cities' museums."
    )
    assert _pairs(rules, "Seoul, Beijing agree on exchanges at mayors' meeting", city) == []


def test_a_late_second_meeting_with_a_defense_secretary_is_a_pair(rules):
    body = (
        "HANOI, Nov. 6 (Yonhap) -- Defense Minister Shin Kyung-ho held talks with Vietnamese "
        "Defense Minister Pham Van Hoa in Hanoi on Wednesday and agreed to expand defense "
        "industry cooperation, Seoul's defense ministry said.\n\n"
        "The two ministers also agreed to hold joint drills on disaster relief.\n\n"
        "South Korea and Vietnam upgraded their ties to a comprehensive strategic partnership "
        "in 2022.\n\n"
        "On his way home, Shin stopped in Manila and held talks with Philippine Defense "
        "Secretary Ramon Cruz, the ministry added."
    )
    assert _pairs(rules, "S. Korea, Vietnam defense chiefs agree on arms cooperation", body) == [
        "KR-PH", "KR-VN",
    ]


# Round 3: what the second held-out part, written by others, showed.


def test_a_turn_in_the_sentence_keeps_two_guests_apart(rules):
    body = (
        "SEOUL, May 2 (Yonhap) -- President Han Seung-woo held talks with the leaders of Kenya "
        "and Uganda on Tuesday, the presidential office said.\n\n"
        "With Kenyan President Daniel Mwangi, Han agreed to expand port cooperation, while the "
        "Ugandan leader, Grace Okello, asked for South Korean help with vaccine plants."
    )
    pairs = _pairs(rules, "Han meets Kenyan, Ugandan leaders", body)
    assert pairs == ["KE-KR", "KR-UG"], pairs


def test_talks_with_two_guests_and_no_host_named_do_not_pair_the_guests(rules):
    body = (
        "SUVA, Sept. 3 (Yonhap) -- Foreign Minister Cho Eun-seo held talks with Fijian Foreign "
        "Minister Ratu Tevita on Tuesday and agreed to expand fisheries cooperation, the "
        "foreign ministry said."
    )
    pairs = _pairs(rules, "FM holds talks with Fiji, Samoa on fisheries", body)
    assert "FJ-WS" not in pairs and "FJ-KR" in pairs, pairs


def test_a_ministry_in_a_foreign_capital_is_that_country_s(rules):
    body = (
        "TOKYO, Feb. 11 (Yonhap) -- Japanese Defense Minister Kenji Mori and U.S. Defense "
        "Secretary Paul Grant reached an agreement on warship repairs during talks at the "
        "defense ministry in Tokyo on Tuesday, according to a joint statement.\n\n"
        "South Korean shipbuilders are bidding for similar work."
    )
    assert _pairs(rules, "Japan, U.S. agree on warship repairs", body) == ["JP-US"]


def test_a_planned_summit_with_others_is_a_subject(rules):
    body = (
        "SEOUL, Oct. 15 (Yonhap) -- Lawmakers pressed Foreign Minister Ahn Ji-seok on "
        "Tuesday on the fate of a delayed trilateral summit with Japan and China.\n\n"
        "Ahn said the ministry had lodged a protest with Beijing over its steel structures "
        "in the Yellow Sea and summoned the Chinese ambassador."
    )
    assert _pairs(rules, "FM grilled over Chinese structures", body) == ["CN-KR"]


def test_a_business_leader_s_trip_implies_no_home_government(rules):
    body = (
        "RIYADH, Jan. 16 (Yonhap) -- Daesong Group Chairman Ko Min-jun met Saudi officials in "
        "Riyadh on Tuesday to discuss a desalination plant, the group said.\n\n"
        "On Wednesday, Ko flew to Abu Dhabi, where he was received by UAE President Sheikh "
        "Khalid and pitched the group's reactor design, a company spokesperson said.\n\n"
        "The trip comes a year after the South Korean president's state visit to the UAE."
    )
    assert _pairs(rules, "Daesong chief meets UAE president on Gulf tour", body) == []


def test_a_government_that_denounces_another_is_diplomacy_despite_company_words(rules):
    body = (
        "SEOUL, Oct. 14 (Yonhap) -- North Korea on Tuesday denounced the European Union's new "
        "sanctions on its officials and companies as a hostile act.\n\n"
        "Announcing the sanctions, the EU's foreign policy chief called on Pyongyang to halt "
        "its arms exports."
    )
    assert _pairs(rules, "N. Korea lashes out at EU", body) == ["EU-KP"]


def test_in_a_foreign_capital_the_unnamed_ministry_is_that_country_s(rules):
    body = (
        "BEIJING, Sept. 18 (Yonhap) -- China on Thursday imposed sanctions on three Japanese "
        "lawmakers over their trip to Taiwan.\n\n"
        "In Tokyo, the top government spokesman called the sanctions unacceptable. The "
        "foreign ministry lodged a protest with the Chinese Embassy, the ministry said."
    )
    pairs = _pairs(rules, "China sanctions Japanese lawmakers", body)
    assert pairs == ["CN-JP"], pairs


def test_from_a_foreign_dateline_the_official_met_is_local(rules):
    body = (
        "MANILA, Aug. 27 (Yonhap) -- The Philippines on Wednesday summoned China's ambassador "
        "to protest a water cannon attack on a research ship.\n\n"
        "U.S. Ambassador Karen Hill spoke by phone with Foreign Affairs Secretary Enrique "
        "Santos later in the day and reaffirmed the two countries' defense treaty."
    )
    pairs = _pairs(rules, "Manila summons Chinese envoy", body)
    assert pairs == ["CN-PH", "PH-US"], pairs


def test_forces_that_join_a_drill_make_their_state_a_party(rules):
    body = (
        "SEOUL, Oct. 25 (Yonhap) -- South Korea and the United States ended a 12-day air "
        "exercise on Friday, with Japanese fighter jets joining the final phase for the first "
        "time.\n\n"
        "The three countries said in a joint statement that the trilateral training would "
        "continue."
    )
    pairs = _pairs(rules, "Japanese jets join allies' air drill", body)
    assert pairs == ["JP-KR", "JP-US", "KR-US"], pairs


def test_a_dollar_sign_is_not_the_united_states(rules):
    body = (
        "MEXICO CITY, June 5 (Yonhap) -- Mexico fined a Chinese carmaker 1.4 billion pesos "
        "(US$73 million) on Wednesday.\n\n"
        "The foreign ministers of the two countries discussed the fine by phone on Thursday "
        "and agreed to hold trade talks, their ministries said."
    )
    assert _pairs(rules, "Mexico fines Chinese carmaker", body) == ["CN-MX"]


def test_a_home_official_with_a_less_common_romanization_is_recognised(rules):
    body = (
        "BRASILIA, Aug. 27 (Yonhap) -- Foreign Minister Jeong Da-eun held talks with her "
        "Brazilian counterpart on Monday and agreed to restart trade talks, the foreign "
        "ministry said.\n\n"
        "The two sides also agreed to hold a strategic dialogue next year.\n\n"
        "Jeong then flew to Lima, where she held talks with Peruvian Foreign Minister Elena "
        "Ruiz and signed a working holiday agreement."
    )
    assert _pairs(rules, "FM Jeong holds talks in Brazil", body) == ["BR-KR", "KR-PE"]


# Round 4: what the third held-out part showed.


def test_a_sentence_ending_in_a_quotation_ends_there(rules):
    body = (
        "SEOUL, May 29 (Yonhap) -- Vice Foreign Minister Yoon Sang-ho opened a forum on "
        "regional cooperation on Thursday, saying the government \"remains committed to "
        "dialogue.\" Diplomats from the Chinese and Japanese embassies attended as observers."
    )
    assert _pairs(rules, "Forum on regional cooperation opens", body) == []


def test_a_parliament_s_chairman_is_an_official_not_a_business_word(rules):
    body = (
        "ASTANA, Sept. 17 (Yonhap) -- National Assembly Speaker Woo Hyun-sik held talks with "
        "Yerlan Sadykov, chairman of Kazakhstan's lower house, on Tuesday and agreed to set up "
        "a parliamentary dialogue, his office said."
    )
    assert _pairs(rules, "Speaker Woo visits Kazakhstan", body) == ["KR-KZ"]


def test_a_name_with_al_is_remembered_by_its_surname(rules):
    body = (
        "RIYADH, May 20 (Yonhap) -- Saudi Energy Minister Fahad al-Rashidi attended a signing "
        "ceremony of two state firms on Tuesday.\n\n"
        "On the sidelines, al-Rashidi held talks with Zhou Hanlin, head of China's National "
        "Energy Administration, and the two agreed to set up a joint working group."
    )
    assert _pairs(rules, "Saudi, Chinese firms sign charter", body) == ["CN-SA"]


def test_including_goes_on_with_the_topic_before_it(rules):
    body = (
        "NEW DELHI, March 6 (Yonhap) -- First Vice Foreign Minister Ryu Sang-chul and Indian "
        "Foreign Secretary Arvind Mehta held their strategic dialogue on Thursday, the foreign "
        "ministry said.\n\n"
        "Mehta briefed his counterpart on India's relations with its neighbors, including "
        "tension along the border with Pakistan."
    )
    assert _pairs(rules, "Vice FM holds strategic dialogue in New Delhi", body) == ["IN-KR"]


def test_a_year_ahead_does_not_make_a_sentence_background(rules):
    body = (
        "SEOUL, Oct. 2 (Yonhap) -- Trade Minister Yoon Jae-kwang held talks with Saudi "
        "Investment Minister Khalid Otaibi on Monday, the ministry said.\n\n"
        "Later in the week, Qatari Energy Minister Saad Mannai flew into Seoul and held talks "
        "with Industry Minister Cho Hyun-woo on gas supplies beyond 2030."
    )
    pairs = _pairs(rules, "Seoul courts Gulf investment", body)
    assert pairs == ["KR-QA", "KR-SA"], pairs


def test_countries_a_state_competes_with_are_a_subject(rules):
    body = (
        "BEIJING, April 2 (Yonhap) -- Chinese President Xi Jinping held talks with the prime "
        "minister of Cambodia on Wednesday at a summit in Kunming.\n\n"
        "The summit comes as China competes with Japan and the United States for diplomatic "
        "influence in the region."
    )
    assert _pairs(rules, "Xi meets Cambodian PM", body) == ["CN-KH"]


def test_former_diplomats_are_not_officials(rules):
    body = (
        "JEJU, May 29 (Yonhap) -- Scholars and former diplomats from South Korea, China and "
        "Japan on Thursday urged the three countries to resume trilateral summits, at an "
        "academic forum."
    )
    assert _pairs(rules, "Scholars call for three-way summitry", body) == []


def test_a_pair_only_the_headline_names_is_not_reported_beside_the_main_one(rules):
    body = (
        "SEOUL, Oct. 28 (Yonhap) -- North Korea on Tuesday denounced the European Union's new "
        "sanctions on its officials."
    )
    pairs = _pairs(rules, "N. Korea calls EU Washington's 'errand boy' over sanctions", body)
    assert pairs == ["EU-KP"], pairs


def test_what_happened_before_is_apart_from_the_protest(rules):
    body = (
        "BEIJING, Oct. 9 (Yonhap) -- China on Thursday lodged stern representations with the "
        "United States after Washington approved an arms sale to Taiwan, and vowed "
        "countermeasures.\n\n"
        "A Chinese foreign ministry spokesperson said Beijing had made its objections known to "
        "the U.S. Embassy."
    )
    pairs = _pairs(rules, "China vows countermeasures as Washington clears arms sale to Taipei",
                   body)
    assert "CN-TW" not in pairs and "CN-US" in pairs, pairs


def test_an_official_in_seoul_is_the_home_government(rules):
    body = (
        "MOSCOW, April 3 (Yonhap) -- Russia on Thursday warned South Korea of consequences "
        "for relations over its arms exports.\n\n"
        "\"Such steps will not go unanswered,\" Russian foreign ministry spokesperson Irina "
        "Volkova told a briefing.\n\n"
        "A foreign ministry official in Seoul said the government would respond calmly."
    )
    assert _pairs(rules, "Moscow warns Seoul", body) == ["KR-RU"]


def test_countries_that_sent_delegates_to_a_summit_are_not_a_pair(rules):
    body = (
        "BEIJING, April 2 (Yonhap) -- Chinese President Xi Jinping held talks with the "
        "president of Laos on Wednesday at a regional summit.\n\n"
        "Thailand and Vietnam sent deputy prime ministers to the summit."
    )
    assert _pairs(rules, "Xi meets Lao leader", body) == ["CN-LA"]


# Round 5: what the fourth held-out part, written to random scenarios, showed.


def test_an_unnamed_minister_from_the_dateline_is_remembered_for_a_later_meeting(rules):
    body = (
        "BUDAPEST, Dec. 3 (Yonhap) -- Hungary summoned the French ambassador on Wednesday to "
        "protest a French minister's remarks on its budget.\n\n"
        "\"We do not take lectures,\" Foreign Minister Bence Kovacs said on social media.\n\n"
        "Later on Wednesday, Kovacs hosted Serbian Foreign Minister Milan Petrovic in Budapest."
    )
    pairs = _pairs(rules, "Budapest calls in French envoy", body)
    assert pairs == ["FR-HU", "HU-RS"], pairs


def test_every_country_after_the_leaders_of_is_a_party_to_the_meeting(rules):
    body = (
        "SEOUL, May 12 (Yonhap) -- President Han Myung-jin held separate summits on Monday with "
        "the prime ministers of Laos, Mongolia and Timor-Leste, his office said.\n\n"
        "In his talks with Lao Prime Minister Sonexay Vong, Han agreed to raise concessional "
        "loans to Laos, and the two leaders signed three agreements.\n\n"
        "Han and Sonexay also issued a joint statement on a strategic partnership, the "
        "presidential office said.\n\n"
        "The Lao ambassador said the outcome was the most concrete in a decade."
    )
    pairs = _pairs(rules, "Han holds summits with Asian leaders", body)
    assert pairs == ["KR-LA", "KR-MN", "KR-TL"], pairs


def test_a_leader_named_again_by_a_middle_name_keeps_the_host_s_side(rules):
    body = (
        "BRASILIA, Nov. 13 (Yonhap) -- Brazilian President Luiz Inacio Lula da Silva held "
        "talks on Thursday with the prime minister of Papua New Guinea at a forest summit, his "
        "office said.\n\n"
        "Lula asked Prime Minister Peter Kumbu to ensure consular access for a detained "
        "Brazilian, according to a statement.\n\n"
        "In his other meetings, Lula discussed carbon financing with the Congolese and "
        "Indonesian leaders, the statement said."
    )
    pairs = _pairs(rules, "Lula meets Pacific leader", body)
    assert pairs == ["BR-CD", "BR-ID", "BR-PG"], pairs


def test_the_foreign_ministry_a_story_abroad_is_set_at_is_the_local_one(rules):
    body = (
        "DHAKA, May 7 (Yonhap) -- Bangladesh and Argentina signed a memorandum of "
        "understanding on Wednesday to expand trade in wheat.\n\n"
        "The agreement was signed at the foreign ministry by Bangladesh Foreign Secretary "
        "Rezaul Haque and Marcelo Ruiz, Argentina's secretary of economic relations, who is "
        "leading a delegation."
    )
    assert _pairs(rules, "Dhaka, Buenos Aires sign grain pact", body) == ["AR-BD"]


def test_lashing_out_at_a_country_addresses_it(rules):
    body = (
        "BANGKOK, Sept. 2 (Yonhap) -- Thailand's labor ministry announced a crackdown on "
        "illegal job brokers on Tuesday.\n\n"
        "Labor Minister Suriya Kaew said 41 brokers had been arrested.\n\n"
        "Suriya also lashed out at South Korea, calling raids on Thai farm workers there "
        "humiliating and warning that Bangkok would review its labor agreement.\n\n"
        "South Korea's foreign ministry said it was looking into the raids."
    )
    assert _pairs(rules, "Thai minister slams raids", body) == ["KR-TH"]


def test_a_state_whose_ship_joins_a_drill_is_a_party(rules):
    body = (
        "SEOUL, March 19 (Yonhap) -- South Korea and the United States began a combined naval "
        "exercise off Jeju on Wednesday and were joined by a Japanese destroyer for the first "
        "time, the defense ministry said.\n\n"
        "The three countries issued a joint statement on Wednesday welcoming the trilateral "
        "training."
    )
    pairs = _pairs(rules, "Allies begin naval drill", body)
    assert pairs == ["JP-KR", "JP-US", "KR-US"], pairs


def test_handing_over_remains_and_thanks_between_governments_is_diplomacy(rules):
    body = (
        "WARSAW, Oct. 29 (Yonhap) -- Dutch State Secretary for Defence Pieter Smit handed over "
        "the remains of three Polish soldiers to Polish Deputy Defense Minister Anna Nowak on "
        "Tuesday.\n\n"
        "Nowak thanked The Hague, and said the two governments had agreed to search for more."
    )
    assert _pairs(rules, "Polish soldiers' remains come home", body) == ["NL-PL"]


def test_a_meeting_pushed_for_in_the_near_future_is_not_a_pair_yet(rules):
    body = (
        "Foreign Minister Han Ji-woo spoke by phone with Japanese Foreign Minister Kenji Mori "
        "on Monday and discussed North Korea's launch.\n\n"
        "The ministers agreed to push for a meeting of leaders from Korea, Japan and China in "
        "the near future, the ministry said."
    )
    assert _pairs(rules, "Top diplomats of Korea, Japan talk by phone", body) == ["JP-KR"]


# Round 6: what the fifth held-out part, written to random scenarios, showed.


def test_a_title_right_after_another_country_s_adjective_is_that_country_s(rules):
    body = (
        "VIENTIANE, June 4 (Yonhap) -- Vietnamese Deputy Foreign Minister Tran Minh Quang held "
        "talks on Tuesday with Lao Secretary of State for Foreign Affairs Khamphet Sithong.\n\n"
        "They agreed to hold consular consultations in the autumn, Laos' foreign ministry said."
    )
    assert _pairs(rules, "Hanoi, Vientiane hold talks", body) == ["LA-VN"]


def test_from_a_foreign_dateline_the_official_who_hosts_a_visitor_is_local(rules):
    body = (
        "NAIROBI, April 9 (Yonhap) -- Kenya said Wednesday it had secured funding for a new "
        "water pipeline to the coast.\n\n"
        "The loan was agreed when President David Mwangi held summit talks with South Korean "
        "President Han Jae-min in Nairobi on Monday, the treasury said in a statement.\n\n"
        "Kenya's treasury said construction would begin next year."
    )
    assert _pairs(rules, "Kenya lines up pipeline loan", body) == ["KE-KR"]


def test_an_official_who_hosts_in_a_foreign_capital_is_that_country_s(rules):
    body = (
        "CAPE TOWN, May 6 (Yonhap) -- South Africa on Tuesday condemned Egypt's detention of "
        "two South African journalists and summoned the Egyptian ambassador.\n\n"
        "Separately, International Relations Minister Lindiwe Mabuza hosted Argentine Foreign "
        "Minister Pablo Rojas in Pretoria on Tuesday afternoon for talks on fisheries."
    )
    pairs = _pairs(rules, "Pretoria condemns detention of journalists", body)
    assert pairs == ["AR-ZA", "EG-ZA"], pairs


def test_a_ministry_abroad_that_deals_with_the_home_embassy_is_the_local_one(rules):
    body = (
        "DHAKA, Aug. 5 (Yonhap) -- Bangladeshi lawmakers on Tuesday demanded better training "
        "for workers sent abroad after a series of deaths.\n\n"
        "Labor Minister Rafiq Ahmed said the foreign ministry had handed a protest note to the "
        "South Korean Embassy over the death of a worker at a shipyard, demanding an "
        "investigation.\n\n"
        "He said Bangladesh was reviewing all its labor agreements, including with Malaysia, "
        "Japan and several Gulf states."
    )
    assert _pairs(rules, "Dhaka lawmakers demand job scheme overhaul", body) == ["BD-KR"]


def test_agreements_reviewed_including_with_other_countries_are_a_subject(rules):
    body = (
        "DHAKA, Aug. 5 (Yonhap) -- Bangladesh's foreign ministry on Monday handed a protest "
        "note to the South Korean Embassy over the death of a worker.\n\n"
        "Foreign Minister Rafiq Ahmed said Bangladesh was reviewing all its bilateral labor "
        "agreements, including with Malaysia and Japan."
    )
    assert _pairs(rules, "Dhaka protests worker death", body) == ["BD-KR"]


def test_a_speaker_who_joins_the_talks_pairs_with_both_sides(rules):
    body = (
        "SUVA, Oct. 8 (Yonhap) -- A delegation of Ghanaian lawmakers held talks with Fijian "
        "parliamentarians on Wednesday on peacekeeping cooperation, Fiji's parliament said.\n\n"
        "The two sides agreed to share training for peacekeepers.\n\n"
        "On Tuesday, Samoa's parliamentary speaker, Tuilagi Faleolo, who was in Suva for a "
        "regional meeting, joined the talks."
    )
    pairs = _pairs(rules, "Ghanaian lawmakers in Suva", body)
    assert pairs == ["FJ-GH", "FJ-WS", "GH-WS"], pairs


def test_a_late_meeting_of_two_governments_officials_is_reported(rules):
    body = (
        "SEOUL, Feb. 3 (Yonhap) -- Prime Minister Park Min-ho held talks with Vietnamese Prime "
        "Minister Le Van Hung in Seoul on Monday, and the two leaders agreed to raise trade "
        "to $150 billion, the prime minister's office said.\n\n"
        "The two sides signed six agreements and issued a joint statement on a strategic "
        "partnership.\n\n"
        "Park also welcomed the Vietnamese leader at a state dinner, where the two prime "
        "ministers discussed regional security and North Korea.\n\n"
        "Park also met Kenyan Vice President Joseph Otieno on Monday."
    )
    pairs = _pairs(rules, "S. Korea, Vietnam agree to raise trade", body)
    assert pairs == ["KE-KR", "KR-VN"], pairs


def test_an_opening_time_clause_is_apart_from_the_main_clause(rules):
    body = (
        "HONIARA, Aug. 14 (Yonhap) -- South Korea and Solomon Islands agreed on Wednesday to "
        "cooperate on fisheries, after their foreign ministers met in Honiara.\n\n"
        "Foreign Minister Cho Min-seok held talks with Solomon Islands Foreign Minister Peter "
        "Tavua, and the two sides signed a joint statement.\n\n"
        "Hours after Cho left for Suva, Tavua received Australian Foreign Minister Grace "
        "Hollis, who arrived in Honiara for a two-day visit."
    )
    pairs = _pairs(rules, "S. Korea, Solomon Islands agree on fisheries", body)
    assert pairs == ["AU-SB", "KR-SB"], pairs


def test_a_government_that_imposes_sanctions_on_a_country_s_people_addresses_it(rules):
    body = (
        "SEOUL, Jan. 22 (Yonhap) -- South Korea on Wednesday imposed sanctions on six North "
        "Korean bankers accused of financing Pyongyang's weapons programs, the foreign "
        "ministry said."
    )
    assert _pairs(rules, "Seoul blacklists N. Korean bankers", body) == ["KP-KR"]


def test_what_follows_a_which_clause_in_a_list_of_topics_is_still_a_topic(rules):
    body = (
        "TOKYO, June 2 (Yonhap) -- Japan and the United States agreed on Monday to expand "
        "the repair of U.S. warships at Japanese shipyards, their defense ministers said.\n\n"
        "The two ministers also discussed China's new aircraft carrier, which began sea trials "
        "last month, and North Korea's growing military cooperation with Russia."
    )
    assert _pairs(rules, "Japan, U.S. agree on ship repairs", body) == ["JP-US"]


def test_the_two_speakers_continue_a_parliamentary_visit(rules):
    body = (
        "DOHA, Nov. 18 (Yonhap) -- National Assembly Speaker Choi Yoon-seok met with Qatar's "
        "Shura Council speaker on Monday and asked for support for cooperation in energy, his "
        "office said.\n\n"
        "The two speakers agreed to hold regular meetings of their friendship groups."
    )
    res = classify("Assembly chief on Gulf trip", body, rules)
    assert res["pairs"] == [["KR", "QA"]]
    why = res["evidence"]["pairs"]["KR-QA"]["sentences"]
    assert any(s["text"].startswith("The two speakers") for s in why), why


def test_a_high_commissioner_is_an_official(rules):
    body = (
        "PRETORIA, Feb. 12 (Yonhap) -- British High Commissioner Eleanor Pryde met South "
        "African Finance Minister Sipho Ndlovu on Wednesday about flood relief."
    )
    res = classify("Flood relief", body, rules)
    assert res["pairs"] == [["GB", "ZA"]]
    assert "high commissioner" in res["evidence"]["diplomacy"]


def test_members_of_a_country_s_national_assembly_act_for_it(rules):
    body = (
        "ULAANBAATAR, June 3 (Yonhap) -- Members of the South Korean National Assembly held "
        "talks with Mongolian lawmakers on Tuesday and agreed to expand exchanges, the "
        "delegation said."
    )
    assert _pairs(rules, "Lawmakers in Ulaanbaatar", body) == ["KR-MN"]


def test_talks_a_leader_is_also_scheduled_to_hold_are_not_pairs_yet(rules):
    body = (
        "NEW DELHI, March 6 (Yonhap) -- President Lee Jae-hoon held summit talks with Indian "
        "Prime Minister Arjun Mehta on Friday, and the two leaders agreed to expand defense "
        "cooperation, Lee's office said.\n\n"
        "Lee is also scheduled to hold talks with the leaders of Ghana and Peru on Sunday "
        "before returning home."
    )
    assert _pairs(rules, "S. Korea, India agree on defense ties", body) == ["IN-KR"]


# Round 7: what the sixth held-out part, written to random scenarios, showed.


def test_the_host_named_by_title_after_his_host_is_local(rules):
    body = (
        "LISBON, May 12 (Yonhap) -- Danish Prime Minister Mette Lund and her host, Prime "
        "Minister Rui Fontes, agreed on Monday to cooperate on offshore wind, according to a "
        "joint statement."
    )
    assert _pairs(rules, "Danish premier in Lisbon", body) == ["DK-PT"]


def test_a_name_before_a_country_s_title_is_that_country_s_official(rules):
    body = (
        "ATHENS, Sept. 9 (Yonhap) -- Nikos Andreou, Greece's deputy defense minister, "
        "welcomed U.S. Ambassador Paul Lindgren at a ceremony on Monday, the ministry said.\n\n"
        "Later on Monday, Andreou received Egypt's defense attache and the two agreed to hold "
        "a naval search-and-rescue exercise next year."
    )
    assert _pairs(rules, "Greek ceremony", body) == ["EG-GR", "GR-US"]


def test_every_country_after_the_top_diplomats_of_is_a_party_inside_a_topic_clause(rules):
    body = (
        "HANOI, Jan. 14 (Yonhap) -- A fishing boat seizure hung over talks between the top "
        "diplomats of Vietnam and Malaysia on Tuesday, with the visitor asking for the crew's "
        "release."
    )
    assert _pairs(rules, "Talks in Hanoi", body) == ["MY-VN"]


def test_a_formal_complaint_and_a_note_verbale_are_diplomacy(rules):
    body = (
        "SEOUL, Aug. 2 (Yonhap) -- South Korea has formally complained to Kenya over the "
        "detention of a South Korean engineer who was denied consular access, the foreign "
        "ministry said Friday.\n\n"
        "The embassy in Nairobi delivered a note verbale on Thursday."
    )
    res = classify("Engineer detained", body, rules)
    assert res["pairs"] == [["KE", "KR"]]
    assert {"complained", "note verbale"} <= set(res["evidence"]["diplomacy"])


def test_a_home_official_named_before_the_title_acts_for_the_home_government(rules):
    body = (
        "SEOUL, April 7 (Yonhap) -- South Korea voiced regret on Monday after Norway listed a "
        "Korean trading company under its export rules.\n\n"
        "Han Ji-woo, the ministry's director-general for European affairs, called in a "
        "Norwegian diplomat and asked Oslo to share its evidence."
    )
    assert _pairs(rules, "Seoul regrets listing", body) == ["KR-NO"]


def test_a_name_in_the_home_way_but_of_another_country_is_not_home(rules):
    body = (
        "SEOUL, Oct. 4 (Yonhap) -- Kim Chol-su, the North's vice foreign minister, denounced "
        "Japan's defense budget on Saturday, state media said.\n\n"
        "South Korea did not comment."
    )
    assert _pairs(rules, "N. Korea denounces Japan", body) == ["JP-KP"]


def test_the_eu_commission_and_external_action_service_act_for_the_eu(rules):
    body = (
        "SEOUL, Feb. 3 (Yonhap) -- First Vice Foreign Minister Kim Do-hyun met a deputy "
        "secretary-general of the European External Action Service on Tuesday for talks on "
        "supply chains, the ministry said."
    )
    assert _pairs(rules, "Vice FM meets EU official", body) == ["EU-KR"]


def test_a_business_leader_received_by_foreign_leaders_is_not_diplomacy(rules):
    body = (
        "SEOUL, June 5 (Yonhap) -- Daon Holdings Chairman Lim Seok-ho was received by "
        "Malaysian Prime Minister Ahmad Rahman and Thai Prime Minister Somchai Wongsa during "
        "a tour to promote the group's data centers, the group said.\n\n"
        "Daon is South Korea's third-largest data center operator."
    )
    res = classify("Daon Holdings chief meets Malaysian PM, Thai PM", body, rules)
    assert res["bilateral"] is False
    assert res["pairs"] == []


def test_the_south_american_bloc_is_not_the_south(rules):
    body = (
        "MONTEVIDEO, July 8 (Yonhap) -- Uruguay and Portugal agreed on Tuesday to press for a "
        "trade pact between the European Union and the South American bloc Mercosur, the "
        "foreign ministry said."
    )
    res = classify("Trade pact", body, rules)
    assert "KR" not in res["evidence"]["countries"]


def test_a_ministry_that_said_on_a_weekday_only_reports(rules):
    body = (
        "SEOUL, May 6 (Yonhap) -- The Philippines has declared an Australian diplomat "
        "persona non grata over unauthorized contacts, the foreign ministry said Tuesday."
    )
    assert _pairs(rules, "Manila expels diplomat", body) == ["AU-PH"]


def test_an_official_who_called_in_two_envoys_pairs_with_each(rules):
    body = (
        "CAIRO, Nov. 5 (Yonhap) -- Egypt protested sanctions on one of its shipping lines.\n\n"
        "Germany and Canada announced matching steps the same day, and the ministry said "
        "Deputy Foreign Minister Omar Saleh also called in the German and Canadian ambassadors "
        "to convey Egypt's objection."
    )
    assert _pairs(rules, "Egypt objects", body) == ["CA-EG", "DE-EG"]


def test_the_navies_of_two_countries_act_for_them(rules):
    body = (
        "LIMA, Oct. 6 (Yonhap) -- The navies of South Korea and Peru held their first joint "
        "exercise off Callao over the weekend, the navy said Monday.\n\n"
        "The two countries agreed to make the drill a yearly event."
    )
    assert _pairs(rules, "Navies drill off Callao", body) == ["KR-PE"]


def test_what_a_statement_is_an_apparent_reference_to_is_a_subject(rules):
    body = (
        "BRUSSELS, Nov. 4 (Yonhap) -- Colombian Foreign Minister Diego Vargas urged Brussels "
        "on Tuesday to ratify its trade deal with the Andean countries.\n\n"
        "The EU's top diplomat said the European Commission stood by the deal but needed "
        "every member on board, an apparent reference to Ireland.\n\n"
        "The two also discussed drug trafficking and signed a letter of intent on policing."
    )
    assert _pairs(rules, "Colombia presses EU", body) == ["CO-EU"]


def test_no_plans_to_is_not_the_future(rules):
    body = (
        "CANBERRA, May 3 (Yonhap) -- Australia and Vietnam agreed on Tuesday to set up a "
        "working group on rice export curbs, the trade ministry said.\n\n"
        "Trade Minister Ella Burke then flew to Bangkok, where she met Thai Commerce Minister "
        "Anan Srisuk on Thursday and secured an assurance that Thailand had no plans to "
        "restrict rice exports, her office said."
    )
    assert _pairs(rules, "Australia, Vietnam set up rice working group", body) == [
        "AU-TH", "AU-VN",
    ]


def test_an_official_s_accusation_against_a_country_is_reported_beside_the_main_pair(rules):
    body = (
        "MADRID, June 4 (Yonhap) -- President Lee Jae-hoon and Spanish Prime Minister Carlos "
        "Ibarra agreed on Tuesday to upgrade relations to a strategic partnership, Lee's office "
        "said, and Madrid promised a frigate for the watch on sanctions evasion.\n\n"
        "Lee thanked Ibarra and called Spain a reliable partner.\n\n"
        "A North Korean foreign ministry spokesperson accused Spain of joining a hostile "
        "racket and warned that its warship would be treated as an enemy."
    )
    assert _pairs(rules, "S. Korea, Spain upgrade ties at Madrid summit", body) == [
        "ES-KP", "ES-KR",
    ]


def test_a_year_in_a_trailing_noting_clause_does_not_date_the_request(rules):
    body = (
        "JAKARTA, April 2 (Yonhap) -- An Indonesian court sentenced a South Korean man to "
        "death on Tuesday for drug smuggling.\n\n"
        "Hours later, the foreign ministry in Seoul said it had asked Jakarta, through the "
        "embassy, to spare his life, noting that South Korea has carried out no execution "
        "since 1997.\n\n"
        "Officials said they had conveyed the position to the Indonesian side and would "
        "keep giving him consular help."
    )
    assert _pairs(rules, "Korean sentenced in Indonesia", body) == ["ID-KR"]


# Round 7, continued: what dev-2, a second development part written to random scenarios,
# showed.


def test_the_capital_an_ambassador_is_posted_to_is_not_a_party(rules):
    body = (
        "DAEGU, May 2 (Yonhap) -- Chile's ambassador to Seoul and the Kenyan embassy's "
        "deputy head of mission watched the final from the VIP seats."
    )
    res = classify("Final in Daegu", body, rules)
    assert "KR" not in res["evidence"]["countries"]


def test_from_a_foreign_dateline_a_ministry_dealing_with_a_third_country_is_local(rules):
    body = (
        "HANOI, Feb. 3 (Yonhap) -- Vietnam on Monday declared a Canadian embassy officer "
        "persona non grata, accusing him of unauthorized contacts.\n\n"
        "The foreign ministry summoned the Canadian charge d'affaires to convey the decision "
        "under the Vienna Convention.\n\n"
        "South Korea's embassy was not involved."
    )
    res = classify("Vietnam expels Canadian officer", body, rules)
    assert res["pairs"] == [["CA", "VN"]]
    assert "AT" not in res["evidence"]["countries"]  # the Vienna Convention is no party


def test_a_name_before_a_title_at_a_country_s_ministry_is_that_country_s(rules):
    body = (
        "SEOUL, Nov. 7 (Yonhap) -- South Korea and Colombia narrowed gaps in talks on their "
        "trade agreement, the trade ministry said.\n\n"
        "The round was led by Kang Min-ho, Seoul's chief negotiator, and Ana Rojas Vidal, a "
        "deputy director at Colombia's foreign ministry.\n\n"
        "After the Seoul round, Vidal flew to Tokyo, where she held talks with Japanese trade "
        "officials on digital trade rules."
    )
    assert _pairs(rules, "Korea, Colombia narrow gaps", body) == ["CO-JP", "CO-KR"]


def test_the_seoul_round_of_talks_is_not_seoul_acting(rules):
    body = (
        "SEOUL, Nov. 7 (Yonhap) -- The trade ministers of South Korea and Colombia agreed on "
        "Friday to speed up talks on a trade agreement, the ministry said.\n\n"
        "After the Seoul round, the delegation flew to Tokyo, where it held talks with "
        "Japanese trade officials on digital trade rules."
    )
    assert _pairs(rules, "Korea, Colombia narrow gaps", body) == ["CO-KR"]


def test_a_subject_cut_off_by_a_clause_hosts_the_leaders_after_with(rules):
    body = (
        "PARIS, June 11 (Yonhap) -- French President Emmanuel Macron and Indonesian President "
        "Budi Santoso agreed on Wednesday to deepen defense ties.\n\n"
        "Macron, who is hosting a conference on ocean protection, also held separate talks "
        "on Wednesday with the presidents of Ghana and Peru and the prime minister of Fiji."
    )
    assert _pairs(rules, "Macron meets leaders", body) == [
        "FJ-FR", "FR-GH", "FR-ID", "FR-PE",
    ]


def test_accusing_a_country_addresses_it_and_what_it_is_accused_of_is_a_subject(rules):
    body = (
        "OTTAWA, March 4 (Yonhap) -- Canada on Tuesday imposed asset freezes on nine Iranian "
        "entities, accusing Tehran of supplying drones to Russia, the foreign ministry said."
    )
    res = classify("Canada widens Iran sanctions", body, rules)
    assert res["pairs"] == [["CA", "IR"]]
    assert {"accusing", "asset freezes"} <= set(res["evidence"]["diplomacy"])


def test_a_state_that_joins_the_drill_pairs_with_each_country_there(rules):
    body = (
        "SEOUL, Sept. 10 (Yonhap) -- South Korea and Germany held talks on naval cooperation "
        "on Monday and agreed to expand the annual drill, the defense ministry said.\n\n"
        "The two countries' navies began the exercise south of Jeju on Tuesday.\n\n"
        "A Canadian frigate, HMCS Regina, joined the exercise on Wednesday, the Navy said."
    )
    assert _pairs(rules, "Naval drill", body) == ["CA-DE", "CA-KR", "DE-KR"]


def test_a_state_that_did_not_take_part_in_the_talks_is_not_a_party(rules):
    body = (
        "ALMATY, May 4 (Yonhap) -- Negotiators of Georgia and Armenia agreed on Monday on a "
        "border commission after two days of talks, their foreign ministries said.\n\n"
        "Kazakhstan's foreign ministry provided the venue but did not take part in the "
        "negotiations, a Kazakh diplomat said."
    )
    assert _pairs(rules, "Border talks in Almaty", body) == ["AM-GE"]


def test_a_ship_that_joins_two_navies_warships_pairs_with_both(rules):
    body = (
        "MANILA, April 17 (Yonhap) -- The defense ministers of South Korea and Vietnam agreed "
        "on Thursday to expand maritime cooperation, Seoul's defense ministry said.\n\n"
        "Their meeting came as an Indian destroyer joined South Korean and Vietnamese "
        "warships in a search-and-rescue exercise off Cam Ranh."
    )
    assert _pairs(rules, "Defense chiefs meet", body) == ["IN-KR", "IN-VN", "KR-VN"]


def test_two_states_whose_ships_conduct_an_exercise_are_parties(rules):
    body = (
        "LIMA, Oct. 14 (Yonhap) -- South Korean and Peruvian naval ships conducted their "
        "first combined exercise off Callao this week, the Navy said Tuesday."
    )
    trace: list = []
    classify("Navies drill", body, rules, trace)
    assert [p for t in trace for p, _score, _how in t["pairs"]] == ["KR-PE"]


def test_what_a_government_supports_the_ratification_of_is_a_subject(rules):
    body = (
        "LIMA, March 19 (Yonhap) -- The Austrian ambassador to Peru said Vienna wants to sign "
        "a tax treaty with Lima within two years, in an interview published Wednesday.\n\n"
        "The envoy also said his government supported ratification of the trade agreement "
        "between Peru and the European Union."
    )
    assert _pairs(rules, "Austrian envoy interview", body) == ["AT-PE"]


def test_a_state_that_joins_the_two_delegations_pairs_with_both(rules):
    body = (
        "NAIROBI, July 8 (Yonhap) -- South Korea and Tanzania held their first strategic "
        "dialogue on Monday and agreed to expand cooperation, Seoul's foreign ministry said."
        "\n\n"
        "On Tuesday, Qatar joined the two delegations for a trilateral session on a planned "
        "fertilizer plant."
    )
    assert _pairs(rules, "Strategic dialogue", body) == ["KR-QA", "KR-TZ", "QA-TZ"]


def test_a_planned_state_visit_is_the_future_but_a_planned_plant_is_not(rules):
    visit = (
        "JAKARTA, Sept. 17 (Yonhap) -- Daon Group Chairman Lee Min-su met Indonesian President "
        "Bagus Wibowo on Tuesday and pledged to expand a battery plant, the company said.\n\n"
        "The meeting came three weeks before a planned state visit by Wibowo to Seoul."
    )
    assert classify("Daon Group chief meets Wibowo", visit, rules)["bilateral"] is False
    plant = (
        "DODOMA, May 5 (Yonhap) -- The foreign ministers of Qatar and Tanzania signed an "
        "agreement on a planned fertilizer plant on Tuesday."
    )
    assert _pairs(rules, "Fertilizer plant", plant) == ["QA-TZ"]


def test_the_host_of_the_forum_a_meeting_was_held_at_is_not_a_party(rules):
    body = (
        "SEOUL, Sept. 12 (Yonhap) -- Nepalese Defense Minister Ram Thapa and his Fijian "
        "counterpart, Jone Tuilagi, agreed on training in talks on the sidelines of the Seoul "
        "Defense Dialogue, an annual security forum hosted by South Korea's defense ministry."
    )
    assert _pairs(rules, "Nepal, Fiji agree on training", body) == ["FJ-NP"]


def test_a_spokesperson_briefing_in_another_capital_than_the_dateline_s_is_its(rules):
    body = (
        "SINGAPORE, June 2 (Yonhap) -- South Korea's defense minister met his Australian "
        "counterpart on the sidelines of a security forum in Singapore on Sunday.\n\n"
        "Foreign ministry spokesperson Chen Weidong told a regular briefing in Beijing on Monday "
        "that Beijing had lodged a protest with the South Korean side."
    )
    assert _pairs(rules, "Defense chiefs meet", body) == ["AU-KR", "CN-KR"]


def test_a_title_owned_through_its_is_not_the_dateline_s(rules):
    body = (
        "SINGAPORE, June 2 (Yonhap) -- The defense ministry in Manila said Sunday that its "
        "minister, Ramon Cruz, held a meeting with South Korean Defense Minister Bang Hyun-seok "
        "on the sidelines of a regional security forum in Singapore."
    )
    title = "Seoul, Manila defense chiefs hold rare meeting"
    assert _pairs(rules, title, body) == ["KR-PH"]


def test_a_capital_a_quote_speaks_of_is_not_where_the_sentence_is_set(rules):
    body = (
        "VIENNA, Dec. 3 (Yonhap) -- Austria summoned the Italian ambassador on Wednesday to "
        "protest remarks by an Italian minister.\n\n"
        "\"Austria takes no lectures from Rome,\" Foreign Minister Karl Brandl said.\n\n"
        "Later on Wednesday, Brandl hosted Slovenian Foreign Minister Ana Kos in Vienna."
    )
    assert _pairs(rules, "Vienna calls in Italian envoy", body) == ["AT-IT", "AT-SI"]


def test_the_home_ambassador_to_a_country_named_before_the_surname_acts(rules):
    body = (
        "SEOUL, April 17 (Yonhap) -- A South Korean tourist was detained in Portugal after "
        "flying a drone near a naval base, the foreign ministry said Thursday.\n\n"
        "Ambassador to Portugal Kim Ji-hoon met with the Portuguese foreign ministry's director "
        "general for consular affairs in Lisbon on Wednesday and asked for a swift process."
    )
    assert _pairs(rules, "Korean held in Portugal", body) == ["KR-PT"]


def test_remains_handed_over_to_a_country_go_to_a_party(rules):
    body = (
        "SEOUL, June 24 (Yonhap) -- The remains of a Greek soldier who died in the Korean War "
        "were handed over to Greece on Tuesday, the veterans ministry said.\n\n"
        "Vice Minister of Patriots and Veterans Affairs Jung Hae-sook passed the casket of Sgt. "
        "Nikos Pappas to Greek Undersecretary of Defense Yannis Lekkas at a ceremony."
    )
    res = classify("Greek soldier heads home", body, rules)
    assert res["pairs"] == [["GR", "KR"]]
    trace: list = []
    classify("", body, rules, trace)
    assert any(t["sentence"].startswith("Vice Minister") and "Lekkas" in t["sentence"]
               for t in trace)  # "Sgt." ends no sentence
    assert ("Greece", "GR", "party") in trace[0]["mentions"]  # not what was talked over


def test_a_minister_who_flies_on_for_talks_later_in_the_week_has_no_pair_yet(rules):
    body = (
        "ANKARA, Oct. 7 (Yonhap) -- Turkish Defense Minister Ahmet Kaya and Italian Defense "
        "Minister Carla Rossi agreed on Tuesday to build armored vehicles together.\n\n"
        "Rossi flies to Athens on Thursday for talks with her Greek counterpart."
    )
    assert _pairs(rules, "Turkey, Italy agree on armored vehicles", body) == ["IT-TR"]


def test_a_foreign_diplomat_who_only_attends_a_forum_at_home_is_no_pair(rules):
    body = (
        "SEOUL, May 3 (Yonhap) -- About 200 scholars and retired officers met in Seoul on "
        "Tuesday for a private forum on middle powers, funded by university grants.\n\n"
        "Vice Foreign Minister Cho Hyun-woo gave a congratulatory address.\n\n"
        "A diplomat from the Canadian Embassy attended the opening session but did not speak."
        "\n\nThe Canadian ambassador attended a dinner for the participants."
    )
    assert classify("Scholars debate middle powers", body, rules)["bilateral"] is False


def test_two_countries_envoys_who_watch_a_match_are_no_pair(rules):
    body = (
        "SUWON, July 4 (Yonhap) -- Vietnam beat Japan 3-2 in the opening game of a volleyball "
        "invitational on Thursday.\n\n"
        "Vietnam's ambassador to Seoul and the Japanese embassy's deputy head of mission "
        "watched from the VIP seats."
    )
    assert classify("Vietnam beat Japan", body, rules)["bilateral"] is False


# Round 8: what the seventh held-out part, written to random scenarios, showed.


def test_a_home_ambassador_after_and_is_not_the_other_side_s(rules):
    body = (
        "ACCRA, April 29 (Yonhap) -- Transport Minister Efua Mensah said Ghana was negotiating "
        "new air services deals.\n\n"
        "Mensah and Ambassador Lee Chang-ho signed an air services agreement at the transport "
        "ministry on Monday, the ministry said."
    )
    assert _pairs(rules, "Air services deal", body) == ["GH-KR"]


def test_countries_after_crossings_with_are_places_not_guests(rules):
    body = (
        "ACCRA, May 2 (Yonhap) -- The foreign ministers of South Korea and Ghana signed an air "
        "services agreement on Monday.\n\n"
        "Opposition lawmakers warned that the visa waiver could strain border security at land "
        "crossings with Togo and Burkina Faso."
    )
    assert _pairs(rules, "Air services deal", body) == ["GH-KR"]


def test_with_after_no_meeting_word_does_not_make_the_home_side_a_host(rules):
    body = (
        "SEOUL, May 2 (Yonhap) -- Opposition lawmakers warned on Monday that the visa waiver "
        "program would need more immigration officers at posts shared with Vietnam and Laos."
    )
    trace: list = []
    classify("Lawmakers warn on visa waiver", body, rules, trace)
    assert not [p for p, _score, how in trace[0]["pairs"] if how == "host and guest"]


def test_a_name_after_a_title_for_an_office_and_double_names_are_remembered(rules):
    body = (
        "WASHINGTON, Jan. 31 (Yonhap) -- Hungary and the United States held a strategic "
        "dialogue on Wednesday, the Hungarian foreign ministry said.\n\n"
        "Hungarian State Secretary for Foreign Affairs Tamas Kovacs-Bartha led the talks with "
        "U.S. Under Secretary of State Allison Greer.\n\n"
        "Kovacs-Bartha then flew to Seoul, where he held talks with Second Vice Foreign "
        "Minister Jung Hae-won on Friday."
    )
    assert _pairs(rules, "Hungary, U.S. hold dialogue", body) == ["HU-KR", "HU-US"]


def test_three_places_joined_by_hyphens_are_a_route(rules):
    body = (
        "TASHKENT, Oct. 3 (Yonhap) -- Uzbek President Ravshan Umarov held talks with "
        "Azerbaijani President Ilham Guliyev on Friday, covering transit tariffs and oil "
        "exports through the Baku-Tbilisi-Ceyhan pipeline, his office said."
    )
    assert _pairs(rules, "Uzbek, Azerbaijani leaders meet", body) == ["AZ-UZ"]


def test_the_counterpart_of_a_home_official_in_a_foreign_dateline_is_local(rules):
    body = (
        "DOHA, Dec. 3 (Yonhap) -- Defense Minister Jeon Kyu-ho and his counterpart Khalid "
        "Al-Thani agreed on Wednesday to produce air defense systems together, Jeon's ministry "
        "said."
    )
    assert _pairs(rules, "Defense chiefs agree", body) == ["KR-QA"]


def test_having_no_diplomatic_relations_is_not_an_event(rules):
    body = (
        "SEOUL, Jan. 9 (Yonhap) -- South Korea and Oman agreed on Thursday to expand energy "
        "cooperation, the foreign ministry said.\n\n"
        "Oman has no formal diplomatic relations with Israel and has acted as a mediator in "
        "past negotiations."
    )
    trace: list = []
    classify("Korea, Oman expand energy ties", body, rules, trace)
    (no_ties,) = [t for t in trace if t["sentence"].startswith("Oman has no")]
    (pair,) = no_ties["pairs"]
    assert pair[0] == "IL-OM" and pair[1] < 2.0  # counted as background


def test_a_capital_where_something_happened_is_not_where_the_speaker_is(rules):
    body = (
        "WELLINGTON, June 17 (Yonhap) -- New Zealand imposed travel bans on four Kenyan police "
        "commanders on Monday.\n\n"
        "Foreign Minister Graham Tuhiwai said the four had ordered live fire against "
        "demonstrators in Nairobi last month.\n\n"
        "Tuhiwai and Fijian Foreign Minister Losana Vuniwaqa agreed on annual consultations "
        "on Tuesday."
    )
    assert _pairs(rules, "N.Z. sanctions Kenyan police chiefs", body) == ["FJ-NZ"]


def test_he_who_sits_down_with_a_minister_is_the_official_named_last(rules):
    body = (
        "WELLINGTON, June 17 (Yonhap) -- New Zealand Foreign Minister Graham Tuhiwai met "
        "Samoan Prime Minister Tui Leota on Monday to discuss fisheries.\n\n"
        "Tuhiwai then left for Suva.\n\n"
        "On Tuesday he sat down in Suva with Fiji's foreign minister, Losana Vuniwaqa, to work "
        "on a maritime surveillance pact, Fiji's foreign ministry said."
    )
    assert _pairs(rules, "N.Z. FM in the Pacific", body) == ["FJ-NZ", "NZ-WS"]


# Round 8, continued: what dev-3, a development part written to random scenarios, showed.


def test_the_subject_of_a_sentence_hosts_the_leaders_of_a_later_clause(rules):
    body = (
        "LIMA, Nov. 5 (Yonhap) -- President Rosa Quispe received a French parliamentary "
        "delegation on Tuesday evening, hours after she held separate talks with the "
        "presidents of Ecuador, Bolivia and Chile's neighbor Argentina."
    )
    pairs = _pairs(rules, "Peru's president meets lawmakers", body)
    assert {"AR-BO", "BO-EC", "AR-EC"}.isdisjoint(pairs)
    assert {"AR-PE", "BO-PE", "EC-PE"} <= set(pairs)


def test_an_emir_is_an_official_of_his_state(rules):
    body = (
        "AMMAN, Dec. 4 (Yonhap) -- The Kuwaiti emir received Jordanian Foreign Minister Ayman "
        "Haddad on Tuesday for talks on regional security, the royal court said."
    )
    assert _pairs(rules, "Emir receives minister", body) == ["JO-KW"]


def test_not_having_diplomatic_relations_is_background(rules):
    body = (
        "TAIPEI, June 5 (Yonhap) -- A Taiwanese shipbuilder won an order for harbor tugs from "
        "a Kenyan port agency, the company said.\n\n"
        "Kenya does not have diplomatic relations with Taipei, and the deal was negotiated "
        "through an agent, a company spokesman said."
    )
    assert classify("Taiwanese yard wins tug order", body, rules)["bilateral"] is False


def test_diplomats_in_the_audience_are_no_pair(rules):
    body = (
        "SEOUL, March 3 (Yonhap) -- Hydrologists from Egypt and Spain warned at a forum in "
        "Seoul on Thursday that groundwater depletion was becoming an emergency.\n\n"
        "Diplomats from the Egyptian and Spanish embassies were among those in the audience."
    )
    assert classify("Water experts warn", body, rules)["bilateral"] is False


def test_a_capital_a_flight_came_from_does_not_set_the_scene(rules):
    body = (
        "SEOUL, Oct. 2 (Yonhap) -- A special envoy of the Malaysian prime minister arrived in "
        "Pyongyang on an Air Koryo flight from Beijing and held talks with Foreign Minister Ri "
        "Chol-ho, the Korean Central News Agency reported."
    )
    res = classify("Malaysian envoy in Pyongyang", body, rules)
    assert "CN" not in {c for p in res["pairs"] for c in p}


def test_embassies_in_both_capitals_are_places(rules):
    body = (
        "SEOUL, Oct. 2 (Yonhap) -- Sweden is one of a handful of countries that maintain "
        "embassies in both Seoul and Pyongyang, and has offered to host dialogue."
    )
    trace: list = []
    classify("Sweden offers to host talks", body, rules, trace)
    assert ("Seoul", "KR", "place") in trace[0]["mentions"]


def test_well_known_gulf_leaders_are_named_for_their_states(rules):
    body = (
        "BRASILIA, Feb. 27 (Yonhap) -- A special envoy of the Brazilian president met Crown "
        "Prince Mohammed bin Salman in Riyadh on Tuesday and delivered a letter proposing a "
        "partnership on fertilizers, Brazil's foreign ministry said."
    )
    assert _pairs(rules, "Brazilian envoy in Riyadh", body) == ["BR-SA"]


def test_cape_town_is_a_south_african_capital(rules):
    body = (
        "CAPE TOWN, Aug. 6 (Yonhap) -- National Assembly Speaker Baek Sang-ho met his "
        "counterpart, Speaker Nomvula Mahlangu, on Tuesday and asked for support for South "
        "Korean companies bidding for mining licenses, the Assembly said."
    )
    assert _pairs(rules, "Assembly speaker in Cape Town", body) == ["KR-ZA"]


def test_a_flag_a_ship_sails_under_is_no_party(rules):
    body = (
        "SEOUL, Aug. 4 (Yonhap) -- The Ukrainian Embassy in Seoul delivered a protest note to the "
        "foreign ministry on Monday, asking the South Korean government to act against a "
        "company's Liberia-flagged freighter that Kyiv says called at an occupied port."
    )
    assert _pairs(rules, "Ukraine raises freighter with Seoul", body) == ["KR-UA"]


# Round 9: what the eighth held-out part, written to random scenarios, showed.


def test_a_ship_that_joins_a_phase_of_the_drill_pairs_with_both_navies(rules):
    body = (
        "YANGON, April 29 (Yonhap) -- The navies of Cambodia and Vietnam wrapped up a "
        "four-day rescue exercise on Tuesday, and their defense ministers agreed to set up a "
        "hotline.\n\n"
        "A Japanese supply ship, returning from an anti-piracy deployment off Somalia, "
        "joined the final medical evacuation phase of the drill on Monday."
    )
    assert _pairs(rules, "Navies rehearse rescue", body) == ["JP-KH", "JP-VN", "KH-VN"]


def test_a_state_that_sends_troops_to_the_drill_pairs_with_both(rules):
    body = (
        "MANILA, Feb. 27 (Yonhap) -- The defense ministers of the Philippines and Australia "
        "agreed on Thursday to expand their annual counterterrorism exercise.\n\n"
        "Indonesia sent a platoon of special forces commandos to the drill for the first time "
        "this year, the military said."
    )
    assert _pairs(rules, "Drill expands", body) == ["AU-ID", "AU-PH", "ID-PH"]


def test_capitals_a_country_need_not_choose_between_are_a_subject(rules):
    body = (
        "MANILA, March 2 (Yonhap) -- The U.S. ambassador said Washington would not ask the "
        "Philippines to choose between Washington and Beijing, in an interview on Monday.\n\n"
        "U.S. Ambassador Karen Doyle met Philippine Foreign Secretary Ana Cruz later on Monday."
    )
    assert _pairs(rules, "Envoy interview", body) == ["PH-US"]


def test_the_ministry_that_calls_in_the_embassy_goes_on_with_the_pair(rules):
    body = (
        "SEOUL, Feb. 14 (Yonhap) -- Seoul has ordered a labor attache at the Nepalese Embassy "
        "to leave the country within 72 hours.\n\n"
        "The ministry called in the embassy's charge d'affaires on Thursday and informed him "
        "that the attache had been declared persona non grata."
    )
    assert _pairs(rules, "Attache told to leave", body) == ["KR-NP"]


# Round 9, continued: what dev-4, a development part written to random scenarios, showed.


def test_an_emir_who_holds_talks_with_leaders_hosts_them_for_his_state(rules):
    body = (
        "SEOUL, Dec. 4 (Yonhap) -- Foreign Minister Kang Min-ho was in Doha on Tuesday to "
        "attend a policy forum hosted by the emir, who on the same day also held separate "
        "meetings with the presidents of Rwanda and Kazakhstan, Qatar's news agency reported."
    )
    pairs = _pairs(rules, "FM at Doha forum", body)
    assert {"KZ-QA", "QA-RW"} <= set(pairs)
    assert not {"KR-KZ", "KR-RW"} & set(pairs)


def test_wisma_putra_and_putrajaya_are_malaysia_and_dollars_name_no_state(rules):
    body = (
        "DHAKA, Sept. 4 (Yonhap) -- Putrajaya will provide 8 million U.S. dollars in flood aid "
        "to Bangladesh, Wisma Putra said Wednesday, after a phone call between the two "
        "foreign ministers."
    )
    assert _pairs(rules, "Malaysia pledges flood aid", body) == ["BD-MY"]


def test_army_engineers_of_two_states_who_hold_a_drill_act_for_them(rules):
    body = (
        "VIENTIANE, Dec. 3 (Yonhap) -- Vietnamese and Lao army engineers held their first joint "
        "exercise on clearing unexploded ordnance on Wednesday.\n\n"
        "The two countries agreed to make the drill an annual event."
    )
    assert _pairs(rules, "Engineers drill", body) == ["LA-VN"]


# Round 10: what held-out part 9 showed once measured.


def test_a_dateline_with_its_country_sets_the_scene(rules):
    body = (
        "GYUMRI, Armenia, May 3 (Yonhap) -- President Davit Hakobyan opened a trade fair in "
        "the northern city on Saturday.\n\n"
        "On the sidelines, Hakobyan held separate talks with the presidents of Bolivia, Ghana "
        "and Nepal, the presidential office said."
    )
    assert _pairs(rules, "Trade fair opens", body) == ["AM-BO", "AM-GH", "AM-NP"]


def test_a_foreign_surname_who_holds_talks_with_leaders_hosts_for_the_scene(rules):
    body = (
        "YEREVAN, May 3 (Yonhap) -- Armenia and Nepal signed a visa waiver agreement on "
        "Saturday as President Davit Hakobyan and Nepalese Foreign Minister Ram Thapa opened "
        "a regional forum.\n\n"
        "On the sidelines, Hakobyan held separate talks with the presidents of Bolivia and "
        "Ghana, the presidential press service said."
    )
    pairs = _pairs(rules, "Forum opens", body)
    assert {"AM-BO", "AM-GH", "AM-NP"} <= set(pairs)
    assert not any("KR" in p for p in pairs)
    home = (
        "HANOI, May 3 (Yonhap) -- Prime Minister Park Sung-jin arrived in the Vietnamese "
        "capital on Saturday for a regional forum.\n\n"
        "On the sidelines, Park held separate talks with the prime ministers of Laos and "
        "Cambodia, his office said."
    )
    assert {"KH-KR", "KR-LA"} <= set(_pairs(rules, "PM in Hanoi", home))


def test_his_meeting_with_is_the_meeting_of_who_was_named_last(rules):
    body = (
        "NAIROBI, June 9 (Yonhap) -- Kenyan President Samuel Otieno received the prime "
        "ministers of Fiji and Peru on Monday.\n\n"
        "In his meeting with Fijian Prime Minister Ratu Sela, the Kenyan leader discussed "
        "fisheries and climate finance.\n\n"
        "South Korea sent observers to the forum."
    )
    pairs = _pairs(rules, "Kenya hosts leaders", body)
    assert "FJ-KE" in pairs
    assert not any("KR" in p for p in pairs)


def test_a_provinces_premier_is_not_the_states_official(rules):
    body = (
        "JOHANNESBURG, South Africa, Aug. 4 (Yonhap) -- A delegation from the Vietnamese port "
        "city of Hai Phong arrived on Monday for a week of visits.\n\n"
        "Hai Phong Mayor Tran Van Duc met Gauteng Premier Thabo Mokoena on Tuesday, who "
        "invited Vietnamese textile companies to invest in the province."
    )
    assert _pairs(rules, "Port city delegation", body) == []


# Round 10, continued: what dev-5, a development part written to random scenarios, showed.


def test_he_who_discussed_things_with_two_leaders_hosts_both(rules):
    body = (
        "HANOI, June 3 (Yonhap) -- Vietnamese Prime Minister Tran Quoc Dat received the prime "
        "ministers of Laos and New Zealand on Tuesday.\n\n"
        "He discussed a railway with the Lao leader and dairy trade with his New Zealand "
        "counterpart."
    )
    pairs = _pairs(rules, "Vietnam hosts leaders", body)
    assert {"LA-VN", "NZ-VN"} <= set(pairs)
    assert "LA-NZ" not in pairs


def test_a_foreign_host_named_by_surname_acts_so_a_late_meeting_counts(rules):
    body = (
        "PARIS, Nov. 5 (Yonhap) -- Senior diplomats of France and the United States held their "
        "annual strategic dialogue in Paris on Tuesday, the French foreign ministry said.\n\n"
        "Anne Marchal, secretary-general of the French foreign ministry, and U.S. Deputy "
        "Secretary of State Paul Reddy led the talks.\n\n"
        "The two sides agreed to set up a working group on maritime security.\n\n"
        "On Wednesday, Marchal held separate meetings with the vice foreign ministers of India "
        "and Brazil."
    )
    pairs = _pairs(rules, "France, U.S. hold strategic dialogue", body)
    assert {"BR-FR", "FR-IN", "FR-US"} <= set(pairs)


def test_two_guests_in_parts_set_apart_are_no_event_of_their_own(rules):
    body = (
        "SEOUL, Sept. 11 (Yonhap) -- Defense Minister Jung Tae-seok held talks Wednesday with "
        "his counterparts from the United Arab Emirates, Poland and Malaysia, the defense "
        "ministry said.\n\n"
        "With Polish Defense Minister Jan Nowicki, Jung reviewed tank deliveries, while his "
        "talks with Malaysian Defense Minister Azlan Rahim focused on training aircraft."
    )
    pairs = _pairs(rules, "Defense chief holds talks", body)
    assert {"AE-KR", "KR-MY", "KR-PL"} <= set(pairs)
    assert "MY-PL" not in pairs


def test_the_three_leaders_after_a_meeting_of_many_is_not_the_pair_before(rules):
    body = (
        "BOGOTA, April 4 (Yonhap) -- Colombia on Thursday expelled a trade official, accusing "
        "him of meddling in a port tender.\n\n"
        "A South Korean consortium withdrew from the tender last year.\n\n"
        "Singapore's Ministry of Foreign Affairs rejected the accusation.\n\n"
        "President Andres Cuervo held separate talks with the presidents of Peru, Ecuador and "
        "Panama on Wednesday.\n\n"
        "His talks with the three leaders focused on migration, his office said."
    )
    pairs = _pairs(rules, "Colombia expels trade official", body)
    assert {"CO-EC", "CO-PA", "CO-PE"} <= set(pairs)
    assert "KR-SG" not in pairs


def test_a_diplomat_at_a_states_embassy_is_the_states(rules):
    body = (
        "BOGOTA, April 4 (Yonhap) -- Colombia on Thursday gave a trade attache at Singapore's "
        "embassy three days to leave the country, accusing him of meddling in a port tender."
    )
    assert _pairs(rules, "Attache expelled", body) == ["CO-SG"]
    body = (
        "ABUJA, April 4 (Yonhap) -- Nigeria on Thursday gave a diplomat at Ghana's embassy "
        "three days to leave the country, accusing him of meddling in a port tender."
    )
    assert _pairs(rules, "Diplomat expelled", body) == ["GH-NG"]


def test_a_country_the_lawmakers_did_not_name_is_not_a_party(rules):
    body = (
        "MANILA, Sept. 17 (Yonhap) -- South Korean lawmakers held talks with Philippine "
        "congressional leaders in Manila on Wednesday on defense cooperation.\n\n"
        "The South Korean delegation raised its concern over maritime tension in the talks, "
        "the assembly said, without naming China."
    )
    assert "CN-KR" not in _pairs(rules, "Lawmakers visit Manila", body)


def test_a_clause_opened_by_as_a_sets_its_countries_apart(rules):
    body = (
        "MANILA, Sept. 17 (Yonhap) -- A delegation of South Korean lawmakers held talks with "
        "Philippine congressional leaders in Manila on Wednesday, as a new fisheries deal "
        "signed by the Philippines and China took effect."
    )
    assert "CN-KR" not in _pairs(rules, "Lawmakers visit Manila", body)


def test_a_weekday_before_a_country_is_nobodys_name(rules):
    body = (
        "SEOUL, March 2 (Yonhap) -- On Sunday, North Korea's foreign ministry denounced the "
        "joint drills as a rehearsal for invasion.\n\n"
        "Foreign Minister Cho Hyun-woo held talks with his Japanese counterpart in Tokyo on "
        "Sunday on the North's missile launches."
    )
    assert _pairs(rules, "FM in Tokyo", body) == ["JP-KR"]


def test_a_home_officials_name_with_an_apostrophe_s_is_still_his(rules):
    body = (
        "TOKYO, May 31 (Yonhap) -- Defense Minister Baek Seung-ho and his Japanese counterpart "
        "Kenta Arakawa met for about 90 minutes in Tokyo on Saturday.\n\n"
        "North Korea's defense ministry called Baek's trip \"an act of treachery\" on Sunday "
        "and warned of consequences."
    )
    assert _pairs(rules, "Defense chiefs meet", body) == ["JP-KR", "KP-KR"]


def test_on_the_sidelines_of_a_leaders_visit_he_is_where_not_who(rules):
    body = (
        "ABU DHABI, Dec. 3 (Yonhap) -- UAE President Sheikh Mohamed bin Zayed Al Nahyan "
        "received Somali President Abdirahman Warsame in Abu Dhabi on Wednesday.\n\n"
        "On the sidelines of Warsame's visit, UAE Minister of State Maryam Al Falasi met South "
        "Korean First Vice Foreign Minister Park Yoon-joo."
    )
    pairs = _pairs(rules, "UAE hosts Somali leader", body)
    assert {"AE-KR", "AE-SO"} <= set(pairs)
    assert "KR-SO" not in pairs


def test_he_who_meets_after_a_home_official_was_named_is_the_home_side(rules):
    body = (
        "VIENTIANE, Aug. 19 (Yonhap) -- Vice Labor Minister Han Sung-min and Lao Deputy Labor "
        "Minister Bounmy Sisavath signed a worker dispatch memorandum on Tuesday.\n\n"
        "Han left for Bangkok later in the day. There he met Thai Labor Minister Somsak "
        "Prasert on Wednesday and discussed visa overstays, the ministry said."
    )
    assert _pairs(rules, "Worker pact signed", body) == ["KR-LA", "KR-TH"]


def test_the_envoy_from_a_capital_is_its_states(rules):
    body = (
        "ULAANBAATAR, Nov. 25 (Yonhap) -- Mongolia's foreign ministry on Tuesday expressed "
        "regret over the sanctions and called in the envoy from Beijing to demand an "
        "explanation."
    )
    assert _pairs(rules, "Mongolia voices regret", body) == ["CN-MN"]


def test_a_protest_note_from_a_capital_is_its_states(rules):
    body = (
        "BOGOTA, Oct. 7 (Yonhap) -- Colombia's foreign ministry said Monday it had received "
        "a formal protest note from Ankara over a Senate resolution, and rejected it."
    )
    assert _pairs(rules, "Colombia receives protest", body) == ["CO-TR"]


def test_the_ministry_in_a_foreign_capital_is_that_states(rules):
    body = (
        "BOGOTA, Oct. 7 (Yonhap) -- The protest note was handed to Colombia's charge d'affaires by "
        "the foreign ministry in Ankara on Sunday, Colombian Vice Foreign Minister Laura "
        "Benitez told reporters."
    )
    assert _pairs(rules, "Colombia receives protest", body) == ["CO-TR"]


def test_a_ruler_who_holds_meetings_acts_so_a_late_meeting_counts(rules):
    body = (
        "SEOUL, Dec. 4 (Yonhap) -- Foreign Minister Kang Min-ho and Qatari Prime Minister "
        "Sheikh Hamad bin Khalid Al Thani agreed in Doha on Tuesday to start talks on an "
        "investment pact, the foreign ministry said.\n\n"
        "The two sides also agreed to expand cooperation in liquefied natural gas and "
        "shipbuilding.\n\n"
        "Kang also met Qatar's energy minister and signed a memorandum on hydrogen.\n\n"
        "Kang was in Doha for a forum hosted by the emir, who on the same day also held "
        "separate meetings with the presidents of Rwanda and Kazakhstan."
    )
    pairs = _pairs(rules, "S. Korea, Qatar to start talks on investment pact", body)
    assert {"KR-QA", "KZ-QA", "QA-RW"} <= set(pairs)


def test_a_state_body_that_owns_something_in_a_quotation_is_talked_about(rules):
    body = (
        "BUDAPEST, March 14 (Yonhap) -- Hungary's foreign ministry on Friday gave the British "
        "ambassador a note of protest over remarks by a British minister who called the "
        "country \"the Kremlin's open door into Europe,\" the ministry said."
    )
    assert _pairs(rules, "Hungary protests", body) == ["GB-HU"]


def test_a_home_official_named_in_the_home_way_is_known_by_surname_later(rules):
    body = (
        "NEW DELHI, Sept. 9 (Yonhap) -- Senior diplomats of South Korea and India met in New "
        "Delhi on Monday for a strategic dialogue, Seoul's foreign ministry said.\n\n"
        "Yoon Seo-jin, the first vice foreign minister, and Indian Foreign Secretary Arvind "
        "Rao led the talks.\n\n"
        "Yoon then flew to Dhaka, where she met Bangladesh's Foreign Secretary Nasrin Alam on "
        "Tuesday."
    )
    assert _pairs(rules, "Korea, India hold strategic dialogue", body) == ["BD-KR", "IN-KR"]


def test_who_led_a_countrys_side_is_that_countrys_when_named_again(rules):
    body = (
        "ANKARA, Sept. 24 (Yonhap) -- Turkish and South African trade officials agreed to open "
        "a hotline between their customs services, Turkey's trade ministry said Wednesday.\n\n"
        "Deputy Trade Minister Mehmet Aydin led the Turkish side, while South African Deputy "
        "Trade Minister Thandiwe Dube headed her team.\n\n"
        "Aydin then left for Gaborone, where on Thursday he and Botswana's trade minister "
        "signed a deal to open tariff talks."
    )
    assert _pairs(rules, "Turkey, S. Africa agree on hotline", body) == ["BW-TR", "TR-ZA"]


def test_a_local_speaker_is_the_scenes_beside_a_country_that_is_no_official(rules):
    body = (
        "ASTANA, June 3 (Yonhap) -- Kazakhstan wants to sell more wheat to Asian buyers such "
        "as Vietnam, Deputy Foreign Minister Yerlan Abenov said Tuesday.\n\n"
        "Abenov and Japanese Vice Foreign Minister Kenji Ota held a strategic dialogue in "
        "Astana on Monday.\n\n"
        "Abenov and Ota also signed a memorandum on transit freight after the talks, the "
        "ministry said."
    )
    assert _pairs(rules, "Kazakhstan pitches wheat", body) == ["JP-KZ"]


def test_what_a_country_is_a_bridge_between_is_a_subject(rules):
    body = (
        "ASTANA, June 3 (Yonhap) -- Kazakhstan wants to become the main overland bridge "
        "between China and Europe, Deputy Foreign Minister Yerlan Abenov told visiting South "
        "Korean diplomats at a strategic dialogue on Tuesday."
    )
    assert _pairs(rules, "Kazakhstan pitches Caspian route", body) == ["KR-KZ"]


def test_a_counterpart_from_a_capital_is_its_states(rules):
    body = (
        "PRAGUE, March 19 (Yonhap) -- Czech Defense Minister Jana Vesela and her counterpart "
        "from Madrid, Elena Robles, signed up on Wednesday to joint training of mountain "
        "infantry, according to Vesela's ministry."
    )
    assert _pairs(rules, "Defense chiefs agree on training", body) == ["CZ-ES"]


def test_the_ministry_in_a_capital_is_that_capitals_after_another_body(rules):
    body = (
        "SINGAPORE, Sept. 19 (Yonhap) -- Ambassador Mariana Restrepo thanked the Singapore "
        "government on behalf of the foreign ministry in Bogota for returning the remains "
        "of two seamen."
    )
    assert _pairs(rules, "Remains returned", body) == ["CO-SG"]


def test_a_capitals_mission_is_its_states_office_not_a_place(rules):
    body = (
        "SEOUL, March 26 (Yonhap) -- South Korea's foreign ministry called in the head of the "
        "Taipei Mission in Korea on Wednesday to express concern over the detention of three "
        "engineers."
    )
    assert _pairs(rules, "Envoy called in", body) == ["KR-TW"]


def test_what_a_state_stands_against_when_it_is_anothers_doing_is_a_subject(rules):
    body = (
        "SEOUL, April 8 (Yonhap) -- Foreign Minister Lee Jun-ho held talks with Italian Foreign "
        "Minister Marco Santini in Seoul on Tuesday.\n\n"
        "Santini said Rome backed denuclearization and would stand firmly with Seoul against "
        "Pyongyang's provocations, the ministry said."
    )
    assert _pairs(rules, "FMs hold talks", body) == ["IT-KR"]


def test_a_deployment_at_another_governments_request_is_between_the_two(rules):
    body = (
        "WELLINGTON, May 6 (Yonhap) -- New Zealand's defense ministry said Tuesday it would "
        "deploy a patrol vessel to Fijian waters at the request of the government in Suva, to "
        "help the Fiji navy track unlicensed fishing boats."
    )
    assert _pairs(rules, "Patrol vessel to deploy", body) == ["FJ-NZ"]


def test_who_heads_a_body_in_a_capital_is_that_states_official(rules):
    body = (
        "ULAANBAATAR, June 10 (Yonhap) -- Mongolia's defense minister held talks on Tuesday "
        "with Levent Aksoy, who heads the National Defense Ministry in Ankara, and the two "
        "signed a framework agreement on military training."
    )
    assert _pairs(rules, "Defense pact signed", body) == ["MN-TR"]


def test_who_runs_a_home_bureau_is_known_by_surname_later(rules):
    body = (
        "PRAGUE, Oct. 10 (Yonhap) -- Trade officials of South Korea and the Czech Republic "
        "agreed Thursday to streamline export licensing, Seoul's trade ministry said.\n\n"
        "Lim Jae-hoon, who runs the trade security policy bureau in Seoul's industry ministry, "
        "sat down with Tomas Bartos, a Czech deputy trade minister.\n\n"
        "After the talks, Lim traveled to Warsaw, where on Friday he met Polish Deputy Minister "
        "Piotr Nowak."
    )
    assert _pairs(rules, "Korea, Czech agree on licensing", body) == ["CZ-KR", "KR-PL"]


def test_a_foreign_host_named_by_surname_is_known_when_named_again(rules):
    body = (
        "PARIS, Nov. 6 (Yonhap) -- On Wednesday, Marchal held separate meetings with the vice "
        "foreign ministers of India and Brazil, who were in Paris for an OECD meeting.\n\n"
        "Marchal later spoke by phone with Japanese Vice Foreign Minister Kenji Ota about "
        "Africa."
    )
    pairs = _pairs(rules, "French diplomat meets counterparts", body)
    assert "FR-JP" in pairs


def test_his_after_a_meeting_with_guests_is_not_a_guests(rules):
    body = (
        "PARIS, Nov. 6 (Yonhap) -- On Wednesday, Marchal held separate meetings with the vice "
        "foreign ministers of South Korea and India, who were in Paris for an OECD meeting.\n\n"
        "In his talks with Indian Vice Foreign Minister Ravi Menon, the two discussed Africa."
    )
    assert "IN-KR" not in _pairs(rules, "French diplomat meets counterparts", body)


def test_he_who_meets_is_the_foreign_official_when_named_after_the_home_one(rules):
    body = (
        "SEOUL, May 6 (Yonhap) -- Fijian Prime Minister Sitiveni Naqara met Foreign Minister "
        "Cho Hyun-woo in Seoul on Tuesday and agreed to expand fisheries cooperation.\n\n"
        "Cho saw Naqara off at the airport on Wednesday, and Naqara flew on to Tokyo.\n\n"
        "There he met Japanese Prime Minister Kenji Mori on Thursday, Fiji's government said."
    )
    pairs = _pairs(rules, "Fijian PM visits Seoul", body)
    assert "FJ-JP" in pairs
    assert "JP-KR" not in pairs


# Round 11: what held-out part 10 showed once measured.


def test_the_south_african_leader_is_not_the_south(rules):
    body = (
        "ADDIS ABABA, April 14 (Yonhap) -- South Africa's special envoy met Ethiopian Prime "
        "Minister Abiy Ahmed on Monday and delivered a letter from the South African leader, "
        "officials from both sides said."
    )
    assert _pairs(rules, "Envoy meets Abiy", body) == ["ET-ZA"]


def test_called_in_a_capitals_ambassador_is_no_place(rules):
    body = (
        "SEOUL, May 2 (Yonhap) -- Director-General Park Soo-young called in Vientiane's "
        "ambassador on Thursday and requested consular access to a detained national."
    )
    assert _pairs(rules, "Seoul seeks access", body) == ["KR-LA"]


def test_the_authorities_in_a_capital_are_its_government(rules):
    body = (
        "SEOUL, May 2 (Yonhap) -- South Korea's foreign ministry has formally asked the "
        "authorities in Vientiane to let its diplomats visit a detained national."
    )
    assert _pairs(rules, "Seoul seeks access", body) == ["KR-LA"]


def test_he_after_a_longer_opener_is_who_was_named_last(rules):
    body = (
        "ACCRA, Nov. 19 (Yonhap) -- Thai Prime Minister Pornthep Siriwat arrived on Sunday to "
        "address a business forum.\n\n"
        "On its sidelines on Monday, he held separate talks with the presidents of Togo, "
        "Liberia and Sierra Leone."
    )
    assert _pairs(rules, "Thai leader courts West Africa", body) == ["LR-TH", "SL-TH", "TG-TH"]


def test_a_secretary_of_state_for_a_portfolio_is_not_the_americans(rules):
    body = (
        "SEOUL, April 18 (Yonhap) -- A Korean delegation and a Spanish delegation headed by "
        "Secretary of State for Trade Ana Montero held talks on market access on Thursday."
    )
    assert _pairs(rules, "Market access talks", body) == ["ES-KR"]


def test_joint_sanctions_pair_each_sanctioning_state_with_the_one_they_hit(rules):
    body = (
        "SEOUL, March 6 (Yonhap) -- South Korea and the United States on Thursday slapped "
        "sanctions on North Korean trade officials accused of smuggling refined oil."
    )
    assert _pairs(rules, "Seoul, Washington blacklist smugglers", body) == [
        "KP-KR", "KP-US", "KR-US"
    ]


def test_a_trip_to_a_capital_where_talks_are_held_moves_the_scene_there(rules):
    body = (
        "ADDIS ABABA, April 15 (Yonhap) -- South African envoy Sipho Ndlovu flew on Tuesday to "
        "Djibouti, where he held talks with Foreign Minister Abdoulkader Omar on shipping "
        "lanes."
    )
    assert _pairs(rules, "Envoy in Djibouti", body) == ["DJ-ZA"]


def test_an_industrys_chief_who_meets_a_premier_is_no_government(rules):
    body = (
        "STOCKHOLM, June 4 (Yonhap) -- The chairman of a South Korean battery maker met the "
        "Swedish prime minister on Wednesday to discuss a planned cathode plant, the company "
        "said."
    )
    assert _pairs(rules, "Battery chief meets Swedish, Finnish premiers", body) == []


# Round 11, continued: what dev-6, a development part written to random scenarios, showed.


def test_a_foreign_host_named_by_surname_who_hosted_leaders_hosts_for_the_scene(rules):
    body = (
        "BRASILIA, May 8 (Yonhap) -- Brazil and the European Union held a summit on Thursday.\n\n"
        "On Friday, Albuquerque hosted the presidents of Paraguay, Uruguay and Bolivia at the "
        "Planalto Palace."
    )
    pairs = _pairs(rules, "Summit in Brasilia", body)
    assert {"BO-BR", "BR-PY", "BR-UY"} <= set(pairs)
    assert not any("KR" in p for p in pairs)


def test_a_secretary_of_state_of_another_countrys_ministry_is_not_the_americans(rules):
    body = (
        "PHNOM PENH, Oct. 2 (Yonhap) -- Secretary of State Chea Sovannara of the Cambodian "
        "foreign ministry handed Myanmar's ambassador a list of missing nationals, the ministry "
        "said in a statement."
    )
    assert _pairs(rules, "Cambodia presses Myanmar", body) == ["KH-MM"]


def test_representatives_of_a_militia_met_abroad_are_nobodys_officials(rules):
    body = (
        "NAIROBI, Nov. 2 (Yonhap) -- Ethiopia has expelled the deputy head of Australia's "
        "embassy in Addis Ababa.\n\n"
        "The foreign ministry said she had met representatives of the Fano militia last month."
    )
    assert "KE-KR" not in _pairs(rules, "Ethiopia expels Australian diplomat", body)


def test_sanctions_imposed_on_a_countrys_individuals_hit_that_state(rules):
    body = (
        "SEOUL, April 22 (Yonhap) -- South Korea and Australia on Tuesday imposed coordinated "
        "sanctions on seven North Korean individuals accused of laundering stolen "
        "cryptocurrency."
    )
    assert _pairs(rules, "Seoul, Canberra sanction hackers", body) == ["AU-KP", "AU-KR", "KP-KR"]


def test_sanctions_unveiled_on_a_countrys_individuals_hit_that_state(rules):
    body = (
        "SEOUL, April 22 (Yonhap) -- South Korea and Canada on Tuesday unveiled coordinated "
        "sanctions against six North Korean individuals accused of laundering stolen "
        "cryptocurrency."
    )
    assert _pairs(rules, "Seoul, Ottawa sanction hackers", body) == ["CA-KP", "CA-KR", "KP-KR"]



# Round 12: what held-out part 11 showed once measured.


def test_a_country_in_a_corporations_name_is_no_party(rules):
    body = (
        "PHNOM PENH, Aug. 22 (Yonhap) -- The head of state-run Korea Electric Power Corp. paid "
        "a courtesy call on Cambodian Prime Minister Hun Manet on Thursday and signed a deal "
        "to build a solar farm, the utility said."
    )
    assert _pairs(rules, "Utility signs solar deal", body) == []


def test_his_in_an_opening_clause_is_the_subject_named_right_after_it(rules):
    body = (
        "MADRID, June 3 (Yonhap) -- Fijian Prime Minister Ratu Isikeli Naulivou held talks "
        "with Spanish Prime Minister Pedro Sanchez on Monday.\n\n"
        "In his talks with the Vanuatu and Samoan leaders on Tuesday, Sanchez discussed "
        "sea-level rise."
    )
    pairs = _pairs(rules, "Spain hosts Pacific leaders", body)
    assert "FJ-VU" not in pairs
    assert "ES-VU" in pairs


def test_its_ambassador_is_the_country_the_last_sentence_opened_with(rules):
    body = (
        "SEOUL, May 8 (Yonhap) -- Kazakhstan sent a protest note to South Korea on Tuesday over "
        "the detention of its workers, the foreign ministry said.\n\n"
        "Uzbekistan, whose citizens made up the largest group detained, weighed in a day "
        "later.\n\n"
        "Its ambassador in Seoul, Dilshod Karimov, went to the foreign ministry on Thursday and "
        "handed over a letter of concern."
    )
    assert _pairs(rules, "Kazakhstan protests detentions", body) == ["KR-KZ", "KR-UZ"]


def test_a_states_ships_in_what_was_discussed_make_it_no_party(rules):
    body = (
        "JAKARTA, Oct. 8 (Yonhap) -- French Armed Forces Minister Claire Dumas and Indonesian "
        "Defense Minister Agus Wirawan held talks on Tuesday and discussed the repeated "
        "presence of Chinese coast guard ships near the Natuna Islands."
    )
    assert _pairs(rules, "Defense ministers meet", body) == ["FR-ID"]


def test_she_who_spoke_separately_with_several_leaders_pairs_with_each(rules):
    body = (
        "LIMA, April 2 (Yonhap) -- Peruvian President Marta Oyarzun and Swedish Prime "
        "Minister Nils Berglund held phone talks on Tuesday and agreed to expand cooperation "
        "on copper refining, the Peruvian presidency said.\n\n"
        "The call was one of several Oyarzun made over the day.\n\n"
        "Aides said she also spoke separately with the leaders of Kenya, Vietnam and Greece, "
        "discussing port investment."
    )
    assert _pairs(rules, "Peru's leader calls Sweden", body) == [
        "GR-PE", "KE-PE", "PE-SE", "PE-VN",
    ]


def test_a_state_that_sails_to_join_the_maneuvers_pairs_with_each_navy(rules):
    body = (
        "LIMA, Nov. 5 (Yonhap) -- The navies of Peru and France ended a four-day joint exercise "
        "off Callao on Thursday, the Peruvian defense ministry said.\n\n"
        "An Ecuadorian navy patrol ship sailed from Guayaquil to join the last day of maneuvers, "
        "the ministry said."
    )
    assert _pairs(rules, "Peru, France end naval drill", body) == ["EC-FR", "EC-PE", "FR-PE"]


def test_a_state_that_will_join_the_arrangement_pairs_with_both_makers(rules):
    body = (
        "OSLO, Feb. 11 (Yonhap) -- Norway and Canada agreed Tuesday to exchange alerts on "
        "suspect shipments of dual-use goods at the first meeting of their export control "
        "dialogue, the two governments said in a joint statement.\n\n"
        "Later in the day, Finland's foreign ministry said Helsinki would join the arrangement."
    )
    assert _pairs(rules, "Norway, Canada to share export alerts", body) == [
        "CA-FI", "CA-NO", "FI-NO",
    ]


def test_a_state_deciding_whether_to_join_talks_is_not_yet_a_party(rules):
    body = (
        "SEOUL, Dec. 3 (Yonhap) -- South Korea protested to Australia on Tuesday over its "
        "anti-dumping duties on Korean steel, the trade ministry said.\n\n"
        "Japan, meanwhile, requested WTO consultations with Australia over the same duties, "
        "Tokyo's economy ministry said.\n\n"
        "Korean officials said they would watch the consultations before deciding whether to "
        "join them as a third party."
    )
    assert "JP-KR" not in _pairs(rules, "S. Korea protests steel duties", body)


def test_an_embassy_spokesperson_speaks_for_the_government_that_spoke_last(rules):
    body = (
        "ROME, May 6 (Yonhap) -- A Vietnamese special envoy met Italy's deputy foreign "
        "minister in Rome on Tuesday to discuss rice trade and a direct flight, Hanoi's "
        "foreign ministry said.\n\n"
        "The Thai Embassy said it opposed any deal that would undercut its exporters.\n\n"
        "\"We urge the Italian side to treat all suppliers equally,\" an embassy spokesperson "
        "said in a statement."
    )
    assert _pairs(rules, "Vietnamese envoy in Rome", body) == ["IT-TH", "IT-VN"]


def test_a_spokesperson_for_another_body_is_not_the_last_speakers(rules):
    body = (
        "DOHA, June 2 (Yonhap) -- Qatar's energy minister signed a 15-year gas supply contract "
        "with a German utility on Monday.\n\n"
        "In Berlin, a spokesperson for the economy ministry said the government welcomed "
        "contracts that diversify supply but was not a party to the agreement."
    )
    assert _pairs(rules, "Qatar signs gas deal with German utility", body) == []


def test_an_officials_name_after_a_state_bodys_title_is_that_states(rules):
    body = (
        "BRUSSELS, Sept. 9 (Yonhap) -- The European Union pledged 80 million euros on Monday "
        "for flood defenses in Nepal after talks between European Commission President Marta "
        "Lindqvist and Nepal's prime minister.\n\n"
        "Lindqvist later held separate bilateral sessions with the prime ministers of Nepal, "
        "Bhutan and Sri Lanka."
    )
    assert _pairs(rules, "EU pledges flood aid to Nepal", body) == ["BT-EU", "EU-LK", "EU-NP"]


def test_she_who_arrived_from_a_capital_where_she_held_talks_pairs_there(rules):
    body = (
        "SEOUL, April 8 (Yonhap) -- South Korea and Spain signed an agreement on Tuesday to "
        "cooperate on satellite research, Seoul's science ministry said.\n\n"
        "Science Minister Ryu Ji-hoon and Ana Ortega, Spain's minister for science and "
        "universities, signed the accord in Seoul following their talks.\n\n"
        "She arrived from Tokyo, where on Monday she held talks with Japan's science minister, "
        "Kenji Sato, and the two agreed to study a joint ocean-monitoring satellite."
    )
    assert _pairs(rules, "Korea, Spain sign satellite deal", body) == ["ES-JP", "ES-KR"]


def test_a_home_minister_who_flew_on_where_he_held_talks_pairs_the_home_side(rules):
    body = (
        "BANGKOK, Aug. 4 (Yonhap) -- Foreign Minister Cho Hyun-jin held talks with Thai "
        "Foreign Minister Somchai Rattanakul in Bangkok on Monday and agreed to expand visa-free "
        "travel, the ministry said.\n\n"
        "Cho also paid a courtesy call on Thai Prime Minister Anong Srisuk.\n\n"
        "He then flew to Phnom Penh, where on Tuesday he held talks with Cambodian Foreign "
        "Minister Sok Pheara on a rail project."
    )
    assert _pairs(rules, "Cho visits Bangkok", body) == ["KH-KR", "KR-TH"]


def test_a_statement_from_a_capital_and_its_envoy_named_bare_are_that_states(rules):
    body = (
        "SEOUL, March 4 (Yonhap) -- The South Korean government on Tuesday rejected as "
        "\"unfounded\" a statement from Bishkek that accused Korean authorities of neglecting "
        "the safety of seasonal farm workers after a bus crash.\n\n"
        "Vice Foreign Minister Oh Chang-wook conveyed the government's position to Ambassador "
        "Nurlan Asanov in a meeting on Tuesday afternoon, according to the ministry."
    )
    assert _pairs(rules, "Seoul rejects Bishkek's charge", body) == ["KG-KR"]


def test_a_navy_sent_to_take_part_in_a_drill_pairs_with_each_navy_there(rules):
    body = (
        "DAKAR, May 9 (Yonhap) -- A Spanish navy frigate and Senegalese warships held a "
        "four-day anti-piracy exercise off Dakar that ended Friday, the Senegalese navy said.\n\n"
        "On the last day, Benin's navy sent a patrol boat to take part in a combined search "
        "drill with both navies."
    )
    assert _pairs(rules, "Spain, Senegal hold naval drill", body) == ["BJ-ES", "BJ-SN", "ES-SN"]


def test_a_foreign_embassy_that_answers_pairs_with_the_state_it_is_in(rules):
    body = (
        "ANKARA, June 4 (Yonhap) -- Turkey's foreign ministry on Wednesday rejected a report "
        "by Italian lawmakers on press freedom, calling it \"one-sided.\"\n\n"
        "The Italian Embassy in Ankara said in a statement that it regretted the response and "
        "stood by the findings."
    )
    assert _pairs(rules, "Turkey rejects Italian report", body) == ["IT-TR"]


def test_the_home_embassy_abroad_that_reports_on_nationals_is_no_pair(rules):
    body = (
        "SEOUL, Nov. 20 (Yonhap) -- Floods in southern Sri Lanka have killed at least 31 people "
        "and displaced 40,000, local authorities said Monday.\n\n"
        "The South Korean Embassy in Colombo said it had no reports of Korean nationals among "
        "the casualties and urged residents to avoid travel to affected areas."
    )
    assert _pairs(rules, "Floods hit Sri Lanka", body) == []


def test_a_foreign_embassy_that_only_serves_from_a_third_capital_is_no_party(rules):
    body = (
        "PORT MORESBY, Feb. 2 (Yonhap) -- The foreign ministers of Papua New Guinea and Hungary "
        "signed a visa waiver agreement on Monday, the PNG foreign ministry said.\n\n"
        "Hungary's consular affairs in the country are handled by the Hungarian Embassy in "
        "Canberra, which will open a visa desk in the city, the ministry said."
    )
    assert _pairs(rules, "PNG, Hungary sign visa deal", body) == ["HU-PG"]


def test_the_countries_of_one_trip_are_where_it_went_not_a_pair(rules):
    body = (
        "INCHEON, June 5 (Yonhap) -- Incheon Mayor Noh Seung-hwan returned Wednesday from a "
        "week-long trip to Kenya and Oman, during which he signed a sister-city agreement with "
        "Mombasa and met Oman's prime minister to promote the city's airport, the city "
        "government said."
    )
    assert _pairs(rules, "Incheon mayor back from Kenya, Oman", body) == []


def test_officials_among_the_spectators_are_no_pair(rules):
    body = (
        "LISBON, June 11 (Yonhap) -- Ghana beat Ecuador 3-1 in an international football "
        "friendly in Lisbon on Tuesday.\n\n"
        "Ghana's sports minister and Ecuador's ambassador to Portugal were among the "
        "spectators."
    )
    assert _pairs(rules, "Ghana beat Ecuador in friendly", body) == []


def test_the_cooperation_between_two_others_that_a_minister_names_is_what_he_said(rules):
    body = (
        "SEOUL, April 22 (Yonhap) -- Foreign Minister Cho Hyun-jin held talks with Belgian "
        "Foreign Minister Luc Verhoeven in Seoul on Tuesday, the ministry said.\n\n"
        "Cho said Asia and Europe should \"stand as one\" against the cooperation "
        "between Tehran and Moscow.\n\n"
        "The two sides agreed to hold their next strategic dialogue in Brussels."
    )
    assert _pairs(rules, "Cho meets Belgian FM", body) == ["BE-KR"]


def test_the_ties_between_two_states_with_nobody_else_acting_are_theirs(rules):
    body = (
        "MANILA, Oct. 6 (Yonhap) -- The ties between Hanoi and Manila have warmed this year, and "
        "the two countries' foreign ministers agreed on Monday to expand coast guard "
        "cooperation, the Philippine foreign ministry said."
    )
    assert _pairs(rules, "Coast guard ties to expand", body) == ["PH-VN"]


def test_a_name_that_led_the_countrys_delegation_is_that_countrys(rules):
    body = (
        "TAIPEI, Sept. 2 (Yonhap) -- Taiwan and Colombia held their first talks on customs "
        "cooperation in Bogota on Monday, Taiwan's economics ministry said.\n\n"
        "\"We want predictable rules,\" said Deputy Director General Lin Mei-hua, who led the "
        "Taiwanese delegation.\n\n"
        "From Bogota, Lin flew to Quito, where she met Ecuador's foreign trade minister on "
        "Thursday and signed a memorandum on customs cooperation."
    )
    assert _pairs(rules, "Taiwan, Colombia hold customs talks", body) == ["CO-TW", "EC-TW"]


def test_sanctions_imposed_on_a_day_on_a_states_people_pair_it_and_no_one_else(rules):
    body = (
        "DOHA, March 3 (Yonhap) -- Norway imposed sanctions on Tuesday on nine Syrian "
        "individuals and firms it accused of smuggling drugs to Europe, as its foreign minister "
        "held talks with Qatari officials in Doha.\n\n"
        "Foreign Minister Eirik Dahl announced the measures shortly after meeting his Qatari "
        "counterpart at the foreign ministry."
    )
    pairs = _pairs(rules, "Norway sanctions Syrian smugglers", body)
    assert "NO-SY" in pairs
    assert "QA-SY" not in pairs


def test_a_warning_pairs_the_one_who_warns_with_the_one_warned_not_a_third(rules):
    body = (
        "MOSCOW, April 3 (Yonhap) -- Russia on Thursday warned South Korea of \"serious "
        "consequences\" if South Korean-made howitzers sold to Romania end up in Ukraine, the "
        "Russian foreign ministry said."
    )
    assert _pairs(rules, "Russia warns Seoul over arms", body) == ["KR-RU"]


def test_a_quarrel_between_two_others_that_talks_covered_is_no_pair(rules):
    body = (
        "ANKARA, May 14 (Yonhap) -- Turkish Deputy Foreign Minister Selim Arda and Kenyan "
        "Principal Secretary Grace Wanjiru co-chaired the talks, which covered the war in "
        "Sudan and tensions between Ethiopia and Somalia.\n\n"
        "The two sides agreed to meet again in Nairobi next year."
    )
    assert _pairs(rules, "Turkey, Kenya hold talks", body) == ["KE-TR"]


def test_the_home_office_is_britains_government(rules):
    body = (
        "LONDON, June 5 (Yonhap) -- Thailand's ambassador in London formally asked the Home "
        "Office on Friday to exempt Thai citizens from electronic travel permits, the Thai "
        "embassy said."
    )
    assert _pairs(rules, "Thailand seeks UK travel permit waiver", body) == ["GB-TH"]


def test_a_platoon_of_a_states_marines_that_joins_a_drill_pairs_it_with_each(rules):
    body = (
        "MANILA, Sept. 12 (Yonhap) -- The navies of the Philippines and Japan wrapped up a "
        "two-week amphibious exercise on Luzon on Thursday, the Philippine defense ministry "
        "said.\n\n"
        "For the first time, a platoon of U.S. Marines joined the final two days of landing "
        "drills at the invitation of both countries."
    )
    assert _pairs(rules, "Marines end landing drill", body) == ["JP-PH", "JP-US", "PH-US"]


def test_the_european_council_and_a_taoiseach_each_pair_with_the_host(rules):
    body = (
        "LONDON, May 8 (Yonhap) -- Prime Minister Daniel Ashby held separate talks at Downing "
        "Street on Thursday with European Council President Ilse Moravec, Irish Taoiseach "
        "Sean Brennan and Danish Prime Minister Mette Holm, the British government said."
    )
    assert _pairs(rules, "UK leader meets European leaders", body) == ["DK-GB", "EU-GB", "GB-IE"]


def test_an_adjective_and_a_name_before_officials_are_both_parties(rules):
    body = (
        "COPENHAGEN, Oct. 9 (Yonhap) -- Danish and U.S. officials held export-control talks in "
        "Copenhagen on Thursday focused on quantum computing parts, the Danish foreign "
        "ministry said."
    )
    assert _pairs(rules, "Export-control talks", body) == ["DK-US"]


def test_the_two_ministers_are_the_pair_the_story_is_about_not_a_side_pair(rules):
    body = (
        "NAIROBI, Aug. 6 (Yonhap) -- Defense Minister Bae Jun-young held talks with his Kenyan "
        "counterpart Amos Kiprono on Wednesday and discussed peacekeeping training, the "
        "ministry said.\n\n"
        "Bae asked Kenya, whose embassy in Pyongyang is still open, to help make clear to the "
        "North that its weapons development was a threat to the whole region.\n\n"
        "The two ministers agreed to hold a joint drill next year and to expand officer "
        "exchanges at their military academies."
    )
    assert _pairs(rules, "S. Korea, Kenya defense chiefs meet", body) == ["KE-KR"]


def test_an_embassy_a_state_runs_is_a_standing_fact_not_an_event(rules):
    body = (
        "VIENTIANE, Dec. 9 (Yonhap) -- Lao Foreign Minister Bounmy Keola held talks with "
        "Vietnamese Foreign Minister Tran Duc Hai in Vientiane on Monday and agreed to reopen "
        "two border checkpoints, the Lao foreign ministry said.\n\n"
        "North Korea runs an embassy in Vientiane, and Lao leaders have visited Pyongyang "
        "several times."
    )
    assert _pairs(rules, "Laos, Vietnam to reopen checkpoints", body) == ["LA-VN"]


def test_the_tensions_between_two_others_the_two_leaders_discussed_are_no_pair(rules):
    body = (
        "KUALA LUMPUR, Feb. 4 (Yonhap) -- Malaysian Prime Minister Anwar Rahman held talks with "
        "Lao Prime Minister Sonexay Phomvihane on Tuesday, the Malaysian government said.\n\n"
        "According to a statement, the two leaders discussed the situation in Myanmar, the "
        "border tensions between Thailand and Cambodia and rice trade, and agreed to meet "
        "again in June."
    )
    assert _pairs(rules, "Malaysia, Laos leaders meet", body) == ["LA-MY"]


def test_states_represented_at_a_summit_by_their_ministers_are_no_pair(rules):
    body = (
        "SEOUL, Nov. 12 (Yonhap) -- President Kwon Tae-jin held summit talks with the leaders "
        "of Laos and Cambodia on the sidelines of a Mekong summit in Seoul on Wednesday, his "
        "office said.\n\n"
        "Thailand and Myanmar were represented at the summit by their foreign ministers."
    )
    assert _pairs(rules, "Kwon meets Mekong leaders", body) == ["KH-KR", "KR-LA"]


# Round 14: what held-out part 13 showed once measured.


def test_a_delegation_from_a_capital_is_that_states(rules):
    body = (
        "KUALA LUMPUR, Feb. 20 (Yonhap) -- Malaysia and a delegation from Madrid concluded a "
        "second round of negotiations on an investment agreement on Thursday, the Malaysian "
        "trade ministry said."
    )
    assert _pairs(rules, "Investment talks end", body) == ["ES-MY"]


def test_a_sheikh_met_in_a_gulf_dateline_is_the_states_official(rules):
    body = (
        "ABU DHABI, Dec. 3 (Yonhap) -- Foreign Minister Oh Jin-hyuk held talks in Abu Dhabi on "
        "Tuesday with Sheikh Khalid bin Saeed Al Nahyan, who serves as the Gulf state's deputy "
        "prime minister.\n\n"
        "The two sides signed a memorandum on cooperation between their diplomatic academies."
    )
    assert _pairs(rules, "Top diplomats meet in Abu Dhabi", body) == ["AE-KR"]


def test_officials_from_two_capitals_are_their_states(rules):
    body = (
        "NAIROBI, Feb. 25 (Yonhap) -- Kenya's trade ministry unveiled a plan on Tuesday to widen "
        "export markets for tea and flowers.\n\n"
        "Separately, trade officials from Nairobi and Hanoi concluded a first round of "
        "negotiations on a framework trade agreement on Monday, the ministry said."
    )
    assert _pairs(rules, "Kenya unveils export plan", body) == ["KE-VN"]


def test_officials_who_would_meet_are_not_yet_an_event(rules):
    body = (
        "SEOUL, June 3 (Yonhap) -- Seoul shares rose 1.2 percent on Tuesday, led by shipbuilders "
        "and refiners.\n\n"
        "Traders cited a foreign ministry notice that officials from Seoul and Quito would "
        "meet to review their free trade agreement."
    )
    assert _pairs(rules, "Seoul shares rise", body) == []


def test_about_a_number_of_two_states_soldiers_that_began_a_drill_is_no_topic(rules):
    body = (
        "OSLO, Feb. 12 (Yonhap) -- About 300 Norwegian and Polish soldiers began a 10-day "
        "winter exercise in Finnmark on Wednesday, the first bilateral drill between the two "
        "countries, the Norwegian armed forces said."
    )
    assert _pairs(rules, "Winter drill begins", body) == ["NO-PL"]


def test_officials_among_a_crowd_are_no_pair(rules):
    body = (
        "OSAKA, June 8 (Yonhap) -- Spain beat Japan 88-85 in an international basketball "
        "friendly in Osaka on Saturday.\n\n"
        "A crowd of about 7,000 filled the arena, among them Japan's sports minister and the "
        "Spanish ambassador, who exchanged a handshake at halftime."
    )
    assert _pairs(rules, "Spain edge Japan in friendly", body) == []


def test_a_written_objection_lodged_with_the_commission_is_an_act(rules):
    body = (
        "SEOUL, April 3 (Yonhap) -- South Korea has sent a formal note of protest to the "
        "European Union over its decision to cut steel import quotas, the trade ministry said "
        "Thursday.\n\n"
        "The note, delivered to the European Commission through Seoul's mission in Brussels, "
        "asked for urgent consultations.\n\n"
        "On Wednesday, Canada's trade ministry said it too had lodged a written objection with "
        "the Commission and sought talks."
    )
    assert _pairs(rules, "S. Korea protests EU steel quotas", body) == ["CA-EU", "EU-KR"]


def test_forces_that_join_two_others_drill_late_in_a_story_pair_with_each(rules):
    body = (
        "WASHINGTON, Sept. 16 (Yonhap) -- President Kwon Tae-sung held his first summit with "
        "U.S. President Harold Brandt at the White House on Monday, and the two leaders agreed "
        "to set up a joint fund to modernize shipyards, Kwon's office said.\n\n"
        "The two presidents also reaffirmed the alliance and agreed to expand joint drills.\n\n"
        "Off Busan, meanwhile, a Canadian frigate on Monday joined the second phase of a "
        "maritime exercise that the South Korean Navy has been holding with a U.S. carrier "
        "group, the Joint Chiefs of Staff said."
    )
    assert _pairs(rules, "Kwon, Brandt agree on shipbuilding fund", body) == [
        "CA-KR", "CA-US", "KR-US",
    ]


def test_two_states_that_signed_deals_with_a_third_do_not_join_as_forces_do(rules):
    body = (
        "ASTANA, May 4 (Yonhap) -- The foreign ministers of Canada and Kazakhstan signed a "
        "critical minerals partnership in Astana on Monday, Kazakhstan's foreign ministry "
        "said.\n\n"
        "South Korea and Japan have also signed minerals cooperation deals with Astana."
    )
    assert _pairs(rules, "Canada, Kazakhstan sign minerals pact", body) == ["CA-KZ"]


def test_a_leader_who_sat_down_with_counterparts_late_in_a_story_meets_each(rules):
    body = (
        "TASHKENT, May 20 (Yonhap) -- Uzbekistan called in the French ambassador on Tuesday to "
        "protest Paris's decision to sanction three Uzbek trading companies, the foreign "
        "ministry said.\n\n"
        "Foreign Minister Aziz Karimov told the ambassador that the decision was unjustified.\n\n"
        "The summons came as President Shavkat Rahimov hosted a regional water conference in "
        "the capital.\n\n"
        "Between sessions, Rahimov sat down one by one with his Kazakh, Kyrgyz and Tajik "
        "counterparts to discuss water sharing."
    )
    assert _pairs(rules, "Tashkent summons French envoy", body) == [
        "FR-UZ", "KG-UZ", "KZ-UZ", "TJ-UZ",
    ]


def test_the_federal_foreign_office_is_germanys_government(rules):
    body = (
        "BERLIN, May 28 (Yonhap) -- A dispute inside Germany's coalition over battery subsidies "
        "deepened on Wednesday.\n\n"
        "The South Korean Embassy in Berlin delivered a note verbale to the Federal Foreign "
        "Office last week protesting the rule, according to diplomatic sources."
    )
    assert _pairs(rules, "Berlin coalition row deepens", body) == ["DE-KR"]


def test_a_counterpart_in_a_capital_is_that_states(rules):
    body = (
        "KUALA LUMPUR, Feb. 18 (Yonhap) -- Malaysian Prime Minister Anwar Ibrahim thanked his "
        "counterpart in Pretoria on Tuesday for lifting import restrictions on palm oil, the "
        "prime minister's office said."
    )
    assert _pairs(rules, "Anwar thanks Pretoria", body) == ["MY-ZA"]


def test_neither_government_commenting_is_no_act(rules):
    body = (
        "NAIROBI, July 2 (Yonhap) -- A Kenyan court on Tuesday ordered a Hungarian builder to "
        "pay damages over a stalled water plant.\n\n"
        "Neither the Hungarian embassy nor Kenya's foreign ministry commented on the case."
    )
    assert _pairs(rules, "Court orders Hungarian builder to pay", body) == []


def test_a_spokeswoman_at_a_briefing_in_a_foreign_capital_is_that_states(rules):
    body = (
        "SEOUL, March 5 (Yonhap) -- South Korea and Japan signed a pact on Tuesday to share "
        "stockpiles of critical minerals, the foreign ministry said.\n\n"
        "Asked about the pact at a regular briefing in Beijing, foreign ministry spokeswoman "
        "Liu Xiaoyan said it was Japan that kept trying to build exclusive blocs."
    )
    assert _pairs(rules, "Seoul, Tokyo ink minerals pact", body) == ["CN-JP", "JP-KR"]


def test_a_secretary_of_state_at_another_countrys_ministry_is_not_the_us(rules):
    body = (
        "HELSINKI, March 9 (Yonhap) -- Vietnamese Deputy Foreign Minister Pham Van Long met "
        "with Mikael Aalto, under-secretary of state at the Finnish foreign ministry, on "
        "Monday for talks on trade, the ministry said."
    )
    assert _pairs(rules, "Vietnam, Finland hold talks", body) == ["FI-VN"]


def test_recognizing_beijing_rather_than_taipei_is_a_standing_fact(rules):
    body = (
        "TAIPEI, Oct. 2 (Yonhap) -- Taiwan and Peru signed an agreement on agricultural "
        "research on Wednesday.\n\n"
        "Peru, like most governments, recognizes Beijing rather than Taipei, so the two sides "
        "deal with each other through trade offices that serve as unofficial embassies."
    )
    assert _pairs(rules, "Taiwan, Peru sign research pact", body) == ["PE-TW"]
