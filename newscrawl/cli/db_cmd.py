"""`newscrawl db ...`: the database in use, within reach of the user and of other tools.

migrate and info; shell (psql) and dump (pg_dump) on the database in use, embedded or
DATABASE_URL; start and stop keep the embedded server running between commands, so that
other programs can connect to the URL that `db info` prints.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from newscrawl import config
from newscrawl.db import client, connection, embedded, migrate
from newscrawl.errors import UsageError


def register(sub: argparse._SubParsersAction) -> None:
    db = sub.add_parser("db", help="create, inspect, open, back up the database")
    db_sub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    p = db_sub.add_parser("migrate", help="apply the schema migrations (idempotent)")
    p.set_defaults(handler=run_migrate)
    p = db_sub.add_parser("info", help="print which database is in use (password masked)")
    p.set_defaults(handler=run_info)
    p = db_sub.add_parser(
        "shell", help="open psql on the database in use",
        description="Run psql on the database in use (the embedded one, kept up while psql "
        "runs, or DATABASE_URL). psql comes from pgserver, else from PATH.",
    )  # fmt: skip
    p.add_argument("-c", "--command", action="append", default=[], metavar="SQL",
                   help="run this SQL and exit (repeatable), as psql -c")  # fmt: skip
    p.set_defaults(handler=run_shell)
    p = db_sub.add_parser(
        "dump", help="back up the database in use to FILE (pg_dump)",
        description="Write the database in use as plain SQL (pg_dump --no-owner): restore it "
        "with `psql -f FILE` into an empty database. FILE `-` writes to stdout.",
    )  # fmt: skip
    p.add_argument("file", metavar="FILE")
    p.set_defaults(handler=run_dump)
    p = db_sub.add_parser(
        "start", help="keep the embedded PostgreSQL running between commands",
        description="Start the embedded PostgreSQL (no DATABASE_URL) and keep it running "
        "after this command, so psql and other tools can use the URL printed here and by "
        "`newscrawl db info`, until `newscrawl db stop`.",
    )  # fmt: skip
    p.set_defaults(handler=run_start)
    p = db_sub.add_parser("stop", help="stop the embedded PostgreSQL kept by `db start`")
    p.set_defaults(handler=run_stop)


def run_migrate(args: argparse.Namespace) -> int:
    database = connection.resolve()
    applied, version = migrate.ensure(database)
    if applied:
        print(f"applied {len(applied)} migration(s): {', '.join(applied)}")
    print(f"database ready: {database.describe()}, schema version {version}")
    return 0


def run_info(args: argparse.Namespace) -> int:
    database = connection.resolve()
    with connection.connect(database, autocommit=True) as conn:
        server = conn.execute("SHOW server_version").fetchone()[0]
        done = migrate.applied(conn)
        articles = (
            conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            if "articles" in _tables(conn)
            else 0
        )
    latest = max((v for v, _, _ in migrate.available()), default=0)
    print(f"database: {database.describe()}")
    print(f"server:   PostgreSQL {server}")
    if database.embedded:
        print(f"embedded: {embedded.status(config.newscrawl_home()).describe()}")
    print(f"schema:   version {max(done, default=0)} of {latest}")
    print(f"articles: {articles}")
    return 0


def _tables(conn) -> set[str]:
    rows = conn.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
    ).fetchall()
    return {r[0] for r in rows}


def _connected() -> tuple[connection.Database, int]:
    """The database in use, checked reachable (one line, exit 2, if not), and its server's
    major version; this process holds the embedded server until it exits."""
    database = connection.resolve()
    with connection.connect(database, autocommit=True) as conn:
        major = conn.info.server_version // 10000
    return database, major


def run_shell(args: argparse.Namespace) -> int:
    database, _ = _connected()
    conninfo, env = client.connection_args(database.url)
    argv = [client.find("psql"), "--dbname", conninfo]
    for sql in args.command:
        argv += ["--command", sql]
    return client.run(argv, env)


def run_dump(args: argparse.Namespace) -> int:
    target = args.file
    if target != "-":
        parent = Path(target).expanduser().resolve().parent
        if not parent.is_dir() or not os.access(parent, os.W_OK):
            raise UsageError(f"cannot write {target}: {parent} is not a writable directory")
    database, major = _connected()
    conninfo, env = client.connection_args(database.url)
    argv = [client.find("pg_dump", server_major=major), "--dbname", conninfo, "--no-owner"]
    if target != "-":
        argv += ["--file", target]
    code = client.run(argv, env)
    if code == 0 and target != "-":
        size = Path(target).stat().st_size
        print(f"wrote {target} ({size:,} bytes) from {database.describe()}; restore with "
              f"psql -f {target} into an empty database", file=sys.stderr)  # fmt: skip
    return 0 if code == 0 else 1


def _embedded_only(action: str) -> None:
    url = config.database_url()
    if url:
        raise UsageError(
            f"`newscrawl db {action}` manages the embedded PostgreSQL, and DATABASE_URL is set "
            f"({connection.mask_url(url)}): that server is started and stopped outside newscrawl"
        )


def run_start(args: argparse.Namespace) -> int:
    _embedded_only("start")
    home = config.newscrawl_home()
    url = embedded.keep_running(home)
    print(f"embedded PostgreSQL running until `newscrawl db stop`: {url}")
    return 0


def run_stop(args: argparse.Namespace) -> int:
    _embedded_only("stop")
    print(embedded.stop(config.newscrawl_home()))
    return 0
