"""`twitchcheck plan`: foods that close the gaps, an optimised plan, and safety notes."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from twitchcheck.cli._common import (
    AgeOption,
    JsonOption,
    LactatingOption,
    PregnantOption,
    SexOption,
    console,
    emit_json,
    guarded,
)
from twitchcheck.cli.diet import RegionOption, SupplementOption

if TYPE_CHECKING:
    from twitchcheck.advice import Advice, AdviceNote


@guarded
def plan_command(
    age: AgeOption,
    sex: SexOption,
    diary: Annotated[
        Path | None, typer.Option("--diary", help="A food diary: gaps and current intake from it.")
    ] = None,
    gaps: Annotated[
        list[str] | None,
        typer.Option(
            "--gaps", help="Nutrients to raise (magnesium, calcium, vitamin D, potassium, B12)."
        ),
    ] = None,
    pregnant: PregnantOption = False,
    lactating: LactatingOption = False,
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
        typer.Option("--energy-budget", help="Most added kcal a day (default 500)."),
    ] = None,
    max_foods: Annotated[
        int | None, typer.Option("--max-foods", help="Most foods in the plan (1 to 10).")
    ] = None,
    json_output: JsonOption = False,
) -> None:
    """Foods rich in what you lack, and a plan of a few foods that stays under every upper limit."""
    from twitchcheck.advice.candidates import Filters
    from twitchcheck.profile import Person
    from twitchcheck.workflows import PlanRequest, check_option_sizes, plan_for

    options = {
        "--gaps": gaps, "--allergy": allergy, "--dislike": dislike, "--prefer": prefer,
        "--medication": medication, "--condition": condition, "--supplement": supplement,
        "--lab": lab, "--pattern": [pattern], "--region": [region] if region else None,
    }  # fmt: skip
    person = Person.parse(age, sex, pregnant=pregnant, lactating=lactating)
    check_option_sizes({name: values for name, values in options.items() if values})
    request = PlanRequest(
        person, Filters.parse(pattern, dairy_free, allergy or (), dislike or (), prefer or ()),
        gaps=gaps or (), medications=medication or (), conditions=condition or (),
        supplements=supplement or (), labs=lab or (), region=region,
        energy_budget=energy_budget, max_foods=max_foods,
    )  # fmt: skip
    if diary is not None:
        from dataclasses import replace

        from twitchcheck.cli.diet import read_with_progress

        read = read_with_progress(diary, None, None, not json_output, region=region)
        request = replace(request, diary=read)
    advice = plan_for(request)
    if json_output:
        emit_json(advice.to_dict())
    else:
        print_advice(advice)


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
            f"[bold]{escape(n.label)}[/bold]: {gap.before:.4g} of {gap.goal:g} {escape(n.unit)} "
            f"(short by {gap.short_by:.3g}; current intake from {escape(gap.basis)})"
        )
    plan = advice.plan
    if plan.feasible and plan.items:
        table = Table(title="Plan: add these each day")
        for column in ("food", "amount", "grams", "note"):
            table.add_column(column, overflow="fold")
        for item in plan.items:
            remark = "you eat or prefer it" if item.existing else "new"
            table.add_row(
                escape(item.food.name),
                escape(f"{item.servings:g} × {item.food.serving.label}"),
                f"{item.grams:.0f}",
                remark,
            )
        out.print(table)
        _print_before_after(advice)
        if not plan.optimal:
            out.print("[dim]Solver time limit reached: a valid plan, maybe not the simplest.[/dim]")
    elif not plan.feasible:
        blocked = f"blocked by {plan.blocked_by}; {plan.relax}"
        out.print(f"[yellow]No plan meets every limit[/yellow]: {escape(blocked)}.")
    for key, suggestions in advice.by_serving.items():
        name = escape(nutrient_name(key))
        out.print(f"[bold]Richest foods in {name}[/bold] (per typical serving)")
        for s in suggestions[:6]:
            out.print(f"  • {escape(s.text)}")
    sections: tuple[tuple[str, tuple[AdviceNote, ...]], ...] = (
        ("Absorption", advice.absorption),
        ("Supplements", advice.supplements),
        ("Safety", advice.cautions),
    )
    for title, notes in sections:
        if notes:
            out.print(f"[bold]{title}[/bold]")
            for note in notes:
                cited = escape(f"[{', '.join(note.sources)}]")
                out.print(f"  • {escape(note.topic)}: {escape(note.text)} [dim]{cited}[/dim]")
    out.print(
        "[dim]Food first: no supplement dose is suggested; ask a clinician. docs/advice.md[/dim]"
    )


def _print_before_after(advice: Advice) -> None:
    from rich.markup import escape
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
            escape(f"{n.label} ({n.unit})"),
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
