"""The screening model's weights and rules (``data/knowledge/screening.yaml``), validated.

Loaded once; every source id must resolve in the knowledge base's sources, every
contributor, medicine, condition and symptom id must exist, so a typo in the file
fails loudly with the file, the entry and the field.

As with the knowledge base, the validated model is also stored built, in
``data/screening.pickle`` (tools/build_yaml_bundle.py writes it): building these models'
validators and validating the file cost a cold screening ~30 ms. It is used only while its
key matches (the file's text, this module's code, the knowledge base it was checked
against and pydantic's version); tests/test_screening_artefact.py checks it equals the
validated file.
"""

# Annotations are not postponed, as in knowledge/models.py: pydantic reads them at class creation.
import functools
import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, Literal

import pydantic
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from twitchcheck.errors import KnowledgeError

Strength = Literal["strong", "moderate", "weak", "insufficient"]
Kind = Literal["nutrient", "excess", "factor", "medicine", "rule_out", "baseline"]
Level = Literal["self-care", "see-doctor", "urgent", "emergency"]
FILE = "screening.yaml"
ARTEFACT = "screening.pickle"


class _Model(BaseModel):
    # Validators are built on first validation, not at import: the stored model (ARTEFACT)
    # is never validated again, so a cold screening never builds them.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class When(_Model):
    """Conditions on the answers; all that are given must hold (an empty `when` always holds)."""

    pregnant: bool | None = None
    sex: Literal["female", "male"] | None = None
    age_at_least: float | None = None
    age_below: float | None = None
    symptoms_any: tuple[str, ...] = ()
    symptoms_none: tuple[str, ...] = ()
    conditions_any: tuple[str, ...] = ()
    medicines_any: tuple[str, ...] = ()
    diet_pattern_in: tuple[str, ...] = ()
    dairy: bool | None = None
    fish: bool | None = None
    fortified_foods: bool | None = None
    sun_exposure_in: tuple[str, ...] = ()
    caffeine_mg_at_least: float | None = None
    caffeine_mg_below: float | None = None
    alcohol_drinks_at_least: float | None = None
    nicotine: bool | None = None
    exercise_in: tuple[str, ...] = ()
    fluids_l_below: float | None = None
    stress_in: tuple[str, ...] = ()
    sleep_hours_below: float | None = None
    recent_any: tuple[str, ...] = ()
    twitch_where_any: tuple[str, ...] = ()
    twitch_only_in: tuple[str, ...] = ()
    twitch_when_in: tuple[str, ...] = ()
    labs_high_any: tuple[str, ...] = ()
    labs_low_any: tuple[str, ...] = ()
    # Any medicine, supplement or condition whose recorded effect raises one of these nutrients.
    raised_by_answers_any: tuple[str, ...] = ()
    # Nutrient -> at least this many distinct answers that raise it (two potassium raisers).
    raisers_at_least: dict[str, int] = Field(default_factory=dict)
    b12_supplement: bool | None = None
    nitrous_oxide: bool | None = None


class ScoringRule(_Model):
    id: str
    when: When
    add: dict[str, float] = Field(min_length=1)
    why: str
    sources: tuple[str, ...] = Field(min_length=1)


class Caution(_Model):
    id: str
    when: When
    text: str
    sources: tuple[str, ...] = Field(min_length=1)


class Test(_Model):
    name: str
    why: str
    sources: tuple[str, ...] = Field(min_length=1)


class EvidenceSpec(_Model):
    strength: Strength
    claim: str | None = None
    summary: str


class Signs(_Model):
    """Symptoms that point at an excess once its causes are present, and the sources."""

    symptoms: tuple[str, ...] = Field(min_length=1)
    sources: tuple[str, ...] = Field(min_length=1)


class ContributorSpec(_Model):
    """A possible cause the screening ranks.

    Nutrients and factors take their label from the knowledge base; an excess names its
    nutrient and label here; a rule-out (a condition a clinician should exclude) names the
    red flags that raise it, what a doctor will check, and what is reassuring.
    """

    id: str
    kind: Kind
    prior: float
    evidence: EvidenceSpec
    tests: tuple[Test, ...] = ()
    label: str | None = None
    nutrient: str | None = None
    signs: Signs | None = None
    raised_by: tuple[str, ...] = ()
    checks: str | None = None
    reassurance: str | None = None
    sources: tuple[str, ...] = ()


class MedicineContributor(_Model):
    points: float
    strength: Strength
    sources: tuple[str, ...] = Field(min_length=1)


class AgeLimit(_Model):
    min_age: Annotated[float, Field(gt=0)]
    why: str


class NoSpecificCause(_Model):
    lab_low: float
    red_flag: float
    medicine: float
    specific: float


