"""Comma segments that qualify a food (USDA's own style) are not a list of foods."""

from __future__ import annotations

import pytest

from twitchcheck.foods.dishes import split
from twitchcheck.foods.qualifiers import only_qualifies, qualifier_words


def test_qualifier_words_are_read_from_usda_names() -> None:
    words = qualifier_words()
    assert {"roasted", "boiled", "drained", "atlantic", "farmed"} <= words
    assert not {"butter", "cheese", "milk", "toast", "beans", "bacon"} & words


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
    ],
)
def test_segments_that_only_qualify(segment: str, before: str) -> None:
    assert only_qualifies(segment, before)


@pytest.mark.parametrize(
    ("segment", "before"),
    [("butter", "toast"), ("beans", "eggs"), ("rice", "chicken"), ("", "eggs"), ("tea", "")],
)
def test_segments_that_name_another_food(segment: str, before: str) -> None:
    assert not only_qualifies(segment, before)


def test_usda_style_names_stay_one_food_and_lists_stay_lists() -> None:
    assert split("Almonds, dry roasted, 1 ounce") == ("Almonds, dry roasted, 1 ounce",)
    assert split("Salmon, Atlantic, farmed, cooked, 3 ounces") == (
        "Salmon, Atlantic, farmed, cooked, 3 ounces",
    )
    assert len(split("eggs, bacon, beans")) == 5  # three foods and their two joins
    assert len(split("toast, butter")) == 3


def test_fact_sheet_foods_keep_their_figures() -> None:
    """The NIH fact-sheet food tables (tests/data/factsheet_foods): a floor under today's
    figures (table words 55/74, typed 62/74), so a change that loses them fails here."""
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
    assert right["phrase"] >= 53, right
    assert right["typed"] >= 60, right
