"""A person's data is theirs: everything of one profile exported, imported back, or deleted.

- `export_person(store, name)`: one JSON-ready document (docs/person-data-format.md) with
  every row of every table that hangs off `profiles`, directly by a foreign key or through
  a parent (a diary's lines through its days). The tables are found from the schema itself,
  so a table added later is carried without a second list to keep in step.
- `import_person(store, document)`: the document is checked whole first (format, version,
  schema revision, tables, columns, types, references) in a private in-memory SQLite copy,
  upgraded there to the current schema, then written in one transaction under new ids.
- `delete_person(store, name)`: every row of the profile deleted in one transaction, then
  the freed space wiped: on SQLite with secure_delete on, VACUUM and a TRUNCATE checkpoint
  (so neither the file nor its -wal keeps the bytes); on PostgreSQL VACUUM FULL of the
  person's tables (what the server may still hold is in the doc).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import sqlite3
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    Connection,
    DateTime,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    create_engine,
    delete,
    event,
    func,
    insert,
    select,
    text,
)
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import StaticPool
from sqlalchemy.sql.elements import ColumnElement

from twitchcheck.errors import InputError
from twitchcheck.store import checks, migrate
from twitchcheck.store.backups import database_reason, decoded_row, encoded_value
from twitchcheck.store.engine import Store
from twitchcheck.store.errors import BackupError, NotFoundError, StoreInputError
from twitchcheck.store.models import APPLICATION, NAME_CHARS, Base

FORMAT = "twitchcheck-person"
FORMAT_VERSION = 1
ROOT = "profiles"
NOT_PERSONAL = frozenset({"store_meta"})  # facts about the store itself, no one's data
_COPIES = (
    "copies made before this delete (backups, exported person files) still hold this "
    "person's data; delete those too"
)
_SHOWN = "the file"  # how backups' reader names the file in its messages
_SHOWN_PATH = Path(_SHOWN)
_SERVER_LOG = (
    "PostgreSQL's write-ahead log (pg_wal), and any archived log, replica or server backup, "
    "may keep the deleted rows until they are recycled"
)
_LOCK_WAIT = "10s"  # as long as SQLite's busy timeout: a busy server is told, not waited for
_INT_RANGE = 2**31  # PostgreSQL's INTEGER; refusing more on SQLite too keeps them alike

Rows = dict[str, list[dict[str, Any]]]


class PersonFileError(InputError):
    """A person file that cannot be imported; nothing was saved."""

    code = "bad_person_file"


@dataclass(frozen=True)
class PersonTable:
    """A table holding a person's rows and the foreign key that leads to their profile."""

    table: Table
    link: Column[Any] | None = None  # this table's column naming the parent row
    referred: Column[Any] | None = None  # the parent's column it names
    parent: PersonTable | None = None


@dataclass(frozen=True)
class PersonImport:
    """What an import saved: the new profile and the rows of each table."""

    profile_id: int
    name: str
    counts: dict[str, int]


@dataclass(frozen=True)
class PersonDeletion:
    """What a delete removed, and whether the freed space was wiped."""

    name: str
    counts: dict[str, int]
    wiped: bool
    notes: list[str] = field(default_factory=list)


# --- which tables are a person's -------------------------------------------------------------


def person_tables(metadata: MetaData = Base.metadata) -> tuple[PersonTable, ...]:
    """Every table of `metadata` that belongs to a profile, parents before children."""
    found: dict[str, PersonTable] = {}
    for table in metadata.sorted_tables:
        if table.name == ROOT:
            found[ROOT] = PersonTable(table)
            continue
        links = [
            (fk.parent, fk.column) for fk in table.foreign_keys if fk.column.table.name in found
        ]
        if links:
            # The profile itself when the table names it: the shortest way to the person.
            link, referred = min(links, key=lambda pair: pair[1].table.name != ROOT)
            found[table.name] = PersonTable(table, link, referred, found[referred.table.name])
    return tuple(found.values())


def unowned_tables(metadata: MetaData = Base.metadata) -> list[str]:
    """Tables that are neither a person's nor the store's own: a new table that forgot its
    link to `profiles` (a test keeps this empty)."""
    personal = {entry.table.name for entry in person_tables(metadata)}
    return sorted(set(metadata.tables) - personal - NOT_PERSONAL)


