"""The installed command does not depend on the working directory: cron, systemd and docker
start it anywhere. Crawl, demo and config from a temporary directory, as real processes."""

from __future__ import annotations

import json
import re

import psycopg
import pytest
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from newscrawl import settings as project_settings
from tests.e2e_support import crawl_args, run_newscrawl
from tests.ops.support import article_count

pytestmark = pytest.mark.e2e


@pytest.fixture
def elsewhere(tmp_path):
    """A working directory with no scrapy.cfg in it or above it, nor a spiders package."""
    path = tmp_path / "elsewhere"
    path.mkdir()
    assert not any((parent / "scrapy.cfg").exists() for parent in (path, *path.parents))
    return path


def test_crawl_from_another_directory(replica_factory, database_url, elsewhere):
    """`newscrawl crawl` from a directory outside the checkout finds its spiders, pipelines
    and settings: both sites crawled and stored, no traceback."""
    server = replica_factory(articles=20, seed=5)
    result = run_newscrawl(crawl_args(server), database_url, cwd=elsewhere)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    assert [line.split(":")[0] for line in result.stdout.splitlines()[1:]] == [
        "yonhap", "koreaherald"]  # fmt: skip
    assert article_count(database_url) == 40


def test_demo_from_another_directory(database_url, pg_admin_url, elsewhere):
    """`newscrawl demo` from a directory outside the checkout runs the whole demo."""
    result = run_newscrawl(["demo", "--articles", "10", "--seed", "2"], database_url,
                           cwd=elsewhere)  # fmt: skip
    demo_url = make_conninfo(**{**conninfo_to_dict(database_url),
                                "dbname": conninfo_to_dict(database_url)["dbname"] + "_demo"})
    try:
        assert result.returncode == 0, result.stderr[-3000:]
        assert re.search(r"^yonhap: 10 new", result.stdout, re.MULTILINE), result.stdout
        with psycopg.connect(demo_url) as conn:
            assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] >= 18
    finally:
        with psycopg.connect(pg_admin_url, autocommit=True) as conn:
            name = conninfo_to_dict(demo_url)["dbname"]
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_config_from_another_directory_shows_the_projects_settings(database_url, elsewhere):
    """From elsewhere, `newscrawl config` shows the project's settings (not Scrapy's
    defaults: DOWNLOAD_DELAY 0, LOG_LEVEL DEBUG), the same as from the checkout."""
    result = run_newscrawl(["config", "--format", "json"], database_url, cwd=elsewhere)
    assert result.returncode == 0, result.stderr
    values = {row["name"]: row["value"] for row in json.loads(result.stdout)}
    assert values["DOWNLOAD_DELAY"] == project_settings.DOWNLOAD_DELAY == 0.5
    assert values["LOG_LEVEL"] == "INFO"
    assert values["ROBOTSTXT_OBEY"] is True
    assert values["USER_AGENT"].startswith("newscrawl/")
    from_checkout = run_newscrawl(["config", "--format", "json"], database_url)
    assert json.loads(from_checkout.stdout) == json.loads(result.stdout)
