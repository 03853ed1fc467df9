"""Notes on absorption, supplements and cautions, from the knowledge base with their sources."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from twitchcheck.knowledge import load_knowledge
from twitchcheck.nutrient_keys import BY_KEY
from twitchcheck.profile import Person
from twitchcheck.screen.answers import Answers
from twitchcheck.targets import Target

if TYPE_CHECKING:
    pass
from twitchcheck.advice.result import (
    AdviceNote,
)
from twitchcheck.advice.safety import (
    SafetyFacts,
)
from twitchcheck.advice.sentences import one_line


def deduplicated_notes(*sections: tuple[AdviceNote, ...]) -> tuple[tuple[AdviceNote, ...], ...]:
    """Each note once, in the first section that has it."""
    seen: set[str] = set()
    kept = []
    for notes in sections:
        mine = []
        for note in notes:
            if note.text.lower() not in seen:
                seen.add(note.text.lower())
                mine.append(note)
        kept.append(tuple(mine))
    return tuple(kept)


def absorption_notes(keys: Sequence[str]) -> tuple[AdviceNote, ...]:
    """Where each nutrient comes from and how well it is absorbed (spinach's oxalate,
    B12 only from animal or fortified foods, vitamin D from sun and fortified foods)."""
    kb = load_knowledge()
    notes = []
    for key in keys:
        nutrient = kb.nutrients[key.rsplit("_", 1)[0]]
        for fact in (*nutrient.food_sources, *nutrient.bioavailability):
            notes.append(AdviceNote(nutrient.name, one_line(fact.text), fact.sources))
    return tuple(notes)


def supplement_notes(keys: Sequence[str], targets: Mapping[str, Target]) -> tuple[AdviceNote, ...]:
    """General information only: the upper limit and what it counts, and the cautions."""
    kb = load_knowledge()
    notes = []
    for key in keys:
        nutrient = kb.nutrients[key.rsplit("_", 1)[0]]
        target = targets[key]
        if target.ul is not None:
            unit = BY_KEY[key].unit
            text = (
                f"Upper limit {target.ul:g} {unit}/day, counting {target.ul_scope_short}. "
                "Take a supplement only on a clinician's advice, never above this."
            )
            notes.append(AdviceNote(nutrient.name, text, target.sources))
        for fact in nutrient.cautions:
            notes.append(AdviceNote(nutrient.name, one_line(fact.text), fact.sources))
        for claim in kb.evidence.values():  # what trials say supplements do for cramps
            if nutrient.id in claim.about:
                text = f"{claim.claim} (evidence: {claim.strength}) {one_line(claim.meaning)}"
                notes.append(AdviceNote(nutrient.name, text, claim.sources))
    return tuple(notes)


def caution_notes(person: Person, facts: SafetyFacts) -> tuple[AdviceNote, ...]:
    """The screening's cautions for these medicines, conditions, supplements and labs."""
    from twitchcheck.screen import cautions_for

    answers = Answers(
        age=person.age_years,
        sex=person.sex,
        pregnant=person.pregnant,
        lactating=person.lactating,
        medications=tuple(dict.fromkeys(m.id for _, m in facts.medicines)),
        conditions=tuple(c.id for c in facts.conditions),
        labs=tuple(r.text for r in facts.labs if r.text),
        supplements=tuple(s.text for s in facts.supplements),
    )
    return tuple(AdviceNote("safety", step.text, step.sources) for step in cautions_for(answers))