def _belongs(entry: PersonTable, profile_id: int) -> ColumnElement[bool]:
    """The rows of `entry` that are the profile's."""
    if entry.parent is None:
        [key] = entry.table.primary_key.columns
        return key == profile_id
    assert entry.link is not None
    assert entry.referred is not None
    if entry.parent.parent is None:
        return entry.link == profile_id
    parents = select(entry.referred).where(_belongs(entry.parent, profile_id))
    return entry.link.in_(parents)


def require_person(store: Store, name: str) -> str:
    """The stored name of the profile `name` (spacing trimmed), or NotFoundError."""
    with store.read() as session:
        _profile_id(session.connection(), name)
    return name.strip()


def _profile_id(connection: Connection, name: str) -> int:
    profiles = Base.metadata.tables[ROOT]
    found = connection.scalar(select(profiles.c.id).where(profiles.c.name == name.strip()))
    if found is None:
        raise NotFoundError("profile", name)
    return int(found)


# --- export ---------------------------------------------------------------------------------


def export_person(store: Store, name: str) -> dict[str, Any]:
    """Everything saved for the profile `name`, as the documented JSON-ready document."""
    with _snapshot(store) as connection:
        profile_id = _profile_id(connection, name)
        tables = {
            entry.table.name: [
                {key: encoded_value(value) for key, value in row._mapping.items()}
                for row in connection.execute(
                    select(entry.table)
                    .where(_belongs(entry, profile_id))
                    .order_by(*entry.table.primary_key)
                )
            ]
            for entry in person_tables()
        }
        revision = migrate.current(connection)
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "application": APPLICATION,
        "revision": revision,
        "exported_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "profile": name.strip(),
        "tables": tables,
    }


@contextlib.contextmanager
def _snapshot(store: Store) -> Iterator[Connection]:
    """One consistent view: SQLite's read transaction is one; PostgreSQL needs REPEATABLE READ."""
    connection = store.engine.connect()
    if not store.is_sqlite:
        connection = connection.execution_options(isolation_level="REPEATABLE READ")
    with connection, connection.begin():
        yield connection


# --- reading a person file ------------------------------------------------------------------


def read_person(document: Any) -> Rows:
    """The rows of a person file at the current schema, every value checked; PersonFileError
    naming the first problem otherwise."""
    revision, tables = _envelope(document)
    scratch = _scratch_engine()
    try:
        metadata = _schema(scratch, revision)
        with scratch.begin() as connection:
            _load(connection, metadata, tables)
            _check_references(connection)
        if metadata is not Base.metadata:
            migrate.upgrade(scratch)  # an older file, brought to the current schema
        with scratch.connect() as connection:
            return {
                entry.table.name: [
                    dict(row._mapping)
                    for row in connection.execute(
                        select(entry.table).order_by(*entry.table.primary_key)
                    )
                ]
                for entry in person_tables()
            }
    except (SQLAlchemyError, OverflowError) as error:
        raise _refused(f"it cannot be read ({database_reason(error)})") from None
    finally:
        scratch.dispose()


def _schema(scratch: Engine, revision: str) -> MetaData:
    """The tables as they were at `revision`, made in `scratch`."""
    if revision == migrate.head():
        Base.metadata.create_all(scratch)  # the models are the head schema (a test says so)
        return Base.metadata
    migrate.upgrade(scratch, revision)
    reflected = MetaData()
    reflected.reflect(bind=scratch)
    return reflected


def _refused(why: str) -> PersonFileError:
    return PersonFileError(f"the person file is refused: {why}; nothing was saved")


def _envelope(document: Any) -> tuple[str, Mapping[str, Any]]:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise _refused(
            f'it is not a twitchcheck person file (no "format": "{FORMAT}"); give a file '
            "made by 'twitchcheck export'"
        )
    version = document.get("format_version")
    if version != FORMAT_VERSION or isinstance(version, bool):
        newer = isinstance(version, int) and not isinstance(version, bool) and version > 1
        hint = (
            "upgrade twitchcheck to import it"
            if newer
            else f"this twitchcheck reads {FORMAT_VERSION}"
        )
        raise _refused(f"its format_version is {str(version)[:20]!r}; {hint}")
    revision, tables = document.get("revision"), document.get("tables")
    if not isinstance(revision, str) or not migrate.known(revision):
        raise _refused(
            f"its schema revision {str(revision)[:40]!r} is not one this twitchcheck knows "
            "(a newer twitchcheck made it: upgrade)"
        )
    if not isinstance(tables, dict):
        raise _refused('it has no "tables" object')
    return revision, tables


