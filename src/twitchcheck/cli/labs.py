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
    sex: Annotated[
        str | None,
        typer.Option(
            "--sex",
            help="female or male: the range of tests that differ by sex (ferritin, creatinine, "
            "CK, haemoglobin); without it both ranges are shown.",
        ),
    ] = None,
    json_output: JsonOption = False,
) -> None:
    """Convert lab results to SI and conventional units and say what they do and do not show.

    Reads magnesium, calcium (total or ionised), 25-OH vitamin D, potassium, vitamin B12,
    albumin (corrects total calcium given alongside; both values are shown), methylmalonic
    acid and homocysteine. Every result is judged in SI units, so the unit typed never
    changes the status or the urgency.
    """
    from twitchcheck.labs import interpret_labs

    interpreted = interpret_labs(results, sex=sex)
    if json_output:
        emit_json([result.to_dict() for result in interpreted])
    else:
        _print_table(interpreted)


def _print_table(results: list[LabResult]) -> None:
    from rich.markup import escape
    from rich.table import Table

    out = console()
    banner = _banner(results)
    if banner:
        out.print(f"[bold red]{banner}[/]")
    table = Table(title="Lab results")
    for column in ("#", "Test", "Given", "SI", "Conventional", "Status", "Adult range"):
        table.add_column(column)
    for number, result in enumerate(results, 1):
        table.add_row(
            str(number),
            escape(result.label),
            escape(f"{result.value:g} {result.unit}"),
            escape(_value(result.si_value, result.corrected_si_value, result.si_unit)),
            escape(
                _value(
                    result.conventional_value,
                    result.corrected_conventional_value,
                    result.conventional_unit,
                )
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


def _banner(results: list[LabResult]) -> str:
    """One line for the gravest urgent result, if any."""
    levels = {result.urgent_level for result in results if result.urgent}
    if "emergency" in levels:
        return (
            "EMERGENCY: at least one result is in a range that needs emergency care now. "
            "Go to an emergency department or call your local emergency number."
        )
    if levels:
        return (
            "URGENT: at least one result is in a critical range. "
            "Get medical care today; do not wait for diet changes."
        )
    return ""


def _value(value: float, corrected: float | None, unit: str) -> str:
    """The measured value and, for albumin-corrected calcium, the corrected one below it."""
    if corrected is None:
        return f"{value:.4g} {unit}"
    return f"{value:.4g} {unit} measured\n{corrected:.4g} {unit} corrected"


_CALM = {"normal": "green", "adequate": "green"}


def _status(result: LabResult) -> str:
    from rich.markup import escape

    if result.corrected_status is None:
        text = escape(result.status)
    else:  # both, so a measured low is never hidden by the correction
        text = escape(f"{result.measured_status} (measured)\n{result.corrected_status} (corrected)")
    if result.urgent:
        return f"[bold red]{text} — {(result.urgent_level or 'urgent').upper()}[/]"
    worst = result.measured_status if result.measured_status != "normal" else result.status
    return f"[{_CALM.get(worst, 'yellow')}]{text}[/]"
