"""Exports that carry their own nutrients: Cronometer, MyFitnessPal and OpenNutriTracker.

Their numbers are used as given, converted to our keys and units; a nutrient
the export does not carry stays None. Layouts and sources: docs/diary.md.
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Iterator, Mapping
from typing import Any

from twitchcheck.diary._bounds import check_lines, clipped, load_json, quoted
from twitchcheck.diary._dates import DateReader, parse_date_cell
from twitchcheck.diary._model import Collector
from twitchcheck.diary._tables import (
    CellError,
    canonical_meal,
    cut_short,
    number,
    require,
    row_date,
    rows,
)
from twitchcheck.errors import DiaryError

IU_PER_UG_VITAMIN_D = 40.0  # 1 µg cholecalciferol = 40 IU

# Cronometer "Servings" export: header (as `header_key` folds it) -> (our key, factor).
CRONOMETER_COLUMNS: dict[str, tuple[str, float]] = {
    "energy (kcal)": ("energy_kcal", 1.0),
    "protein (g)": ("protein_g", 1.0),
    "fat (g)": ("fat_g", 1.0),
    "carbs (g)": ("carbohydrate_g", 1.0),
    "fiber (g)": ("fiber_g", 1.0),
    "sugars (g)": ("sugars_g", 1.0),
    "magnesium (mg)": ("magnesium_mg", 1.0),
    "calcium (mg)": ("calcium_mg", 1.0),
    "vitamin d (iu)": ("vitamin_d_ug", 1.0 / IU_PER_UG_VITAMIN_D),
    "vitamin d (µg)": ("vitamin_d_ug", 1.0),
    "potassium (mg)": ("potassium_mg", 1.0),
    "b12 (cobalamin) (µg)": ("vitamin_b12_ug", 1.0),
    "sodium (mg)": ("sodium_mg", 1.0),
    "phosphorus (mg)": ("phosphorus_mg", 1.0),
    "zinc (mg)": ("zinc_mg", 1.0),
    "iron (mg)": ("iron_mg", 1.0),
    "b6 (pyridoxine) (mg)": ("vitamin_b6_mg", 1.0),
    "vitamin c (mg)": ("vitamin_c_mg", 1.0),
    "caffeine (mg)": ("caffeine_mg", 1.0),
    "alcohol (g)": ("alcohol_g", 1.0),
    "water (g)": ("water_g", 1.0),
}
# Mass units Cronometer writes in its Amount column ("100.00 g"); others give no grams.
_MASS = {"g": 1.0, "kg": 1000.0, "mg": 0.001, "oz": 28.349523125, "lb": 453.59237}
_AMOUNT = re.compile(r"\s*([\d.,]+)\s*(.*)")

# MyFitnessPal Nutrition-Summary: only the columns that are masses. Vitamin A,
# Vitamin C, Calcium and Iron are % of a Daily Value whose basis the file does
# not state, so they are left missing rather than turned into milligrams.
MFP_COLUMNS: dict[str, str] = {
    "calories": "energy_kcal",
    "fat (g)": "fat_g",
    "sodium (mg)": "sodium_mg",
    "potassium": "potassium_mg",
    "carbohydrates (g)": "carbohydrate_g",
    "fiber": "fiber_g",
    "sugar": "sugars_g",
    "protein (g)": "protein_g",
}

# OpenNutriTracker nutriments per 100 g: JSON field, CSV column, our key, and
# the factor that brings a pre-#775 Open Food Facts row (stored in grams) to our unit.
ONT_FIELDS: tuple[tuple[str, str, str, float], ...] = (
    ("energyKcal100", "kcal per 100g", "energy_kcal", 1.0),
    ("carbohydrates100", "carbs per 100g", "carbohydrate_g", 1.0),
    ("fat100", "fat per 100g", "fat_g", 1.0),
    ("proteins100", "protein per 100g", "protein_g", 1.0),
    ("sugars100", "sugars per 100g", "sugars_g", 1.0),
    ("fiber100", "fiber per 100g", "fiber_g", 1.0),
    ("sodium100", "sodium per 100g", "sodium_mg", 1e3),
    ("potassium100", "potassium per 100g", "potassium_mg", 1e3),
    ("magnesium100", "magnesium per 100g", "magnesium_mg", 1e3),
    ("calcium100", "calcium per 100g", "calcium_mg", 1e3),
    ("iron100", "iron per 100g", "iron_mg", 1e3),
    ("zinc100", "zinc per 100g", "zinc_mg", 1e3),
    ("phosphorus100", "phosphorus per 100g", "phosphorus_mg", 1e3),
    ("vitaminC100", "vitamin c per 100g", "vitamin_c_mg", 1e3),
    ("vitaminD100", "vitamin d per 100g", "vitamin_d_ug", 1e6),
    ("vitaminB6100", "vitamin b6 per 100g", "vitamin_b6_mg", 1e3),
    ("vitaminB12100", "vitamin b12 per 100g", "vitamin_b12_ug", 1e6),
)
ONT_APP_UNITS_VERSION = 1  # MealDBO.dataVersionOffMicronutrientsInAppUnits in the app
NAME_CHARS = 200  # a food name kept in an entry's text is cut to this


def read_cronometer(text: str, collector: Collector, dates: DateReader) -> None:
    """Cronometer's Servings export: one row per food, nutrients for the amount eaten."""
    header, records = rows(text, collector)
    if "food name" not in header and {"date", "energy (kcal)"} <= set(header):
        raise DiaryError(
            "this is Cronometer's daily summary (one row per day, no foods); export "
            "the servings instead (Cronometer: More > Account > export 'Food & Recipe Entries')"
        )
    require(header, ("day", "food name"), "Cronometer servings export")
    columns = {h: CRONOMETER_COLUMNS[h] for h in header if h in CRONOMETER_COLUMNS}
    seen = 0
    for row in records:
        collector.tick(row.line)
        seen += 1
        day = row_date(row, "day", dates)
        food, amount = row.get("food name"), row.get("amount")
        text = clipped(f"{amount} {food}".strip(), NAME_CHARS)
        short = cut_short(row, header)
        if short is not None:
            collector.problem(row.line, text, short)
            continue
        try:
            nutrients = {key: _scaled(number(row.get(h), h), f) for h, (key, f) in columns.items()}
        except CellError as error:
            collector.problem(row.line, text, f"{error}; the row is left out")
            continue
        grams = _cronometer_grams(amount)
        meal = canonical_meal(row.get("group"))
        collector.given(day, meal, row.line, text, nutrients, "Cronometer export", grams)
    _require_rows(seen, collector)


