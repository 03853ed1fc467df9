"""The richest allowed foods for a gap, per typical serving and per 100 kcal."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from twitchcheck.advice.candidates import (
    Filters,
    allowed,
    candidates,
    one_per_kind,
)
from twitchcheck.advice.optimiser import usable
from twitchcheck.errors import InputError

if TYPE_CHECKING:
    pass
from twitchcheck.advice.result import (
    Suggestion,
)

SUGGESTIONS = 8


def suggest(
    key: str,
    filters: Filters,
    limit: int = SUGGESTIONS,
    *,
    caps: Mapping[str, float] | None = None,
    avoid: Mapping[str, float] | None = None,
) -> tuple[tuple[Suggestion, ...], tuple[Suggestion, ...]]:
    """The richest allowed foods for `key`: per typical serving, and per 100 kcal.

    A food whose serving alone would add more of a held nutrient than `caps` allows, or
    more than `avoid` per serving, is not suggested.
    """
    caps, avoid = caps or {}, avoid or {}
    foods = [f for f in allowed(filters) if f.per_serving(key) > 0 and usable(f, caps, avoid)]
    by_serving = one_per_kind(sorted(foods, key=lambda f: (-f.per_serving(key), f.id)), limit)
    by_energy = one_per_kind(
        sorted(foods, key=lambda f: (-(f.per_100_kcal(key) or 0.0), f.id)), limit
    )
    return tuple(Suggestion(f, key) for f in by_serving), tuple(
        Suggestion(f, key) for f in by_energy
    )


def familiar_ids(eaten: Iterable[str]) -> set[str]:
    """Candidate ids the person already eats: the same food, or the same kind of food."""
    from twitchcheck.advice.candidates import kind_of
    from twitchcheck.foods.database import get_food

    ids = set(eaten)
    kinds = set()
    for food_id in ids:
        try:
            kinds.add(kind_of(get_food(food_id).name))
        except InputError:
            continue
    return {c.id for c in candidates() if c.id in ids or c.kind in kinds}
