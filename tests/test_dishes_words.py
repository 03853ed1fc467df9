"""How people write around a food: regional words, flavours, exclusions, bracketed amounts."""

from __future__ import annotations

import pytest

from twitchcheck.foods import dishes
from twitchcheck.foods.phrases import resolve_line


def _names(text: str, region: str | None = None) -> list[str]:
    return [item.food.name for item in resolve_line(text, region=region).items]


@pytest.mark.parametrize(
    "text", ["toast & marg", "half a slice of toast & marg", "toast and marge"]
)
def test_marg_is_margarine_in_a_british_diary(text: str) -> None:
    found = _names(text, region="uk")
    assert found[-1].startswith("Margarine"), found
    assert not any(name.startswith("Margarita") for name in found)


def test_marg_is_a_margarita_in_an_american_diary() -> None:
    assert _names("1 marg", region="us") == ["Margarita"]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("chicken caesar salad no croutons", "Chicken or turkey caesar garden salad"),
        ("chicken caesar salad without croutons", "Chicken or turkey caesar garden salad"),
        ("cobb salad no egg", "Cobb salad"),
        ("burger hold the mayo", "Hamburger"),
        ("coffee no milk", "Coffee, brewed"),
    ],
)
def test_what_a_food_was_eaten_without_is_not_counted(text: str, first: str) -> None:
    found = _names(text, region="us")
    assert len(found) == 1, found
    assert found[0].startswith(first), found


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("cobb salad no egg", ("cobb salad", " ", "no egg")),
        ("burger hold the mayo", ("burger", " ", "hold the mayo")),
        ("squash no added sugar", ("squash no added sugar",)),  # what the squash is
        ("chicken breast no skin", ("chicken breast no skin",)),
        ("chili no meat", ("chili no meat",)),
        ("no bake cookies", ("no bake cookies",)),  # nothing before it
        ("burger no bun", ("burger no bun",)),  # a phrase the word tables name whole
    ],
)
def test_a_trailing_exclusion_with_no_join_is_a_part_of_its_own(
    text: str, parts: tuple[str, ...]
) -> None:
    assert dishes.split(text) == parts


def test_an_exclusion_usda_names_stays_with_its_food() -> None:
    assert _names("pizza no cheese", region="us")[0].startswith("Pizza, no cheese")
    assert _names("squash no added sugar", region="uk") == ["Fruit flavored drink, diet"]


def test_a_burger_without_its_bun_is_its_patty() -> None:
    for text in ("burger no bun", "bunless burger", "2 burgers no bun"):
        assert _names(text, region="us") == ["Beef, ground, patty"], text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("fast food burger", "Hamburger, from fast food"),  # had been chicken nuggets
        ("a burger from mcdonalds", "Hamburger (McDonalds)"),  # had been a veggie burger
        ("burger from burger king", "Hamburger (Burger King)"),
        ("turkey burger", "Turkey or chicken burger"),  # the kinds USDA names keep the word
        ("veggie burger", "Veggie burger, on bun"),
        ("lentil burger", "Veggie burger, on bun"),
    ],
)
def test_a_burger_of_no_named_kind_is_a_hamburger(text: str, name: str) -> None:
    assert _names(text, region="us")[0].startswith(name), _names(text, region="us")


def test_a_kind_usda_writes_after_one_head_in_both_numbers_is_a_food_after_another() -> None:
    # "Cookies, shortbread" and "Cookie, shortbread" are one head: shortbread is no qualifier
    assert dishes.split("tea, shortbread") == ("tea", ", ", "shortbread")
    assert _names("tea, shortbread", region="uk")[1] == "Cookie, shortbread"


@pytest.mark.parametrize(
    "text",
    ["Walkers, cheese & onion", "yogurt, strawberry", "Yazoo, strawberry", "Ensure, vanilla"],
)
def test_a_flavour_after_a_comma_stays_with_its_product(text: str) -> None:
    assert dishes.split(text) == (text,)
    assert len(_names(text, region="uk")) == 1


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Weetabix, banana", 2),  # a cereal is not sold by flavour: a banana with it
        ("toast, banana", 2),
        ("scoop of whey, blueberries", 2),
        ("yogurt, granola", 2),  # granola is no flavour
        ("oats, milk, yogurt, strawberry", 4),  # the last two of a list are two foods
    ],
)
def test_a_food_after_a_comma_is_still_a_food(text: str, count: int) -> None:
    assert len(_names(text, region="uk")) == count


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        ("chicken nuggets (like 3)", "3 chicken nuggets"),
        ("pizza (2 slices)", "2 slices pizza"),
        ("chicken, collards (just a spoonful)", "chicken, a spoonful collards"),
    ],
)
def test_an_amount_in_brackets_is_the_amount_of_the_food_before_it(text: str, listed: str) -> None:
    assert dishes.listed(text) == listed


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("kids' leftover chicken nuggets", "chicken nuggets"),
        ("my son's leftover pizza", "pizza"),
        ("shepherd's pie", "shepherd's pie"),  # a possessive in a dish's name
    ],
)
def test_whose_leftovers_they_were_is_not_the_food(text: str, plain: str) -> None:
    assert dishes.without_context(text) == plain


