"""Reading amounts and units from what people type."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from twitchcheck.errors import AmountError, InputError, QuantityError
from twitchcheck.foods.quantity import parse_quantity

EXAMPLES = [
    # text, amount, unit, food
    ("1 oz almonds", 1, "oz", "almonds"),
    ("a handful of almonds", 1, "handful", "almonds"),
    ("1 1/2 cups cooked spinach", 1.5, "cup", "cooked spinach"),
    ("½ cup lentils", 0.5, "cup", "lentils"),
    ("2 eggs", 2, None, "eggs"),
    ("a medium banana", 1, "medium", "banana"),
    ("3 oz grilled salmon", 3, "oz", "grilled salmon"),
    ("250 ml milk", 250, "ml", "milk"),
    ("a glass of milk", 1, "glass", "milk"),
    ("2 cups of coffee", 2, "cup", "coffee"),
    ("100g chicken breast", 100, "g", "chicken breast"),
    ("1 tbsp olive oil", 1, "tbsp", "olive oil"),
    ("two slices of whole wheat bread", 2, "slice", "whole wheat bread"),
    ("1½ cups milk", 1.5, "cup", "milk"),
    ("1-1/2 cups milk", 1.5, "cup", "milk"),
    ("one and a half cups milk", 1.5, "cup", "milk"),
    ("half a banana", 0.5, None, "banana"),
    ("an apple", 1, None, "apple"),
    ("a dozen eggs", 12, None, "eggs"),
    ("half a dozen eggs", 6, None, "eggs"),
    ("three quarters of a cup of milk", 0.75, "cup", "milk"),
    ("8 fl oz orange juice", 8, "fl oz", "orange juice"),
    ("2 fluid ounces milk", 2, "fl oz", "milk"),
    ("1,5 kg potatoes", 1.5, "kg", "potatoes"),
    ("2–3 eggs", 2.5, None, "eggs"),
    ("0.25 lb ground beef", 0.25, "lb", "ground beef"),
    ("2 tablespoons peanut butter", 2, "tbsp", "peanut butter"),
    ("3 tsp sugar", 3, "tsp", "sugar"),
    ("1 l water", 1, "l", "water"),
    ("almonds, 30 g", 30, "g", "almonds"),
    ("milk 250ml", 250, "ml", "milk"),
    ("cup of tea", 1, "cup", "tea"),
    ("banana", None, None, "banana"),
    ("2 large eggs", 2, "large", "eggs"),
    ("a bowl of oatmeal", 1, "bowl", "oatmeal"),
    ("a serving of rice", 1, "serving", "rice"),
    ("5 or 6 dates", 5.5, None, "dates"),  # a range in words, either side of the food
    ("dates, 5 or 6", 5.5, None, "dates"),
    ("water 3/4 gallon", 0.75, "gallon", "water"),
    ("medianoche, half", 0.5, None, "medianoche"),  # a share of the food written after it
    ("gimbap from 7-11", None, None, "gimbap from 7-11"),  # a shop, no range
]


@pytest.mark.parametrize(("text", "amount", "unit", "food"), EXAMPLES)
def test_examples(text: str, amount: float | None, unit: str | None, food: str) -> None:
    parsed = parse_quantity(text)
    assert parsed.amount == (None if amount is None else pytest.approx(amount))
    assert (parsed.unit, parsed.food) == (unit, food)


@pytest.mark.parametrize(("text", "food"), [("milk - 2%", "milk - 2%"), ("milk -2%", "milk -2%")])
def test_a_dash_before_a_percentage_is_not_a_sign(text: str, food: str) -> None:
    assert parse_quantity(text).food == food


def test_ranges_take_the_middle_and_say_so() -> None:
    parsed = parse_quantity("2-3 eggs")
    assert parsed.amount == 2.5
    assert parsed.approximate


def test_pinned_id_is_read_and_removed() -> None:
    parsed = parse_quantity("1 cup milk [01077]")
    assert (parsed.pinned_id, parsed.food, parsed.unit) == ("01077", "milk", "cup")


@pytest.mark.parametrize(
    "text",
    ["-2 eggs", "- 1 cup milk", "−2 eggs", "eggs -2", "milk, -250 ml", "2 eggs (-1)",
     "minus two eggs", "negative 3 cups milk"],
)  # fmt: skip
def test_negative_amounts_are_refused(text: str) -> None:
    with pytest.raises(AmountError, match="negative"):
        parse_quantity(text)


def test_zero_denominator_is_refused() -> None:
    with pytest.raises(AmountError):
        parse_quantity("1/0 cup milk")


# Property-based: every supported way of writing a number reads as the same value.
HALVES = st.integers(min_value=0, max_value=20)
WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]


def spellings(whole: int) -> list[str]:
    """Ways to write whole + 1/2."""
    forms = [
        f"{whole}.5",
        f"{whole} 1/2",
        f"{whole}-1/2",
        f"{whole}½",
        f"{whole} ½",
        f"{2 * whole + 1}/2",
    ]
    if 1 <= whole < len(WORDS):
        forms.append(f"{WORDS[whole]} and a half")
    if whole == 0:
        forms += ["½", "1/2", "half a", "a half", "0,5"]
    return forms


@given(whole=HALVES, data=st.data())
def test_any_spelling_of_a_number_parses_to_the_same_value(whole: int, data: st.DataObject) -> None:
    form = data.draw(st.sampled_from(spellings(whole)))
    parsed = parse_quantity(f"{form} cup milk")
    assert parsed.amount == pytest.approx(whole + 0.5)
    assert parsed.unit == "cup"
    assert parsed.food == "milk"


@given(value=st.decimals(min_value="0.01", max_value="5000", places=2))
def test_decimals_round_trip(value: object) -> None:
    assert parse_quantity(f"{value} g rice").amount == pytest.approx(float(str(value)))


@given(text=st.text(max_size=80))
def test_arbitrary_text_never_crashes(text: str) -> None:
    try:
        parsed = parse_quantity(text)
    except InputError:
        return  # a clear, documented refusal (e.g. a negative amount)
    assert parsed.amount is None or parsed.amount >= 0
    assert isinstance(parsed.food, str)


# Numbers at every scale are read whole: "one million eggs" is 1,000,000 eggs (which
# `portions` then refuses), never 1 egg.
SCALED = [
    ("one million eggs", 1_000_000, None, "eggs"),
    ("a million eggs", 1_000_000, None, "eggs"),
    ("a hundred grams rice", 100, "g", "rice"),
    ("a hundred and fifty grams of rice", 150, "g", "rice"),
    ("two thousand g rice", 2000, "g", "rice"),
    ("twenty-five almonds", 25, None, "almonds"),
    ("ninety nine almonds", 99, None, "almonds"),
    ("two million three hundred thousand eggs", 2_300_000, None, "eggs"),
    ("two dozen eggs", 24, None, "eggs"),
    ("2 dozen eggs", 24, None, "eggs"),
    ("3 million eggs", 3_000_000, None, "eggs"),
    ("1e6 g rice", 1_000_000, "g", "rice"),
    ("1e6g rice", 1_000_000, "g", "rice"),
    ("2.5e3 g rice", 2500, "g", "rice"),
    ("1,000,000 g rice", 1_000_000, "g", "rice"),
    ("zero eggs", 0, None, "eggs"),
    ("２ eggs", 2, None, "eggs"),
    ("\u200b2 eggs", 2, None, "eggs"),
    ("2\u00a0cups\u200b milk", 2, "cup", "milk"),
]


@pytest.mark.parametrize(("text", "amount", "unit", "food"), SCALED)
def test_numbers_at_every_scale(text: str, amount: float, unit: str | None, food: str) -> None:
    parsed = parse_quantity(text)
    assert parsed.amount == pytest.approx(amount)
    assert (parsed.unit, parsed.food) == (unit, food)


@pytest.mark.parametrize(
    ("text", "food"),
    [("thousand island dressing", "thousand island dressing"), ("seven-up", "seven-up"),
     ("two-egg omelette", "two-egg omelette"), ("tenderloin", "tenderloin")],
)  # fmt: skip
def test_number_words_inside_names_are_not_amounts(text: str, food: str) -> None:
    parsed = parse_quantity(text)
    assert (parsed.amount, parsed.food) == (None, food)


@pytest.mark.parametrize("text", ["two to three eggs", "two or three eggs", "two - three eggs"])
def test_spelled_ranges_take_the_middle(text: str) -> None:
    parsed = parse_quantity(text)
    assert (parsed.amount, parsed.approximate) == (2.5, True)


@pytest.mark.parametrize("text", ["a few almonds", "several almonds", "a couple of eggs"])
def test_vague_counts_are_approximate(text: str) -> None:
    assert parse_quantity(text).approximate


@pytest.mark.parametrize("text", ["one two eggs", "twenty eleven eggs"])
def test_two_numbers_in_a_row_are_refused(text: str) -> None:
    with pytest.raises(QuantityError, match="not one number"):
        parse_quantity(text)


@pytest.mark.parametrize("text", ["1e400 g rice", "9" * 400 + " g rice"])
def test_numbers_beyond_floating_point_are_refused(text: str) -> None:
    with pytest.raises(AmountError, match="too large"):
        parse_quantity(text)


ONES = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
        "eighteen", "nineteen"]  # fmt: skip
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def spell(n: int) -> str:
    """n in English words, the way people write it ("two hundred and five")."""
    if n < 20:
        return ONES[n]
    if n < 100:
        return TENS[n // 10] + ("-" + ONES[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        return f"{ONES[n // 100]} hundred" + (f" and {spell(rest)}" if rest else "")
    for size, word in ((10**9, "billion"), (10**6, "million"), (10**3, "thousand")):
        if n >= size:
            rest = n % size
            return f"{spell(n // size)} {word}" + (f" {spell(rest)}" if rest else "")
    raise AssertionError(n)


@settings(max_examples=150)
@given(n=st.integers(min_value=1, max_value=999_999_999_999))
def test_any_spelled_number_reads_as_its_value(n: int) -> None:
    parsed = parse_quantity(f"{spell(n)} eggs")
    assert (parsed.amount, parsed.food) == (n, "eggs")


INVISIBLE = st.sampled_from(["\u200b", "\u200c", "\u200d", "\ufeff", "\u2060", "\u00ad"])


@given(data=st.data())
def test_invisible_characters_change_nothing(data: st.DataObject) -> None:
    text = "1 1/2 cups of cooked spinach"
    cut = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=6)))
    marks = [data.draw(INVISIBLE) for _ in cut]
    hidden = "".join(text[a:b] + m for a, b, m in zip([0, *cut], cut, marks, strict=False))
    hidden += text[cut[-1] :] if cut else text
    assert parse_quantity(hidden) == parse_quantity(text)


PIECES = [
    "one",
    " million",
    " hundred",
    " a ",
    " and ",
    "dozen",
    " cups",
    "мilk",
    "twenty-",
    "\u200b",
    "\u00a0",
    "\x00",
    "\u3000",
    "[",
    "]",
    " g ",
    "1e9",
    "1,000",
    "1/0",
    "-",
]
HOSTILE = st.lists(
    st.sampled_from(PIECES) | st.text(alphabet="0123456789 ,./-½¼e%", max_size=4)
    | st.text(max_size=3),
    max_size=12,
).map("".join)  # fmt: skip


@settings(max_examples=200)
@given(text=HOSTILE)
def test_hostile_text_gives_a_finite_amount_or_a_documented_error(text: str) -> None:
    try:
        parsed = parse_quantity(text)
    except InputError:
        return
    assert parsed.amount is None or (parsed.amount >= 0 and math.isfinite(parsed.amount))


# A number followed by "%" is part of the food ("2% milk"), never a count.
@pytest.mark.parametrize(
    ("text", "amount", "unit", "food"),
    [("2% milk", None, None, "2% milk"), ("3.25% milk", None, None, "3.25% milk"),
     ("1 % fat cottage cheese", None, None, "1 % fat cottage cheese"),
     ("a cup of 2% milk", 1, "cup", "2% milk"), ("250 ml 1% milk", 250, "ml", "1% milk")],
)  # fmt: skip
def test_a_percentage_names_the_food(
    text: str, amount: float | None, unit: str | None, food: str
) -> None:
    parsed = parse_quantity(text)
    assert (parsed.amount, parsed.unit, parsed.food) == (amount, unit, food)


@given(value=st.decimals(min_value="0", max_value="100", places=2), food=st.sampled_from(
    ["milk", "fat yogurt", "lean beef", "cocoa chocolate"]))  # fmt: skip
def test_any_percentage_before_a_food_is_not_an_amount(value: object, food: str) -> None:
    parsed = parse_quantity(f"{value}% {food}")
    assert parsed.amount is None
    assert parsed.food == f"{value}% {food}"


# Multipliers written beside the food: "x2", "x 2", "×2", "2x", "2 x".
TIMES_FORMS = ["x{n}", "x {n}", "×{n}", "{n}x", "{n} x", "{n}×"]


@given(n=st.integers(min_value=1, max_value=99), form=st.sampled_from(TIMES_FORMS))
def test_a_multiplier_after_the_food_counts_it(n: int, form: str) -> None:
    parsed = parse_quantity(f"string cheese {form.format(n=n)}")
    assert (parsed.amount, parsed.unit, parsed.food) == (n, None, "string cheese")


@given(n=st.integers(min_value=1, max_value=99), form=st.sampled_from(TIMES_FORMS[3:]))
def test_a_multiplier_before_the_food_counts_it(n: int, form: str) -> None:
    parsed = parse_quantity(f"{form.format(n=n)} eggs")
    assert (parsed.amount, parsed.unit, parsed.food) == (n, None, "eggs")


@pytest.mark.parametrize(
    ("text", "amount", "unit", "food"),
    [("pizza x2 slices", 2, "slice", "pizza"), ("2 x 100g chicken", 200, "g", "chicken"),
     ("cup of tea x2", 2, "cup", "tea"), ("2 slices toast x2", 4, "slice", "toast"),
     ("3x 330ml cans of cola", 990, "ml", "cans of cola")],
)  # fmt: skip
def test_a_multiplier_multiplies_what_was_written(
    text: str, amount: float, unit: str, food: str
) -> None:
    parsed = parse_quantity(text)
    assert (parsed.amount, parsed.unit, parsed.food) == (amount, unit, food)
    assert not parsed.implied


# A measure named with a food it is for: "espresso shot", "double espresso", "coke can".
@pytest.mark.parametrize(
    ("text", "amount", "unit", "food"),
    [("double espresso", 2, "shot", "espresso"), ("a double espresso", 2, "shot", "espresso"),
     ("2 double espressos", 4, "shot", "espressos"), ("triple vodka", 3, "shot", "vodka"),
     ("espresso shot", 1, "shot", "espresso"), ("2 vodka shots", 2, "shot", "vodka"),
     ("coke can", 1, "can", "coke"), ("small glass of milk", 1, "small glass", "milk"),
     ("a large glass of wine", 1, "large glass", "wine")],
)  # fmt: skip
def test_measures_named_with_their_food(text: str, amount: float, unit: str, food: str) -> None:
    parsed = parse_quantity(text)
    assert (parsed.amount, parsed.unit, parsed.food) == (amount, unit, food)


@pytest.mark.parametrize(
    "text", ["double cream", "double cheeseburger", "jello shot", "triple sec", "wine gum"]
)
def test_measure_words_stay_names_where_the_food_is_not_measured_so(text: str) -> None:
    parsed = parse_quantity(text)
    assert (parsed.amount, parsed.unit, parsed.food) == (None, None, text)


# --- coffee-chain cup sizes ---------------------------------------------------------------------

FL_OZ = 29.5735295625


@pytest.mark.parametrize(
    ("text", "fl_oz", "food"),
    [
        ("grande latte", 16, "latte"),
        ("a tall americano", 12, "americano"),
        ("2 grande cappuccinos", 32, "cappuccinos"),
        ("venti iced coffee", 24, "iced coffee"),
        ("venti hot chocolate", 20, "hot chocolate"),
        ("trenta iced tea", 30, "iced tea"),
        ("short flat white", 8, "flat white"),
        ("grande latte from starbucks", 16, "latte from starbucks"),
        ("starbucks grande latte", 16, "starbucks latte"),  # the chain named first
        ("iced venti latte", 24, "iced latte"),
    ],
)
def test_a_chain_cup_size_before_a_drink_is_its_volume(text: str, fl_oz: float, food: str) -> None:
    quantity = parse_quantity(text)
    assert (quantity.unit, quantity.food) == ("ml", food)
    assert quantity.amount == pytest.approx(fl_oz * FL_OZ)
    assert quantity.approximate  # a cup's nominal size, an estimate


@pytest.mark.parametrize("text", ["short rib", "short bread", "grande"])
def test_a_size_word_not_before_a_chain_drink_stays_in_the_name(text: str) -> None:
    quantity = parse_quantity(text)
    assert quantity.unit != "ml"
    assert quantity.food.split()[0] == text.split()[0]


@pytest.mark.parametrize(
    ("text", "food"), [("tall glass of milk", "milk"), ("tall mug of tea", "tea")]
)
def test_tall_before_a_measure_is_a_large_one_not_a_chain_cup(text: str, food: str) -> None:
    quantity = parse_quantity(text)
    assert quantity.unit != "ml"
    assert quantity.unit is not None
    assert quantity.unit.endswith(("glass", "mug"))
    assert quantity.food == food


@given(size=st.sampled_from(["short", "tall", "grande", "venti", "trenta"]),
       drink=st.sampled_from(["latte", "mocha", "chai tea", "cold brew", "americano"]),
       n=st.integers(min_value=1, max_value=9))  # fmt: skip
def test_a_count_of_chain_cups_scales_the_volume(size: str, drink: str, n: int) -> None:
    one, many = parse_quantity(f"{size} {drink}"), parse_quantity(f"{n} {size} {drink}")
    assert one.amount is not None
    assert many.amount is not None
    assert many.amount == pytest.approx(n * one.amount)


# --- hedged amounts, "half and half", count words that are the food, measures before "of" ---


@pytest.mark.parametrize(
    "hedge",
    ["about", "around", "approx", "approx.", "approximately", "roughly", "circa", "c.", "~"],
)
@given(grams=st.integers(min_value=1, max_value=2000))
def test_a_hedged_amount_is_read_and_marked_approximate(hedge: str, grams: int) -> None:
    glued = hedge if hedge == "~" else f"{hedge} "  # "~150g"; words are written apart
    for text in (f"{hedge} {grams} g rice", f"rice, {hedge} {grams}g", f"rice {glued}{grams} g"):
        q = parse_quantity(text)
        assert (q.amount, q.unit, q.food, q.approximate) == (grams, "g", "rice", True), text


@pytest.mark.parametrize("text", ["around the world salad", "about", "roughly chopped tomatoes"])
def test_a_hedge_word_without_an_amount_stays_in_the_food(text: str) -> None:
    q = parse_quantity(text)
    assert q.amount is None
    assert q.food == text


@pytest.mark.parametrize(
    "text", ["half and half", "half & half", "half-and-half", "half n half", "Half and Half"]
)
def test_half_and_half_is_the_cream_not_an_amount(text: str) -> None:
    q = parse_quantity(text)
    assert q.amount is None
    assert q.food == text.lower()


@pytest.mark.parametrize("text", ["half a banana", "half an apple", "half banana"])
def test_half_before_a_food_is_still_a_half(text: str) -> None:
    assert parse_quantity(text).amount == 0.5


@pytest.mark.parametrize(
    ("text", "amount", "food"),
    [
        ("2 eggs over easy", 2, "eggs over easy"),
        ("3 eggs scrambled", 3, "eggs scrambled"),
        ("2 eggs fried in butter", 2, "eggs fried in butter"),
        ("1 egg poached", 1, "egg poached"),
        ("3 egg whites", 3, "egg whites"),
        ("2 muffins toasted", 2, "muffins toasted"),
    ],
)
def test_a_count_word_that_names_the_food_stays_the_food(
    text: str, amount: float, food: str
) -> None:
    q = parse_quantity(text)
    assert (q.amount, q.unit, q.food) == (amount, None, food)


def test_a_singular_count_word_after_a_number_still_measures() -> None:
    q = parse_quantity("3 egg omelette")  # an omelette of three eggs
    assert (q.amount, q.unit, q.food) == (3, "egg", "omelette")


@pytest.mark.parametrize("name", ["pot roast", "pot pie", "pot noodle", "pot stickers", "tub"])
def test_a_measure_that_begins_a_name_is_a_measure_only_before_of(name: str) -> None:
    q = parse_quantity(name)
    assert q.unit is None
    assert q.food == name


@pytest.mark.parametrize(
    ("text", "unit", "food"),
    [
        ("a pot of yogurt", "pot", "yogurt"),
        ("2 pots of yoghurt", "pot", "yoghurt"),
        ("a tub of hummus", "tub", "hummus"),
        ("a carton of juice", "carton", "juice"),
        ("a sachet of porridge", "packet", "porridge"),
        ("2 sachets sugar", "packet", "sugar"),
        ("a dollop of cream", "dollop", "cream"),
        ("a knob of butter", "knob", "butter"),
        ("a scoop of protein powder", "scoop", "protein powder"),
    ],
)
def test_container_and_kitchen_measures(text: str, unit: str, food: str) -> None:
    q = parse_quantity(text)
    assert (q.unit, q.food) == (unit, food)


def test_a_bit_of_a_food_is_one_piece_of_it() -> None:
    from twitchcheck.foods.phrases import resolve_line

    (cake,) = resolve_line("a bit of shortbread").items
    assert 15 <= cake.grams.grams <= 45  # one piece, not a plateful
    assert resolve_line("bacon bits").items[0].food.name == "Bacon bits"  # a food's own name


@pytest.mark.parametrize(
    ("text", "amount", "unit", "food"),
    [
        ("big bowl of lentil soup", 1.41, "bowl", "lentil soup"),
        ("a large bowl of chili", 1.41, "bowl", "chili"),
        ("2 small bowls of rice", 1.44, "bowl", "rice"),
        ("huge plate of pasta", 1.41, "plate", "pasta"),
        ("big glass of milk", 1.0, "large glass", "milk"),  # the table's own large glass
        ("little glass of juice", 1.0, "small glass", "juice"),
    ],
)
def test_a_size_word_before_an_informal_measure_scales_it(
    text: str, amount: float, unit: str, food: str
) -> None:
    quantity = parse_quantity(text)
    assert (quantity.unit, quantity.food) == (unit, food)
    assert quantity.amount == pytest.approx(amount)


@pytest.mark.parametrize("text", ["2 large eggs", "small banana", "large pizza", "big mac"])
def test_a_size_word_before_a_food_stays_the_foods_size(text: str) -> None:
    quantity = parse_quantity(text)
    assert quantity.unit != "bowl"
    assert not quantity.approximate


@given(
    size=st.sampled_from(["big", "large", "small", "little", "huge"]),
    measure=st.sampled_from(["bowl", "plate", "mug", "handful", "serving"]),
    food=st.text(alphabet="abcdefghij ", min_size=1, max_size=20).filter(str.strip),
)
def test_a_sized_measure_is_always_an_estimate_of_that_measure(
    size: str, measure: str, food: str
) -> None:
    quantity = parse_quantity(f"{size} {measure} of {food}")
    assert quantity.unit == measure
    assert quantity.approximate
    assert quantity.amount is not None
    assert 0.5 < quantity.amount < 1.5


@pytest.mark.parametrize(
    ("text", "unit", "food"),
    [("cup noodles", None, "cup noodles"), ("cup a soup", None, "cup a soup"),
     ("1 cup noodles", "cup", "noodles"), ("cup of tea", "cup", "tea")],
)  # fmt: skip
def test_a_measure_that_is_part_of_a_foods_name_is_no_measure(
    text: str, unit: str | None, food: str
) -> None:
    quantity = parse_quantity(text)
    assert (quantity.unit, quantity.food) == (unit, food)
