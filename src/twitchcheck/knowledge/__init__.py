"""The knowledge base: nutrients, contributors, medicines, symptoms, red flags and evidence.

Facts live in YAML files under ``twitchcheck/data/knowledge/`` (one per topic, each
documenting its own format in a header comment). `load_knowledge` reads them once, validates
them with the models below and cross-checks them (every source id resolves, every name maps
to a class, every referenced id exists). A broken file raises `KnowledgeError` naming the
file, the entry and the field. See docs/knowledge.md.
"""

from __future__ import annotations

from twitchcheck.knowledge.base import (
    Entry,
    KnowledgeBase,
    Related,
    Vocabulary,
)
from twitchcheck.knowledge.describe import (
    cited_sources,
    describe,
    medicine_class_for,
    red_flags,
    related,
    sources,
    vocabulary,
)
from twitchcheck.knowledge.loading import (
    load_knowledge,
)
from twitchcheck.knowledge.lookup import (
    lookup,
    suggest,
)
from twitchcheck.knowledge.models import (
    CaffeineDrink,
    Condition,
    ConditionMention,
    EvidenceClaim,
    Fact,
    Factor,
    Interaction,
    MedicineClass,
    MedicineName,
    Nutrient,
    NutrientEffect,
    RedFlag,
    Region,
    Source,
    SupplementEntry,
    Symptom,
    SymptomLink,
)
from twitchcheck.knowledge.names import (
    condition_mention,
    medicine_classes_for,
    symptom_id,
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
