"""Backup and restore: a consistent copy of the whole store, taken while it is in use.

- A SQLite store is copied with SQLite's online backup API (one snapshot, even while the
  server writes), into a single-file SQLite database.
- A PostgreSQL store is dumped as JSON, every table read in one REPEATABLE READ
  transaction (one snapshot).

Restore accepts either kind into either kind of store. The backup is first loaded into a
private temporary SQLite copy and upgraded there to the current schema (so a backup from
an older twitchcheck restores into a newer one); then every table of the store is emptied
and refilled in one transaction, so a failure at any point leaves the store as it was.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Date, DateTime, Float, Integer, String, Table, Time, select, text
from sqlalchemy.exc import DBAPIError, SQLAlchemyError, StatementError
from sqlalchemy.types import JSON, Boolean

from twitchcheck.store import migrate
from twitchcheck.store.engine import Store, open_store
from twitchcheck.store.errors import BackupError
from twitchcheck.store.location import sqlite_url
from twitchcheck.store.models import APPLICATION, Base

FORMAT = "twitchcheck-backup"
FORMAT_VERSION = 1
SQLITE_HEADER = b"SQLite format 3\x00"
META = "store_meta"
_CHUNK = 1000

Counts = dict[str, int]


def _tables() -> list[Table]:
    """The tables a backup carries, parents before children (store_meta stays the store's)."""
    return [table for table in Base.metadata.sorted_tables if table.name != META]


def _not_ours(source: Path, why: str) -> BackupError:
    return BackupError(
        f"{source} is not a twitchcheck backup ({why}); give a file made by "
        "'twitchcheck backup FILE'. The store was not changed."
    )


# --- backup -----------------------------------------------------------------------------------


def backup(store: Store, destination: Path) -> Counts:
    """Copy the whole store to `destination` (replaced atomically, mode 0600); returns the
    number of rows of each table copied."""
    with _private_temporary(destination) as temporary:
        if store.path is not None:
            _sqlite_backup(store, temporary)
        else:
            temporary.write_text(
                json.dumps(_dump(store), ensure_ascii=False, allow_nan=False), encoding="utf-8"
            )
        _fsync(temporary)
        counts = _counts(_load_any(temporary, destination))
        os.replace(temporary, destination)
    return counts


def _sqlite_backup(store: Store, temporary: Path) -> None:
    with store.engine.connect() as connection:
        source = connection.connection.driver_connection
        assert isinstance(source, sqlite3.Connection)
        target = sqlite3.connect(temporary)
        try:
            source.backup(target)  # pages=-1: the whole store in one step, one snapshot
            target.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        finally:
            target.close()


def _dump(store: Store) -> dict[str, Any]:
    snapshot = store.engine.connect().execution_options(isolation_level="REPEATABLE READ")
    with snapshot as connection, connection.begin():
        revision = migrate.current(connection)
        tables = {
            table.name: [
                {key: encoded_value(value) for key, value in row._mapping.items()}
                for row in connection.execute(select(table).order_by(*table.primary_key))
            ]
            for table in _tables()
        }
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "application": APPLICATION,
        "revision": revision,
        "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "tables": tables,
    }


def encoded_value(value: Any) -> Any:
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return value


# --- reading a backup -------------------------------------------------------------------------


def read_backup(source: Path) -> dict[str, list[dict[str, Any]]]:
    """Every table's rows from the backup `source`, at the current schema; BackupError if it
    is not a twitchcheck backup or cannot be read."""
    return _load_any(source, source)


def _load_any(source: Path, shown: Path) -> dict[str, list[dict[str, Any]]]:
    try:
        with source.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        raise BackupError(f"{shown} does not exist; give the backup file's path") from None
    except IsADirectoryError:
        raise BackupError(f"{shown} is a folder; give the backup file inside it") from None
    except OSError as error:
        raise BackupError(f"{shown} cannot be read: {error.strerror or error}") from None
    with tempfile.TemporaryDirectory(prefix="twitchcheck-restore-") as folder:
        work = Path(folder) / "restore.sqlite"
        if head == SQLITE_HEADER:
            _copy_sqlite(source, work, shown)
        elif head.lstrip()[:1] == b"{":
            _json_to_sqlite(source, work, shown)
        else:
            raise _not_ours(shown, "neither a SQLite file nor a JSON dump")
        return _rows_at_head(work, shown)


def _copy_sqlite(source: Path, work: Path, shown: Path) -> None:
    # Read through SQLite's backup API too, so a backup in WAL mode or mid-write copies whole.
    try:
        origin = sqlite3.connect(f"file:{source.resolve()}?mode=ro", uri=True)
        try:
            target = sqlite3.connect(work)
            try:
                origin.backup(target)
            finally:
                target.close()
        finally:
            origin.close()
    except sqlite3.DatabaseError as error:
        raise _not_ours(shown, f"SQLite cannot read it: {error}") from None


def _json_to_sqlite(source: Path, work: Path, shown: Path) -> None:
    try:
        document = json.loads(source.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise _not_ours(shown, "not valid JSON") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise _not_ours(shown, f'it has no "format": "{FORMAT}"')
    if document.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            f"{shown} is a twitchcheck backup of format {document.get('format_version')!r}; "
            f"this twitchcheck reads format {FORMAT_VERSION}: upgrade twitchcheck"
        )
    revision, tables = document.get("revision"), document.get("tables")
    if not isinstance(revision, str) or not isinstance(tables, dict):
        raise _not_ours(shown, "it lacks its schema revision or its tables")
    _refuse_unknown_revision(revision, shown)
    store = open_store(sqlite_url(work), migrate=False)
    try:
        migrate.upgrade(store.engine, revision)
        known = {table.name: table for table in Base.metadata.sorted_tables}
        with store.engine.begin() as connection:
            for name, rows in tables.items():
                if name not in known or name == META or not isinstance(rows, list):
                    raise BackupError(f"{shown} holds a table {str(name)[:80]!r} that is unknown")
                decoded = [decoded_row(known[name], row, shown) for row in rows]
                for start in range(0, len(decoded), _CHUNK):
                    connection.execute(known[name].insert(), decoded[start : start + _CHUNK])
    except (SQLAlchemyError, ValueError) as error:
        raise BackupError(f"{shown} cannot be restored: {database_reason(error)}") from None
    finally:
        store.close()


