"""PostgreSQL's own client programs (psql, pg_dump) on the database in use.

They come from pgserver when it is installed (it ships them next to the server), else from
PATH. The password of DATABASE_URL goes to the program through PGPASSWORD, never on its
command line, where any user could read it in the process list.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
from pathlib import Path

from psycopg.conninfo import conninfo_to_dict, make_conninfo

from newscrawl.db import embedded
from newscrawl.errors import NewscrawlError


def candidates(name: str) -> list[str]:
    """Every copy of a client program, pgserver's first, then the one on PATH."""
    found = []
    bin_dir = embedded.bin_dir()
    if bin_dir is not None and (bin_dir / name).is_file():
        found.append(str(bin_dir / name))
    on_path = shutil.which(name)
    if on_path and on_path not in found:
        found.append(on_path)
    return found


def major_version(program: str) -> int | None:
    """16 for `pg_dump (PostgreSQL) 16.2`."""
    try:
        out = subprocess.run([program, "--version"], capture_output=True, text=True,
                             timeout=30).stdout  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return None
    m = re.search(r"\(PostgreSQL\) (\d+)", out)
    return int(m[1]) if m else None


def find(name: str, server_major: int | None = None) -> str:
    """The program to run; with `server_major`, one at least that new (pg_dump refuses to
    dump a newer server)."""
    found = candidates(name)
    if not found:
        raise NewscrawlError(
            f"{name} not found: install the `embedded` extra (pip install "
            f"'newscrawl[embedded]', which ships it) or PostgreSQL's client programs"
        )
    if server_major is None:
        return found[0]
    versions = {program: major_version(program) for program in found}
    for program, major in versions.items():
        if major is not None and major >= server_major:
            return program
    have = ", ".join(f"{Path(p).name} {v} ({p})" for p, v in versions.items())
    raise NewscrawlError(
        f"the server is PostgreSQL {server_major} and {name} must be at least as new; "
        f"found {have}: install PostgreSQL {server_major}'s client programs"
    )


def connection_args(url: str) -> tuple[str, dict[str, str]]:
    """(conninfo without the password, environment with PGPASSWORD when there is one)."""
    params = {k: str(v) for k, v in conninfo_to_dict(url).items()}
    env = dict(os.environ)
    password = params.pop("password", None)
    if password:
        env["PGPASSWORD"] = password
    return make_conninfo(**params), env


def run(argv: list[str], env: dict[str, str]) -> int:
    """Run a client program in the foreground and return its exit code. Ctrl-C goes to the
    program (psql cancels the query), not to this process, which waits for it to end."""
    try:
        process = subprocess.Popen(argv, env=env)
    except OSError as exc:
        raise NewscrawlError(f"cannot run {argv[0]}: {exc.strerror or exc}") from None
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # after exec: the child keeps it
    try:
        return process.wait()
    finally:
        signal.signal(signal.SIGINT, previous)
