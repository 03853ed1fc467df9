"""How people write around a food: regional words, flavours, exclusions, bracketed amounts."""

from __future__ import annotations

import pytest

from twitchcheck.foods.phrases import resolve_line


def _names(text: str, region: str | None = None) -> list[str]:
    return [item.food.name for item in resolve_line(text, region=region).items]


@pytest.mark.parametrize(
    "text", ["toast & marg", "half a slice of toast & marg", "toast and marge"]
)
def test_marg_is_margarine_in_a_british_diary(text: str) -> None:
    found = _names(text, region="uk")
    assert found[-1].startswith("Margarine"), found
    assert not any(name.startswith("Margarita") for name in found)


def test_marg_is_a_margarita_in_an_american_diary() -> None:
    assert _names("1 marg", region="us") == ["Margarita"]
