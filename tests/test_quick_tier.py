"""The fast tier (make quick) caps hypothesis examples for this session only and skips the
listed slow tests with their reason; tests keep their own settings otherwise."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import QUICK_EXAMPLES, QUICK_SKIPS, _fewer_examples


def _item(test: Any) -> pytest.Item:
    return cast(pytest.Item, SimpleNamespace(obj=test))


def test_a_long_property_test_runs_fewer_examples_in_the_fast_tier() -> None:
    @settings(max_examples=300, deadline=None, derandomize=True)
    @given(st.integers())
    def many(value: int) -> None:
        pass

    _fewer_examples(_item(many))
    capped = many._hypothesis_internal_use_settings  # type: ignore[attr-defined]
    assert capped.max_examples == QUICK_EXAMPLES
    assert capped.derandomize
    assert capped.deadline is None


def test_a_short_property_test_and_a_plain_test_are_left_alone() -> None:
    @settings(max_examples=12)
    @given(st.integers())
    def few(value: int) -> None:
        pass

    def plain() -> None:
        pass

    _fewer_examples(_item(few))
    _fewer_examples(_item(plain))
    assert few._hypothesis_internal_use_settings.max_examples == 12  # type: ignore[attr-defined]
    assert not hasattr(plain, "_hypothesis_internal_use_settings")


def test_every_skip_of_the_fast_tier_gives_its_reason() -> None:
    assert all(
        where.startswith("tests/") and "make test" in why for where, why in QUICK_SKIPS.items()
    )