def test_three_of_the_kids_leftover_nuggets() -> None:
    item = resolve_line("kids' leftover chicken nuggets (like 3)", region="us").items[0]
    assert item.food.name == "Chicken nuggets, NFS"
    assert item.grams.basis.startswith("3")


@pytest.mark.parametrize("line", ["brew", "mug of brew", "2 slices toast & marmite, brew"])
def test_a_brew_is_a_cup_of_tea_in_a_british_diary(line: str) -> None:
    last = resolve_line(line, region="uk").items[-1]
    assert last.food.name.startswith("Tea, hot")
    assert not last.uncertain


def test_a_brew_is_not_read_as_tea_outside_britain() -> None:
    assert not resolve_line("brew", region="us").items[0].food.name.startswith("Tea")


def test_a_sandwich_usda_lacks_is_its_fillings_in_its_bread_times_the_count() -> None:
    line = resolve_line("cheese & pickle sarnie x2", region="uk")
    names = [item.food.name for item in line.items]
    assert names == ["Cheese, Cheddar", "Pickle relish, sweet", "Bread, white"]
    assert line.items[-1].grams.grams == pytest.approx(4 * 38)  # two sandwiches of 2 slices
    assert line.items[-1].uncertain  # the bread's kind was not written
    assert {item.how for item in line.items} == {"split"}


def test_a_bap_is_a_roll_and_a_written_bread_is_kept() -> None:
    bap = [i.food.name for i in resolve_line("bacon & egg bap", region="uk").items]
    assert bap[0].startswith("Bacon")
    assert bap[1].startswith("Egg")
    assert bap[2] == "Roll, white, soft"
    granary = resolve_line("crab sandwich on granary", region="uk").items
    assert granary[-1].food.name == "Bread, multigrain"
    assert not granary[-1].uncertain


@pytest.mark.parametrize(
    ("line", "food"),
    [
        ("ham sandwich", "Ham sandwich"),  # USDA's own, sure
        ("pb&j sandwich", "Peanut butter and jelly sandwich"),  # the fillings name it
        ("pimento cheese sandwich", "Cheese sandwich"),  # a sandwich of its head word
    ],
)
def test_a_sandwich_usda_has_stays_one_food(line: str, food: str) -> None:
    (item,) = resolve_line(line, region="us").items
    assert item.food.name.startswith(food)


def test_a_sandwich_named_for_other_fillings_is_not_the_one_written() -> None:
    """USDA's club sandwich names cheese and tomato after its chicken and bacon: it is no
    cheese and tomato sandwich, which is its fillings in bread."""
    names = [i.food.name for i in resolve_line("cheese and tomato sandwich", region="uk").items]
    assert names == ["Cheese, Cheddar", "Tomatoes, raw", "Bread, white"]


def test_british_pickle_with_cheese_is_the_sweet_relish() -> None:
    assert resolve_line("pickle", region="uk").items[0].food.name == "Pickle relish, sweet"
    assert resolve_line("pickles", region="uk").items[0].food.name.startswith("Pickles")


@pytest.mark.parametrize(
    ("line", "food"),
    [
        ("leek and potato soup", "Soup, potato"),  # had been refused: no food holds "and"
        ("tomato and basil soup", "Soup, tomato"),
        ("chicken and bean burrito", "Burrito, chicken"),  # with cheese: more than written
        ("carrot and coriander soup", "Soup, vegetable"),  # no soup holds either: its plain form
    ],
)
def test_a_dish_named_by_two_fillings_no_food_fits_is_the_dish_of_one(line: str, food: str) -> None:
    (item,) = resolve_line(line, region="uk").items
    assert item.food.name.startswith(food)
    assert item.uncertain  # a filling is not in it, or one not written is


