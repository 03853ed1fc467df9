"""`twitchcheck screen`: answers in (file or questions), triage and ranked contributors out."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import click
import typer

from twitchcheck.cli._common import JsonOption, check_writable, console, emit_json, guarded

if TYPE_CHECKING:
    from twitchcheck.screen import ScreenResult
    from twitchcheck.screen.answers import Answers

# Colour only repeats what the words of the header (screening.yaml frames) already say.
LEVEL_STYLE = {
    "self-care": ("green",),
    "see-doctor": ("yellow",),
    "urgent": ("bold red",),
    "emergency": ("bold white on red",),
}


@guarded
def screen_command(
    answers_file: Annotated[
        Path | None,
        typer.Option("--answers", help="Answers as JSON (see --schema)."),
    ] = None,
    save: Annotated[
        Path | None,
        typer.Option(
            "--save",
            help="Save the answers given interactively to this file (checked first, written "
            "whole or not at all).",
        ),
    ] = None,
    diary: Annotated[
        Path | None,
        typer.Option("--diary", help="A food diary to analyse and weigh as evidence."),
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

    Without --answers it asks the questions in the terminal (with --json the questions go to
    stderr). A closed input ends it with exit 1, Ctrl-C with exit 130; nothing is saved then.
    """
    if schema:
        from twitchcheck.screen.answers import Answers

        emit_json(Answers.model_json_schema())
        return
    if vocabulary:
        _print_vocabulary(json_output)
        return
    if answers_file is not None and save is not None:
        raise click.UsageError(
            "--save keeps the answers given to the questions; with --answers they are already "
            "in a file"
        )
    from twitchcheck.workflows import screen_person

    answers = _answers(answers_file, save, json_output)
    record = None
    if diary is not None:
        from twitchcheck.cli.diet import read_with_progress

        record = read_with_progress(diary, None, None, not json_output, region=answers.region)
    result = screen_person(answers, record)
    if json_output:
        emit_json(result.to_dict())
    else:
        print_result(result)


def _answers(answers_file: Path | None, save: Path | None, json_output: bool) -> Answers:
    """The answers from the file, or asked in the terminal (and saved when asked to)."""
    from twitchcheck.screen.answers import parse_answers

    if answers_file is not None:
        return parse_answers(read_answers(answers_file))
    if save is not None:
        check_writable(save, "answers")  # before the questions, not after
    raw = _asked(stderr=json_output)
    if save is None:
        return parse_answers(raw)
    answers = save_answers(raw, save)
    typer.echo(f"Answers saved to {save}; next time: twitchcheck screen --answers {save}", err=True)
    return answers


def _asked(stderr: bool) -> dict[str, Any]:
    """The questions' answers; a closed input or Ctrl-C ends with the documented message."""
    from twitchcheck.cli._questions import ask
    from twitchcheck.errors import InputError

    try:
        return ask(stderr=stderr)
    except click.Abort as error:
        typer.echo("", err=True)  # end the prompt's line, so the message starts a line of its own
        if isinstance(error.__context__, KeyboardInterrupt):
            raise KeyboardInterrupt from None  # `guarded` reports it and exits 130
        raise InputError(
            "the input ended before every question was answered; nothing was saved. Run "
            "`twitchcheck screen` in a terminal, or give the answers as a file with --answers "
            "(see --schema)"
        ) from None


