"""From what a person typed to a food, its grams and its nutrients.

    nutrients(["1 1/2 cups cooked spinach", "a handful of almonds"])

Each phrase is split into amount, unit and food words (`quantity`), the
food found (`search`, or a pinned id such as ``[01077]``), the grams worked
out from its USDA portions (`portions`) and the nutrients scaled from the
per-100 g values. A nutrient USDA did not analyse stays missing (None), and
the total says how many items lacked it, so a gap is never read as zero.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Protocol

from twitchcheck.errors import AmountError, InputError, PortionError, UnknownFoodError
from twitchcheck.fooddb import SOURCES, Food, get_food, get_foods
from twitchcheck.limits import limit
from twitchcheck.nutrient_keys import NUTRIENT_KEYS
from twitchcheck.portions import Grams, checked, grams_for, measure
from twitchcheck.quantity import Quantity, parse_quantity
from twitchcheck.search import Match, search
from twitchcheck.text import clip, quoted, user_text

MIN_SCORE = 0.45  # below this the best match shares too little with what was typed
SURE_SCORE = 0.9  # below this the match is shown as uncertain, with alternatives
ALTERNATIVES = 3
FIT_MARGIN = 0.03  # matches this close to the best may win by having the portion asked for
WIDE_MARGIN = 0.15  # ...and these, when none of the closest has the unit at all
# Bounds and per-item plausibility, with their reasons in limits.toml [phrase] and [item].
MAX_CHARS = int(limit("phrase.chars"))
MAX_PHRASES = int(limit("phrase.count"))
SUGGEST_CHARS = int(limit("phrase.suggest_chars"))
MAX_KCAL = limit("item.energy_kcal")
LARGE_GRAMS = limit("item.grams_large")
LARGE_KCAL = limit("item.energy_kcal_large")


@dataclass(frozen=True, slots=True)
class Item:
    """One resolved phrase."""

    input: str
    food: Food
    grams: Grams
    nutrients: dict[str, float | None]
    alternatives: tuple[Match, ...] = ()
    uncertain: bool = False
    warnings: tuple[str, ...] = ()  # possible but unusual: a very large amount

    def to_dict(self) -> dict[str, object]:
        return {
            "input": self.input,
            "food": {
                "id": self.food.id,
                "name": self.food.name,
                "source": SOURCES[self.food.source],
            },
            "grams": round(self.grams.grams, 1),
            "grams_basis": self.grams.basis,
            "estimate": self.grams.estimate,
            "uncertain": self.uncertain,
            "alternatives": [m.to_dict() for m in self.alternatives],
            "warnings": list(self.warnings),
            "nutrients": {k: _round(v) for k, v in self.nutrients.items()},
        }


@dataclass(frozen=True, slots=True)
class NutrientReport:
    """Items, their total, and per nutrient how many items had no USDA value."""

    items: tuple[Item, ...]
    total: dict[str, float]
    missing: dict[str, int]

    def to_dict(self) -> dict[str, object]:
        return {
            "items": [item.to_dict() for item in self.items],
            "total": {k: _round(v) for k, v in self.total.items()},
            "missing": self.missing,
        }


def resolve(phrase: str) -> Item:
    """Resolve one phrase such as "a medium banana" into food, grams and nutrients.

    The phrase is read as data (`text.user_text`: bounded, invisible characters dropped,
    look-alike letters refused); every refusal is an `InputError` naming what would do.
    """
    text = user_text(phrase, "food phrase", MAX_CHARS)
    if not text:
        raise InputError("empty food phrase; write something like '1 cup milk' or '2 eggs'")
    quantity = parse_quantity(text)
    if quantity.pinned_id:
        food = get_food(quantity.pinned_id)
        return _item(text, food, grams_for(food, quantity), (), False)
    if not quantity.food:
        raise InputError(f"{quoted(text)} has an amount but no food; e.g. '2 eggs'")
    try:
        return _found(text, quantity)
    except PortionError:
        if not (quantity.implied and quantity.kind == "count"):
            raise
    # "whole milk": a size word with no number, and the food has no such portion, so the
    # word is part of the food's name.
    named = f"{quantity.unit} {quantity.food}"
    return _found(text, replace(quantity, amount=None, unit=None, kind=None, food=named))


def _found(text: str, quantity: Quantity) -> Item:
    """The item for `quantity`'s food words, searched."""
    matches = search(quantity.food, limit=12)
    if not matches or matches[0].score < MIN_SCORE:
        raise UnknownFoodError(
            clip(quantity.food, 80),
            [m.name for m in matches[:5]] or _suggest(quantity.food),
        )
    best, food, grams = _fit(matches, quantity)
    grams = checked(food, quantity, grams)
    rest = [m for m in matches if m is not best]
    other_source = [m for m in rest if m.source != best.source][:1]
    alternatives = tuple(dict.fromkeys([*rest[: ALTERNATIVES - len(other_source)], *other_source]))
    far = best.score < matches[0].score - FIT_MARGIN  # chosen for its portion, not its name
    return _item(text, food, grams, alternatives, best.score < SURE_SCORE or far)


