"""End to end: `twitchcheck foods ...` and `twitchcheck nutrients ...`."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from typing import Any

from typer.testing import CliRunner

from conftest import HANG_BOUND
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
    result = run(runner, "foods", "search", "milk", "--no-such-flag")
    assert result.exit_code == 2


def test_an_option_out_of_range_is_bad_input(runner: CliRunner) -> None:
    result = run(runner, "foods", "search", "milk", "--limit", "0", "--json")
    assert result.exit_code == 1
    assert "give 1 to 50" in json.loads(result.stdout)["error"]["message"]


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


# Hostile text end to end: documented exits, strict JSON, user text shown as typed.
def strict_json(text: str) -> Any:
    """json.loads that refuses NaN and Infinity (which json.dumps would write by default)."""

    def refuse(name: str) -> object:
        raise ValueError(f"not strict JSON: {name}")

    return json.loads(text, parse_constant=refuse)


# A few of each kind; the core's own tests (test_search, test_phrases) cover many more.
HOSTILE = [
    "milk 3.25%", 'milk "skim" NEAR(x)*', "{name}: milk -cheese", "[skim] milk", "[/bold] milk",
    "2\u200beggs", "\x1b[31mmilk", "мilk", "one million eggs", "1e400 g rice", "-2 eggs",
    "x" * 5000, "milk " * 60, "   ", "[99999]",
]  # fmt: skip


def test_search_hostile_queries(runner: CliRunner) -> None:
    for query in HOSTILE:
        result = run(runner, "foods", "search", "--json", "--", query)
        assert result.exit_code in (0, 1), (query, result.output)
        assert "Traceback" not in result.output
        parsed = strict_json(result.stdout)
        if result.exit_code == 1:
            assert isinstance(parsed, dict)
            assert set(parsed["error"]) == {"code", "message"}
            assert len(parsed["error"]["message"]) < 400
        else:
            assert isinstance(parsed, list)


def test_search_finds_the_decimal(runner: CliRunner) -> None:
    result = run(runner, "foods", "search", "milk", "3.25%", "--json")
    assert result.exit_code == 0, result.output
    assert strict_json(result.stdout)[0]["name"].startswith("Milk, whole, 3.25%")


def test_search_limit_range_is_bad_input(runner: CliRunner) -> None:
    assert run(runner, "foods", "search", "milk", "--limit", "51").exit_code == 1
    assert run(runner, "foods", "search", "milk", "--limit", "50").exit_code == 0


def test_show_odd_ids(runner: CliRunner) -> None:
    assert (
        strict_json(run(runner, "foods", "show", "０９０４０", "--json").stdout)["id"]
        == "sr28:09040"
    )
    for food_id in ("[/bold]", "%", "sr28:09040' OR 1=1", "9" * 100_000, "\x00", "٠٩٠٤٠"):
        result = run(runner, "foods", "show", food_id, "--json")
        assert result.exit_code == 1
        error = strict_json(result.stdout)["error"]
        assert error["code"] == "unknown_food"
        assert len(error["message"]) < 300
        table = run(runner, "foods", "show", food_id)
        assert table.exit_code == 1
        assert table.stderr.startswith("Error: ")


def test_nutrients_hostile_phrases(runner: CliRunner) -> None:
    for phrase in HOSTILE:
        result = run(runner, "nutrients", "--json", "--", phrase)
        assert result.exit_code in (0, 1), (phrase, result.output)
        parsed = strict_json(result.stdout)
        assert isinstance(parsed, dict)
        if result.exit_code == 1:
            assert set(parsed["error"]) == {"code", "message"}
        else:
            assert parsed["items"][0]["input"]
        if "[" in phrase or "\x1b" in phrase:  # the table, for text that could pass for markup
            table = run(runner, "nutrients", "--", phrase)
            assert table.exit_code == result.exit_code
            assert "Traceback" not in table.output


def test_nutrients_shows_brackets_as_typed(runner: CliRunner) -> None:
    result = run(runner, "nutrients", "1 cup milk [skim]", "a banana [/bold]", "2 eggs [/]")
    assert result.exit_code == 0, result.output
    assert "1 cup milk [skim]" in result.stdout
    assert "a banana [/bold]" in result.stdout
    assert "2 eggs [/]" in result.stdout


def test_food_names_with_markup_are_shown_as_typed(capsys) -> None:
    from twitchcheck.cli.foods import _print_food
    from twitchcheck.foods.database import Food, Portion

    food = Food("sr28:00001", "sr28", "00001", "Cheese [/bold] [red]x[/red]", "Dairy [b]",
                "", {}, (Portion(1, "[slice]", 20.0),))  # fmt: skip
    _print_food(food)
    out = capsys.readouterr().out
    assert "Cheese [/bold] [red]x[/red]" in out
    assert "[slice]" in out


def test_nutrients_json_is_strict_with_unanalysed_nutrients_as_null(runner: CliRunner) -> None:
    result = run(runner, "nutrients", "100 g cheese [01008]", "--json")
    report = strict_json(result.stdout)
    assert report["items"][0]["nutrients"]["caffeine_mg"] is None
    assert report["missing"]["caffeine_mg"] == 1


def test_nutrients_flags_large_amounts(runner: CliRunner) -> None:
    result = run(runner, "nutrients", "3 kg rice")
    assert result.exit_code == 0
    assert "very large amount" in result.stdout
    report = strict_json(run(runner, "nutrients", "3 kg rice", "--json").stdout)
    assert report["items"][0]["warnings"]


def test_nutrients_refuses_impossible_amounts_naming_the_limit(runner: CliRunner) -> None:
    result = run(runner, "nutrients", "one million eggs", "--json")
    assert result.exit_code == 1
    error = strict_json(result.stdout)["error"]
    assert error["code"] == "bad_amount"
    assert "1,000,000 eggs" in error["message"]
    assert "5 kg" in error["message"]


def test_nutrients_bounds(runner: CliRunner) -> None:
    start = time.perf_counter()
    result = run(runner, "nutrients", "2 eggs " * 150_000, "--json")
    assert time.perf_counter() - start < HANG_BOUND
    assert result.exit_code == 1
    assert len(strict_json(result.stdout)["error"]["message"]) < 300
    many = run(runner, "nutrients", *["1 egg"] * 101, "--json")
    assert many.exit_code == 1
    assert "more than 100" in strict_json(many.stdout)["error"]["message"]


def test_nutrients_counts_every_food_of_a_split_line_and_says_how(runner: CliRunner) -> None:
    import pytest

    from twitchcheck.foods import phrases

    if not hasattr(phrases, "resolve_line"):
        pytest.skip("phrases without resolve_line yet")
    line = phrases.resolve_line("oat milk latte")
    result = runner.invoke(app, ["nutrients", "oat milk latte", "2 eggs", "--json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout, parse_constant=lambda name: pytest.fail(name))
    assert len(data["items"]) == len(line.items) + 1
    if line.how == "split":
        assert [i["how"] for i in data["items"][: len(line.items)]] == ["split"] * len(line.items)
        table = runner.invoke(app, ["nutrients", "oat milk latte"])
        assert table.exit_code == 0
        assert "split into its foods" in table.stdout
