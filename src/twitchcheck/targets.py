"""Dietary Reference Intakes for one person and the five focus nutrients.

The table lives in `data/dri.yaml` (derived from the vetted reference, every row
with its source ids). `targets_for` picks, per nutrient, the one life-stage row
that covers the person: infants by month band, then sex-specific bands from 9 y,
and separate pregnancy and lactation rows for 14-50 y.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from twitchcheck._data import load_yaml
from twitchcheck.errors import DataError
from twitchcheck.nutrient_keys import FOCUS_KEYS
from twitchcheck.profile import Person, parse_sex

__all__ = ["IUValues", "LifeStageRow", "Target", "dri_rows", "targets_for", "targets_for_person"]

Kind = Literal["RDA", "AI"]


@dataclass(frozen=True, slots=True)
class IUValues:
    """Vitamin D figures in international units, as the tables print them."""

    ear: float | None
    rda: float | None
    ai: float | None
    ul: float | None

    def to_dict(self) -> dict[str, float | None]:
        """JSON-ready form."""
        return {"ear": self.ear, "rda": self.rda, "ai": self.ai, "ul": self.ul}


@dataclass(frozen=True, slots=True)
class Target:
    """A person's reference intakes for one nutrient, per day.

    Exactly one of `rda` and `ai` is set. `ul` is None where no upper limit
    exists; `ul_scope` says what the limit counts (for magnesium: supplements
    and medicines only). `iu` repeats the vitamin D figures in IU.
    """

    nutrient: str
    label: str
    unit: str
    life_stage: str
    sex: str
    condition: str | None
    ear: float | None
    rda: float | None
    ai: float | None
    ul: float | None
    ul_scope: str
    ul_scope_short: str
    notes: tuple[str, ...]
    sources: tuple[str, ...]
    iu: IUValues | None = None
    ul_scope_id: str = ""  # key of the scope in dri.yaml, e.g. "drugs_only"

    @property
    def ul_counts_food(self) -> bool:
        """Whether the UL applies to intake from food (not so for magnesium's UL)."""
        return self.ul is not None and self.ul_scope_id != "drugs_only"

    @property
    def kind(self) -> Kind:
        """ "RDA" or "AI": which kind of goal this nutrient has for the life stage."""
        return "RDA" if self.rda is not None else "AI"

    @property
    def goal(self) -> float:
        """The intake to aim for: the RDA, or the AI where no RDA exists."""
        value = self.rda if self.rda is not None else self.ai
        assert value is not None  # guaranteed by _row_target
        return value

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form: ear, rda, ai, ul, ul_scope first, then the details."""
        return {
            "ear": self.ear,
            "rda": self.rda,
            "ai": self.ai,
            "ul": self.ul,
            "ul_scope": self.ul_scope,
            "ul_scope_short": self.ul_scope_short,
            "unit": self.unit,
            "kind": self.kind,
            "life_stage": self.life_stage,
            "sex": self.sex,
            "condition": self.condition,
            "notes": list(self.notes),
            "iu": self.iu.to_dict() if self.iu is not None else None,
            "sources": list(self.sources),
        }


@dataclass(frozen=True, slots=True)
class LifeStageRow:
    """One row of the packaged DRI table; `age_to` is exclusive, None means open-ended."""

    nutrient: str
    life_stage: str
    sex: str
    condition: str | None
    age_from: float
    age_to: float | None
    target: Target

    def covers(self, person: Person) -> bool:
        """True if this row applies to `person`."""
        upper = self.age_to if self.age_to is not None else float("inf")
        return (
            self.condition == person.condition
            and self.sex in ("any", person.sex)
            and self.age_from <= person.age_years < upper
        )


def targets_for(
    age_years: float, sex: str, pregnant: bool = False, lactating: bool = False
) -> dict[str, Target]:
    """Targets keyed by nutrient key, in the order of `nutrient_keys.FOCUS_KEYS`.

    Raises ProfileError for impossible people (see `profile.Person`).
    """
    return targets_for_person(Person(age_years, parse_sex(sex), pregnant, lactating))


def targets_for_person(person: Person) -> dict[str, Target]:
    """Targets for an already validated `Person`."""
    result: dict[str, Target] = {}
    table = _rows_by_nutrient()
    for nutrient in FOCUS_KEYS:
        matches = [row for row in table.get(nutrient, ()) if row.covers(person)]
        if len(matches) != 1:
            raise DataError(
                f"dri.yaml has {len(matches)} {nutrient} rows for {person.describe()}; expected 1"
            )
        result[nutrient] = matches[0].target
    return result


def dri_rows() -> tuple[LifeStageRow, ...]:
    """Every row of the packaged table, nutrient by nutrient."""
    return tuple(row for rows in _rows_by_nutrient().values() for row in rows)


@functools.cache
def _rows_by_nutrient() -> dict[str, tuple[LifeStageRow, ...]]:
    data = load_yaml("dri.yaml")
    try:
        return {
            key: tuple(_parse_row(key, block, raw) for raw in block["rows"])
            for key, block in data["nutrients"].items()
        }
    except (KeyError, TypeError, ValueError) as error:
        raise DataError(f"dri.yaml is malformed: {error!r}; reinstall twitchcheck") from error


def _parse_row(key: str, block: Mapping[str, Any], raw: Mapping[str, Any]) -> LifeStageRow:
    kind = raw["kind"]
    if kind not in ("RDA", "AI") or raw["value"] is None:
        raise ValueError(f"{key} {raw['stage']}: kind must be RDA or AI with a value")
    notes = block.get("notes") or {}
    note_ids = raw.get("notes") or []
    sources = list(raw["sources"])
    for note_id in note_ids:
        sources += [s for s in notes[note_id]["sources"] if s not in sources]
    target = Target(
        nutrient=key,
        label=block["label"],
        unit=block["unit"],
        life_stage=raw["stage"],
        sex=raw["sex"],
        condition=raw["condition"],
        ear=raw["ear"],
        rda=raw["value"] if kind == "RDA" else None,
        ai=raw["value"] if kind == "AI" else None,
        ul=raw["ul"],
        ul_scope=block["ul_scopes"][raw["scope"]]["text"],
        ul_scope_short=block["ul_scopes"][raw["scope"]]["short"],
        ul_scope_id=raw["scope"],
        notes=tuple(notes[note_id]["text"] for note_id in note_ids),
        sources=tuple(sources),
        iu=_iu(raw.get("iu"), kind),
    )
    age_from, age_to = raw["ages"]
    return LifeStageRow(
        key, raw["stage"], raw["sex"], raw["condition"], float(age_from), age_to, target
    )


def _iu(raw: Mapping[str, float | None] | None, kind: str) -> IUValues | None:
    if raw is None:
        return None
    value = raw["value"]
    return IUValues(
        ear=raw["ear"],
        rda=value if kind == "RDA" else None,
        ai=value if kind == "AI" else None,
        ul=raw["ul"],
    )


def vitamin_d_iu_note() -> str:
    """How micrograms of vitamin D read in IU, with its source (supplements.yaml `units`),
    read without loading the whole knowledge base."""
    units = load_yaml("knowledge/supplements.yaml")["units"]
    (unit,) = (u for u in units if u["key"] == "vitamin_d_ug")
    return f"{' '.join(unit['text'].split())} [{', '.join(unit['sources'])}]"
