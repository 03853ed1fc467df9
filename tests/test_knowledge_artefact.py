"""The stored knowledge base (data/knowledge.pickle) is what validating the files gives, is
used only while current, and the lazy packages export what they say."""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
from pathlib import Path

import pytest

from twitchcheck import _data
from twitchcheck.knowledge import KnowledgeBase, load_knowledge
from twitchcheck.knowledge import loading as loading_module
from twitchcheck.knowledge.loading import ARTEFACT, artefact_key, validate_knowledge


def _fields_differing(one: KnowledgeBase, other: KnowledgeBase) -> list[str]:
    return [
        f.name for f in dataclasses.fields(one) if getattr(one, f.name) != getattr(other, f.name)
    ]


def test_the_stored_knowledge_base_is_current_and_equals_the_validated_files() -> None:
    stored = _data.read_artefact(ARTEFACT, artefact_key())
    assert isinstance(stored, KnowledgeBase), (
        "data/knowledge.pickle is out of date: run python tools/build_yaml_bundle.py"
    )
    validated = validate_knowledge()
    assert _fields_differing(stored, validated) == []
    assert len(stored.names) == len(validated.names) > 1000  # the whole name index, not a stub


def test_the_packaged_knowledge_base_is_read_from_the_artefact() -> None:
    # a fresh (uncached) call returns the stored base, whose entries equal the validated ones
    fresh = load_knowledge.__wrapped__()
    assert _fields_differing(fresh, load_knowledge()) == []
    assert _data.read_artefact(ARTEFACT, artefact_key()) is not None


def test_a_stale_artefact_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    """Another key (an edited file, changed code, another pydantic) reads as nothing, and
    the files are validated instead."""
    assert _data.read_artefact(ARTEFACT, {"edited.yaml": "0" * 64}) is None
    used: list[object] = []
    monkeypatch.setattr(loading_module, "artefact_key", lambda: {"edited.yaml": "0" * 64})
    monkeypatch.setattr(
        loading_module, "validate_knowledge", lambda d=None: used.append(d) or validate_knowledge()
    )
    kb = load_knowledge.__wrapped__()
    assert used == [None]
    assert kb.nutrients["magnesium"].name == "Magnesium"


def test_the_key_follows_the_files_and_the_code(monkeypatch: pytest.MonkeyPatch) -> None:
    key = artefact_key()
    assert set(loading_module.FILES) | set(loading_module.BUILT_BY) | {"pydantic"} == set(key)
    real = _data.read_text

    def edited(name: str, error: type[Exception] = _data.DataError) -> str:
        text = real(name)
        return text + "\n# edited\n" if name == "knowledge/nutrients.yaml" else text

    monkeypatch.setattr(_data, "read_text", edited)
    changed = artefact_key.__wrapped__()  # worked out afresh: the process keeps the first
    assert [name for name in key if key[name] != changed[name]] == ["nutrients.yaml"]
    assert artefact_key() == key


def test_the_key_is_worked_out_once_per_process() -> None:
    # as the knowledge base it keys is loaded once; the screening model's key holds it too
    assert artefact_key() is artefact_key()


def test_a_missing_or_broken_artefact_reads_as_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_data, "data_path", lambda name: tmp_path / name)
    assert _data.read_artefact("absent.pickle", {}) is None
    (tmp_path / "broken.pickle").write_bytes(b"not a pickle")
    assert _data.read_artefact("broken.pickle", {}) is None
    _data.write_artefact("good.pickle", {"a": "1"}, ("value", 2))
    assert _data.read_artefact("good.pickle", {"a": "1"}) == ("value", 2)
    assert _data.read_artefact("good.pickle", {"a": "2"}) is None


@pytest.mark.parametrize("package", ["twitchcheck", "twitchcheck.knowledge", "twitchcheck.screen"])
def test_every_lazy_export_is_what_it_names(package: str) -> None:
    """Each public name resolves to its definition; no submodule shares a name with an export
    it would replace once imported (as knowledge/lookup.py and describe.py did)."""
    module = importlib.import_module(package)
    submodules = {info.name for info in pkgutil.iter_modules(module.__path__)}
    for name, target in module._EXPORTS.items():
        module_name, attribute = target if isinstance(target, tuple) else (target, name)
        if attribute is None:  # the export is the module itself
            continue
        if (package, name) == ("twitchcheck", "screen"):
            continue  # known: the subpackage twitchcheck.screen hides the function (reported)
        assert name not in submodules, f"{package}.{name} is also a submodule"
        expected = getattr(importlib.import_module(module_name), attribute)
        assert getattr(module, name) is expected, f"{package}.{name}"
