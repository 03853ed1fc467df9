"""Phrases become the right food, the right grams and the right nutrients."""

from __future__ import annotations

import itertools
import json
import math
import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import HANG_BOUND
from twitchcheck.errors import AmountError, InputError, PortionError, UnknownFoodError
from twitchcheck.foods.phrases import NeedsDetailError, nutrients, resolve, resolve_line
from twitchcheck.text import clean

# text, food name pattern, grams (exact where USDA gives the portion), estimate?
PHRASES = [
    ("1 oz almonds", r"^(Almonds|Nuts, almonds)", 28.35, False),
    ("a handful of almonds", r"^(Almonds|Nuts, almonds)", 28.0, True),
    ("1 1/2 cups cooked spinach", r"^Spinach, .*cooked", 1.5 * 180, False),
    ("½ cup lentils", r"^Lentils", 0.5 * 198, False),
    ("2 eggs", r"^Egg, whole", 100.0, False),
    ("a medium banana", r"^Bananas?, raw", 118.0, False),
    ("3 oz grilled salmon", r"^Fish, salmon, grilled", 85.05, False),
    ("250 ml milk", r"^Milk", 258.0, False),
    ("a glass of milk", r"^Milk", 247.5, True),
    ("2 cups of coffee", r"^(Coffee, brewed|Beverages, coffee, brewed)", 480.0, False),
    ("100g chicken breast", r"^Chicken(, broilers or fryers,)? breast", 100.0, False),
    ("1 tbsp olive oil", r"^(Olive oil|Oil, olive)", 14.0, False),
    ("two slices of whole wheat bread", r"^Bread, whole[- ]wheat", 72.0, False),
    ("banana", r"^Bananas?, raw", 126.0, True),
]


@pytest.mark.parametrize(("text", "name", "grams", "estimate"), PHRASES)
def test_phrases(text: str, name: str, grams: float, estimate: bool) -> None:
    item = resolve(text)
    assert re.search(name, item.food.name), item.food.name
    assert item.grams.grams == pytest.approx(grams, rel=0.1)
    assert item.grams.estimate is estimate


def test_grams_scale_nutrients_from_per_100g() -> None:
    item = resolve("200 g banana [09040]")
    assert item.nutrients["potassium_mg"] == pytest.approx(716.0)
    assert item.nutrients["magnesium_mg"] == pytest.approx(54.0)


def test_pinned_food_wins_over_search() -> None:
    assert resolve("1 cup milk [01077]").food.id == "sr28:01077"


def test_alternatives_include_the_other_source() -> None:
    item = resolve("1 cup milk")
    sources = {m.source for m in item.alternatives}
    assert item.food.source not in sources or len(sources) > 1
    assert {item.food.source, *sources} == {"sr28", "fndds"}


def test_missing_values_are_counted_not_zeroed() -> None:
    report = nutrients(["100 g banana [09040]", "100 g cheese [01008]"])
    assert report.total["potassium_mg"] == pytest.approx(358 + 93)
    # SR28 caraway cheese (01008) has no caffeine row: the total leaves it out and says so.
    assert report.items[1].nutrients["caffeine_mg"] is None
    assert report.missing["caffeine_mg"] == 1
    assert report.total["caffeine_mg"] == report.items[0].nutrients["caffeine_mg"]


@pytest.mark.parametrize(
    ("text", "error", "words"),
    [
        ("1 cup xyzzyqq", UnknownFoodError, "no food matches"),
        ("2 slices banana [09040]", PortionError, "portions are"),
        ("-2 eggs", AmountError, "negative"),
        ("0 g rice", AmountError, "zero"),
        ("6 kg rice", AmountError, "5 kg"),
        ("12 lb almonds", AmountError, "5 kg"),
        ("", InputError, "empty"),
        ("250 g", InputError, "no food"),
        # brackets after an amount with no food before it (had raised ValueError)
        (",, 1 ounce (6-8 nuts)", InputError, "no food matches"),
    ],
)
def test_bad_input_is_refused_with_a_message(text: str, error: type[Exception], words: str) -> None:
    with pytest.raises(error, match=words):
        resolve(text)


def test_unit_error_names_the_portions_the_food_has() -> None:
    with pytest.raises(PortionError) as caught:
        resolve("1 slice [09040]")
    assert "medium" in str(caught.value)
    assert caught.value.code == "unknown_portion"


