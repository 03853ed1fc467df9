"""Dishes, combinations, lines that name no food, and food-aware measures."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from twitchcheck.errors import InputError, UnknownFoodError
from twitchcheck.foods import dishes
from twitchcheck.foods.phrases import NeedsDetailError, resolve, resolve_line
from twitchcheck.foods.search import Match

# Splitting is text only: the parts and the joins between them.


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("toast with butter", ("toast", "butter")),
        ("beans on toast", ("beans", "toast")),
        ("sausage in a bun", ("sausage", "bun")),
        # a carrier with its own amount, or plural ("3 eggs on 2 toast" had been refused)
        ("3 eggs on 2 toast", ("3 eggs", "2 toast")),
        ("beans on 2 slices of toast", ("beans", "2 slices of toast")),
        ("tuna in 2 pittas", ("tuna", "2 pittas")),
        ("eggs, bacon and beans", ("eggs", "bacon", "beans")),
        ("fish & chips", ("fish", "chips")),
        ("toast w/ jam", ("toast", "jam")),
        ("chicken w/rice", ("chicken", "rice")),
        ("stew/soup", ("stew/soup",)),  # "w/" starts a word: it had cut "ste" from "soup"
        ("a bowl of granola with soy yogurt", ("a bowl of granola", "soy yogurt")),
        # not joins: a name that holds "and", "in"/"on" before no carrier, a join at an end
        ("macaroni and cheese", ("macaroni and cheese",)),
        ("tuna in brine", ("tuna in brine",)),
        ("chicken in gravy", ("chicken in gravy",)),
        ("and chips", ("and chips",)),
        ("rice 1,5 kg", ("rice 1,5 kg",)),
    ],
)
def test_a_line_splits_at_the_words_that_join_foods(text: str, parts: tuple[str, ...]) -> None:
    assert dishes.parts(text) == parts


@pytest.mark.parametrize(
    "text",
    [
        "leftovers",
        "Leftovers.",
        "something from the vending machine",
        "skipped breakfast",
        "snacks",
        "some snacks",
        "dinner out",
        "the usual",
        "2 snacks",
    ],
)
def test_a_line_that_names_no_food_needs_detail(text: str) -> None:
    assert dishes.needs_detail(text)
    with pytest.raises(NeedsDetailError, match="names no food"):
        resolve_line(text)


@pytest.mark.parametrize("text", ["tea", "banana", "snack bar", "rice cakes", "dinner roll"])
def test_a_line_with_a_food_word_is_not_needs_detail(text: str) -> None:
    assert not dishes.needs_detail(text)


def test_needs_detail_is_an_input_error_with_its_own_code() -> None:
    assert issubclass(NeedsDetailError, InputError)
    assert NeedsDetailError.code == "needs_detail"


# Dishes and combinations.


def test_a_combination_that_one_fndds_food_fits_is_one_dish() -> None:
    line = resolve_line("chicken curry with rice")
    assert [i.how for i in line.items] == ["dish"]
    assert re.search(r"^Chicken curry.*rice", line.items[0].food.name)


@pytest.mark.parametrize("text", ["tea with milk", "coffee with milk", "mug of tea with milk"])
def test_milk_in_tea_is_a_splash_not_fnddss_chai(text: str) -> None:
    """FNDDS's "Tea, hot, with milk" is masala chai by its own description (about half milk);
    tea or coffee with milk is the drink and a splash of milk (3 tbsp, 44 ml)."""
    drink, milk = resolve_line(text).items
    assert drink.food.name.startswith(("Tea", "Coffee"))
    assert milk.food.name.startswith("Milk")
    assert 30 <= milk.grams.grams <= 60
    assert milk.grams.estimate
    assert "milk in a hot drink" in milk.note


def test_a_dish_without_an_amount_takes_its_typical_portion() -> None:
    item = resolve_line("peanut butter and jelly sandwich").items[0]
    assert item.how == "dish"
    assert item.grams.estimate
    assert "typical" in item.grams.basis


def test_a_dish_of_another_kind_is_not_taken_for_a_combination() -> None:
    """ "eggs, bacon" is not an egg burrito: the dish's kind must be one the line names."""
    names = [i.food.name for i in resolve_line("eggs, bacon and beans").items]
    assert len(names) == 3
    assert not any("burrito" in n.lower() for n in names)


@pytest.mark.parametrize(
    ("name", "said", "adds"),
    [
        ("Egg burrito, with bacon", "eggs, bacon", True),
        ("Pancakes and sausage, frozen meal", "pancakes and sausage", False),
        ("Coffee, Latte, with non-dairy milk", "coffee with milk", True),
        ("Coffee, Latte, with non-dairy milk", "oat milk latte", False),
        ("Beans and rice, with meat", "rice and beans", True),
    ],
)
def test_a_dish_may_not_add_a_kind_or_an_ingredient(name: str, said: str, adds: bool) -> None:
    assert dishes.adds(name, dishes.said_words(said)) is adds


def test_a_split_line_gives_the_amount_to_the_first_food() -> None:
    line = resolve_line("2 eggs with bacon")
    head, side = line.items
    assert head.food.name.startswith("Egg")
    assert head.grams.grams == pytest.approx(100, rel=0.15)
    assert side.how == "split"
    assert side.grams.estimate
    assert "typical portion" in side.note
    assert {i.input for i in line.items} == {"2 eggs with bacon"}


def test_a_later_part_may_carry_its_own_amount() -> None:
    side = resolve_line("banana with 2 tbsp peanut butter").items[1]
    assert side.food.name.startswith("Peanut butter")
    assert side.grams.grams == pytest.approx(32, rel=0.1)


def test_a_part_already_in_the_food_found_is_not_counted_twice() -> None:
    names = [i.food.name for i in resolve_line("veggie burger in a bun with chips").items]
    assert len(names) == 2
    assert "bun" in names[0].lower()


def test_resolve_gives_the_head_food_of_a_split_line() -> None:
    assert resolve("2 eggs with bacon").food.name.startswith("Egg")


def test_too_many_foods_on_one_line_are_refused() -> None:
    text = ", ".join(["apple"] * (dishes.table().max_parts + 1))
    with pytest.raises(InputError, match="write one food per line"):
        resolve_line(text)


@pytest.mark.parametrize(
    ("text", "milk", "kind"),
    [
        ("oat milk latte", "Oat milk", "latte"),
        ("oat milk flat white", "Oat milk", "flat white"),
        ("soy cappuccino", "Soy milk", "cappuccino"),
    ],
)
def test_a_coffee_with_its_milk_named_counts_both(text: str, milk: str, kind: str) -> None:
    coffee, dairy = resolve_line(text).items
    assert coffee.food.name.startswith("Coffee")
    assert coffee.nutrients["caffeine_mg"]
    assert dairy.food.name.lower().startswith(milk.lower().split()[0])
    assert not re.search(r"\bcow|dairy\b", dairy.food.name.lower())
    assert kind in coffee.grams.basis
    assert coffee.grams.estimate
    assert dairy.grams.estimate
    spec = dishes.table().drinks[kind]
    total = coffee.grams.grams + dairy.grams.grams
    assert total == pytest.approx(float(str(spec["ml"])), rel=0.2)


def test_a_plain_latte_is_one_food() -> None:
    assert resolve_line("latte").items[0].food.name.startswith("Coffee, Latte")


# Food-aware measures.


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("a glass of wine", 140, 160),
        ("a glass of milk", 245, 265),
        ("a glass of orange juice", 145, 165),
        ("a shot of espresso", 28, 32),
        ("a mug of tea", 290, 310),
        ("a bowl of cornflakes", 38, 42),
        ("a block of tofu", 280, 500),  # retail blocks 280-454 g; SR28's firm tofu's is 324 g
        ("a tin of baked beans", 395, 430),
    ],
)
def test_informal_measures_depend_on_the_food(text: str, low: float, high: float) -> None:
    item = resolve(text)
    assert low <= item.grams.grams <= high, (item.food.name, item.grams.basis)
    assert item.grams.estimate or "block" in text  # tofu's own USDA block is a measure


def test_a_pint_is_imperial_in_a_british_diary_and_us_in_an_american_one() -> None:
    uk = resolve("a pint of milk", region="uk").grams.grams
    us = resolve("a pint of milk", region="us").grams.grams
    plain = resolve("a pint of milk").grams.grams
    assert uk / us == pytest.approx(568.26 / 473.18, rel=1e-3)
    assert plain == pytest.approx(us)


@pytest.mark.parametrize(
    "text", ["calf cramp at 2am", "no cramps!", "eyelid twitching again", "slept better",
             "legs cramping in the night again", "bloated & headache", "feel bloated",
             "feeling a bit sick today", "fasting, headache by 3pm"],
)  # fmt: skip
def test_how_the_body_felt_is_never_a_food(text: str) -> None:
    # "cramp" is a letter from "cream": the misspelt-word search must never get the line
    with pytest.raises(NeedsDetailError, match="felt"):
        resolve_line(text)


def test_what_was_done_with_a_food_is_not_its_name() -> None:
    assert resolve("ate 2 eggs").grams.grams == pytest.approx(2 * resolve("1 egg").grams.grams)
    items = resolve_line("cramps in both legs, drank tonic water").items
    assert [i.food.name for i in items] == ["Water, tonic"]
    # "had 2", "i had 3 pieces": the amount of a food named before, so the verb stays
    assert dishes.without_doing("had 2") == "had 2"
    assert dishes.without_doing("i had 3 pieces & fries") == "i had 3 pieces & fries"
    assert dishes.without_doing("had a scone & tea") == "a scone & tea"


def test_drinks_people_name_their_own_way() -> None:
    assert resolve("glass of seltzer").food.name == "Water, carbonated, plain"
    assert resolve("hard seltzer").food.name == "Hard seltzer"
    creamer = resolve_line("Community coffee w CoffeeMate x2 cups").items[-1]
    assert creamer.food.name == "Coffee creamer, liquid"
    # the motorway's services are where the latte was bought, not a food
    latte = resolve_line("costa latte from the services", region="uk").items
    assert [i.food.name for i in latte] == ["Coffee, Latte"]


@pytest.mark.parametrize(
    ("text", "name"),
    [("shai w sugar", "Tea, hot, leaf, black"), ("shaah", "Tea, hot, with milk"),
     ("cup of chah", "Tea, hot, with milk"), ("cafecito", "Coffee, Cuban")],
)  # fmt: skip
def test_tea_and_coffee_in_the_languages_of_a_diary(text: str, name: str) -> None:
    assert resolve_line(text, region="uk").items[0].food.name == name


