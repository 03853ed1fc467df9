"""A dish named by what it is made of: "chickpea and spinach curry", "cheese and onion crisps".

English compounds name the thing last and what it is made of before it, so "spinach curry" is
a curry, not spinach, and "A and B curry" is one curry of both, not A beside a B curry. USDA
has few dishes under every ingredient: the food is the dish word's own food that holds the
most of the ingredients named (the first named breaking a tie, then the search's ranking of
the whole phrase). When no food holds any of them, a dish of no meat or fish is the dish's
meatless form ("Vegetable curry") and a flavour is USDA's flavoured form ("Potato chips, other
flavored"). The dish words: ``data/dishes.toml`` [named_dishes].
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from twitchcheck._data import raw_data, reading
from twitchcheck.foods import brands, dishes
from twitchcheck.foods.database import food_at, food_kind, is_brand
from twitchcheck.foods.qualifiers import restaurant
from twitchcheck.foods.search import Match, meat_words, query_terms, search
from twitchcheck.text import terms

DISH_POOL = 50  # foods the dish word's search is read to, to know which foods are that dish
MIN_SCORE = 0.45  # a dish word matching less than this names no dish of USDA's
MAX_INGREDIENT_WORDS = 3  # "roasted red pepper"; longer runs are a description, not a name
_AND = re.compile(r"\s+(?:and|&|n|'n'?)\s+", re.IGNORECASE)
_SAYS_NONE = re.compile(r"\b(?:no|without|not|excludes?|excluding|other than)\b[^,;]*")
_LINKS = frozenset({"with", "and", "or"})
_OTHER_JOINS = frozenset({"with", "w", "on", "in", "of", "plus", "or", "then"})
_COUNTED = frozenset({"a", "an", "some", "the", "one", "two", "half"}) | set("0123456789")
_MEAT = "meat"


@dataclass(frozen=True)
class Named:
    """The dish chosen for a line, the ingredients its USDA name does not hold whole, and
    whether it holds one not written."""

    match: Match
    noun: str
    missing: tuple[str, ...]
    adds: bool = False  # USDA's name holds more or other than written ("..., cheese")
    parts: tuple[str, ...] = ()  # as written, the dish's own part first ("fish curry", "rice")


@dataclass(frozen=True)
class _Rules:
    nouns: dict[str, tuple[tuple[str, ...], ...]]  # last word -> its dish words, longest first
    usda: dict[str, str]  # a dish word -> the words it is searched as
    always: dict[str, frozenset[str]]  # a dish word -> ingredients every such dish holds
    meatless_kind: str
    flavoured_kind: str


@functools.cache
def _rules() -> _Rules:
    with reading("dishes.toml"):
        raw = raw_data("dishes.toml")["named_dishes"]
        said = sorted({tuple(terms(n)) for n in raw["nouns"]}, key=len, reverse=True)
        nouns = {last: tuple(n for n in said if n[-1] == last) for *_, last in said}
        usda = {" ".join(terms(k)): v for k, v in raw["usda"].items()}
        always = {" ".join(terms(k)): frozenset(map(str, v)) for k, v in raw["always"].items()}
        return _Rules(nouns, usda, always, str(raw["meatless_kind"]), str(raw["flavoured_kind"]))


def dish_of(food: str) -> Named | None:
    """The one dish `food` names by its ingredients, or None when it names no such dish or
    the normal reading fits: "spinach curry" is Vegetable curry; "chicken curry" finds its
    own food, and "naan and chicken curry" is a naan beside a chicken curry."""
    read = _read(food)
    if read is None:
        return None
    parts, ingredients, dish = read
    if len(parts) == 1 and _found_whole(parts[0], dish):
        return None
    if _names_chain(terms(food)):
        return None  # "taco bell bean burrito": the chain's own food, or its stand-in
    if not all(map(_ingredient, ingredients)):
        return None  # "eba & okra soup": eba is no food USDA has; "grilled cheese": a dish
    found = _chosen(ingredients, dish)
    return found and replace(found, parts=(parts[-1], *parts[:-1]))


def _read(food: str) -> tuple[list[str], list[str], str] | None:
    """The parts of a line ending in a dish word, its ingredients and the dish word as
    searched, or None when it is no such line."""
    words = terms(food)
    if not words or words[-1] not in _rules().nouns:
        return None  # most lines: no dish word last
    if "," in food or not _OTHER_JOINS.isdisjoint(words):
        return None  # "granola with soy yogurt": foods joined otherwise are read as such
    parts = _AND.split(food.strip())
    said = [terms(p) for p in parts]
    if not all(said) or parts[-1].split()[0].lower() in _COUNTED:
        return None  # "coffee and a welsh cake": the last is a food of its own
    rules = _rules()
    last = said[-1]
    noun = next((n for n in rules.nouns.get(last[-1], ()) if tuple(last[-len(n) :]) == n), None)
    if noun is None or len(last) == len(noun):
        return None  # "soup" alone, "tea and cake": no ingredient names the dish
    named = [*(" ".join(w) for w in said[:-1]), " ".join(last[: -len(noun)])]
    if any(len(terms(i)) > MAX_INGREDIENT_WORDS for i in named):
        return None
    word = " ".join(noun)
    ingredients = [i for i in named if i not in rules.always.get(word, ())] or named
    return parts, ingredients, rules.usda.get(word, word)


def _ingredient(words: str) -> bool:
    """Whether `words` name a food that can be a dish's ingredient: one USDA has, and not a
    dish of its own whose kind they leave unsaid ("grilled cheese": Grilled cheese sandwich)."""
    found = search(words, limit=1)
    if not found or found[0].score < MIN_SCORE:
        return False
    kind = set(terms(found[0].name.split(",")[0])) & dishes.table().dish_kinds
    return kind <= set(terms(words))


def _names_chain(words: list[str]) -> bool:
    """Whether a run of `words` names a chain or brand (USDA's own, or brands.toml's)."""
    runs = (" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, i + 4))
    return brands.approximate_for(" ".join(words)) is not None or any(map(restaurant, runs))


def _found_whole(words: str, dish: str) -> bool:
    """Whether the search's best food for a one-part phrase is already the dish ("blueberry
    muffin"), not an ingredient ("spinach curry": Spinach, raw)."""
    found = search(words, limit=1)
    if not found or found[0].score < MIN_SCORE:
        return False  # "prawn cocktail crisps": the crisps, too far from the words to stand
    best = found[0]
    named = set(_searched_as(dish)) <= set(_said_terms(best.name))  # a brand's "..., Rice Soup"
    return named or _is_dish(best, dish) or best.rowid in _kinds(dish)


