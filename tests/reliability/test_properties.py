"""Property and fuzz tests (hypothesis) for the code that reads text we do not control.

What tests/test_urls.py and tests/test_dates.py already cover (idempotent canonicalisation of
site URLs, no exception from the date parsers on any text, round trips) is not repeated.
Added here: URLs with hostile structure (ports, userinfo, IPv6 brackets, percent escapes,
article IDs in odd places), the discovery parsers on arbitrary feeds and listings, the listing
date finder and plausibility, the page parser, the site cleaning rules and the whole cleaning
function on arbitrary input, and the near-duplicate fingerprint's invariants.
"""

from __future__ import annotations

import string
from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newscrawl import dates, discovery, fingerprint, sites, urls
from newscrawl.items import ArticleItem

FAST = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# -- URLs -------------------------------------------------------------------------------------

ids = st.one_of(
    st.from_regex(r"AEN\d{17}", fullmatch=True),
    st.from_regex(r"\d{1,9}", fullmatch=True),
    st.from_regex(r"\d{14}", fullmatch=True),
)
hosts = st.one_of(
    st.sampled_from(sorted({h for site in sites.SITES.values() for h in site.hosts})),
    st.sampled_from(["127.0.0.1", "localhost", "[::1]", "[", "EN.YNA.CO.KR.", "a@b", "x:y@z"]),
    st.text(alphabet=string.ascii_letters + string.digits + ".-[]:@%", max_size=20),
)
ports = st.one_of(st.just(""), st.integers(0, 70000).map(lambda p: f":{p}"),
                  st.sampled_from([":", ":abc", ":-1"]))  # fmt: skip
path_forms = st.one_of(
    ids.map(lambda i: f"/view/{i}"),
    ids.map(lambda i: f"/article/{i}"),
    ids.map(lambda i: f"/view.php?ud={i}"),
    ids.map(lambda i: f"/view.php?ud=/view.php?ud={i}"),
    ids.map(lambda i: f"/view/{i}%2F..%2F?x=%00&ud={i}#frag"),
    st.text(alphabet=string.printable + "é한\u202e", max_size=40),
)
any_url = st.builds(
    lambda scheme, host, port, path: f"{scheme}{host}{port}{path}",
    st.sampled_from(["http://", "https://", "HTTPS://", "//", "", "ftp://", "javascript:"]),
    hosts, ports, path_forms,
)  # fmt: skip


@FAST
@given(any_url)
def test_canonicalize_is_idempotent_on_hostile_urls(url: str):
    """canonicalize never raises and is idempotent, whatever the host, port or path."""
    once = sites.canonicalize(url)
    assert sites.canonicalize(once) == once


@FAST
@given(any_url)
def test_article_id_never_raises_and_survives_canonicalisation(url: str):
    """article_id never raises; an article URL of a known site keeps its ID when canonical."""
    found = sites.article_id(url)
    if found is None:
        return
    source, site_id = found
    assert site_id and source in tuple(sites.SITES)
    if sites.site_of(url) in (None, source):
        canonical = sites.canonicalize(url)
        assert sites.article_id(canonical) == found
        assert sites.site_of(canonical) == source


@FAST
@given(any_url, st.one_of(st.none(), any_url))
def test_preferred_canonical_and_rebase_never_raise(page: str, declared: str | None):
    """The canonical chosen for a page is always a fixed point of canonicalize; rebase onto
    the replica's origin never raises."""
    chosen = sites.preferred_canonical(page, declared)
    assert sites.canonicalize(chosen) == chosen
    urls.rebase(page, "http://127.0.0.1:8801")


# -- discovery --------------------------------------------------------------------------------

xmlish = st.text(alphabet=string.printable + "é&;#<>![]/\u2019", max_size=300)
link_text = st.one_of(any_url, xmlish)


@FAST
@given(st.lists(st.tuples(xmlish, link_text, xmlish), max_size=6), st.booleans())
def test_feed_and_sitemap_parsers_never_raise(items, cdata: bool):
    """Arbitrary titles, links and dates in an RSS or sitemap document: a list or None."""
    wrap = (lambda s: f"<![CDATA[{s}]]>") if cdata else (lambda s: s)
    body = "".join(f"<item><title>{wrap(t)}</title><link>{wrap(u)}</link>"
                   f"<pubDate>{d}</pubDate></item>" for t, u, d in items)  # fmt: skip
    for source in ("yonhap", "koreaherald"):
        result = discovery.parse_feed(f"<rss><channel>{body}</channel></rss>",
                                      sites.SITES[source].feed_date,
                                      "http://127.0.0.1:1/RSS/news.xml")  # fmt: skip
        assert result is None or all(isinstance(link.url, str) for link in result)
    locs = "".join(f"<url><loc>{u}</loc><lastmod>{d}</lastmod></url>" for _, u, d in items)
    discovery.parse_sitemap(f"<urlset>{locs}</urlset>", "http://127.0.0.1:1/")


@FAST
@given(xmlish)
def test_discovery_parsers_never_raise_on_any_text(text: str):
    """Any text at all where a feed, sitemap or listing should be."""
    discovery.parse_feed(text, sites.SITES["yonhap"].feed_date, "http://127.0.0.1:1/")
    discovery.parse_sitemap(text, "http://127.0.0.1:1/")
    discovery.parse_listing(text, "http://127.0.0.1:1/", (".smain-list-type01",))


