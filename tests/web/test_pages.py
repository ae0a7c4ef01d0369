"""Every page and its JSON over real HTTP from `newscrawl serve`, against a database crawled
from the replica (plus the hostile data set): the JSON is the CLI's JSON, the pages show it."""

from __future__ import annotations

import re
from urllib.parse import quote, urlencode

import psycopg
import pytest
from markupsafe import escape

from tests.web import hostile
from tests.web.support import fetch

pytestmark = pytest.mark.e2e

# Every kind of page; a story's and an article's with the first id stored (ids come from a
# sequence, so the first story need not be 1: a crawl's concurrent inserts can use one up).
PAGES = ["/", "/pairs", "/pair/JP-KR", "/story/{story}", "/article/{article}", "/search?q=talks"]


@pytest.fixture(scope="module")
def first_ids(web_data) -> dict[str, int]:
    with psycopg.connect(web_data.url) as conn:
        story, article = conn.execute(
            "SELECT (SELECT min(id) FROM stories), (SELECT min(id) FROM articles)"
        ).fetchone()
    return {"story": story, "article": article}


@pytest.fixture
def pages(first_ids) -> list[str]:
    return [p.format(**first_ids) for p in PAGES]


def esc(text: str) -> str:
    """As a page shows a stored text: HTML-escaped (quotes too)."""
    return str(escape(text))


def api(path: str) -> str:
    return "/api" + path if path != "/" else "/api/"


def bars(page: str) -> int:
    return len(re.findall(r'<g class="bar"', page))


def test_index_shows_the_cli_stats_and_latest_stories(server, cli):
    data = fetch(server.url + "/api/").json()
    assert data["stats"] == cli("stats", "--by", "week", "--limit", "100000")
    stories = cli("timeline", "--bilateral", "--limit", "100000")
    newest = sorted(stories, key=lambda r: (r["published_at"], r["story_id"]), reverse=True)
    assert data["timeline"] == newest[:15]
    page = fetch(server.url + "/").text
    for row in data["stats"]["by_source"]:
        assert f'<span class="source src-{row["source"]}">{row["source"]}</span></td>' \
               f'<td class="num">{row["articles"]}</td>' in page  # fmt: skip
    assert bars(page) == len({r["period"] for r in data["stats"]["per_week"]})
    for row in data["timeline"]:
        assert esc(row["headline"]) in page
    assert len(re.findall(r'<tr class="run ', page)) == len(data["stats"]["runs"]) == 3
    assert 'class="flag drift"' in page  # the hostile run's layout_unknown


def test_pairs_page_counts_articles_as_the_cli_does(server, cli):
    pairs = fetch(server.url + "/api/pairs").json()["pairs"]
    assert pairs
    for row in pairs[:3]:
        listed = cli("list", "--pair", row["pair"], "--limit", "100000")
        assert row["articles"] == len(listed)
        assert row["stories"] == len({r["story_id"] for r in listed})
    page = fetch(server.url + "/pairs").text
    assert len(re.findall(r'<tr class="pair">', page)) == len(pairs)


def test_pair_page_is_the_cli_timeline_with_a_bar_per_week(server, cli, web_data):
    data = fetch(server.url + "/api/pair/JP-KR").json()
    timeline = cli("timeline", "--pair", "JP-KR", "--limit", "100000")
    assert data["timeline"] == timeline and len(timeline) > 5
    assert sum(w["stories"] for w in data["weeks"]) == len(timeline)
    with psycopg.connect(web_data.url) as conn:
        weeks = conn.execute(
            """SELECT count(DISTINCT date_trunc('week', s.first_published_at
                                                AT TIME ZONE 'Asia/Seoul'))
               FROM stories s WHERE EXISTS (SELECT 1 FROM articles a WHERE a.story_id = s.id
                                            AND 'JP-KR' = ANY(a.topic_pairs))"""
        ).fetchone()[0]
    assert len(data["weeks"]) == weeks
    page = fetch(server.url + "/pair/JP-KR").text
    assert bars(page) == weeks
    assert len(re.findall(r'<tr class="story">', page)) == len(timeline)
    for row in timeline:
        assert esc(row["headline"]) in page
        assert f'href="/story/{row["story_id"]}"' in page


