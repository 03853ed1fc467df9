"""The public API is exactly what __all__ says, and every name resolves."""

from __future__ import annotations

import doctest

import pytest

import twitchcheck


def test_all_names_resolve() -> None:
    for name in twitchcheck.__all__:
        assert getattr(twitchcheck, name) is not None


def test_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError):
        _ = twitchcheck.no_such_thing


def test_all_is_exact() -> None:
    assert twitchcheck.__all__ == [
        "__version__", "Person", "PlanRequest", "analyze_diet", "errors", "foods",
        "interpret_labs", "load_knowledge", "nutrients", "parse_answers", "parse_lab",
        "plan_for", "read_diary", "resolve", "screen", "screen_person", "targets_for",
    ]  # fmt: skip


def test_readme_style_example_runs() -> None:
    report = twitchcheck.nutrients(["a handful of almonds", "2 eggs"])
    assert report.total["magnesium_mg"] > 50


def test_package_docstring_examples() -> None:
    failures, _ = doctest.testmod(twitchcheck)
    assert failures == 0
