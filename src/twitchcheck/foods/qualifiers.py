"""Comma segments that qualify the food before them, read from USDA's own names.

USDA writes a food as its name, then qualifiers after commas: "Nuts, almonds, dry roasted",
"Fish, salmon, Atlantic, farmed, cooked". People copy that style ("Almonds, dry roasted,
1 ounce") and the NIH fact sheets print it, so a comma in a diary line does not always list
another food. A segment only qualifies when it is
- qualifier words: words USDA's names use after a comma and almost never start a name with
  ("roasted", "boiled", "Atlantic", "drained"; not "butter" or "cheese", which head foods);
- a cooking method ("stewed", "stir-fried"), though a few names start with one ("Stewed
  potatoes");
- a fat level ("1%", "low fat", "nonfat") or an amount alone ("1 ounce", "1/2 cup", "4
  spears", "1 ounce (6-8 nuts)");
- qualifiers joined by "and" or "or" ("boiled and drained", "cheddar or mozzarella");
- the second part of a USDA name whose first part is the food before it ("Bread, whole
  wheat", "Cheese, cheddar"): the name as USDA writes it;
- a part that no USDA name starts with but one writes after the food before it ("Tuna,
  light", "Peanuts, oil roasted", "Tea, black, brewed"), where a food named alone ("Beef,
  broccoli": broccoli heads "Broccoli, raw") is a list.
"""

from __future__ import annotations

import functools
import re
import sqlite3

from twitchcheck.foods.quantity import measure_word, parse_quantity, units
from twitchcheck.text import fold, singular, terms

# The tables below are read from USDA's names when the food database is built
# (tools/build_fooddb.py, `name_tables`): each is read from it when first needed.
_WORD = re.compile(r"[a-z]+")
_COMPOUND = re.compile(r"[a-z]+(?:-[a-z]+)*")  # "stir-fried" is one word, qualified by "fried"
COMMON_TAIL_HEADS = 10  # the foods a qualifying part must follow to qualify any food
_CHOICES = re.compile(r"\s+(?:and|or|&)\s+")
_ASIDE = re.compile(r"\([^()]*\)")
_FAT_LEVEL = re.compile(
    r"^(?:\d{1,2}(?:\.\d+)?\s*%(?:\s*(?:fat|milk\s*fat|milkfat|lean))?"
    r"|(?:low|reduced|non|no|full)[\s-]*fat|fat[\s-]*free|skim(?:med)?|semi[\s-]*skimmed)$"
)
# Joining words a qualifier phrase carries ("plain or vanilla", "with skin", "in water")
_LINKS = frozenset(
    {"or", "and", "with", "without", "in", "of", "no", "added", "not", "including", "from"}
)  # "cooked from frozen": FNDDS's words


def _db() -> sqlite3.Connection:
    from twitchcheck.foods.database import connect

    return connect()


def _column(table: str, column: str) -> frozenset[str]:
    return frozenset(str(value) for (value,) in _db().execute(f"SELECT {column} FROM {table}"))


@functools.cache
def qualifier_words() -> frozenset[str]:
    """The words USDA's names use only to qualify a food (see the module's docstring)."""
    return _column("qualifier_word", "word")


@functools.cache
def _words() -> frozenset[str]:
    """Every word of a name's first part or of a generic food's name."""
    return _column("name_word", "word")


@functools.cache
def _chains() -> frozenset[str]:
    """The chains SR28 names its foods by ("taco bell", "subway")."""
    return _column("chain", "name")


def usda_word(word: str) -> bool:
    """Whether some USDA food name uses `word` (or its singular: "tacos", "dishes")."""
    words = _words()
    lowered = word.lower()
    return lowered in words or lowered.removesuffix("s") in words or lowered + "s" in words


def in_usda_name(phrase: str) -> bool:
    """Whether USDA writes `phrase` inside a food's name ("cafe con leche", "caldo de res")."""
    key = _key(phrase)
    # A phrase query of the names' index: the words side by side in one name (0.01 ms; the
    # names' text itself would be 0.7 MB to read in every process)
    query = "SELECT 1 FROM name_fts WHERE name_fts MATCH ? LIMIT 1"
    return bool(key) and _db().execute(query, (f'"{key}"',)).fetchone() is not None


def restaurant(text: str) -> bool:
    """Whether `text` is the name of a chain USDA has foods of ("Taco Bell", "mcdonalds")."""
    key = _key(text)
    squeezed = key.replace(" ", "")  # "domino" too: `terms` reads "dominos" as a plural
    return key in _chains() or squeezed in _squeezed() or f"{squeezed}s" in _squeezed()


def only_a_chain(text: str) -> bool:
    """Whether `text` is only a chain's name, which says where, not what ("subway", "kfc",
    "subway lunch", "kfc drive thru"); not a name that says its food ("domino's pizza", "taco
    bell": FNDDS names a pizza and a taco by those words alone)."""
    key = _key(text)
    words = [w for w in key.split() if w not in _OCCASION]
    kept = " ".join(words)
    named = restaurant(key) or (bool(kept) and kept != key and restaurant(kept))
    return named and _fndds_foods().isdisjoint(words)