class Points(_Model):
    effect_strength: dict[Strength, float]
    symptom_specificity: dict[Literal["low", "moderate", "high"], float]
    symptom_cap: float
    propagate: float
    present: float
    explains_low_lab: float
    interplay: float
    interplay_threshold: float
    lab: dict[str, float]
    lab_overrides: dict[str, dict[str, float]] = Field(default_factory=dict)
    diet_analysis: dict[str, float]
    no_specific_cause: NoSpecificCause
    excess_lab: dict[str, float]  # what a result in each status adds to the matching excess
    raises: float  # a medicine, supplement or condition that raises the nutrient, per strength 1
    rule_out: float  # score of a condition to rule out: above anything a lab does not back
    rule_out_level: float  # ...plus this per triage step of the flag that raised it
    rule_out_more: float  # ...plus this for each further flag that raises it
    critical_lab: float  # a result in the critical range adds this on top of its status
    above_ul: float  # a supplement dose over the upper limit, to the nutrient's excess
    far_above_ul: float  # ...over `far_above_ul_times` the limit, instead
    far_above_ul_times: float


class Confidence(_Model):
    high: float
    moderate: float


class Saying(_Model):
    """A sentence the screening prints in its own words, with its sources."""

    text: str
    label: str = ""  # the answer or title it goes with, where it has one
    sources: tuple[str, ...] = Field(min_length=1)


SAYINGS = (
    "disclaimer", "no_red_flags", "critical_lab", "doctor", "supplement_raiser",
    "above_upper_limit", "diet_analysis", "low_lab_for_no_specific_cause",
    "red_flags_for_no_specific_cause", "medicine_for_no_specific_cause",
    "specific_cause_for_no_specific_cause",
)  # fmt: skip


class Frame(_Model):
    """What to do and how soon, for one triage level; {emergency} and {urgent} are the
    person's regional numbers."""

    header: str
    action: str


class Thresholds(_Model):
    """How long is long enough: each figure with its source in screening.yaml."""

    twitch_weeks: float  # a twitch lasting longer is for a GP
    frequent_cramp_weeks: float  # cramps most days for this long are for a GP
    fast_spread_weeks: float  # weakness spreading within this long is an emergency
    sources: tuple[str, ...] = Field(min_length=1)


class ScreeningModel(_Model):
    points: Points
    thresholds: Thresholds
    irritability_signs: tuple[str, ...] = Field(min_length=1)
    frames: dict[Level, Frame]
    body_regions: dict[str, tuple[str, ...]]
    conditions_imply: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    # Symptom id -> the places that make a spasm that symptom (the face: acute dystonia).
    spasm_places: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    # Too much of one nutrient shows as the excess of another (vitamin D -> high calcium).
    excess_via: dict[str, str] = Field(default_factory=dict)
    relief: tuple[str, ...] = ()
    relief_when: tuple[str, ...] = ()
    # Effect strengths that count towards "two raisers" of one nutrient.
    counted_raisers: tuple[Literal["strong", "moderate", "weak"], ...] = Field(min_length=1)
    confidence: Confidence
    contributors: tuple[ContributorSpec, ...]
    medicine_contributors: dict[str, MedicineContributor]
    adult_only: dict[str, AgeLimit]
    rules: tuple[ScoringRule, ...]
    cautions: tuple[Caution, ...]
    sayings: dict[str, Saying]

    def contributor(self, contributor_id: str) -> ContributorSpec | None:
        return next((c for c in self.contributors if c.id == contributor_id), None)

    def prior(self, contributor_id: str) -> float:
        """Where a contributor starts (0 for a medicine, which has no entry of its own)."""
        spec = self.contributor(contributor_id)
        return spec.prior if spec else 0.0


@functools.cache
def load_model(directory: Path | None = None) -> ScreeningModel:
    """The validated screening model (packaged, or from `directory` for tests); the packaged
    one is read from the stored artefact while it is current."""
    if directory is None:
        from twitchcheck._data import read_artefact

        stored = read_artefact(ARTEFACT, artefact_key())
        if isinstance(stored, ScreeningModel):
            return stored
    return validate_model(directory)


def artefact_key() -> dict[str, Any]:
    """What the stored model was built from: the file's text, this module's code, the
    knowledge base's own key (the cross-checks read it) and pydantic's version."""
    from twitchcheck._data import read_text, text_hash
    from twitchcheck.knowledge.loading import artefact_key as knowledge_key

    try:
        code = Path(__file__).read_bytes()
    except OSError:  # no source beside the bytecode: the key cannot match
        code = b"unreadable"
    return {
        FILE: text_hash(read_text(f"knowledge/{FILE}", KnowledgeError)),
        "screen/model.py": hashlib.sha256(code).hexdigest(),
        "knowledge": knowledge_key(),
        "pydantic": pydantic.VERSION,
    }


