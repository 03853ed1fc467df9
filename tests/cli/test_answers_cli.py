"""End to end: the answers issue 9 added, through `twitchcheck screen` (file and questions)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from twitchcheck.cli import app

KIDNEY_CASE = {
    "age": 75,
    "sex": "male",
    "region": "United Kingdom",
    "symptoms": ["weakness", "cramps"],
    "weakness": {"since_weeks": 0.5, "where": ["legs"], "sides": "both", "spreading": False},
    "medications": ["lisinopril 20 mg once daily", "spironolactone 25mg tablets", "bisoprolol"],
    "conditions": ["chronic kidney disease stage 4", "heart failure"],
    "supplements": ["potassium chloride salt substitute", "vitamin D 1000 IU daily"],
    "diet": {"pattern": "omnivore", "b12_supplement": False},
    "lifestyle": {"tea_cups_per_day": 4, "cola_cans_per_day": 1, "nitrous_oxide": False},
}


def run(runner: CliRunner, tmp_path: Path, answers: object) -> tuple[int, dict]:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    result = runner.invoke(app, ["screen", "--answers", str(path), "--json"])
    return result.exit_code, json.loads(result.stdout)


def test_new_answers_are_accepted_end_to_end(runner: CliRunner, tmp_path: Path) -> None:
    code, data = run(runner, tmp_path, KIDNEY_CASE)
    assert code == 0, data
    assert data["triage"]["level"] in ("see-doctor", "urgent", "emergency")
    assert data["contributors"]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"supplements": ["magnesum citrate"]}, "did you mean: .*'magnesium'"),
        ({"supplements": ["vitamin D 2000000 IU daily"]}, "accepts up to 10,000 µg"),
        ({"medications": ["furosemid 40mg"]}, "did you mean: .*'furosemide'"),
        ({"conditions": ["chronic kidny disease stage 4"]}, "not a known condition"),
        ({"region": "atlantis"}, "accepted: uk"),
        ({"lifestyle": {"energy_drinks_per_day": 50}}, "energy_drinks_per_day"),
    ],
)
def test_refusals_come_back_as_json_errors(
    runner: CliRunner, tmp_path: Path, extra: dict, message: str
) -> None:
    code, data = run(runner, tmp_path, {"age": 40, "sex": "female", **extra})
    assert code == 1
    assert data["error"]["code"] in ("invalid_input", "bad_amount")
    assert re.search(message, data["error"]["message"]), data["error"]["message"]


def test_schema_lists_the_new_fields(runner: CliRunner) -> None:
    schema = json.loads(runner.invoke(app, ["screen", "--schema"]).stdout)
    assert {"supplements", "region", "numbness", "weakness"} <= set(schema["properties"])
    life = schema["$defs"]["Lifestyle"]["properties"]
    assert {"tea_cups_per_day", "cola_cans_per_day", "energy_drinks_per_day", "nitrous_oxide"} <= (
        set(life)
    )
    assert life["tea_cups_per_day"]["anyOf"][0]["maximum"] == 40
    assert "b12_supplement" in schema["$defs"]["Diet"]["properties"]


def test_interactive_asks_supplements_region_and_courses(runner: CliRunner, tmp_path: Path) -> None:
    # In the core's order (screen/questions.py steps), as the web page asks.
    script = "\n".join([
        "62",                # age
        "female",            # sex (not asked about pregnancy at 62)
        "8, 9",              # numbness/tingling, weakness
        "chest pain",        # a warning sign by name
        "3",                 # numbness: weeks
        "feet, hands",       # where
        "y",                 # spreading
        "sideways",          # refused: the choices were in the prompt
        "both",              # sides
        "1",                 # weakness: weeks
        "",                  # where
        "",                  # spreading
        "",                  # sides
        "furosemide 40mg od, Slow-K 600mg bd",  # medicines
        "CKD 3b",            # conditions
        "magnesum",          # supplements: unknown, asked again
        "magnesium citrate 400 mg daily",
        "B12 1000 mcg",
        "",                  # end of supplements
        "vegan",             # diet (no dairy or fish questions for vegans)
        "y",                 # fortified foods (B12 not asked: listed above)
        "",                  # sun
        "", "5", "", "",     # coffee, tea, cola, energy drinks
        "20",                # alcohol drinks a week
        "n", "y",            # nicotine, nitrous oxide
        "", "", "", "",      # exercise, fluids, stress, sleep
        "",                  # recent
        "GB",                # region
        "",                  # labs
    ]) + "\n"  # fmt: skip
    saved = tmp_path / "saved.json"
    result = runner.invoke(app, ["screen", "--save", str(saved)], input=script)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "[y/n, Enter to skip]" in result.stdout
    assert "[one/both, Enter to skip]" in result.stdout
    assert result.stdout.index("one/both") < result.stdout.index("choose one of: one/both")
    assert "not a known supplement" in result.stdout
    answers = json.loads(saved.read_text())
    assert answers["supplements"] == ["magnesium citrate 400 mg daily", "B12 1000 mcg"]
    assert answers["region"] == "uk"
    assert answers["numbness"] == {
        "since_weeks": 3,
        "where": ["feet", "hands"],
        "spreading": True,
        "sides": "both",
    }
    assert answers["weakness"] == {"since_weeks": 1}
    assert answers["diet"]["b12_supplement"] is True
    assert answers["lifestyle"]["tea_cups_per_day"] == 5
    assert answers["lifestyle"]["nitrous_oxide"] is True
    assert "chest_pain" in answers["symptoms"]
    rerun = runner.invoke(app, ["screen", "--answers", str(saved), "--json"])
    assert rerun.exit_code == 0, rerun.stdout


def test_numbers_out_of_range_are_asked_again_with_the_range(runner: CliRunner) -> None:
    script = "200\n40\nmale\n" + "\n" * 40
    result = runner.invoke(app, ["screen"], input=script)
    assert result.exit_code == 0, result.stdout
    assert "Age in years (0 to 120)" in result.stdout
    assert "200 is outside 0 to 120" in result.stdout
