"""Build twitchcheck's packaged food database from two USDA releases.

    python tools/build_fooddb.py --source ../shared/data --out src/twitchcheck/data/foods.sqlite

Inputs (public domain, see each folder's PROVENANCE.md):
  usda/sr28/      SR28 ASCII release: FOOD_DES, FD_GROUP, NUT_DATA.txt.gz, WEIGHT
  fndds/derived_csv/  FNDDS 2021-2023 "At A Glance" tables exported cell for cell to CSV

The output keeps, for every food of both releases, its description, group,
the nutrients twitchcheck uses (per 100 g; NULL where USDA has no value),
every household portion, for search, each index token's posting lists
(`postings`) and, for `twitchcheck.foods.qualifiers`, the tables read from the
names (`name_tables`). The build is deterministic: rows go in sorted order and nothing
time-dependent is written, so two builds from the same inputs have the same content.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import itertools
import re
import sqlite3
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from twitchcheck.foods.search import (
    PROFILE_COLUMNS,
    PROFILE_SCHEMA,
    WORDS_KEY,
    encoded,
    indexed_note,
    words_hash,
    write_profiles,
)
from twitchcheck.nutrient_keys import NUTRIENT_KEYS
from twitchcheck.text import singular, terms, words

SCHEMA_VERSION = "7"

# SR28 Nutr_No -> our key. Vitamin D uses 328 (µg D2+D3); 324 (IU) fills in
# where 328 is absent, converted at 40 IU per µg (IOM).
SR28_NUTRIENTS = {
    "208": "energy_kcal",
    "203": "protein_g",
    "204": "fat_g",
    "205": "carbohydrate_g",
    "291": "fiber_g",
    "269": "sugars_g",
    "304": "magnesium_mg",
    "301": "calcium_mg",
    "328": "vitamin_d_ug",
    "306": "potassium_mg",
    "418": "vitamin_b12_ug",
    "307": "sodium_mg",
    "305": "phosphorus_mg",
    "309": "zinc_mg",
    "303": "iron_mg",
    "415": "vitamin_b6_mg",
    "435": "folate_dfe_ug",
    "401": "vitamin_c_mg",
    "262": "caffeine_mg",
    "221": "alcohol_g",
    "255": "water_g",
}
SR28_VITAMIN_D_IU = "324"
IU_PER_UG_VITAMIN_D = 40.0

# FNDDS column header -> our key.
FNDDS_NUTRIENTS = {
    "Energy (kcal)": "energy_kcal",
    "Protein (g)": "protein_g",
    "Total Fat (g)": "fat_g",
    "Carbohydrate (g)": "carbohydrate_g",
    "Fiber, total dietary (g)": "fiber_g",
    "Sugars, total (g)": "sugars_g",
    "Magnesium (mg)": "magnesium_mg",
    "Calcium (mg)": "calcium_mg",
    "Vitamin D (D2 + D3) (mcg)": "vitamin_d_ug",
    "Potassium (mg)": "potassium_mg",
    "Vitamin B-12 (mcg)": "vitamin_b12_ug",
    "Sodium (mg)": "sodium_mg",
    "Phosphorus (mg)": "phosphorus_mg",
    "Zinc (mg)": "zinc_mg",
    "Iron (mg)": "iron_mg",
    "Vitamin B-6 (mg)": "vitamin_b6_mg",
    "Folate, DFE (mcg_DFE)": "folate_dfe_ug",
    "Vitamin C (mg)": "vitamin_c_mg",
    "Caffeine (mg)": "caffeine_mg",
    "Alcohol (g)": "alcohol_g",
    "Water (g)": "water_g",
}

SR28_CITATION = (
    "US Department of Agriculture, Agricultural Research Service, Nutrient Data Laboratory. "
    "USDA National Nutrient Database for Standard Reference, Release 28. "
    "Version Current: September 2015."
)
FNDDS_CITATION = (
    "U.S. Department of Agriculture, Agricultural Research Service, Food Surveys Research "
    "Group. USDA Food and Nutrient Database for Dietary Studies 2021-2023."
)


@dataclass
class Food:
    id: str
    source: str
    code: str
    name: str
    group: str
    note: str = ""
    brand: bool = False
    nutrients: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Portion:
    food_id: str
    seq: int
    amount: float
    unit: str
    grams: float


def _sized_item(portion: Portion) -> Portion:
    """SR28's "6 inch sub" (amount 6) is one sandwich six inches long, not six of an inch-long
    one: its amount is the item's size, so it becomes 1 "sandwich (6 inch sub)"."""
    if portion.unit.startswith("inch ") and portion.amount > 1:
        return replace(portion, amount=1.0, unit=f"sandwich ({portion.amount:g} {portion.unit})")
    return portion


