"""`twitchcheck plan`: foods that close the gaps, an optimised plan, and safety notes."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from twitchcheck.cli._common import JsonOption, console, emit_json, guarded

if TYPE_CHECKING:
    from twitchcheck.advice import Advice, Note


@guarded
def plan_command(
    age: Annotated[str, typer.Option("--age", help="Age in years, or months for infants (8m).")],
    sex: Annotated[str, typer.Option("--sex", help="female or male.")],
    diary: Annotated[
        Path | None, typer.Option("--diary", help="A food diary: gaps and current intake from it.")
    ] = None,
    gaps: Annotated[
        list[str] | None,
        typer.Option(
            "--gaps", help="Nutrients to raise (magnesium, calcium, vitamin D, potassium, B12)."
        ),
    ] = None,
    pregnant: Annotated[bool, typer.Option("--pregnant", help="Use pregnancy values.")] = False,
    lactating: Annotated[bool, typer.Option("--lactating", help="Use lactation values.")] = False,
    pattern: Annotated[
        str, typer.Option("--pattern", help="omnivore, pescatarian, vegetarian or vegan.")
    ] = "omnivore",
    dairy_free: Annotated[bool, typer.Option("--dairy-free", help="No milk products.")] = False,
    allergy: Annotated[
        list[str] | None,
        typer.Option(
            "--allergy", help="tree nuts, peanuts, fish, shellfish, gluten, soy, egg, milk, sesame."
        ),
    ] = None,
    dislike: Annotated[
        list[str] | None, typer.Option("--dislike", help="A food to leave out.")
    ] = None,
    prefer: Annotated[
        list[str] | None, typer.Option("--prefer", help="A food to use first.")
    ] = None,
    medication: Annotated[
        list[str] | None,
        typer.Option("--medication", help="A medicine you take (for safety notes)."),
    ] = None,
    condition: Annotated[
        list[str] | None,
        typer.Option("--condition", help="A condition you have (for safety notes)."),
    ] = None,
    energy_budget: Annotated[
        float | None,
        typer.Option("--energy-budget", min=0, help="Most added kcal a day (default 500)."),
    ] = None,
    max_foods: Annotated[
        int | None, typer.Option("--max-foods", min=1, max=10, help="Most foods in the plan.")
    ] = None,
    json_output: JsonOption = False,
) -> None:
    """Foods rich in what you lack, and a plan of a few foods that stays under every upper limit."""
    from dataclasses import replace

    from twitchcheck.advice import advise, gaps_from_analysis, gaps_from_names
    from twitchcheck.candidates import Filters
    from twitchcheck.errors import InputError
    from twitchcheck.plan import Settings
    from twitchcheck.profile import Person

    person = Person.parse(age, sex, pregnant=pregnant, lactating=lactating)
    filters = Filters.parse(pattern, dairy_free, allergy or (), dislike or (), prefer or ())
    if diary is not None and gaps:
        raise InputError("give either --diary or --gaps, not both")
    settings = Settings.defaults()
    if energy_budget is not None:
        settings = replace(settings, energy_budget=energy_budget)
    if max_foods is not None:
        settings = replace(settings, max_foods=max_foods)
    existing: list[str] = []
    before = None
    if diary is not None:
        from twitchcheck.cli.diet import read_with_progress
        from twitchcheck.diet import analyze

        record = read_with_progress(diary, None, None, show=not json_output)
        analysis = analyze(record, person)
        found = gaps_from_analysis(analysis)
        existing = [e.item.food.id for e in record.entries if e.item]
        before = analysis.usual
    else:
        found = gaps_from_names(_split(gaps or ()), person)
    advice = advise(
        person, filters, found, existing=existing, before=before,
        medications=_split(medication or ()), conditions=_split(condition or ()), settings=settings,
    )  # fmt: skip
    if json_output:
        emit_json(advice.to_dict())
    else:
        print_advice(advice)


def _split(values: list[str] | tuple[str, ...]) -> list[str]:
    """Accept both repeated options and comma-separated lists."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def print_advice(advice: Advice) -> None:
    """Gaps, the plan with before/after, suggestions, then notes and cautions."""
    from rich.table import Table

    from twitchcheck.nutrient_keys import BY_KEY

    out = console()
    if not advice.gaps:
        out.print("[green]No gaps to close[/green]: every nutrient already reaches its target.")
    for gap in advice.gaps:
        n = BY_KEY[gap.key]
        out.print(
            f"[bold]{n.label}[/bold]: {gap.before:.4g} of {gap.goal:g} {n.unit} "
            f"(short by {gap.short_by:.3g}; current intake from {gap.basis})"
        )
    plan = advice.plan
    if plan.feasible and plan.items:
        table = Table(title="Plan: add these each day")
        for column in ("food", "amount", "grams", "note"):
            table.add_column(column, overflow="fold")
        for item in plan.items:
            remark = "you eat or prefer it" if item.existing else "new"
            table.add_row(
                item.food.name,
                f"{item.servings:g} × {item.food.serving.label}",
                f"{item.grams:.0f}",
                remark,
            )
        out.print(table)
        _print_before_after(advice)
        if not plan.optimal:
            out.print("[dim]Solver time limit reached: a valid plan, maybe not the simplest.[/dim]")
    elif not plan.feasible:
        blocked = f"blocked by {plan.blocked_by}; {plan.relax}"
        out.print(f"[yellow]No plan meets every limit[/yellow]: {blocked}.")
    for key, suggestions in advice.by_serving.items():
        out.print(
            f"[bold]Richest foods in {BY_KEY[key].label.lower()}[/bold] (per typical serving)"
        )
        for s in suggestions[:6]:
            out.print(f"  • {s.text}")
    sections: tuple[tuple[str, tuple[Note, ...]], ...] = (
        ("Absorption", advice.absorption),
        ("Supplements", advice.supplements),
        ("Safety", advice.cautions),
    )
    for title, notes in sections:
        if notes:
            out.print(f"[bold]{title}[/bold]")
            for note in notes:
                out.print(f"  • {note.topic}: {note.text} [dim][{', '.join(note.sources)}][/dim]")
    out.print(
        "[dim]Food first: no supplement dose is suggested; ask a clinician. docs/advice.md[/dim]"
    )


def _print_before_after(advice: Advice) -> None:
    from rich.table import Table

    from twitchcheck.nutrient_keys import BY_KEY, FOCUS_KEYS

    plan = advice.plan
    table = Table(title="Before and after")
    for column in ("nutrient", "before", "after", "goal", "upper limit"):
        table.add_column(column, justify="right")
    for key in (*FOCUS_KEYS, "energy_kcal"):
        n = BY_KEY[key]
        goal = plan.goals.get(key)
        limit = plan.limits.get(key)
        table.add_row(
            f"{n.label} ({n.unit})",
            f"{plan.before.get(key, 0):.4g}",
            f"{plan.after.get(key, 0):.4g}",
            f"{goal:g}" if goal else "",
            f"{limit:g}" if limit else "",
        )
    console().print(table)


def register(app: typer.Typer) -> None:
    """Add the plan command to `app`."""
    app.command("plan")(plan_command)
