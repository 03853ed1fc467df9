"""The packaged-data reader: the YAML bundle is current, equal to its sources, and never
stands in for a file that was edited after it was built."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import load_tool
from twitchcheck import _data
from twitchcheck.errors import DataError, KnowledgeError


def test_the_bundle_is_current() -> None:
    build = load_tool("build_yaml_bundle")
    assert _data.data_path(_data.BUNDLE).read_text(encoding="utf-8") == build.build(), (
        "data/yaml_bundle.json is out of date: run python tools/build_yaml_bundle.py"
    )


def test_every_bundled_file_reads_as_its_yaml() -> None:
    root = _data.data_path("")
    names = [p.relative_to(root).as_posix() for p in root.rglob("*.yaml")]
    assert "knowledge/red_flags.yaml" in names
    assert "dri.yaml" in names
    for name in names:
        text = (root / name).read_text(encoding="utf-8")
        # compared as JSON text, so that the order of every mapping is checked too
        bundled, parsed = _data.read_yaml(name), _data.parse_yaml(text, name)
        assert json.dumps(bundled) == json.dumps(parsed), name


def test_an_edited_file_is_parsed_not_taken_from_the_bundle(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "knowledge").mkdir()
    (tmp_path / "knowledge" / "x.yaml").write_text("a: 2\n", encoding="utf-8")
    stale = {"knowledge/x.yaml": {"sha256": _data.text_hash("a: 1\n"), "data": {"a": 1}}}
    monkeypatch.setattr(_data, "data_path", lambda name: tmp_path / name)
    monkeypatch.setattr(_data, "_bundle", lambda: stale)
    assert _data.read_yaml("knowledge/x.yaml") == {"a": 2}
    stale["knowledge/x.yaml"]["sha256"] = _data.text_hash("a: 2\n")
    assert _data.read_yaml("knowledge/x.yaml") == {"a": 1}  # current: the bundle is used


def test_broken_or_missing_yaml_names_the_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "bad.yaml").write_text("a: [1, 2\n", encoding="utf-8")
    monkeypatch.setattr(_data, "data_path", lambda name: tmp_path / name)
    monkeypatch.setattr(_data, "_bundle", dict)
    with pytest.raises(DataError, match=r"bad\.yaml: not valid YAML at line"):
        _data.read_yaml("bad.yaml")
    with pytest.raises(KnowledgeError, match=r"gone\.yaml is missing"):
        _data.read_yaml("gone.yaml", KnowledgeError)


def test_a_missing_entry_names_the_file_and_the_entry() -> None:
    table = _data.DataTable({"a": {"b": [{"c": 1}]}}, "units.toml")
    assert table["a"]["b"][0]["c"] == 1
    assert "b" in table["a"]
    assert table["a"].get("x", 5) == 5
    with pytest.raises(DataError, match=r"units\.toml: entry 'a\.b\[0\]\.d' is missing"):
        table["a"]["b"][0]["d"]
    with pytest.raises(DataError, match=r"units\.toml: entry 'z' is missing"):
        table["z"]


def test_packaged_toml_reads_through_the_bundle_too() -> None:
    limits = _data.load_toml("limits.toml")
    assert isinstance(limits, _data.DataTable)
    assert "phrase" in limits


def test_a_table_built_in_one_pass_names_the_file_when_an_entry_is_missing() -> None:
    raw = {"chains": {}}
    missing = pytest.raises(DataError, match=r"brands\.toml: entry 'items' is missing")
    with missing, _data.reading("brands.toml"):
        raw["chains"]["items"]
    wrong = pytest.raises(DataError, match=r"units\.toml: an entry has the wrong form")
    with wrong, _data.reading("units.toml"):
        float("a pint")
