"""Backup and restore: consistent while in use, refusing what is not a backup, atomic."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import stat
import threading
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from store.conftest import PG_URL, empty_postgresql
from twitchcheck.cli import app
from twitchcheck.store import (
    BackupError,
    EntryInput,
    LabInput,
    ProfileDetails,
    Store,
    backup,
    diaries,
    labs,
    open_store,
    own_foods,
    profiles,
    restore,
    results,
    supplements,
)
from twitchcheck.store import backups as backup_module
from twitchcheck.store.location import sqlite_url
from twitchcheck.store.migrate import head
from twitchcheck.store.models import Base

DAY = dt.date(2026, 11, 20)
needs_postgresql = pytest.mark.skipif(
    not PG_URL, reason="TWITCHCHECK_TEST_DATABASE_URL is unset: no PostgreSQL server"
)


def fill(store: Store) -> None:
    """One of everything, with awkward values."""
    ann = profiles.add_profile(
        store, ProfileDetails(name="Ann <b>", birth_year=1980, sex="female", weight_kg=60.25)
    ).id
    bob = profiles.add_profile(store, ProfileDetails(name="Bob", age_years=7.5)).id
    diaries.import_diary(
        store,
        ann,
        [
            EntryInput(DAY, "40 g oats", meal="breakfast", food_id="sr28:08120", grams=40),
            EntryInput(DAY, "crème fraîche 🥣", time=dt.time(21, 5, 30)),
        ],
    )
    diaries.add_entry(store, bob, EntryInput(DAY, "milk"))
    labs.add_lab_results(store, ann, [LabInput(DAY, "Mg", 0.62, "mmol/L", 0.7, 1.0, "0.7-1.0")])
    supplements.add_supplement(store, ann, "vitamin D 4000 IU", DAY)
    results.save_screening(store, ann, {"age": 46, "x": [1.5, None, True]}, {"triage": {}})
    results.save_plan(store, bob, {"gaps": []}, {"items": [{"grams": 12.5}]})
    own_foods.save_own_food(store, ann, "My porridge", ["40 g oats", "250 ml oat milk"])
    own_foods.remember_correction(store, ann, "mum's stew", "fndds:27211200")


def everything(store: Store) -> dict[str, list[dict[str, Any]]]:
    with store.read() as session:
        return {
            table.name: [
                dict(row._mapping)
                for row in session.execute(select(table).order_by(*table.primary_key))
            ]
            for table in Base.metadata.sorted_tables
        }


def test_backup_then_restore_gives_back_every_row(store: Store, tmp_path: Path) -> None:
    fill(store)
    before = everything(store)
    copy = tmp_path / "copy.backup"
    counts = backup(store, copy)
    assert counts["diary_entries"] == 3
    assert counts["profiles"] == 2
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    profiles.delete_profile(store, profiles.list_profiles(store)[0].id)
    profiles.add_profile(store, ProfileDetails(name="Someone new"))
    assert restore(store, copy) == counts
    assert everything(store) == before
    # new rows take fresh ids after a restore (PostgreSQL's sequences follow the data)
    added = profiles.add_profile(store, ProfileDetails(name="Carol"))
    assert added.id > max(row["id"] for row in before["profiles"])


@needs_postgresql
@pytest.mark.parametrize("direction", ["sqlite to postgresql", "postgresql to sqlite"])
def test_a_backup_restores_into_the_other_kind_of_store(direction: str, tmp_path: Path) -> None:
    sqlite = sqlite_url(tmp_path / "s.sqlite")
    source_url, target_url = (
        (sqlite, empty_postgresql())
        if direction.startswith("sqlite")
        else (empty_postgresql(), sqlite)
    )
    source = open_store(source_url)
    fill(source)
    before = everything(source)
    backup(source, tmp_path / "copy")
    source.close()
    if direction.startswith("postgresql"):
        assert json.loads((tmp_path / "copy").read_text())["format"] == "twitchcheck-backup"
    target = open_store(target_url)
    try:
        restore(target, tmp_path / "copy")
        assert everything(target) == before
    finally:
        target.close()


def not_backups(folder: Path) -> dict[str, Path]:
    files = {
        "text": b"hello\n",
        "empty": b"",
        "binary": bytes(range(256)),
        "json without our format": b'{"tables": {}}',
        "json array": b"[1, 2]",
        "truncated sqlite": b"SQLite format 3\x00" + b"\x00" * 50,
    }
    paths = {}
    for name, data in files.items():
        path = folder / name.replace(" ", "_")
        path.write_bytes(data)
        paths[name] = path
    other = folder / "other.sqlite"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE t (x)")
    connection.close()
    paths["someone else's sqlite"] = other
    paths["missing"] = folder / "nothing here"
    paths["a folder"] = folder
    return paths


def test_restore_refuses_what_is_not_a_backup(store: Store, tmp_path: Path) -> None:
    fill(store)
    before = everything(store)
    for name, path in not_backups(tmp_path).items():
        with pytest.raises(BackupError) as raised:
            restore(store, path)
        message = str(raised.value)
        assert str(path) in message, name
        assert any(w in message for w in ("not a twitchcheck backup", "does not exist", "folder"))
    assert everything(store) == before


def test_restore_refuses_a_backup_from_a_newer_twitchcheck(store: Store, tmp_path: Path) -> None:
    fill(store)
    newer = tmp_path / "newer"
    backup(store, newer)
    if store.is_sqlite:
        with sqlite3.connect(newer) as connection:
            connection.execute("UPDATE alembic_version SET version_num = '9999'")
        connection.close()
    else:
        written = newer.read_text()
        assert f'"revision": "{head()}"' in written
        newer.write_text(written.replace(f'"revision": "{head()}"', '"revision": "9999"'))
    dump = {"format": "twitchcheck-backup", "format_version": 1, "revision": "9999", "tables": {}}
    (tmp_path / "newer.json").write_text(json.dumps(dump))
    for path in (newer, tmp_path / "newer.json"):
        with pytest.raises(BackupError, match="newer twitchcheck"):
            restore(store, path)


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ({"profiles": [{"id": 1, "name": "A", "pregnant": "yes"}]}, "profiles.pregnant"),
        ({"profiles": [{"id": 1, "nmae": "A"}]}, "unknown columns"),
        ({"secrets": []}, "unknown"),
        ({"diary_days": [{"id": 1, "profile_id": 5, "day": "2026-01-01"}]}, "restored"),
    ],
    ids=["bad value", "unknown column", "unknown table", "broken reference"],
)
def test_a_damaged_json_backup_is_refused(store: Store, tmp_path: Path, rows, message) -> None:
    fill(store)
    before = everything(store)
    dump = {"format": "twitchcheck-backup", "format_version": 1, "revision": "0001", "tables": rows}
    (tmp_path / "bad.json").write_text(json.dumps(dump))
    with pytest.raises(BackupError, match=message):
        restore(store, tmp_path / "bad.json")
    assert everything(store) == before


def test_a_restore_that_fails_half_way_changes_nothing(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(store)
    before = everything(store)
    backup(store, tmp_path / "copy")
    rows = backup_module.read_backup(tmp_path / "copy")
    rows["diary_entries"].append(dict(rows["diary_entries"][0]))  # a duplicate id, inserted last
    monkeypatch.setattr(backup_module, "read_backup", lambda _source: rows)
    with pytest.raises(BackupError, match="the store was not changed"):
        restore(store, tmp_path / "copy")
    assert everything(store) == before


@pytest.mark.slow
def test_a_backup_taken_while_writing_is_consistent(store: Store, tmp_path: Path) -> None:
    """Every import is 50 lines in one transaction; a backup never holds part of one."""
    person = profiles.add_profile(store, ProfileDetails(name="Ann")).id
    stop = threading.Event()

    def write() -> None:
        day = DAY
        while not stop.is_set():
            day += dt.timedelta(days=1)
            diaries.import_diary(store, person, [EntryInput(day, f"l{i}") for i in range(50)])

    writer = threading.Thread(target=write)
    writer.start()
    try:
        seen = []
        for n in range(8):
            counts = backup(store, tmp_path / f"b{n}")
            assert counts["diary_entries"] == 50 * counts["diary_days"]
            seen.append(counts["diary_entries"])
    finally:
        stop.set()
        writer.join()
    assert seen[-1] > seen[0]  # the writer really was writing


def test_the_cli_backs_up_and_restores(runner, store: Store, tmp_path: Path) -> None:
    fill(store)
    url = store.engine.url.render_as_string(hide_password=False)
    copy = tmp_path / "cli.backup"
    done = runner.invoke(app, ["backup", str(copy), "--db", url, "--json"])
    assert done.exit_code == 0, done.output
    assert json.loads(done.stdout)["tables"]["diary_entries"] == 3
    with store.write() as session:
        session.execute(text("DELETE FROM profiles"))
    done = runner.invoke(app, ["restore", str(copy), "--db", url])
    assert done.exit_code == 0, done.output
    assert "Restored" in done.stdout
    assert len(profiles.list_profiles(store)) == 2
    bad = tmp_path / "notes.txt"
    bad.write_text("not a backup")
    done = runner.invoke(app, ["restore", str(bad), "--db", url, "--json"])
    assert done.exit_code == 1
    assert json.loads(done.stdout)["error"]["code"] == "bad_backup"
    assert "is not a twitchcheck backup" in done.stderr


def test_the_cli_finds_the_store_in_twitchcheck_home(runner, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("TWITCHCHECK_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("TWITCHCHECK_DATABASE_URL", raising=False)
    done = runner.invoke(app, ["backup", str(tmp_path / "b")])
    assert done.exit_code == 0, done.output
    assert (tmp_path / "home" / "twitchcheck.sqlite").is_file()
