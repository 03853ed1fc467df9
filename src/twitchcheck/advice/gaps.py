"""Which nutrients to raise and from where: a diet analysis's short judgements, or named
gaps counted from the national average intake for the person's sex and age (NHANES
2017-2018), replaced where the diet pattern leaves out the foods that figure comes from."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from twitchcheck.advice.candidates import (
    safety_rules,
)
from twitchcheck.errors import InputError
from twitchcheck.knowledge import load_knowledge
from twitchcheck.nutrient_keys import FOCUS_KEYS
from twitchcheck.profile import Person
from twitchcheck.targets import targets_for_person

if TYPE_CHECKING:
    from twitchcheck.diet import DietAnalysis
from twitchcheck.advice.result import (
    Gap,
)

GAP_JUDGEMENTS = ("inadequate", "possibly_inadequate")


NATIONAL = "national average intake for your sex and age (NHANES 2017-2018)"


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
    value, basis = national_intake(key, person)
    return value, basis, ()


def nutrient_key(name: str) -> str:
    """ "magnesium", "Mg", "vitamin D", "b12" -> the nutrient key, by the names and aliases
    of nutrients.yaml (the same the screening and `twitchcheck kb` read)."""
    from twitchcheck.errors import UnknownEntryError
    from twitchcheck.knowledge import lookup

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


def national_intake(key: str, person: Person) -> tuple[float, str]:
    """The national average intake of `key` for the person's sex and age, and where it came
    from (0 for a child: there are no national figures for children)."""
    from twitchcheck.diet.intake_sd import within_person_sd

    try:
        return within_person_sd(key, person.sex, person.age_years).mean, NATIONAL
    except InputError:
        return 0.0, "no intake known (no national figures for children): the whole goal"
