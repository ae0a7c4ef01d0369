"""What a site provides, and what every site's layout versions share.

A site module (`newscrawl/sites/<name>.py`) defines one `Site` subclass and its instance `SITE`:
everything true of that outlet and nothing else. The core asks the site, never names it:

- identity: hosts, the real origin, the article URL pattern, the ID's canonical URL and the
  publication day it encodes, the story key and version rank for grouping updates;
- discovery: feeds, listings, sitemaps, the listing markup and how listings page;
- layout versions, newest first (Fundus style), each recognising its own pages (`matches`) and
  reading the site's fields (`parse`), structured data first, DOM selectors second; each also
  declares, for the cleaning, its container, its junk and its captions;
- cleaning rules (`SiteRules`: dateline, date-stamp lines), publisher names that are never a
  person, the names appended to headlines, how the feeds write dates.

`docs/adding-a-site.md` walks through writing one.
"""

from __future__ import annotations

import functools
import re
from datetime import date, datetime
from urllib.parse import SplitResult

from parsel import Selector

from newscrawl.dates import parse_iso, parse_rss_date
from newscrawl.items import ArticleItem
from newscrawl.parsing import jsonld
from newscrawl.parsing.html import language, meta, metas, set_field
from newscrawl.parsing.rules import SiteRules
from newscrawl.parsing.text import one_line, split_authors, strip_suffix, suffix_pattern

# Junk any article container may hold, whatever the site.
COMMON_DROP = (
    "script", "style", "noscript", "iframe", "ins", "button", "form", "aside", "nav",
    "figure", "figcaption", "[class*=share]", "[class*=sns]", "[class*=adv]",
    "[class*=banner]", "[id*=taboola]", "[class*=related]", "[class*=keyword]",
)  # fmt: skip
LOOPBACK_HOSTS = frozenset({"localhost", "::1"})
# Tables that only frame a photo (Korea Herald era B) are photos, not text.
PHOTO_TABLES = "//table[.//img and not(.//p[string-length(normalize-space()) > 200])]"


class LayoutVersion:
    """One dated layout of one site. Subclasses set the class attributes and `matches`."""

    name: str = ""
    source: str = ""
    container_css: tuple[str, ...] = ()
    drop_css: tuple[str, ...] = COMMON_DROP
    drop_xpath: tuple[str, ...] = (PHOTO_TABLES,)
    # Elements whose paragraphs the layout vouches for as story (e.g. the container's own `p`
    # children); every other paragraph of the container is story only if trafilatura keeps it.
    story_css: tuple[str, ...] = ()
    caption_css: tuple[str, ...] = ()
    caption_alt_css: tuple[str, ...] = ()  # img@alt, used only when no caption text is found
    byline_known: bool = True  # False: the byline's place is a guess; let trafilatura fill it

    def matches(self, sel: Selector) -> bool:  # pragma: no cover - abstract
        raise NotImplementedError

    def parse(self, sel: Selector, item: ArticleItem) -> None:
        """Fill the site fields; subclasses call `fill_common` then add DOM fallbacks."""
        fill_common(sel, item)
        self.fill_container(sel, item)

    def fill_container(self, sel: Selector, item: ArticleItem) -> None:
        for css in self.container_css:
            node = sel.css(css)
            if node:
                item.container_html = node[0].get()
                return

    def __repr__(self) -> str:
        return f"<LayoutVersion {self.name}>"


