"""Content identity of an article: an exact hash of its normalised text.

Computed once per article by the store pipeline; the normalisation makes whitespace, case and
typographic quotes irrelevant, so a refetch of an unchanged page always gives the same hash.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_SPACE = re.compile(r"\s+")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def normalize_text(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "").translate(_QUOTES)
    return _SPACE.sub(" ", text).strip().lower()


def content_hash(title: str | None, body: str | None) -> bytes:
    """sha256 over the normalised title and body."""
    joined = normalize_text(title) + "\n" + normalize_text(body)
    return hashlib.sha256(joined.encode("utf-8")).digest()
