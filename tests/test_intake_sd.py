"""The intake SD table: rebuilt by its script, equal to the vetted reference, looked up right."""

from __future__ import annotations

import csv
import dataclasses
import functools
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPO, SHARED

sys.path.insert(0, str(REPO / "tools"))
import build_intake_sd
from twitchcheck._data import data_path
from twitchcheck.diet.intake_sd import (
    INTAKE_SD_NUTRIENTS,
    SKEWED_CV,
    within_person_sd,
)
from twitchcheck.errors import InputError, ProfileError, UnknownEntryError

REFERENCE = SHARED / "reference" / "intake-sd-nhanes.yaml"
REFERENCE_KEYS = {
    "energy": "energy_kcal",
    "magnesium": "magnesium_mg",
    "calcium": "calcium_mg",
    "potassium": "potassium_mg",
    "vitamin_d": "vitamin_d_ug",
    "vitamin_b12": "vitamin_b12_ug",
}


def shipped_rows() -> dict[tuple[str, str, str], dict[str, str]]:
    with data_path("intake_sd.csv").open(newline="", encoding="utf-8") as handle:
        return {(r["nutrient_key"], r["sex"], r["age_group"]): r for r in csv.DictReader(handle)}


@functools.cache
def reference() -> dict:
    # Read at collection time to name each case; a missing file fails test_reference_is_covered.
    if not REFERENCE.is_file():
        return {}
    return yaml.load(REFERENCE.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


# ---------------------------------------------------------------- (a) the build


@pytest.fixture(scope="module")
def nhanes() -> Path:
    path = SHARED / "data" / "nhanes"
    if not (path / build_intake_sd.DAY2_CSV).is_file():
        pytest.fail(f"NHANES source data not found at {path}; CI must provide ../shared")
    return path


@pytest.mark.slow
def test_shipped_table_is_what_the_script_builds(tmp_path, nhanes, capsys) -> None:
    out = tmp_path / "intake_sd.csv"
    assert build_intake_sd.main(["--source", str(nhanes), "--out", str(out)]) == 0
    assert "84 rows from 4760 persons" in capsys.readouterr().out
    shipped = data_path("intake_sd.csv").read_bytes()
    assert out.read_bytes() == shipped, "shipped intake_sd.csv is stale: make intake-sd"


def test_selection_counts_match_the_reference(nhanes) -> None:
    # The subset CSV is proved cell-for-cell equal to the raw join by every build, and is fast.
    _, selection = build_intake_sd.select(build_intake_sd.read_subset(nhanes))
    expected = reference()["selection"]
    assert selection == build_intake_sd.Selection(**expected)


def test_a_tampered_subset_stops_the_build(nhanes) -> None:
    records = build_intake_sd.read_subset(nhanes)
    altered = [*records[:-1], dataclasses.replace(records[-1], age=99)]
    with pytest.raises(build_intake_sd.SourceError, match=f"SEQN {records[-1].seqn}"):
        build_intake_sd.cross_check(records, altered)


def test_a_missing_source_folder_is_a_clear_error(tmp_path, capsys) -> None:
    assert build_intake_sd.main(["--source", str(tmp_path), "--out", str(tmp_path / "x")]) == 1
    assert "not found" in capsys.readouterr().err


# ---------------------------------------------------------------- (b) against the reference

# How far a shipped figure may sit from the reference's: half a unit in the reference's last
# place (its rounding) plus half a unit in ours (the table keeps one decimal more).
AMOUNT = {"kcal": 0.5 + 0.05, "mg": 0.5 + 0.05, "ug": 0.005 + 0.0005}
FRACTION = 0.0005 + 0.00005
SKEW = 0.005 + 0.0005
AMOUNT_FIELDS = (
    "mean",
    "sd_within",
    "sd_within_seq_adj",
    "mean_day1_minus_day2",
    "weighted_mean",
    "sd_within_weighted",
    "sd_within_trim1",
)
FRACTION_FIELDS = ("cv", "cv_log_scale", "cv_weighted")
COUNT_FIELDS = ("n", "n_log")


def test_reference_is_covered() -> None:
    ref = reference()
    assert ref, f"{REFERENCE} not found; CI must provide ../shared"
    listed = {(REFERENCE_KEYS[r["nutrient"]], r["sex"], r["age_group"]) for r in ref["rows"]}
    assert listed == set(shipped_rows())


@pytest.mark.parametrize(
    "row",
    reference().get("rows", []),
    ids=lambda r: f"{r['nutrient']}-{r['sex']}-{r['age_group']}",
)
def test_every_figure_matches_the_reference(row) -> None:
    mine = shipped_rows()[(REFERENCE_KEYS[row["nutrient"]], row["sex"], row["age_group"])]
    assert mine["unit"] == f"{row['unit']}/d"
    for field in COUNT_FIELDS:
        assert int(mine[field]) == row[field], field
    for field in AMOUNT_FIELDS:
        assert float(mine[field]) == pytest.approx(row[field], abs=AMOUNT[row["unit"]]), field
    for field in FRACTION_FIELDS:
        assert float(mine[field]) == pytest.approx(row[field], abs=FRACTION), field
    assert float(mine["skew_daily"]) == pytest.approx(row["skew_daily"], abs=SKEW)


def test_the_note_documents_every_column() -> None:
    note = data_path("intake_sd.md").read_text(encoding="utf-8")
    for column in build_intake_sd.COLUMNS:
        assert f"`{column}`" in note, column


# ---------------------------------------------------------------- (c) lookups

BOUNDARIES = [
    # age, DRI band the table must answer with
    (14, "14-18"),
    (18.99, "14-18"),
    (19, "19-30"),
    (30.99, "19-30"),
    (31, "31-50"),
    (40, "31-50"),  # never the pooled 19-50 row
    (50.99, "31-50"),
    (51, "51-70"),
    (70.99, "51-70"),
    (71, "71+"),
    (80, "71+"),
    (120, "71+"),
]


@pytest.mark.parametrize("nutrient_key", INTAKE_SD_NUTRIENTS)
@pytest.mark.parametrize("sex", ["female", "male"])
@pytest.mark.parametrize(("age", "band"), BOUNDARIES)
def test_lookup_at_band_edges(nutrient_key, sex, age, band) -> None:
    """The lookup answers with the vetted reference's row for the person's DRI band (checked
    against the reference, not by re-reading the shipped CSV the module reads)."""
    found = within_person_sd(nutrient_key, sex, age)
    (row,) = (
        r
        for r in reference()["rows"]
        if (REFERENCE_KEYS[r["nutrient"]], r["sex"], r["age_group"]) == (nutrient_key, sex, band)
    )
    tolerance = AMOUNT[row["unit"]]
    assert (found.nutrient_key, found.sex, found.age_group) == (nutrient_key, sex, band)
    assert found.unit == f"{row['unit']}/d"
    assert found.n == row["n"]
    assert found.sd_within == pytest.approx(row["sd_within"], abs=tolerance)
    assert found.sd_within_seq_adj == pytest.approx(row["sd_within_seq_adj"], abs=tolerance)
    assert found.mean == pytest.approx(row["mean"], abs=tolerance)
    assert found.cv == pytest.approx(row["cv"], abs=FRACTION)
    assert found.cv_log == pytest.approx(row["cv_log_scale"], abs=FRACTION)
    assert "NHANES 2017-2018" in found.source


def test_known_figures() -> None:
    women = within_person_sd("calcium_mg", "female", 40)
    assert (women.sd_within, women.cv, women.n) == (408.5, 0.4923, 669)
    assert within_person_sd("magnesium_mg", "F", 25).sd_within == 96.6  # sex spellings as Person


@pytest.mark.parametrize("nutrient_key", INTAKE_SD_NUTRIENTS)
def test_only_vitamin_d_and_b12_are_flagged_skewed(nutrient_key) -> None:
    flags = {
        within_person_sd(nutrient_key, sex, age).skewed
        for sex in ("female", "male")
        for age, _ in BOUNDARIES
    }
    assert flags == {nutrient_key in ("vitamin_d_ug", "vitamin_b12_ug")}
    assert SKEWED_CV == 0.60


@pytest.mark.parametrize("age", [0, 5, 13, 13.99])
def test_children_get_a_clear_refusal(age) -> None:
    with pytest.raises(InputError, match=r"starts at 14 y") as caught:
        within_person_sd("calcium_mg", "female", age)
    assert "no confidence figure" in str(caught.value)


@pytest.mark.parametrize(("sex", "age"), [("other", 30), ("female", -1), ("male", 200)])
def test_impossible_people_are_refused(sex, age) -> None:
    with pytest.raises(ProfileError):
        within_person_sd("calcium_mg", sex, age)


# ---------------------------------------------------------------- (d) unknown nutrients


@pytest.mark.parametrize("nutrient_key", ["sodium_mg", "magnesium", "Calcium_mg", ""])
def test_unknown_nutrient_names_the_choices(nutrient_key) -> None:
    with pytest.raises(UnknownEntryError) as caught:
        within_person_sd(nutrient_key, "female", 30)
    message = str(caught.value)
    assert repr(nutrient_key) in message
    for key in INTAKE_SD_NUTRIENTS:
        assert key in message
    assert isinstance(caught.value, InputError)