@FAST
@given(st.lists(st.tuples(link_text, xmlish), max_size=8))
def test_listing_links_are_articles_each_once(anchors):
    """Listing links: only article URLs, each once, whatever the anchors hold."""
    html = "<ul>" + "".join(f'<li><a href="{h}">{t}</a></li>' for h, t in anchors) + "</ul>"
    links = discovery.parse_listing(html, "http://127.0.0.1:1/news", ())
    assert len({link.url for link in links}) == len(links)
    assert all(sites.article_id(link.url) for link in links)


# -- dates ------------------------------------------------------------------------------------


@FAST
@given(st.text(max_size=200))
def test_find_listing_date_never_raises(text: str):
    """The listing date finder (not covered in tests/test_dates.py) on any text."""
    found = dates.find_listing_date(text)
    assert found is None or found.tzinfo is not None


@FAST
@given(st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30),
                    timezones=st.sampled_from([UTC, dates.KST])))  # fmt: skip
def test_plausible_is_the_1990_to_two_days_ahead_window(when: datetime):
    """Any aware datetime, year 1 to 9999: plausible exactly inside [1990, now + 2 days]."""
    now = datetime(2026, 1, 1, tzinfo=UTC)
    expected = dates.EARLIEST <= when <= now + timedelta(days=2)
    assert dates.plausible(when, now) is expected


# -- parsing and cleaning ---------------------------------------------------------------------

html_parts = st.sampled_from([
    "<p>", "</p>", "<div>", "</div>", "<br/>", "<article class='story-news'>", "</article>",
    "<h1 class='tit'>", "</h1>", "<script>", "</script>", "<![CDATA[", "]]>", "<!--", "-->",
    "<meta property='article:published_time' content='2099-01-01T00:00:00+09:00'>",
    "<title>", "</title>", "(ATTN: ADDS)", "By Kim Yoo-jin", "SEOUL, Oct. 5 (Yonhap) --",
    "e-mail@yna.co.kr", "(END)", "&amp;", "&#0;", "\x00", "\ufffd", "한국", " ", "\n",
    "Published : Feb 14, 2023 - 10:12", '<a href=""\x0b">', '<img alt=""\x0b" src=x>',
    "<figcaption>", "</figcaption>", "<div class='article-body'>", "<p class='txt-desc'>",
])  # fmt: skip
pages = st.lists(st.one_of(html_parts, st.text(max_size=30)), max_size=60).map("".join)


@SLOW
@given(pages, st.sampled_from(["yonhap", "koreaherald", None]))
# Found by this test: a control character in a run of loose text made lxml refuse it.
@example(html="<div>(ATTN: ADDS)Published : Feb 14, 2023 - 10:12\x1f<p>", source="yonhap")
def test_parse_and_clean_never_raise(html: str, source: str | None):
    """page_to_article on arbitrary markup: an item, never an exception. The site parser
    and the cleaning each record a problem instead of raising (layout_error, clean_error):
    neither may appear, as a crash caught is still a crash."""
    from newscrawl.extract import page_to_article
    from newscrawl.items import FetchedPage

    url = "http://127.0.0.1:1/view/AEN20240101000100315"
    item = page_to_article(FetchedPage(source=source or "", url=url, html=html))
    crashes = [p for p in item.problems if p.startswith(("clean_error", "layout_error"))]
    assert not crashes, item.problems
    assert item.body is None or isinstance(item.body, str)


@FAST
@given(st.lists(st.one_of(html_parts, st.text(max_size=80)), max_size=12),
       st.sampled_from(["yonhap", "koreaherald", None]),
       st.sampled_from(["site", "trafilatura"]))  # fmt: skip
def test_site_rules_never_raise(paragraphs: list[str], source: str | None, origin: str):
    """The site cleaning rules on any paragraphs: a list of strings, never an exception."""
    item = ArticleItem(source=source or "")
    out = sites.rules_for(source).apply(paragraphs, item, sites.publisher_names(), origin)
    assert all(isinstance(p, str) for p in out)


# -- fingerprint ------------------------------------------------------------------------------

words = st.lists(st.text(alphabet=string.ascii_letters + "é한'’", min_size=1, max_size=8),
                 max_size=120).map(" ".join)  # fmt: skip


@FAST
@given(st.text(max_size=500))
def test_minhash_never_raises(text: str):
    """Any text: None (too short) or a full signature of 58-bit values."""
    signature = fingerprint.minhash(text)
    if signature is not None:
        assert len(signature) == fingerprint.SIGNATURE_SIZE
        assert all(0 <= v < 1 << 58 for v in signature)
        assert all(-(1 << 63) <= h < 1 << 63 for h in fingerprint.band_hashes(signature))


@FAST
@given(words, words)
def test_similarity_is_a_probability_and_identity_is_one(a: str, b: str):
    """similarity is in [0, 1], symmetric, and exactly 1.0 for identical text."""
    sa, sb = fingerprint.minhash(a), fingerprint.minhash(b)
    if sa is None or sb is None:
        return
    s = fingerprint.similarity(sa, sb)
    assert 0.0 <= s <= 1.0
    assert s == fingerprint.similarity(sb, sa)
    assert fingerprint.similarity(sa, sa) == 1.0
    assert fingerprint.minhash(a) == sa  # deterministic


@FAST
@given(words, words)
def test_content_hash_ignores_layout_noise(title: str, body: str):
    """Whitespace, case and typographic quotes do not change the content hash."""
    noisy_title = "  " + title.upper().replace("'", "\u2019") + "\n"
    noisy_body = body.replace(" ", " \n\t ").replace("'", "\u2018")
    same = fingerprint.content_hash(title, body) == fingerprint.content_hash(
        noisy_title, noisy_body
    )
    # upper() of some letters is not undone by lower() (e.g. "ß" -> "SS"): only ASCII-ish
    if all(c.lower() == c.upper().lower() for c in title):
        assert same
