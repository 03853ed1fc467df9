"""`twitchcheck kb show NAME` and `twitchcheck kb sources`: what the knowledge base holds."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from twitchcheck.cli._common import JsonOption, console, emit_json, guarded

ARROWS = {"lowers": "↓", "raises": "↑", "interferes": "⇄"}
# Fields shown in the heading or not worth a line of their own.
SKIP = {"id", "name", "label", "key", "question"}


def register(app: typer.Typer) -> None:
    """Add the `kb` group to `app`."""
    group = typer.Typer(
        help="Show what the knowledge base holds, with sources.", no_args_is_help=True
    )
    group.command("show")(show)
    group.command("sources")(list_sources)
    app.add_typer(group, name="kb")


@guarded
def show(
    name: Annotated[
        str,
        typer.Argument(
            help="A nutrient, factor, medicine (generic or brand), condition or symptom."
        ),
    ],
    json_output: JsonOption = False,
) -> None:
    """Show the facts held for NAME (e.g. magnesium, caffeine, Lasix), each with its sources."""
    from twitchcheck.knowledge import describe
    from twitchcheck.screen.bounds import bounded

    described = describe(bounded(name, "kb show"))
    if json_output:
        emit_json(described)
        return
    out = Lines()
    _render(described, out)
    console().print("\n".join(out))  # one print: Rich's cost is per call, ~0.4 ms each


class Lines(list[str]):
    """The lines of the description in Rich markup, each closing its own tags, printed at
    once: the same text as printing each in turn."""

    def print(self, line: str) -> None:
        self.append(line)


@guarded
def list_sources(json_output: JsonOption = False) -> None:
    """List every source the knowledge base cites."""
    from twitchcheck.knowledge import sources
    from twitchcheck.model_data import as_data

    rows = [as_data(source, exclude_none=True) for source in sources()]
    if json_output:
        emit_json(rows)
        return
    from rich.table import Table

    table = Table("id", "title", "section", "url", show_lines=False)
    for row in rows:
        cells = (row["id"], row["title"], row.get("section", ""), row.get("url", ""))
        table.add_row(*(_esc(str(cell)) for cell in cells))
    console().print(table)


def _render(described: dict[str, Any], out: Lines) -> None:
    kind = described["kind"].replace("_", " ")
    heading = _esc(f"{kind}: {described['id']}")
    out.print(f"[bold]{_esc(described['label'])}[/bold]  ({heading})")
    medicine = described["medicine"]
    if medicine:
        generic = f" ({medicine['generic']})" if medicine.get("generic") else ""
        out.print(_esc(f"{medicine['name']}{generic} belongs to: {', '.join(medicine['classes'])}"))
    if described["also_matches"]:
        out.print(f"[dim]also matches: {_esc(', '.join(described['also_matches']))}[/dim]")
    for field, value in described["data"].items():
        if field not in SKIP and value not in ((), [], None, ""):
            _render_field(field, value, out)
    _render_related(described["related"], out)
    out.print("\n[bold]Sources[/bold]")
    for source in described["sources"]:
        section = f", {source['section']}" if source.get("section") else ""
        out.print(
            "  " + _esc(f"{source['id']}  {source['title']}{section}  {source.get('url', '')}")
        )


def _render_field(field: str, value: Any, out: Lines) -> None:
    title = _esc(field.replace("_", " ").capitalize())
    if isinstance(value, list) and value and isinstance(value[0], dict):
        out.print(f"\n[bold]{title}[/bold]")
        for item in value:
            out.print(f"  • {_line(item)}")
    elif isinstance(value, dict):
        out.print(f"\n[bold]{title}[/bold]\n  {_line(value)}")
    elif isinstance(value, list):
        out.print(f"{title}: {_esc(', '.join(str(v) for v in value))}")
    else:
        out.print(f"{title}: {_esc(str(value))}")


def _line(item: dict[str, Any]) -> str:
    """One fact, effect or link on one line, ending with its source ids and verification."""
    if "direction" in item:
        arrow = ARROWS[item["direction"]]
        text = f"{arrow} {item['nutrient']}: {item['mechanism']} ({item['strength']})"
    elif "to" in item:
        text = item["to"] + (f": {item['note']}" if item.get("note") else "")
    else:
        text = item.get("text") or item.get("summary") or item.get("claim") or item.get("label", "")
    return f"{_esc(text)} {_cite(item)}"


def _esc(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def _cite(item: dict[str, Any]) -> str:
    ids = ", ".join(item.get("sources", []))
    status = item.get("verification")
    note = f"; {status}" if status and status != "primary" else ""
    return _esc(f"[{ids}{note}]") if ids else ""


def _claim(claim: dict[str, Any]) -> str:
    verdict = _esc(f"[{claim['verdict']}, {claim['strength']}]")
    return f"{_esc(claim['claim'])} {verdict} {_cite(claim)}"


def _render_related(rel: dict[str, Any], out: Lines) -> None:
    sections = (
        ("effects", "Changed by", lambda e: _esc(f"{e['label']} ({e['kind']}): ") + _line(e)),
        ("interactions", "Interactions", _line),
        ("symptoms", "Symptoms linked", lambda s: f"{_esc(s['symptom'])}: {_line(s)}"),
        ("evidence", "Evidence", _claim),
        ("red_flags", "Red flags", lambda f: _esc(f"{f['triage']}: {f['label']} ") + _cite(f)),
    )
    for key, title, fmt in sections:
        if rel[key]:
            out.print(f"\n[bold]{title}[/bold]")
            for item in rel[key]:
                out.print(f"  • {fmt(item)}")
    if rel["names"]:
        out.print(f"\n[bold]Names[/bold]: {_esc(', '.join(rel['names']))}")
