"""`twitchcheck foods ...` and `twitchcheck nutrients ...` (being built)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the food commands to `app`."""
