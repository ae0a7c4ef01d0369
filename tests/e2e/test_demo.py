"""`newscrawl demo`: the offline twin of the crawl, end to end, in its own database."""

import psycopg
import pytest
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from tests.e2e_support import run_newscrawl

pytestmark = pytest.mark.e2e


def test_demo_crawls_the_replica_into_a_separate_database(database_url, pg_admin_url):
    result = run_newscrawl(["demo", "--articles", "20", "--seed", "4"], database_url)
    demo_url = make_conninfo(
        **{**conninfo_to_dict(database_url),
           "dbname": conninfo_to_dict(database_url)["dbname"] + "_demo"}
    )  # fmt: skip
    try:
        assert result.returncode == 0, result.stderr[-3000:]
        lines = result.stdout.splitlines()
        assert any(line.startswith("yonhap: 20 new") for line in lines), result.stdout
        assert any(line.startswith("koreaherald: ") for line in lines)
        assert any(line.startswith("stored: ") for line in lines)
        assert any(line.startswith("browse it: newscrawl serve --demo") for line in lines)
        with psycopg.connect(demo_url) as conn:
            assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] >= 38
        with psycopg.connect(database_url) as conn:  # the real database got nothing
            assert conn.execute("SELECT to_regclass('articles')").fetchone()[0] is None
    finally:
        name = conninfo_to_dict(demo_url)["dbname"]
        with psycopg.connect(pg_admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
