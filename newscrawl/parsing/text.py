"""Small text helpers shared by the layout parsers, the site rules and the cleaning.

They know no site: names that are a publisher rather than a person, and the suffixes sites
append to headlines, are passed in (`newscrawl.sites` collects them from every site module).
Kept free of parsing state so the cleaning can run in worker processes.
"""

from __future__ import annotations

import html
import re
from collections.abc import Collection

_SPACES = re.compile(r"[^\S\n]+")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_BYLINE = re.compile(r"^\s*By\s+(.+?)\s*$", re.IGNORECASE)
_EMAILS = re.compile(r"\s*\(?[\w.+-]+@[\w-]+(?:\.[\w-]+)+\)?")
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b)\s*", re.IGNORECASE)
_NAME = re.compile(r"^[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|da|bin))*$")
_LETTER = re.compile(r"[^\W\d_]")  # what str.isalpha() accepts, near enough
HANGUL = re.compile("[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")


def norm(text: str | None) -> str:
    """Entities decoded, invisible characters dropped, spaces collapsed, lines trimmed."""
    if not text:
        return ""
    if _ENTITY.search(text):  # double-escaped entities ("&amp;apos;") in attributes
        text = html.unescape(text)
    text = _INVISIBLE.sub("", text.replace("\u00a0", " ").replace("\r", "\n"))
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def one_line(text: str | None) -> str:
    """`norm`, then everything on one line (titles, names, captions)."""
    return norm(text).replace("\n", " ")


def suffix_pattern(names: Collection[str]) -> re.Pattern[str]:
    """" | Name", " - Name", ": Name"... at the end of a headline, for any of `names`."""
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"\s*(?:\||-|–|—|:)\s*(?:{alternatives})\s*$", re.IGNORECASE)


def strip_suffix(title: str | None, suffix: re.Pattern[str]) -> str | None:
    """A headline without the site's name appended (repeatedly); None when empty."""
    title = one_line(title)
    while True:
        stripped = suffix.sub("", title)
        if stripped == title:
            break
        title = stripped
    return title or None


def split_authors(text: str | None, not_people: Collection[str]) -> list[str]:
    """Names from a byline: "By A, B and C" -> [A, B, C]; `not_people` (lower-case publisher
    names) are dropped."""
    text = one_line(text)
    m = _BYLINE.match(text)
    if m:
        text = m.group(1)
    text = _EMAILS.sub("", text)  # "By Kim (kim@site.com)"
    names = []
    for part in _AUTHOR_SPLIT.split(text):
        part = part.strip(" .:-")
        if part and part.lower() not in not_people and part not in names:
            names.append(part)
    return names


def byline_names(text: str | None, not_people: Collection[str]) -> list[str] | None:
    """Names when `text` is a byline line ("By ..."), else None ([] for "By <publisher>")."""
    text = one_line(text)
    m = _BYLINE.match(text)
    if not m or len(text) > 120:
        return None
    parts = [p.strip(" .:-") for p in _AUTHOR_SPLIT.split(_EMAILS.sub("", m.group(1)))]
    parts = [p for p in parts if p]
    if not parts or not all(looks_like_name(p) for p in parts):
        return None
    return split_authors(text, not_people)


def looks_like_name(text: str) -> bool:
    """Capitalised words, at most five: "Kim Seung-yeon", "Yonhap", "Anna de Souza"."""
    return len(text.split()) <= 5 and bool(_NAME.match(text))


def hangul_share(text: str) -> float:
    """Share of Hangul among letters: cheap language evidence for the two sites."""
    sample = text[:20000]
    letters = len(_LETTER.findall(sample))
    if not letters:
        return 0.0
    return len(HANGUL.findall(sample)) / letters


def dedupe(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return out