@dataclass
class Release:
    id: str
    title: str
    version: str
    citation: str
    files: dict[str, str]
    foods: list[Food]
    portions: list[Portion]
    nutrient_values: int


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sr28_records(path: Path) -> Iterator[list[str]]:
    """Fields of each record of an SR28 caret/tilde file (latin-1, CRLF)."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="latin-1", newline="") as handle:
        for line in handle:
            line = line.rstrip("\r\n")
            if line:
                yield [f.strip("~") for f in line.split("^")]


def read_sr28(folder: Path) -> Release:
    groups = dict(sr28_records(folder / "FD_GROUP.txt"))
    foods: dict[str, Food] = {}
    for rec in sr28_records(folder / "FOOD_DES.txt"):
        code, group, long_desc, common, maker = rec[0], rec[1], rec[2], rec[4], rec[5]
        foods[code] = Food(
            id=f"sr28:{code}",
            source="sr28",
            code=code,
            name=long_desc,
            group=groups[group],
            note=common,
            brand=bool(maker) or _has_brand(long_desc),
        )
    values = 0
    vitamin_d_iu: dict[str, float] = {}
    for rec in sr28_records(folder / "NUT_DATA.txt.gz"):
        values += 1
        code, number, value = rec[0], rec[1], float(rec[2])
        if number in SR28_NUTRIENTS:
            foods[code].nutrients[SR28_NUTRIENTS[number]] = value
        elif number == SR28_VITAMIN_D_IU:
            vitamin_d_iu[code] = value
    for code, iu in vitamin_d_iu.items():
        foods[code].nutrients.setdefault("vitamin_d_ug", round(iu / IU_PER_UG_VITAMIN_D, 3))
    portions = [
        _sized_item(Portion(f"sr28:{r[0]}", int(r[1]), float(r[2]), r[3], float(r[4])))
        for r in sr28_records(folder / "WEIGHT.txt")
    ]
    names = ("FOOD_DES.txt", "FD_GROUP.txt", "NUT_DATA.txt.gz", "WEIGHT.txt")
    return Release(
        id="sr28",
        title="USDA National Nutrient Database for Standard Reference, Release 28",
        version="September 2015",
        citation=SR28_CITATION,
        files={n: sha256(folder / n) for n in names},
        foods=sorted(foods.values(), key=lambda f: f.code),
        portions=sorted(portions, key=lambda p: (p.food_id, p.seq)),
        nutrient_values=values,
    )


def _has_brand(name: str) -> bool:
    """SR28 writes brand names in capitals (e.g. "Candies, ALMOND JOY Candy Bar")."""
    return any(len(w) > 2 and w.isupper() and w.isalpha() for w in re.split(r"[\s,()]+", name))


def csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


_LEADING_AMOUNT = re.compile(r"^(\d+(?:\.\d+)?(?:/\d+)?)\s+(.*)$")


def split_fndds_portion(description: str) -> tuple[float, str]:
    """ "1 cup" -> (1, "cup"); "1/2 cup" -> (0.5, "cup"); "Quantity not specified" -> (1, ...)."""
    match = _LEADING_AMOUNT.match(description.strip())
    if not match:
        return 1.0, description.strip()
    number, unit = match.groups()
    if "/" in number:
        top, bottom = number.split("/")
        return float(top) / float(bottom), unit
    return float(number), unit


def read_fndds(folder: Path) -> Release:
    csv_dir = folder / "derived_csv"
    names = {
        "foods": "fndds_2021_2023_foods_beverages.csv",
        "nutrients": "fndds_2021_2023_nutrient_values.csv",
        "portions": "fndds_2021_2023_portions_weights.csv",
    }
    foods: dict[str, Food] = {}
    for row in csv_rows(csv_dir / names["foods"]):
        code = row["Food code"]
        foods[code] = Food(
            id=f"fndds:{code}",
            source="fndds",
            code=code,
            name=row["Main food description"],
            group=row["WWEIA Category description"],
            note=row["Additional food description"],
        )
    nutrient_rows = csv_rows(csv_dir / names["nutrients"])
    value_columns = len(nutrient_rows[0]) - 4  # four id columns, then the values
    for row in nutrient_rows:
        food = foods[row["Food code"]]
        food.nutrients = {key: float(row[col]) for col, key in FNDDS_NUTRIENTS.items()}
    portions = []
    for row in csv_rows(csv_dir / names["portions"]):
        amount, unit = split_fndds_portion(row["Portion description"])
        portions.append(
            Portion(
                f"fndds:{row['Food code']}",
                int(row["Seq num"]),
                amount,
                unit,
                float(row["Portion weight (g)"]),
            )
        )
    return Release(
        id="fndds",
        title="USDA Food and Nutrient Database for Dietary Studies 2021-2023",
        version="2021-2023",
        citation=FNDDS_CITATION,
        files={n: sha256(csv_dir / n) for n in names.values()},
        foods=sorted(foods.values(), key=lambda f: f.code),
        portions=sorted(portions, key=lambda p: (p.food_id, p.seq)),
        nutrient_values=len(nutrient_rows) * value_columns,
    )


def schema() -> str:
    nutrient_columns = ",\n    ".join(f"{key} REAL" for key in NUTRIENT_KEYS)
    return f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE release (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, version TEXT NOT NULL, citation TEXT NOT NULL,
    foods INTEGER NOT NULL, nutrient_values INTEGER NOT NULL, portions INTEGER NOT NULL,
    files TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE food (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL REFERENCES release(id),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    food_group TEXT NOT NULL,
    note TEXT NOT NULL,
    brand INTEGER NOT NULL,
    terms TEXT NOT NULL,
    {nutrient_columns}
);
CREATE TABLE portion (
    food INTEGER NOT NULL REFERENCES food(rowid),
    seq INTEGER NOT NULL,
    amount REAL NOT NULL,
    unit TEXT NOT NULL,
    grams REAL NOT NULL,
    PRIMARY KEY (food, seq)
) WITHOUT ROWID;
CREATE TABLE posting (
    term TEXT NOT NULL, part TEXT NOT NULL, foods BLOB NOT NULL, PRIMARY KEY (term, part)
) WITHOUT ROWID;
CREATE TABLE respelling (term TEXT PRIMARY KEY, words TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE qualifier_word (word TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE name_pair (head TEXT, second TEXT, PRIMARY KEY (head, second)) WITHOUT ROWID;
CREATE TABLE segment_pair (
    earlier TEXT, later TEXT, PRIMARY KEY (earlier, later)
) WITHOUT ROWID;
CREATE TABLE name_head (head TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE name_word (word TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE chain (name TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE VIRTUAL TABLE name_fts USING fts5(
    words, content='', columnsize=0, tokenize='ascii'
);
{PROFILE_SCHEMA}"""