def test_tomato_in_a_sandwich_is_two_slices_not_a_whole_tomato() -> None:
    items = resolve_line("turkey sandwich on wheat w/ lettuce & tomato", region="us").items
    tomato = next(i for i in items if i.food.name.startswith("Tomatoes"))
    assert tomato.grams.grams == pytest.approx(40)  # FNDDS's slice, 20 g, twice
    soup = resolve_line("grilled cheese and tomato soup", region="us").items[-1]
    assert soup.food.name.startswith("Soup, tomato")
    assert soup.grams.grams > 200  # a bowl of soup, not two "slices" of it


def test_a_soup_named_by_two_fillings_ends_where_the_next_food_is_joined() -> None:
    names = [i.food.name for i in resolve_line("tomato and basil soup with a roll", "uk").items]
    assert not any(name.startswith("Tomatoes") for name in names)  # no raw tomato besides
    assert any(name.startswith("Roll") for name in names)


@pytest.mark.parametrize(
    ("line", "food"),
    [
        ("steak and ale pie", "Pot pie, beef"),  # never FNDDS's "Pie, NFS", a fruit pie
        ("chicken and mushroom pie", "Pot pie, chicken"),
        ("steak pie", "Pot pie, beef"),
        ("cornish pasty", "Empanada, beef, with vegetables"),
    ],
)
def test_a_british_savoury_pie_is_a_meat_pie(line: str, food: str) -> None:
    assert resolve_line(line, region="uk").items[0].food.name == food


def test_a_fish_pie_is_fish_in_white_sauce_under_mash() -> None:
    names = [i.food.name for i in resolve_line("fish pie & broccoli", region="uk").items]
    assert names[:3] == [
        "Fish, cod, baked or broiled",
        "White sauce or gravy",
        "Potato, mashed, NFS",
    ]
    assert names[3].startswith("Broccoli")


def test_a_food_flavoured_by_the_next_is_not_the_two_eaten_together() -> None:
    """ "Chocolate milk, reduced sugar" names milk by its sugar and "Crackers, cheese" crackers
    by their flavour: neither is "milk & sugar" or "crackers & cheese"."""
    names = [i.food.name for i in resolve_line("weetabix x3 w milk & sugar", region="uk").items]
    assert names[1:] == ["Milk, NFS", "Sugar, NFS"]
    (crackers,) = resolve_line("crackers & cheese", region="us").items
    assert crackers.food.name != "Crackers, cheese"


@pytest.mark.parametrize("text", ["tofu", "tofu scramble", "scrambled tofu"])
def test_tofu_of_no_kind_is_firm_tofu_the_fact_sheets_list(text: str) -> None:
    # not the Chinese-style hard tofu, nor a whole 488 g block for a scramble
    (item,) = resolve_line(text, region="uk").items
    assert item.food.name == "Tofu, raw, firm, prepared with calcium sulfate"
    assert 80 <= item.grams.grams <= 200


def test_clam_chowder_of_no_style_is_new_england() -> None:
    assert _names("1 cup clam chowder", region="us") == ["Soup, New England clam chowder"]
    assert _names("manhattan clam chowder", region="us") == ["Soup, Manhattan clam chowder"]


def test_a_toaster_muffin_for_a_plain_muffin_is_unsure() -> None:
    (item,) = resolve_line("blueberry muffin", region="us").items
    assert "toaster" not in item.food.name or item.uncertain


@pytest.mark.parametrize("text", ["ham and cheese toastie", "ham & cheese toastie"])
def test_and_names_no_food_so_and_and_ampersand_read_alike(text: str) -> None:
    # "ham and cheese toastie" had been refused: USDA's names lacking "and" lost 40 points
    assert _names(text, region="uk")[0].startswith("Ham sandwich")


def test_donut_is_the_american_spelling_of_doughnut() -> None:
    assert _names("donut", region="us") == ["Doughnut, NFS"]
    assert _names("jelly donut", region="us") == ["Doughnut, jelly"]


@pytest.mark.parametrize(("text", "name"), [
    ("nasi goreng", "Rice, fried"),  # had been refused
    ("shakshuka", "Egg omelet or scrambled egg, with tomatoes"),
    ("feijoada", "Black beans with meat"),  # had been feijoa, the fruit
    ("banh mi", "Fast foods, submarine sandwich, cold cut"),  # one sub, not 33 g
    ("rajma", "Lentil curry"),  # a kidney-bean curry, not plain beans
    ("rajma chawal", "Kidney beans and white rice"),  # with rice, the dish of both
    ("lamb doner kebab", "Gyro sandwich"),  # had been refused
])  # fmt: skip
def test_dishes_diaries_name_in_their_own_words(text: str, name: str) -> None:
    assert _names(text, region="uk")[0].startswith(name)


