"""Advice: the foods that close a person's gaps, an optimised plan, and safety notes.

    advice = advise(Person(45, "female"), Filters.parse("vegan"), gaps_from_analysis(analysis))

Gaps come from a diet analysis, or, without a diary, from the national average
intake for the person's sex and age (NHANES 2017-2018, from `intake_sd`), replaced
where the diet pattern leaves out the foods that figure comes from (a vegan's B12).
Supplements with a dose count in current intake. For each gap the richest allowed
foods are listed per typical serving and per 100 kcal; the plan (`plan.make_plan`)
picks a handful of them.

Before any of that, the safety rules in ``data/advice.toml`` decide what the plan must
never add: a nutrient the person's medicines, conditions or supplements raise is held
at current intake (unless a lab shows it low), as is one a lab shows high; phosphorus-rich
foods are left out with kidney disease. Each rule that changed the plan becomes a
`PlanChange`, shown before everything else. Notes on absorption and on supplements
come from the knowledge base with their sources; no dose is given.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from twitchcheck.candidates import (
    Candidate,
    Filters,
    allowed,
    candidates,
    one_per_kind,
    safety_rules,
)
from twitchcheck.errors import InputError
from twitchcheck.knowledge import load_knowledge
from twitchcheck.nutrient_keys import BY_KEY, FOCUS_KEYS
from twitchcheck.plan import Plan, Settings, make_plan, usable
from twitchcheck.profile import Person, check_applies
from twitchcheck.regions import emergency_number
from twitchcheck.screen.answers import Answers
from twitchcheck.targets import Target, targets_for_person

if TYPE_CHECKING:
    from twitchcheck.diet import DietAnalysis
    from twitchcheck.knowledge import Condition, MedicineClass, NutrientEffect
    from twitchcheck.labs import LabResult
    from twitchcheck.supplements import Supplement

SUGGESTIONS = 8
GAP_JUDGEMENTS = ("inadequate", "possibly_inadequate")
NATIONAL = "national average intake for your sex and age (NHANES 2017-2018)"

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


# --------------------------------------------------------------------------- gaps and baselines


def gaps_from_analysis(
    analysis: DietAnalysis, person: Person | None = None, pattern: str = "omnivore"
) -> list[Gap]:
    """Nutrients the analysis judged short (or possibly short), with usual food intake as
    'before' (`advise` adds the supplements the analysis counted, if given them again).

    A nutrient the diary does not record (a MyFitnessPal export without magnesium) is not
    a gap from the diary; given the `person`, it is judged as without a diary, from the
    baseline for their diet pattern, and the gap says so.
    """
    gaps = [
        Gap(n.key, n.mean, n.goal, f"your diary ({len(analysis.days)} days)")
        for n in analysis.nutrients
        if n.goal is not None and n.assessment.judgement in GAP_JUDGEMENTS and n.total < n.goal
    ]
    if person is None:
        return gaps
    for unknown in analysis.unknown:
        before, basis, _ = baseline(unknown.key, person, pattern)
        if before < unknown.target.goal:
            gaps.append(
                Gap(unknown.key, before, unknown.target.goal, f"not in your diary; {basis}")
            )
    return gaps


def gaps_from_names(names: Iterable[str], person: Person, pattern: str = "omnivore") -> list[Gap]:
    """Gaps named by the person; current intake taken as the baseline for their diet pattern.

    With no names, every one of the five nutrients whose baseline (the national average,
    or the pattern's own figure) falls short of the person's goal.
    """
    targets = targets_for_person(person)
    keys = [nutrient_key(name) for name in names] or list(FOCUS_KEYS)
    gaps = []
    for key in dict.fromkeys(keys):
        goal = targets[key].goal
        before, basis, _ = baseline(key, person, pattern)
        if before < goal:
            gaps.append(Gap(key, before, goal, basis))
    return gaps


def baseline(
    key: str, person: Person, pattern: str = "omnivore"
) -> tuple[float, str, tuple[str, ...]]:
    """Intake to assume without a diary: value, where it came from, and its sources."""
    override = safety_rules()["baselines"].get(pattern, {}).get(key)
    if override is not None:
        value = float(override["value"])
        basis = f"none assumed for a {pattern} diet without a diary: counted from {value:g}"
        return value, basis, tuple(override["sources"])
    value, basis = _national(key, person)
    return value, basis, ()


def nutrient_key(name: str) -> str:
    """ "magnesium", "Mg", "vitamin D", "b12" -> the nutrient key, by the names and aliases
    of nutrients.yaml (the same the screening and `twitchcheck kb` read)."""
    from twitchcheck.errors import UnknownEntryError
    from twitchcheck.knowledge import load_knowledge, lookup

    kb = load_knowledge()
    try:
        entry = lookup(f"nutrient:{name}", kb)
    except UnknownEntryError:
        entry = None
    if entry is None or entry.kind != "nutrient":
        raise InputError(
            f"gap {name!r} is not one of the five nutrients; accepted: magnesium, calcium, "
            "vitamin D, potassium, vitamin B12"
        )
    return kb.nutrients[entry.id].key


def _national(key: str, person: Person) -> tuple[float, str]:
    from twitchcheck.intake_sd import within_person_sd

    try:
        return within_person_sd(key, person.sex, person.age_years).mean, NATIONAL
    except InputError:
        return 0.0, "no intake known (no national figures for children): the whole goal"


# --------------------------------------------------------------------------- suggestions


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


# --------------------------------------------------------------------------- advise


def advise(
    person: Person,
    filters: Filters,
    gaps: Sequence[Gap],
    *,
    existing: Iterable[str] = (),
    before: Mapping[str, float] | None = None,
    medications: Sequence[str] = (),
    conditions: Sequence[str] = (),
    supplements: Sequence[Supplement] = (),
    labs: Sequence[LabResult] = (),
    region: str | None = None,
    settings: Settings | None = None,
) -> Advice:
    """Suggestions, a plan, and the notes that go with them, for `gaps`.

    `before` is the diary's usual food intake (None without a diary: each nutrient then
    starts from its baseline); supplements with a dose are added to it. Medicines,
    conditions, supplements and labs decide which safety rules apply. A person a food plan
    does not apply to (a baby under 1) is refused with what applies instead.
    """
    check_applies(person, "plan")
    targets = targets_for_person(person)
    facts = _Facts.resolve(medications, conditions, supplements, labs)
    intake, changes = _intake(person, filters.pattern, gaps, before)
    supplied, supplement_changes = _counted(supplements)
    for key, amount in supplied.items():
        intake[key] = intake.get(key, 0.0) + amount
    guard = _guard(facts, intake, supplied, targets, region)
    bases = {
        c.nutrient: baseline(c.nutrient, person, filters.pattern)[1]
        for c in changes
        if c.kind == "baseline" and c.nutrient is not None
    }
    gaps = _still_short(gaps, intake, supplied, targets, guard.caps, bases)
    keys = [g.key for g in gaps]
    suggestions = {key: suggest(key, filters, caps=guard.caps, avoid=guard.avoid) for key in keys}
    plan, left_out = _guarded_plan(
        keys, intake, targets, filters, familiar_ids(existing), settings, guard
    )
    if left_out:
        changes.append(_left_out(left_out))
    changes = [*guard.changes, *_priority(filters.pattern), *changes, *supplement_changes]
    absorption, notes, cautions = _deduplicated(
        _absorption(keys), _supplements(keys, targets), _cautions(person, facts)
    )
    return Advice(
        person,
        filters,
        tuple(gaps),
        {k: s[0] for k, s in suggestions.items()},
        {k: s[1] for k, s in suggestions.items()},
        absorption,
        notes,
        cautions,
        plan,
        tuple(sorted(changes, key=lambda c: CHANGE_ORDER.index(c.kind))),
        region,
    )


def _intake(
    person: Person, pattern: str, gaps: Sequence[Gap], before: Mapping[str, float] | None
) -> tuple[dict[str, float], list[PlanChange]]:
    """Current food intake per nutrient: the diary's, else each gap's, else the baseline.

    A diet pattern's own baseline (a vegan's B12) replaces any national figure.
    """
    intake = dict(before or {})
    for gap in gaps:
        intake.setdefault(gap.key, gap.before)
    for key in (*FOCUS_KEYS, "energy_kcal"):  # unknown intake: the national average
        intake.setdefault(key, _national(key, person)[0])
    changes = []
    for key, override in safety_rules()["baselines"].get(pattern, {}).items():
        if before is not None and key in before:
            continue  # the diary says what they eat
        intake[key] = float(override["value"])
        changes.append(
            PlanChange("baseline", _text(override["why"]), tuple(override["sources"]), key)
        )
    return intake, changes


def _still_short(
    gaps: Sequence[Gap],
    intake: Mapping[str, float],
    supplied: Mapping[str, float],
    targets: Mapping[str, Target],
    held: Mapping[str, float],
    bases: Mapping[str, str],
) -> list[Gap]:
    """The gaps that remain once supplements are counted and held nutrients are dropped
    (`bases`: where the starting figure now comes from, for those the diet pattern set)."""
    remaining = []
    for gap in gaps:
        now = intake[gap.key]
        if gap.key in held or now >= targets[gap.key].goal:
            continue
        basis = bases.get(gap.key, gap.basis)
        basis += " plus your supplements" if supplied.get(gap.key) else ""
        remaining.append(Gap(gap.key, now, targets[gap.key].goal, basis))
    return remaining


def _guarded_plan(
    keys: Sequence[str],
    intake: Mapping[str, float],
    targets: Mapping[str, Target],
    filters: Filters,
    familiar: set[str],
    settings: Settings | None,
    guard: _Guard,
) -> tuple[Plan, list[str]]:
    """The plan; when the safety rules block it, the plan for the gaps they leave reachable.

    A gap that no plan can close on its own under the rules is left out (and said so), so
    that the rest can still be planned.
    """

    def plan(gaps: Sequence[str]) -> Plan:
        return make_plan(
            gaps, intake, targets, filters, familiar, settings, caps=guard.caps, avoid=guard.avoid
        )

    full = plan(keys)
    if full.feasible or not (guard.caps or guard.avoid) or len(keys) < 2:
        return full, []
    unreachable = [key for key in keys if not plan([key]).feasible]
    reachable = [key for key in keys if key not in unreachable]
    if not unreachable or not reachable:
        return full, []
    partial = plan(reachable)
    return (partial, unreachable) if partial.feasible else (full, [])


def _left_out(keys: Sequence[str]) -> PlanChange:
    """Gaps the plan leaves out because the safety rules above it leave no way to close them
    (their sources are on those rules)."""
    names = _and([nutrient_name(k) for k in keys])
    text = (
        f"{names[0].upper()}{names[1:]} {'is' if len(keys) == 1 else 'are'} left out of the plan: "
        "under the rules above, a few foods cannot reach its goal without adding what they hold "
        f"back. Ask a clinician or dietitian how to meet your {names} needs safely."
    )
    return PlanChange("left_out", text, (), keys[0] if len(keys) == 1 else None, tuple(keys))


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


# --------------------------------------------------------------------------- the safety rules


@dataclass(frozen=True)
class _Facts:
    """The person's medicines, conditions, supplements and labs, resolved once."""

    medicines: tuple[tuple[str, MedicineClass], ...]  # (name as typed, class)
    conditions: tuple[Condition, ...]
    supplements: tuple[Supplement, ...]
    labs: tuple[LabResult, ...]

    @classmethod
    def resolve(
        cls,
        medications: Sequence[str],
        conditions: Sequence[str],
        supplements: Sequence[Supplement],
        labs: Sequence[LabResult],
    ) -> _Facts:
        from twitchcheck.screen.answers import known_ids, medicine_class_ids

        kb = load_knowledge()
        medicines = tuple(
            (name.strip(), kb.medicine_classes[class_id])
            for name in medications
            for class_id in medicine_class_ids((name,))
        )
        found = known_ids(tuple(conditions), "condition", "conditions")
        return cls(
            medicines, tuple(kb.conditions[c] for c in found), tuple(supplements), tuple(labs)
        )

    def lab_status(self, key: str) -> tuple[str | None, tuple[LabResult, ...]]:
        """ "high", "low" or None for a nutrient, from the labs given (high wins)."""
        analytes = safety_rules()["labs"]["nutrients"]
        mine = tuple(r for r in self.labs if analytes.get(r.analyte) == key)
        for status in ("high", "low"):
            results = tuple(r for r in mine if r.status == status)
            if results:
                return status, results
        return None, ()


