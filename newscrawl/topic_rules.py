"""The relevance rules file (`newscrawl/data/topics.yaml` or a user's copy): read, checked
and compiled once into `Rules`, which `newscrawl.topic.classify` applies to every article.

Why a module of its own: the tagger's grammar (who is a party, what is a subject) lives in
`newscrawl.topic`; what the rules file may say, and how it becomes one regex and a lookup
table, is a separate concern with its own errors (one line naming the file, see
docs/topic.md).
"""

from __future__ import annotations

import functools
import importlib.resources
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from newscrawl.errors import UsageError

__all__ = ["Entry", "Rules", "default_rules", "key", "load_rules", "surface_form"]

_SEP_CHARS = r"\s\-\u2010\u2011\u2013"
_SEP_RUN = re.compile(f"[{_SEP_CHARS}]+")
_SEP_PATTERN = f"[{_SEP_CHARS}]+"
_CODE = re.compile(r"^[A-Z]{2}$")
# End of a sentence: punctuation after a lower-case letter, digit or closing quote/bracket
# (so "U.S. Secretary" and "S. Korea" do not split), then space and a capital or a quote.
# A title's abbreviation is no sentence end: "the remains of Sgt. Giovanni Ferraro".
_ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Capt", "Maj", "Sgt",
                  "Cpl", "Adm", "Gov", "Sen", "Rep", "St")
_BOUNDARY = (
    r"(?P<br>\n|(?-i:(?:(?<=[a-z0-9)\"'\u201d\u2019][.!?])"
    + "".join(rf"(?<!\b{a}\.)" for a in _ABBREVIATIONS)
    + r"|(?<=[a-z0-9)][.!?][\"\u201d]))"
    r"\s+(?=(?-i:[A-Z\"\u201c\u2018]))))"
)

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


@functools.lru_cache(maxsize=8192)
def key(text: str) -> str:
    """Normalise a phrase or a match for lookup: lower case, one space for any separator run."""
    return _SEP_RUN.sub(" ", text.replace("\u2019", "'")).strip().lower()


@functools.lru_cache(maxsize=8192)
def surface_form(text: str) -> str:
    """Like `_key` but keeping case, for the case-sensitive country phrases."""
    return _SEP_RUN.sub(" ", text.replace("\u2019", "'")).strip()


@dataclass
class Entry:
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
    entries: dict[str, Entry]
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
    home_surnames: frozenset[str] = frozenset()  # the home officials' surnames
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

    entries: dict[str, Entry] = {}

    def entry(phrase: str) -> Entry:
        return entries.setdefault(key(phrase), Entry())

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
            form = surface_form(phrase)
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
        if p.endswith("s") or not p[-1].isalpha():
            return [p]
        if p.endswith("y") and len(p) > 1 and p[-2] not in "aeiou":
            return [p, p + "s", p[:-1] + "ies"]  # "embassy", "embassies"
        if p.endswith(("ch", "sh", "x")):
            return [p, p + "es"]
        return [p, p + "s"]

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
    official_keys = {key(v) for p in officials for v in plural(p)}
    for phrase_key, e in entries.items():
        # "defense minister" and "vice foreign minister" end with an official's title.
        words = phrase_key.split()
        if any(" ".join(words[i:]) in official_keys for i in range(len(words))):
            e.official = True
    for k in official_keys:
        entries.setdefault(k, Entry()).official = True
    # A longer phrase hides the shorter ones inside it ("vice foreign minister" contains the
    # term "foreign minister"): it keeps their weight and their official's title.
    for phrase_key, e in entries.items():
        words = phrase_key.split()
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
    # Added after the step above on purpose: "the foreign ministry" (the home body) carries no
    # diplomacy weight of its own, since a story that only cites it ("..., the foreign
    # ministry said") is not diplomatic for that; with the term's weight, the replica's
    # bilateral precision fell from 1.000 to 0.928.
    ho = _mapping(data.get("home_officials"), "home_officials", _HOME_KEYS)
    for p in _strings(ho.get("institutions"), "home_officials.institutions"):
        entry(p).home = True
    titles = _strings(ho.get("titles"), "home_officials.titles")
    surnames = _strings(ho.get("surnames"), "home_officials.surnames")
    home_title = (
        re.compile(
            r"\b(?:" + "|".join(_SEP_PATTERN.join(map(re.escape, t.split())) for t in
                                sorted(titles, key=len, reverse=True))
            # "Director-General for Asian and Pacific Affairs Han Ji-yeon"
            + r")(?:\s+(?:for|of|to)(?:\s+(?:[A-Z][a-z]+|and|the)){1,6}?)?\s+(?P<surname>"
            + "|".join(map(re.escape, surnames))
            + r")\b"
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
        home_surnames=frozenset(surnames),
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

