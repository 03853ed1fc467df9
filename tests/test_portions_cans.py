"""A soft drink named with no measure in a British diary is a British can, whichever USDA
release files it: SR28 names its sodas "Beverages, carbonated, ..." (group "Beverages"), and
a ginger ale or root beer is a soft drink though its name holds a beer word."""

from __future__ import annotations

import pytest

from twitchcheck.foods.phrases import resolve


def test_an_sr28_soda_in_a_british_diary_is_a_330_ml_can() -> None:
    item = resolve("ginger ale", "uk")
    assert item.food.id == "sr28:14136"
    assert 320 <= item.grams.grams <= 350  # 330 ml through SR28's own density
    assert resolve("ginger ale", "us").grams.grams == pytest.approx(366.0)  # its 12 fl oz can


@pytest.mark.parametrize("said", ["can of ginger beer", "can of root beer", "ginger beer"])
def test_a_soft_drink_with_a_beer_word_is_no_440_ml_beer_can(said: str) -> None:
    assert 320 <= resolve(said, "uk").grams.grams <= 350


def test_a_can_of_lager_is_still_a_british_beer_can() -> None:
    assert resolve("can of lager", "uk").grams.grams > 420
