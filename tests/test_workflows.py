"""The workflows the shells call: the same answers give the same results without a shell."""

from __future__ import annotations

import pytest

from twitchcheck.advice.candidates import Filters
from twitchcheck.diary import parse_diary_text
from twitchcheck.errors import InputError
from twitchcheck.profile import Person
from twitchcheck.screen.answers import parse_answers
from twitchcheck.workflows import (
    PlanRequest,
    analyse_diary,
    person_of,
    plan_for,
    screen_person,
    split_names,
)

LOW_MAGNESIUM_WEEK = "".join(
    f"2026-11-{day:02d}\n2 slices of white bread\n1 cup whole milk\n1 apple\n200 g pasta\n"
    for day in range(16, 23)
)
ANSWERS = {"age": 45, "sex": "female", "symptoms": ["cramps"], "medications": ["furosemide"]}


def test_person_of_answers() -> None:
    person = person_of(parse_answers({**ANSWERS, "pregnant": True}))
    assert person == Person(45, "female", pregnant=True)


def test_a_diary_is_weighed_in_the_screening() -> None:
    answers = parse_answers(ANSWERS)
    diary = parse_diary_text(LOW_MAGNESIUM_WEEK)
    without, with_diary = screen_person(answers), screen_person(answers, diary)
    score = {c.id: c.score for c in with_diary.contributors}
    before = {c.id: c.score for c in without.contributors}
    assert score["magnesium"] > before["magnesium"]  # the short diet adds to the diuretic
    (magnesium,) = (c for c in with_diary.contributors if c.id == "magnesium")
    assert any(e.answer.startswith("diet analysis") for e in magnesium.evidence)


def test_the_plan_finds_gaps_in_a_diary_and_stays_safe() -> None:
    diary = parse_diary_text(LOW_MAGNESIUM_WEEK)
    filters = Filters.parse("omnivore", False, (), (), ())
    advice = plan_for(PlanRequest(Person(45, "female"), filters, diary=diary))
    assert "magnesium_mg" in [g.key for g in advice.gaps]
    assert advice.plan is not None
    assert advice.plan.feasible


def test_plan_requests_are_checked() -> None:
    filters = Filters.parse("omnivore", False, (), (), ())
    diary = parse_diary_text(LOW_MAGNESIUM_WEEK)
    with pytest.raises(InputError, match="either --diary or --gaps"):
        plan_for(PlanRequest(Person(45, "female"), filters, gaps=("magnesium",), diary=diary))
    with pytest.raises(InputError, match="--max-foods 0 is not accepted"):
        plan_for(PlanRequest(Person(45, "female"), filters, gaps=("calcium",), max_foods=0))
    with pytest.raises(InputError, match="--energy-budget nan"):
        plan_for(
            PlanRequest(
                Person(45, "female"), filters, gaps=("calcium",), energy_budget=float("nan")
            )
        )


def test_analyse_diary_with_a_body_size() -> None:
    analysis = analyse_diary(
        parse_diary_text(LOW_MAGNESIUM_WEEK), Person(45, "female"), (), 70, 165
    )
    assert any("Goldberg" in note for note in analysis.notes)


def test_split_names() -> None:
    assert split_names(["lasix, ramipril", " ", "omeprazole"]) == [
        "lasix",
        "ramipril",
        "omeprazole",
    ]


def test_supplements_and_regions_as_typed() -> None:
    from twitchcheck.workflows import region_from, supplements_from

    (magnesium,) = supplements_from(["magnesium citrate 400 mg daily", " "])
    assert magnesium.nutrients.get("magnesium_mg")
    assert supplements_from(None) == ()
    assert region_from("United Kingdom") == "uk"
    assert region_from(None) is None
    with pytest.raises(InputError):
        region_from("Atlantis")
