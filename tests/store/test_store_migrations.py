"""The packaged migrations: upgrade, downgrade and check on both backends, and a store made
by the first revision keeps every record through every later one."""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path

from sqlalchemy import inspect, text

from conftest import place_store
from twitchcheck.store import (
    Store,
    diaries,
    labs,
    open_store,
    own_foods,
    profiles,
    results,
    supplements,
)
from twitchcheck.store.engine import create_store_engine
from twitchcheck.store.location import sqlite_url
from twitchcheck.store.migrate import check, current, downgrade, head, upgrade
from twitchcheck.store.models import Base

FIRST = "0001"


def test_upgrade_downgrade_and_check(url: str) -> None:
    engine = create_store_engine(url)
    try:
        upgrade(engine)
        assert current(engine) == head()
        check(engine)  # raises if the models and the migrations disagree
        assert set(Base.metadata.tables) <= set(inspect(engine).get_table_names())
        downgrade(engine, "base")
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
        upgrade(engine)
        check(engine)
    finally:
        engine.dispose()


def test_upgrading_twice_changes_nothing(url: str) -> None:
    open_store(url).close()
    store = open_store(url)
    assert current(store.engine) == head()
    store.close()


# Rows as the first revision's tables hold them, written in plain SQL so that the test keeps
# meaning what it says when the models move on.
FIRST_ROWS = [
    "INSERT INTO profiles (id, name, age_years, birth_year, sex, pregnant, lactating, weight_kg,"
    " height_cm, region, created_at, updated_at) VALUES (1, 'Ann', 42, NULL, 'female', false,"
    " true, 60.5, 165, 'uk', '2026-01-02 03:04:05', '2026-01-02 03:04:05')",
    "INSERT INTO screenings (id, profile_id, answers, result, created_at) VALUES"
    ' (1, 1, \'{"age": 42}\', \'{"triage": {"level": "self-care"}}\', \'2026-01-02 03:04:05\')',
    "INSERT INTO diary_days (id, profile_id, day) VALUES (1, 1, '2026-11-20')",
    "INSERT INTO diary_entries (id, day_id, position, time, meal, text, food_id, grams, how,"
    " updated_at) VALUES (1, 1, 0, '08:30:00', 'breakfast', '40 g oats', 'sr28:08120', 40,"
    " 'typed', '2026-01-02 03:04:05')",
    "INSERT INTO lab_results (id, profile_id, taken_on, analyte, value, unit, range_low,"
    " range_high, range_text) VALUES (1, 1, '2026-11-01', 'Mg', 0.62, 'mmol/L', 0.7, 1.0,"
    " '0.70-1.00')",
    "INSERT INTO supplements (id, profile_id, text, started_on, stopped_on) VALUES"
    " (1, 1, 'magnesium citrate 200 mg', '2026-10-01', NULL)",
    "INSERT INTO plans (id, profile_id, request, result, created_at) VALUES"
    " (1, 1, '{\"gaps\": [\"magnesium_mg\"]}', '{\"items\": []}', '2026-01-02 03:04:05')",
    "INSERT INTO own_foods (id, profile_id, name, key, lines) VALUES"
    " (1, 1, 'My porridge', 'my porridge', '[\"40 g oats\", \"250 ml oat milk\"]')",
    "INSERT INTO corrections (id, profile_id, wording, food_id, created_at) VALUES"
    " (1, 1, 'mum''s stew', 'fndds:27211200', '2026-01-02 03:04:05')",
]


def test_a_store_of_the_first_revision_upgrades_and_keeps_every_record(url: str) -> None:
    engine = create_store_engine(url)
    upgrade(engine, FIRST)
    first_tables = set(inspect(engine).get_table_names()) - {"alembic_version"}
    with engine.begin() as connection:
        for statement in FIRST_ROWS:
            connection.execute(text(statement))
    engine.dispose()

    store = open_store(url)  # upgrades to head
    try:
        assert current(store.engine) == head()
        ann = profiles.get_profile(store, 1)
        assert (ann.name, ann.lactating, ann.weight_kg, ann.region) == ("Ann", True, 60.5, "uk")
        assert ann.created_at == dt.datetime(2026, 1, 2, 3, 4, 5)
        [screening] = results.screenings(store, 1)
        assert screening.result == {"triage": {"level": "self-care"}}
        [day] = diaries.diary(store, 1)
        [line] = day.entries
        assert (day.day, line.time, line.meal, line.text, line.food_id, line.grams) == (
            dt.date(2026, 11, 20), dt.time(8, 30), "breakfast", "40 g oats", "sr28:08120", 40.0
        )  # fmt: skip
        [lab] = labs.lab_results(store, 1)
        assert (lab.value, lab.range_low, lab.range_text) == (0.62, 0.7, "0.70-1.00")
        assert [s.text for s in supplements.supplements(store, 1)] == ["magnesium citrate 200 mg"]
        assert [p.request for p in results.plans(store, 1)] == [{"gaps": ["magnesium_mg"]}]
        porridge = own_foods.own_food(store, 1, "my porridge")
        assert porridge is not None
        assert porridge.lines == ["40 g oats", "250 ml oat milk"]
        assert own_foods.correction_for(store, 1, "Mum's stew") == "fndds:27211200"
        with store.read() as session:
            counts = {
                table: session.scalar(text(f"SELECT count(*) FROM {table}"))
                for table in Base.metadata.tables
            }
        # every record of the first revision kept; the tables later revisions add start empty
        assert counts == {table: int(table in first_tables) for table in Base.metadata.tables}
        assert first_tables < set(Base.metadata.tables)
    finally:
        store.close()


def test_the_tests_copy_of_a_migrated_store_is_a_fresh_store(
    migrated_store: Path, tmp_path: Path
) -> None:
    """conftest.place_store (tests start on copies of one migrated file): the copy is at the
    head revision, matches the models, holds what a new store holds and is as private."""
    fresh = open_store(sqlite_url(tmp_path / "fresh" / "twitchcheck.sqlite"))
    path = place_store(migrated_store, tmp_path / "copy" / "twitchcheck.sqlite")
    copy = open_store(sqlite_url(path))
    try:
        assert current(copy.engine) == head()
        check(copy.engine)
        assert _contents(copy) == _contents(fresh)
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    finally:
        copy.close()
        fresh.close()


def _contents(store: Store) -> dict[str, list[tuple[object, ...]]]:
    with store.engine.connect() as connection:
        names = inspect(connection).get_table_names()
        return {name: [tuple(row) for row in connection.execute(text(f'SELECT * FROM "{name}"'))]
                for name in names}  # fmt: skip