def validate_model(directory: Path | None = None) -> ScreeningModel:
    """Read, validate and cross-check the screening model (packaged, or in `directory`),
    never from the stored artefact."""
    from twitchcheck._data import parse_yaml, read_yaml

    try:
        if directory is None:
            raw = read_yaml(f"knowledge/{FILE}", KnowledgeError)
        else:
            raw = parse_yaml((directory / FILE).read_text(encoding="utf-8"), FILE, KnowledgeError)
        model = ScreeningModel.model_validate(raw)
    except OSError as error:
        raise KnowledgeError(f"{FILE}: cannot be read ({error})") from error
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise KnowledgeError(
            f"{FILE}: {_entry(raw, first['loc'])}field {where}: {first['msg']}"
        ) from error
    problems = list(_cross_check(model))
    if problems:
        raise KnowledgeError(f"{FILE}: " + "; ".join(problems[:8]))
    return model


def _entry(raw: Any, loc: tuple[Any, ...]) -> str:
    """ "entry 'caffeine_high', " when the error sits inside a list entry with an id."""
    node = raw
    for part in loc[:2]:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return ""
    return f"entry {node['id']!r}, " if isinstance(node, dict) and "id" in node else ""


def _cross_check(model: ScreeningModel) -> Iterator[str]:
    from twitchcheck.knowledge import load_knowledge

    kb = load_knowledge()
    contributor_ids = {c.id for c in model.contributors} | set(model.medicine_contributors)
    flag_ids = {flag.id for flag in kb.red_flags}
    for c in model.contributors:
        yield from _check_contributor(c, kb, flag_ids)
        if c.evidence.claim and c.evidence.claim not in kb.evidence:
            claim = c.evidence.claim
            yield f"contributor {c.id!r}: evidence claim {claim!r} is not in evidence.yaml"
    for medicine in [*model.medicine_contributors, *model.adult_only]:
        if medicine not in kb.medicine_classes:
            yield f"medicine class {medicine!r} is not in medicines.yaml"
    for missing in sorted(set(SAYINGS) - set(model.sayings)):
        yield f"sayings: {missing!r} is missing"
    for key, saying in model.sayings.items():
        for source in saying.sources:
            if source not in kb.sources:
                yield f"sayings.{key}: unknown source {source!r}"
    for symptom in model.irritability_signs:
        if symptom not in kb.symptoms:
            yield f"irritability_signs: unknown symptom {symptom!r}"
    for condition, implied in model.conditions_imply.items():
        for name in (condition, *implied):
            if name not in kb.conditions and name not in kb.symptoms:
                yield f"conditions_imply: unknown condition or symptom {name!r}"
    for rule in model.rules:
        yield from _check_when(rule.id, rule.when, kb)
    for caution in model.cautions:
        yield from _check_when(caution.id, caution.when, kb)
    for rule in model.rules:
        for target in rule.add:
            if target not in contributor_ids:
                yield f"rule {rule.id!r} adds to unknown contributor {target!r}"
    for source in _all_sources(model):
        if source not in kb.sources:
            yield f"source {source!r} is not in sources.yaml"


def _check_contributor(c: ContributorSpec, kb: Any, flag_ids: set[str]) -> Iterator[str]:
    """Each kind names what it needs: a knowledge-base entry, a nutrient, or its red flags."""
    if c.kind in ("nutrient", "factor", "baseline"):
        if c.id not in kb.nutrients and c.id not in kb.factors:
            yield f"contributor {c.id!r} is not a nutrient or factor in the knowledge base"
    elif c.kind == "excess":
        if c.nutrient not in kb.nutrients or not c.label or c.signs is None:
            yield f"excess {c.id!r} needs a known nutrient, a label and signs"
        for symptom in c.signs.symptoms if c.signs else ():
            if symptom not in kb.symptoms:
                yield f"excess {c.id!r}: unknown symptom {symptom!r}"
    elif c.kind == "rule_out":
        if not (c.label and c.raised_by and c.checks and c.sources):
            yield f"rule-out {c.id!r} needs a label, raised_by, checks and sources"
        for symptom in c.signs.symptoms if c.signs else ():
            if symptom not in kb.symptoms:
                yield f"rule-out {c.id!r}: unknown symptom {symptom!r}"
        for flag in c.raised_by:
            if flag not in flag_ids:
                yield f"rule-out {c.id!r}: unknown red flag {flag!r}"


def _check_when(item_id: str, when: When, kb: Any) -> Iterator[str]:
    for field, table in (
        ("symptoms_any", kb.symptoms),
        ("symptoms_none", kb.symptoms),
        ("conditions_any", kb.conditions),
        ("medicines_any", kb.medicine_classes),
    ):
        for value in getattr(when, field):
            if value not in table:
                yield f"entry {item_id!r}, field when.{field}: unknown id {value!r}"


def _all_sources(model: ScreeningModel) -> Iterator[str]:
    yield from model.thresholds.sources
    for rule in model.rules:
        yield from rule.sources
    for caution in model.cautions:
        yield from caution.sources
    for contributor in model.contributors:
        for test in contributor.tests:
            yield from test.sources
        yield from contributor.sources
        if contributor.signs:
            yield from contributor.signs.sources
    for medicine in model.medicine_contributors.values():
        yield from medicine.sources
