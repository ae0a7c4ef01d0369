"""The registry of sites, and the questions the core asks about any URL or article.

`SITES` lists every site module's `SITE`, in the order a URL is tried. Nothing outside
`newscrawl/sites/` names a site: the core, the spiders and the CLI ask here which site a URL
belongs to, what its canonical form is, which layouts and cleaning rules apply, how a story's
updates are keyed. Adding an outlet is one module and one line below (docs/adding-a-site.md).
"""

from __future__ import annotations

from datetime import date

from newscrawl import urls
from newscrawl.parsing.rules import SiteRules
from newscrawl.sites import koreaherald, yonhap
from newscrawl.sites.base import LayoutVersion, Site, not_people

SITES: dict[str, Site] = {site.name: site for site in (yonhap.SITE, koreaherald.SITE)}
LAYOUTS: dict[str, tuple[LayoutVersion, ...]] = {s.name: s.layouts for s in SITES.values()}
ALL_LAYOUTS: tuple[LayoutVersion, ...] = tuple(v for vs in LAYOUTS.values() for v in vs)
_BY_LAYOUT = {layout.name: layout for layout in ALL_LAYOUTS}
_BY_HOST = {host: site for site in SITES.values() for host in site.hosts}

# A page of no known site: the first site's dateline form and every site's date-stamp lines.
_STAMPS = [s.rules for s in SITES.values() if s.rules.stamp_line is not None]
GENERIC_RULES = SiteRules(
    source="",
    dateline=next(iter(SITES.values())).rules.dateline,
    stamp_line=_STAMPS[0].stamp_line if _STAMPS else None,
    read_stamp=_STAMPS[0].read_stamp if _STAMPS else None,
)


def names() -> tuple[str, ...]:
    """The source names, in registry order."""
    return tuple(SITES)


def get(name: str | None) -> Site | None:
    return SITES.get(name or "")


def publisher_names() -> frozenset[str]:
    """Every site's publisher names (lower-case): credits, never authors."""
    return not_people()


def wire_agencies() -> list[str]:
    """Sites whose stories the others reprint: their article is the original of a copy."""
    return [site.name for site in SITES.values() if site.wire_agency]


def layout_by_name(name: str | None) -> LayoutVersion | None:
    """The layout version that parsed an item (the cleaning needs its container rules)."""
    return _BY_LAYOUT.get(name or "")


def rules_for(source: str | None) -> SiteRules:
    site = get(source)
    return site.rules if site is not None else GENERIC_RULES


# -- URLs -----------------------------------------------------------------------------------


def site_of(url: str) -> str | None:
    """Which site a URL belongs to, by host; None for any other host."""
    site = _BY_HOST.get(urls.host_of(url))
    return site.name if site else None


def article_id(url: str) -> tuple[str, str] | None:
    """(source, site article id) for an article URL of any site, on any host.

    Hosts are not checked, so the replica's URLs (same paths, another origin) are recognised the
    same way as the real ones.
    """
    parts = urls.split(url.strip())
    for site in SITES.values():
        found = site.article_id(parts)
        if found:
            return site.name, found
    return None


def article_url(source: str, site_article_id: str) -> str:
    """The canonical URL on the real site for an article ID."""
    site = get(source)
    if site is None:
        raise ValueError(f"unknown source {source!r}")
    return site.article_url(site_article_id)


def canonicalize(url: str) -> str:
    """The canonical form of a URL (idempotent).

    Article URLs become `article_url(source, id)` whatever host, scheme or query they came with.
    Other URLs keep their path and meaningful query, with tracking parameters dropped, the host
    lower-cased, a site's other hosts mapped to its own and `http` upgraded to `https`.
    """
    url = url.strip()
    found = article_id(url)
    site = site_of(url)
    if found and site in (None, found[0]):
        return article_url(*found)
    own = urls.split(SITES[site].origin).netloc if site is not None else None
    return urls.without_tracking(url, own)


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


def is_primary_form(canonical_url: str) -> bool:
    """False for an old URL form (Korea Herald `view.php?ud=`) that may redirect elsewhere."""
    found = article_id(canonical_url)
    site = get(found[0]) if found else None
    return site.is_primary_form(canonical_url) if site else True


# -- article IDs ----------------------------------------------------------------------------


def urls_for_id(text: str) -> list[str]:
    """The canonical URLs a site's own article id could stand for (`AEN20231005004351315`,
    a Korea Herald number): what a user may type instead of a URL."""
    return [url for site in SITES.values() if (url := site.url_for_id(text.strip()))]


def date_from_id(source: str, site_article_id: str) -> date | None:
    """The publication day (KST) an article ID encodes, if any."""
    site = get(source)
    return site.date_from_id(site_article_id) if site else None


def story_key(source: str, site_article_id: str | None, canonical_url: str) -> str:
    """What the updates of one story share: the site's own key, else the article itself."""
    site = get(source)
    key = site.story_key(site_article_id) if site and site_article_id else None
    return key or f"{source}:{site_article_id or canonical_url}"


def version_rank(source: str, site_article_id: str | None) -> int:
    """0 for an original, 1 for (LEAD), 2 for (2nd LD)...; 0 when the ID says nothing."""
    site = get(source)
    return site.version_rank(site_article_id) if site and site_article_id else 0


__all__ = [
    "ALL_LAYOUTS", "GENERIC_RULES", "LAYOUTS", "SITES", "LayoutVersion", "Site", "article_id",
    "article_url", "canonicalize", "date_from_id", "get", "is_primary_form", "layout_by_name",
    "names", "preferred_canonical", "publisher_names", "rules_for", "site_of", "story_key",
    "urls_for_id", "version_rank", "wire_agencies",
]  # fmt: skip
