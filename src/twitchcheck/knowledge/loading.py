"""Reading the knowledge files: validation with the models, then cross-checks (unique ids,
every reference and source id resolves, no name means two things). A broken file raises
`KnowledgeError` naming the file, the entry and the field.

Validating the files costs a cold command more than everything else it does (building
the models' validators alone took ~0.25 s), so the packaged knowledge base is also stored
already built, in ``data/knowledge.pickle`` (tools/build_yaml_bundle.py writes it). It is
used only while its key matches: the hash of every knowledge file and of the code that
validates and assembles them (`BUILT_BY`) and pydantic's version. Otherwise the files are
validated as always. tests/test_knowledge_artefact.py checks the stored base equals the
validated one.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pydantic
from pydantic import (
    BaseModel,
    ValidationError,
)

from twitchcheck import _data
from twitchcheck.errors import KnowledgeError
from twitchcheck.knowledge.base import (
    KnowledgeBase,
    M,
    _norm,
)
from twitchcheck.knowledge.models import (
    FILES,
    NUTRIENT_IDS,
    EntryKind,
    EvidenceClaim,
    Factor,
    MedicineName,
    RedFlag,
    SupplementEntry,
    SymptomLink,
    Wording,
    _MedicinesFile,
    _Sourced,
)
from twitchcheck.knowledge.wording import (
    words,
)

ARTEFACT = "knowledge.pickle"
# The modules whose code decides what the files become (package-relative): a change to any
# of them makes the stored knowledge base stale.
BUILT_BY = (
    "knowledge/models.py",
    "knowledge/base.py",
    "knowledge/loading.py",
    "knowledge/wording.py",
    "nutrient_keys.py",
    "text.py",
)

# --- loading ----------------------------------------------------------------------------


@functools.cache
def load_knowledge(directory: Path | None = None) -> KnowledgeBase:
    """Read, validate and cross-check every knowledge file (once per directory).

    `directory` defaults to the packaged files, read from the stored artefact while it is
    current; tests pass a copy to break on purpose (always validated).
    """
    if directory is None:
        stored = _data.read_artefact(ARTEFACT, artefact_key())
        if isinstance(stored, KnowledgeBase):
            return stored
    return validate_knowledge(directory)


@functools.cache
def artefact_key() -> dict[str, str]:
    """What the stored knowledge base was built from: each knowledge file's text, the code
    in `BUILT_BY` and pydantic's version (hashes).

    Worked out once per process, as the knowledge base it keys is loaded once: the screening
    model's key holds it too, and hashing every file again cost a cold screening ~2 ms."""
    key = {name: _data.text_hash(_data.read_text(f"knowledge/{name}")) for name in FILES}
    package = Path(__file__).resolve().parent.parent
    for module in BUILT_BY:
        try:
            code = (package / module).read_bytes()
        except OSError:  # no sources beside the bytecode: the key cannot match
            code = b"unreadable"
        key[module] = hashlib.sha256(code).hexdigest()
    key["pydantic"] = pydantic.VERSION
    return key


def validate_knowledge(directory: Path | None = None) -> KnowledgeBase:
    """Read, validate and cross-check every knowledge file (packaged, or in `directory`),
    never from the stored artefact."""
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
