"""CSV plumbing shared by every table format, and the plain CSV diary (date, food, amount)."""

from __future__ import annotations

import csv
import datetime
import io
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from twitchcheck.diary._bounds import cap, clipped, quoted
from twitchcheck.diary._dates import DateReader, parse_date_cell
from twitchcheck.diary._model import Collector
from twitchcheck.diary._text import meal_name
from twitchcheck.errors import DiaryError
from twitchcheck.when import lead

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
MISSING = frozenset({"-", "--", "n/a", "na", "nan", "null", "none"})  # a cell with no value
_NUMBER_CHARS = 40  # a longer cell is not a number (and is not parsed as one)
MEAL_CHARS = 40  # a meal label is a word or two; longer ones are cut when kept


class CellError(ValueError):
    """A cell that should hold a number holds something else; its row is left out."""


@dataclass(frozen=True, slots=True)
class Row:
    """One CSV record: the line it starts on and its cells keyed by `header_key`."""

    line: int
    cells: dict[str, str]
    width: int = 0  # how many cells the record has (fewer than the header: cut short)

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


def rows(text: str, collector: Collector) -> tuple[list[str], Iterator[Row]]:
    """(header keys, the records with their starting line numbers).

    Sets the collector's progress total; a record longer than diary.line_chars is reported
    as a problem and not yielded.
    """
    text = text.lstrip("\ufeff")
    first = next((line for line in text.splitlines() if line.strip()), "")
    reader = csv.reader(io.StringIO(text), delimiter=delimiter(first))
    header: list[str] = []
    try:
        for cells in reader:
            if any(c.strip() for c in cells):
                header = [header_key(clipped(c, 80)) for c in cells]
                break
    except csv.Error as error:
        raise _unreadable(error, 1) from None
    collector.total = text.count("\n") + 1
    return header, _records(reader, header, collector)


def _records(reader: Iterator[list[str]], header: list[str], collector: Collector) -> Iterator[Row]:
    longest = cap("diary.line_chars")
    previous_end = getattr(reader, "line_num", 1)
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise _unreadable(error, previous_end + 1) from None
        start = previous_end + 1
        previous_end = reader.line_num  # type: ignore[attr-defined]
        if not any(c.strip() for c in cells):
            continue
        length = sum(len(c) for c in cells)
        if length > longest:
            collector.problem(
                start, ",".join(cells)[:200], f"this row is {length:,} characters long; a row "
                f"holds at most {longest:,} (one food per row), so it is left out"
            )  # fmt: skip
            continue
        yield Row(start, dict(zip(header, cells, strict=False)), len(cells))


def _unreadable(error: csv.Error, line: int) -> DiaryError:
    if "field larger than field limit" in str(error):
        return DiaryError(
            f"a cell is longer than {csv.field_size_limit():,} characters, so the CSV cannot be "
            'read from here on; a quote (") is probably not closed',
            line,
        )
    return DiaryError(
        f'the CSV cannot be read from here on ({error}); a quote (") is probably not closed',
        line,
    )


def cut_short(row: Row, header: Sequence[str]) -> str | None:
    """Why an export row with fewer cells than its header is left out, or None.

    Exports write every column on every row; a short row is a file cut off (a download
    stopped) or edited by hand, and its missing cells would read as missing nutrients.
    """
    if row.width >= len(header):
        return None
    return (
        f"this row has {row.width} of the header's {len(header)} cells: the file may be cut "
        "short or damaged, so the row is left out (export it again)"
    )


def require(header: Sequence[str], needed: Sequence[str], layout: str) -> None:
    missing = [name for name in needed if name not in header]
    if missing:
        found = ", ".join(clipped(h, 40) for h in header[:12]) or "no columns"
        raise DiaryError(
            f"not a {layout}: the header lacks {', '.join(repr(m) for m in missing)} "
            f"(found: {found})"
        )


def pick(header: Sequence[str], names: Sequence[str]) -> str | None:
    """The first of `names` present in `header`."""
    return next((name for name in names if name in header), None)


def number(text: str, column: str) -> float | None:
    """A number cell: None when blank or marked missing (`MISSING`, NaN).

    Thousands commas and a decimal comma are accepted; anything else, or an infinity, raises
    CellError naming the column.
    """
    s = text.strip().replace("\u00a0", "").replace(" ", "")
    if not s or s.lower() in MISSING:
        return None
    if len(s) <= _NUMBER_CHARS:
        if re.fullmatch(r"[-+]?\d+,\d+", s):
            s = s.replace(",", ".")  # a decimal comma (20,5); "1,000" is caught below
        if re.fullmatch(r"[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?", s):
            s = s.replace(",", "")
        try:
            value = float(s)
        except ValueError:
            pass
        else:
            if math.isfinite(value):
                return value
    raise CellError(f"{column!r} holds {quoted(text)}, which is not an amount")


def row_date(row: Row, column: str, dates: DateReader) -> datetime.date:
    """The date in `column`; raises DiaryError naming the line when there is none or it is wrong."""
    text = row.get(column)
    if text and text == dates.last_text and dates.last is not None:
        return dates.last  # exports repeat a day's date on every row: read it once
    try:
        parts = parse_date_cell(text, dates.day_first) if text else None
        if parts is None:
            raise DiaryError(
                f"{column!r} holds {quoted(text)}, which is not a date; write it as 2026-11-20"
            )
        return dates.read(parts, text)
    except DiaryError as error:
        raise DiaryError(error.message, row.line) from None


def canonical_meal(label: str) -> str | None:
    """A meal label from a file: known names made canonical, others kept; blank means none."""
    label = clipped(label.strip(), MEAL_CHARS)
    if not label or label.lower() in {"uncategorized", "uncategorised", "none", "other"}:
        return None
    return meal_name(label) or label.lower()


def read_csv(text: str, collector: Collector, dates: DateReader) -> None:
    """A plain CSV diary: a date column, a food column, and optional amount, unit and meal."""
    header, records = rows(text, collector)
    date_col, food_col = pick(header, DATE_COLUMNS), pick(header, FOOD_COLUMNS)
    if date_col is None or food_col is None:
        found = ", ".join(clipped(h, 40) for h in header[:12])
        raise DiaryError(
            f"the CSV header needs a date column and a food column (found: {found}); "
            "e.g. 'date,food,amount'"
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
        meal = canonical_meal(row.get(meal_col)) if meal_col else None
        led = lead(food) if food else None
        if led is not None and led.rest:
            food, meal = led.rest, meal or led.meal  # "08:00 latte" in the food cell
        at = led.time if led is not None and led.rest else None
        phrase = " ".join(p for p in (amount, unit, f"{grams} g" if grams else "", food) if p)
        if not food:
            collector.problem(row.line, phrase, "this row has no food; fill in the food column")
            continue
        if "\n" in food:
            message = 'the food cell runs over several lines; a quote (") is probably not closed'
            collector.problem(row.line, phrase, message)
            continue
        collector.phrase(day, meal, row.line, phrase, time=at)
    if seen == 0 and not collector.problems:
        raise DiaryError("the CSV has a header but no rows; add one row per food eaten")


def _outside_quotes(line: str) -> str:
    return re.sub(r'"[^"]*"', "", line)