class Site:
    """One outlet. A site module subclasses this, sets the attributes, overrides the methods
    its URLs need, and makes the one instance `SITE` that the registry lists."""

    name: str = ""  # the source name stored with every article, e.g. "yonhap"
    origin: str = ""  # the real site's origin, e.g. "https://en.yna.co.kr"
    hosts: frozenset[str] = frozenset()  # every host its article URLs appear on
    publisher_names: frozenset[str] = frozenset()  # lower-case; a byline naming these is no person
    title_names: tuple[str, ...] = ()  # appended to headlines: "... | Yonhap News Agency"
    feed_offsets_trusted: bool = True  # False: the RSS states a wrong offset for KST wall time
    wire_agency: bool = False  # True: other sites reprint its stories (it holds the original)

    feeds: tuple[str, ...] = ()  # paths (or absolute URLs) of RSS/Atom feeds
    listings: tuple[str, ...] = ()  # section listing pages, walked back page by page
    sitemaps: tuple[str, ...] = ()  # (news) sitemaps
    listing_containers: tuple[str, ...] = ()  # CSS of the listing markup, first found wins

    layouts: tuple[LayoutVersion, ...] = ()  # newest first
    rules: SiteRules

    # -- identity ------------------------------------------------------------------------

    def article_id(self, parts: SplitResult) -> str | None:  # pragma: no cover - abstract
        """The site's article ID when this (split) URL is one of its article URLs, any host."""
        raise NotImplementedError

    def article_url(self, article_id: str) -> str:  # pragma: no cover - abstract
        """The canonical URL on the real site for an article ID."""
        raise NotImplementedError

    def serves(self, parts: SplitResult) -> bool:
        """Whether a URL's host is this site's, or a loopback host (the replica, tests): for
        an `article_id` whose path pattern other sites may share (a common news CMS)."""
        host = (parts.hostname or "").lower()
        return host in self.hosts or host in LOOPBACK_HOSTS or host.startswith("127.")

    def url_for_id(self, text: str) -> str | None:
        """The canonical URL when `text` is one of this site's article ids, else None."""
        return None

    def is_primary_form(self, canonical_url: str) -> bool:
        """False for an old URL form that may redirect to another canonical URL."""
        return True

    def date_from_id(self, article_id: str) -> date | None:
        """The publication day (KST) the ID encodes, if it encodes one."""
        return None

    def story_key(self, article_id: str) -> str | None:
        """What the updates of one story share in their IDs; None: each article its own story."""
        return None

    def version_rank(self, article_id: str) -> int:
        """0 for an original, 1 for the first update (LEAD), 2 for the next..."""
        return 0

    def id_from_page(self, sel: Selector) -> str | None:
        """The article ID the page states itself, when its URL carries none."""
        return None

    # -- discovery -----------------------------------------------------------------------

    def next_listing_page(self, url: str, page: int) -> str | None:
        """The URL of listing page `page + 1` after `url` (page `page`); None: no paging."""
        return None

    def feed_date(self, text: str) -> datetime | None:
        return parse_rss_date(text, trust_offset=self.feed_offsets_trusted)

    def __repr__(self) -> str:
        return f"<Site {self.name}>"


# -- what every site's pages share --------------------------------------------------------


@functools.cache
def not_people() -> frozenset[str]:
    """Every site's publisher names: a page may credit another site (the Korea Herald reprints
    Yonhap), so a name of any of them is a credit, never an author."""
    from newscrawl.sites import SITES  # the registry imports the site modules, which import us

    return frozenset().union(*(site.publisher_names for site in SITES.values()))


@functools.cache
def _title_suffix() -> re.Pattern[str]:
    from newscrawl.sites import SITES  # the registry imports the site modules, which import us

    return suffix_pattern([n for site in SITES.values() for n in site.title_names])


def headline(title: str | None) -> str | None:
    """A headline without any site's name appended (" | Yonhap News Agency"); None when empty."""
    return strip_suffix(title, _title_suffix())


def authors(text: str | None) -> list[str]:
    """Names from a byline ("By A, B and C"); publisher names are not people."""
    return split_authors(text, not_people())


def fill_common(sel: Selector, item: ArticleItem, origin: str = "site") -> None:
    """The structured metadata (JSON-LD, `article:*` meta) every era of every site may carry.

    `origin` is recorded in `field_sources`: "site" for a layout version, "page" when no
    layout knows the page and only its structured data is read."""
    item.language = item.language or language(sel)
    art = jsonld.article(sel) or {}
    set_field(item, "title", headline(jsonld.text_of(art.get("headline"))), origin)
    set_field(item, "title", headline(meta(sel, "og:title")), origin)
    set_field(item, "published_at", parse_iso(jsonld.text_of(art.get("datePublished"))), origin)
    set_field(item, "published_at", parse_iso(meta(sel, "article:published_time")), origin)
    set_field(item, "modified_at", parse_iso(jsonld.text_of(art.get("dateModified"))), origin)
    set_field(item, "modified_at", parse_iso(meta(sel, "article:modified_time")), origin)
    set_field(item, "section", one_line(jsonld.text_of(art.get("articleSection"))), origin)
    set_field(item, "section", one_line(meta(sel, "article:section")), origin)
    names = [n for name in jsonld.names_of(art.get("author")) for n in authors(name)]
    set_field(item, "authors", names, origin)
    set_field(item, "tags", jsonld.keywords_of(art.get("keywords")), origin)
    set_field(item, "tags", metas(sel, "article:tag"), origin)
