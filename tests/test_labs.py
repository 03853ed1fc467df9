"""Labs: parsing, conversions, SI-only judgements, urgent levels, calcium correction, errors."""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import HANG_BOUND
from twitchcheck._data import data_path
from twitchcheck.errors import LabUnitError, LabValueError, UnknownAnalyteError
from twitchcheck.labs import (
    URGENT_LEVELS,
    LabReading,
    LabResult,
    analytes,
    convert,
    get_analyte,
    interpret_labs,
    parse_lab,
)

REFERENCE = Path(__file__).resolve().parents[1] / ".." / "shared" / "reference" / "lab-units.yaml"
DOCS = Path(__file__).resolve().parents[1] / "docs" / "labs.md"
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
    ("troponin 30 ng/L", UnknownAnalyteError, "twitchcheck reads: Magnesium"),
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
        LabReading("troponin", 14.0, "ng/L")


# ---------------------------------------------------------------- conversions


def test_factors_reproduce_the_vetted_reference() -> None:
    reference = _reference()
    assert set(reference) <= {a.id for a in analytes()}
    for analyte in (get_analyte(key) for key in reference):
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
    # Published figures in either unit land where the source puts them.
    ("vitamin D 11.99 ng/mL", "deficient"),
    ("vitamin D 12 ng/mL", "inadequate"),
    ("vitamin D 19.99 ng/mL", "inadequate"),
    ("vitamin D 20 ng/mL", "adequate"),
    ("vitamin D 50 ng/mL", "adequate"),
    ("vitamin D 50.1 ng/mL", "possibly too high"),
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
    ("magnesium 2.30 mg/dL", "normal"),
    ("magnesium 2.32 mg/dL", "high"),  # 0.9545 mmol/L
    ("magnesium 1.5 mEq/L", "normal"),  # 0.75 mmol/L
    ("calcium 8.5 mg/dL", "normal"),
    ("calcium 8.49 mg/dL", "low"),
    ("calcium 10.5 mg/dL", "normal"),
    ("calcium 10.51 mg/dL", "high"),
    ("calcium 2.12 mmol/L", "normal"),
    ("calcium 2.62 mmol/L", "normal"),
    ("calcium 2.63 mmol/L", "high"),
    ("ionised calcium 1.15 mmol/L", "low"),
    ("ionised calcium 4.65 mg/dL", "normal"),
    ("ionised calcium 1.31 mmol/L", "normal"),
    ("ionised calcium 5.25 mg/dL", "normal"),
    ("B12 199 pg/mL", "low"),
    ("B12 200 pg/mL", "borderline"),
    ("B12 300 pg/mL", "borderline"),
    ("B12 301 pg/mL", "normal"),
    ("B12 148 pmol/L", "borderline"),
    ("B12 147 pmol/L", "low"),
    ("B12 900 pg/mL", "normal"),
    ("B12 950 pg/mL", "high"),
    ("MMA 270 nmol/L", "normal"),
    ("MMA 0.28 umol/L", "high"),
    ("homocysteine 13.2 umol/L", "normal"),
    ("homocysteine 16 umol/L", "high"),
    ("albumin 34.9 g/L", "low"),
    ("albumin 35 g/L", "normal"),
    ("albumin 50 g/L", "normal"),
    ("albumin 50.1 g/L", "high"),
    ("albumin 3.49 g/dL", "low"),
    ("albumin 3.5 g/dL", "normal"),
    ("albumin 5.0 g/dL", "normal"),
    ("albumin 5.01 g/dL", "high"),
]


@pytest.mark.parametrize(("text", "status"), BOUNDARIES)
def test_boundaries_classify_as_documented(text: str, status: str) -> None:
    result = _one(text)
    assert result.status == status
    assert result.measured_status == status
    assert result.corrected_status is None


