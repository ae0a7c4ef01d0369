"""Both spiders in a real Scrapy crawl over HTTP against the replica, into a real PostgreSQL.

The replica's ground truth says what a careful reader would take from each page; the stored
articles must match it field by field, once each, with its stories and syndicated copies.
"""

from __future__ import annotations

import subprocess
import sys
from collections import Counter, defaultdict
from datetime import date, datetime
from pathlib import Path

import psycopg
import pytest

from newscrawl.dates import KST
from newscrawl.evaluation import token_f1
from tests.e2e_support import (
    LOOPBACK_SETTINGS,
    ROOT,
    crawl_replica,
    stored_articles,
)

pytestmark = pytest.mark.e2e


@pytest.fixture
def small_replica(replica_factory):
    # 40 articles per site: every one of them is in the feeds, so all are discoverable.
    return replica_factory(articles=40, seed=3)


def truth_by_url(server):
    return {t["canonical_url"]: t for t in server.site.ground_truth()}


def test_every_article_is_stored_once_with_its_fields(small_replica, database_url):
    result = crawl_replica(small_replica, database_url)
    assert result.returncode == 0, result.stderr[-3000:]
    truth = truth_by_url(small_replica)
    stored = stored_articles(database_url)
    assert set(stored) == set(truth)
    for url, expected in truth.items():
        row = stored[url]
        assert row["title"] == expected["title"], url
        assert row["published_at"] == datetime.fromisoformat(expected["published_at"]), url
        assert row["authors"] == expected["authors"], url
        assert row["source"] == expected["source"]
        body = "\n\n".join(expected["body_paragraphs"])
        assert token_f1(body, row["body"] or "") >= 0.99, url
        assert set(row["captions"]) == set(expected["captions"]), url  # repeats kept once
    first, *summary = result.stdout.strip().splitlines()
    assert first.startswith("database ready: ")
    assert [line.split(":")[0] for line in summary] == ["yonhap", "koreaherald"]


def test_stories_and_copies_match_the_ground_truth(small_replica, database_url):
    assert crawl_replica(small_replica, database_url).returncode == 0
    truth = truth_by_url(small_replica)
    stored = stored_articles(database_url)
    by_story = defaultdict(set)
    for url, t in truth.items():
        by_story[t["story_key"]].add(stored[url]["story_id"])
    assert all(len(ids) == 1 for ids in by_story.values()), "a story was split"
    assert len({next(iter(ids)) for ids in by_story.values()}) == len(by_story), "merged"
    ids = {row["id"]: url for url, row in stored.items()}
    for url, t in truth.items():
        linked = stored[url]["duplicate_of"]
        if t["syndicated_from"]:
            assert linked is not None, f"copy not linked: {url}"
            assert truth[ids[linked]]["story_key"] == t["story_key"]
        else:
            assert linked is None, f"{url} wrongly linked to {ids.get(linked)}"
    with psycopg.connect(database_url) as conn:
        latest = dict(conn.execute("SELECT id, latest_article_id FROM stories").fetchall())
    for key, story_ids in by_story.items():
        members = [u for u, t in truth.items() if t["story_key"] == key
                   and not t["syndicated_from"]]  # fmt: skip
        newest = max(members, key=lambda u: (truth[u]["version"], truth[u]["published_at"]))
        assert latest[next(iter(story_ids))] == stored[newest]["id"], key


def test_second_crawl_requests_no_article_page(small_replica, database_url):
    assert crawl_replica(small_replica, database_url).returncode == 0
    first_articles = small_replica.stats.count(kind="article")
    assert first_articles >= 80
    small_replica.stats.reset()
    result = crawl_replica(small_replica, database_url)
    assert result.returncode == 0, result.stderr[-3000:]
    assert small_replica.stats.count(kind="article") == 0
    assert small_replica.stats.count(kind="feed") >= 5
    assert small_replica.stats.count(kind="listing") >= 4
    assert "0 new" in result.stdout


def test_old_url_forms_are_aliases_and_no_page_is_fetched_twice(small_replica, database_url):
    """list.php links era-D articles by `view.php?ud=`, which 301s to `/article/N`, also
    linked directly: the redirect is read, not followed into a second fetch of the page."""
    assert crawl_replica(small_replica, database_url).returncode == 0
    redirects = [r.path for r in small_replica.stats.records(site="koreaherald", kind="article")
                 if r.path.startswith("/view.php") and r.status == 301]  # fmt: skip
    assert redirects, "the replica links no era-D article by its old form"
    pages = Counter(r.path for r in small_replica.stats.records(kind="article", status=200))
    assert pages and max(pages.values()) == 1, pages.most_common(3)
    with psycopg.connect(database_url) as conn:
        aliases = dict(conn.execute(
            "SELECT u.url, a.canonical_url FROM article_urls u "
            "JOIN articles a ON a.id = u.article_id"
        ).fetchall())  # fmt: skip
    for path in redirects:
        ud = path.split("ud=", 1)[1]
        target = small_replica.site.kh_by_ud[ud].path
        assert aliases[f"https://www.koreaherald.com{path}"] == (
            f"https://www.koreaherald.com{target}"
        )


