"""The knowledge base's entries: one model per kind of fact, one file model per YAML file.

Every statement is a `_Sourced` model: it cannot load without the ids of its sources and how
well they were checked. Field types (ids, source ids, strengths, triage levels) are shared.
"""

# Annotations are evaluated as the classes are made, not postponed (no `from __future__ import
# annotations`): pydantic reads every model's field types when it builds the class, and from
# strings it first had to parse and evaluate each one (issue 12: ~3 ms of a cold screening).
from typing import Annotated, Literal, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from twitchcheck.nutrient_keys import FOCUS_KEYS

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
    # Validators are built on first validation, not at import: a command that reads the
    # stored knowledge base (loading.ARTEFACT) never validates, so never pays for them.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


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
    def _key_matches(self) -> Self:
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
    def _triggerable(self) -> Self:
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
    # names that are also foods ("cod liver oil", "garlic"): in a food diary, the food unless
    # a dose form or a supplement's unit is written ("garlic 500 mg capsules")
    foods: tuple[str, ...] = ()
    about: Fact

    @model_validator(mode="after")
    def _keys_known(self) -> Self:
        for key in self.nutrients:
            if key not in FOCUS_KEYS:
                raise ValueError(f"nutrient key {key!r} must be one of {FOCUS_KEYS}")
        if unnamed := set(self.foods) - set(self.names):
            raise ValueError(f"foods {sorted(unnamed)} must be among the names")
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
    measures: tuple[str, ...]
    timing: tuple[str, ...]
    makers: tuple[str, ...]
    product_words: tuple[str, ...]
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
