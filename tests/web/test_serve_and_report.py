"""Start-up and error paths of `newscrawl serve`, and `newscrawl report`: real processes,
real sockets, a real PostgreSQL (or none at all, for the outage)."""

from __future__ import annotations

import re
import socket
import subprocess
import sys

import pytest
from psycopg.conninfo import conninfo_to_dict

from tests.e2e_support import ROOT, run_newscrawl
from tests.web import hostile
from tests.web.support import fetch, start_server
from tests.web.test_pages import _no_live_markup

pytestmark = pytest.mark.e2e
SECRET = "Zq7-web-never-shown"


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_port_in_use_is_one_line_and_exit_2(database_url):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_newscrawl(["serve", "--port", str(port)], database_url, timeout=120)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert lines[0].startswith(f"newscrawl: error: cannot listen on 127.0.0.1:{port}: ")


@pytest.mark.parametrize("argv", [["serve", "--port", "70000"], ["serve", "--port", "x"],
                                  ["report", "--pair", "JP", "-o", "x.html"],
                                  ["report", "--pair", "JP-KR"]])  # fmt: skip
def test_bad_arguments_are_one_line_and_exit_2(database_url, argv):
    result = run_newscrawl(argv, database_url, timeout=120)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_unreachable_database_gives_503_pages_not_a_traceback():
    url = f"postgresql://reader:{SECRET}@127.0.0.1:{_closed_port()}/newscrawl"
    served = start_server(url)
    try:
        for path in ("/", "/pair/JP-KR", "/story/1", "/article/1", "/search?q=talks"):
            reply = fetch(served.url + path)
            assert reply.status == 503, path
            assert '<h1 class="error">503 · Database unavailable</h1>' in reply.text
            assert "Traceback" not in reply.text and SECRET not in reply.text
            assert "default-src 'none'" in reply.headers["content-security-policy"]
        reply = fetch(served.url + "/api/pairs")
        assert reply.status == 503 and reply.json()["status"] == 503
        assert fetch(served.url + "/static/style.css").status == 200  # no database needed
    finally:
        err = served.stop()
    assert SECRET not in served.first_line and SECRET not in err
    assert "Traceback" not in err
    logged = [line for line in err.splitlines() if "database unavailable" in line]
    assert len(logged) == 6  # one line per failed request


def test_serve_demo_reads_the_demo_database(database_url):
    served = start_server(database_url, "--demo")
    try:
        name = conninfo_to_dict(database_url)["dbname"]
        assert f"dbname={name}_demo " in served.first_line
        assert fetch(served.url + "/").status == 503  # no demo was run: that database is absent
    finally:
        served.stop()


def test_report_writes_one_self_contained_page(web_data, tmp_path, server):
    out = tmp_path / "jp-kr.html"
    result = run_newscrawl(["report", "--pair", "KR-JP", "-o", str(out)], web_data.url)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"wrote {out} (JP-KR)"
    page = out.read_text(encoding="utf-8")
    assert "<style>" in page and "svg.chart" in page  # the stylesheet, inline
    assert not re.findall(r"<link\b", page) and not re.findall(r"\b(?:src|href)=", page)
    assert "<script" not in page
    served = fetch(server.url + "/api/pair/JP-KR").json()
    assert len(re.findall(r'<g class="bar"', page)) == len(served["weeks"])
    assert len(re.findall(r'<tr class="story">', page)) == len(served["timeline"])
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # the hostile headline, as text
    _no_live_markup(page)
    assert "Content-Security-Policy" in page  # even opened as a file, no script may run


def test_report_filters_and_errors(web_data, tmp_path, server):
    out = tmp_path / "r.html"
    argv = ["report", "--pair", "JP-KR", "--since", "2024-01-01", "--until", "2025-01-01",
            "--source", "yonhap", "-o", str(out)]  # fmt: skip
    result = run_newscrawl(argv, web_data.url)
    assert result.returncode == 0, result.stderr
    served = fetch(server.url + "/api/pair/JP-KR?since=2024-01-01&until=2025-01-01"
                   "&source=yonhap").json()  # fmt: skip
    assert len(re.findall(r'<tr class="story">', out.read_text())) == len(served["timeline"])
    bad = run_newscrawl(["report", "--pair", "JP-KR", "-o", str(tmp_path / "no" / "r.html")],
                        web_data.url)  # fmt: skip
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1
    assert "cannot write" in bad.stderr
    down = f"postgresql://reader:{SECRET}@127.0.0.1:{_closed_port()}/newscrawl"
    gone = run_newscrawl(["report", "--pair", "JP-KR", "-o", str(out)], down)
    assert gone.returncode == 2 and len(gone.stderr.strip().splitlines()) == 1
    assert SECRET not in gone.stderr and "Traceback" not in gone.stderr


def test_the_crawl_never_imports_the_web_view():
    code = (
        "import sys; import newscrawl.cli as c; c.build_parser(); "
        "import newscrawl.crawl, newscrawl.demo, pipelines.store, pipelines.extract; "
        "import spiders.yonhap, spiders.koreaherald; "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('flask', 'waitress', "
        "'jinja2', 'werkzeug') or m.startswith('newscrawl.web')); print(bad); "
        "sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_hostile_data_is_loaded(web_data):
    """The data set the hostile page tests rely on is really there, as stored text."""
    import psycopg

    with psycopg.connect(web_data.url) as conn:
        titles = {r[0] for r in conn.execute("SELECT title FROM articles WHERE id = ANY(%s)",
                                             (list(web_data.hostile.values()),))}  # fmt: skip
        copy_of = conn.execute("SELECT duplicate_of FROM articles WHERE id = %s",
                               (web_data.hostile["copy"],)).fetchone()[0]  # fmt: skip
    assert titles == {hostile.HOSTILE_TITLE, hostile.LEAD_TITLE}
    assert copy_of in (web_data.hostile["original"], web_data.hostile["lead"])
