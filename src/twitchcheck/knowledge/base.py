"""The loaded knowledge base: every entry by id, the name index, and what a lookup returns."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TypeAlias, TypeVar

from pydantic import (
    BaseModel,
)

from twitchcheck.knowledge.models import (
    CaffeineDrink,
    Condition,
    EntryKind,
    EvidenceClaim,
    Factor,
    Interaction,
    MedicineClass,
    MedicineName,
    Nutrient,
    NutrientUnit,
    RedFlag,
    Region,
    Source,
    SupplementEntry,
    Symptom,
    Wording,
    _Model,
)

# --- the loaded knowledge base ---------------------------------------------------------------

Item: TypeAlias = Nutrient | MedicineClass | Factor | Condition | Symptom | EvidenceClaim | RedFlag
M = TypeVar("M", bound=_Model)


@dataclass(frozen=True, eq=False)
class KnowledgeBase:
    """Every validated knowledge file, indexed by id."""

    sources: Mapping[str, Source]
    nutrients: Mapping[str, Nutrient]
    interactions: tuple[Interaction, ...]
    conditions: Mapping[str, Condition]
    factors: Mapping[str, Factor]
    medicine_classes: Mapping[str, MedicineClass]
    medicine_names: Mapping[str, MedicineName]
    symptoms: Mapping[str, Symptom]
    red_flags: tuple[RedFlag, ...]
    evidence: Mapping[str, EvidenceClaim]
    supplements: Mapping[str, SupplementEntry]
    supplement_units: Mapping[str, NutrientUnit]
    regions: Mapping[str, Region]
    drinks: Mapping[str, CaffeineDrink]
    wording: Wording = field(repr=False)
    files: Mapping[str, BaseModel] = field(repr=False)
    names: Mapping[str, tuple[tuple[EntryKind, str], ...]] = field(repr=False)

    def items_of(self, kind: EntryKind) -> Mapping[str, Item]:
        """Entries of one kind by id."""
        table: dict[EntryKind, Mapping[str, Item]] = {
            "nutrient": self.nutrients,
            "medicine": self.medicine_classes,
            "factor": self.factors,
            "condition": self.conditions,
            "symptom": self.symptoms,
            "evidence": self.evidence,
            "red_flag": {flag.id: flag for flag in self.red_flags},
        }
        return table[kind]


@dataclass(frozen=True)
class Entry:
    """What a name resolved to; `medicine` is set when a drug name (not a class) was given."""

    kind: EntryKind
    id: str
    label: str
    item: Item
    query: str
    medicine: MedicineName | None = None
    also: tuple[str, ...] = ()


def _norm(name: str) -> str:
    text = name.lower().replace("'", "").replace("’", "")
    return re.sub(r"[\s_\-/]+", " ", text).strip()
