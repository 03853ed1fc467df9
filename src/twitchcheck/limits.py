"""Input limits and plausibility ranges, each with its reason (``data/limits.toml``).

    from twitchcheck.limits import limit
    if len(data) > limit("input.file_bytes"): ...

Every figure lives in the data file with why it is what it is; docs/limits.md is generated
from it. A limit that is asked for but missing is a programming error and fails loudly.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Literal

from twitchcheck._data import raw_data
from twitchcheck.errors import DataError

Kind = Literal["limit", "impossible", "warning", "minimum", "threshold"]


@dataclass(frozen=True, slots=True)
class Limit:
    """One limit: its name ("input.file_bytes"), value, unit, kind, reason and sources."""

    name: str
    value: float
    unit: str
    kind: Kind
    reason: str
    sources: tuple[str, ...] = ()


def limit(name: str) -> float:
    """The value of limit `name` ("section.key")."""
    try:
        return all_limits()[name].value
    except KeyError:
        raise DataError(f"limits.toml has no limit {name!r}") from None


@functools.cache
def all_limits() -> dict[str, Limit]:
    """Every limit in the file, by name, in file order."""
    raw = raw_data("limits.toml")  # plain data, read in one pass: no DataTable per entry
    found: dict[str, Limit] = {}
    for section, entries in raw.items():
        for key, spec in entries.items():
            name = f"{section}.{key}"
            try:
                found[name] = Limit(
                    name,
                    float(spec["value"]),
                    str(spec["unit"]),
                    spec["kind"],
                    " ".join(str(spec["reason"]).split()),
                    tuple(spec.get("sources", ())),
                )
            except (KeyError, TypeError, ValueError) as error:
                raise DataError(f"limits.toml: {name} is malformed ({error})") from error
            if found[name].kind not in ("limit", "impossible", "warning", "minimum", "threshold"):
                raise DataError(f"limits.toml: {name} has unknown kind {found[name].kind!r}")
    return found
