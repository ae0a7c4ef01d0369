"""URL rules: article recognition and canonicalisation, by example and by property."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newscrawl import sites, urls

YONHAP_ID = "AEN20231005001251315"


@pytest.mark.parametrize(
    "url",
    [
        f"https://en.yna.co.kr/view/{YONHAP_ID}",
        f"https://en.yna.co.kr/view/{YONHAP_ID}?section=news&input=rss",
        f"http://en.yna.co.kr/view/{YONHAP_ID}?input=fb",
        f"https://m-en.yna.co.kr/view/{YONHAP_ID}?utm_source=x&utm_medium=y",
        f"//en.yna.co.kr/view/{YONHAP_ID}#comments",
        f"http://127.0.0.1:8801/view/{YONHAP_ID}?section=news&input=rss",
        f"http://english.yonhapnews.co.kr/national/2023/10/05/0301000000{YONHAP_ID}F.html",
    ],
)
def test_yonhap_forms_collapse_to_one(url):
    assert sites.canonicalize(url) == f"https://en.yna.co.kr/view/{YONHAP_ID}"


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://m.koreaherald.com/article/10481817", "https://www.koreaherald.com/article/10481817"),
        ("http://koreaherald.com/article/10481817/?utm_campaign=a",
         "https://www.koreaherald.com/article/10481817"),
        ("https://www.koreaherald.com/view.php?ud=20230814000600&np=1&mpv=0",
         "https://www.koreaherald.com/view.php?ud=20230814000600"),
        ("https://www.koreaherald.com/view.php?ud=/view.php?ud=20230814000600",
         "https://www.koreaherald.com/view.php?ud=20230814000600"),
        ("http://news.koreaherald.com/view.php?ud=20241204050016",
         "https://www.koreaherald.com/view.php?ud=20241204050016"),
    ],
)  # fmt: skip
def test_korea_herald_forms(url, expected):
    assert sites.canonicalize(url) == expected


@pytest.mark.parametrize(
    "url",
    [
        "https://en.yna.co.kr/national/diplomacy",
        "https://en.yna.co.kr/view/AEN2023100500125131",  # one digit short
        "https://www.koreaherald.com/view.php?ud=2023081400060",
        "https://www.koreaherald.com/list.php?ct=020103000000",
        "https://www.koreaherald.com/National/ForeignAffairs?page=2",
        "https://example.com/",
    ],
)
def test_non_articles_are_not_recognised(url):
    assert sites.article_id(url) is None


def test_non_article_urls_keep_meaningful_query_and_drop_tracking():
    url = "HTTP://M.KoreaHerald.com/list.php?ct=020103000000&np=2&mp=1&utm_source=x"
    assert sites.canonicalize(url) == (
        "https://www.koreaherald.com/list.php?ct=020103000000&np=2&mp=1"
    )


def test_rel_canonical_is_preferred_only_on_the_same_site():
    page = f"http://127.0.0.1:9/view/{YONHAP_ID}"
    own = f"https://en.yna.co.kr/view/{YONHAP_ID}"
    assert sites.preferred_canonical(page, own) == own
    assert sites.preferred_canonical(page, "https://elsewhere.example/x") == own
    kh = "http://127.0.0.1:9/view.php?ud=20240301000162"
    assert sites.preferred_canonical(kh, "https://www.koreaherald.com/article/10500001") == (
        "https://www.koreaherald.com/article/10500001"
    )


def test_rebase_keeps_path_and_query():
    assert urls.rebase("https://www.koreaherald.com/view.php?ud=1", "http://127.0.0.1:5") == (
        "http://127.0.0.1:5/view.php?ud=1"
    )


hosts = st.sampled_from(sorted({h for site in sites.SITES.values() for h in site.hosts}
                               | {"example.org"}))  # fmt: skip
paths = st.one_of(
    st.from_regex(r"/view/AEN\d{17}", fullmatch=True),
    st.from_regex(r"/article/\d{1,9}", fullmatch=True),
    st.just("/view.php"),
    st.text(alphabet="abcdefghij/-_.%", max_size=30).map(lambda s: "/" + s),
)
queries = st.lists(
    st.tuples(
        st.sampled_from(["ud", "section", "input", "utm_source", "np", "mp", "page", "q"]),
        st.text(alphabet="0123456789abc/?=&", max_size=16),
    ),
    max_size=4,
)


@given(st.sampled_from(["http", "https"]), hosts, paths, queries)
def test_canonicalize_is_idempotent(scheme, host, path, query):
    from urllib.parse import urlencode

    url = f"{scheme}://{host}{path}" + (f"?{urlencode(query)}" if query else "")
    once = sites.canonicalize(url)
    assert sites.canonicalize(once) == once
    assert sites.article_id(once) == sites.article_id(url) or sites.site_of(url) is None


@given(st.text(max_size=200))
def test_url_functions_never_raise(text):
    sites.article_id(text)
    sites.site_of(text)
    once = sites.canonicalize(text)
    assert sites.canonicalize(once) == once


def test_a_site_serves_its_own_hosts_and_loopback_only():
    """What a site with a generic article path checks before claiming a URL."""
    site = sites.SITES["yonhap"]
    assert site.serves(urls.split("https://m-en.yna.co.kr/view/x"))
    assert site.serves(urls.split("http://127.0.0.1:8801/view/x"))
    assert site.serves(urls.split("http://localhost:8801/view/x"))
    assert not site.serves(urls.split("https://www.koreaherald.com/view/x"))
