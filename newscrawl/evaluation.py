"""Scoring extracted text against a ground truth, shared by the tests and the benchmarks.

Dependency-free on purpose: bench/peers.py runs it inside the peers' own environment.
"""

from __future__ import annotations

import re
from collections import Counter

_WORD = re.compile(r"\w+")


def token_f1(expected: str | None, got: str | None, words: bool = False) -> float:
    """Bag-of-tokens F1 of `got` against `expected`.

    Tokens are whitespace-separated strings (punctuation and case count: what the benchmarks
    report), or with `words=True` lower-cased word tokens (trafilatura's own benchmark
    measure, used by the quality gate).
    """
    if words:
        a = Counter(t.lower() for t in _WORD.findall(expected or ""))
        b = Counter(t.lower() for t in _WORD.findall(got or ""))
    else:
        a, b = Counter((expected or "").split()), Counter((got or "").split())
    if not a and not b:
        return 1.0
    common = sum((a & b).values())
    if not common:
        return 0.0
    precision, recall = common / sum(b.values()), common / sum(a.values())
    return 2 * precision * recall / (precision + recall)