def _scratch_engine() -> Engine:
    """A private in-memory SQLite database: nothing of the file touches the disk."""
    engine = create_engine("sqlite+pysqlite://", poolclass=StaticPool)

    @event.listens_for(engine, "connect")
    def _settings(connection: Any, _record: Any) -> None:
        connection.execute("PRAGMA foreign_keys=OFF")  # checked once, after loading

    return engine


def _load(connection: Connection, metadata: MetaData, tables: Mapping[str, Any]) -> None:
    known = {entry.table.name: entry.table for entry in person_tables(metadata)}
    unknown = sorted(str(name)[:60] for name in tables if name not in known)
    if unknown:
        raise _refused(f"it holds tables that are not a person's: {unknown[:5]}")
    for table in known.values():
        rows = tables.get(table.name, [])
        if not isinstance(rows, list):
            raise _refused(f"{table.name} is not a list of rows")
        columns = dict(table.columns.items())  # looked up once, not for every value
        checked = [_checked_row(table, columns, row) for row in rows]
        if checked:
            connection.execute(insert(table), checked)
    count = connection.scalar(select(func.count()).select_from(known[ROOT]))
    if count != 1:
        raise _refused(f"it holds {count} profiles; a person file holds exactly one")


def _checked_row(table: Table, columns: dict[str, Column[Any]], row: Any) -> dict[str, Any]:
    try:
        decoded = decoded_row(table, row, _SHOWN_PATH)
    except BackupError as error:
        raise _refused(str(error).removeprefix(f"{_SHOWN}: ")) from None
    for key, value in decoded.items():
        if value is not None:
            _check_value(columns[key], value, table.name, key)
    return decoded


def _check_value(column: Column[Any], value: Any, table: str, key: str) -> None:
    """What the stores themselves would refuse, refused alike on both with a message."""
    what = f"{table}.{key}"
    try:
        if isinstance(column.type, JSON):
            checks.document(value, what)
        elif isinstance(value, str) and isinstance(column.type, String):
            most = column.type.length or checks.TEXT_CHARS
            checks.text(value, what, most, blank=True)
        elif isinstance(value, float) and not math.isfinite(value):
            raise StoreInputError(f"{what} is {value!r}, not a finite number")
        elif isinstance(column.type, Integer) and not -_INT_RANGE < value < _INT_RANGE:
            raise StoreInputError(f"{what} is {value:,}, too large to store")
        elif isinstance(column.type, DateTime) and value.tzinfo is not None:
            raise StoreInputError(f"{what} has a time zone; the store keeps naive UTC")
    except StoreInputError as error:
        raise _refused(str(error)) from None


def _check_references(connection: Connection) -> None:
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").first()
    if broken is not None:
        table, rowid, parent, _ = broken
        raise _refused(
            f"a row of {table} (row {rowid}) names a {parent} row the file does not hold"
        )


# --- import ---------------------------------------------------------------------------------


def import_person(store: Store, document: Any, *, name: str | None = None) -> PersonImport:
    """Save the person file `document` as a new profile (called `name` if given), all of it
    in one transaction or nothing; a name already taken is refused."""
    rows = read_person(document)
    [profile] = rows[ROOT]
    chosen = name if name is not None else profile["name"]
    try:
        profile["name"] = checks.text(chosen, "the profile's name", NAME_CHARS).strip()
    except StoreInputError as error:
        raise _refused(str(error)) from None
    try:
        with store.write() as session:
            connection = session.connection()
            _refuse_taken(connection, profile["name"])
            new_ids = _insert_all(connection, rows)
    except SQLAlchemyError as error:
        raise _refused(f"the store refused it ({database_reason(error)})") from None
    counts = {table: len(batch) for table, batch in rows.items()}
    return PersonImport(new_ids[ROOT][profile["id"]], profile["name"], counts)


def _refuse_taken(connection: Connection, name: str) -> None:
    with contextlib.suppress(NotFoundError):
        _profile_id(connection, name)
        raise PersonFileError(
            f"a profile named {name!r} already exists; import it under another name "
            "(twitchcheck import FILE --as NAME) or delete that profile first; nothing was saved"
        )


