"""Phrases become the right food, the right grams and the right nutrients."""

from __future__ import annotations

import re

import pytest

from twitchcheck.errors import AmountError, InputError, PortionError, UnknownFoodError
from twitchcheck.phrases import nutrients, resolve

# text, food name pattern, grams (exact where USDA gives the portion), estimate?
PHRASES = [
    ("1 oz almonds", r"^(Almonds|Nuts, almonds)", 28.35, False),
    ("a handful of almonds", r"^(Almonds|Nuts, almonds)", 28.0, True),
    ("1 1/2 cups cooked spinach", r"^Spinach, .*cooked", 1.5 * 180, False),
    ("½ cup lentils", r"^Lentils", 0.5 * 198, False),
    ("2 eggs", r"^Egg, whole", 100.0, False),
    ("a medium banana", r"^Bananas?, raw", 118.0, False),
    ("3 oz grilled salmon", r"^Fish, salmon, grilled", 85.05, False),
    ("250 ml milk", r"^Milk", 258.0, False),
    ("a glass of milk", r"^Milk", 247.5, True),
    ("2 cups of coffee", r"^(Coffee, brewed|Beverages, coffee, brewed)", 480.0, False),
    ("100g chicken breast", r"^Chicken(, broilers or fryers,)? breast", 100.0, False),
    ("1 tbsp olive oil", r"^(Olive oil|Oil, olive)", 14.0, False),
    ("two slices of whole wheat bread", r"^Bread, whole[- ]wheat", 72.0, False),
    ("banana", r"^Bananas?, raw", 126.0, True),
]


@pytest.mark.parametrize(("text", "name", "grams", "estimate"), PHRASES)
def test_phrases(text: str, name: str, grams: float, estimate: bool) -> None:
    item = resolve(text)
    assert re.search(name, item.food.name), item.food.name
    assert item.grams.grams == pytest.approx(grams, rel=0.1)
    assert item.grams.estimate is estimate


def test_grams_scale_nutrients_from_per_100g() -> None:
    item = resolve("200 g banana [09040]")
    assert item.nutrients["potassium_mg"] == pytest.approx(716.0)
    assert item.nutrients["magnesium_mg"] == pytest.approx(54.0)


def test_pinned_food_wins_over_search() -> None:
    assert resolve("1 cup milk [01077]").food.id == "sr28:01077"


def test_alternatives_include_the_other_source() -> None:
    item = resolve("1 cup milk")
    sources = {m.source for m in item.alternatives}
    assert item.food.source not in sources or len(sources) > 1
    assert {item.food.source, *sources} == {"sr28", "fndds"}


def test_missing_values_are_counted_not_zeroed() -> None:
    report = nutrients(["100 g banana [09040]", "100 g cheese [01008]"])
    assert report.total["potassium_mg"] == pytest.approx(358 + 93)
    # SR28 caraway cheese (01008) has no caffeine row: the total leaves it out and says so.
    assert report.items[1].nutrients["caffeine_mg"] is None
    assert report.missing["caffeine_mg"] == 1
    assert report.total["caffeine_mg"] == report.items[0].nutrients["caffeine_mg"]


@pytest.mark.parametrize(
    ("text", "error", "words"),
    [
        ("1 cup xyzzyqq", UnknownFoodError, "no food matches"),
        ("2 slices banana [09040]", PortionError, "portions are"),
        ("-2 eggs", AmountError, "negative"),
        ("0 g rice", AmountError, "zero"),
        ("6 kg rice", AmountError, "5 kg"),
        ("12 lb almonds", AmountError, "5 kg"),
        ("", InputError, "empty"),
        ("250 g", InputError, "no food"),
    ],
)
def test_bad_input_is_refused_with_a_message(text: str, error: type[Exception], words: str) -> None:
    with pytest.raises(error, match=words):
        resolve(text)


def test_unit_error_names_the_portions_the_food_has() -> None:
    with pytest.raises(PortionError) as caught:
        resolve("1 slice [09040]")
    assert "medium" in str(caught.value)
    assert caught.value.code == "unknown_portion"


def test_unknown_food_suggests_close_names() -> None:
    with pytest.raises(UnknownFoodError) as caught:
        resolve("1 cup spinich pie xq")
    assert caught.value.suggestions


def test_nothing_to_resolve_is_an_error() -> None:
    with pytest.raises(InputError):
        nutrients([])


@pytest.mark.parametrize(
    ("text", "grams"),
    [
        ("1 bottle of beer", 360.0),  # the 12 fl oz bottle people usually drink, not 40 fl oz
        ("a bagel", 105.0),  # a regular bagel, not a "Bagel Thin"
        ("a packet of crisps", 28.0),  # the small single-serving bag
        ("1 shot of espresso", 60.0),
        ("a slice of cheddar", 21.0),
    ],
)
def test_the_usual_size_is_chosen_among_several(text: str, grams: float) -> None:
    assert resolve(text).grams.grams == pytest.approx(grams)
