"""`twitchcheck targets`: Dietary Reference Intakes for one person."""

from __future__ import annotations

from typing import TYPE_CHECKING

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

if TYPE_CHECKING:
    from twitchcheck.profile import Person
    from twitchcheck.targets import Target


def register(app: typer.Typer) -> None:
    """Add the `targets` command to `app`."""
    app.command("targets")(targets)


@guarded
def targets(
    age: AgeOption,
    sex: SexOption,
    pregnant: PregnantOption = False,
    lactating: LactatingOption = False,
    json_output: JsonOption = False,
) -> None:
    """Daily intake targets (EAR, RDA or AI, UL) for Mg, Ca, vitamin D, potassium and B12."""
    from twitchcheck.profile import Person
    from twitchcheck.targets import targets_for_person

    person = Person.parse(age, sex, pregnant=pregnant, lactating=lactating)
    result = targets_for_person(person)
    if json_output:
        emit_json({key: target.to_dict() for key, target in result.items()})
    else:
        _print_table(person, result)


def _number(value: float | None) -> str:
    return "—" if value is None else f"{value:g}"


def _print_table(person: Person, result: dict[str, Target]) -> None:
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=escape(f"Daily reference intakes: {person.describe()}"))
    for column in ("Nutrient", "Life stage", "EAR", "RDA", "AI", "UL", "UL counts", "Sources"):
        table.add_column(column)
    for target in result.values():
        table.add_row(
            escape(f"{target.label} ({target.unit})"),
            escape(target.life_stage),
            _number(target.ear),
            _number(target.rda),
            _number(target.ai),
            _number(target.ul),
            escape(target.ul_scope_short),
            escape(" ".join(target.sources)),
        )
    out = console()
    out.print(table)
    for target in result.values():
        prefix = f"{target.label} UL" if target.ul is not None else target.label
        out.print(escape(f"• {prefix}: {target.ul_scope}"))
        for note in target.notes:
            out.print(escape(f"• {target.label}: {note}"))
    from twitchcheck.targets import vitamin_d_iu_note

    out.print(escape(f"• Vitamin D: {vitamin_d_iu_note()}"))
    out.print(
        "EAR meets the needs of half the group, the RDA nearly everyone; an AI stands in where "
        "no EAR could be set; the UL is the highest usual intake unlikely to cause harm."
    )
