"""The report's one chart: episodes per week as server-side SVG (prints as drawn, no script).

Every bar carries its figure as text and a week with no night recorded says "no record", so
nothing depends on colour. Episodes per recorded night are drawn, not raw counts, so a week
with fewer nights recorded is not mistaken for a better one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from html import escape

WIDTH = 560
HEIGHT = 118
LEFT, RIGHT, TOP, BOTTOM = 34, 8, 14, 30


def weekly_chart(weeks: Sequence[tuple[dt.date, int | None, int]]) -> str:
    """An SVG of episodes per recorded night for each (week start, episodes, nights recorded)."""
    rates = [count / seen for _, count, seen in weeks if count is not None and seen]
    top = max([1.0, *rates])
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / max(len(weeks), 1)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="Episodes per recorded night, '
        'by week">',
        f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{WIDTH - RIGHT}" y2="{TOP + plot_h}" '
        'stroke="#000" stroke-width="0.8"/>',
    ]
    for value in (0.0, top / 2, top):
        y = TOP + plot_h * (1 - value / top)
        parts.append(
            f'<text x="{LEFT - 4}" y="{y + 3:.1f}" text-anchor="end" font-size="8">'
            f"{value:.2g}</text>"
        )
    for index, (start, count, seen) in enumerate(weeks):
        x = LEFT + index * slot
        middle = x + slot / 2
        label = start.strftime("%d %b")
        parts.append(
            f'<text x="{middle:.1f}" y="{HEIGHT - 16}" text-anchor="middle" font-size="7.5">'
            f"{escape(label)}</text>"
        )
        if count is None or not seen:
            parts.append(
                f'<text x="{middle:.1f}" y="{TOP + plot_h - 4}" text-anchor="middle" '
                'font-size="7" font-style="italic">no record</text>'
            )
            continue
        height = plot_h * (count / seen) / top
        parts.append(
            f'<rect x="{x + slot * 0.15:.1f}" y="{TOP + plot_h - height:.1f}" '
            f'width="{slot * 0.7:.1f}" height="{height:.1f}" fill="#777" stroke="#000" '
            'stroke-width="0.5"/>'
        )
        parts.append(
            f'<text x="{middle:.1f}" y="{TOP + plot_h - height - 2:.1f}" text-anchor="middle" '
            f'font-size="7.5">{count}/{seen}</text>'
        )
    parts.append(
        f'<text x="{LEFT}" y="{HEIGHT - 4}" font-size="7.5">Bars: episodes per recorded '
        "night, by the week starting on the date; figure on a bar: episodes / nights recorded"
        "</text>"
    )
    parts.append("</svg>")
    return "".join(parts)