def test_unknown_food_suggests_close_names() -> None:
    with pytest.raises(UnknownFoodError) as caught:
        resolve("1 cup spinich pie xq")
    assert caught.value.suggestions


def test_nothing_to_resolve_is_an_error() -> None:
    with pytest.raises(InputError):
        nutrients([])


@pytest.mark.parametrize(
    ("text", "grams"),
    [
        ("1 bottle of beer", 360.0),  # the 12 fl oz bottle people usually drink, not 40 fl oz
        ("a bagel", 105.0),  # a regular bagel, not a "Bagel Thin"
        ("a packet of crisps", 28.0),  # the small single-serving bag
        ("1 shot of espresso", 30.43),  # a shot is 1 fl oz (units.toml [by_food])
        ("a slice of cheddar", 21.0),
    ],
)
def test_the_usual_size_is_chosen_among_several(text: str, grams: float) -> None:
    assert resolve(text).grams.grams == pytest.approx(grams, rel=1e-3)


# Amounts: read whole at every scale, refused when no single item could be that much.
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("one million eggs", r"1,000,000 eggs .* is 50,000,000 g, over the 5 kg limit"),
        ("1e6 g rice", r"1,000,000 g .* over the 5 kg limit"),
        ("1,000,000 g rice", r"1,000,000 g .* over the 5 kg limit"),
        ("99999999999999999999999 g rice", r"1e\+23 g .* over the 5 kg limit"),
        ("1.2 kg olive oil", r"10,800 kcal, over the 10,000 kcal that one item can hold"),
        ("zero eggs", "not above zero"),
        ("0.0 g rice", "not above zero"),
        ("- 1 cup milk", "negative"),
        ("1e400 g rice", "too large"),
    ],
)
def test_impossible_amounts_are_refused_naming_the_limit(text: str, words: str) -> None:
    with pytest.raises(AmountError, match=words):
        resolve(text)


@pytest.mark.parametrize(
    ("text", "grams", "flag"),
    [("a hundred grams rice", 100.0, None), ("two thousand g rice", 2000.0, None),
     ("3 kg rice", 3000.0, "very large amount"), ("1 kg butter", 1000.0, "more than a day's")],
)  # fmt: skip
def test_large_amounts_are_accepted_and_flagged(text: str, grams: float, flag: str | None) -> None:
    item = resolve(text)
    assert item.grams.grams == pytest.approx(grams)
    assert any(flag in w for w in item.warnings) if flag else not item.warnings
    assert item.to_dict()["warnings"] == list(item.warnings)


@pytest.mark.parametrize(
    "text", ["2\u200beggs", "\u200b2 eggs", "2\ufeff eggs", "2\u00a0eggs", "２ eggs", "2 eggs\x00"]
)
def test_invisible_and_odd_characters_read_as_typed(text: str) -> None:
    item, plain = resolve(text), resolve("2 eggs")
    assert (item.food.id, item.grams.grams) == (plain.food.id, plain.grams.grams)
    assert item.input == clean(text)


def test_decimals_and_percentages_in_food_words_are_data() -> None:
    item = resolve("milk 3.25%")
    assert re.match(r"Milk, whole, 3\.25%", item.food.name)
    assert resolve("1 cup whole milk 3.25%").food.id == item.food.id


def test_a_size_word_without_a_number_can_be_part_of_the_name() -> None:
    assert resolve("whole milk").food.name.startswith("Milk, whole")


def test_look_alike_letters_are_refused() -> None:
    with pytest.raises(InputError, match="mixes Cyrillic and Latin"):
        resolve("1 cup мilk")


def test_a_megabyte_phrase_is_refused_at_once() -> None:
    start = time.perf_counter()
    with pytest.raises(InputError, match="at most 300"):
        resolve("2 eggs " * 150_000)
    assert time.perf_counter() - start < HANG_BOUND


@pytest.mark.parametrize(
    "text",
    [
        "zq" * 149,
        "qwxz " * 59,
        " ".join(["milk", "cheese", "bread", "raw", "with"] * 8),
        "-" + "9" * 250 + " eggs",
        "9" * 200 + "/0 eggs",
        "1000000 " + "rice " * 58,
        "one " * 70,
    ],
)
def test_unknown_long_phrases_cost_little(text: str) -> None:
    start = time.perf_counter()
    with pytest.raises(InputError) as caught:
        resolve(text)
    assert time.perf_counter() - start < HANG_BOUND
    assert len(str(caught.value)) < 800


