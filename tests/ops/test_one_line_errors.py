"""One line, never a traceback: a reader that stops early, huge arguments, malformed settings
and rules files, and the first crawl without network, through the real command."""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterator

import pytest

from newscrawl import config
from tests.conftest import _create_database, _drop_database
from tests.e2e_support import NEWSCRAWL, ROOT, crawl_args, crawl_replica, run_newscrawl
from tests.ops.support import HANG_GUARD, runs

pytestmark = pytest.mark.e2e

HUGE = "1" * 100_000


def one_error_line(result: subprocess.CompletedProcess[str], code: int = 2) -> str:
    """Exit `code`, one short line on stderr, no traceback, no huge argument repeated."""
    assert result.returncode == code, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr[-2000:]
    assert len(lines[0]) < 400, lines[0][:400]
    return lines[0]


@pytest.fixture(scope="module")
def crawled(pg_admin_url) -> Iterator[str]:
    """A database filled by one crawl of a 20+20 replica."""
    from newscrawl.replica import ReplicaServer, build_site

    url = _create_database(pg_admin_url)
    with ReplicaServer(build_site(articles=20, seed=5)) as server:
        assert crawl_replica(server, url).returncode == 0
    yield url
    _drop_database(pg_admin_url, url)


# -- a reader that stops early ---------------------------------------------------------------


@pytest.mark.parametrize("argv", [
    ["export", "--format", "jsonl"], ["export", "--format", "csv"], ["show", "1"], ["stats"],
    ["timeline"], ["list"], ["runs"], ["config"],
])  # fmt: skip
def test_a_closed_pipe_ends_the_command_quietly(argv, crawled):
    """`newscrawl ... | head`: when the reader has gone, the command stops without a word on
    stderr and with the exit code a shell reports for grep in the same place (141)."""
    read, write = os.pipe()
    os.close(read)  # the reader is gone before the first line is written
    try:
        result = subprocess.run(
            [NEWSCRAWL, *argv], stdout=write, stderr=subprocess.PIPE, text=True, cwd=ROOT,
            env={**os.environ, "DATABASE_URL": crawled}, timeout=HANG_GUARD,
        )  # fmt: skip
    finally:
        os.close(write)
    assert result.stderr == ""
    assert result.returncode == 141


# -- huge and malformed arguments ------------------------------------------------------------


@pytest.mark.parametrize("argv, says", [
    (["show", HUGE], "not an article id"),
    (["show", "x" * 100_000], "no stored article"),
    (["list", "--limit", "99999999999999999999"], "at most 1,000,000,000"),
    (["list", "--limit", HUGE], "at most"),
    (["export", "--since", HUGE], "not a date"),
    (["timeline", "--pair", HUGE], "two country codes"),
    (["search", " ".join(["word"] * 20_000)], "search query too long"),
    (["runs", "--site", HUGE], "invalid choice"),
    (["demo", "--seed", HUGE], "invalid int value"),
])  # fmt: skip
def test_huge_arguments_are_one_short_line(argv, says, crawled):
    """Bounded before they reach PostgreSQL (no `bigint out of range` or `stack depth limit
    exceeded`); the error line cuts the argument instead of repeating 100,000 characters."""
    result = run_newscrawl(argv, crawled)
    line = one_error_line(result, code=1 if says == "no stored article" else 2)
    assert says in line
    assert "characters)" in line or len(argv[-1]) < 100


# -- settings --------------------------------------------------------------------------------

TYPED = {name: spec for name, spec in config.SPECS.items()
         if spec.env and spec.kind in ("int", "float", "bool", "choice")}  # fmt: skip


@pytest.mark.parametrize("name", sorted(TYPED))
def test_every_typed_environment_setting_is_checked(name, database_url):
    """Each numeric, yes/no or one-of setting refuses a malformed environment value in one
    line naming the variable, exit 2, in `newscrawl config`."""
    variable = TYPED[name].env
    result = run_newscrawl(["config"], database_url, env={variable: "abc"})
    assert variable in one_error_line(result)