@pytest.mark.parametrize("query", [
    {"since": "2024-01-01"}, {"until": "2024-01-01"}, {"source": "koreaherald"},
    {"since": "2023-01-01", "until": "2025-01-01", "source": "yonhap"},
])  # fmt: skip
def test_pair_filters_are_the_cli_filters(server, cli, query):
    data = fetch(f"{server.url}/api/pair/JP-KR?{urlencode(query)}").json()
    argv = [a for k, v in query.items() for a in (f"--{k}", v)]
    assert data["timeline"] == cli("timeline", "--pair", "JP-KR", "--limit", "100000", *argv)
    assert {k: data[k] for k in query} == query


def test_pair_address_is_canonical(server):
    reply = fetch(server.url + "/pair/kr-jp?source=yonhap")
    assert reply.status == 301
    assert reply.headers["location"].endswith("/pair/JP-KR?source=yonhap")
    for bad in ("/pair/XX-KR", "/pair/JP", "/pair/JP-JP", "/pair/" + "A" * 300):
        assert fetch(server.url + bad).status == 404


def _story_with_copy(cli) -> dict:
    copies = [r for r in cli("list", "--limit", "100000") if r["duplicate_of"]]
    for copy in copies:
        shown = cli("show", str(copy["duplicate_of"]))
        kinds = {(m["version_rank"] or 0, bool(m["duplicate_of"])) for m in
                 shown["story_articles"]}  # fmt: skip
        if (1, False) in kinds and any(c for _, c in kinds) and "<script>" not in shown["title"]:
            return shown
    raise AssertionError("the replica has no story with a (LEAD) and a copy")


def test_story_page_orders_versions_then_copies_and_marks_changes(server, cli):
    shown = _story_with_copy(cli)
    story_id = shown["story"]["id"]
    data = fetch(f"{server.url}/api/story/{story_id}").json()
    assert data == {"story": shown["story"], "story_articles": shown["story_articles"]}
    page = fetch(f"{server.url}/story/{story_id}").text
    labels = re.findall(r'<span class="label">([^<]+)</span>', page)
    assert labels[0] == "original" and labels[1] == "(LEAD)" and labels[-1] == "copy"
    own = [lbl for lbl in labels if lbl != "copy"]
    assert labels == own + ["copy"] * (len(labels) - len(own))
    assert len(labels) == len(shown["story_articles"])
    assert "<ins>" in page or "<del>" in page
    for member in shown["story_articles"]:
        assert f'href="/article/{member["id"]}"' in page


def test_article_json_is_show_json_and_any_url_form_finds_it(server, cli):
    shown = _story_with_copy(cli)
    article_id = shown["id"]
    data = fetch(f"{server.url}/api/article/{article_id}").json()
    assert data == shown
    assert data["topic_evidence"] and "topic_score" in data
    url = shown["canonical_url"]
    forms = [f"/article?url={quote(url + '?section=news&input=rss', safe='')}",
             f"/api/article?url={quote(url, safe='')}", f"/article/{url}",
             f"/api/article/{url}?input=rss", f"/article/{url.replace('https://', 'http://')}"]
    title = f'<h1 class="title">{esc(shown["title"])}</h1>'
    for form in forms:
        reply = fetch(server.url + form)
        assert reply.status == 200, form
        if form.startswith("/api/"):
            assert reply.json()["id"] == article_id, form
        else:
            assert title in reply.text, form
    page = fetch(f"{server.url}/article/{article_id}").text
    for paragraph in shown["body"].split("\n\n")[:3]:
        assert esc(paragraph.strip()) in page
    assert "<h2>Copies</h2>" in page and "<h2>Versions</h2>" in page and "<h2>Topic</h2>" in page


def test_article_page_shows_captions_note_problems_and_evidence(server, web_data):
    page = fetch(f"{server.url}/article/{web_data.hostile['original']}").text
    escaped = esc(hostile.MARKUP)
    for field in ("captions", "editor-note", "problems", "subtitle", "evidence"):
        assert f'class="{field}"' in page
    assert f"<li>Caption {escaped}</li>" in page
    assert f"(ATTN: adds {escaped})" in page


