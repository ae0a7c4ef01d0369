"""What a user expects of the CLI, end to end: the real command over a database filled by a
crawl of the replica (60 articles per site, the demo's size), real processes, a real
terminal (a pseudo-terminal) where terminal behaviour is the point."""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

import psycopg
import pytest

from newscrawl import __version__
from newscrawl.dates import KST
from tests.conftest import _create_database, _drop_database
from tests.e2e_support import NEWSCRAWL, ROOT, crawl_replica, run_newscrawl
from tests.ops.support import HANG_GUARD

pytestmark = pytest.mark.e2e

SUMMARY = re.compile(r"^(yonhap|koreaherald): \d+ new, \d+ updated, (\d+) copies linked, ")


@dataclass
class Crawled:
    url: str
    stdout: str

    def sql(self, query: str, *params: object) -> list[tuple]:
        with psycopg.connect(self.url) as conn:
            return conn.execute(query, params).fetchall()

    def run(self, *argv: str, **kw) -> subprocess.CompletedProcess[str]:
        return run_newscrawl(list(argv), self.url, **kw)

    def json(self, *argv: str):
        result = self.run(*argv, "--format", "json")
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)


@pytest.fixture(scope="module")
def crawled(pg_admin_url) -> Iterator[Crawled]:
    from newscrawl.replica import ReplicaServer, build_site

    url = _create_database(pg_admin_url)
    with ReplicaServer(build_site(articles=60, seed=1)) as server:
        result = crawl_replica(server, url)
    assert result.returncode == 0, result.stderr[-3000:]
    yield Crawled(url, result.stdout)
    _drop_database(pg_admin_url, url)


def one_line(result: subprocess.CompletedProcess[str], code: int) -> str:
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


# -- the crawl's counts ----------------------------------------------------------------------


def test_copies_linked_in_the_summary_agree_with_the_stored_copies(crawled):
    """The summary lines' `copies linked` add up to the copies stored, and each is its run's
    `store/duplicate_linked` and the `copies` column of `newscrawl runs`."""
    linked = {m[1]: int(m[2]) for m in map(SUMMARY.match, crawled.stdout.splitlines()) if m}
    assert set(linked) == {"yonhap", "koreaherald"}
    copies = crawled.sql("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL")[0][0]
    assert copies > 0 and sum(linked.values()) == copies
    stats = dict(crawled.sql("SELECT site, stats->>'store/duplicate_linked' FROM crawl_runs"))
    assert {site: int(n or 0) for site, n in stats.items()} == linked
    assert {r["site"]: r["copies"] for r in crawled.json("runs")} == linked


# -- filters and limits ----------------------------------------------------------------------


def test_until_includes_its_day(crawled):
    """`list --since D --until D` lists the articles published on KST day D, all of them."""
    newest = crawled.sql("SELECT max(published_at) FROM articles")[0][0]
    day = newest.astimezone(KST).date()
    expected = crawled.sql(
        "SELECT count(*) FROM articles WHERE (published_at AT TIME ZONE 'Asia/Seoul')::date = %s",
        day,
    )[0][0]
    rows = crawled.json("list", "--since", str(day), "--until", str(day), "--limit", "1000")
    assert len(rows) == expected >= 1
    before = crawled.json("list", "--until", str(day - timedelta(days=1)), "--limit", "1000")
    assert all(r["id"] not in {x["id"] for x in rows} for r in before)


def test_list_says_when_its_limit_cut_it(crawled):
    """The default limit (50) cuts a longer list: stderr says how many there are."""
    total = crawled.sql("SELECT count(*) FROM articles")[0][0]
    assert total > 50
    cut = crawled.run("list")
    assert cut.returncode == 0
    assert cut.stderr.strip() == f"50 of {total:,} shown; --limit N shows more"
    assert len(cut.stdout.strip().splitlines()) == 51  # header + 50
    whole = crawled.run("list", "--limit", "1000", "--format", "json")
    assert whole.stderr == "" and len(json.loads(whole.stdout)) == total


def test_timeline_limit_keeps_the_latest_stories_with_ids_for_show(crawled):
    """`timeline --limit N` is the last N lines of the whole timeline (still oldest first);
    its table has the story id and the id of the story's latest article, which `show`
    accepts."""
    whole = crawled.json("timeline")
    latest = crawled.json("timeline", "--limit", "3")
    assert len(whole) > 3 and latest == whole[-3:]
    table = crawled.run("timeline", "--limit", "3")
    header, *lines = table.stdout.strip().splitlines()
    assert header.split()[:3] == ["story", "date", "article"]
    assert [int(line.split()[0]) for line in lines] == [r["story_id"] for r in latest]
    for line, row in zip(lines, latest, strict=True):
        article = line.split()[2]
        assert int(article) == row["latest_article_id"]
        shown = crawled.json("show", article)
        assert shown["story_id"] == row["story_id"]


