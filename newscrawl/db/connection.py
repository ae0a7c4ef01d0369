"""Which database to use and how to connect to it, with errors a person can read."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

import psycopg

from newscrawl import config
from newscrawl.db import embedded
from newscrawl.errors import UsageError

if TYPE_CHECKING:  # imported when a pool is made: the CLI's one-shot commands make none
    from psycopg_pool import ConnectionPool

CONNECT_TIMEOUT = 10


@dataclass(frozen=True)
class Database:
    url: str
    embedded: bool

    def describe(self) -> str:
        kind = "embedded PostgreSQL (pgserver)" if self.embedded else "DATABASE_URL"
        return f"{mask_url(self.url)} [{kind}]"


def mask_url(url: str) -> str:
    """The URL with its password replaced by ***, for logs and messages."""
    masked = re.sub(r"(://[^:/@?#]*:)[^@/?#]*@", r"\1***@", url)
    return re.sub(r"(password=)[^&\s]*", r"\1***", masked, flags=re.IGNORECASE)


def describe_host(url: str) -> str:
    parts = urlsplit(url)
    if parts.hostname:
        return f"{parts.hostname}:{parts.port or 5432}"
    host = parse_qs(parts.query).get("host", ["local socket"])[0]
    return host


_resolved: Database | None = None


def resolve() -> Database:
    """DATABASE_URL when set, else the embedded server (started once per process)."""
    global _resolved
    url = config.database_url()
    if url:
        return Database(url, embedded=False)
    if _resolved is None or not _resolved.embedded:
        _resolved = Database(embedded.start(config.newscrawl_home()), embedded=True)
    return _resolved


def connect(database: Database | None = None, **kwargs) -> psycopg.Connection:
    """A connection, or one line naming the host (password masked) and exit code 2."""
    database = database or resolve()
    try:
        return psycopg.connect(database.url, connect_timeout=CONNECT_TIMEOUT, **kwargs)
    except psycopg.OperationalError as exc:
        first = (str(exc).strip().splitlines() or ["connection failed"])[0]
        reason = mask_url(first.rsplit("failed: ", 1)[-1].strip())
        raise UsageError(
            f"cannot connect to PostgreSQL at {describe_host(database.url)} "
            f"({mask_url(database.url)}): {reason}"
        ) from None
    except psycopg.ProgrammingError as exc:
        raise UsageError(f"invalid DATABASE_URL {mask_url(database.url)}: {exc}") from None


def pool(
    database: Database,
    name: str,
    max_size: int,
    configure: Callable[[psycopg.Connection], None] | None = None,
) -> ConnectionPool:
    """An open pool of autocommit connections; the one place pools are made.

    Checked on every checkout: a server restart leaves dead connections behind. `configure`
    runs on each new connection (a SET, not a startup option: options from DATABASE_URL or
    PGOPTIONS stay, and poolers that refuse startup options, PgBouncer, still accept it).
    """
    from psycopg_pool import ConnectionPool

    connect(database).close()  # one readable error if it is unreachable
    return ConnectionPool(
        database.url,
        min_size=1,
        max_size=max_size,
        kwargs={"autocommit": True, "connect_timeout": CONNECT_TIMEOUT},
        configure=configure,
        check=ConnectionPool.check_connection,
        open=True,
        name=name,
    )
