"""An amount written after the food is read as if written before it (issue 11): "soju half a
bottle", "watermelon seeds handful", "coquito, a little glass", "pepperoni slices, 15ish"."""

from __future__ import annotations

import pytest

from twitchcheck.foods.phrases import resolve_line
from twitchcheck.foods.quantity import parse_quantity


@pytest.mark.parametrize(
    ("text", "amount", "unit", "food"),
    [
        ("soju half a bottle", 0.5, "bottle", "soju"),
        ("baklava 3 pieces", 3.0, "piece", "baklava"),
        ("watermelon seeds handful", 1.0, "handful", "watermelon seeds"),
        ("coquito, a little glass", 1.0, "small glass", "coquito"),
        ("water 2l bottle", 2.0, "l", "water"),
        ("heinz tomato soup half a tin", 0.5, "can", "heinz tomato soup"),
        ("pho tai, large", 1.0, "large", "pho tai"),
    ],
)
def test_an_amount_after_the_food_is_read(text: str, amount: float, unit: str, food: str) -> None:
    quantity = parse_quantity(text)
    assert (quantity.amount, quantity.unit, quantity.food) == (amount, unit, food)


def test_a_size_before_a_counted_part_scales_the_part() -> None:
    quantity = parse_quantity("borek, big slice")
    assert quantity.unit == "slice"
    assert quantity.amount == pytest.approx(1.41)
    assert quantity.approximate
    assert quantity.food == "borek"


def test_a_size_word_makes_a_plate_bigger() -> None:
    quantity = parse_quantity("spag bol, massive plate")
    assert (quantity.unit, quantity.food) == ("plate", "spag bol")
    assert quantity.amount == pytest.approx(1.41)


def test_ish_and_like_mark_an_estimate() -> None:
    ish = parse_quantity("pepperoni slices, 15ish")
    assert (ish.amount, ish.food, ish.approximate) == (15.0, "pepperoni slices", True)
    like = parse_quantity("chicken nuggets (like 3)")
    assert (like.amount, like.food, like.approximate) == (3.0, "chicken nuggets", True)


@pytest.mark.parametrize(
    "text",
    ["maggi noodles w an egg", "burger on a bun", "veggie burger in a bun with chips"],
)
def test_a_food_after_a_joining_word_is_no_amount(text: str) -> None:
    assert parse_quantity(text).amount is None


@pytest.mark.parametrize("text", ["poke bowl", "fish cake", "cheese slice", "espresso shot"])
def test_a_measure_word_ending_a_name_with_no_number_is_not_moved(text: str) -> None:
    quantity = parse_quantity(text)
    assert quantity.food  # the words stay a food's name ("espresso shot" is one shot of it)


@pytest.mark.parametrize(
    ("text", "amount", "unit", "food"),
    [
        ("coffee 2 cups black", 2.0, "cup", "coffee black"),
        ("tea 2 cups no sugar", 2.0, "cup", "tea no sugar"),
        ("pho 1 bowl large", 1.0, "bowl", "pho large"),
        # and over a size word before the food, which names it ("whole" had been read as
        # "1 whole" of "milk 200 ml", and the milk refused)
        ("whole milk 200ml", 200.0, "ml", "whole milk"),
        ("whole milk, 1 pint", 1.0, "pint", "whole milk"),
        ("large coffee 16 oz", 16.0, "oz", "large coffee"),
    ],
)
def test_an_amount_between_the_food_and_how_it_was_taken_is_read(
    text: str, amount: float, unit: str, food: str
) -> None:
    quantity = parse_quantity(text)
    assert (quantity.amount, quantity.unit, quantity.food) == (amount, unit, food)


@pytest.mark.parametrize(
    "text",
    [
        "shake 30g whey w 300ml semi skimmed",  # each food has its own amount
        "hashbrowns scattered smothered covered, 2 eggs, raisin toast",  # a list
        "soju 1 shot w my husband",  # who it was drunk with, joined: not how it was taken
        "kashi 7 whole grain puffs",  # a number in a product's name, no measure after it
    ],
)
def test_an_amount_inside_a_list_or_before_a_join_is_not_moved(text: str) -> None:
    quantity = parse_quantity(text)
    assert (quantity.amount, quantity.unit) == (None, None)  # left to the line's parts


def test_a_food_named_again_after_other_foods_is_a_food_of_its_own() -> None:
    assert len(resolve_line("toast, eggs, 2 eggs", region="us").items) >= 2