def test_a_cuban_coffee_is_a_shot() -> None:
    assert resolve("cafecito").grams.grams < 100  # a small cup, not FNDDS's 372 g mug
    assert resolve("2 cafecitos").grams.grams == pytest.approx(2 * resolve("cafecito").grams.grams)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("plaice & chips", ["Fish, flounder, fried", "Potato, french fries, NFS"]),
        ("hake", ["Fish, pollock, Atlantic, cooked, dry heat"]),  # was a vanilla shake
        # USDA has no cheese and pickle sandwich: its fillings in two slices of bread
        ("cheese & pickle sarnie", ["Cheese, Cheddar", "Pickle relish, sweet", "Bread, white"]),
        ("chip butty", ["Potato, french fries, NFS", "Bread, white", "Butter, NFS"]),
        ("2 pints Doom Bar at the Star", ["Beer"]),  # an ale, at a pub
        ("flask of tea on the boat, 3 sugars", ["Tea, hot, leaf, black", "Sugar, NFS"]),
    ],
)
def test_british_foods_drinks_and_places(text: str, names: list[str]) -> None:
    assert [i.food.name for i in resolve_line(text, region="uk").items] == names


def test_what_a_line_says_of_its_food_is_not_a_food() -> None:
    # whose it was, in an aside; what was left of it; how it was served
    jambalaya = resolve_line("jambalaya (my uncle's, pork)").items
    assert "UNCLE SAM" not in " ".join(i.food.name for i in jambalaya)
    pastrami = [i.food.name for i in resolve_line("rest of the pastrami sandwich").items]
    assert pastrami == ["Pastrami, NFS", "Bread, white"]  # no USDA pastrami sandwich
    salad = resolve_line("chef salad, thousand island on the side").items
    assert salad[-1].food.name == "Thousand Island dressing"
    grill = [i.food.name for i in resolve_line("mixed grill", region="uk").items]
    assert grill == ["Lamb, chop", "Chicken breast, grilled without sauce, skin not eaten",
                     "Lamb, ground"]  # fmt: skip


def test_veggies_are_vegetables_cooked_as_said() -> None:
    assert resolve("veggies").food.name == "Classic mixed vegetables, NS as to form, cooked"
    assert "oil" in resolve("roast veggies").food.name
    assert resolve("steamed veggies").food.name.startswith(
        "Classic mixed vegetables"
    )  # not oysters
    # a dish FNDDS names with its vegetables stays that dish
    assert resolve_line("pasta with vegetables").items[0].food.name.startswith("Pasta with veg")
    assert (
        resolve("a wee glass of wine", region="uk").grams.grams
        < resolve("a glass of wine", region="uk").grams.grams
    )


def test_a_chains_item_usda_does_not_list_is_its_generic_food() -> None:
    tacos = resolve("taco bell crunchy tacos")
    assert (tacos.food.name, tacos.how, tacos.uncertain) == ("Taco, NFS", "approximation", True)
    latte = resolve("oat milk latte dutch bros")  # a coffee chain brands.toml names
    assert (latte.food.name, latte.how) == ("Coffee, Latte, with non-dairy milk", "approximation")
    # a maker's name says which product: kept ("walkers prawn cocktail" is no shrimp cocktail)
    assert dishes.without_chain("walkers prawn cocktail") is None
    assert dishes.without_chain("nutella sandwich on white bread") is None
    with pytest.raises(UnknownFoodError):
        resolve("popeyes 3pc spicy")  # "spicy" alone is no food to stand in


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("pancakes & syrup", ["Pancakes, NFS", "Pancake syrup"]),  # was the syrup alone
        ("strawberries and milk", ["Strawberries, raw", "Milk, NFS"]),  # not strawberry milk
    ],
)
def test_a_food_named_by_another_is_not_both(text: str, names: list[str]) -> None:
    assert [i.food.name for i in resolve_line(text).items] == names


def test_a_count_after_the_last_food_counts_it_not_the_drink_before() -> None:
    tea, pakora = resolve_line("chah & pakore x4", region="uk").items
    assert tea.grams.grams < 400  # one cup, not four
    assert pakora.grams.grams == pytest.approx(4 * resolve("1 pakora").grams.grams)
    # a measure after a drink is the drink's; a count after two foods is both foods'
    assert resolve_line("coffee w/ creamer 20oz").items[0].grams.grams > 500
    toast = resolve_line("toast & nutella x2", region="uk").items[0]
    once = resolve_line("toast & nutella", region="uk").items[0]
    assert toast.grams.grams == pytest.approx(2 * once.grams.grams)  # two British slices
    # a regional word keeps an amount written after it: "biscuits x2" are cookies
    assert resolve_line("tea & biscuits x2", region="uk").items[1].food.name == "Cookie, NFS"


def test_what_a_food_is_sold_in_is_its_amount_not_a_food() -> None:
    # "2 packets" had been a sweetener's packets, "2 cans" a cheese spread's can
    assert [i.food.name for i in resolve_line("crisps, 2 packets", region="uk").items] == [
        "Potato chips, NFS"
    ]
    assert resolve_line("coke, 2 cans").items[0].grams.grams > 600
    with pytest.raises(InputError, match="amount but no food"):
        resolve_line("2 cans")
    # a British tin of rice pudding is the 400 g family tin, an American can 15 oz
    assert resolve("Rice pudding (half a tin)", region="uk").grams.grams == pytest.approx(200)
    assert resolve("a can of rice pudding", region="us").grams.grams == pytest.approx(425)


def test_small_informal_measures_are_small_and_no_food() -> None:
    # "a sliver" had been read as a misspelt "liver"
    assert [i.food.name for i in resolve_line("coffee cake, a sliver").items] == [
        "Coffee cake, yeast type"
    ]
    assert resolve("a sliver of pie").grams.grams == pytest.approx(30.0)
    assert resolve("a smidge of butter").food.name == "Butter, NFS"
    sugar = resolve_line("beignets x3 w powdered sugar").items[-1]
    assert sugar.food.name == "Sugars, powdered"
    assert sugar.grams.grams < 15  # a dusting, not USDA's first portion, a cup (120 g)


def test_a_gallon_is_the_regions_and_may_follow_the_food() -> None:
    us = resolve("water 3/4 gallon", region="us")
    uk = resolve("half a gallon of milk", region="uk")
    assert 2700 < us.grams.grams < 3000  # three quarters of 3.785 l
    assert 2200 < uk.grams.grams < 2500  # half an imperial 4.546 l
    # "total": the day's water added up, not a food called "water total"
    assert resolve("water 1 gallon total", region="us").food.name == "Water, NFS"
    assert resolve("3 coffees in total").grams.grams > 700


def test_ounces_of_a_drink_are_fluid_ounces_by_region() -> None:
    us = resolve("10 oz milk", region="us")
    uk = resolve("10 oz milk", region="uk")
    assert "fl oz" in us.grams.basis
    assert uk.grams.grams / us.grams.grams == pytest.approx(28.41 / 29.57, rel=1e-3)
    assert resolve("10 oz chicken breast").grams.grams == pytest.approx(283.5, rel=1e-3)


def test_a_regional_tin_is_used_in_a_regional_diary() -> None:
    assert resolve("a tin of baked beans", region="uk").grams.grams == pytest.approx(400)
    assert resolve("a tin of baked beans", region="us").grams.grams == pytest.approx(425)


def test_an_unknown_region_is_refused() -> None:
    with pytest.raises(InputError, match="region"):
        resolve("a pint of milk", region="mars")


# Properties.

_WORDS = st.sampled_from(
    ["toast", "butter", "eggs", "bacon", "tea", "milk", "rice", "beans", "2", "slices", "of",
     "a", "bowl", "granola", "soy", "yogurt", "chips", "bun", "1,5", "kg", "oat"]
)  # fmt: skip
_JOINS = st.sampled_from([" with ", " and ", ", ", " & ", " w/", " on ", " in a ", " + ", " "])
_LINES = st.lists(st.tuples(_WORDS, _JOINS), min_size=1, max_size=5).map(
    lambda pairs: "".join(w + j for w, j in pairs).strip()
)


@settings(max_examples=200, deadline=None)
@given(text=st.one_of(_LINES, st.text(max_size=60)))
def test_splitting_never_loses_or_invents_text(text: str) -> None:
    pieces = dishes.split(text)
    assert "".join(pieces) == text
    assert len(pieces) % 2 == 1
    if len(pieces) > 1:
        assert all(any(c.isalnum() for c in part) for part in pieces[0::2])


@settings(max_examples=60, deadline=None)
@given(text=_LINES)
def test_a_line_resolves_to_items_sharing_its_input_or_a_documented_error(text: str) -> None:
    try:
        line = resolve_line(text)
    except InputError:
        return  # every refusal is documented: an InputError naming what would do
    assert line.items
    assert {item.input for item in line.items} == {line.input}
    assert all(item.how in ("matched", "dish", "split", "approximation") for item in line.items)
    if len(line.items) > 1:
        assert all(item.how == "split" for item in line.items)
    elif line.items[0].left_out:  # one food counted, the others matched none: still a part
        assert line.items[0].how == "split"
    else:
        assert line.items[0].how in ("matched", "dish", "approximation")


def test_regional_words_apply_to_a_whole_food_only() -> None:
    from twitchcheck.foods.phrases import resolve_line

    def names(text: str, region: str | None) -> list[str]:
        return [item.food.name for item in resolve_line(text, region).items]

    assert "french fries" in names("chips and curry sauce", "uk")[0].lower()
    assert "potato chips" in names("chips", "us")[0].lower()
    assert names("beans on toast", "uk")[0] == "Baked beans"
    assert "green beans" in names("green beans", "uk")[0].lower()  # not 'green baked beans'
    assert "potato chips" in names("potato chips", "uk")[0].lower()
    assert "cookie" in names("2 biscuits", "uk")[0].lower()


def test_a_dish_that_cannot_take_the_amount_written_is_split_instead() -> None:
    from twitchcheck.foods.phrases import resolve_line

    items = resolve_line("2 pancakes with syrup", "us").items
    assert len(items) == 2
    assert "pancake" in items[0].food.name.lower()
    assert "syrup" in items[1].food.name.lower()


