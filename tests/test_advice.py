"""Advice: suggestions respect every filter, plans every limit; failures explain themselves."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from twitchcheck.advice import Advice, Gap, advise, gaps_from_names, nutrient_key, suggest
from twitchcheck.advice.candidates import PATTERNS, Filters, candidates, safety_rules
from twitchcheck.advice.optimiser import Settings, make_plan
from twitchcheck.errors import InputError
from twitchcheck.knowledge import load_knowledge
from twitchcheck.knowledge.supplements import parse_supplement, parse_supplements
from twitchcheck.labs import interpret_labs
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


# --------------------------------------------------------------------------- safety rules (issue 9)


RULES = safety_rules()
K_ALLOWANCE = RULES["allowances"]["potassium_mg"]
MG_ALLOWANCE = RULES["allowances"]["magnesium_mg"]


def potassium_raising_names() -> list[str]:
    """Medicine names whose classes raise potassium in the knowledge base (not a fixed list)."""
    kb = load_knowledge()
    raising = {
        c.id
        for c in kb.medicine_classes.values()
        if any(e.nutrient == "potassium" and e.direction == "raises" for e in c.effects)
    }
    return sorted(n.name for n in kb.medicine_names.values() if raising & set(n.classes))


def test_potassium_raising_classes_come_from_the_knowledge_base() -> None:
    names = potassium_raising_names()
    assert {"lisinopril", "spironolactone", "losartan"} <= set(names)
    assert "furosemide" not in names  # lowers potassium


def assert_holds(advice: Advice, key: str, allowance: float) -> None:
    """No goal, no suggestion richer than the allowance, at most the allowance added."""
    assert key not in advice.plan.goals
    assert key not in {g.key for g in advice.gaps}
    assert key not in advice.by_serving
    assert advice.plan.caps.get(key) == allowance
    assert advice.plan.added(key) <= allowance + 1e-6
    for suggestions in (*advice.by_serving.values(), *advice.by_energy.values()):
        for s in suggestions:
            assert s.food.per_serving(key) <= allowance + 1e-6, (s.food.name, key)
    held = [c for c in advice.plan_changes if c.kind == "hold" and c.nutrient == key]
    assert len(held) == 1
    assert held[0].sources


AGES = st.sampled_from([30, 45, 60, 75])
NON_LOW_K_LABS = st.sampled_from([(), ("potassium 4.2 mmol/L",), ("potassium 5.6 mmol/L",)])


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    filters=filters_strategy,
    gaps=GAP_LISTS,
    age=AGES,
    medicine=st.none() | st.sampled_from(potassium_raising_names()),
    kidney=st.booleans(),
    labs=NON_LOW_K_LABS,
)
def test_no_plan_adds_potassium_for_a_potassium_raising_medicine_or_kidney_disease(
    filters: Filters,
    gaps: list[str],
    age: int,
    medicine: str | None,
    kidney: bool,
    labs: tuple[str, ...],
) -> None:
    """The hold is a hard constraint: the plan's foods add at most the allowance (one
    'low-potassium' serving's worth); potassium is never a goal and the reason comes first."""
    if medicine is None and not kidney:
        kidney = True
    person = Person(age, "male")
    found = gaps_from_names(gaps, person)
    advice = advise(
        person, filters, found,
        medications=[medicine] if medicine else [],
        conditions=["kidney disease"] if kidney else [],
        labs=interpret_labs(labs),
    )  # fmt: skip
    assert_holds(advice, "potassium_mg", K_ALLOWANCE)
    first = advice.plan_changes[0]
    assert first.kind == "hold"
    assert first.nutrient == "potassium_mg"
    assert first.text.startswith("Potassium is not added because")
    if kidney:
        assert_holds(advice, "magnesium_mg", MG_ALLOWANCE)
        for item in advice.plan.items:  # phosphorus-rich foods left out
            assert item.food.per_serving("phosphorus_mg") <= 100.0
    for key, limit in advice.plan.limits.items():  # every upper limit that counts food
        assert advice.plan.after[key] <= max(limit, advice.plan.before[key]) + 1e-6


def test_the_issue_case_adds_no_potassium_and_says_why_first() -> None:
    """A 75-year-old on lisinopril and spironolactone with kidney disease (issue 9)."""
    person = Person(75, "male")
    advice = advise(
        person,
        Filters(),
        gaps_from_names([], person),
        medications=["lisinopril", "spironolactone"],
        conditions=["kidney disease"],
    )
    assert_holds(advice, "potassium_mg", K_ALLOWANCE)
    data = advice.to_dict()
    assert next(iter(data)) == "plan_changes"
    first = data["plan_changes"][0]
    assert first["nutrient"] == "potassium_mg"
    for word in ("lisinopril", "spironolactone", "kidney disease", "not added"):
        assert word in first["text"]
    assert {"S12", "X81"} <= set(first["sources"])
    assert data["plan"]["nutrients"]["potassium_mg"]["added"] <= K_ALLOWANCE
    if advice.plan.feasible:  # calcium from low-potassium, low-phosphorus foods
        assert advice.plan.items


