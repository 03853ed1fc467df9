"""The screening engine: answers in, triage, ranked contributors and tests out."""

from __future__ import annotations

import pytest

from twitchcheck.errors import InputError, ProfileError
from twitchcheck.knowledge import load_knowledge
from twitchcheck.screen import TRIAGE_ORDER, screen
from twitchcheck.screen.answers import parse_answers
from twitchcheck.screen.model import load_model


def run(**answers):
    return screen(parse_answers({"age": 45, "sex": "female", **answers}))


def ids(result) -> list[str]:
    return [c.id for c in result.contributors]


def test_nothing_reported_is_self_care_and_no_specific_cause() -> None:
    result = run(symptoms=["cramps"])
    assert result.level == "self-care"
    assert ids(result)[0] == "no_specific_cause"


def test_red_flags_decide_the_level_and_come_first() -> None:
    result = run(symptoms=["cramps", "difficulty_breathing"], lifestyle={"coffee_cups_per_day": 8})
    assert result.level == "emergency"
    assert result.reasons[0].level == "emergency"
    assert result.to_dict()["triage"]["reasons"][0]["id"] == "breathing_difficulty"


def test_critical_lab_forces_urgent() -> None:
    result = run(symptoms=["cramps"], labs=["potassium 2.3 mmol/L"])
    assert TRIAGE_ORDER.index(result.level) >= TRIAGE_ORDER.index("urgent")
    assert any(r.id == "critical_potassium" for r in result.reasons)


def test_lab_outweighs_symptoms() -> None:
    symptoms_only = run(
        symptoms=["cramps", "twitching", "weakness", "fatigue", "numbness_tingling"]
    )
    with_lab = run(symptoms=["cramps"], labs=["magnesium 0.5 mmol/L"])
    magnesium = {c.id: c.score for c in symptoms_only.contributors}.get("magnesium", 0)
    assert {c.id: c.score for c in with_lab.contributors}["magnesium"] > magnesium + 2


def test_normal_magnesium_counts_for_less_than_other_normal_labs() -> None:
    weights = load_model().points
    assert weights.lab_overrides["magnesium"]["normal"] > weights.lab["normal"]


def test_diuretic_raises_potassium_and_magnesium_with_sources() -> None:
    result = run(symptoms=["cramps"], medications=["Lasix"])
    scores = {c.id: c for c in result.contributors}
    for nutrient in ("potassium", "magnesium"):
        evidence = [e for e in scores[nutrient].evidence if e.answer.startswith("medications")]
        assert evidence
        assert evidence[0].points > 0
        assert evidence[0].sources
    assert "loop_diuretic" in scores


def test_low_magnesium_raises_suspicion_of_potassium_and_calcium() -> None:
    result = run(symptoms=["cramps"], labs=["magnesium 0.5 mmol/L"])
    scores = {c.id: c for c in result.contributors}
    for nutrient in ("potassium", "calcium"):
        assert any("magnesium suspected" in e.answer for e in scores[nutrient].evidence)


def test_ranking_does_not_default_to_magnesium() -> None:
    result = run(age=70, symptoms=["cramps", "calf_cramps", "night_time"])
    assert ids(result)[0] == "no_specific_cause"
    magnesium = (
        next(c for c in result.contributors if c.id == "magnesium")
        if "magnesium" in ids(result)
        else None
    )
    assert magnesium is None or magnesium.evidence_strength == "weak"


def test_every_contributor_says_how_strong_the_evidence_is() -> None:
    result = run(
        symptoms=["cramps", "twitching"], medications=["atorvastatin"], lifestyle={"stress": "high"}
    )
    for contributor in result.contributors:
        assert contributor.evidence_strength in ("strong", "moderate", "weak", "insufficient")
        assert contributor.evidence_summary
        for evidence in contributor.evidence:
            assert evidence.sources, (contributor.id, evidence)


def test_every_source_in_the_output_resolves() -> None:
    kb = load_knowledge()
    result = run(
        symptoms=["cramps", "twitching", "numbness_tingling"],
        medications=["omeprazole", "lisinopril"], conditions=["kidney_disease"],
        labs=["B12 180 pg/mL"], diet={"pattern": "vegan"},
    )  # fmt: skip
    data = result.to_dict()
    cited = [s for c in data["contributors"] for e in c["evidence"] for s in e["sources"]]
    cited += [s for t in data["suggested_tests"] for s in t["sources"]]
    cited += [s for step in data["next_steps"] for s in step["sources"]]
    assert cited
    assert all(source in kb.sources for source in cited)


def test_cautions_for_kidney_disease_and_potassium_raising_medicines() -> None:
    result = run(symptoms=["cramps"], conditions=["kidney disease"], medications=["lisinopril"])
    cautions = " ".join(s.text for s in result.next_steps if s.kind == "caution")
    assert "kidney" in cautions
    assert "potassium" in cautions