# Additions: a later part with no amount is what it adds to the first, not a full serving.


@pytest.mark.parametrize(
    ("text", "start", "low", "high"),
    [
        ("coffee with soy milk", "Soy milk", 30, 60),  # a splash, 3 tbsp
        ("decaf coffee with creamer", "Coffee creamer", 10, 20),  # RACC 1 tbsp
        ("tea with sugar", "Sugar", 3, 6),  # 1 tsp = 4 g (NHS)
        ("bagel with cream cheese", "Cheese, cream", 25, 35),  # RACC 2 tbsp
        ("toast with peanut butter", "Peanut butter", 28, 36),  # RACC 2 tbsp
        ("waffles with syrup", "Pancake syrup", 30, 45),  # RACC 2 tbsp; syrup on waffles
        ("yogurt with granola", "Cereal, granola", 25, 50),  # a topping, 1/3 cup
        ("fries with ketchup", "Ketchup", 10, 20),  # RACC major condiment 1 tbsp
        ("pork chop with gravy", "Gravy", 50, 70),  # RACC gravy 1/4 cup
        ("salad with ranch", "Ranch", 25, 35),  # RACC salad dressing 2 tbsp
    ],
)
def test_an_added_part_takes_the_usual_amount_of_its_kind(
    text: str, start: str, low: float, high: float
) -> None:
    added = resolve_line(text).items[-1]
    assert added.food.name.lower().startswith(start.lower()), added.food.name
    assert low <= added.grams.grams <= high, added.grams.basis
    assert added.grams.estimate
    assert "usual amount" in added.note


def test_an_added_part_with_its_own_amount_keeps_it() -> None:
    added = resolve_line("coffee with 1 cup milk").items[-1]
    assert added.grams.grams == pytest.approx(244, rel=0.05)


def test_a_bare_count_of_sugars_is_teaspoons() -> None:
    sugar = resolve_line("tea with 2 sugars").items[-1]
    assert sugar.food.name.startswith("Sugar")
    assert 7 <= sugar.grams.grams <= 10


def test_milk_that_is_not_added_to_a_hot_drink_keeps_its_own_portion() -> None:
    milk = resolve_line("cereal with milk").items[-1]
    assert milk.grams.grams == pytest.approx(125 * 1.03, rel=0.02)  # on cereal: the packs' 125 ml
    assert resolve_line("sandwich with milk").items[-1].grams.grams > 200  # a glass of it


@pytest.mark.parametrize(
    ("line", "milk"),
    [("bowl of cornflakes", "Milk"), ("bowl of coco pops", "Milk"),
     ("bowl of cheerios with oat milk", "Oat milk"), ("bowl of granola with yoghurt", None),
     ("bowl of cereal, no milk", None), ("cornflakes", None), ("bowl of porridge", None)],
)  # fmt: skip
def test_a_bowl_of_cereal_naming_no_milk_is_eaten_with_milk(line: str, milk: str | None) -> None:
    items = resolve_line(line, region="uk").items
    poured = [i for i in items if i.food.name.startswith(("Milk", "Oat milk"))]
    if milk is None:
        assert not poured
        return
    assert len(poured) == 1
    assert poured[0].food.name.startswith(milk)
    assert poured[0].grams.estimate
    assert 110 < poured[0].grams.grams < 140


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("soya milk", "milk in a hot drink"),
        ("a splash of oat milk", "milk in a hot drink"),
        ("2 sugars", "sugar or sweetener"),
    ],
)
def test_the_kind_of_an_addition_depends_on_what_it_is_added_to(text: str, rule: str) -> None:
    found = dishes.addition("mug of tea", text)
    assert found is not None
    assert found.kind == rule
    on_cereal = dishes.addition("bowl of cereal", "soya milk")
    assert on_cereal is not None
    assert on_cereal.kind == "milk on breakfast cereal"  # the packs' 125 ml, not a splash
    assert dishes.addition("plate of chips", "soya milk") is None


# Hot drinks with their additions written without joins.


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("tea milk 2 sugars", "tea with milk and 2 sugars"),
        ("tea w soya milk", "tea with soya milk"),
        ("coffee black no sugar", "coffee"),
        ("coffee, milk, no sugar", "coffee with milk"),
        ("tea semi-skimmed milk one sugar", "tea with semi-skimmed milk and one sugar"),
        ("tea", "tea"),
        ("tea cake", "tea cake"),
        ("coffee walnut cake", "coffee walnut cake"),
        ("tea milk 2", "tea milk 2"),
    ],
)
def test_a_hot_drinks_additions_are_read_without_joins(text: str, read: str) -> None:
    assert dishes.hot_drink(text) == read


def test_tea_milk_two_sugars_is_tea_a_splash_of_milk_and_two_teaspoons_of_sugar() -> None:
    tea, milk, sugar = resolve_line("cup of tea milk 2 sugars", region="uk").items
    assert tea.food.name.startswith("Tea")
    assert tea.grams.grams == pytest.approx(240, rel=0.05)
    assert milk.food.name.startswith("Milk")
    assert 30 <= milk.grams.grams <= 60
    assert sugar.food.name.startswith("Sugar")
    assert 7 <= sugar.grams.grams <= 10


def test_decaf_alone_is_decaffeinated_coffee() -> None:
    assert resolve_line("decaf").items[0].food.name.startswith("Coffee")


# Context: where, when and why a food was eaten are not the food.


@pytest.mark.parametrize(
    ("text", "food"),
    [
        ("2 biscuits at church", "2 biscuits"),
        ("burger at a barbecue", "burger"),
        ("hot chocolate before bed", "hot chocolate"),
        ("crisps from the corner shop", "crisps"),
        ("roast dinner at my mum's house", "roast dinner"),
        ("leftover lasagne", "lasagne"),
        ("post-workout banana", "banana"),
        ("soup for lunch", "soup"),
        ("latte from costa", "costa latte"),  # a chain's name is kept for brands.toml
        ("ham sandwich wife packed", "ham sandwich"),  # who made or brought it
        ("curry my mum sent", "curry"),
        ("wife made chili & cornbread", "chili & cornbread"),
        ("made chili", "made chili"),  # nobody named: the words stay for the search
        ("cake i baked", "cake i baked"),
        # not context: a preposition before a food word, or before no place or time
        ("chicken in gravy", "chicken in gravy"),
        ("cake for two", "cake for two"),
        ("fish with chips", "fish with chips"),
    ],
)
def test_context_words_are_dropped_from_the_food(text: str, food: str) -> None:
    assert dishes.without_context(text) == food


def test_a_food_with_context_is_that_food() -> None:
    plain = resolve_line("2 oatcakes").items[0]
    there = resolve_line("2 oatcakes at church").items[0]
    assert there.food.id == plain.food.id
    assert there.grams.grams == plain.grams.grams
    assert there.input == "2 oatcakes at church"


def test_leftovers_alone_still_need_detail() -> None:
    with pytest.raises(NeedsDetailError):
        resolve_line("leftovers from dinner")


@given(st.sampled_from(["at church", "before bed", "from the chippy", "at my mum's", "for tea"]))
@settings(max_examples=20, deadline=None)
def test_context_after_any_food_leaves_the_food(context: str) -> None:
    for food in ("banana", "2 slices of toast", "cheese sandwich"):
        assert dishes.without_context(f"{food} {context}") == food


# Parts listed in parentheses or after a dash.


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("roast dinner (beef, potatoes, gravy)", "beef, potatoes, gravy"),
        ("shake (2 scoops whey + milk)", "2 scoops whey + milk"),
        ("lunch box - ham sandwich, apple, crisps", "ham sandwich, apple, crisps"),
        # one listed food qualifies the food before it, its amount in front
        ("soup (tomato)", "tomato soup"),
        ("canned soup (chicken noodle)", "canned chicken noodle soup"),
        ("pizza - 2 slices margherita", "2 slices margherita pizza"),
        # an amount or a mark in brackets is not a food
        ("eggs (2)", "eggs (2)"),
        ("milk - 2%", "milk - 2%"),
        ("semi-skimmed milk", "semi-skimmed milk"),
    ],
)
def test_listed_parts_are_the_lines_foods(text: str, read: str) -> None:
    assert dishes.listed(text) == read


def test_a_line_that_lists_its_foods_counts_each() -> None:
    line = resolve_line("packed lunch (cheese sandwich, apple, orange juice)")
    assert len(line.items) == 3
    assert line.items[1].food.name.startswith("Apple")
    assert {i.input for i in line.items} == {"packed lunch (cheese sandwich, apple, orange juice)"}


def test_a_listed_part_of_a_known_dish_is_read_as_that_dishs_part() -> None:
    dish = dishes.listed_dish("roast dinner at my mum's (chicken, gravy)")
    assert dish is not None
    assert dishes.guided("chicken", dish) == "roast chicken"
    assert dishes.guided("rice", dish) == "rice"
    assert dishes.listed_dish("lunch (chicken, gravy)") is None


# Dishes with no single USDA food, and other names for FNDDS dishes.


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("pb&j", "Peanut butter and jelly sandwich"),
        ("PB & J", "Peanut butter and jelly sandwich"),
        ("doner kebab", "Gyro"),
        ("post workout shake", "Nutritional drink or shake, high protein"),
        ("casein shake before bed", "Nutritional drink or shake, high protein"),
    ],
)
def test_a_dish_known_by_another_name_is_that_fndds_dish(text: str, starts: str) -> None:
    assert resolve_line(text).items[0].food.name.startswith(starts)


def test_two_of_a_dish_known_by_another_name_is_twice_its_portion() -> None:
    one = resolve_line("pbj").items[0].grams.grams
    assert resolve_line("2 pbjs").items[0].grams.grams == pytest.approx(2 * one)


def test_a_dish_usda_does_not_have_is_its_usual_parts() -> None:
    line = resolve_line("fry-up")
    names = " ".join(i.food.name for i in line.items).lower()
    for part in ("egg", "bacon", "sausage", "beans", "bread"):
        assert part in names
    assert all(i.how == "split" and i.grams.estimate for i in line.items)
    assert all("full english" in i.note for i in line.items)
    double = resolve_line("2 full english breakfasts")
    assert sum(i.grams.grams for i in double.items) == pytest.approx(
        2 * sum(i.grams.grams for i in line.items)
    )