@dataclass(frozen=True, slots=True)
class _Reason:
    """One answer behind a rule: who ("medicine"...), its name, and what it does."""

    who: Literal["medicine", "condition", "supplement", "lab"]
    name: str
    detail: str
    sources: tuple[str, ...] = ()

    @property
    def because(self) -> str:
        return f"{self.name}: {self.detail}" if self.detail else self.name


@dataclass
class _Guard:
    """What the safety rules decided: caps on what the plan adds, foods left out, and why."""

    caps: dict[str, float] = field(default_factory=dict)
    avoid: dict[str, float] = field(default_factory=dict)
    changes: list[PlanChange] = field(default_factory=list)


def _guard(
    facts: _Facts,
    intake: Mapping[str, float],
    supplied: Mapping[str, float],
    targets: Mapping[str, Target],
    region: str | None,
) -> _Guard:
    rules = safety_rules()
    guard = _Guard()
    guard.changes += _urgent_labs(facts, region)
    held: dict[str, tuple[list[_Reason], str, tuple[str, ...]]] = {}
    for rule in rules["holds"]:
        key = rule["nutrient"]
        reasons = _raising(rule, facts)
        status, results = facts.lab_status(key)
        if reasons and status == "low":
            guard.changes.append(_lab_low(key, reasons, results))
        elif reasons:
            held[key] = (reasons, rule["why"], tuple(rule["sources"]))
    for key in dict.fromkeys(safety_rules()["labs"]["nutrients"].values()):
        status, results = facts.lab_status(key)
        if status == "high":
            reasons, why, sources = held.get(key, ([], rules["labs"]["high"]["why"], ()))
            lab = [_Reason("lab", _result(r) + " is above range", "", r.sources) for r in results]
            held[key] = (reasons + lab, why, (*sources, *rules["labs"]["high"]["sources"]))
    for key, (reasons, why, sources) in held.items():
        guard.caps[key] = float(rules["allowances"][key])
        guard.changes.append(_hold(key, reasons, why, sources, guard.caps[key]))
    guard.changes += _over_limits(intake, supplied, targets, held)
    for rule in rules["avoid"]:
        found = [c for c in facts.conditions if c.id in rule["conditions"]]
        if found:
            guard.avoid[rule["nutrient"]] = float(rule["per_serving_above"])
            guard.changes.append(_avoid(rule, found))
    return guard


