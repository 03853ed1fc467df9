"""`twitchcheck export`, `import` and `delete`: a person's data is theirs (issue 15).

- `export --profile NAME [FILE]`: everything saved for one profile as one JSON file
  (docs/person-data-format.md), written whole or not at all with mode 0600; on stdout
  without FILE.
- `import FILE [--as NAME]`: that file back as a new profile, all of it or nothing; a name
  already taken is refused unless `--as` gives another.
- `delete --profile NAME [--yes]`: the profile and everything saved for it, once the name is
  typed again (`--yes` for scripts); the freed space in the store is wiped.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import click
import typer

from twitchcheck.cli._common import JsonOption, console, emit_json, guarded
from twitchcheck.cli.store import DbOption, open_chosen_store

if TYPE_CHECKING:
    from twitchcheck.store.person_data import PersonDeletion

ProfileOption = Annotated[
    str, typer.Option("--profile", help="The stored person, by name.", show_default=False)
]
ExportFile = Annotated[
    Path | None,
    typer.Argument(help="The file to write (default: print the JSON).", show_default=False),
]
ImportFile = Annotated[
    Path, typer.Argument(help="A person file made by 'twitchcheck export'.", show_default=False)
]
AsOption = Annotated[
    str | None,
    typer.Option("--as", help="Import under this name instead of the file's.", show_default=False),
]
YesOption = Annotated[
    bool, typer.Option("--yes", help="Delete without asking to type the name (for scripts).")
]


def register(app: typer.Typer) -> None:
    """Add the `export`, `import` and `delete` commands to `app`."""
    app.command("export")(export)
    app.command("import")(import_file)
    app.command("delete")(delete)


@guarded
def export(
    profile: ProfileOption,
    file: ExportFile = None,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Save everything stored for one person as one JSON file, to keep or to import elsewhere."""
    from twitchcheck.cli._common import check_writable, write_atomically
    from twitchcheck.store.person_data import export_person

    if file is not None:
        check_writable(file, "person file")  # before any work
    store = open_chosen_store(db)
    try:
        document = export_person(store, profile)
    finally:
        store.close()
    text = json.dumps(document, indent=1, ensure_ascii=False, allow_nan=False) + "\n"
    _warn_if_too_large(len(text.encode("utf-8")))
    if file is None:
        sys.stdout.write(text)
        return
    write_atomically(file, text, "person file")
    counts = {name: len(rows) for name, rows in document["tables"].items()}
    extra = {"file": str(file), "profile": document["profile"]}
    _report(f"Exported {document['profile']} to {file}", counts, json_output, **extra)


def _warn_if_too_large(size: int) -> None:
    from twitchcheck.limits import limit

    most = int(limit("input.file_bytes"))
    if size > most:
        console(stderr=True).print(
            f"Note: this file is {size:,} bytes, more than 'twitchcheck import' reads "
            f"({most:,}); it is complete, but importing it needs a twitchcheck that reads more.",
            markup=False,
        )


@guarded
def import_file(
    file: ImportFile,
    as_name: AsOption = None,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Add the person in FILE (from 'twitchcheck export') as a new profile, all or nothing."""
    from twitchcheck.cli._common import load_json, read_input_file
    from twitchcheck.errors import InputFileError
    from twitchcheck.store.person_data import import_person

    content = read_input_file(file, "person file")
    if not content.strip():
        raise InputFileError(
            f"the person file {file} is empty; give one made by 'twitchcheck export'"
        )
    document = load_json(content, "the person file")
    store = open_chosen_store(db)
    try:
        saved = import_person(store, document, name=as_name)
    finally:
        store.close()
    title = f"Imported {saved.name} (profile {saved.profile_id}) from {file}"
    extra: dict[str, str | int] = {
        "file": str(file),
        "profile": saved.name,
        "profile_id": saved.profile_id,
    }
    _report(title, saved.counts, json_output, **extra)


@guarded
def delete(
    profile: ProfileOption,
    yes: YesOption = False,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Delete one person and everything saved for them from the store, for good."""
    from twitchcheck.store.person_data import delete_person, require_person

    store = open_chosen_store(db)
    try:
        name = require_person(store, profile)
        if not yes:
            _confirm(name)
        deleted = delete_person(store, name)
    finally:
        store.close()
    _report_deletion(deleted, json_output)


def _confirm(name: str) -> None:
    from twitchcheck.errors import InputError

    question = (
        f"This deletes {name!r} and everything saved for them; it cannot be undone.\n"
        "Type the profile's name to delete it"
    )
    try:
        typed = click.prompt(question, default="", show_default=False, err=True)
    except click.Abort:  # the input ended (a script without --yes)
        typed = None
    if typed is None or str(typed).strip() != name:
        raise InputError(
            "the name typed does not match, so nothing was deleted; type it exactly, "
            "or give --yes in a script"
        )


def _report_deletion(deleted: PersonDeletion, json_output: bool) -> None:
    if json_output:
        emit_json(
            {
                "profile": deleted.name,
                "tables": deleted.counts,
                "wiped": deleted.wiped,
                "notes": deleted.notes,
            }
        )
        return
    _report(f"Deleted {deleted.name}", deleted.counts, json_output=False)
    for note in deleted.notes:
        console(stderr=True).print(f"Note: {note}.", markup=False)


def _report(title: str, counts: dict[str, int], json_output: bool, **extra: str | int) -> None:
    if json_output:
        emit_json({**extra, "tables": counts})
        return
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=escape(title))
    table.add_column("Table")
    table.add_column("Rows", justify="right")
    for name, count in counts.items():
        table.add_row(escape(name), f"{count:,}")
    console().print(table)
