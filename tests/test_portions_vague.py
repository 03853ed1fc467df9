"""A vague count ("a few", "several") of a food nobody counts one by one is part of a handful
(units.toml [vague]); of a food with larger items it is so many items; a bite is a spoonful."""

from __future__ import annotations

import pytest

from twitchcheck.foods.database import Food, Portion
from twitchcheck.foods.portions import grams_for
from twitchcheck.foods.quantity import parse_quantity

TYPICAL = "Quantity not specified"


def food(name: str, *portions: tuple[float, str, float]) -> Food:
    return Food(
        "fndds:0", "fndds", "0", name, "Fruits", "", {}, tuple(Portion(*p) for p in portions)
    )


ALMONDS = food("Almonds, NFS", (1, "almond", 1.2), (1, "cup", 143.0), (1, TYPICAL, 28.0))
BLUEBERRIES = food("Blueberries, raw", (1, "cup", 148.0), (1, TYPICAL, 75.0))
GRAPES = food("Grapes, raw", (1, "grape", 7.0), (1, TYPICAL, 92.0))
STRAWBERRIES = food("Strawberries, raw", (1, "fruit", 18.0), (1, TYPICAL, 80.0))
CHIPS = food("Potato chips, NFS", (1, "small single serving bag", 28.0), (1, TYPICAL, 28.0))
COBBLER = food("Cobbler, peach", (1, "cup", 250.0), (1, TYPICAL, 125.0))


def grams(item: Food, text: str) -> float:
    return grams_for(item, parse_quantity(text)).grams


@pytest.mark.parametrize(
    ("item", "text", "expected"),
    [
        (ALMONDS, "a few almonds", 14.0),  # half the 28 g handful, not three 1.2 g almonds
        (ALMONDS, "several almonds", 14.0),
        (BLUEBERRIES, "a few blueberries", 40.0),  # half the 80 g fruit handful, not 3 x 75 g
        (CHIPS, "a few crisps", 14.0),  # not three bags
        (GRAPES, "a few grapes", 21.0),  # a 7 g grape is counted
        (STRAWBERRIES, "a few strawberries", 54.0),
    ],
)
def test_a_few(item: Food, text: str, expected: float) -> None:
    assert grams(item, text) == pytest.approx(expected)


def test_part_of_a_handful_is_an_estimate() -> None:
    assert grams_for(ALMONDS, parse_quantity("a few almonds")).estimate


@pytest.mark.parametrize("text", ["3 almonds", "a couple of almonds", "2-4 almonds"])
def test_a_counted_amount_is_so_many_items(text: str) -> None:
    assert grams(ALMONDS, text) == pytest.approx(parse_quantity(text).amount * 1.2)  # type: ignore[operator]


def test_bites_are_spoonfuls() -> None:
    assert grams(COBBLER, "few bites of peach cobbler") == pytest.approx(3 * 250.0 / 16)


def test_only_a_vague_word_is_vague() -> None:
    assert parse_quantity("a few almonds").vague
    assert parse_quantity("several almonds").vague
    assert not parse_quantity("a couple of almonds").vague
    assert not parse_quantity("3 almonds").vague
    assert not parse_quantity("almonds").vague
