"""What the journal knows, read from data/journal.toml: the kinds of episode told apart in
plain words, the night's hours, an episode's bounds, and the daily factors with their
levels and bounds."""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from dataclasses import dataclass
from typing import Literal

from twitchcheck._data import DataTable, load_toml, reading
from twitchcheck.journal.errors import JournalError

FILE = "journal.toml"
FactorKind = Literal["number", "yes_no", "level"]
FactorValue = float | bool | str
# The largest magnitude a factor the project does not know may take: a number beyond it is
# not a count or a dose anyone records.
UNKNOWN_MAGNITUDE = 1e9


@dataclass(frozen=True)
class EpisodeKind:
    """A kind of episode: its id, its label and a plain-words description with sources."""

    id: str
    label: str
    plain: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class FactorDefinition:
    """A daily factor the project knows: its kind, and its bounds or ordered levels."""

    name: str
    label: str
    kind: FactorKind
    low: float | None = None
    high: float | None = None
    levels: tuple[str, ...] = ()
    why: str = ""


@dataclass(frozen=True)
class EpisodeBounds:
    """The most an episode may record before a value is taken for a slip."""

    count_max: int
    duration_min_max: float
    scale_max: int
    where_items: int
    where_chars: int


@dataclass(frozen=True)
class JournalRules:
    """Everything data/journal.toml says, validated once."""

    sources: dict[str, str]
    kinds: dict[str, EpisodeKind]
    factors: dict[str, FactorDefinition]
    night_starts: dt.time
    night_ends: dt.time
    episode: EpisodeBounds
    taken_prefix: str
    factor_chars: int
    days_max: int
    episodes_max: int


def _factor(name: str, row: DataTable) -> FactorDefinition:
    kind = row["kind"]
    if kind not in ("number", "yes_no", "level"):
        raise ValueError(f"factor {name!r} has kind {kind!r}")
    return FactorDefinition(
        name=name,
        label=row["label"],
        kind=kind,
        low=float(row["low"]) if kind == "number" else None,
        high=float(row["high"]) if kind == "number" else None,
        levels=tuple(row["levels"]) if kind == "level" else (),
        why=row.get("why", ""),
    )


@functools.cache
def rules() -> JournalRules:
    """The journal's rules from data/journal.toml (read once); a broken file is a DataError
    naming the entry."""
    data = load_toml(FILE)
    with reading(FILE):
        sources = dict(data["sources"])
        kinds = {
            key: EpisodeKind(key, row["label"], row["plain"], tuple(row["sources"]))
            for key, row in data["kinds"].items()
        }
        for kind in kinds.values():
            missing = [s for s in kind.sources if s not in sources]
            if missing:
                raise ValueError(f"kind {kind.id!r} cites unknown sources {missing}")
        factors = {name: _factor(name, row) for name, row in data["factors"].items()}
        ep, names = data["episode"], data["names"]
        return JournalRules(
            sources=sources,
            kinds=kinds,
            factors=factors,
            night_starts=dt.time.fromisoformat(data["night"]["starts"]),
            night_ends=dt.time.fromisoformat(data["night"]["ends"]),
            episode=EpisodeBounds(
                int(ep["count_max"]),
                float(ep["duration_min_max"]),
                int(ep["scale_max"]),
                int(ep["where_items"]),
                int(ep["where_chars"]),
            ),
            taken_prefix=data["taken"]["prefix"],
            factor_chars=int(names["factor_chars"]),
            days_max=int(names["days_max"]),
            episodes_max=int(names["episodes_max"]),
        )


def kind_ids() -> tuple[str, ...]:
    """The kinds an episode may have: twitch, cramp, restless_legs."""
    return tuple(rules().kinds)


_NAME = re.compile(r"[a-z][a-z0-9_]*")


def check_factor_name(name: object) -> str:
    """`name` if it can name a factor (lowercase letters, digits and _, from a letter)."""
    most = rules().factor_chars
    if not isinstance(name, str) or not _NAME.fullmatch(name) or len(name) > most:
        shown = repr(name)[:80]
        raise JournalError(
            f"{shown} cannot name a factor: use lowercase letters, digits and _ (starting with "
            f"a letter, at most {most} characters), e.g. 'caffeine_mg' or 'took_magnesium'"
        )
    return name


def check_factor(name: str, value: object) -> FactorValue:
    """`value` as the factor `name` keeps it: a number within its bounds, a yes/no, or one of
    its levels; a factor the project does not know takes a number or a yes/no."""
    check_factor_name(name)
    definition = rules().factors.get(name)
    if definition is None:
        return _unknown_value(name, value)
    if definition.kind == "yes_no":
        if not isinstance(value, bool):
            raise JournalError(f"{name} is {_shown(value)}; give true or false")
        return value
    if definition.kind == "level":
        if not isinstance(value, str) or value not in definition.levels:
            choices = ", ".join(definition.levels)
            raise JournalError(f"{name} is {_shown(value)}; give one of: {choices}")
        return value
    number = _finite(name, value)
    assert definition.low is not None
    assert definition.high is not None
    if not definition.low <= number <= definition.high:
        raise JournalError(
            f"{name} is {value!r}; give a number from {definition.low:g} to "
            f"{definition.high:g} ({definition.why})"
        )
    return number


def _unknown_value(name: str, value: object) -> FactorValue:
    if isinstance(value, bool):
        return value
    number = _finite(name, value)
    if abs(number) > UNKNOWN_MAGNITUDE:
        raise JournalError(f"{name} is {value!r}, too large to be a day's amount")
    return number


def _finite(name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise JournalError(f"{name} is {_shown(value)}; give a number (or true/false)")
    number = float(value)
    if not math.isfinite(number):
        raise JournalError(f"{name} is {value!r}; give a finite number")
    return number


def factor_number(name: str, value: FactorValue) -> float:
    """A factor's value as the analysis takes it: yes 1, no 0, a level its place in the
    order (none 0, light 1...), a number itself."""
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, str):
        definition = rules().factors[name]
        return float(definition.levels.index(value))
    return float(value)


def taken_factor(name: str) -> str:
    """The yes/no factor saying a medicine or supplement was taken ('Magnesium citrate' ->
    'took_magnesium_citrate')."""
    words = re.findall(r"[a-z0-9]+", name.casefold())
    if not words:
        raise JournalError(f"{name!r} does not name a medicine or supplement; give its name")
    return check_factor_name(rules().taken_prefix + "_".join(words))


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:59] + "…"
