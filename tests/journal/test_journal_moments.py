"""When an episode happened, as typed at night or the morning after."""

from __future__ import annotations

import datetime as dt

import pytest

from twitchcheck.journal import JournalError
from twitchcheck.journal.moments import parse_day, parse_moment

NOW = dt.datetime(2026, 11, 21, 7, 15)


@pytest.mark.parametrize(
    ("text", "moment"),
    [
        ("02:30", dt.datetime(2026, 11, 21, 2, 30)),  # earlier today
        ("23:10", dt.datetime(2026, 11, 20, 23, 10)),  # later than now: the last one, yesterday
        ("7:18", dt.datetime(2026, 11, 21, 7, 18)),  # a clock a few minutes ahead is allowed
        ("2026-11-20T23:59", dt.datetime(2026, 11, 20, 23, 59)),
        ("2026-11-20 23:59:41", dt.datetime(2026, 11, 20, 23, 59)),  # to the minute
    ],
)
def test_a_time_is_the_last_such_moment_before_now(text: str, moment: dt.datetime) -> None:
    assert parse_moment(text, NOW) == moment


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("25:00", "not a time of day"),
        ("last night", "not a time"),
        ("2026-11-21", "not a time"),  # a date alone does not say when in the night
        ("2026-11-21T02:30+01:00", "not a time"),
        ("2026-11-22T02:30", "later than now"),
        ("x" * 500, "not a time"),
    ],
)
def test_an_unreadable_or_future_time_is_refused(text: str, message: str) -> None:
    with pytest.raises(JournalError, match=message):
        parse_moment(text, NOW)


def test_a_day_is_a_date_today_or_yesterday() -> None:
    today = NOW.date()
    assert parse_day("today", today) == today
    assert parse_day(" Yesterday ", today) == dt.date(2026, 11, 20)
    assert parse_day("2026-11-02", today) == dt.date(2026, 11, 2)
    with pytest.raises(JournalError, match="like 2026-11-20"):
        parse_day("02/11/2026", today)
