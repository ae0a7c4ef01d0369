"""Shared fixtures: a real PostgreSQL for the whole session, a fresh database per test.

The server is `DATABASE_URL` when the environment gives one (the test databases are created
on it), otherwise an embedded pgserver instance in a temporary directory.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import psycopg
import pytest
from psycopg.conninfo import conninfo_to_dict, make_conninfo

_GIVEN_DATABASE_URL = os.environ.get("DATABASE_URL", "").strip() or None


@pytest.fixture(scope="session")
def pg_admin_url() -> Iterator[str]:
    if _GIVEN_DATABASE_URL:
        yield _GIVEN_DATABASE_URL
        return
    import tempfile
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pgserver

        # Not under pytest's own temporary directory: pytest makes that readable by its user
        # only, and pgserver runs PostgreSQL as another user when the tests run as root.
        pgdata = tempfile.mkdtemp(prefix="newscrawl-pg-")
        server = pgserver.get_server(pgdata, cleanup_mode="delete")
    yield server.get_uri()
    server.cleanup()


def _create_database(admin_url: str) -> str:
    name = f"newscrawl_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    params = conninfo_to_dict(admin_url)
    params["dbname"] = name
    return make_conninfo(**params)


def _drop_database(admin_url: str, url: str) -> None:
    name = conninfo_to_dict(url)["dbname"]
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def database_url(pg_admin_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A fresh, empty database; DATABASE_URL points at it for the code under test."""
    url = _create_database(pg_admin_url)
    monkeypatch.setenv("DATABASE_URL", url)
    yield url
    _drop_database(pg_admin_url, url)


@pytest.fixture
def db(database_url: str) -> Iterator[psycopg.Connection]:
    """An autocommit connection to a fresh, migrated database."""
    from newscrawl.db import migrate

    with psycopg.connect(database_url, autocommit=True) as conn:
        migrate.migrate(conn)
        yield conn


@pytest.fixture
def replica_factory():
    """Start replicas of both sites on free loopback ports; stopped after the test."""
    from newscrawl.replica import ReplicaServer, build_site

    servers = []

    def start(articles: int = 40, seed: int = 1, faults: str | None = None,
              drift: str | None = None, **kw):  # fmt: skip
        site = build_site(articles=articles, seed=seed, **kw)
        server = ReplicaServer(site, faults=faults, drift=drift).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()
