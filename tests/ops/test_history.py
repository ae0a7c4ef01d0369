"""What an operator checks on: `newscrawl runs` (the crawl history) and `newscrawl config`
(the effective configuration, secrets masked), against real crawls and a real PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import psycopg
import pytest

from tests.e2e_support import LOOPBACK_SETTINGS, crawl_replica, run_newscrawl
from tests.ops.support import closed_port, documented_query

pytestmark = pytest.mark.e2e

RUN_KEYS = {"id", "site", "started_at", "finished_at", "status", "new", "updated",
            "copies", "failed", "errors"}  # fmt: skip


def test_runs_shows_two_rows_per_crawl_with_status_and_counts(replica_factory, database_url):
    """After a clean crawl and a crawl whose Yonhap is unreachable, `newscrawl runs` lists four
    rows, newest crawl first, one per site and crawl, with status, counts and the error
    summary; the table form shows the same; the liveness query of docs/operations.md gives
    each site's last finished run."""
    server = replica_factory(articles=20, seed=5)
    assert crawl_replica(server, database_url).returncode == 0
    settings = [arg for setting in LOOPBACK_SETTINGS for arg in ("-s", setting)]
    second = run_newscrawl(
        ["crawl", "--base-url", f"yonhap=http://127.0.0.1:{closed_port()}",
         "--base-url", f"koreaherald={server.koreaherald_url}", *settings],
        database_url,
    )  # fmt: skip
    assert second.returncode == 1

    result = run_newscrawl(["runs", "--format", "json"], database_url)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert len(rows) == 4 and all(set(row) == RUN_KEYS for row in rows)
    assert all(row["finished_at"] for row in rows)
    newest, oldest = rows[:2], rows[2:]
    assert min(row["id"] for row in newest) > max(row["id"] for row in oldest)
    first_crawl = {row["site"]: row for row in oldest}
    second_crawl = {row["site"]: row for row in newest}
    assert {site: row["status"] for site, row in first_crawl.items()} == {
        "yonhap": "finished", "koreaherald": "finished"}  # fmt: skip
    assert {site: row["new"] for site, row in first_crawl.items()} == {
        "yonhap": 20, "koreaherald": 20}  # fmt: skip
    with psycopg.connect(database_url) as conn:
        stats = dict(conn.execute("SELECT id, stats FROM crawl_runs").fetchall())
    for row in rows:
        assert row["copies"] == stats[row["id"]].get("store/duplicate_linked", 0)
    assert all(row["failed"] == 0 and row["updated"] == 0 for row in oldest)
    assert second_crawl["yonhap"]["status"] == "failed"
    assert second_crawl["yonhap"]["new"] == 0
    assert any(e.get("stat") == "discovery/failed" for e in second_crawl["yonhap"]["errors"])
    assert second_crawl["koreaherald"]["status"] == "finished"
    assert second_crawl["koreaherald"]["new"] == 0  # all known from the first crawl

    with psycopg.connect(database_url) as conn:  # the liveness query of docs/operations.md
        alive = dict(conn.execute(documented_query("is it alive")).fetchall())
    assert set(alive) == {"yonhap", "koreaherald"}
    assert alive["koreaherald"] > alive["yonhap"]  # Yonhap's last good run is the first crawl

    table = run_newscrawl(["runs", "--limit", "2"], database_url)
    lines = table.stdout.strip().splitlines()
    assert lines[0].split()[:5] == ["id", "site", "started_at", "finished_at", "status"]
    assert len(lines) == 3
    yonhap = next(line for line in lines if " yonhap " in line)
    assert " failed " in yonhap and "discovery/failed=" in yonhap


