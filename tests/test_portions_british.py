"""British words that must not land on another food (issue 11): a digestive is a biscuit,
SR28's graham cracker cookie, and a chocolate digestive the chocolate-coated one."""

from __future__ import annotations

import pytest

from twitchcheck.foods.phrases import resolve


@pytest.mark.parametrize(
    ("text", "name", "grams"),
    [
        ("a digestive", "Cookies, graham crackers, plain or honey (includes cinnamon)", 14.7),
        ("3 digestives", "Cookies, graham crackers, plain or honey (includes cinnamon)", 44.1),
        ("2 chocolate digestives", "Cookies, graham crackers, chocolate-coated", 33.2),
        ("choc digestive", "Cookies, graham crackers, chocolate-coated", 16.6),
    ],
)
def test_a_digestive_is_the_graham_cracker_cookie(text: str, name: str, grams: float) -> None:
    item = resolve(text, "uk")
    assert item.food.name == name
    assert item.grams.grams == pytest.approx(grams, abs=0.1)