@pytest.mark.parametrize("variable, value, says", [
    ("NEWSCRAWL_CONCURRENT_REQUESTS", "-3", "at least 1"),
    ("NEWSCRAWL_KEEP_NON_BILATERAL", "maybe", "true or false"),
    ("NEWSCRAWL_DOWNLOAD_DELAY", "nan", "finite"),
    ("NEWSCRAWL_LOG_LEVEL", "LOUD", "one of DEBUG"),
])  # fmt: skip
def test_out_of_range_settings_are_refused(variable, value, says, database_url):
    result = run_newscrawl(["config"], database_url, env={variable: value})
    line = one_error_line(result)
    assert variable in line and says in line


def test_a_malformed_environment_setting_stops_the_crawl_before_it_starts(
    replica_factory, database_url
):
    server = replica_factory(articles=5, seed=1)
    result = run_newscrawl(crawl_args(server), database_url,
                           env={"NEWSCRAWL_DOWNLOAD_DELAY": "abc"})  # fmt: skip
    assert "NEWSCRAWL_DOWNLOAD_DELAY must be a number, got 'abc'" in one_error_line(result)
    assert result.stdout == "" and runs(database_url) == [] and server.stats.count() == 0


@pytest.mark.parametrize("setting, says", [
    ("DOWNLOAD_DELAY=abc", "-s DOWNLOAD_DELAY must be a number"),
    ("AUTOTHROTTLE_ENABLED=maybe", "-s AUTOTHROTTLE_ENABLED must be true or false"),
    ("CONCURRENT_REQUESTS=0", "-s CONCURRENT_REQUESTS must be at least 1"),
    ("CONCURRENT_ITEMS=lots", "-s CONCURRENT_ITEMS must be"),
    ("CLOSESPIDER_TIMEOUT=soon", "-s CLOSESPIDER_TIMEOUT must be a number"),  # Scrapy's own
])  # fmt: skip
def test_a_malformed_command_line_setting_stops_the_crawl(setting, says, replica_factory,
                                                          database_url):  # fmt: skip
    server = replica_factory(articles=5, seed=1)
    result = run_newscrawl(crawl_args(server, "-s", setting), database_url)
    assert says in one_error_line(result)
    assert runs(database_url) == [] and server.stats.count() == 0


@pytest.mark.parametrize("rules", ["missing", "bad yaml", "bad rules"])
def test_a_bad_rules_file_stops_the_crawl_before_it_starts(rules, replica_factory,
                                                           database_url, tmp_path):  # fmt: skip
    """NEWSCRAWL_TOPIC_RULES naming a missing file, a file that is not YAML, or YAML that is
    no rules file: one line naming the file, exit 2, nothing requested or recorded."""
    path = tmp_path / "rules.yaml"
    if rules == "bad yaml":
        path.write_text("countries: [unclosed\n")
    elif rules == "bad rules":
        path.write_text("countries: 3\n")
    server = replica_factory(articles=5, seed=1)
    result = run_newscrawl(crawl_args(server), database_url,
                           env={"NEWSCRAWL_TOPIC_RULES": str(path)})  # fmt: skip
    line = one_error_line(result)
    assert line.startswith(f"newscrawl: error: topic rules {path}")
    assert runs(database_url) == [] and server.stats.count() == 0


# -- the first crawl without network ---------------------------------------------------------


def test_a_crawl_without_network_says_why_in_one_line_per_site(database_url):
    """Both sites unreachable (names that never resolve): exit 1, each summary line says how
    many sources failed and why; the log has no traceback (Scrapy's robots.txt middleware
    logs one with each failure) and Scrapy's start-up report appears once, not per spider."""
    result = run_newscrawl(
        ["crawl", "--base-url", "yonhap=http://yonhap.invalid",
         "--base-url", "koreaherald=http://koreaherald.invalid", "-s", "RETRY_TIMES=0",
         "-s", "DOWNLOAD_TIMEOUT=20"],
        database_url, timeout=HANG_GUARD * 3,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr[-3000:]
    summary = result.stdout.strip().splitlines()[1:]
    for site, line in zip(("yonhap", "koreaherald"), summary, strict=True):
        assert re.fullmatch(rf"{site}: 0 new, 0 updated, 0 copies linked, 0 failed, "
                            rf"\d+ sources failed: DNS lookup failed for {site}\.invalid, "
                            r"\d+\.\ds \(failed\)", line), line  # fmt: skip
    assert "Traceback" not in result.stderr
    assert "[scrapy.downloadermiddlewares.robotstxt] ERROR" in result.stderr
    assert result.stderr.count("Overridden settings") == 1
    assert result.stderr.count("Enabled item pipelines") == 1
