"""Profile: who a screening, a plan or a diet analysis applies to, and ages as written."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import HANG_BOUND
from twitchcheck.errors import ProfileError
from twitchcheck.limits import limit
from twitchcheck.profile import MAX_AGE_YEARS, Person, check_applies, parse_age, parse_sex


@pytest.mark.parametrize("use", ["screen", "plan", "diet"])
def test_a_baby_is_refused_with_what_applies_instead(use: str) -> None:
    youngest = limit(f"person.{use}_min_age_years")
    check_applies(Person(youngest, "female"), use)  # type: ignore[arg-type]
    with pytest.raises(ProfileError, match="is for ages 1 year and over, not 2 months") as caught:
        check_applies(Person(2 / 12, "female"), use)  # type: ignore[arg-type]
    assert "baby" in str(caught.value)


def test_the_plan_refusal_says_what_a_baby_needs() -> None:
    with pytest.raises(ProfileError) as caught:
        check_applies(Person(0, "male"), "plan")
    message = str(caught.value)
    for words in ("breast milk or infant formula", "vitamin D", "8.5 to 10 µg", "500 ml"):
        assert words in message


def test_age_bounds_come_from_limits_toml() -> None:
    assert limit("person.age_years") == MAX_AGE_YEARS
    with pytest.raises(ProfileError, match="from 0 to 120"):
        parse_age("121")


@pytest.mark.parametrize(
    "text", ["x" * 1_000_000, "9" * 5000, "1" + "0" * 400, "nan", "inf", "-1", "1e400", "[/bold]"]
)
def test_ages_that_are_not_ages_are_refused_quickly_and_quoted_short(text: str) -> None:
    started = time.perf_counter()
    with pytest.raises(ProfileError) as caught:
        parse_age(text)
    assert time.perf_counter() - started < HANG_BOUND
    assert len(str(caught.value)) < 200


def test_a_long_sex_is_quoted_short() -> None:
    with pytest.raises(ProfileError) as caught:
        parse_sex("x" * 100_000)
    assert len(str(caught.value)) < 200


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=50) | st.floats().map(str) | st.integers().map(str))
def test_any_age_text_is_an_age_in_range_or_a_refusal(text: str) -> None:
    try:
        years = parse_age(text)
    except ProfileError:
        return
    assert 0 <= years <= MAX_AGE_YEARS
