"""The food database build is reproducible and the shipped file is what the script builds."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest

from conftest import REPO

sys.path.insert(0, str(REPO / "tools"))
import build_fooddb
from twitchcheck._data import data_path


def content(path: Path) -> list[str]:
    """The schema and every row, as text. A virtual table's rows are left out: its shadow
    tables hold its index (and an FTS5 table without content cannot be scanned, so
    `iterdump` fails on it)."""
    db = sqlite3.connect(path)
    try:
        found = db.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name")
        schema = found.fetchall()
        lines = [f"{kind} {name}: {sql}" for kind, name, sql in schema]
        for kind, name, sql in schema:
            if kind == "table" and not str(sql).startswith("CREATE VIRTUAL TABLE"):
                lines += [f"{name}: {row!r}" for row in db.execute(f'SELECT * FROM "{name}"')]
        return lines
    finally:
        db.close()


@pytest.mark.slow
def test_build_is_deterministic_and_matches_the_shipped_file(tmp_path, shared_data) -> None:
    first, second = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    build_fooddb.main(["--source", str(shared_data), "--out", str(first)])
    build_fooddb.main(["--source", str(shared_data), "--out", str(second)])
    built = content(first)
    assert built == content(second)
    assert built == content(data_path("foods.sqlite")), "shipped foods.sqlite is stale: make fooddb"


def test_shipped_file_is_lean() -> None:
    assert data_path("foods.sqlite").stat().st_size < 20_000_000


def test_ie_plurals_are_indexed_as_their_singular() -> None:
    foods = [
        build_fooddb.Food("sr28:1", "sr28", "1", "Cookies, molasses", "Baked Products"),
        build_fooddb.Food("fndds:2", "fndds", "2", "Cookie, NFS", "Cookies and brownies"),
        build_fooddb.Food("fndds:3", "fndds", "3", "Cherries, raw", "Fruits", note="cherry"),
        build_fooddb.Food("fndds:4", "fndds", "4", "Bloody Mary", "Cocktails", note="Maries"),
    ]
    respell = build_fooddb.ie_plurals(foods)
    assert respell["cooky"] == "cookie"
    assert "cherry" not in respell  # no "cherrie" is written anywhere
    assert "mary" not in respell  # "Mary" is written as such: a word of its own
    assert build_fooddb.segment_terms("Cookies, molasses", respell) == "cookie|molasses"


def test_a_word_most_names_write_as_two_is_indexed_as_two_wherever_written() -> None:
    # "ribeye" in one name, "rib eye" in two: both are indexed as "rib eye", so a query in
    # either spelling meets all three (before, the joined spelling was unreachable).
    foods = [
        build_fooddb.Food("fndds:1", "fndds", "1", "Beef, steak, ribeye", "Beef"),
        build_fooddb.Food("sr28:2", "sr28", "2", "Beef, rib eye, raw", "Beef Products"),
        build_fooddb.Food("sr28:3", "sr28", "3", "Beef, rib eye steak, grilled", "Beef Products"),
        build_fooddb.Food("sr28:4", "sr28", "4", "Cheeseburger", "Fast Foods", note="cheese"),
    ]
    respell = build_fooddb.respellings(foods)
    assert respell["ribeye"] == "rib eye"
    assert "cheeseburger" not in respell  # never written as "cheese burger"
    assert build_fooddb.segment_terms("Beef, steak, ribeye", respell) == "beef|steak|rib eye"


def test_name_tables_read_from_the_names() -> None:
    # "roasted" follows a comma in five generic names and starts none: a qualifier word.
    # "burrito" follows a chain's name five times: a dish named by its chain, not a qualifier.
    roasted = [f"{nut}, roasted" for nut in ("Almonds", "Cashews", "Pecans", "Peanuts", "Corn")]
    foods = [
        build_fooddb.Food(f"sr28:{i}", "sr28", str(i), name, "Nut and Seed Products")
        for i, name in enumerate(roasted)
    ]
    foods += [
        build_fooddb.Food(f"sr28:{i}", "sr28", str(i), f"TACO BELL, Burrito, {i}", "Fast Foods",
                          brand=True)
        for i in range(10, 15)
    ]  # fmt: skip
    foods.append(build_fooddb.Food("fndds:1", "fndds", "1", "Bread, whole-wheat", "Breads"))
    foods.append(build_fooddb.Food("sr28:20", "sr28", "20", "Fish, tuna, light, canned", "Fish"))
    tables = build_fooddb.name_tables(foods)
    # each part after the one before it and after the first: "tuna, light", "fish ... canned"
    assert {("tuna", "light"), ("light", "canned"), ("fish", "canned")} <= set(tables.segments)
    assert ("tuna", "canned") not in tables.segments
    assert {"fish", "bread", "taco bell"} <= set(tables.heads)
    assert tables.qualifiers == ["roasted"]  # "canned" follows a comma once: too few
    assert ("bread", "whole wheat") in tables.pairs
    assert ("taco bell", "burrito") in tables.pairs
    assert tables.chains == ["taco bell"]
    assert "burrito" not in tables.words  # a brand's dish: only generic names' tails count
    assert {"taco", "bell", "bread", "whole", "wheat", "roasted"} <= set(tables.words)
    assert "taco bell burrito" in tables.names
    assert "bread whole wheat" in tables.names
