"""End to end: `twitchcheck diet analyze` and `twitchcheck screen --diary`."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from twitchcheck.cli import app

DIARY = """\
Mon 16 Nov 2026
Breakfast:
1 cup oatmeal
1 cup milk
2026-11-17
2 eggs
a medium banana
xyzzyqq blorp
"""


def diary(tmp_path: Path, text: str = DIARY, encoding: str = "utf-8") -> Path:
    path = tmp_path / "diary.txt"
    path.write_text(text, encoding=encoding)
    return path


def test_json(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["diet", "analyze", str(diary(tmp_path)), "--age", "40", "--sex", "female", "--json"]
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert len(data["days"]) == 2
    assert data["adequacy"]["magnesium_mg"]["adequacy"]["judgement"] in {
        "adequate",
        "possibly_inadequate",
        "inadequate",
    }
    assert any(p["line"] == 8 for p in data["problems"])


def test_table(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["diet", "analyze", str(diary(tmp_path)), "--age", "40", "--sex", "male"]
    )
    assert result.exit_code == 0
    assert "Usual intake" in result.stdout
    assert "line 8" in result.stdout


def test_missing_file(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        ["diet", "analyze", str(tmp_path / "none.txt"), "--age", "40", "--sex", "male", "--json"],
    )
    assert result.exit_code == 1
    assert "error" in json.loads(result.stdout)


def test_impossible_person(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["diet", "analyze", str(diary(tmp_path)), "--age", "30", "--sex", "male", "--pregnant"]
    )
    assert result.exit_code == 1
    assert "pregnan" in result.stderr


def test_screen_with_diary(runner: CliRunner, tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"age": 40, "sex": "female", "symptoms": ["cramps"]}))
    result = runner.invoke(
        app, ["screen", "--answers", str(answers), "--diary", str(diary(tmp_path)), "--json"]
    )
    assert result.exit_code == 0, result.stderr
    evidence = [
        e["answer"] for c in json.loads(result.stdout)["contributors"] for e in c["evidence"]
    ]
    assert any("diet analysis" in answer for answer in evidence)


def test_supplements_count_in_the_analysis(runner: CliRunner, tmp_path: Path) -> None:
    options = [
        "diet", "analyze", str(diary(tmp_path)), "--age", "40", "--sex", "female",
        "--supplement", "magnesium citrate 400 mg daily", "--supplement", "multivitamin",
        "--region", "us",
    ]  # fmt: skip
    result = runner.invoke(app, [*options, "--json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["region"] == "us"
    magnesium = data["adequacy"]["magnesium_mg"]
    assert magnesium["supplements"] == 400
    assert magnesium["total"] == round(magnesium["mean"] + 400, 2)
    assert magnesium["adequacy"]["upper_limit"]["above_ul"] is True
    assert {s["text"]: s["counted"] for s in data["supplements"]} == {
        "magnesium citrate 400 mg daily": True,
        "multivitamin": False,
    }
    table = runner.invoke(app, options)
    assert table.exit_code == 0, table.stderr
    assert "supplements" in table.stdout
    assert "over its upper limit" in table.stdout
