"""Bad input through a real crawl: every broken page is handled, counted and logged by URL.

Two crawls, each run once per module: the replica with `badpages=1` (its catalogue of broken
pages on both sites), and a small hostile site of our own on loopback for what the replica
does not serve (binary content, a missing charset, feeds that are not XML or carry entities
and CDATA in odd places or an external entity, dates in 2099 and 1985, an offsite redirect).
Each test case below states the expected handling of one input and checks the stored rows,
the run's `crawl_runs.stats` and the crawl's log (stderr) for that input's URL.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import psycopg
import pytest

from newscrawl import discovery, sites
from tests.e2e_support import crawl_replica, run_newscrawl, stored_articles
from tests.reliability.helpers import HostileSite, partial_rows, rss, run_stats, yonhap_page

YONHAP_FEED_DATE = sites.SITES["yonhap"].feed_date

pytestmark = pytest.mark.e2e


@dataclass
class Crawl:
    database_url: str
    returncode: int
    stdout: str
    stderr: str
    stored: dict[str, dict[str, Any]]
    stats: dict[str, dict[str, Any]]
    extra: dict[str, Any]

    def log_lines(self, needle: str) -> list[str]:
        return [line for line in self.stderr.splitlines() if needle in line]


# -- the replica's bad pages ------------------------------------------------------------------


@pytest.fixture(scope="module")
def replica_crawl(module_db: str) -> Iterator[Crawl]:
    from newscrawl.replica import ReplicaServer, build_site

    site = build_site(articles=30, seed=2)
    with ReplicaServer(site, faults="badpages=1") as server:
        result = crawl_replica(server, module_db)
        bad = {(b["source"], b["name"]): b for b in site.bad_pages()}
        origins = {"yonhap": server.yonhap_url, "koreaherald": server.koreaherald_url}
        truth = {t["canonical_url"] for t in site.ground_truth()}
    yield Crawl(
        module_db, result.returncode, result.stdout, result.stderr, stored_articles(module_db),
        {s: run_stats(module_db, s) for s in origins},
        {"bad": bad, "origins": origins, "truth": truth},
    )  # fmt: skip


def _bad(crawl: Crawl, source: str, name: str) -> tuple[str, str | None]:
    """(URL the crawler fetched, canonical URL) of one bad page."""
    page = crawl.extra["bad"][(source, name)]
    from newscrawl import urls

    fetched = crawl.extra["origins"][source] + page["path"]
    return fetched, sites.canonicalize(urls.rebase(fetched, sites.SITES[source].origin))


SOURCES = ("yonhap", "koreaherald")


def test_the_crawl_survives_every_bad_page(replica_crawl: Crawl):
    """Both spiders finish (exit 0), every valid article is still stored, no partial rows."""
    assert replica_crawl.returncode == 0, replica_crawl.stderr[-3000:]
    assert "Traceback" not in replica_crawl.stderr
    assert replica_crawl.extra["truth"] <= set(replica_crawl.stored)
    assert partial_rows(replica_crawl.database_url) == []
    for site in SOURCES:
        assert replica_crawl.stats[site]["finish_reason"] == "finished"
        # Korea Herald's own view.php -> /article/N redirects stay on the site
        assert "articles/offsite_redirect" not in replica_crawl.stats[site]


@pytest.mark.parametrize("source", SOURCES)
def test_empty_200_is_not_stored_and_is_fetched_again(replica_crawl: Crawl, source: str):
    """An empty 200 is treated as a failed fetch: not stored (so not "seen"), counted, logged."""
    fetched, canonical = _bad(replica_crawl, source, "empty")
    assert canonical not in replica_crawl.stored
    assert replica_crawl.stats[source]["articles/empty"] == 1
    assert replica_crawl.log_lines(f"article page is empty, not stored: {fetched}")


@pytest.mark.parametrize("source", SOURCES)
def test_wrong_charset_is_stored_and_flagged(replica_crawl: Crawl, source: str):
    """A page sent in cp949/latin-1 while declaring utf-8: stored with U+FFFD where bytes were
    undecodable, the problem recorded on the row, counted and logged with the URL."""
    fetched, canonical = _bad(replica_crawl, source, "charset")
    row = replica_crawl.stored[canonical]
    assert any(p.startswith("undecodable_text") for p in row["problems"])
    assert "\ufffd" in (row["title"] or "") + (row["body"] or "")
    assert replica_crawl.stats[source]["articles/undecodable"] == 1
    assert replica_crawl.stats[source]["clean/problem/undecodable_text"] == 1
    assert replica_crawl.log_lines(f"incomplete article {fetched}")


@pytest.mark.parametrize("source", SOURCES)
def test_huge_page_is_refused_while_downloading(replica_crawl: Crawl, source: str):
    """A 20 MB page exceeds DOWNLOAD_MAXSIZE (8 MB): cancelled, not parsed or stored, counted
    as a failed article and logged with its URL."""
    fetched, canonical = _bad(replica_crawl, source, "huge")
    assert canonical not in replica_crawl.stored
    assert replica_crawl.stats[source]["articles/failed"] >= 1
    lines = replica_crawl.log_lines(f"article not fetched: {fetched}")
    assert lines and "max size" in lines[0]


@pytest.mark.parametrize("source", SOURCES)
def test_truncated_html_is_stored_with_its_problem(replica_crawl: Crawl, source: str):
    """An HTML document cut off mid-way (complete HTTP response): the text that is there is
    stored, marked truncated_html, counted and logged."""
    fetched, canonical = _bad(replica_crawl, source, "truncated")
    row = replica_crawl.stored[canonical]
    assert row["body"] and "truncated_html: no closing </html>" in row["problems"]
    assert replica_crawl.stats[source]["clean/problem/truncated_html"] == 1
    assert replica_crawl.log_lines(f"incomplete article {fetched}")


@pytest.mark.parametrize("source", SOURCES)
def test_deeply_nested_markup_does_not_crash(replica_crawl: Crawl, source: str):
    """5,000 nested <div>s: the parser gives up on the depth, the page is stored with its
    title and a no_body problem, counted and logged (no recursion error)."""
    fetched, canonical = _bad(replica_crawl, source, "nested")
    row = replica_crawl.stored[canonical]
    assert row["title"] == "Replica test page: nested"
    assert row["problems"]
    assert replica_crawl.stats[source]["clean/problem/no_body"] >= 1
    assert replica_crawl.log_lines(f"incomplete article {fetched}")


@pytest.mark.parametrize("source", SOURCES)
def test_article_without_title(replica_crawl: Crawl, source: str):
    """No <title>, headline or og:title: stored with its body and a no_title problem."""
    fetched, canonical = _bad(replica_crawl, source, "notitle")
    row = replica_crawl.stored[canonical]
    assert row["title"] is None and row["body"]
    assert any(p.startswith("no_title") for p in row["problems"])
    assert replica_crawl.stats[source]["clean/problem/no_title"] >= 1
    assert replica_crawl.log_lines(f"incomplete article {fetched}")


@pytest.mark.parametrize("source", SOURCES)
def test_article_without_body(replica_crawl: Crawl, source: str):
    """Headline but an empty container: stored with its title and a no_body problem."""
    fetched, canonical = _bad(replica_crawl, source, "nobody")
    row = replica_crawl.stored[canonical]
    assert row["title"] == "Replica test page: nobody" and not row["body"]
    assert any(p.startswith("no_body") for p in row["problems"])
    assert replica_crawl.log_lines(f"incomplete article {fetched}")


@pytest.mark.parametrize("source", SOURCES)
def test_korean_article_is_stored_as_korean(replica_crawl: Crawl, source: str):
    """An article in Korean: stored with language "ko", its Hangul intact, counted in
    clean/language/ko and logged with its URL."""
    fetched, canonical = _bad(replica_crawl, source, "korean")
    row = replica_crawl.stored[canonical]
    assert row["language"] == "ko"
    assert row["title"] == "가상 회담 관련 시험 기사"
    assert replica_crawl.stats[source]["clean/language/ko"] == 1
    assert replica_crawl.log_lines(f"article {fetched} is not in English")


@pytest.mark.parametrize("source", SOURCES)
def test_redirect_loop_is_cut_and_reported(replica_crawl: Crawl, source: str):
    """loop_a -> loop_b -> loop_a: the duplicate filter stops it after one round; nothing is
    stored; counted in articles/redirect_loop and logged with the chain of URLs."""
    fetched_a, canonical_a = _bad(replica_crawl, source, "loop_a")
    fetched_b, canonical_b = _bad(replica_crawl, source, "loop_b")
    assert canonical_a not in replica_crawl.stored and canonical_b not in replica_crawl.stored
    assert replica_crawl.stats[source]["articles/redirect_loop"] == 1
    assert replica_crawl.log_lines(f"redirect loop, not fetched: {fetched_a} -> {fetched_b}")


# -- a hostile site of our own ----------------------------------------------------------------

ID = "AEN20240502{:04d}00315"
BODY = [
    "SEOUL, May 2 (Yonhap) -- South Korea and Japan held talks on Thursday in Seoul.",
    "The two sides agreed to meet again next month, officials said.",
]
CASES = {
    "normal": 1,
    "cdata": 2,
    "future": 3,
    "ancient": 4,
    "binary": 5,
    "binary_html": 6,
    "no_charset": 7,
    "offsite": 8,
}


XXE = (
    '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/hostname">\n'
    '<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n'
    '<rss version="2.0"><channel><item><title>A&xxe;B&lol2;C</title>'
    "<link>{link}</link></item></channel></rss>\n"
)


def _ident(case: str) -> str:
    return ID.format(CASES[case])


@pytest.fixture(scope="module")
def hostile_crawl(module_db: str) -> Iterator[Crawl]:
    elsewhere = HostileSite().start()  # the "other domain" of the offsite redirect
    site = HostileSite().start()
    view = {case: f"/view/{_ident(case)}" for case in CASES}
    when = "Thu, 02 May 2024 10:00:00 +0900"
    site.html(view["normal"], yonhap_page(_ident("normal"), "Normal talks", BODY))
    site.html(view["cdata"], yonhap_page(_ident("cdata"), "Korea&#8217;s talks", BODY))
    site.html(view["future"], yonhap_page(_ident("future"), "Talks from the future", BODY,
                                          published="2099-05-02T10:00:00+09:00"))  # fmt: skip
    site.html(view["ancient"], yonhap_page(_ident("ancient"), "Talks of 1985", BODY,
                                           published="1985-05-02T10:00:00+09:00"))  # fmt: skip
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64
    site.raw(view["binary"], png, "image/png")
    site.raw(view["binary_html"], b"\x00\x01\x02\x03\xff\xfe" * 4000, "text/html; charset=utf-8")
    no_charset = yonhap_page(_ident("no_charset"), "Envoys meet in Zürich – “again”", BODY)
    site.raw(view["no_charset"], no_charset.replace('<meta charset="utf-8">', "").encode(),
             "text/html")  # fmt: skip
    offsite_target = f"http://localhost:{elsewhere.port}{view['offsite']}"
    site.raw(view["offsite"], b"", "text/html", status=301, Location=offsite_target)
    # /RSS/news.xml: entities and CDATA in odd places (title, link, a CDATA-wrapped link with
    # an entity inside, a description full of markup), plus the other cases.
    feed_items = [
        ("Normal &amp; calm", site.url + view["normal"], when),
        ("<![CDATA[Korea&#8217;s <b>talks</b> & more]]>",
         f"<![CDATA[{site.url}{view['cdata']}?section=news&input=rss]]>", when),
        ("Future", f"{site.url}{view['future']}?a=1&amp;b=2", when),
        ("Ancient &#x41;&#65;", f"  {site.url}{view['ancient']}  ", when),
        ("Binary", site.url + view["binary"], when),
        ("Binary as HTML", site.url + view["binary_html"], when),
        ("No charset", site.url + view["no_charset"], when),
        ("Offsite", site.url + view["offsite"], when),
    ]  # fmt: skip
    site.raw("/RSS/news.xml", rss(feed_items).encode(), "text/xml")
    site.html("/RSS/national.xml", "<html><body><h1>Oops, an HTML error page</h1></body></html>")
    site.raw("/RSS/nk.xml", XXE.format(link=site.url + view["normal"]).encode(), "text/xml")
    empty_listing = "<html><body><div class='smain-list-type01'><ul></ul></div></body></html>"
    site.html("/national/diplomacy", empty_listing)
    site.html("/national/politics", empty_listing)
    site.raw("/news-sitemap.xml", b"this is not a sitemap at all \x00\x01", "text/xml")
    site.raw("/robots.txt", b"User-agent: *\nDisallow: /search/\n", "text/plain")
    try:
        result = run_newscrawl(
            ["crawl", "--site", "yonhap", "--base-url", f"yonhap={site.url}",
             "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
             "-s", "NEWSCRAWL_RETRY_BACKOFF=0.05", "-s", "DOWNLOAD_TIMEOUT=10"],
            module_db, timeout=300,
        )  # fmt: skip
    finally:
        site.stop()
        elsewhere.stop()
    yield Crawl(
        module_db, result.returncode, result.stdout, result.stderr, stored_articles(module_db),
        {"yonhap": run_stats(module_db, "yonhap")},
        {"site": site, "elsewhere": elsewhere, "view": view},
    )  # fmt: skip


def _canonical(case: str) -> str:
    return f"https://en.yna.co.kr/view/{_ident(case)}"


def _fetched(crawl: Crawl, case: str) -> str:
    return crawl.extra["site"].url + crawl.extra["view"][case]


def test_hostile_site_crawl_finishes(hostile_crawl: Crawl):
    """The crawl of a site made only of bad input still finishes and stores the good page."""
    assert hostile_crawl.returncode == 0, hostile_crawl.stderr[-3000:]
    assert "Traceback" not in hostile_crawl.stderr
    row = hostile_crawl.stored[_canonical("normal")]
    assert row["title"] == "Normal talks" and row["problems"] == []
    assert partial_rows(hostile_crawl.database_url) == []


def test_feed_that_is_not_xml(hostile_crawl: Crawl):
    """An HTML error page where a feed should be, and a binary "sitemap": skipped, counted in
    discovery/malformed and logged with their URLs; the other feeds are still read."""
    stats = hostile_crawl.stats["yonhap"]
    assert stats["discovery/malformed"] == 2
    assert stats["discovery/feeds"] == 2
    site = hostile_crawl.extra["site"]
    assert hostile_crawl.log_lines(f"malformed feed skipped: {site.url}/RSS/national.xml")
    assert hostile_crawl.log_lines(f"malformed sitemap skipped: {site.url}/news-sitemap.xml")


def test_feed_with_entities_and_cdata_in_odd_places(hostile_crawl: Crawl):
    """Entities inside CDATA, a link wrapped in CDATA with raw '&', '&amp;' in a link, padded
    links: every link is understood and its article stored once, under its canonical URL."""
    for case in ("normal", "cdata", "future", "ancient", "no_charset"):
        assert _canonical(case) in hostile_crawl.stored, case
    assert hostile_crawl.stored[_canonical("cdata")]["title"] == "Korea\u2019s talks"


def test_feed_external_entity_is_not_resolved(hostile_crawl: Crawl):
    """A DOCTYPE declaring an external (file://) entity: no local file is read and the feed's
    link is still read; an exponential entity bomb is cut off by libxml2, without error."""
    from pathlib import Path

    assert hostile_crawl.stats["yonhap"]["discovery/feeds"] == 2  # news.xml and nk.xml
    links = discovery.parse_feed(XXE.format(link="/view/" + _ident("normal")), YONHAP_FEED_DATE,
                                 "http://127.0.0.1:1/RSS/nk.xml")  # fmt: skip
    assert links and links[0].url.endswith(_ident("normal"))
    title = links[0].title or ""
    secret = Path("/etc/hostname").read_text().strip() if Path("/etc/hostname").exists() else ""
    assert not secret or secret not in title
    # "billion laughs": libxml2's amplification limit stops the expansion (no items, no error)
    ents = '<!ENTITY l0 "lollollollol">' + "".join(
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)
    )
    bomb = (f'<?xml version="1.0"?><!DOCTYPE rss [{ents}]><rss><channel><item><title>&l9;'
            "</title><link>/view/AEN20240502000100315</link></item></channel></rss>")  # fmt: skip
    result = discovery.parse_feed(bomb, YONHAP_FEED_DATE, "http://127.0.0.1:1/")
    assert result is None or all(len(link.title or "") < 1_000_000 for link in result)


@pytest.mark.parametrize("case", ["future", "ancient"])
def test_impossible_publication_dates(hostile_crawl: Crawl, case: str):
    """article:published_time in 2099 or 1985: the date is dropped (NULL, never stored wrong),
    the problem recorded, counted in clean/implausible_date and logged with the URL."""
    row = hostile_crawl.stored[_canonical(case)]
    assert row["published_at"] is None
    assert any(p.startswith("implausible_date") for p in row["problems"])
    assert hostile_crawl.stats["yonhap"]["clean/implausible_date"] == 2
    assert hostile_crawl.log_lines(f"incomplete article {_fetched(hostile_crawl, case)}")


def test_binary_content_type_is_not_parsed(hostile_crawl: Crawl):
    """A PNG where an article should be: not a text response, not stored, counted in
    articles/not_text and logged with its URL."""
    assert _canonical("binary") not in hostile_crawl.stored
    assert hostile_crawl.stats["yonhap"]["articles/not_text"] == 1
    assert hostile_crawl.log_lines(
        f"article is not a text page: {_fetched(hostile_crawl, 'binary')}"
    )


def test_binary_bytes_sent_as_html(hostile_crawl: Crawl):
    """Binary bytes labelled text/html: stored as an incomplete row marked binary_content
    (NUL bytes never reach PostgreSQL), counted and logged."""
    row = hostile_crawl.stored[_canonical("binary_html")]
    assert any(p.startswith("binary_content") for p in row["problems"])
    assert hostile_crawl.stats["yonhap"]["clean/problem/binary_content"] == 1
    assert hostile_crawl.log_lines(f"incomplete article {_fetched(hostile_crawl, 'binary_html')}")
    with psycopg.connect(hostile_crawl.database_url) as conn:
        html = conn.execute(
            "SELECT html FROM raw_pages WHERE article_id = %s", (row["id"],)
        ).fetchone()[0]
    assert "\x00" not in html


def test_missing_charset_is_detected(hostile_crawl: Crawl):
    """UTF-8 bytes with no charset in the header or the page: decoded correctly."""
    row = hostile_crawl.stored[_canonical("no_charset")]
    assert row["title"] == "Envoys meet in Zürich – “again”"
    assert not any(p.startswith("undecodable_text") for p in row["problems"])


def test_redirect_to_another_domain_is_not_followed(hostile_crawl: Crawl):
    """A 301 to another host: the other host gets no request at all; the article is not
    stored, counted (offsite/filtered, articles/offsite_redirect) and logged with its URL."""
    assert hostile_crawl.extra["elsewhere"].requests == []
    assert _canonical("offsite") not in hostile_crawl.stored
    stats = hostile_crawl.stats["yonhap"]
    assert stats["offsite/filtered"] == 1
    assert stats["articles/offsite_redirect"] == 1
    target = f"http://localhost:{hostile_crawl.extra['elsewhere'].port}"
    assert hostile_crawl.log_lines(
        f"redirect to another site not followed: {_fetched(hostile_crawl, 'offsite')} -> {target}"
    )
