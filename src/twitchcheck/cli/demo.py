"""`twitchcheck demo`: type what you ate, see its nutrients (the interactive start)."""

from __future__ import annotations

import typer

from twitchcheck.cli._common import console, guarded


@guarded
def demo_command() -> None:
    """Type foods as you would say them; see grams and nutrients. Empty line to finish.

    A closed input finishes as an empty line does; Ctrl-C ends it with exit 130.
    """
    from rich.markup import escape

    from twitchcheck.cli.foods import _print_report
    from twitchcheck.errors import TwitchcheckError
    from twitchcheck.foods.phrases import NutrientReport, resolve, total

    out = console()
    out.print(
        "[bold]twitchcheck[/bold]: what did you eat today? One food per line, "
        'e.g. "a handful of almonds" or "2 cups of coffee". Empty line to finish.'
    )
    items = []
    while True:
        try:
            line = input("food> ").strip()
        except (EOFError, RuntimeError, OSError, ValueError):  # input closed or unreadable
            break
        if not line:
            break
        try:
            item = resolve(line)
        except TwitchcheckError as error:
            out.print(f"[red]{escape(str(error))}[/red]")
            continue
        items.append(item)
        out.print(escape(f"  → {item.food.name}, {item.grams.grams:.0f} g ({item.grams.basis})"))
    if items:
        _print_report(NutrientReport(tuple(items), *total(items)))


def register(app: typer.Typer) -> None:
    """Add the demo command to `app`."""
    app.command("demo")(demo_command)
