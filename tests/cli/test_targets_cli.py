"""End to end: `twitchcheck targets`, table, JSON and error exits."""

from __future__ import annotations

import json
import re

import pytest

from conftest import Runner
from twitchcheck.cli import app
from twitchcheck.nutrient_keys import FOCUS_KEYS

runner = Runner()


def test_json_has_every_nutrient_with_the_fixed_keys() -> None:
    result = runner.invoke(app, ["targets", "--age", "30", "--sex", "female", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data) == list(FOCUS_KEYS)
    for target in data.values():
        assert {"ear", "rda", "ai", "ul", "ul_scope", "life_stage", "sources"} <= set(target)
    assert (data["magnesium_mg"]["rda"], data["magnesium_mg"]["ul"]) == (310, 350)
    assert "supplements" in data["magnesium_mg"]["ul_scope"]
    assert data["potassium_mg"]["ai"] == 2600
    assert data["potassium_mg"]["ul"] is None
    assert data["vitamin_b12_ug"]["ul"] is None


@pytest.mark.parametrize(
    ("args", "stage", "calcium_ai_or_rda"),
    [
        (["--age", "8m"], "7-12 mo", 260),
        (["--age", "8 months"], "7-12 mo", 260),
        (["--age", "0.25"], "0-6 mo", 200),
        (["--age", "17", "--pregnant"], "pregnancy 14-18 y", 1300),
        (["--age", "35", "--lactating"], "lactation 31-50 y", 1000),
        (["--age", "75"], ">70 y", 1200),
    ],
)
def test_life_stages(args: list[str], stage: str, calcium_ai_or_rda: int) -> None:
    result = runner.invoke(app, ["targets", "--sex", "female", "--json", *args])
    assert result.exit_code == 0, result.output
    calcium = json.loads(result.stdout)["calcium_mg"]
    assert calcium["life_stage"] == stage
    assert calcium_ai_or_rda in (calcium["rda"], calcium["ai"])


def test_table_output() -> None:
    result = runner.invoke(app, ["targets", "--age", "60", "--sex", "male"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    for text in ("Magnesium", "51-70 y", "420", "supplements and medicines only", "S10"):
        assert text in result.stdout


ERRORS = [
    (["--age", "30", "--sex", "male", "--pregnant"], "pregnancy was given for sex 'male'"),
    (["--age", "30", "--sex", "female", "--pregnant", "--lactating"], "both given"),
    (["--age", "5", "--sex", "female", "--pregnant"], "age 5 years.*14 to 50"),
    (["--age", "-3", "--sex", "female"], "negative"),
    (["--age", "130", "--sex", "female"], "0 to 120"),
    (["--age", "thirty", "--sex", "female"], "cannot read the age"),
    (["--age", "30", "--sex", "x"], "'female' or 'male'"),
]


@pytest.mark.parametrize(("args", "message"), ERRORS)
def test_impossible_people_exit_1_with_a_message(args: list[str], message: str) -> None:
    result = runner.invoke(app, ["targets", *args])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("Error: ")
    assert re.search(message, result.stderr)


def test_json_errors_are_printed_on_stdout_too() -> None:
    args = ["targets", "--age", "5", "--sex", "female", "--pregnant", "--json"]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    error = json.loads(result.stdout)["error"]
    assert error["code"] == "bad_profile"
    assert "14 to 50" in error["message"]
    assert "Error:" in result.stderr


def test_missing_option_is_a_usage_error() -> None:
    result = runner.invoke(app, ["targets", "--sex", "female"])
    assert result.exit_code == 2


# --- issue 10 ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "age", ["nan", "inf", "1e400", "9" * 5000, "x" * 1_000_000, "[/bold]", "-0.5", "121"]
)
def test_ages_that_are_not_ages_exit_1_with_strict_json(age: str) -> None:
    result = runner.invoke(app, ["targets", "--age", age, "--sex", "female", "--json"])
    assert result.exit_code == 1
    error = json.loads(result.stdout, parse_constant=lambda name: 1 / 0)["error"]
    assert error["code"] == "bad_profile"
    assert len(error["message"]) < 300


def test_an_infant_gets_targets_and_brackets_are_shown_as_typed() -> None:
    assert runner.invoke(app, ["targets", "--age", "3m", "--sex", "male"]).exit_code == 0
    result = runner.invoke(app, ["targets", "--age", "30", "--sex", "[/bold]"])
    assert result.exit_code == 1
    assert "'[/bold]'" in result.stderr
