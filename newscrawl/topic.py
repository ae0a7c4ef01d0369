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
again ("Nishimura said"). Background sentences (a year, "since", no weekday) count for less.
The best pair's score decides `bilateral`; `evidence` keeps the sentences behind each pair.
"""

from __future__ import annotations

import bisect
import functools
import importlib.resources
import itertools
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from newscrawl.errors import UsageError

__all__ = [
    "Rules",
    "classify",
    "default_rules",
    "load_rules",
]

_SEP_CHARS = r"\s\-\u2010\u2011\u2013"
_SEP_RUN = re.compile(f"[{_SEP_CHARS}]+")
_SEP_PATTERN = f"[{_SEP_CHARS}]+"
_CODE = re.compile(r"^[A-Z]{2}$")
# End of a sentence: punctuation after a lower-case letter, digit or closing quote/bracket
# (so "U.S. Secretary" and "S. Korea" do not split), then space and a capital or a quote.
_BOUNDARY = r"(?P<br>\n|(?-i:(?<=[a-z0-9)\"'\u201d\u2019][.!?]))\s+(?=(?-i:[A-Z\"\u201c\u2018])))"

# "... in Hiroshima, Japan": a country named after a city is where, not who.
# (but "in Seoul, Japan's minister said" names a party: the country must end the phrase).
_CITY_COUNTRY = re.compile(r"\bin\s+[A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*){0,2},\s*$")
_VENUE_END = re.compile(r"\s*(?:[,.;:)]|$|(?:on|in|last|this|next|earlier|later)\b)")

# Where one clause of a sentence ends: a subject introduced by "discussed ..." or "over ..."
# runs to here. Punctuation, "while"/"but", or "and" before a verb in the past tense.
_CLAUSE_BREAK = re.compile(
    r"[,;:()\[\]]|\s(?:while|whereas|although|though|if|unless|because|said|says|told|added)\s"
    r"|\sbut\s+(?!(?:did|does|do|was|were|had|has|is|are|not|also|then|would|could|will|"
    r"[a-z]+ed)\b)"
    r"|\sand\s+(?=(?:also\s+|then\s+)?(?:[a-z]+ed\s+(?:the|a|an|to|that|on|with|its|their|his|"
    r"her|in|for|up|out|over|concern|regret|[A-Z])|said|met|held|told|signed|made|sent|took|gave|spoke"
    r"|saw|won|led|left|flew|paid|sought|came|went|rose|fell)\b)"
)
# "with" ends a subject ("talks on fisheries with Japan") unless it belongs to the subject
# ("concern over military cooperation with Pyongyang").
_WITH = re.compile(r"\bwith\b")
_SUBJECT_WITH = re.compile(
    r"\b(?:cooperation|ties|relations|relationship|tension|tensions|trade|dealings|alliance|"
    r"partnership|war|conflict|dispute|disputes|border|rapprochement|friendship|talks|"
    r"negotiations|exchanges|contacts|collusion|clashes|standoff|competition|rivalry)\s+$"
)
# A topic marker followed by time is not a topic: "on Tuesday", "over the weekend".
_NOT_TOPIC = re.compile(
    r"\s+(?:the\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Jan\b|Feb\b|"
    r"March|April|May|June|July|Aug\b|Sept\b|Oct\b|Nov\b|Dec\b|January|February|August|"
    r"September|October|November|December|sidelines|condition|board|behalf|phone|weekend|"
    r"past|years|decades|months|weeks|days|hours|first\s+time|time|same\s+day|way|average)",
)
# Who hosts whom: the countries before one of these and the countries after it.
_HUB = re.compile(r"\b(?:with|met|meets|received|receives|hosted|hosts|welcomed|greeted)\b")
# "its military cooperation with Pyongyang": a third country's dealings, a subject.
_THEIR_WITH = re.compile(
    r"\b(?:its|their)\s+(?:[\w-]+\s+){0,3}(?:cooperation|ties|relations|trade|dealings|"
    r"alliance|partnership|treaty|deal|pact|talks|exchanges)\s+with\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# A clause that only says who reports: ", South Korea's military said", "according to ...".
_SOURCE_END = re.compile(
    r"\b(?:said|says|reported|reports|announced|added|noted|quoted)"
    r"(?:\s+(?:in|on|at|through)\s+(?:(?!\bthat\b)[^,]){0,50})?\s*[.!?\"\u201d]*\s*$"
)
_ACCORDING = re.compile(r"\baccording\s+to\b", re.IGNORECASE)
_QUOTE = re.compile(r"[\"\u201c\u201d]")
# Where one part of a sentence ends and another, about something else, begins: host and
# guests are looked for within one part; pairs across parts count as uncoordinated.
_PART_BREAK = re.compile(
    r";|\s(?:while|whereas|although|though|if|unless|because)\s|"
    r"\sbut\s+(?!(?:did|does|do|was|were|had|has|is|are|not|also|then|would|could|will|"
    r"[a-z]+ed)\b)|"
    r",\s+(?:which|who|saying|calling|adding|citing|noting)\b"
)
# "meeting of South Korea, Japan and China": the countries of a meeting are its parties.
_EVENT_OF = re.compile(
    r"(?:^|\W)(?:meeting|meetings|summit|summits|talks|conference|dialogue|consultations|"
    r"session|gathering|delegations?|ministers|leaders)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
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
    r",?\s+((?:[A-Z][a-z'\u2019]+(?:-[a-z]+)?)(?:\s+(?:[A-Z][a-z'\u2019]+(?:-[a-z]+)?|bin|al|"
    r"de|van|von|der|da|dos|del)){0,3})"
)
_CAPWORD = re.compile(r"\b[A-Z][a-z'\u2019]+\b")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_NOT_NAMES = frozenset({

})
_HOME = "~"  # a home-government cue whose pair is completed with the home country at the end

_TOP_KEYS = {
    "version",
    "home",
    "thresholds",
    "weights",
    "countries",
    "joint",
    "ignore",
    "capital_guards",
    "diplomacy",
    "anaphora",
    "guards",
    "topic_markers",
    "officials",
    "target_verbs",
    "home_officials",
    "background",
    "implicit_exclude",
    "organizations",
}
_COUNTRY_KEYS = {"names", "adjectives", "capitals", "people", "institutions"}
_HOME_KEYS = {"titles", "surnames", "institutions"}
_BACKGROUND_KEYS = {"past", "future", "present"}
_THRESHOLD_DEFAULTS = {"bilateral": 4.0, "pair_min": 3.0, "pair_relative": 0.4, "pair_event": 0.0}
_WEIGHT_DEFAULTS = {
    "title": 2.0,
    "implicit_home": 0.5,
    "anaphora": 1.0,
    "guard_damping": 0.2,
    "unit_cap": 6.0,
    "large_group": 3.0,
    "uncoordinated": 0.25,
    "background": 1.0,
}


def _key(text: str) -> str:
    """Normalise a phrase or a match for lookup: lower case, one space for any separator run."""
    return _SEP_RUN.sub(" ", text.replace("\u2019", "'")).strip().lower()


def _form(text: str) -> str:
    """Like `_key` but keeping case, for the case-sensitive country phrases."""
    return _SEP_RUN.sub(" ", text.replace("\u2019", "'")).strip()


@dataclass
class _Entry:
    """Everything one phrase means; a phrase may play several roles."""

    codes: tuple[str, ...] = ()
    forms: set[str] | None = None  # accepted spellings for the country role (None: any case)
    capital: bool = False
    noun: bool = False  # a name, capital or joint phrase (not an adjective or a person)
    person: bool = False  # a named official: always a party
    weight: float = 0.0
    anaphor: bool = False
    guard: bool = False
    ignore: bool = False
    official: bool = False  # an official's title or a state body: makes its country a party
    home: bool = False  # a home-government body named without its country ("the ministry")


@dataclass(frozen=True)
class Rules:
    """Compiled rules: build once with `load_rules`, share across every article."""

    source: str
    home: str
    pattern: re.Pattern[str]
    entries: dict[str, _Entry]
    before: re.Pattern[str]  # a capital right after these is a venue ("in Tokyo")
    after: re.Pattern[str]  # a capital right before these is not a capital ("Seoul Station")
    arrival: re.Pattern[str]  # ... unless arriving: "arrived in Hanoi for a state visit"
    topic: re.Pattern[str]  # a country after these, in the same clause, is a subject
    coordination: re.Pattern[str]  # what may stand between coordinated countries
    thresholds: dict[str, float]
    weights: dict[str, float]
    countries: tuple[str, ...] = field(default=())
    implicit_exclude: frozenset[str] = frozenset()  # never paired with home by implication
    place: re.Pattern[str] = re.compile("(?!)")  # "in Japan", "from China": a place
    organization: re.Pattern[str] = re.compile("(?!)")  # "... Japan University": a name
    of_party: re.Pattern[str] = re.compile("(?!)")  # "the leaders of Japan": a party
    target: re.Pattern[str] = re.compile("(?!)")  # "warned Seoul": the addressee
    target_any: re.Pattern[str] = re.compile("(?!)")  # ... anywhere before, same clause
    home_title: re.Pattern[str] = re.compile("(?!)")  # "Foreign Minister Cho" (home official)
    past: re.Pattern[str] = re.compile("(?!)")  # background sentence cues
    future: re.Pattern[str] = re.compile("(?!)")  # not yet happened: "will visit"
    present: re.Pattern[str] = re.compile("(?!)")  # news sentence cues (a weekday)


# --------------------------------------------------------------------------------------------
# Loading


def _default_path() -> Any:
    return importlib.resources.files("newscrawl").joinpath("data/topics.yaml")


def load_rules(path: str | Path | None = None) -> Rules:
    """Read and compile a rules file (default: the packaged `newscrawl/data/topics.yaml`).

    Raises `UsageError` with one line naming the file when it cannot be read or is invalid,
    because a crawl with broken rules would silently tag everything non-bilateral.
    """
    resource = Path(path) if path is not None else _default_path()
    name = str(resource)
    try:
        text = resource.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise UsageError(f"topic rules {name}: cannot read: {reason}") from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "syntax error"
        raise UsageError(f"topic rules {name}: invalid YAML{where}: {problem}") from exc
    try:
        return _compile(data, name)
    except _RulesError as exc:
        raise UsageError(f"topic rules {name}: {exc}") from None


@functools.lru_cache(maxsize=1)
def default_rules() -> Rules:
    """The packaged rules, compiled once per process (for callers classifying one article)."""
    return load_rules()


class _RulesError(ValueError):
    pass


def _strings(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _RulesError(f"{where} must be a list of non-empty strings")
    return [v.strip() for v in value]


def _mapping(value: Any, where: str, keys: set[str]) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise _RulesError(f"{where} must be a mapping")
    bad = set(value) - keys
    if bad:
        raise _RulesError(f"{where}: unknown key {sorted(bad)[0]!r}")
    return value


def _numbers(value: Any, where: str, defaults: dict[str, float]) -> dict[str, float]:
    if value is None:
        return dict(defaults)
    if not isinstance(value, dict):
        raise _RulesError(f"{where} must be a mapping")
    out = dict(defaults)
    for k, v in value.items():
        if k not in defaults:
            raise _RulesError(f"{where}.{k} is not a known setting ({', '.join(defaults)})")
        if isinstance(v, bool) or not isinstance(v, int | float) or v < 0:
            raise _RulesError(f"{where}.{k} must be a non-negative number")
        out[k] = float(v)
    return out


def _compile(data: Any, name: str) -> Rules:
    """Validate the parsed YAML and build the lookup table and the one regex."""
    if not isinstance(data, dict):
        raise _RulesError("the file must hold a mapping at the top level")
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise _RulesError(f"unknown key {sorted(unknown)[0]!r} at the top level")
    countries = data.get("countries")
    if not isinstance(countries, dict) or not countries:
        raise _RulesError("countries must be a non-empty mapping of ISO codes")

    entries: dict[str, _Entry] = {}

    def entry(phrase: str) -> _Entry:
        return entries.setdefault(_key(phrase), _Entry())

    def add_country(
        phrase: str, codes: tuple[str, ...], *, capital: bool, cased: bool, noun: bool,
        person: bool = False,
    ) -> None:
        e = entry(phrase)
        e.codes = tuple(sorted(set(e.codes) | set(codes)))
        e.capital = e.capital or capital
        e.noun = e.noun or noun
        e.person = e.person or person
        if cased:
            if e.forms is None:
                e.forms = set()
            form = _form(phrase)
            e.forms.add(form)
            if form[0].islower():
                e.forms.add(form[0].upper() + form[1:])
        elif e.forms is not None and not e.forms:
            e.forms = None

    for code, spec in countries.items():
        if not isinstance(code, str) or not _CODE.match(code):
            raise _RulesError(f"countries: {code!r} is not a two-letter upper-case code")
        if not isinstance(spec, dict):
            raise _RulesError(f"countries.{code} must be a mapping")
        bad = set(spec) - _COUNTRY_KEYS
        if bad:
            raise _RulesError(f"countries.{code}: unknown key {sorted(bad)[0]!r}")
        for p in _strings(spec.get("names"), f"countries.{code}.names"):
            add_country(p, (code,), capital=False, cased=True, noun=True)
        for p in _strings(spec.get("adjectives"), f"countries.{code}.adjectives"):
            # Demonyms: "Korean" also gives "Koreans".
            for v in [p, p + "s"] if p[-1].isalpha() and not p.endswith("s") else [p]:
                add_country(v, (code,), capital=False, cased=True, noun=False)
        for p in _strings(spec.get("people"), f"countries.{code}.people"):
            add_country(p, (code,), capital=False, cased=True, noun=False, person=True)
        for p in _strings(spec.get("institutions"), f"countries.{code}.institutions"):
            # A state body acts for its state ("the Kremlin said"): like a named official.
            add_country(p, (code,), capital=False, cased=False, noun=False, person=True)
        for p in _strings(spec.get("capitals"), f"countries.{code}.capitals"):
            add_country(p, (code,), capital=True, cased=True, noun=True)

    joint = data.get("joint") or {}
    if not isinstance(joint, dict):
        raise _RulesError("joint must be a mapping of phrase to a list of codes")
    for phrase, codes in joint.items():
        codes = _strings(codes, f"joint.{phrase}")
        for c in codes:
            if c not in countries:
                raise _RulesError(f"joint.{phrase}: {c} is not under countries")
        add_country(str(phrase), tuple(codes), capital=False, cased=True, noun=True)

    for p in _strings(data.get("ignore"), "ignore"):
        entry(p).ignore = True

    def plural(p: str) -> list[str]:
        return [p] if p.endswith("s") or not p[-1].isalpha() else [p, p + "s"]

    diplomacy = data.get("diplomacy")
    if not isinstance(diplomacy, dict) or not diplomacy:
        raise _RulesError("diplomacy must be a mapping of groups, each with weight and terms")
    for group, spec in diplomacy.items():
        if not isinstance(spec, dict) or set(spec) != {"weight", "terms"}:
            raise _RulesError(f"diplomacy.{group} must have exactly 'weight' and 'terms'")
        w = spec["weight"]
        if isinstance(w, bool) or not isinstance(w, int | float) or w <= 0:
            raise _RulesError(f"diplomacy.{group}.weight must be a positive number")
        for p in _strings(spec["terms"], f"diplomacy.{group}.terms"):
            for v in plural(p):
                e = entry(v)
                e.weight = max(e.weight, float(w))
    for p in _strings(data.get("anaphora"), "anaphora"):
        for v in plural(p):
            entry(v).anaphor = True
    for p in _strings(data.get("guards"), "guards"):
        for v in plural(p):
            entry(v).guard = True
    officials = _strings(data.get("officials"), "officials")
    official_keys = {_key(v) for p in officials for v in plural(p)}
    for key, e in entries.items():
        # "defense minister" and "vice foreign minister" end with an official's title.
        words = key.split()
        if any(" ".join(words[i:]) in official_keys for i in range(len(words))):
            e.official = True
    for k in official_keys:
        entries.setdefault(k, _Entry()).official = True
    # A longer phrase hides the shorter ones inside it ("the foreign ministry" contains the
    # term "foreign ministry"): it keeps their weight and their official's title.
    for key, e in entries.items():
        words = key.split()
        for i in range(len(words)):
            for j in range(i + 1, len(words) + 1):
                if j - i == len(words):
                    continue
                sub = entries.get(" ".join(words[i:j]))
                if sub is not None and not sub.ignore:
                    e.weight = max(e.weight, sub.weight)
                    e.official = e.official or sub.official

    home = data.get("home", "KR")
    if home not in countries:
        raise _RulesError(f"home {home!r} is not under countries")
    implicit_exclude = _strings(data.get("implicit_exclude"), "implicit_exclude")
    for c in implicit_exclude:
        if c not in countries:
            raise _RulesError(f"implicit_exclude: {c} is not under countries")
    ho = _mapping(data.get("home_officials"), "home_officials", _HOME_KEYS)
    for p in _strings(ho.get("institutions"), "home_officials.institutions"):
        entry(p).home = True
    titles = _strings(ho.get("titles"), "home_officials.titles")
    surnames = _strings(ho.get("surnames"), "home_officials.surnames")
    home_title = (
        re.compile(
            r"\b(?:" + "|".join(_SEP_PATTERN.join(map(re.escape, t.split())) for t in
                                sorted(titles, key=len, reverse=True))
            + r")\s+(?P<surname>" + "|".join(map(re.escape, surnames)) + r")\b"
            r"(?:\s+(?P<given>[A-Z][a-z]+(?:-[a-z]+)?))?"
        )
        if titles and surnames
        else re.compile("(?!)")
    )
    bg = _mapping(data.get("background"), "background", _BACKGROUND_KEYS)

    cg = data.get("capital_guards") or {}
    if not isinstance(cg, dict) or set(cg) - {"before", "after", "arrival"}:
        raise _RulesError("capital_guards must be a mapping with 'before', 'after', 'arrival'")
    after_words = _strings(cg.get("after"), "capital_guards.after")
    before_words = _strings(cg.get("before"), "capital_guards.before")
    before = _tail(before_words)
    arrival = _tail(_strings(cg.get("arrival"), "capital_guards.arrival"))
    topic_words = _strings(data.get("topic_markers"), "topic_markers")
    topic = (
        re.compile(
            r"\b(?:" + "|".join(_SEP_PATTERN.join(map(re.escape, w.split()))
                                for w in sorted(topic_words, key=len, reverse=True))
            + r")\b",
            re.IGNORECASE,
        )
        if topic_words
        else re.compile("(?!)")
    )
    coordination = re.compile(
        r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*|[-/\u2013]\s*)(?:the\s+)?", re.IGNORECASE
    )
    after = re.compile(
        r"(?:"
        + "|".join(
            re.escape(w) if w.startswith("-") else r"\s+" + re.escape(w) + r"\b"
            for w in after_words
        )
        + ")"
        if after_words
        else "(?!)"
    )
    # "of" only names a place or a subject ("the invasion of Ukraine") unless an official's
    # title or a body of state comes before it ("the leaders of Japan and China").
    place = _tail([w for w in before_words if w.lower() != "of"])
    of_words = [w for o in officials for w in plural(o)]
    of_party = (
        re.compile(
            r"(?:^|\W)(?:" + "|".join(_SEP_PATTERN.join(map(re.escape, w.split()))
                                      for w in of_words)
            + r")\s+(?:of|from)\s+(?:the\s+)?$",
            re.IGNORECASE,
        )
        if of_words
        else re.compile("(?!)")
    )

    pattern = re.compile(
        _BOUNDARY + r"|(?<!\w)(?P<t>" + _trie_regex(entries) + r")(?!\w)", re.IGNORECASE
    )
    return Rules(
        source=name,
        home=str(home),
        pattern=pattern,
        entries=entries,
        before=before,
        after=after,
        arrival=arrival,
        topic=topic,
        coordination=coordination,
        thresholds=_numbers(data.get("thresholds"), "thresholds", _THRESHOLD_DEFAULTS),
        weights=_numbers(data.get("weights"), "weights", _WEIGHT_DEFAULTS),
        countries=tuple(sorted(countries)),
        implicit_exclude=frozenset(implicit_exclude),
        place=place,
        organization=_organization(_strings(data.get("organizations"), "organizations")),
        of_party=of_party,
        target=_tail(_strings(data.get("target_verbs"), "target_verbs")),
        target_any=_words(_strings(data.get("target_verbs"), "target_verbs"), re.IGNORECASE),
        home_title=home_title,
        past=_words(_strings(bg.get("past"), "background.past")),
        future=_words(_strings(bg.get("future"), "background.future")),
        present=_words(_strings(bg.get("present"), "background.present")),
    )


def _tail(words: list[str]) -> re.Pattern[str]:
    """A regex for "the text ends with one of these words and a space" (used on a window)."""
    alts = "|".join(_SEP_PATTERN.join(map(re.escape, w.split())) for w in words) or "(?!)"
    return re.compile(r"(?:^|\W)(?:" + alts + r")\s+(?:the\s+)?$", re.IGNORECASE)


def _organization(words: list[str]) -> re.Pattern[str]:
    """Capitalised words after a country that end in one of these: an organization's name."""
    if not words:
        return re.compile("(?!)")
    alts = "|".join(_SEP_PATTERN.join(map(re.escape, w.split())) for w in words)
    return re.compile(
        r"(?:[-\s]+(?:[A-Z][\w.'\u2019-]*|and|&|of|for|the))*?[-\s]+(?:" + alts + r")\b"
    )


