"""model_data gives what pydantic's model_dump gives, for every stored model it is used on."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pydantic import BaseModel

from twitchcheck.knowledge import load_knowledge
from twitchcheck.knowledge.loading import _walk
from twitchcheck.model_data import as_data, set_fields
from twitchcheck.screen.model import When, load_model


def _knowledge_models() -> Iterator[BaseModel]:
    for root in load_knowledge().files.values():
        for _, model in _walk(root):
            yield model


def test_every_knowledge_entry_reads_as_model_dump_gives_it() -> None:
    models = list(_knowledge_models())
    assert len(models) > 1000  # every entry of every file, nested ones included
    for model in models:
        for exclude_none in (False, True):
            expected = model.model_dump(mode="json", exclude_none=exclude_none)
            assert as_data(model, exclude_none=exclude_none) == expected, model


def test_the_field_order_is_the_declared_order() -> None:
    nutrient = load_knowledge().nutrients["magnesium"]
    assert list(as_data(nutrient)) == list(nutrient.model_dump(mode="json"))


def test_every_screening_condition_keeps_the_fields_model_dump_keeps() -> None:
    model = load_model()
    conditions = [rule.when for rule in model.rules] + [c.when for c in model.cautions]
    assert len(conditions) > 20
    for when in conditions:
        assert set_fields(when) == when.model_dump(exclude_defaults=True)


@pytest.mark.parametrize(
    "fields",
    [{}, {"sex": "female", "age_at_least": 50.0}, {"raisers_at_least": {"potassium": 2}}],
)
def test_a_condition_set_to_its_default_is_left_out(fields: dict[str, object]) -> None:
    when = When.model_validate({**fields, "dairy": None, "symptoms_any": []})
    assert set_fields(when) == fields == when.model_dump(exclude_defaults=True)


def test_none_is_left_out_of_fields_but_kept_in_a_mapping() -> None:
    class Inner(BaseModel):
        note: str | None = None

    class Outer(BaseModel):
        inner: tuple[Inner, ...]
        table: dict[str, float | None]

    outer = Outer(inner=(Inner(),), table={"a": None, "b": 1.5})
    for exclude_none in (False, True):
        expected = outer.model_dump(mode="json", exclude_none=exclude_none)
        assert as_data(outer, exclude_none=exclude_none) == expected
