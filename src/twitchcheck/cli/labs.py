"""`twitchcheck labs`: convert and interpret lab results."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from twitchcheck.cli._common import JsonOption, console, emit_json, guarded

if TYPE_CHECKING:
    from twitchcheck.labs import LabResult


def register(app: typer.Typer) -> None:
    """Add the `labs` command to `app`."""
    app.command("labs")(labs)


@guarded
def labs(
    results: Annotated[
        list[str],
        typer.Argument(
            help="Results as 'ANALYTE VALUE UNIT', each quoted, e.g. 'magnesium 1.5 mg/dL' "
            "'25-OH vitamin D 18 ng/mL' 'K 3.1 mmol/L'.",
            show_default=False,
        ),
    ],
    json_output: JsonOption = False,
) -> None:
    """Convert lab results to SI and conventional units and say what they do and do not show.

    Reads magnesium, calcium (total or ionised), 25-OH vitamin D, potassium, vitamin B12,
    albumin (corrects total calcium given alongside), methylmalonic acid and homocysteine.
    """
    from twitchcheck.labs import interpret_labs

    interpreted = interpret_labs(results)
    if json_output:
        emit_json([result.to_dict() for result in interpreted])
    else:
        _print_table(interpreted)


def _print_table(results: list[LabResult]) -> None:
    from rich.markup import escape
    from rich.table import Table

    out = console()
    if any(result.urgent for result in results):
        out.print(
            "[bold red]URGENT: at least one result is in a critical range. "
            "Get medical care today; do not wait for diet changes.[/]"
        )
    table = Table(title="Lab results")
    for column in ("#", "Test", "Given", "SI", "Conventional", "Status", "Adult range"):
        table.add_column(column)
    for number, result in enumerate(results, 1):
        table.add_row(
            str(number),
            result.label,
            f"{result.value:g} {result.unit}",
            _value(result.si_value, result.corrected_si_value, result.si_unit),
            _value(
                result.conventional_value,
                result.corrected_conventional_value,
                result.conventional_unit,
            ),
            _status(result),
            escape(f"{result.range} [{', '.join(result.range_sources)}]"),
        )
    out.print(table)
    for number, result in enumerate(results, 1):
        out.print(f"{number}. [bold]{escape(result.label)}[/]: {escape(result.note)}")
    out.print(
        "Ranges are typical adult ones; where your report prints its own range, that one counts. "
        "This informs a conversation with a clinician; it is not a diagnosis."
    )


def _value(value: float, corrected: float | None, unit: str) -> str:
    text = f"{value:.4g} {unit}"
    return text if corrected is None else f"{text}\n(corrected {corrected:.4g})"


def _status(result: LabResult) -> str:
    if result.urgent:
        return f"[bold red]{result.status} — URGENT[/]"
    colour = {"normal": "green", "adequate": "green", "unclassified": "dim"}.get(
        result.status, "yellow"
    )
    return f"[{colour}]{result.status}[/]"