def test_article_versions_are_compared(server, cli, web_data):
    article_id = web_data.hostile["original"]
    shown = cli("show", str(article_id))
    assert len(shown["versions"]) == 2 and shown["versions"][1]["changed"] == ["body"]
    assert fetch(f"{server.url}/api/article/{article_id}").json()["versions"] == shown["versions"]
    page = fetch(f"{server.url}/article/{article_id}").text
    assert "<h3>Version 2 (" in page
    inserted = re.findall(r"<ins>(.*?)</ins>", page, re.DOTALL)
    assert any(esc(hostile.CORRECTION) in piece for piece in inserted)


def test_search_is_the_cli_search_ranked_highlighted_paged(server, cli):
    query = "talks"
    first = fetch(f"{server.url}/api/search?{urlencode({'q': query})}").json()
    whole = cli("search", query, "--limit", "100000")
    assert len(whole) > 20, "the replica should give more than one page"
    assert first["search"] == cli("search", query, "--limit", "20") == whole[:20]
    assert first["next_page"] == 2 and first["page"] == 1
    second = fetch(f"{server.url}/api/search?{urlencode({'q': query, 'page': 2})}").json()
    assert second["search"] == whole[20:40]
    page = fetch(f"{server.url}/search?{urlencode({'q': query})}").text
    assert len(re.findall(r'<li class="result">', page)) == 20
    assert "<mark>" in page and 'rel="next"' in page and 'rel="prev"' not in page
    for row in whole[:20]:
        assert esc(row["title"]) in page
    last = (len(whole) - 1) // 20 + 1
    tail = fetch(f"{server.url}/api/search?{urlencode({'q': query, 'page': last})}").json()
    assert tail["next_page"] is None and len(tail["search"]) == len(whole) - 20 * (last - 1)


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_json_both_ways(server, first_ids, path):
    path = path.format(**first_ids)
    sep = "&" if "?" in path else "?"
    by_param = fetch(f"{server.url}{path}{sep}format=json")
    by_prefix = fetch(server.url + api(path))
    assert by_param.status == by_prefix.status == 200
    assert by_param.json() == by_prefix.json()
    page = fetch(server.url + path)
    assert page.headers["content-type"].startswith("text/html")
    assert f'href="{esc(api(path))}"' in page.text  # the page links to its JSON


def _no_live_markup(text: str) -> None:
    """No element the data could have injected: no script, frame, image, event handler or
    javascript: link; the only <svg> is the chart."""
    assert not re.findall(r"<(?:script|iframe|img|object|embed)\b", text, re.IGNORECASE)
    assert not re.findall(r"<[a-z][^>]*\son[a-z]+\s*=", text, re.IGNORECASE)
    assert not re.findall(r"(?:href|src)\s*=\s*[\"']?\s*javascript:", text, re.IGNORECASE)
    assert all('class="chart"' in tag for tag in re.findall(r"<svg\b[^>]*>", text))


@pytest.mark.parametrize("path", [
    "/", "/pair/JP-KR", "/story/{story}", "/article/{original}", "/article/{lead}",
    "/article/{copy}", "/search?q=" + hostile.SEARCH_WORD, "/search?q=DELETE",
    "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "/article/%3Cscript%3Ealert(1)",
])  # fmt: skip
def test_hostile_text_is_only_ever_text(server, web_data, path):
    ids = web_data.hostile
    with psycopg.connect(web_data.url) as conn:
        story = conn.execute("SELECT story_id FROM articles WHERE id = %s",
                             (ids["original"],)).fetchone()[0]  # fmt: skip
    reply = fetch(server.url + path.format(story=story, **ids))
    assert reply.status in (200, 404)
    _no_live_markup(reply.text)
    assert "raw page" not in reply.text  # the stored raw HTML is never shown
    assert "&lt;script&gt;alert(" in reply.text  # the hostile text is there, as text


