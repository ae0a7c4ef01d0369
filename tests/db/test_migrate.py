"""Migrations against a real PostgreSQL: they apply, record themselves, and are idempotent."""

import psycopg

from newscrawl.db import migrate


def test_migrate_creates_tables_and_records_versions(database_url):
    with psycopg.connect(database_url, autocommit=True) as conn:
        applied = migrate.migrate(conn)
        assert applied == [f"{v:04d}_{n}" for v, n, _ in migrate.available()]
        tables = {
            r[0]
            for r in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            )
        }
        assert {"articles", "raw_pages", "crawl_runs", "schema_migrations"} <= tables
        versions = [r[0] for r in conn.execute("SELECT version FROM schema_migrations")]
        assert sorted(versions) == [v for v, _, _ in migrate.available()]


def test_migrate_twice_applies_nothing_the_second_time(database_url):
    with psycopg.connect(database_url, autocommit=True) as conn:
        first = migrate.migrate(conn)
        second = migrate.migrate(conn)
        count = conn.execute("SELECT count(*) FROM schema_migrations").fetchone()[0]
    assert first and second == []
    assert count == len(first)


def test_times_are_timestamptz(db):
    rows = db.execute(
        """SELECT table_name, column_name, data_type FROM information_schema.columns
           WHERE table_schema = 'public' AND column_name LIKE '%%\\_at' ESCAPE '\\'"""
    ).fetchall()
    assert rows
    assert {r[2] for r in rows} == {"timestamp with time zone"}, rows
