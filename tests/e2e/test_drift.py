"""A site changes under the crawler: the replica serves drifted pages (--drift), the crawl
stores clean bodies, flags the articles, says so in one line and exits 3; check-layouts
reports it; reextract --problem re-runs exactly the flagged articles."""

from __future__ import annotations

import psycopg
import pytest

from newscrawl.replica.drift import junk_in
from tests.e2e_support import crawl_replica, run_newscrawl, stored_articles

pytestmark = pytest.mark.e2e
EXIT_DRIFT = 3


def _summary(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if line.startswith(("yonhap:", "koreaherald:"))]


def test_widgets_in_every_article_exit_3_with_clean_bodies(replica_factory, database_url):
    server = replica_factory(articles=12, seed=4, drift="widgets")
    result = crawl_replica(server, database_url)
    assert result.returncode == EXIT_DRIFT, result.stdout + result.stderr[-2000:]
    assert all(" degraded (unknown_markup " in line for line in _summary(result.stdout))
    drift_lines = [line for line in result.stdout.splitlines() if line.startswith("layout drift")]
    assert len(drift_lines) == 2 and "check-layouts" in drift_lines[0]
    stored = stored_articles(database_url)
    assert len(stored) >= 20
    assert all(junk_in(row["body"]) == [] for row in stored.values())
    assert all(any(p.startswith("unknown_markup") for p in row["problems"])
               for row in stored.values())  # fmt: skip
    with psycopg.connect(database_url) as conn:
        errors = conn.execute("SELECT errors FROM crawl_runs").fetchall()
    stats = {e["stat"] for (run,) in errors for e in run if "stat" in e}
    assert {"clean/degraded", "clean/problem/unknown_markup"} <= stats


def test_a_redesign_is_read_by_the_fallback_and_reported(replica_factory, database_url):
    server = replica_factory(articles=10, seed=5, drift="redesign")
    result = crawl_replica(server, database_url)
    assert result.returncode == EXIT_DRIFT
    assert all("layout_unknown" in line for line in _summary(result.stdout))
    stored = stored_articles(database_url)
    assert stored and all(row["layout"] is None and row["body"] and row["title"]
                          and row["published_at"] for row in stored.values())  # fmt: skip
    runs = run_newscrawl(["runs", "--format", "json"], database_url)
    assert "clean/problem/layout_unknown" in runs.stdout


def test_a_threshold_of_one_lets_a_drifted_crawl_exit_0(replica_factory, database_url):
    server = replica_factory(articles=6, seed=6, drift="widgets")
    result = crawl_replica(server, database_url, "-s", "NEWSCRAWL_DRIFT_SHARE=1")
    assert result.returncode == 0, result.stdout
    assert "layout drift" not in result.stdout and " degraded (" in result.stdout


def test_reextract_problem_takes_exactly_the_flagged_articles(replica_factory, database_url):
    server = replica_factory(articles=10, seed=7)
    assert crawl_replica(server, database_url).returncode == 0
    server.stop()  # no network from here on
    with psycopg.connect(database_url) as conn:
        # what an older layout version stored before a fix: three articles flagged
        flagged = [row[0] for row in conn.execute(
            "UPDATE articles SET problems = ARRAY['layout_unknown: no layout version "
            "recognised the page'] WHERE id IN (SELECT id FROM articles ORDER BY id LIMIT 3) "
            "RETURNING id").fetchall()]  # fmt: skip
    result = run_newscrawl(["reextract", "--problem", "layout_unknown"], database_url)
    assert result.returncode == 0, result.stderr
    assert "3 unchanged" in result.stdout or "3 updated" in result.stdout, result.stdout
    with psycopg.connect(database_url) as conn:
        left = conn.execute("SELECT count(*) FROM articles WHERE array_length(problems, 1) > 0"
                            ).fetchone()[0]  # fmt: skip
    assert left == 0 and len(flagged) == 3
    bad = run_newscrawl(["reextract", "--problem", "DROP TABLE"], database_url)
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1


def test_check_layouts_healthy_then_drifted(replica_factory):
    healthy = replica_factory(articles=8, seed=9)
    args = ["check-layouts", "--sample", "5", "--base-url", f"yonhap={healthy.yonhap_url}",
            "--base-url", f"koreaherald={healthy.koreaherald_url}",
            "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False"]  # fmt: skip
    ok = run_newscrawl(args, None, env={"DATABASE_URL": "postgresql://nobody@127.0.0.1:1/x"})
    assert ok.returncode == 0, ok.stdout + ok.stderr[-2000:]
    assert "yonhap: yonhap-2023: 5 articles, agreement 100%, 0 degraded" in ok.stdout
    assert ok.stdout.strip().splitlines()[-1].endswith("healthy")

    drifted = replica_factory(articles=8, seed=9, drift="widgets")
    args[3:7] = ["--base-url", f"yonhap={drifted.yonhap_url}",
                 "--base-url", f"koreaherald={drifted.koreaherald_url}"]  # fmt: skip
    bad = run_newscrawl(args, None, env={"DATABASE_URL": "postgresql://nobody@127.0.0.1:1/x"})
    assert bad.returncode == EXIT_DRIFT, bad.stdout + bad.stderr[-2000:]
    assert "markup the layout does not know: div.x-signup" in bad.stdout
    assert "layouts drifted" in bad.stdout.strip().splitlines()[-1]
