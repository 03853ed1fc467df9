"""A blood sugar reading written as a diary line is a measurement, never sugar eaten."""

from __future__ import annotations

import pytest

from twitchcheck.foods.phrases import NeedsDetailError, resolve_line


@pytest.mark.parametrize(
    "line",
    [
        "fasting sugar 142",  # mg/dL, an American meter
        "sugar 11.2 after dinner",  # mmol/L, a British one
        "blood sugar 6.5",
        "bs 140",
        "BM 8.4",
        "my sugar was 9.1",
        "Fasting sugar: 7.2 mmol/L",
        "BG 180 mg/dl",
        # a remark after the reading: had been 181 packets of sugar, 634 g
        "sugar 181 (ate too much last night)",
        "sugar 198 - too much pie",
        "fasting sugar 142 (before breakfast)",
    ],
)
def test_a_blood_sugar_reading_is_not_food(line: str) -> None:
    with pytest.raises(NeedsDetailError, match="blood sugar reading"):
        resolve_line(line, region="uk")


@pytest.mark.parametrize(
    ("line", "grams"),
    [("sugar 2", 8.4), ("2 sugars", 8.4), ("sugar 1 tsp", 4.2), ("sugar 25g", 25.0)],
)
def test_sugar_counted_or_weighed_is_still_sugar(line: str, grams: float) -> None:
    (item,) = resolve_line(line, region="uk").items
    assert item.food.name.startswith("Sugar")
    assert item.grams.grams == pytest.approx(grams, abs=1.5)
