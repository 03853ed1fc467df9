"""The fast tier (make quick) caps hypothesis examples for this session only, skips the
listed slow tests with their reason and leaves out files whose every test is slow; tests
keep their own settings otherwise."""

from __future__ import annotations

import ast
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import (
    QUICK_EXAMPLES,
    QUICK_SKIPS,
    QUICK_UNCOLLECTED,
    REPO,
    _fewer_examples,
    pytest_ignore_collect,
)


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


def _config(quick: bool) -> pytest.Config:
    return cast(pytest.Config, SimpleNamespace(getoption=lambda name: quick))


def _marked_slow(node: ast.FunctionDef) -> bool:
    return any(ast.unparse(d).startswith("pytest.mark.slow") for d in node.decorator_list)


@pytest.mark.parametrize("where", sorted(QUICK_UNCOLLECTED))
def test_a_file_left_out_of_the_fast_tier_holds_only_slow_tests(where: str) -> None:
    """Leaving a file uncollected hides nothing the fast tier would have run."""
    tree = ast.parse((REPO / where).read_text(encoding="utf-8"))
    tests = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name.startswith("test")]
    assert tests
    assert all(_marked_slow(test) for test in tests)
    assert "make test" in QUICK_UNCOLLECTED[where]


def test_only_the_fast_tier_leaves_the_files_out() -> None:
    where = REPO / next(iter(QUICK_UNCOLLECTED))
    assert pytest_ignore_collect(where, _config(quick=True)) is True
    assert pytest_ignore_collect(where, _config(quick=False)) is None
    assert pytest_ignore_collect(Path(__file__), _config(quick=True)) is None


def test_the_runner_makes_each_apps_command_once_and_answers_as_typers_does() -> None:
    from typer.testing import CliRunner

    from conftest import Runner, click_command
    from twitchcheck.cli import app

    assert click_command(app) is click_command(app)
    for args in (["targets", "--age", "40", "--sex", "female", "--json"], ["labs", "nope 1 x"]):
        ours, typers = Runner().invoke(app, args), CliRunner().invoke(app, args)
        assert (ours.exit_code, ours.stdout, ours.stderr) == (
            typers.exit_code,
            typers.stdout,
            typers.stderr,
        )