def _raising(rule: Mapping[str, Any], facts: _Facts) -> list[_Reason]:
    """The person's medicines, conditions and supplements that raise the rule's nutrient."""
    nutrient = rule["knowledge_id"]
    reasons: dict[str, _Reason] = {}
    if rule["medicines"]:
        for name, medicine in facts.medicines:
            for effect in _raises(medicine.effects, nutrient):
                reasons.setdefault(
                    name, _Reason("medicine", name, _text(effect.mechanism), effect.sources)
                )
    if rule["conditions"]:
        for condition in facts.conditions:
            label = condition.label[0].lower() + condition.label[1:]
            for effect in _raises(condition.effects, nutrient):
                reasons.setdefault(
                    label, _Reason("condition", label, _text(effect.mechanism), effect.sources)
                )
    if rule["supplements"]:
        for supplement in facts.supplements:
            if nutrient in supplement.raises:
                reasons.setdefault(supplement.text, _Reason("supplement", supplement.text, ""))
    return list(reasons.values())


def _raises(effects: Iterable[NutrientEffect], nutrient: str) -> list[NutrientEffect]:
    return [e for e in effects if e.nutrient == nutrient and e.direction == "raises"]


def _hold(
    key: str, reasons: list[_Reason], why: str, sources: tuple[str, ...], allowance: float
) -> PlanChange:
    unit = BY_KEY[key].unit
    text = f"{BY_KEY[key].label} is not added because {_because(reasons)}. "
    text += _text(why).format(allowance=allowance, unit=unit)
    cited = (
        *(s for r in reasons for s in r.sources),
        *sources,
        *safety_rules()["allowances"]["sources"],
    )
    return PlanChange(
        "hold", text, tuple(dict.fromkeys(cited)), key, tuple(r.because for r in reasons)
    )


