"""Helpers for the operational tests: crawls as background processes, the lock as seen by
PostgreSQL, a DATABASE_URL carrying a password, waiting on a condition.

Waiting is bounded by a generous deadline that only guards against a hang; no test asserts on
how long anything took.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import threading
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from newscrawl.db.lock import CRAWL_LOCK_KEY
from tests.e2e_support import NEWSCRAWL, ROOT, crawl_args

HANG_GUARD = 120.0  # seconds; a test waiting this long has failed, whatever it waits for
FAKE_PASSWORD = "Zq7-pw-never-logged"  # the trust-auth test server ignores it


def wait_for(condition: Callable[[], Any], what: str, timeout: float = HANG_GUARD) -> Any:
    """Poll until `condition()` is truthy and return its value; fail after the hang guard."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.1)


def start_newscrawl(
    args: list[str], database_url: str, env: dict[str, str] | None = None, **popen: Any
) -> subprocess.Popen[str]:
    """The real `newscrawl` command in the background, output captured."""
    full_env = {**os.environ, "DATABASE_URL": database_url, **(env or {})}
    return subprocess.Popen(
        [NEWSCRAWL, *args], cwd=ROOT, env=full_env, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, **popen,
    )  # fmt: skip


def start_crawl(server: Any, database_url: str, *extra: str) -> subprocess.Popen[str]:
    """`newscrawl crawl` of the replica in the background."""
    return start_newscrawl(crawl_args(server, *extra), database_url)


def lock_holders(database_url: str) -> list[int]:
    """Backend pids holding the crawl lock (session-level advisory lock on CRAWL_LOCK_KEY)."""
    with psycopg.connect(database_url, autocommit=True) as conn:
        rows = conn.execute(
            """SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted
               AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
               AND classid = 0 AND objid = %s AND objsubid = 1""",
            (CRAWL_LOCK_KEY & 0xFFFFFFFF,),
        ).fetchall()
    return [row[0] for row in rows]


def runs(database_url: str) -> list[tuple[Any, ...]]:
    """(site, status, finished_at, stats) of every crawl_runs row, oldest first."""
    with psycopg.connect(database_url, autocommit=True) as conn:
        if not conn.execute("SELECT to_regclass('crawl_runs')").fetchone()[0]:
            return []
        return conn.execute(
            "SELECT site, status, finished_at, stats FROM crawl_runs ORDER BY id"
        ).fetchall()


def article_count(database_url: str) -> int:
    with psycopg.connect(database_url, autocommit=True) as conn:
        if not conn.execute("SELECT to_regclass('articles')").fetchone()[0]:
            return 0
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def with_password(database_url: str, form: str) -> tuple[str, str]:
    """The test database's URL with a password, as a conninfo string or as a URL.

    Returns (url, password). The test server trusts local connections and ignores the password;
    when the given server already needs one, that one is the secret to keep out of the output.
    """
    params = conninfo_to_dict(database_url)
    password = str(params.get("password") or FAKE_PASSWORD)
    params["password"] = password
    if form == "conninfo":
        return make_conninfo(**params), password
    user = quote(str(params.pop("user", "postgres")), safe="")
    dbname = quote(str(params.pop("dbname")), safe="")
    host = str(params.pop("host", ""))
    port = params.pop("port", None)
    params.pop("password")
    query = {k: str(v) for k, v in params.items()}
    netloc = f"{user}:{quote(password, safe='')}@"
    if host and not host.startswith("/"):
        netloc += host + (f":{port}" if port else "")
    else:
        if host:
            query["host"] = host
        if port:
            query["port"] = str(port)
    qs = "&".join(f"{k}={quote(v, safe='/')}" for k, v in query.items())
    return f"postgresql://{netloc}/{dbname}" + (f"?{qs}" if qs else ""), password




OPERATIONS = ROOT / "docs" / "operations.md"


def documented_query(after: str) -> str:
    """The first ```sql block after `after` in docs/operations.md."""
    text = OPERATIONS.read_text()
    return re.search(r"```sql\n(.*?)```", text[text.index(after):], re.DOTALL)[1]


class Gate:
    """Holds the replica's responses of some kinds (article pages by default) until opened.

    A crawl behind a closed gate is mid-flight for as long as the test wants: requests are in
    progress, nothing times out (with a long DOWNLOAD_TIMEOUT), and no test depends on timing.
    """

    def __init__(self, server: Any, kinds: tuple[str, ...] = ("article",)) -> None:
        self.opened = threading.Event()
        self.held: list[tuple[str, str]] = []
        self._lock = threading.Lock()
        inner = server.respond

        def respond(source: str, target: str, origin: str, user_agent: str = "") -> Any:
            response = inner(source, target, origin, user_agent)
            if response.kind in kinds and not self.opened.is_set():
                with self._lock:
                    self.held.append((source, target))
                self.opened.wait(HANG_GUARD)
            return response

        server.respond = respond

    def waiting(self) -> int:
        with self._lock:
            return len(self.held)

    def both_sites_waiting(self) -> bool:
        """Both spiders are open and have an article request held (so both run rows exist)."""
        with self._lock:
            return {site for site, _ in self.held} == {"yonhap", "koreaherald"}

    def open(self) -> None:
        self.opened.set()


class StderrReader:
    """Collects a background process's stderr lines as they come (a reader thread)."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.lines: list[str] = []
        assert process.stderr is not None
        self._thread = threading.Thread(target=self._read, args=(process.stderr,), daemon=True)
        self._thread.start()

    def _read(self, stream: Any) -> None:
        for line in stream:
            self.lines.append(line)

    def seen(self, text: str) -> bool:
        return any(text in line for line in list(self.lines))

    def text_so_far(self) -> str:
        return "".join(list(self.lines))

    def text(self) -> str:
        """Everything, once the process has closed its stderr."""
        self._thread.join(HANG_GUARD)
        return "".join(self.lines)
