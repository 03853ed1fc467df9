"""Phrases' shortcuts change their speed, never their answers: an amount read once per text is
read for each region apart, and a quantity is copied only where its food words change."""

from __future__ import annotations

import dataclasses
import importlib

import pytest

from twitchcheck.foods.quantity import parse_quantity

phrases = importlib.import_module("twitchcheck.foods.phrases")

TEXTS = ["1 pint of milk", "2 slices of toast with butter", "a mug of tea", "milk 250ml", "eggs"]


@pytest.mark.parametrize("text", TEXTS)
def test_a_remembered_amount_is_read_for_each_region(text: str) -> None:
    phrases._parsed.cache_clear()
    for region in ("uk", "us", None, "uk"):  # each after another region has been remembered
        expected = dataclasses.replace(parse_quantity(text), region=region)
        assert phrases._parsed(text, region) == expected


def test_a_pint_is_the_regions_after_the_other_regions_pint() -> None:
    phrases._parsed.cache_clear()
    grams = {r: phrases.resolve("1 pint of milk", r).grams.grams for r in ("uk", "us", "uk")}
    assert grams["uk"] > grams["us"] * 1.15  # 568 ml against 473 ml


def test_a_quantity_is_copied_only_for_other_food_words() -> None:
    quantity = parse_quantity("2 slices of toast")
    assert phrases._fed(quantity, quantity.food) is quantity
    assert phrases._fed(quantity, "rye bread") == dataclasses.replace(quantity, food="rye bread")
