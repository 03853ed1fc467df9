"""The plain-text diary: date headings, optional meal headings, one food per line."""

from __future__ import annotations

import datetime
import re

from twitchcheck.diary._bounds import cap, clipped, quoted
from twitchcheck.diary._dates import DateReader, is_weekday, parse_date
from twitchcheck.diary._model import Collector
from twitchcheck.errors import DiaryError
from twitchcheck.when import lead

# Meal names recognised with or without a colon; other short lines ending in a
# colon ("Pre-workout:") are meal headings too.
MEALS = {
    "breakfast": "breakfast", "brunch": "brunch", "lunch": "lunch", "dinner": "dinner",
    "supper": "dinner", "tea time": "snack", "snack": "snack", "snacks": "snack",
    "morning snack": "snack", "afternoon snack": "snack", "evening snack": "snack",
    "late snack": "snack", "night snack": "snack", "late night snack": "snack",
    "dessert": "dessert", "desserts": "dessert", "drinks": "drinks", "beverages": "drinks",
    "supplements": "supplements", "pre workout": "pre-workout", "post workout": "post-workout",
    "morning": "morning", "afternoon": "afternoon", "evening": "evening", "elevenses": "snack",
}  # fmt: skip
# Where or how a meal was eaten, after its name: "lunch out", "dinner at work".
MEAL_PLACES = ("out", "at work", "at home", "on the go", "at school", "at the office", "in town")
_CUSTOM_MEAL = re.compile(r"([^\d:#]{1,40}):")
_MEAL_PREFIX = re.compile(r"([a-z -]{3,25}):\s*(.+)", re.IGNORECASE)
_BULLET = re.compile(r"^(?:[-*•·+]|\u2013|\u2014)\s+")
_INLINE_COMMENT = re.compile(r"\s#")  # a comment runs from " #" to the end of the line


def meal_name(label: str) -> str | None:
    """The canonical name of a known meal label ("Snacks" -> "snack"), else None."""
    key = " ".join(label.lower().replace("-", " ").split())
    for place in MEAL_PLACES:
        if key.endswith(" " + place) and key[: -len(place) - 1] in MEALS:
            return MEALS[key[: -len(place) - 1]]
    return MEALS.get(key)


def read_text(text: str, collector: Collector, dates: DateReader) -> None:
    """Walk the lines of a text diary, feeding the collector; raises DiaryError for bad headings."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    collector.total = len(lines)
    longest = cap("diary.line_chars")
    day = None
    meal: str | None = None
    at: str | None = None  # the time of a time heading, for the lines below it
    items = 0
    for number, raw in enumerate(lines, start=1):
        collector.tick(number)
        if len(raw) > longest:
            message = (
                f"this line is {len(raw):,} characters long; a diary line holds at most "
                f"{longest:,} (one food per line), so it is left out"
            )
            collector.problem(number, raw, message)
            items += 1
            continue
        line = _without_comment(raw.strip())
        if not line or line.startswith(("#", "//")):
            continue
        when = _heading_date(line, number, dates)
        if when is not None:
            day, meal, at = when, None, None
            continue
        if is_weekday(line):
            raise DiaryError(
                f"{quoted(line)} names a day but no date; write the date too, e.g. "
                "'Fri 20 Nov 2026'",
                number,
            )
        heading = _meal_heading(line)
        if heading is not None and not heading[1]:
            meal, at = heading[0], None  # a meal heading on its own line
            continue
        found = lead(_BULLET.sub("", line), collector.diary_region or collector.region)
        if found.meal is not None:
            meal, at = found.meal, None  # "Lunch: soup" also heads the lines below
        if not found.rest:
            if found.time is not None:
                at = found.time  # a time on its own line ("7:45 pm") heads the lines below
            if found.time is not None or found.meal is not None:
                continue
        line = found.rest
        if day is None:
            raise DiaryError(
                f"{quoted(line)} comes before any date; put a date heading such as 2026-11-20 "
                "on a line above the first food",
                number,
            )
        items += 1
        collector.phrase(day, meal, number, line, line, found.time or at)
    if items == 0:
        raise DiaryError(
            "the diary has dates but no food lines; write one food per line under a date"
        )


def _without_comment(line: str) -> str:
    found = _INLINE_COMMENT.search(line)
    return line if found is None else line[: found.start()].rstrip()


def _heading_date(line: str, number: int, dates: DateReader) -> datetime.date | None:
    try:
        parts = parse_date(line, dates.day_first)
        return None if parts is None else dates.read(parts, line)
    except DiaryError as error:
        raise DiaryError(error.message, number) from None


def _meal_heading(line: str) -> tuple[str, str] | None:
    """(meal, rest of the line) for "Lunch", "Snacks:", "Pre-workout:" or "Lunch: 2 eggs"."""
    known = meal_name(line.rstrip(":").strip())
    if known is not None:
        return known, ""
    if _CUSTOM_MEAL.fullmatch(line):
        return clipped(line[:-1].strip().lower(), 40), ""
    match = _MEAL_PREFIX.fullmatch(line)
    if match:
        known = meal_name(match[1])
        if known is not None:
            return known, match[2].strip()
    return None
