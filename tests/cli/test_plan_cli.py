"""End to end: `twitchcheck plan`."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import HANG_BOUND
from twitchcheck.cli import app
from twitchcheck.errors import InputError

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


ISSUE_CASE = [
    "plan", "--age", "75", "--sex", "male", "--medication", "lisinopril 10mg od",
    "--medication", "spironolactone", "--condition", "chronic kidney disease stage 4",
]  # fmt: skip


def test_the_issue_case_adds_no_potassium_and_says_why_first(runner: CliRunner) -> None:
    result = runner.invoke(app, [*ISSUE_CASE, "--json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert next(iter(data)) == "plan_changes"
    first = data["plan_changes"][0]
    assert first["kind"] == "hold"
    assert first["nutrient"] == "potassium_mg"
    assert first["text"].startswith("Potassium is not added because you take lisinopril")
    potassium = data["plan"]["nutrients"]["potassium_mg"]
    assert potassium["goal"] is None
    assert potassium["added"] <= potassium["most_added"] == 100
    assert "potassium_mg" not in data["suggestions"]

    table = runner.invoke(app, ISSUE_CASE)
    assert table.exit_code == 0, table.stderr
    lines = [line for line in table.stdout.splitlines() if line.strip()]
    assert lines[0].startswith("Read this first")
    assert "Potassium is not added because" in lines[1]
    assert "[S52" in table.stdout.split("Magnesium is not added")[0]  # its sources, in the text


def test_supplements_labs_and_region(runner: CliRunner) -> None:
    options = [
        "--gaps", "vitamin D,calcium", "--medication", "ramipril",
        "--supplement", "vitamin D 1,000 IU", "--supplement", "multivitamin",
        "--lab", "potassium 3.1 mmol/L", "--region", "United Kingdom", "--json",
    ]  # fmt: skip
    result = runner.invoke(app, [*BASE, *options])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["region"] == "uk"
    kinds = [c["kind"] for c in data["plan_changes"]]
    assert "lab_low" in kinds  # a low potassium lifts the ramipril hold
    assert "hold" not in kinds
    supplements = " ".join(c["text"] for c in data["plan_changes"] if c["kind"] == "supplements")
    assert "vitamin D 1,000 IU (25 µg vitamin D)" in supplements
    assert "Not counted" in supplements
    assert "multivitamin" in supplements
    vitamin_d = data["plan"]["nutrients"]["vitamin_d_ug"]
    assert vitamin_d["before"] >= 25


def test_an_urgent_lab_uses_the_region_emergency_number(runner: CliRunner) -> None:
    options = ["--gaps", "calcium", "--lab", "potassium 7.2 mmol/L", "--region", "us", "--json"]
    result = runner.invoke(app, [*BASE, *options])
    assert result.exit_code == 0, result.stderr
    first = json.loads(result.stdout)["plan_changes"][0]
    assert first["kind"] == "urgent_lab"
    assert "911" in first["text"]


def test_a_vegan_gets_the_b12_advice_first(runner: CliRunner) -> None:
    result = runner.invoke(app, [*BASE, "--pattern", "vegan", "--json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    first = data["plan_changes"][0]
    assert first["kind"] == "priority"
    assert first["nutrient"] == "vitamin_b12_ug"
    b12 = next(g for g in data["gaps"] if g["nutrient"] == "vitamin_b12_ug")
    assert b12["before"] == 0


def test_a_b12_supplement_is_counted_for_a_vegan(runner: CliRunner) -> None:
    options = ["--pattern", "vegan", "--supplement", "B12 1000 mcg", "--json"]
    result = runner.invoke(app, [*BASE, *options])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert "vitamin_b12_ug" not in {g["nutrient"] for g in data["gaps"]}
    assert data["plan_changes"][0]["kind"] == "priority"


def test_unknown_supplement_and_region_are_refused(runner: CliRunner) -> None:
    for option in (["--supplement", "unicorn dust 5 mg"], ["--region", "atlantis"]):
        result = runner.invoke(app, [*BASE, *option, "--json"])
        assert result.exit_code == 1, option
        assert json.loads(result.stdout)["error"]["code"] == "invalid_input"


# --- issue 10: who a plan is for, hostile options, strict JSON --------------------------------


def _strict(text: str) -> dict:
    def refuse(name: str) -> object:
        raise AssertionError(f"{name} in JSON output")

    return json.loads(text, parse_constant=refuse)


@pytest.mark.parametrize("age", ["0", "2w", "8m", "0.99"])
def test_a_plan_for_a_baby_is_refused_with_what_applies_to_infants(
    runner: CliRunner, age: str
) -> None:
    result = runner.invoke(app, ["plan", "--age", age, "--sex", "male", "--json"])
    assert result.exit_code == 1
    message = _strict(result.stdout)["error"]["message"]
    assert "breast milk or infant formula" in message
    assert "vitamin D" in message
    ok = runner.invoke(app, ["plan", "--age", "1", "--sex", "male", "--json"])
    assert ok.exit_code == 0, ok.stderr


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--energy-budget", "nan"], "--energy-budget nan"),
        (["--energy-budget", "inf"], "--energy-budget inf"),
        (["--energy-budget", "-5"], "give 0 to 5,000 kcal"),
        (["--energy-budget", "1e308"], "give 0 to 5,000 kcal"),
        (["--max-foods", "0"], "give 1 to 10 foods"),
        (["--max-foods", "11"], "give 1 to 10 foods"),
        (["--dislike", "x" * 1_000_000], "1,000,000 characters long"),
        (["--dislike", "milk"] * 51, "given 51 times"),
        (["--lab", "potassium 1e400 mmol/L"], "not a unit"),
        (["--supplement", "vitamin D 10000000 IU daily"], "accepts up to"),
        (["--pattern", "[/bold]"], r"'\[/bold\]'"),
    ],
)
def test_hostile_options_exit_1_with_a_json_error(
    runner: CliRunner, extra: list[str], message: str
) -> None:
    started = time.perf_counter()
    result = runner.invoke(app, [*BASE, *extra, "--json"])
    assert time.perf_counter() - started < HANG_BOUND
    assert result.exit_code == 1, result.stdout
    assert re.search(message, _strict(result.stdout)["error"]["message"])
    assert "Traceback" not in result.stderr


def test_brackets_in_options_are_shown_as_typed(runner: CliRunner) -> None:
    result = runner.invoke(app, [*BASE, "--dislike", "[/bold]", "--prefer", "[skim] milk"])
    assert result.exit_code == 0, result.stdout
    bad = runner.invoke(app, [*BASE, "--gaps", "[/bold]"])
    assert bad.exit_code == 1
    assert "'[/bold]'" in bad.stderr


def test_a_critical_lab_and_a_dangerous_dose_are_accepted(runner: CliRunner) -> None:
    extra = ["--lab", "potassium 7.5 mmol/L", "--supplement", "vitamin D 50000 IU daily"]
    result = runner.invoke(app, [*BASE, *extra, "--json"])
    assert result.exit_code == 0, result.stderr
    kinds = {change["kind"] for change in _strict(result.stdout)["plan_changes"]}
    assert "urgent_lab" in kinds


OPTION_TEXT = st.text(max_size=40) | st.sampled_from(
    ["[/bold]", "milk", "tree nuts", "vegan", "magnesium", "", " ", "x" * 300, "\x00", "−1"]
)


@settings(max_examples=150, deadline=None)
@given(
    pattern=OPTION_TEXT,
    allergies=st.lists(OPTION_TEXT, max_size=3),
    dislikes=st.lists(OPTION_TEXT, max_size=60),
    gaps=st.lists(OPTION_TEXT, max_size=3),
    budget=st.floats() | st.integers(-(10**6), 10**6),
    foods=st.integers(-5, 20),
)
def test_any_plan_options_are_read_or_refused_before_planning(
    pattern: str,
    allergies: list[str],
    dislikes: list[str],
    gaps: list[str],
    budget: float,
    foods: int,
) -> None:
    from dataclasses import replace

    from twitchcheck.advice import nutrient_key
    from twitchcheck.advice.candidates import Filters
    from twitchcheck.profile import Person
    from twitchcheck.workflows import PlanRequest, _settings, check_option_sizes

    request = PlanRequest(Person(40, "female"), Filters.parse("omnivore", False, (), (), ()))

    for step in (
        lambda: check_option_sizes(
            {"--pattern": [pattern], "--allergy": allergies, "--dislike": dislikes, "--gaps": gaps}
        ),
        lambda: Filters.parse(pattern, False, allergies, dislikes, ()),
        lambda: [nutrient_key(gap) for gap in gaps],
        lambda: _settings(replace(request, energy_budget=float(budget))),
        lambda: _settings(replace(request, max_foods=foods)),
    ):
        try:
            step()
        except InputError as error:
            assert len(str(error)) < 1000  # noqa: PT017
