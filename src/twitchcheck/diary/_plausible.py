"""Can a line, or a day, be true? The limits are in data/limits.toml ([day], item.*).

A line holding what no day can hold (a negative amount, an infinity, 10 million IU of
vitamin D) is left out and reported; so is a day whose lines add up to the impossible
(forty lines of 5 kg of butter) or that holds more items than a day has. A day that is
possible but unusual (over 5,000 kcal, under 500 kcal) is kept and flagged. Nothing here
prints or raises: the collector turns the messages into problems.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from twitchcheck.limits import limit
from twitchcheck.nutrient_keys import BY_KEY


@dataclass(frozen=True, slots=True)
class DayVerdict:
    """What the day check found: `message` and whether the day is kept (`kept`)."""

    message: str
    kept: bool


def line_problem(
    nutrients: Mapping[str, float | None], grams: float | None, export: bool
) -> str | None:
    """Why one line cannot be true, or None. `export`: the nutrients came with the file
    (a typed line's energy is already held to item.energy_kcal by the food search)."""
    if grams is not None:
        most = limit("item.grams")
        if not math.isfinite(grams) or grams < 0:
            return f"the amount ({grams:g} g) is not an amount that can be eaten"
        if grams > most:
            return (
                f"{grams:,.0f} g is over the {most / 1000:g} kg limit for one item; "
                "check the amount in the app"
            )
    for key, value in nutrients.items():
        if value is None:
            continue
        said = _said(key, value)
        if not math.isfinite(value):
            return f"{said} is not an amount"
        if value < 0:
            return f"{said}: an amount eaten cannot be negative"
        if value > day_limit(key):
            return (
                f"{said} in one line is more than a whole day can hold (at most "
                f"{_amount(key, day_limit(key))}); check the amount and its unit"
            )
    energy = nutrients.get("energy_kcal")
    if export and energy is not None and energy > limit("item.energy_kcal"):
        return (
            f"{_said('energy_kcal', energy)} in one item is more than one portion holds "
            f"(at most {limit('item.energy_kcal'):,.0f} kcal); check the amount in the app"
        )
    return None


def line_warnings(nutrients: Mapping[str, float | None], grams: float | None) -> list[str]:
    """What is possible but unusual in an export's line: the item.*_large limits, as a typed
    line's item warns of them (`phrases.Item.warnings`)."""
    found = []
    if grams is not None and grams > limit("item.grams_large"):
        found.append(
            f"{grams:,.0f} g is a very large amount of one food (over "
            f"{limit('item.grams_large'):,.0f} g); check it is what was eaten"
        )
    energy = nutrients.get("energy_kcal")
    if energy is not None and energy > limit("item.energy_kcal_large"):
        found.append(
            f"{energy:,.0f} kcal is more than a day's energy in one item (over "
            f"{limit('item.energy_kcal_large'):,.0f} kcal); check the amount"
        )
    return found


def day_verdicts(
    day: datetime.date, lines: Sequence[int], nutrients: Sequence[Mapping[str, float | None]]
) -> list[DayVerdict]:
    """The day's problems: too many items or an impossible total (the day is left out), or
    an unusual energy total (kept and flagged)."""
    where = _lines(lines)
    most = int(limit("day.items"))
    if len(lines) > most:
        return [
            DayVerdict(
                f"{day.isoformat()} has {len(lines):,} items ({where}); a day holds at most "
                f"{most:,}, so is a date heading missing? The day is left out",
                kept=False,
            )
        ]
    totals = _totals(nutrients)
    for key, total in totals.items():
        if total > day_limit(key):
            return [
                DayVerdict(
                    f"{day.isoformat()}: {_label(key)} adds up to {_amount(key, total)} "
                    f"({where}), more than any day can hold (at most "
                    f"{_amount(key, day_limit(key))}); check the amounts and units. The day is "
                    "left out",
                    kept=False,
                )
            ]
    energy = totals.get("energy_kcal")
    if energy is None:
        return []
    if energy > limit("day.energy_kcal_high"):
        return [
            DayVerdict(
                f"{day.isoformat()}: energy adds up to {energy:,.0f} kcal ({where}); possible, "
                "but more than twice most adults' needs: check for a line entered twice or a "
                "wrong portion. The day is counted",
                kept=True,
            )
        ]
    if energy < limit("day.energy_kcal_low"):
        return [
            DayVerdict(
                f"{day.isoformat()}: energy adds up to only {energy:,.0f} kcal ({where}); a day "
                "this low is usually only partly recorded, which makes intake look lower than "
                "it is. The day is counted",
                kept=True,
            )
        ]
    return []


def day_limit(key: str) -> float:
    """The most of nutrient `key` any day can hold (day.<key> in limits.toml)."""
    return limit(f"day.{key}")


def _totals(nutrients: Sequence[Mapping[str, float | None]]) -> dict[str, float]:
    """The sum of each nutrient over the items that have a value for it."""
    totals: dict[str, float] = {}
    for item in nutrients:
        for key, value in item.items():
            if value is not None:
                totals[key] = totals.get(key, 0.0) + value
    return totals


def _said(key: str, value: float) -> str:
    """ "magnesium -5 mg", "vitamin D 250,000 µg"."""
    return f"{_label(key)} {_amount(key, value)}"


def _label(key: str) -> str:
    nutrient = BY_KEY.get(key)
    label = nutrient.label if nutrient else key
    return label[0].lower() + label[1:]  # "vitamin D", "energy"


def _amount(key: str, value: float) -> str:
    nutrient = BY_KEY.get(key)
    return f"{_number(value)} {nutrient.unit if nutrient else ''}".rstrip()


def _number(value: float) -> str:
    if not math.isfinite(value):
        return str(value)
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3g}"


def _lines(lines: Sequence[int]) -> str:
    first, last = min(lines), max(lines)
    return f"line {first}" if first == last else f"lines {first}-{last}"
