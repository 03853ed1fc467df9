"""Targets: every life-stage row against the vetted reference, and impossible people."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
import yaml

from twitchcheck.errors import ProfileError
from twitchcheck.nutrient_keys import FOCUS_KEYS
from twitchcheck.profile import Person, parse_age, parse_sex
from twitchcheck.targets import Target, dri_rows, targets_for, targets_for_person

REFERENCE = Path(__file__).resolve().parents[1] / ".." / "shared" / "reference" / "dri.yaml"
REF_KEYS = {
    "magnesium": "magnesium_mg",
    "calcium": "calcium_mg",
    "vitamin_d": "vitamin_d_ug",
    "potassium": "potassium_mg",
    "vitamin_b12": "vitamin_b12_ug",
}


def _reference_entries() -> list[dict[str, Any]]:
    assert REFERENCE.exists(), f"the vetted reference is missing: {REFERENCE}"
    entries: list[dict[str, Any]] = yaml.safe_load(REFERENCE.read_text(encoding="utf-8"))["entries"]
    return entries


ENTRIES = _reference_entries()


def _ages(entry: dict[str, Any]) -> list[float]:
    """A representative age inside the band plus both edges (upper bound exclusive)."""
    low = float(entry["age_from_years"])
    high = entry["age_to_years"]
    if high is None:
        return [low, low + 9.5, 120.0]
    return [low, (low + float(high)) / 2, float(high) - 0.01]


def _people(entry: dict[str, Any]) -> list[Person]:
    given = ["female", "male"] if entry["sex"] == "any" else [entry["sex"]]
    sexes = [parse_sex(sex) for sex in given]
    condition = entry["condition"]
    return [
        Person(age, sex, pregnant=condition == "pregnancy", lactating=condition == "lactation")
        for age in _ages(entry)
        for sex in sexes
    ]


def _entry_id(entry: dict[str, Any]) -> str:
    return f"{entry['nutrient']}-{entry['sex']}-{entry['life_stage']}"


@pytest.mark.parametrize("entry", ENTRIES, ids=[_entry_id(e) for e in ENTRIES])
def test_every_reference_row_is_returned_exactly(entry: dict[str, Any]) -> None:
    key = REF_KEYS[entry["nutrient"]]
    for person in _people(entry):
        target = targets_for(person.age_years, person.sex, person.pregnant, person.lactating)[key]
        assert target.life_stage == entry["life_stage"], person
        assert target.ear == entry["ear"]
        assert target.kind == entry["kind"]
        assert target.goal == entry["rda_or_ai"]
        assert (target.rda, target.ai) == (
            (entry["rda_or_ai"], None) if entry["kind"] == "RDA" else (None, entry["rda_or_ai"])
        )
        assert target.ul == entry["ul"]
        assert set(target.sources) == set(entry["source"])
        if key == "vitamin_d_ug":
            assert target.iu is not None
            assert target.iu.ear == entry["ear_iu"]
            assert target.iu.ul == entry["ul_iu"]
            assert entry["rda_or_ai_iu"] in (target.iu.rda, target.iu.ai)
        else:
            assert target.iu is None


def test_packaged_table_has_exactly_the_reference_rows() -> None:
    packaged = {(r.nutrient, r.life_stage, r.sex) for r in dri_rows()}
    reference = {(REF_KEYS[e["nutrient"]], e["life_stage"], e["sex"]) for e in ENTRIES}
    assert packaged == reference
    assert len(dri_rows()) == len(ENTRIES) == 110


def test_bands_cover_every_age_without_overlap() -> None:
    # 0 to 120 in steps of a month for both sexes: targets_for raises if 0 or 2 rows match.
    for month in range(0, 120 * 12 + 1, 1):
        for sex in ("female", "male"):
            assert list(targets_for(month / 12, sex)) == list(FOCUS_KEYS)
    for age in range(14, 51):
        targets_for(age + 0.5, "female", pregnant=True)
        targets_for(age + 0.5, "female", lactating=True)


def test_magnesium_ul_counts_supplements_only_and_k_b12_have_none() -> None:
    targets = targets_for(40, "male")
    assert targets["magnesium_mg"].ul == 350
    assert "supplements" in targets["magnesium_mg"].ul_scope
    assert "food and water is not counted" in targets["magnesium_mg"].ul_scope
    assert targets["potassium_mg"].ul is None
    assert targets["vitamin_b12_ug"].ul is None
    assert targets["potassium_mg"].ul_scope.startswith("No UL")


def test_older_adults_get_the_b12_note() -> None:
    assert targets_for(60, "female")["vitamin_b12_ug"].notes
    assert not targets_for(40, "female")["vitamin_b12_ug"].notes


def test_to_dict_has_the_fixed_keys_first() -> None:
    data = targets_for(30, "female")["magnesium_mg"].to_dict()
    assert list(data)[:5] == ["ear", "rda", "ai", "ul", "ul_scope"]
    assert data["life_stage"] == "19-30 y"
    assert data["sources"] == ["S2", "S4", "S5", "S7"]


def test_target_is_frozen() -> None:
    target = targets_for(30, "female")["calcium_mg"]
    assert isinstance(target, Target)
    with pytest.raises(dataclasses.FrozenInstanceError):
        target.ul = 1  # type: ignore[misc]


AGES = [
    ("30", 30.0),
    ("2.5", 2.5),
    ("8m", 8 / 12),
    ("8 months", 8 / 12),
    ("8 mo", 8 / 12),
    ("1 year 6 months", 1.5),
    ("18 months", 1.5),
    ("45 years old", 45.0),
    ("0", 0.0),
    ("6 weeks", 6 * 7 / 365.25),
    ("120", 120.0),
]


@pytest.mark.parametrize(("text", "years"), AGES)
def test_parse_age(text: str, years: float) -> None:
    assert parse_age(text) == pytest.approx(years)


@pytest.mark.parametrize("text", ["-3", "121", "200 years", "abc", "", "3 parsecs", "1e5", "nan"])
def test_parse_age_refuses(text: str) -> None:
    with pytest.raises(ProfileError, match="age"):
        parse_age(text)


def test_eight_month_old_gets_the_7_to_12_month_row() -> None:
    person = Person.parse("8m", "male")
    assert targets_for_person(person)["calcium_mg"].life_stage == "7-12 mo"
    assert targets_for_person(person)["calcium_mg"].ai == 260


IMPOSSIBLE = [
    ({"age_years": 30, "sex": "male", "pregnant": True}, "pregnancy.*'male'.*'female'"),
    ({"age_years": 30, "sex": "male", "lactating": True}, "lactation.*'male'"),
    ({"age_years": 30, "sex": "female", "pregnant": True, "lactating": True}, "both"),
    ({"age_years": 5, "sex": "female", "pregnant": True}, "age 5 .*14 to 50"),
    ({"age_years": 51, "sex": "female", "lactating": True}, "age 51 .*14 to 50"),
    ({"age_years": 13.9, "sex": "female", "pregnant": True}, "14 to 50"),
    ({"age_years": -1, "sex": "female"}, "0 to 120"),
    ({"age_years": 130, "sex": "male"}, "0 to 120"),
    ({"age_years": float("nan"), "sex": "male"}, "0 to 120"),
    ({"age_years": 30, "sex": "other"}, "'female' or 'male'"),
]


@pytest.mark.parametrize(("kwargs", "message"), IMPOSSIBLE)
def test_impossible_people_are_refused(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ProfileError, match=message):
        targets_for(**kwargs)


def test_parse_sex_accepts_common_spellings() -> None:
    assert parse_sex("F") == "female"
    assert parse_sex(" Male ") == "male"
    assert Person.parse("30", "woman", pregnant=True).condition == "pregnancy"
    assert Person.parse("8m", "m").describe() == "male, 8 months"
