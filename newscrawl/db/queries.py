"""Read queries behind the CLI: every filter is a bound parameter, never interpolated text."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import psycopg
from psycopg.rows import dict_row


@dataclass
class Filters:
    source: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    limit: int | None = 50

    def where(self) -> tuple[str, dict[str, Any]]:
        clauses, params = ["TRUE"], {}
        if self.source:
            clauses.append("a.source = %(source)s")
            params["source"] = self.source
        if self.since:
            clauses.append("a.published_at >= %(since)s")
            params["since"] = self.since
        if self.until:
            clauses.append("a.published_at < %(until)s")
            params["until"] = self.until
        return " AND ".join(clauses), params


def list_articles(conn: psycopg.Connection, filters: Filters) -> list[dict[str, Any]]:
    where, params = filters.where()
    params["limit"] = filters.limit
    sql = f"""
        SELECT a.id, a.source, a.published_at, a.title, a.authors, a.canonical_url
        FROM articles a
        WHERE {where}
        ORDER BY a.published_at DESC NULLS LAST, a.id DESC
        LIMIT %(limit)s"""
    with conn.cursor(row_factory=dict_row) as cur:
        return cur.execute(sql, params).fetchall()
