"""`newscrawl db migrate` and `newscrawl db info`."""

from __future__ import annotations

import argparse

from newscrawl.db import connection, migrate


def register(sub: argparse._SubParsersAction) -> None:
    db = sub.add_parser("db", help="create or inspect the database")
    db_sub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    p = db_sub.add_parser("migrate", help="apply the schema migrations (idempotent)")
    p.set_defaults(handler=run_migrate)
    p = db_sub.add_parser("info", help="print which database is in use (password masked)")
    p.set_defaults(handler=run_info)


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
    print(f"schema:   version {max(done, default=0)} of {latest}")
    print(f"articles: {articles}")
    return 0


def _tables(conn) -> set[str]:
    rows = conn.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
    ).fetchall()
    return {r[0] for r in rows}