def test_the_food_named_before_a_dish_replaces_its_main_part() -> None:
    names = [i.food.name for i in resolve_line("tuna poke bowl").items]
    assert any(n.startswith("Fish, tuna") for n in names)
    salmon = [i.food.name for i in resolve_line("salmon poke bowl").items]
    assert any("salmon" in n.lower() for n in salmon)
    assert not any("tuna" in n.lower() for n in salmon)


def test_a_dish_name_with_words_it_has_no_place_for_is_not_the_dish() -> None:
    assert dishes.recipe("vegan full english") is None
    assert dishes.recipe("stir fry") is None  # a bare stir fry is searched as it is
    found = dishes.recipe("tofu stir fry")
    assert found is not None
    assert found.alias_for().startswith("tofu and vegetables")


def test_a_bacon_butty_is_bacon_in_bread() -> None:
    names = " ".join(i.food.name for i in resolve_line("bacon sarnie").items).lower()
    assert "bacon" in names
    assert "bread" in names


@pytest.mark.parametrize("line", ["avocado toast", "smashed avo on sourdough", "avo toast"])
def test_avocado_toast_is_toast_and_avocado(line: str) -> None:
    """Had been the toast alone: the avocado, half a fruit, was lost."""
    toast, avocado = resolve_line(line, region="us").items
    assert toast.food.name.startswith("Bread")
    assert "toasted" in toast.food.name
    assert avocado.food.name.startswith("Avocado")
    assert 50 <= avocado.grams.grams <= 100


def test_eggs_on_avocado_toast_are_a_part_of_their_own() -> None:
    names = [i.food.name for i in resolve_line("avocado toast w/ 2 poached eggs").items]
    assert any(n.startswith("Avocado") for n in names)
    assert any(n.startswith("Egg") for n in names)


# A chain's meal, and bundles with nothing listed.


def test_a_fast_food_meal_is_the_item_fries_and_a_drink() -> None:
    item, fries, drink = resolve_line("whopper meal").items
    assert item.food.name.startswith("Whopper")
    assert "french fries" in fries.food.name.lower()
    assert drink.food.name.startswith("Soft drink")
    assert {i.how for i in (item, fries, drink)} == {"approximation"}


def test_meal_after_a_food_that_is_not_fast_food_is_not_a_chains_meal() -> None:
    assert dishes.meal_item("big mac meal") == ("big mac", "meal")
    assert len(resolve_line("oatmeal").items) == 1
    for line in ("bone meal", "corn meal"):
        try:
            items = resolve_line(line).items
        except InputError:
            continue
        assert len(items) == 1


@pytest.mark.parametrize("text", ["meal deal", "tesco meal deal", "boots meal deal", "combo"])
def test_a_bundle_with_nothing_listed_needs_detail(text: str) -> None:
    with pytest.raises(NeedsDetailError):
        resolve_line(text)


def test_a_meal_deal_with_its_foods_listed_counts_them() -> None:
    line = resolve_line("meal deal - cheese sandwich, apple, cola", region="uk")
    assert len(line.items) == 3


# What a combination is served in, and what a dish may not add.


def test_a_combination_served_in_a_bowl_is_a_bowl_of_it() -> None:
    assert dishes.served("chicken and rice bowl") == ("chicken and rice", "bowl")
    assert dishes.served("burrito bowl") == ("burrito bowl", None)
    item = resolve_line("chicken and rice bowl").items[0]
    assert "bowl" in item.grams.basis


def test_a_dish_may_not_add_a_grain_or_sauce_the_line_did_not_name() -> None:
    said = dishes.said_words("spaghetti with meat sauce")
    assert dishes.adds("Pasta, whole grain, with cream sauce and meat, restaurant", said)
    assert not dishes.adds("Pasta with tomato-based sauce and meat, restaurant", said)
    head = resolve_line("spaghetti with meat sauce").items[0].food.name
    assert "whole grain" not in head
    assert "cream sauce" not in head


def test_a_dish_is_named_by_the_lines_first_food() -> None:
    """ "pork chop with gravy" is not a gravy that holds pork: the dish's first segment must
    hold the line's first food."""
    names = [i.food.name for i in resolve_line("pork chop with gravy").items]
    assert len(names) == 2
    assert names[0].startswith("Pork")


# Carriers: breads named by their flour, wraps, and foods already made with bread.


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("cheese and pickle on granary", ("cheese", "pickle", "granary")),
        ("chicken and avocado wrap", ("chicken", "avocado", "wrap")),
        ("falafel wrap", ("falafel wrap",)),  # one food: searched whole
        ("turkey sandwich on rye", ("turkey sandwich on rye",)),  # its own bread
        ("burger in a brioche bun", ("burger in a brioche bun",)),
    ],
)
def test_carriers_split_by_what_they_hold(text: str, parts: tuple[str, ...]) -> None:
    assert dishes.parts(text) == parts


@pytest.mark.parametrize(
    ("part", "join", "read"),
    [
        ("rye", " on ", "2 slices rye bread"),  # a sandwich's two slices
        ("wholemeal", " on ", "2 slices wholemeal bread"),
        ("wrap", " in a ", "flour tortilla"),
        ("wrap", " ", "flour tortilla"),
        ("rye", " and ", "rye"),  # not after "on": left as written
    ],
)
def test_a_carrier_is_read_as_its_bread(part: str, join: str, read: str) -> None:
    assert dishes.carried(part, join) == read


def test_a_wrapped_combination_counts_the_wrap() -> None:
    names = [i.food.name for i in resolve_line("chicken and avocado wrap").items]
    assert len(names) == 3
    assert names[-1].startswith("Tortilla")


@pytest.mark.parametrize("text", ["side salad", "garden salad", "green salad"])
def test_a_side_salad_is_a_lettuce_salad_with_vegetables(text: str) -> None:
    name = resolve_line(text).items[0].food.name
    assert name.startswith("Lettuce, salad with assorted vegetables")


@pytest.mark.parametrize(
    ("part", "region", "read"),
    [
        ("mac and cheese", None, "macaroni and cheese"),
        ("chilli con carne", None, "chili con carne"),
        ("decaf", "us", "coffee decaffeinated"),
        ("bangers", "uk", "pork sausages"),
        ("bangers", "us", "bangers"),  # British only
        ("veg", "uk", "classic mixed vegetables cooked"),
        ("jelly", "uk", "gelatin dessert"),  # British jelly is Jell-O; the spread is jam
        ("jelly", "us", "jelly"),
        ("curd", "uk", "plain yogurt"),  # Indian English dahi, not soybean curd
        ("bean curd", "uk", "bean curd"),
        ("jasmine tea", "us", "green tea"),
    ],
)
def test_other_names_are_read_in_usdas_words(part: str, region: str | None, read: str) -> None:
    assert dishes.regional(part, region) == read


def test_bangers_and_mash_is_sausages_and_mashed_potato() -> None:
    sausage, mash = resolve_line("bangers and mash", region="uk").items
    assert "sausage" in sausage.food.name.lower()
    assert mash.food.name.startswith("Potato, mashed")


# A split part may not add a sauce, grain or drink the line does not name.


@pytest.mark.parametrize(
    ("name", "said", "adds"),
    [
        ("Pasta, whole grain, with cream sauce and meat", {"marinara", "sauce", "meat"}, True),
        ("Chicken, broilers or fryers, meat only, roasted", {"chicken", "roasted"}, False),
        ("Cereal, granola", {"granola"}, False),
        ("Spaghetti sauce with meat", {"marinara", "sauce", "with", "meat"}, False),
    ],
)
def test_a_part_adds_no_sauce_or_grain(name: str, said: set[str], adds: bool) -> None:
    assert dishes.adds(name, said, part=True) is adds


@pytest.mark.parametrize("text", ["spaghetti with meat sauce", "spag bol", "pasta with meat sauce"])
def test_pasta_with_a_meat_sauce_is_fnddss_dish(text: str) -> None:
    (item,) = resolve_line(text).items
    assert item.food.name.startswith("Pasta with tomato-based sauce and meat")


def test_a_meat_sauce_part_is_never_a_pasta_dish_silently() -> None:
    items = resolve_line("rice with meat sauce").items
    assert all(not i.food.name.startswith("Pasta") or i.uncertain for i in items[1:])


# Chicken named loosely is FNDDS's own food for it.


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("chicken", r"^Chicken, NS as to part and cooking method"),
        ("grilled chicken", r"^Chicken, NS as to part, grilled without sauce"),
        ("a chicken breast", r"^Chicken breast, baked, broiled, or roasted, skin not eaten"),
    ],
)
def test_loosely_named_chicken_is_fnddss_not_specified_food(text: str, name: str) -> None:
    assert re.search(name, resolve(text).food.name)


@pytest.mark.parametrize(
    ("text", "name", "low", "high"),
    [
        ("roast chicken", r"^Chicken, NS as to part, baked, broiled, or roasted", 60, 150),
        ("protein powder", r"^Nutritional powder mix, protein, NFS$", 20, 40),
    ],
)
def test_a_food_named_with_no_kind_is_fnddss_not_specified_code(
    text: str, name: str, low: float, high: float
) -> None:
    """Roast chicken with no part, protein powder with no kind: FNDDS's own NS/NFS food and
    its portion, not SR28's skinless broiler meat or the 45 g scoop of soy powder."""
    item = resolve(text, region="uk")
    assert re.search(name, item.food.name)
    assert low <= item.grams.grams <= high


def test_chicken_in_a_combination_is_not_stewed_and_keeps_its_portion() -> None:
    items = resolve_line("noodles with grilled chicken").items
    assert "grilled without sauce" in items[1].food.name
    assert items[1].grams.grams >= 60  # a portion of chicken, not 1/4 cup of "sauce"


def test_an_addition_is_not_read_from_what_a_name_says_is_not_in_it() -> None:
    assert dishes.addition("rice", "chicken", "Chicken, grilled without sauce") is None
    assert dishes.addition("rice", "chicken", "Chicken, grilled with sauce") is not None


# Dishes with the meat named before them, and dishes USDA has under another name.


@pytest.mark.parametrize("meat", ["chicken", "lamb"])
def test_a_kebab_named_by_its_meat_is_the_meat_in_pitta_with_salad(meat: str) -> None:
    items = resolve_line(f"{meat} kebab").items
    assert meat in items[0].food.name.lower()
    assert any(i.food.name.startswith("Bread, pita") for i in items)


def test_a_bare_kebab_is_not_guessed_as_a_meat() -> None:
    assert dishes.recipe("kebab") is None


