"""Every command and option has help text (the command line documents itself)."""

from __future__ import annotations

import json

import click
import pytest
from typer.main import get_command
from typer.testing import CliRunner

from twitchcheck.cli import app


def commands(
    group: click.Group, prefix: tuple[str, ...] = ()
) -> list[tuple[tuple[str, ...], click.Command]]:
    found = []
    for name, command in group.commands.items():
        path = (*prefix, name)
        found.append((path, command))
        if isinstance(command, click.Group):
            found += commands(command, path)
    return found


def test_every_command_and_option_has_help(runner: CliRunner) -> None:
    root = get_command(app)
    assert isinstance(root, click.Group)
    listed = commands(root)
    assert {"screen", "diet", "plan", "foods", "nutrients", "targets", "labs", "kb"} <= {
        p[0] for p, _ in listed
    }
    for path, command in listed:
        assert command.help or command.short_help, path
        for param in command.params:
            if isinstance(param, click.Option):
                assert param.help, (path, param.name)
        result = runner.invoke(app, [*path, "--help"])
        assert result.exit_code == 0, path


def test_python_dash_m_help() -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "twitchcheck", "--help"], capture_output=True, text=True
    )
    assert result.returncode == 0
    assert "screen" in result.stdout


# --- issue 10: one error contract for every command this module's owner keeps ----------------

PERSON = ["--age", "40", "--sex", "female"]
HOSTILE = [
    # (arguments, the exit code the contract gives them)
    (["screen", "--answers", "/dev/zero"], 1),
    (["screen", "--answers", "/"], 1),
    (["screen", "--answers", "x.json", "--save", "y.json"], 2),
    (["screen", "--nope"], 2),
    (["plan", *PERSON, "--energy-budget", "nan"], 1),
    (["plan", *PERSON, "--energy-budget", "abc"], 2),
    (["plan", *PERSON, "--max-foods", "0"], 1),
    (["plan", "--age", "0", "--sex", "male"], 1),
    (["plan", *PERSON, "--diary", "/"], 1),
    (["plan", "--sex", "male"], 2),
    (["labs"], 2),
    (["labs", "potassium 9e9 mmol/L"], 1),
    (["labs", "[/bold]"], 1),
    (["targets", "--age", "nan", "--sex", "male"], 1),
    (["targets", "--age", "30"], 2),
    (["kb", "show", "[/bold]"], 1),
    (["kb", "show"], 2),
    (["kb", "sources", "extra"], 2),
]


def _strict(text: str) -> object:
    def refuse(name: str) -> object:
        raise AssertionError(f"{name} in JSON output")

    return json.loads(text, parse_constant=refuse)


@pytest.mark.parametrize(("args", "code"), HOSTILE)
@pytest.mark.parametrize("as_json", [False, True])
def test_every_command_keeps_the_error_contract(
    runner: CliRunner, args: list[str], code: int, as_json: bool
) -> None:
    result = runner.invoke(app, [*args, *(["--json"] if as_json else [])])
    assert result.exit_code == code, (args, result.stdout, result.stderr)
    assert "Traceback" not in result.stdout + result.stderr
    if code == 1:
        assert result.stderr.startswith("Error: ")
        if as_json:
            error = _strict(result.stdout)["error"]  # type: ignore[index]
            assert set(error) == {"code", "message"}
    else:
        assert result.stdout == ""  # a usage error prints nothing a script could misread


@pytest.mark.parametrize(
    "env", [{"COLUMNS": "abc"}, {"COLUMNS": "-5", "LINES": "0"}, {"TERM": "dumb", "NO_COLOR": "1"}]
)
def test_odd_terminal_settings_change_nothing(runner: CliRunner, env: dict[str, str]) -> None:
    for args in (["kb", "show", "magnesium"], ["targets", *PERSON], ["labs", "K 7.5 mmol/L"]):
        result = runner.invoke(app, args, env=env)
        assert result.exit_code == 0, (args, env, result.stdout)


def test_demo_ends_on_a_closed_input_and_escapes_what_it_echoes(runner: CliRunner) -> None:
    result = runner.invoke(app, ["demo"], input="[/bold]\n")
    assert result.exit_code == 0, result.stdout
    assert "Traceback" not in result.stdout
    assert runner.invoke(app, ["demo"], input="").exit_code == 0
