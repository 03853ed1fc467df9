"""What the knowledge base holds about a name, its neighbours and its sources, as data."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import (
    BaseModel,
)

from twitchcheck.knowledge.base import (
    Entry,
    KnowledgeBase,
)
from twitchcheck.knowledge.entry_lookup import (
    lookup,
)
from twitchcheck.knowledge.loading import (
    _walk,
    load_knowledge,
)
from twitchcheck.knowledge.models import (
    TRIAGE_LEVELS,
    EntryKind,
    EvidenceClaim,
    Interaction,
    MedicineClass,
    NutrientEffect,
    RedFlag,
    Source,
    SymptomLink,
    _Sourced,
)
from twitchcheck.knowledge.names import (
    medicine_classes_for,
)
from twitchcheck.model_data import as_data

# --- what the descriptions return --------------------------------------------------------


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
        "medicine": as_data(entry.medicine) if entry.medicine else None,
        "also_matches": list(entry.also),
        "data": as_data(entry.item, exclude_none=True),
        "related": _related_dict(extra),
        "sources": [as_data(s, exclude_none=True) for s in cited_sources(entry.item, extra, kb=kb)],
    }


def _related_dict(extra: Related) -> dict[str, Any]:
    return {
        "effects": [
            {"kind": e.kind, "id": e.id, "label": e.label, **as_data(e.effect)}
            for e in extra.effects
        ],
        "interactions": [as_data(i, exclude_none=True) for i in extra.interactions],
        "symptoms": [
            {"symptom": symptom, **as_data(link, exclude_none=True)}
            for symptom, link in extra.symptoms
        ],
        "evidence": [as_data(c) for c in extra.evidence],
        "red_flags": [
            {"id": f.id, "label": f.label, "triage": f.triage, "sources": list(f.sources)}
            for f in extra.red_flags
        ],
        "names": list(extra.names),
    }
