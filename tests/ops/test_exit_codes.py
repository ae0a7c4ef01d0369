"""`newscrawl crawl` exit codes end to end: real processes, real HTTP, a real PostgreSQL.

0 every site finished; 1 a site failed; 2 bad arguments or configuration (one line on stderr,
no traceback); 75 another crawl holds the lock (EX_TEMPFAIL: cron just tries again later).
"""

from __future__ import annotations

import re

import psycopg
import pytest

from newscrawl.db.lock import CRAWL_LOCK_KEY
from tests.e2e_support import crawl_replica, run_newscrawl
from tests.ops.support import article_count, closed_port, runs

pytestmark = pytest.mark.e2e

SUMMARY = re.compile(
    r"^(?P<site>yonhap|koreaherald): (?P<new>\d+) new, (?P<updated>\d+) updated, "
    r"(?P<dups>\d+) copies linked, (?P<failed>\d+) failed, "
    r"(?:(?P<sources_failed>\d+) sources failed(?:: (?P<why>[^,]+(?:, [^,]+ \(\d+\))*))?, )?"
    r"(?P<secs>\d+\.\d)s "
    r"\((?P<status>\w+)\)$"
)


def summaries(stdout: str) -> dict[str, dict[str, str]]:
    """The summary lines by site; stdout holds nothing else but the one "database ready"
    line printed before the crawl starts."""
    lines = stdout.strip().splitlines()
    assert lines and lines[0].startswith("database ready: "), stdout
    matches = [SUMMARY.match(line) for line in lines[1:]]
    assert all(matches), f"stdout has more than the summary lines: {stdout!r}"
    return {m["site"]: m.groupdict() for m in matches if m}


def assert_one_line_error(stderr: str, *, argparse_usage: bool = False) -> str:
    """The error is one line and there is no traceback, whether argparse rejected an argument
    (`newscrawl crawl: error: ... (see newscrawl crawl --help)`) or the command refused it."""
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    if argparse_usage:
        assert len(lines) == 1 and lines[0].startswith("newscrawl crawl: error: "), stderr
        assert lines[0].endswith("(see newscrawl crawl --help)"), stderr
    else:
        assert len(lines) == 1 and lines[0].startswith("newscrawl: error: "), stderr
    return lines[-1]


def test_success_exits_0_with_one_summary_line_per_site(replica_factory, database_url):
    """A clean crawl exits 0 and prints exactly one summary line per site, in site order, with
    new/updated/copies-linked/failed counts and a duration; the counts are those of the
    site's run row, and the new articles are the ones stored."""
    server = replica_factory(articles=20, seed=5)
    result = crawl_replica(server, database_url)
    assert result.returncode == 0, result.stderr[-3000:]
    lines = summaries(result.stdout)
    assert list(lines) == ["yonhap", "koreaherald"]
    assert all(line["status"] == "finished" and line["failed"] == "0" for line in lines.values())
    assert sum(int(line["new"]) for line in lines.values()) == article_count(database_url) == 40
    history = runs(database_url)
    assert [(site, status) for site, status, *_ in history] == [
        ("yonhap", "finished"), ("koreaherald", "finished")]  # fmt: skip
    for site, _, _, stats in history:  # the summary reports the run's own counters
        line = lines[site]
        assert int(line["new"]) == stats.get("store/new", 0)
        assert int(line["updated"]) == stats.get("store/updated", 0)
        assert int(line["dups"]) == stats.get("store/duplicate_linked", 0)


