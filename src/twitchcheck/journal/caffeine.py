"""A day's caffeine from the food diary, with the time of day (data/journal.toml
[diary_caffeine]): the caffeine_mg and caffeine_after_2pm factors for a day whose person did
not type them, from the diet analysis of each diary line."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from twitchcheck._data import load_toml, reading
from twitchcheck.journal.definitions import FILE, FactorValue
from twitchcheck.journal.model import Journal

if TYPE_CHECKING:  # the diary package costs a cold `journal add` ~0.1-0.2 s; only typed here
    from twitchcheck.diary import Diary, DiaryEntry


@dataclass(frozen=True)
class DiaryCaffeine:
    """One day's caffeine as the diary tells it.

    `caffeine_mg` is a lower bound when `items_without_value` > 0; `after_2pm` is None when
    a line with caffeine has neither a time nor a meal that places it."""

    date: dt.date
    caffeine_mg: float
    items_without_value: int
    after_2pm: bool | None

    def factors(self) -> dict[str, FactorValue]:
        """The factors this gives the journal (caffeine_after_2pm only when known)."""
        found: dict[str, FactorValue] = {"caffeine_mg": round(self.caffeine_mg, 1)}
        if self.after_2pm is not None:
            found["caffeine_after_2pm"] = self.after_2pm
        return found


@dataclass(frozen=True)
class _Rule:
    after: str
    least_mg: float
    before_meals: frozenset[str]
    after_meals: frozenset[str]


@functools.cache
def _rule() -> _Rule:
    data = load_toml(FILE)
    with reading(FILE):
        section = data["diary_caffeine"]
        return _Rule(
            after=dt.time.fromisoformat(section["after"]).strftime("%H:%M"),
            least_mg=float(section["least_mg"]),
            before_meals=frozenset(section["before_meals"]),
            after_meals=frozenset(section["after_meals"]),
        )


def _late(entry: DiaryEntry, rule: _Rule) -> bool | None:
    """Whether a line was at or after 2 p.m.; None when neither its time nor meal says."""
    if entry.time is not None:
        return entry.time >= rule.after  # "HH:MM" strings order as times
    if entry.meal in rule.after_meals:
        return True
    if entry.meal in rule.before_meals:
        return False
    return None


def _day(date: dt.date, entries: Iterable[DiaryEntry], rule: _Rule) -> DiaryCaffeine:
    total, unknown, late, unplaced = 0.0, 0, False, False
    for entry in entries:
        mg = entry.nutrients.get("caffeine_mg")
        if mg is None:
            unknown += 1
            continue
        total += mg
        if mg >= rule.least_mg:
            when = _late(entry, rule)
            late = late or when is True
            unplaced = unplaced or when is None
    return DiaryCaffeine(date, total, unknown, True if late else (None if unplaced else False))


def caffeine_by_day(diary: Diary) -> dict[dt.date, DiaryCaffeine]:
    """Each diary day's caffeine, in date order (a day with no line has none)."""
    rule = _rule()
    by_day: dict[dt.date, list[DiaryEntry]] = {}
    for entry in diary.entries:
        by_day.setdefault(entry.day, []).append(entry)
    return {day: _day(day, by_day[day], rule) for day in sorted(by_day)}


def day_factors(
    journal: Journal, caffeine: Mapping[dt.date, DiaryCaffeine] | None = None
) -> dict[dt.date, dict[str, FactorValue]]:
    """Each day's factors: those the person typed, and the diary's caffeine for what they
    did not type."""
    found: dict[dt.date, dict[str, FactorValue]] = {}
    for date, day_caffeine in (caffeine or {}).items():
        found[date] = day_caffeine.factors()
    for day in journal.days:
        found[day.date] = {**found.get(day.date, {}), **day.factors}
    return dict(sorted(found.items()))
