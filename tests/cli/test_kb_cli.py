"""`twitchcheck kb ...` end to end."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from conftest import HANG_BOUND
from twitchcheck.cli import app


def test_show_nutrient_prints_facts_and_sources(runner: CliRunner) -> None:
    result = runner.invoke(app, ["kb", "show", "magnesium"])
    assert result.exit_code == 0, result.output
    assert "Magnesium" in result.stdout
    assert "Changed by" in result.stdout  # medicines and conditions that lower it
    assert "Proton pump inhibitors" in result.stdout
    assert "S32" in result.stdout  # the Cochrane review, via the evidence claims
    assert "Sources" in result.stdout


def test_show_brand_name_gives_class_and_effects(runner: CliRunner) -> None:
    result = runner.invoke(app, ["kb", "show", "Lasix"])
    assert result.exit_code == 0, result.output
    assert "Loop diuretics" in result.stdout
    assert "furosemide" in result.stdout
    assert "↓ potassium" in result.stdout
    assert "↓ magnesium" in result.stdout


def test_show_json(runner: CliRunner) -> None:
    result = runner.invoke(app, ["kb", "show", "Nexium", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["kind"], data["id"]) == ("medicine", "ppi")
    assert data["medicine"] == {
        "name": "nexium",
        "classes": ["ppi"],
        "generic": "esomeprazole",
        "brand": True,
    }
    effects = {(e["nutrient"], e["direction"]) for e in data["data"]["effects"]}
    assert {("magnesium", "lowers"), ("vitamin_b12", "lowers")} <= effects
    assert {"S31", "S49"} <= {source["id"] for source in data["sources"]}


@pytest.mark.parametrize("name", ["caffeine", "kidney disease", "dark urine", "statin"])
def test_show_other_kinds(runner: CliRunner, name: str) -> None:
    result = runner.invoke(app, ["kb", "show", name])
    assert result.exit_code == 0, result.output
    assert "Sources" in result.stdout


def test_unknown_name_exits_1_with_suggestions(runner: CliRunner) -> None:
    result = runner.invoke(app, ["kb", "show", "lasixx"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "did you mean" in result.stderr
    assert "'lasix'" in result.stderr


def test_unknown_name_json_error_shape(runner: CliRunner) -> None:
    result = runner.invoke(app, ["kb", "show", "magnesum", "--json"])
    assert result.exit_code == 1
    error = json.loads(result.stdout)["error"]
    assert error["code"] == "unknown_entry"
    assert "'magnesium'" in error["message"]
    assert "Error:" in result.stderr


def test_sources_lists_every_source(runner: CliRunner) -> None:
    result = runner.invoke(app, ["kb", "sources", "--json"])
    assert result.exit_code == 0, result.output
    ids = [row["id"] for row in json.loads(result.stdout)]
    assert "S1" in ids
    assert "S118" in ids
    assert len(ids) == len(set(ids))


def test_sources_table(runner: CliRunner) -> None:
    result = runner.invoke(app, ["kb", "sources"])
    assert result.exit_code == 0, result.output
    assert "S32" in result.stdout


def test_commands_have_help(runner: CliRunner) -> None:
    for args in (["kb", "--help"], ["kb", "show", "--help"], ["kb", "sources", "--help"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0
        assert "Usage" in result.stdout


# --- issue 10 ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["x" * 1_000_000, "q" * 199, "[/bold]", "\x00", "medicine:"])
def test_any_name_is_shown_or_refused_quickly(runner: CliRunner, name: str) -> None:
    import time

    started = time.perf_counter()
    result = runner.invoke(app, ["kb", "show", name, "--json"])
    assert time.perf_counter() - started < HANG_BOUND
    assert result.exit_code == 1
    error = json.loads(result.stdout)["error"]
    assert len(error["message"]) < 600
    table = runner.invoke(app, ["kb", "show", name])
    assert table.exit_code == 1
    assert "Traceback" not in table.stdout + table.stderr


@pytest.mark.parametrize("name", ["magnesium", "lasix", "caffeine", "kidney disease"])
def test_every_shown_fact_renders_without_markup_errors(runner: CliRunner, name: str) -> None:
    result = runner.invoke(app, ["kb", "show", name])
    assert result.exit_code == 0, result.stdout
    assert "[S" in result.stdout  # source ids in brackets are shown, not taken as markup
