"""Drinks by how people name them (issue 11): a British "tea" is a British mug, a Turkish
coffee its small cup, "a glass of red" wine, "a mug of cocoa" the drink, "bottomless" a
refill, a bottle of water the single-serve bottle, a Red Bull its standard can."""

from __future__ import annotations

import pytest

from twitchcheck.foods.phrases import resolve
from twitchcheck.foods.quantity import parse_quantity


def test_tea_named_alone_in_a_british_diary_is_a_british_mug() -> None:
    assert resolve("tea", "uk").grams.grams == pytest.approx(260.0)
    assert resolve("tea", "us").grams.grams == pytest.approx(360.0)  # FNDDS's own


def test_a_pot_of_tea_is_a_pot_for_one() -> None:
    assert 450 <= resolve("pot of tea", "uk").grams.grams <= 550


def test_a_flask_holds_500_ml() -> None:
    assert 480 <= resolve("flask of tea", "uk").grams.grams <= 530


def test_turkish_coffee_is_its_small_cup() -> None:
    item = resolve("turkish coffee", "uk")
    assert "Turkish" in item.food.name
    assert 60 <= item.grams.grams <= 90


@pytest.mark.parametrize(
    ("text", "food"),
    [("glass of red", "red wine"), ("large glass of white", "white wine"),
     ("mug of cocoa", "hot chocolate")],
)  # fmt: skip
def test_a_word_alone_after_a_drink_measure_names_the_drink(text: str, food: str) -> None:
    assert parse_quantity(text).food == food


def test_cocoa_by_the_spoon_stays_cocoa() -> None:
    assert parse_quantity("2 tbsp cocoa").food == "cocoa"


def test_a_bottomless_drink_is_two_of_it() -> None:
    quantity = parse_quantity("bottomless coke")
    assert (quantity.amount, quantity.food, quantity.approximate) == (2.0, "coke", True)


def test_a_water_bottle_is_one_single_serve_bottle() -> None:
    assert 480 <= resolve("water bottle", "us").grams.grams <= 530


def test_a_red_bull_is_its_standard_can() -> None:
    assert 250 <= resolve("red bull", "us").grams.grams <= 270


def test_a_drink_listed_by_the_serving_only_is_weighed_as_dense_as_water() -> None:
    # SR28's V8 smoothie has only "1 serving 8 oz": "16 oz" of it had refused the line
    item = resolve("16 oz strawberry banana smoothie", "us")
    assert item.grams.grams == pytest.approx(473.2, abs=1)
    assert item.grams.estimate
    assert "1 ml taken as 1 g" in item.grams.basis