def save_answers(raw: dict[str, Any], path: Path) -> Answers:
    """Write `raw` to `path` as the file `--answers` reads, only if `--answers` would accept it.

    The exact text written is read back and validated first: a refusal writes nothing. The
    write is atomic (a temporary file in the same folder, fsync, rename), so an existing
    file is either replaced whole or left as it was.
    """
    from twitchcheck.cli._common import load_json, write_atomically
    from twitchcheck.screen.answers import parse_answers

    text = json.dumps(raw, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
    answers = parse_answers(load_json(text, "the answers to save"))
    write_atomically(path, text, "answers")
    return answers


def read_answers(path: Path) -> Any:
    """The JSON in `path`, or an InputError naming what is wrong with the file.

    Read in bounded chunks (input.file_bytes) and parsed with bounded nesting
    (input.json_depth), no NaN or Infinity.
    """
    from twitchcheck.cli._common import load_json, read_input_file
    from twitchcheck.errors import InputError
    from twitchcheck.text import shorten

    text = read_input_file(path, "answers file")
    try:
        return load_json(text, f"answers file {shorten(str(path))!r}")
    except InputError as error:
        raise InputError(f"{error}; see `twitchcheck screen --schema`") from None


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
    from rich.markup import escape

    out = console()
    for title in ("symptoms", "conditions", "medicine_classes"):
        out.print(f"[bold]{title.replace('_', ' ').capitalize()}[/bold] (id: label)")
        for key, label in names[title].items():
            out.print(f"  {escape(key)}: {escape(label)}")
    out.print("[bold]Medicine names[/bold] (generic or brand → class)")
    out.print("  " + escape(", ".join(names["medicines"])), soft_wrap=True)


# How strongly the answers point at a cause, in words: never a score, never a level.
POINTS_TO = {"high": "strongly", "moderate": "moderately", "low": "a little"}
NOT_A_LEVEL = (
    "This ranks possible causes from your answers; it does not measure anything. Only a blood "
    "test shows whether a level is actually low or high."
)


def print_result(result: ScreenResult) -> None:
    """The result for a non-specialist: warnings first, then causes, tests and next steps."""
    from rich.markup import escape
    from rich.table import Table

    out = console()
    style = LEVEL_STYLE[result.level][0]
    out.print(f"[{style}]{escape(result.header)}[/{style}]")
    out.print(f" {escape(result.action)}")
    for reason in result.reasons:
        marker = "!" if reason.level != "self-care" else "·"
        cited = escape(f"[{', '.join(reason.sources)}]")
        out.print(f" {marker} {escape(reason.label)}. {escape(reason.advice)} [dim]{cited}[/dim]")

    table = Table(title="What may be behind it, most likely first", show_lines=False, expand=False)
    for column in ("#", "possible cause", "your answers point to it", "science behind it", "why"):
        table.add_column(column, overflow="fold")
    shown = [c for c in result.contributors if c.score > 0][:8]
    for rank, c in enumerate(shown, 1):
        why = "; ".join([e.answer for e in c.evidence if e.points > 0][:3])
        if c.kind == "rule_out":
            why = f"{why}. A doctor will check: {c.checks}" + (
                f" {c.reassurance}" if c.reassurance else ""
            )
        table.add_row(
            str(rank),
            escape(c.label),
            POINTS_TO[c.confidence],
            c.evidence_strength,
            escape(why or "common in healthy people"),
        )
    out.print(table)
    out.print(f"[dim]{NOT_A_LEVEL}[/dim]")

    if result.suggested_tests:
        out.print("[bold]Tests worth asking your clinician about[/bold]")
        for test in result.suggested_tests:
            cited = escape(f"[{', '.join(test.sources)}]")
            out.print(f" • {escape(test.name)}: {escape(test.why)} [dim]{cited}[/dim]")
    out.print("[bold]What you can do[/bold]")
    for step in result.next_steps:
        cited = escape(f"[{', '.join(step.sources)}]")
        out.print(f" • ({STEP_WORDS[step.kind]}) {escape(step.text)} [dim]{cited}[/dim]")
    out.print(f"[dim]{escape(result.disclaimer)} Sources: `twitchcheck kb sources`.[/dim]")


STEP_WORDS = {
    "doctor": "doctor",
    "relief": "during a cramp",
    "food": "food",
    "habit": "habit",
    "caution": "caution",
}


def register(app: typer.Typer) -> None:
    """Add the screen command to `app`."""
    app.command("screen")(screen_command)
