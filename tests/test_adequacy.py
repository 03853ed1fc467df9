"""The IOM method for one person's usual intake, checked by hand at the table's boundaries."""

from __future__ import annotations

import math

import pytest

from twitchcheck.diet import adequacy
from twitchcheck.diet.adequacy import assess, phi, requirement_sd
from twitchcheck.diet.intake_sd import IntakeVariation
from twitchcheck.targets import targets_for


def variation(sd: float, cv: float = 0.3, cv_log: float = 0.3) -> IntakeVariation:
    return IntakeVariation(
        "magnesium_mg", "female", "31-50", "mg/day", sd, sd, cv, cv_log, 300.0, 500, "test"
    )


@pytest.fixture
def fixed_sd(monkeypatch: pytest.MonkeyPatch):
    """Pin SD_within so the arithmetic can be done by hand."""

    def use(sd: float, cv: float = 0.3, cv_log: float = 0.3) -> None:
        monkeypatch.setattr(adequacy, "within_person_sd", lambda *_: variation(sd, cv, cv_log))

    return use


def test_phi_matches_the_iom_table() -> None:
    # IOM Table B-1 / intake-variability.md §3b
    for z, p in [
        (2.0, 0.977),
        (1.65, 0.951),
        (1.0, 0.841),
        (0.5, 0.691),
        (0.0, 0.5),
        (-1.0, 0.159),
    ]:
        assert phi(z) == pytest.approx(p, abs=0.001)


def test_requirement_sd() -> None:
    women = targets_for(40, "female")
    assert requirement_sd(women["magnesium_mg"]) == pytest.approx(
        26.5
    )  # 10 % of EAR 265 (IOM p. 54)
    assert requirement_sd(women["calcium_mg"]) == pytest.approx(100)  # (1000 − 800) / 2
    assert requirement_sd(women["vitamin_d_ug"]) == pytest.approx(2.5)  # (15 − 10) / 2
    assert requirement_sd(women["potassium_mg"]) is None  # AI only


def test_iom_worked_example(fixed_sd) -> None:
    # IOM 2000 Ch. 3 p. 54: woman of 40, three days, mean magnesium 320 mg (her RDA),
    # EAR 265, SD_within 86 mg (derived in intake-variability.md §5).
    fixed_sd(86.0)
    result = assess(
        "magnesium_mg", 320.0, 3, targets_for(40, "female")["magnesium_mg"], "female", 40
    )
    expected = 55 / math.sqrt(26.5**2 + 86**2 / 3)  # = 0.977; IOM prints SD_D 56, z ≈ 1
    assert result.z == pytest.approx(expected)
    assert result.z == pytest.approx(0.977, abs=0.001)
    assert result.judgement == "possibly_inadequate"  # just under the z = 1 bar


@pytest.mark.parametrize(
    ("z", "judgement", "confidence"),
    [
        (2.0, "adequate", "high"),
        (1.5, "adequate", "high"),
        (1.0, "adequate", "moderate"),
        (0.99, "possibly_inadequate", "moderate"),
        (0.5, "possibly_inadequate", "low"),  # Φ(0.5) = 0.691, just under 0.70
        (0.0, "possibly_inadequate", "low"),
        (-0.01, "inadequate", "low"),
        (-0.6, "inadequate", "moderate"),
        (-1.5, "inadequate", "high"),
    ],
)
def test_confidence_table_boundaries(fixed_sd, z: float, judgement: str, confidence: str) -> None:
    # Choose the mean that gives exactly this z with 7 days and SD_within 90.
    target = targets_for(40, "female")["magnesium_mg"]
    fixed_sd(90.0)
    sd_d = math.sqrt(26.5**2 + 90.0**2 / 7)
    result = assess("magnesium_mg", target.ear + z * sd_d, 7, target, "female", 40)
    assert result.z == pytest.approx(z)
    assert (result.judgement, result.confidence) == (judgement, confidence)


def test_one_day_is_low_confidence_whatever_z(fixed_sd) -> None:
    fixed_sd(20.0)
    target = targets_for(40, "female")["magnesium_mg"]
    result = assess("magnesium_mg", 600.0, 1, target, "female", 40)
    assert result.judgement == "adequate"
    assert result.confidence == "low"