def test_a_recipe_that_is_one_part_of_a_line_gives_its_parts() -> None:
    items = resolve_line("chips and a chicken kebab", "uk").items
    assert items[0].food.name.startswith("Potato, french fries")
    assert any(i.food.name.startswith("Bread, pita") for i in items)


def test_a_nut_roast_is_the_vegetarian_loaf() -> None:
    (item,) = resolve_line("nut roast").items
    assert item.food.name == "Vegetarian meatloaf or patties"
    assert 80 <= item.grams.grams <= 150


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("ham & cheese sandwich", ("ham & cheese sandwich",)),
        ("egg and cress sandwich", ("egg and cress sandwich",)),
        ("coffee and a bacon roll", ("coffee", "a bacon roll")),
        ("soup and sandwich", ("soup", "sandwich")),
    ],
)
def test_a_second_filling_of_a_sandwich_is_not_a_food_of_its_own(
    text: str, parts: tuple[str, ...]
) -> None:
    assert dishes.parts(text) == parts


# British and South Asian home dishes in USDA's words (dishes.toml [recipes], [regional]).


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("dal with rice", "Lentil curry with rice"),  # dal chawal / dal bhat
        ("dhal rice", "Lentil curry with rice"),
        ("rajma rice", "Kidney beans and white rice"),
        ("khichri", "Rice, white, with lentils"),
        ("aloo matar", "Vegetable curry"),  # potato and peas cooked with spices
        ("cabbage sabzi", "Vegetable curry"),  # a vegetable named before the dish
        ("baked pasta", "Pasta with tomato-based sauce and cheese"),
        ("toasted cheese sandwich", "Grilled cheese sandwich"),
    ],
)
def test_home_dishes_are_one_fndds_dish(text: str, name: str) -> None:
    line = resolve_line(text, region="uk")
    assert len(line.items) == 1
    assert line.items[0].food.name.startswith(name)


def test_a_dishs_usda_name_is_never_split_at_its_own_joins() -> None:
    """The alias "pasta with tomato-based sauce and cheese" is one FNDDS dish, not pasta and
    a cheese."""
    (item,) = resolve_line("pasta bake").items
    assert item.food.name == "Pasta with tomato-based sauce and cheese"


def test_butter_coffee_is_coffee_butter_and_an_mct_oil_stand_in() -> None:
    names = [i.food.name for i in resolve_line("butter coffee").items]
    assert names == ["Coffee, brewed", "Butter, NFS", "Coconut oil"]


@pytest.mark.parametrize(
    ("text", "region", "start"),
    [
        ("blackcurrant squash", "uk", "Fruit flavored drink"),  # the British cordial
        ("1 glass of sugar free squash", "uk", "Fruit flavored drink, diet"),
        ("butternut squash", "uk", "Squash"),  # the vegetable, named so
        ("squash", "us", "Squash"),  # American: the vegetable
        ("cheese", "uk", "Cheese, Cheddar"),
        ("masala chai", None, "Tea, hot, with milk"),  # FNDDS's own description
    ],
)
def test_regional_words(text: str, region: str | None, start: str) -> None:
    assert resolve_line(text, region=region).items[0].food.name.startswith(start)


def test_a_vegetable_side_is_one_nhs_portion() -> None:
    """A side of vegetables with no amount is the NHS 80 g portion, an estimate; a vegetable
    dish named after a main ("with vegetable curry") is not a side."""
    side = resolve_line("sausages with carrots", region="uk").items[-1]
    assert side.grams.grams == pytest.approx(80.0)
    assert side.grams.estimate
    main = resolve_line("chapati with vegetable curry").items[-1]
    assert main.food.name == "Vegetable curry"
    assert main.grams.grams > 80.0


@pytest.mark.parametrize("text", ["crisps at half time", "banana at the match"])
def test_sport_times_are_context(text: str) -> None:
    assert " at " not in dishes.without_context(text)


@pytest.mark.parametrize(("meat", "deli"), [("ham", "Ham"), ("turkey", "Turkey")])
def test_fillings_on_a_named_bread_are_a_deli_sandwich(meat: str, deli: str) -> None:
    """ "X and cheese on rye" is a sandwich: the meat its sliced deli meat, the bread its two
    slices (Oxford: "two slices of bread with a filling between them")."""
    items = resolve_line(f"{meat} and cheddar on wholemeal", region="us").items
    assert items[0].food.name.startswith(f"{deli}, prepackaged or deli, luncheon meat")
    assert items[-1].food.name.startswith("Bread")
    single = resolve_line("1 slice of wholemeal bread").items[0].grams.grams
    assert items[-1].grams.grams == pytest.approx(2 * single)


def test_a_meat_not_in_a_sandwich_is_not_deli_meat() -> None:
    assert dishes.filling("ham", ("ham", " with ", "eggs")) == "ham"
    assert dishes.filling("ham", ("ham", " on ", "toast")) == "ham"  # toast: not a sandwich


def test_a_listed_plate_is_never_merged_into_one_dish() -> None:
    """Foods listed with commas are each their own food; "with"/"and" may still be a dish."""
    listed = resolve_line("roast chicken, roast potatoes, gravy", region="uk").items
    assert len(listed) == 3
    assert dishes.listed_apart((", ",))
    assert not dishes.listed_apart((" with ", " and "))


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("after school 2 biscuits", "2 biscuits"),  # a preposition and a place or time
        ("at the office: sandwich and crisps", "sandwich and crisps"),
        ("before training banana", "banana"),
        ("quick lunch, soup and bread", "soup and bread"),  # words that name no food
        ("late snack: toast", "toast"),
        ("after eight mints", "after eight mints"),  # "eight" is no place or time
        ("chicken, rice", "chicken, rice"),
    ],
)
def test_a_leading_occasion_is_not_the_food(text: str, plain: str) -> None:
    assert dishes.without_context(text) == plain


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("work lunch - jacket potato", "jacket potato"),  # the head says where or when
        ("party food - sausage rolls", "sausage rolls"),
        ("soup (tomato)", "tomato soup"),  # a food head is still qualified
    ],
)
def test_a_listing_after_an_occasion_is_the_food(text: str, read: str) -> None:
    assert dishes.listed(text) == read


def test_the_first_foods_amount_may_follow_it() -> None:
    """ "porridge 1 cup with honey": the cup is the porridge's, written after it."""
    first = resolve_line("porridge 1 cup with honey", region="uk").items[0]
    assert first.food.name.startswith("Oatmeal")
    assert first.grams.grams == pytest.approx(resolve_line("1 cup porridge").items[0].grams.grams)


@pytest.mark.parametrize("text", ["cauliflower rice", "riced cauliflower"])
def test_cauliflower_rice_is_cauliflower(text: str) -> None:
    assert resolve_line(text).items[0].food.name.startswith("Cauliflower")


def test_a_size_after_a_comma_is_the_size_of_the_food_before_it() -> None:
    assert dishes.parts("chili, small") == ("chili, small",)
    assert dishes.parts("fries, large, coke") == ("fries, large", "coke")


def test_a_head_that_names_no_food_keeps_the_line_needing_detail() -> None:
    with pytest.raises(NeedsDetailError):
        resolve_line("skipped lunch - dentist")


def test_yogurt_with_a_savoury_dish_is_plain_and_a_side() -> None:
    side = resolve_line("dal with yoghurt", region="uk").items[-1]
    assert "plain" in side.food.name
    assert side.grams.estimate
    # with granola it is what the bowl is of: not this rule
    assert dishes.addition("granola", "yogurt") is None


@pytest.mark.parametrize("text", ["hot dog", "a hot dog and a coke"])
def test_a_hot_dog_is_in_its_bun(text: str) -> None:
    assert resolve_line(text).items[0].food.name.startswith("Hot dog sandwich")


def test_a_recipe_name_at_the_end_of_a_list_is_one_of_its_foods() -> None:
    """ "dal, rice, okra sabzi": three foods, not one dish named by all the words."""
    assert dishes.recipe("dal, rice, okra sabzi") is None
    assert dishes.recipe("okra sabzi") is not None
    assert len(resolve_line("dal, rice, okra sabzi", region="uk").items) == 3


@pytest.mark.parametrize(
    ("text", "name"),
    [("pork noodle stir fry", "Lo mein, with pork"), ("stir fry with noodles", "Lo mein, NFS")],
)
def test_a_stir_fry_with_noodles_is_lo_mein(text: str, name: str) -> None:
    assert resolve_line(text).items[0].food.name == name


def test_a_lettuce_wrap_is_lettuce_not_bread() -> None:
    items = resolve_line("chicken salad in lettuce wraps").items
    assert items[-1].food.name.startswith("Lettuce")
    assert not any("Tortilla" in i.food.name for i in items)


@pytest.mark.parametrize(
    ("text", "grams"),
    [
        ("a handful of almonds (1 oz)", 28.35),  # the measured amount wins over the handful
        ("chicken breast (about 150 g)", 150.0),
        ("2 slices toast (60g)", 60.0),
    ],
)
def test_an_amount_in_parentheses_is_the_measured_one(text: str, grams: float) -> None:
    (item,) = resolve_line(text).items
    assert item.grams.grams == pytest.approx(grams, rel=0.01)


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("dining hall dinner: chicken tenders & fries", "Chicken tenders"),  # an occasion
        ("Pizza night! 2 slices cheese pizza", "Pizza, cheese"),  # a night, not a pizza
        ("craving hit - 2 scoops vanilla ice cream", "Ice cream"),  # no food word at all
        ("taco bell: 2 bean burritos", "TACO BELL"),  # a chain: its own food
    ],
)
def test_an_opening_that_names_no_food_is_context(text: str, first: str) -> None:
    assert resolve_line(text, region="us").items[0].food.name.startswith(first)


def test_unqualified_fries_are_french_fries_and_named_fries_keep_their_name() -> None:
    names = {t: resolve_line(t, region="us").items[0].food.name for t in
             ("fries", "home fries", "sweet potato fries", "mac and cheese")}  # fmt: skip
    assert names["fries"].startswith("Potato, french fries")
    assert names["home fries"].startswith("Potato, home fries")
    assert names["sweet potato fries"].startswith("Sweet potato fries")
    assert names["mac and cheese"].startswith("Macaroni or noodles with cheese")


