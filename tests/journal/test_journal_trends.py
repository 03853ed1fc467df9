"""Weekly trends: episodes per recorded night, missing nights in neither part."""

from __future__ import annotations

import datetime as dt

from twitchcheck.journal import Day, Episode, Journal
from twitchcheck.journal.trends import weekly

T = dt.datetime


def test_a_week_counts_recorded_nights_and_leaves_missing_ones_out_of_the_rate() -> None:
    journal = Journal(
        episodes=(
            Episode(T(2026, 11, 17, 2, 0), "cramp", count=2, severity=6, sleep_disruption=5),
            Episode(T(2026, 11, 18, 3, 0), "cramp", severity=8),
            Episode(T(2026, 11, 18, 4, 0)),  # details to add
            Episode(T(2026, 11, 19, 14, 0), "twitch"),  # daytime
            Episode(T(2026, 11, 24, 1, 0), "restless_legs"),  # the next week (night of 23rd)
        ),
        days=(Day(dt.date(2026, 11, 19), quiet_night=True),),
    )
    first, second = weekly(journal)
    assert first.start == dt.date(2026, 11, 16)  # Monday
    # nights 16 (2 cramps) and 17 (2 episodes) recorded, 18 missing, 19 quiet, 20-22 missing
    assert (first.nights_recorded, first.nights_missing, first.episodes) == (3, 4, 4)
    assert first.rate == 4 / 3
    assert first.by_kind == {"cramp": 3, "details_to_add": 1}
    assert (first.severity_mean, first.severity_max, first.sleep_disruption_mean) == (7, 8, 5)
    assert first.daytime_episodes == 1
    assert second.to_dict()["week"] == "2026-11-23"
    assert second.to_dict()["episodes_per_night"] == 1.0


def test_a_week_of_nothing_but_gaps_has_no_rate() -> None:
    journal = Journal(
        episodes=(Episode(T(2026, 11, 3, 2, 0), "cramp"), Episode(T(2026, 11, 18, 2, 0), "cramp"))
    )
    weeks = weekly(journal)
    assert [w.start.day for w in weeks] == [2, 9, 16]
    assert weeks[1].rate is None
    assert weeks[1].to_dict()["episodes_per_night"] is None
    assert weekly(Journal()) == []
