"""End to end: `twitchcheck labs`, table, JSON and error exits."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from twitchcheck.cli import app

runner = CliRunner()
FIXED = [
    "analyte",
    "value",
    "unit",
    "si_value",
    "si_unit",
    "conventional_value",
    "conventional_unit",
    "status",
    "range",
    "note",
]


def test_json_list_in_the_fixed_shape() -> None:
    args = ["labs", "magnesium 1.5 mg/dL", "25-OH vitamin D 18 ng/mL", "K 3.1mmol/L", "--json"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [item["analyte"] for item in data] == ["magnesium", "vitamin_d", "potassium"]
    for item in data:
        assert list(item)[: len(FIXED)] == FIXED
        assert item["sources"]
        assert item["urgent"] is False
    magnesium, vitamin_d, potassium = data
    assert (magnesium["si_value"], magnesium["si_unit"], magnesium["status"]) == (
        0.6172,
        "mmol/L",
        "low",
    )
    assert "does not rule out low body stores" in magnesium["note"]
    assert (vitamin_d["si_value"], vitamin_d["status"]) == (44.93, "inadequate")
    assert (potassium["conventional_unit"], potassium["status"]) == ("mEq/L", "low")


def test_albumin_correction_and_urgent_flag() -> None:
    args = ["labs", "calcium 7.9 mg/dL", "albumin 2.5 g/dL", "potassium 2.3 mmol/L", "--json"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    calcium, _, potassium = json.loads(result.stdout)
    assert calcium["corrected_conventional_value"] == 9.1
    assert "Corrected for albumin" in calcium["note"]
    assert potassium["urgent"] is True
    assert "urgent medical care" in potassium["note"]


def test_table_output_flags_urgent_results() -> None:
    result = runner.invoke(app, ["labs", "K 2.3 mmol/L", "B12 250 pg/mL"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    for text in ("URGENT", "Potassium", "borderline", "148-664 pmol/L", "[S21]", "methylmalonic"):
        assert text in result.stdout


ERRORS = [
    ("magnesum 1.5 mg/dL", "unknown_analyte", "did you mean: Magnesium"),
    ("potassium 4 mg/dL", "bad_unit", "mmol/L, mEq/L"),
    ("magnesium 0.8", "bad_unit", "no unit given"),
    ("magnesium", "bad_lab_value", "no value found"),
    ("potassium -3 mmol/L", "bad_lab_value", "negative"),
    ("K 40 mmol/L", "bad_lab_value", "living person"),
]


@pytest.mark.parametrize(("text", "code", "message"), ERRORS)
def test_bad_input_exits_1_with_a_message(text: str, code: str, message: str) -> None:
    result = runner.invoke(app, ["labs", "K 4.0 mmol/L", text])
    assert result.exit_code == 1
    assert result.stdout == ""  # nothing half-printed
    assert result.stderr.startswith("Error: ")
    assert message in result.stderr

    result = runner.invoke(app, ["labs", text, "--json"])
    assert result.exit_code == 1
    error = json.loads(result.stdout)["error"]
    assert error["code"] == code
    assert message in error["message"]


def test_no_results_is_a_usage_error() -> None:
    assert runner.invoke(app, ["labs"]).exit_code == 2