def _lab_low(key: str, reasons: list[_Reason], results: tuple[LabResult, ...]) -> PlanChange:
    low = safety_rules()["labs"]["low"]
    shown = " and ".join(_result(r) for r in results)
    text = (
        f"{BY_KEY[key].label} is planned although {_because(reasons)}, because your "
        f"{shown} is below range. {_text(low['why'])}"
    )
    cited = (
        *(s for r in reasons for s in r.sources),
        *(s for r in results for s in r.sources),
        *low["sources"],
    )
    return PlanChange(
        "lab_low", text, tuple(dict.fromkeys(cited)), key, tuple(r.because for r in reasons)
    )


def _urgent_labs(facts: _Facts, region: str | None) -> list[PlanChange]:
    """Results in the urgent range: first of all, and the plan is no substitute."""
    changes = []
    for result in facts.labs:
        if not result.urgent:
            continue
        note = result.notes[0].text if result.notes else "get urgent medical care today."
        text = f"Your {_result(result)}: {note} This plan does not replace that care."
        if result.urgent_level == "emergency":
            text += f" In an emergency, call {emergency_number(region)}."
        changes.append(PlanChange("urgent_lab", text, result.sources, _lab_key(result)))
    return changes


def _over_limits(
    intake: Mapping[str, float],
    supplied: Mapping[str, float],
    targets: Mapping[str, Target],
    held: Mapping[str, object],
) -> list[PlanChange]:
    """Intake already at or over an upper limit, as the limit counts it."""
    why = safety_rules()["over_limit"]
    changes = []
    for key, target in targets.items():
        if target.ul is None or key in held:
            continue
        counted = intake.get(key, 0.0) if target.ul_counts_food else supplied.get(key, 0.0)
        if counted < target.ul or (not target.ul_counts_food and counted <= target.ul):
            continue
        unit = BY_KEY[key].unit
        what = "Your supplements give" if supplied.get(key) else "Your diary shows"
        if target.ul_counts_food and supplied.get(key) and counted > supplied[key]:
            what = "Your food and supplements together give"
        text = (
            f"{what} {counted:.4g} {unit} of {nutrient_name(key)} a day, at or over the upper "
            f"limit of {target.ul:g} {unit} (counting {target.ul_scope_short}). "
            + _text(why["counts_food" if target.ul_counts_food else "supplements_only"])
        )
        changes.append(PlanChange("over_limit", text, target.sources, key))
    return changes


