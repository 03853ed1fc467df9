"""Comma segments that qualify the food before them, read from USDA's own names.

USDA writes a food as its name, then qualifiers after commas: "Nuts, almonds, dry roasted",
"Fish, salmon, Atlantic, farmed, cooked". People copy that style ("Almonds, dry roasted,
1 ounce") and the NIH fact sheets print it, so a comma in a diary line does not always list
another food. A segment only qualifies when it is
- qualifier words: words USDA's names use after a comma and almost never start a name with
  ("roasted", "boiled", "Atlantic", "drained"; not "butter" or "cheese", which head foods);
- a fat level ("1%", "low fat", "nonfat") or an amount alone ("1 ounce", "1/2 cup");
- the second part of a USDA name whose first part is the food before it ("Bread, whole
  wheat", "Cheese, cheddar"): the name as USDA writes it.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from typing import NamedTuple

from twitchcheck.foods.quantity import parse_quantity

# A word must qualify at least this many USDA names to count, and start at most this share
# of the names it appears in: enough to be sure the word describes rather than names.
MIN_USES = 5
MAX_HEAD_SHARE = 0.1
_WORD = re.compile(r"[a-z]+")
_FAT_LEVEL = re.compile(
    r"^(?:\d{1,2}(?:\.\d+)?\s*%(?:\s*(?:fat|milk\s*fat|milkfat|lean))?"
    r"|(?:low|reduced|non|no|full)[\s-]*fat|fat[\s-]*free|skim(?:med)?|semi[\s-]*skimmed)$"
)
# Joining words a qualifier phrase carries ("plain or vanilla", "with skin", "in water")
_LINKS = frozenset({"or", "and", "with", "without", "in", "of", "no", "added", "not"})


class _Names(NamedTuple):
    qualifiers: frozenset[str]  # words that only ever qualify
    pairs: frozenset[tuple[str, str]]  # (first part, second part) of USDA's names, as words
    words: frozenset[str]  # every word of every name
    restaurants: frozenset[str]  # the chains SR28 names its foods by ("taco bell", "subway")
    text: str  # every name as words, one name a line: for phrases USDA itself writes


@functools.cache
def _names() -> _Names:
    from twitchcheck.foods.database import connect

    rows = connect().execute("SELECT name, brand, food_group FROM food").fetchall()
    names = [str(name).lower() for name, _, _ in rows]
    restaurants = frozenset(
        _key(str(name).split(",")[0])
        for name, brand, group in rows
        if brand and group in ("Fast Foods", "Restaurant Foods") and "," in str(name)
    )
    split = [name.split(",", 2) for name in names]
    firsts = [parts[0] for parts in split]
    # Generic foods only for the counts: brand and restaurant names put a dish's own name
    # after the brand ("Restaurant, Latino, Arroz con frijoles"), where it is no qualifier.
    generic = [name for name, (_, brand, group) in zip(names, rows, strict=True)
               if not brand and group not in ("Fast Foods", "Restaurant Foods")]  # fmt: skip
    heads = Counter(_WORD.findall("\n".join(firsts)))
    tails = Counter(_WORD.findall("\n".join(name.partition(",")[2] for name in generic)))
    whole_heads = {first.strip() for first in firsts}
    qualifiers = frozenset(
        word
        for word, uses in tails.items()
        if uses >= MIN_USES and heads[word] <= MAX_HEAD_SHARE * uses and word not in whole_heads
    )
    # Both built with one regex pass over all the names at once (per-name calls cost ~0.1 s)
    two = _plain_lines("\n".join(f"{p[0]}\t{p[1]}" for p in split if len(p) > 1))
    pairs = frozenset(_pair(line) for line in two)
    text = "\n".join(f" {line} " for line in _plain_lines("\n".join(names)))
    return _Names(qualifiers, pairs, frozenset(heads) | frozenset(tails), restaurants, text)


_NOT_WORD = re.compile(r"[^a-z\n\t]+")


def _plain_lines(text: str) -> list[str]:
    """Each line of `text` as words and single spaces, as `_key` makes one name."""
    return [line.strip() for line in _NOT_WORD.sub(" ", text).split("\n")]


def _pair(line: str) -> tuple[str, str]:
    first, _, second = line.partition("\t")
    return first.strip(), second.strip()


def qualifier_words() -> frozenset[str]:
    """The words USDA's names use only to qualify a food (see the module's docstring)."""
    return _names().qualifiers


def usda_word(word: str) -> bool:
    """Whether some USDA food name uses `word` (or its singular: "tacos", "dishes")."""
    words = _names().words
    lowered = word.lower()
    return lowered in words or lowered.removesuffix("s") in words or lowered + "s" in words


def in_usda_name(phrase: str) -> bool:
    """Whether USDA writes `phrase` inside a food's name ("cafe con leche", "caldo de res")."""
    key = _key(phrase)
    return bool(key) and f" {key} " in _names().text


def restaurant(text: str) -> bool:
    """Whether `text` is the name of a chain USDA has foods of ("Taco Bell", "mcdonalds")."""
    key = _key(text)
    return key in _names().restaurants or key.replace(" ", "") in _squeezed()


@functools.cache
def _squeezed() -> frozenset[str]:
    """The chains' names without spaces: "mcdonald s" is also "mcdonalds"."""
    return frozenset(name.replace(" ", "") for name in _names().restaurants)


def only_qualifies(segment: str, before: str = "") -> bool:
    """Whether the comma-separated `segment` only qualifies the food `before` it (see the
    module's docstring): then the two are one food, not a list."""
    text = segment.strip()
    if not text:
        return False
    if _FAT_LEVEL.match(text.lower()):
        return True
    quantity = parse_quantity(text)
    if quantity.amount is not None or quantity.unit is not None:
        text = quantity.food
        if not text:
            return True  # "1 ounce": an amount of the food before it
    names = _names()
    if before and (_key(before.split(",")[0]), _key(text)) in names.pairs:
        return True
    words = _WORD.findall(text.lower())
    return any(w in names.qualifiers for w in words) and all(
        w in names.qualifiers or w in _LINKS for w in words
    )


def _key(text: str) -> str:
    """Words only, so that "whole-wheat" and "whole wheat" are the same part."""
    return " ".join(_WORD.findall(text.lower()))
