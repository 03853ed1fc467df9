"""Totals per day, usual intake (the mean over the days that have one), supplements per day
and the foods that supplied most of each nutrient."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from typing import TYPE_CHECKING

from twitchcheck.foods.database import SOURCES
from twitchcheck.foods.phrases import total
from twitchcheck.nutrient_keys import BY_KEY, NUTRIENT_KEYS

if TYPE_CHECKING:
    from twitchcheck.diary import DiaryEntry, DiarySupplement
    from twitchcheck.foods.database import Food
    from twitchcheck.knowledge.supplements import Supplement
from twitchcheck.diet.releases import (
    release_disagreement,
)
from twitchcheck.diet.result import (
    DayTotals,
    FoodSource,
)

TOP_SOURCES = 5


def usual_intake(days: Sequence[DayTotals]) -> dict[str, float]:
    """The mean of each nutrient over the days with a total for it; a nutrient that no day
    has a value for is left out (unknown, not zero)."""
    usual: dict[str, float] = {}
    for key in NUTRIENT_KEYS:
        known = [d.totals[key] for d in days if d.totals[key] is not None]
        if known:
            usual[key] = sum(v for v in known if v is not None) / len(known)
    return usual


def supplement_amounts(
    supplements: Sequence[Supplement],
    written: Sequence[DiarySupplement] = (),
    days: Collection[datetime.date] = (),
) -> tuple[dict[str, float], list[dict[str, object]]]:
    """Daily amounts per nutrient key from supplements with a dose, and each one's record.

    Those `written` in the diary count on its `days` (the days with food), as a mean a day:
    "vit d3 1000iu" on 3 of 7 days adds 3 x 25 / 7 µg. One also given as taken daily (the
    same kind) is counted once, as given; one on a day with no food is listed, not counted.
    """
    supplied: dict[str, float] = {}
    listed: list[dict[str, object]] = []
    for supplement in supplements:
        amounts = {k: v for k, v in supplement.nutrients.items() if k in BY_KEY and v > 0}
        counted = supplement.dose_given and bool(amounts)
        for key, amount in amounts.items() if counted else ():
            supplied[key] = supplied.get(key, 0.0) + amount
        listed.append(
            {"text": supplement.text, "counted": counted, "nutrients": amounts if counted else {}}
        )
    given = {s.id for s in supplements}
    by_text: dict[str, list[DiarySupplement]] = defaultdict(list)
    for line in written:
        by_text[" ".join(line.text.lower().split())].append(line)
    for lines in by_text.values():
        listed.append(_written(lines, given, days, supplied))
    return supplied, listed


def _written(
    lines: Sequence[DiarySupplement],
    given: Collection[str],
    days: Collection[datetime.date],
    supplied: dict[str, float],
) -> dict[str, object]:
    """The record of one supplement as the diary writes it (its lines), its mean a day added
    to `supplied` where it counts."""
    first = lines[0].supplement
    on_days = [line for line in lines if line.day in days]
    counted = first.id not in given and bool(on_days) and bool(days)
    amounts: dict[str, float] = {}
    for line in on_days if counted else ():
        for key, amount in line.supplement.nutrients.items():
            if key in BY_KEY and amount > 0:
                amounts[key] = amounts.get(key, 0.0) + amount / len(days)
    for key, amount in amounts.items():
        supplied[key] = supplied.get(key, 0.0) + amount
    why = (
        "given as taken daily too: counted once, as given"
        if first.id in given
        else None
        if on_days
        else "written on days with no food recorded"
    )
    return {
        "text": lines[0].text,
        "counted": bool(amounts),
        "nutrients": {k: round(v, 3) for k, v in amounts.items()},
        "from_diary": True,
        "lines": [line.line for line in lines],
        "days": len({line.day for line in on_days}),
        **({"why_not": why} if why and not amounts else {}),
    }


def daily_totals(entries: Iterable[DiaryEntry]) -> tuple[DayTotals, ...]:
    """Sum each nutrient per day; count items that had no value for it."""
    by_day: dict[datetime.date, list[DiaryEntry]] = defaultdict(list)
    for entry in entries:
        by_day[entry.day].append(entry)
    out = []
    for day in sorted(by_day):
        items = len(by_day[day])
        sums, missing = total(by_day[day])
        totals: dict[str, float | None] = {
            k: None if missing[k] == items else v for k, v in sums.items()
        }
        out.append(DayTotals(day, items, totals, missing))
    return tuple(out)


def top_sources(
    entries: Sequence[DiaryEntry], key: str, limit: int = TOP_SOURCES
) -> tuple[FoodSource, ...]:
    """The foods that supplied most of nutrient `key` over the whole diary, each with its
    USDA release and, where the other release disagrees strongly, both values."""
    by_food: dict[str, float] = defaultdict(float)
    foods: dict[str, Food] = {}
    for entry in entries:
        value = entry.nutrients.get(key)
        if value:
            name = entry.item.food.name if entry.item else entry.text
            by_food[name] += value
            if entry.item is not None:
                foods.setdefault(name, entry.item.food)
    total = sum(by_food.values())
    ranked = sorted(by_food.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    if total <= 0:
        return ()
    return tuple(
        FoodSource(
            name,
            amount,
            amount / total,
            SOURCES[foods[name].source] if name in foods else None,
            release_disagreement(foods[name], key) if name in foods else None,
        )
        for name, amount in ranked
    )