@functools.lru_cache(maxsize=256)
def _kinds(dish: str) -> frozenset[int]:
    """The foods the dish word names by the search (its notes too)."""
    return frozenset(m.rowid for m in search(dish, limit=DISH_POOL) if m.score >= MIN_SCORE)


def _is_dish(match: Match, dish: str) -> bool:
    """Whether a food's name says it is the dish: what its first part names ends with the
    dish word, before what it is "with" and in each "or" ("Fish curry with rice", "Egg
    omelet or scrambled egg"; a "Burrito bowl" is a bowl), or so does its second part after
    a group's name ("Soup, chicken gumbo")."""
    said = (_searched_as(dish), tuple(terms(dish)))
    segments = match.name.lower().split(",")[:2]
    for segment in segments:
        named = [_said_terms(choice) for choice in segment.split(" with ")[0].split(" or ")]
        if any(tuple(words[-len(n) :]) == n for words in named for n in said):
            return True
    return False


def _said_terms(name: str) -> list[str]:
    """The words of a USDA name that say what it holds: not those after "no", "without" or
    "other than" ("Pizza, no cheese" holds no cheese)."""
    return terms(_SAYS_NONE.sub(" ", name.lower()))


def _held(name: str, ingredient: str) -> int:
    """How surely a food's name holds an ingredient: 2 by its last word, as typed or as
    searched ("minced beef": beef); 1 by the word of its kind ("Soup, lentil, with meat" for
    bacon, "Pizza with meat and fruit" for pineapple); else 0."""
    head = terms(ingredient)[-1]
    held = set(_said_terms(name))
    if head in held or held.intersection(_searched_as(head)):
        return 2
    return int(_kind(ingredient) in held)