def index_terms(text: str, respell: dict[str, str] | None = None) -> list[str]:
    """`text.terms`, with the plurals it folds wrongly put right (`ie_plurals`)."""
    found = terms(text)
    return [respell.get(t, t) for t in found] if respell else found


def segment_terms(name: str, respell: dict[str, str] | None = None) -> str:
    """Normalised terms of a food name, segment by segment ("nut almond|dry roasted")."""
    return "|".join(" ".join(index_terms(segment, respell)) for segment in name.split(","))


def head_terms(name: str, respell: dict[str, str] | None = None) -> str:
    """Terms of the first two segments ("Nuts, almonds, ..." -> "nut almond"): where a
    food's own name stands, so search can try these foods first."""
    return " ".join(index_terms(",".join(name.split(",")[:2]), respell))


def ie_plurals(foods: list[Food]) -> dict[str, str]:
    """Plurals of "-ie" words that folding to the singular makes "-y" ("Cookies" -> "cooky",
    "Smoothies" -> "smoothy"), so that they index as the singular the other release writes
    ("Cookie"): a "-y" term that is never written as such, whose "-ie" form is a term too."""
    written: set[str] = set()
    folded: set[str] = set()
    for food in foods:
        for text in (food.name, food.note):
            found = [w.replace("'", "") for w in words(text)]
            written.update(found)
            folded.update(singular(w) for w in found)
    return {
        term: term[:-1] + "ie"
        for term in sorted(folded)
        if term.endswith("y") and term[:-1] + "ie" in folded and term not in written
    }


