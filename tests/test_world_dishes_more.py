"""The world dishes added for Korean, Japanese, Chinese takeaway, Mexican and Central
American, Caribbean, North Indian and Gujarati, Polish, West African and Ethiopian names
(data/world_dishes.toml): each name resolves to the USDA food its entry gives."""

from __future__ import annotations

import tomllib
from collections import Counter

import pytest

from twitchcheck._data import data_path
from twitchcheck.foods.database import get_food
from twitchcheck.foods.phrases import resolve, resolve_line


def _entries() -> list[dict[str, object]]:
    with data_path("world_dishes.toml").open("rb") as file:
        return list(tomllib.load(file)["dish"])


def _ids(entry: dict[str, object]) -> list[str]:
    if "food" in entry:
        return [str(entry["food"])]
    parts = entry["parts"]
    assert isinstance(parts, list)
    return [str(part["food"]) for part in parts]


def test_every_world_dish_id_is_in_the_database() -> None:
    for entry in _entries():
        for food in _ids(entry):
            assert get_food(food).id == food


def test_no_name_belongs_to_two_dishes() -> None:
    names = Counter(str(n).lower() for entry in _entries() for n in entry["names"])  # type: ignore[attr-defined]
    assert [name for name, count in names.items() if count > 1] == []


@pytest.mark.parametrize(
    ("written", "food"),
    [
        ("bi bim bap", "fndds:58150100"),
        ("1 bowl bulgogi", "fndds:27115000"),
        ("japchae", "fndds:27313150"),
        ("topokki", "fndds:58150520"),
        ("2 mandu", "fndds:58112510"),
        ("miso ramen", "fndds:58407038"),
        ("6 gyoza", "fndds:58111110"),
        ("tonkatsu", "fndds:22201400"),
        ("katsu curry", "fndds:27146155"),
        ("chow mein", "fndds:27360120"),
        ("chicken chow mein", "fndds:27343910"),
        ("egg fried rice", "fndds:58150110"),
        ("crispy chilli beef", "fndds:27116300"),
        ("salt and pepper chicken", "fndds:24107070"),
        ("4 siu mai", "fndds:58112510"),
        ("prawn toast", "fndds:27250450"),
        ("pozole rojo", "fndds:28315150"),
        ("tres leches", "fndds:53118550"),
        ("2 tacos al pastor", "fndds:58102220"),
        ("concha", "fndds:51160200"),
        ("ackee and saltfish", "fndds:27351040"),
        ("rice and peas", "sr28:36406"),
        ("curry goat", "fndds:27116100"),
        ("2 festival", "fndds:52209010"),
        ("macaroni pie", "fndds:58145110"),
        ("tarka dal", "fndds:41305050"),
        ("chana masala", "fndds:41311030"),
        ("3 onion bhajis", "fndds:75440400"),
        ("bombay potatoes", "fndds:75440600"),
        ("kheer", "fndds:13210410"),
        ("dhokla", "fndds:55702000"),
        ("2 thepla", "fndds:51300175"),
        ("2 chapatis", "fndds:51300175"),
        ("perogies", "fndds:58121610"),
        ("żurek", "fndds:71801005"),
        ("kotlet schabowy", "fndds:22101320"),
        ("nalesniki", "fndds:55400010"),
        ("placki ziemniaczane", "fndds:71701000"),
        ("egusi soup", "fndds:42204060"),
        ("suya", "fndds:27410250"),
        ("5 puff puff", "fndds:53520170"),
        ("moin moin", "fndds:41301010"),
        ("akara", "fndds:58175000"),
        ("dodo", "fndds:71900200"),
        ("pounded yam", "sr28:11602"),
        ("doro wat", "fndds:27146150"),
        ("misir wat", "fndds:41311030"),
    ],
)
def test_a_new_name_resolves_to_its_food(written: str, food: str) -> None:
    assert resolve(written).food.id == food


def test_a_dish_of_parts_is_each_of_its_parts() -> None:
    line = resolve_line("doubles")
    assert [item.food.id for item in line.items] == ["fndds:51300180", "fndds:41311030"]
    assert all(item.uncertain for item in line.items)


def test_a_stand_in_is_uncertain_and_an_exact_food_is_not() -> None:
    assert resolve("bulgogi").uncertain
    assert not resolve("gyoza").uncertain
