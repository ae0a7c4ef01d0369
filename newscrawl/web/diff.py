"""Differences between two texts, word by word (difflib), for the story and article pages."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

TOKEN = re.compile(r"\s+|[^\s]+")
MAX_TOKENS = 40_000  # beyond this a comparison is not attempted (quadratic worst case)
CONTEXT = 25  # words kept on each side of a change when unchanged text is shortened


@dataclass(frozen=True)
class Piece:
    op: str  # "equal", "insert", "delete" or "skip" (unchanged text left out)
    text: str


def compare(old: str | None, new: str | None, shorten: bool = True) -> list[Piece] | None:
    """The pieces that turn `old` into `new`; None when either is too long to compare."""
    a, b = TOKEN.findall(old or ""), TOKEN.findall(new or "")
    if len(a) > MAX_TOKENS or len(b) > MAX_TOKENS:
        return None
    pieces: list[Piece] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op in ("delete", "replace"):
            pieces.append(Piece("delete", "".join(a[i1:i2])))
        if op in ("insert", "replace"):
            pieces.append(Piece("insert", "".join(b[j1:j2])))
        if op == "equal":
            pieces.append(Piece("equal", "".join(a[i1:i2])))
    return _shorten(pieces) if shorten else pieces


def changed(pieces: list[Piece] | None) -> bool:
    return pieces is None or any(p.op in ("insert", "delete") for p in pieces)


def _shorten(pieces: list[Piece]) -> list[Piece]:
    """Long unchanged stretches keep CONTEXT words next to each change, the rest is skipped."""
    out: list[Piece] = []
    for i, piece in enumerate(pieces):
        words = TOKEN.findall(piece.text)
        keep = 2 * CONTEXT  # tokens: a word and the space after it
        if piece.op != "equal" or len(words) <= 3 * keep:
            out.append(piece)
            continue
        head = "".join(words[:keep]) if i > 0 else ""
        tail = "".join(words[-keep:]) if i < len(pieces) - 1 else ""
        if head:
            out.append(Piece("equal", head))
        out.append(Piece("skip", "…"))
        if tail:
            out.append(Piece("equal", tail))
    return out