def respellings(foods: list[Food]) -> dict[str, str]:
    """The words the index and search read for a written word: the "-ie" plurals
    (`ie_plurals`) and `compounds`, applied alike to food names, notes and queries, so that
    "ribeye" (FNDDS) and "rib eye" (SR28) meet whichever is typed."""
    plurals = ie_plurals(foods)
    return {**compounds(foods, plurals), **split_synonyms(), **plurals}


def split_synonyms() -> dict[str, str]:
    """search.toml's synonyms that only split one word in two ("soymilk" = "soy milk"): the
    index reads the names so too, or a query's split word would never meet a name's whole
    one (SR28's "Soymilk, ... with added calcium" had been out of reach of "soy milk")."""
    from twitchcheck._data import raw_data

    synonyms = raw_data("search.toml")["synonyms"]
    return {
        word: str(split)
        for word, split in synonyms.items()
        if " " not in word and str(split).replace(" ", "") == word
    }


def compounds(foods: list[Food], respell: dict[str, str] | None = None) -> dict[str, str]:
    """Words that more food names write as two adjacent words than as one ("meatloaf": 4
    foods, "meat loaf": 13), read as the two words. Both parts are words of two letters or
    more; numbers are never joined ("14" is not "1 4")."""
    documents: dict[str, int] = {}
    pairs: dict[tuple[str, str], int] = {}
    for food in foods:
        for term in {*index_terms(food.name, respell), *index_terms(food.note, respell)}:
            documents[term] = documents.get(term, 0) + 1
        found = {
            pair
            for segment in segment_terms(food.name, respell).split("|")
            for pair in itertools.pairwise(segment.split())
            if all(len(p) >= 2 and p.isalpha() for p in pair)
        }
        for pair in found:
            pairs[pair] = pairs.get(pair, 0) + 1
    return {
        a + b: f"{a} {b}"
        for (a, b), count in sorted(pairs.items())
        if a + b in documents and count > documents[a + b]
    }


# A word must qualify at least this many generic USDA names to count as a qualifier word, and
# start at most this share of the names it appears in: enough to be sure it describes rather
# than names (see `twitchcheck.foods.qualifiers`).
QUALIFIER_MIN_USES = 5
QUALIFIER_MAX_HEAD_SHARE = 0.1
# ...and follow at least this many different first parts: a word USDA writes after one head
# only names a kind of that food ("Fish, catfish", "Coffee, Latte", "Beef, brisket"), which
# qualifies that head (the name pairs) but is a food of its own after any other ("grits,
# catfish" is two foods; it had been grits alone)
QUALIFIER_MIN_HEADS = 2
CHAIN_GROUPS = ("Fast Foods", "Restaurant Foods")  # SR28's groups of foods named by chain
_NAME_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class NameTables:
    """What `twitchcheck.foods.qualifiers` reads from the foods' names, each sorted."""

    qualifiers: list[str]  # words that only ever qualify
    pairs: list[tuple[str, str]]  # (first part, second part) of each name, as words
    segments: list[tuple[str, str]]  # (first, any later) and (each, the next) part, as words
    heads: list[str]  # each name's first part, as words: a food named alone ("black beans")
    words: list[str]  # every word of a name's first part, or of a generic name
    chains: list[str]  # the chains SR28 names its foods by ("taco bell", "subway")
    names: list[str]  # each distinct name as words (its phrases are USDA's own)


def name_key(text: str) -> str:
    """Words only, lower case, one space apart: "Bread, whole-wheat" -> "bread whole wheat"."""
    return " ".join(_NAME_WORD.findall(text.lower()))


