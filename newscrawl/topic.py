"""Bilateral-diplomacy relevance: which country pairs an article is about, and whether it is
about diplomacy between them at all.

The crawler exists to follow diplomacy between countries, so every article gets a `topic`:
`{"bilateral", "pairs", "score", "evidence"}`. The rules (country names, diplomacy terms,
weights) live in a YAML data file users extend (see docs/topic.md); this module only knows
how to apply them.

How it scores, in one pass over the text: a single precompiled regex finds sentence
boundaries and every known phrase (a trie of all phrases, so cost does not grow with the
number of alternatives). Per sentence it collects the countries named, the diplomacy weight
and whether sport/market/business words are present. A sentence with diplomacy language and
two or three countries adds its weight to each of their pairs; a sentence with one foreign
country is paired with the home country (South Korea for both outlets) only if the article
names the home country itself; "the two sides" continues the previous pair. Capitals count as
their government only in a sentence with diplomacy language and not as a venue ("in Tokyo").
The best pair's score decides `bilateral`.
"""

from __future__ import annotations

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
}
_COUNTRY_KEYS = {"names", "adjectives", "capitals", "people", "institutions"}
_THRESHOLD_DEFAULTS = {"bilateral": 4.0, "pair_min": 3.0, "pair_relative": 0.4}
_WEIGHT_DEFAULTS = {
    "title": 2.0,
    "implicit_home": 0.5,
    "anaphora": 1.0,
    "guard_damping": 0.2,
    "unit_cap": 6.0,
    "large_group": 3.0,
    "uncoordinated": 0.25,
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
    weight: float = 0.0
    anaphor: bool = False
    guard: bool = False
    ignore: bool = False


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
    topic: re.Pattern[str]  # a country named right after these is a subject ("talks on ...")
    coordination: re.Pattern[str]  # what may stand between coordinated countries
    thresholds: dict[str, float]
    weights: dict[str, float]
    countries: tuple[str, ...] = field(default=())


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
        phrase: str, codes: tuple[str, ...], *, capital: bool, cased: bool, noun: bool
    ) -> None:
        e = entry(phrase)
        e.codes = tuple(sorted(set(e.codes) | set(codes)))
        e.capital = e.capital or capital
        e.noun = e.noun or noun
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
            add_country(p, (code,), capital=False, cased=True, noun=False)
        for p in _strings(spec.get("institutions"), f"countries.{code}.institutions"):
            add_country(p, (code,), capital=False, cased=False, noun=False)
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

    home = data.get("home", "KR")
    if home not in countries:
        raise _RulesError(f"home {home!r} is not under countries")

    cg = data.get("capital_guards") or {}
    if not isinstance(cg, dict) or set(cg) - {"before", "after", "arrival"}:
        raise _RulesError("capital_guards must be a mapping with 'before', 'after', 'arrival'")
    after_words = _strings(cg.get("after"), "capital_guards.after")
    before = _tail(_strings(cg.get("before"), "capital_guards.before"))
    arrival = _tail(_strings(cg.get("arrival"), "capital_guards.arrival"))
    topic = _tail(_strings(data.get("topic_markers"), "topic_markers"))
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
    )


def _tail(words: list[str]) -> re.Pattern[str]:
    """A regex for "the text ends with one of these words and a space" (used on a window)."""
    alts = "|".join(_SEP_PATTERN.join(map(re.escape, w.split())) for w in words) or "(?!)"
    return re.compile(r"(?:^|\W)(?:" + alts + r")\s+(?:the\s+)?$", re.IGNORECASE)


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


@dataclass(frozen=True)
class _Mention:
    codes: tuple[str, ...]
    surface: str
    start: int
    end: int
    capital: bool  # a metonym: counts only in a sentence with diplomacy language
    topic: bool  # "talks on North Korea": the subject, not a party
    venue: bool = False  # "in Seoul": says where, so only shows the home country is involved


@dataclass
class _Unit:
    """One sentence (or headline sentence) being collected."""

    mentions: list[_Mention] = field(default_factory=list)
    weight: float = 0.0
    terms: list[str] = field(default_factory=list)
    anaphor: bool = False
    guards: list[str] = field(default_factory=list)

    def empty(self) -> bool:
        return not (self.mentions or self.weight or self.anaphor)