def decoded_row(table: Table, row: Any, shown: Path) -> dict[str, Any]:
    if not isinstance(row, dict):
        raise BackupError(f"{shown}: a row of {table.name} is not an object")
    columns = table.columns
    unknown = set(row) - set(columns.keys())
    if unknown:
        raise BackupError(f"{shown}: {table.name} has unknown columns {sorted(unknown)[:5]}")
    return {key: _value(columns[key], value, table.name, shown) for key, value in row.items()}


def _value(column: Column[Any], value: Any, table: str, shown: Path) -> Any:
    if value is None or isinstance(column.type, JSON):
        return value
    kinds: list[tuple[type, type | tuple[type, ...], Any]] = [
        (DateTime, str, dt.datetime.fromisoformat),
        (Date, str, dt.date.fromisoformat),
        (Time, str, dt.time.fromisoformat),
        (Boolean, bool, bool),
        (Integer, int, int),
        (Float, (int, float), float),
        (String, str, str),
    ]
    for sql_type, python, convert in kinds:
        if isinstance(column.type, sql_type):
            if not isinstance(value, python) or (
                isinstance(value, bool) and sql_type is not Boolean
            ):
                break
            try:
                return convert(value)
            except ValueError:
                break
    raise BackupError(
        f"{shown}: {table}.{column.name} holds {str(value)[:60]!r}, not a valid value"
    )


def _refuse_unknown_revision(revision: str, shown: Path) -> None:
    if not migrate.known(revision):
        raise BackupError(
            f"{shown} comes from a newer twitchcheck (schema {revision!r}); upgrade twitchcheck "
            "to restore it"
        )


def _rows_at_head(work: Path, shown: Path) -> dict[str, list[dict[str, Any]]]:
    store = open_store(sqlite_url(work), migrate=False)
    try:
        with store.engine.connect() as connection:
            found = {
                name
                for (name,) in connection.execute(
                    text("SELECT name FROM sqlite_master WHERE type = 'table'")
                )
            }
            if META not in found:
                raise _not_ours(shown, "a SQLite database without twitchcheck's tables")
            application = connection.scalar(
                text("SELECT value FROM store_meta WHERE key = 'application'")
            )
            if application != APPLICATION:
                raise _not_ours(shown, "its store_meta does not name twitchcheck")
            revision = migrate.current(store.engine)
        if revision is None:
            raise _not_ours(shown, "it records no schema revision")
        _refuse_unknown_revision(revision, shown)
        migrate.upgrade(store.engine)
        with store.engine.connect() as connection:
            return {
                table.name: [
                    dict(row._mapping)
                    for row in connection.execute(select(table).order_by(*table.primary_key))
                ]
                for table in _tables()
            }
    except (DBAPIError, StatementError) as error:
        raise BackupError(
            f"{shown} cannot be read as a twitchcheck store: {database_reason(error)}"
        ) from None
    finally:
        store.close()


# --- restore ----------------------------------------------------------------------------------


def restore(store: Store, source: Path) -> Counts:
    """Replace everything in the store with the backup `source`, in one transaction; returns
    the number of rows of each table restored."""
    rows = read_backup(source)
    try:
        with store.write() as session:
            connection = session.connection()
            for table in reversed(_tables()):
                connection.execute(table.delete())
            for table in _tables():
                batch = rows.get(table.name, [])
                for start in range(0, len(batch), _CHUNK):
                    connection.execute(table.insert(), batch[start : start + _CHUNK])
            if connection.dialect.name == "postgresql":
                for table in _tables():
                    # Explicit ids leave the sequence behind; the next insert would clash.
                    connection.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                            f"coalesce(max(id), 1), max(id) IS NOT NULL) FROM {table.name}"
                        )
                    )
    except SQLAlchemyError as error:
        raise BackupError(
            f"{source} cannot be restored: {database_reason(error)}; the store was not changed"
        ) from None
    return _counts(rows)


# --- files ------------------------------------------------------------------------------------


def _counts(rows: dict[str, list[dict[str, Any]]]) -> Counts:
    return {table.name: len(rows.get(table.name, [])) for table in _tables()}


def database_reason(error: Exception) -> str:
    original = getattr(error, "orig", None)
    return str(original or error).splitlines()[0][:300]


@contextlib.contextmanager
def _private_temporary(destination: Path) -> Iterator[Path]:
    """A 0600 temporary file beside `destination`, removed unless renamed over it."""
    folder = destination.parent
    if not folder.is_dir():
        raise BackupError(f"the folder {folder} does not exist; create it or give another path")
    if destination.is_dir():
        raise BackupError(f"{destination} is a folder; give a file name inside it")
    try:
        handle, name = tempfile.mkstemp(prefix=f".{destination.name[:40]}.", dir=folder)
    except OSError as error:
        raise BackupError(f"{folder} cannot be written: {error.strerror or error}") from None
    os.close(handle)
    path = Path(name)
    try:
        yield path
    finally:
        path.unlink(missing_ok=True)


def _fsync(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
