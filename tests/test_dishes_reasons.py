"""Words on a diary line that are not its food: why it was eaten ("banana for potassium"),
what it replaced ("rice instead of chips"), what a maker added ("with added calcium"), what
pill it was ("my blood pressure tablet"); and the label words people copy ("UV mushrooms",
"soymilk", "strawberry milkshake") that name USDA foods another way."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from twitchcheck.foods import dishes
from twitchcheck.foods.phrases import NeedsDetailError, SupplementLineError, resolve_line


@pytest.mark.parametrize(("line", "plain"), [
    ("banana for potassium", "banana"),
    ("pedialyte for cramps, 1 cup", "pedialyte, 1 cup"),
    ("tonic water for my legs", "tonic water"),
    ("rice instead of chips", "rice"),
    ("jacket potato rather than chips", "jacket potato"),
    ("oat milk in place of cows milk", "oat milk"),
    ("cake for two", "cake for two"),  # a number, not a reason: left to the reading
    ("coffee for the drive", "coffee for the drive"),  # a reason not in the list: kept
])  # fmt: skip
def test_why_a_food_was_eaten_and_what_it_replaced_are_not_food(line: str, plain: str) -> None:
    assert dishes.without_reasons(line) == plain


@pytest.mark.parametrize(("line", "name"), [
    ("banana for potassium", "Banana, raw"),
    ("pedialyte for cramps, 1 cup", "Fluid replacement, electrolyte solution"),
    ("rice instead of chips", "Rice, cooked"),
])  # fmt: skip
def test_a_line_with_a_reason_counts_only_its_food(line: str, name: str) -> None:
    (item,) = resolve_line(line, region="uk").items
    assert item.food.name.startswith(name)


def test_a_supplement_taken_for_a_reason_is_still_a_supplement() -> None:
    with pytest.raises(SupplementLineError) as raised:
        resolve_line("magnesium 250mg for cramps", "uk")
    assert raised.value.supplement.id == "magnesium"


@given(st.text(max_size=60))
def test_taking_out_reasons_never_fails_and_never_empties_a_line(text: str) -> None:
    plain = dishes.without_reasons(text)
    assert not text.strip() or plain.strip() or not text.replace("for", "").strip()


@pytest.mark.parametrize(("line", "name"), [
    ("soy milk with added calcium", "Soymilk"),  # what was added, not a second food
    ("calcium fortified orange juice 1 glass", "Orange juice"),
])  # fmt: skip
def test_what_a_maker_added_is_part_of_the_food(line: str, name: str) -> None:
    (item,) = resolve_line(line, region="us").items
    assert item.food.name.startswith(name)
    assert item.food.nutrients["calcium_mg"] >= 100.0  # per 100 g: the fortified food's
    assert "calcium added" in item.food.name or "added calcium" in item.food.name


@pytest.mark.parametrize(("line", "name"), [
    ("oat milk with added calcium", "Oat milk"),  # never the soy milk that names calcium
    ("almond milk with added calcium", "Almond milk"),
    ("oat milk fortified with calcium", "Oat milk"),
    ("oat milk with added calcium and vitamin d", "Oat milk"),  # one list, one food
    ("oat milk with added calcium, vitamin d and b12", "Oat milk"),
    ("soy milk with added calcium and vitamins a and d", "Soymilk"),
    ("cereal fortified with iron", "Cereal, ready-to-eat"),  # cereal alone is cold cereal
    ("bran flakes with added iron", "Cereal, bran flakes"),
])  # fmt: skip
def test_a_fortified_food_is_the_food_its_own_words_name(line: str, name: str) -> None:
    (item,) = resolve_line(line, region="us").items
    assert item.food.name.startswith(name)


@pytest.mark.parametrize(("line", "added"), [
    ("porridge with added sugar", "Sugar, NFS"),  # not prunes "stewed, with added sugar"
    ("coffee with added sugar", "Sugar, NFS"),
    ("pizza with extra cheese", "Cheese"),
    ("burger with more cheese", "Cheese"),
])  # fmt: skip
def test_words_saying_a_part_was_added_are_not_its_food(line: str, added: str) -> None:
    _, second = resolve_line(line, region="uk").items
    assert second.food.name.startswith(added)


@pytest.mark.parametrize(("line", "name"), [
    ("chips with salt", "Salt, table"),
    ("chips with extra salt", "Salt, table"),
    ("eggs with salt and pepper", "Salt, table"),  # not red peppers "with salt"
    ("steak with cracked pepper", "Spices, pepper, black"),  # not a bell pepper
])  # fmt: skip
def test_salt_or_pepper_on_a_food_is_a_sprinkle(line: str, name: str) -> None:
    _, seasoning = resolve_line(line, region="uk").items
    assert seasoning.food.name.startswith(name)
    assert seasoning.grams.grams < 2  # a quarter teaspoon (FDA RACC), not a teaspoon


def test_a_separate_part_is_still_read_with_its_own_words() -> None:
    assert dishes.without_added_said("added sugar") == "sugar"
    assert dishes.without_added_said("extra") == "extra"  # nothing else: kept as written
    assert dishes.without_fortifying("porridge with added sugar") is None  # sugar: a food
    assert dishes.without_fortifying("cornflakes fortified with iron") == "cornflakes"


@pytest.mark.parametrize(
    "text",
    ["omeprazole 20mg before brekkie", "my blood pressure tablet", "water pills",
     "2 thyroid tablets after breakfast", "quinine sulphate 300mg at night", "qualaquin"],
)  # fmt: skip
def test_a_pill_named_by_its_purpose_or_taken_by_a_meal_is_a_medicine(text: str) -> None:
    with pytest.raises(NeedsDetailError, match="medicines"):
        resolve_line(text, region="uk")


@pytest.mark.parametrize("text", ["tonic water", "water", "blood orange", "a cup of tea"])
def test_foods_near_pill_words_are_still_food(text: str) -> None:
    assert not dishes.medicines_only(text)
    assert resolve_line(text, region="uk").items


def test_quinine_is_a_medicine_class_the_screening_knows() -> None:
    from twitchcheck.knowledge import load_knowledge

    knowledge = load_knowledge()
    assert "X50" in knowledge.medicine_classes["quinine"].summary.sources
    for name in ("quinine", "quinine sulphate", "qualaquin"):
        assert "quinine" in knowledge.medicine_names[name].classes


@pytest.mark.parametrize(("line", "name"), [
    ("uv mushrooms 100g", "Mushroom, white, exposed to ultraviolet light"),
    ("apple cider vinegar 1 tbsp", "Vinegar, cider"),
    ("bone broth 1 mug", "Soup, broth"),
    ("strawberry milkshake", "Milk shake, bottled, flavors other than chocolate"),
    ("100 g soymilk (all flavors)", "Soymilk"),
])  # fmt: skip
def test_label_words_find_the_usda_food(line: str, name: str) -> None:
    (item,) = resolve_line(line, region="us").items
    assert item.food.name.startswith(name)


@pytest.mark.parametrize("line", ["vitamin d milk", "milk 1 cup", "soy milk with added calcium"])
def test_plain_milk_is_neither_goat_nor_flavoured(line: str) -> None:
    (item,) = resolve_line(line, region="us").items
    assert not any(w in item.food.name.lower() for w in ("goat", "chocolate", "strawberry"))


@pytest.mark.parametrize(("line", "name", "low", "high"), [
    ("jacket potato", "Potato, baked, peel eaten", 200, 400),  # with its skin, never skin only
    ("2 jacket potatoes", "Potato, baked, peel eaten", 400, 800),
    ("large jacket potato", "Potato, baked, peel eaten", 280, 450),
    ("jacket potato with cheese", "Potato, baked, peel eaten, with cheese", 200, 450),
    ("baked potato with cheese", "Potato, baked, peel eaten, with cheese", 200, 450),
])  # fmt: skip
def test_a_british_jacket_potato_is_a_baked_potato_eaten_with_its_skin(
    line: str, name: str, low: float, high: float
) -> None:
    # British "cheese" is Cheddar alone, but a dish named "with cheese" fits it as written
    (item,) = resolve_line(line, region="uk").items
    assert item.food.name == name
    assert low <= item.grams.grams <= high


def test_a_topped_jacket_potato_is_its_parts_where_the_dish_is_not_the_whole_line() -> None:
    # FNDDS's "with cheese" potato covers cheese sauce: with beans too, it is potato,
    # Cheddar and beans; the whole line named as one dish stays one ("ham and cheese")
    names = [i.food.name for i in resolve_line("jacket potato with cheese and beans", "uk").items]
    assert names[0] == "Potato, baked, peel eaten"
    assert any(name.startswith("Cheese, Cheddar") for name in names)
    (sandwich,) = resolve_line("kanapki z szynka i serem x2", region="uk").items
    assert sandwich.food.name.startswith("Ham sandwich or sub, with cheese")
