"""The geometry of the pages' two charts, drawn as SVG by small templates (no JavaScript):
usual intake as a share of each target, and one analyte's results over time.

Pure functions from figures to positions; the templates only place what they are given.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from twitchcheck.journal.trends import Week

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


@dataclass(frozen=True, slots=True)
class WeekColumn:
    """One week on the trends chart: its bar (episodes per recorded night), its severity
    dot, and the words a screen reader is given for it."""

    x: float
    width: float
    label: str  # "17 Nov"
    bar_y: float | None  # None: no night recorded that week (missing, not zero)
    severity_y: float | None
    diary_days: int
    labs: tuple[str, ...]
    words: str


@dataclass(frozen=True, slots=True)
class TrendsChart:
    width: int
    height: int
    left: int
    columns: tuple[WeekColumn, ...]
    rate_ticks: tuple[tuple[float, str], ...]
    severity_ticks: tuple[tuple[float, str], ...]
    rate_top: int  # the panels' top and bottom y
    rate_bottom: int
    severity_top: int
    severity_bottom: int
    diary_y: int
    labs_y: int


INTAKE_SHOWN = ("magnesium_mg", "caffeine_mg")  # the diary's figures the trends chart tells


def _weeks_of(days: Mapping[dt.date, Mapping[str, float | None]]) -> dict[dt.date, list[Any]]:
    """Each week's diary days' totals, by the week's Monday."""
    weeks: dict[dt.date, list[Any]] = {}
    for day, totals in days.items():
        weeks.setdefault(day - dt.timedelta(days=day.weekday()), []).append(totals)
    return weeks


def _intake_words(totals: Sequence[Mapping[str, float | None]]) -> str:
    """ "magnesium 310 mg and caffeine 95 mg a day" (means over the diary days that have one)."""
    said = []
    for key in INTAKE_SHOWN:
        values = [value for t in totals if (value := t.get(key)) is not None]
        if values:
            name, unit = key.rsplit("_", 1)
            said.append(f"{name.replace('_', ' ')} {sum(values) / len(values):.0f} {unit}")
    return f", {' and '.join(said)} a day" if said else ""


def trends_chart(
    weeks: Sequence[Week],
    diary_days: Mapping[dt.date, Mapping[str, float | None]],
    labs: Sequence[tuple[dt.date, str]],
) -> TrendsChart:
    """Weeks (journal.trends.Week) from the first to the last with a night, a diary day or
    a lab: episodes per recorded night as bars, mean severity (0-10) as dots, the diary's
    days (with their mean magnesium and caffeine, from each day's totals) and the labs'
    dates on the same weeks below them."""
    by_week = {week.start: week for week in weeks}
    diary = _weeks_of(diary_days)
    tests: dict[dt.date, list[str]] = {}
    for day, analyte in labs:
        tests.setdefault(day - dt.timedelta(days=day.weekday()), []).append(analyte)
    first = min([*by_week, *diary, *tests])
    last = max([*by_week, *diary, *tests])
    mondays = [first + dt.timedelta(days=7 * i) for i in range((last - first).days // 7 + 1)]
    left, right = 44, 8
    step = (WIDTH - left - right) / len(mondays)
    most = max([w.rate for w in weeks if w.rate is not None] + [1.0])
    rate_top, rate_bottom, sev_top, sev_bottom = 12, 132, 160, 230

    def rate_y(value: float) -> float:
        return round(rate_bottom - (rate_bottom - rate_top) * value / most, 1)

    def severity_y(value: float) -> float:
        return round(sev_bottom - (sev_bottom - sev_top) * value / 10, 1)

    columns = []
    for index, monday in enumerate(mondays):
        week = by_week.get(monday)
        rate = week.rate if week is not None else None
        severity = week.severity_mean if week is not None else None
        columns.append(
            WeekColumn(
                x=round(left + index * step, 1), width=round(step, 1),
                label=monday.strftime("%d %b"),
                bar_y=None if rate is None else rate_y(rate),
                severity_y=None if severity is None else severity_y(severity),
                diary_days=len(diary.get(monday, [])), labs=tuple(tests.get(monday, ())),
                words=_week_words(monday, week, diary.get(monday, []), tests.get(monday, [])),
            )
        )  # fmt: skip
    rate_ticks = tuple((rate_y(v), f"{v:.2g}") for v in (0, most / 2, most))
    severity_ticks = tuple((severity_y(v), f"{v:g}") for v in (0, 5, 10))
    return TrendsChart(
        width=WIDTH, height=290, left=left, columns=tuple(columns), rate_ticks=rate_ticks,
        severity_ticks=severity_ticks, rate_top=rate_top, rate_bottom=rate_bottom,
        severity_top=sev_top, severity_bottom=sev_bottom, diary_y=250, labs_y=272,
    )  # fmt: skip


def _week_words(
    monday: dt.date,
    week: Week | None,
    diary: Sequence[Mapping[str, float | None]],
    labs: Sequence[str],
) -> str:
    """The week in words, for the chart's description."""
    head = f"Week of {monday.strftime('%d %b %Y')}: "
    if week is None or week.rate is None:
        told = "no night recorded"
    else:
        told = (
            f"{week.episodes} episode(s) over {week.nights_recorded} recorded night(s) "
            f"({week.rate:.2g} a night, {week.nights_missing} missing)"
        )
        if week.severity_mean is not None:
            told += f", mean severity {week.severity_mean:.1f} of 10"
    told += f"; {len(diary)} diary day(s){_intake_words(diary)}"
    if labs:
        told += f"; lab tests: {', '.join(labs)}"
    return head + told + "."
