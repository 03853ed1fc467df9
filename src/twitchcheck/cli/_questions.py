"""The screening questions asked in the terminal; returns answers in the JSON shape.

Questions that cannot apply are skipped (pregnancy for men and children, twitch
details when there are no twitches or cramps, dairy and fish for vegans). Names
are checked as they are typed and asked again with suggestions when unknown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click
import typer

from twitchcheck.cli._common import console
from twitchcheck.errors import InputError

T = TypeVar("T")

COMMON_SYMPTOMS = (
    "twitching", "cramps", "spasms", "night_time", "eyelid_twitching", "calf_cramps",
    "numbness_tingling", "weakness", "fatigue", "headache_migraine", "anxiety", "low_mood",
    "bone_pain", "fractures", "palpitations", "tremor",
)  # fmt: skip
WARNING_SYMPTOMS = (
    "difficulty_breathing", "seizures", "fainting", "confusion", "difficulty_swallowing",
    "difficulty_speaking", "one_sided_weakness", "sudden_weakness", "progressive_weakness",
    "muscle_wasting", "spreading_numbness", "tetany_carpopedal_spasm", "dark_urine",
    "severe_muscle_pain", "prolonged_cramp",
)  # fmt: skip


def ask() -> dict[str, Any]:
    """Ask every question that applies; return the answers as a JSON-ready dict."""
    out = console()
    out.print(
        "[bold]twitchcheck screening[/bold]: about 20 short questions. Press Enter to skip any "
        "you are unsure of. Nothing leaves this computer."
    )
    answers: dict[str, Any] = {}
    answers["age"] = _ask("Age in years", float)
    answers["sex"] = _choice("Sex (as your reference ranges use it)", ["female", "male"])
    if answers["sex"] == "female" and 14 <= answers["age"] <= 50:
        answers["pregnant"] = typer.confirm("Are you pregnant?", default=False)
        if not answers["pregnant"]:
            answers["lactating"] = typer.confirm("Are you breastfeeding?", default=False)
    answers["symptoms"] = _symptoms()
    if {"twitching", "cramps", "spasms", "eyelid_twitching", "calf_cramps"} & set(
        answers["symptoms"]
    ):
        answers["twitch"] = _twitch()
    answers["diet"] = _diet()
    answers["sun_exposure"] = _choice(
        "Time in daylight outdoors", ["low", "moderate", "high"], skip=True
    )
    answers["medications"] = _names(
        "Medicines you take (generic or brand names, comma-separated)", "medicine"
    )
    answers["conditions"] = _names(
        "Long-term conditions (e.g. kidney disease, coeliac disease)", "condition"
    )
    answers["lifestyle"] = _lifestyle()
    recent = _multi(
        "In the last week, did you have any of these?", ["vomiting", "diarrhoea", "heavy_sweating"]
    )
    answers["recent"] = dict.fromkeys(recent, True)
    answers["labs"] = _labs()
    return {k: v for k, v in answers.items() if v not in (None, [], {})}


def _ask(question: str, kind: Callable[[str], T], skip: bool = False) -> T | None:
    while True:
        text = typer.prompt(question, default="" if skip else None, show_default=False).strip()
        if not text and skip:
            return None
        try:
            return kind(text)
        except ValueError:
            console().print(f"[red]{text!r} is not a {kind.__name__}; try again.[/red]")


def _choice(question: str, options: list[str], skip: bool = False) -> str | None:
    choice = click.Choice(options, case_sensitive=False)
    default = "" if skip else None
    answer: str = typer.prompt(
        question, type=choice if not skip else str, default=default, show_choices=True
    )
    answer = answer.strip().lower()
    if skip and answer and answer not in options:
        console().print(f"[red]choose one of {', '.join(options)}[/red]")
        return _choice(question, options, skip)
    return answer or None


def _multi(question: str, options: list[str] | tuple[str, ...]) -> list[str]:
    out = console()
    out.print(question)
    for number, option in enumerate(options, 1):
        out.print(f"  {number:2}. {option.replace('_', ' ')}")
    while True:
        text = typer.prompt(
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
        out.print(f"[red]not in the list: {', '.join(bad)}[/red]")


def _symptoms() -> list[str]:
    found = _multi("Which of these do you notice?", COMMON_SYMPTOMS)
    found += _multi(
        "Any of these warning signs? (answer honestly: they change the advice)", WARNING_SYMPTOMS
    )
    return found


def _twitch() -> dict[str, Any]:
    twitch: dict[str, Any] = {}
    where = typer.prompt(
        "Where (e.g. eyelid, calf, thigh, hand, widespread; comma-separated)", default=""
    )
    twitch["where"] = [w.strip().lower() for w in where.split(",") if w.strip()]
    twitch["since_weeks"] = _ask("For how many weeks", float, skip=True)
    twitch["how_often"] = _choice("How often", ["rarely", "weekly", "daily", "constant"], skip=True)
    twitch["when"] = _choice("When mostly", ["night", "day", "after_exercise", "any"], skip=True)
    return {k: v for k, v in twitch.items() if v not in (None, [])}


def _diet() -> dict[str, Any]:
    diet: dict[str, Any] = {}
    diet["pattern"] = _choice("Diet", ["omnivore", "pescatarian", "vegetarian", "vegan"], skip=True)
    if diet["pattern"] != "vegan":
        diet["dairy"] = typer.confirm("Do you have milk, yogurt or cheese most days?", default=True)
        if diet["pattern"] != "vegetarian":
            diet["fish"] = typer.confirm(
                "Do you eat oily fish (salmon, sardines...) most weeks?", default=False
            )
    diet["fortified_foods"] = typer.confirm(
        "Do you have fortified foods (fortified plant milk, cereal) or a multivitamin most days?",
        default=False,
    )
    return {k: v for k, v in diet.items() if v is not None}


def _lifestyle() -> dict[str, Any]:
    life: dict[str, Any] = {
        "coffee_cups_per_day": _ask("Cups of coffee a day (Enter to skip)", float, skip=True),
        "alcohol_drinks_per_week": _ask("Alcoholic drinks a week", float, skip=True),
        "nicotine": typer.confirm("Do you smoke, vape or use nicotine?", default=False),
        "exercise": _choice("Exercise", ["none", "moderate", "intense"], skip=True),
        "fluids_l_per_day": _ask("Litres of fluid a day (about)", float, skip=True),
        "stress": _choice("Stress lately", ["low", "moderate", "high"], skip=True),
        "sleep_hours": _ask("Hours of sleep a night", float, skip=True),
    }
    return {k: v for k, v in life.items() if v is not None}


def _names(question: str, kind: str) -> list[str]:
    from twitchcheck.answers import known_ids, medicine_class_ids

    while True:
        text = typer.prompt(question + " (Enter for none)", default="", show_default=False)
        names = tuple(n.strip() for n in text.split(",") if n.strip())
        try:
            if kind == "medicine":
                medicine_class_ids(names)
            else:
                known_ids(names, kind, "conditions")
        except InputError as error:
            console().print(f"[red]{error}[/red]")
            continue
        return list(names)


def _labs() -> list[str]:
    from twitchcheck.labs import parse_lab

    out = console()
    out.print("Recent blood tests, one per line, e.g. 'magnesium 0.7 mmol/L' (Enter to finish)")
    labs: list[str] = []
    while True:
        text = typer.prompt("lab", default="", show_default=False).strip()
        if not text:
            return labs
        try:
            parse_lab(text)
        except InputError as error:
            out.print(f"[red]{error}[/red]")
            continue
        labs.append(text)
