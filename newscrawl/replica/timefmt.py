"""Date and time formats used by the two sites (all article times are Korea Standard Time)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from email.utils import format_datetime

from newscrawl.replica import vocab as V

KST = timezone(timedelta(hours=9), "KST")
_DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
_MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def iso_kst(dt: datetime) -> str:
    """2023-04-19T14:53:59+09:00, as Yonhap's article:* meta."""
    return dt.astimezone(KST).isoformat(timespec="seconds")


def iso_utc(dt: datetime) -> str:
    """Ground-truth form: UTC with +00:00."""
    return dt.astimezone(UTC).isoformat(timespec="seconds")


def yonhap_visible(dt: datetime) -> str:
    """'14:53 April 19, 2023' (day zero-padded)."""
    k = dt.astimezone(KST)
    return f"{k:%H:%M} {V.FULL_MONTHS[k.month - 1]} {k.day:02d}, {k.year}"


def ap_date(dt: datetime, year: bool = False) -> str:
    """'Oct. 5' (AP style), used in datelines and listings."""
    k = dt.astimezone(KST)
    s = f"{V.AP_MONTHS[k.month - 1]} {k.day}"
    return f"{s}, {k.year}" if year else s


def kh_stamp(dt: datetime) -> str:
    """'Feb 14, 2023 - 10:12', Korea Herald's Published/Updated form."""
    k = dt.astimezone(KST)
    return f"{V.KH_MONTHS[k.month - 1]} {k.day}, {k.year} - {k:%H:%M}"


def rfc822_wall(dt: datetime, zone: str) -> str:
    """KST wall-clock time with an arbitrary (possibly wrong or empty) zone suffix."""
    k = dt.astimezone(KST)
    base = f"{_DAYS[k.weekday()]}, {k.day:02d} {_MON[k.month - 1]} {k.year} {k:%H:%M:%S}"
    return f"{base} {zone}" if zone else base


def http_date(dt: datetime) -> str:
    """HTTP Last-Modified form."""
    return format_datetime(dt.astimezone(UTC), usegmt=True)
