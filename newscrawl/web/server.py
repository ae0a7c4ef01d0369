"""Serving the application with waitress, a production WSGI server (threads, no debugger)."""

from __future__ import annotations

import sys
from collections.abc import Callable

from waitress.server import create_server

from newscrawl.db.connection import Database
from newscrawl.errors import UsageError
from newscrawl.web.app import create_app

THREADS = 4
LOOPBACK = ("127.0.0.1", "localhost", "::1")


Announce = Callable[[str], None]


def serve(database: Database, host: str, port: int, announce: Announce = print) -> None:
    """Listen on host:port (port 0: any free port) until interrupted (Ctrl-C, SIGTERM).

    A port in use or an address that cannot be bound is a UsageError (one line, exit 2).
    """
    app = create_app(database)
    try:
        server = create_server(app, host=host, port=port, threads=THREADS, ident="newscrawl",
                               max_request_header_size=65536, expose_tracebacks=False,
                               clear_untrusted_proxy_headers=True)  # fmt: skip
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise UsageError(f"cannot listen on {host}:{port}: {reason}") from None
    shown = f"[{host}]" if ":" in host else host
    announce(f"serving {database.describe()} read-only at "
             f"http://{shown}:{server.effective_port}/ (Ctrl-C stops)")  # fmt: skip
    if host not in LOOPBACK:
        print(f"newscrawl: warning: listening on {host}: anyone who can reach this machine can "
              "read the database", file=sys.stderr)  # fmt: skip
    try:
        server.run()  # returns on Ctrl-C (waitress catches the KeyboardInterrupt)
    finally:
        server.close()
    announce("stopped")
