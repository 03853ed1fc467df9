"""The entry points: detect a diary's format and read it from text or from a file."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from twitchcheck._data import load_toml
from twitchcheck.diary._bounds import (
    cap,
    check_lines,
    clipped,
    line_count,
    quoted,
    read_file,
    too_big,
)
from twitchcheck.diary._dates import DateReader
from twitchcheck.diary._decode import decode, is_zip, zip_member
from twitchcheck.diary._exports import read_cronometer, read_myfitnesspal, read_opennutritracker
from twitchcheck.diary._model import FORMATS, Collector, Diary, ProgressCallback
from twitchcheck.diary._own import OwnFoods
from twitchcheck.diary._tables import (
    DATE_COLUMNS,
    FOOD_COLUMNS,
    header_cells,
    header_key,
    read_csv,
)
from twitchcheck.diary._text import read_text
from twitchcheck.errors import DiaryError

_Reader = Callable[[str, Collector, DateReader], None]
_READERS: dict[str, _Reader] = {
    "text": read_text,
    "csv": read_csv,
    "cronometer": read_cronometer,
    "myfitnesspal": read_myfitnesspal,
    "opennutritracker": read_opennutritracker,
}
# Files inside an export zip, in order of preference.
_ZIP_MEMBERS = ("user_intake.json", "user_intake.csv", "Nutrition-Summary")


@cache
def _diary_table() -> Mapping[str, Any]:
    return load_toml("diary.toml")


def _date_orders() -> dict[str, bool]:
    return {str(k): bool(v) for k, v in _diary_table()["date_order"].items()}


def measure_region(region: str | None) -> str | None:
    """The region whose pints and fluid ounces `region` uses ("ie" -> "uk")."""
    if region is None:
        return None
    key = region.lower()
    return str(_diary_table()["measure_region"].get(key, key))


def region_day_first(region: str | None) -> bool | None:
    """Day first (True) or month first (False) for a region's numeric dates; None if the
    region is not given or uses both orders."""
    return None if region is None else _date_orders().get(region.lower())


def detect_format(text: str, filename: str = "") -> str:
    """The format of a diary, judged from its content (the file name only breaks a tie).

    Raises DiaryError for an empty text, or for a file named .csv whose header
    has no date and food columns.
    """
    body = text.lstrip("\ufeff \t\r\n")
    if not body:
        raise DiaryError(
            "the diary is empty; write one food per line under a date such as 2026-11-20"
        )
    if body[0] in "[{":
        return "opennutritracker"  # the only JSON layout read; its reader checks the shape
    names = {header_key(cell) for cell in header_cells(body)}
    if {"day", "food name"} <= names:
        return "cronometer"
    if {"date", "energy (kcal)", "completed"} <= names:
        return "cronometer"  # its reader explains that the daily summary is not enough
    if "date time" in names and ({"kcal per 100g", "meal name"} & names):
        return "opennutritracker"
    has_food = any(name in names for name in FOOD_COLUMNS)
    if {"date", "meal", "calories"} <= names and not has_food:
        return "myfitnesspal"
    if has_food and any(name in names for name in DATE_COLUMNS):
        return "csv"
    if filename.lower().endswith((".csv", ".tsv")):
        found = ", ".join(clipped(name, 40) for name in sorted(names)[:12])
        raise DiaryError(
            f"{filename}: the header ({found}) is not one we know; a CSV diary needs a date column "
            "and a food column (e.g. 'date,food,amount'), or use a Cronometer, MyFitnessPal or "
            "OpenNutriTracker export as it comes"
        )
    return "text"


def parse_diary_text(
    text: str,
    format: str | None = None,
    *,
    filename: str = "",
    year: int | None = None,
    day_first: bool | None = None,
    today: datetime.date | None = None,
    on_progress: ProgressCallback | None = None,
    region: str | None = None,
    own: OwnFoods | None = None,
) -> Diary:
    """Read a diary held in a string; see `read_diary` for the parameters, and `OwnFoods`
    for `own` (the person's own foods and corrections, tried before the food database)."""
    if format is not None and format not in FORMATS:
        raise DiaryError(
            f"unknown diary format {quoted(format)}; choose one of {', '.join(FORMATS)}"
        )
    if day_first is None:
        day_first = region_day_first(region)
    dates = DateReader(year, today, day_first)  # checks the year first: a bad option is named
    check_lines(line_count(text))
    chosen = format or detect_format(text, filename)
    collector = Collector(chosen, 0, on_progress, measure_region(region), region, own=own)
    _READERS[chosen](text.lstrip("\ufeff"), collector, dates)
    return collector.finish()


def diary_text(data: bytes, name: str) -> tuple[str, str]:
    """The name to quote and the text of a diary file's bytes (read from a path or
    uploaded), within the same bounds: at most input.file_bytes, an export's zip
    (OpenNutriTracker's, MyFitnessPal's) opened to its diary member and read only up to that
    size whatever its header claims, then decoded; DiaryError names `name` and the problem."""
    if len(data) > cap("input.file_bytes"):
        raise too_big(clipped(name, 80), len(data))
    shown = clipped(name, 80)
    if is_zip(data):
        shown, data = zip_member(data, _ZIP_MEMBERS, name)
    return shown, decode(data, shown)


def read_diary(
    path: Path,
    format: str | None = None,
    *,
    year: int | None = None,
    day_first: bool | None = None,
    today: datetime.date | None = None,
    on_progress: ProgressCallback | None = None,
    region: str | None = None,
    own: OwnFoods | None = None,
) -> Diary:
    """Read a diary file (text, CSV, an export, or an export's zip) into dated entries.

    `format` names the layout (one of FORMATS) instead of detecting it; `year`
    completes dates written without one; `day_first` settles numeric dates
    such as 05/11/2026 (None refuses them when they read two ways); `today`
    replaces the clock for tests; `on_progress(done, total)` is called as lines
    are read. `region` ("uk", "us", ...) is passed to phrase resolution (a pint is
    568 ml in a British diary, 473 ml in an American one) and, when `day_first` is
    None, settles the order of numeric dates (data/diary.toml [date_order]). `own`: the
    person's own foods and corrections, tried before the food database. Unmatched and
    doubtful lines are in `Diary.problems`; a file that cannot be read as a whole raises
    DiaryError.
    """
    path = Path(path)
    name, text = diary_text(read_file(path), path.name)
    return parse_diary_text(
        text, format, filename=name, year=year, day_first=day_first, today=today,
        on_progress=on_progress, region=region, own=own,
    )  # fmt: skip
