"""A count of pieces of a food sold whole, and fried chicken as people mean it."""

from __future__ import annotations

import pytest

from twitchcheck.foods.phrases import resolve_line


@pytest.mark.parametrize(
    "line",
    ["fried chicken 2 pieces", "2 pieces of fried chicken", "korean fried chicken 2 pieces"],
)
def test_a_piece_of_chicken_is_never_a_bird(line: str) -> None:
    """SR28's fried chicken is counted only by the half bird (258 g): two pieces are pieces."""
    (item,) = resolve_line(line, region="us").items
    assert 100 <= item.grams.grams <= 400


def test_fried_chicken_is_coated_and_eaten_with_its_skin() -> None:
    (item,) = resolve_line("fried chicken", region="us").items
    assert item.food.name.startswith("Chicken, NS as to part, fried, coated, skin / coating eaten")
    _, mash = resolve_line("fried chicken 2 pieces, mash", region="us").items
    assert mash.food.name.startswith("Potato, mashed")


@pytest.mark.parametrize(
    ("line", "low", "high"),
    [("3 fig rolls", 40, 60), ("fig roll x2", 25, 40), ("2 fig newtons", 25, 40)],
)
def test_one_item_is_not_a_portion_that_holds_several(line: str, low: float, high: float) -> None:
    """FNDDS's "Fig bar (2 square halves)" is 43 g; one fig roll or Newton is about 16-17 g
    (FNDDS's "bar", Jacob's label)."""
    (item,) = resolve_line(line, region="uk").items
    assert item.food.name == "Cookie, fig bar"
    assert low <= item.grams.grams <= high


@pytest.mark.parametrize(
    ("line", "low", "high"),
    [("a milky way", 50, 60), ("2 milky ways", 100, 120), ("king size milky way", 95, 110)],
)
def test_one_bar_is_the_standard_bar_not_its_fun_size(line: str, low: float, high: float) -> None:
    """SR28 lists a Milky Way's fun size (17 g) and king size (103 g) as "bar ..." and its
    standard 58 g bar as "serving 2.05 oz bar": one bar is the standard one."""
    (item,) = resolve_line(line, region="us").items
    assert low <= item.grams.grams <= high