def test_a_failing_site_exits_1_and_the_other_site_still_runs(replica_factory, database_url):
    """Yonhap pointed at a closed port: every source errors and nothing is stored for it, so
    the crawl exits 1; its summary line and run row say `failed`; the Herald still finishes."""
    server = replica_factory(articles=20, seed=5)
    result = run_newscrawl(
        ["crawl", "--base-url", f"yonhap=http://127.0.0.1:{closed_port()}",
         "--base-url", f"koreaherald={server.koreaherald_url}",
         "-s", "NEWSCRAWL_RETRY_BACKOFF=0.05", "-s", "DOWNLOAD_DELAY=0",
         "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16"],
        database_url,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr[-3000:]
    lines = summaries(result.stdout)
    assert lines["yonhap"]["status"] == "failed" and lines["yonhap"]["new"] == "0"
    assert int(lines["yonhap"]["sources_failed"] or 0) > 0
    assert lines["yonhap"]["why"] == "connection refused", result.stdout  # it says why
    assert lines["koreaherald"]["status"] == "finished"
    with psycopg.connect(database_url) as conn:
        per_source = dict(conn.execute(
            "SELECT source, count(*) FROM articles GROUP BY source").fetchall())  # fmt: skip
        errors = conn.execute(
            "SELECT errors FROM crawl_runs WHERE site = 'yonhap'").fetchone()[0]  # fmt: skip
    assert per_source == {"koreaherald": 20}
    assert any(e.get("stat") == "discovery/failed" for e in errors), errors


@pytest.mark.parametrize(
    "argv",
    [
        ["--site", "naver"],                      # unknown site
        ["--since", "2024-02-30"],                # bad date
        ["--until", "yesterday"],                 # bad date
        ["--max-articles", "0"],                  # not a positive number
        ["--log-format", "xml"],
    ],
)  # fmt: skip
def test_bad_arguments_exit_2_without_traceback(argv, database_url):
    """argparse rejects the argument: exit 2, the error on one line, nothing crawled."""
    result = run_newscrawl(["crawl", *argv], database_url)
    assert result.returncode == 2
    assert_one_line_error(result.stderr, argparse_usage=True)
    assert result.stdout == ""
    assert runs(database_url) == []


@pytest.mark.parametrize(
    "argv, message",
    [
        (["--base-url", "yonhap"], "--base-url must look like NAME=VALUE"),
        (["--base-url", "naver=http://127.0.0.1:1"], "unknown site: naver"),
        (["--base-url", "yonhap=ftp://127.0.0.1/"], "must be an http(s) URL"),
        (["--since", "2024-05-02", "--until", "2024-05-01"],
         "--until must not be before --since"),
        (["--set", "LOG_LEVEL"], "--set must look like NAME=VALUE"),
        (["--log-file", "/nonexistent-dir/newscrawl/crawl.log"], "cannot open log file"),
        (["--set", "NEWSCRAWL_SYNCHRONOUS_COMMIT=later"],
         "NEWSCRAWL_SYNCHRONOUS_COMMIT must be one of on, off"),
    ],
)  # fmt: skip
def test_bad_configuration_exits_2_with_one_line(argv, message, database_url):
    """Values argparse accepts but the command refuses: exit 2, one line naming the problem,
    no crawl started (no run row)."""
    result = run_newscrawl(["crawl", *argv], database_url)
    assert result.returncode == 2, result.stderr
    assert message in assert_one_line_error(result.stderr)
    assert runs(database_url) == []


def test_unreachable_database_exits_2_with_the_password_masked(database_url):
    """A DATABASE_URL nobody answers: exit 2, one line naming host and port, password masked."""
    port = closed_port()
    secret = "Zq7-unreachable-pw"
    url = f"postgresql://crawler:{secret}@127.0.0.1:{port}/newscrawl"
    result = run_newscrawl(["crawl", "--log-format", "json"], url)
    assert result.returncode == 2
    line = assert_one_line_error(result.stderr)
    assert f"127.0.0.1:{port}" in line and "***" in line
    assert secret not in result.stderr + result.stdout


def test_held_lock_exits_75_at_once_without_crawling(replica_factory, database_url):
    """While another session holds the crawl lock, `newscrawl crawl` exits 75 with one line,
    without a run row or any request to the sites; once it is released, the crawl runs."""
    server = replica_factory(articles=20, seed=5)
    with psycopg.connect(database_url, autocommit=True) as holder:
        holder.execute("SELECT pg_advisory_lock(%s)", (CRAWL_LOCK_KEY,))
        result = crawl_replica(server, database_url)
        assert result.returncode == 75, result.stderr[-3000:]
        assert "another crawl holds the lock" in assert_one_line_error(result.stderr)
        assert not any(SUMMARY.match(line) for line in result.stdout.splitlines())
        assert runs(database_url) == []
        assert server.stats.count() == 0
        holder.execute("SELECT pg_advisory_unlock(%s)", (CRAWL_LOCK_KEY,))
        assert crawl_replica(server, database_url).returncode == 0
