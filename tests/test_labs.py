"""Labs: parsing, exact conversions, documented boundaries, urgent flags, errors."""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from twitchcheck.errors import LabUnitError, LabValueError, UnknownAnalyteError
from twitchcheck.labs import (
    LabReading,
    LabResult,
    analytes,
    convert,
    get_analyte,
    interpret_labs,
    parse_lab,
)

REFERENCE = Path(__file__).resolve().parents[1] / ".." / "shared" / "reference" / "lab-units.yaml"
REF_IDS = {
    "serum_magnesium_total": "magnesium",
    "serum_calcium_total": "calcium",
    "serum_calcium_ionized": "ionized_calcium",
    "serum_albumin": "albumin",
    "serum_25_hydroxyvitamin_D": "vitamin_d",
    "serum_potassium": "potassium",
    "serum_vitamin_B12_total": "vitamin_b12",
    "serum_methylmalonic_acid": "methylmalonic_acid",
    "plasma_total_homocysteine": "homocysteine",
}


def _reference() -> dict[str, dict[str, Any]]:
    assert REFERENCE.exists(), f"the vetted reference is missing: {REFERENCE}"
    data = yaml.safe_load(REFERENCE.read_text(encoding="utf-8"))
    return {REF_IDS[a["analyte"]]: a for a in data["analytes"]}


def _one(text: str) -> LabResult:
    (result,) = interpret_labs([text])
    return result


# ---------------------------------------------------------------- parsing

PARSES = [
    ("magnesium 1.5 mg/dL", "magnesium", 1.5, "mg/dL"),
    ("Mg: 0.6 mmol/l", "magnesium", 0.6, "mmol/L"),
    ("serum magnesium 1.7 mEq/L", "magnesium", 1.7, "mEq/L"),
    ("Serum Magnesium Level: 0.8 MMOL/L", "magnesium", 0.8, "mmol/L"),
    ("calcium 9.4 mg/dL", "calcium", 9.4, "mg/dL"),
    ("Ca 2.3 mmol/L", "calcium", 2.3, "mmol/L"),
    ("total calcium 9.2mg/dl", "calcium", 9.2, "mg/dL"),
    ("ionised calcium 1.2 mmol/L", "ionized_calcium", 1.2, "mmol/L"),
    ("Ionized Calcium 4.8 mg/dL", "ionized_calcium", 4.8, "mg/dL"),
    ("iCa 1.1 mmol/L", "ionized_calcium", 1.1, "mmol/L"),
    ("25-hydroxyvitamin D 30 ng/mL", "vitamin_d", 30, "ng/mL"),
    ("25-OH vitamin D 18 ng/mL", "vitamin_d", 18, "ng/mL"),
    ("25(OH)D 45 nmol/L", "vitamin_d", 45, "nmol/L"),
    ("25(OH)D3 45 nmol/L", "vitamin_d", 45, "nmol/L"),
    ("vit D 22 ng/ml", "vitamin_d", 22, "ng/mL"),
    ("vitamin d 30 ng/ml", "vitamin_d", 30, "ng/mL"),
    ("Vitamin D, 25-hydroxy: 31 ng/mL", "vitamin_d", 31, "ng/mL"),
    ("vitamin D 25 µg/L", "vitamin_d", 25, "µg/L"),
    ("B12 250 pg/mL", "vitamin_b12", 250, "pg/mL"),
    ("vitamin B12 300 pmol/L", "vitamin_b12", 300, "pmol/L"),
    ("Vitamin B-12: 1,200 pg/mL", "vitamin_b12", 1200, "pg/mL"),
    ("cobalamin 400 ng/L", "vitamin_b12", 400, "ng/L"),
    ("potassium 4.1 mEq/L", "potassium", 4.1, "mEq/L"),
    ("K 3.1mmol/L", "potassium", 3.1, "mmol/L"),
    ("K+ 3.1 mmol/L", "potassium", 3.1, "mmol/L"),
    ("K 3.1 mmol/L (3.5-5.0)", "potassium", 3.1, "mmol/L"),
    ("albumin 3.2 g/dL", "albumin", 3.2, "g/dL"),
    ("Alb 32 g/L", "albumin", 32, "g/L"),
    ("methylmalonic acid 0.4 umol/L", "methylmalonic_acid", 0.4, "µmol/L"),
    ("MMA 350 nmol/L", "methylmalonic_acid", 350, "nmol/L"),
    ("MMA 0.3 μmol/L", "methylmalonic_acid", 0.3, "µmol/L"),
    ("homocysteine 18 µmol/L", "homocysteine", 18, "µmol/L"),
    ("Hcy 9 mcmol/L", "homocysteine", 9, "µmol/L"),
    ("magnesium 0,8 mmol/L", "magnesium", 0.8, "mmol/L"),
    ("Mg - 0.8 mmol/L", "magnesium", 0.8, "mmol/L"),
]


