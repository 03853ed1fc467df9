"""The `twitchcheck` command line: one Typer group, one module per topic.

Each topic module exposes `register(app)`; commands stay thin and call the core.
"""

from __future__ import annotations

import io
import sys

import typer

from twitchcheck.cli import demo, diet, foods, kb, labs, plan, screen, serve, store, targets

app = typer.Typer(
    name="twitchcheck",
    help=(
        "Investigate muscle twitches and cramps: foods, diet, labs, habits,"
        " and when to see a doctor."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for topic in (screen, diet, plan, foods, labs, targets, kb, store, serve, demo):
    topic.register(app)


def main() -> None:
    """Console-script entry point.

    Output that cannot be written (a full disk behind `> file`) is an error, not a silent
    success; a reader that stops early (`| head`) is not.
    """
    code: int | str | None = 0
    try:
        app()
    except SystemExit as done:
        code = done.code
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        sys.stdout = io.StringIO()  # nothing more to deliver: keep the exit quiet
    except OSError as error:
        sys.stdout = io.StringIO()
        sys.stderr.write(f"Error: the output could not be written ({error.strerror})\n")
        code = 1
    sys.exit(code)
