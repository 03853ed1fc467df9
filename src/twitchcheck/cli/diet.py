"""`twitchcheck diet analyze DIARY`: a food diary against the person's reference intakes."""

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
from twitchcheck.cli.store import DbOption, open_chosen_store

if TYPE_CHECKING:
    from twitchcheck.diary import Diary, OwnFoods
    from twitchcheck.diet import DietAnalysis

diet_app = typer.Typer(
    help="Analyse a food diary against your reference intakes.", no_args_is_help=True
)

FormatOption = Annotated[
    str | None,
    typer.Option(
        "--format",
        help="text, csv, cronometer, myfitnesspal or opennutritracker (detected if not given).",
    ),
]
YearOption = Annotated[
    int | None, typer.Option("--year", help="Year for date headings written without one.")
]
SupplementOption = Annotated[
    list[str] | None,
    typer.Option(
        "--supplement",
        help="A supplement you take daily, with its dose if you know it "
        "('magnesium citrate 400 mg daily', 'vitamin D 4000 IU'); repeat for each.",
    ),
]
RegionOption = Annotated[
    str | None,
    typer.Option("--region", help="Where you live (uk, us, ie, eu, au, nz, ca, in...)."),
]
# Control characters (ESC starts terminal codes, which Rich passes through) are shown as
# \x1b and so on, never sent to the terminal.
_CONTROLS = {c: f"\\x{c:02x}" for c in (*range(0x20), *range(0x7F, 0xA0))}
JUDGEMENT_WORDS = {
    "adequate": "[green]adequate[/green]",
    "possibly_inadequate": "[yellow]possibly short[/yellow]",
    "inadequate": "[red]likely short[/red]",
    "unknown": "unknown",
}