def name_tables(foods: list[Food]) -> NameTables:
    """The qualifier words, name pairs, name words, chains and names of `foods`."""
    lowered = [food.name.lower() for food in foods]
    firsts = [name.split(",")[0] for name in lowered]
    # Generic foods only for the tails: brand and restaurant names put a dish's own name
    # after the brand ("Restaurant, Latino, Arroz con frijoles"), where it is no qualifier.
    generic = [
        name
        for name, food in zip(lowered, foods, strict=True)
        if not food.brand and food.group not in CHAIN_GROUPS
    ]
    heads = Counter(w for first in firsts for w in _NAME_WORD.findall(first))
    tails = Counter(w for name in generic for w in _NAME_WORD.findall(name.partition(",")[2]))
    followed: dict[str, set[str]] = {}  # a tail word -> the first words of the heads it follows
    plurals = ie_plurals(foods)  # "Cookies, shortbread" and "Cookie, shortbread": one head
    for name in generic:
        first, _, tail = name.partition(",")
        head = " ".join(index_terms(first, plurals)[:1])  # "fish oil" and "fish": one head
        for w in _NAME_WORD.findall(tail):
            followed.setdefault(w, set()).add(head)
    whole_heads = {first.strip() for first in firsts}
    qualifiers = [
        word
        for word, uses in sorted(tails.items())
        if uses >= QUALIFIER_MIN_USES
        and heads[word] <= QUALIFIER_MAX_HEAD_SHARE * uses
        and word not in whole_heads
        and len(followed[word]) >= QUALIFIER_MIN_HEADS
    ]
    # each choice of a choice ("Lettuce, cos or romaine": lettuce, romaine) is a pair too
    pairs = {
        (name_key(parts[0]), choice.strip())
        for parts in (name.split(",", 2) for name in lowered)
        if len(parts) > 1
        for choice in {name_key(parts[1]), *name_key(parts[1]).split(" or ")}
    }
    segments = {pair for name in lowered for pair in _segment_pairs(name)}
    chains = {
        name_key(food.name.split(",")[0])
        for food in foods
        if food.brand and food.group in CHAIN_GROUPS and "," in food.name
    }
    return NameTables(
        qualifiers=qualifiers,
        pairs=sorted(pairs),
        segments=sorted(segments),
        heads=sorted({name_key(first) for first in firsts} - {""}),
        words=sorted(heads.keys() | tails.keys()),
        chains=sorted(chains),
        names=sorted({name_key(name) for name in lowered} - {""}),
    )


def _segment_pairs(name: str) -> set[tuple[str, str]]:
    """The comma parts of `name` that USDA writes after one another ("Fish, tuna, light,
    canned in water": tuna then light, light then canned in water) or after its first part
    ("Peanuts, all types, oil-roasted": peanuts ... oil roasted), as words, with and without
    what brackets add."""
    found: set[tuple[str, str]] = set()
    for text in (name, _ASIDE.sub("", name)):  # "Lettuce, iceberg (includes crisphead types)"
        parts = [key for key in map(name_key, text.split(",")) if key]
        found |= {(parts[0], later) for later in parts[1:]} | set(itertools.pairwise(parts))
    return found


_ASIDE = re.compile(r"\s*\([^)]*\)")


def write_name_tables(db: sqlite3.Connection, tables: NameTables) -> None:
    """`name_tables` into their tables; the names into an FTS5 index (phrase queries: whether
    words stand together in some name), 0.5 MB, not the 0.7 MB text every process read."""
    db.executemany("INSERT INTO qualifier_word VALUES (?)", [(w,) for w in tables.qualifiers])
    db.executemany("INSERT INTO name_pair VALUES (?, ?)", tables.pairs)
    db.executemany("INSERT INTO segment_pair VALUES (?, ?)", tables.segments)
    db.executemany("INSERT INTO name_head VALUES (?)", [(h,) for h in tables.heads])
    db.executemany("INSERT INTO name_word VALUES (?)", [(w,) for w in tables.words])
    db.executemany("INSERT INTO chain VALUES (?)", [(c,) for c in tables.chains])
    db.executemany("INSERT INTO name_fts (rowid, words) VALUES (?, ?)", enumerate(tables.names))
    db.execute("INSERT INTO name_fts (name_fts) VALUES ('optimize')")


# The tokens search looks up are FTS5's: its unicode61 tokenizer, diacritics removed.
_TOKENIZER = "unicode61 remove_diacritics 2"
PARTS = ("", "head")  # a posting list for any of a food's texts, and for its head only


