"""The geometry of the pages' two charts, drawn as SVG by small templates (no JavaScript):
usual intake as a share of each target, and one analyte's results over time.

Pure functions from figures to positions; the templates only place what they are given.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

WIDTH = 640
LABEL_WIDTH = 150  # room for "Vitamin B12" and its figure
ROW_HEIGHT = 34
MOST_PERCENT = 200.0  # a bar past twice its target is drawn to the edge, and says so


@dataclass(frozen=True, slots=True)
class Bar:
    """One nutrient's bar: its label, the share of its target, where it is drawn."""

    label: str
    percent: float | None
    shown: str  # "28% of 320 mg (low confidence)"
    y: float
    width: float
    low_confidence: bool
    clipped: bool


@dataclass(frozen=True, slots=True)
class BarChart:
    width: int
    height: int
    left: int
    target_x: float  # where 100% of the target falls
    ticks: tuple[tuple[float, str], ...]
    bars: tuple[Bar, ...]
    row_height: int


def intake_chart(rows: Sequence[tuple[str, float | None, str, bool]]) -> BarChart:
    """Bars for (label, percent of target, words shown beside it, low confidence)."""
    plot = WIDTH - LABEL_WIDTH - 10

    def x(percent: float) -> float:
        return round(LABEL_WIDTH + plot * min(percent, MOST_PERCENT) / MOST_PERCENT, 1)

    bars = tuple(
        Bar(
            label=label, percent=percent, shown=shown, y=30 + index * ROW_HEIGHT,
            width=0.0 if percent is None else max(x(percent) - LABEL_WIDTH, 1.0),
            low_confidence=low, clipped=percent is not None and percent > MOST_PERCENT,
        )
        for index, (label, percent, shown, low) in enumerate(rows)
    )  # fmt: skip
    ticks = tuple((x(p), f"{p:.0f}%") for p in (0, 50, 100, 150, 200))
    return BarChart(
        width=WIDTH, height=40 + len(rows) * ROW_HEIGHT, left=LABEL_WIDTH, target_x=x(100),
        ticks=ticks, bars=bars, row_height=ROW_HEIGHT,
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class Point:
    x: float
    y: float
    day: str
    value: str


@dataclass(frozen=True, slots=True)
class LineChart:
    width: int
    height: int
    points: tuple[Point, ...]
    path: str
    band: tuple[float, float] | None  # the range's top and bottom y, when known
    ticks: tuple[tuple[float, str], ...]
    unit: str


def history_chart(
    values: Sequence[tuple[dt.date, float]],
    unit: str,
    normal: tuple[float, float] | None = None,
    width: int = 480,
    height: int = 180,
) -> LineChart:
    """One analyte over time (in one unit), with its normal range as a band."""
    left, right, top, bottom = 56, 16, 14, 30
    figures = [value for _, value in values] + (list(normal) if normal else [])
    low, high = min(figures), max(figures)
    if high == low:
        low, high = low * 0.9 - 0.1, high * 1.1 + 0.1
    margin = (high - low) * 0.1
    low, high = max(low - margin, 0.0), high + margin
    days = [day for day, _ in values]
    first, last = min(days), max(days)
    span = max((last - first).days, 1)

    def y(value: float) -> float:
        return round(top + (height - top - bottom) * (high - value) / (high - low), 1)

    def x(day: dt.date) -> float:
        if first == last:
            return round(left + (width - left - right) / 2, 1)
        return round(left + (width - left - right) * (day - first).days / span, 1)

    points = tuple(
        Point(x(day), y(value), day.strftime("%d %b %Y"), f"{value:.4g}") for day, value in values
    )
    path = " ".join(f"{'M' if i == 0 else 'L'}{p.x},{p.y}" for i, p in enumerate(points))
    ticks = tuple((y(v), f"{v:.3g}") for v in (low, (low + high) / 2, high))
    band = (y(normal[1]), y(normal[0])) if normal else None
    return LineChart(width, height, points, path, band, ticks, unit)
