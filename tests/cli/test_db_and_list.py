"""The CLI's foundation commands against a real PostgreSQL, and its one-line errors."""

import json
import os
import subprocess
import sys

import pytest

from newscrawl.cli import main
from newscrawl.db.store import store_article
from tests.db.test_store import make_item


def test_db_migrate_then_info(database_url, capsys):
    assert main(["db", "migrate"]) == 0
    assert "database ready" in capsys.readouterr().out
    assert main(["db", "migrate"]) == 0
    out = capsys.readouterr().out
    assert "applied" not in out and "database ready" in out
    assert main(["db", "info"]) == 0
    assert "articles: 0" in capsys.readouterr().out


def test_list_json_has_the_documented_fields(db, capsys):
    store_article(db, make_item())
    store_article(
        db,
        make_item(
            source="koreaherald",
            url="https://www.koreaherald.com/article/10480001",
            canonical_url="https://www.koreaherald.com/article/10480001",
            site_article_id="10480001",
            title="Second",
        ),
    )
    assert main(["list", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 2
    assert {"id", "source", "canonical_url", "title", "published_at"} <= set(rows[0])
    assert main(["list", "--source", "koreaherald", "--format", "json"]) == 0
    assert [r["title"] for r in json.loads(capsys.readouterr().out)] == ["Second"]
    assert main(["list"]) == 0
    table = capsys.readouterr().out
    assert table.splitlines()[0].split()[:3] == ["id", "source", "published_at"]


def test_password_is_masked_in_db_info(database_url, capsys, monkeypatch):
    # Add a password to the conninfo: the trust-authenticated server ignores it.
    monkeypatch.setenv("DATABASE_URL", database_url + " password=hunter2")
    assert main(["db", "info"]) == 0
    out = capsys.readouterr().out
    assert "hunter2" not in out and "password=***" in out


def test_unreachable_database_is_one_line_and_exit_2(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgresql://crawler:s3cret@127.0.0.1:1/news")
    result = subprocess.run(
        [os.path.join(os.path.dirname(sys.executable), "newscrawl"), "db", "info"],
        capture_output=True, text=True, env=dict(os.environ),
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "127.0.0.1:1" in lines[0] and "s3cret" not in lines[0]


def test_unwritable_home_says_so(monkeypatch, tmp_path, capsys):
    home = tmp_path / "ro"
    home.mkdir()
    home.chmod(0o500)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("NEWSCRAWL_HOME", str(home / "sub"))
    if os.geteuid() == 0:  # root writes anywhere: use a path that cannot be a directory
        monkeypatch.setenv("NEWSCRAWL_HOME", "/proc/newscrawl")
    assert main(["db", "info"]) == 2
    err = capsys.readouterr().err
    assert "NEWSCRAWL_HOME" in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("argv", [["list", "--since", "yesterday"], ["list", "--limit", "0"]])
def test_bad_arguments_exit_2(argv, capsys):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    assert "error" in capsys.readouterr().err
