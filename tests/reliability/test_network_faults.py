"""Network faults: with 20% of requests failing, a crawl plus at most one more run stores every
valid article exactly once, with its right content.

The replica answers 20% of requests (feeds, listings, sitemap and articles alike) with a fault:
500/503, 429 with Retry-After, a dropped connection, a response slower than the download
timeout, or a body cut off after half its Content-Length. 40 articles per site, so every
article is in the feeds and the expected set is the whole ground truth.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from newscrawl.evaluation import token_f1
from tests.e2e_support import crawl_replica, stored_articles
from tests.reliability.helpers import duplicated, partial_rows, runs

pytestmark = pytest.mark.e2e

FAULTS = "error=0.05,429=0.04,drop=0.04,slow=0.04,truncate=0.03,slowsec=3,retryafter=1,seed=7"
ARGS = ("-s", "DOWNLOAD_TIMEOUT=2")  # shorter than the 3 s of a slow fault: a timeout


def test_twenty_percent_faults_lose_nothing_and_store_nothing_twice(replica_factory, database_url):
    """Expected = stored, duplicated = 0, lost = 0 after at most two runs; every fault kind
    happened; every stored article has the ground truth's title and body (a truncated
    or failed response never became a stored article) and exactly one version."""
    server = replica_factory(articles=40, seed=4, faults=FAULTS)
    truth = {t["canonical_url"]: t for t in server.site.ground_truth()}

    first = crawl_replica(server, database_url, *ARGS)
    assert "Traceback" not in first.stderr, first.stderr[-3000:]
    after_first = set(stored_articles(database_url))
    log = server.stats
    faults = {kind: log.count(fault=kind) for kind in ("error", "429", "drop", "slow",
                                                        "truncate")}  # fmt: skip
    total = len(log.records())
    # Which requests draw which fault depends on the exact set of requests: most kinds, not
    # necessarily every one, happen in a single run of ~150 requests.
    assert sum(1 for n in faults.values() if n) >= 4, faults
    assert 0.12 <= sum(faults.values()) / total <= 0.30, (faults, total)

    runs_needed = 1
    if set(truth) - after_first:
        runs_needed = 2
        second = crawl_replica(server, database_url, *ARGS)
        assert "Traceback" not in second.stderr, second.stderr[-3000:]
        assert second.returncode == 0, second.stderr[-3000:]

    stored = stored_articles(database_url)
    figures = {
        "expected": len(truth),
        "stored": len(set(stored) & set(truth)),
        "duplicated": duplicated(database_url),
        "lost": len(set(truth) - set(stored)),
        "extra": len(set(stored) - set(truth)),
        "runs": runs_needed,
        "requests": total,
        "faults": faults,
    }
    print(f"\nnetwork faults: {figures}")
    assert figures["lost"] == 0 and figures["extra"] == 0 and figures["duplicated"] == 0
    assert figures["stored"] == figures["expected"] == 80
    assert partial_rows(database_url) == []
    for url, expected in truth.items():
        row = stored[url]
        assert row["title"] == expected["title"], url
        assert row["published_at"] == datetime.fromisoformat(expected["published_at"]), url
        body = "\n\n".join(expected["body_paragraphs"])
        assert token_f1(body, row["body"] or "") >= 0.99, url
        assert row["problems"] == [], (url, row["problems"])
    recorded = runs(database_url)
    assert len(recorded) == 2 * runs_needed
    assert all(r["finished_at"] is not None for r in recorded)
    retried = sum((r["stats"] or {}).get("retry/count", 0) for r in recorded)
    assert retried >= sum(faults.values()) // 2  # the faults were retried, not ignored


def test_every_429_is_retried(replica_factory, database_url):
    """30% of requests answered 429 (Retry-After: 1): every one of them is retried by the
    backoff middleware (or counted as given up), and every article is stored once after at
    most two runs."""
    server = replica_factory(articles=10, seed=4, faults="429=0.3,retryafter=1,seed=2")
    truth = {t["canonical_url"] for t in server.site.ground_truth()}
    for _ in range(2):  # four 429s in a row (0.3**4) are given up on: one more run
        result = crawl_replica(server, database_url)
        assert "Traceback" not in result.stderr, result.stderr[-3000:]
        if set(stored_articles(database_url)) == truth:
            break
    assert set(stored_articles(database_url)) == truth
    assert duplicated(database_url) == 0
    served = server.stats.count(status=429)
    assert served > 0
    retried = gave_up = 0
    for run in runs(database_url):
        retried += run["stats"].get("retry/reason_count/HTTP 429", 0)
        gave_up += run["stats"].get("retry/max_reached", 0)
    assert retried <= served <= retried + gave_up