def test_too_many_phrases_are_refused_before_any_is_read() -> None:
    with pytest.raises(InputError, match="more than 100 food phrases"):
        nutrients(itertools.repeat("1 egg"))  # endless: must not be read to the end
    assert len(nutrients(["1 egg"] * 100).items) == 100


PHRASE_PIECES = [
    "2",
    " eggs",
    "1/2",
    " cup",
    " milk",
    " 3.25%",
    "\u200b",
    "\u00a0",
    "[01077]",
    "[/bold]",
    "[skim]",
    '"',
    "*",
    "^",
    "-",
    ":",
    "(",
    ")",
    " NEAR ",
    " AND ",
    " OR ",
    " NOT ",
    "{name}:",
    "head:",
    " one",
    " million",
    " a hundred",
    " grams",
    " 1e6",
    " 0",
    "мilk",
    "\x00",
    "½",
]
PHRASES_ST = st.lists(
    st.sampled_from(PHRASE_PIECES) | st.text(max_size=4), min_size=1, max_size=10
).map("".join)


@settings(max_examples=60, deadline=None)
@given(text=PHRASES_ST)
def test_any_phrase_resolves_or_is_refused_with_a_documented_error(text: str) -> None:
    try:
        item = resolve(text)
    except InputError:
        return  # a documented refusal (its message is tested above)
    assert 0 < item.grams.grams <= 5000
    values = [v for v in item.nutrients.values() if v is not None]
    assert all(math.isfinite(v) for v in values)
    json.dumps(item.to_dict(), allow_nan=False)


def test_a_meal_written_on_a_line_stays_on_every_part_of_it() -> None:
    """A meal prefix ("lunch out -", "Dinner:") is the diary's; the dash list, context and
    dish rules of the food part must leave it on the entry."""
    from twitchcheck.diary import parse_diary_text

    text = (
        "2026-11-20\n"
        "lunch out - cheese sandwich, apple\n"
        "Dinner: leftover chicken and rice bowl\n"
        "18:30 tea milk 2 sugars\n"
    )
    diary = parse_diary_text(text, year=2026, region="uk")
    meals = {(e.line, e.meal) for e in diary.entries}
    assert (2, "lunch") in meals
    assert (3, "dinner") in meals
    assert all(e.meal == "lunch" for e in diary.entries if e.line == 2)
    teas = [e for e in diary.entries if e.line == 4]
    assert teas
    assert all(getattr(e, "time", None) is not None for e in teas)


def test_a_list_after_a_dish_and_a_colon_is_read_part_by_part() -> None:
    line = resolve_line("full english at the cafe: 2 eggs, bacon, beans", region="uk")
    names = [item.food.name for item in line.items]
    assert names[0].startswith("Egg, whole, fried")  # the dish guides its eggs: fried
    assert line.items[0].grams.grams == pytest.approx(100, rel=0.15)  # two eggs, not bacon's
    assert any(n.startswith("Bacon") for n in names)
    assert any("beans" in n for n in names)
    listed = resolve_line("meals on wheels: roast turkey, mashed potatoes")
    assert [i.food.name.split(",")[0] for i in listed.items] == ["Turkey", "Potato"]


@pytest.mark.parametrize("text", ["region: us", "no ham, no cheese", "no eggs, no eggs"])
def test_a_colon_or_what_was_left_out_alone_names_no_food(text: str) -> None:
    with pytest.raises(NeedsDetailError):
        resolve_line(text)


def test_the_amount_of_a_part_that_matched_nothing_stays_with_it() -> None:
    """ "3 pints" is the unknown ale's: the scratchings take their own portion, not 3 pints."""
    (item,) = resolve_line("3 pints Tribute, pork scratchings", region="uk").items
    assert item.food.name.startswith("Pork skin")
    assert item.grams.grams < 60
    assert item.left_out == ("tribute",)


def test_a_later_part_whose_measure_its_food_lacks_is_left_out_not_the_whole_line() -> None:
    """ "a bit of" is read as a piece, which USDA's Caerphilly stand-in lacks: the cawl and
    the bread are still counted, and the cheese is reported as not counted."""
    line = resolve_line("cawl with bread & a bit of Caerphilly", region="uk")
    assert line.items
    assert all(i.left_out == ("a bit of caerphilly",) for i in line.items)


