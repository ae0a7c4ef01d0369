"""Maps a request target on either replica site to a response (status, type, body, kind).

Pure functions of the `Site`: no sockets, no faults (the server adds those), so the URL map can
be tested and benchmarked without HTTP.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import parse_qs, urlsplit

from newscrawl.replica import badpages, feeds, kh_pages, yonhap_pages
from newscrawl.replica import yonhap_chrome as YC
from newscrawl.replica.generate import KH_SECTIONS
from newscrawl.replica.model import KOREAHERALD, YONHAP
from newscrawl.replica.site import Site

HTML = "text/html; charset=utf-8"
FEED, LISTING, ARTICLE, SITEMAP, ROBOTS, OTHER = (
    "feed", "listing", "article", "sitemap", "robots", "other")
KINDS = (FEED, LISTING, ARTICLE, SITEMAP, ROBOTS, OTHER)

YONHAP_FEEDS = {"/RSS/news.xml": ("All News", ""), "/RSS/national.xml": ("National", "national/"),
                "/RSS/nk.xml": ("North Korea", "nk/")}
KH_FEEDS = {"/rss/newsAll": ("All", ""), "/rss/kh_National": ("National", "National/")}
_Y_VIEW = re.compile(r"^/view/(AEN\d{17})$")
_Y_LIST = re.compile(r"^/([a-z-]+(?:/[a-z-]+)?)(?:/(\d+))?$")
_KH_ARTICLE = re.compile(r"^/article/(\d+)$")
_UD = re.compile(r"^(?:/view\.php\?ud=)?(\d{14})$")

# era-D listing path -> (title, section prefix)
KH_D_LISTINGS: dict[str, tuple[str, str]] = {"/National": ("National", "National/"),
                                             "/Business": ("Business", "Business/"),
                                             "/Sports": ("Sports", "Sports/"),
                                             "/LifenCulture": ("Life & Culture", "LifenCulture/")}
KH_D_LISTINGS.update({f"/{code}": (name, code) for code, (name, _ct) in KH_SECTIONS.items()})
KH_CT: dict[str, tuple[str, str]] = {ct: (name, code) for code, (name, ct) in KH_SECTIONS.items()}
KH_CT.update({"020100000000": ("National", "National/"),
              "020200000000": ("Business", "Business/"), "020500000000": ("Sports", "Sports/"),
              "020300000000": ("Life&Style", "LifenCulture/")})


@dataclass(slots=True)
class Response:
    """What to send; `kind` is what the request log records."""

    status: int
    content_type: str
    body: bytes
    kind: str
    headers: dict[str, str] = field(default_factory=dict)
    last_modified: datetime | None = None


def robots(origin: str, source: str) -> Response:
    """Both sites: everything allowed except /search/."""
    text = "User-agent: *\nDisallow: /search/\nAllow: /\n"
    if source == YONHAP:
        text += f"\nSitemap: {origin}/news-sitemap.xml\n"
    return Response(200, "text/plain; charset=utf-8", text.encode(), ROBOTS)


def _html(status: int, text: str, kind: str, modified: datetime | None = None) -> Response:
    return Response(status, HTML, text.encode(), kind, last_modified=modified)


def _page_number(raw: str | None) -> int | None:
    if raw is None or raw == "":
        return 1
    return int(raw) if raw.isdigit() and 0 < int(raw) < 10**6 else None


def route(site: Site, source: str, target: str, origin: str, bad: bool = False) -> Response:
    """Dispatch to the site's pages; unknown paths get the site's 404 page."""
    parts = urlsplit(target)
    path = parts.path or "/"
    if path == "/robots.txt":
        return robots(origin, source)
    if source == YONHAP:
        return _yonhap(site, path, origin, bad)
    return _koreaherald(site, path, parse_qs(parts.query), parts.query, origin, bad)


def _bad(site: Site, source: str, path: str, origin: str) -> Response | None:
    for b in badpages.catalogue(site):
        if b.source == source and b.path == path:
            if b.name == "feed":
                return Response(200, "text/xml; charset=utf-8",
                                badpages.broken_feed(origin, source), FEED)
            other = "loop_b" if b.name == "loop_a" else "loop_a"
            target = next(x.path for x in badpages.catalogue(site)
                          if x.source == source and x.name == other)
            status, ctype, body, headers = badpages.render(b, target)
            return Response(status, ctype, body, ARTICLE, headers)
    return None


def _bad_entries(site: Site, source: str) -> list[feeds.FeedEntry]:
    return [feeds.FeedEntry(b.title, b.path, "A replica test page.", b.published,
                            "Yonhap" if source == YONHAP else "Replica Desk", "Test", b.ident)
            for b in badpages.listed(site, source)]


def _bad_lis(site: Site, source: str) -> list[tuple[str, str]]:
    return [(b.path, b.title) for b in badpages.listed(site, source)]


def _yonhap(site: Site, path: str, origin: str, bad: bool) -> Response:
    if bad and (hit := _bad(site, YONHAP, path, origin)):
        return hit
    if m := _Y_VIEW.match(path):
        a = site.yonhap_by_id.get(m.group(1))
        if a is None:
            return _html(404, yonhap_pages.not_found_page(), ARTICLE)
        return _html(200, yonhap_pages.article_page(site, a), ARTICLE, a.modified)
    if path in YONHAP_FEEDS:
        name, prefix = YONHAP_FEEDS[path]
        extra = _bad_entries(site, YONHAP) if bad and prefix == "" else []
        items = site.listing(YONHAP, prefix)
        xml = feeds.yonhap_rss(site, origin, name, items, extra)
        return Response(200, "text/xml; charset=utf-8", xml.encode(), FEED,
                        last_modified=items[0].published if items else None)
    if path == "/news-sitemap.xml":
        return Response(200, "application/xml; charset=utf-8",
                        feeds.news_sitemap(site, origin).encode(), SITEMAP)
    if path in ("/", "/index"):
        feed_urls = list(YONHAP_FEEDS) + ([badpages.FEED_PATHS[YONHAP]] if bad else [])
        return _html(200, yonhap_pages.home_page(site, feed_urls), OTHER)
    if path.startswith("/search/"):
        return _html(200, yonhap_pages.not_found_page().replace(
            "The page you requested could not be found.", "Search"), OTHER)
    if m := _Y_LIST.match(path):
        key, raw_page = m.group(1), m.group(2)
        page = _page_number(raw_page)
        listing = _yonhap_listing(key)
        if listing is not None and page is not None:
            title, prefix = listing
            items = site.listing(YONHAP, prefix)
            base = "/" + key
            html = yonhap_pages.listing_page(site, title, base, items, page)
            if bad and key == "news" and page == 1:
                html = _inject_yonhap(html, _bad_lis(site, YONHAP))
            return _html(200, html, LISTING)
    return _html(404, yonhap_pages.not_found_page(), OTHER)


def _yonhap_listing(key: str) -> tuple[str, str] | None:
    if key == "news":
        return "All News", ""
    if key in YC.SECTIONS:
        return YC.SECTIONS[key], key
    sec, _, sub = key.partition("/")
    if sub == "index" and sec in YC.INDEXES:
        return YC.INDEXES[sec], sec + "/"
    return None


def _inject_yonhap(html: str, items: list[tuple[str, str]]) -> str:
    lis = "".join(f'<li>\n<article>\n<div class="txt-con">\n<h2 class="tit"><a href="{p}">{t}'
                  '</a></h2>\n</div>\n</article>\n</li>\n' for p, t in items)
    return html.replace('<ul class="list">\n', '<ul class="list">\n' + lis, 1)


def _inject_kh(html: str, items: list[tuple[str, str]]) -> str:
    lis = "".join(f'<li><a href="{p}"><div class="news_txt"><p class="news_title">{t}</p>'
                  "</div></a></li>\n" for p, t in items)
    return html.replace('<ul class="news_list">\n', '<ul class="news_list">\n' + lis, 1)


def _koreaherald(site: Site, path: str, query: dict[str, list[str]], raw_query: str,
                 origin: str, bad: bool) -> Response:
    if bad and (hit := _bad(site, KOREAHERALD, path, origin)):
        return hit
    if m := _KH_ARTICLE.match(path):
        a = site.kh_by_number.get(int(m.group(1)))
        if a is None:
            return _html(404, kh_pages.not_found_page(), ARTICLE)
        return _html(200, kh_pages.article_page(site, a), ARTICLE, a.modified)
    if path == "/view.php":
        ud_raw = raw_query.split("ud=", 1)[1].split("&", 1)[0] if "ud=" in raw_query else ""
        m = _UD.match(ud_raw)
        a = site.kh_by_ud.get(m.group(1)) if m else None
        if a is None:
            return _html(404, kh_pages.not_found_page(), ARTICLE)
        if a.era == "D":
            return Response(301, HTML, b"", ARTICLE, {"Location": f"{origin}{a.path}"})
        return _html(200, kh_pages.article_page(site, a), ARTICLE, a.modified)
    if path in KH_FEEDS:
        name, prefix = KH_FEEDS[path]
        extra = _bad_entries(site, KOREAHERALD) if bad and prefix == "" else []
        items = site.listing(KOREAHERALD, prefix)
        xml = feeds.kh_rss(site, origin, name, items, extra)
        return Response(200, "application/rss+xml; charset=utf-8", xml.encode(), FEED,
                        last_modified=items[0].published if items else None)
    if path in ("/", "/index.php"):
        return _html(200, kh_pages.home_page(site), OTHER)
    if path.startswith("/search/"):
        return _html(200, kh_pages.not_found_page().replace("Page not found", "Search"), OTHER)
    if path in KH_D_LISTINGS:
        page = _page_number((query.get("page") or [""])[0])
        if page is None:
            return _html(404, kh_pages.not_found_page(), LISTING)
        title, prefix = KH_D_LISTINGS[path]
        html = kh_pages.listing_d(site, title, path, site.listing(KOREAHERALD, prefix), page)
        if bad and path == "/National" and page == 1:
            html = _inject_kh(html, _bad_lis(site, KOREAHERALD))
        return _html(200, html, LISTING)
    if path == "/list.php":
        ct = (query.get("ct") or [""])[0]
        page = _page_number((query.get("np") or [""])[0])
        if ct not in KH_CT or page is None:
            return _html(404, kh_pages.not_found_page(), LISTING)
        title, prefix = KH_CT[ct]
        items = site.listing(KOREAHERALD, prefix)
        return _html(200, kh_pages.listing_bc(site, title, ct, items, page), LISTING)
    return _html(404, kh_pages.not_found_page(), OTHER)


__all__ = ["KINDS", "Response", "route"]
