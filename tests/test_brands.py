"""Chain and brand items are searched as their closest generic USDA food (data/brands.toml).

The expectations come from the table's sources: USDA FNDDS's description notes, which list
the brands filed under each generic food, and the makers' own product descriptions.
"""

from __future__ import annotations

import tomllib

import pytest

from twitchcheck._data import data_path
from twitchcheck.errors import InputError
from twitchcheck.foods.brands import approximate_for
from twitchcheck.foods.phrases import resolve_line
from twitchcheck.foods.search import search
from twitchcheck.text import terms

_GLUCERNA = "Nutritional drink or shake, ready-to-drink, sugar free (Glucerna)"
_HIGH_PROTEIN = "Nutritional drink or shake, high protein, ready-to-drink, NFS"


def _raw() -> dict[str, dict[str, str]]:
    with data_path("brands.toml").open("rb") as handle:
        raw = tomllib.load(handle)
    return {"products": raw["products"], "chains": raw["chains"]["items"]}


@pytest.mark.parametrize(
    ("query", "food"),
    [
        # chocolate and sweets (FNDDS notes)
        ("kit kat", "Chocolate candy, cookie filled"),
        ("twix", "Candies, MARS SNACKFOOD US, TWIX Caramel Cookie Bars"),  # SR28 names it
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
        ("complan", "Nutritional drink or shake, ready-to-drink, NFS"),
        # beers and snacks by brand
        ("tennents", "Beer"),
        ("2 shiner bocks", "Beer"),
        ("takis", "Tortilla chips, flavored"),
        ("quest bar", "Nutrition bar or meal replacement bar, NFS"),
        ("kodiak pancakes", "Pancakes, whole grain"),
        # chain items
        ("greggs steak bake", "Turnover or hot pocket, beef"),
        ("wendys chili", "Chili with meat and beans"),
        ("chick-fil-a nuggets", "Chicken nuggets, from fast food"),
        ("chick fil a waffle fries", "Potato, french fries, fast food"),
        ("peri peri chips", "Potato, french fries, restaurant"),
        ("oreo mcflurry", "Soft serve, blended with candy or cookies, from fast food"),
        ("dairy queen blizzard", "Soft serve, blended with candy or cookies, from fast food"),
        ("wendy's frosty", "Milk shake, fast food, chocolate"),
        ("pizza express", "Pizza, cheese, from restaurant or fast food, thin crust"),
        # US brands in FNDDS's notes
        ("splenda", "Sugar substitute, sucralose, powder"),
        ("sweet'n low", "Sugar substitute, saccharin, powder"),
        ("cool whip", "Whipped topping"),
        ("sugar free jell-o", "Gelatin dessert, sugar free"),
        ("sf jello", "Gelatin dessert, sugar free"),
        ("rice krispie treat", "Cookie, marshmallow, with rice cereal, no bake"),
        ("chips ahoy", "Cookie, chocolate chip"),
        ("velveeta", "Cheese spread, American or Cheddar cheese base"),
        ("slim jim", "Beef jerky"),
        ("egg beaters", "Egg substitute, omelet, scrambled, or fried, no added fat"),
        ("coffee-mate", "Coffee creamer, liquid"),
        ("crystal light", "Fruit flavored drink, diet"),
        ("hawaiian punch", "Fruit juice drink, with high vitamin C"),
        ("capri-sun", "Fruit juice drink (Capri Sun)"),
        ("vitaminwater zero", "Water, enhanced, diet"),
        ("yoo-hoo", "Chocolate milk drink"),
        ("la croix", "Water, carbonated, flavored"),
        ("san pellegrino", "Water, carbonated, plain"),
        ("red bull sugar free", "Energy drink, sugar-free (Red Bull)"),
        ("rockstar", "Energy drink (Rockstar)"),
        # nutrition drinks and bars, flavours dropped where USDA has one form
        ("glucerna chocolate", _GLUCERNA),
        ("premier protein chocolate", _HIGH_PROTEIN),
        ("quest bar cookies and cream", "Nutrition bar or meal replacement bar, NFS"),
        ("atkins shake", _HIGH_PROTEIN),
        ("boost glucose control", _GLUCERNA),
        # milks, yogurts, breads, UK brands
        ("fairlife milk", "Milk, lactose free, whole"),
        ("oikos triple zero", "Yogurt, Greek, plain, nonfat"),
        ("ezekiel bread", "Bread, sprouted wheat"),
        ("bird's custard", "Custard"),
        ("bournvita", "Milk, malted"),
        ("heinz spaghetti hoops", "Pasta with tomato sauce, no meat, canned"),
        ("snack a jacks", "Rice cake"),
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


def test_a_place_with_no_signature_dish_alone_names_no_food() -> None:
    # A pub chain or a supermarket alone is reported; what was bought there is searched.
    assert approximate_for("wetherspoons") == ""
    assert search("wetherspoons", limit=1) == []
    assert approximate_for("tesco") == ""
    assert approximate_for("fish and chips at wetherspoons") == "fish and chip"
    assert approximate_for("sainsbury's hummus") == "hummus"


def test_flavours_are_dropped_only_beside_a_single_form_product() -> None:
    assert approximate_for("cookies and cream quest bar") == (
        "nutrition bar or meal replacement bar"
    )
    assert approximate_for("salted caramel atkins bar") == "nutrition bar or meal replacement bar"
    # Products USDA has in flavours keep them.
    assert approximate_for("halo top chocolate") == "light ice cream chocolate"
    assert approximate_for("yazoo chocolate") == "chocolate milk low fat 1%"


@pytest.mark.parametrize(
    "query",
    ["equal parts", "blizzard", "frosty morning", "boost", "ambrosia", "lactaid"],
)  # fmt: skip
def test_ordinary_words_beside_new_brands_name_no_brand(query: str) -> None:
    assert approximate_for(query) is None


def test_words_tying_an_order_to_a_chain_are_dropped() -> None:
    assert approximate_for("latte from costa") == "latte"
    assert approximate_for("sausage roll at greggs") == "sausage roll"


def test_a_flavour_after_a_brand_stays_in_the_query() -> None:
    assert approximate_for("fanta zero") == "soft drink fruit flavored diet"
    assert approximate_for("walkers cheese and onion") == "potato chips cheese and onion"


@pytest.mark.parametrize("line", ["Complan, chocolate", "Complan, strawberry", "complan"])
def test_a_flavour_of_complan_is_the_made_up_drink(line: str) -> None:
    """A supplement drink made up with milk, its flavour after a comma: one nutritional
    shake, not the brand and a chocolate bar or a strawberry."""
    items = resolve_line(line).items
    assert [i.food.name for i in items] == ["Nutritional drink or shake, ready-to-drink, NFS"]


def test_a_vending_machine_names_where_not_what() -> None:
    item = resolve_line("vending machine kitkat").items[0]
    assert item.food.name == resolve_line("kitkat").items[0].food.name
    assert item.grams.grams == pytest.approx(41.5)  # the 4 finger bar (brands.toml [packs])
    with pytest.raises(InputError, match="names no food"):
        resolve_line("vending machine")
    assert resolve_line("gas station taquito").items[0].food.name.startswith("Taquito")


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Hungry-Man fried chicken dinner", "Chicken, fried, with potatoes, vegetable"),
        ("Swanson turkey dinner", "Turkey with gravy, dressing, potatoes, vegetable, frozen meal"),
        ("Lean Cuisine swedish meatballs", "Meatballs, Swedish, in gravy, with noodles, diet"),
        ("Marie Callender's chicken pot pie", "Chicken pot pie, frozen entree"),
    ],
)
def test_a_frozen_dinner_is_usdas_frozen_meal_of_its_dish(line: str, name: str) -> None:
    from twitchcheck.foods.phrases import resolve_line

    (item,) = resolve_line(line, region="us").items
    assert item.food.name.startswith(name)


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("2 glazed Krispy Kremes somebody brought in", "Doughnut"),
        ("glazed krispy kreme", "Doughnut"),
    ],
)
def test_a_qualifier_beside_a_chain_qualifies_its_signature_item(line: str, name: str) -> None:
    """ "glazed" was searched alone once the chain's name was dropped: glazed carrots."""
    (item,) = resolve_line(line, region="us").items
    assert item.food.name.startswith(name)