# Words that say when or how a chain was visited, not what was eaten there
_OCCASION = frozenset(
    {"breakfast", "brunch", "lunch", "dinner", "supper", "meal", "run", "order", "trip",
     "takeaway", "takeout", "drive", "thru", "through", "delivery"}
)  # fmt: skip


@functools.cache
def _fndds_foods() -> frozenset[str]:
    """FNDDS's foods named by one word ("Pizza, ...", "Taco, ..."), singular."""
    rows = _db().execute("SELECT name FROM food WHERE source = 'fndds'")
    heads = (name.split(",")[0].strip().lower() for (name,) in rows)
    return frozenset(singular(head) for head in heads if head.isalpha())


@functools.cache
def _squeezed() -> frozenset[str]:
    """The chains' names without spaces: "mcdonald s" is also "mcdonalds"; and a chain SR28
    names only with its pizza ("DOMINO'S 14\" Cheese Pizza") by its owner's name alone."""
    owners = {name.partition(" s ")[0] + " s" for name in _chains() if " s " in name}
    return frozenset(name.replace(" ", "") for name in {*_chains(), *owners})


def _usda_pair(first: str, second: str) -> bool:
    """Whether USDA names a food `first`, `second`, ... (both as words)."""
    query = "SELECT 1 FROM name_pair WHERE head = ? AND second = ?"
    return _db().execute(query, (first, second)).fetchone() is not None


def _written_after(before: str, key: str) -> bool:
    """Whether USDA writes the part `key` after `before` in one name (see the docstring)."""
    parts = [part for part in map(_key, before.split(",")) if part]
    if not parts or not key:
        return False
    if _usda_pair(parts[0], key):
        return True
    forms = sorted(_forms(key))
    if _any_row("name_head", "head", forms):
        return False  # a food of its own: "broccoli", "black beans", "strawberry"
    # "Chicken breast, roasted": USDA writes "Chicken, ..., breast, meat and skin"
    # and in either number: "Sardines, canned in oil" as USDA's "Fish, sardine, ..."
    first = parts[0].split()[0]
    ends = {parts[0], first, singular(parts[0]), singular(first), parts[-1]}
    # ...and after the group USDA heads the food with ("Fish, sardine, ...": sardines)
    ends |= _heads_of(parts[0])
    return _any_row("segment_pair", "earlier", sorted(ends), "AND later = ?", key) or _common_tail(
        key
    )


def _heads_of(food: str) -> set[str]:
    """The group heads USDA writes `food` after as a name's second part ("fish" of "sardines",
    "nuts" of "almonds": search.toml [generic_heads], in either number)."""
    from twitchcheck.foods.search import generic_heads

    groups = generic_heads()
    forms = sorted(_forms(food))
    query = f"SELECT head FROM name_pair WHERE second IN ({','.join('?' * len(forms))})"
    found = {head for (head,) in _db().execute(query, forms)}
    return {head for head in found if singular(head) in groups}


def _common_tail(key: str) -> bool:
    """Whether USDA writes `key` after the first part of the names of many foods and never
    heads a name with it ("whole wheat": bread, pasta, crackers...): it qualifies any food,
    as "Spaghetti, whole wheat" asks, though USDA has no whole-wheat spaghetti by that name."""
    words = key.split()
    if len(words) < 2 or words[0] in ("no", "without"):
        return False  # a word alone is a qualifier word or not; "no cheese" leaves one out
    query = "SELECT count(DISTINCT earlier) FROM segment_pair WHERE later = ?"
    return bool(_db().execute(query, (key,)).fetchone()[0] >= COMMON_TAIL_HEADS)


def _any_row(table: str, column: str, values: list[str], more: str = "", *args: str) -> bool:
    """Whether `table` has a row whose `column` is one of `values` (one query)."""
    marks = ",".join("?" * len(values))
    query = f"SELECT 1 FROM {table} WHERE {column} IN ({marks}) {more} LIMIT 1"
    return _db().execute(query, (*values, *args)).fetchone() is not None


def _forms(key: str) -> set[str]:
    """`key` with its last word singular and plural ("strawberry", "strawberries"): USDA
    heads a food either way ("Strawberries, raw", "Egg, whole")."""
    *before, last = key.split()
    one = singular(last)
    many = {one + "s", one + "es", one[:-1] + "ies" if one.endswith("y") else one + "s"}
    return {" ".join([*before, word]) for word in {last, one, *many}}


