"""`twitchcheck plan`: foods that close the gaps, an optimised plan, and safety notes."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from twitchcheck.cli._common import JsonOption, console, emit_json, guarded
from twitchcheck.cli.diet import RegionOption, SupplementOption

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
        typer.Option("--medication", help="A medicine you take (for the safety rules)."),
    ] = None,
    condition: Annotated[
        list[str] | None,
        typer.Option("--condition", help="A condition you have (for the safety rules)."),
    ] = None,
    supplement: SupplementOption = None,
    lab: Annotated[
        list[str] | None,
        typer.Option(
            "--lab", help="A lab result as 'ANALYTE VALUE UNIT' ('potassium 3.1 mmol/L'); repeat."
        ),
    ] = None,
    region: RegionOption = None,
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
    from twitchcheck.answers import Answers, resolve_names
    from twitchcheck.candidates import Filters
    from twitchcheck.errors import InputError
    from twitchcheck.labs import interpret_labs
    from twitchcheck.plan import Settings
    from twitchcheck.profile import Person

    person = Person.parse(age, sex, pregnant=pregnant, lactating=lactating)
    filters = Filters.parse(pattern, dairy_free, allergy or (), dislike or (), prefer or ())
    if diary is not None and gaps:
        raise InputError("give either --diary or --gaps, not both")
    medications, conditions = _split(medication or ()), _split(condition or ())
    # The answers' own reading: doses in medicine names, supplements typed as medicines, regions.
    answers = resolve_names(
        Answers(
            age=person.age_years, sex=person.sex, pregnant=pregnant, lactating=lactating,
            medications=tuple(medications), conditions=tuple(conditions),
            supplements=tuple(s for s in supplement or () if s.strip()), region=region,
        )
    )  # fmt: skip
    supplements = answers.supplement_list
    labs = interpret_labs([text for text in lab or () if text.strip()])
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
        analysis = analyze(record, person, supplements)
        found = gaps_from_analysis(analysis)
        existing = [e.item.food.id for e in record.entries if e.item]
        before = analysis.usual
    else:
        found = gaps_from_names(_split(gaps or ()), person, filters.pattern)
    advice = advise(
        person, filters, found, existing=existing, before=before,
        medications=medications, conditions=conditions, supplements=supplements, labs=labs,
        region=answers.region, settings=settings,
    )  # fmt: skip
    if json_output:
        emit_json(advice.to_dict())
    else:
        print_advice(advice)


def _split(values: list[str] | tuple[str, ...]) -> list[str]:
    """Accept both repeated options and comma-separated lists."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def print_advice(advice: Advice) -> None:
    """What the safety rules changed first, then gaps, the plan with before/after,
    suggestions, and the notes and cautions."""
    from rich.markup import escape
    from rich.table import Table

    from twitchcheck.advice import nutrient_name
    from twitchcheck.nutrient_keys import BY_KEY

    out = console()
    if advice.plan_changes:
        out.print("[bold]Read this first: what this plan does differently, and why[/bold]")
        for change in advice.plan_changes:
            sources = (
                f" [dim]\\[{escape(', '.join(change.sources))}][/dim]" if change.sources else ""
            )
            out.print(f"  • {escape(change.text)}{sources}")
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
        out.print(f"[bold]Richest foods in {nutrient_name(key)}[/bold] (per typical serving)")
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

    from twitchcheck.nutrient_keys import BY_KEY

    plan = advice.plan
    table = Table(title="Before and after")
    for column in ("nutrient", "before", "added", "after", "goal", "limit"):
        table.add_column(column, justify="right")
    for key in plan.tracked:
        n = BY_KEY[key]
        goal, limit, cap = plan.goals.get(key), plan.limits.get(key), plan.caps.get(key)
        before, after = plan.before.get(key), plan.after.get(key)
        limits = [f"upper limit {limit:g}"] if limit else []
        limits += [f"held: at most +{cap:g}"] if cap is not None else []
        limits += [f"under {plan.avoid[key]:g} a serving"] if key in plan.avoid else []
        table.add_row(
            f"{n.label} ({n.unit})",
            "—" if before is None else f"{before:.4g}",
            f"{plan.added(key):.3g}",
            "—" if after is None else f"{after:.4g}",
            f"{goal:g}" if goal else "",
            "; ".join(limits),
        )
    console().print(table)


def register(app: typer.Typer) -> None:
    """Add the plan command to `app`."""
    app.command("plan")(plan_command)
