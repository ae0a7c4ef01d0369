"""The database within reach: `newscrawl db shell`, `db dump`, `db start` / `db stop`, on the
embedded server (a real pgserver in a home of its own) and on DATABASE_URL (the suite's
server), run as real processes; and a server left behind by a killed command."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from newscrawl.db import client
from newscrawl.db.store import store_article
from tests.conftest import _create_database, _drop_database
from tests.db.test_store import make_item
from tests.e2e_support import run_newscrawl
from tests.ops.support import HANG_GUARD, closed_port, wait_for, with_password

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def home() -> Iterator[Path]:
    """NEWSCRAWL_HOME of an embedded server for this module. Not under pytest's temporary
    directory: pgserver runs PostgreSQL as another user when the tests run as root."""
    path = Path(tempfile.mkdtemp(prefix="newscrawl-home-"))
    yield path
    run_newscrawl(["db", "stop"], None, env={"NEWSCRAWL_HOME": str(path)})
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def embedded(home: Path) -> Iterator[dict[str, str]]:
    """The environment of a command on the embedded server; stopped again after the test."""
    env = {"NEWSCRAWL_HOME": str(home)}
    yield env
    run_newscrawl(["db", "stop"], None, env=env)
    assert postmaster(home) is None, "the embedded server was left running"


def postmaster(home: Path) -> int | None:
    """The PID of the embedded server when it runs."""
    pid_file = home / "pgdata" / "postmaster.pid"
    try:
        pid = int(pid_file.read_text().split()[0])
        os.kill(pid, 0)
    except (OSError, ValueError, IndexError):
        return None
    return pid


def holders(home: Path) -> list[int]:
    path = home / "pgdata" / ".handle_pids.json"
    return json.loads(path.read_text()) if path.exists() else []


def psql() -> str:
    """A psql that is not newscrawl: the program itself, as another tool would run it."""
    found = client.candidates("psql")
    if not found:
        pytest.skip("no psql here")
    return found[0]


def one_line(stderr: str) -> str:
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    return lines[0]


# -- db shell --------------------------------------------------------------------------------


def test_db_shell_runs_sql_on_database_url(db, database_url):
    """`db shell -c SQL` runs psql on DATABASE_URL (a password reaches psql through the
    environment, and is accepted) and passes psql's exit code on."""
    store_article(db, make_item(title="Shell sees this"))
    url, _ = with_password(database_url, "url")
    result = run_newscrawl(["db", "shell", "-c", "SELECT title FROM articles"], url)
    assert result.returncode == 0, result.stderr
    assert "Shell sees this" in result.stdout
    failed = run_newscrawl(["db", "shell", "-c", "SELECT * FROM no_such_table"], database_url)
    assert failed.returncode == 1 and "no_such_table" in failed.stderr


def test_db_shell_on_the_embedded_database_keeps_the_server_while_psql_runs(embedded, home):
    """Without DATABASE_URL, psql runs on the embedded `newscrawl` database, started for it;
    when the command ends, the server stops with it (no `db start` was given)."""
    result = run_newscrawl(["db", "shell", "-c", "SELECT current_database()"], None,
                           env=embedded)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "newscrawl" in result.stdout.split()
    assert postmaster(home) is None


# -- db start / db stop ----------------------------------------------------------------------


def test_db_start_keeps_the_server_for_other_tools_until_db_stop(embedded, home):
    """`db start` prints a URL that psql (not newscrawl) connects to after the command has
    exited, as does a newscrawl command given it as DATABASE_URL; `db info` prints the same
    URL and says the server is kept; `db stop` stops it, and the URL no longer answers."""
    started = run_newscrawl(["db", "start"], None, env=embedded)
    assert started.returncode == 0, started.stderr
    url = started.stdout.strip().rsplit(": ", 1)[1]
    assert url.startswith("postgresql://postgres@/newscrawl?host=")
    assert postmaster(home) is not None

    outside = subprocess.run([psql(), url, "-Atc", "SELECT current_database()"],
                             capture_output=True, text=True, timeout=HANG_GUARD)  # fmt: skip
    assert outside.returncode == 0, outside.stderr
    assert outside.stdout.strip() == "newscrawl"
    migrated = run_newscrawl(["db", "migrate"], url)
    assert migrated.returncode == 0, migrated.stderr
    info = run_newscrawl(["db", "info"], None, env=embedded)
    assert f"database: {url} " in info.stdout and "kept by `newscrawl db start`" in info.stdout
    again = subprocess.run([psql(), url, "-Atc", "SELECT count(*) FROM articles"],
                           capture_output=True, text=True, timeout=HANG_GUARD)  # fmt: skip
    assert again.stdout.strip() == "0", again.stderr

    stopped = run_newscrawl(["db", "stop"], None, env=embedded)
    assert stopped.returncode == 0 and "stopped" in stopped.stdout, stopped.stderr
    assert postmaster(home) is None
    gone = subprocess.run([psql(), url, "-Atc", "SELECT 1"], capture_output=True, text=True,
                          timeout=HANG_GUARD)  # fmt: skip
    assert gone.returncode != 0


