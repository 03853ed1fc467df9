"""Comma segments that qualify a food (USDA's own style) are not a list of foods."""

from __future__ import annotations

import itertools
import re
from collections import Counter

import pytest

from twitchcheck.foods.database import connect
from twitchcheck.foods.dishes import split
from twitchcheck.foods.phrases import resolve_line
from twitchcheck.foods.qualifiers import (
    amount_first,
    in_usda_name,
    only_qualifies,
    qualifier_words,
)
from twitchcheck.text import terms


def test_qualifier_words_are_read_from_usda_names() -> None:
    words = qualifier_words()
    assert {"roasted", "boiled", "drained", "canned", "farmed"} <= words
    assert not {"butter", "cheese", "milk", "toast", "beans", "bacon"} & words
    # kinds USDA writes after one head only qualify that head ("Fish, catfish")
    assert not {"catfish", "latte", "brisket", "atlantic"} & words


@pytest.mark.parametrize(
    ("segment", "before"),
    [
        ("dry roasted", "Almonds"),
        ("1 ounce", "Almonds"),
        ("1/2 cup", "Spinach"),
        ("1%", "Milk"),
        ("low fat", "Yogurt"),
        ("with skin", "Apple"),
        ("whole wheat", "Bread"),  # USDA's "Bread, whole-wheat"
        ("cheddar", "Cheese"),
        ("light", "Tuna"),  # "Fish, tuna, light, canned in water": written after tuna
        ("canned in water", "Tuna, light"),  # ...and after light
        ("oil roasted", "Peanuts"),  # "Peanuts, all types, oil-roasted"
        ("black", "Tea"),
        ("scrambled", "Egg"),
        ("stewed", "Tomatoes, canned"),  # a cooking method, though "Stewed potatoes" heads one
        ("sliced and stir-fried", "Mushrooms, white"),  # qualifiers joined, a compound's last
        ("boiled and drained", "Lentils"),
        ("meat and skin", "Chicken breast, roasted"),  # "Chicken, ..., meat and skin"
        ("cheddar or mozzarella", "Cheese"),  # either choice qualifies cheese
        ("4 spears", "Asparagus, boiled"),  # an amount in the food's own measure
        ("1 ounce (6-8 nuts)", "Brazil nuts"),  # ...restated in brackets
        ("whole wheat", "Spaghetti"),  # written after the names of many foods, heading none
    ],
)
def test_segments_that_only_qualify(segment: str, before: str) -> None:
    assert only_qualifies(segment, before)


@pytest.mark.parametrize(
    ("segment", "before"),
    [
        ("butter", "toast"), ("beans", "eggs"), ("rice", "chicken"), ("", "eggs"), ("tea", ""),
        # USDA writes broccoli after beef ("Beef, broccoli, ..." dishes), but broccoli and
        # black beans head foods of their own: a list
        ("broccoli", "beef"), ("black beans", "rice"),
        # a count of a word that heads a food is that food: "garlic rice, longganisa, 1 egg"
        ("1 egg", "garlic rice, longganisa"), ("2 eggs", "2 sausages"),
        ("toast or bagel", "eggs"),  # neither choice qualifies eggs
        ("no cheese", "turkey wrap"),  # what it was without is read by the exclusions
    ],
)  # fmt: skip
def test_segments_that_name_another_food(segment: str, before: str) -> None:
    assert not only_qualifies(segment, before)


def test_usda_style_names_stay_one_food_and_lists_stay_lists() -> None:
    assert split("Almonds, dry roasted, 1 ounce") == ("Almonds, dry roasted, 1 ounce",)
    assert split("Salmon, Atlantic, farmed, cooked, 3 ounces") == (
        "Salmon, Atlantic, farmed, cooked, 3 ounces",
    )
    assert len(split("eggs, bacon, beans")) == 5  # three foods and their two joins
    assert len(split("toast, butter")) == 3
    # the NIH fact sheets' words for foods USDA writes so
    usda_style = (
        "Tuna, light, canned in water, drained, 3 ounces",
        "Tea, black, brewed, 1 cup",
        "Peanuts, oil roasted, 1/4 cup",
        "Egg, 1 large, scrambled",
        "Broccoli, chopped and cooked, 1/2 cup",  # two qualifiers joined
        "Lettuce, iceberg, shredded, 1 cup",  # USDA's "iceberg (includes crisphead types)"
    )
    for name in usda_style:
        assert split(name) == (name,)
    assert len(split("chicken, rice, broccoli")) == 5


