"""A line that says a USDA dish's own name, word for word, is that dish: the names the
food search offers must read back as the food they name, not as its parts."""

from __future__ import annotations

import pytest

from twitchcheck.errors import InputError
from twitchcheck.foods.database import connect
from twitchcheck.foods.phrases import NeedsDetailError, resolve_line
from twitchcheck.foods.search import names_dish, search
from twitchcheck.text import terms

JOINING = frozenset({"or", "with", "and", "in", "of", "on"})


def _head(name: str) -> str:
    return " ".join(terms(name.split(",")[0]))


@pytest.mark.parametrize(
    ("line", "head"),
    [
        # had been beef, pasta and cheese sauce
        ("230 g beef and macaroni with cheese sauce", "beef and macaroni with cheese sauce"),
        # had been shrimp and a lettuce salad
        ("shrimp and vegetables excluding carrots", "shrimp and vegetable excluding carrot"),
        # had lost the macaroni (cheese and meat only)
        ("macaroni or noodles with cheese and meat", "macaroni or noodle with cheese and meat"),
        ("1 cup chili with macaroni", "chili with macaroni"),  # had been chili and pasta
        ("lamb shish kabob with vegetables", "lamb shish kabob with vegetable"),  # not pita too
        # had been "Fish, noodles, and vegetables ...": FNDDS's dish of the name comes first
        ("fish and vegetables excluding carrots", "fish and vegetable excluding carrot"),
    ],
)
def test_a_dishs_own_name_is_the_dish(line: str, head: str) -> None:
    items = resolve_line(line).items
    assert len(items) == 1
    assert _head(items[0].food.name) == head
    assert items[0].food.source == "fndds"


def test_the_amount_written_stays_with_the_dish() -> None:
    (item,) = resolve_line("230 g beef and macaroni with cheese sauce").items
    assert item.grams.grams == pytest.approx(230)


def test_a_plate_named_as_fndds_names_it_still_weighs_its_parts() -> None:
    # "chicken curry with rice" is FNDDS's dish; with no amount it weighs a curry and a rice
    (item,) = resolve_line("chicken curry with rice").items
    assert _head(item.food.name) == "chicken curry with rice"
    assert item.grams.grams > 300


def test_sr28s_product_of_the_same_words_is_not_taken_for_home_cooking() -> None:
    # SR28's "Pasta with tomato sauce, no meat, canned": a plate of pasta is pasta and sauce
    items = resolve_line("pasta w tomato sauce").items
    assert [i.food.name.split(",")[0] for i in items] == ["Pasta", "Tomato sauce"]


def test_search_keeps_usda_words_its_synonyms_would_change() -> None:
    # "spaghetti" searches as pasta, which had lost "Spaghetti sauce with meat" altogether
    assert _head(search("spaghetti sauce with meat")[0].name) == "spaghetti sauce with meat"
    assert names_dish("Beef and macaroni with cheese sauce")
    assert not names_dish("tea with milk")
    assert not names_dish("pancakes & syrup")  # "Pancake syrup" holds no joining word


def test_most_fndds_dish_names_read_back_as_their_dish() -> None:
    """Every FNDDS name whose first part says several foods, typed as it is: 480 of 592
    before these rules, 577 (97%) after; the rest are read as a near neighbour ("Macaroni or
    noodles with cheese" for "macaroni and cheese") or split."""
    heads = {}
    for (name,) in connect().execute("SELECT name FROM food WHERE source = 'fndds'"):
        words = terms(name.split(",")[0])
        if len(words) > 2 and JOINING & set(words) and not any(c.isdigit() for c in name):
            heads.setdefault(" ".join(words), name.split(",")[0].lower())
    read_back = 0
    for head, typed in heads.items():
        try:
            items = resolve_line(typed).items
        except InputError:
            continue
        read_back += len(items) == 1 and _head(items[0].food.name) == head
    assert read_back >= 0.95 * len(heads)


@pytest.mark.parametrize(
    ("line", "head"),
    [
        # a synonym ("spaghetti" searches as pasta) had changed USDA's own two words
        ("spaghetti squash", "spaghetti squash"),  # had been pasta
        ("spaghetti sauce", "spaghetti sauce"),  # had been pasta with sauce
        ("chili hot dog sandwich", "chili hot dog sandwich"),  # had been refused
        # a measure word that begins USDA's name ("1 fruit", a medium one) measures nothing
        ("fruit salad", "fruit salad"),  # had been refused: "fruit" of a lettuce salad
        ("100 g fruit salad", "fruit salad"),
    ],
)
def test_usdas_own_two_words_are_its_food(line: str, head: str) -> None:
    (item,) = resolve_line(line).items
    assert _head(item.food.name) == head


