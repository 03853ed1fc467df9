"""Reading amounts and units from what people type."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from twitchcheck.errors import AmountError, InputError
from twitchcheck.quantity import parse_quantity

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
]


@pytest.mark.parametrize(("text", "amount", "unit", "food"), EXAMPLES)
def test_examples(text: str, amount: float | None, unit: str | None, food: str) -> None:
    parsed = parse_quantity(text)
    assert parsed.amount == (None if amount is None else pytest.approx(amount))
    assert (parsed.unit, parsed.food) == (unit, food)


def test_ranges_take_the_middle_and_say_so() -> None:
    parsed = parse_quantity("2-3 eggs")
    assert parsed.amount == 2.5
    assert parsed.approximate


def test_pinned_id_is_read_and_removed() -> None:
    parsed = parse_quantity("1 cup milk [01077]")
    assert (parsed.pinned_id, parsed.food, parsed.unit) == ("01077", "milk", "cup")


@pytest.mark.parametrize("text", ["-2 eggs", "- 1 cup milk"])
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
