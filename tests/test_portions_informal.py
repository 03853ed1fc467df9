"""Informal amounts whose weight depends on the food and the country (tests/data/informal_measures
is the unseen set these came from): a size of a food eaten by the serving, a pizza's size, a
British rasher, bottle and single measure, and numbers that belong to a name."""

from __future__ import annotations

import pytest

from twitchcheck.foods.phrases import resolve, resolve_line


def test_a_size_of_a_food_eaten_by_the_serving_is_a_serving_not_one_piece() -> None:
    fries = resolve("medium fries", "us")
    assert 110 <= fries.grams.grams <= 160  # had been one 5 g fry
    assert 100 <= resolve("medium banana", "us").grams.grams <= 130  # one medium banana


@pytest.mark.parametrize(("text", "low", "high"), [
    ("large cheese pizza", 900, 1000),  # FNDDS "large pizza (13-15 in)": had been one slice
    ("small pizza", 450, 500),
    ("2 slices of pepperoni pizza", 200, 300),
])  # fmt: skip
def test_a_pizza_of_a_size_is_the_whole_pizza_of_that_size(
    text: str, low: float, high: float
) -> None:
    assert low <= resolve(text, "us").grams.grams <= high


def test_a_british_rasher_is_back_bacon_an_american_strip_streaky() -> None:
    assert resolve("2 rashers of bacon", "uk").grams.grams == pytest.approx(46)
    assert resolve("3 strips of bacon", "us").grams.grams < 40


def test_a_bottle_of_lager_is_330_ml_in_britain_and_12_fl_oz_in_america() -> None:
    assert 330 <= resolve("bottle of lager", "uk").grams.grams <= 340
    assert 350 <= resolve("bottle of beer", "us").grams.grams <= 370  # not the 40 fl oz bottle


@pytest.mark.parametrize("text", ["vodka", "1 vodka", "single vodka"])
def test_a_spirit_in_a_british_diary_is_a_25_ml_single(text: str) -> None:
    assert 22 <= resolve(text, "uk").grams.grams <= 26
    assert 40 <= resolve(text, "us").grams.grams <= 45  # the American 1.5 fl oz jigger


def test_a_cocktail_named_for_its_spirit_is_the_drink_not_a_measure() -> None:
    assert resolve("gin and tonic", "uk").grams.grams > 150
    assert resolve("whisky sour", "uk").grams.grams > 150


@pytest.mark.parametrize(("text", "name"), [
    ("7up", "Soft drink, fruit flavored"),  # had been seven fruit leathers
    ("7 up", "Soft drink, fruit flavored"),
    ("single cream", "Cream, light"),  # had been one cream cheese
])  # fmt: skip
def test_a_number_that_begins_a_name_is_no_amount(text: str, name: str) -> None:
    assert resolve(text, "uk").food.name.startswith(name)


def test_cream_alone_is_dairy_cream_and_strawberries_and_cream_two_foods() -> None:
    assert resolve("splash of cream", "uk").food.name.startswith("Cream, NS")
    names = [i.food.name for i in resolve_line("strawberries and cream", "uk").items]
    assert names[0].startswith("Strawberries")
    assert names[1].startswith("Cream")


def test_a_share_eaten_said_with_where_still_scales_the_food() -> None:
    item = resolve_line("large pizza, ate half on shift", "us").items[0]
    assert 450 <= item.grams.grams <= 500


@pytest.mark.parametrize(("text", "name"), [
    ("tin of tuna", "Fish, tuna, canned"),  # had been the fish of no form
    ("tin of chopped tomatoes", "Tomatoes, canned"),
    ("tin of peaches", "Peach, canned"),  # had been raw peaches
    ("tin of beans", "Baked beans"),  # not the no-salt-added canned beans
    ("can of soup", "Soup, NFS"),  # not a canned beef soup
    ("can of coke", "Soft drink, cola"),
])  # fmt: skip
def test_a_food_by_the_tin_is_its_canned_form_where_usda_has_it(text: str, name: str) -> None:
    assert resolve(text, "uk").food.name.startswith(name)


@pytest.mark.parametrize(("text", "name"), [
    ("a tortilla wrap", "Tortilla, flour"),  # had been a ham sandwich wrap
    ("wholemeal wrap", "Tortilla, whole wheat"),  # had been a hot wheat cereal
    ("wrap", "Sandwich wrap"),  # a wrap of no kind is the filled one, unsure
])  # fmt: skip
def test_a_wrap_named_as_the_bread_is_the_tortilla(text: str, name: str) -> None:
    assert resolve(text, "uk").food.name.startswith(name)


@pytest.mark.parametrize(("text", "grams"), [
    ("portion of peas", 80), ("a portion of broccoli", 80), ("portion of strawberries", 80),
])  # fmt: skip
def test_a_british_portion_of_fruit_or_veg_is_the_nhs_80_g(text: str, grams: float) -> None:
    assert resolve(text, "uk").grams.grams == pytest.approx(grams)


def test_potatoes_juice_and_american_portions_are_not_5_a_day_portions() -> None:
    assert resolve("portion of chips", "uk").grams.grams > 150  # potatoes are not counted so
    assert resolve("a portion of orange juice", "uk").grams.grams > 140
    assert resolve("portion of peas", "us").grams.grams > 100  # FNDDS's own portion


def test_a_sausage_link_of_no_kind_is_a_breakfast_link() -> None:
    assert resolve("3 sausage links", "us").grams.grams == pytest.approx(60)  # had been 225 g
    assert resolve("2 links of sausage", "us").grams.grams == pytest.approx(40)


@pytest.mark.parametrize(
    ("line", "low", "high"),
    [("punnet of strawberries", 220, 460), ("half a punnet of blueberries", 60, 80),
     ("punnet of mushrooms", 150, 400)],
)  # fmt: skip
def test_a_punnet_is_the_british_pack_of_soft_fruit(line: str, low: float, high: float) -> None:
    """Had been one portion of the fruit (75 g of strawberries): a punnet held 227-400 g."""
    (item,) = resolve_line(line, region="uk").items
    assert low <= item.grams.grams <= high
