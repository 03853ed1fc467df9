"""A branded product named with no measure is one of it as its maker sells it (brands.toml
[packs]): a Soylent bottle, a Supermalt, a Greggs steak bake, an Ezekiel slice.

The foods are built with the shapes of the USDA foods the brands map to, so the rule is
checked without depending on which food a search picks; the figures are the labels'.
"""

from __future__ import annotations

import tomllib
from dataclasses import replace

import pytest

from twitchcheck._data import data_path
from twitchcheck.foods.brands import pack_for
from twitchcheck.foods.database import Food, Portion
from twitchcheck.foods.phrases import resolve_line
from twitchcheck.foods.portions import grams_for
from twitchcheck.foods.quantity import parse_quantity

TYPICAL = "Quantity not specified"


def food(name: str, group: str, *portions: tuple[float, str, float]) -> Food:
    return Food("fndds:0", "fndds", "0", name, group, "", {}, tuple(Portion(*p) for p in portions))


SHAKE = food(
    "Nutritional drink or shake, ready-to-drink, NFS", "Nutritional beverages",
    (1, "cup", 248.0), (1, "fl oz", 31.0), (1, TYPICAL, 248.0),
)  # fmt: skip
MALT = food("Malt beverage, includes non-alcoholic beer", "Beverages", (1, "cup", 237.0))
SPARKLING = food(
    "Water, carbonated, flavored", "Flavored or carbonated water",
    (1, "fl oz", 30.0), (1, "can (12 fl oz)", 360.0), (1, TYPICAL, 480.0),
)  # fmt: skip
NO_VOLUME = food("Malt drink", "Beverages", (1, "bottle", 500.0))
TURNOVER = food(
    "Turnover or hot pocket, beef", "Meat mixed dishes",
    (1, "regular/large", 130.0), (1, TYPICAL, 105.0),
)  # fmt: skip
BREAD = food(
    "Bread, sprouted wheat, toasted", "Yeast breads", (1, "slice", 24.0), (1, TYPICAL, 24.0)
)


def grams(item: Food, text: str, region: str | None = None) -> float:
    return grams_for(item, replace(parse_quantity(text), region=region)).grams


def test_a_drink_named_alone_is_its_bottle_weighed_through_the_food() -> None:
    # 414 ml at the food's own 248 g a cup
    assert grams(SHAKE, "soylent") == pytest.approx(414 * 248 / 236.5882365)
    assert grams(SHAKE, "soylent x2") == pytest.approx(2 * 414 * 248 / 236.5882365)


def test_a_drink_without_a_volume_portion_is_taken_at_one_gram_a_millilitre() -> None:
    assert grams(NO_VOLUME, "supermalt") == pytest.approx(330.0)


@pytest.mark.parametrize("text", ["la croix", "a can of la croix", "La Croix lime"])
def test_the_can_of_a_canned_brand_is_its_label_can(text: str) -> None:
    assert grams(SPARKLING, text) == pytest.approx(355 * 30 / 29.5735295625)


def test_another_measure_of_the_product_keeps_its_own_size() -> None:
    assert grams(SPARKLING, "500 ml la croix") == pytest.approx(500 * 30 / 29.5735295625)
    assert grams(MALT, "a cup of supermalt") == pytest.approx(237.0)


def test_a_product_by_weight_is_so_many_of_it() -> None:
    assert grams(TURNOVER, "greggs steak bake") == pytest.approx(140.0)
    assert grams(TURNOVER, "2 steak bakes") == pytest.approx(280.0)


def test_a_pack_of_a_slice_is_what_a_slice_of_it_weighs() -> None:
    assert grams(BREAD, "2 slices ezekiel toast") == pytest.approx(68.0)
    assert grams(BREAD, "ezekiel toast") == pytest.approx(34.0)
    assert grams(BREAD, "2 slices sprouted wheat toast") == pytest.approx(48.0)


def test_a_food_of_no_listed_brand_keeps_its_usda_portion() -> None:
    assert grams(TURNOVER, "beef turnover") == pytest.approx(105.0)
    assert pack_for("beef turnover") is None


def test_the_longest_key_named_wins() -> None:
    pack = pack_for("3 linda mccartney sausages")
    assert pack is not None
    assert pack.grams == 50.0


def _packs() -> dict[str, dict[str, object]]:
    with data_path("brands.toml").open("rb") as handle:
        packs: dict[str, dict[str, object]] = tomllib.load(handle)["packs"]
    return packs


@pytest.mark.parametrize(("key", "spec"), sorted(_packs().items()))
def test_every_pack_has_one_size_and_a_source(key: str, spec: dict[str, object]) -> None:
    sizes = [k for k in spec if k.removeprefix("uk_").removeprefix("us_") in ("grams", "ml")]
    assert sizes
    assert len({k.removeprefix("uk_").removeprefix("us_") for k in sizes}) == 1
    assert all(isinstance(spec[k], float) and 0 < float(str(spec[k])) < 5000 for k in sizes)
    assert "label" in str(spec["note"]) or "SR28" in str(spec["note"])
    assert pack_for(key) is not None


@pytest.mark.parametrize(
    ("line", "grams"),
    [("4 finger kitkat", 41.5), ("KitKat 4 finger", 41.5), ("2 finger kitkat", 20.7),
     ("kitkat", 41.5), ("2 kitkats", 83.0)],
)  # fmt: skip
def test_a_kitkat_counted_by_its_fingers_is_one_bar(line: str, grams: float) -> None:
    """Nestle UK labels: the 4 finger bar 41.5 g, the 2 finger 20.7 g (4 and 2 bars before)."""
    (item,) = resolve_line(line, region="uk").items
    assert item.grams.grams == pytest.approx(grams, abs=0.6)


@pytest.mark.parametrize(("line", "grams"), [("Lucozade orange", 398), ("lucozade sport", 505)])
def test_a_lucozade_is_its_labelled_bottle(line: str, grams: float) -> None:
    """Had been FNDDS's 11 fl oz energy drink (346 g), not the 380 ml bottle it is sold in."""
    (item,) = resolve_line(line, region="uk").items
    assert item.grams.grams == pytest.approx(grams, rel=0.01)