@pytest.mark.parametrize(
    ("text", "first", "count"),
    [
        ("cookie from the dining hall", "Cookie", 1),  # where, after the food
        ("gatorade 20oz post-run", "Sports drink", 1),  # "post-run": post + run
        ("chocolate milk 16oz after", "Chocolate milk", 1),  # a bare "after"
        ("pizza w/ friends", "Pizza", 1),  # who with
        ("late lunch burrito from taco bell", "TACO BELL", 1),  # a meal said how, a chain
        ("post race burger & fries", "Hamburger", 2),  # a burger is a hamburger
    ],
)
def test_where_when_and_who_with_are_not_foods(text: str, first: str, count: int) -> None:
    items = resolve_line(text, region="us").items
    assert items[0].food.name.startswith(first)
    assert len(items) == count


def test_a_burger_named_for_its_filling_keeps_it() -> None:
    for text in ("veggie burger", "bean burger", "vegan burger"):
        assert resolve_line(text).items[0].food.name.startswith("Veggie burger"), text
    assert "chicken" in resolve_line("chicken burger").items[0].food.name.lower()


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("chilaquiles con 2 huevos", ("Chilaquiles", "Egg")),  # Spanish "with"
        ("arroz y frijoles", ("Rice", "Pinto beans")),  # Spanish "and"; frijoles: pinto
        ("cafe con leche", ("Coffee, cafe con leche",)),  # a name USDA writes so stays whole
        ("tamales de puerco", ("Tamale, pork",)),  # "X de Y": a pork tamale
        ("tortilla de harina", ("Tortilla, flour",)),
        ("caldo de res", ("Soup, sopa or caldo de res",)),  # USDA's own Spanish name
    ],
)
def test_spanish_food_words_read_as_usda_names_them(text: str, names: tuple[str, ...]) -> None:
    found = [item.food.name for item in resolve_line(text, region="us").items]
    assert len(found) == len(names)
    assert all(f.startswith(n) for f, n in zip(found, names, strict=True)), found


def test_a_drink_named_before_what_it_is_made_of_is_those_foods() -> None:
    names = [i.food.name for i in resolve_line("shake 30g whey w 300ml semi skimmed").items]
    assert names[0].startswith("Beverages, Protein powder whey")  # whey: the powder
    assert "milk" in names[1].lower()
    assert len(names) == 2  # no third, generic shake on top of its parts
    assert resolve_line("protein shake").items[0].food.name.startswith("Nutritional drink")


def test_nuts_and_berries_on_porridge_are_a_topping_not_a_cupful() -> None:
    _, berries, nuts = resolve_line("oatmeal with blueberries and walnuts").items
    assert 25 <= berries.grams.grams <= 60  # a quarter cup, not a cup
    assert 8 <= nuts.grams.grams <= 30  # two tablespoons, not the 117 g cup
    assert resolve_line("walnuts").items[0].grams.grams > 25  # alone, a serving of its own


def test_meatballs_are_meat_unless_said_otherwise() -> None:
    assert "meatless" not in resolve_line("meatballs").items[0].food.name.lower()
    assert "meatless" in resolve_line("veggie meatballs").items[0].food.name.lower()


def test_a_taco_named_by_its_fillings_is_one_taco() -> None:
    (taco,) = resolve_line("bean & cheese taco").items  # not beans plus a cheese taco
    assert taco.food.name.startswith("Taco")
    (burrito,) = resolve_line("beans and rice burrito").items
    assert burrito.food.name.startswith("Burrito")


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("bread with twarog and honey", "Bread"),  # Polish curd cheese, not taro
        ("2 lech", "Beer"),  # a Polish lager, not milk
        ("cawl left over from tuesday", "Stew, lamb"),  # Welsh cawl, made on Tuesday
        ("costa large latte on the way in", "Coffee, Latte"),  # on the way in: when
        ("3 chocolate digestives from the ward", "Cookies, graham crackers, chocolate"),  # where
    ],
)
def test_polish_and_welsh_foods_and_where_they_were_eaten(text: str, first: str) -> None:
    found = [item.food.name for item in resolve_line(text, region="uk").items]
    assert found[0].startswith(first), found
    assert not any(name.startswith("Taro") for name in found)


@pytest.mark.parametrize(
    ("text", "first", "grams"),
    [
        ("wendys 10 pc nuggets", "Chicken nuggets", (120, 220)),  # chain, then its amount
        ("2 hot dogs off the roller", "Hot dog", (100, 300)),  # a gas station's roller
        ("2 slices pepperoni pizza at the pilot", "Pizza with pepperoni", (150, 350)),
    ],
)
def test_a_truck_stop_diary(text: str, first: str, grams: tuple[int, int]) -> None:
    (item,) = resolve_line(text, region="us").items
    assert item.food.name.startswith(first)
    assert grams[0] <= item.grams.grams <= grams[1]


def test_smoking_is_noted_not_eaten() -> None:
    with pytest.raises(NeedsDetailError):
        resolve_line("smokes")


def test_a_hot_drink_named_with_its_kind_takes_its_additions() -> None:
    coffee, milk = resolve_line("instant coffee milk no sugar", region="uk").items
    assert coffee.food.name.startswith("Coffee")
    assert milk.food.name.startswith("Milk")
    tea, sugar = resolve_line("builders tea 3 sugars", region="uk").items
    assert tea.food.name.startswith("Tea, hot")
    assert 10 <= sugar.grams.grams <= 15  # three teaspoons


def test_a_roll_is_a_bread_roll_and_lasagna_has_meat_unless_said() -> None:
    parts = [i.food.name for i in resolve_line("bacon roll", region="uk").items]
    assert "Roll, white, soft" in parts  # a roll, not two slices of bread
    assert resolve_line("a roll").items[0].food.name == "Roll, white, soft"
    assert resolve_line("lasagne", region="uk").items[0].food.name == "Lasagna with meat"
    assert "meatless" in resolve_line("vegetable lasagna").items[0].food.name
    (soup,) = resolve_line("leek & potato soup", region="uk").items  # one soup of both
    assert soup.food.name.startswith("Soup")


def test_a_parenthesis_that_says_who_made_it_or_where_it_was_kept_is_not_a_food() -> None:
    names = [i.food.name for i in resolve_line("jook (mom's, from the freezer)").items]
    assert names == ["Congee"]  # not a freezer pop
    assert resolve_line("soup (mum made it)", region="uk").items[0].food.name.startswith("Soup")


def test_a_dish_may_not_add_vegetables_or_be_a_stuffing_the_line_does_not_name() -> None:
    names = [i.food.name for i in resolve_line("rice and gravy").items]
    assert not any("vegetables" in n for n in names)
    names = [i.food.name for i in resolve_line("chicken and vegetables").items]
    assert not any(n.startswith("Dressing") for n in names)  # not a bread stuffing


def test_british_biscuits_in_compounds_are_cookies_with_their_amount() -> None:
    _, biscuits = resolve_line("tea and 2 chocolate biscuits", region="uk").items
    assert biscuits.food.name.startswith("Cookie")
    assert resolve_line("plain biscuits", region="uk").items[0].food.name.startswith("Cookie")


@pytest.mark.parametrize(
    ("text", "beside", "means"),
    [
        ("chips", ["chips", "guac"], "tortilla chips"),
        ("2 oz chips", ["2 oz chips", "salsa"], "2 oz tortilla chips"),
        ("chips", ["fish", "chips"], "french fries"),
        ("cod", ["cod", "chips"], "cod battered fried"),
        ("egg", ["egg", "chips", "beans"], "fried egg"),
        ("chips", ["chips"], "chips"),  # alone: the region decides, not a companion
        ("chips", ["chips", "ham sandwich"], "chips"),
        ("salsa", ["chips", "salsa"], "salsa"),  # only the words with senses change
        ("protein shake", ["protein shake", "milk"], "protein powder"),  # made up with milk
        ("protein shake", ["protein shake"], "protein shake"),
    ],
)
def test_a_word_takes_the_sense_its_companions_give(
    text: str, beside: list[str], means: str
) -> None:
    parts = [text if p == text else p for p in beside]
    assert dishes.companion(parts[parts.index(text)], parts) == means


@pytest.mark.parametrize(
    ("line", "region", "first", "second"),
    [
        ("chips & guac", "us", "Tortilla chips", "Guacamole"),
        ("chips and salsa", "uk", "Tortilla chips", "Salsa"),
        ("egg and chips", "uk", "Egg, whole, cooked, fried", "Potato, french fries"),
        ("fish and chips", "us", "battered", "Potato, french fries"),
        ("protein shake with milk", "uk", "Nutritional powder mix, protein", "Milk"),
    ],
)
def test_whole_lines_read_a_word_by_its_companions(
    line: str, region: str, first: str, second: str
) -> None:
    names = [item.food.name for item in resolve_line(line, region=region).items]
    assert first in names[0]
    assert names[1].startswith(second)


@pytest.mark.parametrize(
    ("line", "vegetable", "cooked"),
    [
        ("roast chicken, roast potatoes, gravy, cabbage", "Cabbage", True),
        ("sausages, mash and carrots", "Carrots", True),
        ("steamed rice and broccoli", "Broccoli", True),
        ("sunday roast - beef, yorkshire pudding, sprouts, gravy", "Brussels sprouts", True),
        ("hummus and carrots", "Carrots", False),  # a dip and a raw vegetable: no hot meal
        ("ham sandwich and carrots", "Carrots", False),
        ("carrots", "Carrots", False),  # alone: the plain search's raw carrots
    ],
)
def test_a_vegetable_beside_a_hot_meal_is_cooked(line: str, vegetable: str, cooked: bool) -> None:
    (item,) = [
        i for i in resolve_line(line, region="uk").items if i.food.name.startswith(vegetable)
    ]
    assert ("cooked" in item.food.name.lower()) is cooked


@pytest.mark.parametrize(
    ("line", "named"),
    [
        ("porridge made with semi skimmed milk", "made with milk"),
        ("bowl of porridge made with milk", "made with milk"),
        ("oatmeal made with water", "made with water"),
    ],
)
def test_a_food_made_with_something_is_usdas_food_made_with_it(line: str, named: str) -> None:
    (item,) = resolve_line(line, region="uk").items
    assert named in item.food.name


def test_what_a_food_was_made_with_is_not_counted_twice() -> None:
    (item,) = resolve_line("Horlicks made with semi-skimmed milk", region="uk").items
    assert item.food.name.startswith("Milk, malted")