@diet_app.command("analyze")
@guarded
def analyze_command(
    diary_path: Annotated[Path, typer.Argument(metavar="DIARY", help="The diary file.")],
    age: AgeOption,
    sex: SexOption,
    pregnant: PregnantOption = False,
    lactating: LactatingOption = False,
    diary_format: FormatOption = None,
    year: YearOption = None,
    supplement: SupplementOption = None,
    region: RegionOption = None,
    weight_kg: Annotated[
        float | None,
        typer.Option("--weight-kg", help="Body weight in kg, for the under-recording check."),
    ] = None,
    height_cm: Annotated[
        float | None,
        typer.Option("--height-cm", help="Height in cm, for the under-recording check."),
    ] = None,
    profile: Annotated[
        str | None,
        typer.Option(
            "--profile",
            help="A stored person whose own foods and remembered corrections the diary may use.",
        ),
    ] = None,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Nutrients per day, usual intake judged against your DRIs, and the foods behind them."""
    from twitchcheck.diet.energy import check_body
    from twitchcheck.profile import Person
    from twitchcheck.workflows import analyse_diary, region_from, supplements_from

    person = Person.parse(age, sex, pregnant=pregnant, lactating=lactating)
    check_body(weight_kg, height_cm)  # before the diary is read, not after
    supplements = supplements_from(supplement)
    place = region_from(region)
    own = stored_own_foods(profile, db) if profile is not None else None
    diary = read_with_progress(
        diary_path, diary_format, year, show=not json_output, region=place, own=own
    )
    analysis = analyse_diary(diary, person, supplements, weight_kg, height_cm)
    if json_output:
        emit_json({**analysis.to_dict(), "region": place})
    else:
        print_analysis(analysis)


def stored_own_foods(name: str, db: str | None) -> OwnFoods:
    """The own foods and corrections of the stored person `name` (the same the web app's
    diary uses); an unknown name is refused with the names there are."""
    from twitchcheck.errors import InputError
    from twitchcheck.store.own_foods import own_foods_for_reading
    from twitchcheck.store.profiles import find_profile, list_profiles

    store = open_chosen_store(db)
    try:
        found = find_profile(store, name)
        if found is None:
            names = ", ".join(repr(p.name) for p in list_profiles(store)) or "none yet"
            raise InputError(f"no stored profile is named {name!r}; profiles: {names}")
        return own_foods_for_reading(store, found.id)
    finally:
        store.close()


def read_with_progress(
    path: Path,
    diary_format: str | None,
    year: int | None,
    show: bool,
    region: str | None = None,
    own: OwnFoods | None = None,
) -> Diary:
    """Read the diary, with a progress bar on a terminal for long files; `region` settles
    pints and the order of numeric dates, `own` holds the person's own foods."""
    from twitchcheck.diary import read_diary

    # --json never shows the bar: no console then (Rich costs a cold process ~40 ms)
    out = console() if show else None
    if out is None or not out.is_terminal:
        return read_diary(path, diary_format, year=year, region=region, own=own)
    from rich.progress import Progress

    with Progress(transient=True, console=out) as progress:
        task = progress.add_task("Reading diary", total=None)

        def update(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        return read_diary(path, diary_format, year=year, on_progress=update, region=region, own=own)


def shown(text: str) -> str:
    """User text for Rich: markup escaped ("[skim]" shows as typed), control codes visible."""
    from rich.markup import escape

    return escape(text.translate(_CONTROLS))


def print_analysis(analysis: DietAnalysis) -> None:
    """Adequacy first, then the days, the problem lines and the caveats.

    Everything that came from the user (food names, lines, meal names, supplements) goes
    through `shown`, so "[skim]" or "[/bold]" shows as typed and never breaks the output.
    """
    from rich.table import Table

    from twitchcheck.diet import UnknownNutrient
    from twitchcheck.nutrient_keys import BY_KEY

    out = console()
    person = analysis.person
    out.print(
        f"[bold]Diet analysis[/bold]: {len(analysis.days)} day(s), {shown(analysis.format)} "
        f"diary, {shown(person.sex)}, {person.age_years:g} y"
    )
    table = Table(title="Usual intake against your reference intakes")
    supplemented = any(r.supplement for r in analysis.results)
    columns = (
        ("nutrient", "food/day", "supplements", "total")
        if supplemented
        else ("nutrient", "mean/day")
    )
    for column in (*columns, "target", "% of target", "judgement", "main sources"):
        table.add_column(column, overflow="fold")
    for result in analysis.results:
        nutrient = BY_KEY[result.key]
        goal = f"{result.target.kind} {result.goal:g}" if result.goal else "—"
        if isinstance(result, UnknownNutrient):
            amounts = ["unknown"] + (
                [f"{result.supplement:.4g}", "unknown"] if supplemented else []
            )
            table.add_row(nutrient.label, *amounts, goal, "—", "unknown (no value recorded)", "—")
            continue
        a = result.assessment
        chance = f" (P adequate {a.p_adequate:.0%})" if a.p_adequate is not None else ""
        sources = ", ".join(f"{shown(s.name)} {s.share:.0%}" for s in result.top_sources[:3])
        lower = "≥ " if result.items_without_value else ""
        amounts = [f"{lower}{result.mean:.4g} {nutrient.unit}"]
        if supplemented:
            amounts += [f"{result.supplement:.4g}", f"{lower}{result.total:.4g} {nutrient.unit}"]
        table.add_row(
            nutrient.label,
            *amounts,
            goal,
            f"{result.percent_of_target:.0f}%" if result.percent_of_target is not None else "—",
            f"{JUDGEMENT_WORDS[a.judgement]}, {a.confidence} confidence{chance}",
            sources or "—",
        )
    out.print(table)
    if analysis.lines is not None and analysis.lines.not_counted:
        out.print(f"[yellow]{shown(analysis.lines.summary)}[/yellow]: see the notes below.")
    if analysis.energy is not None and analysis.energy.under_recorded:
        out.print(f"[yellow]Under-recorded?[/yellow] {shown(analysis.energy.note)}")
    for result in analysis.results:
        label = BY_KEY[result.key].label
        if isinstance(result, UnknownNutrient):
            upper, note = result.upper, result.note
        else:
            upper, note = result.assessment.upper, result.assessment.note
        extra = f" {upper.note}" if upper else ""
        out.print(f"[dim]{label}: {shown(note)}{shown(extra)}[/dim]")
        for source in () if isinstance(result, UnknownNutrient) else result.top_sources:
            if source.disagreement is not None:
                out.print(
                    f"[dim]  {shown(source.name)}: USDA releases disagree; "
                    f"{shown(source.disagreement)}[/dim]"
                )
        if upper is not None and upper.above:
            out.print(f"[red]{label} is over its upper limit[/red]: {shown(upper.note)}")
    _print_days(analysis)
    for problem in analysis.problems[:20]:
        out.print(
            f"[yellow]line {problem.line}[/yellow] {shown(repr(problem.text))}: "
            f"{shown(problem.message)}"
        )
    if len(analysis.problems) > 20:
        out.print(f"... and {len(analysis.problems) - 20} more problem lines (see --json)")
    for note in analysis.notes:
        out.print(f"• {shown(note)}")
    method = "IOM (2000), DRI: Applications in Dietary Assessment; docs/diet-analysis.md"
    out.print(f"[dim]Method: {method}.[/dim]")


def _print_days(analysis: DietAnalysis) -> None:
    from rich.table import Table

    columns = {
        "energy_kcal": "kcal", "magnesium_mg": "Mg mg", "calcium_mg": "Ca mg",
        "vitamin_d_ug": "D µg", "potassium_mg": "K mg", "vitamin_b12_ug": "B12 µg",
        "caffeine_mg": "caffeine mg", "alcohol_g": "alcohol g", "water_g": "water g",
    }  # fmt: skip
    keys = tuple(columns)
    table = Table(title="Per day")
    table.add_column("day", no_wrap=True)
    for key in keys:
        table.add_column(columns[key], justify="right")
    shown = analysis.days if len(analysis.days) <= 14 else analysis.days[-14:]
    for day in shown:
        cells = [_cell(day.totals[k], day.missing[k]) for k in keys]
        table.add_row(day.day.isoformat(), *cells)
    console().print(table)
    if len(analysis.days) > len(shown):
        console().print(f"[dim](last 14 of {len(analysis.days)} days; all in --json)[/dim]")
    console().print(
        "[dim]* some items had no value for this nutrient (a lower bound; — : no item had one); "
        "never counted as zero[/dim]"
    )


def _cell(value: float | None, missing: int) -> str:
    """A day's total; "*" marks a lower bound, "—" a total no item had a value for."""
    if value is None:
        return "—"
    return (f"{value:.1f}" if value < 10 else f"{value:.0f}") + ("*" if missing else "")


def register(app: typer.Typer) -> None:
    """Add the diet commands to `app`."""
    app.add_typer(diet_app, name="diet")
