"""The crawl's date window (`since` / `until`), read in KST, the sites' own calendar.

One window, one reading: the KST days from `since` to `until`, both included (the instants
from `since` 00:00 KST up to, not including, the day after `until` 00:00 KST). An article's
publication time is judged exactly (`contains`); a link's day, from a feed, a listing or the
article ID, may be a day off the article's own, so links are judged with a day's slack either
side (`may_contain_day`), and a listing is walked back while its newest day may still reach
`since` (`reaches_back_to`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from newscrawl.dates import KST

LINK_SLACK = timedelta(days=1)


@dataclass(frozen=True)
class DateWindow:
    since: date | None = None
    until: date | None = None  # included: articles published on this day or before

    @classmethod
    def parse(cls, since: str | None, until: str | None) -> DateWindow:
        """From spider arguments; a ValueError naming the argument when one is malformed."""
        return cls(_day(since, "since"), _day(until, "until"))

    def _start(self) -> datetime | None:
        return datetime.combine(self.since, time.min, KST) if self.since else None

    def _end(self) -> datetime | None:
        if self.until is None:
            return None
        return datetime.combine(self.until + timedelta(days=1), time.min, KST)

    def contains(self, when: datetime | None) -> bool:
        """Whether an instant is inside (unknown: yes; a naive time is KST)."""
        if when is None:
            return True
        if when.tzinfo is None:
            when = when.replace(tzinfo=KST)
        start, end = self._start(), self._end()
        return not ((start and when < start) or (end and when >= end))

    def may_contain_day(self, day: date | None) -> bool:
        """Whether a link dated `day` may hold an article inside (a day's slack each side)."""
        if day is None:
            return True
        if self.since and day < self.since - LINK_SLACK:
            return False
        return not (self.until and day > self.until + LINK_SLACK)

    def reaches_back_to(self, day: date) -> bool:
        """Whether a listing page whose newest link is dated `day` may still reach `since`."""
        return self.since is None or day >= self.since - LINK_SLACK


def _day(text: str | None, name: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{name} must be a date YYYY-MM-DD, got {text!r}") from None
