"""Is a person's usual intake adequate? The IOM (2000) method for individuals.

With n days of records, the mean ȳ stands in for usual intake and the EAR for
the person's requirement. Both are uncertain, so the IOM divides the
difference by its standard error:

    z = (ȳ − EAR) / √(SD_r² + SD_within² / n)      P(adequate) ≈ Φ(z)

SD_r is the spread of requirements, (RDA − EAR) / 2 (a 10 % CV where RDA = 1.2 EAR);
SD_within is the pooled day-to-day SD for the person's sex and age group (the
NHANES table in `intake_sd`). Nutrients with only an AI get the qualitative
reading (at or above the AI: adequate; below it: no conclusion), and the UL the
mirrored test, only where the UL counts food (not magnesium's). A daily supplement adds
a constant to usual intake (its dose, not its spread): the judgement is on food plus
supplements, and magnesium's UL, which counts supplements only, is compared with the
supplement dose alone. Vitamin D and B12
vary from day to day by more than the 60 % CV at which the IOM says the z-test
misleads, so they are judged on the log scale, with the log-scale CV. See
docs/diet-analysis.md. Sources: IOM 2000 Ch. 3 and App. B (S4 in sources.yaml).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Literal

from twitchcheck._data import load_yaml
from twitchcheck.diet.intake_sd import IntakeVariation, within_person_sd
from twitchcheck.errors import InputError
from twitchcheck.targets import Target

Method = Literal["ear_z", "ear_log_z", "ai_qualitative", "none"]
Judgement = Literal["inadequate", "possibly_inadequate", "adequate", "unknown"]


@dataclass(frozen=True, slots=True)
class _Method:
    """The IOM (2000) assessment's cut-offs, from dri.yaml `assessment` (with the reasons)."""

    adequate_z: float
    inadequate_z: float
    high_p: float
    moderate_p: float
    few_days: int
    requirement_cv: Mapping[str, float]
    source: str


