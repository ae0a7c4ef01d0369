"""Bilateral-diplomacy relevance: which country pairs an article is about, and whether it is
about diplomacy between them at all.

The crawler exists to follow diplomacy between countries, so every article gets a `topic`:
`{"bilateral", "pairs", "score", "evidence"}`. The rules (country names, diplomacy terms,
officials' titles, weights) live in a YAML data file users extend (see docs/topic.md); this
module only knows how to apply them.

How it scores, in one pass over the text: a single precompiled regex finds sentence
boundaries and every known phrase (a trie of all phrases, so cost does not grow with the
number of alternatives). Per sentence it collects the countries named and decides, from the
words around each, whether the country is a *party* (it acts: "Japan lodged a protest", "the
Japanese ambassador", "talks with Seoul") or only a *subject* or a *place* ("discussed North
Korea's launch", "the war in Ukraine", "Japanese seafood"). A sentence with diplomacy language
adds its weight to the pairs of its parties: a host with each of its guests ("held talks with
the leaders of Fiji, Tonga and Palau"), otherwise every pair of them. A sentence with one
foreign party and a home-government official ("Foreign Minister Cho met ...") pairs it with
the home country (South Korea for both outlets) when the article names it. Officials named
once with their country ("Japanese Foreign Minister Aiko Nishimura") count for it when named
again ("Nishimura said"). Background sentences (what happened before, with no weekday, or
what is only planned) count for less; a meeting of two governments' officials counts as an
event however few diplomacy words it has.
The best pair's score decides `bilateral`; `evidence` keeps the sentences behind each pair.
The rules file itself is read and compiled by `newscrawl.topic_rules`.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from newscrawl.topic_rules import (  # noqa: F401  (_default_path: tests use it from here)
    Rules,
    _default_path,
    default_rules,
    load_rules,
    surface_form,
)
from newscrawl.topic_rules import key as _key

__all__ = [
    "Rules",
    "classify",
    "default_rules",
    "load_rules",
]

# "... in Hiroshima, Japan": a country named after a city is where, not who.
# (but "in Seoul, Japan's minister said" names a party: the country must end the phrase).
_CITY_COUNTRY = re.compile(r"\bin\s+[A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*){0,2},\s*$")
_VENUE_END = re.compile(r"\s*(?:[,.;:)]|$|(?:on|in|last|this|next|earlier|later)\b)")

# "but" that opens another clause, not "but did not", "but also", "but expected".
_BUT = (r"\sbut\s+(?!(?:did|does|do|was|were|had|has|is|are|not|also|then|would|could|will|"
        r"[a-z]+ed)\b)")
# Where one clause of a sentence ends: a subject introduced by "discussed ..." or "over ..."
# runs to here. Punctuation, "while"/"but", or "and" before a verb in the past tense.
_CLAUSE_BREAK = re.compile(
    r"[,;:()\[\]]|\s(?:while|whereas|although|though|if|unless|because|said|says|told|added)\s"
    rf"|{_BUT}"
    r"|\sand\s+(?=(?:also\s+|then\s+)?(?:[a-z]+ed\s+(?:the|a|an|to|that|on|with|its|their|his|"
    r"her|in|for|up|out|over|concern|regret|[A-Z]\w*)|said|met|held|told|signed|made|sent|took|gave|spoke"
    r"|saw|won|led|left|flew|paid|sought|came|went|rose|fell)\b)"
)
# "with" ends a subject ("talks on fisheries with Japan") unless it belongs to the subject
# ("concern over military cooperation with Pyongyang").
_WITH = re.compile(r"\bwith\b")
_SUBJECT_WITH = re.compile(
    r"\b(?:cooperation|ties|relations|relationship|tension|tensions|trade|dealings|alliance|"
    r"partnership|war|conflict|dispute|disputes|border|rapprochement|friendship|talks|"
    r"negotiations|exchanges|contacts|collusion|clashes|standoff|competition|rivalry|summit|"
    r"summits|meeting|visit)\s+$"
)
# A topic marker followed by time is not a topic: "on Tuesday", "over the weekend".
_NOT_TOPIC = re.compile(
    r"\s+(?:the\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Jan\b|Feb\b|"
    r"March|April|May|June|July|Aug\b|Sept\b|Oct\b|Nov\b|Dec\b|January|February|August|"
    r"September|October|November|December|sidelines|condition|board|behalf|phone|weekend|"
    r"past|years|decades|months|weeks|days|hours|first\s+time|time|same\s+day|way|average)",
)
# ... nor is "about" before a number: "About 400 Finnish and Turkish soldiers".
_NUMBER_AFTER = re.compile(r"\s+\d")
# "left for Tokyo", "flew to Jakarta for talks": a destination, not a subject.
_TRAVELLED = r"flew|flies|traveled|travelled|travels|headed|left"
_TRAVEL_FOR = re.compile(
    r"\b(?:" + _TRAVELLED + r"|leave|leaves|leaving|departed|departs|heads|bound|off)\s+for$"
)
_FORMER = re.compile(r"\b(?:former|ex-|retired)\s*(?:[A-Z][a-z]+\s+)?$", re.IGNORECASE)
# (", which began ...", and ", and North Korea's ties with Russia", a possessive, not a verb,
# go on with the list the clause before began.)
_CONTINUES = re.compile(
    r"\s*(?:including|such\s+as|notably|especially|particularly|which|"
    r"and\s+(?:[A-Z][\w.]*\s+){0,2}[A-Z][\w.]*['\u2019]s\b)"
)
# Someone met, called on or received by the official that follows.
_MEETS = re.compile(r"\b(?:with|met|meets|meet|received|receives|hosted|hosts|welcomed|greeted|"
                    r"call\s+on|calls\s+on|called\s+on|visited|by|hosts?,)\s+(?:[A-Z][\w.-]*\s+){0,4}$")
# "called on Pyongyang to halt ...", "sanctions on North Korean banks", "handed over to
# Italy": an addressee, not a topic.
_CALL_ON = re.compile(
    r"\b(?:call(?:ed|s|ing)?\s+on|impos(?:e|es|ed|ing)\s+(?:[\w-]+\s+){0,2}?sanctions\s+"
    r"(?:on|against)|hand(?:ed|s|ing)?\s+over)$",
    re.IGNORECASE,
)
# "TOKYO, Feb. 11 (Yonhap) --": the city a story is filed from.
_DATELINE = re.compile(
    r"\s*([A-Z][A-Z.'\- ]{2,30}?)(?:/[A-Z][A-Z.'\- ]+)*,\s+"
    r"(?:([A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}),\s+)?[A-Z][a-z]{2,4}\.?\s+\d"
)
# Who attended: "sent ministers to the summit", "attended the opening as observers".
_ATTENDANCE = re.compile(
    r"\b(?:sent|send|sends|dispatched)\s+(?:[\w-]+\s+){0,3}?(?:ministers?|delegations?|"
    r"officials|representatives|envoys|leaders|observers|diplomats)\s+to\b|"
    r"\battend(?:ed|s|ing)?\b|\bas\s+observers\b|\bwatched\b|\blook(?:ed|ing)\s+on\b|"
    r"\bin\s+attendance\b|\bin\s+the\s+audience\b|\bamong\s+the\s+(?:guests|spectators)\b|"
    r"\bwere\s+represented\s+at\b|\bcrowd\b[^.;]*?\bamong\s+them\b",
    re.IGNORECASE,
)
# Forces of a state that join an exercise: "Japanese fighter jets joining ...", "An
# Australian frigate, HMAS Toowoomba, joined ...".
_JOINING = re.compile(
    r"\s+(?:[\w-]+\s+){0,3}?(?:jets?|fighters?|aircraft|bombers?|warships?|ships?|frigates?|"
    r"destroyers?|submarines?|vessels?|troops|soldiers|marines|forces|navy|units?|army|"
    r"engineers|personnel)"
    r"(?:,[^,]{1,60},|(?:\s+[\w-]+){0,3}?)\s+(?:join|joins|joined|joining|took\s+part|"
    r"taking\s+part|participated|participating|conducted|staged|held|began|started|"
    r"wrapped\s+up|ended|concluded|completed)\b"
)
# Between a country and a home-style title it owns ("Japanese Prime Minister", "Japan's
# foreign ministry"), but not "Mensah and Ambassador Lee".
_QUALIFIER_GAP = re.compile(r"(?:['\u2019]s)?\s+(?:(?!(?:and|or|with)\s)[a-z]+\s+)?")
# Between a country and the title it owns: "Thailand's Secretary of State".
_OWNER_GAP = re.compile(r"(?:['\u2019]s)?\s+")
_AT = re.compile(r"\b(?:at|in|inside|outside)\s+$", re.IGNORECASE)
# A possessive that owns a thing, not an official: "the Kremlin's open door" (not "the
# Kremlin's spokesman").
_POSSESSIVE = re.compile(r"['\u2019]s\s+(?!(?:[\w-]+\s+){0,2}(?:spokes\w+|minister|envoy|office))")
# "NAME led the Turkish side": whose the name is.
# A name of two or three capitalised words: "Mehmet Aydemir", "Levent Aksoy".
_FULL_NAME = r"([A-Z][a-z'\u2019-]+(?:\s+[A-Z][a-z'\u2019-]+){1,2})"
_LED_BEFORE = re.compile(r"\b" + _FULL_NAME + r"(?:,\s+who)?\s+(?:led|headed)\s+the\s+$")
_SIDE_AFTER = re.compile(r"\s+(?:side|delegation|team)\b")
# A trip and where it went: "flew on Tuesday to Djibouti, where ...".
_WENT_TO = re.compile(r"\b(?:" + _TRAVELLED + r"|went|moved|continued)\b(?:\s+[\w,]+){0,4}?"
                      r"\s+(?:to|for)\s+$")
_WHERE = re.compile(r",\s+where\b")
_OF_AFTER = re.compile(r",?\s+of\b")
# Craft a body of state sends: "coast guard ships", "navy vessels".
_CRAFT_AFTER = re.compile(r"\s+(?:ships|vessels|boats|aircraft|planes|jets|patrol\s+boats)\b")
_HIT_BY = r"(?:on|against)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$"  # whom sanctions hit
_SANCTIONS_ON = re.compile(r"\bsanctions\s+" + _HIT_BY)
# ... imposed, with the day between: "imposed sanctions on Wednesday on 11 Iranian individuals"
# (not "discussed sanctions on ...": a subject).
_IMPOSED_ON = re.compile(
    r"\b(?:imposed|imposes|slapped|slaps|levied)\s+(?:[\w-]+\s+){0,2}?sanctions\s+"
    r"(?:on\s+[A-Z][a-z]+day\s+)?" + _HIT_BY
)
# A title's portfolio or office: "Secretary of State for Trade" (not the U.S. one).
_PORTFOLIO = re.compile(
    r"\s+for\s+[A-Z]|"
    # "Secretary of State Chea Sovannara of the Cambodian foreign ministry"
    r"\s+(?:[A-Z][\w'-]+\s+){1,3}of\s+the\s+(?!United\s+States\b)[A-Z]|"
    # "under-secretary of state at the Finnish foreign ministry"
    r"\s+at\s+the\s+(?!U\.S\.|United\s+States\b|State\s+Department\b)[A-Z]"
)
# "the head of the Taipei Mission in Korea": the capital's state's office, not a place.
_MISSION_AFTER = re.compile(r"\s+(?:Mission|Representative\s+Office|Economic\s+and\s+Cultural"
                            r"\s+(?:Office|Representative\s+Office)|Trade\s+Office)\b")
_AGAINST = re.compile(r"\bagainst\s+$")
# "Levent Aksoy, who heads the National Defense Ministry in Ankara", "Lim Jae-hoon, who runs
# the trade security policy bureau in Seoul's industry ministry": whose official he is.
_WHO_HEADS = re.compile(
    r"\b" + _FULL_NAME + r",\s+who\s+(?:heads|leads|runs|directs|chairs)\s+(?:the\s+|a\s+)?"
    r"(?:[\w-]+\s+){0,6}?(?:in|of|at)\s+$"
)
_SIDELINES = re.compile(r"\bsidelines\s+of\s+(?:the\s+)?$", re.IGNORECASE)
# "a trade attache at Singapore's embassy", "the envoy from Seoul", "a protest note from
# Ankara", "called in Vientiane's ambassador": the state's diplomat or message, not a place.
_STATE_BEFORE = re.compile(
    r"\b(?:attache|attach\u00e9|diplomats?|counsell?or|consul|secretary|officers?|envoy|"
    r"ambassador|counterpart)\s+(?:at|from)\s+(?:the\s+)?$|"
    # "a formal protest note from Ankara": who sent it
    r"\b(?:note|letter|message|protest|complaint|invitation|request|warning|statement|"
    r"accusation|demand)\s+from\s+$|"
    r"\bcall(?:ed|s|ing)?\s+in\s+$"
)
# Two others' dealings and their quarrels: "the cooperation between", "tensions between".
_BETWEEN = re.compile(
    r"\b(?:cooperation|ties|relations|dealings|collusion|alliance|partnership|rapprochement)"
    r"\s+between\s+(?:the\s+)?$"
)
_DISPUTE_BETWEEN = re.compile(
    r"\b(?:tensions|tension|rivalry|dispute|disputes|row|feud|conflict|war|clashes)"
    r"\s+between\s+(?:the\s+)?$"
)
# A unit of a state's forces: "a platoon of U.S. Marines", which acts for it.
_UNIT_OF = re.compile(
    r"\b(?:platoon|company|battalion|contingent|detachment|squadron|unit|team)\s+of\s+$"
)
_FORCES_AFTER = re.compile(r"\s+(?:Marines|marines|troops|soldiers|sailors|special\s+forces)\b")
# Where a trip went: "an eight-day trip to".
_TRIP_TO = re.compile(r"\b(?:trip|trips|tour|journey|swing)\s+(?:to|of|through)\s+(?:the\s+)?$")
# A mission abroad: "the French Embassy in Tehran".
_MISSION_IN = re.compile(r"\b(?:[Ee]mbassy|[Cc]onsulate)\s+in\s+$")
# ... that answers: "the U.S. Embassy in New Delhi said".
_ANSWERS = re.compile(r"\s+(?:said|says|replied|replies|responded|rejected|denied)\b")
# "accused the government in Vientiane", "asked the authorities in Vientiane": its officials.
_GOVERNMENT_IN = re.compile(r"\b(?:government|authorities|regime|leadership|counterpart)\s+in\s+$")
# "were joined by a Bangladeshi frigate": the same, told the other way round.
_JOINED_BY = re.compile(r"\bjoined\s+by\s+(?:an?\s+|the\s+)?$", re.IGNORECASE)
# An opening time clause: "Hours after Cho left for Honiara, ...".
_LEAD_CLAUSE = re.compile(
    r"\s*(?:(?:Hours|Days|Minutes|Weeks|Shortly|Soon|Just|Moments|Immediately|Only|"
    r"A\s+(?:day|week|month)|(?:Two|Three|Four|Several|A\s+few)\s+(?:hours|days|weeks))\s+)?"
    r"(?:[Aa]fter|[Bb]efore|[Ww]hen|[Ww]hile|[Ff]ollowing)\s+[^,;]{3,150},"
)
# Officials meeting, calling or summoning one another.
_MEETING = re.compile(
    r"\b(?:met|meets|meeting\s+with|held\s+talks|holds\s+talks|talks\s+with|received|receives|"
    r"hosted|hosts|welcomed|called\s+in|summoned|summons|spoke\s+(?:by\s+(?:tele)?phone\s+)?with|"
    r"phone\s+(?:call|talks|conversation)\s+with|sat\s+down)\b",
    re.IGNORECASE,
)
# "... joined the talks": a newcomer to the meeting the story has been about.
_JOINED_TALKS = re.compile(
    r"(?<!not )(?<!never )(?<!whether to )\b(?:(?:join(?:ed|s)?|"
    r"t(?:ake|akes|ook)\s+part\s+in)\s+"
    r"(?:them|(?:the|an?)\s+(?:[\w-]+\s+){0,5}?(?:of\s+the\s+)?"
    r"(?:talks|meeting|meetings|discussions|consultations|negotiations|summit|session|dialogue|"
    # "sailed from Montevideo to join the final day of maneuvers", "would join the arrangement"
    r"exercise|exercises|drill|drills|maneuvers|manoeuvres|arrangement)|"
    # "joined South Korean and Philippine warships in a search-and-rescue exercise"
    r"(?:[\w-]+\s+){1,6}?in\s+(?:an?|the|their)\s+(?:[\w-]+\s+){0,3}?(?:exercise|drill)s?)|"
    # "Turkey sent a company of special forces commandos to the drill" (not to a summit:
    # that is attendance)
    r"sen[dt]s?\s+(?:[\w-]+\s+){1,6}?to\s+the\s+(?:[\w-]+\s+){0,3}?(?:exercise|drill)s?)\b",
    re.IGNORECASE,
)
# Who hosts the forum a meeting was held at: "on the sidelines of the Seoul Defense Dialogue,
# an annual security forum hosted by South Korea's defense ministry".
_EVENT_HOST = re.compile(
    r",\s+an?\s+(?:[\w-]+\s+){0,4}?(?:forum|conference|meeting|summit|gathering|event|"
    r"dialogue|expo|exhibition)\s+(?:hosted|organized|organised|held)\s+by\s+(?:the\s+)?$"
)
# A title owned through a pronoun: "its minister", "his deputy foreign minister".
_PRONOUN_OWNER = re.compile(r"\b(?:its|his|her|their)\s+(?:[a-z-]+\s+){0,2}$")
# Ties that are not there: a standing fact, not an event.
_NO_TIES = re.compile(
    r"\b(?:(?:has|have|had)\s+(?:no|never\s+(?:had|established))|(?:does|do|did)\s+not\s+have)"
    r"\s+(?:formal\s+|official\s+)?"
    r"(?:diplomatic\s+)?(?:relations|ties)\b",
    re.IGNORECASE,
)
# A mission or a recognition that is there, not an event: "runs an embassy in", "keeps
# diplomatic relations".
_STANDING = re.compile(
    r"\b(?:keeps|keep|kept|runs|run|maintains|maintain)\s+(?:an?\s+)?(?:embassy|embassies|"
    r"representative\s+offices?|diplomatic\s+(?:relations|ties)|missions?)\b|"
    r"\brecogni[sz]es\s+\w+\s+rather\s+than\b"  # "recognizes Beijing rather than Taipei"
)
# Officials who said nothing: "Neither the embassy nor the ministry commented".
_NO_COMMENT = re.compile(r"\bNeither\b[^.]*\bnor\b[^.]*\b(?:commented|responded|replied)\b")
# Where an official speaks: "told a regular briefing in Beijing", "told reporters in Tokyo".
_BRIEFED_IN = re.compile(
    r"\b(?:briefing|briefings|conference|reporters|journalists|parliament|interview)"
    r"(?:\s+[\w-]+){0,3}?\s+(?:in|at)\s+$"
)
# A sentence whose subject is "he" or "she" meeting someone: "On Tuesday he sat down with".
_PRONOUN_MEETS = re.compile(
    r"\s*(?:(?:On|Later\s+on|Later|Earlier|The\s+next\s+day|There)(?:\s+[\w']+){0,4}?,?\s+)?"
    # "Officials said she also spoke separately with ...": who reports, then who meets.
    r"(?:[A-Z][\w']*(?:\s+[\w']+){0,3}?\s+said\s+(?:that\s+)?)?"
    r"([Hh]e|[Ss]he)\s+"
    r"(?:also\s+|then\s+|later\s+)?(?:met|meets|sat\s+down|held|holds|hosted|received|"
    r"spoke|called\s+on|visited|signed|discussed)\b"
)
# "She arrived from Tokyo, where on Monday she held talks with ...": the one who travelled.
_WHERE_PRONOUN_MEETS = re.compile(
    r"\s*(?:(?:On|Later|Earlier)(?:\s+[\w']+){0,3}?,?\s+)?([Hh]e|[Ss]he)\s+(?:then\s+)?"
    r"(?:arrived|flew|traveled|travelled|went|moved\s+on)\b[^.;]*?,\s+where\s+"
    r"(?:(?:on|earlier|later)(?:\s+[\w']+){0,3}?,?\s+)?(?:he|she)\s+(?:also\s+)?"
    r"(?:met|held|hosted|received|spoke|signed|discussed)\b"
)
# "Its ambassador in Seoul, Dilshod Karimov, went to the foreign ministry": a sentence that
# opens with the official of the country the last one opened with.
_ITS_OFFICIAL = re.compile(
    r"\s*(Its|Their)\s+(?=(?:[\w-]+\s+){0,2}?(?:ambassador|envoy|embassy|foreign\s+minister|"
    r"foreign\s+ministry|president|prime\s+minister|government)\b)"
)
# "'...,' an embassy spokesperson said": the spokesperson of the last sentence's government.
_THE_SPOKESPERSON = re.compile(
    r"\b(?:[Tt]he|[Aa]n?)\s+(?:embassy\s+|ministry\s+)?(?:spokesperson|spokesman|spokeswoman)\b"
    r"(?!\s+(?:for|of|at|in)\b)"  # "a spokesperson for the economy ministry": another's
)
# "conveyed the government's position to Ambassador Bakhodir Yusupov": a foreign envoy
# named without a country.
_BARE_ENVOY = re.compile(
    r"(?<![\w'-])(?:Ambassador|Charge\s+d'Affaires)(?:\s+[A-Z][a-z]+){2,3}\b"
)
# "In his meeting with Sanchez, the Uzbek leader thanked Madrid": his is the last subject's.
_POSSESSIVE_MEETS = re.compile(
    r"\s*(?:In|During|At)\s+(his|her)\s+(?:[\w-]+\s+){0,2}?(?:meeting|talks|call|"
    r"conversation|summit)\s+with\b"
)
# A surname that is the subject of a meeting verb: "Erdogan held separate talks with".
_SUBJECT_NAME = re.compile(
    r"(?<![\w-])([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+(?:also\s+|then\s+|later\s+)?"
    r"(?:held|holds|met|meets|received|receives|hosted|hosts|welcomed)\b"
)
# A proper name right before a title a province or a city also has: its official, not the
# state's ("KwaZulu-Natal Premier", "Gyeonggi Governor").
_PROVINCIAL = re.compile(r"(?i:premier|governor|mayor)")
_PLACE_BEFORE = re.compile(
    r"(?<![\w-])(?!(?:The|A|An|First|Deputy|Vice|Senior|Acting|Former|Chief|Then|Interim|"
    r"Incoming|Outgoing|Also|Meanwhile|Later|Earlier)\s)[A-Z][A-Za-z]+(?:-[A-Z][A-Za-z]+)*\s+$"
)
# A sentence opening with a body of state that acts on an embassy: "The ministry called in
# the embassy's charge d'affaires".
_THE_BODY_ACTS = re.compile(
    r"\s*The\s+(?:foreign\s+)?ministry\s+(?:called\s+in|summoned|handed|delivered|told|"
    r"informed|protested|lodged)\b[^.]*\bembassy",
)
# A clause that only adds to the sentence before it.
_TRAILING = re.compile(r",\s+(?:noting|saying|adding|citing|recalling)\b")
# "the commerce ministry": a body named without its country.
_THE_BODY = re.compile(r"\bthe\s+(?:[a-z]+\s+){0,3}$", re.IGNORECASE)
# A sentence opening with its place: "In Tokyo, ...".
_SCENE_OPEN = re.compile(r"\s*(?:Meanwhile,\s+|Separately,\s+)?[Ii]n\s+")
# Who hosts whom: the countries before one of these and the countries after it.
_HUB = re.compile(r"\b(?:with|met|meets|received|receives|hosted|hosts|welcomed|greeted|"
                  r"called\s+in|summoned)\b")
# "its military cooperation with Pyongyang": a third country's dealings, a subject.
_THEIR_WITH = re.compile(
    r"\b(?:its|their|all|any|including)\s+(?:[\w-]+\s+){0,3}(?:cooperation|ties|relations|trade|dealings|"
    r"alliance|partnership|treaty|deal|pact|talks|exchanges)\s+with\s+(?:the\s+)?$|"
    r"\bincluding\s+with\s+(?:the\s+)?$",  # "reviewing its labor agreements, including with"
    re.IGNORECASE,
)
# A clause that only says who reports: ", South Korea's military said", "according to ...".
_SOURCE_END = re.compile(
    r"\b(?:said|says|reported|reports|announced|added|noted|quoted)"
    r"(?:\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))?"
    r"(?:\s+(?:in|on|at|through)\s+(?:(?!\bthat\b)[^,]){0,50})?\s*[.!?\"\u201d]*\s*$"
)
_ACCORDING = re.compile(r"\baccording\s+to\b", re.IGNORECASE)
_QUOTE = re.compile(r"[\"\u201c\u201d]")
# Where a sentence turns to something else ("X agreed ..., while Y asked ..."): pairs across
# such a turn are not named together. (Not ", which" or ", saying": the clause goes on.)
_TURN_PATTERN = (r";|\s(?:while|whereas|although|though|if|unless|because|after|before|when)\s|"
                 # ", as a new row between the Philippines and China cast a shadow"
                 r",\s+as\s+(?:a|an|the|its|his|her|their)\s|" + _BUT)
_TURN = re.compile(_TURN_PATTERN)
# Where one part of a sentence ends and another, about something else, begins: a turn, or
# ", which"/", saying": host and guests are looked for within one part; pairs across parts
# count as uncoordinated.
_PART_BREAK = re.compile(
    _TURN_PATTERN + r"|,\s+(?:which|who|saying|calling|adding|citing|noting)\b"
    r"|,\s+and\s+(?:the|its|his|her|their)\s+[\w-]+\s+(?:said|says|added)\b"
)
# "meeting of South Korea, Japan and China": the countries of a meeting are its parties.
_EVENT_OF = re.compile(
    r"(?:^|\W)(?:meeting|meetings|summit|summits|talks|conference|dialogue|consultations|"
    r"session|gathering|delegations?|ministers|leaders|chiefs|heads|envoys|officials|"
    r"representatives|negotiators|diplomats)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# A person's name (two capitalised words, or a surname) acting before "with"/"met".
_ACTOR = re.compile(r"(?<![\w'])(?:[A-Z][a-z]+\s+){0,2}[A-Z][a-z]+(?:-[a-z]+)?"
                    r"(?:\s+also)?\s+(?:held|met|had|made|spoke|talked)\b")
# What makes "with" a meeting's: "held talks with", "summits with" (not "crossings with").
_TALKS_BEFORE = re.compile(
    r"\b(?:talks|talk|meeting|meetings|met|meets|summit|summits|call|calls|consultations|"
    r"dialogue|negotiations|conversation|conversations)\b(?:\s+[\w-]+){0,4}?\s+$",
    re.IGNORECASE,
)
# A country word that only says where a ship or a firm is registered.
_FLAGGED = re.compile(r"-(?:flagged|registered|based|owned|made)\b")
# Three places or more joined by hyphens: a route or a corridor ("Baku-Tbilisi-Ceyhan").
_ROUTE = re.compile(r"[A-Z][\w'.]*(?:-[A-Z][\w'.]*){2,}")
_WORD_BEFORE = re.compile(r"[\w'.-]*$")
_WORD_AFTER = re.compile(r"[\w'.-]*")
# A title the home state does not have: "the emir", "the king".
_FOREIGN_RULER = re.compile(r"\b(?:emir|king|sultan|crown\s+prince|monarch|queen)\b",
                            re.IGNORECASE)
# A business leader, who does not act for the home government.
_BUSINESS_ACTOR = re.compile(
    r"\b(?:[Cc]hairman|[Cc]hairwoman|CEO|[Cc]hief\s+[Ee]xecutive|[Ff]ounder|[Ee]xecutives?|"
    r"[Bb]usinessman|[Bb]usinesswoman|[Bb]usiness\s+leaders?|[Tt]ycoon|"
    r"(?:Group|Financial|Electronics|Motors?|Holdings|Industries|Corp\.?|Co\.|Bank|"
    r"[Bb]attery|[Ee]nergy|[Ss]teel|[Cc]hip|[Cc]hipmaker|[Aa]utomaker|[Ss]hipbuilder|"
    r"[Cc]onglomerate|[Cc]haebol|[Tt]elecom|[Aa]irline|[Cc]onstruction)\s+"
    r"(?:chief|boss|head))\b"
)
# A country's body of state right after it: "China's culture and tourism ministry".
_BODY_AFTER = re.compile(
    r"(?:['\u2019]s)?(?:\s+[\w-]+){0,3}?\s+(?:ministry|government|authorities|cabinet|"
    r"administration)\b",
    re.IGNORECASE,
)
# Guard words that make a capital a city, not its government.
_MUNICIPAL = re.compile(r"mayor|governor|city|municipal|metropolitan|sister|province",
                        re.IGNORECASE)
_OF = re.compile(r"(?:^|\W)of\s+(?:the\s+)?$", re.IGNORECASE)
_PEOPLE_ANAPHOR = re.compile(r"leader|minister|diplomat|official|envoy|delegation|president")
# Words allowed between a country and an official's title: "Japan's top nuclear envoy".
_FILLER_WORD = re.compile(
    r"(?:[A-Z][\w.'\u2019-]*|top|chief|new|senior|deputy|vice|acting|former|then|first|"
    r"second|special|foreign|defense|defence|trade|finance|national|security|state|interior|"
    r"economic|external|affairs|unification|government|prime|presidential|parliamentary|"
    r"military|nuclear|outgoing|incoming|de|facto|health|energy|industry|commerce|justice|"
    r"fisheries|agriculture|culture|science|labor|environment|education|transport|cabinet|"
    r"coast|navy|naval|armed|air|high-level|working-level|senior-level|chief-level|"
    r"administration|public|general|permanent|designate|caretaker|interim|regional|two)$"
)
_NAME = re.compile(
    r",?(?:\s+(?:for|of)(?:\s+(?:[A-Z][a-z]+|and|the)){1,6}?)?"  # "... for Foreign Affairs"
    r"\s+((?:[A-Z][a-z'\u2019]+(?:-[A-Za-z][a-z]+)?)(?:\s+(?:[A-Z][a-z'\u2019]+(?:-[A-Za-z][a-z]+)?|"
    r"(?:al|el|ad|as|ash|an|ar|at|az|ul)-[A-Z][a-z'\u2019]+|bin|al|de|van|von|der|da|dos|"
    r"del)){0,3})"
)
# A name set before its owner's title: "Elena Cuadrado, Spain's ...", "Tan Mei Ling, a
# deputy secretary at Singapore's ...".
_APPOSED = re.compile(
    r"(?:(?<=\band )|(?<![\w.,] ))\b([A-Z][a-z'\u2019]+(?:\s+[A-Z][a-z'\u2019]+){1,2}),\s+"
    r"(?:(?:the|an?)\s+(?:[\w-]+\s+){1,4}?(?:at|of|in|from)\s+)?(?:the\s+)?$"
)
# "Yoo Jin-seok, the first vice foreign minister, ...": a title after a Korean-form name.
_HOME_APPOSED = re.compile(
    r"\b([A-Z][a-z]+)\s+[A-Z][a-z]+-[a-z]+,\s+(?:the\s+)?(?:[\w-]+['\u2019]s\s+)?"
    r"(?:[\w-]+\s+){0,4}?(?:minister|director-general|director|ambassador|envoy|"
    r"spokesperson|spokesman|spokeswoman|adviser|negotiator|secretary)\b"
)
_CAPWORD = re.compile(r"\b[A-Z][a-z'\u2019]+?(?=(?:['\u2019]s)?\b)")  # "Baek's": Baek
_DOUBLE_NAME = re.compile(r"[A-Z][a-z'\u2019]+-[A-Z][a-z'\u2019]+")
_PREFIXED = re.compile(r"(?:al|el|ad|as|ash|an|ar|at|az|ul)-[A-Z][a-z'\u2019]+")
# A year the sentence looks back to ("in 2018", "since 1965", "the 1965 treaty"), not one it
# looks ahead to ("by 2029", "beyond 2030").
_PAST_YEAR = re.compile(
    r"(?<!\bby )(?<!\buntil )(?<!\bbeyond )(?<!\bthrough )(?<!\bbefore )(?<!\bafter )"
    r"(?<!\bto )(?<!\bfrom )\b(?:19|20)\d\d\b"
)
# Capitalised words an appositive can catch that are nobody's name ("On Sunday, North
# Korea's defense ministry ...").
_NOT_NAMES = frozenset({
    "On", "In", "At", "By", "Last", "Late", "Early", "Earlier", "Later", "Since", "Until",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
})
_MAX_MENTIONS = 40  # a "sentence" naming more countries than this is a list
_MAX_SENTENCE = 2000  # ... and one longer than this (characters) is not a sentence
_HOME = "~"  # a home-government cue whose pair is completed with the home country at the end

# --------------------------------------------------------------------------------------------
# Classifying

# What a country mention is in its sentence.
_PARTY = "party"  # acts, or is acted upon: counts for pairs
_SUBJECT = "subject"  # what the talks were about: "discussed North Korea's launch"
_PLACE = "place"  # where: "the war in Ukraine", "talks in Washington"
_ATTRIBUTE = "attribute"  # "Japanese seafood", "Chinese tourists": not a government
_TARGET = "target"  # "warned Seoul": a party, unless a group speaks ("the two condemned ...")
_SOURCE = "source"  # only says who reports: ", South Korea's military said"

# How a pair was found, as `evidence` says it.
_ANAPHORA = "the two sides"
_FOREIGN_ALONE = "foreign party, home implied"
_HOME_ON = "home official on a country"
_IMPLIED = (_FOREIGN_ALONE, _HOME_ON)
_CONTINUES_PAIR = "the same bodies"
_JOINED_OTHERS = "joined the others"  # several before "with", one after: one group
_APART = "named in the same sentence"  # in parts of it set apart: not dealing together
_JOINED = "joined the talks"  # a newcomer with each country of the meeting


@dataclass
class _Mention:
    codes: tuple[str, ...]
    surface: str
    start: int
    end: int
    capital: bool  # a metonym: counts only in a sentence with diplomacy language
    noun: bool = True
    person: bool = False
    venue: bool = False  # a capital after "in"/"at": says where only
    role: str = _PARTY
    official: bool = False
    addressed: bool = False  # the addressee of a single government's words: "warned Seoul"
    joins: bool = False  # its forces join the others': "with Japanese jets joining"


@dataclass
class _Unit:
    """One sentence (or headline sentence) being collected."""

    start: int = 0
    end: int = 0
    mentions: list[_Mention] = field(default_factory=list)
    weight: float = 0.0
    terms: list[str] = field(default_factory=list)
    anaphor: bool = False
    people_anaphor: bool = False  # "the two leaders": the last pair of officials
    counterpart: bool = False  # "his Japanese counterpart": the other side is the home one
    anaphors: list[int] = field(default_factory=list)  # where "the two sides" stand
    guards: list[str] = field(default_factory=list)
    officials: list[tuple[int, int]] = field(default_factory=list)
    home: list[tuple[int, int]] = field(default_factory=list)  # unqualified home bodies
    home_pronoun: int | None = None  # "he" who meets, a home official named before
    home_names: list[int] = field(default_factory=list)  # home officials' names named earlier

    def empty(self) -> bool:
        return not (self.mentions or self.weight or self.anaphor)


class _Scan:
    """Accumulates one article's evidence sentence by sentence."""

    def __init__(self, rules: Rules, trace: list[dict[str, Any]] | None = None) -> None:
        self.rules = rules
        self.pairs: dict[tuple[str, str], float] = defaultdict(float)
        self.why: dict[tuple[str, str], list[tuple[float, str, str, bool]]] = defaultdict(list)
        self.countries: dict[str, set[str]] = defaultdict(set)
        self.terms: set[str] = set()
        self.guards: set[str] = set()
        self.venues: set[str] = set()  # capitals named as venues in diplomatic sentences
        self.implicit: list[tuple[str, float, str, str]] = []  # code, score, sentence, how
        self.last_group: set[tuple[str, str]] = set()  # the pairs "the two sides" refers to
        self.last_people: set[tuple[str, str]] = set()  # ... named through officials
        self.last_weak = False  # last_group is only a guess (no pair was named)
        self.names: dict[str, str | None] = {}  # surname -> code (None: ambiguous)
        self.home_named = False  # a home official or body acts without the country's name
        self.home_acts = False  # the home government acts somewhere in a diplomatic sentence
        # Whose officials an unqualified title with a foreign name stands for: the dateline's
        # foreign capital ("MANILA (Yonhap) -- ... Foreign Affairs Secretary Enrique Salonga")
        # or, to the end of its paragraph, a sentence opening "In Tokyo, ...", where the
        # unqualified bodies ("the foreign ministry") are that country's too.
        self.in_body: set[tuple[str, str]] = set()  # pairs some body sentence gave
        self.last_person: str | None = None  # the country of the official named last
        self.last_subject: str | None = None  # the country of the last sentence's first official
        self.last_speaker: str | None = None  # the government whose official spoke last
        self.foreign: set[str] = set()  # the foreign states diplomatic sentences made parties
        self.last_home = False  # whether the person named last was a home official
        self.last_named: str | None = None  # the country the last sentence opened with
        self.dateline: str | None = None
        self.scene: str | None = None
        self.scene_bodies = False
        self.trace = trace

    # -- collecting ----------------------------------------------------------------------

    def read_dateline(self, text: str) -> None:
        """Set the scene from a foreign capital's dateline ("TOKYO, Feb. 11 (Yonhap) --") or
        a city's with its country ("SAMARKAND, Uzbekistan, May 16 (Yonhap) --")."""
        m = _DATELINE.match(text)
        if m is None:
            return
        entries = self.rules.entries
        e = entries.get(_key(m.group(1).title()))
        if m.group(2) is not None:
            e = entries.get(_key(m.group(2)))
        elif e is not None and not e.capital:
            return
        if e is not None and len(e.codes) == 1 and self.rules.home not in e.codes:
            self.dateline = self.scene = e.codes[0]

    def feed(self, text: str, mult: float) -> None:
        rules = self.rules
        entries = rules.entries
        unit = _Unit()
        search = rules.pattern.search
        pos = 0
        while (m := search(text, pos)) is not None:
            pos = m.end()
            if m.lastgroup == "br":
                unit.end = m.start()
                if not unit.empty():
                    self._flush(unit, text, mult)
                if "\n" in m.group():
                    # A new paragraph: back to the dateline's scene.
                    self.scene, self.scene_bodies = self.dateline, False
                unit = _Unit(start=m.end())
                continue
            surface = m.group("t")
            e = entries.get(_key(surface))
            if e is None or e.ignore:
                continue
            start, end = m.span()
            if e.codes:
                if e.forms is not None and surface_form(surface) not in e.forms:
                    # Wrong case ("us", "polish"): not this phrase; a shorter one may start
                    # inside it, so look again from the next character.
                    pos = start + 1
                    continue
                lo = max(0, start - 24)
                if e.capital:
                    if rules.after.match(text, end, end + 24):
                        # "the North Korean ...", "Washington Nationals": rescan inside.
                        pos = start + 1
                        continue
                    if (
                        rules.before.search(text, lo, start)
                        and not rules.arrival.search(text, lo, start)
                        and not _STATE_BEFORE.search(text, lo, start)
                        and not _GOVERNMENT_IN.search(text, lo, start)
                        and not rules.of_party.search(text, lo, start)  # "officials from Seoul"
                        and not _MISSION_AFTER.match(text, end)
                    ):
                        # A venue ("talks in Washington"), not a government; kept only to
                        # tell that the article is set at home ("the ministry in Seoul").
                        unit.mentions.append(
                            _Mention(e.codes, surface, start, end, True, venue=True)
                        )
                        continue
                if text.startswith("$", end):
                    continue  # "US$73 million", "A$2.1 billion": a currency
                if _FLAGGED.match(text, end):
                    continue  # "a Panama-flagged freighter": where a ship or firm is listed
                if e.capital and _in_route(text, start, end):
                    continue  # "the Baku-Tbilisi-Ceyhan pipeline": a route, not governments
                if e.person and (
                    self._owned(unit, e.codes, text, start) or _PORTFOLIO.match(text, end)
                ):
                    # "Cambodian Secretary of State", "Secretary of State for Trade Ana
                    # Montero": a title of another country's official.
                    unit.officials.append((start, end))
                    continue
                if (
                    e.noun
                    and not e.capital
                    and _CITY_COUNTRY.search(text, lo, start)
                    and _VENUE_END.match(text, end)
                ):
                    continue  # "in Hiroshima, Japan, on Saturday": a venue
                unit.mentions.append(
                    _Mention(e.codes, surface, start, end, e.capital, noun=e.noun,
                             person=e.person)
                )
            if (e.official or e.weight) and _FORMER.search(text, max(0, start - 24), start):
                continue  # "a former Japanese ambassador", "former diplomats": not in office
            if e.weight:
                unit.weight += e.weight
                unit.terms.append(_key(surface))
            if e.anaphor:
                unit.anaphor = True
                unit.anaphors.append(start)
                low = surface.lower()
                if "counterpart" in low:
                    unit.counterpart = True
                elif _PEOPLE_ANAPHOR.search(low):
                    unit.people_anaphor = True
            if e.guard:
                unit.guards.append(surface)
            if e.official or e.person:
                unit.officials.append((start, end))
            if e.home:
                unit.home.append((start, end))
        unit.end = len(text)
        if not unit.empty():
            self._flush(unit, text, mult)

    @staticmethod
    def _owned(unit: _Unit, codes: tuple[str, ...], text: str, start: int) -> bool:
        """Another country is named right before: "Cambodian", "Thailand's"."""
        last = unit.mentions[-1] if unit.mentions else None
        return (
            last is not None
            and last.codes != codes
            and not last.venue
            and _OWNER_GAP.fullmatch(text, last.end, start) is not None
        )

    # -- one sentence --------------------------------------------------------------------

    def _flush(self, unit: _Unit, text: str, mult: float) -> None:
        rules = self.rules
        # ("Neither the Hungarian embassy nor Kenya's foreign ministry commented": no act.)
        diplomatic = unit.weight > 0 and not _NO_COMMENT.search(text, unit.start, unit.end)
        self._set_scene(unit, text)
        self._add_names(unit, text)
        self._add_pronoun(unit, text)
        mentions = sorted(
            (mn for mn in unit.mentions if diplomatic or not mn.capital),
            key=lambda x: x.start,
        )
        opener = next((mn for mn in mentions if not mn.venue), None)
        self.last_named = opener.codes[0] if opener and len(opener.codes) == 1 else None
        for mn in mentions:
            if mn.venue:
                self.venues.update(mn.codes)
            else:
                for c in mn.codes:
                    self.countries[c].add(mn.surface)
        if len(mentions) > _MAX_MENTIONS or unit.end - unit.start > _MAX_SENTENCE:
            # A table or a list run together, not a sentence: no pair comes from it, and the
            # per-mention work below (quadratic in the worst case) is not done.
            self._note(unit, text, mentions, 0.0, [])
            return
        if not diplomatic:
            self._remember_named(unit, mentions, text)
            return
        self._roles(unit, mentions, text)
        home_cues = self._home_cues(unit, mentions, text)
        home_cues = self._main_clause(unit, mentions, home_cues, text)
        parties = [mn for mn in mentions if mn.role == _PARTY]
        self._register_names(unit, mentions, home_cues, text)
        # (Not a guest: "held separate meetings with the vice foreign ministers of ...".)
        first = _HUB.search(text, unit.start, unit.end)
        acting = [mn for mn in parties if (mn.person or mn.official) and len(mn.codes) == 1
                  and (first is None or mn.start < first.start())]
        self.last_subject = acting[0].codes[0] if acting else None
        self.foreign.update(c for mn in parties for c in mn.codes if c != rules.home)
        speakers = {mn.codes[0] for mn in mentions if mn.official and len(mn.codes) == 1
                    and mn.role in (_PARTY, _SOURCE)}
        self.last_speaker = next(iter(speakers)) if len(speakers) == 1 else None
        self.terms.update(unit.terms)
        snippet = text[unit.start:unit.end].strip()
        weight = min(unit.weight, rules.weights["unit_cap"]) * mult
        if unit.guards and not self._governments_act(parties, home_cues, unit.guards):
            self.guards.update(unit.guards)
            weight *= rules.weights["guard_damping"]
        background = mult == 1.0 and self._background(snippet)
        if background:
            weight *= rules.weights["background"]
        made = self._sentence_pairs(unit, mentions, parties, home_cues, text, weight)
        if len(made) == 1 and _HOME in made[0][0] and made[0][2] in _IMPLIED:
            (a, b), _score, _how = made[0]
            made = self._joined(a if b == _HOME else b, unit, text, weight) or made
        elif not made and len(codes := {c for mn in parties for c in mn.codes}) == 1:
            made = self._joined(next(iter(codes)), unit, text, weight)
        if mult == 1.0:
            self.in_body.update(pair for pair, _s, _h in made)
        if self._home_government_acts(mentions, parties, home_cues, background):
            self.home_acts = True
        if len(made) == 1 and _HOME in made[0][0] and made[0][2] in _IMPLIED:
            if self.scene_bodies:
                # "In Tokyo, the spokesman criticized the sanctions": Tokyo answers
                # somebody, but not the home country.
                self._note(unit, text, mentions, weight, [])
                return
            # One foreign party and nobody named for the other side: the home country,
            # if the article names it at all (decided at the end).
            (code, _h), score, how = made[0]
            self.implicit.append((code, score, snippet, how))
            if how == _FOREIGN_ALONE and (self.last_weak or not self.last_group):
                self.last_group, self.last_weak = {(code, _HOME)}, True
            self._note(unit, text, mentions, weight, made)
            return
        acting = {c for mn in parties if mn.official for c in mn.codes}
        if home_cues or rules.home in acting:
            acting |= {_HOME, rules.home}
        if acting:
            # "A North Korean foreign ministry spokesperson ... accused Italy": an official
            # addresses a country, an act between the two governments.
            acting |= {c for mn in parties if mn.addressed for c in mn.codes}
        for pair, score, how in made:
            # Both sides act through officials: a meeting, a call, a protest on its own.
            strong = how not in (_ANAPHORA, _APART) and pair[0] in acting and pair[1] in acting
            if strong and not background and _MEETING.search(snippet):
                # Officials of both met, called or summoned: an event on its own, however
                # few diplomacy words the sentence has.
                score = max(score, rules.thresholds["pair_event"] * mult)
            if not background and (how == _JOINED or (
                    how == _JOINED_OTHERS and any(mn.joins for mn in parties))):
                # A state that joins the talks or the drill the story is about: an event of
                # its own with each country there.
                strong = True
                score = max(score, rules.thresholds["pair_event"] * mult)
            self.pairs[pair] += score
            self.why[pair].append((score, snippet, how, strong))
        self._remember(made, parties, home_cues)
        self._note(unit, text, mentions, weight, made)

    @staticmethod
    def _main_clause(
        unit: _Unit, mentions: list[_Mention], home_cues: list[int], text: str
    ) -> list[int]:
        """ "Hours after Cho left for Honiara, Vakaloloma received New Zealand's foreign
        minister": when the main clause has parties of its own, those of the opening time
        clause (and its home officials) are background to it. The home cues that remain."""
        lead = _LEAD_CLAUSE.match(text, unit.start, unit.end)
        if lead is None:
            return home_cues
        cut = lead.end()
        main = {c for mn in mentions if mn.start >= cut and mn.role == _PARTY for c in mn.codes}
        if len(main) < 2:
            return home_cues
        for mn in mentions:
            if mn.start < cut and mn.role == _PARTY:
                mn.role = _SUBJECT
        return [c for c in home_cues if c >= cut]

    def _joined(
        self, code: str, unit: _Unit, text: str, weight: float
    ) -> list[tuple[tuple[str, str], float, str]]:
        """ "Papua New Guinea's speaker ... joined the talks", "the United Arab Emirates
        joined the two delegations": the newcomer with each country of the meeting the story
        named last."""
        if self.last_weak or not _JOINED_TALKS.search(text, unit.start, unit.end):
            return []
        group = {c for pair in self.last_group for c in pair} - {code}
        if not group or len(group) >= self.rules.weights["large_group"]:
            return []
        return [(_pair(code, c), weight, _JOINED) for c in sorted(group)]

    def _home_government_acts(
        self, mentions: list[_Mention], parties: list[_Mention], home_cues: list[int],
        background: bool,
    ) -> bool:
        """The home government acts in this diplomatic sentence: its official or body, the
        country through an official or its capital, a foreign mission at home ("the German
        Embassy in Seoul"), or it reports ("..., the foreign ministry in Seoul said"). A
        background sentence naming it ("a year after the South Korean president's state
        visit") is not that government acting in this story."""
        home = self.rules.home
        if home_cues or any(home in mn.codes and mn.role == _SOURCE for mn in mentions):
            return True
        if background:
            return False
        return any(home in mn.codes and (mn.official or mn.capital) for mn in parties) or (
            any(mn.official for mn in parties) and bool(self._home_venues(mentions))
        )

    def _set_scene(self, unit: _Unit, text: str) -> None:
        """ "In Tokyo, Chief Cabinet Secretary ...": the paragraph moves to Tokyo."""
        first = min(unit.mentions, key=lambda x: x.start, default=None)
        if (
            first is not None
            and first.venue
            and len(first.codes) == 1
            and _SCENE_OPEN.fullmatch(text, unit.start, first.start)
            and text.startswith(",", first.end)
        ):
            home = first.codes[0] == self.rules.home
            self.scene = None if home else first.codes[0]
            self.scene_bodies = not home

    def _remember_named(self, unit: _Unit, mentions: list[_Mention], text: str) -> None:
        """A sentence without diplomacy language makes no pair; it only tells who was named.

        "More South Koreans view Japan favorably ... Respondents in both countries": the
        countries named in any role are what a following "both countries" means.
        """
        for mn in mentions:
            mn.official = mn.person
        self._register_names(unit, mentions, [], text)
        named = {c for mn in mentions for c in mn.codes}
        if 2 <= len(named) <= self.rules.weights["large_group"] and not self.last_group:
            self.last_group = set(itertools.combinations(sorted(named), 2))
            self.last_weak = True
        self._note(unit, text, mentions, 0.0, [])

    def _sentence_pairs(
        self, unit: _Unit, mentions: list[_Mention], parties: list[_Mention],
        home_cues: list[int], text: str, weight: float,
    ) -> list[tuple[tuple[str, str], float, str]]:
        """The pairs one diplomatic sentence gives, with their weight and the rule used."""
        rules = self.rules
        w = rules.weights
        codes = {c for mn in parties for c in mn.codes}
        home_here = bool(home_cues) and rules.home not in codes
        hub = self._hub(parties, home_cues, text, unit, mentions)
        if hub is not None and not hub[0]:
            return [(p, weight, _JOINED_OTHERS)
                    for p in itertools.combinations(sorted(hub[1]), 2)]
        if hub is not None:
            host, guests = hub
            return [(_pair(host, g), weight, "host and guest") for g in sorted(guests)
                    if g != host]
        if len(codes) + home_here >= 2:
            return self._named_pairs(unit, parties, codes | ({_HOME} if home_here else set()),
                                     text, weight, home_cues)
        before = self._antecedent(unit) if unit.anaphor else set()
        if before and codes <= {c for p in before for c in p}:
            return [(pair, weight * w["anaphora"], _ANAPHORA) for pair in sorted(before)]
        named = {c for mn in mentions for c in mn.codes}
        about = {c for mn in mentions if mn.role == _SUBJECT for c in mn.codes}
        about -= {rules.home} | rules.implicit_exclude
        if not codes and (home_cues or rules.home in named) and len(about) == 1:
            # A home official on one country: "grilled the foreign minister over relations
            # with Japan". Counts like a pair the article implies.
            return [((next(iter(about)), _HOME), weight * w["implicit_home"], _HOME_ON)]
        if len(codes) == 1 and not (unit.anaphor and not unit.counterpart and before):
            # ("The two sides condemned ... the North": a third country is their subject.)
            code = next(iter(codes))
            if code != rules.home and code not in rules.implicit_exclude:
                # "his Japanese counterpart", "the two leaders" with nobody named before, or
                # "Kim also held a phone call with the U.S. special representative" name the
                # other side at full weight; a bare mention does not.
                met = unit.anaphor or self._meets_official(parties, text, unit)
                if not met and _ATTENDANCE.search(text, unit.start, unit.end):
                    return []  # "A diplomat from the Australian Embassy attended the opening"
                factor = w["anaphora"] if met else w["implicit_home"]
                return [((code, _HOME), weight * factor, _FOREIGN_ALONE)]
        if not named and len(self.last_group) == 1 and not self.last_weak and (
            _THE_BODY_ACTS.match(text, unit.start, unit.end)
        ):
            # "The ministry called in the embassy's charge d'affaires ...": the bodies of the
            # pair just named go on acting.
            (pair,) = self.last_group
            return [(pair, weight * w["implicit_home"], _CONTINUES_PAIR)]
        return []

    def _named_pairs(
        self, unit: _Unit, parties: list[_Mention], codes: set[str], text: str, weight: float,
        home_cues: list[int],
    ) -> list[tuple[tuple[str, str], float, str]]:
        """Two or more parties in one sentence: every pair, those named together at full
        weight ("Seoul and Tokyo", "China warned Japan"), the others at `uncoordinated`."""
        w = self.rules.weights
        groups = self._coordinated(parties, text)
        together = {p for g in groups for p in itertools.combinations(sorted(g), 2)}
        known = bool(together)  # whether anything in the sentence sets pairs apart
        if not together:
            # No coordinated group: pairs within one part of the sentence are together
            # ("With the Ghanaian president, Han agreed ..., while the Tanzanian leader
            # asked ...": no pair across the parts).
            # (A home official or body stands for the home side where it is.)
            home = _HOME if _HOME in codes else self.rules.home
            split = self._split_pairs(
                [*((mn.start, mn.codes) for mn in parties), *((c, (home,)) for c in home_cues)],
                text, unit,
            )
            if split is not None:
                together, known = split, True
        if _ATTENDANCE.search(text, unit.start, unit.end):
            # "Thailand and Vietnam sent deputy prime ministers to the summit", "diplomats
            # from the Chinese and Japanese embassies attended as observers": who came to
            # something, not two governments dealing with each other.
            together, known = set(), True
        together |= self._addressed(parties)
        # "... and were joined by a Japanese destroyer": the joiner with each of the group.
        joiners = {c for mn in parties if mn.joins for c in mn.codes}
        together |= {_pair(c, j) for g in groups for c in g for j in joiners if c != j}
        size = max((len(g) for g in groups), default=len(codes))
        if size > w["large_group"]:
            weight *= (w["large_group"] - 1) / (size - 1)
        out = []
        for pair in itertools.combinations(sorted(codes), 2):
            if _HOME in pair:
                out.append((_pair(*pair), weight, "home official and foreign party"))
            elif not known or pair in together:
                out.append((pair, weight, "named together"))
            else:
                out.append((pair, weight * w["uncoordinated"], _APART))
        return out

    def _antecedent(self, unit: _Unit) -> set[tuple[str, str]]:
        """What "the two sides" refers to; "the two leaders" prefers the last officials. Of
        several pairs named together, the one the story has most evidence for."""
        group = self.last_people if unit.people_anaphor and self.last_people else self.last_group
        if len(group) > 1:
            best = max(self.pairs.get(p, 0.0) for p in group)
            if best > 0:
                group = {p for p in group if self.pairs.get(p, 0.0) == best}
        return group

    def _remember(
        self, made: list[tuple[tuple[str, str], float, str]], parties: list[_Mention],
        home_cues: list[int],
    ) -> None:
        """Keep the pairs this sentence named, for a later "the two sides"."""
        named = {p for p, _s, how in made if how != _ANAPHORA}
        if not named:
            return
        if len({c for p in named for c in p}) > self.rules.weights["large_group"]:
            # A meeting of many: a later "the three leaders" is not the pair named before it.
            self.last_group, self.last_people = set(), set()
            return
        self.last_group, self.last_weak = named, False
        if any(mn.official for mn in parties) or home_cues:
            self.last_people = named

    def _sources(self, unit: _Unit, text: str) -> list[tuple[int, int]]:
        """Spans that only attribute: ", South Korea's military said", "according to ..."."""
        spans = []
        commas = [unit.start] + [
            m.start() for m in re.finditer(r",", text[unit.start:unit.end])
        ]
        commas = [unit.start] + [unit.start + c for c in commas[1:]] + [unit.end]
        for i in range(1, len(commas) - 1):
            a, b = commas[i], commas[i + 1]
            clause = text[a + 1:b]
            said = _SOURCE_END.search(clause)
            # ", South Korea's military said" (a speaker before the verb), not ", said that".
            if said and not clause[:said.start()].strip():
                said = None
            if len(clause) <= 90 and (said or _ACCORDING.match(clause.strip())):
                spans.append((a, b))
        if re.match(r"\s*[\"\u201c]", text[unit.start:unit.end]):
            # '"...," the spokeswoman said': the speaker of a quotation is who acts.
            spans = [sp for sp in spans if not _SOURCE_END.search(text, sp[0], sp[1])]
        lead = _ACCORDING.match(text, unit.start)
        if lead and len(commas) > 2:
            spans.append((unit.start, commas[1]))
        return spans

    def _roles(self, unit: _Unit, mentions: list[_Mention], text: str) -> None:
        """Decide what each country mention is: a party, a subject, a place, an attribute."""
        if not mentions:
            return
        rules = self.rules
        breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, unit.start, unit.end)]
        officials = unit.officials
        sources = self._sources(unit, text)
        unit.home = [h for h in unit.home if not any(a <= h[0] < b for a, b in sources)]
        quotes = [m.start() for m in _QUOTE.finditer(text, unit.start, unit.end)]
        for mn in mentions:
            lo = max(unit.start, mn.start - 40)
            if not mn.person and rules.organization.match(text, mn.end, mn.end + 60):
                mn.role = _ATTRIBUTE  # "the Korea-Japan University Presidents' Forum"
                continue
            mn.official = (
                mn.person
                or self._near_official(mn, officials, text)
                # "the leaders of Japan and China", "diplomats from Japan" (not "former
                # diplomats from Japan")
                or self._of_officials(text, lo, mn.start)
                or _GOVERNMENT_IN.search(text, lo, mn.start) is not None
            )
            if any(a <= mn.start < b for a, b in sources):
                mn.role = _SOURCE
            elif (
                not mn.official or (mn.person and _POSSESSIVE.match(text, mn.end))
            ) and bisect.bisect_left(quotes, mn.start) % 2 == 1:
                # Inside a quotation: what the speaker talks about, not who acts (a state body
                # too, when it owns something: "called the country 'the Kremlin's open door'").
                mn.role = _SUBJECT
            elif _WHO_HEADS.search(text, max(unit.start, mn.start - 120), mn.start):
                # "Levent Aksoy, who heads the National Defense Ministry in Ankara": an official
                # of the capital's state.
                mn.role, mn.official = _PARTY, True
            elif (mn.venue and self.rules.home not in mn.codes
                  and (mission := _MISSION_IN.search(text, lo, mn.start)) is not None
                  and _ANSWERS.match(text, mn.end)
                  and not any(self.rules.home in x.codes and x.end <= mission.start()
                              and mission.start() - x.end <= 3 for x in mentions)):
                # "The U.S. Embassy in New Delhi said it stood by the report": a foreign
                # mission answers the state it is accredited to.
                mn.role = _PARTY
            elif mn.venue or _SIDELINES.search(text, lo, mn.start):
                mn.role = _PLACE  # "On the sidelines of Warsame's visit, ...": where, not who
            elif _EVENT_HOST.search(text, max(unit.start, mn.start - 90), mn.start):
                mn.role = _SUBJECT  # the forum's host, even through its ministry
            elif mn.official:
                mn.role = _PARTY
            elif (
                rules.place.search(text, lo, mn.start)
                and not rules.arrival.search(text, lo, mn.start)
                and not rules.target.search(text, lo, mn.start)  # "lashed out at Seoul"
                and not _STATE_BEFORE.search(text, lo, mn.start)
            ):
                mn.role = _PLACE
            elif _AGAINST.search(text, lo, mn.start) and _POSSESSIVE.match(text, mn.end):
                mn.role = _SUBJECT  # "stand with Seoul against Pyongyang's provocations"
            elif (
                self._of_subject(mn, text, lo)
                or self._in_topic(mn, breaks, unit, text, mentions)
                or _THEIR_WITH.search(text, lo, mn.start)
                or self._others_between(mn, unit, text, mentions, lo)
            ):
                mn.role = _SUBJECT
            elif (after := self._after_target(mn, breaks, unit, text, mentions)):
                # The first country after "warned" is the addressee; the ones further on
                # are what is said about it ("warned Seoul that arming Ukraine ...").
                mn.role = _TARGET if after == "first" else _SUBJECT
            elif not mn.noun and not mn.capital and not (
                _JOINING.match(text, mn.end, unit.end) or _JOINED_BY.search(text, lo, mn.start)
            ):
                mn.role = _ATTRIBUTE
            else:
                # (An adjective before forces that join: "with Japanese fighter jets joining
                # the final phase", "a French frigate joined the drill": its state acts.)
                mn.role = _PARTY
                mn.joins = not mn.noun and not mn.capital
        # Coordinated mentions share the role of the first ("over North Korea and Russia");
        # coordinated adjectives share the title that follows the last ("South Korean and
        # Japanese officials").
        coord = rules.coordination
        run: list[_Mention] = []
        for mn in [*mentions, None]:
            if mn is not None and run and coord.fullmatch(text, run[-1].end, mn.start):
                run.append(mn)
                continue
            if len(run) >= 2:
                head = run[0]
                last = run[-1]
                if (last.official and not run[0].official
                        and not last.person and last.role != _SOURCE):
                    for x in run:
                        x.official, x.role = True, _PARTY
                elif head.official and head.role == _PARTY and all(x.noun for x in run):
                    # "the prime ministers of Laos, Mongolia and Timor-Leste": all three,
                    # even inside a topic clause ("talks between the top diplomats of Turkey
                    # and Indonesia").
                    of = self._of_officials(text, max(unit.start, head.start - 40), head.start)
                    for x in run[1:]:
                        if x.role == _PARTY or (of and x.role == _SUBJECT):
                            x.official, x.role = True, _PARTY
                elif _TRIP_TO.search(text, max(unit.start, head.start - 40), head.start):
                    # "an eight-day trip to South Africa and Sri Lanka": where a visitor
                    # went, not two states dealing with each other.
                    for x in run:
                        x.role = _PLACE
                elif head.role in (_SUBJECT, _PLACE, _TARGET):
                    for x in run[1:]:
                        if not x.official:
                            x.role = head.role
            run = [mn] if mn is not None else []
        # "warned Seoul" makes Seoul a party; "the two sides condemned Russia's war" does not.
        targets = [mn for mn in mentions if mn.role == _TARGET]
        for mn in targets:
            # Who speaks: the parties and any "the two sides" before the addressee.
            speakers = {
                c for x in mentions
                if x.role == _PARTY and x.start < mn.start and x not in targets
                for c in x.codes
            }
            group_speaks = len(speakers) >= 2 or any(a < mn.start for a in unit.anaphors)
            mn.role = _SUBJECT if group_speaks else _PARTY
            mn.addressed = not group_speaks
        # Sanctions are an act, not words: whoever imposes them, one government or several,
        # deals with the state they hit ("South Korea and the United States slapped sanctions
        # on North Korean trade officials", "imposed coordinated sanctions on seven North
        # Korean individuals").
        for mn in mentions:
            if (mn.role == _ATTRIBUTE or mn.official or mn in targets) and (
                _SANCTIONS_ON.search(text, max(unit.start, mn.start - 40), mn.start)
            ) or _IMPOSED_ON.search(text, max(unit.start, mn.start - 80), mn.start):
                mn.role, mn.addressed = _PARTY, True

    @staticmethod
    def _others_between(
        mn: _Mention, unit: _Unit, text: str, mentions: list[_Mention], lo: int
    ) -> bool:
        """ "Cho said Asia and Europe should respond to the cooperation between Moscow and
        Pyongyang": two others' dealings, named by a home official, are what he said; their
        quarrel ("talks, which covered ... tensions between Ethiopia and Somalia"), named after
        another party, too."""
        m = _BETWEEN.search(text, lo, mn.start)
        if m is not None and any(h < m.start() for h in unit.home_names):
            return True
        m = _DISPUTE_BETWEEN.search(text, lo, mn.start)
        return m is not None and (
            any(x.role == _PARTY and x.start < m.start() for x in mentions)
            or any(a < m.start() for a in unit.anaphors)  # "the two leaders discussed ..."
        )

    def _of_officials(self, text: str, lo: int, start: int) -> bool:
        """ "the leaders of", "diplomats from" right before: officials of that country."""
        m = self.rules.of_party.search(text, lo, start)
        return m is not None and not _FORMER.search(text, max(0, m.start() - 24), m.start() + 1)

    def _of_subject(self, mn: _Mention, text: str, lo: int) -> bool:
        """ "the invasion of Ukraine": a subject; "the leaders of Japan": parties."""
        return bool(
            _OF.search(text, lo, mn.start)
            and not self.rules.of_party.search(text, lo, mn.start)
            and not _EVENT_OF.search(text, lo, mn.start)
            and not (_UNIT_OF.search(text, lo, mn.start) and _FORCES_AFTER.match(text, mn.end))
        )

    @staticmethod
    def _near_official(mn: _Mention, officials: list[tuple[int, int]], text: str) -> bool:
        """True when an official's title follows the country: "Japanese Foreign Minister"."""
        for start, end in officials:
            if start < mn.end:
                continue
            gap = text[mn.end:start]
            if len(gap) > 48 or _CRAFT_AFTER.match(text, end):
                return False  # (not "Chinese coast guard ships": the ships, not who acts)
            if gap.startswith(("'s", "\u2019s")):
                gap = gap[2:]
            words = gap.split()
            return (
                len(words) <= 4
                and (not gap or gap[0].isspace() or gap[0] == "-")
                and all(_FILLER_WORD.match(x) for x in words)
            )
        return False

    def _in_topic(
        self, mn: _Mention, breaks: list[int], unit: _Unit, text: str, mentions: list[_Mention]
    ) -> bool:
        """True when a topic marker ("discussed", "over", "on") opens this clause before it."""
        i = bisect.bisect_right(breaks, mn.start)
        clause = breaks[i - 1] if i else unit.start
        while i and _CONTINUES.match(text, clause):
            # ", including ..." goes on with the clause before: "briefed him on India's ties
            # with its neighbors, including the border with Pakistan".
            i -= 1
            clause = breaks[i - 1] if i else unit.start
        seg = text[clause:mn.start]
        last = None
        for m in self.rules.topic.finditer(seg):
            if (
                not _NOT_TOPIC.match(seg, m.end())
                # ("About 400 Finnish and Turkish soldiers": a number, not a topic.)
                and not (m.group().lower() == "about" and _NUMBER_AFTER.match(seg, m.end()))
                and not _TRAVEL_FOR.search(seg, 0, m.end())
                and not _CALL_ON.search(seg, 0, m.end())
            ):
                last = m
        if last is None:
            return False
        rest = seg[last.end():]
        opened = clause + last.end()
        for wm in _WITH.finditer(rest):
            at = opened + wm.start()
            # "talks on fisheries with Japan": Japan is the other side; but "the treaty Russia
            # signed with North Korea" and "cooperation with Pyongyang" stay the subject.
            subject_before = any(
                opened <= x.start < at and x.role == _SUBJECT for x in mentions
            )
            if not subject_before and not _SUBJECT_WITH.search(rest, 0, wm.start()):
                return False
        return True

    def _after_target(
        self, mn: _Mention, breaks: list[int], unit: _Unit, text: str, mentions: list[_Mention]
    ) -> str:
        """ "first" for the first country after a verb of address in its clause ("warned
        Seoul", "criticized a pact signed by Japan"), "later" for the ones after it, "" when
        no such verb opens the clause before it."""
        i = bisect.bisect_right(breaks, mn.start)
        clause = breaks[i - 1] if i else unit.start
        verbs = list(self.rules.target_any.finditer(text, max(clause, mn.start - 160), mn.start))
        if not verbs:
            return ""
        verb = verbs[-1]
        between = any(verb.end() <= x.start < mn.start for x in mentions if x is not mn)
        return "later" if between else "first"

    def _home_cues(self, unit: _Unit, mentions: list[_Mention], text: str) -> list[int]:
        """Where a home-government official or body acts without its country being named:
        "Foreign Minister Cho Hyun-jin", "the presidential office", a home official's surname
        named earlier. Positions, for telling host from guests."""
        cues = []
        ends = [mn.end for mn in mentions]

        def qualified(start: int) -> bool:
            # "Japanese Prime Minister ...", "Japan's foreign ministry": another country's.
            for end in ends:
                if end <= start and start - end <= 14 and _QUALIFIER_GAP.fullmatch(
                    text, end, start
                ):
                    return True
            return False

        for m in self.rules.home_title.finditer(text, unit.start, unit.end):
            if not qualified(m.start()):
                cues.append(m.start())
                if "-" in (m.group("given") or ""):
                    # "Foreign Minister Cho Hyun-jin": named in full, in the home way, the
                    # official names the home country ("Foreign Minister Han" does not).
                    self.home_named = True
        # "Park Min-jae, the ministry's director-general for European affairs, ...": a home
        # official named in full, in the home way, with the title after the name.
        for m in _HOME_APPOSED.finditer(text, unit.start, unit.end):
            if (
                m.group(1) in self.rules.home_surnames
                and not qualified(m.start())
                and not any(m.start() <= mn.start < m.end() for mn in mentions)
            ):  # not "Kim Son-gyong, the North's vice foreign minister"
                cues.append(m.start())
                self.home_named = True
        # "China's tourism ministry said ..., while the foreign ministry summoned ...": a body
        # of state after another country's body, with no home mention before it, is that
        # country's too.
        home = self.rules.home
        bodies = [mn for mn in mentions if mn.noun and home not in mn.codes
                  and _BODY_AFTER.match(text, mn.end, mn.end + 48)]
        # "a foreign ministry official in Seoul": an official of the capital that follows.
        at_home = self._home_venues(mentions)
        for start, end in unit.officials:
            if any(0 < a - end <= 4 for a in at_home) and not qualified(start):
                cues.append(start)
        # "the defense ministry in Tokyo": the body of the country whose capital follows.
        abroad = [mn for mn in mentions if mn.venue and home not in mn.codes]
        for start, end in unit.home:
            owner = next((a for a in abroad if 0 < a.start - end <= 4), None)
            if owner is None and not any(home in mn.codes for mn in mentions if mn.start < start):
                owner = next((b for b in reversed(bodies) if b.end <= start), None)
            if owner is not None:
                mentions.append(_Mention(owner.codes, text[start:end], start, end, False,
                                         role=_PARTY, official=True))
                mentions.sort(key=lambda x: x.start)
                continue
            if not qualified(start):
                cues.append(start)
                self.home_named = True
        cues.extend(unit.home_names)
        if unit.home_pronoun is not None:
            cues.append(unit.home_pronoun)
        scene = self.scene if self.scene is not None else self._venue_scene(mentions, text)
        # "Ndlovu flew on Tuesday to Djibouti, where he held talks with Foreign Minister ...":
        # the sentence moves to where the trip went (unless a title before it is the
        # traveller's: "Trade Minister Ella Burke then flew to Bangkok, where ...").
        went = {mn.codes for mn in mentions if len(mn.codes) == 1 and home not in mn.codes
                and _WENT_TO.search(text, max(unit.start, mn.start - 60), mn.start)
                and _WHERE.match(text, mn.end)
                and not any(start < mn.start and not qualified(start)
                            for start, _end in unit.officials)}
        if len(went) == 1:
            scene = next(iter(went))[0]
        # Where someone speaks in a foreign capital: "told a regular briefing in Beijing".
        briefed = self._venue_scene(mentions, text, speaking=True) if scene is not None else None
        if scene is not None and scene == self.dateline and not self.scene_bodies:
            # Such a sentence, in a story filed from another capital, is that capital's scene.
            scene = briefed or scene
        if scene is not None:
            # ("Asked at a regular briefing in Beijing, foreign ministry spokeswoman Liu
            # Xiaoyan said ...": who speaks there is that capital's.)
            speaking = scene == briefed
            cues = self._scene_officials(unit, mentions, text, cues, qualified, scene, at_home,
                                         speaking)
        return sorted(cues)

    def _home_venues(self, mentions: list[_Mention]) -> list[int]:
        """Where the home capital is named as a venue ("a foreign ministry official in Seoul"):
        a title or body right before it is the home government's."""
        return [mn.start for mn in mentions if mn.venue and self.rules.home in mn.codes]

    def _venue_scene(
        self, mentions: list[_Mention], text: str, speaking: bool = False
    ) -> str | None:
        """The one foreign capital a sentence is set in ("hosted ... in Pretoria"; not "a
        flight from Beijing"), when no dateline or "In Tokyo," sets the scene; `speaking`:
        only a capital where someone speaks ("told a regular briefing in Beijing"; not
        "demonstrators in Nairobi")."""
        where = _BRIEFED_IN if speaking else _AT
        abroad = {
            mn.codes for mn in mentions
            if mn.venue and self.rules.home not in mn.codes
            and where.search(text, max(0, mn.start - 40), mn.start)
        }
        if len(abroad) == 1:
            (codes,) = abroad
            if len(codes) == 1:
                return codes[0]
        return None

    def _scene_officials(
        self, unit: _Unit, mentions: list[_Mention], text: str, cues: list[int],
        qualified: Callable[[int], bool], scene: str, at_home: list[int], speaking: bool,
    ) -> list[int]:
        """In a foreign scene (a dateline, "In Tokyo,", or the sentence's one foreign venue),
        unqualified titles before a foreign name (and, after "In Tokyo,", unqualified bodies)
        are the scene country's: they become its parties."""
        taken = [(mn.start, mn.end) for mn in mentions]
        found = []
        for start, end in unit.officials:
            if qualified(start) or any(a <= start < b for a, b in taken):
                continue
            # "Defense Minister Jeon and his counterpart Abdulrahman Al-Harbi" (RIYADH): the
            # local side of a home official.
            counterpart = "counterpart" in text[start:end].lower() and bool(cues)
            if not counterpart and _PRONOUN_OWNER.search(text, max(unit.start, start - 30), start):
                continue  # "The defense ministry in Taipei said its minister, Lin, ...": theirs
            if any(mn.end <= start and self._near_official(mn, [(start, end)], text)
                   for mn in mentions):
                continue  # "Azerbaijani Deputy Prime Minister ...": another country's
            if (_PROVINCIAL.fullmatch(text, start, end)
                    and _PLACE_BEFORE.search(text, max(unit.start, start - 40), start)):
                continue  # "KwaZulu-Natal Premier Nomvula Dube": a province's, not the state's
            name = _NAME.match(text, end)
            if text[end - 1] == "s" and _OF_AFTER.match(text, end):
                name = None  # "representatives of the Fano militia": a group, not a name
            if self.scene_bodies and name is None and _THE_BODY.search(text, unit.start, start):
                found.append((start, end))  # "In Beijing, the commerce ministry said ..."
                continue
            if name is None or name.group(1).split()[0] in self.rules.home_surnames:
                continue
            near = max(unit.start, start - 60)
            # "Prime Minister Abiy Ahmed held summit talks with South Korean President ...":
            # the local official hosts another country's.
            hosts = any(
                mn.official and mn.role == _PARTY and scene not in mn.codes
                and mn.start > name.end() and _HUB.search(text, name.end(), mn.start)
                for mn in mentions
            )
            if (not self.scene_bodies and not hosts and not counterpart and not speaking
                    and not _MEETS.search(text, near, start)):
                if not any(mn.role == _PARTY and mn.official and scene not in mn.codes
                           for mn in mentions):
                    # No other country's official in the sentence: "BUDAPEST -- '...,' Foreign
                    # Minister Bence Halmos said": Halmos counts for Hungary when named again.
                    self._remember_name(name.group(1), scene)
                # From the dateline alone, only the one met or called is taken as local
                # ("spoke by phone with Foreign Affairs Secretary Enrique Salonga"); a speaker
                # may be a visitor.
                continue
            found.append((start, end))
        # After "In Tokyo,", the unnamed bodies are Tokyo's; from the dateline alone, only one
        # placed there ("signed at the foreign ministry by ..."), one dealing with a third
        # country, or one dealing with the home country named as such ("the foreign ministry
        # handed a protest note to the South Korean Embassy": not the home ministry).
        home = self.rules.home
        home_party = any(home in mn.codes and mn.role == _PARTY and not mn.capital
                         for mn in mentions)
        # "KUALA LUMPUR -- ... The foreign ministry summoned the U.S. charge d'affaires": from
        # a foreign dateline, a body dealing with a third country is the local one.
        third = self.dateline == scene and not home_party and any(
            mn.role == _PARTY and scene not in mn.codes and home not in mn.codes
            for mn in mentions
        )
        bodies = {
            start for start, end in unit.home
            if start in cues
            and (
                self.scene_bodies or third or _AT.search(text, unit.start, start)
                or (home_party and not any(0 < a - end <= 4 for a in at_home))
            )
        }
        found += [h for h in unit.home if h[0] in bodies]
        cues = [c for c in cues if c not in bodies]
        for start, end in found:
            mentions.append(_Mention((scene,), text[start:end], start, end, False,
                                     role=_PARTY, official=True))
        mentions.sort(key=lambda x: x.start)
        return cues

    def _add_names(self, unit: _Unit, text: str) -> None:
        """Officials named earlier with their country count for it: "Nishimura said ..."; home
        officials named earlier are kept in `unit.home_names`."""
        if not self.names:
            return
        taken = [(mn.start, mn.end) for mn in unit.mentions]
        for m in _CAPWORD.finditer(text, unit.start, unit.end):
            code = self.names.get(m.group())
            if code == _HOME:
                unit.home_names.append(m.start())
            if code is None or code == _HOME:
                continue
            if any(s <= m.start() < e for s, e in taken):
                continue
            unit.mentions.append(
                _Mention((code,), m.group(), m.start(), m.end(), False, noun=False,
                         person=True)
            )

    def _add_pronoun(self, unit: _Unit, text: str) -> None:
        """ "On Tuesday he sat down in Suva with Fiji's foreign minister": the official named
        last is who meets (or, with nobody named, the last sentence's first official); "In his
        meeting with ..., Sanchez ...": the one named right after the clause, else the last
        sentence's first official. Remembers both for the next sentence."""
        its = _ITS_OFFICIAL.match(text, unit.start, unit.end)
        if its is not None and self.last_named is not None and unit.weight > 0:
            # "Uzbekistan ... weighed in a day later. Its ambassador in Seoul, ..., went to
            # the foreign ministry": the country the last sentence opened with.
            unit.mentions.append(_Mention((self.last_named,), its.group(1), its.start(1),
                                          its.end(1), False, noun=False, person=True))
        if not unit.mentions and unit.weight > 0 and self.scene is None and len(self.foreign) == 1:
            # "Vice Foreign Minister Oh conveyed the government's position to Ambassador
            # Bakhodir Yusupov", in a story whose one foreign state is Uzbekistan: its envoy.
            unit.mentions.extend(
                _Mention(tuple(self.foreign), m.group(), m.start(), m.end(), False, noun=False,
                         person=True, official=True)
                for m in _BARE_ENVOY.finditer(text, unit.start, unit.end)
            )
        said = _THE_SPOKESPERSON.search(text, unit.start, unit.end)
        if said is not None and self.last_speaker is not None and unit.weight > 0:
            unit.mentions.append(_Mention((self.last_speaker,), said.group(), said.start(),
                                          said.end(), False, noun=False, person=True,
                                          official=True))
        m = (_PRONOUN_MEETS.match(text, unit.start, unit.end)
             or _WHERE_PRONOUN_MEETS.match(text, unit.start, unit.end))
        who = self.last_person or self.last_subject
        if m is None:
            m, who = _POSSESSIVE_MEETS.match(text, unit.start, unit.end), self.last_subject
            # "In his talks with the Samoan and Vanuatu leaders, Sanchez discussed ...": "his"
            # is the subject the clause leads to, when one is named right after it.
            comma = text.find(",", m.end(), unit.end) if m is not None else -1
            subject = next((mn for mn in unit.mentions
                            if len(mn.codes) == 1 and 0 < mn.start - comma <= 16), None)
            if comma >= 0 and subject is not None:
                who = subject.codes[0]
        if m is not None and unit.weight > 0:
            if self.last_home and m.re is not _POSSESSIVE_MEETS:
                unit.home_pronoun = m.start(1)  # "Han left for Bangkok. There he met ..."
            elif who is not None:
                unit.mentions.append(_Mention((who,), m.group(1), m.start(1), m.end(1), False,
                                              noun=False, person=True))
        people = [mn for mn in unit.mentions if mn.person and len(mn.codes) == 1]
        if people:
            self.last_person = max(people, key=lambda x: x.start).codes[0]
        home = unit.home_names
        if home or people:
            self.last_home = max(home, default=-1) > max((mn.start for mn in people), default=-1)

    def _register_names(
        self, unit: _Unit, mentions: list[_Mention], home_cues: list[int], text: str
    ) -> None:
        """Remember "Japanese Foreign Minister Aiko Nishimura" as Nishimura -> JP."""
        found: list[tuple[str, str]] = []
        for mn in mentions:
            if not mn.official or len(mn.codes) != 1:
                continue
            for start, end in unit.officials:
                if start >= mn.end and start - mn.end <= 48:
                    nm = _NAME.match(text, end)
                    # (A state body's own official only right after it: "European
                    # Commission President Helena Brandt".)
                    if nm and (not mn.person or text[mn.end:start].isspace()):
                        found.append((nm.group(1), mn.codes[0]))
                    break
        for mn in mentions:
            # "Elena Cuadrado, Spain's secretary of state for defense, ...": the name before.
            if mn.official and len(mn.codes) == 1 and mn.noun and text.startswith("'s", mn.end):
                nm = _APPOSED.search(text, max(unit.start, mn.start - 64), mn.start)
                if nm and not any(_key(w) in self.rules.entries for w in nm.group(1).split()):
                    found.append((nm.group(1), mn.codes[0]))
        for mn in mentions:
            if len(mn.codes) == 1 and (
                nm := _WHO_HEADS.search(text, max(unit.start, mn.start - 120), mn.start)
            ):
                found.append((nm.group(1), mn.codes[0]))
        for mn in mentions:
            # "Deputy Trade Minister Mehmet Aydemir led the Turkish side": Aydemir is Turkey's.
            if len(mn.codes) == 1 and _SIDE_AFTER.match(text, mn.end):
                nm = _LED_BEFORE.search(text, max(unit.start, mn.start - 60), mn.start)
                if nm:
                    found.append((nm.group(1), mn.codes[0]))
        trusted = set()
        for mn in mentions:
            if mn.person and len(mn.codes) == 1 and " " in mn.surface:
                found.append((mn.surface, mn.codes[0]))
                trusted.add(mn.surface)
        for m in self.rules.home_title.finditer(text, unit.start, unit.end):
            if m.start() in home_cues:
                found.append((m.group("surname"), _HOME))
        for m in _HOME_APPOSED.finditer(text, unit.start, unit.end):
            if m.start() in home_cues:  # "Yoon Seo-jin, the first vice foreign minister, ..."
                found.append((m.group(1), _HOME))
        for name, code in found:
            self._remember_name(name, code, trusted=name in trusted)

    def _remember_name(self, name: str, code: str, trusted: bool = False) -> None:
        """Who a full name stands for, by its first, last and middle names ("Luiz Inacio
        Lula da ..." is named again as "Lula", "al-Rashidi" as "Rashidi", "Kovacs-Bartha" as
        "Kovacs")."""
        tokens = name.split()
        if len(tokens) < 2 and code != _HOME:
            return
        short_ok = code == _HOME or trusted
        picked = {tokens[0], tokens[-1], *(t for t in tokens[1:-1] if t[:1].isupper())}
        # "Kovacs-Bartha", "Kassym-Jomart": each half is used alone too.
        picked = {h for t in picked for h in (t.split("-") if _DOUBLE_NAME.fullmatch(t) else [t])}
        for tok in picked:
            if _PREFIXED.fullmatch(tok):
                tok = tok.split("-", 1)[1]
            if tok in _NOT_NAMES or "-" in tok or (len(tok) < 3 and not short_ok):
                continue
            old = self.names.get(tok, code)
            if {old, code} == {_HOME, self.rules.home}:
                old = code = self.rules.home  # "President Yoon" is the home president
            self.names[tok] = code if old == code else None

    @staticmethod
    def _meets_official(parties: list[_Mention], text: str, unit: _Unit) -> bool:
        """Someone named, of no other country, meets or calls a foreign official."""
        for m in _HUB.finditer(text, unit.start, unit.end):
            if any(mn.official and mn.start > m.start() for mn in parties) and _ACTOR.search(
                text, unit.start, m.start()
            ):
                return True
        return False

    @staticmethod
    def _addressed(parties: list[_Mention]) -> set[tuple[str, str]]:
        """A government and the one it addresses ("China warned Seoul") are a pair: who is
        named before the addressee."""
        out: set[tuple[str, str]] = set()
        for target in (mn for mn in parties if mn.addressed):
            speakers = {c for mn in parties if not mn.addressed and mn.start < target.start
                        for c in mn.codes}
            out |= {_pair(a, b) for a in speakers for b in target.codes if a != b}
        return out

    @staticmethod
    def _split_pairs(
        named: list[tuple[int, tuple[str, ...]]], text: str, unit: _Unit
    ) -> set[tuple[str, str]] | None:
        """Pairs named (position, codes) within one part of the sentence ("X told Y, ...
        while Z ..."); None when the sentence is one part (nothing is set apart)."""
        cuts = [m.start() for m in _TURN.finditer(text, unit.start, unit.end)]
        if not cuts:
            return None
        parts: dict[int, set[str]] = defaultdict(set)
        for start, codes in named:
            parts[bisect.bisect_right(cuts, start)].update(codes)
        out = set()
        for part in parts.values():
            out |= {p for p in itertools.combinations(sorted(part), 2)}
        return out

    @staticmethod
    def _governments_act(
        parties: list[_Mention], home_cues: list[int], guards: list[str]
    ) -> bool:
        """Two governments act in the sentence (officials on both sides): a sport, business or
        court word in it does not make it less diplomatic ("called in the ambassador and said
        the ruling was regrettable"). A capital standing for its government acts too ("Seoul
        conveys concern to Beijing after court ruling"), but not beside city words ("Seoul,
        Tokyo agree ... at mayor-governor meeting": the cities)."""
        cities = any(_MUNICIPAL.search(g) for g in guards)
        acting = {c for mn in parties if mn.official or mn.addressed
                  or (mn.capital and not cities) for c in mn.codes}
        codes = {c for mn in parties for c in mn.codes}
        return bool(acting or home_cues) and len(codes) + bool(home_cues) >= 2

    def _hub(
        self, parties: list[_Mention], home_cues: list[int], text: str, unit: _Unit,
        mentions: list[_Mention],
    ) -> tuple[str, set[str]] | None:
        """One country meeting several: "X held talks with A, B and C" pairs X with each.

        Several before "with" and one after ("South Korea and the U.S. staged drills, with
        Japan joining") is a group the last one joins: returned with host None. A host found
        only by who he is (a ruler, a foreign surname) is added to `parties`, so that he acts.
        """
        cuts = [m.start() for m in _PART_BREAK.finditer(text, unit.start, unit.end)]
        for m in _HUB.finditer(text, unit.start, unit.end):
            split = m.start()
            i = bisect.bisect_right(cuts, split)
            lo = cuts[i - 1] if i else unit.start
            hi = cuts[i] if i < len(cuts) else unit.end
            before = {c for mn in parties if lo <= mn.start < split for c in mn.codes}
            after = {c for mn in parties if split < mn.start < hi for c in mn.codes}
            if len(before) >= 2 and after - before and m.group() == "with":
                return "", before | after
            if not after or len(after) < 2:
                continue
            if len(before) == 1:
                (host,) = before
                return host, after - before
            subject = min(parties, key=lambda mn: mn.start, default=None)
            if (
                not before and subject is not None and len(subject.codes) == 1
                and subject.start - unit.start <= 40 and subject.start < lo
            ):
                # "Macron, who is hosting a conference, also held talks with the presidents of
                # Kenya and Costa Rica", "President Villamizar received ..., hours after he
                # held separate talks with the presidents of Ecuador, Panama and Peru": the
                # sentence's subject, cut off by a clause, hosts.
                (host,) = subject.codes
                return host, after - {host}
            if (
                not before
                and not any(mn.start < split for mn in parties)
                and (m.group() != "with" or _TALKS_BEFORE.search(text, lo, split))
            ):
                # "(Cho) held talks with the Solomon Islands and Vanuatu ministers", "FM holds
                # talks with Solomon Islands, Vanuatu": whoever hosts, the guests are not a
                # pair; nobody named before "with" is the home side, as in any wire headline,
                # unless it is a business leader ("Hanul Financial chief meets Cambodian PM"):
                # then nobody's government meets, and the sentence gives no pair; or a ruler
                # ("the emir held separate talks with ...") or someone named by a surname no
                # home official has, in a foreign scene ("ANTALYA, Turkey -- ... Erdogan held
                # separate talks with"), who is the scene's.
                if (ruler := _FOREIGN_RULER.search(text, unit.start, split)) is not None:
                    scene = self.scene or self._venue_scene(mentions, text)
                    if not scene:
                        return _HOME, set()
                    parties.append(_Mention((scene,), ruler.group(), ruler.start(), ruler.end(),
                                            False, noun=False, person=True, official=True))
                    return scene, after - {scene}
                if self.scene and (who := self._foreign_subject(text, unit.start, m.end())):
                    # The one who meets acts for the scene, and is its official when named
                    # again ("In his talks with ..., Delorme discussed ...").
                    parties.append(_Mention((self.scene,), who.group(1), who.start(1),
                                            who.end(1), False, noun=False, person=True,
                                            official=True))
                    self.names.setdefault(who.group(1), self.scene)
                    return self.scene, after - {self.scene}
                return _HOME, set() if _BUSINESS_ACTOR.search(text, lo, split) else after
            return None
        return None

    def _foreign_subject(self, text: str, start: int, end: int) -> re.Match[str] | None:
        """The one who meets, when named by a surname that is not a home official's."""
        m = _SUBJECT_NAME.search(text, start, end)
        if (
            m is not None
            and m.group(1) not in self.rules.home_surnames
            and self.names.get(m.group(1)) != _HOME
            and _key(m.group(1)) not in self.rules.entries
        ):
            return m
        return None

    def _background(self, sentence: str) -> bool:
        """A sentence about the past ("signed a treaty in 2018", "since") with no weekday."""
        rules = self.rules
        if _NO_TIES.search(sentence) or _STANDING.search(sentence):
            # "Qatar ... has no formal diplomatic relations with Israel", "North Korea runs
            # an embassy in Vientiane"
            return True
        # What a trailing clause adds ("..., noting that South Korea has not executed anyone
        # since 1997") does not date the main one.
        if (tail := _TRAILING.search(sentence)) is not None:
            sentence = sentence[:tail.start()]
        # ("... an assurance that Malaysia had no plans to restrict exports": not the future.)
        if any(not sentence.endswith("no ", 0, m.start())
               for m in rules.future.finditer(sentence)):
            return True
        past = _PAST_YEAR.search(sentence) or rules.past.search(sentence)
        return bool(past) and not rules.present.search(sentence)

    def _coordinated(self, parties: list[_Mention], text: str) -> list[set[str]]:
        """Countries joined as one subject: "South Korea, the U.S. and Japan", "Seoul-Tokyo".

        When a sentence has such a group, pairs outside it ("... on North Korea's ties with
        Russia") are background and count for less.
        """
        groups: list[set[str]] = []
        current: set[str] = set()
        prev: _Mention | None = None
        coord = self.rules.coordination
        for mn in sorted(parties, key=lambda x: x.start):
            if prev is not None and coord.fullmatch(text, prev.end, mn.start):
                current.update(mn.codes)
            else:
                if len(current) >= 2:
                    groups.append(current)
                current = set(mn.codes)
            prev = mn
        if len(current) >= 2:
            groups.append(current)
        return groups

    def _note(
        self, unit: _Unit, text: str, mentions: list[_Mention], weight: float,
        made: list[tuple[tuple[str, str], float, str]],
    ) -> None:
        if self.trace is None:
            return
        self.trace.append({
            "sentence": text[unit.start:unit.end].strip(),
            "weight": round(weight, 2),
            "terms": list(unit.terms),
            "mentions": [(mn.surface, "-".join(mn.codes), mn.role) for mn in mentions],
            "pairs": [("-".join(p), round(s, 2), how) for p, s, how in made],
        })

    # -- the article ---------------------------------------------------------------------

    def result(self) -> dict[str, Any]:
        rules = self.rules
        t = rules.thresholds
        home_named = (
            self.home_named or rules.home in self.countries or rules.home in self.venues
        )
        pairs = dict(self.pairs)
        why = {p: list(v) for p, v in self.why.items()}
        for pair in [p for p in pairs if _HOME in p]:
            score = pairs.pop(pair)
            reasons = why.pop(pair, [])
            other = pair[0] if pair[1] == _HOME else pair[1]
            if not home_named or other == rules.home:
                continue
            real = _pair(other, rules.home)
            pairs[real] = pairs.get(real, 0.0) + score
            why.setdefault(real, []).extend(reasons)
        if home_named and self.home_acts:
            # A sentence naming one foreign party implies the home government only in a story
            # where that government acts (a business leader's trip abroad has none).
            # "Japan's PM holds talks with Mekong leaders" in a story of Japan meeting others:
            # the other side is theirs, not the home country, unless the home country's pair
            # with it stands on its own.
            elsewhere = {
                c for (a, b), s in pairs.items() if s >= t["bilateral"] and rules.home not in (a, b)
                for c in (a, b)
            }
            for code, weight, snippet, how in self.implicit:
                pair = _pair(code, rules.home)
                if code in elsewhere and pairs.get(pair, 0.0) < t["bilateral"]:
                    continue
                pairs[pair] = pairs.get(pair, 0.0) + weight
                why.setdefault(pair, []).append((weight, snippet, how, False))
        best = max(pairs.values(), default=0.0)
        bilateral = best >= t["bilateral"] and best > 0
        out_pairs: list[list[str]] = []
        if bilateral:
            # A pair is reported when it scores close enough to the best one, or when one
            # news sentence alone reports it at full weight ("Cho then flew to Jakarta,
            # where he held talks with Indonesian Foreign Minister ...").
            floor = max(t["pair_min"], t["pair_relative"] * best)
            event = t["pair_event"]
            # A pair only the headline gives ("N. Korea calls EU Washington's 'errand boy'")
            # is reported when it is the story's main pair.
            in_body = {
                _pair(*(rules.home if c == _HOME else c for c in p)) for p in self.in_body
            }
            out_pairs = sorted(
                [a, b] for (a, b), s in pairs.items()
                if ((a, b) in in_body or s >= best) and (s >= floor or (
                    event and s >= t["pair_min"]
                    and max((x[0] for x in why.get((a, b), []) if x[3]), default=0.0) >= event
                ))
            )
        return {
            "bilateral": bilateral,
            "pairs": out_pairs,
            "score": round(best, 2),
            "evidence": {
                "countries": {c: sorted(s) for c, s in sorted(self.countries.items())},
                "diplomacy": sorted(self.terms),
                "guards": sorted(self.guards),
                "pairs": {
                    f"{a}-{b}": _reasons(pairs[(a, b)], why.get((a, b), []))
                    for a, b in out_pairs
                },
            },
        }