@pytest.mark.parametrize(("text", "analyte", "value", "unit"), PARSES)
def test_parse_lab(text: str, analyte: str, value: float, unit: str) -> None:
    reading = parse_lab(text)
    assert (reading.analyte, reading.value, reading.unit) == (analyte, value, unit)
    assert reading.text == text


ERRORS = [
    ("magnesum 1.5 mg/dL", UnknownAnalyteError, "'magnesum'.*did you mean: Magnesium"),
    ("vitmin b12 300 pg/mL", UnknownAnalyteError, "did you mean: Vitamin B12"),
    ("ferritin 30 ng/mL", UnknownAnalyteError, "twitchcheck reads: Magnesium"),
    ("", UnknownAnalyteError, "empty"),
    ("potassium 4 mg/dL", LabUnitError, "'mg/dL' is not a unit for Potassium.*mmol/L, mEq/L"),
    ("vitamin D 30 mmol/L", LabUnitError, "nmol/L, ng/mL"),
    ("magnesium 0.8 furlongs", LabUnitError, "mmol/L, mg/dL, mEq/L"),
    ("magnesium 0.8", LabUnitError, "no unit given.*mmol/L, mg/dL, mEq/L"),
    ("magnesium", LabValueError, "no value found"),
    ("B12", LabValueError, "no value found"),
    ("25(OH)D", LabValueError, "no value found"),
    ("potassium -3 mmol/L", LabValueError, "negative"),
    ("K 40 mmol/L", LabValueError, "outside what a living person could have.*0.8 to 15"),
    ("calcium 9.5 mmol/L", LabValueError, "did you mean 9.5 mg/dL"),
    ("magnesium 0 mmol/L", LabValueError, "outside what a living person"),
    ("vitamin d <5 ng/mL", LabValueError, "limit, not a value"),
    ("Mg 1,2,3 mmol/L", LabValueError, "cannot read the number"),
]


