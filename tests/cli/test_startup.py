"""A command imports what it needs: `newscrawl list` and `show` start without Scrapy, the
site parsers or the web view (start-up time is measured in bench/queries.py, not here)."""

from __future__ import annotations

import argparse
import importlib
import json
import subprocess
import sys

import pytest

from newscrawl.cli import COMMAND_MODULES, COMMANDS, main
from newscrawl.db.store import store_article
from tests.db.test_store import make_item

HEAVY = ("scrapy", "twisted", "trafilatura", "lxml", "newscrawl.sites", "newscrawl.crawl",
         "newscrawl.web", "flask", "psycopg_pool", "pgserver")  # fmt: skip


def test_the_command_table_names_each_modules_commands():
    registered = {}
    for name in COMMAND_MODULES:
        sub = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(name).register(sub)
        registered.update(dict.fromkeys(sub.choices, name))
    assert registered == COMMANDS


def _modules_after(argv: list[str]) -> list[str]:
    code = ("import json, sys\nfrom newscrawl.cli import main\n"
            f"code = main({argv!r})\n"
            "print(json.dumps([code, sorted(sys.modules)]), file=sys.stderr)")  # fmt: skip
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    exit_code, modules = json.loads(done.stderr.strip().splitlines()[-1])
    assert exit_code == 0, done.stderr
    return [m for m in modules if m.startswith(HEAVY)]


@pytest.mark.parametrize("argv", [["list"], ["list", "--pair", "JP-KR"], ["show", "{id}"],
                                  ["search", "talks"], ["timeline"], ["stats"]])  # fmt: skip
def test_reading_commands_import_no_crawler(db, argv):
    article = store_article(db, make_item()).article_id
    assert _modules_after([a.format(id=article) for a in argv]) == []


def test_site_options_still_check_their_value(db, capsys):
    assert main(["list", "--source", "koreaherald"]) == 0
    capsys.readouterr()
    with pytest.raises(SystemExit) as exit_:
        main(["list", "--source", "nytimes"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "'koreaherald', 'yonhap'" in err and len(err.strip().splitlines()) == 1
    with pytest.raises(SystemExit):
        main(["runs", "--help"])
    assert "--site {koreaherald,yonhap}" in capsys.readouterr().out
