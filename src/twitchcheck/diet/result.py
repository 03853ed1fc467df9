"""What a diet analysis returns: days and their totals, usual intake judged per nutrient,
the foods behind each number, the lines counted and not, and the energy check."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from twitchcheck.diet.adequacy import (
    Assessment,
    UpperCheck,
    cutoffs,
)
from twitchcheck.diet.energy import EnergyCheck
from twitchcheck.nutrient_keys import BY_KEY, FOCUS_KEYS, NUTRIENT_KEYS
from twitchcheck.profile import Person
from twitchcheck.targets import Target

if TYPE_CHECKING:
    from twitchcheck.diary import DiaryEntry, DiaryProblem


NOT_COUNTED_KINDS = frozenset({"unmatched", "needs_detail", "invalid"})


Confidence = Literal["low", "moderate", "high"]


@dataclass(frozen=True, slots=True)
class LineCounts:
    """The diary's food lines: how many were counted, and why the others were not.

    `not_counted` are lines left out of every total (unmatched, needing detail, invalid);
    `uncertain` lines are counted but matched with doubt.
    """

    total: int
    counted: int
    not_counted: int
    unmatched: int
    needs_detail: int
    invalid: int
    uncertain: int
    uncertain_lines: frozenset[int] = field(default=frozenset(), compare=False)

    @property
    def summary(self) -> str:
        """ "4 of 49 lines not counted (3 unmatched, 1 needing detail)" """
        parts = [
            f"{n} {what}"
            for n, what in (
                (self.unmatched, "unmatched"),
                (self.needs_detail, "needing detail"),
                (self.invalid, "invalid"),
            )
            if n
        ]
        detail = f" ({', '.join(parts)})" if parts else ""
        return f"{self.not_counted} of {self.total} lines not counted{detail}"

    def to_dict(self) -> dict[str, object]:
        return {
            "total": self.total,
            "counted": self.counted,
            "not_counted": self.not_counted,
            "unmatched": self.unmatched,
            "needs_detail": self.needs_detail,
            "invalid": self.invalid,
            "uncertain": self.uncertain,
        }


def line_counts(entries: Sequence[DiaryEntry], problems: Sequence[DiaryProblem]) -> LineCounts:
    """Count the diary's food lines: those behind entries and those left out."""
    by_kind: dict[str, set[int]] = defaultdict(set)
    for problem in problems:
        by_kind[problem.kind].add(problem.line)
    counted = {e.line for e in entries}
    left_out = set().union(*(by_kind[k] for k in NOT_COUNTED_KINDS)) - counted
    unmatched = by_kind["unmatched"] - counted
    detail = by_kind["needs_detail"] - counted - unmatched
    invalid = left_out - unmatched - detail
    uncertain = by_kind["uncertain"] & counted
    return LineCounts(
        len(counted | left_out), len(counted), len(left_out), len(unmatched), len(detail),
        len(invalid), len(uncertain), frozenset(uncertain),
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class DayTotals:
    """One day's totals per nutrient (None when no item had a value), and how many items
    lacked each nutrient (a total with some lacking is a lower bound)."""

    day: datetime.date
    items: int
    totals: dict[str, float | None]
    missing: dict[str, int]

    def to_dict(self) -> dict[str, object]:
        return {
            "day": self.day.isoformat(),
            "items": self.items,
            "totals": {k: _rounded(v, 3) for k, v in self.totals.items()},
            "items_without_value": {k: n for k, n in self.missing.items() if n},
        }


@dataclass(frozen=True, slots=True)
class FoodSource:
    """A food that supplied part of a nutrient over the whole diary.

    `release` is the USDA release its value came from; `disagreement` is set when the other
    release has a food of the same description whose value differs by more than
    [releases] ratio (data/diary.toml), and says both.
    """

    name: str
    amount: float
    share: float
    release: str | None = None
    disagreement: str | None = None

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "food": self.name, "amount": round(self.amount, 2), "share": round(self.share, 3),
            "release": self.release,
        }  # fmt: skip
        if self.disagreement is not None:
            out["releases_disagree"] = self.disagreement
        return out


@dataclass(frozen=True, slots=True)
class NutrientResult:
    """Usual intake of one of the five nutrients against its target.

    `mean` is food alone, over the `days_with_value` days that have a total for it (a lower
    bound when `items_without_value` of the `items` on them lack it); `supplement` the daily
    amount from supplements with a dose; the judgement and the percent of target are on
    `total`.
    """

    key: str
    mean: float
    target: Target
    percent_of_target: float | None
    assessment: Assessment
    top_sources: tuple[FoodSource, ...]
    supplement: float = 0.0
    days_with_value: int = 0
    items: int = 0
    items_without_value: int = 0
    capped: bool = False  # confidence lowered for lines not counted, doubt or under-recording
    may_be_higher: bool = False  # lines not counted could only add to it

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
            "target": _target(self.target),
            "percent_of_target": _rounded(self.percent_of_target, 1),
            "days_with_value": self.days_with_value,
            "items_without_value": self.items_without_value,
            "may_be_higher": self.may_be_higher,
            "confidence_lowered": self.capped,
            "adequacy": self.assessment.to_dict(),
            "top_sources": [s.to_dict() for s in self.top_sources],
        }