def only_qualifies(segment: str, before: str = "") -> bool:
    """Whether the comma-separated `segment` only qualifies the food `before` it (see the
    module's docstring): then the two are one food, not a list."""
    text = segment.strip()
    if not text:
        return False
    if _FAT_LEVEL.match(text.lower()):
        return True
    if before and _written_after(before, _key(text)):
        return True  # as USDA writes it, though it starts with a size word ("whole wheat")
    quantity = parse_quantity(text)
    if quantity.amount is not None or quantity.unit is not None:
        text = quantity.food
        if _measure(text):
            return True  # "1 ounce", "4 spears": an amount of the food before it
    if before and _written_after(before, _key(text)):
        return True
    choices = _CHOICES.split(text)
    if len(choices) > 1 and all(only_qualifies(choice, before) for choice in choices):
        return True  # "boiled and drained", "meat and skin", "cheddar or mozzarella"
    words = _COMPOUND.findall(text.lower())
    # what it was cooked from ("from frozen", "from canned"), as FNDDS writes it
    sourced = {i + 1 for i, w in enumerate(words) if w == "from"}
    return any(map(_qualifier, words)) and all(
        w in _LINKS or i in sourced or _qualifier(w) for i, w in enumerate(words)
    )


def first_choices(text: str) -> str:
    """`text` with each comma part that qualifies with a choice or a pair in search's words:
    "Cheese, cheddar or mozzarella" -> "Cheese, cheddar" (either is right; the first is
    taken), "Lentils, boiled and drained" -> "Lentils, boiled drained" (the "and" is no food's
    word there: "Peas and onions" is); as USDA writes it when it does ("meat and skin")."""
    parts = text.split(",")
    for i in range(1, len(parts)):
        choices = _CHOICES.split(parts[i])
        if (
            len(choices) > 1
            and not in_usda_name(parts[i])
            and only_qualifies(parts[i], ",".join(parts[:i]))
        ):
            joined = " or " not in f" {parts[i].lower()} "
            parts[i] = " ".join(choices) if joined else choices[0]
    return ",".join(parts)


def _measure(text: str) -> bool:
    """Whether the words left after an amount only say what it counts ("spears", "large
    biscuits") or restate it in brackets ("(6-8 nuts)"): an amount, not a food. A count word
    that heads a food's name ("2 eggs", "1 muffin") is a food."""
    words = _ASIDE.sub(" ", text).split()
    return all(
        measure_word(w) and not _any_row("name_head", "head", sorted(_forms(w))) for w in words
    )


def amount_first(text: str) -> str:
    """`text` with an amount written as a comma part inside it moved before it, USDA's table
    style ("Potato, medium, baked" -> "medium Potato, baked"; "xalwo, 2 pieces, from the
    shop"), when nothing before that part holds an amount; else `text` as it is."""
    parts = text.split(",")
    if len(parts) < 3 or parse_quantity(parts[0]).amount is not None:
        return text
    for i, part in enumerate(parts[1:-1], start=1):
        quantity = parse_quantity(part)
        sized = quantity.amount is None and quantity.unit is None and _size(part)
        if sized or (quantity.amount is not None and _measure(quantity.food)):
            rest = ",".join(parts[:i] + parts[i + 1 :])
            return f"{part.strip()} {rest.strip()}"
    return _last_amount_placed(parts) or text


def _last_amount_placed(parts: list[str]) -> str | None:
    """A last comma part that counts the food by its own name again, as USDA's and the NIH
    fact sheets' tables write it, put before the food: "Potato, baked, 1 medium potato" ->
    "1 medium Potato, baked" (it had been a second potato). None otherwise."""
    last = parse_quantity(parts[-1])
    written = " ".join(fold(parts[-1]).split())
    if last.amount is None or not last.food or not written.endswith(last.food):
        return None
    middle = parts[1:-1]
    if not _restates(last.food, parts[0]) or not all(
        only_qualifies(p, ",".join(parts[: i + 1])) for i, p in enumerate(middle)
    ):
        return None  # "toast, eggs, 2 eggs": the eggs are a food of their own
    return f"{written[: len(written) - len(last.food)].strip()} {','.join(parts[:-1]).strip()}"


def _restates(words: str, head: str) -> bool:
    """Whether `words`, left after an amount, only name the food's head again ("eggs" of
    "Eggs, scrambled")."""
    said = {singular(t) for t in terms(words)}
    return bool(said) and said <= {singular(t) for t in terms(head)}


def _size(part: str) -> bool:
    """Whether `part` is a size word alone: "medium", or one scaled from it ("large")."""
    words = part.lower().split()
    return len(words) == 1 and (words[0] == "medium" or words[0] in units().sizes)


def _qualifier(word: str) -> bool:
    """Whether `word` only qualifies a food: a qualifier word of USDA's names or a cooking
    method, a compound by its last part ("stir-fried", "oil-roasted")."""
    from twitchcheck.foods.search import cooking_words  # search reads the names' tables

    last = word.rpartition("-")[2]
    return any(w in qualifier_words() or w in cooking_words() for w in {word, last})


def _key(text: str) -> str:
    """Words only, so that "whole-wheat" and "whole wheat" are the same part."""
    return " ".join(_WORD.findall(text.lower()))