def test_more_days_narrow_the_uncertainty(fixed_sd) -> None:
    fixed_sd(96.0)
    target = targets_for(40, "female")["magnesium_mg"]
    few = assess("magnesium_mg", 330.0, 2, target, "female", 40)
    many = assess("magnesium_mg", 330.0, 14, target, "female", 40)
    assert many.z > few.z > 0


def test_potassium_uses_the_qualitative_ai_reading() -> None:
    target = targets_for(40, "female")["potassium_mg"]  # AI 2600, no EAR
    above = assess("potassium_mg", 2700.0, 7, target, "female", 40)
    below = assess("potassium_mg", 2000.0, 7, target, "female", 40)
    assert (above.method, above.judgement) == ("ai_qualitative", "adequate")
    assert below.judgement == "possibly_inadequate"
    assert "cannot" in below.note
    assert below.z is None


def test_skewed_nutrients_are_judged_on_the_log_scale(fixed_sd) -> None:
    fixed_sd(4.0, cv=1.0, cv_log=0.9)
    target = targets_for(40, "female")["vitamin_d_ug"]
    result = assess("vitamin_d_ug", 5.0, 7, target, "female", 40)
    cv_r = requirement_sd(target) / target.ear
    assert result.method == "ear_log_z"
    assert result.z == pytest.approx(math.log(5 / 10) / math.sqrt(cv_r**2 + 0.9**2 / 7))
    assert "log scale" in result.note


def test_magnesium_ul_is_not_applied_to_food(fixed_sd) -> None:
    fixed_sd(90.0)
    target = targets_for(40, "female")["magnesium_mg"]
    result = assess("magnesium_mg", 900.0, 7, target, "female", 40)
    assert result.upper is not None
    assert result.upper.applies is False
    assert "supplements" in result.upper.note


def test_calcium_ul_test(fixed_sd) -> None:
    fixed_sd(400.0)
    target = targets_for(40, "female")["calcium_mg"]  # UL 2500
    result = assess("calcium_mg", 2500.0, 4, target, "female", 40)
    assert result.upper is not None
    assert result.upper.p_below == pytest.approx(0.5)


def test_children_get_no_confidence_figure() -> None:
    target = targets_for(10, "female")["magnesium_mg"]
    result = assess("magnesium_mg", 100.0, 7, target, "female", 10)
    assert result.p_adequate is None
    assert result.judgement == "inadequate"  # below the EAR of 200 by the practical reading


def test_zero_days_is_refused() -> None:
    from twitchcheck.errors import InputError

    with pytest.raises(InputError):
        assess("magnesium_mg", 100.0, 0, targets_for(40, "female")["magnesium_mg"], "female", 40)


def test_a_daily_supplement_adds_its_dose_not_its_spread(fixed_sd) -> None:
    fixed_sd(90.0)
    target = targets_for(40, "female")["magnesium_mg"]  # EAR 265
    food = assess("magnesium_mg", 200.0, 7, target, "female", 40)
    both = assess("magnesium_mg", 200.0, 7, target, "female", 40, supplement=150.0)
    sd = math.sqrt((0.1 * 265) ** 2 + 90.0**2 / 7)  # the food's spread, unchanged
    assert both.z == pytest.approx((350.0 - 265) / sd)
    assert food.judgement == "inadequate"
    assert both.judgement == "adequate"
    assert both.supplement == 150.0
    assert "150 a day from supplements" in both.note


def test_magnesium_ul_compares_the_supplement_dose_alone(fixed_sd) -> None:
    fixed_sd(90.0)
    target = targets_for(40, "female")["magnesium_mg"]  # UL 350, supplements and medicines only
    over = assess("magnesium_mg", 600.0, 7, target, "female", 40, supplement=400.0).upper
    within = assess("magnesium_mg", 900.0, 7, target, "female", 40, supplement=300.0).upper
    assert over is not None
    assert within is not None
    assert over.above is True
    assert within.above is False  # 900 mg of food does not count
    assert over.supplements == 400.0
    assert "over the UL" in over.note


def test_calcium_ul_counts_food_and_supplements(fixed_sd) -> None:
    fixed_sd(400.0)
    target = targets_for(40, "female")["calcium_mg"]  # UL 2500, food and supplements
    result = assess("calcium_mg", 1500.0, 4, target, "female", 40, supplement=1000.0)
    assert result.upper is not None
    assert result.upper.p_below == pytest.approx(0.5)
    assert "food and supplements" in result.upper.note
