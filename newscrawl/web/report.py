"""`newscrawl report`: the pair page as one self-contained HTML file (style and chart inline,
no link to anything else), to share or archive."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from flask import render_template
from markupsafe import Markup

from newscrawl.db.connection import Database
from newscrawl.web.app import STATIC, connect_read_only, create_app


def pair_report(database: Database, pair: str, since: date | None, until: date | None,
                source: str | None) -> str:  # fmt: skip
    from newscrawl.web.views import pair_page

    app = create_app(database)
    # The page is rendered as for a request of it (templates and context processors need one),
    # with nothing served.
    with app.test_request_context(f"/pair/{pair}"), connect_read_only(database) as conn:
        data, context = pair_page(conn, pair, since, until, source)
        conn.rollback()
        return render_template(
            "pair.html", data=data, **context, standalone=True,
            inline_css=Markup((STATIC / "style.css").read_text(encoding="utf-8")),
            written_at=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        )  # fmt: skip


def write(path: Path, html: str) -> None:
    path.write_text(html, encoding="utf-8")