# (text, urgent_level, direction): every urgent cut-off at and around its edge, in both units.
URGENT = [
    # potassium: < 2.5 low (S21); >= 6.0 urgent, >= 6.5 emergency (UKKA, X20/X21)
    ("potassium 2.5 mmol/L", None, None),
    ("potassium 2.49 mmol/L", "urgent", "low"),
    ("potassium 2.49 mEq/L", "urgent", "low"),
    ("potassium 5.99 mmol/L", None, None),
    ("potassium 6.0 mmol/L", "urgent", "high"),
    ("potassium 6.0 mEq/L", "urgent", "high"),
    ("potassium 6.49 mmol/L", "urgent", "high"),
    ("potassium 6.5 mmol/L", "emergency", "high"),
    ("potassium 6.5 mEq/L", "emergency", "high"),
    # magnesium: < 0.5 low (S72); > 2.0 urgent (X26), > 2.5 emergency (X27)
    ("magnesium 0.5 mmol/L", None, None),
    ("magnesium 1.0 mEq/L", None, None),  # 0.5 mmol/L
    ("magnesium 0.49 mmol/L", "urgent", "low"),
    ("magnesium 1.2 mg/dL", "urgent", "low"),  # 0.494 mmol/L: the example
    ("magnesium 1.1 mg/dL", "urgent", "low"),
    ("magnesium 0.6 mmol/L", None, None),
    ("magnesium 2.0 mmol/L", None, None),
    ("magnesium 4.0 mEq/L", None, None),  # 2.0 mmol/L
    ("magnesium 4.8 mg/dL", None, None),  # 1.975 mmol/L
    ("magnesium 2.01 mmol/L", "urgent", "high"),
    ("magnesium 4.9 mg/dL", "urgent", "high"),  # 2.016 mmol/L
    ("magnesium 2.5 mmol/L", "urgent", "high"),
    ("magnesium 2.51 mmol/L", "emergency", "high"),
    ("magnesium 6.1 mg/dL", "emergency", "high"),  # 2.51 mmol/L
    # total calcium: < 6.6 mg/dL low (S23); >= 3.0 mmol/L or 12 mg/dL urgent, >= 3.5 or 14 emergency
    ("calcium 6.6 mg/dL", None, None),
    ("calcium 6.59 mg/dL", "urgent", "low"),
    ("calcium 1.65 mmol/L", None, None),
    ("calcium 1.64 mmol/L", "urgent", "low"),
    ("calcium 8.0 mg/dL", None, None),
    ("calcium 2.99 mmol/L", None, None),
    ("calcium 11.9 mg/dL", None, None),
    ("calcium 3.0 mmol/L", "urgent", "high"),
    ("calcium 12 mg/dL", "urgent", "high"),  # 2.994 mmol/L: both printed figures count
    ("calcium 6.0 mEq/L", "urgent", "high"),  # 3.0 mmol/L
    ("calcium 3.49 mmol/L", "urgent", "high"),
    ("calcium 13.9 mg/dL", "urgent", "high"),
    ("calcium 3.5 mmol/L", "emergency", "high"),
    ("calcium 14 mg/dL", "emergency", "high"),  # 3.493 mmol/L
    ("calcium 7.0 mEq/L", "emergency", "high"),
    # ionised calcium: < 3.5 mg/dL low (S23); > 1.55 urgent (X29), > 1.8 emergency (X24)
    ("ionised calcium 3.5 mg/dL", None, None),
    ("ionised calcium 0.88 mmol/L", None, None),
    ("ionised calcium 3.4 mg/dL", "urgent", "low"),
    ("ionised calcium 0.8 mmol/L", "urgent", "low"),
    ("ionised calcium 1.0 mmol/L", None, None),
    ("ionised calcium 1.55 mmol/L", None, None),
    ("ionised calcium 6.21 mg/dL", None, None),
    ("ionised calcium 1.56 mmol/L", "urgent", "high"),
    ("ionised calcium 6.3 mg/dL", "urgent", "high"),
    ("ionised calcium 1.8 mmol/L", "urgent", "high"),
    ("ionised calcium 7.2 mg/dL", "urgent", "high"),
    ("ionised calcium 1.81 mmol/L", "emergency", "high"),
    ("ionised calcium 7.3 mg/dL", "emergency", "high"),
    # vitamin D: > 375 nmol/L (150 ng/mL) toxicity (X28); no low-side urgency
    ("vitamin D 5 ng/mL", None, None),
    ("vitamin D 375 nmol/L", None, None),
    ("vitamin D 150 ng/mL", None, None),
    ("vitamin D 376 nmol/L", "urgent", "high"),
    ("vitamin D 151 ng/mL", "urgent", "high"),
]


