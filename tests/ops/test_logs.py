"""Logs of `newscrawl crawl`: human-readable by default, JSON lines with `--log-format json`,
on stderr or appended to `--log-file`; the DATABASE_URL password appears nowhere."""

from __future__ import annotations

import json

import psycopg
import pytest

from tests.e2e_support import crawl_args, crawl_replica, run_newscrawl
from tests.ops.support import with_password

pytestmark = pytest.mark.e2e

JSON_KEYS = {"time", "level", "logger", "message"}


def test_json_log_lines_on_stderr(replica_factory, database_url):
    """With `--log-format json` every stderr line is one JSON object with time, level, logger
    and message, Scrapy's own records included (tagged with the spider); stdout keeps the
    plain summary lines."""
    server = replica_factory(articles=20, seed=5)
    result = crawl_replica(server, database_url, "--log-format", "json")
    assert result.returncode == 0, result.stderr[-3000:]
    records = [json.loads(line) for line in result.stderr.splitlines()]
    assert records and all(set(record) >= JSON_KEYS for record in records)
    assert all(record["level"] in {"INFO", "WARNING", "ERROR"} for record in records)
    loggers = {record["logger"] for record in records}
    assert any(name.startswith("scrapy.") for name in loggers), loggers
    assert {record.get("spider") for record in records} >= {"yonhap", "koreaherald"}
    assert any("Spider closed (finished)" in record["message"] for record in records)
    assert [line.split(":")[0] for line in result.stdout.splitlines()[-2:]] == [
        "yonhap", "koreaherald"]  # fmt: skip


def test_log_file_is_appended_and_stderr_stays_quiet(replica_factory, database_url, tmp_path):
    """`--log-file` sends the log there, appended run after run (nothing on stderr); the
    summary lines stay on stdout; with `--log-format json` the file gets JSON lines."""
    server = replica_factory(articles=20, seed=5)
    log_file = tmp_path / "crawl.log"
    log_file.write_text("an earlier line\n")
    first = crawl_replica(server, database_url, "--log-file", str(log_file))
    assert first.returncode == 0, first.stderr[-3000:]
    assert first.stderr == ""
    human = log_file.read_text()
    assert human.startswith("an earlier line\n")
    assert "[scrapy.core.engine] INFO: Spider closed (finished)" in human
    assert first.stdout.splitlines()[-1].startswith("koreaherald: ")

    second = crawl_replica(server, database_url, "--log-file", str(log_file),
                           "--log-format", "json")  # fmt: skip
    assert second.returncode == 0, second.stderr[-3000:]
    assert second.stderr == ""
    text = log_file.read_text()
    assert text.startswith(human)
    appended = [json.loads(line) for line in text[len(human):].splitlines()]
    assert appended and all(set(record) >= JSON_KEYS for record in appended)


@pytest.mark.parametrize("form", ["conninfo", "url"])
def test_the_database_password_appears_nowhere(form, replica_factory, database_url, tmp_path):
    """A DATABASE_URL with a password (a conninfo string or a URL; the trust-auth test server
    ignores it): at DEBUG level, human on stderr and JSON in a log file, the password is not in
    stderr, stdout, the log file, the stored run history, nor in `newscrawl config` and
    `newscrawl runs` output, where the URL shows up masked."""
    server = replica_factory(articles=20, seed=5)
    url, password = with_password(database_url, form)
    log_file = tmp_path / "crawl.log"
    outputs = []
    for extra in (["--log-level", "DEBUG"],
                  ["--log-level", "DEBUG", "--log-format", "json", "--log-file", str(log_file)]):
        result = crawl_replica(server, url, *extra)  # fmt: skip
        assert result.returncode == 0, result.stderr[-3000:].replace(password, "***")
        outputs += [result.stdout, result.stderr]
    outputs.append(log_file.read_text())
    for argv in (["config"], ["config", "--format", "json"], ["runs"], ["db", "info"]):
        result = run_newscrawl(argv, url)
        assert result.returncode == 0, result.stderr.replace(password, "***")
        outputs += [result.stdout, result.stderr]
    with psycopg.connect(database_url) as conn:
        outputs += [str(row) for row in conn.execute("SELECT * FROM crawl_runs")]
    assert all(password not in text for text in outputs)
    config = json.loads(run_newscrawl(["config", "--format", "json"], url).stdout)
    shown = next(row["value"] for row in config if row["name"] == "DATABASE_URL")
    assert "***" in shown
    assert any("DEBUG" in text for text in outputs), "the DEBUG level was not in effect"


def test_log_level_from_the_environment_and_the_command_line(replica_factory, database_url):
    """NEWSCRAWL_LOG_LEVEL sets the level of `newscrawl crawl` as README documents (cron and
    docker-compose set it in the environment); `--log-level` outranks it; a bad value is a
    configuration error (exit 2, one line)."""
    server = replica_factory(articles=20, seed=5)
    env = {"NEWSCRAWL_LOG_LEVEL": "warning"}

    def levels(*extra: str) -> set[str]:
        result = run_newscrawl(crawl_args(server, "--log-format", "json", *extra),
                               database_url, env=env)  # fmt: skip
        assert result.returncode == 0, result.stderr[-3000:]
        return {json.loads(line)["level"] for line in result.stderr.splitlines()}

    assert levels() <= {"WARNING", "ERROR"}
    assert "INFO" in levels("--log-level", "info")
    env["NEWSCRAWL_LOG_LEVEL"] = "LOUD"
    bad = run_newscrawl(crawl_args(server), database_url, env=env)
    assert bad.returncode == 2
    assert bad.stderr.strip().splitlines() == [
        "newscrawl: error: NEWSCRAWL_LOG_LEVEL must be one of DEBUG, INFO, WARNING, ERROR, "
        "got 'LOUD'"]  # fmt: skip
