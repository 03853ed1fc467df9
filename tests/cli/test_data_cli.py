"""`twitchcheck export`, `import` and `delete` (issue 15): a person's data is theirs."""

from __future__ import annotations

import datetime as dt
import json
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from conftest import Runner, place_store
from twitchcheck.cli import app
from twitchcheck.store import (
    EntryInput,
    LabInput,
    ProfileDetails,
    Store,
    diaries,
    labs,
    open_store,
    profiles,
)
from twitchcheck.store.location import sqlite_url

DAY = dt.date(2026, 11, 20)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def store(home: Path, migrated_store: Path) -> Iterator[Store]:
    """The store the commands find through TWITCHCHECK_HOME, with Ann and Bob in it."""
    opened = open_store(sqlite_url(place_store(migrated_store, home / "twitchcheck.sqlite")))
    for name in ("Ann", "Bob"):
        person = profiles.add_profile(opened, ProfileDetails(name=name, sex="female")).id
        diaries.import_diary(opened, person, [EntryInput(DAY, f"{name}'s 40 g oats")])
        labs.add_lab_results(opened, person, [LabInput(DAY, "magnesium", 0.62, "mmol/L")])
    yield opened
    opened.close()


def run(home: Path, *args: str, input: str | None = None) -> Result:
    result = Runner().invoke(app, list(args), env={"TWITCHCHECK_HOME": str(home)}, input=input)
    assert "Traceback" not in result.stdout + result.stderr
    return result


def names(store: Store) -> list[str]:
    return [row.name for row in profiles.list_profiles(store)]


def _is_id(column: str) -> bool:
    return column == "id" or (column.endswith("_id") and column != "food_id")


def without_ids(document: dict[str, Any]) -> dict[str, Any]:
    tables = {
        name: [
            {k: v for k, v in row.items() if k != "id" and not k.endswith("_id")} for row in rows
        ]
        for name, rows in document["tables"].items()
    }
    return {**document, "exported_at": None, "tables": tables}


# --- export -----------------------------------------------------------------------------------


def test_export_writes_one_private_json_file_and_lists_its_tables(
    store: Store, home: Path, tmp_path: Path
) -> None:
    file = tmp_path / "ann.json"
    result = run(home, "export", "--profile", "Ann", str(file))
    assert result.exit_code == 0, result.stderr
    assert "diary_entries" in result.stdout
    assert "lab_results" in result.stdout
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    document = json.loads(file.read_text(encoding="utf-8"))
    assert document["format"] == "twitchcheck-person"
    assert document["tables"]["diary_entries"][0]["text"] == "Ann's 40 g oats"
    assert "Bob" not in file.read_text(encoding="utf-8")


def test_export_without_a_file_prints_the_document(store: Store, home: Path) -> None:
    result = run(home, "export", "--profile", "Bob")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["profile"] == "Bob"


def test_export_json_summary(store: Store, home: Path, tmp_path: Path) -> None:
    result = run(home, "export", "--profile", "Ann", str(tmp_path / "a.json"), "--json")
    summary = json.loads(result.stdout)
    assert summary["profile"] == "Ann"
    assert summary["tables"]["profiles"] == 1
    assert summary["tables"]["diary_entries"] == 1


@pytest.mark.parametrize("as_json", [False, True])
def test_export_of_no_such_person_or_to_no_such_folder_is_an_error(
    store: Store, home: Path, tmp_path: Path, as_json: bool
) -> None:
    flags = ["--json"] if as_json else []
    for args, code in (
        (["export", "--profile", "Zed", str(tmp_path / "z.json")], "not_found"),
        (["export", "--profile", "Ann", str(tmp_path / "missing" / "a.json")], "bad_file"),
        (["export", "--profile", "Ann", str(tmp_path)], "bad_file"),
    ):
        result = run(home, *args, *flags)
        assert result.exit_code == 1
        assert result.stderr.startswith("Error: ")
        if as_json:
            assert json.loads(result.stdout)["error"]["code"] == code
    assert not (tmp_path / "z.json").exists()


# --- import -----------------------------------------------------------------------------------


