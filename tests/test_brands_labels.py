"""Brands people log in the UK and US (issue 11): the closest USDA food, one of it as its
maker sells it (brands.toml [products] and [packs], from the labels)."""

from __future__ import annotations

import pytest

from twitchcheck.foods.brands import approximate_for, pack_for
from twitchcheck.foods.phrases import resolve


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("ovaltine", "milk malted"),
        ("tayto", "potato chips"),
        ("pack of nabs", "crackers sandwich peanut butter filled"),
        ("kola champagne", "soft drink cream soda"),
        ("pog juice", "fruit juice drink"),
        ("prime drink", "sports drink low calorie"),
        ("krystal burgers", "hamburger slider from fast food"),
    ],
)
def test_a_brand_is_searched_as_its_generic_food(text: str, words: str) -> None:
    generic = approximate_for(text)
    assert generic is not None
    assert words in generic


@pytest.mark.parametrize(
    ("text", "grams", "ml"),
    [
        ("kitkat", 41.5, None),
        ("twix", 50.0, None),
        ("quavers", 20.0, None),
        ("prime drink", None, 500.0),
        ("oasis", None, 500.0),
        ("malta india", None, 355.0),
        ("hawaiian sun", None, 340.0),
    ],
)
def test_one_of_a_brand_is_its_label_size(text: str, grams: float | None, ml: float | None) -> None:
    pack = pack_for(text)
    assert pack is not None
    assert (pack.grams, pack.ml) == (grams, ml)


def test_a_bag_of_haribo_is_a_share_bag() -> None:
    item = resolve("haribo tangfastics bag", "uk")
    assert item.food.name == "Candy, gummy"
    assert item.grams.grams == pytest.approx(140.0)


def test_ovaltine_named_as_a_drink_is_made_with_milk() -> None:
    assert resolve("Ovaltine", "uk").food.name == "Milk, malted"
