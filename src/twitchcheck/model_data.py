"""A frozen model's fields as plain JSON-ready data, without pydantic's serializer.

The knowledge base and the screening model are read already built (data/*.pickle), so their
models never validate anything; `model_dump` would build each model's whole core schema and
serializer on first use (~60 ms of a cold `kb show`, and pydantic's plugin scan with it).
Their fields hold only text, numbers, booleans, None, tuples, mappings and other models, so
a walk over the declared fields gives the same data: tests/test_model_data.py checks it
equals `model_dump(mode="json", ...)` for every entry of both.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel


def as_data(value: Any, *, exclude_none: bool = False) -> Any:
    """`value` as `model_dump(mode="json", exclude_none=...)` gives it: models as dicts of
    their fields in declared order, tuples and lists as lists, mappings as dicts."""
    if isinstance(value, BaseModel):
        fields = {name: getattr(value, name) for name in type(value).model_fields}
        return {
            name: as_data(field, exclude_none=exclude_none)
            for name, field in fields.items()
            if not (exclude_none and field is None)
        }
    if isinstance(value, tuple | list):
        return [as_data(item, exclude_none=exclude_none) for item in value]
    if isinstance(value, Mapping):
        # pydantic keeps a mapping's None values even with exclude_none
        return {key: as_data(item, exclude_none=exclude_none) for key, item in value.items()}
    return value


def set_fields(model: BaseModel) -> dict[str, Any]:
    """The fields of `model` that differ from their defaults, as
    `model_dump(exclude_defaults=True)` gives them for fields of plain values (the screening
    rules' conditions); a nested model is treated the same way."""
    changed = {}
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        if info.is_required() or value != info.get_default(call_default_factory=True):
            changed[name] = set_fields(value) if isinstance(value, BaseModel) else value
    return changed