@pytest.mark.parametrize(("text", "level", "direction"), URGENT)
def test_urgent_cut_offs_at_their_edges(
    text: str, level: str | None, direction: str | None
) -> None:
    result = _one(text)
    assert (result.urgent_level, result.direction) == (level, direction)
    assert result.urgent is (level is not None)
    data = result.to_dict()
    assert (data["urgent"], data["urgent_level"], data["direction"]) == (
        level is not None,
        level,
        direction,
    )
    if level is not None:  # the gravest rule's sentence comes first
        assert result.notes[0].text == next(
            rule.note.text
            for rule in get_analyte(result.analyte).urgent
            if rule.level == level
            and rule.direction == direction
            and rule.note
            and rule.matches(result.si_value)
        )
    wording = "emergency department now" if level == "emergency" else "urgent medical care today"
    assert (wording in result.note) is (level is not None)


def test_the_unit_typed_never_changes_the_verdict() -> None:
    # Issue 9: 1.2 mg/dL and 0.49 mmol/L magnesium were judged differently.
    in_mg, in_mmol = _one("magnesium 1.2 mg/dL"), _one("magnesium 0.4937 mmol/L")
    assert in_mg.si_value == pytest.approx(0.4937, abs=1e-4)
    assert (in_mg.status, in_mg.urgent_level) == (in_mmol.status, in_mmol.urgent_level)
    assert in_mg.urgent_level == "urgent"


def test_potassium_grades_on_the_high_side() -> None:
    assert "Mildly high" in _one("potassium 5.5 mmol/L").note
    assert "Mildly high" in _one("potassium 5.99 mEq/L").note
    assert "Mildly high" not in _one("potassium 5.49 mmol/L").note
    assert "Mildly high" not in _one("potassium 6.0 mmol/L").note
    assert "Moderately low" in _one("potassium 2.5 mmol/L").note


def test_every_urgent_rule_is_complete() -> None:
    kinds = {"low": {"below", "atmost"}, "high": {"above", "atleast"}}
    emergencies = set()
    for analyte in analytes():
        for rule in analyte.urgent:
            assert rule.level in URGENT_LEVELS, (analyte.id, rule)
            assert rule.direction in kinds, (analyte.id, rule)
            assert {c.op for c in rule.conditions} <= kinds[rule.direction]
            assert rule.note is not None
            assert rule.note.sources
            if rule.level == "emergency":
                emergencies.add(analyte.id)
        highs = [r for r in analyte.urgent if r.direction == "high"]
        # The emergency edge lies beyond the urgent one, so levels rise with the value.
        edges = {r.level: r.conditions[0].si for r in highs}
        if {"urgent", "emergency"} <= set(edges):
            assert edges["emergency"] > edges["urgent"], analyte.id
    assert emergencies == {"potassium", "magnesium", "calcium", "ionized_calcium", "glucose"}
    assert {a.id for a in analytes() if any(r.direction == "high" for r in a.urgent)} == {
        "potassium",
        "magnesium",
        "calcium",
        "ionized_calcium",
        "vitamin_d",
        "sodium",
        "glucose",
    }


def test_one_si_edge_keeps_both_printed_figures_where_the_source_puts_them() -> None:
    for analyte in analytes():
        for rule in (*analyte.bands, *analyte.urgent, *analyte.grades):
            for condition in rule.conditions:
                printed = [condition.published_si, condition.published_conventional]
                assert any(p is not None for p in printed), (analyte.id, condition)
                in_si = [
                    condition.published_si,
                    None
                    if condition.published_conventional is None
                    else analyte.to_si(condition.published_conventional, analyte.conventional_unit),
                ]
                for value in (v for v in in_si if v is not None):
                    side = condition.holds(float(f"{value:.12g}"))
                    # A printed edge itself is inside the band for >= and <=, outside for < and >.
                    assert side is (condition.op in ("atleast", "atmost")), (analyte.id, condition)


