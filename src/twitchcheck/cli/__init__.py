"""The `twitchcheck` command line: one Typer group, one module per topic.

Each topic module exposes `register(app)`; commands stay thin and call the core.
"""

from __future__ import annotations

import typer

from twitchcheck.cli import demo, diet, foods, kb, labs, plan, screen, targets

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

for topic in (screen, diet, plan, foods, labs, targets, kb, demo):
    topic.register(app)


def main() -> None:
    """Console-script entry point."""
    app()
