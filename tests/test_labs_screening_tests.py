"""Labs for the tests the screening suggests: iron studies, kidney, sodium, phosphate, glucose,
HbA1c, CK, TSH, folate, PTH (issues 11/15). Published worked examples, the aliases people type,
sex-specific ranges, the restless-legs ferritin threshold and the urgent cut-offs."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from twitchcheck.errors import InputError
from twitchcheck.knowledge import load_knowledge
from twitchcheck.labs import LabResult, convert, get_analyte, interpret_labs, parse_lab

NEW = (
    "ferritin", "iron", "tibc", "transferrin_saturation", "creatinine", "egfr", "sodium",
    "phosphate", "glucose", "hba1c", "creatine_kinase", "tsh", "folate", "pth", "free_t4",
    "hemoglobin",
)  # fmt: skip


def _one(text: str, sex: str | None = None) -> LabResult:
    (result,) = interpret_labs([text], sex=sex)
    return result


# Worked examples as the sources print them (value, from, to, expected, tolerance).
WORKED = [
    ("creatinine", 1.0, "mg/dL", "µmol/L", 88.4, 1e-3),  # L5 table: x 88.4
    ("glucose", 100, "mg/dL", "mmol/L", 5.55, 1e-3),  # S66: x 0.05551
    ("glucose", 126, "mg/dL", "mmol/L", 7.0, 2e-3),  # ADA: 126 mg/dL (7.0 mmol/L)
    ("glucose", 54, "mg/dL", "mmol/L", 3.0, 2e-3),  # ADA level 2: 54 mg/dL (3.0 mmol/L)
    ("hba1c", 6.5, "%", "mmol/mol", 48, 1e-2),  # ADA: 6.5% (48 mmol/mol)
    ("hba1c", 5.7, "%", "mmol/mol", 39, 1e-2),  # ADA: 5.7% (39 mmol/mol)
    ("hba1c", 48, "mmol/mol", "%", 0.0915 * 48 + 2.15, 1e-3),  # IFCC master equation
    ("iron", 60, "µg/dL", "µmol/L", 10.7, 1e-2),  # L3: 60 µg/dL (10.7 µmol/L)
    ("tibc", 450, "µg/dL", "µmol/L", 80.6, 1e-2),  # L3: 450 µg/dL (80.6 µmol/L)
    ("phosphate", 2.5, "mg/dL", "mmol/L", 0.81, 1e-2),  # L11: 2.5 mg/dL (0.81 mmol/L)
    ("phosphate", 1.0, "mg/dL", "mmol/L", 0.32, 1e-2),  # L11: 1 mg/dL (0.32 mmol/L)
    ("folate", 3, "ng/mL", "nmol/L", 6.8, 1e-2),  # WHO: 3 ng/mL (6.8 nmol/L)
    ("ferritin", 30, "ng/mL", "µg/L", 30, 0),  # 1 ng/mL = 1 µg/L
    ("ferritin", 100, "ng/mL", "pmol/L", 224.7, 1e-3),  # L2: x 2.247
    ("creatine_kinase", 60, "U/L", "µkat/L", 1.0, 1e-12),  # 1 U = 1/60 µkat
    ("tsh", 2.5, "µIU/mL", "mIU/L", 2.5, 0),
    ("sodium", 140, "mEq/L", "mmol/L", 140, 0),
    ("free_t4", 1.25, "ng/dL", "pmol/L", 16.09, 1e-3),  # L26: 1.25 ng/dL (16.09 pmol/L)
    ("hemoglobin", 12, "g/dL", "g/L", 120, 0),
    ("hemoglobin", 12, "g/dL", "mmol/L", 12 * 0.62063, 1e-9),  # L2: x 0.62063
]


@pytest.mark.parametrize(("analyte", "value", "source", "target", "expected", "rel"), WORKED)
def test_published_worked_examples(
    analyte: str, value: float, source: str, target: str, expected: float, rel: float
) -> None:
    assert convert(analyte, value, source, target) == pytest.approx(expected, rel=rel, abs=1e-12)


@settings(max_examples=200, deadline=None)
@given(analyte=st.sampled_from(NEW), data=st.data())
def test_every_new_unit_round_trips_through_si(analyte: str, data: st.DataObject) -> None:
    units = list(get_analyte(analyte).units)
    source, target = data.draw(st.sampled_from(units)), data.draw(st.sampled_from(units))
    value = data.draw(st.floats(min_value=0.01, max_value=1e4, allow_nan=False))
    there = convert(analyte, value, source, target)
    assert convert(analyte, there, target, source) == pytest.approx(value, rel=1e-12)


def test_molar_mass_factors_match_the_published_ones() -> None:
    for analyte in (get_analyte(key) for key in NEW):
        assert analyte.conventional_factor == pytest.approx(analyte.vetted_factor, rel=5e-4)


ALIASES = [
    ("ferritin 30 ng/mL", "ferritin", "ng/mL"),
    ("Ferritin: 30 ug/L", "ferritin", "µg/L"),
    ("Fe 80 mcg/dL", "iron", "µg/dL"),
    ("serum iron 14 umol/L", "iron", "µmol/L"),
    ("TSAT 18%", "transferrin_saturation", "%"),
    ("sat 18 %", "transferrin_saturation", "%"),
    ("transferrin saturation 25 percent", "transferrin_saturation", "%"),
    ("TIBC 400 ug/dL", "tibc", "µg/dL"),
    ("Cr 1.0 mg/dL", "creatinine", "mg/dL"),
    ("Creat 88 µmol/L", "creatinine", "µmol/L"),
    ("eGFR 55 mL/min/1.73m2", "egfr", "mL/min/1.73m²"),
    ("eGFR: 55 ml/min/1.73 m²", "egfr", "mL/min/1.73m²"),
    ("Na 138 mmol/L", "sodium", "mmol/L"),
    ("Na+ 138 mEq/L", "sodium", "mEq/L"),
    ("PO4 1.1 mmol/L", "phosphate", "mmol/L"),
    ("phos 3.4 mg/dL", "phosphate", "mg/dL"),
    ("CK 180 U/L", "creatine_kinase", "U/L"),
    ("CPK 180 IU/L", "creatine_kinase", "U/L"),
    ("A1c 6.1%", "hba1c", "%"),
    ("HbA1c 42 mmol/mol", "hba1c", "mmol/mol"),
    ("FBG 92 mg/dL", "glucose", "mg/dL"),
    ("blood sugar 5.1 mmol/L", "glucose", "mmol/L"),
    ("TSH 2.1 mU/L", "tsh", "mIU/L"),
    ("TSH 2.1 uIU/mL", "tsh", "µIU/mL"),
    ("folate 8 ng/mL", "folate", "ng/mL"),
    ("PTH 40 pg/mL", "pth", "pg/mL"),
    ("FT4 1.1 ng/dL", "free_t4", "ng/dL"),
    ("free T4 15 pmol/L", "free_t4", "pmol/L"),
    ("Hb 12.5 g/dL", "hemoglobin", "g/dL"),
    ("HGB 125 g/L", "hemoglobin", "g/L"),
    ("Hb A1c 6.1%", "hba1c", "%"),
]


@pytest.mark.parametrize(("text", "analyte", "unit"), ALIASES)
def test_the_names_people_type(text: str, analyte: str, unit: str) -> None:
    reading = parse_lab(text)
    assert (reading.analyte, reading.unit) == (analyte, unit)


def test_ferritin_speaks_of_restless_legs_and_inflammation() -> None:
    low_for_rls = _one("ferritin 40 ng/mL")
    assert low_for_rls.status == "normal"  # not iron deficiency by the WHO cut-off...
    assert "75 µg/L" in low_for_rls.note
    assert "restless legs" in low_for_rls.note
    assert "X90" in low_for_rls.sources  # ...but below the AASM 2024 restless-legs threshold
    assert "doctors consider iron" not in _one("ferritin 76 ng/mL").note
    assert "CRP is raised" in _one("ferritin 120 ng/mL").note
    assert _one("ferritin 12 ug/L").status == "deficient"
    assert "X90" in _one("TSAT 15%").sources
    assert _one("TSAT 15%").status == "low"


def test_sex_specific_ranges_and_saying_when_sex_is_unknown() -> None:
    assert _one("ferritin 200 ng/mL", "female").status == "high"
    assert _one("ferritin 200 ng/mL", "male").status == "normal"
    unknown = _one("ferritin 200 ng/mL")
    assert unknown.status == "normal"
    assert "differs by sex" in unknown.note
    assert "differs by sex" not in _one("ferritin 200 ng/mL", "male").note
    assert _one("creatinine 1.1 mg/dL", "female").status == "high"
    assert _one("creatinine 1.1 mg/dL", "male").status == "normal"
    assert _one("creatinine 1.1 mg/dL", "female").range.startswith("0.59-1.04 mg/dL")
    assert _one("CK 300 U/L", "female").status == "high"
    assert _one("CK 300 U/L", "male").status == "normal"
    assert _one("Hb 12.5 g/dL", "male").status == "low"
    assert _one("Hb 12.5 g/dL", "female").status == "normal"
    with pytest.raises(InputError, match="sex must be one of female, male"):
        interpret_labs(["ferritin 30 ng/mL"], sex="f")


URGENT = [
    ("Na 124 mmol/L", "urgent", "low"),
    ("Na 160 mmol/L", "urgent", "high"),
    ("phosphate 0.9 mg/dL", "urgent", "low"),
    ("glucose 2.9 mmol/L", "urgent", "low"),
    ("glucose 53 mg/dL", "urgent", "low"),
    ("eGFR 12 mL/min/1.73m2", "urgent", "low"),
    ("glucose 260 mg/dL", "urgent", "high"),
    ("glucose 14 mmol/L", "urgent", "high"),
    ("glucose 35 mmol/L", "emergency", "high"),
]


@pytest.mark.parametrize(("text", "level", "direction"), URGENT)
def test_dangerous_values_are_urgent(text: str, level: str, direction: str) -> None:
    result = _one(text)
    assert (result.urgent, result.urgent_level, result.direction) == (True, level, direction)


@pytest.mark.parametrize(
    "text",
    ["Na 125 mmol/L", "Na 159 mmol/L", "glucose 3.0 mmol/L", "phos 1.0 mg/dL", "glucose 250 mg/dL"],
)
def test_values_on_the_edge_are_not_urgent(text: str) -> None:
    assert not _one(text).urgent


STATUSES = [
    ("HbA1c 6.5%", "high"),
    ("HbA1c 48 mmol/mol", "high"),
    ("HbA1c 47 mmol/mol", "borderline"),
    ("HbA1c 5.6%", "normal"),
    ("FBG 100 mg/dL", "borderline"),
    ("FBG 99 mg/dL", "normal"),
    ("glucose 7.0 mmol/L", "high"),
    ("folate 2.9 ng/mL", "deficient"),
    ("folate 8 nmol/L", "borderline"),
    ("TSH 0.05 mIU/L", "low"),
    ("TSH 6 mIU/L", "high"),
    ("PTH 80 pg/mL", "high"),
    ("eGFR 75 mL/min/1.73m2", "normal"),
    ("Na 133 mmol/L", "low"),
]


@pytest.mark.parametrize(("text", "status"), STATUSES)
def test_status_words(text: str, status: str) -> None:
    assert _one(text).status == status


def test_json_of_a_new_analyte_has_the_fixed_keys_and_both_units() -> None:
    data = _one("HbA1c 6.5%").to_dict()
    assert (data["si_value"], data["si_unit"]) == (47.54, "mmol/mol")
    assert (data["conventional_value"], data["conventional_unit"]) == (6.5, "%")
    json.dumps(data, allow_nan=False)


def test_labs_own_sources_are_full_references() -> None:
    sources = {k: v for k, v in load_knowledge().sources.items() if k.startswith("L")}
    assert len(sources) >= 20
    for source in sources.values():
        assert source.title, source.id
        assert source.url.startswith("http"), source.id
        assert source.section, source.id
