"""End to end: `twitchcheck screen` from a file, interactively, and its helpers."""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path

import click
import pytest
import typer
from typer.testing import CliRunner

from conftest import HANG_BOUND
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
    script = "\n".join([  # in the core's order (screen/questions.py steps)
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
        "notadrug",     # medicines: unknown, asked again
        "",             # none
        "",             # conditions
        "",             # supplements
        "omnivore",     # diet
        "y",            # dairy
        "n",            # oily fish
        "n",            # fortified foods
        "n",            # B12 supplement
        "moderate",     # sun
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
        "",             # region
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


# --- issue 10: hostile files, stdin and saving ------------------------------------------------

TRACEBACK = "Traceback (most recent call last)"


def strict(text: str) -> object:
    """JSON as a strict reader takes it: NaN or Infinity fails."""

    def refuse(name: str) -> object:
        raise AssertionError(f"{name} in JSON output")

    return json.loads(text, parse_constant=refuse)


def contract(result: object, code: int = 1, as_json: bool = True) -> dict:
    """The error contract: the exit code, 'Error:' on stderr, no traceback, strict JSON."""
    assert result.exit_code == code, (result.exit_code, result.stdout, result.stderr)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert TRACEBACK not in result.stdout + result.stderr
    if code == 1:
        assert "\nError: " in "\n" + result.stderr, result.stderr
    if as_json and code == 1:
        error = strict(result.stdout)["error"]
        assert set(error) == {"code", "message"}
        return error
    return {}


def _deep(levels: int, opener: str, closer: str) -> str:
    return opener * levels + closer * levels


HOSTILE_FILES = {
    "deep-list": (_deep(10_000, "[", "]"), "nests more than 64 levels"),
    "deep-object": ('{"a":' * 10_000 + "1" + "}" * 10_000, "nests more than 64 levels"),
    "nan": ('{"age": NaN, "sex": "male"}', "NaN, which JSON does not allow"),
    "infinity": (
        '{"age": 40, "sex": "male", "lifestyle": {"sleep_hours": -Infinity}}',
        "-Infinity",
    ),
    "huge-float": ('{"age": 1e999, "sex": "male"}', "too large to be real"),
    "long-int": ('{"age": ' + "9" * 5000 + ', "sex": "male"}', "5,000 digits long"),
    "binary": (b"\xff\xfe\x00\x01garbage", "is not UTF-8 text"),
    "empty": ("", "not valid JSON"),
    "truncated": ('{"age": 40, "sex": "ma', "not valid JSON"),
    "list": ("[1, 2, 3]", "a list of 3 items"),
    "megabyte-symptom": (json.dumps({"age": 40, "sex": "male", "symptoms": ["x" * 10**6]}), "200"),
    "many-symptoms": (
        json.dumps({"age": 40, "sex": "male", "symptoms": ["cramps"] * 10**5}),
        "100",
    ),
    "markup": (json.dumps({"age": 40, "sex": "male", "symptoms": ["[/bold]"]}), r"'\[/bold\]'"),
    "newborn": (json.dumps({"age": 0, "sex": "male"}), "baby"),
    "child-drinking": (
        json.dumps({"age": 3, "sex": "male", "lifestyle": {"alcohol_drinks_per_week": 300}}),
        "medical help now",
    ),
}


@pytest.mark.parametrize("name", list(HOSTILE_FILES))
def test_hostile_answers_files_are_refused_by_the_contract(
    runner: CliRunner, tmp_path: Path, name: str
) -> None:
    content, message = HOSTILE_FILES[name]
    path = tmp_path / "answers.json"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    for as_json in (True, False):
        started = time.perf_counter()
        args = ["screen", "--answers", str(path), *(["--json"] if as_json else [])]
        result = runner.invoke(app, args)
        assert time.perf_counter() - started < HANG_BOUND
        error = contract(result, as_json=as_json)
        assert len(result.stderr) < 2500
        if as_json:
            assert re.search(message, error["message"]), error["message"]


@pytest.mark.parametrize("where", ["folder", "missing", "dev-zero"])
def test_unreadable_answers_paths_are_bad_input(
    runner: CliRunner, tmp_path: Path, where: str
) -> None:
    path = {"folder": tmp_path, "missing": tmp_path / "nope.json", "dev-zero": Path("/dev/zero")}
    result = runner.invoke(app, ["screen", "--answers", str(path[where]), "--json"])
    error = contract(result)
    assert error["code"] == "bad_file"


def test_a_bom_and_a_dangerous_but_possible_answer_are_accepted(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = tmp_path / "answers.json"
    answers = {
        "age": 40,
        "sex": "male",
        "supplements": ["vitamin D 50000 IU daily"],
        "labs": ["potassium 7.5 mmol/L"],
        "lifestyle": {"coffee_cups_per_day": 20},
    }
    path.write_text("\ufeff" + json.dumps(answers), encoding="utf-8")
    result = runner.invoke(app, ["screen", "--answers", str(path), "--json"])
    assert result.exit_code == 0, result.stderr
    assert strict(result.stdout)["triage"]["level"] == "emergency"  # the potassium


# The scripted questions: a 10-year-old boy; `alcohol` is the answer to the drinks question.
def _script(alcohol: str = "", age: str = "10") -> str:
    return "\n".join([
        age, "male", "", "", "", "", "", "", "", "", "n", "n", "", "", "", "", "", alcohol,
    ]) + "\n" * 20  # fmt: skip


def test_refused_answers_are_never_saved(runner: CliRunner, tmp_path: Path) -> None:
    saved = tmp_path / "saved.json"
    result = runner.invoke(app, ["screen", "--save", str(saved)], input=_script("2"))
    contract(result, as_json=False)
    assert "before 15" in result.stderr
    assert not saved.exists()
    saved.write_text('{"age": 30, "sex": "female"}', encoding="utf-8")
    runner.invoke(app, ["screen", "--save", str(saved)], input=_script("2"))
    assert saved.read_text(encoding="utf-8") == '{"age": 30, "sex": "female"}'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["saved.json"]


def test_saved_answers_are_read_back_by_answers(runner: CliRunner, tmp_path: Path) -> None:
    saved = tmp_path / "saved.json"
    result = runner.invoke(app, ["screen", "--save", str(saved), "--json"], input=_script())
    assert result.exit_code == 0, result.stderr
    strict(result.stdout)  # the questions went to stderr: stdout is the JSON alone
    assert "Age in years" in result.stderr
    strict(saved.read_text(encoding="utf-8"))
    rerun = runner.invoke(app, ["screen", "--answers", str(saved), "--json"])
    assert rerun.exit_code == 0, rerun.stderr


@pytest.mark.parametrize("failing", ["replace", "fsync", "write"])
def test_a_failed_save_leaves_the_old_file_whole_and_no_temporary_file(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    import errno

    saved = tmp_path / "saved.json"
    saved.write_text('{"age": 30, "sex": "female"}\n', encoding="utf-8")

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    if failing == "write":
        real_fdopen = os.fdopen

        def fdopen(*args: object, **kwargs: object) -> object:
            handle = real_fdopen(*args, **kwargs)  # type: ignore[call-overload]
            handle.write = disk_full
            return handle

        monkeypatch.setattr(os, "fdopen", fdopen)
    else:
        monkeypatch.setattr(os, failing, disk_full)
    result = runner.invoke(app, ["screen", "--save", str(saved)], input=_script())
    contract(result, as_json=False)
    assert "no space left on the disk; nothing was changed" in result.stderr
    assert saved.read_text(encoding="utf-8") == '{"age": 30, "sex": "female"}\n'
    assert [p.name for p in tmp_path.iterdir()] == ["saved.json"]


def test_a_save_path_that_cannot_be_written_is_refused_before_the_questions(
    runner: CliRunner, tmp_path: Path
) -> None:
    for path in (tmp_path / "no-folder" / "x.json", tmp_path):
        result = runner.invoke(app, ["screen", "--save", str(path)], input=_script())
        contract(result, as_json=False)
        assert "Age in years" not in result.stdout


def test_save_with_answers_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, {"age": 40, "sex": "male"})
    result = runner.invoke(app, ["screen", "--answers", str(path), "--save", "x.json", "--json"])
    contract(result, code=2)
    assert result.stdout == ""


@pytest.mark.parametrize("text", ["", "40\n", "40\nfemale\n", "40\nmale\n" + "\n" * 5])
def test_a_closed_stdin_ends_the_questions_plainly(runner: CliRunner, text: str) -> None:
    for as_json in (False, True):
        result = runner.invoke(app, ["screen", *(["--json"] if as_json else [])], input=text)
        contract(result, as_json=as_json)
        assert "the input ended before every question was answered" in result.stderr


def test_ctrl_c_ends_with_130(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object, **kwargs: object) -> str:
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt:
            raise click.Abort() from None  # what click.prompt does on Ctrl-C

    monkeypatch.setattr(typer, "prompt", interrupted)
    result = runner.invoke(app, ["screen", "--json"])
    assert result.exit_code == 130
    assert result.stderr.endswith("\nInterrupted; nothing was saved.\n")
    assert result.stdout == ""  # the questions were on stderr; no JSON is half-printed


def test_a_baby_is_told_after_the_age_question(runner: CliRunner) -> None:
    result = runner.invoke(app, ["screen"], input="0.5\n")
    contract(result, as_json=False)
    assert "baby" in result.stderr
    assert "Sex" not in result.stdout


def test_typed_markup_is_echoed_as_typed(runner: CliRunner) -> None:
    script = "[/bold]\n40\n[bold]x\nmale\n[/red]\n\n[/bold]\n" + "\n" * 40
    result = runner.invoke(app, ["screen"], input=script)
    assert result.exit_code == 0, result.stdout
    assert "'[/bold]' is not a number" in result.stdout
    assert "not in the list: [/red]" in result.stdout
    vocabulary = runner.invoke(app, ["screen", "--vocabulary"])
    assert vocabulary.exit_code == 0
