"""What every command shares: JSON output, error reporting, the console.

Core errors (`TwitchcheckError`) become one line on stderr and exit 1; with
`--json` the same error is also printed on stdout as
`{"error": {"code": ..., "message": ...}}` so scripts can parse it.
Usage errors (bad flags) stay Click's business and exit 2.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, ParamSpec, TypeVar

import typer

from twitchcheck.errors import TwitchcheckError

if TYPE_CHECKING:
    from rich.console import Console

P = ParamSpec("P")
R = TypeVar("R")

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def console() -> Console:
    """A Rich console on stdout (imported lazily: Rich costs start-up time)."""
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def emit_json(value: Any) -> None:
    """Print `value` as indented JSON on stdout."""
    sys.stdout.write(json.dumps(value, indent=2, ensure_ascii=False) + "\n")


def fail(error: TwitchcheckError, as_json: bool) -> NoReturn:
    """Report a core error the documented way and exit 1."""
    if as_json:
        emit_json({"error": {"code": error.code, "message": str(error)}})
    sys.stderr.write(f"Error: {error}\n")
    raise typer.Exit(1)


def guarded(command: Callable[P, R]) -> Callable[P, R]:
    """Turn core errors raised by `command` into the CLI's error contract.

    The command's `json_output` parameter (if any) decides the JSON shape.
    """

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except TwitchcheckError as error:
            fail(error, bool(kwargs.get("json_output", False)))

    return wrapper