def _in_route(text: str, start: int, end: int) -> bool:
    """The name at start:end is one of three or more places joined by hyphens."""
    lo = _WORD_BEFORE.search(text, max(0, start - 40), start)
    hi = _WORD_AFTER.match(text, end)
    word = text[lo.start() if lo else start:hi.end() if hi else end]
    return word.count("-") >= 2 and _ROUTE.fullmatch(word.strip(".")) is not None


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def _reasons(score: float, why: list[tuple[float, str, str, bool]]) -> dict[str, Any]:
    """The pair's score and its three strongest sentences, shortened, with the rule used."""
    top = sorted(why, key=lambda x: -x[0])[:3]
    return {
        "score": round(score, 2),
        "sentences": [
            {"text": s if len(s) <= 160 else s[:157] + "...", "weight": round(w, 2), "why": how}
            for w, s, how, _strong in top
        ],
    }


def classify(
    title: str, body: str, rules: Rules, trace: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """Tag one article: `{"bilateral", "pairs", "score", "evidence"}` (see module docstring).

    `pairs` is empty when the article is not bilateral; `evidence` always says what matched
    and, for each pair, the sentences that put it there. The body is read before the
    headline, so officials named in the body are known when the headline uses their surname.
    `trace`, when given, receives one record per sentence (for debugging the rules).
    """
    scan = _Scan(rules, trace)
    if body:
        scan.read_dateline(body)
        scan.feed(body, 1.0)
    scan.last_group, scan.last_people = set(), set()
    scan.scene, scan.scene_bodies = None, False
    if title:
        scan.feed(title, rules.weights["title"])
    return scan.result()
