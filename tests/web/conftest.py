"""One database for the web tests: a crawl of the replica plus the hostile data set, and the
real `newscrawl serve` on it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from tests.conftest import _create_database, _drop_database
from tests.e2e_support import crawl_replica
from tests.web import hostile
from tests.web.support import Served, start_server


@dataclass
class WebData:
    url: str  # the database's conninfo
    hostile: dict[str, int]  # ids of the hostile original, (LEAD) and copy


@pytest.fixture(scope="session")
def web_data(pg_admin_url: str) -> Iterator[WebData]:
    from newscrawl.replica import ReplicaServer, build_site

    url = _create_database(pg_admin_url)
    with ReplicaServer(build_site(articles=40, seed=3)) as site:
        result = crawl_replica(site, url)
        assert result.returncode == 0, result.stderr[-3000:]
    ids = hostile.load(url)
    yield WebData(url, ids)
    _drop_database(pg_admin_url, url)


@pytest.fixture(scope="session")
def server(web_data: WebData) -> Iterator[Served]:
    served = start_server(web_data.url)
    yield served
    err = served.stop()
    assert "Traceback" not in err, err[-3000:]
    assert served.process.returncode == 0, err[-3000:]  # SIGTERM ends it normally


@pytest.fixture
def cli(web_data: WebData, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture):
    """`newscrawl ... --format json` (its main(), in this process) on the web database."""
    import json

    from newscrawl.cli import main

    monkeypatch.setenv("DATABASE_URL", web_data.url)

    def run(*argv: str):
        capsys.readouterr()
        assert main([*argv, "--format", "json"]) == 0
        return json.loads(capsys.readouterr().out)

    return run
