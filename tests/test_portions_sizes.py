"""A size word before a food with no portion of that size: the food's own middle-sized item
scaled by USDA's median size ratio (units.toml [sizes]), never another food that has it."""

from __future__ import annotations

from dataclasses import replace

import pytest

from twitchcheck.errors import PortionError
from twitchcheck.foods.database import Food, Portion
from twitchcheck.foods.phrases import resolve, resolve_line
from twitchcheck.foods.portions import grams_for
from twitchcheck.foods.quantity import parse_quantity

TYPICAL = "Quantity not specified"


def food(name: str, *portions: tuple[float, str, float]) -> Food:
    return Food("fndds:0", "fndds", "0", name, "Beef", "", {}, tuple(Portion(*p) for p in portions))


STEAK = food(
    "Steak, NS as to type of meat",
    (1, "thin", 120.0), (1, "regular", 160.0), (1, "thick", 240.0), (1, TYPICAL, 160.0),
)  # fmt: skip
FRIES = food("Potato, french fries, NFS", (1, "cup", 60.0), (1, TYPICAL, 110.0))
APPLE = food("Apple, raw", (1, "small", 150.0), (1, "medium", 200.0), (1, TYPICAL, 200.0))


def grams(item: Food, text: str) -> float:
    return grams_for(item, replace(parse_quantity(text), region=None)).grams


@pytest.mark.parametrize(("text", "factor"), [("small steak", 0.72), ("2 large steaks", 2 * 1.41)])
def test_a_size_the_food_lacks_scales_its_regular_item(text: str, factor: float) -> None:
    assert grams(STEAK, text) == pytest.approx(160.0 * factor)
    result = grams_for(STEAK, parse_quantity(text))
    assert result.estimate
    assert result.fallback  # a food that has the size itself is preferred when as close


def test_a_size_the_food_has_is_its_own_portion() -> None:
    assert grams(APPLE, "a small apple") == pytest.approx(150.0)


def test_a_food_with_no_middle_sized_item_still_refuses_the_size() -> None:
    with pytest.raises(PortionError):
        grams(FRIES, "large fries")


# --- a fraction of a food sold whole ---------------------------------------------------------

CHICKEN = Food(
    "fndds:0", "fndds", "0", "Chicken, NS as to part and cooking method, skin eaten", "Chicken",
    "", {}, (Portion(1, "piece", 60.0), Portion(1, TYPICAL, 85.0)),
)  # fmt: skip
BREAST = Food(
    "fndds:0", "fndds", "0", "Chicken breast, roasted", "Chicken", "", {},
    (Portion(1, "medium breast", 120.0), Portion(1, TYPICAL, 120.0)),
)  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [("half a chicken", 300.0), ("1/4 chicken", 150.0), ("quarter chicken", 150.0)],
)
def test_a_fraction_of_a_chicken_is_that_share_of_the_bird(text: str, expected: float) -> None:
    assert grams(CHICKEN, text) == pytest.approx(expected)


def test_a_fraction_of_a_part_or_a_whole_number_stays_a_count() -> None:
    assert grams(BREAST, "half a chicken breast") == pytest.approx(60.0)
    assert grams(CHICKEN, "2 chicken") == pytest.approx(120.0)


@pytest.mark.parametrize(("line", "region", "grams"), [
    ("fun size snickers", "us", 15),  # FNDDS "fun/snack size"; had been refused
    ("king size snickers", "us", 110),  # FNDDS "large/king size"
    ("snack size bag of doritos", "us", 28),  # "small single serving bag"; had been refused
    ("small bag of crisps", "uk", 28),
    ("box of animal crackers", "us", 57),  # FNDDS "individual box (2 oz)"; had been refused
])  # fmt: skip
def test_the_sizes_snacks_are_sold_in(line: str, region: str, grams: float) -> None:
    (item,) = resolve_line(line, region=region).items
    assert item.grams.grams == pytest.approx(grams)


def test_a_sized_bag_the_food_lists_no_portion_for_is_its_bag_times_the_size() -> None:
    # British sweets are confectionery (had been a sweet potato); USDA lists no small bag
    (item,) = resolve_line("small bag of sweets", region="uk").items
    assert item.food.name == "Candy, NFS"
    whole = resolve_line("bag of sweets", region="uk").items[0].grams.grams
    assert item.grams.grams == pytest.approx(whole * 0.72)  # units.toml [sizes] small