def test_urgent_thresholds_match_the_reference() -> None:
    reference = _reference()

    def numbers(text: str) -> list[float]:
        return [float(n) for n in re.findall(r"\d+(?:\.\d+)?", text)]

    severe_k = next(t for t in reference["potassium"]["thresholds"] if t["label"].startswith("sev"))
    low_k = next(r for r in get_analyte("potassium").urgent if r.direction == "low")
    assert low_k.conditions[0].published_si == numbers(severe_k["si"])[0]
    calcium = reference["calcium"]["thresholds"][0]
    low_ca = next(r for r in get_analyte("calcium").urgent if r.direction == "low")
    assert low_ca.conditions[0].published_conventional == numbers(calcium["conventional"])[0]
    ionised = next(
        t for t in reference["ionized_calcium"]["thresholds"] if "critical" in t["label"]
    )
    low_ica = next(r for r in get_analyte("ionized_calcium").urgent if r.direction == "low")
    assert low_ica.conditions[0].published_conventional == numbers(ionised["conventional"])[0]
    magnesium = reference["magnesium"]["thresholds"][0]
    low_mg = next(r for r in get_analyte("magnesium").urgent if r.direction == "low")
    assert low_mg.conditions[0].published_si == numbers(magnesium["si"])[0]
    vitamin_d = {t["label"]: t for t in reference["vitamin_d"]["thresholds"]}
    edges = [c for band in get_analyte("vitamin_d").bands for c in band.conditions]
    assert [(c.published_conventional, c.published_si) for c in edges] == [
        tuple(numbers(vitamin_d[label]["conventional"])[:1] + numbers(vitamin_d[label]["si"])[:1])
        for label in (
            "IOM_2011_risk_of_deficiency",
            "IOM_2011_sufficient_for_practically_all",
            "IOM_2011_possible_concern_above",
        )
    ]


# ---------------------------------------------------------------- the same quantity, any unit

_EDGES = {
    a.id: sorted({c.si for r in (*a.bands, *a.urgent, *a.grades) for c in r.conditions})
    for a in analytes()
}


def _tidy(value: float) -> float:
    """A quantity as a report would print it (no float noise past 12 digits)."""
    return float(f"{value:.12g}")


@st.composite
def _quantity(draw: st.DrawFn, analyte_id: str) -> float:
    """An SI quantity: a cut-off edge, a hair either side of one, or anywhere plausible."""
    low, high = get_analyte(analyte_id).plausible_si
    edges = _EDGES[analyte_id]
    anywhere = st.floats(min_value=low, max_value=high).map(lambda v: float(f"{v:.6g}"))
    if not edges:
        return max(low, min(high, draw(anywhere)))
    edge = st.sampled_from(edges)
    near = st.tuples(
        edge, st.sampled_from([-1e-2, -1e-3, -1e-6, -1e-9, 1e-9, 1e-6, 1e-3, 1e-2])
    ).map(lambda pair: _tidy(pair[0] * (1 + pair[1])))
    value = draw(st.one_of(edge, near, anywhere))
    return max(low, min(high, value))


def _verdict(result: LabResult) -> tuple[object, ...]:
    return (
        result.status,
        result.measured_status,
        result.corrected_status,
        result.urgent,
        result.urgent_level,
        result.direction,
        tuple(note.text for note in result.notes),  # grades, urgent and status sentences
    )


def _expressed(analyte_id: str, si_value: float, unit: str) -> LabReading:
    return LabReading(analyte_id, get_analyte(analyte_id).units[unit].from_si(si_value), unit)


@settings(max_examples=600, deadline=None)
@given(data=st.data(), analyte_id=st.sampled_from([a.id for a in analytes()]))
def test_same_quantity_in_any_unit_gives_the_same_verdict(
    data: st.DataObject, analyte_id: str
) -> None:
    quantity = data.draw(_quantity(analyte_id))
    verdicts = {
        unit: _verdict(interpret_labs([_expressed(analyte_id, quantity, unit)])[0])
        for unit in get_analyte(analyte_id).units
    }
    assert len(set(verdicts.values())) == 1, (analyte_id, quantity, verdicts)


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_corrected_calcium_does_not_depend_on_either_unit(data: st.DataObject) -> None:
    calcium, albumin = data.draw(_quantity("calcium")), data.draw(_quantity("albumin"))
    verdicts = set()
    for ca_unit in get_analyte("calcium").units:
        for alb_unit in get_analyte("albumin").units:
            result, _ = interpret_labs(
                [_expressed("calcium", calcium, ca_unit), _expressed("albumin", albumin, alb_unit)]
            )
            assert result.corrected_status is not None
            verdicts.add(_verdict(result))
    assert len(verdicts) == 1, (calcium, albumin, verdicts)


