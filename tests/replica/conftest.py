"""Shared fixtures: a small replica site and a real server on free loopback ports."""

from __future__ import annotations

import http.client
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest

from newscrawl.replica.generate import build_site
from newscrawl.replica.server import ReplicaServer
from newscrawl.replica.site import Site

N = 60
SEED = 7
UA = "newscrawl-tests/0.1 (+https://example.invalid/newscrawl)"


@dataclass
class Fetched:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def fetch(url: str, ua: str = UA, method: str = "GET", headers: dict[str, str] | None = None,
          follow: bool = False) -> Fetched:
    """GET with urllib; HTTP errors and redirects come back as a Fetched, not an exception."""
    req = urllib.request.Request(url, method=method, headers={"User-Agent": ua, **(headers or {})})
    opener = urllib.request.build_opener() if follow else _OPENER
    try:
        with opener.open(req, timeout=30) as r:
            return Fetched(r.status, dict(r.headers.items()), r.read())
    except urllib.error.HTTPError as e:
        return Fetched(e.code, dict(e.headers.items()), e.read())


def raw_get(origin: str, path: str) -> tuple[int, dict[str, str], bytes]:
    """GET with http.client (no retries, no redirect handling); raises on a broken response."""
    u = urlsplit(origin)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    try:
        conn.request("GET", path, headers={"User-Agent": UA})
        r = conn.getresponse()
        return r.status, dict(r.getheaders()), r.read()
    finally:
        conn.close()


@pytest.fixture(scope="session")
def site() -> Site:
    return build_site(N, SEED)


@pytest.fixture(scope="session")
def server(site: Site) -> Iterator[ReplicaServer]:
    with ReplicaServer(site) as srv:
        yield srv


@pytest.fixture()
def fresh_site() -> Site:
    """A private site for tests that mutate it."""
    return build_site(N, SEED)
