"""`twitchcheck backup FILE` and `twitchcheck restore FILE`: the whole store, copied safely.

Both work while `twitchcheck serve` runs: the copy is one consistent snapshot and a restore
is one transaction. The store is found as everywhere: `--db`, else
TWITCHCHECK_DATABASE_URL, else the SQLite file in TWITCHCHECK_HOME or the user data folder.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from twitchcheck.cli._common import JsonOption, console, emit_json, guarded

if TYPE_CHECKING:
    from twitchcheck.store import Store

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="The store's database URL (default: TWITCHCHECK_DATABASE_URL, else the SQLite "
        "file in TWITCHCHECK_HOME or the user data folder).",
        show_default=False,
    ),
]
FileArgument = Annotated[Path, typer.Argument(help="The backup file.", show_default=False)]


def register(app: typer.Typer) -> None:
    """Add the `backup` and `restore` commands to `app`."""
    app.command("backup")(backup)
    app.command("restore")(restore)


def open_chosen_store(db: str | None) -> Store:
    """The store `--db` or the environment names (the one place the CLI reads it)."""
    from twitchcheck.store import open_store, store_url

    return open_store(store_url(db, os.environ))


@guarded
def backup(file: FileArgument, db: DbOption = None, json_output: JsonOption = False) -> None:
    """Copy the whole store to FILE (a SQLite file, or JSON for PostgreSQL), mode 0600."""
    from twitchcheck.store import backup as copy_store

    store = open_chosen_store(db)
    try:
        counts = copy_store(store, file)
    finally:
        store.close()
    _report("Backed up", file, counts, json_output)


@guarded
def restore(file: FileArgument, db: DbOption = None, json_output: JsonOption = False) -> None:
    """Replace everything in the store with the backup FILE, all at once or not at all."""
    from twitchcheck.store import restore as replace_store

    store = open_chosen_store(db)
    try:
        counts = replace_store(store, file)
    finally:
        store.close()
    _report("Restored", file, counts, json_output)


def _report(done: str, file: Path, counts: dict[str, int], json_output: bool) -> None:
    if json_output:
        emit_json({"file": str(file), "tables": counts})
        return
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=escape(f"{done} {file}"))
    table.add_column("Table")
    table.add_column("Rows", justify="right")
    for name, count in counts.items():
        table.add_row(escape(name), f"{count:,}")
    console().print(table)
