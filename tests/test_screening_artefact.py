"""The stored screening model (data/screening.pickle) is what validating screening.yaml gives
and is used only while its key matches."""

from __future__ import annotations

import pytest

from twitchcheck import _data
from twitchcheck.knowledge import loading
from twitchcheck.screen import model as screening
from twitchcheck.screen.model import ARTEFACT, ScreeningModel, artefact_key, validate_model


def test_the_stored_screening_model_is_current_and_equals_the_validated_file() -> None:
    stored = _data.read_artefact(ARTEFACT, artefact_key())
    assert isinstance(stored, ScreeningModel), (
        "data/screening.pickle is out of date: run python tools/build_yaml_bundle.py"
    )
    validated = validate_model()
    assert stored == validated
    assert len(stored.rules) == len(validated.rules) > 20  # the whole model, not a stub


def test_the_packaged_model_is_read_from_the_artefact(monkeypatch: pytest.MonkeyPatch) -> None:
    def never(directory: object = None) -> ScreeningModel:
        raise AssertionError("validated although the stored model is current")

    monkeypatch.setattr(screening, "validate_model", never)
    assert screening.load_model.__wrapped__() == screening.load_model()


def test_a_stale_artefact_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    """Another key (an edited file, changed code, another knowledge base) reads as nothing,
    and the file is validated instead."""
    used: list[object] = []
    monkeypatch.setattr(screening, "artefact_key", lambda: {"screening.yaml": "0" * 64})
    monkeypatch.setattr(
        screening, "validate_model", lambda d=None: used.append(d) or validate_model()
    )
    model = screening.load_model.__wrapped__()
    assert used == [None]
    assert model.points.symptom_cap > 0


def test_the_key_follows_the_file_the_code_and_the_knowledge_base(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    key = artefact_key()
    assert set(key) == {"screening.yaml", "screen/model.py", "knowledge", "pydantic"}
    real = _data.read_text

    def edited(name: str, error: type[Exception] = _data.DataError) -> str:
        text = real(name)
        edits = ("knowledge/screening.yaml", "knowledge/symptoms.yaml")
        return text + "\n# edited\n" if name in edits else text

    monkeypatch.setattr(_data, "read_text", edited)
    # the knowledge base's key is kept once worked out (once per process): work it out afresh
    monkeypatch.setattr(loading, "artefact_key", loading.artefact_key.__wrapped__)
    changed = artefact_key()
    assert [name for name in key if key[name] != changed[name]] == ["screening.yaml", "knowledge"]