@pytest.mark.parametrize(("text", "error", "message"), ERRORS)
def test_bad_input_is_refused_clearly(text: str, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        parse_lab(text)


def test_reading_built_in_code_is_validated_too() -> None:
    assert LabReading("potassium", 4.0, "meq/l").unit == "mEq/L"
    with pytest.raises(LabUnitError):
        LabReading("potassium", 4.0, "ng/mL")
    with pytest.raises(LabValueError):
        LabReading("potassium", 50.0, "mmol/L")
    with pytest.raises(UnknownAnalyteError):
        LabReading("sodium", 140.0, "mmol/L")


# ---------------------------------------------------------------- conversions


def test_factors_reproduce_the_vetted_reference() -> None:
    reference = _reference()
    assert set(reference) == {a.id for a in analytes()}
    for analyte in analytes():
        ref = reference[analyte.id]
        assert analyte.conventional_unit.replace("µ", "u") == ref["conventional_unit"]
        assert analyte.si_unit.replace("µ", "u") == ref["si_unit"]
        assert analyte.vetted_factor == ref["factor"]
        # Molar-mass factors agree with the published (rounded) factor to its last digit.
        assert analyte.conventional_factor == pytest.approx(ref["factor"], rel=2.5e-4)


CONVERSIONS = [
    ("magnesium", 1.5, "mg/dL", "mmol/L", 0.6172),
    ("magnesium", 0.8, "mmol/L", "mEq/L", 1.6),
    ("calcium", 10.0, "mg/dL", "mmol/L", 2.495),
    ("vitamin_d", 20.0, "ng/mL", "nmol/L", 49.93),
    ("vitamin_d", 50.0, "nmol/L", "ng/mL", 20.03),
    ("vitamin_b12", 200.0, "pg/mL", "pmol/L", 147.6),
    ("vitamin_b12", 200.0, "pg/mL", "ng/L", 200.0),
    ("potassium", 4.2, "mEq/L", "mmol/L", 4.2),
    ("albumin", 3.5, "g/dL", "g/L", 35.0),
    ("methylmalonic_acid", 270.0, "nmol/L", "µmol/L", 0.27),
]


@pytest.mark.parametrize(("analyte", "value", "source", "target", "expected"), CONVERSIONS)
def test_conversions(analyte: str, value: float, source: str, target: str, expected: float) -> None:
    assert convert(analyte, value, source, target) == pytest.approx(expected, rel=5e-4)


UNIT_PAIRS = [(a.id, u, v) for a in analytes() for u in a.units for v in a.units]


@settings(max_examples=300, deadline=None)
@given(
    pair=st.sampled_from(UNIT_PAIRS),
    value=st.floats(min_value=1e-6, max_value=1e6, allow_nan=False, allow_infinity=False),
)
def test_conversions_round_trip(pair: tuple[str, str, str], value: float) -> None:
    analyte, source, target = pair
    there = convert(analyte, value, source, target)
    assert convert(analyte, there, target, source) == pytest.approx(value, rel=1e-12)


def test_json_values_are_consistent() -> None:
    result = _one("magnesium 1.5 mg/dL").to_dict()
    assert result["si_value"] == 0.6172
    assert result["si_unit"] == "mmol/L"
    assert result["conventional_value"] == 1.5
    assert result["conventional_unit"] == "mg/dL"
    fixed = ["analyte", "value", "unit", "si_value", "si_unit", "conventional_value"]
    fixed += ["conventional_unit", "status", "range", "note"]
    assert list(result)[: len(fixed)] == fixed


# ---------------------------------------------------------------- classification

BOUNDARIES = [
    ("vitamin D 11.99 ng/mL", "deficient"),
    ("vitamin D 12 ng/mL", "inadequate"),
    ("vitamin D 19.99 ng/mL", "inadequate"),
    ("vitamin D 20 ng/mL", "adequate"),
    ("vitamin D 50 ng/mL", "adequate"),
    ("vitamin D 50.01 ng/mL", "possibly too high"),
    ("vitamin D 29.9 nmol/L", "deficient"),
    ("vitamin D 30 nmol/L", "inadequate"),
    ("vitamin D 50 nmol/L", "adequate"),
    ("vitamin D 125 nmol/L", "adequate"),
    ("vitamin D 125.1 nmol/L", "possibly too high"),
    ("vitamin D 12 µg/L", "inadequate"),
    ("vitamin D 50 µg/L", "adequate"),
    ("potassium 3.49 mmol/L", "low"),
    ("potassium 3.5 mmol/L", "normal"),
    ("potassium 5.0 mEq/L", "normal"),
    ("potassium 5.01 mmol/L", "high"),
    ("magnesium 0.74 mmol/L", "low"),
    ("magnesium 0.75 mmol/L", "normal"),
    ("magnesium 0.95 mmol/L", "normal"),
    ("magnesium 0.96 mmol/L", "high"),
    ("magnesium 1.82 mg/dL", "normal"),
    ("magnesium 1.81 mg/dL", "low"),
    ("magnesium 1.5 mEq/L", "normal"),  # 0.75 mmol/L
    ("calcium 8.5 mg/dL", "normal"),
    ("calcium 8.49 mg/dL", "low"),
    ("calcium 10.5 mg/dL", "normal"),
    ("calcium 10.51 mg/dL", "high"),
    ("calcium 2.12 mmol/L", "normal"),
    ("ionised calcium 1.15 mmol/L", "low"),
    ("ionised calcium 1.31 mmol/L", "normal"),
    ("B12 199 pg/mL", "low"),
    ("B12 200 pg/mL", "borderline"),
    ("B12 300 pg/mL", "borderline"),
    ("B12 301 pg/mL", "normal"),
    ("B12 148 pmol/L", "borderline"),
    ("B12 950 pg/mL", "high"),
    ("MMA 270 nmol/L", "normal"),
    ("MMA 0.28 umol/L", "high"),
    ("homocysteine 13.2 umol/L", "normal"),
    ("homocysteine 16 umol/L", "high"),
    ("albumin 3.0 g/dL", "unclassified"),
]


@pytest.mark.parametrize(("text", "status"), BOUNDARIES)
def test_boundaries_classify_as_documented(text: str, status: str) -> None:
    assert _one(text).status == status


VITAMIN_D_BANDS = [(0, 12, "deficient"), (12, 20, "inadequate"), (20, 50, "adequate")]


@given(st.floats(min_value=0, max_value=400, allow_nan=False))
def test_vitamin_d_bands_in_ng_per_ml(raw: float) -> None:
    text = f"{raw:.4f}"
    value = float(text)
    status = _one(f"25(OH)D {text} ng/mL").status
    expected = "possibly too high"
    for low, high, name in VITAMIN_D_BANDS:
        if low <= value < high or (name == "adequate" and value == high):
            expected = name
            break
    assert status == expected


URGENT = [
    ("potassium 2.4 mmol/L", True),
    ("potassium 2.5 mmol/L", False),
    ("potassium 6.5 mmol/L", False),
    ("potassium 6.6 mmol/L", True),
    ("magnesium 0.49 mmol/L", True),
    ("magnesium 1.1 mg/dL", True),
    ("magnesium 0.6 mmol/L", False),
    ("calcium 6.5 mg/dL", True),
    ("calcium 1.6 mmol/L", True),
    ("calcium 8.0 mg/dL", False),
    ("ionised calcium 0.8 mmol/L", True),
    ("ionised calcium 1.0 mmol/L", False),
    ("vitamin D 5 ng/mL", False),
]


@pytest.mark.parametrize(("text", "urgent"), URGENT)
def test_critical_values_are_urgent(text: str, urgent: bool) -> None:
    result = _one(text)
    assert result.urgent is urgent
    assert ("urgent medical care" in result.note) is urgent
    assert result.to_dict()["urgent"] is urgent


def test_urgent_thresholds_match_the_reference() -> None:
    reference = _reference()

    def numbers(text: str) -> list[float]:
        return [float(n) for n in re.findall(r"\d+(?:\.\d+)?", text)]

    severe_k = next(t for t in reference["potassium"]["thresholds"] if t["label"].startswith("sev"))
    assert get_analyte("potassium").urgent[0].conditions[0].si == numbers(severe_k["si"])[0]
    calcium = reference["calcium"]["thresholds"][0]
    assert (
        get_analyte("calcium").urgent[0].conditions[0].conventional
        == numbers(calcium["conventional"])[0]
    )
    ionised = next(
        t for t in reference["ionized_calcium"]["thresholds"] if "critical" in t["label"]
    )
    assert (
        get_analyte("ionized_calcium").urgent[0].conditions[0].conventional
        == numbers(ionised["conventional"])[0]
    )
    vitamin_d = {t["label"]: t for t in reference["vitamin_d"]["thresholds"]}
    edges = [c for band in get_analyte("vitamin_d").bands for c in band.conditions]
    assert [(c.conventional, c.si) for c in edges] == [
        tuple(numbers(vitamin_d[label]["conventional"])[:1] + numbers(vitamin_d[label]["si"])[:1])
        for label in (
            "IOM_2011_risk_of_deficiency",
            "IOM_2011_sufficient_for_practically_all",
            "IOM_2011_possible_concern_above",
        )
    ]


def test_albumin_corrects_total_calcium_in_the_same_call() -> None:
    calcium, albumin = interpret_labs(["calcium 7.9 mg/dL", "albumin 2.5 g/dL"])
    assert calcium.corrected_conventional_value == pytest.approx(9.1)
    assert calcium.corrected_si_value == pytest.approx(9.1 * 10 / 40.078)
    assert calcium.status == "normal"
    assert "0.8 × (4 − 2.5) = 9.1 mg/dL" in calcium.note
    assert albumin.status == "unclassified"
    data = calcium.to_dict()
    assert data["corrected_conventional_value"] == 9.1


def test_albumin_in_g_per_litre_and_calcium_in_mmol() -> None:
    (calcium, _) = interpret_labs(["Ca 2.0 mmol/L", "Alb 30 g/L"])
    # 2.0 mmol/L = 8.016 mg/dL; + 0.8 x 1.0 = 8.816 mg/dL = 2.1996 mmol/L
    assert calcium.corrected_si_value == pytest.approx(2.1996, abs=1e-4)
    assert calcium.status == "normal"


def test_calcium_without_albumin_says_so() -> None:
    result = _one("calcium 8.0 mg/dL")
    assert result.status == "low"
    assert "albumin" in result.note
    assert result.corrected_conventional_value is None


def test_urgent_calcium_stays_urgent_when_albumin_raises_it() -> None:
    calcium, _ = interpret_labs(["calcium 6.4 mg/dL", "albumin 2.0 g/dL"])
    assert calcium.corrected_conventional_value == pytest.approx(8.0)
    assert calcium.urgent


def test_what_a_result_cannot_tell() -> None:
    assert "does not rule out low body stores" in _one("magnesium 0.85 mmol/L").note
    borderline = _one("B12 250 pg/mL")
    assert borderline.status == "borderline"
    assert "methylmalonic acid" in borderline.note
    b12, mma = interpret_labs(["B12 250 pg/mL", "MMA 0.5 umol/L"])
    assert mma.status == "high"
    assert "supports B12 deficiency" in mma.note
    assert "in the same set is raised" in b12.note
    b12, _ = interpret_labs(["B12 250 pg/mL", "MMA 0.2 umol/L"])
    assert "not raised" in b12.note
    assert "supports B12 deficiency" in _one("homocysteine 20 umol/L").note


def test_every_note_and_range_carries_sources() -> None:
    known = {f"S{n}" for n in range(1, 119)}
    for analyte in analytes():
        assert analyte.range.sources, analyte.id
        assert set(analyte.range.sources) <= known
        for note in analyte.notes.values():
            assert note.sources, (analyte.id, note)
            assert set(note.sources) <= known, (analyte.id, note)
        for rule in (*analyte.urgent, *analyte.grades):
            assert rule.note is not None
            assert set(rule.note.sources) <= known


def test_readings_and_strings_can_be_mixed() -> None:
    results = interpret_labs([LabReading("potassium", 4.0, "mmol/L"), "Mg 0.8 mmol/L"])
    assert [r.analyte for r in results] == ["potassium", "magnesium"]
    assert all(r.sources for r in results)


# ---------------------------------------------------------------- robustness

ALPHABET = st.sampled_from(
    [*"abcdegiklmnoprstuvyzABDKMO0123456789 .,:;-+/()<>=µμ%", "mg/dL", "mmol/L", "B12"]
)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=40), st.lists(ALPHABET, max_size=12).map("".join)))
def test_arbitrary_text_raises_only_documented_errors(text: str) -> None:
    try:
        reading = parse_lab(text)
    except (UnknownAnalyteError, LabUnitError, LabValueError):
        return
    assert isinstance(reading, LabReading)
    (result,) = interpret_labs([reading])
    assert math.isfinite(result.si_value)


@settings(max_examples=200, deadline=None)
@given(
    name=st.sampled_from([alias for a in analytes() for alias in a.aliases]),
    value=st.floats(min_value=0, max_value=1e4, allow_nan=False).map(lambda v: round(v, 3)),
    unit=st.sampled_from(["mg/dL", "mmol/L", "mEq/L", "ng/mL", "nmol/L", "pg/mL", "pmol/L"]),
    separator=st.sampled_from([" ", ":", ": ", " = "]),
    unit_separator=st.sampled_from(["", " "]),
)
def test_well_formed_text_parses_or_names_the_problem(
    name: str, value: float, unit: str, separator: str, unit_separator: str
) -> None:
    text = f"{name.upper()}{separator}{value}{unit_separator}{unit}"
    try:
        reading = parse_lab(text)
    except (LabUnitError, LabValueError):
        return  # a unit that does not fit the analyte, or an implausible value: both documented
    assert reading.value == value
    assert reading.unit == unit