# environment variable -> (setting shown by `newscrawl config`, typed value its JSON shows)
ENVIRONMENT = {
    "NEWSCRAWL_CONTACT_URL": ("NEWSCRAWL_CONTACT_URL", "https://example.org/newscrawl-ops"),
    "NEWSCRAWL_USER_AGENT": ("USER_AGENT", "ops-test-agent/1.0"),
    "NEWSCRAWL_CONCURRENT_PER_SITE": ("CONCURRENT_REQUESTS_PER_DOMAIN", 1),
    "NEWSCRAWL_CONCURRENT_REQUESTS": ("CONCURRENT_REQUESTS", 4),
    "NEWSCRAWL_DOWNLOAD_DELAY": ("DOWNLOAD_DELAY", 2.5),
    "NEWSCRAWL_AUTOTHROTTLE": ("AUTOTHROTTLE_ENABLED", False),
    "NEWSCRAWL_DOWNLOAD_TIMEOUT": ("DOWNLOAD_TIMEOUT", 45.0),
    "NEWSCRAWL_RETRY_TIMES": ("RETRY_TIMES", 5),
    "NEWSCRAWL_RETRY_BACKOFF": ("NEWSCRAWL_RETRY_BACKOFF", 2.0),
    "NEWSCRAWL_RETRY_MAX_DELAY": ("NEWSCRAWL_RETRY_MAX_DELAY", 90.0),
    "NEWSCRAWL_DB_POOL_SIZE": ("NEWSCRAWL_DB_POOL_SIZE", 3),
    "NEWSCRAWL_SYNCHRONOUS_COMMIT": ("NEWSCRAWL_SYNCHRONOUS_COMMIT", "on"),
    "NEWSCRAWL_EXTRACT_WORKERS": ("NEWSCRAWL_EXTRACT_WORKERS", 0),
    "NEWSCRAWL_TOPIC_RULES": ("NEWSCRAWL_TOPIC_RULES", "/etc/newscrawl/topic-rules.yaml"),
    "NEWSCRAWL_KEEP_NON_BILATERAL": ("NEWSCRAWL_KEEP_NON_BILATERAL", False),
    "NEWSCRAWL_LOG_LEVEL": ("LOG_LEVEL", "WARNING"),
    "NEWSCRAWL_HOME": ("NEWSCRAWL_HOME", "/var/lib/newscrawl"),
}
ENV_VALUES = {"NEWSCRAWL_AUTOTHROTTLE": "0", "NEWSCRAWL_KEEP_NON_BILATERAL": "no",
              "NEWSCRAWL_RETRY_BACKOFF": "2", "NEWSCRAWL_RETRY_MAX_DELAY": "90",
              "NEWSCRAWL_LOG_LEVEL": "warning", "NEWSCRAWL_SYNCHRONOUS_COMMIT": "1"}  # fmt: skip


def test_config_prints_every_setting_from_the_environment_with_secrets_masked(database_url):
    """`newscrawl config` shows each setting an operator can set, with the value the
    environment gave it (defaults otherwise), in table and JSON form (JSON typed: numbers and
    booleans as such), each with the variable that sets it; DATABASE_URL is shown with its
    password masked."""
    secret = "Zq7-config-pw"
    url = f"postgresql://crawler:{secret}@db.example.org:5432/newscrawl?sslmode=require"
    env = {name: ENV_VALUES.get(name, str(shown)) for name, (_, shown) in ENVIRONMENT.items()}
    result = run_newscrawl(["config", "--format", "json"], url, env=env)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    values = {row["name"]: row["value"] for row in rows}
    assert values["DATABASE_URL"] == (
        "postgresql://crawler:***@db.example.org:5432/newscrawl?sslmode=require")
    for variable, (setting, shown) in ENVIRONMENT.items():
        assert values[setting] == shown and type(values[setting]) is type(shown), setting
        assert {"name": setting, "value": shown, "env": variable} in rows
    table = run_newscrawl(["config"], url, env=env)
    assert table.returncode == 0
    assert secret not in result.stdout + table.stdout + result.stderr + table.stderr
    for name in values:
        assert any(line.split()[0] == name for line in table.stdout.splitlines()), name

    defaults = run_newscrawl(["config", "--format", "json"], database_url)
    values = {row["name"]: row["value"] for row in json.loads(defaults.stdout)}
    assert values["DOWNLOAD_DELAY"] == 0.5 and values["ROBOTSTXT_OBEY"] is True
    assert values["NEWSCRAWL_SYNCHRONOUS_COMMIT"] == "off"
    assert values["NEWSCRAWL_TOPIC_RULES"].endswith("newscrawl/data/topics.yaml")
    assert Path(values["NEWSCRAWL_TOPIC_RULES"]).is_file()  # the packaged rules, not None
