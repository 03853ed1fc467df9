"""Is the diary complete enough? Recorded energy against basal metabolic rate (BMR).

    check = energy_check(1650.0, 7, Person(40, "female"), weight_kg=62, height_cm=165)
    check.verdict, check.ratio, check.cutoff_for_days

BMR comes from the Henry (2005) Oxford equations, with weight and height when both are
given, weight alone when only weight is, and the DRI reference body size for age and sex
otherwise. Recorded energy divided by BMR (EI:BMR) is compared with the Goldberg cut-off:
below about 1.35 (Goldberg et al. 1991) the intake is not plausible as habitual intake for
a sedentary person, and the diary is taken to be under-recorded; the statistical cut-off
for one person and the diary's number of days (Black 2000) is reported with it. The figures
and their sources are in data/energy.toml; the method is in docs/diet-analysis.md.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from twitchcheck._data import load_toml
from twitchcheck.errors import InputError
from twitchcheck.profile import Person

Verdict = Literal["under_recorded", "plausible", "not_checked"]
KCAL_PER_MJ = 239.006  # 1 MJ = 1000 / 4.184 kcal
WEIGHT_KG = (20.0, 350.0)  # what --weight-kg accepts
HEIGHT_CM = (80.0, 250.0)  # what --height-cm accepts


@dataclass(frozen=True, slots=True)
class EnergyCheck:
    """Recorded energy against BMR; `verdict` is "under_recorded" below `cutoff`."""

    verdict: Verdict
    intake_kcal: float | None
    bmr_kcal: float | None
    ratio: float | None
    cutoff: float
    cutoff_for_days: float | None
    days: int
    body: dict[str, object]
    method: str
    note: str

    @property
    def under_recorded(self) -> bool:
        return self.verdict == "under_recorded"

    def to_dict(self) -> dict[str, object]:
        return {
            "verdict": self.verdict,
            "intake_kcal": _round(self.intake_kcal, 0),
            "bmr_kcal": _round(self.bmr_kcal, 0),
            "ratio": _round(self.ratio, 2),
            "cutoff": self.cutoff,
            "cutoff_for_days": _round(self.cutoff_for_days, 2),
            "days": self.days,
            "body": self.body,
            "method": self.method,
            "note": self.note,
            "sources": list(_table()["sources"].values()),
        }


@cache
def _table() -> Mapping[str, Any]:
    return load_toml("energy.toml")


def check_body(weight_kg: float | None, height_cm: float | None) -> None:
    """Refuse a weight or height no person has (InputError naming the range)."""
    for value, (low, high), what in (
        (weight_kg, WEIGHT_KG, "--weight-kg"),
        (height_cm, HEIGHT_CM, "--height-cm"),
    ):
        if value is not None and not (math.isfinite(value) and low <= value <= high):
            raise InputError(f"{what} {value:g} is out of range; give {low:g} to {high:g}")


def _row(rows: list[dict[str, Any]], sex: str, age: float) -> dict[str, Any] | None:
    for row in rows:
        if row["sex"] in (sex, "any") and row["from"] <= age < row["to"]:
            return row
    return None


def bmr_kcal(
    person: Person, weight_kg: float | None = None, height_cm: float | None = None
) -> tuple[float, dict[str, object], str] | None:
    """(BMR in kcal/day, the body used, the equation) or None below the ages covered."""
    table = _table()
    age, sex = person.age_years, person.sex
    if age < table["cutoff"]["min_age_years"]:
        return None
    body: dict[str, object] = {"weight_kg": weight_kg, "height_cm": height_cm, "from": "given"}
    if weight_kg is None:
        reference = _row(table["reference_body"], sex, age)
        if reference is None:
            return None
        weight_kg = float(reference["weight_kg"])
        height_cm = float(reference["height_cm"]) if height_cm is None else height_cm
        body = {"weight_kg": weight_kg, "height_cm": height_cm, "from": "DRI reference"}
    both = _row(table["henry"]["weight_height"], sex, age) if height_cm is not None else None
    if both is not None and height_cm is not None:
        mj = both["w"] * weight_kg + both["h"] * height_cm / 100 + both["c"]
        method = "Henry 2005 (weight and height)"
    else:
        alone = _row(table["henry"]["weight"], sex, age)
        if alone is None:
            return None
        mj = alone["w"] * weight_kg + alone["c"]
        method = "Henry 2005 (weight)"
    return mj * KCAL_PER_MJ, body, method


def cutoff_for_days(days: int) -> float:
    """Black 2000's EI:BMR cut-off for one person recorded over `days` days (95 %)."""
    c = _table()["cutoff"]
    spread = math.sqrt(c["cv_wei"] ** 2 / max(days, 1) + c["cv_wb"] ** 2 + c["cv_tp"] ** 2)
    return float(c["pal"] * math.exp(c["sd_min"] * spread / 100))


def energy_check(
    intake_kcal: float | None,
    days: int,
    person: Person,
    weight_kg: float | None = None,
    height_cm: float | None = None,
) -> EnergyCheck:
    """Whether the recorded energy (mean kcal/day over `days`) is plausible for `person`."""
    check_body(weight_kg, height_cm)
    cutoff = float(_table()["cutoff"]["plausible_min"])
    estimated = bmr_kcal(person, weight_kg, height_cm)
    statistical = cutoff_for_days(days) if days else None
    if estimated is None or intake_kcal is None or days == 0:
        why = (
            "the diary records no energy"
            if intake_kcal is None
            else "BMR is not estimated at this age"
        )
        return EnergyCheck(
            "not_checked", intake_kcal, None, None, cutoff, statistical, days, {}, "none",
            f"Recorded energy was not compared with needs: {why}.",
        )  # fmt: skip
    bmr, body, method = estimated
    ratio = intake_kcal / bmr
    said = (
        f"Recorded energy is {intake_kcal:.0f} kcal a day, {ratio:.2f} times the estimated "
        f"basal metabolic rate ({bmr:.0f} kcal, {method}, "
        f"{'your weight' if body['from'] == 'given' else 'the DRI reference body size'})"
    )
    if ratio < cutoff:
        if statistical is not None and ratio < statistical:
            how = (
                f", and below {statistical:.2f}, the cut-off for {days} day(s) of records. "
                "Nobody lives on this for long, so the diary very likely leaves out food eaten"
            )
        else:
            how = (
                " (the least that is plausible as habitual intake). The diary probably leaves "
                "out food eaten"
            )
        note = (
            f"{said}: under the Goldberg cut-off of {cutoff:g}{how}: no shortfall is judged "
            "with more than low confidence. Record everything eaten and drunk for a few days."
        )
        verdict: Verdict = "under_recorded"
    else:
        note = f"{said}: at or above the Goldberg cut-off of {cutoff:g}, plausible."
        verdict = "plausible"
    return EnergyCheck(
        verdict, intake_kcal, bmr, ratio, cutoff, statistical, days, body, method, note
    )


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)
