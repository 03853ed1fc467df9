"""`twitchcheck foods search|show` and `twitchcheck nutrients`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from twitchcheck.cli._common import JsonOption, console, emit_json, guarded

if TYPE_CHECKING:
    from rich.table import Table

    from twitchcheck.foods.database import Food
    from twitchcheck.foods.phrases import Item, NutrientReport

foods_app = typer.Typer(help="Search the USDA food database and show a food.", no_args_is_help=True)

MAIN_KEYS = (
    "energy_kcal",
    "magnesium_mg",
    "calcium_mg",
    "vitamin_d_ug",
    "potassium_mg",
    "vitamin_b12_ug",
    "sodium_mg",
    "caffeine_mg",
    "alcohol_g",
    "water_g",
)


@foods_app.command("search")
@guarded
def search_command(
    query: Annotated[list[str], typer.Argument(help="What you would call the food.")],
    limit: Annotated[int, typer.Option(help="How many results (1 to 50).")] = 10,
    json_output: JsonOption = False,
) -> None:
    """Find foods by name, best match first (typos and plurals are fine)."""
    from twitchcheck.errors import InputError
    from twitchcheck.foods import search
    from twitchcheck.limits import limit as _limit
    from twitchcheck.text import quoted

    most = int(_limit("phrase.search_results"))
    if not 1 <= limit <= most:  # a value out of range is bad input (exit 1), as everywhere
        raise InputError(f"--limit {limit} is not accepted; give 1 to {most} results")
    matches = search(" ".join(query), limit=limit)
    if json_output:
        emit_json([m.to_dict() for m in matches])
        return
    if not matches:
        typer.echo(f"No food matches {quoted(' '.join(query))}; try a simpler name.", err=True)
        raise typer.Exit(1)
    # Plain columns, not a Rich table: this is the command people run most, and Rich
    # would add a tenth of its start-up time.
    rows = [("score", "id", "food", "group")]
    rows += [(f"{m.score:.2f}", m.id, m.name, m.group) for m in matches]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    for row in rows:
        cells = (cell.ljust(width) for cell, width in zip(row, widths, strict=False))
        typer.echo("  ".join(cells) + "  " + row[3])


@foods_app.command("show")
@guarded
def show_command(
    food_id: Annotated[str, typer.Argument(help="A food id, e.g. sr28:09040 or 63107010.")],
    json_output: JsonOption = False,
) -> None:
    """Nutrients per 100 g and the household portions of one food."""
    from twitchcheck.foods import get

    food = get(food_id)
    if json_output:
        emit_json(food.to_dict())
        return
    _print_food(food)


def _print_food(food: Food) -> None:
    from rich.markup import escape

    from twitchcheck.foods.database import SOURCES
    from twitchcheck.nutrient_keys import NUTRIENTS

    out = console()
    out.print(
        f"[bold]{escape(food.name)}[/bold]  "
        + escape(f"({food.id}, {SOURCES[food.source]}; {food.group})")
    )
    nutrients = _table("nutrient", "per 100 g")
    for n in NUTRIENTS:
        value = food.nutrients.get(n.key)
        shown = "not analysed" if value is None else f"{value:g} {n.unit}"
        nutrients.add_row(n.label, shown)
    out.print(nutrients)
    portions = _table("portion", "grams")
    for p in food.portions:
        portions.add_row(escape(p.description), f"{p.grams:g}")
    out.print(portions if food.portions else "No household portions; use grams or ounces.")


# How a phrase became its item, as the output says it ("matched" says nothing).
HOW_WORDS = {
    "dish": "Matched as one mixed dish (FNDDS)",
    "split": "One food of a line split into its foods",
    "approximation": "Approximation: the closest generic USDA food",
    "needs_detail": "Needs detail: not counted",
}


@guarded
def nutrients_command(
    phrases: Annotated[
        list[str], typer.Argument(help='Foods as you would say them, e.g. "2 eggs".')
    ],
    json_output: JsonOption = False,
) -> None:
    """Nutrients in what you ate: one phrase per food, e.g. "a handful of almonds"."""
    from twitchcheck.foods import phrases as module
    from twitchcheck.foods.phrases import NutrientReport, nutrients, total

    report = nutrients(phrases)  # checks the phrases and their number; one item per phrase
    whole = getattr(module, "resolve_line", None)
    if whole is not None and any(getattr(i, "how", "") == "split" for i in report.items):
        # a line split into its foods counts every one of them ("oat milk latte": both)
        items = tuple(item for phrase in phrases for item in whole(phrase).items)
        report = NutrientReport(items, *total(items))
    if json_output:
        emit_json(report.to_dict())
        return
    _print_report(report)


def _print_report(report: NutrientReport) -> None:
    """Each item with how its grams were found, then one table: nutrients × items."""
    from twitchcheck.nutrient_keys import BY_KEY

    out = console()
    for number, item in enumerate(report.items, 1):
        _print_item(number, item)
    table = _table("nutrient", *(f"#{n}" for n in range(1, len(report.items) + 1)), "total")
    for key in MAIN_KEYS:
        nutrient = BY_KEY[key]
        cells = [_cell(item.nutrients[key]) for item in report.items]
        total = _cell(report.total[key]) + (
            f" ({report.missing[key]} n/a)" if report.missing[key] else ""
        )
        table.add_row(f"{nutrient.label} ({nutrient.unit})", *cells, total)
    out.print(table)
    if any(report.missing[k] for k in MAIN_KEYS):
        out.print(
            "[dim]n/a: USDA has no value for that item; totals leave it out, not as zero.[/dim]"
        )


def _print_item(number: int, item: Item) -> None:
    """One item; everything from the user or the database is escaped, so "[skim]" or
    "[/bold]" prints as typed instead of acting as Rich markup."""
    from rich.markup import escape

    out = console()
    mark = " [yellow](estimate)[/yellow]" if item.grams.estimate else ""
    out.print(
        f"[bold]#{number} {escape(item.input)}[/bold] → {escape(item.food.name)} "
        f"[dim]({escape(item.food.id)})[/dim], {item.grams.grams:.0f} g{mark}\n"
        f"   [dim]{escape(item.grams.basis)}[/dim]"
    )
    how = str(getattr(item, "how", "matched"))
    if how in HOW_WORDS:
        note = str(getattr(item, "note", "") or "")
        out.print(f"   [cyan]{HOW_WORDS[how]}[/cyan]{': ' + escape(note) if note else ''}")
    if item.uncertain and item.alternatives:
        names = escape("; ".join(f"{m.name} [{m.id}]" for m in item.alternatives))
        out.print(f"   [yellow]Not sure this is the food you meant.[/yellow] Alternatives: {names}")
    for warning in item.warnings:
        out.print(f"   [yellow]Check:[/yellow] {escape(warning)}")


def _cell(value: float | None) -> str:
    if value is None:
        return "n/a"
    return f"{value:.1f}" if value < 100 else f"{value:.0f}"


def _table(*columns: str) -> Table:
    from rich.table import Table

    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    for column in columns:
        table.add_column(column)
    return table


def register(app: typer.Typer) -> None:
    """Add the food commands to `app`."""
    app.add_typer(foods_app, name="foods")
    app.command("nutrients")(nutrients_command)