@pytest.mark.parametrize("line", ["coffee from the garage, black, 2 sugars", "tea, no sugar"])
def test_how_a_hot_drink_was_taken_after_a_comma_is_no_food(line: str) -> None:
    names = [item.food.name for item in resolve_line(line, region="uk").items]
    assert names[0].startswith(("Coffee", "Tea"))
    assert not any("beans" in n for n in names)  # "black" was read as black beans
    assert len(names) == (2 if "2 sugars" in line else 1)


@pytest.mark.parametrize(
    ("line", "region", "grams"),
    [("08:00 latte", None, 360), ("8pm 2 beers", None, 720), ("7.30 cup of tea", "uk", 240)],
)
def test_a_time_said_first_is_not_an_amount(line: str, region: str | None, grams: float) -> None:
    """ "08:00 latte" had been eight lattes (2.9 kg) when read outside a diary."""
    (item,) = resolve_line(line, region=region).items
    assert item.grams.grams == pytest.approx(grams, rel=0.05)


def test_an_amount_with_a_point_stays_an_amount() -> None:
    assert resolve("1.25 cups milk").grams.grams == pytest.approx(1.25 * 244, rel=0.05)


@pytest.mark.parametrize(
    ("line", "name", "low", "high"),
    [
        # qualifiers joined by "and"/"or" after a comma, as USDA and the NIH tables write them
        ("Lentils, boiled and drained, 1/2 cup", "Lentils, mature seeds, cooked, boiled", 95, 105),
        ("Cheese, cheddar or mozzarella, 1 ounce", "Cheese, Cheddar", 28, 29),
        (
            "Mushrooms, white, sliced and stir-fried, 1/2 cup",
            "Mushrooms, white, stir-fried",
            50,
            60,
        ),
        ("Chicken breast, roasted, meat and skin, 1/2 breast", "breast, meat and skin", 95, 100),
        ("Lettuce, romaine, shredded, 1 cup", "Lettuce, cos or romaine", 45, 50),
        # a cooking method, a size inside the name, a food's own measure, a count restated
        ("Tomatoes, canned, stewed, 1/2 cup", "Tomatoes, red, ripe, canned, stewed", 120, 135),
        ("Potato, medium, baked, including skin", "Potatoes, baked, flesh and skin", 140, 215),
        ("Asparagus, boiled, 4 spears", "Asparagus, cooked, boiled", 55, 65),
        ("Brazil nuts, 1 ounce (6-8 nuts)", "Brazil nuts", 28, 29),
        ("Oysters, eastern, cooked with moist heat, 3 ounces", "oyster, eastern", 85, 86),
        ("Spinach, cooked from frozen, 1/2 cup", "Spinach, frozen, cooked", 80, 120),
        (
            "Sardines, canned in oil, with bones, 3 ounces",
            "sardine, Atlantic, canned in oil",
            85,
            86,
        ),
        ("Orange, 1 medium", "Orange, raw", 120, 160),  # USDA's "1 fruit" (not orange chicken)
    ],
)
def test_usda_table_style_lines_are_one_food(line: str, name: str, low: float, high: float) -> None:
    items = resolve_line(line, region="us").items
    assert len(items) == 1, [i.food.name for i in items]
    assert name in items[0].food.name
    assert low <= items[0].grams.grams <= high


def test_a_count_after_a_comma_that_heads_a_food_is_still_a_food() -> None:
    names = [i.food.name for i in resolve_line("lunch: garlic rice, longganisa, 1 egg", "us").items]
    assert any(name.startswith("Egg") for name in names)


def test_a_fish_sold_farmed_is_farmed_unless_wild_is_written() -> None:
    assert "farmed" in resolve_line("3 oz rainbow trout", region="us").items[0].food.name
    assert "wild" in resolve_line("3 oz wild rainbow trout", region="us").items[0].food.name


@pytest.mark.parametrize(("line", "grams"), [
    ("pizza (ate half)", 0.5),  # the aside's share had been dropped: the whole pizza
    ("HK french toast w condensed milk (made for kids, ate 1/2)", 0.5),  # had been refused
])  # fmt: skip
def test_a_share_eaten_said_in_an_aside_is_the_share_of_the_line(line: str, grams: float) -> None:
    whole = sum(i.grams.grams for i in resolve_line(line.partition(" (")[0], region="uk").items)
    eaten = sum(i.grams.grams for i in resolve_line(line, region="uk").items)
    assert eaten == pytest.approx(whole * grams)
