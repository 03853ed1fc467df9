"""CSV plumbing shared by every table format, and the plain CSV diary (date, food, amount)."""

from __future__ import annotations

import csv
import datetime
import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from twitchcheck.diary._dates import DateReader, parse_date_cell
from twitchcheck.diary._model import Collector
from twitchcheck.diary._text import meal_name
from twitchcheck.errors import DiaryError

# Header synonyms for the plain CSV diary, compared after `header_key`.
DATE_COLUMNS = ("date", "day", "date time", "datetime", "timestamp", "when", "datum")
FOOD_COLUMNS = (
    "food", "food name", "food item", "item", "name", "description", "what", "entry", "foods",
)  # fmt: skip
AMOUNT_COLUMNS = (
    "amount", "quantity", "qty", "serving", "servings", "serving size", "portion", "size",
    "amount eaten",
)  # fmt: skip
GRAM_COLUMNS = ("grams", "g", "amount (g)", "weight (g)", "quantity (g)", "weight g", "grams eaten")
UNIT_COLUMNS = ("unit", "units", "measure", "serving unit")
MEAL_COLUMNS = ("meal", "meal type", "group", "mealtime", "meal time", "occasion", "course")


@dataclass(frozen=True, slots=True)
class Row:
    """One CSV record: the line it starts on and its cells keyed by `header_key`."""

    line: int
    cells: dict[str, str]

    def get(self, key: str) -> str:
        return self.cells.get(key, "").strip()


def header_key(name: str) -> str:
    """A header compared loosely: case, spacing, underscores and the micro sign do not matter."""
    key = name.replace("\ufeff", "").replace("_", " ").replace("μ", "µ").lower()
    key = re.sub(r"\((?:ug|mcg)\)", "(µg)", key)
    return " ".join(key.split())


def delimiter(header_line: str) -> str:
    """The separator the header uses most: comma, semicolon or tab."""
    counts = {d: _outside_quotes(header_line).count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def header_cells(text: str) -> list[str]:
    """The cells of the first non-blank line, split on its own delimiter."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    return next(csv.reader([first], delimiter=delimiter(first)), [])


def rows(text: str) -> tuple[list[str], int, Iterator[Row]]:
    """(header keys, record count upper bound, the records with their starting line numbers)."""
    text = text.lstrip("\ufeff")
    first = next((line for line in text.splitlines() if line.strip()), "")
    reader = csv.reader(io.StringIO(text), delimiter=delimiter(first))
    header: list[str] = []
    for cells in reader:
        if any(c.strip() for c in cells):
            header = [header_key(c) for c in cells]
            break
    total = text.count("\n") + 1
    return header, total, _records(reader, header)


def _records(reader: Iterator[list[str]], header: list[str]) -> Iterator[Row]:
    previous_end = getattr(reader, "line_num", 1)
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise DiaryError(
                f'the CSV cannot be read from here on ({error}); a quote (") is probably '
                "not closed",
                previous_end + 1,
            ) from None
        start = previous_end + 1
        previous_end = reader.line_num  # type: ignore[attr-defined]
        if any(c.strip() for c in cells):
            yield Row(start, dict(zip(header, cells, strict=False)))


def require(header: Sequence[str], needed: Sequence[str], layout: str) -> None:
    missing = [name for name in needed if name not in header]
    if missing:
        found = ", ".join(header[:12]) or "no columns"
        raise DiaryError(
            f"not a {layout}: the header lacks {', '.join(repr(m) for m in missing)} "
            f"(found: {found})"
        )


def pick(header: Sequence[str], names: Sequence[str]) -> str | None:
    """The first of `names` present in `header`."""
    return next((name for name in names if name in header), None)


def number(text: str, row: Row, column: str) -> float | None:
    """A number cell: None when blank; thousands commas and a decimal comma accepted."""
    s = text.strip().replace("\u00a0", "").replace(" ", "")
    if not s or s in {"-", "--", "n/a", "na", "null", "none"}:
        return None
    if re.fullmatch(r"[-+]?\d+,\d+", s):
        s = s.replace(",", ".")  # a decimal comma (20,5); "1,000" is caught below
    if re.fullmatch(r"[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?", s):
        s = s.replace(",", "")
    try:
        return float(s)
    except ValueError:
        raise DiaryError(f"{column!r} holds {text!r}, which is not a number", row.line) from None


def row_date(row: Row, column: str, dates: DateReader) -> datetime.date:
    """The date in `column`; raises DiaryError naming the line when there is none or it is wrong."""
    text = row.get(column)
    if text and text == dates.last_text and dates.last is not None:
        return dates.last  # exports repeat a day's date on every row: read it once
    try:
        parts = parse_date_cell(text, dates.day_first) if text else None
        if parts is None:
            raise DiaryError(
                f"{column!r} holds {text!r}, which is not a date; write it as 2026-11-20"
            )
        return dates.read(parts, text)
    except DiaryError as error:
        raise DiaryError(error.message, row.line) from None


def canonical_meal(label: str) -> str | None:
    """A meal label from a file: known names made canonical, others kept; blank means none."""
    label = label.strip()
    if not label or label.lower() in {"uncategorized", "uncategorised", "none", "other"}:
        return None
    return meal_name(label) or label.lower()


def read_csv(text: str, collector: Collector, dates: DateReader) -> None:
    """A plain CSV diary: a date column, a food column, and optional amount, unit and meal."""
    header, collector.total, records = rows(text)
    date_col, food_col = pick(header, DATE_COLUMNS), pick(header, FOOD_COLUMNS)
    if date_col is None or food_col is None:
        raise DiaryError(
            "the CSV header needs a date column and a food column "
            f"(found: {', '.join(header[:12])}); e.g. 'date,food,amount'"
        )
    amount_col, gram_col = pick(header, AMOUNT_COLUMNS), pick(header, GRAM_COLUMNS)
    unit_col, meal_col = pick(header, UNIT_COLUMNS), pick(header, MEAL_COLUMNS)
    day: datetime.date | None = None
    seen = 0
    for row in records:
        collector.tick(row.line)
        seen += 1
        # A blank date carries on the date above, as in a spreadsheet with one date per day.
        if row.get(date_col) or day is None:
            day = row_date(row, date_col, dates)
        food = row.get(food_col)
        amount = row.get(amount_col) if amount_col else ""
        grams = row.get(gram_col) if gram_col else ""
        unit = row.get(unit_col) if unit_col else ""
        phrase = " ".join(p for p in (amount, unit, f"{grams} g" if grams else "", food) if p)
        meal = canonical_meal(row.get(meal_col)) if meal_col else None
        if not food:
            collector.problem(row.line, phrase, "this row has no food; fill in the food column")
            continue
        if "\n" in food:
            message = 'the food cell runs over several lines; a quote (") is probably not closed'
            collector.problem(row.line, phrase, message)
            continue
        collector.phrase(day, meal, row.line, phrase)
    if seen == 0:
        raise DiaryError("the CSV has a header but no rows; add one row per food eaten")


def _outside_quotes(line: str) -> str:
    return re.sub(r'"[^"]*"', "", line)