def test_a_low_potassium_lab_lifts_the_hold() -> None:
    person = Person(50, "female")
    advice = advise(
        person,
        Filters(),
        [Gap("potassium_mg", 1500.0, 2600.0, "t")],
        medications=["lisinopril"],
        labs=interpret_labs(["potassium 3.1 mmol/L"]),
    )
    assert "potassium_mg" in advice.plan.goals
    assert "potassium_mg" not in advice.plan.caps
    lifted = [c for c in advice.plan_changes if c.kind == "lab_low"]
    assert lifted
    assert "below range" in lifted[0].text
    assert "lisinopril" in lifted[0].text


@pytest.mark.parametrize(
    ("lab", "key"),
    [
        ("potassium 5.9 mmol/L", "potassium_mg"),
        ("magnesium 1.3 mmol/L", "magnesium_mg"),
        ("calcium 2.9 mmol/L", "calcium_mg"),
    ],
)
def test_a_high_lab_gets_nothing_more_of_that_nutrient(lab: str, key: str) -> None:
    gaps = [Gap(key, 10.0, 10_000.0, "t"), Gap("vitamin_b12_ug", 1.0, 2.4, "t")]
    advice = advise(WOMAN, Filters(), gaps, labs=interpret_labs([lab]))
    assert_holds(advice, key, RULES["allowances"][key])
    held = next(c for c in advice.plan_changes if c.nutrient == key)
    assert "above range" in held.text


def test_an_urgent_lab_comes_before_everything() -> None:
    advice = advise(
        Person(70, "male"),
        Filters(),
        [Gap("calcium_mg", 500.0, 1200.0, "t")],
        medications=["ramipril"],
        labs=interpret_labs(["potassium 7.0 mmol/L"]),
    )
    assert advice.plan_changes[0].kind == "urgent_lab"
    assert advice.plan_changes[1].kind == "hold"


def test_kidney_disease_leaves_out_phosphorus_rich_foods() -> None:
    advice = advise(
        Person(60, "female"),
        Filters(),
        [Gap("calcium_mg", 600.0, 1200.0, "t"), Gap("vitamin_b12_ug", 1.0, 2.4, "t")],
        conditions=["chronic kidney disease"],
    )
    limit = RULES["avoid"][0]["per_serving_above"]
    assert advice.plan.avoid == {"phosphorus_mg": limit}
    foods = [i.food for i in advice.plan.items] + [
        s.food for group in advice.by_serving.values() for s in group
    ]
    assert foods
    assert all(f.per_serving("phosphorus_mg") <= limit for f in foods)
    kinds = [c.kind for c in advice.plan_changes]
    assert kinds.index("hold") < kinds.index("avoid")


def test_a_gap_the_rules_make_unreachable_is_left_out_and_the_rest_planned() -> None:
    person = Person(75, "male")
    advice = advise(
        person,
        Filters(),
        [Gap("calcium_mg", 876.0, 1200.0, "t"), Gap("vitamin_d_ug", 5.0, 20.0, "t")],
        medications=["lisinopril"],
        conditions=["kidney disease"],
    )
    assert advice.plan.feasible
    assert set(advice.plan.goals) == {"calcium_mg"}
    left = [c for c in advice.plan_changes if c.kind == "left_out"]
    assert left
    assert "Vitamin D" in left[0].text


def test_supplements_count_in_intake_and_in_the_upper_limits() -> None:
    supplements = parse_supplements(
        ["vitamin D 4000 IU", "magnesium citrate 400 mg daily", "multivitamin"]
    )
    gaps = [Gap("vitamin_d_ug", 4.0, 15.0, "t"), Gap("calcium_mg", 600.0, 1000.0, "t")]
    advice = advise(WOMAN, Filters(), gaps, supplements=supplements)
    assert advice.plan.before["vitamin_d_ug"] == pytest.approx(104.0)
    assert "vitamin_d_ug" not in advice.plan.goals  # the supplement covers it
    assert advice.plan.added("vitamin_d_ug") == 0  # at the UL already: no food adds any
    over = {c.nutrient: c.text for c in advice.plan_changes if c.kind == "over_limit"}
    assert "vitamin_d_ug" in over
    assert "magnesium_mg" in over
    assert "350" in over["magnesium_mg"]
    texts = " ".join(c.text for c in advice.plan_changes if c.kind == "supplements")
    assert "magnesium citrate 400 mg daily" in texts
    assert "Not counted" in texts
    assert "multivitamin" in texts