def test_a_server_left_by_a_killed_command_is_reused_then_stopped(embedded, home):
    """A command killed with SIGKILL while it used the embedded server leaves it running with
    its dead PID in pgserver's holder list. The next command drops that PID, reuses the same
    server (same postmaster, not a second one) and, being its last user, stops it."""
    code = ("import sys, time; from pathlib import Path; from newscrawl.db import embedded\n"
            "import psycopg\n"
            "url = embedded.start(Path(sys.argv[1]))\n"
            "with psycopg.connect(url) as c:\n"
            "    row = c.execute('SELECT pg_postmaster_start_time()::text').fetchone()\n"
            "print(row[0], flush=True)\n"
            "time.sleep(600)\n")  # fmt: skip
    holder = subprocess.Popen([sys.executable, "-c", code, str(home)], stdout=subprocess.PIPE,
                              text=True, env={**os.environ, **embedded})  # fmt: skip
    try:
        started_at = holder.stdout.readline().strip()
        assert started_at, "the holder did not start the server"
        server = postmaster(home)
        assert server is not None and holder.pid in holders(home)
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(HANG_GUARD)
    assert postmaster(home) == server  # left running, its dead holder still listed
    assert holder.pid in holders(home)

    sql = "SELECT pg_postmaster_start_time()::text"
    result = run_newscrawl(["db", "shell", "-c", sql], None, env=embedded)
    assert result.returncode == 0, result.stderr
    assert started_at in result.stdout  # the same server, reused
    wait_for(lambda: postmaster(home) is None, "the left-behind server to stop")
    assert holders(home) == []


# -- db dump ---------------------------------------------------------------------------------


def test_db_dump_writes_a_backup_that_restores(db, database_url, pg_admin_url, tmp_path):
    """`db dump FILE` writes plain SQL with pg_dump; psql restores it into an empty database
    with the same articles."""
    store_article(db, make_item(title="Backed up"))
    target = tmp_path / "backup.sql"
    result = run_newscrawl(["db", "dump", str(target)], database_url)
    assert result.returncode == 0, result.stderr
    assert "CREATE TABLE public.articles" in target.read_text()
    restored = _create_database(pg_admin_url)
    try:
        load = subprocess.run([psql(), restored, "-q", "-v", "ON_ERROR_STOP=1", "-f",
                               str(target)], capture_output=True, text=True,
                              timeout=HANG_GUARD)  # fmt: skip
        assert load.returncode == 0, load.stderr
        with psycopg.connect(restored) as conn:
            titles = [r[0] for r in conn.execute("SELECT title FROM articles")]
        assert titles == ["Backed up"]
    finally:
        _drop_database(pg_admin_url, restored)


# -- one line when it cannot be done ---------------------------------------------------------


@pytest.mark.parametrize("argv", [["db", "start"], ["db", "stop"]])
def test_start_and_stop_refuse_database_url(argv, database_url):
    result = run_newscrawl(argv, database_url)
    assert result.returncode == 2
    assert "DATABASE_URL is set" in one_line(result.stderr)


@pytest.mark.parametrize("argv", [["db", "shell", "-c", "SELECT 1"], ["db", "dump", "-"]])
def test_shell_and_dump_on_an_unreachable_server_are_one_line(argv):
    secret = "Zq7-shell-pw"
    result = run_newscrawl(argv, f"postgresql://crawler:{secret}@127.0.0.1:{closed_port()}/x")
    assert result.returncode == 2
    assert "cannot connect" in one_line(result.stderr) and secret not in result.stderr


def test_dump_into_a_missing_directory_is_one_line(database_url):
    result = run_newscrawl(["db", "dump", "/nonexistent-dir/newscrawl.sql"], database_url)
    assert result.returncode == 2
    assert "cannot write" in one_line(result.stderr)
