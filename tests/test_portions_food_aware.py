"""Food-aware amounts: bare counts, typical portions, and measures whose size depends on the food.

The foods here are built with the shapes of USDA's own portion tables (FNDDS "Quantity not
specified", "1 can or bottle (12 fl oz)", "1 shot"; SR28 "8 fl oz" label servings), so the
rules are checked without depending on which food a search picks.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from twitchcheck.errors import PortionError
from twitchcheck.foods.database import Food, Portion
from twitchcheck.foods.portions import grams_for
from twitchcheck.foods.quantity import parse_quantity

TYPICAL = "Quantity not specified"


def food(name: str, group: str, *portions: tuple[float, str, float]) -> Food:
    return Food("fndds:0", "fndds", "0", name, group, "", {}, tuple(Portion(*p) for p in portions))


BEER = food(
    "Beer", "Beer",
    (1, "fl oz", 30.0), (1, "can or bottle (12 fl oz)", 360.0), (1, "bottle (40 fl oz)", 1200.0),
    (1, TYPICAL, 360.0),
)  # fmt: skip
SPIRIT = food(
    "Vodka", "Liquor and cocktails",
    (1, "fl oz (no ice)", 28.0), (1, "shot", 42.0), (1, "drink", 63.0), (1, TYPICAL, 42.0),
)  # fmt: skip
SPREAD = food("Peanut butter", "Nuts and seeds", (1, "tablespoon", 16.0), (1, TYPICAL, 32.0))
SHAKE = food("Nutritional shake, ready-to-drink", "Beverages", (8, "fl oz", 254.0))
SPORTS = food("Sports drink, zero", "Beverages", (8, "fl oz", 237.0), (12, "fl oz", 355.0))
MILK = food("Milk, NFS", "Milk", (1, "cup", 244.0), (1, "fl oz", 30.5), (1, TYPICAL, 244.0))
WINE = food("Wine, table, red", "Wine", (1, "fl oz", 29.4), (1, TYPICAL, 150.0))
JUICE = food("Orange juice", "Citrus juice", (1, "cup", 248.0), (1, TYPICAL, 248.0))
COOKIE = food(
    "Cookie, chocolate sandwich", "Cookies and brownies",
    (1, "Oreo sandwich", 11.0), (1, "sandwich", 14.0), (1, "large sandwich", 36.0),
    (1, TYPICAL, 42.0),
)  # fmt: skip
TANGERINE = food("Tangerine, raw", "Citrus fruits", (1, "fruit", 109.0), (1, TYPICAL, 109.0))
CHOCOLATE = food("Chocolate, dark, 70-85% cacao solids", "Sweets", (1, "oz", 28.35))
SOFT = food(
    "Soft drink, fruit flavored", "Soft drinks",
    (1, "fl oz (NFS)", 31.0), (1, "can (12 fl oz)", 372.0), (1, TYPICAL, 372.0),
)  # fmt: skip
ENERGY = food("Energy drink (Monster)", "Sport and energy drinks", (1, "fl oz", 31.0))
CRISPS = food("Potato chips, NFS", "Potato chips", (1, "bag", 28.0), (1, TYPICAL, 28.0))
FRIES = food("Potato, french fries, NFS", "French fries", (1, "small order", 71.0))


def grams(item: Food, text: str, region: str | None = None) -> float:
    return grams_for(item, replace(parse_quantity(text), region=region)).grams


# --- a count with no unit ----------------------------------------------------------------


@given(count=st.integers(min_value=1, max_value=12))
def test_a_count_of_a_drink_is_so_many_of_its_can_or_bottle(count: int) -> None:
    result = grams_for(BEER, parse_quantity(f"{count} beers"))
    assert result.grams == pytest.approx(360.0 * count)
    assert result.estimate


def test_a_count_of_a_spirit_is_so_many_shots() -> None:
    assert grams(SPIRIT, "2 vodkas") == pytest.approx(84.0)


def test_a_count_of_a_food_with_no_unit_at_all_is_so_many_typical_portions() -> None:
    assert grams(SPREAD, "2 peanut butter") == pytest.approx(64.0)


def test_a_count_of_a_food_with_neither_unit_nor_typical_portion_is_refused() -> None:
    with pytest.raises(PortionError):
        grams(CHOCOLATE, "2 dark chocolate")


def test_a_portion_named_with_the_word_written_wins() -> None:
    assert grams(COOKIE, "2 oreos") == pytest.approx(22.0)


def test_a_satsuma_is_a_small_mandarin_not_the_usda_tangerine() -> None:
    assert grams(TANGERINE, "2 satsumas") == pytest.approx(148.0)
    assert grams(TANGERINE, "2 tangerines") == pytest.approx(218.0)


# --- no amount: one typical portion ------------------------------------------------------


def test_a_labelled_serving_is_taken_whole_not_per_fluid_ounce() -> None:
    assert grams(SHAKE, "nutritional shake") == pytest.approx(254.0)


def test_a_drink_without_a_typical_portion_is_its_largest_single_serve_volume() -> None:
    assert grams(SPORTS, "sports drink") == pytest.approx(355.0)


def test_the_fndds_typical_portion_comes_first() -> None:
    assert grams(BEER, "beer") == pytest.approx(360.0)


# --- measures whose size depends on the food --------------------------------------------


@pytest.mark.parametrize(
    ("item", "text", "region", "low", "high"),
    [
        (WINE, "a glass of wine", None, 125, 180),  # NHS 125-175 ml; surveys 150 ml
        (WINE, "small glass of wine", "uk", 120, 130),  # NHS small 125 ml
        (WINE, "large glass of wine", "uk", 240, 260),  # NHS large 250 ml
        (MILK, "glass of milk", "uk", 195, 215),  # BNF 200 ml
        (MILK, "glass of milk", "us", 240, 255),  # 8 fl oz
        (MILK, "small glass of milk", None, 145, 160),
        (JUICE, "a small glass of orange juice", "uk", 150, 160),  # NHS 150 ml
        (JUICE, "glass of orange juice", "uk", 150, 160),
        (SPIRIT, "double vodka", "uk", 45, 50),  # two 25 ml measures (vodka is 0.95 g/ml)
        (SPIRIT, "vodka shot", "us", 40, 45),  # 1.5 fl oz
        (SOFT, "can of fanta", "uk", 340, 350),  # 330 ml, not a 400 g tin of fruit
        (SOFT, "can of fanta", "us", 365, 380),  # 12 fl oz
        (BEER, "can of lager", "uk", 440, 450),  # UK beer can 440 ml
        (ENERGY, "can of monster", "uk", 520, 530),  # 500 ml label
        (ENERGY, "can of monster", "us", 490, 500),  # 16 fl oz label
        (CRISPS, "bag of crisps", "uk", 29, 31),
        (CRISPS, "bag of chips", "us", 27, 29),
        (CHOCOLATE, "2 squares of dark chocolate", None, 15, 17),  # 8 g a square
    ],
)
def test_food_aware_measures(
    item: Food, text: str, region: str | None, low: float, high: float
) -> None:
    assert low <= grams(item, text, region) <= high


def test_a_british_bag_of_chips_is_not_a_bag_of_crisps() -> None:
    # chip-shop chips are matched to french fries, whose name says nothing of crisps
    with pytest.raises(PortionError):
        grams(FRIES, "bag of chips", "uk")


def test_a_red_bull_can_is_its_own_size_in_any_region() -> None:
    red_bull = food("Beverages, Energy drink, RED BULL", "Beverages", (1, "fl oz", 30.0))
    for region in ("uk", "us", None):  # 250 ml on the label, not a 330 ml soft-drink can
        assert grams(red_bull, "can of red bull", region) == pytest.approx(250 * 30 / 29.57, 0.01)


def test_a_one_ounce_typical_portion_of_a_canned_drink_is_its_can() -> None:
    canned = food(
        "Energy drink, sugar free", "Diet sport and energy drinks",
        (1, "fl oz", 30.0), (1, "can or bottle (16 fl oz)", 480.0), (1, TYPICAL, 30.0),
    )  # fmt: skip
    assert grams(canned, "energy drink") == pytest.approx(480.0)


def test_a_shot_sized_typical_portion_of_a_drink_sold_without_a_can_stays() -> None:
    espresso = food("Coffee, espresso", "Coffee", (1, "fl oz", 30.0), (1, TYPICAL, 30.0))
    assert grams(espresso, "espresso") == pytest.approx(30.0)


# --- counts of foods FNDDS sizes several at a time -------------------------------------------

CRACKERS = food(
    "Crackers, NFS", "Crackers, excludes saltines",
    (1, "cracker", 3.0), (1, "small or medium single serving bag", 45.0), (1, "sleeve", 115.0),
    (1, TYPICAL, 18.0),
)  # fmt: skip
CHOC_CHIP = food(
    "Cookie, chocolate chip", "Cookies and brownies",
    (1, "small cookie", 20.0), (1, "medium cookie", 30.0), (1, "large cookie", 45.0),
    (1, "large bar", 56.0), (1, TYPICAL, 60.0),
)  # fmt: skip


@given(count=st.integers(min_value=1, max_value=12))
def test_a_count_of_sandwich_biscuits_is_so_many_single_biscuits(count: int) -> None:
    # FNDDS's typical 42 g is three 14 g sandwiches, not one "large sandwich" (36 g)
    assert grams(COOKIE, f"{count} biscuits") == pytest.approx(14.0 * count)


def test_a_count_of_cookies_is_so_many_medium_cookies_not_bars() -> None:
    assert grams(CHOC_CHIP, "2 chocolate chip cookies") == pytest.approx(60.0)


def test_a_count_of_crackers_is_so_many_crackers_not_bags() -> None:
    assert grams(CRACKERS, "4 crackers") == pytest.approx(12.0)
    assert grams(CRACKERS, "a bag of crackers") == pytest.approx(45.0)  # the bag, when named


def test_other_foods_still_take_the_item_nearest_their_typical_amount() -> None:
    bagel = food(
        "Bagel", "Bagels and English muffins",
        (1, "miniature", 26.0), (1, "Bagel Thin", 45.0), (1, "regular", 105.0), (1, "large", 131.0),
        (1, TYPICAL, 105.0),
    )  # fmt: skip
    assert grams(bagel, "2 bagels") == pytest.approx(210.0)


# --- no amount: documented portions where FNDDS's typical one is far too small ----------------

MELON = food(
    "Watermelon, raw", "Melons",
    (1, "cup", 155.0), (1, "medium wedge/slice", 325.0), (1, TYPICAL, 78.0),
)  # fmt: skip
GRANOLA = food(
    "Cereal, granola", "Ready-to-eat cereal, higher sugar (>21.2g/100g)",
    (1, "cup", 110.0), (1, TYPICAL, 110.0),
)  # fmt: skip
GRANOLA_BAR = food(
    "Cereal or granola bar, NFS", "Cereal bars", (1, "bar", 24.0), (1, TYPICAL, 24.0)
)
FRIES_FNDDS = food(
    "Potato, french fries, NFS", "French fries and other fried white potatoes",
    (1, "cup", 60.0), (1, TYPICAL, 110.0),
)  # fmt: skip


@pytest.mark.parametrize("region", ["uk", "us", None])
def test_watermelon_with_no_amount_is_the_fda_reference_amount(region: str | None) -> None:
    assert grams(MELON, "watermelon", region) == pytest.approx(280.0)


def test_a_stated_amount_of_watermelon_is_kept() -> None:
    assert grams(MELON, "1 cup watermelon") == pytest.approx(155.0)
    assert grams(MELON, "100 g watermelon") == pytest.approx(100.0)


def test_chips_in_a_british_diary_are_a_chip_shop_portion() -> None:
    assert grams(FRIES_FNDDS, "chips", "uk") == pytest.approx(210.0)
    assert grams(FRIES_FNDDS, "fries", "us") == pytest.approx(110.0)  # FNDDS's US serving
    assert grams(FRIES_FNDDS, "fries") == pytest.approx(110.0)


def test_granola_in_a_british_diary_is_one_bowl_and_a_granola_bar_is_a_bar() -> None:
    assert grams(GRANOLA, "granola", "uk") == pytest.approx(45.0)
    assert grams(GRANOLA, "granola", "us") == pytest.approx(110.0)
    assert grams(GRANOLA_BAR, "granola bar", "uk") == pytest.approx(24.0)


def test_a_documented_portion_never_shrinks_a_larger_typical_one() -> None:
    big = replace(MELON, portions=(Portion(1, TYPICAL, 400.0),))
    assert grams(big, "watermelon") == pytest.approx(400.0)


# --- coffee-chain cup sizes --------------------------------------------------------------------

LATTE = food(
    "Coffee, Latte", "Coffee",
    (1, "fl oz", 30.0), (1, "cup (8 fl oz)", 240.0), (1, "small", 360.0), (1, TYPICAL, 360.0),
)  # fmt: skip
ML_PER_FL_OZ = 29.5735295625


@pytest.mark.parametrize(
    ("text", "fl_oz"),
    [
        ("short latte", 8), ("tall latte", 12), ("grande latte", 16), ("venti latte", 20),
        ("venti iced latte", 24), ("a grande skinny latte", 16), ("2 tall lattes", 24),
        # or written after the drink
        ("latte venti", 20), ("iced latte venti", 24), ("latte, grande", 16),
    ],
)  # fmt: skip
@pytest.mark.parametrize("region", ["uk", "us", None])
def test_a_chain_cup_size_is_its_volume_in_any_region(
    text: str, fl_oz: float, region: str | None
) -> None:
    # Starbucks' cups are the same US fluid ounces in its British shops
    expected = fl_oz * ML_PER_FL_OZ * 240.0 / (8 * ML_PER_FL_OZ)
    assert grams(LATTE, text, region) == pytest.approx(expected)


def test_a_chain_cup_size_is_marked_an_estimate() -> None:
    assert grams_for(LATTE, parse_quantity("grande latte")).estimate


# --- one of a named item with no amount, cereal biscuits, pieces, kitchen measures -----------

FRIED_FISH = food(
    "Fish, cod, fried", "Fish",
    (1, "small/regular fillet", 140.0), (1, "large fillet", 210.0), (1, "cup", 135.0),
    (1, TYPICAL, 140.0),
)  # fmt: skip
CEREAL_BISCUITS = food(
    "Cereals ready-to-eat, wheat biscuit cereal", "Breakfast Cereals",
    (2, "biscuits (1 NLEA serving)", 35.0), (1, "cup", 60.0),
)  # fmt: skip
MOZZARELLA = food("Cheese, Mozzarella, part skim", "Cheese", (1, "cup", 113.0), (1, TYPICAL, 21.0))
YOGURT = food(
    "Yogurt, NFS", "Yogurt, regular",
    (1, "6 oz container", 170.0), (1, "cup", 245.0), (1, TYPICAL, 170.0),
)  # fmt: skip
BAR = food("Nutrition bar or meal replacement bar, NFS", "Nutrition bars", (1, "bar", 34.0))
POWDER = food("Beverages, Protein powder soy based", "Beverages", (1, "scoop", 45.0))
BUTTER = food("Butter, NFS", "Butter and animal fats", (1, "tablespoon", 14.2), (1, "pat", 5.0))
SOUR_CREAM = food("Sour cream, regular", "Cream", (1, "tablespoon", 12.0), (1, TYPICAL, 30.0))
GRAPES = food("Grapes, raw", "Grapes", (1, "cup", 151.0), (1, "grape", 5.0), (1, TYPICAL, 92.0))
RAISINS = food("Raisins", "Dried fruits", (1, "cup", 145.0), (1, TYPICAL, 40.0))
ROAST = food(
    "Beef, pot roast", "Beef, excludes ground",
    (1, "regular/thin slice", 60.0), (1, "cup", 135.0), (1, TYPICAL, 60.0),
)  # fmt: skip
RINDS = food("Pork skin rinds", "Pork", (1, "small bag", 28.0), (1, TYPICAL, 30.0))
BOWL = food(
    "Burrito bowl, chicken", "Other Mexican mixed dishes",
    (1, "item, any size", 225.0), (1, "cup", 120.0), (1, TYPICAL, 225.0),
)  # fmt: skip


@given(n=st.integers(min_value=1, max_value=6))
def test_pieces_of_a_food_without_a_piece_portion_are_its_items(n: int) -> None:
    assert grams(FRIED_FISH, f"{n} pieces of fried cod") == pytest.approx(140.0 * n)


def test_a_piece_of_a_food_without_any_item_is_still_refused() -> None:
    with pytest.raises(PortionError):
        grams(food("Flour, wheat", "Flours", (1, "cup", 125.0)), "a piece of flour")


@given(n=st.integers(min_value=1, max_value=6))
def test_a_count_of_cereal_biscuits_is_so_many_biscuits(n: int) -> None:
    assert grams(CEREAL_BISCUITS, f"{n} wheat biscuits") == pytest.approx(17.5 * n)


@pytest.mark.parametrize(
    ("item", "text", "each"),
    [
        (MOZZARELLA, "string cheese", 28.35),
        (
            food("Yogurt tube", "Yogurt, regular", (1, "tube", 75.0), (1, TYPICAL, 75.0)),
            "frube",
            37.0,
        ),
        (BAR, "quest bar", 60.0),
        (BAR, "protein bar", 60.0),
    ],
)
def test_an_item_named_with_no_amount_is_one_of_it(item: Food, text: str, each: float) -> None:
    assert grams(item, text) == pytest.approx(each)
    assert grams(item, f"3 {text}") == pytest.approx(3 * each)


@pytest.mark.parametrize(("region", "expected"), [("uk", 125.0), ("us", 170.0), (None, 170.0)])
def test_a_pot_of_yogurt_is_a_british_pot_in_a_uk_diary(
    region: str | None, expected: float
) -> None:
    assert grams(YOGURT, "a pot of yogurt", region) == pytest.approx(expected)
    assert grams(YOGURT, "2 pots of yogurt", region) == pytest.approx(2 * expected)


def test_a_tub_of_yogurt_is_its_container() -> None:
    assert grams(YOGURT, "a tub of yogurt") == pytest.approx(170.0)


@pytest.mark.parametrize("region", ["uk", "us", None])
def test_a_scoop_of_protein_powder_is_a_label_scoop(region: str | None) -> None:
    assert grams(POWDER, "a scoop of protein powder", region) == pytest.approx(30.0)


def test_a_knob_of_butter_is_a_tablespoon_and_a_dollop_two() -> None:
    assert grams(BUTTER, "a knob of butter") == pytest.approx(14.2)
    assert grams(SOUR_CREAM, "a dollop of sour cream") == pytest.approx(24.0, rel=0.01)


def test_a_handful_of_fruit_is_a_five_a_day_portion() -> None:
    assert grams(GRAPES, "a handful of grapes") == pytest.approx(80.0)
    assert grams(RAISINS, "a handful of raisins") == pytest.approx(30.0)


def test_roast_meat_with_no_amount_is_the_fda_reference_amount() -> None:
    assert grams(ROAST, "pot roast") == pytest.approx(85.0)
    assert grams(ROAST, "2 slices of pot roast") == pytest.approx(120.0)  # a count keeps FNDDS's
    assert grams(RINDS, "pork rinds") == pytest.approx(30.0)  # a pork food that is no roast


def test_a_burrito_bowl_with_no_amount_is_a_chain_bowl() -> None:
    assert grams(BOWL, "chicken burrito bowl") == pytest.approx(510.0)


def test_a_whole_as_bought_is_never_the_portion_assumed() -> None:
    from twitchcheck.foods.phrases import resolve_line

    (cabbage,) = resolve_line("cabbage").items
    assert cabbage.grams.grams < 150  # a cup, not SR28's 908 g medium head
    (egg,) = resolve_line("scrambled egg").items
    assert 40 < egg.grams.grams < 80  # one egg by its size stays one egg
    assert resolve_line("1 head of lettuce").items[0].grams.grams > 300  # when written, it counts


def test_cream_in_coffee_is_dairy_cream_not_cream_cheese() -> None:
    from twitchcheck.foods.phrases import resolve_line

    _, cream = resolve_line("coffee with cream").items
    assert cream.food.name.startswith("Cream")
    assert resolve_line("bagel with cream cheese").items[1].food.name == "Cheese, cream"


def test_a_drink_with_no_typical_amount_is_its_can_not_an_ounce() -> None:
    from twitchcheck.foods.phrases import resolve_line

    (ale,) = resolve_line("ginger ale").items  # SR28 lists 1 fl oz first, then its cans
    assert 330 <= ale.grams.grams <= 500


def test_a_drink_sold_in_a_container_is_one_container_not_an_ounce() -> None:
    from twitchcheck.foods.database import Portion
    from twitchcheck.foods.phrases import resolve_line
    from twitchcheck.foods.portions import _container

    (shake,) = resolve_line("milkshake").items  # SR28: "1 fl oz", then "1 container (11 oz)"
    assert 250 <= shake.grams.grams <= 400
    litres = Portion(1.0, "bottle (2 L)", 2000.0)  # bought to share: no one drinks it at once
    assert _container([litres]) is None


def test_a_count_of_meat_pieces_is_so_many_pieces_not_plates() -> None:
    from twitchcheck.foods.phrases import resolve_line

    (wings,) = resolve_line("6 buffalo wings").items  # FNDDS: 35 g a drummette, 140 g a plate
    assert 150 <= wings.grams.grams <= 300


def test_a_portion_written_by_weight_is_that_weight_not_one_ounce() -> None:
    from twitchcheck.foods.phrases import resolve_line

    (tuna,) = resolve_line("tuna salad").items  # SR28 lists "3 oz" (85 g), no typical amount
    assert tuna.grams.grams == pytest.approx(85, abs=1)


BISCUIT = food("Marie biscuit", "Cookies and brownies", (1, "biscuit", 21.0), (1, TYPICAL, 42.0))
RICE_CAKE = food("Rice cake", "Crackers, excludes saltines", (1, "cake", 3.0), (1, TYPICAL, 18.0))
YOGURT = food("Yogurt, NFS", "Yogurt, regular", (1, "6 oz container", 170.0), (1, TYPICAL, 170.0))
GREEK = food(
    "Yogurt, Greek, NS as to type of milk, plain", "Yogurt, Greek",
    (1, "container", 150.0), (1, TYPICAL, 150.0),
)  # fmt: skip


@pytest.mark.parametrize(
    ("text", "each"),
    [("2 rich tea", 8.3), ("3 digestives", 14.7), ("2 choc digestives", 16.6),
     ("2 ginger nuts", 10.0), ("4 rice cakes", 9.0)],
)  # fmt: skip
def test_a_count_of_a_kind_named_takes_the_weight_of_that_kind(text: str, each: float) -> None:
    count = float(text.split()[0])
    assert grams(BISCUIT if "rice" not in text else RICE_CAKE, text, "uk") == pytest.approx(
        count * each
    )


def test_a_biscuit_of_no_kind_is_british_only_in_a_british_diary() -> None:
    assert grams(BISCUIT, "2 oat biscuits", "uk") == pytest.approx(25.0)
    assert grams(BISCUIT, "2 oat biscuits", "us") == pytest.approx(42.0)  # the food's own


OATMEAL_COOKIE = food(
    "Cookie, oatmeal", "Cookies and brownies",
    (1, "small", 20.0), (1, "medium", 30.0), (1, "large", 45.0), (1, TYPICAL, 60.0),
)  # fmt: skip


@pytest.mark.parametrize(("text", "region", "expected"), [
    ("hobnob", "uk", 20.0),  # a British biscuit: FNDDS's small cookie
    ("2 hobnobs", "uk", 40.0),
    ("hobnob", "us", 30.0),  # an American diary: one medium cookie
    ("2 oatmeal cookies", "uk", 60.0),  # a cookie said so is the American cookie
    ("large hobnob", "uk", 45.0),  # a size said is that size
])  # fmt: skip
def test_a_british_biscuit_is_a_small_cookie(text: str, region: str, expected: float) -> None:
    assert grams(OATMEAL_COOKIE, text, region) == pytest.approx(expected)


def test_a_yogurt_in_a_british_diary_is_a_small_pot_but_greek_keeps_its_own() -> None:
    assert grams(YOGURT, "yoghurt", "uk") == pytest.approx(125.0)
    assert grams(YOGURT, "yogurt", "us") == pytest.approx(170.0)
    assert grams(GREEK, "greek yoghurt", "uk") == pytest.approx(150.0)


RED_BULL = food(
    "Energy drink (Red Bull)", "Sport and energy drinks",
    (1, "fl oz", 31.0), (1, "can (8.4 fl oz)", 260.0), (1, TYPICAL, 496.0),
)  # fmt: skip
SPORTS_DRINK = food(
    "Sports drink, NFS", "Sport and energy drinks", (1, "fl oz", 31.0), (1, TYPICAL, 496.0)
)


@pytest.mark.parametrize(
    ("drink", "text", "uk", "us"),
    [
        (BEER, "2 lech", 2 * 440 * 30 / 29.57, 720.0),  # a British can is 440 ml, not 12 fl oz
        (BEER, "lager", 440 * 30 / 29.57, 360.0),
        (SOFT, "coke", 330 * 31 / 29.57, 372.0),
        # its standard 250 ml can everywhere (brands.toml [packs]), not FNDDS's 16 fl oz
        (RED_BULL, "red bull", 250 * 31 / 29.57, 250 * 31 / 29.57),
        # bottled: its 500 ml bottle (brands.toml [packs], its label)
        (SPORTS_DRINK, "lucozade sport", 505.0, 505.0),
    ],
)
def test_a_canned_drink_with_no_measure_is_the_regions_can(
    drink: Food, text: str, uk: float, us: float
) -> None:
    assert grams(drink, text, "uk") == pytest.approx(uk, rel=0.01)
    assert grams(drink, text, "us") == pytest.approx(us, rel=0.01)
    assert grams(drink, text) == pytest.approx(us, rel=0.01)


RICE = food("Rice, cooked, NFS", "Rice", (1, "cup", 158.0), (1, TYPICAL, 118.0))
RICE_PUDDING = food("Pudding, rice", "Puddings", (1, "cup", 260.0), (1, TYPICAL, 130.0))


IDLI = food("Idli", "Rice mixed dishes", (1, "idli", 38.0), (1, TYPICAL, 76.0))


def test_rice_in_a_british_diary_is_the_fsa_average_portion() -> None:
    assert grams(RICE, "rice", "uk") == pytest.approx(180.0)
    assert grams(RICE_PUDDING, "rice pudding", "uk") == pytest.approx(130.0)


def test_rice_elsewhere_is_fdas_reference_amount_for_plain_grains() -> None:
    """21 CFR 101.12(b): plain rice 140 g cooked, above FNDDS's 118 g; a British diary's
    FSA figure is a rule for that region only, so the next rule gives every other region's."""
    assert grams(RICE, "rice", "us") == pytest.approx(140.0)
    assert grams(RICE, "rice") == pytest.approx(140.0)
    assert grams(RICE, "2 cups of rice", "us") == pytest.approx(316.0)  # a measure stands
    assert grams(IDLI, "idli", "us") == pytest.approx(76.0)  # made of rice, not rice