def _avoid(rule: Mapping[str, Any], found: Sequence[Condition]) -> PlanChange:
    key = rule["nutrient"]
    text = _text(rule["text"]).format(limit=rule["per_serving_above"], unit=BY_KEY[key].unit)
    because = tuple(c.label for c in found)
    return PlanChange("avoid", text, tuple(rule["sources"]), key, because)


def _priority(pattern: str) -> list[PlanChange]:
    """Advice that leads whatever the diary says (a vegan's B12)."""
    rule = safety_rules()["priority"].get(pattern)
    if rule is None:
        return []
    return [PlanChange("priority", _text(rule["text"]), tuple(rule["sources"]), rule["nutrient"])]


def _counted(supplements: Sequence[Supplement]) -> tuple[dict[str, float], list[PlanChange]]:
    """Nutrients per day from supplements with a dose, and what was and was not counted."""
    supplied: dict[str, float] = {}
    counted, uncounted = [], []
    for supplement in supplements:
        amounts = {k: v for k, v in supplement.nutrients.items() if k in BY_KEY and v > 0}
        if supplement.dose_given and amounts:
            for key, amount in amounts.items():
                supplied[key] = supplied.get(key, 0.0) + amount
            shown = ", ".join(
                f"{v:g} {BY_KEY[k].unit} {nutrient_name(k)}" for k, v in amounts.items()
            )
            counted.append(f"{supplement.text} ({shown})")
        elif not supplement.dose_given:
            uncounted.append(supplement.text)
    changes = []
    sayings = safety_rules()["sayings"]
    for key, listed in (("supplements_counted", counted), ("supplements_uncounted", uncounted)):
        if listed:
            text = sayings[key]["text"].format(supplements="; ".join(listed))
            changes.append(PlanChange("supplements", text, tuple(sayings[key]["sources"])))
    return supplied, changes