def test_a_potassium_supplement_holds_potassium() -> None:
    salt = parse_supplement("potassium chloride salt substitute")
    advice = advise(
        WOMAN, Filters(), [Gap("potassium_mg", 1800.0, 2600.0, "t")], supplements=[salt]
    )
    assert_holds(advice, "potassium_mg", K_ALLOWANCE)
    assert "salt substitute" in advice.plan_changes[0].text


def test_a_vegan_b12_baseline_is_zero_and_the_advice_comes_first() -> None:
    gaps = gaps_from_names([], WOMAN, "vegan")
    b12 = next(g for g in gaps if g.key == "vitamin_b12_ug")
    assert b12.before == 0.0
    assert "NHANES" not in b12.basis
    advice = advise(WOMAN, Filters.parse("vegan"), gaps)
    first = advice.plan_changes[0]
    assert first.kind == "priority"
    assert first.nutrient == "vitamin_b12_ug"
    assert "supplement" in first.text
    assert "fortified" in first.text
    assert "label" in first.text
    assert {"S56", "S114", "X80"} <= set(first.sources)
    assert advice.plan.before["vitamin_b12_ug"] == 0.0
    assert any(c.kind == "baseline" for c in advice.plan_changes)


def test_a_vegan_diary_with_enough_b12_still_gets_the_b12_advice_first() -> None:
    before = {"vitamin_b12_ug": 5.0, "calcium_mg": 600.0}
    gaps = [Gap("calcium_mg", 600.0, 1000.0, "your diary (7 days)")]
    advice = advise(WOMAN, Filters.parse("vegan"), gaps, before=before)
    assert advice.plan_changes[0].kind == "priority"
    assert not any(c.kind == "baseline" for c in advice.plan_changes)  # the diary says
    assert advice.plan.before["vitamin_b12_ug"] == 5.0


def test_a_b12_supplement_counts_for_a_vegan() -> None:
    b12 = parse_supplement("B12 1000 mcg")
    gaps = gaps_from_names([], WOMAN, "vegan")
    advice = advise(WOMAN, Filters.parse("vegan"), gaps, supplements=[b12])
    assert "vitamin_b12_ug" not in {g.key for g in advice.gaps}
    assert advice.plan_changes[0].kind == "priority"  # still first, whatever the intake


def test_vegetarian_b12_is_not_the_omnivore_average() -> None:
    (b12,) = gaps_from_names(["b12"], WOMAN, "vegetarian")
    assert b12.before == 0.0
    assert gaps_from_names(["b12"], WOMAN) == []  # the national average meets the goal


def test_notes_are_not_repeated() -> None:
    advice = advise(
        WOMAN,
        Filters(),
        [Gap("calcium_mg", 500.0, 1000.0, "t"), Gap("magnesium_mg", 100.0, 320.0, "t")],
        medications=["lisinopril", "losartan"],
    )
    texts = [n.text for n in (*advice.absorption, *advice.supplements, *advice.cautions)]
    assert len(texts) == len(set(texts))


SUPPLEMENT_TEXTS = [
    "vitamin D 1000 IU", "vitamin D 4000 IU", "calcium carbonate 500 mg twice a day",
    "calcium 1200 mg", "magnesium 250 mg", "B12 1000 mcg", "multivitamin",
]  # fmt: skip


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    filters=filters_strategy,
    gaps=GAP_LISTS,
    texts=st.lists(st.sampled_from(SUPPLEMENT_TEXTS), max_size=3, unique=True),
)
def test_every_plan_stays_within_every_upper_limit_counting_supplements(
    filters: Filters, gaps: list[str], texts: list[str]
) -> None:
    supplements = parse_supplements(texts)
    found = gaps_from_names(gaps, WOMAN, filters.pattern)
    advice = advise(WOMAN, filters, found, supplements=supplements)
    plan, targets = advice.plan, targets_for_person(WOMAN)
    for key in FOCUS:
        taken = sum(s.nutrients.get(key, 0.0) for s in supplements if s.dose_given)
        assert plan.before[key] >= taken  # current intake includes what supplements give
        assert key not in plan.goals or plan.before[key] < targets[key].goal
    for key, limit in plan.limits.items():  # the ULs that count food count supplements too
        if plan.before[key] >= limit:
            assert plan.added(key) == 0
        else:
            assert plan.after[key] <= limit + 1e-6


def test_every_allergy_name_leads_to_a_tag_the_candidates_carry() -> None:
    import tomllib

    from twitchcheck._data import data_path
    from twitchcheck.advice.candidates import ALLERGENS

    config = tomllib.loads(data_path("advice.toml").read_text(encoding="utf-8"))
    assert set(config["allergy_names"].values()) == set(ALLERGENS)
    assert set(ALLERGENS) <= set(config["tags"])
