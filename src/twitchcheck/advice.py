"""Advice: the foods that close a person's gaps, an optimised plan, and safety notes.

    advice = advise(Person(45, "female"), Filters.parse("vegan"), gaps_from_analysis(analysis))

Gaps come from a diet analysis, or, without a diary, from the national average
intake for the person's sex and age (NHANES 2017-2018, from `intake_sd`). For each
gap the richest allowed foods are listed per typical serving and per 100 kcal; the
plan (`plan.make_plan`) picks a handful of them. Notes on absorption and on
supplements come from the knowledge base with their sources; no dose is given.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from twitchcheck.answers import Answers
from twitchcheck.candidates import Candidate, Filters, allowed, candidates, one_per_kind
from twitchcheck.errors import InputError
from twitchcheck.knowledge import load_knowledge
from twitchcheck.nutrient_keys import BY_KEY, FOCUS_KEYS
from twitchcheck.plan import Plan, Settings, make_plan
from twitchcheck.profile import Person
from twitchcheck.targets import Target, targets_for_person

if TYPE_CHECKING:
    from twitchcheck.diet import DietAnalysis

SUGGESTIONS = 8
GAP_JUDGEMENTS = ("inadequate", "possibly_inadequate")
NATIONAL = "national average intake for your sex and age (NHANES 2017-2018)"


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
        label = BY_KEY[self.key].label.lower().replace("vitamin b12", "vitamin B12")
        label = label.replace("vitamin d", "vitamin D")
        serving = self.food.serving
        amount = f"{self.amount:.0f}" if self.amount >= 100 else f"{self.amount:.3g}"
        return f"{serving.label} {self.food.name} ({serving.grams:g} g): {amount} {unit} {label}"

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
class Note:
    topic: str
    text: str
    sources: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        return {"topic": self.topic, "text": self.text, "sources": list(self.sources)}


@dataclass(frozen=True)
class Advice:
    person: Person
    filters: Filters
    gaps: tuple[Gap, ...]
    by_serving: dict[str, tuple[Suggestion, ...]]
    by_energy: dict[str, tuple[Suggestion, ...]]
    absorption: tuple[Note, ...]
    supplements: tuple[Note, ...]
    cautions: tuple[Note, ...]
    plan: Plan

    def to_dict(self) -> dict[str, object]:
        return {
            "filters": self.filters.to_dict(),
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


def gaps_from_analysis(analysis: DietAnalysis) -> list[Gap]:
    """Nutrients the analysis judged short (or possibly short), with usual intake as 'before'."""
    return [
        Gap(n.key, n.mean, n.goal, f"your diary ({len(analysis.days)} days)")
        for n in analysis.nutrients
        if n.goal is not None and n.assessment.judgement in GAP_JUDGEMENTS and n.mean < n.goal
    ]


def gaps_from_names(names: Iterable[str], person: Person) -> list[Gap]:
    """Gaps named by the person; current intake taken as the national average for them.

    With no names, every one of the five nutrients whose national average falls short
    of the person's goal.
    """
    targets = targets_for_person(person)
    keys = [nutrient_key(name) for name in names] or list(FOCUS_KEYS)
    gaps = []
    for key in dict.fromkeys(keys):
        goal = targets[key].goal
        before, basis = _national(key, person)
        if before < goal:
            gaps.append(Gap(key, before, goal, basis))
    return gaps


def nutrient_key(name: str) -> str:
    """ "magnesium", "Mg", "vitamin D", "b12" -> the nutrient key."""
    text = name.strip().lower().replace("-", " ").replace("_", " ")
    aliases = {
        "magnesium": "magnesium_mg", "mg": "magnesium_mg", "calcium": "calcium_mg",
        "ca": "calcium_mg", "vitamin d": "vitamin_d_ug", "vit d": "vitamin_d_ug",
        "d": "vitamin_d_ug", "potassium": "potassium_mg", "k": "potassium_mg",
        "vitamin b12": "vitamin_b12_ug", "b12": "vitamin_b12_ug", "cobalamin": "vitamin_b12_ug",
    }  # fmt: skip
    key = aliases.get(text) or (
        text.replace(" ", "_") if text.replace(" ", "_") in FOCUS_KEYS else None
    )
    if key is None:
        raise InputError(
            f"gap {name!r} is not one of the five nutrients; accepted: magnesium, calcium, "
            "vitamin D, potassium, vitamin B12"
        )
    return key


def _national(key: str, person: Person) -> tuple[float, str]:
    from twitchcheck.intake_sd import within_person_sd

    try:
        return within_person_sd(key, person.sex, person.age_years).mean, NATIONAL
    except InputError:
        return 0.0, "no intake known (no national figures for children): the whole goal"


def suggest(
    key: str, filters: Filters, limit: int = SUGGESTIONS
) -> tuple[tuple[Suggestion, ...], tuple[Suggestion, ...]]:
    """The richest allowed foods for `key`: per typical serving, and per 100 kcal."""
    foods = [f for f in allowed(filters) if f.per_serving(key) > 0]
    by_serving = one_per_kind(sorted(foods, key=lambda f: (-f.per_serving(key), f.id)), limit)
    by_energy = one_per_kind(
        sorted(foods, key=lambda f: (-(f.per_100_kcal(key) or 0.0), f.id)), limit
    )
    return tuple(Suggestion(f, key) for f in by_serving), tuple(
        Suggestion(f, key) for f in by_energy
    )


def advise(
    person: Person,
    filters: Filters,
    gaps: Sequence[Gap],
    *,
    existing: Iterable[str] = (),
    before: Mapping[str, float] | None = None,
    medications: Sequence[str] = (),
    conditions: Sequence[str] = (),
    settings: Settings | None = None,
) -> Advice:
    """Suggestions, a plan, and the notes that go with them, for `gaps`."""
    targets = targets_for_person(person)
    intake = dict(before or {})
    for gap in gaps:
        intake.setdefault(gap.key, gap.before)
    for key in (*FOCUS_KEYS, "energy_kcal"):  # unknown intake: the national average
        intake.setdefault(key, _national(key, person)[0])
    keys = [g.key for g in gaps]
    suggestions = {key: suggest(key, filters) for key in keys}
    plan = make_plan(keys, intake, targets, filters, familiar_ids(existing), settings)
    return Advice(
        person,
        filters,
        tuple(gaps),
        {k: s[0] for k, s in suggestions.items()},
        {k: s[1] for k, s in suggestions.items()},
        _absorption(keys),
        _supplements(keys, targets),
        _cautions(person, medications, conditions),
        plan,
    )


def familiar_ids(eaten: Iterable[str]) -> set[str]:
    """Candidate ids the person already eats: the same food, or the same kind of food."""
    from twitchcheck.candidates import kind_of
    from twitchcheck.fooddb import get_food

    ids = set(eaten)
    kinds = set()
    for food_id in ids:
        try:
            kinds.add(kind_of(get_food(food_id).name))
        except InputError:
            continue
    return {c.id for c in candidates() if c.id in ids or c.kind in kinds}


def _absorption(keys: Sequence[str]) -> tuple[Note, ...]:
    """Where each nutrient comes from and how well it is absorbed (spinach's oxalate,
    B12 only from animal or fortified foods, vitamin D from sun and fortified foods)."""
    kb = load_knowledge()
    notes = []
    for key in keys:
        nutrient = kb.nutrients[key.rsplit("_", 1)[0]]
        for fact in (*nutrient.food_sources, *nutrient.bioavailability):
            notes.append(Note(nutrient.name, " ".join(fact.text.split()), fact.sources))
    return tuple(notes)


def _supplements(keys: Sequence[str], targets: Mapping[str, Target]) -> tuple[Note, ...]:
    """General information only: the upper limit and what it counts, and the cautions."""
    kb = load_knowledge()
    notes = []
    for key in keys:
        nutrient = kb.nutrients[key.rsplit("_", 1)[0]]
        target = targets[key]
        if target.ul is not None:
            unit = BY_KEY[key].unit
            text = (
                f"Upper limit {target.ul:g} {unit}/day, counting {target.ul_scope_short}. "
                "Take a supplement only on a clinician's advice, never above this."
            )
            notes.append(Note(nutrient.name, text, target.sources))
        for fact in nutrient.cautions:
            notes.append(Note(nutrient.name, " ".join(fact.text.split()), fact.sources))
        for claim in kb.evidence.values():  # what trials say supplements do for cramps
            if nutrient.id in claim.about:
                text = (
                    f"{claim.claim} (evidence: {claim.strength}) {' '.join(claim.meaning.split())}"
                )
                notes.append(Note(nutrient.name, text, claim.sources))
    return tuple(notes)


def _cautions(
    person: Person, medications: Sequence[str], conditions: Sequence[str]
) -> tuple[Note, ...]:
    from twitchcheck.answers import resolve_names
    from twitchcheck.screen import cautions_for

    answers = resolve_names(
        Answers(
            age=person.age_years,
            sex=person.sex,
            pregnant=person.pregnant,
            lactating=person.lactating,
            medications=tuple(medications),
            conditions=tuple(conditions),
        )
    )
    return tuple(Note("safety", step.text, step.sources) for step in cautions_for(answers))
