"""Read a date written on its own: a diary heading or a date cell.

Accepted forms (see docs/diary.md): ``2026-11-20`` (also with / or . and
one-digit month or day), ``20/11/2026`` or ``11/20/2026`` (also ``20/11/26``) only
when it can be read one way (the region's order, or a day name that only one reading
falls on: ``Wed 5/3/25``), and words: ``20 Nov``, ``Nov 20``, ``20 November 2026``,
``Friday 20 November 2026``, ``Fri, Nov 20, 2026``, ``20th of November``; a day
name may be Polish or Spanish (``pon 30.11``, ``lunes 11/30``), and after one a dotted
day and month is a date (``Mon 30.11``).
Anything else is not a date (None); something shaped like a date that cannot
be one (``2026-02-30``, ``05/11/2026``) raises DiaryError.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

from twitchcheck.diary._bounds import cap, quoted
from twitchcheck.errors import DiaryError
from twitchcheck.text import fold

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}  # fmt: skip
WEEKDAYS = {
    "mon": 0, "monday": 0, "tue": 1, "tues": 1, "tuesday": 1, "wed": 2, "wednesday": 2,
    "thu": 3, "thur": 3, "thurs": 3, "thursday": 3, "fri": 4, "friday": 4, "sat": 5,
    "saturday": 5, "sun": 6, "sunday": 6,
    # Polish and Spanish, accents dropped (`fold`), as diaries kept half in the writer's
    # language head their days ("pon 30.11"); not Spanish "mar" (martes), which is March
    "pon": 0, "pn": 0, "poniedzialek": 0, "wt": 1, "wtorek": 1, "sr": 2, "sroda": 2,
    "czw": 3, "czwartek": 3, "pt": 4, "piatek": 4, "sob": 5, "sobota": 5, "nd": 6,
    "ndz": 6, "niedz": 6, "niedziela": 6,
    "lun": 0, "lunes": 0, "martes": 1, "mie": 2, "miercoles": 2, "jue": 3, "jueves": 3,
    "vie": 4, "viernes": 4, "sab": 5, "sabado": 5, "dom": 6, "domingo": 6,
}  # fmt: skip

_YMD = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})")
_DMY = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})")
# "Mon 11/16", "16/11": a day and month with a slash and no year, as US and UK diaries head
# their days; the year comes from the headings around it (DateReader). Only the slash: a
# lone "3-4" or "1.5" on a line is an amount, not a day.
_DM = re.compile(r"(\d{1,2})/(\d{1,2})")
# "pon 30.11", "Mon 30.11.": after a day name, a dotted day and month is a date too, as
# much of Europe writes it (alone, "1.5" is an amount)
_DM_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.?")
# "Mon 3/3/25", "Thurs, 06/03/2025": a day name before a numeric date.
_WEEKDAY_FIRST = re.compile(r"([a-z]+)\.?,?\s+(?=\d)")
# A two-digit year: 69-99 are 1969-1999 and 00-68 are 2000-2068, as POSIX strptime's %y.
_CENTURY_PIVOT = 69
_WORDY = re.compile(r"[a-z0-9 ,.]+")
_TOKEN = re.compile(r"[a-z]+|\d+")
_ORDINAL = frozenset({"st", "nd", "rd", "th"})
_LABEL = re.compile(r"^(?:date|day)\s*[:=-]\s*")
_DECORATION = " \t:=*_-~|"
_TIME = re.compile(r"[ t]\d{1,2}:\d{2}.*$")
# What people write beside a day's heading: a remark in brackets ("Mon 4/28 (rest day)") and
# the day name after the date ("4/14/25 Mon").
_REMARK = re.compile(r"\s*\([^()]*\)$")
# ... or after a spaced dash, when a day name leads ("Tue 4/29 - 8 mi easy").
_DASH_REMARK = re.compile(r"(?P<head>[a-z]+\.?,?\s+\d[\d/.-]*)\s+[-–—]\s+.*")
_WEEKDAY_LAST = re.compile(r"(?P<date>.*?\d)[,.]?\s+(?P<day>[a-z]+)\.?$")
# A heading's day name settles the year of a date written without one: the latest year, at
# most this many back, in which the date fell on that day (the days of the week repeat
# within 11 years, so 11 always finds one).
_WEEKDAY_YEARS_BACK = 11


@dataclass(frozen=True, slots=True)
class DateParts:
    """A date as written; `year` None when it was left out."""

    day: int
    month: int
    year: int | None
    weekday: int | None = None


def parse_date(text: str, day_first: bool | None = None) -> DateParts | None:
    """The date written alone in `text` (a heading), or None if `text` is not a date.

    `day_first` settles numeric dates such as 05/11/2026: True reads day first,
    False month first, None accepts only dates that read one way.
    """
    s = _REMARK.sub("", _LABEL.sub("", fold(text.strip()))).strip(_DECORATION)
    dashed = _DASH_REMARK.fullmatch(s)
    if dashed and dashed["head"].split()[0].rstrip(".,") in WEEKDAYS:
        s = dashed["head"]
    if not s or len(s) > 60 or not s[0].isalnum():
        return None
    weekday, numeric = _weekday_first(s)
    last = _WEEKDAY_LAST.fullmatch(numeric) if weekday is None else None
    if last and last["day"] in WEEKDAYS:
        weekday, numeric = WEEKDAYS[last["day"]], last["date"]
    match = _YMD.fullmatch(numeric)
    if match:
        return _checked(int(match[4]), int(match[3]), int(match[1]), weekday, text)
    match = _DMY.fullmatch(numeric)
    if match:
        year = _full_year(match[4])
        return _numeric(int(match[1]), int(match[3]), year, day_first, text, weekday)
    match = _DM.fullmatch(numeric)
    if match is None and weekday is not None:
        match = _DM_DOTTED.fullmatch(numeric)
    if match:
        return _numeric(int(match[1]), int(match[2]), None, day_first, text, weekday)
    if _WORDY.fullmatch(s):
        return _wordy(_TOKEN.findall(s), text)
    return None


def parse_date_cell(text: str, day_first: bool | None = None) -> DateParts | None:
    """Like `parse_date`, also accepting a time after the date (``2026-11-20T08:15:00``)."""
    parts = parse_date(text, day_first)
    if parts is None:
        parts = parse_date(_TIME.sub("", text.strip().lower()), day_first)
    return parts


def is_weekday(text: str) -> bool:
    """True for a day name alone ("Monday:"), which names no date."""
    return fold(text.strip()).strip(_DECORATION).rstrip(".") in WEEKDAYS


def _weekday_first(s: str) -> tuple[int | None, str]:
    """The day name written before a numeric date, and the rest ("mon 3/3/25")."""
    match = _WEEKDAY_FIRST.match(s)
    if match is None or match[1] not in WEEKDAYS:
        return None, s
    return WEEKDAYS[match[1]], s[match.end() :]


def _full_year(written: str) -> int:
    if len(written) == 4:
        return int(written)
    short = int(written)
    return (1900 if short >= _CENTURY_PIVOT else 2000) + short


def _numeric(
    a: int, b: int, year: int | None, day_first: bool | None, text: str, weekday: int | None = None
) -> DateParts:
    if day_first is True:
        return _checked(a, b, year, weekday, text)
    if day_first is False:
        return _checked(b, a, year, weekday, text)
    if a > 12 >= b or a == b:
        return _checked(a, b, year, weekday, text)
    if b > 12 >= a:
        return _checked(b, a, year, weekday, text)
    if a > 12 and b > 12:
        raise DiaryError(f"{quoted(text.strip())} is not a date: neither {a} nor {b} is a month")
    if year is not None:
        named = [(d, m) for d, m in ((a, b), (b, a)) if _falls_on(year, m, d, weekday)]
        if len(named) == 1:  # "Wed 5/3/25": only 5 March 2025 is a Wednesday
            return _checked(named[0][0], named[0][1], year, weekday, text)
    first = f"{a} {calendar.month_name[b]}"
    second = f"{calendar.month_name[a]} {b}"
    shown = year if year is not None else "YYYY"
    raise DiaryError(
        f"{quoted(text.strip())} could be {first} or {second}; write it as "
        f"{shown}-{b:02d}-{a:02d} or '{a} {calendar.month_abbr[b]} {shown}' (day, month name, "
        "year), or give the diary's region"
    )


def _wordy(tokens: list[str], text: str) -> DateParts | None:
    tokens = [
        t for i, t in enumerate(tokens) if not (t in _ORDINAL and i and tokens[i - 1].isdigit())
    ]
    weekday = WEEKDAYS.get(tokens[0]) if tokens else None
    if weekday is not None:
        tokens = tokens[1:]
    tokens = [t for t in tokens if t != "of"]
    year: int | None = None
    if len(tokens) == 3 and len(tokens[2]) == 4 and tokens[2].isdigit():
        year = int(tokens[2])
        tokens = tokens[:2]
    if len(tokens) != 2:
        return None
    first, second = tokens
    if first.isdigit() and len(first) <= 2 and second in MONTHS:
        return _checked(int(first), MONTHS[second], year, weekday, text)
    if first in MONTHS and second.isdigit() and len(second) <= 2:
        return _checked(int(second), MONTHS[first], year, weekday, text)
    return None


def _checked(day: int, month: int, year: int | None, weekday: int | None, text: str) -> DateParts:
    """The parts, if some year could hold them; otherwise a DiaryError saying why not."""
    written = quoted(text.strip())
    if not 1 <= month <= 12:
        raise DiaryError(f"{written} is not a date: there is no month {month}")
    longest = calendar.monthrange(year if year is not None else 2000, month)[1]  # 2000: leap
    if not 1 <= day <= longest:
        in_year = f" {year}" if year is not None else ""
        raise DiaryError(
            f"{written} is not a real date: {calendar.month_name[month]}{in_year} has "
            f"{longest} days"
        )
    if year is not None:
        check_year(year, written)
    return DateParts(day, month, year, weekday)


def year_range() -> tuple[int, int]:
    """The years a diary date may have (diary.year_min and diary.year_max)."""
    return cap("diary.year_min"), cap("diary.year_max")


def check_year(year: int, what: str) -> None:
    """Refuse a year outside `year_range`, naming `what` carried it."""
    first, last = year_range()
    if not first <= year <= last:
        raise DiaryError(
            f"{what}: the year {year} is out of range; dates from {first} to {last} are read"
        )


class DateReader:
    """Turns parts into dates, filling a missing year from the headings before it.

    A date without a year takes the year that puts it closest to the previous
    date (so a diary running from December into January moves on a year). The
    first such date takes `year`, or else the current year, stepping back a
    year if that would put it in the future.
    """

    def __init__(
        self,
        year: int | None = None,
        today: datetime.date | None = None,
        day_first: bool | None = None,
    ) -> None:
        if year is not None:
            check_year(year, "--year")
        self.year = year
        self.today = today or datetime.date.today()
        self.day_first = day_first
        self.last: datetime.date | None = None
        self.last_text = ""  # what `last` was read from

    def read(self, parts: DateParts, text: str) -> datetime.date:
        if parts.year is not None:
            result = datetime.date(parts.year, parts.month, parts.day)
        else:
            result = self._guess_year(parts, text)
            check_year(result.year, quoted(text.strip()))  # Dec 31 after 1 Jan 1900 is 1899
        if parts.weekday is not None and result.weekday() != parts.weekday:
            actual = calendar.day_name[result.weekday()]
            raise DiaryError(
                f"{quoted(text.strip())}: {result:%d %B %Y} is a {actual}, "
                f"not a {calendar.day_name[parts.weekday]}; correct the day name or the date"
                + ("" if parts.year is not None else " (or write the year)")
            )
        self.last, self.last_text = result, text
        return result

    def _guess_year(self, parts: DateParts, text: str) -> datetime.date:
        years: tuple[int, ...]
        if self.last is None and self.year is None and parts.weekday is not None:
            dated = self._year_of_weekday(parts)
            if dated is not None:
                return dated
        if self.last is not None:
            anchor, years = self.last, (self.last.year - 1, self.last.year, self.last.year + 1)
        else:
            base = self.year if self.year is not None else self.today.year
            check_year(base, "today's date")  # a clock set to year 1 or 9999
            anchor, years = datetime.date(base, 1, 1), (base,)
        candidates = [_date(y, parts.month, parts.day) for y in years]
        found = [c for c in candidates if c is not None]
        if not found:
            said = f"{parts.day} {calendar.month_name[parts.month]}"
            raise DiaryError(
                f"{quoted(text.strip())}: {said} does not exist in {years[len(years) // 2]}; "
                "write the year"
            )
        result = min(found, key=lambda d: abs((d - anchor).days))
        if self.last is None and self.year is None and result > self.today:
            result = _date(result.year - 1, parts.month, parts.day) or result
        return result

    def _year_of_weekday(self, parts: DateParts) -> datetime.date | None:
        """The latest date, not after today, with these day, month and day name."""
        first, _ = year_range()
        for year in range(self.today.year, self.today.year - _WEEKDAY_YEARS_BACK - 1, -1):
            found = _date(year, parts.month, parts.day) if year >= first else None
            if found is not None and found <= self.today and found.weekday() == parts.weekday:
                return found
        return None


def _falls_on(year: int, month: int, day: int, weekday: int | None) -> bool:
    found = _date(year, month, day)
    return weekday is not None and found is not None and found.weekday() == weekday


def _date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None
