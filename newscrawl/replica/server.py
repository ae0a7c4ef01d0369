"""Serves both replica sites over real HTTP on loopback, one port each, from background threads.

ThreadingHTTPServer with HTTP/1.1 keep-alive and a deep listen backlog handles a few dozen
concurrent connections; pages are rendered per request from the in-memory `Site`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import socket
import threading
import time
from email.utils import parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType

from newscrawl.replica import faults as F
from newscrawl.replica.drift import DRIFTS, drifted
from newscrawl.replica.model import KOREAHERALD, YONHAP
from newscrawl.replica.requestlog import RequestLog, RequestRecord
from newscrawl.replica.routes import ARTICLE, FEED, HTML, Response, route
from newscrawl.replica.site import Site
from newscrawl.replica.timefmt import http_date


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 256

    def __init__(self, addr: tuple[str, int], replica: ReplicaServer, source: str) -> None:
        self.replica = replica
        self.source = source
        super().__init__(addr, _Handler)

    @property
    def origin(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in separate writes
    server: _Server

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Quiet: the request log replaces access logging."""

    def do_GET(self) -> None:  # noqa: N802
        self._serve(head=False)

    def do_HEAD(self) -> None:  # noqa: N802
        self._serve(head=True)

    def _serve(self, head: bool) -> None:
        srv = self.server
        replica = srv.replica
        source = srv.source
        target = self.path
        attempt = replica.stats.next_attempt(source, target)
        resp = replica.respond(source, target, srv.origin, self.headers.get("User-Agent", ""))
        spec = replica.faults
        fault = None
        if spec.total > 0 and not target.startswith("/robots.txt"):
            fault = spec.decide(source, target, attempt)
        if fault == F.ERROR:
            status = spec.error_status(source, target, attempt)
            resp = Response(status, HTML, _error_html(status), resp.kind)
        elif fault == F.TOO_MANY:
            resp = Response(429, HTML, _error_html(429), resp.kind,
                            {"Retry-After": str(spec.retry_after)})
        elif fault == F.SLOW:
            time.sleep(spec.slow_seconds)
        elif fault == F.DROP:
            replica.stats.add(RequestRecord(source, self.command, target, 0, resp.kind, fault,
                                            attempt))
            self.close_connection = True
            _hard_close(self.connection)
            return
        if resp.last_modified is not None and resp.status == 200 and fault is None:
            ims = self.headers.get("If-Modified-Since")
            if ims and _not_modified(ims, resp):
                resp = Response(304, resp.content_type, b"", resp.kind, {},
                                resp.last_modified)
        replica.stats.add(RequestRecord(source, self.command, target, resp.status, resp.kind,
                                        fault, attempt))
        self.send_response(resp.status)
        self.send_header("Content-Type", resp.content_type)
        self.send_header("Content-Length", str(len(resp.body)))
        if resp.last_modified is not None:
            self.send_header("Last-Modified", http_date(resp.last_modified))
        for k, v in resp.headers.items():
            self.send_header(k, v)
        if fault == F.TRUNCATE:
            self.send_header("Connection", "close")
        self.end_headers()
        if head or resp.status == 304:
            return
        if fault == F.TRUNCATE:
            self.wfile.write(resp.body[: len(resp.body) // 2])
            self.wfile.flush()
            self.close_connection = True
            _hard_close(self.connection)
            return
        self.wfile.write(resp.body)


def _hard_close(conn: socket.socket) -> None:
    with contextlib.suppress(OSError):
        conn.shutdown(socket.SHUT_RDWR)


def _not_modified(ims: str, resp: Response) -> bool:
    try:
        since = parsedate_to_datetime(ims)
    except (TypeError, ValueError):
        return False
    assert resp.last_modified is not None
    return since is not None and since.tzinfo is not None and \
        int(resp.last_modified.timestamp()) <= int(since.timestamp())


def _error_html(status: int) -> bytes:
    return (f"<!doctype html>\n<html><head><title>{status}</title></head><body><h1>Error {status}"
            "</h1><p>The server could not handle the request.</p></body></html>\n").encode()


class ReplicaServer:
    """Both sites on 127.0.0.1: `with ReplicaServer(site) as srv: srv.yonhap_url ...`."""

    def __init__(self, site: Site, host: str = "127.0.0.1", yonhap_port: int = 0,
                 koreaherald_port: int = 0, faults: str | F.FaultSpec | None = None, *,
                 block_python_ua: bool = True, drift: str | None = None) -> None:
        if drift is not None and drift not in DRIFTS:
            raise ValueError(f"drift must be one of {', '.join(DRIFTS)}, got {drift!r}")
        self.site = site
        self.drift = drift  # article pages served changed (newscrawl.replica.drift)
        self.host = host
        self.faults = faults if isinstance(faults, F.FaultSpec) else F.FaultSpec.parse(faults)
        self.block_python_ua = block_python_ua
        self.stats = RequestLog()
        self._ports = {YONHAP: yonhap_port, KOREAHERALD: koreaherald_port}
        self._servers: dict[str, _Server] = {}
        self._threads: list[threading.Thread] = []

    # --- lifecycle ------------------------------------------------------------------------

    def start(self) -> ReplicaServer:
        """Bind both ports and serve from daemon threads; returns self."""
        if self._servers:
            return self
        try:
            for source in (YONHAP, KOREAHERALD):
                self._servers[source] = _Server((self.host, self._ports[source]), self, source)
        except OSError:
            self.stop()
            raise
        for source, srv in self._servers.items():
            t = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.2},
                                 name=f"replica-{source}", daemon=True)
            t.start()
            self._threads.append(t)
        return self

    def stop(self) -> None:
        """Stop serving and close both sockets."""
        for srv in self._servers.values():
            if self._threads:
                srv.shutdown()
            srv.server_close()
        for t in self._threads:
            t.join(timeout=5)
        self._servers.clear()
        self._threads.clear()

    def __enter__(self) -> ReplicaServer:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    # --- addresses ------------------------------------------------------------------------

    def url(self, source: str) -> str:
        """Origin of one site, e.g. "http://127.0.0.1:41233"."""
        if source not in self._servers:
            raise RuntimeError("replica server is not running")
        return self._servers[source].origin

    @property
    def yonhap_url(self) -> str:
        """Origin serving the Yonhap replica."""
        return self.url(YONHAP)

    @property
    def koreaherald_url(self) -> str:
        """Origin serving the Korea Herald replica."""
        return self.url(KOREAHERALD)

    # --- responses ------------------------------------------------------------------------

    def respond(self, source: str, target: str, origin: str, user_agent: str = "") -> Response:
        """The fault-free response for a target (the HTTP handler adds faults)."""
        if (source == KOREAHERALD and self.block_python_ua and target.startswith("/rss/")
                and user_agent.startswith("Python-urllib")):
            return Response(403, HTML, _error_html(403), FEED)
        try:
            resp = route(self.site, source, target, origin, self.faults.badpages)
        except Exception:  # noqa: BLE001 - a replica bug must not kill the connection thread
            return Response(500, HTML, _error_html(500), "other")
        if self.drift and resp.kind == ARTICLE and resp.status == 200:
            body = drifted(resp.body.decode("utf-8"), self.drift).encode("utf-8")
            resp = dataclasses.replace(resp, body=body)
        return resp
