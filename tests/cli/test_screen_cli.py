"""End to end: `twitchcheck screen` from a file, interactively, and its helpers."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from twitchcheck.cli import app


def write(tmp_path: Path, answers: object, name: str = "answers.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(answers), encoding="utf-8")
    return path


def test_json_contract(runner: CliRunner, tmp_path: Path) -> None:
    answers = {"age": 60, "sex": "female", "symptoms": ["cramps"], "medications": ["HCTZ"]}
    path = write(tmp_path, {**answers, "labs": ["potassium 3.1 mmol/L"]})
    result = runner.invoke(app, ["screen", "--answers", str(path), "--json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data["triage"]) == {"level", "header", "action", "reasons"}
    assert data["triage"]["level"] == "see-doctor"
    first = data["contributors"][0]
    assert {"id", "kind", "score", "confidence", "evidence"} <= set(first)
    assert first["id"] == "potassium"
    assert {"answer", "direction", "points", "sources"} <= set(first["evidence"][0])
    assert data["suggested_tests"][0]["why"]


def test_table_puts_warnings_first(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, {"age": 50, "sex": "male", "symptoms": ["cramps", "seizures"]})
    result = runner.invoke(app, ["screen", "--answers", str(path)])
    assert result.exit_code == 0
    assert result.stdout.lstrip().startswith("Emergency: call")
    assert "What may be behind it" in result.stdout


def test_schema_and_vocabulary(runner: CliRunner) -> None:
    schema = json.loads(runner.invoke(app, ["screen", "--schema"]).stdout)
    assert {"age", "sex", "symptoms", "medications", "lifestyle", "labs"} <= set(
        schema["properties"]
    )
    vocabulary = runner.invoke(app, ["screen", "--vocabulary", "--json"])
    names = json.loads(vocabulary.stdout)
    assert "difficulty_breathing" in names["symptoms"]
    assert names["medicines"]["lasix"] == ["loop_diuretic"]


def test_missing_file(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["screen", "--answers", str(tmp_path / "nope.json"), "--json"])
    assert result.exit_code == 1
    assert "does not exist" in json.loads(result.stdout)["error"]["message"]


def test_broken_json(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"age": 40, "sex": ', encoding="utf-8")
    result = runner.invoke(app, ["screen", "--answers", str(path)])
    assert result.exit_code == 1
    assert "not valid JSON" in result.stderr


def test_contradiction_exit_code(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, {"age": 30, "sex": "male", "pregnant": True})
    result = runner.invoke(app, ["screen", "--answers", str(path), "--json"])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["error"]["code"] == "bad_profile"


def test_interactive_with_scripted_input_and_save(runner: CliRunner, tmp_path: Path) -> None:
    script = "\n".join([
        "34",           # age
        "female",       # sex
        "n",            # pregnant?
        "n",            # breastfeeding?
        "1, 5",         # twitching, eyelid twitching
        "",             # no warning signs
        "eyelid",       # where
        "1",            # weeks
        "daily",        # how often
        "day",          # when
        "moderate",     # sun
        "notadrug",     # medicines: unknown, asked again
        "",             # none
        "",             # conditions
        "",             # supplements
        "omnivore",     # diet
        "y",            # dairy
        "n",            # oily fish
        "n",            # fortified foods
        "n",            # B12 supplement
        "",             # region
        "6",            # coffee
        "",             # tea
        "",             # cola
        "",             # energy drinks
        "2",            # alcohol
        "n",            # nicotine
        "n",            # nitrous oxide
        "moderate",     # exercise
        "2",            # fluids
        "high",         # stress
        "5",            # sleep
        "",             # recent
        "",             # labs
    ]) + "\n"  # fmt: skip
    saved = tmp_path / "saved.json"
    result = runner.invoke(app, ["screen", "--save", str(saved)], input=script)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "not a known" in result.stdout or "notadrug" in result.stdout
    answers = json.loads(saved.read_text())
    assert answers["lifestyle"]["coffee_cups_per_day"] == 6
    assert answers["twitch"]["where"] == ["eyelid"]
    assert "pregnant" in answers
    rerun = runner.invoke(app, ["screen", "--answers", str(saved), "--json"])
    top = [c["id"] for c in json.loads(rerun.stdout)["contributors"][:3]]
    assert "caffeine" in top


def test_interactive_skips_pregnancy_for_men(runner: CliRunner) -> None:
    script = "40\nmale\n2\n" + "\n" * 40
    result = runner.invoke(app, ["screen"], input=script)
    assert result.exit_code == 0, result.stdout
    assert "pregnant" not in result.stdout.lower()