def test_export_delete_import_through_the_command_line(
    store: Store, home: Path, tmp_path: Path
) -> None:
    file = tmp_path / "ann.json"
    assert run(home, "export", "--profile", "Ann", str(file)).exit_code == 0
    assert run(home, "delete", "--profile", "Ann", "--yes").exit_code == 0
    assert names(store) == ["Bob"]
    result = run(home, "import", str(file), "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["profile"] == "Ann"
    again = json.loads(run(home, "export", "--profile", "Ann").stdout)
    assert without_ids(again) == without_ids(json.loads(file.read_text(encoding="utf-8")))


def test_import_of_a_name_taken_is_refused_unless_renamed(
    store: Store, home: Path, tmp_path: Path
) -> None:
    file = tmp_path / "ann.json"
    run(home, "export", "--profile", "Ann", str(file))
    refused = run(home, "import", str(file))
    assert refused.exit_code == 1
    assert "'Ann' already exists" in refused.stderr
    assert "--as" in refused.stderr
    assert names(store) == ["Ann", "Bob"]
    renamed = run(home, "import", str(file), "--as", "Ann (2025)")
    assert renamed.exit_code == 0, renamed.stderr
    assert "Ann (2025)" in renamed.stdout
    assert names(store) == ["Ann", "Ann (2025)", "Bob"]


def _hostile_files(folder: Path) -> dict[str, Path]:
    files = {
        "empty": b"",
        "binary": bytes(range(256)) * 4,
        "not JSON": b"profiles: Ann\n",
        "a list": b"[1, 2, 3]",
        "not UTF-8": b'{"format": "twitchcheck-person", "x": "\xff\xfe"}',
        "nested": b"[" * 100_000 + b"]" * 100_000,
        "wrong version": json.dumps({"format": "twitchcheck-person", "format_version": 9}).encode(),
        "NaN": b'{"format": "twitchcheck-person", "format_version": NaN}',
    }
    paths = {}
    for name, content in files.items():
        path = folder / f"{name.replace(' ', '_')}.json"
        path.write_bytes(content)
        paths[name] = path
    huge = folder / "huge.json"
    with huge.open("wb") as handle:
        handle.truncate(10_000_001)  # sparse: larger than input.file_bytes
    paths["huge"] = huge
    paths["missing"] = folder / "missing.json"
    paths["a folder"] = folder
    return paths


@pytest.mark.parametrize("as_json", [False, True])
def test_a_hostile_file_is_refused_with_a_message_and_nothing_saved(
    store: Store, home: Path, tmp_path: Path, as_json: bool
) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    for name, path in _hostile_files(folder).items():
        result = run(home, "import", str(path), *(["--json"] if as_json else []))
        assert result.exit_code == 1, name
        assert result.stderr.startswith("Error: "), (name, result.stderr)
        assert len(result.stderr) < 600, name
        if as_json:
            assert set(json.loads(result.stdout)["error"]) == {"code", "message"}
    assert names(store) == ["Ann", "Bob"]


# --- delete -----------------------------------------------------------------------------------


def test_delete_asks_for_the_name_and_keeps_everything_on_a_mismatch(
    store: Store, home: Path
) -> None:
    for typed in ("ann\n", "Bob\n", "\n", ""):
        result = run(home, "delete", "--profile", "Ann", input=typed)
        assert result.exit_code == 1, typed
        assert "nothing was deleted" in result.stderr
    assert names(store) == ["Ann", "Bob"]


def test_delete_after_the_name_is_typed(store: Store, home: Path) -> None:
    result = run(home, "delete", "--profile", "Ann", input="Ann\n")
    assert result.exit_code == 0, result.stderr
    assert "Type the profile's name" in result.stderr  # the question is not on stdout
    assert "Deleted Ann" in result.stdout
    assert "still hold" in result.stderr
    assert names(store) == ["Bob"]


def test_delete_yes_json(store: Store, home: Path) -> None:
    result = run(home, "delete", "--profile", "Bob", "--yes", "--json")
    assert result.exit_code == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["profile"] == "Bob"
    assert summary["wiped"] is True
    assert summary["tables"]["diary_entries"] == 1
    assert names(store) == ["Ann"]


def test_delete_of_no_such_person_asks_nothing(store: Store, home: Path) -> None:
    result = run(home, "delete", "--profile", "Zed", "--json", input="Zed\n")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["error"]["code"] == "not_found"
    assert "Type" not in result.stderr


def test_an_export_larger_than_import_reads_says_so(
    store: Store, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from twitchcheck import limits

    real = limits.limit
    monkeypatch.setattr(
        limits, "limit", lambda name: 1_000 if name == "input.file_bytes" else real(name)
    )
    result = run(home, "export", "--profile", "Ann", str(tmp_path / "ann.json"))
    assert result.exit_code == 0, result.stderr
    assert "more than 'twitchcheck import' reads (1,000)" in result.stderr
    monkeypatch.undo()
    assert "Note" not in run(home, "export", "--profile", "Ann", str(tmp_path / "a.json")).stderr
