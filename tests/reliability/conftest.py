"""Fixtures of the reliability suite: a database shared by the tests of one module."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import _create_database, _drop_database


@pytest.fixture(scope="module")
def module_db(pg_admin_url: str) -> Iterator[str]:
    """A fresh database shared by the tests of one module (one crawl, many assertions)."""
    url = _create_database(pg_admin_url)
    yield url
    _drop_database(pg_admin_url, url)
