"""Day headings as people write them in a notes app: no year, a remark beside the date, the
day name after it. Before these were read, a US diary headed "Mon 11/16" was refused whole."""

from __future__ import annotations

import contextlib
import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from twitchcheck.diary import parse_diary_text
from twitchcheck.diary._dates import DateReader, parse_date
from twitchcheck.errors import DiaryError

TODAY = datetime.date(2026, 12, 1)  # a Tuesday


def days(text: str, region: str | None = None) -> tuple[datetime.date, ...]:
    return parse_diary_text(text, region=region, today=TODAY).days


@pytest.mark.parametrize(
    ("heading", "region", "expected"),
    [
        ("Mon 11/16", "us", datetime.date(2026, 11, 16)),
        ("Monday 11/16", "us", datetime.date(2026, 11, 16)),
        ("11/16", "us", datetime.date(2026, 11, 16)),
        ("16/11", "uk", datetime.date(2026, 11, 16)),
        ("3/4", "uk", datetime.date(2026, 4, 3)),
        ("3/4", "us", datetime.date(2026, 3, 4)),
        ("Mon 4/28 (rest day)", "us", datetime.date(2025, 4, 28)),
        ("Tue 4/29 - 8 mi w/ 6x800", "us", datetime.date(2025, 4, 29)),
        ("4/14/25 Mon", "us", datetime.date(2025, 4, 14)),
        ("Mon 11/9 (night 1)", "us", datetime.date(2026, 11, 9)),
        # Polish and Spanish day names, as a diary kept half in the writer's language heads
        # its days; a dotted day and month after one is a date, as Europe writes it
        ("pon 30.11", "uk", datetime.date(2026, 11, 30)),
        ("wt 1.12", "uk", datetime.date(2026, 12, 1)),
        ("Śr. 25.11", "uk", datetime.date(2026, 11, 25)),
        ("niedziela 29.11.", "uk", datetime.date(2026, 11, 29)),
        ("sob 28/11", "uk", datetime.date(2026, 11, 28)),
        ("lunes 11/30", "us", datetime.date(2026, 11, 30)),
        ("miércoles 25/11", "uk", datetime.date(2026, 11, 25)),
        ("Mon 30.11", "uk", datetime.date(2026, 11, 30)),
    ],
)
def test_headings_people_write(heading: str, region: str, expected: datetime.date) -> None:
    assert days(f"{heading}\n2 eggs\n", region) == (expected,)


def test_a_day_name_alone_in_polish_is_known_as_one() -> None:
    with pytest.raises(DiaryError, match="'sobota' names a day but no date"):
        days("2026-11-27\n2 eggs\nsobota\n1 banana\n", "uk")


def test_a_day_name_settles_the_year_of_a_date_without_one() -> None:
    # 7 April 2026 is a Tuesday; the diary was kept in 2025, when it was a Monday
    assert days("Mon 4/7\n2 eggs\nTue 4/8\n1 banana\n", "us") == (
        datetime.date(2025, 4, 7),
        datetime.date(2025, 4, 8),
    )
    assert days("Mon, Nov 3\n2 eggs\n") == (datetime.date(2025, 11, 3),)


def test_without_a_day_name_a_date_takes_this_year_unless_it_is_ahead() -> None:
    assert days("12/25\n2 eggs\n", "us") == (datetime.date(2025, 12, 25),)
    assert days("11/30\n2 eggs\n", "us") == (datetime.date(2026, 11, 30),)


def test_an_ambiguous_date_without_a_region_is_refused_with_what_to_write() -> None:
    with pytest.raises(DiaryError, match=r"could be 3 April or March 4.*region"):
        days("3/4\n2 eggs\n")


def test_impossible_year_less_dates_are_refused() -> None:
    with pytest.raises(DiaryError, match="no month 16"):
        days("16/11\n2 eggs\n", "us")
    with pytest.raises(DiaryError, match="has 30 days"):
        days("4/31\n2 eggs\n", "us")


def test_amounts_and_food_lines_are_not_headings() -> None:
    for line in ("3-4", "1.5", "1/2 banana", "Tue - 2 eggs", "2 eggs - 8 am", "pon 1.5 l"):
        assert parse_date(line) is None, line


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=datetime.date(2016, 1, 1), max_value=TODAY))
def test_year_less_headings_with_a_day_name_read_back(d: datetime.date) -> None:
    """Within the eleven years the day names take to repeat, a day name and a day and month
    give back the latest such date not after today."""
    for form, day_first in (
        (f"{d:%a} {d.month}/{d.day}", False),
        (f"{d:%A} {d.day}/{d.month}", True),
        (f"{d:%a} {d.month}/{d.day} (notes)", False),
    ):
        parts = parse_date(form, day_first=day_first)
        assert parts is not None, form
        found = DateReader(today=TODAY).read(parts, form)
        assert (found.month, found.day, found.weekday()) == (d.month, d.day, d.weekday())
        assert d <= found <= TODAY


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789/ -().monwedsatufrih", max_size=30))
def test_heading_parser_never_crashes(text: str) -> None:
    with contextlib.suppress(DiaryError):
        parts = parse_date(text, day_first=False)
        if parts is not None:
            assert isinstance(DateReader(today=TODAY).read(parts, text), datetime.date)
