"""A unit that does not fit the food never refuses the line: the amount of a list's last food
is that food's, and a count of a measure the food lacks is so many usual portions."""

from __future__ import annotations

import pytest

from twitchcheck.foods import dishes
from twitchcheck.foods.phrases import resolve_line


def test_an_amount_before_the_last_food_of_a_list_is_that_foods() -> None:
    items = resolve_line("garlic rice, fried rice, 1 egg").items
    assert [i.food.name.split(",")[0] for i in items][-1] == "Egg"
    egg = items[-1]
    assert 40 <= egg.grams.grams <= 65  # one egg, not one 'egg' of rice
    rice = items[0]
    assert rice.food.name.startswith("Rice")


@pytest.mark.parametrize("text", ["toast & nutella x2", "coffee w/ creamer 20oz"])
def test_an_amount_after_the_last_food_is_still_the_lines(text: str) -> None:
    """ "x2" and "20oz" written after a list are the line's amount, as before."""
    head = resolve_line(text).items[0]
    alone = resolve_line(dishes.parts(text)[0]).items[0]
    assert head.grams.grams > alone.grams.grams


def test_a_count_of_a_measure_the_food_lacks_is_its_usual_portions() -> None:
    one = resolve_line("rice").items[0]
    two = resolve_line("2 scoop rice").items[0]
    assert two.food.id == one.food.id
    assert two.grams.grams == pytest.approx(2 * one.grams.grams)
    assert two.uncertain
    assert two.grams.estimate
    assert "scoop" in two.grams.basis


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("4 slices", True),
        ("1 piece", True),
        ("about a cup", True),
        ("1 egg", False),
        ("2 cookies", False),
        ("rice", False),
    ],
)
def test_a_measure_alone_is_only_an_amount(text: str, amount: bool) -> None:
    assert dishes.only_amount(text) is amount
