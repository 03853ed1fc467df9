"""The screening questions asked in the terminal; returns answers in the JSON shape.

Questions that cannot apply are skipped (pregnancy for men and children, twitch details when
there are no twitches or cramps, numbness and weakness details when those are not reported,
dairy and fish for vegans, the B12 question when a B12 supplement is already listed). Every
prompt shows its choices or its range before an answer can be refused; names are checked as
they are typed and asked again with suggestions when unknown. Everything echoed back is
escaped, so a typed "[/bold]" shows as typed. With `stderr=True` (screen --json) the questions
go to stderr, leaving stdout to the JSON result. A closed input or Ctrl-C raises click.Abort,
which `twitchcheck screen` turns into its documented message.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click
import typer
from pydantic import BaseModel

from twitchcheck.cli._common import console as _console
from twitchcheck.errors import InputError
from twitchcheck.screen.questions import (  # the core's lists: the web page asks the same
    COMMON_SYMPTOMS,
    NUMB_SYMPTOMS,
    TWITCH_SYMPTOMS,
    WARNING_SYMPTOMS,
    WEAK_SYMPTOMS,
)
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


def _prompt(text: str, **options: Any) -> Any:
    try:
        return typer.prompt(text, err=_Terminal.err, **options)
    except click.Abort:
        raise  # EOF or Ctrl-C, as Click reports them (click.Abort is a RuntimeError)
    except _NO_INPUT as error:
        raise click.Abort() from error


def _confirm(text: str, default: bool) -> bool:
    try:
        return typer.confirm(text, default=default, err=_Terminal.err)
    except click.Abort:
        raise  # EOF or Ctrl-C, as Click reports them (click.Abort is a RuntimeError)
    except _NO_INPUT as error:
        raise click.Abort() from error


def _refused(message: object) -> None:
    """Say why an answer was refused (escaped: what was typed is shown as typed)."""
    from rich.markup import escape

    console().print(f"[red]{escape(str(message))}[/red]")


def ask(stderr: bool = False) -> dict[str, Any]:
    """Ask every question that applies; return the answers as a JSON-ready dict.

    A person the screening does not apply to (a baby) is told so right after the age.
    """
    from twitchcheck.profile import REPRODUCTIVE_AGE_YEARS
    from twitchcheck.screen.answers import Answers, check_screening_age

    _Terminal.err = stderr
    out = console()
    out.print(
        "[bold]twitchcheck screening[/bold]: about 30 short questions. Press Enter to skip any "
        "you are unsure of. Nothing leaves this computer."
    )
    answers: dict[str, Any] = {}
    answers["age"] = _number("Age in years", Answers, "age", skip=False)
    check_screening_age(answers["age"])
    answers["sex"] = _choice("Sex (as your reference ranges use it)", ["female", "male"])
    low, high = REPRODUCTIVE_AGE_YEARS
    if answers["sex"] == "female" and low <= answers["age"] < high:
        answers["pregnant"] = _confirm("Are you pregnant?", default=False)
        if not answers["pregnant"]:
            answers["lactating"] = _confirm("Are you breastfeeding?", default=False)
    answers["symptoms"] = _symptoms()
    found = set(answers["symptoms"])
    if TWITCH_SYMPTOMS & found:
        answers["twitch"] = _twitch()
    if NUMB_SYMPTOMS & found:
        answers["numbness"] = _course("numbness or tingling")
    if WEAK_SYMPTOMS & found:
        answers["weakness"] = _course("weakness")
    answers["sun_exposure"] = _choice(
        "Time in daylight outdoors", ["low", "moderate", "high"], skip=True
    )
    answers["medications"] = _names(
        "Medicines you take, with doses if you like (e.g. furosemide 40mg; comma-separated)",
        "medicine",
    )
    answers["conditions"] = _names(
        "Long-term conditions or operations (e.g. kidney disease stage 3, thyroidectomy 2 weeks "
        "ago; comma-separated)",
        "condition",
    )
    answers["supplements"] = _supplements()
    answers["diet"] = _diet(answers["supplements"])
    answers["region"] = _region()
    answers["lifestyle"] = _lifestyle()
    recent = _multi(
        "In the last week, did you have any of these?", ["vomiting", "diarrhoea", "heavy_sweating"]
    )
    answers["recent"] = dict.fromkeys(recent, True)
    answers["labs"] = _labs()
    return {k: v for k, v in answers.items() if v not in (None, [], {})}


def _number(question: str, model: type[BaseModel], field: str, skip: bool = True) -> Any:
    """A number within the bounds the answers model sets, shown in the prompt."""
    low, high = _bounds(model, field)
    shown = f"{question} ({low:g} to {high:g}{', Enter to skip' if skip else ''})"
    while True:
        text = _prompt(shown, default="" if skip else None, show_default=False).strip()
        if not text and skip:
            return None
        try:
            value = float(text.replace(",", "."))
        except ValueError:
            _refused(f"{shorten(text, 40)!r} is not a number; give {low:g} to {high:g}")
            continue
        if low <= value <= high:
            return value
        _refused(f"{value:g} is outside {low:g} to {high:g}; try again")


def _bounds(model: type[BaseModel], field: str) -> tuple[float, float]:
    low, high = 0.0, 1e9
    for constraint in _constraints(model.model_fields[field].annotation):
        low = float(getattr(constraint, "ge", low))
        high = float(getattr(constraint, "le", high))
    for constraint in model.model_fields[field].metadata:
        low = float(getattr(constraint, "ge", low))
        high = float(getattr(constraint, "le", high))
    return low, high


def _constraints(annotation: Any) -> list[Any]:
    """The Ge/Le markers inside `Annotated[float, Field(...)] | None`."""
    found: list[Any] = []
    for arg in getattr(annotation, "__args__", ()):
        for meta in getattr(arg, "__metadata__", ()):
            found += list(getattr(meta, "metadata", ()))
    return found


def _choice(question: str, options: list[str], skip: bool = False) -> str | None:
    """One of `options`; the options are in the prompt, so they are seen before any refusal."""
    if not skip:
        choice = click.Choice(options, case_sensitive=False)
        answer: str = _prompt(question, type=choice, show_choices=True)
        return answer.strip().lower()
    shown = f"{question} [{'/'.join(options)}, Enter to skip]"
    while True:
        text = _prompt(shown, default="", show_default=False).strip().lower()
        if not text or text in options:
            return text or None
        _refused(f"choose one of {', '.join(options)}")


def _multi(question: str, options: list[str] | tuple[str, ...]) -> list[str]:
    out = console()
    out.print(question)
    for number, option in enumerate(options, 1):
        out.print(f"  {number:2}. {option.replace('_', ' ')}")
    while True:
        text = _prompt(
            "Numbers or names, comma-separated (Enter for none)", default="", show_default=False
        )
        chosen, bad = [], []
        for part in (p.strip() for p in text.split(",") if p.strip()):
            if part.isdigit() and 1 <= int(part) <= len(options):
                chosen.append(options[int(part) - 1])
            elif part.lower().replace(" ", "_") in options:
                chosen.append(part.lower().replace(" ", "_"))
            else:
                bad.append(part)
        if not bad:
            return chosen
        _refused(f"not in the list: {shorten(', '.join(bad))}; give the numbers or names shown")


def _known(ids: tuple[str, ...]) -> tuple[str, ...]:
    """The ids the knowledge base holds (the list follows symptoms.yaml as it grows)."""
    from twitchcheck.knowledge import load_knowledge

    symptoms = load_knowledge().symptoms
    return tuple(i for i in ids if i in symptoms)


def _symptoms() -> list[str]:
    found = _multi("Which of these do you notice?", _known(COMMON_SYMPTOMS))
    found += _multi(
        "Any of these warning signs? (answer honestly: they change the advice)",
        _known(WARNING_SYMPTOMS),
    )
    return found


def _twitch() -> dict[str, Any]:
    from twitchcheck.screen.answers import Twitch

    twitch: dict[str, Any] = {}
    twitch["where"] = _places("Where (e.g. eyelid, calf, thigh, both arms; comma-separated)")
    twitch["since_weeks"] = _number("For how many weeks", Twitch, "since_weeks")
    twitch["how_often"] = _choice("How often", ["rarely", "weekly", "daily", "constant"], skip=True)
    twitch["when"] = _choice("When mostly", ["night", "day", "after_exercise", "any"], skip=True)
    return {k: v for k, v in twitch.items() if v not in (None, [])}


def _course(what: str) -> dict[str, Any]:
    """Since when, where, spreading and which sides, for numbness or weakness."""
    from twitchcheck.screen.answers import Course

    course: dict[str, Any] = {
        "since_weeks": _number(f"How many weeks since the {what} began", Course, "since_weeks"),
        "where": _places(f"Where is the {what} (e.g. feet, hands, left arm; comma-separated)"),
        "spreading": _yes_no(f"Is the {what} spreading or getting worse?"),
        "sides": _choice("On one side of the body or both", ["one", "both"], skip=True),
    }
    return {k: v for k, v in course.items() if v not in (None, [])}


def _places(question: str) -> list[str]:
    where = _prompt(question + " (Enter to skip)", default="", show_default=False)
    return [w.strip().lower() for w in where.split(",") if w.strip()]


def _yes_no(question: str) -> bool | None:
    answer = _choice(question, ["y", "n"], skip=True)
    return None if answer is None else answer == "y"


def _diet(supplements: list[str]) -> dict[str, Any]:
    diet: dict[str, Any] = {}
    diet["pattern"] = _choice("Diet", ["omnivore", "pescatarian", "vegetarian", "vegan"], skip=True)
    if diet["pattern"] != "vegan":
        diet["dairy"] = _confirm("Do you have milk, yogurt or cheese most days?", default=True)
        if diet["pattern"] != "vegetarian":
            diet["fish"] = _confirm(
                "Do you eat oily fish (salmon, sardines...) most weeks?", default=False
            )
    diet["fortified_foods"] = _confirm(
        "Do you have fortified foods (fortified plant milk, cereal) or a multivitamin most days?",
        default=False,
    )
    if _lists_b12(supplements):
        diet["b12_supplement"] = True
    else:
        diet["b12_supplement"] = _confirm(
            "Do you take a B12 supplement (tablets, spray or injections), apart from fortified "
            "foods?",
            default=False,
        )
    return {k: v for k, v in diet.items() if v is not None}


def _lists_b12(supplements: list[str]) -> bool:
    from twitchcheck.knowledge.supplements import parse_supplements

    return any(s.id == "vitamin_b12" for s in parse_supplements(supplements))


def _lifestyle() -> dict[str, Any]:
    from twitchcheck.screen.answers import Lifestyle

    def n(question: str, field: str) -> Any:
        return _number(question, Lifestyle, field)

    life: dict[str, Any] = {
        "coffee_cups_per_day": n("Cups of coffee a day", "coffee_cups_per_day"),
        "tea_cups_per_day": n("Cups of tea a day (not herbal)", "tea_cups_per_day"),
        "cola_cans_per_day": n("Cans of cola a day", "cola_cans_per_day"),
        "energy_drinks_per_day": n("Energy drinks a day (cans)", "energy_drinks_per_day"),
        "alcohol_drinks_per_week": n("Alcoholic drinks a week", "alcohol_drinks_per_week"),
        "nicotine": _confirm("Do you smoke, vape or use nicotine?", default=False),
        "nitrous_oxide": _confirm(
            'Do you use nitrous oxide ("laughing gas", balloons, "nos")?', default=False
        ),
        "exercise": _choice("Exercise", ["none", "moderate", "intense"], skip=True),
        "fluids_l_per_day": n("Litres of fluid a day (about)", "fluids_l_per_day"),
        "stress": _choice("Stress lately", ["low", "moderate", "high"], skip=True),
        "sleep_hours": n("Hours of sleep a night", "sleep_hours"),
    }
    return {k: v for k, v in life.items() if v is not None}


def _names(question: str, kind: str) -> list[str]:
    from twitchcheck.screen.answers import known_ids, medicine_class_ids

    while True:
        text = _prompt(question + " (Enter for none)", default="", show_default=False)
        names = tuple(n.strip() for n in text.split(",") if n.strip())
        try:
            if kind == "medicine":
                medicine_class_ids(names)
            else:
                known_ids(names, kind, "conditions")
        except InputError as error:
            _refused(error)
            continue
        return list(names)


def _supplements() -> list[str]:
    from twitchcheck.knowledge.supplements import parse_supplement

    out = console()
    out.print(
        "Supplements, one per line, with the dose if you know it, e.g. 'magnesium citrate 400 mg "
        "daily', 'vitamin D 1000 IU', 'salt substitute' (Enter to finish)"
    )
    return _lines("supplement", parse_supplement)


def _region() -> str | None:
    from twitchcheck.knowledge import load_knowledge
    from twitchcheck.knowledge.regions import region_for

    regions = load_knowledge().regions
    shown = ", ".join(f"{r.id} ({r.label})" for r in regions.values())
    question = f"Where you live, for the right emergency numbers [{shown}; Enter to skip]"
    while True:
        text = _prompt(question, default="", show_default=False).strip()
        if not text:
            return None
        region = region_for(text)
        if region is not None:
            return region.id
        _refused(f"not a region twitchcheck knows; choose one of: {shown}")


def _labs() -> list[str]:
    from twitchcheck.labs import parse_lab

    console().print(
        "Recent blood tests, one per line, e.g. 'magnesium 0.7 mmol/L' (Enter to finish)"
    )
    return _lines("lab", parse_lab)


def _lines(prompt: str, check: Callable[[str], object]) -> list[str]:
    """Lines until an empty one, each checked (and asked again when refused)."""
    from twitchcheck.limits import limit

    most = int(limit(f"input.{prompt}s"))  # input.supplements, input.labs
    lines: list[str] = []
    while len(lines) < most:
        text = _prompt(prompt, default="", show_default=False).strip()
        if not text:
            return lines
        try:
            check(text)
        except InputError as error:
            _refused(error)
            continue
        lines.append(text)
    console().print(f"that is {most}, the most twitchcheck reads; going on")
    return lines
