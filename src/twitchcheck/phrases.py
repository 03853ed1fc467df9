"""From what a person typed to a food, its grams and its nutrients.

    nutrients(["1 1/2 cups cooked spinach", "a handful of almonds"])

Each phrase is split into amount, unit and food words (`quantity`), the
food found (`search`, or a pinned id such as ``[01077]``), the grams worked
out from its USDA portions (`portions`) and the nutrients scaled from the
per-100 g values. A nutrient USDA did not analyse stays missing (None), and
the total says how many items lacked it, so a gap is never read as zero.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

from twitchcheck.errors import InputError, PortionError, UnknownFoodError
from twitchcheck.fooddb import SOURCES, Food, get_food, get_foods
from twitchcheck.nutrient_keys import NUTRIENT_KEYS
from twitchcheck.portions import Grams, grams_for
from twitchcheck.quantity import Quantity, parse_quantity
from twitchcheck.search import Match, search

MIN_SCORE = 0.45  # below this the best match shares too little with what was typed
SURE_SCORE = 0.9  # below this the match is shown as uncertain, with alternatives
ALTERNATIVES = 3
FIT_MARGIN = 0.03  # matches this close to the best may win by having the portion asked for
WIDE_MARGIN = 0.15  # ...and these, when none of the closest has the unit at all


@dataclass(frozen=True, slots=True)
class Item:
    """One resolved phrase."""

    input: str
    food: Food
    grams: Grams
    nutrients: dict[str, float | None]
    alternatives: tuple[Match, ...] = ()
    uncertain: bool = False

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
    """Resolve one phrase such as "a medium banana" into food, grams and nutrients."""
    text = phrase.strip()
    if not text:
        raise InputError("empty food phrase; write something like '1 cup milk' or '2 eggs'")
    quantity = parse_quantity(text)
    if quantity.pinned_id:
        food = get_food(quantity.pinned_id)
        return _item(text, food, grams_for(food, quantity), (), False)
    if not quantity.food:
        raise InputError(f"{text!r} has an amount but no food; e.g. '{text} rice'")
    matches = search(quantity.food, limit=12)
    if not matches or matches[0].score < MIN_SCORE:
        raise UnknownFoodError(
            quantity.food, [m.name for m in matches[:5]] or _suggest(quantity.food)
        )
    best, food, grams = _fit(matches, quantity)
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
            grams = grams_for(food, quantity)
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
    return Item(text, food, grams, scaled, alternatives, uncertain)


def _suggest(words: str) -> list[str]:
    """Names close in spelling to `words`, for an error message."""
    from rapidfuzz import fuzz, process

    from twitchcheck.fooddb import connect

    heads = sorted({name.split(",")[0] for (name,) in connect().execute("SELECT name FROM food")})
    found = process.extract(words, heads, scorer=fuzz.WRatio, limit=5, score_cutoff=60)
    return [str(name) for name, _, _ in found]


def nutrients(phrases: Iterable[str]) -> NutrientReport:
    """Resolve every phrase and total the nutrients; the first bad phrase raises."""
    items = tuple(resolve(p) for p in phrases)
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
