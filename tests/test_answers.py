"""Answers: the fields issue 9 added, the names people write, and refusals that help."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from conftest import HANG_BOUND
from twitchcheck.errors import InputError
from twitchcheck.foods.database import get_food
from twitchcheck.knowledge import load_knowledge
from twitchcheck.knowledge.regions import (
    DEFAULT_EMERGENCY,
    emergency_number,
    region_id,
    urgent_route,
)
from twitchcheck.screen.answers import Answers, Course, Lifestyle, parse_answers, resolve_names

BASE = {"age": 70, "sex": "female"}


def answers(**extra: object) -> Answers:
    return parse_answers({**BASE, **extra})


# --- medicines, conditions and supplements as written --------------------------------------


def test_medicines_with_doses_resolve_to_their_classes() -> None:
    parsed = answers(
        medications=[
            "furosemide 40mg",
            "ramipril 5 mg once daily",
            "lisinopril 10mg od",
            "spironolactone 25mg tablets",
            "metformin 500mg bd",
            "Ventolin inhaler 2 puffs prn",
            "omeprazole 20 mg in the morning",
            "losartan/hydrochlorothiazide 50/12.5 mg",
        ]
    )
    assert parsed.medications == (
        "loop_diuretic", "ace_inhibitor", "potassium_sparing_diuretic", "metformin",
        "beta_agonist", "ppi", "arb", "thiazide_diuretic",
    )  # fmt: skip


def test_a_supplement_listed_as_a_medicine_moves_to_supplements() -> None:
    parsed = answers(medications=["vitamin D 1000 IU", "Slow-K 600 mg", "furosemide"])
    assert parsed.medications == ("potassium_supplement", "loop_diuretic")
    assert parsed.supplements == ("vitamin D 1000 IU",)
    salt = answers(medications=["potassium chloride salt substitute"])
    assert salt.supplements == ("potassium chloride salt substitute",)
    assert salt.supplement_list[0].id == "salt_substitute_potassium"


def test_conditions_keep_stage_date_and_qualifiers() -> None:
    parsed = answers(
        conditions=[
            "chronic kidney disease stage 4",
            "thyroidectomy 2 weeks ago",
            "type 2 diabetes (diet controlled)",
            "heart failure",
            "acute gastroenteritis",
        ]
    )
    assert parsed.conditions == (
        "kidney_disease", "thyroid_surgery", "type_2_diabetes", "heart_failure", "gastroenteritis",
    )  # fmt: skip
    details = {d.id: d for d in parsed.condition_details}
    assert details["kidney_disease"].stage == "4"
    assert details["thyroid_surgery"].since_weeks == 2
    assert details["type_2_diabetes"].qualifiers == ("diet controlled",)
    assert details["gastroenteritis"].qualifiers == ("acute",)


def test_resolving_twice_keeps_the_details() -> None:
    once = answers(conditions=["CKD 3b"], supplements=["magnesium 300 mg"], region="gb")
    twice = resolve_names(once)
    assert twice == once
    assert twice.condition_details[0].stage == "3b"


def test_supplements_field_and_parsed_list() -> None:
    parsed = answers(supplements=["magnesium citrate 400 mg daily", "vitamin D 4000 IU"])
    assert [s.id for s in parsed.supplement_list] == ["magnesium", "vitamin_d"]
    assert parsed.supplement_list[1].nutrients == {"vitamin_d_ug": 100.0}


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("medications", ["furosemid 40mg"], r"medications: .*did you mean: 'furosemide'"),
        ("conditions", ["chronic kidny disease"], r"conditions: .*did you mean: .*kidney"),
        ("supplements", ["magnesum"], r"supplements: .*did you mean: .*'magnesium'"),
        ("supplements", ["vitamin D 5000000 IU"], r"supplements: .*accepts up to"),
        ("region", "narnia", r"region: 'narnia' is not a known region; accepted: uk"),
        ("symptoms", ["qqqq zzzz"], r"symptoms: 'qqqq zzzz' is not a known symptom"),
    ],
)
def test_refusals_name_the_field(field: str, value: object, message: str) -> None:
    with pytest.raises(InputError, match=message):
        answers(**{field: value})


# --- region ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "region", "number"),
    [("uk", "uk", "999"), ("United Kingdom", "uk", "999"), ("GB", "uk", "999"),
     ("us", "us", "911"), ("Canada", "ca", "911"), ("ie", "ie", "112"), ("eu", "eu", "112"),
     ("France", "eu", "112"), ("au", "au", "000"), ("New Zealand", "nz", "111"),
     ("india", "in", "112")],
)  # fmt: skip
def test_regions_and_their_emergency_numbers(written: str, region: str, number: str) -> None:
    assert region_id(written) == region
    assert emergency_number(written) == number
    assert answers(region=written).region == region


def test_unknown_or_missing_region_gets_general_wording() -> None:
    assert emergency_number(None) == DEFAULT_EMERGENCY
    assert emergency_number("atlantis") == DEFAULT_EMERGENCY
    assert "111" in urgent_route("uk")
    assert urgent_route(None)


def test_every_region_is_sourced() -> None:
    kb = load_knowledge()
    for region in kb.regions.values():
        assert region.sources
        assert set(region.sources) <= set(kb.sources)


# --- caffeine from drinks -------------------------------------------------------------------


def test_caffeine_counts_coffee_tea_cola_and_energy_drinks() -> None:
    life = Lifestyle(
        coffee_cups_per_day=2, tea_cups_per_day=3, cola_cans_per_day=1, energy_drinks_per_day=1
    )
    assert life.caffeine_mg == pytest.approx(2 * 96 + 3 * 48 + 33.48 + 143.84)
    assert Lifestyle(tea_cups_per_day=0).caffeine_mg == 0
    assert Lifestyle().caffeine_mg is None
    assert Lifestyle(caffeine_mg_per_day=150, coffee_cups_per_day=9).caffeine_mg == 150


def test_caffeine_per_serving_matches_the_food_database() -> None:
    for drink in load_knowledge().drinks.values():
        food = get_food(f"fndds:{drink.fndds_code}")
        assert food.name == drink.food_name
        assert food.nutrients["caffeine_mg"] == drink.caffeine_mg_per_100g
        assert drink.serving_g in {portion.grams for portion in food.portions}
        assert drink.field in Lifestyle.model_fields


# --- new fields, bounds and the schema ------------------------------------------------------


def test_courses_of_numbness_and_weakness() -> None:
    parsed = answers(
        symptoms=["numbness_tingling", "weakness"],
        numbness={"since_weeks": 2, "where": "feet", "spreading": True, "sides": "both"},
        weakness={"since_weeks": 0.5, "where": ["legs"], "sides": "one"},
    )
    assert parsed.numbness == Course(since_weeks=2, where=("feet",), spreading=True, sides="both")
    assert parsed.weakness is not None
    assert parsed.weakness.sides == "one"


def test_b12_supplement_and_nitrous_oxide() -> None:
    parsed = answers(diet={"b12_supplement": True}, lifestyle={"nitrous_oxide": True})
    assert parsed.diet is not None
    assert parsed.diet.b12_supplement is True
    assert parsed.lifestyle.nitrous_oxide is True


@pytest.mark.parametrize(
    "bad",
    [
        {"lifestyle": {"tea_cups_per_day": 41}},
        {"lifestyle": {"cola_cans_per_day": -1}},
        {"lifestyle": {"energy_drinks_per_day": 21}},
        {"numbness": {"since_weeks": 6000}},
        {"weakness": {"sides": "left"}},
    ],
)
def test_every_new_number_is_bounded(bad: dict) -> None:
    with pytest.raises(InputError, match="invalid answers"):
        answers(**bad)


def test_schema_shows_the_new_fields() -> None:
    schema = Answers.model_json_schema()
    assert {"supplements", "region", "numbness", "weakness", "condition_details"} <= set(
        schema["properties"]
    )
    defs = schema["$defs"]
    assert {"tea_cups_per_day", "cola_cans_per_day", "energy_drinks_per_day", "nitrous_oxide"} <= (
        set(defs["Lifestyle"]["properties"])
    )
    assert "b12_supplement" in defs["Diet"]["properties"]
    assert set(defs["Course"]["properties"]) == {"since_weeks", "where", "spreading", "sides"}


def test_a_misspelt_field_is_still_refused() -> None:
    with pytest.raises(ValidationError):
        Answers.model_validate({**BASE, "supplement": ["magnesium"]})


# --- properties ----------------------------------------------------------------------------

KB = load_knowledge()
CONDITIONS = sorted(
    name for name, targets in KB.names.items() if any(k == "condition" for k, _ in targets)
)
WRAPPERS = st.sampled_from(
    ["{}", "chronic {}", "{} stage 3", "{} (mild)", "had {} 2 weeks ago", "my {}", "{} since 2019"]
)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(CONDITIONS), WRAPPERS)
def test_qualifiers_never_change_the_condition(name: str, wrapper: str) -> None:
    bare = answers(conditions=[name]).conditions
    try:
        written = answers(conditions=[wrapper.format(name)]).conditions
    except InputError:
        return  # refused is allowed ("chronic acute gastroenteritis"); a different id is not
    assert written == bare


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(max_size=25), max_size=3))
def test_any_answer_text_is_parsed_or_refused(texts: list[str]) -> None:
    for field in ("medications", "conditions", "supplements", "symptoms"):
        message = ""
        try:
            answers(**{field: texts})
        except InputError as error:
            message = str(error)
        assert not message or message.startswith((field, "invalid answers"))


# --- issue 10: hostile structures, bounds and plausibility for the age -----------------------

JSON_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(10**12), 10**12)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30)
)
JSON_LIKE = st.recursive(
    JSON_SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner),
    max_leaves=12,
)
FIELDS = (
    "age", "sex", "pregnant", "lactating", "symptoms", "twitch", "numbness", "weakness", "diet",
    "sun_exposure", "medications", "conditions", "supplements", "region", "lifestyle", "recent",
    "labs", "condition_details",
)  # fmt: skip


def _parsed_or_refused(raw: object) -> None:
    """The one property: a valid Answers or an InputError with a short message, nothing else."""
    message = ""
    try:
        parsed = parse_answers(raw)
    except InputError as error:
        message = str(error)
    if message:
        assert len(message) < 2000
        return
    assert parsed == resolve_names(parsed)  # resolving twice changes nothing


@settings(max_examples=120, deadline=None)
@given(JSON_LIKE)
def test_any_json_structure_is_answers_or_a_refusal(raw: object) -> None:
    _parsed_or_refused(raw)


@settings(max_examples=120, deadline=None)
@given(st.sampled_from(FIELDS), JSON_LIKE)
def test_any_value_in_any_field_is_parsed_or_refused(field: str, value: object) -> None:
    _parsed_or_refused({**BASE, field: value})


@settings(max_examples=80, deadline=None)
@given(
    st.sampled_from(sorted(Lifestyle.model_fields)),
    st.floats(allow_nan=False) | st.integers(-(10**6), 10**6) | st.text(max_size=8),
    st.floats(min_value=0, max_value=120),
)
def test_any_lifestyle_number_at_any_age_is_parsed_or_refused(
    field: str, value: object, age: float
) -> None:
    _parsed_or_refused({"age": age, "sex": "male", "lifestyle": {field: value}})


def test_long_lists_and_long_answers_are_refused_before_any_lookup() -> None:
    import time

    for field, item in (("symptoms", "cramps"), ("medications", "lasix"), ("labs", "K 4 mmol/L")):
        with pytest.raises(InputError, match=f"{field}: .*at most"):
            answers(**{field: [item] * 10_000})
    for field in ("symptoms", "medications", "conditions", "supplements", "labs"):
        started = time.perf_counter()
        with pytest.raises(InputError, match="at most 200 characters") as caught:
            answers(**{field: ["x" * 1_000_000]})
        assert time.perf_counter() - started < HANG_BOUND
        assert len(str(caught.value)) < 400  # the megabyte is quoted shortened
    with pytest.raises(InputError, match=r"twitch\.where"):
        answers(twitch={"where": ["calf"] * 100})


def test_names_near_the_limit_still_suggest_quickly() -> None:
    import time

    started = time.perf_counter()
    for field in ("symptoms", "medications", "conditions", "supplements"):
        with pytest.raises(InputError):
            answers(**{field: ["crampz " * 28]})  # 196 characters, all looked up
    assert time.perf_counter() - started < HANG_BOUND


@pytest.mark.parametrize(
    ("age", "lifestyle", "message"),
    [
        (
            3,
            {"alcohol_drinks_per_week": 300},
            "alcohol_drinks_per_week: 300 drinks a week at age 3",
        ),
        (3, {"alcohol_drinks_per_week": 1}, "medical help now"),
        (14, {"alcohol_drinks_per_week": 2}, "no alcohol at all before 15"),
        (3, {"coffee_cups_per_day": 20}, "not possible for a child of 3"),
        (3, {"fluids_l_per_day": 10}, "at most 6 at that age"),
        (6, {"energy_drinks_per_day": 15}, "not possible for a child of 6"),
        (6, {"caffeine_mg_per_day": 4000}, "caffeine_mg_per_day"),
    ],
)
def test_what_is_impossible_or_unsafe_for_a_child_is_refused_with_advice(
    age: float, lifestyle: dict, message: str
) -> None:
    with pytest.raises(InputError, match=message):
        answers(age=age, lifestyle=lifestyle)


@pytest.mark.parametrize(
    ("age", "lifestyle"),
    [
        (15, {"alcohol_drinks_per_week": 3}),
        (40, {"alcohol_drinks_per_week": 70, "coffee_cups_per_day": 20}),  # dangerous: weighed
        (3, {"coffee_cups_per_day": 2, "fluids_l_per_day": 1.5}),
        (10, {"energy_drinks_per_day": 15}),
    ],
)
def test_what_is_possible_for_the_age_is_accepted(age: float, lifestyle: dict) -> None:
    assert answers(age=age, lifestyle=lifestyle).age == age


@pytest.mark.parametrize("age", [0, 0.1, 0.99])
def test_a_screening_for_a_baby_is_refused_with_what_to_do(age: float) -> None:
    with pytest.raises(InputError, match=r"baby.*emergency number") as caught:
        parse_answers({"age": age, "sex": "female", "region": "uk"})
    assert "999" in str(caught.value)
    assert parse_answers({"age": 1, "sex": "female"}).age == 1


def test_answer_bounds_come_from_limits_toml() -> None:
    from twitchcheck.limits import limit

    schema = Answers.model_json_schema()
    life = schema["$defs"]["Lifestyle"]["properties"]
    assert life["coffee_cups_per_day"]["anyOf"][0]["maximum"] == limit(
        "answers.coffee_cups_per_day"
    )
    assert schema["properties"]["age"]["maximum"] == limit("person.age_years")
    assert schema["properties"]["labs"]["maxItems"] == limit("input.labs")


def test_a_diet_analysis_mean_that_is_not_a_number_is_unknown_not_nan() -> None:
    from twitchcheck.screen.answers import with_diet_analysis

    judged = {"judgement": "inadequate", "confidence": 0.8, "mean": float("nan"), "target": 350.0}
    analysis = {"days": 3, "nutrients": {"magnesium_mg": judged}, "source": "test"}
    weighed = with_diet_analysis(answers(), analysis)
    assert weighed.diet is not None
    assert weighed.diet.analysis is not None
    assert weighed.diet.analysis.nutrients["magnesium_mg"].mean is None


def test_true_or_false_is_not_an_amount() -> None:
    """JSON's booleans are refused where a number is asked (pydantic alone reads true as 1)."""
    with pytest.raises(InputError, match=r"lifestyle\.coffee_cups_per_day: .*valid number"):
        parse_answers({"age": 40, "sex": "male", "lifestyle": {"coffee_cups_per_day": True}})
    with pytest.raises(InputError, match=r"age: .*valid number"):
        parse_answers({"age": True, "sex": "male"})
    coffee = parse_answers({"age": 40, "sex": "male", "lifestyle": {"coffee_cups_per_day": 2}})
    assert coffee.lifestyle.coffee_cups_per_day == 2
