"""End to end: `twitchcheck labs`, table, JSON and error exits."""

from __future__ import annotations

import json

import pytest

from conftest import HANG_BOUND, Runner
from twitchcheck.cli import app

runner = Runner()
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
DESIGN_KEYS = {*FIXED, "urgent"}  # ../shared/DESIGN.md, `twitchcheck labs --json`
NEW_KEYS = {"measured_status", "urgent_level", "direction"}


def test_json_list_in_the_fixed_shape() -> None:
    args = ["labs", "magnesium 1.5 mg/dL", "25-OH vitamin D 18 ng/mL", "K 3.1mmol/L", "--json"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [item["analyte"] for item in data] == ["magnesium", "vitamin_d", "potassium"]
    for item in data:
        assert list(item)[: len(FIXED)] == FIXED
        assert set(item) >= DESIGN_KEYS | NEW_KEYS
        assert (item["urgent_level"], item["direction"]) == (None, None)
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
    calcium, albumin, potassium = json.loads(result.stdout)
    assert set(calcium) >= DESIGN_KEYS | NEW_KEYS
    assert calcium["corrected_conventional_value"] == 9.1
    assert calcium["corrected"] == {
        "si_value": 2.271,
        "conventional_value": 9.1,
        "status": "normal",
    }
    assert (calcium["status"], calcium["measured_status"], calcium["corrected_status"]) == (
        "normal",
        "low",
        "normal",
    )
    assert "Corrected for albumin" in calcium["note"]
    assert "itself below range" in calcium["note"]
    assert "corrected" not in albumin
    assert (albumin["status"], albumin["measured_status"]) == ("low", "low")
    assert (potassium["urgent"], potassium["urgent_level"], potassium["direction"]) == (
        True,
        "urgent",
        "low",
    )
    assert "urgent medical care" in potassium["note"]


def test_json_urgent_levels_are_the_same_in_any_unit() -> None:
    args = ["labs", "magnesium 1.2 mg/dL", "magnesium 0.4937 mmol/L", "K 6.5 mEq/L", "--json"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    in_mg, in_mmol, potassium = json.loads(result.stdout)
    for item in (in_mg, in_mmol):
        assert (item["status"], item["urgent_level"], item["direction"]) == ("low", "urgent", "low")
    assert (potassium["urgent_level"], potassium["direction"]) == ("emergency", "high")
    for item in (in_mg, in_mmol, potassium):
        assert list(item)[: len(FIXED)] == FIXED
        assert "corrected" not in item


def test_table_output_flags_urgent_results() -> None:
    result = runner.invoke(app, ["labs", "K 2.3 mmol/L", "B12 250 pg/mL"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    for text in ("URGENT", "Potassium", "borderline", "148-664 pmol/L", "[S21]", "methylmalonic"):
        assert text in result.stdout
    assert "EMERGENCY" not in result.stdout


def test_table_shows_the_emergency_level() -> None:
    result = runner.invoke(
        app, ["labs", "K 6.6 mmol/L", "calcium 3.1 mmol/L"], env={"COLUMNS": "200"}
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("EMERGENCY")
    assert "high — EMERGENCY" in result.stdout
    assert "high — URGENT" in result.stdout


def test_table_shows_measured_and_corrected_calcium() -> None:
    args = ["labs", "calcium 2.0 mmol/L", "albumin 25 g/L"]
    result = runner.invoke(app, args, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    for text in (
        "2 mmol/L measured",
        "2.299 mmol/L corrected",
        "8.016 mg/dL measured",
        "low (measured)",
        "normal (corrected)",
        "ionised calcium",
    ):
        assert text in result.stdout, text


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


# --- issue 10 ---------------------------------------------------------------------------------


def _strict(text: str) -> object:
    def refuse(name: str) -> object:
        raise AssertionError(f"{name} in JSON output")

    return json.loads(text, parse_constant=refuse)


@pytest.mark.parametrize(
    "args",
    [
        ["x" * 1_000_000 + " 5 mmol/L"],
        ["potassium 5 " + "x" * 100_000],
        ["potassium " + "9" * 5000 + " mmol/L"],
        ["potassium nan mmol/L"],
        ["potassium 4 mmol/L"] * 101,
        ["[/bold] 5 mmol/L"],
        ["potassium -Infinity mmol/L"],
    ],
)
def test_hostile_results_exit_1_quickly_with_strict_json(args: list[str]) -> None:
    import time

    started = time.perf_counter()
    result = runner.invoke(app, ["labs", *args, "--json"])
    assert time.perf_counter() - started < HANG_BOUND
    assert result.exit_code == 1
    error = _strict(result.stdout)["error"]  # type: ignore[index]
    assert len(error["message"]) < 1500
    table = runner.invoke(app, ["labs", *args])
    assert table.exit_code == 1
    assert table.stderr.startswith("Error: ")
    assert "Traceback" not in table.stdout + table.stderr


def test_a_critical_result_is_shown_not_refused() -> None:
    result = runner.invoke(app, ["labs", "potassium 7.5 mmol/L"])
    assert result.exit_code == 0
    assert "EMERGENCY" in result.stdout


def test_brackets_typed_after_a_result_are_shown_as_typed() -> None:
    result = runner.invoke(app, ["labs", "potassium 4 mmol/L [/bold]", "magnesium 0.8 mmol/L"])
    assert result.exit_code == 0, result.stdout
    refused = runner.invoke(app, ["labs", "[/bold] 4 mmol/L"])
    assert "'[/bold]'" in refused.stderr


def test_the_persons_sex_picks_a_labs_own_range() -> None:
    female = runner.invoke(app, ["labs", "creatinine 1.1 mg/dL", "--sex", "female", "--json"])
    male = runner.invoke(app, ["labs", "creatinine 1.1 mg/dL", "--sex", "male", "--json"])
    assert female.exit_code == male.exit_code == 0
    assert json.loads(female.stdout)[0]["range"] != json.loads(male.stdout)[0]["range"]
    refused = runner.invoke(app, ["labs", "creatinine 1.1 mg/dL", "--sex", "x", "--json"])
    assert refused.exit_code == 1
    assert "female, male" in json.loads(refused.stdout)["error"]["message"]