def _because(reasons: Sequence[_Reason]) -> str:
    """ "you take lisinopril and spironolactone, and you have chronic kidney disease"."""
    by_who = {
        "medicine": "you take ", "supplement": "you use ", "condition": "you have ", "lab": "your ",
    }  # fmt: skip
    parts = []
    for who, lead in by_who.items():
        names = [r.name for r in reasons if r.who == who]
        if names:
            parts.append(lead + _and(names))
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + ", and " + parts[-1]


def _and(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _result(result: LabResult) -> str:
    return f"{result.label.lower()} result ({result.value:g} {result.unit})"


def _lab_key(result: LabResult) -> str | None:
    key = safety_rules()["labs"]["nutrients"].get(result.analyte)
    return str(key) if key is not None else None


def nutrient_name(key: str) -> str:
    """ "vitamin D", "magnesium": the nutrient's label as it reads inside a sentence."""
    label = BY_KEY[key].label.lower()
    return label.replace("vitamin b12", "vitamin B12").replace("vitamin d", "vitamin D")


def _text(value: str) -> str:
    return " ".join(value.split())


# --------------------------------------------------------------------------- notes


def _deduplicated(*sections: tuple[AdviceNote, ...]) -> tuple[tuple[AdviceNote, ...], ...]:
    """Each note once, in the first section that has it."""
    seen: set[str] = set()
    kept = []
    for notes in sections:
        mine = []
        for note in notes:
            if note.text.lower() not in seen:
                seen.add(note.text.lower())
                mine.append(note)
        kept.append(tuple(mine))
    return tuple(kept)


def _absorption(keys: Sequence[str]) -> tuple[AdviceNote, ...]:
    """Where each nutrient comes from and how well it is absorbed (spinach's oxalate,
    B12 only from animal or fortified foods, vitamin D from sun and fortified foods)."""
    kb = load_knowledge()
    notes = []
    for key in keys:
        nutrient = kb.nutrients[key.rsplit("_", 1)[0]]
        for fact in (*nutrient.food_sources, *nutrient.bioavailability):
            notes.append(AdviceNote(nutrient.name, _text(fact.text), fact.sources))
    return tuple(notes)


def _supplements(keys: Sequence[str], targets: Mapping[str, Target]) -> tuple[AdviceNote, ...]:
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
            notes.append(AdviceNote(nutrient.name, text, target.sources))
        for fact in nutrient.cautions:
            notes.append(AdviceNote(nutrient.name, _text(fact.text), fact.sources))
        for claim in kb.evidence.values():  # what trials say supplements do for cramps
            if nutrient.id in claim.about:
                text = f"{claim.claim} (evidence: {claim.strength}) {_text(claim.meaning)}"
                notes.append(AdviceNote(nutrient.name, text, claim.sources))
    return tuple(notes)


def _cautions(person: Person, facts: _Facts) -> tuple[AdviceNote, ...]:
    """The screening's cautions for these medicines, conditions, supplements and labs."""
    from twitchcheck.screen import cautions_for

    answers = Answers(
        age=person.age_years,
        sex=person.sex,
        pregnant=person.pregnant,
        lactating=person.lactating,
        medications=tuple(dict.fromkeys(m.id for _, m in facts.medicines)),
        conditions=tuple(c.id for c in facts.conditions),
        labs=tuple(r.text for r in facts.labs if r.text),
        supplements=tuple(s.text for s in facts.supplements),
    )
    return tuple(AdviceNote("safety", step.text, step.sources) for step in cautions_for(answers))
