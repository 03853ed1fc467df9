"""`twitchcheck screen`: answers in (file or questions), triage and ranked contributors out."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from twitchcheck.cli._common import JsonOption, console, emit_json, guarded

if TYPE_CHECKING:
    from twitchcheck.answers import Answers
    from twitchcheck.screen import ScreenResult

LEVEL_STYLE = {
    "self-care": ("green", "Self-care: nothing in your answers needs a doctor urgently"),
    "see-doctor": ("yellow", "See a doctor: book an appointment"),
    "urgent": ("bold red", "Urgent: get medical care today"),
    "emergency": (
        "bold white on red",
        "EMERGENCY: call emergency services or go to an emergency department now",
    ),
}


@guarded
def screen_command(
    answers_file: Annotated[
        Path | None,
        typer.Option("--answers", help="Answers as JSON (see --schema).", dir_okay=False),
    ] = None,
    save: Annotated[
        Path | None,
        typer.Option(
            "--save", help="Save the answers given interactively to this file.", dir_okay=False
        ),
    ] = None,
    diary: Annotated[
        Path | None,
        typer.Option(
            "--diary", help="A food diary to analyse and weigh as evidence.", dir_okay=False
        ),
    ] = None,
    schema: Annotated[
        bool, typer.Option("--schema", help="Print the JSON schema of the answers.")
    ] = False,
    vocabulary: Annotated[
        bool,
        typer.Option("--vocabulary", help="List accepted symptom, condition and medicine names."),
    ] = False,
    json_output: JsonOption = False,
) -> None:
    """Screen symptoms, medicines, conditions and habits: triage, causes, tests to ask for.

    Without --answers it asks the questions in the terminal.
    """
    if schema:
        from twitchcheck.answers import Answers

        emit_json(Answers.model_json_schema())
        return
    if vocabulary:
        _print_vocabulary(json_output)
        return
    from twitchcheck.answers import parse_answers
    from twitchcheck.screen import screen

    if answers_file is not None:
        raw = read_answers(answers_file)
    else:
        from twitchcheck.cli._questions import ask

        raw = ask()
        if save is not None:
            save.write_text(json.dumps(raw, indent=2) + "\n", encoding="utf-8")
            typer.echo(
                f"Answers saved to {save}; next time: twitchcheck screen --answers {save}", err=True
            )
    answers = parse_answers(raw)
    if diary is not None:
        answers = _with_diary(answers, diary, show=not json_output)
    result = screen(answers)
    if json_output:
        emit_json(result.to_dict())
    else:
        print_result(result)


def _with_diary(answers: Answers, path: Path, show: bool) -> Answers:
    """Analyse the diary for this person and add the result to the answers."""
    from twitchcheck.answers import with_diet_analysis
    from twitchcheck.cli.diet import read_with_progress
    from twitchcheck.diet import analyze
    from twitchcheck.profile import Person

    person = Person(answers.age, answers.sex, answers.pregnant, answers.lactating)
    analysis = analyze(read_with_progress(path, None, None, show), person)
    return with_diet_analysis(answers, analysis.to_screening())


def read_answers(path: Path) -> Any:
    """The JSON in `path`, or an InputError naming what is wrong with the file."""
    from twitchcheck.errors import InputError

    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"answers file {str(path)!r} does not exist") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"answers file {str(path)!r} cannot be read as text ({error})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(
            f"answers file {str(path)!r} is not valid JSON (line {error.lineno}, "
            f"column {error.colno}: {error.msg}); see `twitchcheck screen --schema`"
        ) from None


def _print_vocabulary(as_json: bool) -> None:
    from twitchcheck.knowledge import load_knowledge

    kb = load_knowledge()
    names: dict[str, dict[str, Any]] = {
        "symptoms": {s.id: s.label for s in kb.symptoms.values()},
        "conditions": {c.id: c.label for c in kb.conditions.values()},
        "medicines": {n: list(m.classes) for n, m in sorted(kb.medicine_names.items())},
        "medicine_classes": {m.id: m.label for m in kb.medicine_classes.values()},
    }
    if as_json:
        emit_json(names)
        return
    out = console()
    for title in ("symptoms", "conditions", "medicine_classes"):
        out.print(f"[bold]{title.replace('_', ' ').capitalize()}[/bold] (id: label)")
        for key, label in names[title].items():
            out.print(f"  {key}: {label}")
    out.print("[bold]Medicine names[/bold] (generic or brand → class)")
    out.print("  " + ", ".join(names["medicines"]), soft_wrap=True)


def print_result(result: ScreenResult) -> None:
    """The result for a non-specialist: warnings first, then causes, tests and next steps."""
    from rich.table import Table

    out = console()
    style, headline = LEVEL_STYLE[result.level]
    out.print(f"[{style}]{headline}[/{style}]")
    for reason in result.reasons:
        marker = "!" if reason.level != "self-care" else "·"
        out.print(
            f" {marker} {reason.label}. {reason.advice} [dim][{', '.join(reason.sources)}][/dim]"
        )

    table = Table(title="What may be behind it, most likely first", show_lines=False, expand=False)
    for column in ("#", "possible cause", "how likely", "science behind it", "main reasons"):
        table.add_column(column, overflow="fold")
    for rank, c in enumerate(result.contributors[:8], 1):
        reasons = (
            "; ".join(f"{e.answer} ({e.points:+.1f})" for e in c.evidence[:3])
            or "common in healthy people"
        )
        table.add_row(
            str(rank), c.label, f"{c.confidence} ({c.score:.1f})", c.evidence_strength, reasons
        )
    out.print(table)

    if result.suggested_tests:
        out.print("[bold]Tests worth asking your clinician about[/bold]")
        for test in result.suggested_tests:
            out.print(f" • {test.name}: {test.why} [dim][{', '.join(test.sources)}][/dim]")
    out.print("[bold]What you can do[/bold]")
    for step in result.next_steps:
        out.print(f" • ({step.kind}) {step.text} [dim][{', '.join(step.sources)}][/dim]")
    out.print(f"[dim]{result.disclaimer} Sources: `twitchcheck kb sources`.[/dim]")


def register(app: typer.Typer) -> None:
    """Add the screen command to `app`."""
    app.command("screen")(screen_command)
