"""Advice: suggestions respect every filter, plans every limit; failures explain themselves."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from twitchcheck.advice import Gap, advise, gaps_from_names, nutrient_key, suggest
from twitchcheck.candidates import PATTERNS, Filters, candidates
from twitchcheck.errors import InputError
from twitchcheck.plan import Settings, make_plan
from twitchcheck.profile import Person
from twitchcheck.targets import targets_for_person

WOMAN = Person(45, "female")
FOCUS = ["magnesium_mg", "calcium_mg", "vitamin_d_ug", "potassium_mg", "vitamin_b12_ug"]

# An independent oracle: words that must never appear in a food allowed by a filter.
# Broader than the tagger's lists on purpose; a match means the filter let through
# something it should not have.
FORBIDDEN_WORDS = {
    "meat": r"\b(beef|pork|chicken|turkey|lamb|ham|bacon|sausage|veal|venison|liver|duck)\b",
    "fish": r"\b(fish|salmon|tuna|cod|sardines?|anchov|trout|tilapia|mackerel|herring|halibut)\b",
    "shellfish": r"\b(shrimp|prawns?|crab|lobster|clams?|oysters?|mussels?|scallops?|squid)\b",
    "milk": r"\b(cheese|yogurt|butter|cream|whey|kefir|milk, (whole|reduced|low|fat free))\b",
    "egg": r"\b(egg|eggs|omelet|mayonnaise)\b",
    "gluten": r"\b(wheat|bread|pasta|noodles?|barley|rye|bagel|couscous|bulgur|seitan)\b",
    "soy": r"\b(soy|tofu|edamame|tempeh|miso)\b",
    "peanut": r"\bpeanuts?\b",
    "tree_nut": r"\b(almonds?|walnuts?|cashews?|pecans?|pistachios?|hazelnuts?|macadamia)\b",
    "sesame": r"\b(sesame|tahini|hummus)\b",
}
NON_DAIRY = re.compile(
    r"\b(almond|soy|oat|rice|coconut|cashew|peanut|nut) (milk|butter)\b"
    r"|non-dairy|plant-based|cream of (wheat|rice)",
    re.I,
)


def violates(name: str, tag: str) -> bool:
    text = name.lower()
    if tag == "milk":
        text = NON_DAIRY.sub(" ", text)
    if tag == "egg":
        text = text.replace("eggplant", " ")
    return re.search(FORBIDDEN_WORDS[tag], text) is not None


ALLERGIES = ["tree nuts", "peanuts", "fish", "shellfish", "gluten", "soy", "egg", "milk", "sesame"]
filters_strategy = st.builds(
    Filters.parse,
    pattern=st.sampled_from(PATTERNS),
    dairy_free=st.booleans(),
    allergies=st.lists(
        st.sampled_from(
            ["tree nuts", "peanuts", "fish", "shellfish", "gluten", "soy", "egg", "milk", "sesame"]
        ),
        max_size=4,
    ),
    dislikes=st.lists(st.sampled_from(["spinach", "salmon", "milk", "kale", "beans"]), max_size=2),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(filters=filters_strategy, key=st.sampled_from(FOCUS))
def test_every_suggested_food_satisfies_every_filter(filters: Filters, key: str) -> None:
    by_serving, by_energy = suggest(key, filters)
    for suggestion in (*by_serving, *by_energy):
        food = suggestion.food
        assert not food.tags & filters.forbidden, (food.name, food.tags)
        for tag in filters.forbidden:
            if tag in FORBIDDEN_WORDS:
                assert not violates(food.name, tag), (food.name, tag)
        for disliked in filters.dislikes:
            assert disliked not in food.name.lower()


GAP_LISTS = st.lists(st.sampled_from(FOCUS), min_size=1, max_size=5, unique=True)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(filters=filters_strategy, gaps=GAP_LISTS,
       budget=st.sampled_from([200.0, 500.0, 900.0]))  # fmt: skip
def test_no_plan_exceeds_any_upper_limit_or_the_energy_budget(
    filters: Filters, gaps: list[str], budget: float
) -> None:
    targets = targets_for_person(WOMAN)
    before = {k: 0.5 * (targets[k].rda or targets[k].ai or 0) for k in FOCUS}
    before["energy_kcal"] = 1800
    plan = make_plan(gaps, before, targets, filters, settings=Settings(energy_budget=budget))
    if not plan.feasible:
        assert plan.blocked_by
        assert plan.relax
        return
    added = {k: plan.after[k] - before.get(k, 0) for k in plan.after}
    assert added["energy_kcal"] <= budget + 1e-6
    for key, limit in plan.limits.items():
        assert plan.after[key] <= limit + 1e-6
    for key, goal in plan.goals.items():
        assert plan.after[key] >= goal - 1e-6
    assert len(plan.items) <= Settings().max_foods
    for item in plan.items:
        assert item.servings <= Settings().max_servings
        assert not item.food.tags & filters.forbidden


def test_magnesium_ul_does_not_cap_food() -> None:
    targets = targets_for_person(WOMAN)
    plan = make_plan(["magnesium_mg"], {"magnesium_mg": 300.0}, targets, Filters())
    assert "magnesium_mg" not in plan.limits  # its UL counts supplements only
    assert "calcium_mg" in plan.limits
    assert "vitamin_d_ug" in plan.limits


def test_calcium_ul_blocks_and_explains() -> None:
    targets = targets_for_person(WOMAN)
    before = {"calcium_mg": 2450.0, "vitamin_d_ug": 1.0, "energy_kcal": 1800.0}
    plan = make_plan(["vitamin_d_ug"], before, targets, Filters.parse("vegan"))
    # Vegan vitamin D comes from fortified milks that also carry calcium, which is at its limit.
    assert not plan.feasible
    assert "upper limit" in plan.blocked_by or "energy" in plan.blocked_by


def test_energy_budget_blocks_and_says_what_would_relax_it() -> None:
    targets = targets_for_person(WOMAN)
    before = {"potassium_mg": 500.0, "magnesium_mg": 50.0}
    tight = Settings(energy_budget=20)
    plan = make_plan(["potassium_mg", "magnesium_mg"], before, targets, Filters(), settings=tight)
    assert not plan.feasible
    assert "energy budget" in plan.blocked_by
    assert re.search(r"energy budget of about \d+ kcal", plan.relax)


def test_no_allowed_source_is_named() -> None:
    targets = targets_for_person(WOMAN)
    strict = Filters.parse(
        "vegan",
        allergies=["soy", "tree nuts", "gluten"],
        dislikes=["oat", "rice", "coconut", "milk", "cereal", "juice"],
    )
    plan = make_plan(["vitamin_b12_ug"], {"vitamin_b12_ug": 0.0}, targets, strict)
    if not plan.feasible:
        assert "Vitamin B12" in plan.blocked_by or "B12" in plan.relax


def test_familiar_foods_are_used_first() -> None:
    targets = targets_for_person(WOMAN)
    spinach = next(
        c for c in candidates() if c.name.startswith("Spinach, fresh, cooked, no added fat")
    )
    plan = make_plan(
        ["magnesium_mg"], {"magnesium_mg": 250.0}, targets, Filters(), existing=[spinach.id]
    )
    assert plan.feasible
    assert [item.food.id for item in plan.items] == [spinach.id]
    assert plan.items[0].existing


def test_preferred_foods_count_as_familiar() -> None:
    targets = targets_for_person(WOMAN)
    plan = make_plan(
        ["magnesium_mg"], {"magnesium_mg": 250.0}, targets, Filters.parse(prefer=["black beans"])
    )
    assert any("Black beans" in item.food.name for item in plan.items)


def test_suggestions_are_in_household_portions() -> None:
    by_serving, by_energy = suggest("magnesium_mg", Filters())
    assert by_serving
    assert by_energy
    top = by_serving[0]
    assert re.match(r"^[\d.]+ \S+", top.text)
    assert "mg magnesium" in top.text
    pumpkin = [s for s in by_serving if "Pumpkin seeds" in s.food.name]
    assert pumpkin
    assert "1 oz" in pumpkin[0].text


def test_candidates_are_foods_eaten_as_they_are() -> None:
    names = " | ".join(c.name.lower() for c in candidates())
    for word in ("baking chocolate", "flour", "powder", "dry mix", "infant formula", "baby food"):
        assert word not in names, word
    assert all(c.id.startswith("fndds:") for c in candidates())


def test_gaps_without_a_diary_use_national_averages() -> None:
    gaps = gaps_from_names(["magnesium"], WOMAN)
    assert len(gaps) == 1
    assert "NHANES" in gaps[0].basis
    assert 200 < gaps[0].before < 320


def test_advice_carries_notes_and_cautions_with_sources() -> None:
    gaps = [Gap("calcium_mg", 500.0, 1000.0, "test"), Gap("potassium_mg", 1800.0, 2600.0, "test")]
    advice = advise(
        WOMAN, Filters(), gaps, medications=["lisinopril"], conditions=["kidney disease"]
    )
    cautions = " ".join(n.text for n in advice.cautions)
    assert "potassium" in cautions
    assert "kidney" in cautions
    assert any("spinach" in n.text.lower() for n in advice.absorption)  # oxalate and calcium
    b12_and_d = advise(
        WOMAN,
        Filters(),
        [Gap("vitamin_b12_ug", 1.0, 2.4, "t"), Gap("vitamin_d_ug", 3.0, 15.0, "t")],
    )
    notes = " ".join(n.text for n in b12_and_d.absorption)
    assert "animal foods" in notes  # B12 only from animal or fortified foods
    assert "sunlight" in notes
    assert "fortified" in notes
    assert all(n.sources for n in (*advice.absorption, *advice.supplements, *advice.cautions))
    assert any("Upper limit 2500" in n.text for n in advice.supplements)
    magnesium = advise(WOMAN, Filters(), [Gap("magnesium_mg", 200.0, 320.0, "t")])
    assert any("does not help" in n.text and "strong" in n.text for n in magnesium.supplements)


def test_bad_filters_are_refused() -> None:
    with pytest.raises(InputError, match="carnivore"):
        Filters.parse("carnivore")
    with pytest.raises(InputError, match="kiwi"):
        Filters.parse(allergies=["kiwi"])
    with pytest.raises(InputError, match="zinc"):
        nutrient_key("zinc")
