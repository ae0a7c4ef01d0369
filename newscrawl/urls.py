"""URL rules for both sites, in one place: recognising articles and canonicalising URLs.

Spiders use these to decide what to follow and what is already stored; the store pipeline uses
them to key articles. An article's canonical URL is built from its ID alone, so tracking
parameters, mobile hosts, `http` and the Korea Herald RSS link bug all collapse to one form.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

YONHAP = "yonhap"
KOREAHERALD = "koreaherald"

YONHAP_ORIGIN = "https://en.yna.co.kr"
KOREAHERALD_ORIGIN = "https://www.koreaherald.com"
SITE_ORIGINS = {YONHAP: YONHAP_ORIGIN, KOREAHERALD: KOREAHERALD_ORIGIN}

YONHAP_HOSTS = frozenset({"en.yna.co.kr", "m-en.yna.co.kr", "english.yonhapnews.co.kr"})
KOREAHERALD_HOSTS = frozenset(
    {"www.koreaherald.com", "koreaherald.com", "m.koreaherald.com", "news.koreaherald.com"}
)

YONHAP_ID = re.compile(r"AEN\d{17}")
_YONHAP_VIEW = re.compile(r"/view/(AEN\d{17})(?![0-9])")
# The legacy domain embeds the ID: /summary/2017/09/07/23/1500000000AEN20170907007100315F.html
_YONHAP_LEGACY = re.compile(r"/\d{10}(AEN\d{17})F\.html$")
_KH_ARTICLE = re.compile(r"^/article/(\d+)/?$")
_KH_UD = re.compile(r"^\d{14}$")

TRACKING_PARAMS = frozenset({"section", "input", "fbclid", "gclid", "mpv", "ref"})


def _split(url: str):
    """urlsplit that never raises: a malformed URL (e.g. "http://[") splits as a bare path."""
    try:
        return urlsplit(url)
    except ValueError:
        pass
    try:  # unbalanced IPv6 brackets: split with them escaped, so canonicalize stays idempotent
        return urlsplit(url.replace("[", "%5B").replace("]", "%5D"))
    except ValueError:
        return urlsplit("")._replace(path="/" + url.split("#", 1)[0].lstrip("/"))


def _host(netloc: str) -> str:
    hostport = netloc.rsplit("@", 1)[-1]
    if hostport.startswith("["):  # an IPv6 literal keeps its brackets and colons
        return hostport.split("]", 1)[0].lower() + "]"
    return hostport.split(":", 1)[0].lower().rstrip(".")


def site_of(url: str) -> str | None:
    """Which of the two sites a URL belongs to, by host; None for any other host."""
    host = _host(_split(url).netloc)
    if host in YONHAP_HOSTS:
        return YONHAP
    if host in KOREAHERALD_HOSTS:
        return KOREAHERALD
    return None


def article_id(url: str) -> tuple[str, str] | None:
    """(source, site article id) for an article URL of either site, on any host.

    Hosts are not checked, so the replica's URLs (same paths, another origin) are recognised the
    same way as the real ones. Yonhap: `/view/AEN` + 17 digits. Korea Herald: `/article/N` or
    `view.php?ud=` + 14 digits (also in the 2023 RSS form `?ud=/view.php?ud=...`).
    """
    parts = _split(url.strip())
    if m := _YONHAP_VIEW.search(parts.path) or _YONHAP_LEGACY.search(parts.path):
        return YONHAP, m.group(1)
    if m := _KH_ARTICLE.match(parts.path):
        return KOREAHERALD, m.group(1)
    if parts.path.rstrip("/").endswith("/view.php") or parts.path == "view.php":
        ud = _kh_ud(parts.query)
        if ud:
            return KOREAHERALD, ud
    return None


def _kh_ud(query: str) -> str | None:
    for key, value in parse_qsl(query, keep_blank_values=True):
        if key != "ud":
            continue
        value = value.rsplit("ud=", 1)[-1]  # the RSS bug: ud=/view.php?ud=2023...
        value = value.split("&", 1)[0].strip()
        if _KH_UD.match(value):
            return value
    return None


def article_url(source: str, site_article_id: str) -> str:
    """The canonical URL on the real site for an article ID."""
    if source == YONHAP:
        return f"{YONHAP_ORIGIN}/view/{site_article_id}"
    if source == KOREAHERALD:
        if _KH_UD.match(site_article_id):
            return f"{KOREAHERALD_ORIGIN}/view.php?ud={site_article_id}"
        return f"{KOREAHERALD_ORIGIN}/article/{site_article_id}"
    raise ValueError(f"unknown source {source!r}")


def is_primary_form(canonical_url: str) -> bool:
    """False for the old Korea Herald `view.php?ud=` form, which may redirect to /article/N."""
    return "/view.php?" not in canonical_url


def is_article_url(url: str) -> bool:
    return article_id(url) is not None


def canonicalize(url: str) -> str:
    """The canonical form of a URL of either site (idempotent).

    Article URLs become `article_url(source, id)` whatever host, scheme or query they came with.
    Other URLs keep their path and meaningful query, with tracking parameters dropped, the host
    lower-cased, mobile hosts mapped to the desktop one and `http` upgraded to `https`.
    """
    url = url.strip()
    found = article_id(url)
    site = site_of(url)
    if found and site in (None, found[0]):
        return article_url(*found)
    parts = _split(url)
    try:
        port = parts.port
    except ValueError:  # a port that is not a number
        port = None
    scheme = parts.scheme.lower() or "https"
    host = _host(parts.netloc)
    netloc = parts.netloc.lower()
    if site is not None:
        scheme = "https"
        netloc = urlsplit(SITE_ORIGINS[site]).netloc
    elif host:
        netloc = host if port is None else f"{host}:{port}"
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if k.lower() not in TRACKING_PARAMS and not k.lower().startswith("utm_")
    ]
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(query), ""))


def preferred_canonical(page_url: str, declared: str | None) -> str:
    """The page's own rel=canonical when it names the same article site, else the page URL's."""
    if declared:
        declared = declared.strip()
        if declared.startswith("//"):
            declared = "https:" + declared
        if site_of(declared) is not None and site_of(declared) == (
            site_of(page_url) or _site_by_article(page_url) or site_of(declared)
        ):
            return canonicalize(declared)
    return canonicalize(page_url)


def _site_by_article(url: str) -> str | None:
    found = article_id(url)
    return found[0] if found else None


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def rebase(url: str, new_origin: str) -> str:
    """The same path and query on another origin (the replica's, or the real site's)."""
    parts = _split(url)
    target = _split(new_origin)
    return urlunsplit((target.scheme, target.netloc, parts.path or "/", parts.query, ""))
