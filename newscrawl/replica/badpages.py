"""Fixed broken pages, listed in feeds and listings only when faults enable `badpages`.

They test that a crawler survives what real sites occasionally serve: an empty 200, a page in a
charset other than the declared one, a ~20 MB page, a redirect loop, a cut-off document, absurdly
deep nesting, an article without title or without body, a Korean-language page, and a malformed
feed. None of them is a valid article, so none is in the ground truth.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from newscrawl.replica import vocab as V
from newscrawl.replica.htmlutil import attr, esc
from newscrawl.replica.model import KOREAHERALD, YONHAP
from newscrawl.replica.timefmt import iso_kst

HUGE_BYTES = 20 * 1024 * 1024
NEST_DEPTH = 5000
NAMES = ["empty", "charset", "huge", "truncated", "nested", "notitle", "nobody", "korean",
         "loop_a", "loop_b"]
NOTES = {
    "empty": "200 with an empty body",
    "charset": "declares utf-8, sent as cp949 (Yonhap) or latin-1 (Korea Herald)",
    "huge": "about 20 MB of article markup",
    "truncated": "HTML document cut off mid-way (the HTTP response itself is complete)",
    "nested": f"article text inside {NEST_DEPTH} nested <div> elements",
    "notitle": "article markup with no <title>, headline or og:title",
    "nobody": "headline present, article container empty",
    "korean": "an article written in Korean",
    "loop_a": "302 to loop_b", "loop_b": "302 back to loop_a",
}
FEED_PATHS = {YONHAP: "/RSS/broken.xml", KOREAHERALD: "/rss/kh_Broken"}


@dataclass(frozen=True, slots=True)
class BadPage:
    """One broken page."""

    name: str
    source: str
    path: str
    ident: str
    title: str
    published: datetime


def catalogue(site) -> list[BadPage]:  # type: ignore[no-untyped-def]
    """All bad pages of both sites (dated just after each site's newest article)."""
    out = []
    for source, newest in ((YONHAP, site.yonhap_newest), (KOREAHERALD, site.kh_newest)):
        base = newest[0].published if newest else datetime.now().astimezone()
        for i, name in enumerate(NAMES, 1):
            when = base + timedelta(minutes=i)
            if source == YONHAP:
                ident = f"AEN{when:%Y%m%d}99{i:02d}00315"
                path = f"/view/{ident}"
            else:
                ident = str(9_990_000 + i)
                path = f"/article/{ident}"
            title = f"Replica test page: {name.replace('_', ' ')}"
            out.append(BadPage(name, source, path, ident, title, when))
    out += [BadPage("feed", s, p, f"feed-{s}", "Malformed feed", out[0].published)
            for s, p in FEED_PATHS.items()]
    return out


def listed(site, source: str) -> list[BadPage]:  # type: ignore[no-untyped-def]
    """Bad pages that feeds and listings of `source` show (one end of the loop only)."""
    return [b for b in catalogue(site) if b.source == source and b.name not in ("loop_b", "feed")]


def _doc(b: BadPage, title: str | None, body_html: str, lang: str = "en") -> str:
    canonical = (f"https://en.yna.co.kr/view/{b.ident}" if b.source == YONHAP
                 else f"https://www.koreaherald.com/article/{b.ident}")
    head = [f'<!doctype html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">',
            f'<link rel="canonical" href="{canonical}" />']
    if title is not None:
        head += [f"<title>{esc(title)}</title>",
                 f'<meta property="og:title" content="{attr(title)}">']
    if b.source == YONHAP:
        head.append(f'<meta property="article:published_time" content="{iso_kst(b.published)}" />')
        h1 = (f'<header class="title-article01"><h1 class="tit">{esc(title)}</h1></header>'
              if title else "")
        main = f'{h1}<div class="view-body"><article class="story-news">{body_html}</article></div>'
    else:
        h1 = f"<h1>{esc(title)}</h1>" if title else ""
        main = f'{h1}<article class="article-body">{body_html}</article>'
    return "\n".join(head) + "\n</head>\n<body>\n" + main + "\n</body>\n</html>\n"


def _paras(lines: list[str]) -> str:
    return "".join(f"<p> {esc(t)}</p>\n" for t in lines)


def render(b: BadPage, loop_target: str) -> tuple[int, str, bytes, dict[str, str]]:
    """(status, content type, body, extra headers) for a bad page."""
    html = "text/html; charset=utf-8"
    text = ["SEOUL -- This page exists to test how a crawler copes with a broken response.",
            "It is not a real article and carries no information."]
    if b.name == "empty":
        return 200, html, b"", {}
    if b.name in ("loop_a", "loop_b"):
        return 302, html, b"", {"Location": loop_target}
    if b.name == "charset":
        if b.source == YONHAP:
            lines = ["SEOUL -- The ministry (외교부) said the talks were “useful” for both sides.",
                     "Officials from 서울 and the partner capital will meet again next month."]
            return 200, html, _doc(b, b.title + " 외교부", _paras(lines)).encode("cp949"), {}
        lines = ["SEOUL -- Envoys met at a café near the embassy in Zürich-style talks.",
                 "The naïve hopes of São Paulo delegates were not met, officials said."]
        return 200, html, _doc(b, b.title + " café", _paras(lines)).encode("latin-1"), {}
    if b.name == "huge":
        filler = ("<p> This paragraph pads a very large replica page so that crawlers must "
                  "enforce a maximum response size before parsing it.</p>\n")
        body = filler * (HUGE_BYTES // len(filler))
        return 200, html, _doc(b, b.title, _paras(text) + body).encode(), {}
    if b.name == "truncated":
        full = _doc(b, b.title, _paras(text * 20)).encode()
        return 200, html, full[: len(full) * 6 // 10], {}
    if b.name == "nested":
        inner = "<div>" * NEST_DEPTH + _paras(text) + "</div>" * NEST_DEPTH
        return 200, html, _doc(b, b.title, inner).encode(), {}
    if b.name == "notitle":
        return 200, html, _doc(b, None, _paras(text)).encode(), {}
    if b.name == "nobody":
        return 200, html, _doc(b, b.title, "").encode(), {}
    if b.name == "korean":
        doc = _doc(b, "가상 회담 관련 시험 기사", _paras(V.KOREAN_LINES), "ko")
        return 200, html, doc.encode(), {}
    raise KeyError(b.name)


def broken_feed(origin: str, source: str) -> bytes:
    """An RSS document that is not well-formed XML (bare '&', unclosed item, cut off)."""
    path = "/view/AEN20990101990000315" if source == YONHAP else "/article/9990099"
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">\n<channel>\n'
            "<title>Broken & unescaped feed</title>\n<item>\n<title>Talks & more <b>bold</title>\n"
            f"<link>{origin}{path}</link>\n<description>Unclosed item\n<item>\n<title>Second"
            ).encode()
