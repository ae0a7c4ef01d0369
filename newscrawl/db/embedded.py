"""The embedded PostgreSQL used when no DATABASE_URL is set.

`pgserver` (the `embedded` extra) ships a PostgreSQL server as a wheel (CPython up to 3.12).
Where it is missing, the server binaries on PATH (`initdb`, `pg_ctl`) are used the same way.
The data directory lives under NEWSCRAWL_HOME and is reused on the next run; the server
listens on a Unix socket only.

Who keeps the server up: pgserver records the PID of every process holding it in
`pgdata/.handle_pids.json` and stops the server when the last one exits. Two additions here:

- a process killed before it could remove its PID (kill -9, the OOM killer) would keep the
  server running forever, so dead PIDs are dropped before a process joins: the server it left
  behind is reused (pgserver finds it through `postmaster.pid`, never starts a second one) and
  stopped by the last live holder;
- `newscrawl db start` adds the postmaster's own PID as a holder, so the server outlives every
  command until `newscrawl db stop` removes it (other tools, psql, can then connect).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import warnings
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import quote

from newscrawl.errors import NewscrawlError, UsageError

DATABASE_NAME = "newscrawl"
HANDLES = ".handle_pids.json"  # pgserver's list of holder PIDs, inside the data directory
logging.getLogger("pgserver").setLevel(logging.WARNING)  # it logs every command at INFO
_servers: dict[Path, Any] = {}  # keeps pgserver handles alive for the life of the process


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


def _pgserver() -> ModuleType | None:
    try:
        with warnings.catch_warnings():  # platformdirs warns about XDG_RUNTIME_DIR under cron
            warnings.simplefilter("ignore")
            import pgserver  # type: ignore[import-not-found]
    except ImportError:
        return None
    return pgserver


def bin_dir() -> Path | None:
    """The PostgreSQL programs pgserver ships (psql, pg_dump...), when it is installed."""
    pgserver = _pgserver()
    if pgserver is None:
        return None
    from pgserver._commands import POSTGRES_BIN_PATH  # type: ignore[import-not-found]

    return Path(POSTGRES_BIN_PATH)


def start(home: Path) -> str:
    """Start (or join) the embedded server for `home` and return a URL to its database."""
    pgdata = ensure_writable(home) / "pgdata"
    pgserver = _pgserver()
    if pgserver is None:
        return _start_with_path_binaries(pgdata)
    key = pgdata.resolve()
    server = _servers.get(key)
    if server is None:
        forget_dead_holders(pgdata)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                server = pgserver.get_server(pgdata, cleanup_mode="stop")
        except Exception as exc:  # pgserver raises plain exceptions with the server log
            first = str(exc).strip().splitlines()[:1] or [type(exc).__name__]
            raise NewscrawlError(f"embedded PostgreSQL in {pgdata} failed: {first[0]}") from None
        _servers[key] = server
    _ensure_database(_url(server, "postgres"))
    return _url(server, DATABASE_NAME)


def _url(server: Any, database: str) -> str:
    """postgresql://postgres@/DB?host=SOCKET_DIR: no empty password (which a mask would
    show as ***), the socket directory quoted, so psql and other tools take it as printed."""
    info = server.get_postmaster_info()
    if info.socket_dir is None:  # pgserver on Windows listens on a port
        return server.get_uri(database)
    return f"postgresql://postgres@/{database}?host={quote(str(info.socket_dir), safe='/')}"


def _ensure_database(admin_url: str) -> None:
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", (DATABASE_NAME,)
        ).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{DATABASE_NAME}"')


# -- holders -----------------------------------------------------------------------------


def _handles_lock() -> Any:
    """pgserver's inter-process lock, the one it takes to read and write the handle list."""
    from pgserver.postgres_server import PostgresServer  # type: ignore[import-not-found]

    return PostgresServer._lock


def _read_handles(pgdata: Path) -> list[int]:
    try:
        values = json.loads((pgdata / HANDLES).read_text())
    except (OSError, ValueError):
        return []
    return [int(v) for v in values if isinstance(v, int)]


def _write_handles(pgdata: Path, pids: list[int]) -> None:
    (pgdata / HANDLES).write_text(json.dumps(pids))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by another user (the postmaster, as root)
        return True
    return True


def forget_dead_holders(pgdata: Path) -> list[int]:
    """Drop the PIDs of holders that died without leaving (kill -9): otherwise the server
    would never be stopped. Returns the PIDs dropped."""
    if not (pgdata / HANDLES).exists():
        return []
    with _handles_lock():
        pids = _read_handles(pgdata)
        dead = [pid for pid in pids if not _alive(pid)]
        if dead:
            _write_handles(pgdata, [pid for pid in pids if pid not in dead])
    return dead


def _postmaster(pgdata: Path) -> Any | None:
    """pgserver's view of postmaster.pid when the server runs, else None."""
    from pgserver.utils import PostmasterInfo  # type: ignore[import-not-found]

    try:
        info = PostmasterInfo.read_from_pgdata(pgdata)
    except (OSError, ValueError, AssertionError):  # a half-written postmaster.pid
        return None
    return info if info is not None and info.is_running() else None


