"""Every command and option has help text (the command line documents itself)."""

from __future__ import annotations

import click
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
