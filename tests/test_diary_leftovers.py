"""A leftover is the dish the same diary named before; otherwise it is read as written."""

from __future__ import annotations

from twitchcheck.diary import parse_diary_text
from twitchcheck.diary._leftovers import Leftovers
from twitchcheck.when import lead


def test_a_leftover_is_the_dish_named_earlier_with_the_parts_of_its_name() -> None:
    seen = Leftovers()
    assert seen.read(3, "chickpea and spinach curry") == ("chickpea and spinach curry", None)
    assert seen.read(4, "an apple") == ("an apple", None)
    # the curry of line 3 with all of its name, and what this line eats it with
    assert seen.read(9, "leftover curry and rice") == ("chickpea and spinach curry and rice", 3)


def test_what_the_dish_was_served_with_stays_behind() -> None:
    seen = Leftovers()
    seen.read(1, "tofu stir fry with broccoli and noodles")
    seen.read(2, "veg biryani w raita")
    assert seen.read(5, "leftover stir fry") == ("tofu stir fry", 1)
    assert seen.read(6, "leftover biryani") == ("veg biryani", 2)


def test_the_nearest_earlier_dish_holding_every_word_written() -> None:
    seen = Leftovers()
    seen.read(1, "chicken curry")
    seen.read(2, "beef curry with rice")
    assert seen.read(3, "leftover curry") == ("beef curry", 2)
    assert seen.read(4, "leftovers of the chicken curry") == ("chicken curry", 1)
    assert seen.read(5, "leftover lamb curry") == ("leftover lamb curry", None)  # never named


def test_an_amount_is_dropped_from_the_dish_and_a_leftover_with_its_own_stays() -> None:
    seen = Leftovers()
    seen.read(1, "2 slices pepperoni pizza")
    assert seen.read(2, "leftover pizza") == ("pepperoni pizza", 1)
    assert seen.read(3, "leftover pizza x2 slices") == ("leftover pizza x2 slices", None)


def test_a_line_naming_no_leftover_is_as_written() -> None:
    seen = Leftovers()
    seen.read(1, "rice")
    assert seen.read(2, "leftovers") == ("leftovers", None)  # names no dish: needs detail
    assert seen.read(3, "rice pudding") == ("rice pudding", None)


def test_a_meal_word_before_leftover_is_the_meal() -> None:
    found = lead("lunch leftover pollo guisado w white rice")
    assert (found.meal, found.rest) == ("lunch", "leftover pollo guisado w white rice")
    assert lead("snack bar").meal is None  # a meal word before a food stays food


def test_the_diary_says_which_line_the_leftover_is_of() -> None:
    diary = parse_diary_text(
        "2026-11-20\ndinner: veg biryani\n2026-11-21\nlunch - leftover biryani\n", year=2026
    )
    first, later = diary.entries
    assert later.line == 4
    assert later.item is not None
    assert first.item is not None
    assert later.item.food.id == first.item.food.id  # the vegetable biryani, not one with meat
    assert "leftover of line 2" in later.item.note