def test_fact_sheet_foods_keep_their_figures() -> None:
    """The NIH fact-sheet food tables (tests/data/factsheet_foods): a floor under today's
    figures (table words 64/74, typed 62/74), so a change that loses them fails here."""
    import csv

    from conftest import REPO, load_tool

    scorer = load_tool("score_factsheet")
    with (REPO / "tests/data/factsheet_foods/foods.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    right = {
        column: sum(
            scorer.score(row[column], row["nutrient"], float(row["expected"]))[0] for row in rows
        )
        for column in ("phrase", "typed")
    }
    assert right["phrase"] >= 62, right
    assert right["typed"] >= 60, right


_WORD = re.compile(r"[a-z]+")
_NOT_WORD = re.compile(r"[^a-z\n\t]+")


def _plain_lines(text: str) -> list[str]:
    return [line.strip() for line in _NOT_WORD.sub(" ", text).split("\n")]


def _run_time_tables() -> dict[str, object]:
    """The tables as qualifiers.py derived them from the names at run time until schema 6,
    kept here as the reference the build's derivation must give."""
    rows = connect().execute("SELECT name, brand, food_group FROM food").fetchall()
    names = [str(name).lower() for name, _, _ in rows]
    restaurants = frozenset(
        " ".join(_WORD.findall(str(name).split(",")[0].lower()))
        for name, brand, group in rows
        if brand and group in ("Fast Foods", "Restaurant Foods") and "," in str(name)
    )
    split_names = [name.split(",", 2) for name in names]
    firsts = [parts[0] for parts in split_names]
    generic = [name for name, (_, brand, group) in zip(names, rows, strict=True)
               if not brand and group not in ("Fast Foods", "Restaurant Foods")]  # fmt: skip
    heads = Counter(_WORD.findall("\n".join(firsts)))
    tails = Counter(_WORD.findall("\n".join(name.partition(",")[2] for name in generic)))
    whole_heads = {first.strip() for first in firsts}
    followed: dict[str, set[str]] = {}  # the first words of the heads each tail word follows
    # "cookies" folds to "cooky": the index's "-ie" respelling makes it "cookie" again
    ie = dict(connect().execute("SELECT term, words FROM respelling WHERE words LIKE '%ie'"))
    for name in generic:
        first, _, tail = name.partition(",")
        head = " ".join(ie.get(t, t) for t in terms(first)[:1])
        for word in _WORD.findall(tail):
            followed.setdefault(word, set()).add(head)
    qualifier_set = frozenset(
        word
        for word, uses in tails.items()
        if uses >= 5
        and heads[word] <= 0.1 * uses
        and word not in whole_heads
        and len(followed[word]) >= 2
    )
    two = _plain_lines("\n".join(f"{p[0]}\t{p[1]}" for p in split_names if len(p) > 1))
    pairs = frozenset(
        (first.strip(), choice.strip())
        for first, _, second in (line.partition("\t") for line in two)
        for choice in {second, *second.strip().split(" or ")}  # each choice is a pair too
    )
    text = "\n".join(f" {line} " for line in _plain_lines("\n".join(names)))
    words = frozenset(heads) | frozenset(tails)
    return {
        "qualifiers": qualifier_set,
        "pairs": pairs,
        "words": words,
        "restaurants": restaurants,
        "text": text,
    }


@pytest.fixture(scope="module")
def run_time() -> dict[str, object]:
    return _run_time_tables()


def test_stored_tables_are_what_the_names_give(run_time: dict[str, object]) -> None:
    db = connect()
    stored = {
        "qualifiers": frozenset(w for (w,) in db.execute("SELECT word FROM qualifier_word")),
        "pairs": frozenset(db.execute("SELECT head, second FROM name_pair")),
        "words": frozenset(w for (w,) in db.execute("SELECT word FROM name_word")),
        "restaurants": frozenset(c for (c,) in db.execute("SELECT name FROM chain")),
    }
    for table, found in stored.items():
        assert found == run_time[table], table
    assert qualifier_words() == run_time["qualifiers"]
    assert {"roasted", "drained"} <= qualifier_words()
    assert {"taco bell", "subway"} <= stored["restaurants"]


