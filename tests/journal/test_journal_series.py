"""The stored journal as J-stats' History: nights in order, None for a missing night (never
zero), factors as numbers by the day the night began."""

from __future__ import annotations

import datetime as dt

from twitchcheck.journal import Day, Episode, Journal
from twitchcheck.journal.caffeine import DiaryCaffeine
from twitchcheck.journal.series import history_of

D = dt.date(2026, 11, 20)


def day(offset: int) -> dt.date:
    return D + dt.timedelta(days=offset)


def test_nights_in_order_with_missing_nights_as_none() -> None:
    journal = Journal(
        episodes=(
            Episode(dt.datetime(2026, 11, 21, 2, 30), "cramp", count=2),
            Episode(dt.datetime(2026, 11, 21, 4, 0)),  # details to add: still an episode
            Episode(dt.datetime(2026, 11, 22, 15, 0), "twitch"),  # daytime: no night
            Episode(dt.datetime(2026, 11, 23, 19, 0), "restless_legs"),
        ),
        days=(
            Day(D, {"caffeine_mg": 300, "caffeine_after_2pm": True, "exercise": "intense",
                    "took_magnesium": True}),
            Day(day(1), {"stress": 3}),
            Day(day(2), quiet_night=True),
        ),
    )  # fmt: skip
    history = history_of(journal)
    assert history.nights == (D, day(1), day(2), day(3))
    assert history.episodes == (3, None, 0, 1)
    assert history.factors["caffeine_mg"] == (300.0, None, None, None)
    assert history.factors["caffeine_after_2pm"] == (1.0, None, None, None)
    assert history.factors["exercise"] == (3.0, None, None, None)  # intense is level 3
    # not ticked on a day with typed factors: not taken; on a day with none: unknown
    assert history.factors["took_magnesium"] == (1.0, 0.0, None, None)
    assert history.recorded_nights == 3


def test_the_diarys_caffeine_fills_the_days_the_person_typed_none() -> None:
    journal = Journal(
        episodes=(Episode(dt.datetime(2026, 11, 21, 2, 30), "cramp"),),
        days=(Day(D, {"caffeine_mg": 100}), Day(day(1), quiet_night=True)),
    )
    diary = {D: DiaryCaffeine(D, 250.0, 0, False), day(1): DiaryCaffeine(day(1), 80.0, 0, True)}
    history = history_of(journal, diary)
    assert history.factors["caffeine_mg"] == (100.0, 80.0)
    assert history.factors["caffeine_after_2pm"] == (0.0, 1.0)


def test_an_empty_journal_is_an_empty_history() -> None:
    assert history_of(Journal()).nights == ()
