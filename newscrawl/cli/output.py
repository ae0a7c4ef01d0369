"""Rendering rows as a table, JSON or CSV: one place for every command's output.

JSON and CSV carry times in UTC, ISO 8601 with seconds; a table on a terminal is fitted to
its width (the widest columns, titles mostly, are cut), a table sent elsewhere is not.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import sys
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any, TextIO

FORMATS = ("table", "json", "csv")


def utc_text(value: datetime) -> str:
    """2024-05-02T01:00:00+00:00 (a naive time is taken as UTC)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat(timespec="seconds")


def json_default(value: Any) -> Any:
    if isinstance(value, datetime):
        return utc_text(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    if isinstance(value, Decimal):
        return float(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def dumps(value: Any, indent: int | None = 2) -> str:
    return json.dumps(value, default=json_default, ensure_ascii=False, indent=indent)


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """Control characters shown as escapes (\\x1b...), so stored text cannot drive a terminal."""
    return _CONTROL.sub(lambda m: ascii(m.group())[1:-1], text)


def cell(value: Any) -> str:
    """A value as one line of text for a table or CSV cell."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(cell(v) for v in value)
    if isinstance(value, datetime):
        return utc_text(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return terminal_safe(" ".join(str(value).split()))


def render(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[str],
    fmt: str = "table",
    out: TextIO | None = None,
    max_width: int = 60,
) -> None:
    out = out or sys.stdout
    if fmt == "json":
        out.write(dumps(list(rows)) + "\n")
    elif fmt == "csv":
        write_csv(rows, columns, out)
    else:
        write_table(rows, columns, out, max_width)


def write_csv(rows: Iterable[dict[str, Any]], columns: Sequence[str], out: TextIO) -> None:
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([cell(row.get(c)) for c in columns])


def write_table(
    rows: Sequence[dict[str, Any]], columns: Sequence[str], out: TextIO, max_width: int = 60
) -> None:
    texts = [[_clip(cell(row.get(c)), max_width) for c in columns] for row in rows]
    widths = [max([len(c)] + [len(t[i]) for t in texts]) for i, c in enumerate(columns)]
    terminal = terminal_width(out)
    if terminal:
        widths = fit(widths, [len(c) for c in columns], terminal)
        texts = [[_clip(v, w) for v, w in zip(t, widths, strict=True)] for t in texts]
    buffer = io.StringIO()
    headers = [_clip(c, w) for c, w in zip(columns, widths, strict=True)]
    buffer.write("  ".join(c.ljust(w) for c, w in zip(headers, widths, strict=True)).rstrip())
    buffer.write("\n")
    for t in texts:
        buffer.write("  ".join(v.ljust(w) for v, w in zip(t, widths, strict=True)).rstrip())
        buffer.write("\n")
    out.write(buffer.getvalue())


def terminal_width(out: TextIO) -> int | None:
    """The terminal's width when `out` is a terminal (COLUMNS wins, as for `ls`), else None."""
    try:
        if not out.isatty():
            return None
    except (AttributeError, ValueError):
        return None
    return shutil.get_terminal_size().columns


def fit(widths: list[int], headers: list[int], total: int, floor: int = 5) -> list[int]:
    """Column widths whose row (two spaces between columns) fits `total`: the widest column
    gives up a character at a time, first down to its header's width, then (a narrow
    terminal) down to `floor`, its header cut too."""
    widths = list(widths)
    excess = sum(widths) + 2 * (len(widths) - 1) - total
    for lows in ([max(h, floor) for h in headers], [floor] * len(widths)):
        while excess > 0:
            shrinkable = [i for i, w in enumerate(widths) if w > lows[i]]
            if not shrinkable:
                break
            widest = max(shrinkable, key=lambda i: widths[i])
            widths[widest] -= 1
            excess -= 1
    return widths


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