def _fit(matches: list[Match], quantity: Quantity) -> tuple[Match, Food, Grams]:
    """The best match whose own portions fit the unit given.

    Among matches scoring within `FIT_MARGIN` of the best, one with a portion
    named as the person wrote ("1 egg", "1 medium") beats one that needs a
    generic size. If none of those has the unit at all ("1 can of tuna" when the
    best match has no can), matches within `WIDE_MARGIN` are tried too; the
    result is then shown as uncertain. If nothing fits, the best match's error is raised.
    """
    best = matches[0].score
    try:
        return _first_fitting([m for m in matches if m.score >= best - FIT_MARGIN][:4], quantity)
    except PortionError as error:
        wider = [m for m in matches if m.score >= best - WIDE_MARGIN][:8]
        try:
            return _first_fitting(wider, quantity)
        except PortionError:
            raise error from None


def _first_fitting(close: list[Match], quantity: Quantity) -> tuple[Match, Food, Grams]:
    fitted: list[tuple[Match, Food, Grams]] = []
    first_error: InputError | None = None
    for match, food in zip(close, get_foods([m.rowid for m in close]), strict=True):
        try:
            grams = measure(food, quantity)
        except PortionError as error:
            first_error = first_error or error
            continue
        if not grams.fallback:
            return match, food, grams
        fitted.append((match, food, grams))
    if fitted:
        return fitted[0]
    assert first_error is not None
    raise first_error


def _item(
    text: str, food: Food, grams: Grams, alternatives: tuple[Match, ...], uncertain: bool
) -> Item:
    scaled = {
        key: None if value is None else value * grams.grams / 100.0
        for key, value in food.nutrients.items()
    }
    return Item(text, food, grams, scaled, alternatives, uncertain, _warnings(food, grams, scaled))


def _warnings(food: Food, grams: Grams, scaled: Mapping[str, float | None]) -> tuple[str, ...]:
    """Refuse one item's energy if no portion could hold it; flag what is merely large.

    (The mass limit is `portions.grams_for`'s.) Figures and reasons: limits.toml [item].
    """
    energy = scaled.get("energy_kcal")
    if energy is not None and energy > MAX_KCAL:
        raise AmountError(
            f"{grams.grams:,.0f} g of {food.name!r} is {energy:,.0f} kcal, over the "
            f"{MAX_KCAL:,.0f} kcal that one item can hold; check the amount"
        )
    found = []
    if grams.grams > LARGE_GRAMS:
        found.append(
            f"{grams.grams:,.0f} g is a very large amount of one food (over "
            f"{LARGE_GRAMS:,.0f} g); check it is what was eaten"
        )
    if energy is not None and energy > LARGE_KCAL:
        found.append(
            f"{energy:,.0f} kcal is more than a day's energy in one item (over "
            f"{LARGE_KCAL:,.0f} kcal); check the amount"
        )
    return tuple(found)


def _suggest(words: str) -> list[str]:
    """Names close in spelling to `words`, for an error message.

    Only the first `phrase.suggest_chars` characters are compared, so the cost is the
    same for any input length.
    """
    from rapidfuzz import fuzz, process

    head = words[:SUGGEST_CHARS]
    found = process.extract(head, _heads(), scorer=fuzz.WRatio, limit=5, score_cutoff=60)
    return [str(name) for name, _, _ in found]


@functools.cache
def _heads() -> tuple[str, ...]:
    """The first part of every food name ("Milk", "Bread"), for suggestions."""
    from twitchcheck.fooddb import connect

    names = connect().execute("SELECT name FROM food")
    return tuple(sorted({name.split(",")[0] for (name,) in names}))


def nutrients(phrases: Iterable[str]) -> NutrientReport:
    """Resolve every phrase and total the nutrients; the first bad phrase raises.

    At most `phrase.count` phrases are read; more is refused before any is resolved.
    """
    given = list(itertools.islice(phrases, MAX_PHRASES + 1))
    if len(given) > MAX_PHRASES:
        raise InputError(
            f"more than {MAX_PHRASES} food phrases at once; give at most {MAX_PHRASES}, or put "
            "a longer list in a diary file (twitchcheck diet analyze)"
        )
    items = tuple(resolve(p) for p in given)
    if not items:
        raise InputError("no food phrases given; e.g. twitchcheck nutrients '1 cup milk'")
    return NutrientReport(items, *total(items))


class HasNutrients(Protocol):
    """Anything carrying nutrient amounts: an item, a diary entry."""

    @property
    def nutrients(self) -> Mapping[str, float | None]: ...


def total(items: Iterable[HasNutrients]) -> tuple[dict[str, float], dict[str, int]]:
    """Sum per nutrient over items, and how many items lacked each nutrient."""
    sums = dict.fromkeys(NUTRIENT_KEYS, 0.0)
    missing = dict.fromkeys(NUTRIENT_KEYS, 0)
    for item in items:
        for key in NUTRIENT_KEYS:
            value = item.nutrients.get(key)
            if value is None:
                missing[key] += 1
            else:
                sums[key] += value
    return sums, missing


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)
