"""Re-running the relevance tagger on stored articles, after its rules changed.

The tags (`topic_bilateral`, `topic_pairs`, `topic_score`, `topic_evidence`) are computed
once, when an article is stored; a better rules file does nothing for what is already in the
database until `newscrawl retag` recomputes them from the stored title and body. Nothing is
fetched or re-extracted. Story-level data needs no separate update: `v_stories`,
`newscrawl timeline` and `newscrawl stats` read the articles' tags when they are queried.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import psycopg
from psycopg.types.json import Jsonb

from newscrawl.db import queries
from newscrawl.topic import Rules, classify

BATCH = 500  # articles written per transaction

# Only rows whose text is still what was tagged: a crawl storing a new version meanwhile wins.
UPDATE_SQL = """
UPDATE articles SET topic_bilateral = %(bilateral)s, topic_pairs = %(pairs)s,
       topic_score = %(score)s, topic_evidence = %(evidence)s, updated_at = now()
WHERE id = %(id)s AND content_hash IS NOT DISTINCT FROM %(content_hash)s"""


@dataclass
class RetagCounts:
    """What a retag found, for the one-line summary."""

    articles: int = 0
    became_bilateral: int = 0
    no_longer: int = 0
    pairs_changed: int = 0
    rescored: int = 0  # same tags, new score or evidence
    skipped: int = 0  # the article changed while being retagged: left to the next run
    examples: list[str] = field(default_factory=list)  # "id: old -> new", a few

    @property
    def changed(self) -> int:
        return self.became_bilateral + self.no_longer + self.pairs_changed

    def summary(self, dry_run: bool = False) -> str:
        """ "1,204 articles: 37 changed (12 became bilateral, 5 no longer, 20 pairs changed)" """
        text = (
            f"{self.articles:,} articles: {self.changed:,} changed "
            f"({self.became_bilateral:,} became bilateral, {self.no_longer:,} no longer, "
            f"{self.pairs_changed:,} pairs changed); {self.rescored:,} re-scored only"
        )
        if self.skipped:
            text += f"; {self.skipped:,} skipped (changed while retagging)"
        if dry_run:
            text += " (dry run: nothing written)"
        return text


def _stored(conn: psycopg.Connection, filters: queries.Filters) -> Iterator[tuple[Any, ...]]:
    where, params = filters.where()
    with conn.cursor(name="newscrawl_retag") as cur:
        cur.itersize = BATCH
        cur.execute(
            f"""SELECT a.id, a.title, a.body, a.topic_bilateral, a.topic_pairs, a.topic_score,
                       a.topic_evidence, a.content_hash
                FROM articles a WHERE {where} ORDER BY a.id""",
            params,
        )
        yield from cur


def retag(
    read_conn: psycopg.Connection,
    write_conn: psycopg.Connection,
    filters: queries.Filters,
    rules: Rules,
    dry_run: bool = False,
) -> RetagCounts:
    """Recompute the topic of every selected article; write those that differ.

    `read_conn` streams the articles through a server-side cursor (constant memory);
    `write_conn` (not in autocommit) commits every `BATCH` updates.
    """
    counts = RetagCounts()
    pending: list[dict[str, Any]] = []

    def flush() -> None:
        if not pending or dry_run:
            pending.clear()
            return
        with write_conn.cursor() as cur:
            for row in pending:
                cur.execute(UPDATE_SQL, row)
                if cur.rowcount == 0:
                    counts.skipped += 1
        write_conn.commit()
        pending.clear()

    with read_conn.transaction():
        for aid, title, body, old_bil, old_pairs, old_score, old_ev, chash in _stored(
            read_conn, filters
        ):
            counts.articles += 1
            topic = classify(title or "", body or "", rules)
            pairs = ["-".join(p) for p in topic["pairs"]]
            before, after = bool(old_bil), topic["bilateral"]
            if after and not before:
                counts.became_bilateral += 1
            elif before and not after:
                counts.no_longer += 1
            elif sorted(old_pairs or []) != pairs:
                counts.pairs_changed += 1
            elif old_bil is not None and _same_score(old_score, topic["score"]) and (
                old_ev == topic["evidence"]
            ):
                continue  # nothing to write
            else:
                counts.rescored += 1
            if (before != after or sorted(old_pairs or []) != pairs) and len(
                counts.examples
            ) < 5:
                counts.examples.append(
                    f"{aid}: {_tags(old_bil, old_pairs)} -> {_tags(after, pairs)}"
                )
            pending.append(
                {"id": aid, "bilateral": after, "pairs": pairs, "score": topic["score"],
                 "evidence": Jsonb(topic["evidence"]), "content_hash": chash}
            )  # fmt: skip
            if len(pending) >= BATCH:
                flush()
        flush()
    return counts


def _same_score(old: float | None, new: float) -> bool:
    # `topic_score` is a real (float4): compare at its precision.
    return old is not None and abs(float(old) - new) < 0.005


def _tags(bilateral: bool | None, pairs: list[str] | None) -> str:
    if not bilateral:
        return "not bilateral"
    return " ".join(sorted(pairs or [])) or "bilateral"
