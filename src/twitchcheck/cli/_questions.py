"""The screening's questions in the terminal: a renderer of the core's steps.

The questions themselves (texts, kinds, choices, bounds, hints, what is skipped) are
screen/questions.py's, the same the web page asks: this module walks `steps()`, asks each
question that applies as its kind says (number, choice, yes_no, multi, names, lines, places),
merges the answer with `merge` and returns `to_answers` of what was collected. A refused
answer is asked again with a message naming what is accepted. Everything echoed back is
escaped, so a typed "[/bold]" shows as typed. With `stderr=True` (screen --json) the questions
go to stderr, leaving stdout to the JSON result. A closed input or Ctrl-C raises click.Abort,
which `twitchcheck screen` turns into its documented message.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import click
import typer

from twitchcheck.cli._common import console as _console
from twitchcheck.errors import InputError
from twitchcheck.screen.questions import Question, merge, steps
from twitchcheck.text import shorten

T = TypeVar("T")


class _Terminal:
    """Where the questions go: stdout, or stderr when stdout carries JSON."""

    err = False


def console() -> Any:
    """The console the questions print on."""
    return _console(stderr=_Terminal.err)


# What reading a closed or unreadable stdin raises ("lost sys.stdin", "I/O operation on closed
# file"); Click itself turns only EOF and Ctrl-C into click.Abort.
_NO_INPUT = (RuntimeError, OSError, ValueError)


def _prompt(text: str) -> str:
    """One typed line (empty when Enter alone); the prompt is shown as given, unescaped."""
    try:
        answer: str = typer.prompt(text, default="", show_default=False, err=_Terminal.err)
    except click.Abort:
        raise  # EOF or Ctrl-C, as Click reports them (click.Abort is a RuntimeError)
    except _NO_INPUT as error:
        raise click.Abort() from error
    return answer.strip()


def _refused(message: object) -> None:
    """Say why an answer was refused (escaped: what was typed is shown as typed)."""
    from rich.markup import escape

    console().print(f"[red]{escape(str(message))}[/red]")


def ask(stderr: bool = False) -> dict[str, Any]:
    """Ask every question of the core's steps that applies; return the answers JSON.

    A person the screening does not apply to (a baby) is told so right after the age.
    """
    from rich.markup import escape

    from twitchcheck.screen.answers import check_screening_age
    from twitchcheck.screen.questions import to_answers

    _Terminal.err = stderr
    out = console()
    out.print(
        "[bold]twitchcheck screening[/bold]: about 30 short questions. Press Enter to skip any "
        "you are unsure of. Nothing leaves this computer."
    )
    collected: dict[str, Any] = {}
    for step in steps():
        asked = step.asked(collected)  # decided before the step, as the web page decides it
        if not asked:
            continue
        out.print(f"[bold]{escape(step.title)}[/bold]")
        for question in asked:
            collected = merge(collected, question.path, answer(question))
            if question.path == ("age",):
                check_screening_age(float(collected["age"]))
    return to_answers(collected)


def answer(question: Question) -> Any:
    """One question asked as its kind says, until the answer is accepted."""
    return _ASKERS[question.kind](question)


def _until_accepted(shown: str, read: Callable[[str], T]) -> T:
    """Ask `shown` until `read` takes the typed text; each refusal says what is accepted."""
    while True:
        text = _prompt(shown)
        try:
            return read(text)
        except ValueError as error:
            _refused(error)


def _skip(question: Question, what: str = "to skip") -> str:
    return f", Enter {what}" if question.optional else ""


def _number(question: Question) -> float | None:
    low, high = question.low, question.high
    assert low is not None
    assert high is not None

    def read(text: str) -> float | None:
        if not text:
            if question.optional:
                return None
            raise ValueError(f"give a number from {low:g} to {high:g}")
        try:
            value = float(text.replace(",", "."))
        except ValueError:
            message = f"{shorten(text, 40)!r} is not a number; give {low:g} to {high:g}"
            raise ValueError(message) from None
        if not low <= value <= high:
            raise ValueError(f"{value:g} is outside {low:g} to {high:g}; try again")
        return value

    return _until_accepted(f"{question.text} ({low:g} to {high:g}{_skip(question)})", read)


def _option_words(question: Question) -> dict[str, str]:
    """Each option's words as shown (a region's name, a symptom's label), by option."""
    from twitchcheck.screen.questions import region_options, symptom_label

    if question.path == ("region",):
        names = dict(region_options())
        return {o: f"{o} ({names[o]})" if o in names else o for o in question.options}
    if question.path[0] in ("symptoms", "warning_signs"):
        return {o: symptom_label(o) for o in question.options}
    return {o: o.replace("_", " ") for o in question.options}