# ---------------------------------------------------------------- calcium and albumin


def test_albumin_corrects_total_calcium_in_the_same_call() -> None:
    calcium, albumin = interpret_labs(["calcium 7.9 mg/dL", "albumin 2.5 g/dL"])
    assert calcium.corrected_conventional_value == pytest.approx(9.1)
    assert calcium.corrected_si_value == pytest.approx(9.1 * 10 / 40.078)
    assert (calcium.status, calcium.measured_status, calcium.corrected_status) == (
        "normal",
        "low",
        "normal",
    )
    assert "0.8 × (4 − 2.5) = 9.1 mg/dL" in calcium.note
    assert "Measured: low; corrected: normal" in calcium.note
    assert albumin.status == "low"
    data = calcium.to_dict()
    assert data["corrected_conventional_value"] == 9.1
    assert data["corrected"] == {"si_value": 2.271, "conventional_value": 9.1, "status": "normal"}
    assert (data["status"], data["measured_status"], data["corrected_status"]) == (
        "normal",
        "low",
        "normal",
    )


def test_a_measured_low_calcium_is_never_hidden_by_correction() -> None:
    calcium, _ = interpret_labs(["calcium 2.0 mmol/L", "albumin 25 g/L"])
    assert calcium.corrected_status == "normal"
    assert calcium.measured_status == "low"
    assert "measured total calcium is itself below range" in calcium.note
    assert "ask for ionised calcium" in calcium.note
    # Still said when both are low.
    both, _ = interpret_labs(["calcium 7.0 mg/dL", "albumin 3.8 g/dL"])
    assert (both.measured_status, both.corrected_status) == ("low", "low")
    assert "itself below range" in both.note
    # Not said when the measured value is in range.
    fine, _ = interpret_labs(["calcium 9.0 mg/dL", "albumin 4.0 g/dL"])
    assert "itself" not in fine.note
    assert (fine.status, fine.measured_status, fine.corrected_status) == ("normal",) * 3


def test_albumin_in_g_per_litre_and_calcium_in_mmol() -> None:
    (calcium, _) = interpret_labs(["Ca 2.0 mmol/L", "Alb 30 g/L"])
    # 2.0 mmol/L = 8.016 mg/dL; + 0.8 x 1.0 = 8.816 mg/dL = 2.1996 mmol/L
    assert calcium.corrected_si_value == pytest.approx(2.1996, abs=1e-4)
    assert calcium.status == "normal"


def test_correction_can_reveal_a_high_calcium() -> None:
    calcium, _ = interpret_labs(["calcium 2.9 mmol/L", "albumin 20 g/L"])
    assert calcium.corrected_si_value == pytest.approx(3.299, abs=1e-3)
    assert (calcium.urgent_level, calcium.direction) == ("urgent", "high")
    assert calcium.measured_status == calcium.corrected_status == "high"


def test_high_albumin_can_lower_the_corrected_value() -> None:
    calcium, albumin = interpret_labs(["calcium 2.2 mmol/L", "albumin 55 g/L"])
    assert albumin.status == "high"
    assert (calcium.measured_status, calcium.corrected_status) == ("normal", "low")
    assert calcium.status == "low"


def test_calcium_without_albumin_says_so() -> None:
    result = _one("calcium 8.0 mg/dL")
    assert (result.status, result.measured_status, result.corrected_status) == ("low", "low", None)
    assert "albumin" in result.note
    assert "ionised calcium" in result.note
    assert result.corrected_conventional_value is None
    assert "corrected" not in result.to_dict()


def test_urgent_calcium_stays_urgent_when_albumin_raises_it() -> None:
    calcium, _ = interpret_labs(["calcium 6.4 mg/dL", "albumin 2.0 g/dL"])
    assert calcium.corrected_conventional_value == pytest.approx(8.0)
    assert (calcium.urgent, calcium.urgent_level, calcium.direction) == (True, "urgent", "low")


