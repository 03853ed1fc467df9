"""Dishes, combinations and lines that name no food, read by general rules.

    split("toast with butter")          -> ("toast", " with ", "butter")
    split("beans on toast")             -> ("beans", " on ", "toast")
    split("macaroni and cheese")        -> ("macaroni and cheese",)
    needs_detail("leftovers")           -> True
    drink("oat milk latte")             -> Drink(base="coffee espresso", milk="oat milk", ...)

The word lists live in ``data/dishes.toml`` with their sources; `phrases` decides, for a
line that splits, whether one FNDDS mixed dish fits it whole or each part is matched alone.
This module only reads text: it knows no foods.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass

from twitchcheck._data import data_path
from twitchcheck.text import fold, terms


@dataclass(frozen=True)
class _Table:
    dish_score: float
    dish_kinds: frozenset[str]
    added_words: frozenset[str]
    plant_words: frozenset[str]
    max_parts: int
    joins: re.Pattern[str]
    whole_names: re.Pattern[str] | None
    phrases: frozenset[str]
    starts: tuple[str, ...]
    vague: frozenset[str]
    milk_words: frozenset[str]
    drinks: dict[str, dict[str, object]]
    regional: dict[str, dict[str, str]]


@dataclass(frozen=True, slots=True)
class Drink:
    """A coffee or tea drink with the milk named before it ("oat milk latte")."""

    kind: str  # "latte"
    base: str  # what to search for the coffee: "coffee espresso"
    milk: str  # what to search for the milk: "oat milk"
    base_share: float  # of the drink's volume
    ml: float  # the drink's volume when no amount is written


@functools.cache
def table() -> _Table:
    """The word lists of ``data/dishes.toml``."""
    with data_path("dishes.toml").open("rb") as handle:
        raw = tomllib.load(handle)
    dish, detail, drinks = raw["dish"], raw["needs_detail"], raw["drinks"]
    carriers = "|".join(re.escape(c) for c in sorted(dish["carriers"], key=len, reverse=True))
    words = [re.escape(j) for j in dish["joins"] if j.isalpha()]
    marks = [
        r"(?<!\d),|,(?!\d)" if j == "," else re.escape(j) for j in dish["joins"] if not j.isalpha()
    ]
    joins = re.compile(
        rf"\s+(?:{'|'.join(words)})\s+"  # " with ", " and "
        rf"|\s*(?:{'|'.join(marks)})\s*"  # ", ", " & ", "w/" (a comma between digits is a number)
        rf"|\s+(?:on|in)\s+(?:(?:a|an|some|my)\s+)?(?=(?:{carriers})\b)"  # " on toast"
    )
    names = "|".join(re.escape(n) for n in sorted(dish["whole_names"], key=len, reverse=True))
    return _Table(
        float(dish["dish_score"]),
        frozenset(dish["dish_kinds"]),
        frozenset(dish["added_words"]),
        frozenset(w for p in dish["plant_words"] for w in terms(p)) - {"non", "dairy", "free"},
        int(dish["max_parts"]),
        joins,
        re.compile(rf"\b(?:{names})\b") if names else None,
        frozenset(detail["phrases"]),
        tuple(detail["starts"]),
        frozenset(detail["vague_words"]),
        frozenset(drinks["milk_words"]),
        drinks["kinds"],
        {region: dict(words) for region, words in raw.get("regional", {}).items()},
    )


def split(text: str) -> tuple[str, ...]:
    """`text` cut at the words that join foods: parts and joins alternate, and joined
    back together they are `text` exactly (nothing lost, nothing added).

    A join inside a name that holds one ("macaroni and cheese") or one that would leave an
    empty part ("and chips", "toast with") is not a cut.
    """
    rules = table()
    keep = [m.span() for m in rules.whole_names.finditer(text)] if rules.whole_names else []
    pieces: list[str] = []
    start = 0
    for match in rules.joins.finditer(text):
        if any(a <= match.start() and match.end() <= b for a, b in keep):
            continue
        part = text[start : match.start()]
        if not _has_word(part) or not _has_word(text[match.end() :]):
            continue
        pieces += [part, match.group(0)]
        start = match.end()
    pieces.append(text[start:])
    return tuple(pieces)


def regional(part: str, region: str | None) -> str:
    """`part` in USDA's words when, whole, it means another food in the diary's region
    ("chips" in a British diary are french fries); anything else as it is."""
    words = table().regional.get(region or "", {})
    return words.get(" ".join(part.lower().split()), part)


def said_words(text: str) -> set[str]:
    """The words of `text`, with FNDDS's "non-dairy" where a plant milk or yogurt is named."""
    found = set(terms(text))
    if found & table().plant_words:
        found |= {"non", "dairy"}
    return found


def adds(name: str, said: set[str]) -> bool:
    """Whether a food's `name` adds a kind of dish (in its first part) or an ingredient word
    (anywhere) that the line, whose words are `said`, does not name."""
    rules = table()
    head = set(terms(name.split(",")[0]))
    return bool((head & rules.dish_kinds) - said or (set(terms(name)) & rules.added_words) - said)


def parts(text: str) -> tuple[str, ...]:
    """The foods of `text` (the parts of `split`, joins left out)."""
    return split(text)[0::2]


def joined_after(text: str, unit: str) -> bool:
    """Whether the count word `unit` is followed by a join in `text` ("2 eggs with toast",
    "eggs, bacon"): then it names a food, not a measure of what follows."""
    plain = " ".join(fold(text).split())
    word = re.search(rf"\b{re.escape(unit)}\w*", plain) if unit else None
    if word is None:
        return False
    join = table().joins.match(plain, word.end())
    return join is not None


def _has_word(text: str) -> bool:
    return any(c.isalnum() for c in text)


def needs_detail(text: str) -> bool:
    """Whether a line names no food: a listed phrase ("leftovers", "dinner out"), a listed
    start ("skipped breakfast"), or only words that name nothing specific ("some snacks")."""
    rules = table()
    plain = " ".join(fold(text).replace("’", "'").split()).strip(" .!,;:-")
    if plain in rules.phrases or plain.startswith(rules.starts):
        return True
    found = [w for w in terms(plain) if not w.isdigit()]
    return bool(found) and all(w in rules.vague or w.rstrip("s") in rules.vague for w in found)


def drink(text: str) -> Drink | None:
    """A coffee drink with its milk written first ("oat milk latte", "soy flat white"),
    or None. A drink with no milk word ("latte", "skinny latte") is one food."""
    rules = table()
    plain = " ".join(fold(text).split())
    for kind in sorted(rules.drinks, key=len, reverse=True):
        match = re.search(rf"\b{re.escape(kind)}s?$", plain)
        if not match:
            continue
        before = plain[: match.start()].split()
        if not before or not all(w in rules.milk_words for w in before):
            return None
        if not set(before) - {"milk"}:
            return None  # "milk latte" is a latte
        milk = " ".join(before) if before[-1] == "milk" else " ".join([*before, "milk"])
        spec = rules.drinks[kind]
        return Drink(
            kind, str(spec["base"]), milk, float(str(spec["espresso"])), float(str(spec["ml"]))
        )
    return None
