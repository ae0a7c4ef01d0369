"""Paragraph-level rules: what a site puts inside a story that is not the story.

Each site module makes one `SiteRules` (its dateline form, its date-stamp lines), shared by all
its layout eras and applied the same way to paragraphs read from the container's DOM and to
paragraphs trafilatura returns, so a rule is written once per site. Rules move what they remove
into the item's own fields (editor note, authors, dateline, dates) instead of throwing it away.
The wire conventions every site shares (e-mail lines, "(END)", "(ATTN: ...)" notes, "By ..."
lines) are here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import datetime

from newscrawl.items import ArticleItem
from newscrawl.parsing.text import byline_names, one_line

EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_EMAIL_LINE = re.compile(rf"^[\s(<\[]*{EMAIL}(?:[\s,;/)>\]]+{EMAIL})*[\s)>\].]*$")
_TRAILING_EMAIL = re.compile(rf"\s+\(?{EMAIL}\)?\s*$")
_WIRE_MARK = re.compile(r"^\(\s*(?:END|MORE)\s*\)$", re.IGNORECASE)
# A line that is only a date stamp: "2025-05-20 16:30", "2023.10.05", "Oct. 5, 2023 - 14:53"
_STAMP_ONLY = re.compile(
    r"^\s*(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})"
    r"(?:\s*-?\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:KST)?\s*$"
)
_TRAILING_MARK = re.compile(r"\s*\(\s*END\s*\)\s*$", re.IGNORECASE)
# A date-stamp line ("Published : Feb 14, 2023 - 10:12") read into (published, updated).
StampReader = Callable[[str], tuple[datetime | None, datetime | None]]


def split_attn(line: str) -> tuple[str | None, str]:
    """("(ATTN: ...)", rest of the line) when the line opens with an editor's note."""
    if not line.startswith("(ATTN"):
        return None, line
    depth = 0
    for i, c in enumerate(line):
        depth += c == "("
        depth -= c == ")"
        if depth == 0:
            return line[: i + 1], line[i + 1 :].strip()
    return None, line


def _lines(paragraph: str) -> list[str]:
    return [line for line in paragraph.split("\n") if line.strip()]


def drop_contact_lines(paragraphs: list[str]) -> list[str]:
    """Lines that are only e-mail addresses, a wire mark "(END)"/"(MORE)" or a date stamp
    are not story."""
    out = []
    for para in paragraphs:
        kept = [
            line for line in _lines(para)
            if not _EMAIL_LINE.match(line) and not _WIRE_MARK.match(line.strip())
            and not _STAMP_ONLY.match(line)
        ]
        if kept:
            out.append("\n".join(kept))
    if out:  # "... said. reporter@yna.co.kr (END)" on one line
        last = _TRAILING_MARK.sub("", out[-1])
        last = _TRAILING_EMAIL.sub("", last).strip()
        out[-1:] = [last] if last else []
    return out


_COPYRIGHT = re.compile(r"^(?:copyright\b|©|\(c\)\s|all rights reserved)|all rights reserved\.?$",
                        re.IGNORECASE)  # fmt: skip


def until_copyright(paragraphs: list[str]) -> list[str]:
    """A page's copyright notice ends the story: it and what follows (the footer trafilatura
    may take for text on a page no layout knows) are not story. Never the first paragraph."""
    for i, para in enumerate(paragraphs[1:], 1):
        if _COPYRIGHT.search(para.strip()):
            return paragraphs[:i]
    return paragraphs


def drop_repeats(paragraphs: list[str], item: ArticleItem) -> list[str]:
    """Captions, the headline or the sub-headline repeated as paragraphs are not story."""
    repeated = {one_line(c) for c in item.captions}
    repeated.update(one_line(x) for x in (item.title, item.subtitle) if x)
    out: list[str] = []
    for para in paragraphs:
        if one_line(para) in repeated or (out and out[-1] == para):
            continue
        out.append(para)
    return out


@dataclass(frozen=True)
class SiteRules:
    """The rules of one site; `apply` returns the story paragraphs and fills item fields.

    `dateline`: the site's dateline, group 1 kept as `item.dateline`. `stamp_line` and
    `read_stamp`: a line that is the site's printed date stamp, and how to read it.
    """

    source: str
    dateline: re.Pattern[str]
    stamp_line: re.Pattern[str] | None = None
    read_stamp: StampReader | None = None
    lead_scan: int = 3  # how many leading paragraphs may hold notes, bylines, stamps

    def apply(
        self,
        paragraphs: list[str],
        item: ArticleItem,
        not_people: Collection[str],
        origin: str = "site",
    ) -> list[str]:
        """`not_people`: publisher names a "By ..." line may credit instead of a person."""
        # repeats first: trafilatura may give the headline before the lead lines
        paragraphs = drop_repeats(list(paragraphs), item)
        paragraphs = self._lead(paragraphs, item, not_people, origin)
        paragraphs = drop_contact_lines(until_copyright(paragraphs))
        if paragraphs:
            m = self.dateline.match(paragraphs[0])
            if m and not item.dateline:
                item.dateline = m.group(1).strip()
                item.field_sources["dateline"] = origin
        return paragraphs

    def _lead(
        self, paragraphs: list[str], item: ArticleItem, not_people: Collection[str], origin: str
    ) -> list[str]:
        """Editor's note, byline and date stamp lines before the story's first line."""
        for idx in range(min(self.lead_scan, len(paragraphs))):
            kept: list[str] = []
            for line in _lines(paragraphs[idx]):
                line = self._lead_line(line, item, not_people, origin)
                if line:
                    kept.append(line)
            paragraphs[idx] = "\n".join(kept)
            if kept:
                break
        return [p for p in paragraphs if p]

    def _lead_line(
        self, line: str, item: ArticleItem, not_people: Collection[str], origin: str
    ) -> str:
        note, line = split_attn(line.strip())
        if note:
            if not item.editor_note:
                item.editor_note = note
                item.field_sources["editor_note"] = origin
            if not line:
                return ""
        names = byline_names(line, not_people)
        if names is not None:
            if not item.authors:
                item.authors = names
                item.field_sources["authors"] = origin
            return ""
        if self.stamp_line and self.read_stamp and self.stamp_line.match(line):
            published, updated = self.read_stamp(line)
            if published and not item.published_at:
                item.published_at = published
                item.field_sources["published_at"] = origin
            if updated and not item.modified_at:
                item.modified_at = updated
                item.field_sources["modified_at"] = origin
            return ""
        return line
