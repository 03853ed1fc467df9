"""The packaged food database holds what USDA published, and says when it does not know."""

from __future__ import annotations

import gzip
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import HANG_BOUND
from twitchcheck.errors import UnknownFoodError
from twitchcheck.foods.database import connect, get_food, normalise_id, releases
from twitchcheck.nutrient_keys import NUTRIENT_KEYS

# (food id, nutrient key, USDA value per 100 g): SR28 and FNDDS figures as published.
USDA_FIGURES = [
    ("sr28:09040", "potassium_mg", 358.0),  # Bananas, raw
    ("sr28:09040", "magnesium_mg", 27.0),
    ("sr28:09040", "energy_kcal", 89.0),
    ("sr28:12061", "magnesium_mg", 270.0),  # Nuts, almonds
    ("sr28:12061", "calcium_mg", 269.0),
    ("sr28:01077", "calcium_mg", 113.0),  # Milk, whole, 3.25%
    ("sr28:01077", "vitamin_b12_ug", 0.45),
    ("sr28:15086", "vitamin_d_ug", 16.7),  # Salmon, sockeye, cooked
    ("sr28:13327", "vitamin_b12_ug", 83.13),  # Beef liver, pan-fried
    ("sr28:14209", "caffeine_mg", 40.0),  # Coffee, brewed
    ("sr28:14037", "alcohol_g", 33.4),  # Distilled spirits, 80 proof
    ("sr28:02047", "sodium_mg", 38758.0),  # Salt, table
    ("fndds:63107010", "potassium_mg", 326.0),  # Banana, raw
    ("fndds:42101000", "magnesium_mg", 258.0),  # Almonds, unroasted
    ("fndds:11111000", "calcium_mg", 123.0),  # Milk, whole
    ("fndds:26137120", "vitamin_d_ug", 13.7),  # Salmon, baked or broiled
    ("fndds:92101000", "caffeine_mg", 40.0),  # Coffee, brewed
]


@pytest.mark.parametrize(("food_id", "key", "expected"), USDA_FIGURES)
def test_values_match_usda(food_id: str, key: str, expected: float) -> None:
    assert get_food(food_id).nutrients[key] == pytest.approx(expected)


def test_release_counts_match_provenance() -> None:
    counts = {r["id"]: r for r in releases()}
    assert counts["sr28"]["foods"] == 8789
    assert counts["sr28"]["nutrient_values"] == 679045
    assert counts["sr28"]["portions"] == 15438
    assert counts["fndds"]["foods"] == 5432
    assert counts["fndds"]["portions"] == 22046
    stored = dict(connect().execute("SELECT source, count(*) FROM food GROUP BY source").fetchall())
    assert stored == {"sr28": 8789, "fndds": 5432}
    (portions,) = connect().execute("SELECT count(*) FROM portion").fetchone()
    assert portions == 15438 + 22046


def test_ids_are_unique_and_name_their_source() -> None:
    rows = connect().execute("SELECT id, source, code FROM food").fetchall()
    assert len({r[0] for r in rows}) == len(rows)
    assert all(food_id == f"{source}:{code}" for food_id, source, code in rows)


def test_unanalysed_nutrient_is_missing_not_zero(shared_data) -> None:
    # Find SR28 foods that have no caffeine row at all in NUT_DATA: they must be NULL.
    with_caffeine = set()
    with gzip.open(shared_data / "usda/sr28/NUT_DATA.txt.gz", "rt", encoding="latin-1") as f:
        for line in f:
            fields = line.split("^")
            if fields[1] == "~262~":
                with_caffeine.add(fields[0].strip("~"))
    assert get_food("sr28:09040").nutrients["caffeine_mg"] is None or "09040" in with_caffeine
    (nulls,) = (
        connect()
        .execute("SELECT count(*) FROM food WHERE source='sr28' AND caffeine_mg IS NULL")
        .fetchone()
    )
    assert nulls == 8789 - len(with_caffeine)


def test_human_milk_is_listed_without_nutrients() -> None:
    food = get_food("fndds:11000000")
    assert food.name == "Milk, human"
    assert all(food.nutrients[k] is None for k in NUTRIENT_KEYS)


def test_every_key_is_a_column() -> None:
    columns = {row[1] for row in connect().execute("PRAGMA table_info(food)")}
    assert set(NUTRIENT_KEYS) <= columns


def test_database_is_read_only() -> None:
    import sqlite3

    with pytest.raises(sqlite3.OperationalError):
        connect().execute("DELETE FROM food")


@pytest.mark.parametrize(
    ("given", "expected"),
    [("sr28:09040", "sr28:09040"), ("09040", "sr28:09040"), ("9040", "sr28:09040"),
     ("63107010", "fndds:63107010"), ("[01077]", "sr28:01077"),
     (" FNDDS:63107010 ", "fndds:63107010")],
)  # fmt: skip
def test_ids_are_accepted_in_every_written_form(given: str, expected: str) -> None:
    assert normalise_id(given) == expected


@pytest.mark.parametrize("bad", ["banana", "sr28:", "12", "usda:09040", "99999"])
def test_bad_ids_are_refused(bad: str) -> None:
    with pytest.raises(UnknownFoodError):
        get_food(bad)


def test_portions_carry_gram_weights() -> None:
    banana = get_food("sr28:09040")
    medium = next(p for p in banana.portions if p.unit.startswith("medium"))
    assert medium.grams == 118.0


@pytest.mark.parametrize(
    "given", ["０９０４０", "\u200b09040", "sr28 : 09040", "[ sr28:09040 ]", "09040\x00", "09040\n"]
)
def test_ids_typed_oddly_are_still_ids(given: str) -> None:
    assert get_food(given).id == "sr28:09040"


@pytest.mark.parametrize(
    "bad", ["٠٩٠٤٠", "09040; DROP TABLE food", "sr28:09040' OR '1'='1", "%", "*", "\udcff",
            "1" * 9, "sr28:" + "9" * 10_000, "[" * 100_000]
)  # fmt: skip
def test_odd_ids_are_unknown_foods_quoted_short(bad: str) -> None:
    start = time.perf_counter()
    with pytest.raises(UnknownFoodError) as caught:
        get_food(bad)
    assert time.perf_counter() - start < HANG_BOUND
    assert len(str(caught.value)) < 250


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=30) | st.from_regex(r"(sr28:|fndds:)?[0-9]{0,10}", fullmatch=True))
def test_any_id_is_a_food_or_an_unknown_food(text: str) -> None:
    try:
        food = get_food(text)
    except UnknownFoodError:
        return
    assert food.id == normalise_id(text)


def test_every_stored_value_is_finite_so_json_stays_strict() -> None:
    db = connect()
    for key in NUTRIENT_KEYS:
        (bad,) = db.execute(
            f"SELECT count(*) FROM food WHERE {key} IS NOT NULL AND NOT ({key} BETWEEN 0 AND 1e12)"
        ).fetchone()
        assert bad == 0, key
    (bad,) = db.execute(
        "SELECT count(*) FROM portion"
        " WHERE NOT (grams BETWEEN 0 AND 1e6 AND amount BETWEEN 0 AND 1e6)"
    ).fetchone()
    assert bad == 0