def test_chana_masala_with_rice_is_one_dish_weighing_both() -> None:
    ((name, grams),) = [
        (i.food.name, i.grams.grams) for i in resolve_line("chana masala with rice", "uk").items
    ]
    assert name == "Lentil curry with rice"
    assert grams >= 400  # the curry's portion and the rice's


def test_a_breakfast_sausage_is_a_pork_breakfast_link() -> None:
    (item,) = resolve_line("2 breakfast sausages", region="us").items
    assert item.food.name == "Pork sausage"  # had been a sausage, egg and cheese biscuit
    assert item.grams.grams == 40


def test_a_dish_named_before_another_dish_word_is_that_dish() -> None:
    # "doner" is a dish of its own (FNDDS's gyro), served here as a wrap: it had been refused
    # as "grilled doner", the kebab recipe's meat
    assert _names("doner kebab wrap", region="uk") == ["Gyro sandwich"]
    assert _names("chicken kebab wrap", region="uk")[0].startswith("Chicken")


@pytest.mark.parametrize(("text", "name"), [
    ("lemon tea", "Tea, hot, leaf, black"),  # had been 11 g of SR28's instant powder
    ("iced lemon tea", "Tea, iced, brewed, black, unsweetened"),
    ("mango juice carton", "Mango nectar"),  # had been refused
    ("guava juice", "Guava nectar"),
    ("tinned peaches in juice", "Peach, canned, juice pack"),  # had been the peaches in syrup
    ("pineapple in natural juice", "Pineapple, canned, juice pack"),
])  # fmt: skip
def test_drinks_and_tinned_fruit_in_usda_words(text: str, name: str) -> None:
    assert _names(text, region="uk") == [name]


def test_a_drink_named_plainly_is_never_its_dry_powder() -> None:
    (item,) = resolve_line("lemon tea at home", region="uk").items
    assert item.grams.grams > 200  # a mug, not a tablespoon of powder


@pytest.mark.parametrize(("text", "name"), [
    ("slice of lemon drizzle", "Cake or cupcake, lemon"),  # had been 8 g of lemon
    ("slice of victoria sponge", "Cake, sponge"),
])  # fmt: skip
def test_british_cakes_by_the_names_bakers_sell_them_under(text: str, name: str) -> None:
    assert _names(text, region="uk") == [name]


@pytest.mark.parametrize(("text", "name"), [
    ("prawn cocktail crisps", "Potato chips, other flavored"),  # had been refused
    ("smoky bacon crisps", "Potato chips, other flavored"),
    ("ready salted crisps", "Potato chips, plain"),  # had been USDA's reduced-salt kind
])  # fmt: skip
def test_crisps_by_their_british_flavours(text: str, name: str) -> None:
    assert _names(text, region="uk") == [name]


def test_a_chain_usda_names_only_with_its_pizza_is_still_a_chain() -> None:
    from twitchcheck.foods.qualifiers import restaurant

    assert restaurant("dominos")  # SR28 names it only as "DOMINO'S 14\" Cheese Pizza", ...
    assert restaurant("papa johns")
    assert not restaurant("pizza")


@pytest.mark.parametrize("text", [
    "chicken soup with noodles",  # the noodles had been counted again beside the soup
    "chicken soup w/ noodles",  # "w/" and "w" are "with", for the dish too
    "chicken soup w noodles",
])  # fmt: skip
def test_a_soup_with_what_it_is_made_of_is_one_soup(text: str) -> None:
    (name,) = _names(text, region="us")
    assert name.startswith("Soup, chicken noodle")


def test_butter_is_not_peanut_butter() -> None:
    # "Crackers, wheat, sandwich, with peanut butter filling" had been the one dish of both
    assert _names("couple of crackers w butter", region="uk") == ["Crackers, NFS", "Butter, NFS"]


@pytest.mark.parametrize(("text", "name"), [
    ("toasted teacake", "Roll, sweet, with fruit, frosted"),  # had been a slice of toast
    ("jam doughnut", "Doughnut, jelly"),  # British jam is American jelly
])  # fmt: skip
def test_british_bakes_readied_or_filled_in_british_words(text: str, name: str) -> None:
    assert _names(text, region="uk") == [name]


@pytest.mark.parametrize(("text", "name"), [
    ("shortbread biscuits", "Cookie, shortbread"),  # had been the American bread biscuit
    ("2 oat biscuits", "Cookie, oatmeal"),
    ("shortbread finger", "Cookie, shortbread"),  # had been refused
])  # fmt: skip
def test_british_biscuits_by_their_kind_are_cookies(text: str, name: str) -> None:
    assert _names(text, region="uk") == [name]
