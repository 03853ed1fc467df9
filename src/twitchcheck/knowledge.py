"""The knowledge base: nutrients, contributors, medicines, symptoms, red flags and evidence.

Facts live in YAML files under ``twitchcheck/data/knowledge/`` (one per topic, each
documenting its own format in a header comment). `load_knowledge` reads them once, validates
them with the models below and cross-checks them (every source id resolves, every name maps
to a class, every referenced id exists). A broken file raises `KnowledgeError` naming the
file, the entry and the field. See docs/knowledge.md.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping
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

__all__ = [
    "Condition",
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
    "Related",
    "Source",
    "Symptom",
    "SymptomLink",
    "Vocabulary",
    "cited_sources",
    "describe",
    "load_knowledge",
    "lookup",
    "medicine_class_for",
    "medicine_classes_for",
    "red_flags",
    "related",
    "sources",
    "suggest",
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
    conditions, medicines, low_labs, high_labs and lifestyle (yes/no answers such as
    nitrous_oxide). With `requires: any` one matching group fires the flag; with
    `requires: all` every group given must match (tingling *with* a low calcium result).
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
    reason: Text
    advice: Text

    @model_validator(mode="after")
    def _triggerable(self) -> RedFlag:
        if self.triage == "self-care":
            raise ValueError("a red flag cannot be self-care")
        if not self.groups():
            raise ValueError(
                "give at least one of symptoms, conditions, medicines, low_labs, high_labs, "
                "lifestyle"
            )
        if self.with_symptoms and not self.symptoms:
            raise ValueError("with_symptoms needs symptoms")
        if self.requires == "all" and len(self.groups()) < 2:
            raise ValueError("requires: all needs at least two trigger groups")
        return self

    def groups(self) -> tuple[str, ...]:
        """The trigger groups this flag uses."""
        names = ("symptoms", "conditions", "medicines", "low_labs", "high_labs", "lifestyle")
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
    import yaml

    path = _data.data_path(f"knowledge/{name}") if directory is None else directory / name
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KnowledgeError(
            f"knowledge file {name} is missing (looked in {path.parent})"
        ) from None
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(text, Loader=loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(error, "problem", None) or str(error)
        raise KnowledgeError(f"{name}: not valid YAML{where}: {problem}") from None


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
    used = {symptom for flag in flags for symptom in flag.symptoms}
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
    }
    return KnowledgeBase(**parts, files=dict(files), names=_name_index(parts, medicines))


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


def suggest(name: str, kb: KnowledgeBase | None = None, limit: int = 5) -> list[str]:
    """Known names closest to `name` (for "did you mean")."""
    from rapidfuzz import fuzz, process

    kb = kb or load_knowledge()
    matches = process.extract(_norm(name), list(kb.names), scorer=fuzz.WRatio, limit=limit)
    return [match for match, score, _ in matches if score >= 60]


def _unknown(name: str, kb: KnowledgeBase) -> UnknownEntryError:
    close = suggest(name, kb)
    hint = (
        "did you mean: " + ", ".join(repr(s) for s in close)
        if close
        else "try a nutrient (magnesium), a medicine (furosemide, Lasix) or a factor (caffeine)"
    )
    return UnknownEntryError(f"the knowledge base has nothing called {name!r}; {hint}")


def medicine_classes_for(name: str, kb: KnowledgeBase | None = None) -> tuple[MedicineClass, ...]:
    """The class(es) of a medicine name, brand or class name (combination products give two)."""
    kb = kb or load_knowledge()
    drug = kb.medicine_names.get(_norm(name))
    if drug is not None:
        return tuple(kb.medicine_classes[class_id] for class_id in drug.classes)
    entry = lookup(f"medicine:{name}", kb)
    assert isinstance(entry.item, MedicineClass)
    return (entry.item,)


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
