"""What the reliability tests share: database invariants, run stats, a tiny hostile site.

`HostileSite` is a real HTTP server on 127.0.0.1 serving whatever pages a test gives it, with
a request log: for the inputs the replica does not produce (binary content, offsite redirects,
robots.txt rules on article paths, odd feeds, impossible dates, hostile text).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import psycopg
from psycopg.rows import dict_row


def partial_rows(database_url: str) -> list[str]:
    """Articles missing a part that a complete store writes in the same transaction."""
    with psycopg.connect(database_url) as conn:
        rows = conn.execute(
            """SELECT a.canonical_url FROM articles a
               WHERE a.story_id IS NULL
                  OR NOT EXISTS (SELECT 1 FROM article_versions v WHERE v.article_id = a.id)
                  OR NOT EXISTS (SELECT 1 FROM raw_pages r WHERE r.article_id = a.id)
                  OR NOT EXISTS (SELECT 1 FROM stories s WHERE s.id = a.story_id)"""
        ).fetchall()
    return [r[0] for r in rows]


def duplicated(database_url: str) -> int:
    """Rows beyond one per article: same site ID stored twice, or a version stored twice."""
    with psycopg.connect(database_url) as conn:
        by_id = conn.execute(
            "SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM articles "
            "GROUP BY source, site_article_id) d"
        ).fetchone()[0]
        versions = conn.execute(
            "SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM article_versions "
            "GROUP BY article_id, content_hash) d"
        ).fetchone()[0]
    return int(by_id) + int(versions)


def runs(database_url: str) -> list[dict[str, Any]]:
    """crawl_runs rows, oldest first."""
    with psycopg.connect(database_url) as conn, conn.cursor(row_factory=dict_row) as cur:
        return cur.execute("SELECT * FROM crawl_runs ORDER BY id").fetchall()


def run_stats(database_url: str, site: str) -> dict[str, Any]:
    """The stats jsonb of the last run of a site."""
    rows = [r for r in runs(database_url) if r["site"] == site]
    assert rows, f"no crawl_runs row for {site}"
    return rows[-1]["stats"] or {}


Page = tuple[int, str, bytes, dict[str, str]]  # status, content type, body, extra headers


@dataclass
class HostileSite:
    """A real HTTP/1.1 server on loopback with fixed pages; unknown paths get a 404."""

    pages: dict[str, Page | Callable[[], Page]] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                site.requests.append(self.path)
                page = site.pages.get(self.path)
                if callable(page):
                    page = page()
                status, ctype, body, headers = page or (404, "text/plain", b"not found", {})
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                for key, value in headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return self.server.server_address[1]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> HostileSite:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def html(self, path: str, text: str, status: int = 200, **headers: str) -> None:
        self.pages[path] = (status, "text/html; charset=utf-8", text.encode(), headers)

    def raw(self, path: str, body: bytes, ctype: str, status: int = 200, **headers: str) -> None:
        self.pages[path] = (status, ctype, body, headers)


def rss(items: list[tuple[str, str, str]], extra_head: str = "") -> str:
    """An RSS 2.0 document from (title, link, pubDate) triples; titles are put in as given."""
    body = "".join(
        f"<item><title>{title}</title><link>{link}</link><pubDate>{when}</pubDate></item>\n"
        for title, link, when in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<rss version="2.0"><channel><title>test</title>{extra_head}\n{body}</channel></rss>\n'
    )


def yonhap_page(
    ident: str, title: str, paragraphs: list[str], published: str = "2024-05-02T10:00:00+09:00"
) -> str:
    """A small article page in Yonhap's 2023 markup (title and text inserted as given)."""
    pars = "".join(f"<p> {p}</p>\n" for p in paragraphs)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} | Yonhap News Agency</title>
<link rel="canonical" href="https://en.yna.co.kr/view/{ident}" />
<meta property="og:title" content="{title}" />
<meta property="article:published_time" content="{published}" />
</head><body class="body-{ident}">
<header class="title-article01"><h1 class="tit">{title}</h1></header>
<div class="view-body"><article class="story-news">
{pars}<p>e-mail@yna.co.kr<br/>(END)</p>
</article></div></body></html>
"""