def test_a_fruit_salad_is_fresh_fruit_not_a_dessert_salad() -> None:
    (item,) = resolve_line("a bowl of fruit salad").items
    assert "fresh or raw" in item.food.name  # not "with pudding", "with marshmallows"
    # "fruit salad with cream" had lost its fruit salad: "fruit" read as its measure
    salad, cream = resolve_line("fruit salad with cream").items
    assert _head(salad.food.name) == "fruit salad"
    assert cream.food.name.startswith("Cream")
    assert resolve_line("2 fruit").items[0].food.name == "Fruit, NFS"  # a count of fruit still


def test_what_a_name_lacks_does_not_make_it_another_food() -> None:
    # search.toml [changes] salad: "dressing" makes salad dressing; "no dressing" does not
    (item,) = resolve_line("spinach salad").items
    assert item.food.name == "Spinach salad, no dressing"
    assert not item.uncertain  # the penalty had made the right food doubtful


def test_alcohol_is_never_assumed() -> None:
    (punch,) = resolve_line("glass of fruit punch").items
    assert "alcoholic" not in punch.food.name.lower()
    (said,) = resolve_line("alcoholic fruit punch").items
    assert said.food.name == "Fruit punch, alcoholic"


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("coffee creamer", "Coffee creamer, NFS"),  # had been coffee with creamer
        ("nutella sandwich on white bread", "Nutella sandwich on white bread"),  # not the brand
        ("chipotle dip", "Chipotle dip, regular"),  # not the chain's menu
    ],
)
def test_usdas_name_beats_the_rules_for_its_words(line: str, name: str) -> None:
    (item,) = resolve_line(line).items
    assert item.food.name == name


def test_usdas_name_is_not_changed_by_what_its_tail_lists() -> None:
    # [changes] salad: "egg" makes egg salad; the seven-layer salad lists egg in its recipe
    (item,) = resolve_line("seven-layer salad").items
    assert item.food.name.startswith("Seven-layer salad")
    assert resolve_line("tea milk 2 sugars").items[1].food.name == "Milk, NFS"  # rule kept


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("fish fillet", "Fish, NFS"),  # had been a fish sandwich (its note says fillet)
        ("baked fish fillet", "Fish, NS as to type, baked or broiled"),
        ("vegetarian fillets", "Vegetarian, fillet"),  # the best names all that was said
        ("2 breakfast links", "Pork sausage"),  # had been a breakfast bar
    ],
)
def test_a_cut_or_link_is_the_food_it_is_cut_from(line: str, name: str) -> None:
    assert resolve_line(line).items[0].food.name == name


def test_two_breakfast_links_weigh_two_links() -> None:
    assert resolve_line("2 breakfast links").items[0].grams.grams == pytest.approx(40)


@pytest.mark.parametrize(
    "line",
    ["subway", "kfc", "mcdonalds", "burger king", "school lunch", "subway lunch", "kfc drive thru"],
)
def test_a_restaurants_name_alone_needs_detail(line: str) -> None:
    # "subway" had been a chocolate chip cookie, "mcdonalds" a McDouble: never guessed
    with pytest.raises(NeedsDetailError, match="not guessed"):
        resolve_line(line)


def test_a_chains_name_that_says_its_food_is_that_food() -> None:
    assert "Pizza" in resolve_line("dominos pizza").items[0].food.name
    assert resolve_line("costa").items[0].food.name == "Coffee, Latte"  # its signature item
    with pytest.raises(NeedsDetailError):  # a footlong is a size: of what is not said
        resolve_line("subway footlong")


def test_a_part_the_dish_holds_is_not_counted_again() -> None:
    # British "beans" are baked beans, but beside a chili that holds beans they are its own
    items = resolve_line("chili con carne with beans", region="uk").items
    assert len(items) == 1
    # the same food another way is more of it: mashed and roast potatoes are both counted
    line = resolve_line("mashed & roast potatoes", region="uk").items
    assert len(line) == 2


def test_chili_con_carne_is_cooked_at_home_not_canned() -> None:
    # SR28's canned entree is the one food so named; FNDDS's home recipe is the dish
    (item,) = resolve_line("chilli con carne", region="uk").items
    assert item.food.name == "Chili with meat and beans"
