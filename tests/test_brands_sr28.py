"""A product SR28 has analysed under its own name is that food, not FNDDS's average of the
bars filed together (brands.toml [products]: the value names SR28's entry in full)."""

from __future__ import annotations

import pytest

from twitchcheck.foods.phrases import resolve


@pytest.mark.parametrize("said", ["twix", "Twix", "twix from the vending machine"])
def test_a_twix_is_sr28s_twix_at_its_label_weight(said: str) -> None:
    item = resolve(said, "uk")
    assert item.food.id == "sr28:19160"  # Candies, MARS SNACKFOOD US, TWIX Caramel Cookie Bars
    assert item.grams.grams == pytest.approx(50.0)  # brands.toml [packs]: the twin bar


def test_two_twix_are_two_bars() -> None:
    assert resolve("2 twix", "uk").grams.grams == pytest.approx(100.0)
