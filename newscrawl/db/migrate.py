"""Numbered SQL migrations, applied once each and recorded in `schema_migrations`.

`ensure` is the one place the crawl, the CLI and the benchmarks bring a database up to date:
at most once per process and database. An advisory lock serialises concurrent runs (two crawls
starting at once), and each file runs in its own transaction, so a failed migration leaves
nothing half-applied.
"""

from __future__ import annotations

import re
import threading
from importlib import resources

import psycopg

from newscrawl.db import connection

MIGRATION_LOCK_KEY = 0x6E637267  # "ncrg": the advisory lock key for migrations
_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


def available() -> list[tuple[int, str, str]]:
    """(version, name, sql) of every packaged migration, in order."""
    found = []
    for entry in resources.files("newscrawl.db").joinpath("migrations").iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), match.group(2), entry.read_text("utf-8")))
    return sorted(found)


def applied(conn: psycopg.Connection) -> set[int]:
    exists = conn.execute("SELECT to_regclass('schema_migrations') IS NOT NULL").fetchone()
    if not exists or not exists[0]:
        return set()
    return {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}


def migrate(conn: psycopg.Connection) -> list[str]:
    """Apply what has not run yet; return the names applied (empty when up to date)."""
    done: list[str] = []
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK_KEY,))
        conn.execute(
            """CREATE TABLE IF NOT EXISTS schema_migrations (
                   version integer PRIMARY KEY,
                   name text NOT NULL,
                   applied_at timestamptz NOT NULL DEFAULT now())"""
        )
        already = applied(conn)
        for version, name, sql in available():
            if version in already:
                continue
            with conn.transaction():
                conn.execute(sql)
                conn.execute(
                    "INSERT INTO schema_migrations (version, name) VALUES (%s, %s)",
                    (version, name),
                )
            done.append(f"{version:04d}_{name}")
    return done


_ensured: dict[str, int] = {}  # database URL -> schema version, for this process
_ensure_lock = threading.Lock()


def ensure(database: connection.Database | None = None) -> tuple[list[str], int]:
    """Bring the database's schema up to date, once per process: (names applied by this call,
    schema version). Raises the connection's one-line error when it is unreachable."""
    database = database or connection.resolve()
    with _ensure_lock:
        if database.url in _ensured:
            return [], _ensured[database.url]
        with connection.connect(database, autocommit=True) as conn:
            done = migrate(conn)
            version = max(applied(conn), default=0)
        _ensured[database.url] = version
        return done, version
