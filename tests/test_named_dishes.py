"""A dish named by what it is made of: the last word is the dish, the words before it (and
"A and B" before it) its ingredients (twitchcheck/foods/named_dishes.py)."""

from __future__ import annotations

import pytest

from twitchcheck.errors import InputError
from twitchcheck.foods.named_dishes import dish_of
from twitchcheck.foods.phrases import resolve_line


def _items(text: str, region: str = "uk") -> list[tuple[str, float, bool]]:
    return [(i.food.name, i.grams.grams, i.uncertain) for i in resolve_line(text, region).items]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("spinach curry", "Vegetable curry"),  # had been raw spinach
        ("chickpea and spinach curry", "Vegetable curry"),  # had been chickpeas and spinach
        ("sweet potato and chickpea curry", "Vegetable curry"),
        ("chicken and vegetable curry", "Chicken curry"),  # the first named is the main one
        ("salt and vinegar crisps", "Potato chips, other flavored"),  # had been refused
        ("lentil and bacon soup", "Soup, lentil, with meat"),  # bacon is the soup's meat
        ("cheese and tomato pizza", "Pizza, cheese"),  # every pizza is on tomato
        ("apple and blackberry crumble", "Crisp, apple"),  # British crumble, American crisp
    ],
)
def test_a_dish_named_by_its_ingredients_is_one_dish(text: str, name: str) -> None:
    items = _items(text)
    assert len(items) == 1, items
    assert items[0][0].startswith(name), items
    assert resolve_line(text, "uk").how == "dish"


def test_a_dish_whose_name_lacks_an_ingredient_is_uncertain_and_says_so() -> None:
    item = resolve_line("chickpea and spinach curry", "uk").items[0]
    assert item.uncertain
    assert "chickpea" in item.note
    assert "spinach" in item.note
    ((name, _, uncertain),) = _items("minced beef and onion pie")
    assert name == "Pot pie, beef"
    assert uncertain  # neither "minced" nor the onion is in USDA's name
    assert _items("bean & rice burrito", "us")[0][2]  # USDA's holds cheese: more than written
    assert not _items("bean and cheese burrito", "us")[0][2]  # every word held: sure


@pytest.mark.parametrize(
    "text",
    [
        "naan and chicken curry",  # no curry holds naan: a naan beside a chicken curry
        "tea and carrot cake",  # carrot cake is a food; no cake holds tea
        "grilled cheese and tomato soup",  # grilled cheese is a sandwich of its own
        "coffee and a welsh cake",  # counted: a food of its own
        "granola with soy yogurt",  # joined by "with": read as the foods it joins
    ],
)
def test_a_food_beside_a_dish_stays_a_food_of_its_own(text: str) -> None:
    assert dish_of(text) is None
    assert len(_items(text)) == 2, _items(text)


def test_a_word_usda_has_no_food_for_is_not_made_an_ingredient() -> None:
    assert dish_of("eba & okra soup") is None  # eba is a cassava dough eaten beside the soup
    with pytest.raises(InputError):
        resolve_line("eba & okra soup", "uk")


def test_a_staple_named_with_a_dish_weighs_both() -> None:
    ((name, grams, uncertain),) = _items("rice and fish curry")
    assert name == "Fish curry with rice"
    assert grams >= 400  # the curry's portion and the rice's
    assert not uncertain


def test_the_amount_written_is_the_dishs() -> None:
    ((name, grams, _),) = _items("a bowl of lentil and bacon soup")
    assert name.startswith("Soup, lentil")
    assert 250 <= grams <= 450


@pytest.mark.parametrize(
    ("text", "beside"),
    [("salad and tomato soup", "Lettuce"), ("toast and tomato soup", "Bread"),
     ("bread and vegetable soup", "Bread"), ("tea and bacon sandwich", "Tea")],
)  # fmt: skip
def test_a_bread_drink_or_dish_joined_to_a_dish_is_eaten_beside_it(text: str, beside: str) -> None:
    # they had been read as a second filling of the soup, and lost
    names = [name for name, _, _ in _items(text)]
    assert names[0].startswith(beside), names
    assert len(names) >= 2


@pytest.mark.parametrize(
    "line", ["chickpea and spinach curry w rice", "dinner - chickpea and spinach curry with rice"]
)
def test_a_named_dish_eaten_with_something_stays_one_dish(line: str) -> None:
    """Had been chickpeas, 50 g of raw spinach and rice: the curry was lost."""
    curry, rice = resolve_line(line, region="uk").items
    assert curry.food.name == "Vegetable curry"
    assert rice.food.name.startswith("Rice")


def test_one_foods_dish_with_something_is_read_as_before() -> None:
    names = [i.food.name for i in resolve_line("tofu stir fry with broccoli and noodles").items]
    assert names[0].startswith("Tofu")
