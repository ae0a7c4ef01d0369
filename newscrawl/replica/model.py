"""What the replica knows about one article: identity, metadata and a recipe for its text.

Bodies are not stored: `Site.body()` writes them on demand from the recipe, so even a
10,000-article site stays small in memory and builds in seconds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

YONHAP = "yonhap"
KOREAHERALD = "koreaherald"


@dataclass(slots=True)
class Photo:
    """An image shown after body paragraph `after` (0-based); `caption` "" for a file picture
    shown without one (Yonhap prints the headline in its alt and leaves the caption empty)."""

    after: int
    caption: str
    src: str


@dataclass(slots=True)
class Body:
    """The text of an article as a reader sees it (ground-truth form, no markup)."""

    paragraphs: list[str]
    photos: list[Photo] = field(default_factory=list)
    link: tuple[int, str, str] | None = None  # (paragraph, phrase, target path)
    lines: bool = False  # price list: paragraphs are <br/>-separated lines of one <p>


@dataclass(slots=True)
class Article:
    """One article URL on one site (each Yonhap version is its own Article)."""

    index: int
    source: str
    site_article_id: str
    era: str  # "2023" for Yonhap; "B", "C" or "D" for the Korea Herald
    path: str
    canonical_url: str
    title: str
    published: datetime
    modified: datetime
    topic: str
    event: dict[str, object]
    section: str
    section_code: str  # listing key, e.g. "national/diplomacy" or "ForeignAffairs"
    story_key: str
    pairs: list[list[str]]
    paragraph_count: int
    photo_count: int
    style: int
    authors: list[str] = field(default_factory=list)
    author_ko: str = ""
    email: str = ""
    subtitle: str | None = None
    editor_note: str | None = None
    dateline: str | None = None
    tags: list[str] = field(default_factory=list)
    version: int = 0
    update: tuple[str, int, int] | None = None  # (kind, count, position) vs previous version
    previous: int | None = None  # index of the previous version
    syndicated_from: int | None = None  # Yonhap index a KH copy reprints
    drop_paragraph: int | None = None  # paragraph a KH copy leaves out
    near_miss_of: str | None = None
    related: list[int] = field(default_factory=list)
    link_to: int | None = None
    youtube: str | None = None
    ud: str | None = None
    number: int | None = None
    overrides: dict[int, str] = field(default_factory=dict)
    revision: int = 0
