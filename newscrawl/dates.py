"""Date parsing that knows no site: every function returns a timezone-aware datetime or None.

The sites print Korean wall-clock time (KST, UTC+9, no daylight saving) where they state no
zone, so KST is the default. Structured data is reliable (`article:published_time` carries
`+09:00`); a site's own printed stamps are read by its site module with `month_number` and
`build`. Nothing here raises on bad input, because these functions read text from pages we do
not control.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

KST = ZoneInfo("Asia/Seoul")
EARLIEST = datetime(1990, 1, 1, tzinfo=UTC)
MAX_FUTURE = timedelta(days=2)

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

_ISO = re.compile(
    r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?"
    r"\s*(Z|[+-]\d{2}(?::?\d{2})?)?\s*$",
    re.IGNORECASE,
)
_RFC822 = re.compile(
    r"^\s*(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{2,4})"
    r"\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(.*?)\s*$"
)
_OFFSET = re.compile(r"^([+-])(\d{2}):?(\d{2})$")


def build(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0,
    micro: int = 0, tz: tzinfo | None = KST,
) -> datetime | None:
    try:
        return datetime(year, month, day, hour, minute, second, micro, tzinfo=tz)
    except (ValueError, OverflowError, TypeError):
        return None


def month_number(name: str) -> int | None:
    """1-12 for an English month name or abbreviation ("Sept.", "April"), else None."""
    name = name.lower().rstrip(".")
    return _MONTHS.get(name[:4]) or _MONTHS.get(name[:3])


def _offset(text: str) -> tzinfo | None:
    """A fixed offset from "+09:00", "+0900", "Z", "GMT", "UTC", "UT"; None when unknown."""
    text = text.strip().upper()
    if text in {"Z", "GMT", "UTC", "UT"}:
        return UTC
    if text == "KST":
        return KST
    m = _OFFSET.match(text)
    if not m:
        return None
    sign, hours, minutes = m.groups()
    if int(hours) > 23 or int(minutes) > 59:
        return None
    delta = timedelta(hours=int(hours), minutes=int(minutes))
    return timezone(-delta if sign == "-" else delta)


def parse_iso(text: str | None, default_tz: tzinfo = KST) -> datetime | None:
    """ISO 8601 (with or without offset, "Z", "+0900", fractions, date only) to aware datetime.

    A missing offset means `default_tz`: both sites write KST when they omit it (Korea Herald's
    JSON-LD in era D).
    """
    if not isinstance(text, str) or len(text) > 64:
        return None
    m = _ISO.match(text)
    if not m:
        return None
    year, month, day, hour, minute, second, frac, zone = m.groups()
    tz: tzinfo | None = default_tz
    if zone:
        tz = _offset(zone if len(zone) != 3 else zone + "00")
        if tz is None:
            return None
    micro = int((frac or "0")[:6].ljust(6, "0"))
    return build(
        int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0),
        micro, tz,
    )


def parse_rss_date(text: str | None, trust_offset: bool = True) -> datetime | None:
    """An RSS `pubDate` (RFC 822, or ISO as a fallback) read the way the site means it.

    `trust_offset=False` is for a feed that writes KST wall-clock time with a wrong or missing
    offset: the stated offset is ignored and the wall clock is read as KST. Otherwise the offset
    ("+09:00", "+0900", "GMT") is honoured; a missing one means KST.
    """
    if not isinstance(text, str) or len(text) > 128:
        return None
    m = _RFC822.match(text)
    if not m:
        iso = parse_iso(text)
        if iso is not None and not trust_offset:
            return iso.replace(tzinfo=KST)
        return iso
    day, mon, year, hour, minute, second, zone = m.groups()
    month = month_number(mon)
    if month is None:
        return None
    year_n = int(year)
    if len(year) == 2:
        year_n += 2000 if year_n < 70 else 1900
    tz: tzinfo | None = KST
    if trust_offset and zone:
        tz = _offset(zone.split()[0])
        if tz is None:
            tz = KST
    return build(year_n, month, int(day), int(hour), int(minute), int(second or 0), tz=tz)


_LISTING_FORMS = (
    # 2023-10-05 14:53, 2023.10.05 14:53, 2023/10/05
    re.compile(r"(?P<y>\d{4})[-./](?P<m>\d{1,2})[-./](?P<d>\d{1,2})"
               r"(?:[ T]+(?P<H>\d{1,2}):(?P<M>\d{2}))?"),
    # Oct. 5, 2023 - 14:53 / Sept. 21, 2026 / March 21, 2023
    re.compile(r"(?P<mon>[A-Za-z]{3,9})\.?\s+(?P<d>\d{1,2}),\s*(?P<y>\d{4})"
               r"(?:\s*-?\s*(?P<H>\d{1,2}):(?P<M>\d{2}))?"),
    # 14:53 April 19, 2023
    re.compile(r"(?P<H>\d{1,2}):(?P<M>\d{2})\s+(?P<mon>[A-Za-z]{3,9})\.?\s+(?P<d>\d{1,2}),?"
               r"\s+(?P<y>\d{4})"),
)  # fmt: skip


def find_listing_date(text: str | None) -> datetime | None:
    """The first date printed in a listing item, in any of the sites' styles, as KST."""
    if not isinstance(text, str):
        return None
    text = text[:2000]
    found = []
    for form in _LISTING_FORMS:
        m = form.search(text)
        if not m:
            continue
        parts = m.groupdict()
        month = month_number(parts["mon"]) if parts.get("mon") else int(parts["m"])
        if month is None:
            continue
        when = build(int(parts["y"]), month, int(parts["d"]), int(parts["H"] or 0),
                      int(parts["M"] or 0))  # fmt: skip
        if when is not None:
            found.append((m.start(), when))
    return min(found, key=lambda pair: pair[0])[1] if found else None


def plausible(dt: datetime | None, now: datetime | None = None) -> bool:
    """Whether a publication time can be true: aware, not before 1990, at most 2 days ahead."""
    if dt is None or dt.tzinfo is None or dt.utcoffset() is None:
        return False
    now = now or datetime.now(UTC)
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    try:
        return EARLIEST <= dt <= now + MAX_FUTURE
    except (OverflowError, ValueError):
        return False