def test_a_count_of_rice_is_so_many_reference_amounts() -> None:
    """ "2 scoop rice" is read as "2 rice" (phrases._servings: USDA lists rice by the cup):
    so many usual portions, the figure for every region (a region's own average is for the
    food named alone)."""
    assert grams(RICE, "2 rice", "us") == pytest.approx(280.0)
    assert grams(RICE, "2 rice", "uk") == pytest.approx(280.0)


SPINACH = food(
    "Spinach, raw", "Dark green vegetables, excludes lettuce",
    (1, "cup", 25.0), (1, "leaf", 10.0), (1, TYPICAL, 13.0),
)  # fmt: skip
SPINACH_COOKED = food(
    "Spinach, NS as to form, cooked", "Dark green vegetables, excludes lettuce",
    (1, "cup", 180.0), (1, TYPICAL, 93.0),
)  # fmt: skip


@pytest.mark.parametrize("region", ["uk", "us", None])
def test_raw_greens_named_alone_are_a_salads_worth_not_a_leaf(region: str | None) -> None:
    assert grams(SPINACH, "spinach", region) == pytest.approx(50.0)
    assert grams(SPINACH_COOKED, "cooked spinach", region) == pytest.approx(93.0)
    assert grams(SPINACH, "3 leaves spinach", region) == pytest.approx(30.0)


