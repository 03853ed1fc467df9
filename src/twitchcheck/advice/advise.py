"""Advice from start to end: gaps, safety rules, suggestions, the optimised plan and notes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from twitchcheck.advice.candidates import (
    Filters,
    safety_rules,
)
from twitchcheck.advice.optimiser import Plan, Settings, make_plan
from twitchcheck.nutrient_keys import BY_KEY, FOCUS_KEYS
from twitchcheck.profile import Person, check_applies
from twitchcheck.targets import Target, targets_for_person

if TYPE_CHECKING:
    from twitchcheck.knowledge.supplements import Supplement
    from twitchcheck.labs import LabResult
from twitchcheck.advice.gaps import (
    baseline,
    national_intake,
)
from twitchcheck.advice.notes import (
    absorption_notes,
    caution_notes,
    deduplicated_notes,
    supplement_notes,
)
from twitchcheck.advice.result import (
    CHANGE_ORDER,
    Advice,
    Gap,
    PlanChange,
    nutrient_name,
)
from twitchcheck.advice.safety import (
    SafetyFacts,
    SafetyGuard,
    safety_guard,
)
from twitchcheck.advice.sentences import and_list, one_line
from twitchcheck.advice.suggestions import (
    familiar_ids,
    suggest,
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
    facts = SafetyFacts.resolve(medications, conditions, supplements, labs)
    intake, changes = _intake(person, filters.pattern, gaps, before)
    supplied, supplement_changes = _counted(supplements)
    for key, amount in supplied.items():
        intake[key] = intake.get(key, 0.0) + amount
    guard = safety_guard(facts, intake, supplied, targets, region)
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
    absorption, notes, cautions = deduplicated_notes(
        absorption_notes(keys), supplement_notes(keys, targets), caution_notes(person, facts)
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
        intake.setdefault(key, national_intake(key, person)[0])
    changes = []
    for key, override in safety_rules()["baselines"].get(pattern, {}).items():
        if before is not None and key in before:
            continue  # the diary says what they eat
        intake[key] = float(override["value"])
        changes.append(
            PlanChange("baseline", one_line(override["why"]), tuple(override["sources"]), key)
        )
    return intake, changes


def _priority(pattern: str) -> list[PlanChange]:
    """Advice that leads whatever the diary says (a vegan's B12)."""
    rule = safety_rules()["priority"].get(pattern)
    if rule is None:
        return []
    text = one_line(rule["text"])
    return [PlanChange("priority", text, tuple(rule["sources"]), rule["nutrient"])]


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
    guard: SafetyGuard,
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
    names = and_list([nutrient_name(k) for k in keys])
    text = (
        f"{names[0].upper()}{names[1:]} {'is' if len(keys) == 1 else 'are'} left out of the plan: "
        "under the rules above, a few foods cannot reach its goal without adding what they hold "
        f"back. Ask a clinician or dietitian how to meet your {names} needs safely."
    )
    return PlanChange("left_out", text, (), keys[0] if len(keys) == 1 else None, tuple(keys))
