"""RSS feeds of both sites and Yonhap's Google News sitemap, with each site's date quirks.

Yonhap's English RSS prints Korean wall-clock time with a wrong or missing zone ("+0000", "GMT"
or nothing, varied per item); the Korea Herald prints KST with "+09:00" or "+0900". Links are
absolute on the replica's own origin; canonical URLs inside pages keep the real domains.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from newscrawl.replica.htmlutil import cdata, esc
from newscrawl.replica.model import Article
from newscrawl.replica.site import Site
from newscrawl.replica.timefmt import iso_kst, rfc822_wall

YONHAP_FEED_SIZE = 100
KH_FEED_SIZE = 50
SITEMAP_MAX = 1000
SITEMAP_MIN = 20
SITEMAP_WINDOW_SECONDS = 2 * 86400
YONHAP_ZONES = ["+0000", "", "GMT"]
KH_ZONES = ["+09:00", "+0900"]


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One feed item, independent of where it came from (article or bad page)."""

    title: str
    path: str
    description: str
    published: datetime
    author: str
    section: str
    ident: str


def _pick(ident: str, options: list[str]) -> str:
    h = int.from_bytes(hashlib.blake2b(ident.encode(), digest_size=4).digest(), "big")
    return options[h % len(options)]


def entry(site: Site, a: Article) -> FeedEntry:
    """Feed view of an article: title, path, first paragraph (with the ATTN note)."""
    body = site.body(a)
    first = body.paragraphs[0] if not body.lines else "\n".join(body.paragraphs[:5])
    desc = f"{a.editor_note}\n\n{first}" if a.editor_note else first
    return FeedEntry(a.title, a.path, desc, a.published, ", ".join(a.authors) or "Yonhap",
                     a.section, a.site_article_id)


def yonhap_rss(site: Site, origin: str, channel: str, items: list[Article],
               extra: Sequence[FeedEntry] = ()) -> str:
    """RSS 2.0 for /RSS/<channel>.xml."""
    entries = [*extra, *(entry(site, a) for a in items[:YONHAP_FEED_SIZE])][:YONHAP_FEED_SIZE]
    rows = []
    for e in entries:
        zone = _pick(e.ident, YONHAP_ZONES)
        rows.append(
            f"<item>\n<title>{esc(e.title)}</title>\n"
            f"<link>{origin}{e.path}?section=news&amp;input=rss</link>\n"
            f'<guid isPermaLink="false">{e.ident}</guid>\n'
            f"<description>{esc(e.description)}</description>\n"
            f"<dc:creator>{esc(e.author)}</dc:creator>\n<category>{esc(e.section)}</category>\n"
            f"<pubDate>{rfc822_wall(e.published, zone)}</pubDate>\n</item>")
    built = rfc822_wall(entries[0].published, "+0000") if entries else ""
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel>\n'
            f"<title>Yonhap News Agency - {esc(channel)}</title>\n<link>{origin}/news</link>\n"
            "<description>Yonhap News Agency English news</description>\n<language>en</language>\n"
            f"<lastBuildDate>{built}</lastBuildDate>\n"
            + "\n".join(rows) + "\n</channel>\n</rss>\n")


def _kh_title(title: str) -> str:
    return title.replace("'", "&#8217;")


def _kh_desc(text: str) -> str:
    return "<p>" + text.replace("&", "&amp;").replace("'", "&rsquo;") + "</p>"


def kh_link(origin: str, path: str, era: str) -> str:
    """Feed link; era C items carry the 2023 doubled `?ud=/view.php?ud=` bug."""
    if era == "C" and path.startswith("/view.php?ud="):
        return f"{origin}/view.php?ud={path}"
    return origin + path


def kh_rss(site: Site, origin: str, channel: str, items: list[Article],
           extra: Sequence[FeedEntry] = ()) -> str:
    """RSS 2.0 for /rss/newsAll and /rss/kh_National (CDATA, HTML entities)."""
    rows = []
    entries = [(e, "D") for e in extra] + [(entry(site, a), a.era) for a in items[:KH_FEED_SIZE]]
    for e, era in entries[:KH_FEED_SIZE]:
        zone = _pick(e.ident, KH_ZONES)
        rows.append(
            f"<item>\n<title>{cdata(_kh_title(e.title))}</title>\n"
            f"<link>{esc(kh_link(origin, e.path, era))}</link>\n"
            f"<description>{cdata(_kh_desc(e.description))}</description>\n"
            f"<pubDate>{rfc822_wall(e.published, zone)}</pubDate>\n"
            f"<author>{esc(e.author)}</author>\n<category>{cdata(e.section)}</category>\n</item>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">\n<channel>\n'
            f"<title>{cdata('The Korea Herald - ' + channel)}</title>\n<link>{origin}/</link>\n"
            "<description>The Korea Herald</description>\n<language>en</language>\n"
            + "\n".join(rows) + "\n</channel>\n</rss>\n")


def sitemap_articles(site: Site) -> list[Article]:
    """Articles within two days of the newest one (at least 20, at most 1000), newest first."""
    newest = site.yonhap_newest
    if not newest:
        return []
    cutoff = newest[0].published.timestamp() - SITEMAP_WINDOW_SECONDS
    out = [a for a in newest[:SITEMAP_MAX] if a.published.timestamp() >= cutoff]
    return out if len(out) >= SITEMAP_MIN else newest[:SITEMAP_MIN]


def news_sitemap(site: Site, origin: str) -> str:
    """Google News sitemap for Yonhap (`news:title` in CDATA)."""
    rows = [f"<url>\n<loc>{origin}{a.path}</loc>\n<news:news>\n<news:publication>\n"
            "<news:name>Yonhap News Agency</news:name>\n<news:language>en</news:language>\n"
            "</news:publication>\n"
            f"<news:publication_date>{iso_kst(a.published)}</news:publication_date>\n"
            f"<news:title>{cdata(a.title)}</news:title>\n</news:news>\n</url>"
            for a in sitemap_articles(site)]
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n'
            + "\n".join(rows) + "\n</urlset>\n")
