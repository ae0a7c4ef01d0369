"""Weekly bar charts as inline SVG, drawn on the server: no script, no asset to fetch.

Every text that reaches the SVG (labels, series names, tooltips) is escaped here; colours are
presentation attributes, so the page's Content-Security-Policy needs no inline style.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from markupsafe import Markup, escape

PALETTE = ("#2a6cb0", "#e08a2c", "#3c9d5d", "#8e5ea2", "#c23b3b", "#6b6b6b")
WIDTH, HEIGHT = 960, 270
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 12, 64  # BOTTOM holds the date labels and the legend


@dataclass
class Bar:
    """One week (its Monday, KST) and a count per series."""

    week: date
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _ticks(top: int) -> list[int]:
    if top <= 4:
        return list(range(top + 1))
    step = max(1, -(-top // 4))
    return list(range(0, top + 1, step))


def _labels(first: date, slots: int) -> list[tuple[int, str]]:
    """Slot index and text of the date labels: weeks, months or years, at most about ten."""
    weeks = [first + timedelta(weeks=i) for i in range(slots)]
    if slots <= 10:
        marks = [(i, w.isoformat()) for i, w in enumerate(weeks)]
    elif slots <= 80:
        marks = [(i, w.strftime("%Y-%m")) for i, w in enumerate(weeks)
                 if i == 0 or w.month != weeks[i - 1].month]  # fmt: skip
    else:
        marks = [(i, str(w.year)) for i, w in enumerate(weeks)
                 if i == 0 or w.year != weeks[i - 1].year]  # fmt: skip
    step = max(1, -(-len(marks) // 10))
    return marks[::step]


def weekly_bars(bars: Sequence[Bar], series: Sequence[str], unit: str, title: str) -> Markup:
    """A stacked bar per week that has data, placed on a continuous week axis.

    `series` orders the stack and the legend; `unit` names what is counted ("stories").
    Each bar is a `<g class="bar">` with a tooltip (`<title>`) giving its week and counts.
    """
    bars = sorted((b for b in bars if b.total > 0), key=lambda b: b.week)
    if not bars:
        return Markup('<p class="empty">Nothing to chart.</p>')
    first, last = bars[0].week, bars[-1].week
    slots = (last - first).days // 7 + 1
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot_w = plot_w / slots
    bar_w = max(1.0, min(slot_w * 0.8, 36.0))
    top = max(b.total for b in bars)
    scale = plot_h / top
    colour = {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(series)}
    out = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}"'
        f' role="img" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
    ]
    for tick in _ticks(top):
        y = TOP + plot_h - tick * scale
        out.append(f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" '
                   f'y2="{y:.1f}" stroke="#ddd" stroke-width="1"/>')  # fmt: skip
        out.append(f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11" '
                   f'fill="#555">{tick}</text>')  # fmt: skip
    for bar in bars:
        slot = (bar.week - first).days // 7
        x = LEFT + slot * slot_w + (slot_w - bar_w) / 2
        parts = ", ".join(f"{name} {bar.counts[name]}" for name in series if bar.counts.get(name))
        tip = f"week of {bar.week.isoformat()}: {bar.total} {unit} ({parts})"
        out.append(f'<g class="bar" data-week="{bar.week.isoformat()}" data-total="{bar.total}">'
                   f"<title>{escape(tip)}</title>")  # fmt: skip
        y = TOP + plot_h
        for name in series:
            count = bar.counts.get(name, 0)
            if not count:
                continue
            h = count * scale
            y -= h
            out.append(f'<rect x="{x:.2f}" y="{y:.2f}" width="{bar_w:.2f}" height="{h:.2f}" '
                       f'fill="{colour[name]}"/>')  # fmt: skip
        out.append("</g>")
    base = TOP + plot_h
    out.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{base}" y2="{base}" stroke="#888"/>')
    for slot, text in _labels(first, slots):
        x = LEFT + slot * slot_w + slot_w / 2
        out.append(f'<text x="{x:.1f}" y="{base + 16}" text-anchor="middle" font-size="11" '
                   f'fill="#555">{escape(text)}</text>')  # fmt: skip
    x = LEFT
    for name in series:
        out.append(f'<rect x="{x}" y="{HEIGHT - 20}" width="12" height="12" '
                   f'fill="{colour[name]}"/>')  # fmt: skip
        out.append(f'<text x="{x + 16}" y="{HEIGHT - 10}" font-size="12" fill="#333">'
                   f"{escape(name)}</text>")  # fmt: skip
        x += 24 + 8 * len(name)
    out.append("</svg>")
    return Markup("".join(out))