@dataclass(frozen=True, slots=True)
class UnknownNutrient:
    """One of the five nutrients the diary gives no value for on any day: not judged.

    Supplements with a dose are still counted against the upper limit where they alone
    can tell (`upper`); the JSON has the shape of `NutrientResult.to_dict` with nulls.
    """

    key: str
    target: Target
    supplement: float
    upper: UpperCheck | None
    note: str

    @property
    def goal(self) -> float | None:
        return self.target.goal

    def to_dict(self) -> dict[str, object]:
        return {
            "mean": None,
            "supplements": round(self.supplement, 3),
            "total": None,
            "unit": BY_KEY[self.key].unit,
            "target": _target(self.target),
            "percent_of_target": None,
            "days_with_value": 0,
            "items_without_value": None,
            "may_be_higher": False,
            "confidence_lowered": False,
            "adequacy": {
                "method": "none",
                "supplements_counted": round(self.supplement, 3),
                "z": None,
                "p_adequate": None,
                "judgement": "unknown",
                "confidence": "low",
                "note": self.note,
                "upper_limit": self.upper.to_dict() if self.upper else None,
                "source": cutoffs().source,
            },
            "top_sources": [],
        }


@dataclass(frozen=True)
class DietAnalysis:
    """The analysis: `nutrients` holds the judged ones, `unknown` those the diary lacks;
    `usual` the mean of every nutrient key that has a value on at least one day."""

    person: Person
    format: str
    days: tuple[DayTotals, ...]
    usual: dict[str, float]
    nutrients: tuple[NutrientResult, ...]
    problems: tuple[DiaryProblem, ...]
    notes: tuple[str, ...]
    supplements: tuple[dict[str, object], ...] = ()
    unknown: tuple[UnknownNutrient, ...] = ()
    lines: LineCounts | None = None
    energy: EnergyCheck | None = None
    entries: tuple[DiaryEntry, ...] = ()
    region: str | None = None

    @property
    def results(self) -> tuple[NutrientResult | UnknownNutrient, ...]:
        """Every one of the five nutrients, judged or unknown, in the usual order."""
        found: dict[str, NutrientResult | UnknownNutrient] = {n.key: n for n in self.nutrients}
        found.update({n.key: n for n in self.unknown})
        return tuple(found[key] for key in FOCUS_KEYS if key in found)

    def to_dict(self) -> dict[str, object]:
        return {
            "person": {"age": self.person.age_years, "sex": self.person.sex,
                       "pregnant": self.person.pregnant, "lactating": self.person.lactating},
            "format": self.format,
            "days": [d.to_dict() for d in self.days],
            "usual_intake": {k: _rounded(self.usual.get(k), 3) for k in NUTRIENT_KEYS},
            "adequacy": {n.key: n.to_dict() for n in self.results},
            "supplements": list(self.supplements),
            "problems": [p.to_dict() for p in self.problems],
            "notes": list(self.notes),
            "lines": self.lines.to_dict() if self.lines else None,
            "energy_check": self.energy.to_dict() if self.energy else None,
            "entries": [_entry(e) for e in self.entries],
        }  # fmt: skip

    def to_screening(self) -> dict[str, object]:
        """The part the screening weighs (`diet.analysis` in its answers); an unknown
        nutrient is passed as "unknown" with no mean, so it moves nothing."""
        judged: dict[str, object] = {}
        for result in self.results:
            if isinstance(result, UnknownNutrient) or result.assessment.judgement == "unknown":
                judged[result.key] = {
                    "judgement": "unknown", "confidence": 0.0, "mean": None,
                    "target": result.goal,
                }  # fmt: skip
                continue
            a = result.assessment
            if a.p_adequate is None:
                confidence = {"high": 0.9, "moderate": 0.7, "low": 0.5}[a.confidence]
            else:
                confidence = a.p_adequate if a.judgement == "adequate" else 1 - a.p_adequate
            if result.items_without_value and a.judgement != "adequate":
                confidence = min(confidence, 0.5)  # a shortfall on a lower bound: weigh it less
            if result.capped:  # lines not counted, doubt or under-recording lowered it
                confidence = min(
                    confidence, {"high": 1.0, "moderate": 0.7, "low": 0.5}[a.confidence]
                )
            judged[result.key] = {
                "judgement": a.judgement,
                "confidence": round(confidence, 3),
                "mean": round(result.total, 2),
                "target": result.goal,
            }
        return {"days": len(self.days), "nutrients": judged, "source": "twitchcheck diet analyze"}


def _target(target: Target) -> dict[str, object]:
    return {
        "ear": target.ear,
        "rda": target.rda,
        "ai": target.ai,
        "ul": target.ul,
        "ul_scope": target.ul_scope_short,
        "life_stage": target.life_stage,
        "sources": list(target.sources),
    }


def _entry(entry: DiaryEntry) -> dict[str, object]:
    """An entry for the analysis JSON: where and when it was eaten and what it became."""
    return {
        **entry.where(),
        "food": None
        if entry.item is None
        else {"id": entry.item.food.id, "name": entry.item.food.name},
        "how": entry.how,
        "uncertain": entry.item is not None and entry.item.uncertain,
        "grams": None if entry.grams is None else round(entry.grams, 1),
        "energy_kcal": _rounded(entry.nutrients.get("energy_kcal"), 1),
    }


def _rounded(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)