def test_albumin_is_classified_with_a_note() -> None:
    low = _one("albumin 28 g/L")
    assert low.status == "low"
    assert "lowers the measured total calcium" in low.note
    assert "X30" in low.sources or "X30" in low.range_sources
    assert "dehydration" in _one("albumin 5.5 g/dL").note
    assert _one("albumin 4.2 g/dL").status == "normal"


# ---------------------------------------------------------------- notes and sources


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


def _known_sources() -> set[str]:
    """The knowledge base's source ids (labs.yaml's L1.. among them)."""
    sources = data_path("knowledge/sources.yaml").read_text(encoding="utf-8")
    return set(re.findall(r"^- id: (\S+)$", sources, re.MULTILINE))


def test_every_note_and_range_carries_known_sources() -> None:
    known = _known_sources()
    assert {"S9", "X20", "X31", "L1", "L14"} <= known
    for analyte in analytes():
        assert analyte.range.sources, analyte.id
        assert set(analyte.range.sources) <= known
        for note in analyte.notes.values():
            assert note.sources, (analyte.id, note)
            assert set(note.sources) <= known, (analyte.id, note)
        for rule in (*analyte.urgent, *analyte.grades):
            assert rule.note is not None
            assert set(rule.note.sources) <= known, (analyte.id, rule)
        for note in analyte.sex_ranges.values():
            assert note.sources, analyte.id
            assert set(note.sources) <= known, analyte.id
        correction = analyte.albumin_correction
        if correction is not None:
            for note in (correction.caveat, correction.missing, *correction.measured.values()):
                assert set(note.sources) <= known


def _cited(node: object) -> list[str]:
    from collections.abc import Mapping

    if isinstance(node, Mapping):
        found = [str(s) for s in node.get("sources", ())]
        return found + [s for value in node.values() for s in _cited(value)]
    if isinstance(node, list | tuple):
        return [s for value in node for s in _cited(value)]
    return []


def test_every_source_anywhere_in_labs_yaml_is_known() -> None:
    """Every `sources` list in labs.yaml, wherever it sits (reflects, clearly...)."""
    from twitchcheck._data import load_yaml

    known = _known_sources()
    data = load_yaml("labs.yaml")
    cited = _cited({key: value for key, value in data.items() if key != "sources"})
    assert len(cited) > 50
    assert set(cited) <= known, set(cited) - known


def test_each_result_speaks_for_its_nutrient() -> None:
    reflects = {a.id: (a.nutrient, a.raised_means_short) for a in analytes()}
    assert reflects["ionized_calcium"] == ("calcium", False)
    assert reflects["methylmalonic_acid"] == ("vitamin_b12", True)
    assert reflects["homocysteine"] == ("vitamin_b12", True)
    assert reflects["albumin"] == (None, False)  # albumin corrects calcium; it is no nutrient


_LOWER_FIRST = ("atleast", "above", "below", "atmost")


def _symbol(op: str) -> str:
    return {"below": "<", "above": ">", "atleast": "≥", "atmost": "≤"}[op]


def cut_off_rows() -> list[str]:
    """The docs/labs.md table of every cut-off, as generated from labs.yaml."""
    rows = []
    for analyte in analytes():
        rules = [(r, r.label) for r in analyte.bands if r.conditions]
        for sex, bands in analyte.sex_bands.items():
            rules += [(r, f"{r.label} ({sex})") for r in bands if r.conditions]
        rules += [(r, f"{r.level}, {r.direction}") for r in analyte.urgent]
        rules += [(r, "grade") for r in analyte.grades]
        for rule, meaning in rules:
            conditions = sorted(rule.conditions, key=lambda c: _LOWER_FIRST.index(c.op))
            si = " and ".join(f"{_symbol(c.op)} {c.si:.4g}" for c in conditions)
            conventional = " and ".join(
                f"{_symbol(c.op)} {analyte.to_conventional(c.si):.4g}" for c in conditions
            )
            printed = "; ".join(
                ", ".join(
                    f"{figure:g} {unit}"
                    for figure, unit in (
                        (c.published_si, analyte.si_unit),
                        (c.published_conventional, analyte.conventional_unit),
                    )
                    if figure is not None
                )
                for c in conditions
            )
            sources = rule.note.sources if rule.note else analyte.range.sources
            rows.append(
                f"| {analyte.id} | {meaning} | {si} {analyte.si_unit} | "
                f"{conventional} {analyte.conventional_unit} | {printed} | {', '.join(sources)} |"
            )
    return rows


