"""End to end: `twitchcheck foods ...` and `twitchcheck nutrients ...`."""

from __future__ import annotations

import json
import subprocess
import sys

from typer.testing import CliRunner

from twitchcheck.cli import app


def run(runner: CliRunner, *args: str):
    return runner.invoke(app, list(args))


def test_search_json_contract(runner: CliRunner) -> None:
    result = run(runner, "foods", "search", "almonds", "--limit", "3", "--json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert len(rows) == 3
    assert {"id", "name", "group", "score"} <= set(rows[0])
    assert rows[0]["score"] >= rows[1]["score"] >= rows[2]["score"]
    assert "almond" in rows[0]["name"].lower()


def test_search_table(runner: CliRunner) -> None:
    result = run(runner, "foods", "search", "banana")
    assert result.exit_code == 0
    assert "Banana" in result.stdout


def test_search_with_no_match_exits_1(runner: CliRunner) -> None:
    result = run(runner, "foods", "search", "qwxzv")
    assert result.exit_code == 1
    assert "No food matches" in result.stderr


def test_show_json(runner: CliRunner) -> None:
    result = run(runner, "foods", "show", "09040", "--json")
    food = json.loads(result.stdout)
    assert food["id"] == "sr28:09040"
    assert food["nutrients_per_100g"]["potassium_mg"] == 358
    assert any(p["unit"].startswith("medium") and p["grams"] == 118 for p in food["portions"])


def test_show_unknown_id_has_json_error(runner: CliRunner) -> None:
    result = run(runner, "foods", "show", "sr28:99999", "--json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["error"]["code"] == "unknown_food"
    assert "Error:" in result.stderr


def test_nutrients_json_contract(runner: CliRunner) -> None:
    result = run(runner, "nutrients", "a handful of almonds", "2 eggs", "--json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    first = report["items"][0]
    assert {"input", "food", "grams", "nutrients"} <= set(first)
    assert {"id", "name"} <= set(first["food"])
    assert first["estimate"] is True
    assert "handful" in first["grams_basis"]
    total = report["total"]["magnesium_mg"]
    assert total == sum(i["nutrients"]["magnesium_mg"] for i in report["items"])


def test_nutrients_table_shows_items_and_total(runner: CliRunner) -> None:
    result = run(runner, "nutrients", "1 cup milk", "a medium banana")
    assert result.exit_code == 0
    assert "Magnesium (mg)" in result.stdout
    assert "total" in result.stdout


def test_nutrients_errors_are_one_line_with_exit_1(runner: CliRunner) -> None:
    result = run(runner, "nutrients", "6 kg rice")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ")
    assert "Traceback" not in result.stderr + result.stdout


def test_nutrients_json_error_shape(runner: CliRunner) -> None:
    result = run(runner, "nutrients", "1 cup xyzzyqq", "--json")
    assert result.exit_code == 1
    error = json.loads(result.stdout)["error"]
    assert error["code"] == "unknown_food"
    assert "xyzzyqq" in error["message"]


def test_bad_flag_is_a_usage_error(runner: CliRunner) -> None:
    result = run(runner, "foods", "search", "milk", "--limit", "0")
    assert result.exit_code == 2


def test_demo_reads_foods_until_blank_line(runner: CliRunner) -> None:
    result = runner.invoke(app, ["demo"], input="2 eggs\nxyzzyqq\n\n")
    assert result.exit_code == 0
    assert "Egg, whole" in result.stdout
    assert "no food matches" in result.stdout


def test_python_dash_m_runs_in_a_real_process() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "twitchcheck", "foods", "search", "banana", "--json"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert json.loads(result.stdout)[0]["name"].startswith("Banana")


def test_every_command_has_help(runner: CliRunner) -> None:
    for command in (["foods", "search"], ["foods", "show"], ["nutrients"], ["demo"]):
        result = runner.invoke(app, [*command, "--help"])
        assert result.exit_code == 0
        assert len(result.stdout.strip().splitlines()) > 3
