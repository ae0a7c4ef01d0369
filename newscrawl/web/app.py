"""The Flask application: read-only connections, security headers, error pages.

Every request opens its own connection whose transactions are READ ONLY (the session default
and each BEGIN), so no page can write even by mistake. Only GET and HEAD are routed: POST and
every other method get 405. A bad id is a 404 page, a database that cannot be reached a 503
page, anything else a 500 page; a response never carries a traceback.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import psycopg
from flask import Flask, Response, current_app, g, render_template, request, send_from_directory
from werkzeug.exceptions import HTTPException

from newscrawl.cli.output import dumps
from newscrawl.db.connection import Database, mask_url
from newscrawl.web import params

HERE = Path(__file__).parent
STATIC = HERE / "static"
CONNECT_TIMEOUT = 5
STATEMENT_TIMEOUT = "20s"
CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
       "base-uri 'none'; frame-ancestors 'none'")  # fmt: skip
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cache-Control": "no-store",
}
logger = logging.getLogger("newscrawl.web")


def connect_read_only(database: Database, timeout: int = CONNECT_TIMEOUT) -> psycopg.Connection:
    """A connection whose every transaction is READ ONLY, with a statement timeout."""
    conn = psycopg.connect(database.url, connect_timeout=timeout, autocommit=True)
    try:
        conn.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
        conn.execute(f"SET statement_timeout = '{STATEMENT_TIMEOUT}'")
        conn.autocommit = False
        conn.read_only = True  # BEGIN READ ONLY as well
    except BaseException:
        conn.close()
        raise
    return conn


def db() -> psycopg.Connection:
    """This request's connection, opened on first use."""
    if "conn" not in g:
        g.conn = connect_read_only(current_app.config["NEWSCRAWL_DATABASE"])
    return g.conn


def json_response(data: Any, status: int = 200) -> Response:
    """The CLI's serialiser (`newscrawl.cli.output.dumps`), so the shapes are the CLI's."""
    return Response(dumps(data) + "\n", status=status,
                    mimetype="application/json")  # fmt: skip


def create_app(database: Database) -> Flask:
    app = Flask(__name__, static_folder=None, template_folder=str(HERE / "templates"))
    app.config.update(
        NEWSCRAWL_DATABASE=database,
        PROVIDE_AUTOMATIC_OPTIONS=False,  # OPTIONS gets 405 like every method but GET/HEAD
        TRAP_HTTP_EXCEPTIONS=False,
    )
    app.url_map.merge_slashes = False  # /article/https://... keeps its "//"
    app.add_url_rule("/static/<path:filename>", "static", _static, methods=["GET"])

    from newscrawl.web import filters, views

    filters.register(app)
    app.register_blueprint(views.bp)
    app.after_request(_headers)
    app.teardown_appcontext(_close)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(psycopg.OperationalError, _unavailable)
    app.register_error_handler(Exception, _internal_error)

    @app.context_processor
    def _page_globals() -> dict[str, Any]:
        return {"database": database.describe(), "standalone": False,
                "json_url": _json_url(), "sources": params.SOURCES}  # fmt: skip

    return app


def _static(filename: str) -> Response:
    return send_from_directory(STATIC, filename, max_age=3600)


def _json_url() -> str:
    if request.path.startswith("/api/") or request.path == "/api":
        return request.full_path.rstrip("?")
    return "/api" + request.full_path.rstrip("?")


def _headers(response: Response) -> Response:
    for name, value in SECURITY_HEADERS.items():
        response.headers[name] = value
    return response


def _close(exc: BaseException | None) -> None:
    conn = g.pop("conn", None)
    if conn is not None:
        conn.close()


def error_page(status: int, title: str, message: str) -> tuple[Any, int]:
    try:
        as_json = params.wants_json()
    except HTTPException:
        as_json = False
    if as_json:
        return json_response({"error": message, "status": status}, status), status
    try:
        return render_template("error.html", status=status, title=title, message=message), status
    except Exception:  # the error page itself failed: plain text, still no traceback
        return Response(f"{status} {title}: {message}\n", mimetype="text/plain"), status


def _http_error(exc: HTTPException) -> tuple[Any, int]:
    status = exc.code or 500
    message = exc.description or exc.name
    if status == 404 and message.startswith("The requested URL was not found"):
        message = "There is no such page."
    elif status == 405:
        message = "This view is read-only: only GET and HEAD are answered."
    return error_page(status, exc.name, message)


def _unavailable(exc: psycopg.OperationalError) -> tuple[Any, int]:
    first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    logger.error("database unavailable on %s %s: %s", request.method, request.path,
                 mask_url(first))  # fmt: skip
    return error_page(503, "Database unavailable",
                      "The database cannot be reached or did not answer in time; "
                      "try again in a moment.")  # fmt: skip


def _internal_error(exc: Exception) -> tuple[Any, int]:
    first = (str(exc).strip().splitlines() or [""])[0]
    logger.error("error on %s %s: %s: %s", request.method, request.path, type(exc).__name__,
                 mask_url(first))  # fmt: skip
    return error_page(500, "Internal error", "This page could not be shown.")