def test_name_index_finds_the_phrases_the_names_text_holds(run_time: dict[str, object]) -> None:
    """Every name whole and every one, two and three of its words side by side are found; two
    words either side of a name's end only where some name has them side by side; and a
    sample of all these agrees with the names' text as qualifiers.py searched it before."""
    text = str(run_time["text"])
    lines = [line.strip() for line in text.split("\n")]
    inside = {line for line in lines if line}
    for found in (line.split() for line in lines):
        inside.update(" ".join(found[i : i + n]) for n in (1, 2, 3) for i in range(len(found)))
    across = {
        f"{line.split()[-1]} {following.split()[0]}"
        for line, following in itertools.pairwise(lines)
        if line and following
    }
    assert len(inside) > 50_000
    assert all(in_usda_name(phrase) for phrase in inside)
    assert {phrase for phrase in across if in_usda_name(phrase)} == across & inside
    sample = sorted(inside)[::200] + sorted(across)[::40]
    sample += ["", "zzz", "caldo de res", "cafe con leche", "con leche caldo"]
    assert [in_usda_name(p) for p in sample] == [bool(p) and f" {p} " in text for p in sample]


@pytest.mark.parametrize(
    ("text", "moved"),
    [
        ("Potato, medium, baked, including skin", "medium Potato, baked, including skin"),
        ("xalwo, 2 pieces, from the shop", "2 pieces xalwo, from the shop"),
        ("Egg, 1 large, scrambled", "1 large Egg, scrambled"),
        # already an amount first, a last part (read by the amount rules) or no amount inside
        ("2 potatoes, medium, baked", "2 potatoes, medium, baked"),
        ("Almonds, dry roasted, 1 ounce", "Almonds, dry roasted, 1 ounce"),
        ("eggs, 2 sausages, toast", "eggs, 2 sausages, toast"),
        ("rice, beans, chicken", "rice, beans, chicken"),
    ],
)
def test_an_amount_inside_a_usda_style_name_is_read_first(text: str, moved: str) -> None:
    assert amount_first(text) == moved


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # US milk is sold fortified with vitamins A and D; the unfortified kind only when said
        ("Milk, 1% milk fat, 1 cup", "with added vitamin A and vitamin D"),
        ("1 cup unfortified milk", "without added vitamin A"),
        # American hamburger is also ground beef sold by its lean share
        ("3 oz 85% lean hamburger", "Beef, ground, 85% lean"),
        # USDA weighs meat's edible part: boneless is the meat itself
        ("Turkey, boneless, roasted, 3 ounces", "Turkey, whole, meat only, cooked, roasted"),
    ],
)
def test_usda_table_wordings_find_the_food_meant(text: str, name: str) -> None:
    (item,) = resolve_line(text, region="us").items
    assert name in item.food.name


@pytest.mark.parametrize("line", ["toast, latte", "bacon bap, latte", "croissant, cappuccino"])
def test_a_kind_of_coffee_after_a_comma_is_a_drink_of_its_own(line: str) -> None:
    # "latte" is a qualifier in USDA's "Coffee, Latte", and had been swallowed by the toast
    names = [i.food.name for i in resolve_line(line, region="uk").items]
    assert names[-1].startswith("Coffee, ")
    assert len(names) >= 2


def test_a_kind_of_coffee_still_qualifies_coffee() -> None:
    assert [i.food.name for i in resolve_line("Coffee, latte, 12 fl oz", region="us").items] == [
        "Coffee, Latte"
    ]


@pytest.mark.parametrize(
    ("line", "second"),
    [("grits, catfish", "Fish, catfish"), ("chips, haddock", "Fish, haddock"),
     ("coffee, brownie", "Cookie, brownie"), ("soup, saltines", "Crackers, saltine")],
)  # fmt: skip
def test_a_kind_usda_writes_after_one_head_is_a_food_after_any_other(
    line: str, second: str
) -> None:
    # "catfish" is a qualifier only of "Fish," in USDA's names: after grits it is a food
    names = [i.food.name for i in resolve_line(line, region="us").items]
    assert len(names) == 2
    assert names[1].startswith(second)


@pytest.mark.parametrize(
    ("line", "name"),
    [("Fish, catfish, farmed, cooked, 3 ounces", "Fish, catfish"),
     ("Beef, brisket, cooked, 3 ounces", "Beef, brisket"),
     ("Milk, evaporated, 2 tbsp", "Milk, evaporated")],
)  # fmt: skip
def test_the_kind_still_qualifies_its_own_head(line: str, name: str) -> None:
    (item,) = resolve_line(line, region="us").items
    assert item.food.name.startswith(name)