def test_overnight_oats_are_oats_soaked_in_milk_not_dry_oats() -> None:
    (item,) = resolve_line("overnight oats", region="uk").items
    assert "made with milk" in item.food.name
    assert item.grams.grams > 150


@pytest.mark.parametrize(
    "line", ["slice of bread and butter", "toast with butter", "buttered toast", "a buttered roll"]
)
def test_butter_on_bread_is_a_spread_not_a_tablespoon(line: str) -> None:
    items = resolve_line(line, region="uk").items
    butter = [i for i in items if i.food.name.startswith("Butter")]
    assert len(butter) == 1
    assert 5 < butter[0].grams.grams < 12
    assert butter[0].grams.estimate


def test_a_word_naming_an_addition_is_written_out_for_each_food() -> None:
    assert dishes.unfolded("buttered toast") == "toast with butter"
    assert dishes.unfolded("soup and a buttered roll") == "soup and a roll with butter"
    assert dishes.unfolded("buttered") == "buttered"  # no food after it: left as it is


def test_a_part_that_is_a_sauce_is_a_sauce_not_a_sandwich_named_after_it() -> None:
    sauce = resolve_line("pasta w/ marinara").items[1]
    assert sauce.food.name.startswith("Sauce, pasta, spaghetti/marinara")
    assert not dishes.adds(
        "Sauce, pasta, spaghetti/marinara", {"marinara"}, True, "Soups, Sauces, and Gravies"
    )
    assert dishes.adds("Chicken, with sauce", {"chicken"}, True, "Chicken, whole pieces")


@pytest.mark.parametrize(
    ("line", "last"),
    [("eggs, bacon, and toast", "Bread, white, toasted"), ("cookie, and tea", "Tea, hot")],
)
def test_a_lists_last_comma_and_its_and_are_one_join(line: str, last: str) -> None:
    assert resolve_line(line, region="us").items[-1].food.name.startswith(last)


def test_a_food_joined_after_a_place_is_still_counted() -> None:
    names = [i.food.name for i in resolve_line("bacon roll from the van + tea", "uk").items]
    assert names[0].startswith("Bacon")
    assert names[-1].startswith("Tea")


@pytest.mark.parametrize(
    "line", ["chicken stir fry with egg noodles", "chicken stir fry w noodles"]
)
def test_a_stir_fry_with_noodles_is_lo_mein_not_a_stir_fry_with_rice(line: str) -> None:
    (item,) = resolve_line(line, region="uk").items
    assert item.food.name == "Lo mein, with chicken"


@pytest.mark.parametrize(
    ("line", "never"),
    [("kale salad, no chicken, added tofu", "Chicken"), ("burrito, no cheese", "Cheese"),
     ("toast, without butter", "Butter"), ("sandwich, hold the mayo", "Mayonnaise")],
)  # fmt: skip
def test_what_a_food_was_without_is_never_counted(line: str, never: str) -> None:
    names = [i.food.name for i in resolve_line(line, region="us").items]
    assert names
    assert not any(name.startswith(never) for name in names)


MEATS = ("pork", "beef", "chicken", "shrimp", "fish", "meat,", "sausage", "turkey")


@pytest.mark.parametrize(
    ("line", "expected"),
    [("tofu stir fry w noodles", "Lo mein, meatless"), ("veggie chilli", "Chili, vegetarian"),
     ("vegan pizza", "Pizza, no cheese"), ("Beyond burger, no bun", "Veggie burger patty"),
     ("tofu", "Tofu")],
)  # fmt: skip
def test_a_food_said_to_have_no_meat_is_never_matched_to_a_meat(line: str, expected: str) -> None:
    items = resolve_line(line, region="uk").items
    assert items[0].food.name.startswith(expected)
    for item in items:
        assert not any(meat in item.food.name.lower() for meat in MEATS), item.food.name


def test_no_meatless_food_found_is_reported_not_guessed_as_meat() -> None:
    with pytest.raises(InputError):
        resolve_line("vegetarian sausage roll", region="uk")  # USDA's sausage rolls are pork


def test_the_meatless_rule_leaves_other_foods_alone() -> None:
    matches = [Match(1, "a", "Lo mein, with pork", "Fried rice", "fndds", 0.9)]
    assert dishes.meatless_first("lo mein with pork", matches, 0.45) == matches
    assert dishes.meatless_first("lo mein with tofu", matches, 0.45) == []
    assert dishes.meatless_query("lo mein with tofu") == "lo mein meatless"
    assert dishes.meatless_query("lo mein") is None


def test_what_a_food_was_made_with_after_a_part_that_matched_nothing_is_counted() -> None:
    line = resolve_line("xyzzy made with milk", region="uk")  # was an IndexError
    assert [i.food.name.split(",")[0] for i in line.items] == ["Milk"]
    assert line.items[0].left_out == ("xyzzy",)


# A green salad topped with a meat or seafood is FNDDS's garden salad of it.


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("big salad w/ grilled chicken", "Chicken or turkey garden salad,"),
        ("salad with chicken", "Chicken or turkey garden salad,"),
        ("grilled chicken salad", "Chicken or turkey garden salad,"),
        ("chicken caesar salad", "Chicken or turkey caesar garden salad"),
        ("caesar salad with chicken", "Chicken or turkey caesar garden salad"),
        ("side salad with prawns", "Shrimp garden salad"),
    ],
)
def test_a_salad_topped_with_a_meat_is_fnddss_garden_salad_of_it(text: str, name: str) -> None:
    (item,) = resolve_line(text, region="us").items
    assert item.food.name.startswith(name)
    assert 240 <= item.grams.grams <= 400  # one salad as eaten, not a side and 85 g of meat


@pytest.mark.parametrize("text", ["chicken salad", "tuna salad", "potato salad", "salad with feta"])
def test_a_salad_named_by_what_is_mixed_in_is_not_a_garden_salad(text: str) -> None:
    assert "garden salad" not in resolve_line(text, region="us").items[0].food.name


def test_a_topped_salad_keeps_its_dressing_and_other_parts() -> None:
    assert dishes.topped_salad("salad w/ grilled chicken, ranch") == (
        "grilled chicken garden salad, ranch"
    )
    assert dishes.topped_salad("spinach salad w/ chicken") == "spinach salad w/ chicken"
    salad, dressing = resolve_line("big salad with grilled chicken and ranch").items
    assert salad.food.name.startswith("Chicken or turkey garden salad")
    assert dressing.food.name.startswith("Ranch")
    assert dressing.grams.grams == pytest.approx(30)


# A main and its staple that FNDDS has as one dish weigh what each would alone.


@pytest.mark.parametrize(
    ("text", "name", "parts"),
    [
        ("chicken curry with rice", "Chicken curry with rice", ("chicken curry", "rice")),
        ("chicken & rice", "Chicken or turkey and rice", ("chicken", "rice")),
        ("dal chawal", "Lentil curry with rice", ("dal", "rice")),
        ("chicken stir fry with noodles", "Lo mein, with chicken", ("chicken stir fry", "noodles")),
    ],
)
def test_a_main_and_its_staple_as_one_dish_weigh_both(
    text: str, name: str, parts: tuple[str, ...]
) -> None:
    (item,) = resolve_line(text, region="uk").items
    assert item.food.name.startswith(name)
    alone = sum(resolve_line(dishes.named(p), region="uk").items[0].grams.grams for p in parts)
    assert item.grams.grams == pytest.approx(alone)
    assert item.grams.estimate


@pytest.mark.parametrize("text", ["porridge with milk", "baked potato with skin"])
def test_a_food_and_what_it_is_made_with_keep_the_dishs_portion(text: str) -> None:
    """Milk in porridge, the skin of a potato: no staple served beside a main."""
    item = resolve_line(text, region="uk").items[0]
    assert item.grams.grams < 320


def test_an_amount_written_for_a_main_and_its_staple_is_the_dishs() -> None:
    (item,) = resolve_line("2 cups chicken and rice", region="us").items
    assert item.grams.grams == pytest.approx(2 * 196)


@pytest.mark.parametrize(
    ("part", "staple"), [("rice", True), ("egg noodles", True), ("milk", False), ("skin", False)]
)
def test_a_staple_is_what_a_main_is_served_with(part: str, staple: bool) -> None:
    assert dishes.staple(part) is staple


@pytest.mark.parametrize(
    "line", ["cheeseburger no bun", "bunless cheeseburger", "turkey sandwich, no bread"]
)
def test_a_burger_or_sandwich_without_its_bread_is_never_counted_surely(line: str) -> None:
    # USDA weighs its burgers and sandwiches with their bread: what was eaten is less
    (item,) = resolve_line(line, region="us").items
    assert item.uncertain


def test_bread_left_out_of_a_food_without_bread_changes_nothing() -> None:
    (item,) = resolve_line("eggs, no toast", region="us").items
    assert item.food.name.startswith("Egg")
    assert not item.uncertain


def test_a_sandwich_in_a_list_is_read_as_its_own_line() -> None:
    # the bap holds bacon and egg; the brew after it is tea (it had counted the tea alone)
    names = [i.food.name for i in resolve_line("2 bacon & egg baps, brew", region="uk").items]
    assert any(n.startswith("Bacon") for n in names)
    assert any(n.startswith("Egg") for n in names)
    assert any(n.startswith("Roll") for n in names)
    assert names[-1].startswith("Tea")


def test_a_part_nothing_matches_is_not_guessed_from_its_own_line() -> None:
    line = resolve_line("genfo w berbere, banana", region="us")
    assert [i.food.name for i in line.items] == ["Banana, raw"]
    assert "genfo" in line.items[0].left_out


def test_a_chain_meal_takes_the_drink_named_instead_of_its_own() -> None:
    items = resolve_line("big mac meal, large, diet coke", region="us").items
    drinks = [i for i in items if "Soft drink" in i.food.name]
    assert [d.food.name for d in drinks] == ["Soft drink, cola, diet"]
    fries = next(i for i in items if "french fries" in i.food.name)
    medium = next(
        i for i in resolve_line("big mac meal", region="us").items if "fries" in i.food.name
    )
    assert fries.grams.grams > medium.grams.grams  # a large meal: large fries


def test_meals_counted_are_each_a_meal_but_a_count_inside_the_item_is_not() -> None:
    two = resolve_line("2 big mac meals", region="us").items
    one = resolve_line("big mac meal", region="us").items
    assert [round(a.grams.grams / b.grams.grams) for a, b in zip(two, one, strict=True)] == [
        2,
        2,
        2,
    ]
    three = resolve_line("3 piece chicken tenders combo", region="us").items
    fries = next(i for i in three if "fries" in i.food.name)
    assert fries.grams.grams == next(i for i in one if "fries" in i.food.name).grams.grams


