"""The packaged USDA food database: opening it and reading foods and portions.

The file is built by ``tools/build_fooddb.py`` and opened read-only (and
immutable, so SQLite takes no locks); one connection serves the process.
"""

from __future__ import annotations

import functools
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from twitchcheck._data import data_path
from twitchcheck.errors import DataError, UnknownFoodError
from twitchcheck.nutrient_keys import NUTRIENT_KEYS
from twitchcheck.text import clean, clip

SOURCES = {"sr28": "USDA SR28", "fndds": "USDA FNDDS 2021-2023"}
SCHEMA_VERSION = "7"  # must match tools/build_fooddb.py


@dataclass(frozen=True, slots=True)
class Portion:
    """A household measure of a food: `amount` × `unit` weighs `grams`."""

    amount: float
    unit: str
    grams: float

    @property
    def description(self) -> str:
        amount = f"{self.amount:g}"
        return self.unit if self.unit == "Quantity not specified" else f"{amount} {self.unit}"

    def to_dict(self) -> dict[str, object]:
        return {"amount": self.amount, "unit": self.unit, "grams": self.grams}


@dataclass(frozen=True, slots=True)
class Food:
    """One food with its nutrients per 100 g (None where USDA has no value)."""

    id: str
    source: str
    code: str
    name: str
    group: str
    note: str
    nutrients: dict[str, float | None] = field(hash=False)
    portions: tuple[Portion, ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "source": SOURCES[self.source],
            "name": self.name,
            "group": self.group,
            "note": self.note,
            "nutrients_per_100g": self.nutrients,
            "portions": [p.to_dict() for p in self.portions],
        }


@functools.cache
def connect(path: Path | None = None) -> sqlite3.Connection:
    """The read-only connection to the food database (cached per path)."""
    path = path or data_path("foods.sqlite")
    if not path.is_file():
        raise DataError(f"food database not found at {path}; run `make fooddb` to build it")
    db = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
    try:
        (version,) = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except sqlite3.DatabaseError as error:
        raise DataError(f"food database at {path} is unreadable ({error}); rebuild it") from error
    if version != SCHEMA_VERSION:
        raise DataError(f"food database schema {version} is not supported; rebuild it")
    return db


_ID = re.compile(r"(?:(sr28|fndds)\s*:\s*)?([0-9]{4,8})", re.ASCII)


def normalise_id(food_id: str) -> str:
    """Accept "sr28:09040", "09040" (5 digits = SR28) or "63107010" (8 digits = FNDDS).

    Read as typed (full-width digits and invisible characters allowed for); anything else,
    however long, is an `UnknownFoodError` quoting it shortened.
    """
    text = clean(food_id[:200]).lower().strip("[] ")
    match = _ID.fullmatch(text) if len(food_id) <= 200 else None
    if not match:
        raise UnknownFoodError(clip(food_id, 80), ["ids look like sr28:09040 or fndds:63107010"])
    source, code = match.groups()
    if source is None:
        source = "fndds" if len(code) == 8 else "sr28"
        code = code.zfill(5) if source == "sr28" else code
    return f"{source}:{code}"


_FOOD_COLUMNS = "rowid, id, source, code, name, food_group, note, " + ", ".join(NUTRIENT_KEYS)


def get_food(food_id: str) -> Food:
    """The food with id `food_id`, its nutrients and its portions."""
    db = connect()
    key = normalise_id(food_id)
    row = db.execute(f"SELECT {_FOOD_COLUMNS} FROM food WHERE id = ?", (key,)).fetchone()
    if row is None:
        raise UnknownFoodError(clip(food_id, 80), [])
    return _food(db, row)


def get_foods(rowids: list[int]) -> list[Food]:
    """Foods by internal row id, in the order given (used by search)."""
    return [food_at(rowid) for rowid in rowids]


@functools.lru_cache(maxsize=4096)
def food_at(rowid: int) -> Food:
    """The food stored at `rowid` (cached: foods never change while we run)."""
    db = connect()
    row = db.execute(f"SELECT {_FOOD_COLUMNS} FROM food WHERE rowid = ?", (rowid,)).fetchone()
    if row is None:
        raise UnknownFoodError(f"row {rowid}", [])
    return _food(db, row)


@functools.lru_cache(maxsize=4096)
def is_brand(rowid: int) -> bool:
    """Whether the food at `rowid` is a brand's product (SR28 "CAMPBELL'S ...")."""
    row = connect().execute("SELECT brand FROM food WHERE rowid = ?", (rowid,)).fetchone()
    return bool(row and row[0])


# FNDDS food codes start with their major group (2 meat, poultry and fish; 6 fruit; 7
# vegetables: FNDDS food coding scheme); SR28 names the group
_FNDDS_KINDS = {"2": "meat", "6": "fruit", "7": "vegetable"}
_SR28_KINDS = {
    "Beef Products": "meat",
    "Pork Products": "meat",
    "Poultry Products": "meat",
    "Lamb, Veal, and Game Products": "meat",
    "Finfish and Shellfish Products": "meat",
    "Sausages and Luncheon Meats": "meat",
    "Fruits and Fruit Juices": "fruit",
    "Vegetables and Vegetable Products": "vegetable",
}


def food_kind(food: Food) -> str | None:
    """The word USDA's mixed dishes use for `food`'s kind: "meat" (with poultry and fish),
    "fruit" or "vegetable"; None for any other food."""
    if food.source == "fndds":
        return _FNDDS_KINDS.get(food.code[:1])
    return _SR28_KINDS.get(food.group)


def _food(db: sqlite3.Connection, row: tuple[object, ...]) -> Food:
    rowid, food_id, source, code, name, group, note, *values = row
    portions = tuple(
        Portion(amount, unit, grams)
        for amount, unit, grams in db.execute(
            "SELECT amount, unit, grams FROM portion WHERE food = ? ORDER BY seq", (rowid,)
        )
    )
    return Food(
        id=str(food_id),
        source=str(source),
        code=str(code),
        name=str(name),
        group=str(group),
        note=str(note),
        nutrients=dict(zip(NUTRIENT_KEYS, values, strict=True)),  # type: ignore[arg-type]
        portions=portions,
    )


def releases() -> list[dict[str, object]]:
    """Each USDA release in the database with its citation and row counts."""
    db = connect()
    cursor = db.execute(
        "SELECT id, title, version, citation, foods, nutrient_values, portions FROM release"
    )
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]
