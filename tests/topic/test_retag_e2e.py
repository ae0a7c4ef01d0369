"""`newscrawl retag` end to end: a replica crawl into PostgreSQL, then the real command run
after a rules change and after it is undone; the timeline follows the stored tags."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from newscrawl.topic import _default_path
from tests.e2e_support import crawl_replica, run_newscrawl, stored_articles

pytestmark = pytest.mark.e2e


def _tags(database_url: str) -> dict[str, tuple]:
    return {
        url: (row["topic_bilateral"], sorted(row["topic_pairs"]), row["topic_evidence"])
        for url, row in stored_articles(database_url).items()
    }


def _timeline(database_url: str, pair: str) -> list[dict]:
    result = run_newscrawl(["timeline", "--pair", pair, "--format", "json"], database_url)
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout)


def test_retag_after_a_rules_change(replica_factory, database_url, tmp_path: Path):
    server = replica_factory(articles=15, seed=4)
    assert crawl_replica(server, database_url).returncode == 0
    server.stop()  # no network from here on
    crawled = _tags(database_url)
    bilateral = sum(1 for b, _p, _e in crawled.values() if b)
    pair = next(p for b, pairs, _e in crawled.values() if b for p in pairs)
    assert bilateral and _timeline(database_url, pair)

    # Same rules as the crawl: nothing to change.
    same = run_newscrawl(["retag"], database_url)
    assert same.returncode == 0, same.stderr[-2000:]
    assert same.stdout.startswith(f"{len(crawled)} articles: 0 changed"), same.stdout
    assert _tags(database_url) == crawled

    # A stricter rules file, given the way the crawl takes it (NEWSCRAWL_TOPIC_RULES).
    data = yaml.safe_load(_default_path().read_text(encoding="utf-8"))
    data["thresholds"]["bilateral"] = 1000.0
    strict = tmp_path / "strict.yaml"
    strict.write_text(yaml.safe_dump(data), encoding="utf-8")
    result = run_newscrawl(["retag"], database_url, env={"NEWSCRAWL_TOPIC_RULES": str(strict)})
    assert result.returncode == 0, result.stderr[-2000:]
    assert f"{bilateral} no longer" in result.stdout, result.stdout
    assert not any(b for b, _p, _e in _tags(database_url).values())
    assert _timeline(database_url, pair) == []

    # Back to the packaged rules: the crawl's tags again, evidence included.
    back = run_newscrawl(["retag"], database_url)
    assert back.returncode == 0, back.stderr[-2000:]
    assert f"{bilateral} became bilateral" in back.stdout, back.stdout
    assert _tags(database_url) == crawled
    assert _timeline(database_url, pair)
