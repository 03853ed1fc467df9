"""Diet analysis: a diary's days → totals, usual intake, adequacy and the foods behind each number.

    analysis = analyze(read_diary(path), Person(40, "female"), supplements)

Per day, every nutrient key is totalled, with a count of the items that had no
value for it (an unknown is never a zero). Usual intake is the mean over the
recorded days; daily supplements with a dose are added to it, and the total is
judged against the person's reference intakes by the IOM method (`adequacy`), the
upper limits counting what each counts (magnesium's: supplements only). The foods
that supplied most of each nutrient are listed. The result can be handed to the
screening as evidence (`to_screening`).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from twitchcheck.adequacy import Assessment, assess
from twitchcheck.errors import InputError
from twitchcheck.nutrient_keys import BY_KEY, FOCUS_KEYS, NUTRIENT_KEYS
from twitchcheck.phrases import total
from twitchcheck.profile import Person
from twitchcheck.targets import Target, targets_for_person

if TYPE_CHECKING:
    from twitchcheck.diary import Diary, DiaryEntry, DiaryProblem
    from twitchcheck.supplements import Supplement

TOP_SOURCES = 5


@dataclass(frozen=True, slots=True)
class DayTotals:
    """One day's totals per nutrient, and how many items lacked each nutrient."""

    day: datetime.date
    items: int
    totals: dict[str, float]
    missing: dict[str, int]

    def to_dict(self) -> dict[str, object]:
        return {
            "day": self.day.isoformat(),
            "items": self.items,
            "totals": {k: round(v, 3) for k, v in self.totals.items()},
            "items_without_value": {k: n for k, n in self.missing.items() if n},
        }


@dataclass(frozen=True, slots=True)
class FoodSource:
    """A food that supplied part of a nutrient over the whole diary."""

    name: str
    amount: float
    share: float

    def to_dict(self) -> dict[str, object]:
        return {"food": self.name, "amount": round(self.amount, 2), "share": round(self.share, 3)}


@dataclass(frozen=True, slots=True)
class NutrientResult:
    """Usual intake of one of the five nutrients against its target.

    `mean` is food alone; `supplement` the daily amount from supplements with a dose;
    the judgement and the percent of target are on `total`.
    """

    key: str
    mean: float
    target: Target
    percent_of_target: float | None
    assessment: Assessment
    top_sources: tuple[FoodSource, ...]
    supplement: float = 0.0

    @property
    def goal(self) -> float | None:
        """The RDA, or the AI where no RDA exists."""
        return self.target.goal

    @property
    def total(self) -> float:
        return self.mean + self.supplement

    def to_dict(self) -> dict[str, object]:
        return {
            "mean": round(self.mean, 2),
            "supplements": round(self.supplement, 3),
            "total": round(self.total, 2),
            "unit": BY_KEY[self.key].unit,
            "target": {
                "ear": self.target.ear,
                "rda": self.target.rda,
                "ai": self.target.ai,
                "ul": self.target.ul,
                "ul_scope": self.target.ul_scope_short,
                "life_stage": self.target.life_stage,
                "sources": list(self.target.sources),
            },
            "percent_of_target": None
            if self.percent_of_target is None
            else round(self.percent_of_target, 1),
            "adequacy": self.assessment.to_dict(),
            "top_sources": [s.to_dict() for s in self.top_sources],
        }