INSTANT = food(
    "Soup, ramen noodles, water added", "Soups",
    (1, "cup", 245.0), (1, "package", 440.0), (1, TYPICAL, 245.0),
)  # fmt: skip


def test_an_instant_noodle_pot_is_one_made_up_pot_not_a_cup_of_soup() -> None:
    assert grams(INSTANT, "pot noodle", "uk") == pytest.approx(350.0)
    assert grams(INSTANT, "1 cup ramen noodles") == pytest.approx(245.0)  # a cup written


COLLARDS = food(
    "Collards, fresh, cooked, no added fat", "Dark green vegetables, excludes lettuce",
    (1, "cup", 190.0), (1, TYPICAL, 65.0),
)  # fmt: skip


def test_cooked_greens_named_alone_are_the_fda_vegetable_serving() -> None:
    assert grams(COLLARDS, "collard greens", "us") == pytest.approx(85.0)
    assert grams(COLLARDS, "1 cup collards", "us") == pytest.approx(190.0)


@pytest.mark.parametrize(
    ("line", "grams"), [("papaya", 140.0), ("mango", 140.0), ("pineapple", 140.0)]
)
def test_a_large_fruit_cut_up_is_the_fda_reference_amount(line: str, grams: float) -> None:
    from twitchcheck.foods.phrases import resolve_line

    (item,) = resolve_line(line, region="us").items
    assert item.grams.grams == pytest.approx(grams)


def test_dried_fruit_and_juice_keep_their_own_portions() -> None:
    from twitchcheck.foods.phrases import resolve_line

    (dried,) = resolve_line("dried mango", region="us").items
    (juice,) = resolve_line("pineapple juice", region="us").items
    assert dried.grams.grams < 60.0
    assert juice.food.name.startswith("Pineapple juice")
    assert juice.grams.grams > 200.0


def test_a_tall_glass_is_a_large_glass() -> None:
    assert grams(MILK, "tall glass of milk", "us") == pytest.approx(
        grams(MILK, "large glass of milk", "us")
    )


def test_a_muffin_is_not_the_mini_one_its_name_also_covers() -> None:
    # SR28's blueberry muffin "(Includes mini-muffins)" lists a 31 g "1 muffin" beside its
    # small (66 g), medium (113 g) and large ones: a muffin is the medium one
    from twitchcheck.foods.phrases import resolve_line

    (item,) = resolve_line("blueberry muffin", region="us").items
    assert 60.0 <= item.grams.grams <= 140.0
