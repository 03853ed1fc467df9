"""Safety rules of the screening (issue 9): excess states, heart, vessel and nerve red flags,
rule-out contributors, one time frame per level, and what helps during a cramp."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from twitchcheck.screen import ScreenResult, body_regions, screen
from twitchcheck.screen.answers import parse_answers
from twitchcheck.screen.model import load_model


def run(**answers: Any) -> ScreenResult:
    return screen(parse_answers({"age": 55, "sex": "male", **answers}))


def first(result: ScreenResult) -> str:
    return result.contributors[0].id


def test_exertional_arm_cramping_with_sweating_is_a_heart_emergency() -> None:
    result = run(
        symptoms=["arm cramping", "pain on exertion", "cold sweat"],
        lifestyle={"nicotine": True},
    )
    assert result.level == "emergency"
    assert first(result) == "heart_attack"
    assert result.contributors[0].kind == "rule_out"
    assert "ECG" in result.contributors[0].checks


def test_chest_pain_alone_is_urgent_not_self_care() -> None:
    assert run(symptoms=["chest pain"]).level == "urgent"


def test_one_sided_calf_pain_with_swelling_is_a_possible_clot() -> None:
    result = run(symptoms=["calf_cramps", "one_sided_calf_pain", "leg_swelling"])
    assert result.level == "urgent"
    assert first(result) == "deep_vein_thrombosis"


def test_clot_signs_with_breathlessness_are_an_emergency() -> None:
    result = run(symptoms=["one_sided_calf_pain", "leg_swelling", "breathlessness"])
    assert result.level == "emergency"


def test_twitching_in_several_regions_with_weakness_raises_motor_neurone_disease() -> None:
    for where in (["all over"], ["both arms"], ["arms", "legs"], ["left hand", "right calf"]):
        result = run(
            symptoms=["twitching", "weakness"],
            twitch={"where": where, "since_weeks": 6, "how_often": "daily"},
        )
        assert result.level == "urgent", where
        assert first(result) == "motor_neurone_disease", where
        assert result.contributors[0].reassurance  # how often it turns out benign


def test_twitching_in_one_place_without_weakness_stays_self_care() -> None:
    result = run(symptoms=["twitching"], twitch={"where": ["left calf"], "since_weeks": 1})
    assert result.level == "self-care"
    assert not any(c.kind == "rule_out" for c in result.contributors)


def test_a_nutrient_never_outranks_a_rule_out_without_an_abnormal_lab() -> None:
    result = run(
        symptoms=["twitching", "weakness", "cramps", "fatigue"],
        twitch={"where": ["both arms"]},
        medications=["furosemide", "omeprazole"],
        lifestyle={"stress": "high", "coffee_cups_per_day": 6},
    )
    assert first(result) == "motor_neurone_disease"
    with_lab = run(
        symptoms=["twitching", "weakness"],
        twitch={"where": ["both arms"]},
        labs=["magnesium 0.4 mmol/L"],
    )
    top = with_lab.contributors[:2]
    assert {c.id for c in top} == {"motor_neurone_disease", "magnesium"}


@given(
    extra=st.lists(
        st.sampled_from(["cramps", "fatigue", "numbness_tingling", "spasms", "tremor", "anxiety"]),
        max_size=4,
    ),
    stress=st.sampled_from(["low", "moderate", "high"]),
    coffee=st.integers(min_value=0, max_value=10),
)
def test_rule_out_first_whatever_else_is_reported(
    extra: list[str], stress: str, coffee: int
) -> None:
    result = run(
        symptoms=["double vision", *extra],
        lifestyle={"stress": stress, "coffee_cups_per_day": coffee},
    )
    assert result.contributors[0].kind == "rule_out"


def test_proximal_weakness_is_for_a_doctor() -> None:
    result = run(symptoms=["trouble getting up from a chair"])
    assert result.level == "see-doctor"
    assert first(result) in ("inflammatory_myopathy", "thyroid_disease")


def test_weakness_with_a_low_potassium_or_on_a_diuretic_is_urgent() -> None:
    assert run(symptoms=["weakness"], labs=["potassium 3.2 mmol/L"]).level == "urgent"
    assert run(symptoms=["weakness"], medications=["furosemide"]).level == "urgent"


def test_potassium_raisers_with_kidney_disease_make_too_much_potassium_a_contributor() -> None:
    result = screen(
        parse_answers(
            {
                "age": 75,
                "sex": "male",
                "symptoms": ["cramps"],
                "medications": ["lisinopril", "spironolactone"],
                "conditions": ["kidney disease"],
            }
        )
    )
    scores = {c.id: c for c in result.contributors}
    assert scores["high_potassium"].kind == "excess"
    assert (
        scores["high_potassium"].score > scores.get("potassium", scores["high_potassium"]).score - 1
    )
    assert "potassium" not in scores or scores["potassium"].score < scores["high_potassium"].score
    assert result.level != "self-care"
    assert any(r.id == "two_potassium_raisers" for r in result.reasons)


def test_a_high_result_points_at_the_excess_not_the_shortfall() -> None:
    result = run(symptoms=["weakness", "palpitations"], labs=["potassium 6.1 mmol/L"])
    scores = {c.id: c for c in result.contributors}
    assert scores["high_potassium"].lab_backed
    assert "potassium" not in scores
    assert result.level in ("urgent", "emergency")


def test_magnesium_laxative_with_kidney_disease_suggests_too_much_magnesium() -> None:
    result = run(
        symptoms=["weakness"], medications=["milk of magnesia"], conditions=["kidney_disease"]
    )
    assert "high_magnesium" in [c.id for c in result.contributors[:3]]
    assert any(r.id == "magnesium_products_with_kidney_disease" for r in result.reasons)


def test_a_measured_low_calcium_is_not_hidden_by_albumin_correction() -> None:
    result = run(
        symptoms=["numbness_tingling", "spasms"],
        labs=["calcium 1.95 mmol/L", "albumin 28 g/L"],
    )
    assert result.level in ("urgent", "emergency")
    assert any(r.id == "symptomatic_low_mineral" for r in result.reasons)


def test_vegan_with_fortified_foods_still_gets_a_b12_test() -> None:
    result = run(symptoms=["twitching"], diet={"pattern": "vegan", "fortified_foods": True})
    assert any("B12" in t.name for t in result.suggested_tests)


def test_header_and_first_step_share_one_time_frame() -> None:
    frames = load_model().frames
    for answers, level in (
        ({"symptoms": ["seizures"]}, "emergency"),
        ({"symptoms": ["chest pain"]}, "urgent"),
        ({"symptoms": ["leg_swelling"]}, "see-doctor"),
        ({"symptoms": ["cramps"]}, "self-care"),
    ):
        result = run(**answers)
        assert result.level == level
        assert result.next_steps[0].kind == "doctor"
        assert result.next_steps[0].text == result.action
        assert frames[level].header.split(":")[0] in result.header  # type: ignore[index]


def test_red_flag_advice_never_sets_its_own_time_frame() -> None:
    from twitchcheck.knowledge import load_knowledge

    for flag in load_knowledge().red_flags:
        text = flag.advice.lower()
        for phrase in ("call emergency", "within days", "book a", "same-day", "today"):
            assert phrase not in text, (flag.id, phrase)


def test_cramps_bring_what_helps_during_one_and_that_quinine_is_not_advised() -> None:
    relief = [s.text for s in run(symptoms=["calf_cramps"]).next_steps if s.kind == "relief"]
    assert any("stretch" in t.lower() for t in relief)
    assert any("quinine" in t.lower() and "no longer advised" in t for t in relief)
    assert not [s for s in run(symptoms=["eyelid_twitching"]).next_steps if s.kind == "relief"]


def test_body_regions_read_sides_plurals_and_all_over() -> None:
    assert body_regions(["left calf"]) == {"left leg"}
    assert body_regions(["calves"]) == {"left leg", "right leg"}
    assert body_regions(["both arms"]) == {"left arm", "right arm"}
    assert len(body_regions(["all over"])) == 6
    assert body_regions(["eyelid"]) == {"head"}
    assert body_regions(["my left thumb", "right foot"]) == {"left arm", "right leg"}


@given(st.lists(st.text(max_size=40), max_size=6))
def test_body_regions_never_fail_on_any_text(places: list[str]) -> None:
    assert body_regions(places) <= {
        "head", "trunk", "left arm", "right arm", "left leg", "right leg",
    }  # fmt: skip


def test_the_table_shows_no_internal_keys_scores_or_negative_numbers(tmp_path: Any) -> None:
    import json
    import re

    from typer.testing import CliRunner

    from twitchcheck.cli import app

    cases = [
        {"symptoms": ["cramps", "night_time"], "lifestyle": {"stress": "high", "sleep_hours": 5}},
        {"symptoms": ["twitching"], "diet": {"pattern": "vegan", "fortified_foods": False}},
        {"symptoms": ["cramps"], "medications": ["furosemide"], "labs": ["potassium 3.1 mmol/L"]},
        {"symptoms": ["twitching", "weakness"], "twitch": {"where": ["both arms"]}},
    ]
    for answers in cases:
        path = tmp_path / "answers.json"
        path.write_text(json.dumps({"age": 60, "sex": "female", **answers}), encoding="utf-8")
        out = CliRunner().invoke(app, ["screen", "--answers", str(path)], terminal_width=200)
        assert out.exit_code == 0, out.output
        assert not re.search(r"\b[a-z0-9]+_[a-z0-9_]+\b", out.stdout), out.stdout
        assert not re.search(r"\(\s*[-+]\d", out.stdout), out.stdout
        assert "how likely" not in out.stdout


def test_a_childs_caffeine_is_judged_for_the_childs_size() -> None:
    child = screen(
        parse_answers(
            {
                "age": 8,
                "sex": "male",
                "symptoms": ["twitching"],
                "lifestyle": {"cola_cans_per_day": 3},
            }
        )
    )
    adult = run(symptoms=["twitching"], lifestyle={"cola_cans_per_day": 3})
    assert child.contributors[0].id == "caffeine"
    assert "caffeine" not in [c.id for c in adult.contributors[:1]]
