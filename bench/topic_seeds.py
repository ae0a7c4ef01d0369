"""Draw the scenarios a new held-out part of the wire-style set is written to.

Why: writers who choose their own scenarios choose similar ones (parts 2 and 3, docs/topic.md),
so from part 4 on every article is written to a scenario drawn at random. The lists drawn
from are the countries, events, twists and non-diplomatic genres that parts 4 and 5's seed
files use, read from those files, so the draw needs nothing but them and a seed.

    .venv/bin/python bench/topic_seeds.py SEED [--articles 56] [--prefixes i,j]

Prints one scenario per line, ids PREFIX01.. split evenly between the prefixes (one per
writer): a third not diplomacy, and among the rest a little over half with South Korea.
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "tests" / "topic" / "data"
SOURCES = ("heldout-4-seeds.txt", "heldout-5-seeds.txt")
HOME = "South Korea"
_DIPLOMACY = re.compile(r"\w+\. diplomacy: (.+?) and (.+?); event: (.+?); twist: (.+)$")
_OTHER = re.compile(r"\w+\. not diplomacy: (.+?); countries mentioned: (.+?), (.+)$")


def read_lists() -> tuple[list[str], list[str], list[str], list[str]]:
    """Countries, events, twists and genres of the earlier seed files, sorted."""
    countries: set[str] = set()
    events: set[str] = set()
    twists: set[str] = set()
    genres: set[str] = set()
    for name in SOURCES:
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            if (m := _DIPLOMACY.match(line)) is not None:
                countries.update(m.group(1, 2))
                events.add(m.group(3))
                twists.add(m.group(4))
            elif (m := _OTHER.match(line)) is not None:
                genres.add(m.group(1))
                countries.update(m.group(2, 3))
    return sorted(countries), sorted(events), sorted(twists), sorted(genres)


def draw(seed: int, articles: int, prefixes: list[str]) -> list[str]:
    countries, events, twists, genres = read_lists()
    others = [c for c in countries if c != HOME]
    rng = random.Random(seed)
    negatives = articles // 3
    with_home = (articles - negatives) * 11 // 20
    kinds = ["not"] * negatives + ["home"] * with_home
    kinds += ["between"] * (articles - len(kinds))
    rng.shuffle(kinds)
    lines = []
    per_writer = -(-articles // len(prefixes))
    for i, kind in enumerate(kinds):
        sid = f"{prefixes[i // per_writer]}{i % per_writer + 1:02d}"
        if kind == "not":
            a, b = rng.sample(countries, 2)
            lines.append(f"{sid}. not diplomacy: {rng.choice(genres)}; countries mentioned: "
                         f"{a}, {b}")
            continue
        a, b = (HOME, rng.choice(others)) if kind == "home" else rng.sample(others, 2)
        lines.append(f"{sid}. diplomacy: {a} and {b}; event: {rng.choice(events)}; twist: "
                     f"{rng.choice(twists)}")
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("seed", type=int)
    ap.add_argument("--articles", type=int, default=56)
    ap.add_argument("--prefixes", default="i,j", help="one id prefix per writer")
    args = ap.parse_args()
    print("\n".join(draw(args.seed, args.articles, args.prefixes.split(","))))


if __name__ == "__main__":
    main()
