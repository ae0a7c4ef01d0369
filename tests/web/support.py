"""The real `newscrawl serve` in a subprocess on a free loopback port, and plain HTTP to it."""

from __future__ import annotations

import json
import os
import subprocess
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any

from tests.e2e_support import NEWSCRAWL, ROOT

START_GUARD = 120  # seconds; only guards against a hang


@dataclass
class Served:
    process: subprocess.Popen[str]
    url: str  # http://127.0.0.1:PORT (no trailing slash)
    first_line: str

    def stop(self) -> str:
        """Stop the server (by its pid) and return what it wrote on stderr."""
        self.process.terminate()
        try:
            _, err = self.process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            _, err = self.process.communicate()
        return err


def start_server(database_url: str, *extra: str) -> Served:
    env = {**os.environ, "DATABASE_URL": database_url}
    process = subprocess.Popen(
        [NEWSCRAWL, "serve", "--port", "0", *extra], cwd=ROOT, env=env, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    line = process.stdout.readline() if process.stdout else ""
    if not line.startswith("serving "):
        process.kill()
        _, err = process.communicate(timeout=START_GUARD)
        raise AssertionError(f"serve did not start: {line!r} {err[-2000:]!r}")
    url = line.split(" at ", 1)[1].split()[0].rstrip("/")
    return Served(process, url, line.strip())


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    text: str

    def json(self) -> Any:
        assert self.headers["content-type"].startswith("application/json"), self.headers
        return json.loads(self.text)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def fetch(url: str, method: str = "GET", data: bytes | None = None) -> Reply:
    """One request; every status (4xx, 5xx, 3xx) is returned, not raised."""
    request = urllib.request.Request(url, method=method, data=data)
    try:
        with _OPENER.open(request, timeout=60) as response:
            body = response.read().decode("utf-8")
            return Reply(response.status, {k.lower(): v for k, v in response.headers.items()},
                         body)  # fmt: skip
    except urllib.error.HTTPError as exc:
        body = exc.read().decode("utf-8")
        return Reply(exc.code, {k.lower(): v for k, v in exc.headers.items()}, body)