@dataclass(frozen=True)
class Status:
    running: bool
    kept: bool  # kept running by `newscrawl db start`
    holders: tuple[int, ...]  # other processes using it (not this one, not the keep mark)

    def describe(self) -> str:
        if not self.running:
            return "not running (each command starts it and stops it when done)"
        if self.kept:
            return "running, kept by `newscrawl db start` until `newscrawl db stop`"
        return ("running while newscrawl commands use it; `newscrawl db start` keeps it "
                "running for other tools")  # fmt: skip


def status(home: Path) -> Status:
    pgdata = home / "pgdata"
    if _pgserver() is None:
        running = _path_server_running(pgdata)
        return Status(running, running, ())
    info = _postmaster(pgdata) if pgdata.exists() else None
    if info is None:
        return Status(False, False, ())
    forget_dead_holders(pgdata)
    pids = _read_handles(pgdata)
    others = tuple(p for p in pids if p not in (os.getpid(), info.pid))
    return Status(True, info.pid in pids, others)


def keep_running(home: Path) -> str:
    """Start the server if needed and keep it running after this process exits (until
    `stop`); returns the URL of the newscrawl database."""
    url = start(home)
    pgdata = home / "pgdata"
    if _pgserver() is None:  # pg_ctl servers run until stopped anyway
        return url
    info = _postmaster(pgdata)
    if info is None:
        raise NewscrawlError(f"embedded PostgreSQL in {pgdata} stopped while starting")
    with _handles_lock():
        pids = _read_handles(pgdata)
        if info.pid not in pids:
            _write_handles(pgdata, [*pids, info.pid])
    return url


def stop(home: Path) -> str:
    """Stop keeping the server running; stop it now unless other processes use it. Returns
    what happened, in words."""
    pgdata = home / "pgdata"
    if _pgserver() is None:
        if not _path_server_running(pgdata):
            return "the embedded PostgreSQL is not running"
        _run([_path_program("pg_ctl"), "-D", str(pgdata), "-w", "stop"])
        return f"stopped the embedded PostgreSQL in {pgdata}"
    info = _postmaster(pgdata) if pgdata.exists() else None
    if info is None:
        return "the embedded PostgreSQL is not running"
    with _handles_lock():
        pids = [p for p in _read_handles(pgdata) if p != info.pid and _alive(p)]
        _write_handles(pgdata, pids)
    others = [p for p in pids if p != os.getpid()]
    if others:
        return (f"the embedded PostgreSQL keeps running while {len(others)} other process(es) "
                f"use it (pid {', '.join(map(str, others))}); it stops when the last one exits")
    pgserver = _pgserver()
    assert pgserver is not None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        server = _servers.pop(pgdata.resolve(), None) or pgserver.get_server(
            pgdata, cleanup_mode="stop"
        )
    server.cleanup()  # this process is the last holder: pgserver stops the server
    if _postmaster(pgdata) is not None:  # another command joined in the meantime
        return ("the embedded PostgreSQL keeps running while another process uses it; it "
                "stops when the last one exits")  # fmt: skip
    return f"stopped the embedded PostgreSQL in {pgdata}"


# -- without pgserver: initdb and pg_ctl from PATH -----------------------------------------


def _path_program(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise NewscrawlError(
            "no embedded PostgreSQL here: install the `embedded` extra "
            "(pip install 'newscrawl[embedded]'; pgserver needs CPython <= 3.12) or put "
            "initdb/pg_ctl on PATH, or set DATABASE_URL to a PostgreSQL server"
        )
    return found


def _path_server_running(pgdata: Path) -> bool:
    pg_ctl = shutil.which("pg_ctl")
    if not pg_ctl or not (pgdata / "PG_VERSION").exists():
        return False
    return subprocess.run([pg_ctl, "-D", str(pgdata), "status"],
                          capture_output=True).returncode == 0  # fmt: skip


def _start_with_path_binaries(pgdata: Path) -> str:
    """Fallback without pgserver: initdb/pg_ctl from PATH, socket in the data directory. The
    server runs until `newscrawl db stop` (pg_ctl keeps no list of holders)."""
    initdb, pg_ctl = _path_program("initdb"), _path_program("pg_ctl")
    if os.geteuid() == 0:
        raise NewscrawlError(
            "PostgreSQL refuses to run as root: run as another user or set DATABASE_URL"
        )
    if not (pgdata / "PG_VERSION").exists():
        _run([initdb, "-D", str(pgdata), "-U", "postgres", "--auth=trust", "-E", "UTF8"])
    if not _path_server_running(pgdata):
        options = f"-c listen_addresses='' -k {pgdata}"
        log = pgdata / "server.log"
        _run([pg_ctl, "-D", str(pgdata), "-o", options, "-l", str(log), "-w", "start"])
    host = quote(str(pgdata), safe="/")
    _ensure_database(f"postgresql://postgres@/postgres?host={host}")
    return f"postgresql://postgres@/{DATABASE_NAME}?host={host}"


def _run(command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode:
        last = (result.stderr or result.stdout).strip().splitlines()[-1:] or ["failed"]
        raise NewscrawlError(f"{Path(command[0]).name} failed: {last[0]}")
