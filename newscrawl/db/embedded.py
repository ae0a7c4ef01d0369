"""The embedded PostgreSQL used when no DATABASE_URL is set.

`pgserver` ships a PostgreSQL server as a wheel (CPython up to 3.12). Where it is missing, the
server binaries on PATH (`initdb`, `pg_ctl`) are used the same way. The data directory lives
under NEWSCRAWL_HOME and is reused on the next run; the server listens on a Unix socket only.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import warnings
from pathlib import Path

from newscrawl.errors import NewscrawlError, UsageError

DATABASE_NAME = "newscrawl"
logging.getLogger("pgserver").setLevel(logging.WARNING)  # it logs every command at INFO
_servers: dict[Path, object] = {}  # keeps pgserver handles alive for the life of the process


def ensure_writable(home: Path) -> Path:
    """Create NEWSCRAWL_HOME if needed; a clear error when it cannot be written."""
    try:
        home.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(
            f"data directory {home} cannot be created ({exc.strerror}); "
            "set NEWSCRAWL_HOME to a writable directory or DATABASE_URL to a server"
        ) from None
    if not os.access(home, os.W_OK | os.X_OK):
        raise UsageError(
            f"data directory {home} is not writable; "
            "set NEWSCRAWL_HOME to a writable directory or DATABASE_URL to a server"
        )
    return home


def start(home: Path) -> str:
    """Start (or join) the embedded server for `home` and return a URL to its database."""
    pgdata = ensure_writable(home) / "pgdata"
    try:
        with warnings.catch_warnings():  # platformdirs warns about XDG_RUNTIME_DIR under cron
            warnings.simplefilter("ignore")
            import pgserver  # type: ignore[import-not-found]
    except ImportError:
        return _start_with_path_binaries(pgdata)
    key = pgdata.resolve()
    server = _servers.get(key)
    if server is None:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                server = pgserver.get_server(pgdata, cleanup_mode="stop")
        except Exception as exc:  # pgserver raises plain exceptions with the server log
            first = str(exc).strip().splitlines()[:1] or [type(exc).__name__]
            raise NewscrawlError(f"embedded PostgreSQL in {pgdata} failed: {first[0]}") from None
        _servers[key] = server
    _ensure_database(server.get_uri())  # type: ignore[attr-defined]
    return server.get_uri(DATABASE_NAME)  # type: ignore[attr-defined]


def _ensure_database(admin_url: str) -> None:
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", (DATABASE_NAME,)
        ).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{DATABASE_NAME}"')


def _start_with_path_binaries(pgdata: Path) -> str:
    """Fallback without pgserver: initdb/pg_ctl from PATH, socket in the data directory."""
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    if not (initdb and pg_ctl):
        raise NewscrawlError(
            "no embedded PostgreSQL here (pgserver needs CPython <= 3.12, and initdb/pg_ctl "
            "are not on PATH): set DATABASE_URL to a PostgreSQL server"
        )
    if os.geteuid() == 0:
        raise NewscrawlError(
            "PostgreSQL refuses to run as root: run as another user or set DATABASE_URL"
        )
    if not (pgdata / "PG_VERSION").exists():
        _run([initdb, "-D", str(pgdata), "-U", "postgres", "--auth=trust", "-E", "UTF8"])
    if subprocess.run([pg_ctl, "-D", str(pgdata), "status"], capture_output=True).returncode:
        options = f"-c listen_addresses='' -k {pgdata}"
        log = pgdata / "server.log"
        _run([pg_ctl, "-D", str(pgdata), "-o", options, "-l", str(log), "-w", "start"])
    admin = f"postgresql://postgres@/postgres?host={pgdata}"
    _ensure_database(admin)
    return f"postgresql://postgres@/{DATABASE_NAME}?host={pgdata}"


def _run(command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode:
        last = (result.stderr or result.stdout).strip().splitlines()[-1:] or ["failed"]
        raise NewscrawlError(f"{Path(command[0]).name} failed: {last[0]}")
