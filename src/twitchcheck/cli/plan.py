"""`twitchcheck plan`: foods that close the gaps, an optimised plan, and safety notes."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from twitchcheck.cli._common import JsonOption, console, emit_json, guarded
from twitchcheck.cli.diet import RegionOption, SupplementOption

if TYPE_CHECKING:
    from twitchcheck.advice import Advice, AdviceNote


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
        typer.Option("--energy-budget", help="Most added kcal a day (default 500)."),
    ] = None,
    max_foods: Annotated[
        int | None, typer.Option("--max-foods", help="Most foods in the plan (1 to 10).")
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
    from twitchcheck.profile import Person, check_applies

    person = Person.parse(age, sex, pregnant=pregnant, lactating=lactating)
    check_applies(person, "plan")
    _check_options(
        {
            "--gaps": gaps, "--allergy": allergy, "--dislike": dislike, "--prefer": prefer,
            "--medication": medication, "--condition": condition, "--supplement": supplement,
            "--lab": lab, "--pattern": [pattern], "--region": [region] if region else None,
        }
    )  # fmt: skip
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
        settings = replace(settings, energy_budget=_energy_budget(energy_budget))
    if max_foods is not None:
        settings = replace(settings, max_foods=_max_foods(max_foods))
    existing: list[str] = []
    before = None
    if diary is not None:
        from twitchcheck.cli.diet import read_with_progress
        from twitchcheck.diet import analyze

        record = read_with_progress(diary, None, None, not json_output, region=answers.region)
        analysis = analyze(record, person, supplements)
        found = gaps_from_analysis(analysis, person, filters.pattern)
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


def _check_options(options: dict[str, list[str] | None]) -> None:
    """Each repeatable option holds at most input.plan_options values, each at most
    input.text_chars long: checked before any food is searched or name looked up."""
    from twitchcheck.errors import InputError
    from twitchcheck.limits import limit
    from twitchcheck.text import shorten

    most, chars = int(limit("input.plan_options")), int(limit("input.text_chars"))
    for option, values in options.items():
        if not values:
            continue
        if len(values) > most:
            raise InputError(f"{option} was given {len(values):,} times; at most {most} are read")
        for value in values:
            if len(value) > chars:
                raise InputError(
                    f"{option} {shorten(value)!r} is {len(value):,} characters long; at most "
                    f"{chars} are read (one name per value)"
                )


def _energy_budget(kcal: float) -> float:
    """The --energy-budget, if it is a real number of kcal (input.plan_energy_budget_kcal)."""
    import math

    from twitchcheck.errors import InputError
    from twitchcheck.limits import limit

    most = limit("input.plan_energy_budget_kcal")
    if not (math.isfinite(kcal) and 0 <= kcal <= most):
        raise InputError(
            f"--energy-budget {kcal:g} is not a daily budget twitchcheck can plan with; give "
            f"0 to {most:,.0f} kcal (the default is 500)"
        )
    return kcal


def _max_foods(count: int) -> int:
    """The --max-foods, if it is from 1 to input.plan_max_foods."""
    from twitchcheck.errors import InputError
    from twitchcheck.limits import limit

    most = int(limit("input.plan_max_foods"))
    if not 1 <= count <= most:
        raise InputError(f"--max-foods {count} is not accepted; give 1 to {most} foods")
    return count


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
