"""The knowledge base: nutrients, contributors, medicines, symptoms, red flags and evidence.

Facts live in YAML files under ``twitchcheck/data/knowledge/`` (one per topic, each
documenting its own format in a header comment). `load_knowledge` reads them once, validates
them with the models below and cross-checks them (every source id resolves, every name maps
to a class, every referenced id exists). A broken file raises `KnowledgeError` naming the
file, the entry and the field. See docs/knowledge.md.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal, TypeAlias, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    model_validator,
)

from twitchcheck import _data
from twitchcheck.errors import KnowledgeError, UnknownEntryError
from twitchcheck.nutrient_keys import FOCUS_KEYS
from twitchcheck.text import fold, shorten, singular
from twitchcheck.wording import (
    Phrases,
    Piece,
    dated,
    scan,
    staged,
    tokens,
    weeks_ago,
    words,
    yeared,
)

__all__ = [
    "CaffeineDrink",
    "Condition",
    "ConditionMention",
    "Entry",
    "EvidenceClaim",
    "Fact",
    "Factor",
    "Interaction",
    "KnowledgeBase",
    "MedicineClass",
    "MedicineName",
    "Nutrient",
    "NutrientEffect",
    "RedFlag",
    "Region",
    "Related",
    "Source",
    "SupplementEntry",
    "Symptom",
    "SymptomLink",
    "Vocabulary",
    "cited_sources",
    "condition_mention",
    "describe",
    "load_knowledge",
    "lookup",
    "medicine_class_for",
    "medicine_classes_for",
    "red_flags",
    "related",
    "sources",
    "suggest",
    "symptom_id",
    "vocabulary",
]

# --- field types -------------------------------------------------------------------------

Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
SourceId = Annotated[str, StringConstraints(pattern=r"^[A-Z]+[0-9]+[a-z]?$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=3)]
NutrientId = Literal["magnesium", "calcium", "vitamin_d", "potassium", "vitamin_b12"]
Verification = Literal["primary", "secondary", "unverified"]
Strength = Literal["strong", "moderate", "weak", "insufficient"]
Direction = Literal["lowers", "raises", "interferes"]
Specificity = Literal["low", "moderate", "high"]
TriageLevel = Literal["self-care", "see-doctor", "urgent", "emergency"]
EntryKind = Literal[
    "nutrient", "medicine", "factor", "condition", "symptom", "evidence", "red_flag"
]

NUTRIENT_IDS: tuple[str, ...] = ("magnesium", "calcium", "vitamin_d", "potassium", "vitamin_b12")
TRIAGE_LEVELS: tuple[TriageLevel, ...] = ("self-care", "see-doctor", "urgent", "emergency")
# Bare names resolve in this order when several kinds share one (e.g. "anxiety").
KIND_ORDER: tuple[EntryKind, ...] = (
    "nutrient",
    "medicine",
    "factor",
    "condition",
    "symptom",
    "evidence",
    "red_flag",
)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Sourced(_Model):
    """Anything that states a fact: it must say where the fact came from."""

    sources: tuple[SourceId, ...] = Field(min_length=1)
    verification: Verification


# --- models, one group per file --------------------------------------------------------------


class Source(_Model):
    id: SourceId
    title: Text
    url: str | None = None
    also: tuple[str, ...] = ()
    section: str | None = None
    note: str | None = None


class Fact(_Sourced):
    text: Text


class NutrientEffect(_Sourced):
    nutrient: NutrientId
    direction: Direction
    mechanism: Text
    strength: Strength


class Nutrient(_Model):
    id: NutrientId
    key: str
    name: Text
    aliases: tuple[str, ...] = ()
    role: tuple[Fact, ...] = Field(min_length=1)
    deficiency: tuple[Fact, ...] = Field(min_length=1)
    symptoms: tuple[Fact, ...] = Field(min_length=1)
    food_sources: tuple[Fact, ...] = Field(min_length=1)
    bioavailability: tuple[Fact, ...] = ()
    testing: tuple[Fact, ...] = ()
    cautions: tuple[Fact, ...] = ()

    @model_validator(mode="after")
    def _key_matches(self) -> Nutrient:
        if self.key not in FOCUS_KEYS or not self.key.startswith(self.id + "_"):
            raise ValueError(f"key {self.key!r} must be one of {FOCUS_KEYS} and match id")
        return self


class Interaction(_Sourced):
    id: Id
    nutrient: NutrientId
    affects: NutrientId
    effect: Literal[
        "blocks_correction",
        "lowers",
        "needed_for_absorption",
        "needed_for_activation",
        "work_together",
    ]
    summary: Text
    detail: Text | None = None


class Condition(_Model):
    id: Id
    label: Text
    synonyms: tuple[str, ...] = ()
    kind: Literal["medical", "surgery", "life_stage", "diet", "population", "exposure"]
    summary: Fact
    effects: tuple[NutrientEffect, ...] = ()
    notes: tuple[Fact, ...] = ()


class Factor(_Model):
    id: Id
    label: Text
    synonyms: tuple[str, ...] = ()
    kind: Literal["fluids", "lifestyle", "physiological", "medical", "baseline"]
    summary: Fact
    how: tuple[Fact, ...] = ()
    effects: tuple[NutrientEffect, ...] = ()
    what_helps: tuple[Fact, ...] = ()
    see_also: tuple[Id, ...] = ()


class MedicineClass(_Model):
    id: Id
    label: Text
    synonyms: tuple[str, ...] = ()
    summary: Fact
    effects: tuple[NutrientEffect, ...] = ()
    symptom_effects: tuple[Fact, ...] = ()
    notes: tuple[Fact, ...] = ()


class MedicineName(_Model):
    """A name people type (generic or brand) and the class(es) it belongs to."""

    name: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9 ()\-/.]*$")]
    classes: tuple[Id, ...] = Field(min_length=1)
    generic: str | None = None
    brand: bool = False


class SymptomLink(_Sourced):
    to: Id
    note: Text | None = None


class Symptom(_Model):
    id: Id
    label: Text
    synonyms: tuple[str, ...] = ()
    specificity: Specificity
    red_flag: bool
    description: Fact
    related: tuple[SymptomLink, ...] = ()


class RedFlag(_Sourced):
    """A finding that sends the person to a clinician, and how soon.

    Trigger groups: symptoms (with `with_symptoms`, one of which must also be present),
    conditions, medicines, low_labs, high_labs, lifestyle (yes/no answers such as
    nitrous_oxide), raised (at least so many answers that raise a nutrient) and
    above_upper_limit (a supplement dose over the nutrient's upper limit). With
    `requires: any` one matching group fires the flag; with `requires: all` every group
    given must match (tingling *with* a low calcium result).
    """

    id: Id
    label: Text
    triage: TriageLevel
    requires: Literal["any", "all"] = "any"
    symptoms: tuple[Id, ...] = ()
    with_symptoms: tuple[Id, ...] = ()
    conditions: tuple[Id, ...] = ()
    medicines: tuple[Id, ...] = ()
    low_labs: tuple[NutrientId, ...] = ()
    high_labs: tuple[NutrientId, ...] = ()
    lifestyle: tuple[Literal["nitrous_oxide", "nicotine"], ...] = ()
    # Nutrient -> how many distinct answers (medicines, conditions, supplements) must raise it.
    raised: dict[NutrientId, Annotated[int, Field(ge=1)]] = Field(default_factory=dict)
    # A supplement dose above the upper limit for any of these nutrients.
    above_upper_limit: tuple[NutrientId, ...] = ()
    reason: Text
    advice: Text

    @model_validator(mode="after")
    def _triggerable(self) -> RedFlag:
        if self.triage == "self-care":
            raise ValueError("a red flag cannot be self-care")
        if not self.groups():
            raise ValueError(
                "give at least one of symptoms, conditions, medicines, low_labs, high_labs, "
                "lifestyle, raised, above_upper_limit"
            )
        if self.with_symptoms and not self.symptoms:
            raise ValueError("with_symptoms needs symptoms")
        if self.requires == "all" and len(self.groups()) < 2:
            raise ValueError("requires: all needs at least two trigger groups")
        return self

    def groups(self) -> tuple[str, ...]:
        """The trigger groups this flag uses."""
        names = (
            "symptoms",
            "conditions",
            "medicines",
            "low_labs",
            "high_labs",
            "lifestyle",
            "raised",
            "above_upper_limit",
        )
        return tuple(name for name in names if getattr(self, name))


class EvidenceClaim(_Sourced):
    id: Id
    question: Text
    claim: Text
    verdict: Literal[
        "helps",
        "may_help",
        "no_benefit",
        "uncertain",
        "not_studied",
        "not_recommended",
        "reassuring",
    ]
    strength: Strength
    best_evidence: Text
    meaning: Text
    about: tuple[Id, ...] = Field(min_length=1)


class SupplementEntry(_Model):
    """A supplement people take, the names they give it and what it adds."""

    id: Id
    label: Text
    names: tuple[str, ...] = Field(min_length=1)
    nutrients: tuple[str, ...] = ()  # nutrient keys a stated dose counts towards
    raises: tuple[NutrientId, ...] = ()
    medicine_class: Id | None = None  # the medicine class it belongs to when prescribed
    swallowed: bool = True  # False for bath salts and sprays: no amount is counted
    about: Fact

    @model_validator(mode="after")
    def _keys_known(self) -> SupplementEntry:
        for key in self.nutrients:
            if key not in FOCUS_KEYS:
                raise ValueError(f"nutrient key {key!r} must be one of {FOCUS_KEYS}")
        return self


class NutrientUnit(_Sourced):
    """How IU, mmol and mEq of one nutrient convert to the unit of its key."""

    key: str
    per_iu: Annotated[float, Field(gt=0)] | None = None
    per_mmol: Annotated[float, Field(gt=0)] | None = None
    per_meq: Annotated[float, Field(gt=0)] | None = None
    text: Text


class Region(_Sourced):
    """Where the person lives: whom to call in an emergency and for urgent advice."""

    id: Id
    label: Text
    names: tuple[str, ...] = ()
    emergency_number: Annotated[str, StringConstraints(pattern=r"^[0-9]{3}$")]
    other_numbers: tuple[str, ...] = ()
    urgent_route: Text  # e.g. "call NHS 111"


class CaffeineDrink(_Sourced):
    """A caffeinated drink counted per serving, from one USDA FNDDS food."""

    id: Id
    field: str  # the Lifestyle answer counting servings a day
    label: Text
    fndds_code: Annotated[str, StringConstraints(pattern=r"^[0-9]{8}$")]
    food_name: Text
    caffeine_mg_per_100g: Annotated[float, Field(ge=0)]
    serving: Text
    serving_g: Annotated[float, Field(gt=0)]

    @property
    def caffeine_mg_per_serving(self) -> float:
        return self.caffeine_mg_per_100g * self.serving_g / 100


class Frequency(_Model):
    times: Annotated[float, Field(gt=0)]
    days: Annotated[float, Field(gt=0)]
    words: tuple[str, ...] = Field(min_length=1)

    @property
    def per_day(self) -> float:
        return self.times / self.days


class Wording(_Model):
    """The words around a name (wording.yaml): doses, frequencies, forms, qualifiers."""

    micro_units: dict[str, Annotated[float, Field(gt=0)]]
    dose_units: tuple[str, ...]
    frequencies: tuple[Frequency, ...]
    period_days: dict[str, Annotated[float, Field(gt=0)]]
    as_needed: tuple[str, ...]
    single_dose: tuple[str, ...]
    forms: tuple[str, ...]
    timing: tuple[str, ...]
    vague_counts: tuple[str, ...]
    salt_forms: tuple[str, ...]
    elemental: tuple[str, ...]
    separators: tuple[str, ...]
    condition_filler: tuple[str, ...]
    condition_qualifiers: tuple[str, ...]
    surgery_words: tuple[str, ...]


class ConditionMention(_Model):
    """A condition (or symptom) as written, resolved to its id with what the words around it
    said: "chronic kidney disease stage 4" -> kidney_disease, stage "4"."""

    id: Id
    text: str = ""
    stage: str | None = None
    since_weeks: Annotated[float, Field(ge=0, le=5200)] | None = None
    qualifiers: tuple[str, ...] = ()


class _SourcesFile(_Model):
    sources: tuple[Source, ...]


class _NutrientsFile(_Model):
    nutrients: tuple[Nutrient, ...]


class _InteractionsFile(_Model):
    interactions: tuple[Interaction, ...]


class _ConditionsFile(_Model):
    conditions: tuple[Condition, ...]


class _FactorsFile(_Model):
    factors: tuple[Factor, ...]


class _MedicinesFile(_Model):
    classes: tuple[MedicineClass, ...]
    names: tuple[MedicineName, ...]


class _SymptomsFile(_Model):
    symptoms: tuple[Symptom, ...]


class _RedFlagsFile(_Model):
    red_flags: tuple[RedFlag, ...]


class _EvidenceFile(_Model):
    claims: tuple[EvidenceClaim, ...]


class _SupplementsFile(_Model):
    units: tuple[NutrientUnit, ...]
    supplements: tuple[SupplementEntry, ...]


class _RegionsFile(_Model):
    regions: tuple[Region, ...]


class _DrinksFile(_Model):
    drinks: tuple[CaffeineDrink, ...]


FILES: dict[str, type[_Model]] = {
    "sources.yaml": _SourcesFile,
    "nutrients.yaml": _NutrientsFile,
    "interactions.yaml": _InteractionsFile,
    "conditions.yaml": _ConditionsFile,
    "factors.yaml": _FactorsFile,
    "medicines.yaml": _MedicinesFile,
    "symptoms.yaml": _SymptomsFile,
    "red_flags.yaml": _RedFlagsFile,
    "evidence.yaml": _EvidenceFile,
    "supplements.yaml": _SupplementsFile,
    "regions.yaml": _RegionsFile,
    "drinks.yaml": _DrinksFile,
    "wording.yaml": Wording,
}

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


@dataclass(frozen=True)
class RelatedEffect:
    """An effect on a nutrient found on another entry (a medicine, condition or factor)."""

    kind: EntryKind
    id: str
    label: str
    effect: NutrientEffect


@dataclass(frozen=True)
class Related:
    """Facts stored elsewhere that concern an entry (e.g. medicines lowering a nutrient)."""

    effects: tuple[RelatedEffect, ...] = ()
    interactions: tuple[Interaction, ...] = ()
    symptoms: tuple[tuple[str, SymptomLink], ...] = ()
    evidence: tuple[EvidenceClaim, ...] = ()
    red_flags: tuple[RedFlag, ...] = ()
    names: tuple[str, ...] = ()


@dataclass(frozen=True)
class Vocabulary:
    """The ids other modules (screening, journal) may use."""

    nutrients: tuple[str, ...]
    factors: tuple[str, ...]
    conditions: tuple[str, ...]
    symptoms: tuple[str, ...]
    red_flag_symptoms: tuple[str, ...]
    medicine_classes: tuple[str, ...]
    red_flags: tuple[str, ...]
    triage_levels: tuple[str, ...] = TRIAGE_LEVELS


# --- loading ----------------------------------------------------------------------------


@functools.cache
def load_knowledge(directory: Path | None = None) -> KnowledgeBase:
    """Read, validate and cross-check every knowledge file (once per directory).

    `directory` defaults to the packaged files; tests pass a copy to break on purpose.
    """
    files = {name: _validate(name, model, _read(directory, name)) for name, model in FILES.items()}
    problems = list(_check_unique(files)) + list(_check_references(files))
    if problems:
        shown = "\n  ".join(problems[:12])
        more = f"\n  ... and {len(problems) - 12} more" if len(problems) > 12 else ""
        raise KnowledgeError(f"knowledge base has {len(problems)} problem(s):\n  {shown}{more}")
    kb = _assemble(files)
    name_problems = list(_check_names(kb))
    if name_problems:
        raise KnowledgeError("knowledge base has name clashes:\n  " + "\n  ".join(name_problems))
    return kb


def _read(directory: Path | None, name: str) -> Any:
    if directory is None:
        return _data.read_yaml(f"knowledge/{name}", KnowledgeError)
    path = directory / name
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KnowledgeError(
            f"knowledge file {name} is missing (looked in {path.parent})"
        ) from None
    return _data.parse_yaml(text, name, KnowledgeError)


def _validate(name: str, model: type[M], raw: Any) -> M:
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        raise KnowledgeError(_explain(name, raw, error)) from None


def _explain(name: str, raw: Any, error: ValidationError) -> str:
    """One line per problem (at most five): file, entry id, field path, what is wrong."""
    lines = []
    for detail in error.errors()[:5]:
        loc = tuple(detail["loc"])
        entry = _raw_entry(raw, loc)
        where = _field_path(loc[2:] if len(loc) >= 2 else loc)
        got = "" if detail["type"] == "missing" else f" (got {detail.get('input')!r:.80})"
        lines.append(f"{name}: entry {entry!r}, field {where!r}: {detail['msg']}{got}")
    extra = error.error_count() - len(lines)
    return "\n".join(lines) + (f"\n... and {extra} more" if extra > 0 else "")


def _raw_entry(raw: Any, loc: tuple[Any, ...]) -> str:
    if len(loc) < 2 or not isinstance(loc[1], int) or not isinstance(raw, dict):
        return "(top level)"
    try:
        item = raw[loc[0]][loc[1]]
    except (KeyError, IndexError, TypeError):
        return f"#{loc[1] + 1}"
    if isinstance(item, dict):
        return str(item.get("id") or item.get("name") or f"#{loc[1] + 1}")
    return f"#{loc[1] + 1}"


def _field_path(loc: Iterable[Any]) -> str:
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "(whole entry)"


def _walk(value: object, loc: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], BaseModel]]:
    """Every model inside `value`, with its location (field names and list indexes)."""
    if isinstance(value, BaseModel):
        yield loc, value
        for name in type(value).model_fields:
            yield from _walk(getattr(value, name), (*loc, name))
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from _walk(item, (*loc, index))


def _where(name: str, root: BaseModel, loc: tuple[Any, ...]) -> str:
    entry = "(top level)"
    if len(loc) >= 2:
        item = getattr(root, loc[0])[loc[1]]
        entry = str(getattr(item, "id", None) or getattr(item, "name", None) or loc[1])
    return f"{name}: entry {entry!r}, field {_field_path(loc[2:])!r}"


def _check_unique(files: Mapping[str, BaseModel]) -> Iterator[str]:
    for name, root in files.items():
        for list_name in type(root).model_fields:
            seen: set[str] = set()
            for index, item in enumerate(getattr(root, list_name)):
                key = getattr(item, "id", None) or getattr(item, "name", None)
                if key is None:  # wording.yaml: plain word lists
                    continue
                if key in seen:
                    yield f"{_where(name, root, (list_name, index, 'id'))}: {key!r} is used twice"
                seen.add(str(key))


def _check_references(files: Mapping[str, BaseModel]) -> Iterator[str]:
    """Every cited source, id and class must exist; red_flag marks must match red_flags.yaml."""
    ids = _ids(files)
    for name, root in files.items():
        for loc, model in _walk(root):
            for field_name, problem in _reference_problems(model, ids):
                yield f"{_where(name, root, (*loc, field_name))}: {problem}"
    present = set(ids["nutrient"])
    for missing in sorted(set(NUTRIENT_IDS) - present):
        yield f"nutrients.yaml: entry {missing!r}, field 'id': the nutrient is missing"
    yield from _check_red_flag_marks(files)


def _ids(files: Mapping[str, BaseModel]) -> dict[str, set[str]]:
    def of(file: str, list_name: str) -> set[str]:
        return {item.id for item in getattr(files[file], list_name)}

    ids = {
        "source": of("sources.yaml", "sources"),
        "nutrient": of("nutrients.yaml", "nutrients"),
        "factor": of("factors.yaml", "factors"),
        "condition": of("conditions.yaml", "conditions"),
        "medicine": of("medicines.yaml", "classes"),
        "symptom": of("symptoms.yaml", "symptoms"),
        "evidence": of("evidence.yaml", "claims"),
    }
    ids["entry"] = ids["nutrient"] | ids["factor"] | ids["condition"] | ids["medicine"]
    return ids


def _reference_problems(model: BaseModel, ids: Mapping[str, set[str]]) -> Iterator[tuple[str, str]]:
    """(field, problem) for each id in `model` that names nothing."""
    if isinstance(model, _Sourced):
        for source in model.sources:
            if source not in ids["source"]:
                yield "sources", f"unknown source {source!r} (add it to sources.yaml)"
    checks: list[tuple[str, Iterable[str], str]] = []
    if isinstance(model, MedicineName):
        checks.append(("classes", model.classes, "medicine"))
    elif isinstance(model, SupplementEntry) and model.medicine_class:
        checks.append(("medicine_class", [model.medicine_class], "medicine"))
    elif isinstance(model, SymptomLink):
        checks.append(("to", [model.to], "entry"))
    elif isinstance(model, Factor):
        checks.append(("see_also", model.see_also, "entry"))
    elif isinstance(model, EvidenceClaim):
        checks.append(("about", model.about, "entry"))
    elif isinstance(model, RedFlag):
        checks += [
            ("symptoms", (*model.symptoms, *model.with_symptoms), "symptom"),
            ("conditions", model.conditions, "condition"),
            ("medicines", model.medicines, "medicine"),
        ]
    for field_name, values, kind in checks:
        known = ids[kind] | (ids["evidence"] if field_name == "see_also" else set())
        for value in values:
            if value not in known:
                yield field_name, f"unknown {kind} id {value!r}"


def _check_red_flag_marks(files: Mapping[str, BaseModel]) -> Iterator[str]:
    flags: tuple[RedFlag, ...] = getattr(files["red_flags.yaml"], "red_flags")  # noqa: B009
    # A red-flag symptom can fire a flag by itself (perhaps with a companion symptom); one that
    # counts only together with a condition, medicine or lab (`requires: all`) is not one.
    used = {symptom for flag in flags if flag.requires == "any" for symptom in flag.symptoms}
    for symptom in getattr(files["symptoms.yaml"], "symptoms"):  # noqa: B009
        if symptom.red_flag != (symptom.id in used):
            state = "is used by" if symptom.id in used else "is not used by"
            yield (
                f"symptoms.yaml: entry {symptom.id!r}, field 'red_flag': is {symptom.red_flag} "
                f"but the symptom {state} a rule in red_flags.yaml"
            )


def _assemble(files: Mapping[str, BaseModel]) -> KnowledgeBase:
    def by_id(file: str, list_name: str) -> dict[str, Any]:
        return {item.id: item for item in getattr(files[file], list_name)}

    medicines = files["medicines.yaml"]
    assert isinstance(medicines, _MedicinesFile)
    parts: dict[str, Any] = {
        "sources": by_id("sources.yaml", "sources"),
        "nutrients": by_id("nutrients.yaml", "nutrients"),
        "interactions": getattr(files["interactions.yaml"], "interactions"),  # noqa: B009
        "conditions": by_id("conditions.yaml", "conditions"),
        "factors": by_id("factors.yaml", "factors"),
        "medicine_classes": by_id("medicines.yaml", "classes"),
        "medicine_names": {name.name: name for name in medicines.names},
        "symptoms": by_id("symptoms.yaml", "symptoms"),
        "red_flags": getattr(files["red_flags.yaml"], "red_flags"),  # noqa: B009
        "evidence": by_id("evidence.yaml", "claims"),
        "supplements": by_id("supplements.yaml", "supplements"),
        "supplement_units": {
            unit.key: unit
            for unit in getattr(files["supplements.yaml"], "units")  # noqa: B009
        },
        "regions": by_id("regions.yaml", "regions"),
        "drinks": by_id("drinks.yaml", "drinks"),
    }
    wording = files["wording.yaml"]
    assert isinstance(wording, Wording)
    return KnowledgeBase(
        **parts, wording=wording, files=dict(files), names=_name_index(parts, medicines)
    )


def _name_index(parts: Mapping[str, Any], medicines: _MedicinesFile) -> dict[str, Any]:
    """normalised name -> [(kind, id)], in the order the names were met."""
    index: dict[str, list[tuple[EntryKind, str]]] = {}

    def add(name: str, kind: EntryKind, entry_id: str) -> None:
        targets = index.setdefault(_norm(name), [])
        if (kind, entry_id) not in targets:
            targets.append((kind, entry_id))

    for nutrient in parts["nutrients"].values():
        for name in (nutrient.id, nutrient.key, nutrient.name, *nutrient.aliases):
            add(name, "nutrient", nutrient.id)
    for medicine in medicines.classes:
        for name in (medicine.id, medicine.label, *medicine.synonyms):
            add(name, "medicine", medicine.id)
    for drug in medicines.names:
        add(drug.name, "medicine", drug.classes[0])
    tables: tuple[tuple[EntryKind, str], ...] = (
        ("factor", "factors"),
        ("condition", "conditions"),
        ("symptom", "symptoms"),
    )
    for kind, part in tables:
        for item in parts[part].values():
            for name in (item.id, item.label, *item.synonyms):
                add(name, kind, item.id)
    for claim in parts["evidence"].values():
        add(claim.id, "evidence", claim.id)
    for flag in parts["red_flags"]:
        add(flag.id, "red_flag", flag.id)
    return {name: tuple(targets) for name, targets in index.items()}


def _check_names(kb: KnowledgeBase) -> Iterator[str]:
    """Within one kind a name must mean one thing; across kinds KIND_ORDER decides."""
    for name, targets in kb.names.items():
        kinds = [kind for kind, _ in targets]
        for kind in set(kinds):
            if kinds.count(kind) > 1:
                clash = ", ".join(entry_id for k, entry_id in targets if k == kind)
                yield f"the name {name!r} means more than one {kind}: {clash}"
    for table, names_of in (
        ("supplements.yaml", lambda item: item.names),
        ("regions.yaml", lambda item: (item.id, item.label, *item.names)),
    ):
        owner: dict[tuple[str, ...], str] = {}
        items = kb.supplements if table == "supplements.yaml" else kb.regions
        for item in items.values():
            for written in names_of(item):
                key = words(written)
                if owner.setdefault(key, item.id) != item.id:
                    yield f"{table}: the name {written!r} means both {owner[key]} and {item.id}"


def _norm(name: str) -> str:
    text = name.lower().replace("'", "").replace("’", "")
    return re.sub(r"[\s_\-/]+", " ", text).strip()


# --- lookups ----------------------------------------------------------------------------


def lookup(name: str, kb: KnowledgeBase | None = None) -> Entry:
    """Resolve a nutrient, factor, medicine (class, generic or brand), condition or symptom.

    Case and punctuation are ignored; "symptom:anxiety" picks a kind when names are shared.
    Raises UnknownEntryError with close matches when nothing fits.
    """
    kb = kb or load_knowledge()
    kind_wanted, _, bare = name.partition(":") if ":" in name else ("", "", name)
    key = _norm(bare)
    targets = kb.names.get(key, ())
    if kind_wanted:
        targets = tuple(t for t in targets if t[0] == kind_wanted.strip().lower())
    if not targets:
        raise _unknown(name, kb)
    kind, entry_id = min(targets, key=lambda target: KIND_ORDER.index(target[0]))
    item = kb.items_of(kind)[entry_id]
    also = tuple(f"{k}:{i}" for k, i in targets if (k, i) != (kind, entry_id))
    medicine = kb.medicine_names.get(key) if kind == "medicine" else None
    return Entry(kind, entry_id, _label(item), item, name, medicine, also)


def _label(item: Item) -> str:
    return (
        item.name
        if isinstance(item, Nutrient)
        else (item.question if isinstance(item, EvidenceClaim) else item.label)
    )


def suggest(
    name: str,
    kb: KnowledgeBase | None = None,
    limit: int = 5,
    kind: EntryKind | None = None,
) -> list[str]:
    """Known names closest to `name` (for "did you mean"); only names of `kind` if given.

    Every name returned resolves as it stands (it is a key of the name index).
    """
    from rapidfuzz import fuzz, process

    from twitchcheck.limits import limit as most

    kb = kb or load_knowledge()
    pool = _names_of_kind(kb, kind) if kind else list(kb.names)
    # Only the start is compared, so the cost stays the same whatever the input's length.
    cap = int(most("input.suggest_chars"))
    typed = _norm(name[: cap * 2])[:cap]
    matches = process.extract(typed, pool, scorer=fuzz.WRatio, limit=limit)
    return [match for match, score, _ in matches if score >= 60]


@functools.cache
def _names_of_kind(kb: KnowledgeBase, kind: EntryKind) -> list[str]:
    return [name for name, targets in kb.names.items() if any(k == kind for k, _ in targets)]


def _unknown(name: str, kb: KnowledgeBase) -> UnknownEntryError:
    close = suggest(name, kb)
    hint = (
        "did you mean: " + ", ".join(repr(s) for s in close)
        if close
        else "try a nutrient (magnesium), a medicine (furosemide, Lasix) or a factor (caffeine)"
    )
    return UnknownEntryError(f"the knowledge base has nothing called {shorten(name)!r}; {hint}")


def _not_known(
    text: str, kind: EntryKind, close: Sequence[str], extra: str = ""
) -> UnknownEntryError:
    hint = f"; did you mean: {', '.join(repr(c) for c in close)}?" if close else ""
    return UnknownEntryError(f"{shorten(text)!r} is not a known {kind}{shorten(extra)}{hint}")


# --- names as people write them ----------------------------------------------------------
#
# "furosemide 40mg od", "Ventolin inhaler 2 puffs prn", "lisinopril/hctz": the doses,
# frequencies, forms and joining words (wording.yaml) are set aside and every other word must
# belong to a known name; several names give several classes. Nothing is guessed: a word that
# is neither refuses the whole entry, with close matches that are themselves accepted.

_GRAMMAR = ("x", "times", "every", "per", "to", "of", "each", "a", "an", "take", "takes",
            "taking", "use", "uses", "using", "one", "two", "three", "four", "half")  # fmt: skip


def medicine_classes_for(name: str, kb: KnowledgeBase | None = None) -> tuple[MedicineClass, ...]:
    """The class(es) of a medicine as written, with or without dose, frequency and form.

    "Lasix", "furosemide 40mg od", "lisinopril 10 mg and hydrochlorothiazide" and "Hyzaar"
    (a combination product) all work. Raises UnknownEntryError with accepted close matches.
    """
    kb = kb or load_knowledge()
    found = _medicine_exact(name, kb)
    if found is not None:
        return found
    items = scan(tokens(name), _medicine_tables(kb))
    names = [item.value for item in items if item.kind == "name"]
    unknown = [item.text for item in items if item.kind == "unknown"]
    if unknown or not names:
        core = " ".join(item.text for item in items if item.kind in ("name", "unknown"))
        close = suggest(core or name, kb, limit=4, kind="medicine")
        extra = f" (not understood: {' '.join(unknown)})" if names and unknown else ""
        raise _not_known(name, "medicine", close, extra)
    # A class word next to a named medicine describes it ("magnesium citrate laxative").
    drugs = [written for written in names if _norm(written) in kb.medicine_names]
    classes: list[MedicineClass] = []
    for written in drugs or names:
        for item in _medicine_exact(written, kb) or ():
            if item not in classes:
                classes.append(item)
    return tuple(classes)


def _medicine_exact(name: str, kb: KnowledgeBase) -> tuple[MedicineClass, ...] | None:
    drug = kb.medicine_names.get(_norm(name))
    if drug is not None:
        return tuple(kb.medicine_classes[class_id] for class_id in drug.classes)
    targets = [t for t in kb.names.get(_norm(name), ()) if t[0] == "medicine"]
    return (kb.medicine_classes[targets[0][1]],) if targets else None


@functools.cache
def _medicine_tables(kb: KnowledgeBase) -> dict[str, Phrases]:
    w = kb.wording
    noise = (
        *w.dose_units, *w.micro_units, *(word for f in w.frequencies for word in f.words),
        *w.period_days, *w.as_needed, *w.single_dose, *w.forms, *w.timing, *w.vague_counts,
        *w.separators, *_GRAMMAR,
    )  # fmt: skip
    return {
        "name": _plural_tolerant(_names_of_kind(kb, "medicine")),
        "noise": Phrases((n, None) for n in noise),
    }


def _plural_tolerant(names: Iterable[str]) -> Phrases:
    """Names as phrases, also with a plural last word ("water tablets", "epsom salts")."""
    entries: list[tuple[str, str]] = []
    for name in names:
        entries.append((name, name))
        if not name.endswith("s"):
            entries.append((name + "s", name))
    return Phrases(entries)


def condition_mention(
    text: str, kb: KnowledgeBase | None = None, today: dt.date | None = None
) -> ConditionMention:
    """A condition as written, with its stage, how long ago and qualifiers.

    "chronic kidney disease stage 4" -> kidney_disease, stage "4"; "CKD 3b" -> stage "3b";
    "thyroidectomy 2 weeks ago" -> thyroid_surgery, since_weeks 2; "had my parathyroids
    removed last month" -> parathyroid_surgery; "type 2 diabetes (diet controlled)" ->
    type_2_diabetes with the qualifier kept. Raises UnknownEntryError with accepted matches.
    """
    return _qualified(text, "condition", kb or load_knowledge(), today or dt.date.today())


def symptom_id(text: str, kb: KnowledgeBase | None = None) -> str:
    """The symptom id of a symptom as written ("severe calf cramps" -> calf_cramps)."""
    return _qualified(text, "symptom", kb or load_knowledge(), dt.date.today()).id


def _qualified(text: str, kind: EntryKind, kb: KnowledgeBase, today: dt.date) -> ConditionMention:
    exact = _exact_id(text, kind, kb)
    if exact is not None:
        return ConditionMention(id=exact, text=text.strip())
    body, notes = _parenthetical(fold(text))
    since, body = dated(body, today)
    year, body = yeared(body)
    notes += [year] if year else []
    stage, body = staged(body)
    items = scan(tokens(body), _qualifier_tables(kb, kind))
    weeks, used = weeks_ago(items, kb.wording.period_days)
    items = [item for index, item in enumerate(items) if index not in used]
    found = _named(items, kind, kb)
    if found is None and stage is None:
        stage, items = _bare_stage(items)
        found = _named(items, kind, kb) if stage else None
    if found is None:
        core = " ".join(i.text for i in items if i.kind in ("name", "unknown", "number"))
        raise _not_known(text, kind, suggest(core or text, kb, limit=4, kind=kind))
    entry_id, qualifiers = found
    return ConditionMention(
        id=entry_id,
        text=text.strip(),
        stage=stage,
        since_weeks=since if since is not None else weeks,
        qualifiers=(*qualifiers, *notes),
    )


def _exact_id(text: str, kind: EntryKind, kb: KnowledgeBase) -> str | None:
    key = _norm(text)
    if key.replace(" ", "_") in kb.items_of(kind):
        return key.replace(" ", "_")
    targets = [entry_id for k, entry_id in kb.names.get(key, ()) if k == kind]
    return targets[0] if targets else None


def _parenthetical(text: str) -> tuple[str, list[str]]:
    notes = [" ".join(n.split()) for n in re.findall(r"\(([^)]*)\)", text) if n.strip()]
    return re.sub(r"\([^)]*\)?", " ", text), notes


@functools.cache
def _qualifier_tables(kb: KnowledgeBase, kind: EntryKind) -> dict[str, Phrases]:
    w = kb.wording
    return {
        "filler": Phrases((f, None) for f in w.condition_filler),
        "qualifier": Phrases((q, q) for q in w.condition_qualifiers),
        "surgery": Phrases((s, None) for s in w.surgery_words),
        "name": _plural_tolerant(_names_of_kind(kb, kind)),
    }


def _named(
    items: Sequence[Piece], kind: EntryKind, kb: KnowledgeBase
) -> tuple[str, list[str]] | None:
    """The one entry the items name, and the qualifiers not part of the name.

    An operation word ("removed", "out") makes "thyroid removed" the name "thyroid surgery";
    otherwise the words left once filler and qualifiers are set aside must name one entry.
    """
    qualifiers = [i.text for i in items if i.kind == "qualifier"]
    core = [i.text for i in items if i.kind in ("name", "unknown", "number")]
    every = [i.text for i in items if i.kind in ("name", "unknown", "number", "qualifier")]
    surgery = any(i.kind == "surgery" for i in items)
    suffixes = (" surgery", "") if surgery else ("",)
    for suffix in suffixes:
        if not suffix:
            named = {_exact_id(i.value, kind, kb) for i in items if i.kind == "name"}
            loose = any(i.kind in ("unknown", "number") for i in items)
            if len(named) == 1 and None not in named and not loose:
                return str(named.pop()), qualifiers
        for candidate in (core, every, *([q] for q in qualifiers if not core)):
            for written in (candidate, [singular(w) for w in candidate]):
                found = _exact_id(" ".join(written) + suffix, kind, kb) if written else None
                if found is not None:
                    return found, qualifiers if candidate is core else []
    return None


def _bare_stage(items: Sequence[Piece]) -> tuple[str | None, list[Piece]]:
    """A lone stage number ("CKD 3b"), when nothing else matched."""
    for index, item in enumerate(items):
        if item.kind == "number" and item.value in (1, 2, 3, 4, 5):
            stage, skip = str(int(item.value)), {index}
            after = items[index + 1] if index + 1 < len(items) else None
            if after is not None and after.kind == "unknown" and after.text in "abcd":
                stage, skip = stage + after.text, {index, index + 1}
            return stage, [i for n, i in enumerate(items) if n not in skip]
    return None, list(items)


def medicine_class_for(name: str, kb: KnowledgeBase | None = None) -> MedicineClass:
    """The (first) class of a medicine name; raises UnknownEntryError if unknown."""
    return medicine_classes_for(name, kb)[0]


def red_flags(kb: KnowledgeBase | None = None) -> tuple[RedFlag, ...]:
    """Every red flag, highest triage level first."""
    flags = (kb or load_knowledge()).red_flags
    return tuple(sorted(flags, key=lambda flag: -TRIAGE_LEVELS.index(flag.triage)))


def sources(kb: KnowledgeBase | None = None) -> tuple[Source, ...]:
    """Every source, in file order."""
    return tuple((kb or load_knowledge()).sources.values())


def vocabulary(kb: KnowledgeBase | None = None) -> Vocabulary:
    """The ids the screening questions and journal may use."""
    kb = kb or load_knowledge()
    return Vocabulary(
        nutrients=tuple(kb.nutrients),
        factors=tuple(kb.factors),
        conditions=tuple(kb.conditions),
        symptoms=tuple(kb.symptoms),
        red_flag_symptoms=tuple(s.id for s in kb.symptoms.values() if s.red_flag),
        medicine_classes=tuple(kb.medicine_classes),
        red_flags=tuple(flag.id for flag in kb.red_flags),
    )


def related(entry: Entry, kb: KnowledgeBase | None = None) -> Related:
    """Facts held elsewhere that concern `entry`."""
    kb = kb or load_knowledge()
    symptoms = tuple(
        (symptom.id, link)
        for symptom in kb.symptoms.values()
        for link in symptom.related
        if link.to == entry.id
    )
    flags = tuple(flag for flag in red_flags(kb) if _flag_mentions(flag, entry))
    evidence = tuple(claim for claim in kb.evidence.values() if entry.id in claim.about)
    if entry.kind == "nutrient":
        return Related(
            effects=tuple(_effects_on(entry.id, kb)),
            interactions=tuple(i for i in kb.interactions if entry.id in (i.nutrient, i.affects)),
            symptoms=symptoms,
            evidence=evidence,
            red_flags=flags,
        )
    names = tuple(n.name for n in kb.medicine_names.values() if entry.id in n.classes)
    return Related(symptoms=symptoms, evidence=evidence, red_flags=flags, names=names)


def _flag_mentions(flag: RedFlag, entry: Entry) -> bool:
    wanted = {
        "symptom": flag.symptoms,
        "condition": flag.conditions,
        "medicine": flag.medicines,
        "nutrient": flag.low_labs,
    }
    return entry.id in wanted.get(entry.kind, ())


def _effects_on(nutrient: str, kb: KnowledgeBase) -> Iterator[RelatedEffect]:
    owners: tuple[tuple[EntryKind, Mapping[str, Any]], ...] = (
        ("medicine", kb.medicine_classes),
        ("condition", kb.conditions),
        ("factor", kb.factors),
    )
    for kind, table in owners:
        for item in table.values():
            for effect in item.effects:
                if effect.nutrient == nutrient:
                    yield RelatedEffect(kind, item.id, item.label, effect)


def cited_sources(*values: object, kb: KnowledgeBase | None = None) -> tuple[Source, ...]:
    """The sources cited anywhere inside `values`, in order of first citation."""
    kb = kb or load_knowledge()
    seen: dict[str, Source] = {}
    for value in values:
        for _, model in _walk_any(value):
            if isinstance(model, _Sourced):
                for source_id in model.sources:
                    seen.setdefault(source_id, kb.sources[source_id])
    return tuple(seen.values())


def _walk_any(value: object) -> Iterator[tuple[tuple[Any, ...], BaseModel]]:
    if isinstance(value, Related | RelatedEffect):
        for part in value.__dict__.values():
            yield from _walk_any(part)
    elif isinstance(value, tuple) and not isinstance(value, BaseModel):
        for part in value:
            yield from _walk_any(part)
    else:
        yield from _walk(value)


def describe(name: str, kb: KnowledgeBase | None = None) -> dict[str, Any]:
    """Everything the knowledge base holds for `name`, as JSON-ready data with its sources."""
    kb = kb or load_knowledge()
    entry = lookup(name, kb)
    extra = related(entry, kb)
    return {
        "kind": entry.kind,
        "id": entry.id,
        "label": entry.label,
        "query": entry.query,
        "medicine": entry.medicine.model_dump(mode="json") if entry.medicine else None,
        "also_matches": list(entry.also),
        "data": entry.item.model_dump(mode="json", exclude_none=True),
        "related": _related_dict(extra),
        "sources": [
            s.model_dump(mode="json", exclude_none=True)
            for s in cited_sources(entry.item, extra, kb=kb)
        ],
    }


def _related_dict(extra: Related) -> dict[str, Any]:
    return {
        "effects": [
            {"kind": e.kind, "id": e.id, "label": e.label, **e.effect.model_dump(mode="json")}
            for e in extra.effects
        ],
        "interactions": [i.model_dump(mode="json", exclude_none=True) for i in extra.interactions],
        "symptoms": [
            {"symptom": symptom, **link.model_dump(mode="json", exclude_none=True)}
            for symptom, link in extra.symptoms
        ],
        "evidence": [c.model_dump(mode="json") for c in extra.evidence],
        "red_flags": [
            {"id": f.id, "label": f.label, "triage": f.triage, "sources": list(f.sources)}
            for f in extra.red_flags
        ],
        "names": list(extra.names),
    }
