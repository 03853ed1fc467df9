"""Under-recording: EI:BMR against the Goldberg cut-off, BMR from the Henry equations."""

from __future__ import annotations

import math

import pytest

from twitchcheck.diet.energy import bmr_kcal, cutoff_for_days, energy_check
from twitchcheck.errors import InputError
from twitchcheck.profile import Person


def test_henry_weight_and_height_and_reference_body() -> None:
    # Henry 2005, female 30-60 y: 0.0342 W + 2.10 H + -0.0486 MJ/day
    bmr, body, method = bmr_kcal(Person(40, "female"), 60, 165) or (0, {}, "")
    assert bmr == pytest.approx((0.0342 * 60 + 2.10 * 1.65 - 0.0486) * 239.006)
    assert body["from"] == "given"
    assert "weight and height" in method
    # weight alone: female 30-60 y 0.0407 W + 2.90
    bmr, _, method = bmr_kcal(Person(40, "female"), 60) or (0, {}, "")
    assert bmr == pytest.approx((0.0407 * 60 + 2.90) * 239.006)
    assert method.endswith("(weight)")
    # nothing given: the DRI reference body (female 19+ y: 57 kg, 163 cm)
    bmr, body, _ = bmr_kcal(Person(40, "female")) or (0, {}, "")
    assert body == {"weight_kg": 57.0, "height_cm": 163.0, "from": "DRI reference"}
    assert 1150 < bmr < 1400
    assert bmr_kcal(Person(2, "male")) is None  # below the ages checked


def test_black_cutoff_for_days() -> None:
    spread = math.sqrt(23**2 / 7 + 8.5**2 + 15**2)
    assert cutoff_for_days(7) == pytest.approx(1.55 * math.exp(-2 * spread / 100))
    assert cutoff_for_days(1) < cutoff_for_days(3) < cutoff_for_days(7) < 1.35


def test_verdicts() -> None:
    low = energy_check(840, 7, Person(30, "female"))
    assert low.under_recorded
    assert low.ratio is not None
    assert low.ratio < 1
    assert "Goldberg cut-off of 1.35" in low.note
    assert "low confidence" in low.note
    assert energy_check(2200, 7, Person(30, "female")).verdict == "plausible"
    assert energy_check(None, 7, Person(30, "female")).verdict == "not_checked"
    assert energy_check(1500, 7, Person(2, "female")).verdict == "not_checked"
    # a heavier, taller person needs more: the same intake becomes under-recorded
    assert energy_check(2000, 7, Person(30, "male"), 110, 195).under_recorded


@pytest.mark.parametrize(("weight", "height"), [(5, None), (None, 20), (math.nan, None)])
def test_impossible_body_sizes_are_refused(weight: float | None, height: float | None) -> None:
    with pytest.raises(InputError, match="out of range"):
        energy_check(2000, 7, Person(30, "male"), weight, height)