def _chosen(ingredients: list[str], dish: str) -> Named | None:
    """The dish holding most ingredients, or its stand-in; None when the line is better read
    as foods side by side."""
    pool = _pool(ingredients, dish)
    if not pool:
        return None
    held = [[_held(m.name, i) for i in ingredients] for m in pool]
    # an ingredient not named costs what one held by its own word is worth
    worth = [sum(h) - 2 * _adds(m.name, ingredients, dish) for h, m in zip(held, pool, strict=True)]
    # the most ingredients, by their own words first, then the first named ("chicken and
    # vegetable curry": chicken), then the search's order
    best = max(range(len(pool)), key=lambda i: (worth[i], held[i].count(2), held[i], -i))
    if sum(held[best]) < 2:  # none held by its own word, nor two by their kinds
        stand_in = _stand_in(pool, ingredients)
        if stand_in is None:
            return None
        best = stand_in
    elif not held[best][0]:
        return None  # "naan and chicken curry", "tea and carrot cake": a food beside a dish
    chosen = pool[best]
    missing = tuple(i for i in ingredients if not _wholly_held(chosen.name, i))
    return Named(chosen, dish, missing, _adds(chosen.name, ingredients, dish))


def _pool(ingredients: list[str], dish: str) -> list[Match]:
    """The dish's generic foods, searched as the first ingredient's dish ("cheese pizza": its
    usual form first), the whole phrase, each other ingredient's dish, then the dish word:
    those named as the dish, else those the dish word finds by their notes ("risotto")."""
    kinds = _kinds(dish)
    if not kinds:
        return []
    first, *others = ingredients
    phrases = [f"{first} {dish}", " ".join([*ingredients, dish]), *(f"{o} {dish}" for o in others)]
    found = [m for p in [*phrases, dish] for m in search(p, limit=DISH_POOL)]
    found = [m for m in dict.fromkeys(found) if not is_brand(m.rowid)]
    return [m for m in found if _is_dish(m, dish)] or [m for m in found if m.rowid in kinds]


def _wholly_held(name: str, ingredient: str) -> bool:
    """Whether every word of an ingredient is in a food's name ("red bean": not in "Soup,
    bean", which may be another soup of beans), so the dish is sure."""
    held = set(_said_terms(name))
    return all(t in held or held.intersection(_searched_as(t)) for t in terms(ingredient))


def _adds(name: str, ingredients: list[str], dish: str) -> bool:
    """Whether a food's name adds, after its first part, an ingredient the line does not
    name (dishes.toml added_words) nor the kind of one it names ("Soup, chicken vegetable
    with potato and cheese" adds cheese to a leek and potato soup; "with meat" adds nothing
    to bacon)."""
    said = _line_words(tuple(ingredients), dish)
    if (set(terms(name)) & meat_words()) - said and _MEAT not in said:
        return True  # "Burrito bowl, chicken, with beans and rice" for a bean & rice burrito
    head, _, rest = name.partition(",")  # the first part names the dish ("Egg omelet")...
    if set(_said_terms(head)) - said - _LINKS:
        return True  # ...as written: "Light ice cream" is not the ice cream written
    return bool((set(terms(rest)) & dishes.table().added_words) - said)


@functools.lru_cache(maxsize=256)
def _line_words(ingredients: tuple[str, ...], dish: str) -> frozenset[str]:
    """The words a line names, as typed and as searched, with its ingredients' kinds: worked
    out once for every food of the pool."""
    said = {t for i in [*ingredients, dish] for t in (*terms(i), *_searched_as(i))}
    return frozenset(said | {kind for kind in map(_kind, ingredients) if kind is not None})


@functools.lru_cache(maxsize=2048)
def _searched_as(words: str) -> tuple[str, ...]:
    """`query_terms` of `words`, remembered: each pool food asks it of the same few words."""
    return tuple(query_terms(words))


def _stand_in(pool: list[Match], ingredients: list[str]) -> int | None:
    """The dish's flavoured form for a flavour ("salt and vinegar"), its meatless form for
    ingredients of no meat or fish ("Vegetable curry"), else none (read the line otherwise)."""
    rules = _rules()
    flavour = " ".join(terms(" and ".join(ingredients)))
    if flavour in dishes.table().flavours[0]:
        kind = rules.flavoured_kind
    elif all(_kind(i) != _MEAT for i in ingredients):
        kind = rules.meatless_kind
    else:
        return None
    return next((i for i, m in enumerate(pool) if kind in _said_terms(m.name)), None)


@functools.lru_cache(maxsize=1024)
def _kind(ingredient: str) -> str | None:
    """The word USDA's mixed dishes use for an ingredient's kind ("meat", "fruit", "vegetable"),
    by its own best food (`database.food_kind`)."""
    if terms(ingredient)[-1] in meat_words():
        return _MEAT
    found = search(ingredient, limit=1)
    return food_kind(food_at(found[0].rowid)) if found else None
