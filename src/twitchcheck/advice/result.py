"""What advice returns: the gaps, food suggestions, the plan, what the safety rules changed
and notes, each with its sources."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from twitchcheck.advice.candidates import (
    Candidate,
    Filters,
)
from twitchcheck.advice.optimiser import Plan
from twitchcheck.nutrient_keys import BY_KEY
from twitchcheck.profile import Person

if TYPE_CHECKING:
    pass


ChangeKind = Literal[
    "urgent_lab", "hold", "avoid", "left_out", "over_limit", "lab_low", "priority", "baseline",
    "supplements",
]  # fmt: skip


# What changes the plan to prevent harm comes first, then what the diet pattern changes.
CHANGE_ORDER: tuple[ChangeKind, ...] = (
    "urgent_lab", "hold", "avoid", "left_out", "over_limit", "lab_low", "priority", "baseline",
    "supplements",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Gap:
    """A nutrient to raise: current intake, the goal, and where the current figure came from."""

    key: str
    before: float
    goal: float
    basis: str

    @property
    def short_by(self) -> float:
        return max(0.0, self.goal - self.before)

    def to_dict(self) -> dict[str, object]:
        return {
            "nutrient": self.key,
            "before": round(self.before, 2),
            "goal": self.goal,
            "short_by": round(self.short_by, 2),
            "basis": self.basis,
        }


@dataclass(frozen=True, slots=True)
class Suggestion:
    food: Candidate
    key: str

    @property
    def amount(self) -> float:
        return self.food.per_serving(self.key)

    @property
    def text(self) -> str:
        """ "1 oz, without shell Pumpkin seeds, NFS: 156 mg magnesium"."""
        unit = BY_KEY[self.key].unit
        serving = self.food.serving
        amount = f"{self.amount:.0f}" if self.amount >= 100 else f"{self.amount:.3g}"
        what = f"{amount} {unit} {nutrient_name(self.key)}"
        return f"{serving.label} {self.food.name} ({serving.grams:g} g): {what}"

    def to_dict(self) -> dict[str, object]:
        per_kcal = self.food.per_100_kcal(self.key)
        return {
            "food": {"id": self.food.id, "name": self.food.name},
            "portion": self.food.serving.label,
            "grams": self.food.serving.grams,
            "amount": round(self.amount, 2),
            "unit": BY_KEY[self.key].unit,
            "per_100_kcal": None if per_kcal is None else round(per_kcal, 2),
            "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class AdviceNote:
    topic: str
    text: str
    sources: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        return {"topic": self.topic, "text": self.text, "sources": list(self.sources)}


@dataclass(frozen=True, slots=True)
class PlanChange:
    """A rule that changed what the plan does (or advice that must come first), and why.

    `because` lists the answers behind it ("lisinopril: less aldosterone means less
    potassium excreted"); `nutrient` is the nutrient key it concerns, if one.
    """

    kind: ChangeKind
    text: str
    sources: tuple[str, ...]
    nutrient: str | None = None
    because: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "nutrient": self.nutrient,
            "text": self.text,
            "because": list(self.because),
            "sources": list(self.sources),
        }


@dataclass(frozen=True)
class Advice:
    person: Person
    filters: Filters
    gaps: tuple[Gap, ...]
    by_serving: dict[str, tuple[Suggestion, ...]]
    by_energy: dict[str, tuple[Suggestion, ...]]
    absorption: tuple[AdviceNote, ...]
    supplements: tuple[AdviceNote, ...]
    cautions: tuple[AdviceNote, ...]
    plan: Plan
    plan_changes: tuple[PlanChange, ...] = ()
    region: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "plan_changes": [c.to_dict() for c in self.plan_changes],
            "filters": self.filters.to_dict(),
            "region": self.region,
            "gaps": [g.to_dict() for g in self.gaps],
            "suggestions": {
                key: {
                    "per_serving": [s.to_dict() for s in self.by_serving[key]],
                    "per_100_kcal": [s.to_dict() for s in self.by_energy[key]],
                }
                for key in self.by_serving
            },
            "plan": self.plan.to_dict(),
            "absorption_notes": [n.to_dict() for n in self.absorption],
            "supplements": [n.to_dict() for n in self.supplements],
            "cautions": [n.to_dict() for n in self.cautions],
            "food_first": "Food first: no supplement dose is suggested here; ask a clinician.",
        }


def nutrient_name(key: str) -> str:
    """ "vitamin D", "magnesium": the nutrient's label as it reads inside a sentence."""
    label = BY_KEY[key].label.lower()
    return label.replace("vitamin b12", "vitamin B12").replace("vitamin d", "vitamin D")
