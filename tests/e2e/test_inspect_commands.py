"""The inspecting commands against a real PostgreSQL filled by a crawl of the replica."""

from __future__ import annotations

import csv
import io
import json
import os

import psycopg
import pytest

from newscrawl.cli import main
from tests.conftest import _create_database, _drop_database
from tests.e2e_support import crawl_replica

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def crawled(pg_admin_url, tmp_path_factory):
    """One crawl of a 40+40 replica, shared by the tests of this module (read-only)."""
    from newscrawl.replica import ReplicaServer, build_site

    url = _create_database(pg_admin_url)
    with ReplicaServer(build_site(articles=40, seed=3)) as server:
        result = crawl_replica(server, url)
        assert result.returncode == 0, result.stderr[-3000:]
    previous = os.environ.get("DATABASE_URL")
    os.environ["DATABASE_URL"] = url
    yield url
    if previous is None:
        os.environ.pop("DATABASE_URL", None)
    else:
        os.environ["DATABASE_URL"] = previous
    _drop_database(pg_admin_url, url)


def run_json(capsys, *argv):
    assert main([*argv, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


LIST_KEYS = {
    "id", "source", "published_at", "title", "authors", "pairs", "bilateral", "story_id",
    "version_rank", "version_count", "duplicate_of", "canonical_url",
}  # fmt: skip


def test_list_json_is_stable_and_in_utc(crawled, capsys):
    rows = run_json(capsys, "list", "--limit", "200")
    assert len(rows) == 80
    assert all(set(r) == LIST_KEYS for r in rows)
    assert all(r["published_at"].endswith("+00:00") for r in rows)
    stamps = [r["published_at"] for r in rows]
    assert stamps == sorted(stamps, reverse=True)


def test_list_table_shows_kst_and_kinds(crawled, capsys):
    assert main(["list", "--limit", "200"]) == 0
    out = capsys.readouterr().out
    assert "KST" in out and "copy of" in out and "update 1" in out


def test_list_filters(crawled, capsys):
    pair = run_json(capsys, "list", "--pair", "KR-JP", "--limit", "200")
    assert pair and all("JP-KR" in r["pairs"] and r["bilateral"] for r in pair)
    herald = run_json(capsys, "list", "--source", "koreaherald", "--limit", "200")
    assert herald and {r["source"] for r in herald} == {"koreaherald"}
    bilateral = run_json(capsys, "list", "--bilateral", "--limit", "200")
    assert 0 < len(bilateral) < 80 and all(r["bilateral"] for r in bilateral)
    window = run_json(capsys, "list", "--since", "2025-01-01", "--until", "2025-12-31",
                      "--limit", "200")  # fmt: skip
    assert window and all("2024-12-31T15:00" <= r["published_at"] < "2025-12-31T15:00"
                          for r in window)  # KST days, --until included  # fmt: skip
    assert len(run_json(capsys, "list", "--limit", "3")) == 3


def test_list_csv(crawled, capsys):
    assert main(["list", "--format", "csv", "--limit", "5"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 5 and {"id", "title", "kind", "canonical_url"} <= set(rows[0])


def test_show_an_article_with_versions_story_and_copies(crawled, capsys):
    copies = [r for r in run_json(capsys, "list", "--limit", "200") if r["duplicate_of"]]
    assert copies
    original = run_json(capsys, "show", str(copies[0]["duplicate_of"]))
    assert original["copies"] and original["story"]["id"] == original["story_id"]
    assert {"versions", "story_articles", "version_count", "duplicate_of", "body"} <= set(original)
    assert original["version_count"] == len(original["versions"]) == 1
    by_url = run_json(capsys, "show", original["canonical_url"] + "?section=news&input=rss")
    assert by_url["id"] == original["id"]
    assert main(["show", str(original["id"])]) == 0
    table = capsys.readouterr().out
    assert "versions:" in table and "story " in table and "copies:" in table


def test_show_unknown_article_is_one_line_exit_1(crawled, capsys):
    assert main(["show", "999999"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "999999" in err[0]


def test_search_ranks_and_highlights(crawled, capsys):
    rows = run_json(capsys, "search", "vice foreign minister")
    assert rows
    assert all("«" in r["snippet"] for r in rows)
    ranks = [r["rank"] for r in rows]
    assert ranks == sorted(ranks, reverse=True)


@pytest.mark.parametrize("query", ["'; DROP TABLE articles; --", 'a\\b "c', "!(a | b) <-> c:*",
                                   "&&&", "()", "\x00"])  # fmt: skip
def test_search_with_hostile_queries_never_errors(crawled, capsys, query):
    assert main(["search", query, "--format", "json"]) == 0
    json.loads(capsys.readouterr().out)
    with psycopg.connect(crawled) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 80


def test_timeline_has_one_line_per_story_oldest_first(crawled, capsys):
    rows = run_json(capsys, "timeline", "--pair", "JP-KR")
    assert rows
    assert len({r["story_id"] for r in rows}) == len(rows)
    stamps = [r["published_at"] for r in rows]
    assert stamps == sorted(stamps)
    assert main(["timeline", "--pair", "JP-KR"]) == 0
    header, *lines = capsys.readouterr().out.strip().splitlines()
    assert header.split()[:4] == ["story", "date", "article", "sources"]
    assert [int(line.split()[0]) for line in lines] == [r["story_id"] for r in rows]


def test_stats(crawled, capsys):
    report = run_json(capsys, "stats", "--by", "week")
    assert {r["source"] for r in report["by_source"]} == {"yonhap", "koreaherald"}
    assert sum(r["articles"] for r in report["by_source"]) == 80
    assert report["top_pairs"][0]["articles"] > 0 and report["per_week"]
    assert len(report["runs"]) == 2
    assert main(["stats"]) == 0
    assert "== by source" in capsys.readouterr().out


def test_export_streams_every_article(crawled, capsys):
    assert main(["export"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 80 and all(json.loads(line)["canonical_url"] for line in lines)
    assert main(["export", "--format", "csv", "--source", "yonhap"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 40 and rows[0]["body"]


def test_runs(crawled, capsys):
    rows = run_json(capsys, "runs")
    assert {r["site"] for r in rows} == {"yonhap", "koreaherald"}
    assert all(r["status"] == "finished" and r["finished_at"] for r in rows)
    assert sum(r["new"] for r in rows) == 80


@pytest.mark.parametrize(
    "argv",
    [["list", "--pair", "XX-KR"], ["list", "--pair", "KR"], ["timeline", "--since", "2023-13-01"],
     ["search", "x", "--limit", "-1"], ["list", "--format", "xml"]],
)  # fmt: skip
def test_bad_arguments_are_one_line_and_exit_2(argv, capsys):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("newscrawl") and "error" in err[-1]