def test_hostile_json_is_exact(server, web_data):
    data = fetch(f"{server.url}/api/article/{web_data.hostile['lead']}").json()
    assert data["title"] == hostile.LEAD_TITLE
    assert data["captions"] == [f"Caption {hostile.MARKUP}"]


def test_only_get_and_head_are_answered(server, pages):
    for path in [*pages, "/api/", "/api/pair/JP-KR", "/static/style.css", "/nope"]:
        for method in ("POST", "PUT", "DELETE", "PATCH", "OPTIONS"):
            reply = fetch(server.url + path, method=method, data=b"x=1")
            assert reply.status in (405, 404), (path, method, reply.status)
            if path != "/nope":
                assert reply.status == 405, (path, method)
            assert "Traceback" not in reply.text
        assert fetch(server.url + path, method="HEAD").status in (200, 404)


@pytest.mark.parametrize(("path", "status"), [
    ("/search?q=" + "a" * 501, 400), ("/search?q=x&page=0", 400),
    ("/search?q=x&page=1001", 400), ("/search?q=x&page=abc", 400),
    ("/search?q=x&page=%C2%B2", 400), ("/search?q=x&source=bbc", 400),
    ("/pair/JP-KR?since=2024-13-01", 400), ("/pair/JP-KR?until=yesterday", 400),
    ("/?format=xml", 400), ("/story/999999999", 404), ("/story/99999999999999999999999", 404),
    ("/story/abc", 404), ("/article/999999999", 404), ("/article/99999999999999999999999", 404),
    ("/article/https://example.com/x", 404), ("/article?url=", 400), ("/article/%C2%B2", 404),
    ("/article/" + "9" * 3000, 404), ("/no/such/page", 404), ("/api/no/such", 404),
    ("/article/%FF%FE", 404), ("/article?url=http%3A%2F%2F%5B%3A%3A1", 404),
    ("/article?url=%00", 404), ("/search?q=%00%FF%27%22%5C", 200), ("/api/story/0", 404),
])  # fmt: skip
def test_bad_parameters_are_bounded_and_answered_with_a_page(server, path, status):
    reply = fetch(server.url + path)
    assert reply.status == status, reply.text[:500]
    assert "Traceback" not in reply.text and "psycopg" not in reply.text
    if status == 200:
        return
    if path.startswith("/api/"):
        assert reply.json()["status"] == status
    else:
        assert f'<h1 class="error">{status} ' in reply.text


def test_security_headers_on_every_response(server, pages):
    for path in [*pages, "/api/", "/static/style.css", "/nope", "/search?page=0"]:
        headers = fetch(server.url + path).headers
        csp = headers["content-security-policy"]
        assert "default-src 'none'" in csp and "style-src 'self'" in csp
        assert "script-src" not in csp  # falls back to default-src 'none': no script at all
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"


def test_pages_use_no_asset_from_elsewhere(server, first_ids, pages):
    own_url = fetch(f"{server.url}/api/article/{first_ids['article']}").json()["canonical_url"]
    for path in pages:
        page = fetch(server.url + path).text
        elsewhere = re.findall(r'(?:src|href|action)="((?:[a-z]+:)?//[^"]*)"', page)
        assert [u for u in elsewhere if u != esc(own_url)] == [], path  # its own link
        assert re.findall(r"<link [^>]*>", page) == [
            '<link rel="stylesheet" href="/static/style.css">'
        ]
        assert "<script" not in page and "<img" not in page


def test_transactions_are_read_only(web_data):
    from newscrawl.db.connection import Database
    from newscrawl.web.app import connect_read_only

    with connect_read_only(Database(web_data.url, embedded=False)) as conn:
        with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
            conn.execute("DELETE FROM articles")
        conn.rollback()
        assert conn.execute("SHOW transaction_read_only").fetchone()[0] == "on"
        assert conn.execute("SHOW default_transaction_read_only").fetchone()[0] == "on"
        conn.rollback()
        conn.autocommit = True  # even outside the BEGIN READ ONLY: the session's default
        with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
            conn.execute("DELETE FROM articles")