def _words(words: list[str], flags: int = 0) -> re.Pattern[str]:
    """A regex finding any of these phrases as whole words (case as written by default)."""
    if not words:
        return re.compile("(?!)")
    alts = "|".join(_SEP_PATTERN.join(map(re.escape, w.split()))
                    for w in sorted(words, key=len, reverse=True))
    return re.compile(r"(?<!\w)(?:" + alts + r")(?!\w)", flags)


def _trie_regex(keys: Any) -> str:
    """One regex for many phrases, factored by shared prefixes so matching stays linear-ish."""
    trie: dict[str, Any] = {}
    for k in keys:
        node = trie
        for ch in k:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = []
        for ch in sorted(c for c in node if c):
            if ch == " ":
                sym = _SEP_PATTERN
            elif ch == "'":
                sym = "['\u2019]"
            else:
                sym = re.escape(ch)
            alts.append(sym + emit(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie) or "(?!)"


# --------------------------------------------------------------------------------------------
# Classifying

# What a country mention is in its sentence.
_PARTY = "party"  # acts, or is acted upon: counts for pairs
_SUBJECT = "subject"  # what the talks were about: "discussed North Korea's launch"
_PLACE = "place"  # where: "the war in Ukraine", "talks in Washington"
_ATTRIBUTE = "attribute"  # "Japanese seafood", "Chinese tourists": not a government
_TARGET = "target"  # "warned Seoul": a party, unless a group speaks ("the two condemned ...")
_SOURCE = "source"  # only says who reports: ", South Korea's military said"


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
    place: bool = False  # a name after "in"/"from": says where only
    role: str = _PARTY
    official: bool = False
    addressed: bool = False  # the addressee of a single government's words: "warned Seoul"


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
    guards: list[str] = field(default_factory=list)
    officials: list[tuple[int, int]] = field(default_factory=list)
    home: list[tuple[int, int]] = field(default_factory=list)  # unqualified home bodies

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
        self.implicit: list[tuple[str, float, str]] = []
        self.last_group: set[tuple[str, str]] = set()  # the pairs "the two sides" refers to
        self.last_people: set[tuple[str, str]] = set()  # ... named through officials
        self.names: dict[str, str | None] = {}  # surname -> code (None: ambiguous)
        self.home_named = False  # a home official or body acts without the country's name
        self.trace = trace

    # -- collecting ----------------------------------------------------------------------

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
                unit = _Unit(start=m.end())
                continue
            surface = m.group("t")
            e = entries.get(_key(surface))
            if e is None or e.ignore:
                continue
            start, end = m.span()
            if e.codes:
                if e.forms is not None and _form(surface) not in e.forms:
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
                    if rules.before.search(text, lo, start) and not rules.arrival.search(
                        text, lo, start
                    ):
                        # A venue ("talks in Washington"), not a government; kept only to
                        # tell that the article is set at home ("the ministry in Seoul").
                        unit.mentions.append(
                            _Mention(e.codes, surface, start, end, True, venue=True)
                        )
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
            if e.weight:
                unit.weight += e.weight
                unit.terms.append(_key(surface))
            if e.anaphor:
                unit.anaphor = True
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

    # -- one sentence --------------------------------------------------------------------

    def _flush(self, unit: _Unit, text: str, mult: float) -> None:
        rules = self.rules
        w = rules.weights
        diplomatic = unit.weight > 0
        self._add_names(unit, text)
        mentions = sorted(
            (mn for mn in unit.mentions if diplomatic or not mn.capital),
            key=lambda x: x.start,
        )
        self._roles(unit, mentions, text)
        home_cues = self._home_cues(unit, mentions, text)
        for mn in mentions:
            if mn.venue:
                self.venues.update(mn.codes)
                continue
            for c in mn.codes:
                self.countries[c].add(mn.surface)
        parties = [mn for mn in mentions if mn.role == _PARTY]
        codes = {c for mn in parties for c in mn.codes}
        groups = self._coordinated(parties, text)
        self._register_names(unit, mentions, home_cues, text)
        if not diplomatic:
            # "More South Koreans view Japan favorably ... Respondents in both countries":
            # countries named in any role are what a following "both countries" means.
            named = {c for mn in mentions if mn.role not in (_SOURCE, _PLACE) for c in mn.codes}
            if 2 <= len(named) <= w["large_group"] and not self.last_group:
                self.last_group = set(itertools.combinations(sorted(named), 2))
            self._note(unit, text, mentions, 0.0, [])
            return
        self.terms.update(unit.terms)
        weight = min(unit.weight, w["unit_cap"]) * mult
        if unit.guards and not self._governments_act(parties, home_cues):
            self.guards.update(unit.guards)
            weight *= w["guard_damping"]
        snippet = text[unit.start:unit.end].strip()
        if mult == 1.0 and self._background(snippet):
            weight *= w["background"]
        made: list[tuple[tuple[str, str], float, str]] = []
        acting = {c for mn in parties if mn.official for c in mn.codes}
        if home_cues or rules.home in acting:
            acting |= {_HOME, rules.home}
        home_here = bool(home_cues) and rules.home not in codes
        named_here = {c for mn in mentions for c in mn.codes}
        hub = self._hub(parties, home_cues, text, unit)
        if hub is not None:
            host, guests = hub
            for g in sorted(guests):
                if g != host:
                    made.append((_pair(host, g), weight, "host and guest"))
        elif len(codes) + home_here >= 2:
            all_codes = codes | ({_HOME} if home_here else set())
            together = {p for g in groups for p in itertools.combinations(sorted(g), 2)}
            if not together:
                # No coordinated group: pairs within one part of the sentence are together.
                together = self._split_pairs(parties, text, unit)
            together |= self._addressed(parties)
            size = max((len(g) for g in groups), default=len(all_codes))
            if size > w["large_group"]:
                weight *= (w["large_group"] - 1) / (size - 1)
            for pair in itertools.combinations(sorted(all_codes), 2):
                uncoordinated = together and pair not in together and _HOME not in pair
                factor = w["uncoordinated"] if uncoordinated else 1.0
                how = "named together" if not uncoordinated else "named in the same sentence"
                if _HOME in pair:
                    how = "home official and foreign party"
                made.append((_pair(*pair), weight * factor, how))
        elif unit.anaphor and (before := self._antecedent(unit)) and codes <= {
            c for p in before for c in p
        }:
            for pair in sorted(before):
                made.append((pair, weight * w["anaphora"], "the two sides"))
        elif not codes and (home_cues or rules.home in named_here) and len(
            about := {c for mn in mentions if mn.role == _SUBJECT for c in mn.codes}
            - {rules.home} - rules.implicit_exclude
        ) == 1:
            # A home official on one country: "grilled the foreign minister over relations
            # with Japan". Counts like a pair the article implies.
            (code,) = about
            self.implicit.append((code, weight * w["implicit_home"], snippet))
            note = [((code, _HOME), weight * w["implicit_home"], "home official on a country")]
            self._note(unit, text, mentions, weight, note)
            return
        elif len(codes) == 1 and not (
            unit.anaphor and not unit.counterpart and self._antecedent(unit)
        ):
            # ("The two sides condemned ... the North": a third country is their subject.)
            (code,) = codes
            if code != rules.home and code not in rules.implicit_exclude:
                # "his Japanese counterpart" names the second party; a bare mention does not.
                # "his Japanese counterpart", or "the two leaders" with nobody named before.
                factor = w["anaphora"] if unit.anaphor else w["implicit_home"]
                self.implicit.append((code, weight * factor, snippet))
                made_note = [((code, _HOME), weight * factor, "foreign party, home implied")]
                self._note(unit, text, mentions, weight, made_note)
                return
        for pair, score, how in made:
            self.pairs[pair] += score
            # Both sides act through officials: a meeting, a call, a protest on its own.
            strong = how != "the two sides" and pair[0] in acting and pair[1] in acting
            self.why[pair].append((score, snippet, how, strong))
        self._remember(made, parties, home_cues)
        self._note(unit, text, mentions, weight, made)

    def _antecedent(self, unit: _Unit) -> set[tuple[str, str]]:
        """What "the two sides" refers to; "the two leaders" prefers the last officials."""
        if unit.people_anaphor and self.last_people:
            return self.last_people
        return self.last_group

    def _remember(
        self, made: list[tuple[tuple[str, str], float, str]], parties: list[_Mention],
        home_cues: list[int],
    ) -> None:
        """Keep the pairs this sentence named, for a later "the two sides"."""
        named = {p for p, _s, how in made if how != "the two sides"}
        if not named or len({c for p in named for c in p}) > self.rules.weights["large_group"]:
            return
        self.last_group = named
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
                # "the leaders of Japan and China", "diplomats from Japan"
                or bool(rules.of_party.search(text, lo, mn.start))
            )
            if any(a <= mn.start < b for a, b in sources):
                mn.role = _SOURCE
            elif not mn.official and bisect.bisect_left(quotes, mn.start) % 2 == 1:
                # Inside a quotation: what the speaker talks about, not who acts.
                mn.role = _SUBJECT
            elif mn.venue:
                mn.role = _PLACE
            elif mn.official:
                mn.role = _PARTY
            elif (
                rules.place.search(text, lo, mn.start)
                and not rules.arrival.search(text, lo, mn.start)
            ):
                mn.role = _PLACE
            elif (
                self._of_subject(mn, text, lo)
                or self._in_topic(mn, breaks, unit, text, mentions)
                or _THEIR_WITH.search(text, lo, mn.start)
            ):
                mn.role = _SUBJECT
            elif self._after_target(mn, breaks, unit, text):
                mn.role = _TARGET
            elif not mn.noun and not mn.capital:
                mn.role = _ATTRIBUTE
            else:
                mn.role = _PARTY
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
                if run[-1].official and not run[0].official:
                    for x in run:
                        x.official, x.role = True, _PARTY
                elif head.role in (_SUBJECT, _PLACE, _TARGET):
                    for x in run[1:]:
                        if not x.official:
                            x.role = head.role
            run = [mn] if mn is not None else []
        # "warned Seoul" makes Seoul a party; "the two sides condemned Russia's war" does not.
        speakers = {c for mn in mentions if mn.role == _PARTY for c in mn.codes}
        group_speaks = unit.anaphor or len(speakers) >= 2
        for mn in mentions:
            if mn.role == _TARGET:
                mn.role = _SUBJECT if group_speaks else _PARTY
                mn.addressed = not group_speaks

    def _of_subject(self, mn: _Mention, text: str, lo: int) -> bool:
        """ "the invasion of Ukraine": a subject; "the leaders of Japan": parties."""
        return bool(
            _OF.search(text, lo, mn.start)
            and not self.rules.of_party.search(text, lo, mn.start)
            and not _EVENT_OF.search(text, lo, mn.start)
        )

    @staticmethod
    def _near_official(mn: _Mention, officials: list[tuple[int, int]], text: str) -> bool:
        """True when an official's title follows the country: "Japanese Foreign Minister"."""
        for start, _end in officials:
            if start < mn.end:
                continue
            gap = text[mn.end:start]
            if len(gap) > 48:
                return False
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
        seg = text[clause:mn.start]
        last = None
        for m in self.rules.topic.finditer(seg):
            if not _NOT_TOPIC.match(seg, m.end()):
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

    def _after_target(self, mn: _Mention, breaks: list[int], unit: _Unit, text: str) -> bool:
        """True when a verb of address ("warned", "condemned") opens this clause before it."""
        i = bisect.bisect_right(breaks, mn.start)
        clause = breaks[i - 1] if i else unit.start
        return self.rules.target_any.search(text, max(clause, mn.start - 160), mn.start) is not None

    def _home_cues(self, unit: _Unit, mentions: list[_Mention], text: str) -> list[int]:
        """Where a home-government official or body acts without its country being named:
        "Foreign Minister Cho Hyun-jin", "the presidential office", a home official's surname
        named earlier. Positions, for telling host from guests."""
        cues = []
        ends = [mn.end for mn in mentions]

        def qualified(start: int) -> bool:
            # "Japanese Prime Minister ...", "Japan's foreign ministry": another country's.
            for end in ends:
                if end <= start and start - end <= 14 and re.fullmatch(
                    r"(?:['\u2019]s)?\s+(?:[a-z]+\s+)?", text[end:start]
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
        for start, _end in unit.home:
            if not qualified(start):
                cues.append(start)
                self.home_named = True
        for m in _CAPWORD.finditer(text, unit.start, unit.end):
            if self.names.get(m.group()) == _HOME:
                cues.append(m.start())
        return sorted(cues)

    def _add_names(self, unit: _Unit, text: str) -> None:
        """Officials named earlier with their country count for it: "Nishimura said ..."."""
        if not self.names:
            return
        taken = [(mn.start, mn.end) for mn in unit.mentions]
        for m in _CAPWORD.finditer(text, unit.start, unit.end):
            code = self.names.get(m.group())
            if code is None or code == _HOME:
                continue
            if any(s <= m.start() < e for s, e in taken):
                continue
            unit.mentions.append(
                _Mention((code,), m.group(), m.start(), m.end(), False, noun=False,
                         person=True)
            )

    def _register_names(
        self, unit: _Unit, mentions: list[_Mention], home_cues: list[int], text: str
    ) -> None:
        """Remember "Japanese Foreign Minister Aiko Nishimura" as Nishimura -> JP."""
        found: list[tuple[str, str]] = []
        for mn in mentions:
            if not mn.official or len(mn.codes) != 1 or mn.person:
                continue
            for start, end in unit.officials:
                if start >= mn.end and start - mn.end <= 48:
                    nm = _NAME.match(text, end)
                    if nm:
                        found.append((nm.group(1), mn.codes[0]))
                    break
        trusted = set()
        for mn in mentions:
            if mn.person and len(mn.codes) == 1 and " " in mn.surface:
                found.append((mn.surface, mn.codes[0]))
                trusted.add(mn.surface)
        for m in self.rules.home_title.finditer(text, unit.start, unit.end):
            if m.start() in home_cues:
                found.append((m.group("surname"), _HOME))
        for name, code in found:
            tokens = name.split()
            if len(tokens) < 2 and code != _HOME:
                continue
            short_ok = code == _HOME or name in trusted
            for tok in {tokens[0], tokens[-1]}:
                if tok in _NOT_NAMES or "-" in tok or (len(tok) < 3 and not short_ok):
                    continue
                old = self.names.get(tok, code)
                if {old, code} == {_HOME, self.rules.home}:
                    old = code = self.rules.home  # "President Yoon" is the home president
                self.names[tok] = code if old == code else None

    @staticmethod
    def _addressed(parties: list[_Mention]) -> set[tuple[str, str]]:
        """A government and the one it addresses ("China warned Seoul") are a pair."""
        targets = {c for mn in parties if mn.addressed for c in mn.codes}
        speakers = {c for mn in parties if not mn.addressed for c in mn.codes} - targets
        return {_pair(a, b) for a in speakers for b in targets}

    @staticmethod
    def _split_pairs(parties: list[_Mention], text: str, unit: _Unit) -> set[tuple[str, str]]:
        """Pairs named within one part of the sentence ("X told Y, ... while Z ...")."""
        cuts = [m.start() for m in _PART_BREAK.finditer(text, unit.start, unit.end)]
        if not cuts:
            return set()  # one part: nothing is set apart
        parts: dict[int, set[str]] = defaultdict(set)
        for mn in parties:
            parts[bisect.bisect_right(cuts, mn.start)].update(mn.codes)
        out = set()
        for part in parts.values():
            out |= {p for p in itertools.combinations(sorted(part), 2)}
        return out

    @staticmethod
    def _governments_act(parties: list[_Mention], home_cues: list[int]) -> bool:
        """Two governments act in the sentence (officials on both sides): a sport, business or
        court word in it does not make it less diplomatic ("called in the ambassador and said
        the ruling was regrettable")."""
        acting = {c for mn in parties if mn.official for c in mn.codes}
        codes = {c for mn in parties for c in mn.codes}
        return bool(acting or home_cues) and len(codes) + bool(home_cues) >= 2

    def _hub(
        self, parties: list[_Mention], home_cues: list[int], text: str, unit: _Unit
    ) -> tuple[str, set[str]] | None:
        """One country meeting several: "X held talks with A, B and C" pairs X with each."""
        cuts = [m.start() for m in _PART_BREAK.finditer(text, unit.start, unit.end)]
        for m in _HUB.finditer(text, unit.start, unit.end):
            split = m.start()
            i = bisect.bisect_right(cuts, split)
            lo = cuts[i - 1] if i else unit.start
            hi = cuts[i] if i < len(cuts) else unit.end
            before = {c for mn in parties if lo <= mn.start < split for c in mn.codes}
            after = {c for mn in parties if split < mn.start < hi for c in mn.codes}
            if not after or len(after) < 2:
                continue
            if len(before) == 1:
                (host,) = before
                return host, after - before
            if not before and any(c < split for c in home_cues):
                return _HOME, after
            return None
        return None

    def _background(self, sentence: str) -> bool:
        """A sentence about the past ("signed a treaty in 2018", "since") with no weekday."""
        rules = self.rules
        if rules.future.search(sentence):
            return True
        past = _YEAR.search(sentence) or rules.past.search(sentence)
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
        if home_named:
            for code, weight, snippet in self.implicit:
                pair = _pair(code, rules.home)
                pairs[pair] = pairs.get(pair, 0.0) + weight
                why.setdefault(pair, []).append(
                    (weight, snippet, "foreign party, home implied", False)
                )
        best = max(pairs.values(), default=0.0)
        bilateral = best >= t["bilateral"] and best > 0
        out_pairs: list[list[str]] = []
        if bilateral:
            # A pair is reported when it scores close enough to the best one, or when one
            # news sentence alone reports it at full weight ("Cho then flew to Jakarta,
            # where he held talks with Indonesian Foreign Minister ...").
            floor = max(t["pair_min"], t["pair_relative"] * best)
            event = t["pair_event"]
            out_pairs = sorted(
                [a, b] for (a, b), s in pairs.items()
                if s >= floor or (
                    event and s >= t["pair_min"]
                    and max((x[0] for x in why.get((a, b), []) if x[3]), default=0.0) >= event
                )
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
        scan.feed(body, 1.0)
    scan.last_group, scan.last_people = set(), set()
    if title:
        scan.feed(title, rules.weights["title"])
    return scan.result()
