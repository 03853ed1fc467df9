"""Fixtures for the report's tests: a store seeded through store/ functions with an empty
person and a full one (a screening with a red flag, 14 days of diary, labs, supplements)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from twitchcheck.store import EntryInput, LabInput, ProfileDetails, Store, open_store
from twitchcheck.store.location import sqlite_url

TODAY = dt.date(2026, 12, 1)
FIRST_DAY = dt.date(2026, 11, 17)  # 14 diary days: 17 to 30 November
ANSWERS = {
    "age": 64,
    "sex": "female",
    "region": "uk",
    "symptoms": ["cramps", "calf_cramps", "night_time"],
    "medications": ["hydrochlorothiazide", "omeprazole"],
    "labs": ["magnesium 0.62 mmol/L"],
}
MEALS = (
    ("08:00", ("porridge with milk", "2 slices toast with butter")),
    ("13:00", ("ham sandwich", "cheese sandwich")),
    ("15:00", ("banana", "apple")),
    ("19:00", ("chicken curry with rice", "spaghetti bolognese")),
    ("20:00", ("cup of tea with milk", "glass of orange juice")),
)


def diary_lines() -> list[EntryInput]:
    """Fourteen days, two alternating menus, each line as the app's pages save it."""
    lines = []
    for offset in range(14):
        day = FIRST_DAY + dt.timedelta(days=offset)
        for clock, choices in MEALS:
            lines.append(
                EntryInput(
                    day=day,
                    text=choices[offset % 2],
                    time=dt.time.fromisoformat(clock),
                    how="typed",
                )
            )
    return lines


LABS = (
    LabInput(dt.date(2026, 11, 10), "magnesium", 0.62, "mmol/L", 0.70, 1.00),
    LabInput(dt.date(2026, 11, 10), "potassium", 3.3, "mmol/L", 3.5, 5.3),
    LabInput(dt.date(2026, 10, 2), "vitamin_d", 38, "nmol/L", range_text="50-125 nmol/L"),
)
SUPPLEMENTS = ("magnesium citrate 200 mg daily", "vitamin D 1000 IU daily")
JOURNAL_FIRST = dt.date(2026, 11, 3)  # 28 nights: 3 to 30 November


def journal_file() -> dict[str, object]:
    """Four weeks in the journal file's format: every fourth night missing (no entry at
    all), an episode on every third of the others, the rest checked in as quiet."""
    episodes: list[dict[str, object]] = []
    days: list[dict[str, object]] = []
    for offset in range(28):
        night = JOURNAL_FIRST + dt.timedelta(days=offset)
        if offset % 4 == 3:
            continue
        if offset % 3 == 0:
            morning = (night + dt.timedelta(days=1)).isoformat()
            kind = ("cramp", "twitch", "restless_legs")[offset % 9 // 3]
            episodes.append(
                {"start": f"{morning}T02:30", "kind": kind, "where": ["left calf"],
                 "count": 2 if kind == "twitch" else 1, "duration_min": 3,
                 "severity": 3 + offset % 5, "sleep_disruption": 2 + offset % 4}
            )  # fmt: skip
        else:
            days.append({"date": night.isoformat(), "quiet_night": True})
    return {"episodes": episodes, "days": days}


def seed_full(store: Store) -> int:
    """A person with every part the report joins; returns their id."""
    from twitchcheck.journal import parse_journal
    from twitchcheck.screen.answers import parse_answers
    from twitchcheck.store.diaries import import_diary
    from twitchcheck.store.journal import import_journal
    from twitchcheck.store.labs import add_lab_results
    from twitchcheck.store.profiles import add_profile
    from twitchcheck.store.results import save_screening
    from twitchcheck.store.supplements import add_supplement
    from twitchcheck.workflows import screen_person

    details = ProfileDetails(
        name="Margaret Hale", age_years=64, sex="female", region="uk", weight_kg=68,
        height_cm=162,
    )  # fmt: skip
    person = add_profile(store, details).id
    result = screen_person(parse_answers(ANSWERS)).to_dict()
    save_screening(store, person, ANSWERS, result)
    import_diary(store, person, diary_lines())
    add_lab_results(store, person, LABS)
    for text in SUPPLEMENTS:
        add_supplement(store, person, text, started_on=dt.date(2026, 9, 1))
    import_journal(store, person, parse_journal(journal_file()))
    return person


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, int, int]]:
    """(store, empty person's id, full person's id), made once per test module."""
    from twitchcheck.store.profiles import add_profile

    folder: Path = tmp_path_factory.mktemp("report")
    store = open_store(sqlite_url(folder / "twitchcheck.sqlite"))
    empty = add_profile(store, ProfileDetails(name="Empty Person")).id
    full = seed_full(store)
    yield store, empty, full
    store.close()


HEAVY_ANSWERS = {
    **ANSWERS,
    "symptoms": ["cramps", "calf_cramps", "night_time", "spreading weakness"],
    "medications": ["furosemide", "hydrochlorothiazide", "spironolactone", "lisinopril",
                    "omeprazole", "metformin", "prednisone", "digoxin", "lithium", "salbutamol"],
    "supplements": ["calcium 500 mg daily", "zinc 15 mg"],
    "labs": ["potassium 2.9 mmol/L", "magnesium 0.5 mmol/L"],
}  # fmt: skip
HEAVY_TESTS = (
    ("magnesium", 0.60, "mmol/L", 0.7, 1.0), ("potassium", 3.2, "mmol/L", 3.5, 5.3),
    ("calcium", 2.2, "mmol/L", 2.2, 2.6), ("albumin", 38, "g/L", 35, 50),
    ("vitamin_d", 40, "nmol/L", 50, 125), ("vitamin_b12", 180, "pmol/L", 150, 700),
    ("homocysteine", 14, "µmol/L", None, None),
)  # fmt: skip


def seed_heavy(store: Store) -> int:
    """A long record: the full person with a later screening naming ten medicines and an
    emergency, seven tests on five dates and more supplements."""
    from twitchcheck.screen.answers import parse_answers
    from twitchcheck.store.labs import add_lab_results
    from twitchcheck.store.profiles import update_profile
    from twitchcheck.store.results import save_screening
    from twitchcheck.store.supplements import add_supplement
    from twitchcheck.workflows import screen_person

    person = seed_full(store)
    update_profile(store, person, ProfileDetails(name="Heavy Record", age_years=64, sex="female"))
    save_screening(
        store, person, HEAVY_ANSWERS, screen_person(parse_answers(HEAVY_ANSWERS)).to_dict()
    )
    labs = [
        LabInput(dt.date(2026, month, 5), name, value, unit, low, high)
        for month in (7, 8, 9, 10, 11)
        for name, value, unit, low, high in HEAVY_TESTS
    ]
    add_lab_results(store, person, labs)
    for text in ("magnesium glycinate 300 mg daily", "fish oil 1000 mg", "B12 1000 mcg daily"):
        add_supplement(store, person, text)
    return person
