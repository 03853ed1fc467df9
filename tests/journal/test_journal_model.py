"""The journal's values: the night convention, missing is never zero, factor levels and
bounds from data/journal.toml, and episodes whose details wait for the morning."""

from __future__ import annotations

import datetime as dt

import pytest

from twitchcheck.journal import (
    Day,
    Episode,
    Journal,
    JournalError,
    check_factor,
    factor_number,
    night_of,
    nights,
    rules,
    taken_factor,
)

T = dt.datetime


@pytest.mark.parametrize(
    ("start", "night"),
    [
        (T(2026, 11, 21, 2, 30), dt.date(2026, 11, 20)),  # DESIGN.md's own example
        (T(2026, 11, 20, 18, 0), dt.date(2026, 11, 20)),  # the night starts at 18:00
        (T(2026, 11, 20, 23, 59), dt.date(2026, 11, 20)),
        (T(2026, 11, 21, 0, 0), dt.date(2026, 11, 20)),
        (T(2026, 11, 21, 11, 59), dt.date(2026, 11, 20)),
        (T(2026, 11, 21, 12, 0), None),  # the night has ended: daytime
        (T(2026, 11, 21, 17, 59), None),
        (T(2027, 1, 1, 3, 0), dt.date(2026, 12, 31)),  # across a year
        (T(2028, 3, 1, 1, 0), dt.date(2028, 2, 29)),  # a leap day
    ],
)
def test_a_night_runs_from_six_pm_to_noon_named_by_the_date_it_began(
    start: dt.datetime, night: dt.date | None
) -> None:
    assert night_of(start) == night
    assert Episode(start).night == night


def test_a_night_with_neither_episode_nor_check_in_is_missing_not_zero() -> None:
    cramps, later = Episode(T(2026, 11, 21, 2, 30), "cramp", count=2), Episode(T(2026, 11, 21, 4))
    quiet, stressed = (
        Day(dt.date(2026, 11, 23), quiet_night=True),
        Day(dt.date(2026, 11, 22), {"stress": 3}),
    )
    journal = Journal(episodes=(cramps, later), days=(quiet, stressed))
    found = [(n.date.day, n.state, n.count) for n in nights(journal)]
    # the 22nd has factors but no check-in: its night is still missing
    assert found == [(20, "episodes", 3), (21, "missing", None), (22, "missing", None),
                     (23, "quiet", 0)]  # fmt: skip


def test_no_record_no_nights() -> None:
    assert nights(Journal()) == []
    assert nights(Journal((Episode(T(2026, 11, 21, 14, 0)),))) == []  # a daytime one only


def test_an_episode_recorded_in_one_tap_waits_for_its_details() -> None:
    episode = Episode(T(2026, 11, 21, 3, 0))
    assert episode.needs_details
    assert not Episode(T(2026, 11, 21, 3, 0), "twitch").needs_details


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"kind": "spasm"}, "twitch, cramp, restless_legs"),
        ({"severity": 11}, "severity is 11; give a whole number from 0 to 10"),
        ({"severity": 2.5}, "whole number"),
        ({"sleep_disruption": -1}, "sleep_disruption"),
        ({"count": 0}, "count is 0"),
        ({"count": True}, "count is True"),
        ({"duration_min": -3}, "duration_min"),
        ({"duration_min": float("nan")}, "duration_min"),
        ({"duration_min": 1e9}, "from 0 to 1440"),
        ({"where": ("",)}, "1 to 100 characters"),
        ({"where": ("calf\x1b[2J",)}, "control character"),
        ({"where": ("calf",) * 21}, "at most 20"),
    ],
)
def test_an_impossible_episode_names_the_field_and_what_is_accepted(
    fields: dict[str, object], message: str
) -> None:
    with pytest.raises(JournalError, match=message.replace("[", r"\[").replace("(", r"\(")):
        Episode(T(2026, 11, 21, 3, 0), **fields)  # type: ignore[arg-type]


def test_an_episode_needs_a_local_time_in_a_real_year() -> None:
    with pytest.raises(JournalError, match="without a zone"):
        Episode(T(2026, 11, 21, 3, 0, tzinfo=dt.UTC))
    with pytest.raises(JournalError, match="from 1900 to 2200"):
        Episode(T(1066, 10, 14, 3, 0))


@pytest.mark.parametrize(
    ("name", "value", "kept", "number"),
    [
        ("caffeine_mg", 300, 300.0, 300.0),
        ("caffeine_after_2pm", True, True, 1.0),
        ("caffeine_after_2pm", False, False, 0.0),
        ("exercise", "none", "none", 0.0),
        ("exercise", "intense", "intense", 3.0),
        ("stress", 7, 7.0, 7.0),
        ("fluids_l", 1.2, 1.2, 1.2),
        ("took_magnesium", True, True, 1.0),  # a factor the project does not know: yes/no
        ("steps_k", 8.5, 8.5, 8.5),  # ... or a number
    ],
)
def test_a_factor_keeps_its_value_and_gives_the_analysis_a_number(
    name: str, value: object, kept: object, number: float
) -> None:
    assert check_factor(name, value) == kept
    assert factor_number(name, check_factor(name, value)) == number


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("caffeine_mg", -5, "from 0 to 5000"),
        ("caffeine_mg", 90_000, "from 0 to 5000"),
        ("caffeine_mg", "lots", "give a number"),
        ("caffeine_after_2pm", 1, "give true or false"),
        ("exercise", "extreme", "none, light, moderate, intense"),
        ("stress", 11, "from 0 to 10"),
        ("sleep_hours", 25, "from 0 to 24"),
        ("sleep_hours", float("inf"), "finite"),
        ("steps_k", "many", "give a number"),
        ("steps_k", 1e30, "too large"),
        ("Caffeine MG", 3, "cannot name a factor"),
        ("x" * 61, 3, "cannot name a factor"),
    ],
)
def test_a_bad_factor_is_refused_naming_what_is_accepted(
    name: str, value: object, message: str
) -> None:
    with pytest.raises(JournalError, match=message):
        check_factor(name, value)


def test_a_medicine_or_supplement_taken_is_a_yes_no_factor_of_its_own_name() -> None:
    assert taken_factor("Magnesium citrate") == "took_magnesium_citrate"
    assert taken_factor(" ibuprofen ") == "took_ibuprofen"
    with pytest.raises(JournalError, match="does not name"):
        taken_factor("!!")


def test_a_journal_refuses_a_day_twice_and_a_quiet_night_with_an_episode() -> None:
    day = dt.date(2026, 11, 20)
    with pytest.raises(JournalError, match="2026-11-20 is given twice"):
        Journal(days=(Day(day), Day(day)))
    with pytest.raises(JournalError, match="checked in as quiet but has an episode at"):
        Journal((Episode(T(2026, 11, 21, 2, 0)),), (Day(day, quiet_night=True),))


def test_every_kind_is_told_apart_in_plain_words_with_its_sources() -> None:
    kinds = rules().kinds
    assert set(kinds) == {"twitch", "cramp", "restless_legs"}
    assert "painless" in kinds["twitch"].plain
    assert "painful" in kinds["cramp"].plain
    assert "urge to move" in kinds["restless_legs"].plain
    for kind in kinds.values():
        assert kind.sources
        assert all(s in rules().sources for s in kind.sources)
    assert "Swiss Med Wkly 149:w20048" in rules().sources["sebo"]
