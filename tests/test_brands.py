"""Chain and brand items are searched as their closest generic USDA food (data/brands.toml).

The expectations come from the table's sources: USDA FNDDS's description notes, which list
the brands filed under each generic food, and the makers' own product descriptions.
"""

from __future__ import annotations

import tomllib

import pytest

from twitchcheck._data import data_path
from twitchcheck.foods.brands import approximate_for
from twitchcheck.foods.search import search
from twitchcheck.text import terms


def _raw() -> dict[str, dict[str, str]]:
    with data_path("brands.toml").open("rb") as handle:
        raw = tomllib.load(handle)
    return {"products": raw["products"], "chains": raw["chains"]["items"]}


@pytest.mark.parametrize(
    ("query", "food"),
    [
        # chocolate and sweets (FNDDS notes)
        ("kit kat", "Chocolate candy, cookie filled"),
        ("twix", "Chocolate candy, cookie filled"),
        ("a mars bar", "Chocolate candy, nougat filled"),
        ("snickers bar", "Chocolate candy, nougat filled with nuts"),
        ("cadbury dairy milk", "Chocolate candy"),
        ("chocolate easter egg", "Chocolate candy"),
        ("reeses peanut butter cups", "Chocolate candy, peanut butter filled"),
        ("m&m's", "Chocolate candy, candy shell"),
        ("peanut m&ms", "Chocolate candy, candy shell with nuts"),
        ("maltesers", "Chocolate candy with cereal"),
        ("cadbury creme egg", "Chocolate candy, cream filled"),
        ("haribo", "Candy, gummy"),
        ("wine gums", "Candy, gummy"),
        # biscuits
        ("oreos", "Cookie, chocolate sandwich"),
        ("bourbon biscuits", "Cookie, chocolate sandwich"),
        ("custard creams", "Cookie, vanilla sandwich"),
        ("hobnobs", "Cookie, oatmeal"),
        ("rich tea", "Marie biscuit"),
        # crisps and snacks
        ("pringles", "Potato chips, restructured, plain"),
        ("wotsits", "Cheese flavored corn snacks"),
        ("walkers crisps", "Potato chips, NFS"),
        # drinks
        ("pepsi", "Soft drink, cola"),
        ("pepsi max", "Soft drink, cola, diet"),
        ("fanta", "Soft drink, fruit flavored, caffeine free"),
        ("irn bru", "Soft drink, fruit flavored, caffeine containing"),
        ("dr pepper", "Soft drink, pepper type"),
        ("lucozade sport", "Sports drink, NFS"),
        ("monster ultra", "Energy drink, sugar free (Monster)"),
        ("ribena", "Fruit juice drink"),
        # cereals
        ("shreddies", "Cereal, wheat squares"),
        ("coco pops", "Cereal, chocolate crispy"),
        ("special k", "Cereal, K's, plain"),
        # instant and ready foods
        ("pot noodle", "Soup, ramen noodles, water added"),
        ("kraft mac and cheese", "Macaroni or noodles with cheese, made from packaged mix"),
        ("heinz beans", "Baked beans"),
        # spreads and dairy
        ("nutella", "Chocolate hazelnut spread"),
        ("marmite", "Yeast extract spread"),
        ("philadelphia", "Cream cheese, regular, plain"),
        ("babybel", "Cheese, Gouda or Edam"),
        # plant products
        ("oatly", "Oat milk"),
        ("alpro oat", "Oat milk"),
        ("quorn sausages", "Sausage, meatless"),
        ("beyond burger", "Veggie burger patty, no bun"),
        # nutrition products
        ("ensure", "Nutritional drink or shake, ready-to-drink (Ensure)"),
        ("ensure plus", "Nutritional drink or shake, ready-to-drink (Ensure Plus)"),
        ("quest bar", "Nutrition bar or meal replacement bar, NFS"),
        ("kodiak pancakes", "Pancakes, whole grain"),
        # chain items
        ("greggs steak bake", "Pot pie, beef"),
        ("heinz tomato soup", "Soup, tomato"),
    ],
)  # fmt: skip
def test_brand_items_are_their_generic_food(query: str, food: str) -> None:
    assert approximate_for(query) is not None, query
    top = search(query, limit=1)[0]
    assert top.name == food, (query, top)
    assert top.approximation


def test_every_product_finds_its_generic_food() -> None:
    for key, generic in _raw()["products"].items():
        top = search(generic, limit=1)
        assert top, (key, generic)
        assert top[0].score >= 0.7, (key, generic, top[0])


def test_keys_stay_distinct_after_normalisation() -> None:
    for table in _raw().values():
        normalised = [" ".join(terms(k)) for k in table]
        assert len(set(normalised)) == len(normalised)


def test_rewriting_ends() -> None:
    # A generic food's words are never rewritten forever: at most a product and a chain.
    raw = _raw()
    for key in [*raw["products"], *raw["chains"]]:
        query: str | None = key
        for _ in range(3):
            if query is None:
                break
            query = approximate_for(query)
        assert query is None, key


def test_a_brand_inside_its_own_usda_entry_is_left_alone() -> None:
    assert approximate_for("monster ultra") == "energy drink sugar free monster"
    assert approximate_for("nutritional drink or shake ready to drink ensure") is None


@pytest.mark.parametrize(
    "query",
    ["milk", "non-dairy milk", "dairy milk", "bourbon", "whiskey", "squash", "custard",
     "original", "ultra", "kind", "buttons", "flake", "mini egg muffins", "chicken bake",
     "beef ragu", "crunchy peanut butter", "boiled eggs"],
)  # fmt: skip
def test_ordinary_words_name_no_brand(query: str) -> None:
    assert approximate_for(query) is None


def test_words_tying_an_order_to_a_chain_are_dropped() -> None:
    assert approximate_for("latte from costa") == "latte"
    assert approximate_for("sausage roll at greggs") == "sausage roll"


def test_a_flavour_after_a_brand_stays_in_the_query() -> None:
    assert approximate_for("fanta zero") == "soft drink fruit flavored diet"
    assert approximate_for("walkers cheese and onion") == "potato chips cheese and onion"