def _insert_all(connection: Connection, rows: Rows) -> dict[str, dict[Any, Any]]:
    """Insert every table's rows under new ids; returns old id -> new id for each table."""
    new_ids: dict[str, dict[Any, Any]] = {}
    tables = person_tables()
    referred = {fk.column.table.name for entry in tables for fk in entry.table.foreign_keys}
    for entry in tables:
        batch = [_remapped(entry.table, row, new_ids) for row in rows.get(entry.table.name, [])]
        if not batch:
            continue
        key = _serial_key(entry.table)
        if key is None or entry.table.name not in referred:
            if key is not None:
                for row in batch:
                    del row[key.name]  # no row names it: the store numbers it, unreturned
            connection.execute(insert(entry.table), batch)
            continue
        old = [row.pop(key.name) for row in batch]
        added = connection.execute(
            insert(entry.table).returning(key, sort_by_parameter_order=True), batch
        )
        new_ids[entry.table.name] = dict(zip(old, added.scalars(), strict=True))
    return new_ids


def _serial_key(table: Table) -> Column[Any] | None:
    """The table's one integer primary key, which the store numbers itself; None if other."""
    keys = list(table.primary_key.columns)
    return keys[0] if len(keys) == 1 and isinstance(keys[0].type, Integer) else None


def _remapped(
    table: Table, row: dict[str, Any], new_ids: dict[str, dict[Any, Any]]
) -> dict[str, Any]:
    copy = dict(row)
    for fk in table.foreign_keys:
        mapping = new_ids.get(fk.column.table.name)
        if mapping is not None and copy.get(fk.parent.name) is not None:
            copy[fk.parent.name] = mapping[copy[fk.parent.name]]
    return copy


# --- delete ---------------------------------------------------------------------------------


def delete_person(store: Store, name: str) -> PersonDeletion:
    """Delete the profile `name` and every row of theirs in one transaction, then wipe the
    space they used (see the module doc)."""
    with store.write() as session:  # on SQLite with secure_delete on (engine.py)
        connection = session.connection()
        profile_id = _profile_id(connection, name)
        counts = {
            entry.table.name: connection.execute(
                delete(entry.table).where(_belongs(entry, profile_id))
            ).rowcount
            for entry in reversed(person_tables())  # children first
        }
    wiped, notes = _wipe_sqlite(store) if store.is_sqlite else _wipe_postgresql(store)
    ordered = {entry.table.name: counts[entry.table.name] for entry in person_tables()}
    return PersonDeletion(name.strip(), ordered, wiped, [*notes, _COPIES])


def _wipe_sqlite(store: Store) -> tuple[bool, list[str]]:
    # VACUUM cannot run in a transaction: the driver's own connection, in autocommit.
    with store.engine.connect() as connection:
        raw = connection.connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        try:
            raw.execute("PRAGMA temp_store=MEMORY")  # VACUUM's copy never reaches a temp file
            raw.execute("VACUUM")
            busy, _, _ = raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        except sqlite3.OperationalError:  # another program kept the store locked throughout
            busy = 1
    if busy:
        return False, [
            "another program (twitchcheck serve?) is using the store, so the old copies of "
            "the deleted rows stay in its -wal file until that program closes the store; "
            "stop it to finish the wipe"
        ]
    return True, []


def _wipe_postgresql(store: Store) -> tuple[bool, list[str]]:
    autocommit = store.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
    with autocommit as connection:
        try:
            # VACUUM FULL waits for every other session's lock on the table: not forever.
            connection.execute(text(f"SET lock_timeout = '{_LOCK_WAIT}'"))
            quote = connection.dialect.identifier_preparer.quote
            for entry in person_tables():
                connection.execute(text(f"VACUUM FULL {quote(entry.table.name)}"))
        except SQLAlchemyError as error:
            refused = (
                f"the server did not rewrite the tables ({database_reason(error)}), so the old "
                "copies of the deleted rows stay in its files until their space is reused; ask its "
                "administrator to run VACUUM FULL on them"
            )
            return False, [refused, _SERVER_LOG]
        finally:
            connection.invalidate()  # the pool's next connection starts without the timeout
    return True, [_SERVER_LOG]