def _matching(question: Question, text: str) -> str | None:
    """The option `text` names: its id, its words or its label, in any case (a region also
    by any of its names, "GB" for uk)."""
    from twitchcheck.knowledge.regions import region_for

    if question.path == ("region",):
        region = region_for(text)
        return region.id if region is not None and region.id in question.options else None
    key = " ".join(text.lower().replace("_", " ").split())
    for option, words in _option_words(question).items():
        if key in (option.replace("_", " "), words.lower()):
            return option
    return None


def _choice(question: Question) -> str | None:
    shown = "/".join(_option_words(question).values())

    def read(text: str) -> str | None:
        if not text and question.optional:
            return None
        found = _matching(question, text)
        if found is None:
            raise ValueError(f"choose one of: {shown}")
        return found

    return _until_accepted(f"{question.text} [{shown}{_skip(question)}]", read)


_YES = {"y": True, "yes": True, "n": False, "no": False}


def _yes_no(question: Question) -> bool | None:
    if question.default is None:
        hint = "y/n, Enter to skip"
    else:
        hint = "Y/n" if question.default else "y/N"

    def read(text: str) -> bool | None:
        if not text:
            return question.default
        if text.lower() not in _YES:
            raise ValueError("answer y (yes) or n (no)")
        return _YES[text.lower()]

    return _until_accepted(f"{question.text} [{hint}]", read)


def _multi(question: Question) -> list[str]:
    from rich.markup import escape

    out = console()
    out.print(escape(question.text), soft_wrap=True)  # one line: the terminal wraps it
    words = _option_words(question)
    for number, option in enumerate(question.options, 1):
        out.print(f"  {number:2}. {escape(words[option])}", soft_wrap=True)

    def read(text: str) -> list[str]:
        chosen, bad = [], []
        for part in (p.strip() for p in text.split(",") if p.strip()):
            if part.isdigit() and 1 <= int(part) <= len(question.options):
                chosen.append(question.options[int(part) - 1])
            elif (found := _matching(question, part)) is not None:
                chosen.append(found)
            else:
                bad.append(part)
        if bad:
            raise ValueError(
                f"not in the list: {shorten(', '.join(bad))}; give the numbers or names shown"
            )
        return list(dict.fromkeys(chosen))

    return _until_accepted("Numbers or names, comma-separated (Enter for none)", read)


def _hinted(question: Question, what: str) -> str:
    return f"{question.text} ({question.hint}{_skip(question, what)})"


def _places(question: Question) -> list[str]:
    text = _prompt(_hinted(question, "to skip"))
    return [place.strip().lower() for place in text.split(",") if place.strip()]


def _names(question: Question) -> list[str]:
    from twitchcheck.screen.questions import check_names

    def read(text: str) -> list[str]:
        names = tuple(name.strip() for name in text.split(",") if name.strip())
        try:
            check_names(question, names)
        except InputError as error:
            raise ValueError(str(error)) from None
        return list(names)

    return _until_accepted(_hinted(question, "for none"), read)


def _lines(question: Question) -> list[str]:
    """Lines until an empty one, each checked (and asked again when refused)."""
    from rich.markup import escape

    from twitchcheck.screen.questions import check_line

    most = question.most or 1
    shown = f"{question.text} ({question.hint}; Enter on an empty line to finish)"
    console().print(escape(shown), soft_wrap=True)
    lines: list[str] = []
    while len(lines) < most:
        text = _prompt(question.path[-1].rstrip("s"))  # "supplement", "lab"
        if not text:
            return lines
        try:
            check_line(question, text)
        except InputError as error:
            _refused(error)
            continue
        lines.append(text)
    console().print(f"that is {most}, the most twitchcheck reads; going on")
    return lines


_ASKERS: Mapping[str, Callable[[Question], Any]] = {
    "number": _number,
    "choice": _choice,
    "yes_no": _yes_no,
    "multi": _multi,
    "names": _names,
    "lines": _lines,
    "places": _places,
}