def test_a_counted_drink_without_an_item_portion_is_one_can() -> None:
    (item,) = resolve_line("1 sprite", region="us").items
    assert 330 <= item.grams.grams <= 380  # a 12 fl oz can


@pytest.mark.parametrize(
    ("line", "name", "low", "high"),
    [
        ("chocolate", "Chocolate candy", 40, 50),  # a bar, not white chocolate
        ("bar of chocolate", "Chocolate candy", 40, 50),
        ("2 chocolate bars", "Chocolate candy", 80, 100),
        ("yogurt cup", "Yogurt, NFS", 150, 200),  # one pot, not a cup of frozen yogurt
        ("big bottle of water", "Water, NFS", 600, 1100),  # not a vitamin water
        ("chocolate cake", "Cake or cupcake, chocolate", 50, 150),  # not flourless
        ("1 corn tortilla", "Tortilla, corn", 20, 35),  # one medium, not the 65 g extra large
        ("1 pita", "Bread, pita", 25, 90),  # the bread, not a 3 g pita chip
        # USDA's and the NIH fact sheets' tables count a food by its own name again: one food,
        # not a second potato (had been 285 g baked + 170 g boiled)
        ("Potato, baked, 1 medium potato", "Potato, baked", 250, 320),
        ("Eggs, scrambled, 2 large eggs", "Egg, whole, cooked, scrambled", 100, 140),
        ("Cookies, oatmeal, 2 large cookies", "Cookie, oatmeal", 60, 120),
        ("Bagel, plain, 1 medium bagel", "Bagel", 90, 120),  # FNDDS's regular, not a Bagel Thin
        ("1 Medium Potato, Baked", "Potato, baked", 250, 320),  # "Potato," names no baker
    ],
)
def test_plain_words_for_everyday_foods_find_the_usual_food(
    line: str, name: str, low: float, high: float
) -> None:
    (item,) = resolve_line(line, region="us").items
    assert item.food.name.startswith(name)
    assert low <= item.grams.grams <= high


@pytest.mark.parametrize(
    "text", ["lasix and metoprolol", "lasix 40mg", "metformin + amlodipine", "HCTZ 1 pill",
             "took my lisinopril", "milk of magnesia", "took my meds", "2 pills"],
)  # fmt: skip
def test_a_line_of_medicines_is_never_a_food(text: str) -> None:
    # "lasix" is two letters from "lassi": it had been counted as a yogurt drink
    with pytest.raises(NeedsDetailError, match="medicines"):
        resolve_line(text, region="us")


def test_a_medicine_beside_foods_is_left_out_not_guessed() -> None:
    line = resolve_line("toast, lasix 40mg, tea", region="uk")
    assert [i.food.name.split(",")[0] for i in line.items] == ["Bread", "Tea"]
    assert any("lasix" in part for part in line.items[0].left_out)


@pytest.mark.parametrize("text", ["milk", "mango lassi", "a glass of milk with my tablets"])
def test_food_lines_are_not_medicines(text: str) -> None:
    assert resolve_line(text, region="us").items


@pytest.mark.parametrize(
    ("line", "whole", "share"),
    [
        ("fish supper from the chippy, only ate half", "fish supper", 0.5),
        ("burger, ate half", "burger", 0.5),  # had been a burger and 20 g of half-and-half
        ("fish & chips, had a third of it", "fish & chips", 1 / 3),
    ],
)
def test_a_share_eaten_written_after_the_foods_scales_them(
    line: str, whole: str, share: float
) -> None:
    eaten = resolve_line(line, region="uk").items
    served = resolve_line(whole, region="uk").items
    assert [i.food.id for i in eaten] == [i.food.id for i in served]
    for a, b in zip(eaten, served, strict=True):
        assert a.grams.grams == pytest.approx(b.grams.grams * share)


def test_a_fish_supper_is_fish_and_chips() -> None:
    names = [i.food.name for i in resolve_line("chippy fish supper", region="uk").items]
    assert names == ["Fish, cod, fried", "Potato, french fries, NFS"]


def test_half_a_pizza_is_half_a_whole_one() -> None:
    (item,) = resolve_line("half a pizza", region="us").items
    assert 300 <= item.grams.grams <= 400  # FNDDS medium pizza 691 g


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("coffee from 7-11, black w sugar, large", "Coffee, brewed"),  # had been black beans
        ("toasted bialy w butter", "Bagel"),  # had been toasted sunflower seeds
        ("egg cream at Ben's", "Chocolate milk"),  # a New York egg cream: no egg, no cream
    ],
)
def test_american_deli_and_store_words(line: str, name: str) -> None:
    first = resolve_line(line, region="us").items[0].food.name
    assert first.lower().startswith(name.lower())


def test_pills_taken_with_a_drink_are_not_a_food() -> None:
    # "tablets" had been SR28's rennin dessert tablets
    line = resolve_line("glass of water w my tablets", region="uk")
    assert [i.food.name for i in line.items] == ["Water, NFS"]


@pytest.mark.parametrize(
    ("line", "first"),
    [
        ("lunch 2 sausage rolls greggs", "Pig in a blanket"),  # a meal said bare before food
        ("dinner pasta", "Pasta, cooked"),  # had been a baby food "dinner, pasta"
        ("dinner roll", "Rolls, dinner"),  # a food named for its meal stays the food
        ("4 pakoras, chola and piyaju", "Pakora"),
    ],
)
def test_a_meal_word_before_a_food_is_the_meal(line: str, first: str) -> None:
    items = resolve_line(line, region="uk").items
    assert items[0].food.name.startswith(first)
    assert not any("cola" in i.food.name.lower() for i in items)  # Bengali chola, not cola


_DAIRY = ("Milk,", "Tea, hot, with milk", "Coffee, Latte", "Coffee, Cappuccino", "Coffee, Cafe")


@pytest.mark.parametrize(
    ("line", "milk"),
    [
        ("chai w oat milk, 1 tsp sugar", "Oat milk"),
        ("masala chai with soy milk", "Soy milk"),
        ("latte w oat milk", "Oat milk"),
        ("cappuccino with almond milk", "Almond milk"),
        ("flat white w soya milk", "Soy milk"),
    ],
)
def test_a_milk_drink_with_a_plant_milk_named_after_it_holds_no_dairy(line: str, milk: str) -> None:
    """Issue 11: a plant milk never becomes dairy. "latte w oat milk" had been a dairy latte
    plus oat milk, "chai w oat milk" FNDDS's tea with (dairy) milk plus oat milk."""
    items = resolve_line(line, region="us").items
    names = [i.food.name for i in items]
    assert any(milk in n or "non-dairy" in n for n in names), names
    assert not any(n.startswith(_DAIRY) and "non-dairy" not in n for n in names), names


def test_a_milk_drink_with_its_own_milk_named_after_it_counts_the_milk_once() -> None:
    """ "latte w skimmed milk" had been a whole-milk latte plus 46 g of skimmed milk."""
    names = [i.food.name for i in resolve_line("latte w skimmed milk", region="uk").items]
    assert not any(n.startswith("Coffee, Latte") for n in names), names
    assert any(
        "skim" in n.lower() or "nonfat" in n.lower() or "fat free" in n.lower() for n in names
    ), names


@pytest.mark.parametrize(
    ("line", "count"),
    [
        ("porridge, 100g oats w whole milk + scoop of whey, banana", 4),
        ("smoothie, banana, spinach, oat milk", 3),
        ("protein shake, 30g whey, 300ml milk", 2),
    ],
)
def test_a_dish_named_before_what_it_is_made_of_is_those_foods(line: str, count: int) -> None:
    """The oats were counted twice, as 240 g of porridge and again as 100 g of oats; the
    smoothie's fruit twice, as a smoothie and again as fruit."""
    names = [i.food.name for i in resolve_line(line, region="uk").items]
    assert len(names) == count, names
    assert not any(n.startswith(("Oatmeal", "Fruit smoothie")) for n in names), names


def test_a_topping_after_a_dish_is_still_a_food_of_its_own() -> None:
    names = [i.food.name for i in resolve_line("porridge, banana", region="uk").items]
    assert names[0].startswith("Oatmeal")
    assert names[1].startswith("Banana")


@pytest.mark.parametrize(
    ("line", "powder", "drink"),
    [
        ("2 scoops whey in 12oz milk", "Beverages, Protein powder", "Milk"),
        ("protein powder in water", "Nutritional powder mix, protein", "Water"),
        ("whey in 300 ml of oat milk", "Beverages, Protein powder", "Oat milk"),
    ],
)
def test_a_powder_stirred_into_a_drink_is_the_powder_and_the_drink(
    line: str, powder: str, drink: str
) -> None:
    """Had been refused whole ("no food matches 'whey in 12 oz milk'")."""
    first, second = resolve_line(line, region="us").items
    assert first.food.name.startswith(powder)
    assert second.food.name.startswith(drink)


@pytest.mark.parametrize("line", ["tuna in water", "chicken in gravy"])
def test_a_food_in_its_liquid_stays_one_food(line: str) -> None:
    assert len(resolve_line(line, region="us").items) == 1


def test_carnation_in_coffee_is_the_evaporated_milk() -> None:
    """Beside coffee or tea it is the evaporated milk sold under that name, not FNDDS's
    Carnation Instant Breakfast powder ([companions.carnation_in_coffee])."""
    _, milk, _ = resolve_line("coffee w Carnation & 2 sugars", region="us").items
    assert milk.food.name.startswith("Milk, evaporated")


@pytest.mark.parametrize(
    ("line", "spirit"), [("Jack & Coke x2", "Whiskey"), ("crown and coke", "Whiskey"),
                         ("Brugal & Coke", "Rum")]
)  # fmt: skip
def test_a_spirit_ordered_by_its_name_beside_a_mixer(line: str, spirit: str) -> None:
    """ "Jack & Coke" had been Colby Jack cheese and a cola, "crown and coke" the cola alone."""
    assert resolve_line(line, region="us").items[0].food.name == spirit


def test_jack_is_still_cheese_in_a_sandwich() -> None:
    names = [i.food.name for i in resolve_line("ham and jack sandwich", region="us").items]
    assert any("Jack" in n for n in names)