def test_docs_list_every_cut_off() -> None:
    docs = DOCS.read_text(encoding="utf-8")
    missing = [row for row in cut_off_rows() if row not in docs]
    assert not missing, "docs/labs.md is out of date; regenerate:\n" + "\n".join(missing)


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


@pytest.mark.parametrize("separator", [" ", "-", "_", ""])
@pytest.mark.parametrize("analyte", analytes(), ids=lambda a: a.id)
def test_every_alias_names_its_analyte_with_any_separator(analyte: Any, separator: str) -> None:
    # The alias patterns are compiled per first character (issue 12): each must still be found.
    for alias in analyte.aliases:
        name = separator.join(re.findall(r"[a-z0-9]+", alias.lower()))
        unit = analyte.si_unit
        low, high = analyte.plausible_si
        reading = parse_lab(f"{name.upper()} {(low + high) / 2:g} {unit}")
        assert reading.analyte == analyte.id, (alias, separator)


# ---------------------------------------------------------------- issue 10: bounds


def test_plausible_ranges_come_from_limits_toml_or_labs_yaml() -> None:
    from twitchcheck._data import load_yaml
    from twitchcheck.limits import all_limits

    raw = load_yaml("labs.yaml")["analytes"]
    for analyte in analytes():
        if f"lab.{analyte.id}_min" in all_limits():
            low, high = (all_limits()[f"lab.{analyte.id}_{end}"] for end in ("min", "max"))
            assert analyte.plausible_si == (low.value, high.value)
            assert low.kind == high.kind == "impossible"
            assert low.unit == high.unit == analyte.si_unit
        else:  # the analytes added for the screening's tests carry their own, with a reason
            spec = raw[analyte.id]["plausible"]
            assert analyte.plausible_si == (spec["min"], spec["max"])
            assert len(spec["reason"]) > 30, analyte.id
        low_si, high_si = analyte.plausible_si
        for rule in (*analyte.urgent, *analyte.bands, *analyte.grades):  # edges are accepted
            assert all(low_si < c.si < high_si for c in rule.conditions), analyte.id


def test_a_critical_value_is_accepted_and_raised_an_impossible_one_refused() -> None:
    (potassium,) = interpret_labs(["potassium 7.5 mmol/L"])
    assert potassium.urgent_level == "emergency"
    with pytest.raises(LabValueError, match="outside what a living person could have"):
        parse_lab("potassium 75 mmol/L")
    with pytest.raises(LabValueError, match=r"outside|too large"):
        parse_lab("potassium " + "9" * 180 + " mmol/L")


def test_long_results_and_long_lists_are_refused_at_once() -> None:
    import time

    from twitchcheck.errors import InputError

    started = time.perf_counter()
    with pytest.raises(InputError, match="at most 200") as caught:
        parse_lab("x" * 1_000_000 + " 5 mmol/L")
    assert len(str(caught.value)) < 300
    with pytest.raises(InputError, match="at most 100 are read"):
        interpret_labs(["potassium 4 mmol/L"] * 101)
    with pytest.raises(UnknownAnalyteError) as unknown:
        parse_lab("q" * 190 + " 5 mmol/L")  # near the limit: suggestions still cheap
    assert len(str(unknown.value)) < 600  # whatever its length: 23 tests' names at most
    assert time.perf_counter() - started < HANG_BOUND


@settings(max_examples=200, deadline=None)
@given(
    name=st.sampled_from([a.label for a in analytes()]),
    number=st.one_of(
        st.floats().map(str),
        st.integers(-(10**40), 10**40).map(str),
        st.text(alphabet="0123456789.,-+e−", min_size=1, max_size=30),
    ),
    unit=st.sampled_from([*{u for a in analytes() for u in a.units}, "", "[/bold]", "%"]),
)
def test_any_number_in_any_unit_is_a_finite_result_or_a_documented_refusal(
    name: str, number: str, unit: str
) -> None:
    import json

    try:
        results = interpret_labs([f"{name} {number} {unit}"])
    except (UnknownAnalyteError, LabUnitError, LabValueError):
        return
    json.dumps([r.to_dict() for r in results], allow_nan=False)  # strict JSON, always
