"""The article item the pipelines fill in, and the fetched page it is made from.

Dataclasses used through itemadapter. The spiders yield a `FetchedPage`; the clean pipeline
turns it into an `ArticleItem` (the site parser sets what the site states: the article
container, structured metadata; the cleaning fills the text fields), the topic pipeline adds
`topic`, the store pipeline writes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass
class ArticleItem:
    # Identity
    source: str = ""  # "yonhap" | "koreaherald"
    url: str = ""  # the URL as fetched (may be the replica's origin, may carry tracking)
    canonical_url: str = ""  # the real site's canonical form (newscrawl.urls.canonicalize)
    site_article_id: str | None = None  # "AEN20231005001200315", "10481817", "20230214000123"
    aliases: list[str] = field(default_factory=list)  # other canonical URLs that led here

    # Text and metadata
    title: str | None = None
    subtitle: str | None = None
    authors: list[str] = field(default_factory=list)
    editor_note: str | None = None  # Yonhap's "(ATTN: ...)" note
    dateline: str | None = None  # "SEOUL, Oct. 5 (Yonhap) --"
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    published_at: datetime | None = None  # timezone-aware
    modified_at: datetime | None = None  # timezone-aware
    body: str | None = None  # paragraphs joined by a blank line
    captions: list[str] = field(default_factory=list)
    language: str | None = None

    # What the spider saw
    raw_html: str | None = None  # the whole page as decoded text
    container_html: str | None = None  # the article container the site parser identified
    layout: str | None = None  # which layout era parsed the page, None when none recognised it
    http_status: int | None = None
    fetched_at: datetime | None = None

    # Book-keeping filled by pipelines
    field_sources: dict[str, str] = field(default_factory=dict)  # field -> "site"|"trafilatura"
    problems: list[str] = field(default_factory=list)  # why the item is incomplete, if it is
    topic: dict[str, Any] | None = None  # {"bilateral", "pairs", "score", "evidence"}

    @property
    def incomplete(self) -> bool:
        return bool(self.problems)


@dataclass
class FetchedPage:
    """An article page as the spider fetched it, before any parsing.

    The spider yields this and the clean pipeline turns it into an `ArticleItem` (site parser,
    then cleaning) in one call, which can run in a worker process: the reactor thread only
    downloads. Everything here is plain data, so it pickles cheaply.
    """

    source: str
    url: str  # as fetched (after redirects)
    html: str
    requested: str | None = None  # the canonical URL the request was made for
    redirected_from: list[str] = field(default_factory=list)  # URLs that redirected here
    http_status: int | None = None
    fetched_at: datetime | None = None
    problems: list[str] = field(default_factory=list)
