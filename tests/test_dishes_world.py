"""Dishes named in their own language (data/world_dishes.toml): the USDA food or parts each
is, diacritics folded, stand-ins marked uncertain, own-language words after the name."""

from __future__ import annotations

import tomllib

import pytest

from twitchcheck._data import data_path
from twitchcheck.foods import dishes
from twitchcheck.foods.database import get_food
from twitchcheck.foods.phrases import resolve_line
from twitchcheck.text import fold


def _entries() -> list[dict[str, object]]:
    with data_path("world_dishes.toml").open("rb") as file:
        return list(tomllib.load(file)["dish"])


def test_every_world_dish_names_real_foods_and_a_source() -> None:
    for entry in _entries():
        ids = [entry["food"]] if "food" in entry else [p["food"] for p in entry["parts"]]  # type: ignore[index, union-attr]
        for food in ids:
            assert get_food(str(food)).id == food
        assert str(entry["source"]).strip()


@pytest.mark.parametrize(
    ("written", "plain"), [("rakı", "raki"), ("çay", "cay"), ("cà phê sữa đá", "ca phe sua da")]
)
def test_diacritics_and_dotless_i_fold(written: str, plain: str) -> None:
    assert fold(written) == plain
    assert dishes.recipe(written) == dishes.recipe(plain)
    assert dishes.recipe(written) is not None


def test_a_dish_that_is_a_usda_food_is_sure() -> None:
    item = resolve_line("mofongo").items[0]
    assert item.food.id == "fndds:77201210"
    assert not item.uncertain


def test_a_stand_in_is_an_uncertain_approximation() -> None:
    item = resolve_line("lahmacun").items[0]
    assert item.how == "approximation"
    assert item.uncertain
    assert "stands in" in item.note


def test_a_serving_of_the_dish_as_it_is_served() -> None:
    """Turkish tea comes in a ~100 ml glass, not USDA's 360 g mug."""
    assert resolve_line("cay x2").items[0].grams.grams == pytest.approx(200.0)


def test_own_language_words_after_the_name_say_which_kind() -> None:
    assert dishes.recipe("pho bo tai nam") == dishes.recipe("pho")
    assert dishes.recipe("sinigang na bangus") == dishes.recipe("sinigang")  # milkfish
    assert dishes.recipe("sinigang na baboy") != dishes.recipe("sinigang")  # a name of its own
    assert dishes.recipe("pho with rice") is None  # "rice" is a food: a list, not a kind


def test_a_world_dish_in_a_list_is_one_of_its_foods() -> None:
    items = resolve_line("simit w white cheese & olives").items
    assert items[0].food.id == "fndds:51180010"
    assert len(items) == 3


def test_a_world_dish_named_with_a_join_stays_whole() -> None:
    items = resolve_line("pernil, arroz con gandules").items
    assert [i.food.id for i in items] == ["fndds:22400100", "sr28:36407"]


def test_a_measure_word_that_begins_a_dish_name_is_no_measure() -> None:
    # "bun" had been read as one bun of "cha", which no food is; "bun bo hue" likewise
    (item,) = resolve_line("bun cha", region="uk").items
    assert item.food.name.startswith("Ham or pork, noodles")
    assert resolve_line("bowl of pho", region="us").items[0].grams.grams > 245  # still a bowl


@pytest.mark.parametrize(("line", "names"), [
    ("dinner sopa de pollo w noodles", ["Soup, chicken", "Noodles, cooked"]),  # had been a back
    ("pan de agua w butter", ["Bread, French or Vienna", "Butter, NFS"]),  # had lost the bread
    ("te de manzanilla", ["Tea, hot, chamomile"]),  # had been refused
])  # fmt: skip
def test_a_world_dish_in_a_line_keeps_its_own_word_order(line: str, names: list[str]) -> None:
    assert [i.food.name for i in resolve_line(line, region="us").items] == names


@pytest.mark.parametrize(("line", "name"), [
    ("dinner: sinigang na baboy", "Soup, vegetable, with meat"),  # baboy is pork: had been fish
    ("sinigang na hipon", "Soup, fish or shrimp"),  # hipon is shrimp
    ("bowl of menudo", "Restaurant, Latino, tripe soup"),  # had been refused: tripe by the bowl
])  # fmt: skip
def test_a_world_dish_named_whole_is_that_dish(line: str, name: str) -> None:
    assert [i.food.name for i in resolve_line(line, region="us").items] == [name]


def test_navajo_tea_is_the_greenthread_herbal_tea() -> None:
    """Navajo and Hopi tea are greenthread, SR28's Hohoysi herbal tea; it had been black tea."""
    tea, _ = resolve_line("Navajo tea w sugar", region="us").items
    assert tea.food.name == "Tea, herbal, brewed, Hohoysi (Hopi)"
    assert tea.grams.grams == 240


def test_halloumi_is_a_firm_cheese_stand_in_not_refused() -> None:
    """USDA has no halloumi; it had been refused ("no food matches 'halloumi'")."""
    (item,) = resolve_line("halloumi", region="uk").items
    assert item.food.name.startswith("Cheese, mozzarella, low moisture")
    assert item.uncertain