def test_refresh_picks_up_a_correction(small_replica, database_url):
    assert crawl_replica(small_replica, database_url).returncode == 0
    target = next(t for t in small_replica.site.ground_truth() if t["source"] == "yonhap")
    small_replica.site.revise(target["canonical_url"], 1, "A corrected paragraph of our own.")
    assert crawl_replica(small_replica, database_url).returncode == 0
    with psycopg.connect(database_url) as conn:
        count = "SELECT count(*) FROM article_versions v JOIN articles a ON a.id = v.article_id "
        count += "WHERE a.canonical_url = %s"
        assert conn.execute(count, (target["canonical_url"],)).fetchone()[0] == 1
        assert crawl_replica(small_replica, database_url, "--refresh").returncode == 0
        assert conn.execute(count, (target["canonical_url"],)).fetchone()[0] == 2
        body = conn.execute(
            "SELECT body FROM articles WHERE canonical_url = %s", (target["canonical_url"],)
        ).fetchone()[0]
    assert "A corrected paragraph of our own." in body


def _kst_day(iso: str) -> date:
    return datetime.fromisoformat(iso).astimezone(KST).date()


def discoverable(site) -> set[str]:
    """What the spiders' sources reach: their listings (all pages), feeds and sitemap."""
    from newscrawl.replica.feeds import sitemap_articles
    from newscrawl.replica.routes import KH_D_LISTINGS, KH_FEEDS, YONHAP_FEEDS

    reachable = {a.canonical_url for prefix in ("national/diplomacy", "national/politics")
                 for a in site.listing("yonhap", prefix)}  # fmt: skip
    for path in ("/National/ForeignAffairs", "/National/DiplomaticCircuit"):
        reachable |= {a.canonical_url for a in site.listing("koreaherald", KH_D_LISTINGS[path][1])}
    for _, prefix in YONHAP_FEEDS.values():  # feeds carry the newest 100 (Yonhap), 50 (KH)
        reachable |= {a.canonical_url for a in site.listing("yonhap", prefix)[:100]}
    for _, prefix in KH_FEEDS.values():
        reachable |= {a.canonical_url for a in site.listing("koreaherald", prefix)[:50]}
    return reachable | {a.canonical_url for a in sitemap_articles(site)}


def test_first_crawl_without_arguments_gets_everything_discoverable(replica_factory, database_url):
    """No implicit date window: the listings are walked back past what the feeds stored."""
    server = replica_factory(articles=250, seed=6)
    expected = discoverable(server.site)
    assert len(expected) > 300  # more than the feeds alone carry
    result = crawl_replica(server, database_url)
    assert result.returncode == 0, result.stderr[-3000:]
    assert set(stored_articles(database_url)) == expected


def test_backfill_gets_exactly_the_discoverable_articles_in_the_window(
    replica_factory, database_url
):
    server = replica_factory(articles=400, seed=5)
    since, until = date(2023, 3, 1), date(2023, 7, 1)
    truth = truth_by_url(server)
    in_window = {u for u, t in truth.items() if since <= _kst_day(t["published_at"]) <= until}
    expected = in_window & discoverable(server.site)
    assert len(expected) >= 10 and in_window - expected  # other sections are not discoverable

    result = crawl_replica(server, database_url, "--since", str(since), "--until", str(until))
    assert result.returncode == 0, result.stderr[-3000:]
    assert set(stored_articles(database_url)) == expected


def test_scrapy_crawl_from_the_repository_root(small_replica, database_url):
    """The on-demand use: `scrapy crawl yonhap -a base_url=...` with Scrapy's own CLI."""
    settings = [arg for s in LOOPBACK_SETTINGS for arg in ("-s", s)]
    result = subprocess.run(
        [str(Path(sys.executable).with_name("scrapy")), "crawl", "yonhap",
         "-a", f"base_url={small_replica.yonhap_url}", "-a", "max_articles=5", *settings],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
        env={**__import__("os").environ, "DATABASE_URL": database_url},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    stored = stored_articles(database_url)
    assert len(stored) == 5
    assert all(url.startswith("https://en.yna.co.kr/view/AEN") for url in stored)
    with psycopg.connect(database_url) as conn:
        status = conn.execute("SELECT site, status FROM crawl_runs").fetchall()
    assert status == [("yonhap", "finished")]
