"""End to end: `twitchcheck plan`."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from twitchcheck.cli import app

BASE = ["plan", "--age", "45", "--sex", "female"]


def test_json_without_a_diary(runner: CliRunner) -> None:
    result = runner.invoke(app, [*BASE, "--gaps", "magnesium,calcium", "--json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert {g["nutrient"] for g in data["gaps"]} == {"magnesium_mg", "calcium_mg"}
    plan = data["plan"]
    assert plan["feasible"]
    for row in plan["nutrients"].values():
        if row["upper_limit"] is not None:
            assert row["after"] <= row["upper_limit"]
        if row["goal"] is not None:
            assert row["after"] >= row["goal"]
    assert data["suggestions"]["magnesium_mg"]["per_serving"][0]["text"]


def test_table_with_filters(runner: CliRunner) -> None:
    filters = ["--pattern", "vegan", "--allergy", "soy", "--dislike", "spinach"]
    result = runner.invoke(app, [*BASE, *filters, "--medication", "lisinopril"])
    assert result.exit_code == 0, result.stderr
    assert "Plan: add these each day" in result.stdout
    assert "Before and after" in result.stdout
    assert "potassium" in result.stdout.lower()
    assert "Spinach" not in result.stdout.split("Richest foods")[0]


def test_with_a_diary(runner: CliRunner, tmp_path: Path) -> None:
    diary = tmp_path / "d.txt"
    diary.write_text(
        "2026-11-16\n2 cups white rice\n1 cup milk\n2026-11-17\n2 cups white rice\n1 banana\n"
    )
    result = runner.invoke(app, [*BASE, "--diary", str(diary), "--json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert all("diary" in g["basis"] for g in data["gaps"])


def test_infeasible_explains(runner: CliRunner) -> None:
    result = runner.invoke(app, [*BASE, "--gaps", "potassium", "--energy-budget", "5", "--json"])
    assert result.exit_code == 0
    plan = json.loads(result.stdout)["plan"]
    assert not plan["feasible"]
    assert plan["blocked_by"]
    assert plan["relax"]


def test_bad_filter_exit_code(runner: CliRunner) -> None:
    result = runner.invoke(app, [*BASE, "--allergy", "kiwi", "--json"])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["error"]["code"] == "invalid_input"


def test_diary_and_gaps_together_refused(runner: CliRunner, tmp_path: Path) -> None:
    diary = tmp_path / "d.txt"
    diary.write_text("2026-11-16\n1 cup milk\n")
    result = runner.invoke(app, [*BASE, "--diary", str(diary), "--gaps", "calcium"])
    assert result.exit_code == 1
