"""The investigations people run, end to end: what every shell (command line, web app) calls.

    result = screen_person(answers, diary)            # answers (+ a diary) -> a screening
    analysis = analyse_diary(diary, person, supplements)
    advice = plan_for(PlanRequest(person, filters, gaps=("magnesium",)))

Each takes typed values that a shell has already read (a parsed diary, validated answers)
and returns a typed result with ``to_dict()``; nothing here prints, prompts or reads files,
so the command line and the web app give the same answers to the same input.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from twitchcheck.errors import InputError
from twitchcheck.limits import limit
from twitchcheck.profile import Person, check_applies
from twitchcheck.text import shorten

if TYPE_CHECKING:
    from twitchcheck.advice import Advice
    from twitchcheck.advice.candidates import Filters
    from twitchcheck.advice.optimiser import Settings
    from twitchcheck.diary import Diary
    from twitchcheck.diet import DietAnalysis
    from twitchcheck.knowledge.supplements import Supplement
    from twitchcheck.screen import ScreenResult
    from twitchcheck.screen.answers import Answers


def person_of(answers: Answers) -> Person:
    """The person the answers describe (age, sex, pregnancy, lactation)."""
    return Person(answers.age, answers.sex, answers.pregnant, answers.lactating)


def analyse_diary(
    diary: Diary,
    person: Person,
    supplements: Sequence[Supplement] = (),
    weight_kg: float | None = None,
    height_cm: float | None = None,
) -> DietAnalysis:
    """A diary's usual intake judged against the person's reference intakes (weight and
    height, when known, sharpen the check for under-recording)."""
    from twitchcheck.diet import analyze
    from twitchcheck.diet.energy import check_body

    check_body(weight_kg, height_cm)
    return analyze(diary, person, tuple(supplements), weight_kg=weight_kg, height_cm=height_cm)


def screen_person(answers: Answers, diary: Diary | None = None) -> ScreenResult:
    """The screening of `answers`, with the diet analysis of `diary` weighed as evidence."""
    from twitchcheck.screen import screen
    from twitchcheck.screen.answers import with_diet_analysis, with_written_supplements

    if diary is not None:
        analysis = analyse_diary(diary, person_of(answers))
        written = (line.supplement for line in diary.supplements)
        answers = with_diet_analysis(with_written_supplements(answers, written),
                                     analysis.to_screening())  # fmt: skip
    return screen(answers)


@dataclass(frozen=True, slots=True)
class PlanRequest:
    """What a plan is asked for: the gaps by name, or a diary to find them in, and what the
    safety rules need to know. Medicines, conditions and gaps may be comma-separated."""

    person: Person
    filters: Filters
    gaps: Sequence[str] = ()
    diary: Diary | None = None
    medications: Sequence[str] = ()
    conditions: Sequence[str] = ()
    supplements: Sequence[str] = ()
    labs: Sequence[str] = ()
    region: str | None = None
    energy_budget: float | None = None  # most added kcal a day; None: the default
    max_foods: int | None = None


def plan_for(request: PlanRequest) -> Advice:
    """Foods that close the person's gaps and a plan within every upper limit, with the
    cautions their medicines, conditions, supplements and labs call for."""
    from twitchcheck.advice import advise, gaps_from_analysis, gaps_from_names
    from twitchcheck.labs import interpret_labs
    from twitchcheck.screen.answers import Answers, resolve_names

    person = request.person
    check_applies(person, "plan")
    if request.diary is not None and request.gaps:
        raise InputError("give either --diary or --gaps, not both")
    medications, conditions = split_names(request.medications), split_names(request.conditions)
    # The answers' own reading: doses in medicine names, supplements typed as medicines, regions.
    answers = resolve_names(
        Answers(
            age=person.age_years, sex=person.sex, pregnant=person.pregnant,
            lactating=person.lactating, medications=tuple(medications),
            conditions=tuple(conditions), region=request.region,
            supplements=tuple(s for s in request.supplements if s.strip()),
        )
    )  # fmt: skip
    supplements = answers.supplement_list
    labs = interpret_labs([text for text in request.labs if text.strip()], sex=person.sex)
    existing: list[str] = []
    before = None
    if request.diary is not None:
        analysis = analyse_diary(request.diary, person, supplements)
        found = gaps_from_analysis(analysis, person, request.filters.pattern)
        existing = [e.item.food.id for e in request.diary.entries if e.item]
        before = analysis.usual
        supplements = (*supplements, *_written(request.diary, supplements))
    else:
        found = gaps_from_names(split_names(request.gaps), person, request.filters.pattern)
    return advise(
        person, request.filters, found, existing=existing, before=before,
        medications=medications, conditions=conditions, supplements=supplements, labs=labs,
        region=answers.region, settings=_settings(request),
    )  # fmt: skip


def _written(diary: Diary, given: Sequence[Supplement]) -> tuple[Supplement, ...]:
    """The supplements the diary writes among its foods, one of each kind not `given`: the
    plan's cautions and upper limits weigh them as if taken daily (the safe side)."""
    kinds = {s.id for s in given}
    found: dict[str, Supplement] = {}
    for line in diary.supplements:
        if line.supplement.id not in kinds:
            found.setdefault(line.supplement.id, line.supplement)
    return tuple(found.values())


def supplements_from(texts: Sequence[str] | None) -> tuple[Supplement, ...]:
    """Supplements as typed, one per value ("magnesium citrate 400 mg daily"); blanks skipped."""
    from twitchcheck.knowledge.supplements import parse_supplements

    given = [text for text in texts or () if text.strip()]
    return tuple(parse_supplements(given)) if given else ()


def region_from(region: str | None) -> str | None:
    """The region's id ("uk" for "United Kingdom"); an unknown region is refused."""
    from twitchcheck.knowledge.regions import region_id

    return None if region is None else region_id(region)


def split_names(values: Sequence[str]) -> list[str]:
    """Names given as repeated values, comma-separated lists, or both."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def check_option_sizes(options: dict[str, Sequence[str]]) -> None:
    """Each repeatable option holds at most input.plan_options values, each at most
    input.text_chars long: checked before any food is searched or name looked up."""
    most, chars = int(limit("input.plan_options")), int(limit("input.text_chars"))
    for option, values in options.items():
        if len(values) > most:
            raise InputError(f"{option} was given {len(values):,} times; at most {most} are read")
        for value in values:
            if len(value) > chars:
                raise InputError(
                    f"{option} {shorten(value)!r} is {len(value):,} characters long; at most "
                    f"{chars} are read (one name per value)"
                )


def _settings(request: PlanRequest) -> Settings:
    from twitchcheck.advice.optimiser import Settings

    settings = Settings.defaults()
    if request.energy_budget is not None:
        kcal, most = request.energy_budget, limit("input.plan_energy_budget_kcal")
        if not (math.isfinite(kcal) and 0 <= kcal <= most):
            raise InputError(
                f"--energy-budget {kcal:g} is not a daily budget twitchcheck can plan with; "
                f"give 0 to {most:,.0f} kcal (the default is {settings.energy_budget:.0f})"
            )
        settings = replace(settings, energy_budget=kcal)
    if request.max_foods is not None:
        most_foods = int(limit("input.plan_max_foods"))
        if not 1 <= request.max_foods <= most_foods:
            raise InputError(
                f"--max-foods {request.max_foods} is not accepted; give 1 to {most_foods} foods"
            )
        settings = replace(settings, max_foods=request.max_foods)
    return settings