def test_no_dose_is_ever_suggested() -> None:
    result = run(symptoms=["cramps"], labs=["magnesium 0.5 mmol/L", "25-OH vitamin D 8 ng/mL"])
    for step in result.next_steps:
        assert "take " not in step.text.lower() or "not" in step.text.lower()


def test_suggested_tests_follow_the_suspects() -> None:
    result = run(
        symptoms=["numbness_tingling"], diet={"pattern": "vegan", "fortified_foods": False}
    )
    names = [t.name for t in result.suggested_tests]
    assert any("B12" in n for n in names)


def test_persistent_twitch_is_worth_a_doctor() -> None:
    result = run(symptoms=["twitching"], twitch={"where": ["calf"], "since_weeks": 6})
    assert result.level == "see-doctor"


def test_diet_analysis_counts_as_evidence() -> None:
    analysis = {
        "days": 7,
        "nutrients": {"magnesium_mg": {"judgement": "inadequate", "confidence": 0.9}},
    }
    result = run(symptoms=["cramps"], diet={"pattern": "omnivore", "analysis": analysis})
    magnesium = next(c for c in result.contributors if c.id == "magnesium")
    assert any("diet analysis" in e.answer for e in magnesium.evidence)


@pytest.mark.parametrize(
    ("answers", "words"),
    [
        ({"age": 30, "sex": "male", "pregnant": True}, "pregnan"),
        ({"age": 30, "sex": "female", "pregnant": True, "lactating": True}, "lactating"),
        ({"age": 5, "sex": "female", "pregnant": True}, "pregnan"),
        ({"age": 6, "sex": "male", "medications": ["atorvastatin"]}, "child"),
        ({"age": -1, "sex": "male"}, "age"),
        ({"age": 40, "sex": "other"}, "sex"),
        ({"age": 40, "sex": "male", "symptoms": ["crampz"]}, "cramps"),
        ({"age": 40, "sex": "male", "medications": ["notadrug"]}, "notadrug"),
        ({"age": 40, "sex": "male", "conditions": ["kidny disease"]}, "kidney"),
        ({"age": 40, "sex": "male", "lifestyle": {"stress": "extreme"}}, "stress"),
        ({"age": 40, "sex": "male", "recent": ["sneezing"]}, "sneezing"),
        ({"age": 40, "sex": "male", "labs": ["magnesium 99 g/dL"]}, "magnesium"),
        ({"sex": "male"}, "age"),
        ({"age": 40, "sex": "male", "favourite_colour": "blue"}, "favourite_colour"),
    ],
)
def test_bad_answers_are_refused_with_a_message(answers: dict, words: str) -> None:
    with pytest.raises((InputError, ProfileError)) as caught:
        screen(parse_answers(answers))
    assert words in str(caught.value).lower()


def test_unknown_names_are_never_dropped() -> None:
    with pytest.raises(InputError, match="did you mean"):
        parse_answers({"age": 40, "sex": "male", "symptoms": ["twitchin"]})


def test_brand_and_generic_names_resolve_to_classes() -> None:
    answers = parse_answers(
        {"age": 60, "sex": "male", "medications": ["Lasix", "Prilosec", "metformin"]}
    )
    assert set(answers.medications) == {"loop_diuretic", "ppi", "metformin"}


def test_critical_lab_with_symptoms_is_an_emergency() -> None:
    quiet = run(symptoms=["cramps"], labs=["calcium 1.5 mmol/L"])
    with_signs = run(symptoms=["cramps", "numbness_tingling"], labs=["calcium 1.5 mmol/L"])
    assert quiet.level == "urgent"
    assert with_signs.level == "emergency"


def test_tingling_with_a_low_mineral_is_urgent_but_tingling_alone_is_not() -> None:
    low = run(symptoms=["numbness_tingling", "cramps"], labs=["25-OH vitamin D 4 ng/mL"])
    assert low.level == "urgent"
    assert any(r.id == "symptomatic_low_mineral" for r in low.reasons)
    alone = run(symptoms=["numbness_tingling"])
    assert not any(r.id == "symptomatic_low_mineral" for r in alone.reasons)


def test_frequent_cramps_for_weeks_are_worth_a_doctor() -> None:
    week = run(
        symptoms=["cramps"], twitch={"where": ["calf"], "since_weeks": 1, "how_often": "daily"}
    )
    months = run(
        symptoms=["cramps"], twitch={"where": ["calf"], "since_weeks": 8, "how_often": "daily"}
    )
    assert week.level == "self-care"
    assert months.level == "see-doctor"


def test_cramps_in_several_muscles_are_not_widespread_twitching() -> None:
    result = run(
        symptoms=["cramps"], twitch={"where": ["calf", "thigh", "abdomen"], "since_weeks": 0.3}
    )
    assert result.level == "self-care"


def test_reliever_inhaler_side_effects_go_to_the_prescriber() -> None:
    result = run(symptoms=["tremor", "cramps"], medications=["Ventolin"])
    assert result.level == "see-doctor"
    assert any(r.id == "beta_agonist_muscle_effects" for r in result.reasons)
