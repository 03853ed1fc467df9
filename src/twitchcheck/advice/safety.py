"""The safety rules of data/advice.toml: what the plan must never add. A nutrient the
person's medicines, conditions or supplements raise is held at current intake (unless a lab
shows it low), as is one a lab shows high; each rule that changed the plan is a PlanChange."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from twitchcheck.advice.candidates import (
    safety_rules,
)
from twitchcheck.knowledge import load_knowledge
from twitchcheck.knowledge.regions import emergency_number
from twitchcheck.nutrient_keys import BY_KEY
from twitchcheck.targets import Target

if TYPE_CHECKING:
    from twitchcheck.knowledge import Condition, MedicineClass, NutrientEffect
    from twitchcheck.knowledge.supplements import Supplement
    from twitchcheck.labs import LabResult
from twitchcheck.advice.result import (
    PlanChange,
    nutrient_name,
)
from twitchcheck.advice.sentences import and_list, one_line


@dataclass(frozen=True)
class SafetyFacts:
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
    ) -> SafetyFacts:
        """The medicines' classes and the conditions found in the knowledge base."""
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
class SafetyGuard:
    """What the safety rules decided: caps on what the plan adds, foods left out, and why."""

    caps: dict[str, float] = field(default_factory=dict)
    avoid: dict[str, float] = field(default_factory=dict)
    changes: list[PlanChange] = field(default_factory=list)


def safety_guard(
    facts: SafetyFacts,
    intake: Mapping[str, float],
    supplied: Mapping[str, float],
    targets: Mapping[str, Target],
    region: str | None,
) -> SafetyGuard:
    """What the safety rules decide for these facts and this intake (food and `supplied`)."""
    rules = safety_rules()
    guard = SafetyGuard()
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


def _raising(rule: Mapping[str, Any], facts: SafetyFacts) -> list[_Reason]:
    """The person's medicines, conditions and supplements that raise the rule's nutrient."""
    nutrient = rule["knowledge_id"]
    reasons: dict[str, _Reason] = {}
    if rule["medicines"]:
        for name, medicine in facts.medicines:
            for effect in _raises(medicine.effects, nutrient):
                reasons.setdefault(
                    name, _Reason("medicine", name, one_line(effect.mechanism), effect.sources)
                )
    if rule["conditions"]:
        for condition in facts.conditions:
            label = condition.label[0].lower() + condition.label[1:]
            for effect in _raises(condition.effects, nutrient):
                reasons.setdefault(
                    label, _Reason("condition", label, one_line(effect.mechanism), effect.sources)
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
    text += one_line(why).format(allowance=allowance, unit=unit)
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
        f"{shown} is below range. {one_line(low['why'])}"
    )
    cited = (
        *(s for r in reasons for s in r.sources),
        *(s for r in results for s in r.sources),
        *low["sources"],
    )
    return PlanChange(
        "lab_low", text, tuple(dict.fromkeys(cited)), key, tuple(r.because for r in reasons)
    )


def _urgent_labs(facts: SafetyFacts, region: str | None) -> list[PlanChange]:
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
            + one_line(why["counts_food" if target.ul_counts_food else "supplements_only"])
        )
        changes.append(PlanChange("over_limit", text, target.sources, key))
    return changes


def _avoid(rule: Mapping[str, Any], found: Sequence[Condition]) -> PlanChange:
    key = rule["nutrient"]
    text = one_line(rule["text"]).format(limit=rule["per_serving_above"], unit=BY_KEY[key].unit)
    because = tuple(c.label for c in found)
    return PlanChange("avoid", text, tuple(rule["sources"]), key, because)


def _because(reasons: Sequence[_Reason]) -> str:
    """ "you take lisinopril and spironolactone, and you have chronic kidney disease"."""
    by_who = {
        "medicine": "you take ", "supplement": "you use ", "condition": "you have ", "lab": "your ",
    }  # fmt: skip
    parts = []
    for who, lead in by_who.items():
        names = [r.name for r in reasons if r.who == who]
        if names:
            parts.append(lead + and_list(names))
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + ", and " + parts[-1]


def _result(result: LabResult) -> str:
    return f"{result.label.lower()} result ({result.value:g} {result.unit})"


def _lab_key(result: LabResult) -> str | None:
    key = safety_rules()["labs"]["nutrients"].get(result.analyte)
    return str(key) if key is not None else None