def postings(documents: list[tuple[int, str, str, str]]) -> dict[tuple[str, str], list[int]]:
    """Each token's foods, from (rowid, name, head, note) index texts: for the token in any
    of them (part "") and in the head (part "head"), in rowid order.

    Search reads these lists whole (one probe a token, `encoded`), so the build tokenizes
    with FTS5 itself, in memory, and ships only the lists: what an FTS5 index would answer,
    without decoding its pages at run time.
    """
    db = sqlite3.connect(":memory:")
    db.execute(
        "CREATE VIRTUAL TABLE fts USING fts5(name, head, note, content='', detail='column',"
        f" tokenize='{_TOKENIZER}')"
    )
    db.execute("CREATE VIRTUAL TABLE words USING fts5vocab(fts, 'instance')")
    db.executemany("INSERT INTO fts (rowid, name, head, note) VALUES (?, ?, ?, ?)", documents)
    found: dict[tuple[str, str], set[int]] = {}
    for term, rowid, column in db.execute("SELECT term, doc, col FROM words"):
        found.setdefault((term, ""), set()).add(rowid)
        if column == "head":
            found.setdefault((term, "head"), set()).add(rowid)
    db.close()
    return {key: sorted(found[key]) for key in sorted(found)}


def index_texts(name: str, note: str, respell: dict[str, str]) -> tuple[str, str, str]:
    """A food's index texts: its name's terms, its head's (`head_terms`) and its note's."""
    return (
        " ".join(index_terms(name, respell)),
        head_terms(name, respell),
        " ".join(index_terms(note, respell)),
    )


def write(releases: list[Release], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    db.executescript(schema())
    db.execute("INSERT INTO meta VALUES ('schema_version', ?)", (SCHEMA_VERSION,))
    db.execute("INSERT INTO meta VALUES ('nutrient_keys', ?)", (",".join(NUTRIENT_KEYS),))
    columns = ", ".join(NUTRIENT_KEYS)
    marks = ", ".join("?" for _ in NUTRIENT_KEYS)
    rowids: dict[str, int] = {}
    documents: list[tuple[int, str, str, str]] = []
    respell = respellings([food for release in releases for food in release.foods])
    for release in releases:
        files = ";".join(f"{name}={digest}" for name, digest in sorted(release.files.items()))
        db.execute(
            "INSERT INTO release VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                release.id,
                release.title,
                release.version,
                release.citation,
                len(release.foods),
                release.nutrient_values,
                len(release.portions),
                files,
            ),
        )
        for food in release.foods:
            cursor = db.execute(
                f"INSERT INTO food (id, source, code, name, food_group, note, brand, terms,"
                f" {columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, {marks})",
                (
                    food.id,
                    food.source,
                    food.code,
                    food.name,
                    food.group,
                    food.note,
                    int(food.brand),
                    segment_terms(food.name, respell),
                    *(food.nutrients.get(key) for key in NUTRIENT_KEYS),
                ),
            )
            rowid = cursor.lastrowid
            assert rowid is not None
            rowids[food.id] = rowid
            note = indexed_note(food.name, food.note)  # with the flavours a name covers
            documents.append((rowid, *index_texts(food.name, note, respell)))
        db.executemany(
            "INSERT INTO portion VALUES (?, ?, ?, ?, ?)",
            [(rowids[p.food_id], p.seq, p.amount, p.unit, p.grams) for p in release.portions],
        )
    db.executemany(
        "INSERT INTO posting VALUES (?, ?, ?)",
        [(term, part, encoded(found)) for (term, part), found in postings(documents).items()],
    )
    db.executemany("INSERT INTO respelling VALUES (?, ?)", sorted(respell.items()))
    # Each food's profile, worked out by search itself from the word lists of search.toml
    # (their hash is stored: search works them out afresh while that file differs).
    rows = db.execute(f"SELECT {PROFILE_COLUMNS}, note FROM food ORDER BY rowid").fetchall()
    write_profiles(db, rows)
    db.execute("INSERT INTO meta VALUES (?, ?)", (WORDS_KEY, words_hash()))
    write_name_tables(db, name_tables([food for release in releases for food in release.foods]))
    db.commit()
    db.execute("VACUUM")
    db.close()
    tmp.replace(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=Path("src/twitchcheck/data/foods.sqlite"))
    args = parser.parse_args(argv)
    releases = [read_sr28(args.source / "usda" / "sr28"), read_fndds(args.source / "fndds")]
    write(releases, args.out)
    for r in releases:
        print(
            f"{r.id}: {len(r.foods):,} foods, {r.nutrient_values:,} nutrient values,"
            f" {len(r.portions):,} portions"
        )
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