@functools.cache
def cutoffs() -> _Method:
    raw = load_yaml("dri.yaml")["assessment"]
    return _Method(
        float(raw["adequate_z"]), float(raw["inadequate_z"]), float(raw["high_p"]),
        float(raw["moderate_p"]), int(raw["few_days"]),
        {k: float(v) for k, v in raw["requirement_cv"].items()}, str(raw["sources"][0]),
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class UpperCheck:
    """Whether usual intake is confidently below the UL, counting what the UL counts.

    `applies` says whether the UL counts food; `supplements` is the daily supplement amount
    counted; `above` whether the counted mean (or, for magnesium, the dose) is over the UL,
    None when nothing is compared.
    """

    ul: float
    applies: bool
    p_below: float | None
    note: str
    supplements: float = 0.0
    above: bool | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "ul": self.ul,
            "applies_to_food": self.applies,
            "p_below_ul": _round(self.p_below),
            "supplements_counted": _round(self.supplements),
            "above_ul": self.above,
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class Assessment:
    """The judgement on one nutrient: how it was reached and how sure we are."""

    nutrient: str
    mean: float
    days: int
    method: Method
    z: float | None
    p_adequate: float | None
    judgement: Judgement
    confidence: Literal["high", "moderate", "low"]
    note: str
    upper: UpperCheck | None = None
    supplement: float = 0.0  # daily amount from supplements inside `mean`

    def to_dict(self) -> dict[str, object]:
        return {
            "method": self.method,
            "supplements_counted": _round(self.supplement),
            "z": _round(self.z),
            "p_adequate": _round(self.p_adequate),
            "judgement": self.judgement,
            "confidence": self.confidence,
            "note": self.note,
            "upper_limit": self.upper.to_dict() if self.upper else None,
            "source": cutoffs().source,
        }


def phi(z: float) -> float:
    """The standard normal CDF."""
    return 0.5 * math.erfc(-z / math.sqrt(2.0))


def requirement_sd(target: Target) -> float | None:
    """SD of requirements: CV × EAR where a CV was published, else (RDA − EAR) / 2."""
    if target.ear is None or target.rda is None:
        return None
    cv = cutoffs().requirement_cv.get(target.nutrient)
    return cv * target.ear if cv is not None else (target.rda - target.ear) / 2.0


def assess(
    nutrient: str,
    mean: float,
    days: int,
    target: Target,
    sex: str,
    age_years: float,
    supplement: float = 0.0,
) -> Assessment:
    """Judge usual intake of `nutrient` from the mean of `days` days of food records plus
    a daily `supplement` amount (the food's day-to-day spread is kept: a fixed dose adds none).
    """
    if days < 1:
        raise InputError("an intake judgement needs at least one day of records")
    variation = _variation(nutrient, sex, age_years)
    upper = _upper(mean, days, target, variation, supplement)
    total = mean + supplement
    if target.ear is not None and target.rda is not None:
        result = _ear_test(nutrient, total, days, target, variation)
    elif target.ai is not None:
        result = _ai_reading(nutrient, total, days, target)
    else:
        result = Assessment(
            nutrient, total, days, "none", None, None, "unknown", "low", "No reference intake."
        )
    if supplement > 0:
        note = f"{result.note} The mean counts {supplement:.4g} a day from supplements."
        result = replace(result, note=note, supplement=supplement)
    return replace(result, upper=upper)


def _variation(nutrient: str, sex: str, age_years: float) -> IntakeVariation | None:
    try:
        return within_person_sd(nutrient, sex, age_years)
    except InputError:
        return None  # children: no vetted day-to-day SD, so no confidence figure


def _ear_test(
    nutrient: str, mean: float, days: int, target: Target, variation: IntakeVariation | None
) -> Assessment:
    assert target.ear is not None
    sd_r = requirement_sd(target) or 0.0
    if variation is None:
        return _practical(nutrient, mean, days, target, "no day-to-day SD for this age")
    if variation.skewed:
        return _log_test(nutrient, mean, days, target, sd_r, variation)
    z = (mean - target.ear) / math.sqrt(sd_r**2 + variation.sd_within**2 / days)
    note = (
        f"z = (mean {mean:.4g} − EAR {target.ear:g}) / √(SD_r {sd_r:.3g}² + "
        f"SD_within {variation.sd_within:.3g}² / {days} days) = {z:.2f}"
    )
    return _judged(nutrient, mean, days, "ear_z", z, note)


def _log_test(
    nutrient: str, mean: float, days: int, target: Target, sd_r: float, variation: IntakeVariation
) -> Assessment:
    """The EAR test on the log scale, for intakes too skewed for the normal one."""
    assert target.ear is not None
    if mean <= 0:
        note = "No intake recorded at all: usual intake is very likely below the requirement."
        return Assessment(
            nutrient,
            mean,
            days,
            "ear_log_z",
            None,
            0.0,
            "inadequate",
            _days_confidence(days, "moderate"),
            note,
        )
    cv_requirement = sd_r / target.ear
    z = math.log(mean / target.ear) / math.sqrt(cv_requirement**2 + variation.cv_log**2 / days)
    note = (
        f"Day-to-day intake varies too much (CV {variation.cv:.0%}) for the IOM's normal test; "
        f"judged on the log scale: z = ln(mean {mean:.3g} / EAR {target.ear:g}) / "
        f"√(CV_r {cv_requirement:.2f}² + CV_log {variation.cv_log:.2f}² / {days} days) = {z:.2f}. "
        "Treat the figure as approximate."
    )
    return _judged(nutrient, mean, days, "ear_log_z", z, note)


def _practical(nutrient: str, mean: float, days: int, target: Target, why: str) -> Assessment:
    """Without a day-to-day SD: the IOM's practical reading against EAR and RDA, no figure."""
    assert target.ear is not None
    assert target.rda is not None
    if mean < target.ear:
        judgement: Judgement = "inadequate"
    elif mean < target.rda:
        judgement = "possibly_inadequate"
    else:
        judgement = "adequate"
    note = f"No confidence figure ({why}); read against EAR {target.ear:g} and RDA {target.rda:g}."
    return Assessment(nutrient, mean, days, "ear_z", None, None, judgement, "low", note)


def _judged(
    nutrient: str, mean: float, days: int, method: Method, z: float, note: str
) -> Assessment:
    z = round(z, 9)  # a mean exactly at a boundary must not fall below it by float error
    p = phi(z)
    if z >= cutoffs().adequate_z:
        judgement: Judgement = "adequate"
    elif z >= cutoffs().inadequate_z:
        judgement = "possibly_inadequate"
    else:
        judgement = "inadequate"
    correct = max(p, 1 - p)  # probability the conclusion drawn is right
    confidence: Literal["high", "moderate", "low"] = (
        "high"
        if correct >= cutoffs().high_p
        else "moderate"
        if correct >= cutoffs().moderate_p
        else "low"
    )
    if method == "ear_log_z" and confidence == "high":
        confidence = "moderate"  # the log-scale figure is an approximation
    return Assessment(
        nutrient, mean, days, method, z, p, judgement, _days_confidence(days, confidence), note
    )


def _days_confidence(
    days: int, confidence: Literal["high", "moderate", "low"]
) -> Literal["high", "moderate", "low"]:
    """One or two days of records tell little about usual intake."""
    if days < cutoffs().few_days:
        return "low"
    return confidence


def _ai_reading(nutrient: str, mean: float, days: int, target: Target) -> Assessment:
    """AI only: at or above it, adequate; below it, no conclusion (IOM Ch. 3 p. 59)."""
    assert target.ai is not None
    if mean >= target.ai:
        note = f"Mean {mean:.4g} is at or above the AI {target.ai:g}: very likely adequate."
        return Assessment(
            nutrient,
            mean,
            days,
            "ai_qualitative",
            None,
            None,
            "adequate",
            _days_confidence(days, "moderate"),
            note,
        )
    note = (
        f"Mean {mean:.4g} is below the AI {target.ai:g}. With only an AI, that cannot show "
        "inadequacy; it means adequacy cannot be confirmed."
    )
    return Assessment(
        nutrient, mean, days, "ai_qualitative", None, None, "possibly_inadequate", "low", note
    )


def _upper(
    mean: float,
    days: int,
    target: Target,
    variation: IntakeVariation | None,
    supplement: float = 0.0,
) -> UpperCheck | None:
    if target.ul is None:
        return None
    if not target.ul_counts_food:  # magnesium: the supplement dose alone, a fixed amount
        scope = target.ul_scope_short
        note = f"The UL ({target.ul:g}) counts {scope}; food intake is not compared with it."
        if supplement <= 0:
            return UpperCheck(target.ul, False, None, note)
        above = supplement > target.ul
        note += f" Supplements give {supplement:.4g} a day: {'over' if above else 'within'} the UL."
        return UpperCheck(target.ul, False, None, note, supplement, above)
    total = mean + supplement
    counted = " (food and supplements)" if supplement > 0 else ""
    if variation is None or variation.skewed:
        above = total > target.ul
        note = (
            f"Mean{counted} {'above' if above else 'below'} the UL {target.ul:g} "
            "(no confidence figure)."
        )
        return UpperCheck(target.ul, True, None, note, supplement, above)
    z = (total - target.ul) / (variation.sd_within / math.sqrt(days))
    p_below = 1 - phi(z)
    note = f"Confidence usual intake{counted} is below the UL {target.ul:g}: {p_below:.0%}."
    return UpperCheck(target.ul, True, p_below, note, supplement, total > target.ul)


def upper_without_food(target: Target, supplement: float) -> UpperCheck | None:
    """The UL check when food intake is unknown: only what supplements alone can tell."""
    if target.ul is None:
        return None
    if not target.ul_counts_food:
        return _upper(0.0, 1, target, None, supplement)  # food is not counted anyway
    if supplement > target.ul:
        note = (
            f"Food intake is not known, but supplements alone give {supplement:.4g} a day: over "
            f"the UL {target.ul:g}."
        )
        return UpperCheck(target.ul, True, None, note, supplement, True)
    note = f"Food intake is not known, so it is not compared with the UL {target.ul:g}."
    return UpperCheck(target.ul, True, None, note, supplement, None)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)
