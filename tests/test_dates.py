"""Date parsing: site quirks, one small test per case, and fuzzing (never raises, round trips)."""

from datetime import UTC, datetime, timedelta, timezone
from email.utils import format_datetime

from hypothesis import given
from hypothesis import strategies as st

from newscrawl.dates import KST, parse_iso, parse_rss_date, plausible
from newscrawl.sites.koreaherald import parse_published
from newscrawl.sites.yonhap import parse_visible_stamp


def kst(*args: int) -> datetime:
    return datetime(*args, tzinfo=KST)


def test_iso_with_offset():
    assert parse_iso("2023-04-19T14:53:59+09:00") == kst(2023, 4, 19, 14, 53, 59)


def test_iso_basic_offset_and_z():
    assert parse_iso("2023-04-19T14:53:59+0900") == kst(2023, 4, 19, 14, 53, 59)
    assert parse_iso("2023-04-19T05:53:59Z") == kst(2023, 4, 19, 14, 53, 59)


def test_iso_without_offset_is_kst():
    assert parse_iso("2025-03-11T14:05:00") == kst(2025, 3, 11, 14, 5)
    assert parse_iso("2025-03-11 14:05") == kst(2025, 3, 11, 14, 5)


def test_iso_default_tz_can_be_changed():
    assert parse_iso("2025-03-11T14:05:00", default_tz=UTC).utcoffset() == timedelta(0)


def test_iso_date_only_and_fraction():
    assert parse_iso("2023-04-19") == kst(2023, 4, 19)
    assert parse_iso("2023-04-19T14:53:59.123+09:00").microsecond == 123000


def test_iso_garbage():
    for text in ("", "yesterday", "2023-13-45", "2023-02-30T10:00", None, "9" * 100):
        assert parse_iso(text) is None


def test_rss_yonhap_ignores_the_stated_offset():
    want = kst(2023, 4, 19, 14, 53, 59)
    assert parse_rss_date("Wed, 19 Apr 2023 14:53:59 +0000", trust_offset=False) == want
    assert parse_rss_date("Wed, 19 Apr 2023 14:53:59 GMT", trust_offset=False) == want


def test_rss_yonhap_missing_offset():
    want = kst(2023, 4, 19, 14, 53, 59)
    assert parse_rss_date("Wed, 19 Apr 2023 14:53:59", trust_offset=False) == want


def test_rss_yonhap_iso_z_is_wall_clock():
    want = kst(2024, 11, 18, 16, 0, 11)
    assert parse_rss_date("2024-11-18T16:00:11Z", trust_offset=False) == want


def test_rss_koreaherald_colon_offset():
    assert parse_rss_date("Mon, 17 Nov 2025 21:44:23 +09:00") == kst(
        2025, 11, 17, 21, 44, 23
    )


def test_rss_koreaherald_plain_offset():
    assert parse_rss_date("Sun, 13 Sep 2026 18:42:17 +0900") == kst(
        2026, 9, 13, 18, 42, 17
    )


def test_rss_koreaherald_honours_other_offsets():
    got = parse_rss_date("Sun, 13 Sep 2026 09:42:17 GMT")
    assert got == kst(2026, 9, 13, 18, 42, 17)


def test_rss_koreaherald_missing_offset_is_kst():
    assert parse_rss_date("Sun, 13 Sep 2026 18:42") == kst(2026, 9, 13, 18, 42)


def test_rss_garbage():
    assert parse_rss_date("Someday, 99 Foo 2023 99:99", trust_offset=False) is None
    assert parse_rss_date("") is None


def test_kh_published_and_updated():
    published, updated = parse_published(
        "Published : Feb 14, 2023 - 10:12       Updated : Feb 14, 2023 - 11:40"
    )
    assert published == kst(2023, 2, 14, 10, 12)
    assert updated == kst(2023, 2, 14, 11, 40)


def test_kh_published_only():
    assert parse_published("Published : Sept 5, 2023 - 09:00") == (kst(2023, 9, 5, 9, 0), None)


def test_kh_published_garbage():
    assert parse_published("Published : soon") == (None, None)


def test_yonhap_visible():
    assert parse_visible_stamp("All News 14:53 April 19, 2023") == kst(2023, 4, 19, 14, 53)
    assert parse_visible_stamp("17:48 August 07, 2019") == kst(2019, 8, 7, 17, 48)


def test_plausible():
    now = datetime(2024, 1, 1, tzinfo=UTC)
    assert plausible(kst(2023, 12, 31, 9), now)
    assert plausible(now + timedelta(days=1), now)
    assert not plausible(now + timedelta(days=3), now)
    assert not plausible(datetime(1989, 12, 31, tzinfo=UTC), now)
    assert not plausible(datetime(2023, 1, 1), now)  # naive
    assert not plausible(None, now)


@given(st.text(max_size=200))
def test_no_exception_on_any_text(text):
    for result in (
        parse_iso(text), parse_rss_date(text, trust_offset=False), parse_rss_date(text),
        parse_visible_stamp(text), *parse_published(text),
    ):
        assert result is None or result.tzinfo is not None
        plausible(result)


aware = st.datetimes(
    min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1),
    timezones=st.sampled_from([UTC, KST, timezone(timedelta(hours=-5))]),
).map(lambda d: d.replace(microsecond=0))


@given(aware)
def test_iso_round_trip(dt):
    assert parse_iso(dt.isoformat()) == dt


@given(aware)
def test_rss_round_trip_koreaherald(dt):
    assert parse_rss_date(format_datetime(dt)) == dt


@given(aware)
def test_rss_yonhap_reads_wall_clock_as_kst(dt):
    wall = dt.astimezone(KST).replace(tzinfo=UTC)  # KST wall-clock labelled "+0000"
    assert parse_rss_date(format_datetime(wall), trust_offset=False) == dt


@given(aware)
def test_kh_published_round_trip(dt):
    local = dt.astimezone(KST).replace(second=0)
    text = f"Published : {local:%b} {local.day}, {local.year} - {local:%H:%M}"
    assert parse_published(text)[0] == local
