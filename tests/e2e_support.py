"""Running the real `newscrawl` command against the replica, for end-to-end tests.

A crawl runs in its own process (Scrapy's reactor runs once per process), over real HTTP on
127.0.0.1, into the test's own PostgreSQL database.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import psycopg
from psycopg.rows import dict_row

ROOT = Path(__file__).resolve().parents[1]
NEWSCRAWL = str(Path(sys.executable).with_name("newscrawl"))

# Politeness lifted for loopback, the way the benchmarks do it: on the command line.
LOOPBACK_SETTINGS = (
    "AUTOTHROTTLE_ENABLED=False",
    "DOWNLOAD_DELAY=0",
    "CONCURRENT_REQUESTS_PER_DOMAIN=16",
    "NEWSCRAWL_RETRY_BACKOFF=0.05",
    "NEWSCRAWL_RETRY_MAX_DELAY=2",
    "DOWNLOAD_TIMEOUT=10",
)


def run_newscrawl(
    args: list[str], database_url: str | None, timeout: float = 600,
    env: dict[str, str] | None = None, cwd: str | Path = ROOT,
) -> subprocess.CompletedProcess[str]:
    """The real command; `database_url` None leaves DATABASE_URL out (the embedded server)."""
    full_env = {**os.environ, "DATABASE_URL": database_url or "", **(env or {})}
    if database_url is None:
        full_env.pop("DATABASE_URL")
    return subprocess.run(
        [NEWSCRAWL, *args], capture_output=True, text=True, cwd=cwd, env=full_env,
        timeout=timeout,
    )  # fmt: skip


def crawl_args(server: Any, *extra: str, settings: tuple[str, ...] = LOOPBACK_SETTINGS) -> list:
    args = [
        "crawl",
        "--base-url", f"yonhap={server.yonhap_url}",
        "--base-url", f"koreaherald={server.koreaherald_url}",
    ]  # fmt: skip
    for setting in settings:
        args += ["-s", setting]
    return [*args, *extra]


def crawl_replica(
    server: Any, database_url: str, *extra: str, timeout: float = 600
) -> subprocess.CompletedProcess[str]:
    return run_newscrawl(crawl_args(server, *extra), database_url, timeout=timeout)


def stored_articles(database_url: str) -> dict[str, dict[str, Any]]:
    """Every stored article by canonical URL."""
    with psycopg.connect(database_url) as conn, conn.cursor(row_factory=dict_row) as cur:
        rows = cur.execute("SELECT * FROM articles").fetchall()
    return {row["canonical_url"]: row for row in rows}
