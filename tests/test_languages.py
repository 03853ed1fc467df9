"""A line written in another language is read in English words (data/languages.toml)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from twitchcheck.foods.languages import in_english, languages
from twitchcheck.foods.phrases import resolve_line


@pytest.mark.parametrize(
    ("line", "english"),
    [
        ("kawa z mlekiem", "coffee with milk"),
        ("herbata z cytryną", "tea with lemon"),  # the accents folded as any line's are
        ("2 kromki chleba", "2 slices bread"),
        ("jajecznica z 3 jaj na maśle", "3 scrambled eggs with butter"),
        ("żurek z jajkiem (z polskiego sklepu)", "zurek with egg (from the polish shop)"),
        ("gulasz wieprzowy z kaszą", "gulasz wieprzowy with groats"),  # a world dish kept whole
    ],
)
def test_polish_lines_in_english(line: str, english: str) -> None:
    assert in_english(line) == english


@pytest.mark.parametrize("line", ["Clif Z bar", "I had a coffee and tea", "na", "z"])
def test_a_line_with_no_food_word_of_the_language_stays_as_written(line: str) -> None:
    assert in_english(line) == line


def test_a_polish_line_is_counted_as_its_foods() -> None:
    items = resolve_line("kanapki z szynką i serem", region="uk").items
    # one FNDDS dish, as "ham and cheese sandwich" is (British "cheese" fits its "with cheese")
    assert [i.food.name for i in items] == ["Ham sandwich or sub, with cheese, restaurant"]
    doughnuts = resolve_line("2 pączki z marmoladą", region="uk").items
    assert [i.food.name for i in doughnuts] == ["Doughnut, yeast type", "Jam or jelly, NFS"]


def test_every_table_word_is_folded_and_every_language_has_joins() -> None:
    for language in languages():
        assert language.foods, language.code
        assert all(w == w.lower() and w.isascii() for w in language.words), language.code


@given(st.text(max_size=80))
def test_any_text_reads_without_error(text: str) -> None:
    assert isinstance(in_english(text), str)