def read_myfitnesspal(text: str, collector: Collector, dates: DateReader) -> None:
    """MyFitnessPal's Nutrition-Summary: totals per meal (per entry when it has a Time column)."""
    header, records = rows(text, collector)
    require(header, ("date", "meal", "calories"), "MyFitnessPal nutrition export")
    columns = {h: MFP_COLUMNS[h] for h in header if h in MFP_COLUMNS}
    seen = 0
    for row in records:
        collector.tick(row.line)
        seen += 1
        day = row_date(row, "date", dates)
        label = clipped(row.get("meal") or "Meal", 40)
        when = f" at {clipped(row.get('time'), 20)}" if row.get("time") else ""
        text = f"{label}{when} (MyFitnessPal total)"
        short = cut_short(row, header)
        if short is not None:
            collector.problem(row.line, text, short)
            continue
        try:
            nutrients = {key: number(row.get(h), h) for h, key in columns.items()}
        except CellError as error:
            collector.problem(row.line, text, f"{error}; the row is left out")
            continue
        # MFP writes 0 where a food's entry lacks potassium; a meal with energy and
        # no potassium at all is an unrecorded value, not a measured zero.
        if nutrients.get("potassium_mg") == 0 and (nutrients.get("energy_kcal") or 0) > 0:
            nutrients["potassium_mg"] = None
        meal = canonical_meal(row.get("meal"))
        collector.given(day, meal, row.line, text, nutrients, "MyFitnessPal export", None)
    _require_rows(seen, collector)


def read_opennutritracker(text: str, collector: Collector, dates: DateReader) -> None:
    """OpenNutriTracker's user_intake.json (or its user_intake.csv companion)."""
    records: Iterator[tuple[int, dict[str, Any]]]
    if text.lstrip()[:1] in "[{":
        found = _ont_json(text)
        collector.total, records = len(found), iter(found)
    else:
        records = _ont_csv(text, collector)
    seen = 0
    for line, record in records:
        collector.tick(line)
        seen += 1
        _ont_entry(line, record, collector, dates)
    _require_rows(seen, collector)


def _ont_json(text: str) -> list[tuple[int, dict[str, Any]]]:
    """The intake records, numbered from 1 (JSON has no lines to point at)."""
    data = load_json(text)
    if isinstance(data, dict):
        data = data.get("intakes", data.get("user_intake", [data]))
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise DiaryError("the JSON is not a list of OpenNutriTracker intake records")
    check_lines(len(data))
    if data and not any("dateTime" in r or "meal" in r for r in data):
        keys = ", ".join(clipped(str(k), 30) for k in list(data[0])[:8]) or "none"
        raise DiaryError(
            f"the JSON is not an OpenNutriTracker export: its records have no 'dateTime' or "
            f"'meal' (keys found: {keys}); give user_intake.json from the app's export"
        )
    out: list[tuple[int, dict[str, Any]]] = []
    for index, record in enumerate(data, start=1):
        meal = _mapping(record.get("meal"))
        nutriments = _mapping(meal.get("nutriments"))
        flat = {
            "date": record.get("dateTime"),
            "type": record.get("type"),
            "amount": record.get("amount"),
            "unit": record.get("unit"),
            "name": meal.get("name"),
            "brands": meal.get("brands"),
            "source": meal.get("source"),
            "version": meal.get("dataVersion"),
        }
        flat.update({json_key: nutriments.get(json_key) for json_key, *_ in ONT_FIELDS})
        out.append((index, flat))
    return out


