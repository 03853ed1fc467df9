"""The analysis from start to end: a diary's days judged against the person's reference
intakes by the IOM method, with honest confidence."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from twitchcheck.diet.adequacy import (
    assess,
    upper_without_food,
)
from twitchcheck.diet.energy import energy_check
from twitchcheck.errors import InputError
from twitchcheck.nutrient_keys import BY_KEY, FOCUS_KEYS
from twitchcheck.profile import Person, check_applies
from twitchcheck.targets import Target, targets_for_person

if TYPE_CHECKING:
    from twitchcheck.diary import Diary, DiaryEntry, DiaryProblem
    from twitchcheck.knowledge.supplements import Supplement
from twitchcheck.diet.honesty import (
    analysis_notes,
    honest_result,
    partly_known_assessment,
)
from twitchcheck.diet.intake import (
    daily_totals,
    supplement_amounts,
    top_sources,
    usual_intake,
)
from twitchcheck.diet.result import (
    DayTotals,
    DietAnalysis,
    NutrientResult,
    UnknownNutrient,
    line_counts,
)


def analyze(
    diary: Diary,
    person: Person,
    supplements: Sequence[Supplement] = (),
    *,
    weight_kg: float | None = None,
    height_cm: float | None = None,
) -> DietAnalysis:
    """Totals per day, usual intake and adequacy of the five nutrients for `person`.

    `supplements` taken daily count in the judgement where a dose is given. A nutrient no
    day has a value for is returned in `unknown`, not judged. A baby younger than a diary can
    be judged for is refused with what applies instead (breast milk or formula, vitamin D).
    Lines not counted (unmatched, needing detail, invalid) and lines matched with doubt lower
    the confidence of the judgements they could change, and recorded energy is compared with
    the estimated basal metabolic rate (`weight_kg`, `height_cm` optional; `energy`): an
    under-recorded diary has no shortfall judged above low confidence.
    """
    check_applies(person, "diet")
    from twitchcheck.diet.energy import check_body

    check_body(weight_kg, height_cm)
    if not diary.entries:
        raise InputError(_nothing_usable(diary.problems))
    days = daily_totals(diary.entries)
    usual = usual_intake(days)
    targets = targets_for_person(person)
    supplied, listed = supplement_amounts(supplements, diary.supplements, {day.day for day in days})
    counts = line_counts(diary.entries, diary.problems)
    energy = energy_check(usual.get("energy_kcal"), len(days), person, weight_kg, height_cm)
    results: list[NutrientResult] = []
    unknown: list[UnknownNutrient] = []
    for key in FOCUS_KEYS:
        if key in usual:
            result = _nutrient(key, days, targets[key], person, diary.entries, supplied)
            results.append(honest_result(result, counts, energy, diary.entries))
        else:
            unknown.append(_unknown(key, targets[key], supplied.get(key, 0.0)))
    notes = analysis_notes(days, diary, listed, unknown, counts, results, energy)
    return DietAnalysis(
        person, diary.format, days, usual, tuple(results), diary.problems, notes,
        tuple(listed), tuple(unknown), counts, energy, diary.entries,
        getattr(diary, "region", None),
    )  # fmt: skip


def _nutrient(
    key: str,
    days: Sequence[DayTotals],
    target: Target,
    person: Person,
    entries: Sequence[DiaryEntry],
    supplied: Mapping[str, float],
) -> NutrientResult:
    """The judgement on the days with a value; a short total with too many items lacking
    a value is no judgement ("unknown"), a short one with a few lacking is low-confidence."""
    known = [d for d in days if d.totals[key] is not None]
    mean = sum(d.totals[key] or 0.0 for d in known) / len(known)
    items = sum(d.items for d in known)
    lacking = sum(d.missing[key] for d in known)
    goal = target.goal
    extra = supplied.get(key, 0.0)
    percent = 100.0 * (mean + extra) / goal if goal else None
    assessment = assess(key, mean, len(known), target, person.sex, person.age_years, extra)
    if lacking:
        assessment = partly_known_assessment(assessment, lacking, items)
    if len(known) < len(days):
        note = (
            f"{assessment.note} Judged on the {len(known)} of {len(days)} days that have a "
            "value; the others have none and are not counted as zero."
        )
        assessment = replace(assessment, note=note)
    sources = top_sources(entries, key)
    return NutrientResult(
        key, mean, target, percent, assessment, sources, extra, len(known), items, lacking
    )


def _unknown(key: str, target: Target, supplement: float) -> UnknownNutrient:
    label = BY_KEY[key].label
    name = label[0].lower() + label[1:]  # "vitamin D"
    note = (
        f"The diary has no value for {name} on any day (the export does not carry it, or its "
        "foods have none): it is not judged, and not counted as zero."
    )
    return UnknownNutrient(key, target, supplement, upper_without_food(target, supplement), note)


def _nothing_usable(problems: Sequence[DiaryProblem]) -> str:
    """Why no entry is left, with the first problem: the user sees no table to look at."""
    if not problems:
        return "the diary has no food that could be used; check the file"
    kinds: dict[str, int] = defaultdict(int)
    for problem in problems:
        kinds[problem.kind] += 1
    counted = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
    first = problems[0]
    said = first.message if len(first.message) <= 160 else first.message[:159] + "…"
    return (
        f"the diary has no food that could be used ({len(problems)} "
        f"problem{'s' if len(problems) != 1 else ''}: {counted}); the "
        f"first, line {first.line}: {said}. Check the file, or name its format with --format"
    )
