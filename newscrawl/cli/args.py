"""Argument types shared by the commands: dates, pairs, sites, output formats, bounded
numbers (a 20-digit --limit is one line and exit code 2, not a database error)."""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Sequence
from datetime import date, datetime, time, timedelta

from newscrawl.cli.output import FORMATS
from newscrawl.config import clip
from newscrawl.dates import KST

# ISO 3166-1 alpha-2, officially assigned codes.
ISO_ALPHA2 = frozenset(
    """AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO
    BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK
    DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR
    GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM
    KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP
    MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL
    PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST
    SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG
    VI VN VU WF WS YE YT ZA ZM ZW""".split()  # noqa: SIM905 (a table reads better)
)


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {clip(text)}") from None


def day_start(day: date | None) -> datetime | None:
    """Midnight of a calendar day in KST, the sites' own calendar."""
    return datetime.combine(day, time.min, tzinfo=KST) if day else None


def day_end(day: date | None) -> datetime | None:
    """The end of a KST day (midnight after it): `--until D` includes day D."""
    return day_start(day + timedelta(days=1)) if day else None


def parse_pair(text: str) -> str:
    """"KR-JP" or "jp-kr" -> "JP-KR": two ISO 3166 alpha-2 codes, sorted."""
    codes = [c.strip().upper() for c in text.replace("/", "-").split("-")]
    if len(codes) != 2 or codes[0] == codes[1]:
        raise argparse.ArgumentTypeError(f"a pair is two country codes like JP-KR: {clip(text)}")
    unknown = [c for c in codes if c not in ISO_ALPHA2]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown country code {clip(unknown[0])} in "
                                         f"{clip(text)}")  # fmt: skip
    return "-".join(sorted(codes))


MAX_LIMIT = 1_000_000_000  # rows; anything larger means "all" and is refused as a typo


def bounded_int(minimum: int, maximum: int):
    """An argparse type: a whole number in [minimum, maximum]."""

    def parse(text: str) -> int:
        digits = text.strip().lstrip("+-")
        if not digits.isdigit():
            raise argparse.ArgumentTypeError(f"not a whole number: {clip(text)}")
        if len(digits) > len(str(maximum)) or int(text) > maximum:
            raise argparse.ArgumentTypeError(f"must be at most {maximum:,}: {clip(text)}")
        value = int(text)
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum:,}: {clip(text)}")
        return value

    parse.__name__ = "whole number"  # argparse names the type in its own messages
    return parse


positive_int = bounded_int(1, MAX_LIMIT)


class SiteNames(Sequence[str]):
    """The registered site names, sorted, as argparse `choices`, looked up in the registry
    when argparse first needs them (a value to check, help to print)."""

    _names: tuple[str, ...] | None = None

    def _all(self) -> tuple[str, ...]:
        if self._names is None:
            from newscrawl import sites

            self._names = tuple(sorted(sites.names()))
        return self._names

    def __getitem__(self, index):  # type: ignore[no-untyped-def, override]
        return self._all()[index]

    def __len__(self) -> int:
        return len(self._all())

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __contains__(self, value: object) -> bool:
        return value in self._all()


def add_site_option(parser: argparse.ArgumentParser, flag: str, help: str) -> None:
    """An option taking a site name. The names are read from the registry only when needed,
    so a command run without it does not import every site's parsers (start-up time)."""
    action = parser.add_argument(flag, help=help)
    action.choices = SiteNames()  # after add_argument, which would list them at once


def add_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=FORMATS, default="table", help="output format")


def add_filters(parser: argparse.ArgumentParser, limit: int | None = 50) -> None:
    add_site_option(parser, "--source", "only this site")
    parser.add_argument("--since", type=parse_day, help="published on or after this KST day")
    parser.add_argument("--until", type=parse_day, help="published on or before this KST day")
    parser.add_argument("--pair", type=parse_pair, help="country pair, e.g. JP-KR")
    parser.add_argument("--bilateral", action="store_true", help="only bilateral diplomacy")
    parser.add_argument("--limit", type=positive_int, default=limit,
                        help=f"at most N rows (default: {limit or 'all'})")  # fmt: skip