def _mapping(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _ont_csv(text: str, collector: Collector) -> Iterator[tuple[int, dict[str, Any]]]:
    header, records = rows(text, collector)
    require(header, ("date time", "amount"), "OpenNutriTracker intake CSV")
    for row in records:
        short = cut_short(row, header)
        if short is not None:
            collector.problem(row.line, row.get("meal name") or "(no name)", short)
            continue
        flat: dict[str, Any] = {
            "date": row.get("date time"),
            "type": row.get("type"),
            "unit": row.get("unit"),
            "name": row.get("meal name"),
            "brands": row.get("meal brands"),
            "source": row.get("meal source"),
            "version": row.get("meal data version"),
            "amount": row.get("amount"),
        }
        for json_key, column, _, _ in ONT_FIELDS:
            flat[json_key] = row.get(column)
        yield row.line, flat


def _ont_entry(
    line: int, record: Mapping[str, Any], collector: Collector, dates: DateReader
) -> None:
    day = _ont_day(line, record.get("date"), dates)
    parts = (record.get("name"), record.get("brands"))
    name = clipped(" ".join(_text(p) for p in parts if p) or "(no name)", NAME_CHARS)
    try:
        amount = _float(record.get("amount"), "amount")
    except CellError as error:
        collector.problem(line, name, f"{error}; the intake is left out")
        return
    liquid = _text(record.get("unit")).lower() in {"ml", "fl.oz", "fl oz"}
    text = f"{name} ({amount:g} {'ml' if liquid else 'g'})" if amount is not None else name
    if amount is None or amount < 0:
        collector.problem(line, text, "the intake has no usable amount")
        return
    # The app stores every intake in grams (or millilitres), whatever unit was picked:
    # its own energy is amount x energy per gram.
    stale = record.get("source") == "off" and (
        _version(record.get("version")) < ONT_APP_UNITS_VERSION
    )
    nutrients: dict[str, float | None] = {}
    try:
        for json_key, _, key, factor in ONT_FIELDS:
            per100 = _float(record.get(json_key), json_key)
            if per100 is not None and stale:
                per100 *= factor
            nutrients[key] = None if per100 is None else per100 * amount / 100.0
    except CellError as error:
        collector.problem(line, text, f"{error}; the intake is left out")
        return
    meal = canonical_meal(_text(record.get("type")))
    collector.given(day, meal, line, text, nutrients, "OpenNutriTracker export", amount)


def _text(value: object) -> str:
    """A JSON value shown as text; a list or object is not a name."""
    return value if isinstance(value, str) else "" if isinstance(value, list | dict) else str(value)


def _ont_day(line: int, value: object, dates: DateReader) -> datetime.date:
    text = _text(value) if value is not None else ""
    try:
        parts = parse_date_cell(text, dates.day_first) if text else None
        if parts is None:
            raise DiaryError(
                f"the intake date {quoted(text)} is not an ISO date such as 2026-11-20"
            )
        return dates.read(parts, text)
    except DiaryError as error:
        raise DiaryError(error.message, line) from None


def _float(value: object, field: str) -> float | None:
    """A JSON number or a CSV cell: None when missing (null, blank, NaN); CellError otherwise."""
    if value is None:
        return None
    if isinstance(value, str):
        return number(value, field)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise CellError(f"{field!r} holds {quoted(value)}, which is not an amount")
    try:
        result = float(value)
    except OverflowError:  # an integer too large for a float
        raise CellError(f"{field!r} holds a number too large to be an amount") from None
    if math.isnan(result):
        return None
    if not math.isfinite(result):
        raise CellError(f"{field!r} holds {result}, which is not an amount")
    return result


def _version(value: object) -> float:
    try:
        result = _float(value, "meal_data_version")
    except CellError:
        return 0.0
    return 0.0 if result is None else result


def _scaled(value: float | None, factor: float) -> float | None:
    return None if value is None else value * factor


def _cronometer_grams(amount: str) -> float | None:
    """Grams from "100.00 g" or "2.00 oz"; None for "1.00 full recipe" or "8.00 fl oz"."""
    match = _AMOUNT.fullmatch(amount)
    if not match:
        return None
    unit = match[2].strip().lower().rstrip(".")
    try:
        value = float(match[1].replace(",", ""))
    except ValueError:
        return None
    factor = _MASS.get(unit)
    return None if factor is None else value * factor


def _require_rows(seen: int, collector: Collector) -> None:
    if seen == 0 and not collector.problems:
        raise DiaryError(
            "the export has a header but no rows; export a date range with food logged"
        )
