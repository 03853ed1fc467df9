"""Caffeine from the food diary with the time of day: the day's total from the diet
analysis of each line, after 2 p.m. by the line's time or meal, and the diary's figure used
only where the person typed none."""

from __future__ import annotations

import datetime as dt

import pytest

from twitchcheck.diary import parse_diary_text
from twitchcheck.journal import Day, Journal
from twitchcheck.journal.caffeine import DiaryCaffeine, caffeine_by_day, day_factors

DAY = dt.date(2026, 11, 20)


def caffeine_of(lines: str) -> DiaryCaffeine:
    [found] = caffeine_by_day(parse_diary_text(f"2026-11-20\n{lines}\n", "text")).values()
    return found


@pytest.mark.parametrize(
    ("lines", "after_2pm"),
    [
        ("08:00 1 cup coffee", False),
        ("08:00 1 cup coffee\n15:30 1 cup coffee", True),
        ("14:00 1 cup coffee", True),  # 2 p.m. itself counts
        ("breakfast: 1 cup coffee\nlunch: 1 cup coffee", False),
        ("dinner: 1 cup coffee", True),
        ("1 cup coffee", None),  # neither time nor meal: unknown, not no
        ("08:00 1 cup coffee\n19:00 1 cup decaf coffee", False),  # decaf is under 5 mg
        ("19:00 2 slices toast", False),  # no caffeine at all
    ],
)
def test_caffeine_after_2pm_is_read_from_each_lines_time_or_meal(
    lines: str, after_2pm: bool | None
) -> None:
    assert caffeine_of(lines).after_2pm is after_2pm


def test_the_days_caffeine_is_the_sum_of_its_lines() -> None:
    found = caffeine_of("08:00 1 cup coffee\n15:00 1 cup coffee\n19:00 1 cup decaf coffee")
    assert found.caffeine_mg == pytest.approx(96 + 96 + 2.4, abs=0.5)  # USDA: brewed, decaf
    assert found.factors() == {"caffeine_mg": pytest.approx(194.4, abs=0.5),
                               "caffeine_after_2pm": True}  # fmt: skip


def test_a_typed_factor_wins_over_the_diarys() -> None:
    diary = {
        DAY: DiaryCaffeine(DAY, 200.0, 0, True),
        DAY + dt.timedelta(1): DiaryCaffeine(DAY + dt.timedelta(1), 50.0, 2, None),
    }
    journal = Journal(days=(Day(DAY, {"caffeine_mg": 300, "stress": 4}),))
    assert day_factors(journal, diary) == {
        DAY: {"caffeine_mg": 300, "caffeine_after_2pm": True, "stress": 4},
        DAY + dt.timedelta(1): {"caffeine_mg": 50.0},  # after 2 pm unknown: left out
    }
    assert day_factors(journal) == {DAY: {"caffeine_mg": 300, "stress": 4}}