@pytest.mark.parametrize(("line", "name", "grams"), [
    ("a hershey bar", "Chocolate candy", 45),  # one bar; had been 85 g of white chocolate
    ("bag of m&ms", "Chocolate candy, candy shell", 45),  # had been split at the "&"
    ("2 reese's cups", "Chocolate candy, peanut butter filled", 42),  # had been 2 cups, 320 g
    ("3 twizzlers", "Candy, licorice", 30),  # three sticks; had been three bags, 180 g
])  # fmt: skip
def test_sweets_counted_as_people_count_them(line: str, name: str, grams: float) -> None:
    (item,) = resolve_line(line, region="us").items
    assert (item.food.name, item.grams.grams) == (name, pytest.approx(grams))


def test_a_cookie_named_in_the_singular_is_one_medium_cookie() -> None:
    # FNDDS's typical amount of a cookie is two medium ones: "cookies", not "snickerdoodle"
    # (a British biscuit, "hobnob", is one small one: test_portions_food_aware)
    (one,) = resolve_line("hobnob", region="us").items
    (some,) = resolve_line("cookies", region="us").items
    assert one.grams.grams == 30
    assert some.grams.grams == 60


def test_a_product_named_only_with_its_measure_is_the_product() -> None:
    # "dairy milk" alone is milk; "a bar of dairy milk" is Cadbury's bar (had been refused)
    (item,) = resolve_line("bar of dairy milk", region="uk").items
    assert (item.food.name, item.grams.grams) == ("Chocolate candy", 45)


@pytest.mark.parametrize(
    ("line", "low", "high"),
    [
        # a size in inches is each one's length or width, never a count: "6 inch sub" had
        # been six subs (1,080 g) and "12 inch sub" twelve
        ("6 inch turkey sub", 150, 250),  # FNDDS 'regular or 6" submarine' 195 g
        ("6-inch turkey sub", 150, 250),
        ('6" turkey sub', 150, 250),
        ("footlong turkey sub", 300, 500),  # twice the 6-inch, by length
        ("2 6 inch turkey subs", 300, 500),
        ("12 inch pizza", 600, 800),  # FNDDS 'medium pizza (11-12" diameter)' 691 g
        ("a 16 inch pizza", 1100, 1400),  # its extra-large (16-18")
    ],
)
def test_a_size_in_inches_sizes_each_item(line: str, low: float, high: float) -> None:
    assert low <= resolve(line).grams.grams <= high


def test_a_size_no_portion_gives_is_scaled_from_the_nearest() -> None:
    # no 20" pizza in FNDDS: its 16-18" one, by area, as an estimate
    grams = resolve("20 inch pizza").grams
    assert grams.estimate
    assert grams.grams > resolve("16 inch pizza").grams.grams


def test_a_subs_own_bread_is_not_counted_again() -> None:
    items = resolve_line("subway footlong turkey on wheat").items
    assert len(items) == 1  # the sub's bread, not 58 g more of wheat bread
    assert 300 <= items[0].grams.grams <= 450


@pytest.mark.parametrize(
    ("line", "low", "high"),
    [
        ("lg fries", 150, 200),  # a menu's shortening of large (it had been yuca fries)
        ("mini bagel", 20, 30),  # FNDDS's miniature bagel, 26 g (it had been a regular 105 g)
        ("personal pizza", 150, 200),  # FNDDS 'personal size pizza (5-7" diameter)' 175 g
        ("a chicken pot pie", 200, 300),  # its individual pie, not 'pie, any size' 1,260 g
    ],
)
def test_size_words_as_menus_and_diaries_write_them(line: str, low: float, high: float) -> None:
    assert low <= resolve(line).grams.grams <= high


def test_a_slice_of_a_sized_pizza_gives_the_whole_pizza_its_size() -> None:
    """SR28's 'slice 1/8 of 12" pizza' (103 g) had been taken as the 12" pizza itself."""
    (item,) = resolve_line('12" chicken tikka pizza', region="uk").items
    assert 600 <= item.grams.grams <= 1000