@dataclass(frozen=True)
class DietAnalysis:
    person: Person
    format: str
    days: tuple[DayTotals, ...]
    usual: dict[str, float]
    nutrients: tuple[NutrientResult, ...]
    problems: tuple[DiaryProblem, ...]
    notes: tuple[str, ...]
    supplements: tuple[dict[str, object], ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {
            "person": {"age": self.person.age_years, "sex": self.person.sex,
                       "pregnant": self.person.pregnant, "lactating": self.person.lactating},
            "format": self.format,
            "days": [d.to_dict() for d in self.days],
            "usual_intake": {k: round(v, 3) for k, v in self.usual.items()},
            "adequacy": {n.key: n.to_dict() for n in self.nutrients},
            "supplements": list(self.supplements),
            "problems": [_problem(p) for p in self.problems],
            "notes": list(self.notes),
        }  # fmt: skip

    def to_screening(self) -> dict[str, object]:
        """The part the screening weighs (`diet.analysis` in its answers)."""
        judged = {}
        for result in self.nutrients:
            a = result.assessment
            if a.p_adequate is None:
                confidence = {"high": 0.9, "moderate": 0.7, "low": 0.5}[a.confidence]
            else:
                confidence = a.p_adequate if a.judgement == "adequate" else 1 - a.p_adequate
            judged[result.key] = {
                "judgement": a.judgement,
                "confidence": round(confidence, 3),
                "mean": round(result.total, 2),
                "target": result.goal,
            }
        return {"days": len(self.days), "nutrients": judged, "source": "twitchcheck diet analyze"}


def analyze(diary: Diary, person: Person, supplements: Sequence[Supplement] = ()) -> DietAnalysis:
    """Totals per day, usual intake and adequacy of the five nutrients for `person`.

    `supplements` taken daily count in the judgement where a dose is given.
    """
    if not diary.entries:
        raise InputError(
            "the diary has no food that could be matched"
            + (f" ({len(diary.problems)} problem lines)" if diary.problems else "")
            + "; check the file or name its format with --format"
        )
    days = daily_totals(diary.entries)
    usual = {key: sum(d.totals[key] for d in days) / len(days) for key in NUTRIENT_KEYS}
    targets = targets_for_person(person)
    supplied, listed = supplement_amounts(supplements)
    results = tuple(
        _nutrient(key, usual[key], len(days), targets[key], person, diary.entries, supplied)
        for key in FOCUS_KEYS
    )
    notes = _notes(days, diary, listed)
    return DietAnalysis(
        person, diary.format, days, usual, results, diary.problems, notes, tuple(listed)
    )


def supplement_amounts(
    supplements: Sequence[Supplement],
) -> tuple[dict[str, float], list[dict[str, object]]]:
    """Daily amounts per nutrient key from supplements with a dose, and each one's record."""
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
    return supplied, listed


def daily_totals(entries: Iterable[DiaryEntry]) -> tuple[DayTotals, ...]:
    """Sum each nutrient per day; count items that had no value for it."""
    by_day: dict[datetime.date, list[DiaryEntry]] = defaultdict(list)
    for entry in entries:
        by_day[entry.day].append(entry)
    return tuple(DayTotals(day, len(by_day[day]), *total(by_day[day])) for day in sorted(by_day))


def top_sources(
    entries: Sequence[DiaryEntry], key: str, limit: int = TOP_SOURCES
) -> tuple[FoodSource, ...]:
    """The foods that supplied most of nutrient `key` over the whole diary."""
    by_food: dict[str, float] = defaultdict(float)
    for entry in entries:
        value = entry.nutrients.get(key)
        if value:
            by_food[entry.item.food.name if entry.item else entry.text] += value
    total = sum(by_food.values())
    ranked = sorted(by_food.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    return tuple(FoodSource(name, amount, amount / total) for name, amount in ranked if total > 0)


def _nutrient(
    key: str,
    mean: float,
    days: int,
    target: Target,
    person: Person,
    entries: Sequence[DiaryEntry],
    supplied: Mapping[str, float],
) -> NutrientResult:
    goal = target.goal
    extra = supplied.get(key, 0.0)
    percent = 100.0 * (mean + extra) / goal if goal else None
    assessment = assess(key, mean, days, target, person.sex, person.age_years, extra)
    sources = top_sources(entries, key)
    return NutrientResult(key, mean, target, percent, assessment, sources, extra)


def _notes(
    days: tuple[DayTotals, ...], diary: Diary, supplements: Sequence[Mapping[str, object]]
) -> tuple[str, ...]:
    notes = []
    if len(days) == 1:
        notes.append(
            "Only one day of records: it says little about usual intake, so every judgement is "
            "of low confidence. Record at least three days, including a weekend day."
        )
    elif len(days) < 3:
        notes.append("Fewer than three days of records: judgements are of low confidence.")
    notes.append(
        "Vitamin D and B12 intakes swing too much from day to day for the IOM's normal test; they "
        "are judged on the log scale, which is approximate."
    )
    counted = [str(s["text"]) for s in supplements if s["counted"]]
    uncounted = [str(s["text"]) for s in supplements if not s["counted"]]
    if counted:
        notes.append(
            f"Supplements counted as taken every day: {'; '.join(counted)}. The upper limits "
            "count them as each limit says (magnesium's counts supplements and medicines only)."
        )
    if uncounted:
        notes.append(
            f"Not counted (no dose given, or none of the five nutrients): {'; '.join(uncounted)}. "
            "Give the dose from the label to count it."
        )
    if not supplements:
        notes.append("No supplements were given: the figures are food only.")
    if diary.problems:
        notes.append(
            f"{len(diary.problems)} line(s) could not be used or are doubtful; see problems."
        )
    return tuple(notes)


def _problem(problem: DiaryProblem) -> dict[str, object]:
    return {
        "line": problem.line,
        "text": problem.text,
        "kind": problem.kind,
        "message": problem.message,
        "suggestions": list(problem.suggestions),
    }
