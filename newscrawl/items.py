"""The article item the crawl fills in, and the fetched page it is made from.

`ArticleItem` is the one list of an article's fields: those marked `STORED` are the columns the
store writes (`newscrawl.db.store`) and the keys of the JSON a user sees (`item_to_json`), so
a field is added in one place. The spiders yield a `FetchedPage`; `newscrawl.extract` turns it
into an `ArticleItem` (the site parser sets what the site states, the cleaning the text, the
tagger `topic`), the store pipeline writes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import Any

STORED = {"stored": True}  # a column of `articles` and a key of the article's JSON

# Problem codes that say the extraction may be degraded by a change of the site (docs/drift.md):
# the article is complete but was read without (all of) its layout's knowledge.
DRIFT_CODES = frozenset(
    {"layout_unknown", "layout_error", "unknown_markup", "extractors_disagree", "fallback_fields"}
)


def problem_code(problem: str) -> str:
    """"no_title: not found ..." -> "no_title"."""
    return problem.split(":", 1)[0].strip()


@dataclass
class ArticleItem:
    # Identity
    source: str = field(default="", metadata=STORED)  # a site's name, e.g. "yonhap"
    # the URL as fetched (may be the replica's origin, may carry tracking)
    url: str = field(default="", metadata=STORED)
    # the real site's canonical form (newscrawl.sites.canonicalize)
    canonical_url: str = field(default="", metadata=STORED)
    # "AEN20231005001200315", "10481817", "20230214000123"
    site_article_id: str | None = field(default=None, metadata=STORED)
    aliases: list[str] = field(default_factory=list)  # other canonical URLs that led here

    # Text and metadata
    title: str | None = field(default=None, metadata=STORED)
    subtitle: str | None = field(default=None, metadata=STORED)
    authors: list[str] = field(default_factory=list, metadata=STORED)
    editor_note: str | None = field(default=None, metadata=STORED)  # "(ATTN: ...)" note
    dateline: str | None = field(default=None, metadata=STORED)  # "SEOUL, Oct. 5 (Yonhap) --"
    section: str | None = field(default=None, metadata=STORED)
    tags: list[str] = field(default_factory=list, metadata=STORED)
    published_at: datetime | None = field(default=None, metadata=STORED)  # timezone-aware
    modified_at: datetime | None = field(default=None, metadata=STORED)  # timezone-aware
    body: str | None = field(default=None, metadata=STORED)  # paragraphs joined by a blank line
    captions: list[str] = field(default_factory=list, metadata=STORED)
    language: str | None = field(default=None, metadata=STORED)

    # What the spider saw
    raw_html: str | None = None  # the whole page as decoded text
    container_html: str | None = None  # the article container the site parser identified
    # which layout version parsed the page, None when none recognised it
    layout: str | None = field(default=None, metadata=STORED)
    http_status: int | None = None
    fetched_at: datetime | None = None

    # Book-keeping filled on the way
    # field -> "site" | "trafilatura": which extractor filled it
    field_sources: dict[str, str] = field(default_factory=dict, metadata=STORED)
    # why the item is incomplete, if it is
    problems: list[str] = field(default_factory=list, metadata=STORED)
    topic: dict[str, Any] | None = None  # {"bilateral", "pairs", "score", "evidence"}

    @property
    def incomplete(self) -> bool:
        """A problem other than drift: bad input, a missing required field, a bad date..."""
        return any(problem_code(p) not in DRIFT_CODES for p in self.problems)

    @property
    def degraded(self) -> bool:
        """Read with less than its layout's knowledge (a drift code among its problems)."""
        return any(problem_code(p) in DRIFT_CODES for p in self.problems)


STORED_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(ArticleItem) if f.metadata)


def item_to_json(item: ArticleItem) -> dict[str, Any]:
    """The user-facing JSON object for one article: its stored fields and its topic.

    Times are ISO 8601 with their offset, empty strings null, lists and mappings copied.
    """
    out: dict[str, Any] = {}
    for name in STORED_FIELDS:
        value = getattr(item, name)
        if isinstance(value, datetime):
            value = value.isoformat()
        elif isinstance(value, list | dict):
            value = type(value)(value)
        elif value == "":
            value = None
        out[name] = value
    out["topic"] = item.topic
    return out


@dataclass
class FetchedPage:
    """An article page as the spider fetched it, before any parsing.

    The spider yields this and the extract pipeline turns it into an `ArticleItem` (site
    parser, cleaning, tagging) in one call, which can run in a worker process: the reactor
    thread only downloads. Everything here is plain data, so it pickles cheaply.
    """

    source: str
    url: str  # as fetched (after redirects)
    html: str
    requested: str | None = None  # the canonical URL the request was made for
    redirected_from: list[str] = field(default_factory=list)  # URLs that redirected here
    http_status: int | None = None
    fetched_at: datetime | None = None
    problems: list[str] = field(default_factory=list)