def test_show_takes_the_sites_own_article_ids(crawled):
    """`show AEN20231005004351315` (Yonhap's id, any case) and a Korea Herald article number
    find the article, as its id and URL do."""
    for source in ("yonhap", "koreaherald"):
        article_id, site_id = crawled.sql(
            "SELECT id, site_article_id FROM articles WHERE source = %s LIMIT 1", source)[0]
        for key in (site_id, site_id.lower()):
            assert crawled.json("show", key)["id"] == article_id, key


# -- output ----------------------------------------------------------------------------------


def on_terminal(argv: list[str], env: dict[str, str]) -> str:
    """The command's stdout on a pseudo-terminal (stderr to a pipe)."""
    master, slave = pty.openpty()
    process = subprocess.Popen([NEWSCRAWL, *argv], stdout=slave, stderr=subprocess.PIPE,
                               cwd=ROOT, env={**os.environ, **env})  # fmt: skip
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the command has closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    process.wait(HANG_GUARD)
    os.close(master)
    return b"".join(chunks).decode().replace("\r\n", "\n")


@pytest.mark.parametrize("argv", [["list"], ["timeline"], ["search", "talks"], ["runs"]])
def test_tables_fit_the_terminal_but_not_a_pipe(argv, crawled):
    """On a 72-column terminal every table line fits (titles are cut with …); the same
    command into a pipe keeps its long lines."""
    env = {"DATABASE_URL": crawled.url, "COLUMNS": "72"}
    lines = on_terminal(argv, env).strip().splitlines()
    assert len(lines) > 2
    assert max(len(line) for line in lines) <= 72, max(lines, key=len)
    piped = run_newscrawl(argv, crawled.url, env={"COLUMNS": "72"}).stdout.splitlines()
    assert max(len(line) for line in piped) > 72


def test_stats_csv_is_one_loadable_table_with_utc_times(crawled):
    """`stats --format csv` is one CSV table: one header, every row as wide, a `section`
    column naming the part; times in UTC ISO 8601 with seconds."""
    result = crawled.run("stats", "--format", "csv")
    assert result.returncode == 0, result.stderr
    table = list(csv.reader(io.StringIO(result.stdout)))
    header, rows = table[0], table[1:]
    assert header[0] == "section" and len(set(header)) == len(header)
    assert all(len(row) == len(header) for row in rows)
    assert {row[0] for row in rows} == {"by source", "per day", "top pairs", "last runs"}
    started = [r[header.index("started_at")] for r in rows if r[0] == "last runs"]
    assert started and all(
        re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", t) for t in started)
    listed = list(csv.DictReader(io.StringIO(crawled.run("list", "--format", "csv").stdout)))
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", r["published_at"])
               for r in listed if r["published_at"])  # fmt: skip


def test_version():
    result = run_newscrawl(["--version"], None)
    assert result.returncode == 0 and result.stdout.strip() == f"newscrawl {__version__}"


def test_runs_documents_and_takes_its_own_filters(crawled):
    """`runs --help` lists the filters `runs` takes; they select rows."""
    help_text = " ".join(crawled.run("runs", "--help").stdout.split())
    for option in ("--site", "--status", "--limit", "--format"):
        assert option in help_text
    assert "newscrawl --help" not in help_text
    assert {r["site"] for r in crawled.json("runs", "--site", "yonhap")} == {"yonhap"}
    assert crawled.json("runs", "--status", "failed") == []
    assert len(crawled.json("runs", "--status", "finished")) == 2


def test_readme_sql_example_gives_kst_days(crawled):
    """README's example over v_stories runs and gives the stories' KST days, as the CLI's
    timeline does."""
    readme = (ROOT / "README.md").read_text()
    query = next(q for q in re.findall(r"```sql\n(.*?)```", readme, re.DOTALL)
                 if "v_stories" in q)  # fmt: skip
    assert "AT TIME ZONE 'Asia/Seoul'" in query
    rows = crawled.sql(query.replace("'JP-KR' = ANY(pairs)", "TRUE"))
    days = sorted(datetime.fromisoformat(t["published_at"]).astimezone(KST).date()
                  for t in crawled.json("timeline"))  # fmt: skip
    assert rows and sorted(r[0] for r in rows) == days


# -- extract ---------------------------------------------------------------------------------


@pytest.mark.parametrize("content, says", [
    (b"", "it is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "binary"),
    (b"just some words, no markup at all\n", "not an HTML page"),
])  # fmt: skip
def test_extract_refuses_what_is_no_html_page(content, says, tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(content)
    result = run_newscrawl(["extract", str(path), "--url",
                            "https://en.yna.co.kr/view/AEN20231005004351315"], None)  # fmt: skip
    line = one_line(result, 1)
    assert says in line and str(path) in line and result.stdout == ""
