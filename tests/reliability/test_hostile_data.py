"""Hostile data: text that looks like SQL, markup, terminal control or NUL is only ever text.

A page served over real HTTP carries SQL metacharacters, a NUL byte, script tags (as text) and
terminal escape sequences in its title and body; it is crawled into PostgreSQL, then read back
through the real `newscrawl` commands (show, list, search, export) in subprocesses. Search is
fed quotes, backslashes, every tsquery operator and an injection attempt: it never errors and
never runs SQL. The same crawl shows the crawler leaves the site for no other domain and obeys
robots.txt.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass

import psycopg
import pytest

from tests.e2e_support import run_newscrawl, stored_articles
from tests.reliability.helpers import HostileSite, rss, run_stats, yonhap_page

pytestmark = pytest.mark.e2e

HOSTILE_TITLE = 'Robert\'); DROP TABLE articles;-- \\"x\\" <script>alert(1)</script> 100%'
HOSTILE_BODY = [
    "SEOUL -- '; DELETE FROM articles WHERE '1'='1'; -- and \\' backslash-quote %s %(x)s $1.",
    "A NUL\x00byte, <script>document.cookie</script>, <img src=x onerror=alert(1)> and "
    "a terminal title change \x1b]0;pwned\x07 with a bell.",
    "Seoul and Tokyo agreed to talk again; the vice foreign minister said so.",
]
GOOD = "AEN20240502000100315"
EVIL = "AEN20240502000200315"
FORBIDDEN = "AEN20240502000300315"
FOREIGN = "AEN20240502000400315"


def _escape(text: str) -> str:
    """HTML-escape, and keep control characters as raw characters in the page."""
    import html

    return html.escape(text, quote=True)


@dataclass
class Crawled:
    database_url: str
    stderr: str
    site: HostileSite
    elsewhere: HostileSite


@pytest.fixture(scope="module")
def crawled(module_db: str) -> Iterator[Crawled]:
    database_url = module_db
    elsewhere = HostileSite().start()
    site = HostileSite().start()
    other = f"http://localhost:{elsewhere.port}"
    site.html(f"/view/{GOOD}", yonhap_page(GOOD, "Seoul and Tokyo hold talks", [
        f'Talks went well. See <a href="{other}/view/{FOREIGN}">this</a> and '
        f'<a href="{other}/news">that</a>.',
        "The vice foreign minister met her counterpart in Seoul.",
    ]))  # fmt: skip
    site.html(f"/view/{EVIL}", yonhap_page(EVIL, _escape(HOSTILE_TITLE),
                                           [_escape(p) for p in HOSTILE_BODY]))  # fmt: skip
    site.html(f"/view/{FORBIDDEN}", yonhap_page(FORBIDDEN, "Forbidden", ["Not to be fetched."]))
    when = "Thu, 02 May 2024 10:00:00 +0900"
    feed = rss([
        ("good", f"{site.url}/view/{GOOD}", when),
        ("evil", f"{site.url}/view/{EVIL}", when),
        ("forbidden", f"{site.url}/view/{FORBIDDEN}", when),
        ("foreign", f"{other}/view/{FOREIGN}", when),  # rebased onto the site, never fetched
        ("not an article", f"{other}/index.html", when),
    ])  # fmt: skip
    site.raw("/RSS/news.xml", feed.encode(), "text/xml")
    site.raw("/robots.txt", f"User-agent: *\nDisallow: /view/{FORBIDDEN}\n".encode(),
             "text/plain")  # fmt: skip
    try:
        result = run_newscrawl(
            ["crawl", "--site", "yonhap", "--base-url", f"yonhap={site.url}",
             "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
             "-s", "NEWSCRAWL_RETRY_BACKOFF=0.05"],
            database_url, timeout=300,
        )  # fmt: skip
    finally:
        site.stop()
        elsewhere.stop()
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    yield Crawled(database_url, result.stderr, site, elsewhere)


def _evil_row(database_url: str) -> dict:
    return stored_articles(database_url)[f"https://en.yna.co.kr/view/{EVIL}"]


def test_hostile_text_is_stored_verbatim_without_nul(crawled: Crawled):
    """Title and body are exactly the page's text: SQL, quotes, backslashes, markup and escape
    characters kept as text, only the NUL removed; the tables are all still there."""
    row = _evil_row(crawled.database_url)
    assert row["title"] == HOSTILE_TITLE
    body = row["body"]
    assert "\x00" not in body
    assert "'; DELETE FROM articles WHERE '1'='1'; --" in body
    assert "<script>document.cookie</script>" in body
    assert "<img src=x onerror=alert(1)>" in body
    assert "NULbyte" in body
    assert len(stored_articles(crawled.database_url)) == 2


def _newscrawl(database_url: str, *args: str) -> str:
    result = run_newscrawl(list(args), database_url, timeout=60)
    assert result.returncode == 0, (args, result.stderr)
    assert result.stderr.strip() == "", (args, result.stderr)
    return result.stdout


def _no_control(text: str) -> None:
    bad = {c for c in text if (ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) < 0xA0}
    assert not bad, f"control characters reach the terminal: {bad!r}"


def test_show_json_is_valid_and_exact(crawled: Crawled):
    """`newscrawl show ID --format json` is valid JSON holding the text exactly."""
    row = _evil_row(crawled.database_url)
    record = json.loads(_newscrawl(crawled.database_url, "show", str(row["id"]), "--format",
                                   "json"))  # fmt: skip
    assert record["title"] == HOSTILE_TITLE
    assert record["body"] == row["body"]
    exported = _newscrawl(crawled.database_url, "export")
    titles = {json.loads(line)["title"] for line in exported.splitlines()}
    assert HOSTILE_TITLE in titles


def test_table_and_csv_output_of_crawled_hostile_text(crawled: Crawled):
    """Table output (list, show, search) of the crawled page shows the markup as text and no
    raw control character; CSV parses back to the stored title."""
    row = _evil_row(crawled.database_url)
    for args in (("list",), ("show", str(row["id"])), ("search", "DELETE")):
        _no_control(_newscrawl(crawled.database_url, *args))
    shown = _newscrawl(crawled.database_url, "show", str(row["id"]))
    assert "<script>alert(1)</script>" in shown and "<img src=x onerror=alert(1)>" in shown
    listed = _newscrawl(crawled.database_url, "list", "--format", "csv")
    assert HOSTILE_TITLE in {r["title"] for r in csv.DictReader(io.StringIO(listed))}


def test_terminal_escapes_are_shown_escaped(db, monkeypatch, capsys):
    """Control characters that reach the database (a JSON-LD string may carry \\u001b) are
    shown escaped in table output, so a title cannot clear or retitle the terminal; JSON keeps
    them exactly (as JSON escapes)."""
    from newscrawl.cli import main
    from newscrawl.db.store import store_article
    from newscrawl.items import ArticleItem

    title = "Talks \x1b[2J\x1b]0;pwned\x07 end\x00"
    body = "Seoul -- first \x1b[31mred\x1b[0m paragraph.\n\nSecond \x9b paragraph \x08."
    store_article(db, ArticleItem(
        source="yonhap", url="http://127.0.0.1:9/view/AEN20240502000900315",
        canonical_url="https://en.yna.co.kr/view/AEN20240502000900315",
        site_article_id="AEN20240502000900315", title=title, body=body, raw_html="<p>x</p>",
    ))  # fmt: skip
    monkeypatch.setenv("DATABASE_URL", db.info.dsn)
    for args in (["list"], ["show", "1"], ["search", "paragraph"], ["timeline"], ["runs"]):
        assert main(args) == 0
        out = capsys.readouterr().out
        _no_control(out)
    assert main(["show", "1"]) == 0
    shown = capsys.readouterr().out
    assert "\\x1b[2J" in shown and "\\x1b[31mred" in shown
    assert main(["show", "1", "--format", "json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["title"] == title.replace("\x00", "") and record["body"] == body


SEARCHES = [
    "'", "''", '"', '"unclosed', "\\", "\\\\", "\\'", "a\\", "&", "|", "!", "<->", ":*", "(",
    ")", "()", "(a | b", "a & | b", "!!a", "a <-> <-> b", "a:* & b:*", "a <2> b", "-", "--",
    "or", "OR OR", "-(", "'; DROP TABLE articles; --", "x' OR '1'='1", "%s", "%(query)s", "$1",
    "\x00", "\x1b[2J", "😀", "외교부", "", " ", "a" * 3000,
    "vice foreign minister", '"foreign minister" -tokyo', "seoul | tokyo & !beijing",
]  # fmt: skip


@pytest.mark.parametrize("query", SEARCHES, ids=range(len(SEARCHES)))
def test_search_never_errors_and_never_runs_sql(crawled: Crawled, query: str, monkeypatch,
                                                capsys):  # fmt: skip
    """Every query is a bound parameter to websearch_to_tsquery: `newscrawl search` (its
    main(), in this process) exits 0 with valid JSON and no error, and the tables and rows are
    untouched afterwards."""
    from newscrawl.cli import main

    monkeypatch.setenv("DATABASE_URL", crawled.database_url)
    assert main(["search", "--format", "json", "--", query]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert isinstance(json.loads(out), list)
    assert main(["search", "--", query]) == 0  # the table form too
    _no_control(capsys.readouterr().out)
    with psycopg.connect(crawled.database_url) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
        assert conn.execute("SELECT count(*) FROM article_versions").fetchone()[0] == 2


def test_search_in_a_subprocess(crawled: Crawled):
    """The installed command, for the injection attempt: exit 0, nothing on stderr."""
    out = _newscrawl(crawled.database_url, "search", "'; DROP TABLE articles; --")
    assert "Traceback" not in out


def test_search_finds_plain_words(crawled: Crawled):
    """The operators are honoured as search syntax, not ignored: a phrase finds its article."""
    hits = json.loads(_newscrawl(crawled.database_url, "search", '"vice foreign minister"',
                                 "--format", "json"))  # fmt: skip
    assert {h["canonical_url"] for h in hits} == {
        f"https://en.yna.co.kr/view/{GOOD}",
        f"https://en.yna.co.kr/view/{EVIL}",
    }


def test_no_other_domain_is_ever_requested(crawled: Crawled):
    """Links to another host (in the feed, in article text) are never followed: the other
    host receives no request; an article link on it is requested on the site's own origin."""
    assert crawled.elsewhere.requests == []
    assert f"/view/{FOREIGN}" in crawled.site.requests


def test_robots_txt_disallow_is_obeyed(crawled: Crawled):
    """The path robots.txt disallows is never requested; counted and logged with its URL."""
    assert f"/view/{FORBIDDEN}" not in crawled.site.requests
    assert crawled.site.requests[0] == "/robots.txt"
    stats = run_stats(crawled.database_url, "yonhap")
    assert stats["robotstxt/forbidden"] == 1
    assert f"article not fetched: {crawled.site.url}/view/{FORBIDDEN}" in crawled.stderr
