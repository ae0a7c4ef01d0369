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


# -- near-duplicate fingerprint --------------------------------------------------------------
#
# MinHash by one-permutation hashing: every word 5-shingle is hashed once (blake2b, 64 bits),
# its low bits pick one of SIGNATURE_SIZE bins and the rest compete for the bin's minimum.
# Empty bins borrow from the next filled bin (densification), so short texts still give a full
# signature. The share of equal positions of two signatures estimates their Jaccard similarity.
# LSH bands (BANDS x ROWS) make candidate lookup an index search in PostgreSQL.

SHINGLE_WORDS = 5
SIGNATURE_SIZE = 64
BANDS = 16
ROWS = SIGNATURE_SIZE // BANDS
MIN_WORDS = 25  # below this, texts are too short to call near-duplicates
_BIN_BITS = 6  # log2(SIGNATURE_SIZE)
_EMPTY = (1 << 58) - 1
_WORD = re.compile(r"[^\W_]+")
# Wire copies differ from the original in the dateline and a trailing "(Yonhap)" credit.
_DATELINE = re.compile(
    r"^[A-Z][A-Za-z .'-]{1,40}(?:, [A-Z][a-z]{2,4}\.? \d{1,2})?\s*(?:\([^)]*\))?\s*--\s*"
)
_CREDIT = re.compile(r"\s*\((?:Yonhap|AP|AFP|Reuters|Xinhua|Kyodo)\)\s*$")


def _h64(data: str) -> int:
    return int.from_bytes(hashlib.blake2b(data.encode("utf-8"), digest_size=8).digest(), "big")


def fingerprint_words(body: str | None) -> list[str]:
    """The words a fingerprint is built from: no dateline, no trailing wire credit."""
    text = _CREDIT.sub("", _DATELINE.sub("", (body or "").strip()))
    return _WORD.findall(normalize_text(text))


def minhash(body: str | None) -> list[int] | None:
    """The MinHash signature of a body, or None when it is too short to compare."""
    words = fingerprint_words(body)
    if len(words) < MIN_WORDS:
        return None
    bins = [_EMPTY] * SIGNATURE_SIZE
    for i in range(len(words) - SHINGLE_WORDS + 1):
        h = _h64(" ".join(words[i : i + SHINGLE_WORDS]))
        slot, value = h & (SIGNATURE_SIZE - 1), h >> _BIN_BITS
        if value < bins[slot]:
            bins[slot] = value
    filled = [i for i, v in enumerate(bins) if v != _EMPTY]
    for i in range(SIGNATURE_SIZE):
        if bins[i] == _EMPTY:
            donor = next((j for j in filled if j > i), filled[0])
            bins[i] = (bins[donor] + (i + 1) * 0x9E3779B1) & _EMPTY
    return bins


def band_hashes(signature: list[int]) -> list[int]:
    """One signed 64-bit hash per LSH band (PostgreSQL bigint)."""
    out = []
    for band in range(BANDS):
        chunk = signature[band * ROWS : (band + 1) * ROWS]
        h = _h64(f"{band}:" + ",".join(map(str, chunk)))
        out.append(h - (1 << 64) if h >= 1 << 63 else h)
    return out


def similarity(a: list[int], b: list[int]) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    return sum(x == y for x, y in zip(a, b, strict=True)) / SIGNATURE_SIZE
