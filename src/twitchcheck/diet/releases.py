"""Where USDA's two releases (SR28 and FNDDS) disagree strongly on a food of the same
name, the value used and its release are said."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from twitchcheck.foods.database import SOURCES
from twitchcheck.nutrient_keys import BY_KEY, NUTRIENT_KEYS

if TYPE_CHECKING:
    from twitchcheck.foods.database import Food
from twitchcheck.diet.honesty import honest_limits


@cache
def _both_releases() -> frozenset[str]:
    """Descriptions (lower case) that both USDA releases hold, grouped in SQLite (a pass in
    Python over the 14,221 names took 1.5 times as long, in every cold `diet analyze`)."""
    from twitchcheck.foods.database import connect

    rows = connect().execute(
        "SELECT lower(name) FROM food GROUP BY lower(name) HAVING COUNT(DISTINCT source) > 1"
    )
    return frozenset(name for (name,) in rows)


@cache
def _same_name(name: str) -> tuple[tuple[str, str, dict[str, float | None]], ...]:
    """The foods of description `name` (lower case): (source, id, values per 100 g)."""
    from twitchcheck.foods.database import connect

    columns = ", ".join(NUTRIENT_KEYS)
    rows = connect().execute(
        f"SELECT source, id, {columns} FROM food WHERE lower(name) = ?",
        (name,),
    )
    return tuple(
        (source, food_id, dict(zip(NUTRIENT_KEYS, values, strict=True)))
        for source, food_id, *values in rows
    )


def release_disagreement(food: Food, key: str) -> str | None:
    """Both values, when the other USDA release has a food of the same description whose
    value for `key` differs from this one's by more than [releases] ratio."""
    used = food.nutrients.get(key)
    if not used:
        return None
    ratio = honest_limits()["release_ratio"]
    name = food.name.lower()
    if name not in _both_releases():
        return None
    for source, food_id, values in _same_name(name):
        other = values.get(key)
        if source == food.source or not other or max(used, other) / min(used, other) <= ratio:
            continue
        unit = BY_KEY[key].unit
        return (
            f"value used: {used:.3g} {unit}/100 g from {SOURCES[food.source]} [{food.id}]; "
            f"{SOURCES[source]} has {other:.3g} {unit}/100 g for the same description "
            f"[{food_id}]"
        )
    return None
