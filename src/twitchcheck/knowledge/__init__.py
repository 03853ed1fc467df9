"""The knowledge base: nutrients, contributors, medicines, symptoms, red flags and evidence.

Facts live in YAML files under ``twitchcheck/data/knowledge/`` (one per topic, each
documenting its own format in a header comment). `load_knowledge` reads them once, validates
them with the models below and cross-checks them (every source id resolves, every name maps
to a class, every referenced id exists). A broken file raises `KnowledgeError` naming the
file, the entry and the field. See docs/knowledge.md.

Names are imported on first use (PEP 562): `load_knowledge` alone needs neither the
name parsing nor the descriptions, and a cold command pays only for what it uses.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from twitchcheck.knowledge.base import Entry as Entry
    from twitchcheck.knowledge.base import KnowledgeBase as KnowledgeBase
    from twitchcheck.knowledge.descriptions import Related as Related
    from twitchcheck.knowledge.descriptions import Vocabulary as Vocabulary
    from twitchcheck.knowledge.descriptions import cited_sources as cited_sources
    from twitchcheck.knowledge.descriptions import describe as describe
    from twitchcheck.knowledge.descriptions import medicine_class_for as medicine_class_for
    from twitchcheck.knowledge.descriptions import red_flags as red_flags
    from twitchcheck.knowledge.descriptions import related as related
    from twitchcheck.knowledge.descriptions import sources as sources
    from twitchcheck.knowledge.descriptions import vocabulary as vocabulary
    from twitchcheck.knowledge.entry_lookup import lookup as lookup
    from twitchcheck.knowledge.entry_lookup import suggest as suggest
    from twitchcheck.knowledge.loading import load_knowledge as load_knowledge
    from twitchcheck.knowledge.models import CaffeineDrink as CaffeineDrink
    from twitchcheck.knowledge.models import Condition as Condition
    from twitchcheck.knowledge.models import ConditionMention as ConditionMention
    from twitchcheck.knowledge.models import EvidenceClaim as EvidenceClaim
    from twitchcheck.knowledge.models import Fact as Fact
    from twitchcheck.knowledge.models import Factor as Factor
    from twitchcheck.knowledge.models import Interaction as Interaction
    from twitchcheck.knowledge.models import MedicineClass as MedicineClass
    from twitchcheck.knowledge.models import MedicineName as MedicineName
    from twitchcheck.knowledge.models import Nutrient as Nutrient
    from twitchcheck.knowledge.models import NutrientEffect as NutrientEffect
    from twitchcheck.knowledge.models import RedFlag as RedFlag
    from twitchcheck.knowledge.models import Region as Region
    from twitchcheck.knowledge.models import Source as Source
    from twitchcheck.knowledge.models import SupplementEntry as SupplementEntry
    from twitchcheck.knowledge.models import Symptom as Symptom
    from twitchcheck.knowledge.models import SymptomLink as SymptomLink
    from twitchcheck.knowledge.names import condition_mention as condition_mention
    from twitchcheck.knowledge.names import medicine_classes_for as medicine_classes_for
    from twitchcheck.knowledge.names import symptom_id as symptom_id

# public name -> the module that defines it
_EXPORTS: dict[str, str] = {
    "Entry": "twitchcheck.knowledge.base",
    "KnowledgeBase": "twitchcheck.knowledge.base",
    "Related": "twitchcheck.knowledge.descriptions",
    "Vocabulary": "twitchcheck.knowledge.descriptions",
    "cited_sources": "twitchcheck.knowledge.descriptions",
    "describe": "twitchcheck.knowledge.descriptions",
    "medicine_class_for": "twitchcheck.knowledge.descriptions",
    "red_flags": "twitchcheck.knowledge.descriptions",
    "related": "twitchcheck.knowledge.descriptions",
    "sources": "twitchcheck.knowledge.descriptions",
    "vocabulary": "twitchcheck.knowledge.descriptions",
    "load_knowledge": "twitchcheck.knowledge.loading",
    "lookup": "twitchcheck.knowledge.entry_lookup",
    "suggest": "twitchcheck.knowledge.entry_lookup",
    "CaffeineDrink": "twitchcheck.knowledge.models",
    "Condition": "twitchcheck.knowledge.models",
    "ConditionMention": "twitchcheck.knowledge.models",
    "EvidenceClaim": "twitchcheck.knowledge.models",
    "Fact": "twitchcheck.knowledge.models",
    "Factor": "twitchcheck.knowledge.models",
    "Interaction": "twitchcheck.knowledge.models",
    "MedicineClass": "twitchcheck.knowledge.models",
    "MedicineName": "twitchcheck.knowledge.models",
    "Nutrient": "twitchcheck.knowledge.models",
    "NutrientEffect": "twitchcheck.knowledge.models",
    "RedFlag": "twitchcheck.knowledge.models",
    "Region": "twitchcheck.knowledge.models",
    "Source": "twitchcheck.knowledge.models",
    "SupplementEntry": "twitchcheck.knowledge.models",
    "Symptom": "twitchcheck.knowledge.models",
    "SymptomLink": "twitchcheck.knowledge.models",
    "condition_mention": "twitchcheck.knowledge.names",
    "medicine_classes_for": "twitchcheck.knowledge.names",
    "symptom_id": "twitchcheck.knowledge.names",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'twitchcheck.knowledge' has no attribute {name!r}")
    value = getattr(importlib.import_module(_EXPORTS[name]), name)
    globals()[name] = value
    return value