class _Scan:
    """Accumulates one article's evidence sentence by sentence."""

    def __init__(self, rules: Rules) -> None:
        self.rules = rules
        self.pairs: dict[tuple[str, str], float] = defaultdict(float)
        self.countries: dict[str, set[str]] = defaultdict(set)
        self.terms: set[str] = set()
        self.guards: set[str] = set()
        self.venues: set[str] = set()  # capitals named as venues in diplomatic sentences
        self.implicit: list[tuple[str, float]] = []
        self.last_group: tuple[str, ...] = ()

    def feed(self, text: str, mult: float) -> None:
        rules = self.rules
        entries = rules.entries
        unit = _Unit()
        search = rules.pattern.search
        pos = 0
        while (m := search(text, pos)) is not None:
            pos = m.end()
            if m.lastgroup == "br":
                if not unit.empty():
                    self._flush(unit, text, mult)
                    unit = _Unit()
                continue
            surface = m.group("t")
            e = entries.get(_key(surface))
            if e is None or e.ignore:
                continue
            if e.codes:
                start, end = m.span()
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
                            _Mention(e.codes, surface, start, end, True, False, venue=True)
                        )
                        continue
                if (
                    e.noun
                    and not e.capital
                    and _CITY_COUNTRY.search(text, lo, start)
                    and _VENUE_END.match(text, end)
                ):
                    continue  # "in Hiroshima, Japan, on Saturday": a venue
                topic = e.noun and rules.topic.search(text, lo, start) is not None
                unit.mentions.append(_Mention(e.codes, surface, start, end, e.capital, topic))
            if e.weight:
                unit.weight += e.weight
                unit.terms.append(_key(surface))
            if e.anaphor:
                unit.anaphor = True
            if e.guard:
                unit.guards.append(surface)
        if not unit.empty():
            self._flush(unit, text, mult)

    def _flush(self, unit: _Unit, text: str, mult: float) -> None:
        w = self.rules.weights
        diplomatic = unit.weight > 0
        mentions = [mn for mn in unit.mentions if diplomatic or not mn.capital]
        for mn in mentions:
            if mn.venue:
                self.venues.update(mn.codes)
                continue
            for c in mn.codes:
                self.countries[c].add(mn.surface)
        parties = [mn for mn in mentions if not (mn.topic or mn.venue)]
        codes = {c for mn in parties for c in mn.codes}
        groups = self._coordinated(parties, text)
        if 2 <= len(codes) <= w["large_group"]:
            coordinated = [g for g in groups if 2 <= len(g) <= w["large_group"]]
            self.last_group = tuple(sorted(coordinated[0] if coordinated else codes))
        if not diplomatic:
            return
        self.terms.update(unit.terms)
        weight = min(unit.weight, w["unit_cap"]) * mult
        if unit.guards:
            self.guards.update(unit.guards)
            weight *= w["guard_damping"]
        if len(codes) >= 2:
            together = {p for g in groups for p in itertools.combinations(sorted(g), 2)}
            size = max((len(g) for g in groups), default=len(codes))
            if size > w["large_group"]:
                weight *= (w["large_group"] - 1) / (size - 1)
            for pair in itertools.combinations(sorted(codes), 2):
                factor = 1.0 if not together or pair in together else w["uncoordinated"]
                self.pairs[pair] += weight * factor
        elif unit.anaphor and self.last_group and codes <= set(self.last_group):
            for pair in itertools.combinations(self.last_group, 2):
                self.pairs[pair] += weight * w["anaphora"]
        elif len(codes) == 1:
            (code,) = codes
            if code != self.rules.home:
                # "his Japanese counterpart" names the second party; a bare mention does not.
                factor = w["anaphora"] if unit.anaphor else w["implicit_home"]
                self.implicit.append((code, weight * factor))

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

    def result(self) -> dict[str, Any]:
        rules = self.rules
        t = rules.thresholds
        if rules.home in self.countries or rules.home in self.venues:
            for code, weight in self.implicit:
                pair = (code, rules.home) if code < rules.home else (rules.home, code)
                self.pairs[pair] += weight
        best = max(self.pairs.values(), default=0.0)
        bilateral = best >= t["bilateral"] and best > 0
        pairs: list[list[str]] = []
        if bilateral:
            floor = max(t["pair_min"], t["pair_relative"] * best)
            pairs = sorted([a, b] for (a, b), s in self.pairs.items() if s >= floor)
        return {
            "bilateral": bilateral,
            "pairs": pairs,
            "score": round(best, 2),
            "evidence": {
                "countries": {c: sorted(s) for c, s in sorted(self.countries.items())},
                "diplomacy": sorted(self.terms),
                "guards": sorted(self.guards),
            },
        }


def classify(title: str, body: str, rules: Rules) -> dict[str, Any]:
    """Tag one article: `{"bilateral", "pairs", "score", "evidence"}` (see module docstring).

    `pairs` is empty when the article is not bilateral; `evidence` always says what matched,
    so a surprising tag can be explained from the stored row alone.
    """
    scan = _Scan(rules)
    if title:
        scan.feed(title, rules.weights["title"])
    if body:
        scan.feed(body, 1.0)
    return scan.result()
