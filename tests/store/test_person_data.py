"""A person's data is theirs (issue 15): export of everything, import back, delete for good.

The tables are filled generically as well as through the repository API: one row of every
table that belongs to a profile, values made from each column's type and distinctive
strings, so that a table added later is exported, imported and wiped without this file
changing.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Time,
    create_engine,
    func,
    insert,
    inspect,
    select,
    text,
)
from sqlalchemy.pool import StaticPool

from conftest import place_store
from store.test_store_backup import fill
from twitchcheck.store import NotFoundError, Store, migrate, open_store, profiles
from twitchcheck.store.location import sqlite_url
from twitchcheck.store.models import Base
from twitchcheck.store.person_data import (
    FORMAT,
    NOT_PERSONAL,
    ROOT,
    PersonFileError,
    PersonTable,
    delete_person,
    export_person,
    import_person,
    person_tables,
    read_person,
    unowned_tables,
)

# --- a generic fill: one row in every table of a person -------------------------------------


def _value(column: Column[Any], marker: str) -> Any:
    kind = column.type
    if isinstance(kind, JSON):
        return {"note": marker, "list": [marker, 1.5, None, True]}
    if isinstance(kind, String):
        return marker[: kind.length] if kind.length else f"{marker} as typed, ¼ cup 🥣"
    if isinstance(kind, Boolean):
        return True
    if isinstance(kind, Integer):
        return 3
    if isinstance(kind, Float):
        return 2.5
    if isinstance(kind, DateTime):
        return dt.datetime(2026, 11, 21, 2, 30, 15, 250)
    if isinstance(kind, Date):
        return dt.date(2026, 11, 20)
    if isinstance(kind, Time):
        return dt.time(21, 5, 30)
    raise AssertionError(f"no sample value for {column} ({kind!r}): teach _value its type")


def synthetic_person(store: Store, name: str, tag: str) -> list[str]:
    """Save `name` with one row in every table of a person; returns the strings written."""
    ids: dict[str, int] = {}
    written: list[str] = [name]
    with store.write() as session:
        connection = session.connection()
        for entry in person_tables():
            row: dict[str, Any] = {}
            for column in entry.table.columns:
                foreign = [fk.column.table.name for fk in column.foreign_keys]
                if column.primary_key and not foreign:
                    continue
                if foreign:
                    row[column.name] = ids[foreign[0]]
                    continue
                if entry.table.name == ROOT and column.name == "name":
                    row["name"] = name
                    continue
                marker = f"{tag}{len(written):03d}"
                row[column.name] = _value(column, marker)
                if isinstance(column.type, String | JSON):
                    written.append(marker)
            [key] = entry.table.primary_key.columns
            added = connection.execute(insert(entry.table).returning(key), [row])
            ids[entry.table.name] = added.scalar_one()
    return written


def renumbered(document: dict[str, Any]) -> dict[str, Any]:
    """The document with every id replaced by the row's place in its table (ids are local to
    a file and new on import), and without the time of export."""
    places: dict[str, dict[Any, int]] = {}
    tables: dict[str, list[dict[str, Any]]] = {}
    for entry in person_tables():
        rows = document["tables"][entry.table.name]
        places[entry.table.name] = {row["id"]: place for place, row in enumerate(rows)}
        tables[entry.table.name] = [_renumbered_row(entry, row, places) for row in rows]
    return {**document, "exported_at": None, "tables": tables}


def _renumbered_row(
    entry: PersonTable, row: dict[str, Any], places: dict[str, dict[Any, int]]
) -> dict[str, Any]:
    copy = {**row, "id": places[entry.table.name][row["id"]]}
    for fk in entry.table.foreign_keys:
        copy[fk.parent.name] = places[fk.column.table.name][row[fk.parent.name]]
    return copy


def row_counts(store: Store) -> dict[str, int]:
    with store.read() as session:
        return {
            table.name: session.scalar(select(func.count()).select_from(table)) or 0
            for table in Base.metadata.sorted_tables
        }


def profile_id(store: Store, name: str) -> int:
    found = profiles.find_profile(store, name)
    assert found is not None
    return found.id


# --- which tables are a person's --------------------------------------------------------------


def test_every_table_but_the_stores_own_belongs_to_a_person() -> None:
    # A table added without a link to profiles would be left out of export and delete.
    assert unowned_tables() == []
    names = {entry.table.name for entry in person_tables()}
    assert names | NOT_PERSONAL == set(Base.metadata.tables)
    assert {"profiles", "screenings", "diary_days", "diary_entries", "lab_results"} <= names
    assert {"supplements", "plans", "own_foods", "corrections"} <= names


def test_a_new_table_and_its_children_are_found_from_the_schema_alone() -> None:
    metadata = MetaData()
    Table("profiles", metadata, Column("id", Integer, primary_key=True))
    Table("nights", metadata, Column("id", Integer, primary_key=True),
          Column("profile_id", ForeignKey("profiles.id")))  # fmt: skip
    Table("night_notes", metadata, Column("id", Integer, primary_key=True),
          Column("night_id", ForeignKey("nights.id")))  # fmt: skip
    Table("both", metadata, Column("id", Integer, primary_key=True),
          Column("night_id", ForeignKey("nights.id")),
          Column("profile_id", ForeignKey("profiles.id")))  # fmt: skip
    Table("orphan", metadata, Column("id", Integer, primary_key=True))
    found = {entry.table.name: entry for entry in person_tables(metadata)}
    assert next(iter(found)) == "profiles"
    assert found["night_notes"].parent is found["nights"]
    assert found["both"].parent is found["profiles"]  # the direct way to the person
    assert unowned_tables(metadata) == ["orphan"]


def test_the_export_holds_every_table_of_a_person_and_only_theirs(
    store: Store, person: int
) -> None:
    synthetic_person(store, "Cleo", "CLEO")
    synthetic_person(store, "Dan", "DANX")
    document = export_person(store, "Cleo")
    assert document["format"] == FORMAT
    assert document["revision"] == migrate.head()
    assert set(document["tables"]) == set(Base.metadata.tables) - NOT_PERSONAL
    for name, rows in document["tables"].items():
        assert len(rows) == 1, name  # reached through its parent, and not Dan's row
    assert "DANX" not in json.dumps(document)
    assert [row["name"] for row in export_person(store, "Ann")["tables"][ROOT]] == ["Ann"]


def test_an_unknown_profile_is_not_found(store: Store) -> None:
    with pytest.raises(NotFoundError, match="'Zed'"):
        export_person(store, "Zed")
    with pytest.raises(NotFoundError):
        delete_person(store, "Zed")


# --- the round trip ---------------------------------------------------------------------------


def test_export_delete_import_gives_back_everything(store: Store) -> None:
    fill(store)  # through the repository API: "Ann <b>" and "Bob"
    synthetic_person(store, "Cleo", "CLEO")
    bob = export_person(store, "Bob")
    for name in ("Ann <b>", "Cleo"):
        before = export_person(store, name)
        delete_person(store, name)
        saved = import_person(store, json.loads(json.dumps(before, ensure_ascii=False)))
        assert (saved.name, saved.counts[ROOT]) == (name, 1)
        assert renumbered(export_person(store, name)) == renumbered(before)
    after = export_person(store, "Bob")
    assert {**after, "exported_at": None} == {**bob, "exported_at": None}  # ids and all


def test_an_import_under_another_name_leaves_the_first_as_it_was(store: Store) -> None:
    synthetic_person(store, "Cleo", "CLEO")
    document = export_person(store, "Cleo")
    saved = import_person(store, document, name="  Cleo (copy) ")
    assert saved.name == "Cleo (copy)"
    assert saved.counts == {name: len(rows) for name, rows in document["tables"].items()}
    copy = export_person(store, "Cleo (copy)")
    assert renumbered(copy)["tables"][ROOT][0]["name"] == "Cleo (copy)"
    assert renumbered(export_person(store, "Cleo")) == renumbered(document)


def test_a_name_already_taken_is_refused_and_nothing_saved(store: Store) -> None:
    synthetic_person(store, "Cleo", "CLEO")
    document = export_person(store, "Cleo")
    before = row_counts(store)
    with pytest.raises(PersonFileError, match=r"'Cleo' already exists.*--as"):
        import_person(store, document)
    assert row_counts(store) == before


def _columns_at(revision: str) -> dict[str, set[str]]:
    engine = create_engine("sqlite+pysqlite://", poolclass=StaticPool)
    try:
        migrate.upgrade(engine, revision)
        found = inspect(engine)
        return {
            name: {column["name"] for column in found.get_columns(name)}
            for name in found.get_table_names()
        }
    finally:
        engine.dispose()


def test_a_file_from_an_older_schema_is_upgraded_as_it_is_read(store: Store) -> None:
    first = "0001"
    if migrate.head() == first:
        pytest.skip("one revision only: no older schema to read")
    synthetic_person(store, "Cleo", "CLEO")
    document = export_person(store, "Cleo")
    columns = _columns_at(first)
    old_tables = set(columns) & set(document["tables"])
    older = {
        **document,
        "revision": first,
        "tables": {
            name: [{k: v for k, v in row.items() if k in columns[name]} for row in rows]
            for name, rows in document["tables"].items()
            if name in old_tables
        },
    }
    rows = read_person(older)
    assert set(rows) == {entry.table.name for entry in person_tables()}
    assert all(rows[name] == [] for name in set(rows) - old_tables)
    assert rows["diary_entries"][0]["text"].startswith("CLEO")


# --- delete for good --------------------------------------------------------------------------


def test_delete_removes_every_row_of_the_person_and_nothing_else(store: Store) -> None:
    synthetic_person(store, "Cleo", "CLEO")
    synthetic_person(store, "Dan", "DANX")
    dan = export_person(store, "Dan")
    gone = profile_id(store, "Cleo")
    deleted = delete_person(store, " Cleo ")
    assert deleted.name == "Cleo"
    assert deleted.counts == dict.fromkeys(dan["tables"], 1)
    assert deleted.wiped
    assert any("still hold" in note for note in deleted.notes)
    with store.read() as session:
        for entry in person_tables():  # Dan's one row is all that is left
            assert session.scalar(select(func.count()).select_from(entry.table)) == 1
        table = Base.metadata.tables[ROOT]
        assert session.scalar(select(table.c.id).where(table.c.id == gone)) is None
    with pytest.raises(NotFoundError):
        export_person(store, "Cleo")
    assert {**export_person(store, "Dan"), "exported_at": None} == {**dan, "exported_at": None}


def test_postgresql_rewrites_the_tables_and_says_what_it_may_still_hold(store: Store) -> None:
    if store.is_sqlite:
        pytest.skip("PostgreSQL only")
    synthetic_person(store, "Cleo", "CLEO")
    deleted = delete_person(store, "Cleo")
    assert deleted.wiped
    assert any("pg_wal" in note for note in deleted.notes)


def _sqlite_bytes(path: Path) -> bytes:
    """The store file and its -wal and -shm, as anyone reading the disk would see them."""
    return b"".join(
        Path(f"{path}{suffix}").read_bytes()
        for suffix in ("", "-wal", "-shm")
        if Path(f"{path}{suffix}").exists()
    )


@pytest.fixture
def sqlite_store(tmp_path: Path, migrated_store: Path) -> Iterator[Store]:
    opened = open_store(sqlite_url(place_store(migrated_store, tmp_path / "twitchcheck.sqlite")))
    yield opened
    opened.close()


def _everyday_things(store: Store, name: str, tag: str) -> list[str]:
    """A person saved through the repository API, with distinctive words everywhere."""
    from twitchcheck.store import EntryInput, LabInput, diaries, labs, own_foods, results
    from twitchcheck.store import supplements as supplement_store

    person = profiles.add_profile(store, profiles.ProfileDetails(name=f"{tag} person")).id
    day = dt.date(2026, 11, 20)
    words = [f"{tag}-line-{n}" for n in range(4)]
    diaries.import_diary(store, person, [EntryInput(day, text) for text in words])
    labs.add_lab_results(store, person, [LabInput(day, f"{tag}-lab", 0.62, "mmol/L")])
    supplement_store.add_supplement(store, person, f"{tag}-magnesium 400 mg", day)
    results.save_screening(store, person, {"note": f"{tag}-answers"}, {"x": f"{tag}-result"})
    results.save_plan(store, person, {"note": f"{tag}-request"}, {"x": f"{tag}-plan"})
    own_foods.save_own_food(store, person, f"{tag}-porridge", [f"{tag}-oats 40 g"])
    own_foods.remember_correction(store, person, f"{tag}-stew", "fndds:27211200")
    return [
        f"{tag} person", *words, f"{tag}-lab", f"{tag}-magnesium", f"{tag}-answers",
        f"{tag}-result", f"{tag}-request", f"{tag}-plan", f"{tag}-porridge", f"{tag}-oats",
        f"{tag}-stew",
    ]  # fmt: skip


def test_after_delete_no_byte_of_the_person_is_left_in_the_sqlite_files(
    sqlite_store: Store,
) -> None:
    assert sqlite_store.path is not None
    gone = synthetic_person(sqlite_store, "Gwendolyn Quarry", "GQZ") + _everyday_things(
        sqlite_store, "g", "gqx"
    )
    kept = synthetic_person(sqlite_store, "Kept Person", "KPZ")
    raw = _sqlite_bytes(sqlite_store.path)
    assert [word for word in gone if word.encode() not in raw] == []  # the check can fail
    deleted = delete_person(sqlite_store, "Gwendolyn Quarry")
    delete_person(sqlite_store, "gqx person")
    assert deleted.wiped
    raw = _sqlite_bytes(sqlite_store.path)
    left = [word for word in gone if word.encode() in raw]
    assert left == []
    assert all(word.encode() in raw for word in kept)
    assert Path(f"{sqlite_store.path}-wal").stat().st_size == 0


def test_an_ordinary_delete_leaves_the_bytes_that_vacuum_and_checkpoint_remove(
    sqlite_store: Store,
) -> None:
    # Why delete_person wipes: secure_delete zeroes the live pages, but until a checkpoint
    # the -wal file still holds the frames that wrote the rows.
    assert sqlite_store.path is not None
    gone = _everyday_things(sqlite_store, "g", "gqx")
    profiles.delete_profile(sqlite_store, profile_id(sqlite_store, "gqx person"))
    raw = _sqlite_bytes(sqlite_store.path)
    assert any(word.encode() in raw for word in gone)


def test_the_store_zeroes_what_it_deletes(sqlite_store: Store) -> None:
    assert sqlite_store.path is not None
    with sqlite_store.read() as session:
        assert session.connection().exec_driver_sql("PRAGMA secure_delete").scalar() == 1
    gone = _everyday_things(sqlite_store, "g", "gqx")
    profiles.delete_profile(sqlite_store, profile_id(sqlite_store, "gqx person"))
    with sqlite_store.engine.connect() as connection:
        raw = connection.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # no VACUUM: secure_delete alone
    left = [word for word in gone if word.encode() in _sqlite_bytes(sqlite_store.path)]
    assert left == []


# --- hostile person files: a clear message, nothing saved ---------------------------------------


def _set(table: str, column: str, value: Any, row: int = 0) -> Any:
    def change(document: dict[str, Any]) -> None:
        document["tables"][table][row][column] = value

    return change


def _key(key: str, value: Any) -> Any:
    def change(document: dict[str, Any]) -> None:
        document[key] = value

    return change


def _add_profile(document: dict[str, Any]) -> None:
    first = document["tables"]["profiles"][0]
    document["tables"]["profiles"].append({**first, "id": 99, "name": "Someone else"})


def _no_profile(document: dict[str, Any]) -> None:
    document["tables"]["profiles"] = []


def _twice(document: dict[str, Any]) -> None:
    days = document["tables"]["diary_days"]
    days.append({**days[0], "id": 98})  # the same day twice for one person


def _deep(document: dict[str, Any]) -> None:
    nested: Any = "x"
    for _ in range(3000):
        nested = [nested]
    document["tables"]["screenings"][0]["answers"] = nested


HOSTILE = {
    "not an object": (lambda d: d.clear(), "not a twitchcheck person file"),
    "a backup, not a person file": (_key("format", "twitchcheck-backup"), "not a twitchcheck"),
    "newer format": (_key("format_version", 2), "upgrade twitchcheck"),
    "format as text": (_key("format_version", "1"), "format_version is '1'"),
    "format as true": (_key("format_version", True), "format_version is 'True'"),
    "unknown revision": (_key("revision", "9999"), "'9999' is not one"),
    "no revision": (_key("revision", None), "revision"),
    "tables not an object": (_key("tables", [1, 2]), 'no "tables" object'),
    "unknown table": (
        lambda d: d["tables"].__setitem__("secrets", []),
        "not a person's: ['secrets']",
    ),
    "the store's own table": (lambda d: d["tables"].__setitem__("store_meta", []), "store_meta"),
    "rows not a list": (lambda d: d["tables"].__setitem__("plans", {}), "plans is not a list"),
    "row not an object": (lambda d: d["tables"]["plans"].append(7), "not an object"),
    "unknown column": (_set("lab_results", "secret", 1), "unknown columns ['secret']"),
    "text for a number": (_set("diary_entries", "grams", "forty"), "diary_entries.grams"),
    "boolean for a number": (_set("lab_results", "value", True), "lab_results.value"),
    "bad date": (_set("lab_results", "taken_on", "2026-02-30"), "lab_results.taken_on"),
    "bad time": (_set("diary_entries", "time", "25:00", 1), "diary_entries.time"),
    "time zone": (_set("profiles", "created_at", "2026-11-20T10:00+05:00"), "time zone"),
    "NUL byte": (_set("diary_entries", "text", "tea\x00milk"), "NUL"),
    "lone surrogate": (_set("supplements", "text", "caf\ud800"), "broken character"),
    "name too long": (_set("profiles", "name", "x" * 201), "at most 200"),
    "huge integer": (_set("profiles", "birth_year", 10**30), "too large"),
    "not finite": (_set("profiles", "weight_kg", float("nan")), "not a finite number"),
    "missing value": (
        lambda d: d["tables"]["diary_entries"][0].pop("text"),
        "NOT NULL constraint failed: diary_entries.text",
    ),
    "dangling reference": (_set("diary_entries", "day_id", 999), "names a diary_days row"),
    "another person's row": (_set("lab_results", "profile_id", 2), "names a profiles row"),
    "two profiles": (_add_profile, "holds 2 profiles"),
    "no profile": (_no_profile, "holds 0 profiles"),
    "a day twice": (_twice, "UNIQUE constraint failed"),
    "deep JSON": (_deep, "nests too deeply"),
}


@pytest.mark.parametrize(("change", "words"), HOSTILE.values(), ids=HOSTILE.keys())
def test_a_hostile_person_file_is_refused_whole(
    sqlite_store: Store, change: Any, words: str
) -> None:
    # The file is checked in a private SQLite copy whatever the store: one backend suffices.
    document = _document()
    change(document)
    before = row_counts(sqlite_store)
    with pytest.raises(PersonFileError) as refused:
        import_person(sqlite_store, document)
    assert words in str(refused.value)
    assert str(refused.value).endswith("nothing was saved")
    assert row_counts(sqlite_store) == before


@pytest.mark.parametrize("document", [None, [], "text", 7, b"\x00binary"])
def test_what_is_not_an_object_is_not_a_person_file(sqlite_store: Store, document: Any) -> None:
    with pytest.raises(PersonFileError, match="not a twitchcheck person file"):
        import_person(sqlite_store, document)


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats()
    | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=8,
)


@pytest.mark.slow  # ~0.25 s an example
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_any_change_to_a_file_imports_whole_or_not_at_all(store: Store, data: Any) -> None:
    changed = _document()
    table = data.draw(st.sampled_from(sorted(k for k, v in changed["tables"].items() if v)))
    row = data.draw(st.sampled_from(changed["tables"][table]))
    column = data.draw(st.sampled_from(sorted(row)) | st.text(max_size=8))
    row[column] = data.draw(JSON_VALUES)
    before = row_counts(store)
    refused = _refusal(store, changed)
    after = row_counts(store)
    if refused is not None:
        assert refused.endswith("nothing was saved")
        assert after == before
        return
    assert after[ROOT] == before[ROOT] + 1
    assert sum(after.values()) - sum(before.values()) == sum(map(len, changed["tables"].values()))
    delete_person(store, "Hypothesis")


def _refusal(store: Store, document: Any) -> str | None:
    """The message an import is refused with, or None once it is saved."""
    try:
        import_person(store, document, name="Hypothesis")
    except PersonFileError as error:
        return str(error)
    return None


@functools.cache
def _exported() -> str:
    with tempfile.TemporaryDirectory() as folder:
        scratch = open_store(sqlite_url(Path(folder) / "twitchcheck.sqlite"))
        try:
            fill(scratch)
            return json.dumps(export_person(scratch, "Ann <b>"))
        finally:
            scratch.close()


def _document() -> dict[str, Any]:
    """A fresh copy of one exported person (made once)."""
    loaded: dict[str, Any] = json.loads(_exported())
    return loaded


_RELATION_FILES = text(
    """
    WITH tables AS (
        SELECT oid FROM pg_class
        WHERE relname = ANY(:names) AND relnamespace = 'public'::regnamespace
        UNION SELECT reltoastrelid FROM pg_class
        WHERE relname = ANY(:names) AND relnamespace = 'public'::regnamespace
            AND reltoastrelid <> 0
    )
    SELECT pg_relation_filepath(oid) FROM tables
    UNION SELECT pg_relation_filepath(indexrelid) FROM pg_index
    WHERE indrelid IN (SELECT oid FROM tables)
    """
)


def _postgresql_files(store: Store) -> bytes:
    """The person tables' files (heap, TOAST, indexes) as the server's disk holds them."""
    names = [entry.table.name for entry in person_tables()]
    with store.engine.connect() as connection:
        connection.execute(text("CHECKPOINT"))  # the shared buffers written out first
        folder = Path(connection.execute(text("SHOW data_directory")).scalar_one())
        paths = [row[0] for row in connection.execute(_RELATION_FILES, {"names": names})]
    try:
        return b"".join(
            segment.read_bytes() for path in paths for segment in sorted(folder.glob(f"{path}*"))
        )
    except PermissionError:
        pytest.skip("the server's data folder cannot be read by this user")


def test_after_delete_the_postgresql_tables_files_hold_no_byte_of_the_person(
    store: Store,
) -> None:
    if store.is_sqlite:
        pytest.skip("PostgreSQL only")
    gone = synthetic_person(store, "Gwendolyn Quarry", "GQZ")
    kept = synthetic_person(store, "Kept Person", "KPZ")
    raw = _postgresql_files(store)
    if not raw:
        pytest.skip("the server's data folder is not on this machine")
    assert [word for word in gone if word.encode() not in raw] == []  # the check can fail
    delete_person(store, "Gwendolyn Quarry")
    raw = _postgresql_files(store)
    assert [word for word in gone if word.encode() in raw] == []
    assert [word for word in kept if word.encode() not in raw] == []


def test_a_program_reading_the_store_delays_the_wipe_until_it_closes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from twitchcheck.store import engine

    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 200)  # the checkpoint waits this long
    path = tmp_path / "twitchcheck.sqlite"
    store = open_store(sqlite_url(path))
    gone = synthetic_person(store, "Gwendolyn Quarry", "GQZ")
    reader = sqlite3.connect(path)  # twitchcheck serve, in the middle of a page
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM profiles").fetchone()
    deleted = delete_person(store, "Gwendolyn Quarry")
    assert not deleted.wiped
    assert any("-wal" in note for note in deleted.notes)
    store.close()
    reader.close()  # the last connection: SQLite checkpoints and removes the -wal file
    assert [word for word in gone if word.encode() in _sqlite_bytes(path)] == []


def test_a_postgresql_table_locked_by_another_session_is_reported_not_waited_for(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    if store.is_sqlite:
        pytest.skip("PostgreSQL only")
    from twitchcheck.store import person_data

    monkeypatch.setattr(person_data, "_LOCK_WAIT", "200ms")
    synthetic_person(store, "Cleo", "CLEO")
    with store.engine.connect() as other, other.begin():
        other.execute(text("LOCK TABLE plans IN ACCESS SHARE MODE"))  # a reader mid-page
        deleted = delete_person(store, "Cleo")
    assert not deleted.wiped
    assert "did not rewrite the tables" in deleted.notes[0]
    assert profiles.find_profile(store, "Cleo") is None  # the delete itself is done


def test_the_journal_comes_back_as_it_was_logged(store: Store, person: int) -> None:
    from twitchcheck.journal.files import journal_dict, parse_journal
    from twitchcheck.store import journal as journal_store

    logged = {
        "episodes": [
            {"start": "2026-11-21T02:30", "kind": "cramp", "where": ["left calf"], "count": 1,
             "duration_min": 3, "severity": 6, "sleep_disruption": 5},
            {"start": "2026-11-23T04:10", "kind": "twitch", "where": ["eyelid"]},
        ],
        "days": [
            {"date": "2026-11-20",
             "factors": {"caffeine_mg": 300, "caffeine_after_2pm": True, "alcohol_drinks": 1,
                         "sleep_hours": 6.5, "stress": 7, "exercise": "intense",
                         "fluids_l": 1.2}},
            {"date": "2026-11-21", "quiet_night": True},
        ],
    }  # fmt: skip
    journal_store.import_journal(store, person, parse_journal(logged))
    before = journal_dict(journal_store.load_journal(store, person))
    document = json.loads(json.dumps(export_person(store, "Ann")))
    delete_person(store, "Ann")
    saved = import_person(store, document)
    assert journal_dict(journal_store.load_journal(store, saved.profile_id)) == before
    assert saved.counts["journal_episodes"] == 2


def test_a_person_moves_from_a_sqlite_file_to_either_store(
    store: Store, sqlite_store: Store
) -> None:
    fill(sqlite_store)
    synthetic_person(sqlite_store, "Cleo", "CLEO")
    for name in ("Ann <b>", "Cleo"):
        document = json.loads(json.dumps(export_person(sqlite_store, name)))
        import_person(store, document)
        assert renumbered(export_person(store, name)) == renumbered(document)
