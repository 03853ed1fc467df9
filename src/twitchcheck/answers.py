"""A person's answers to the screening questions, validated.

The JSON field names are fixed (see DESIGN.md and `twitchcheck screen --schema`).
Names people type (symptoms, conditions, medicines) are resolved against the
knowledge base: synonyms and brand names are accepted, anything unknown is
refused with close matches, never dropped. Impossible combinations (a pregnant
male, a child on a medicine not used in children) are refused too.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from twitchcheck.errors import InputError, ProfileError, UnknownEntryError

Level = Literal["low", "moderate", "high"]
COFFEE_MG_PER_CUP = 95.0  # brewed coffee, 8 fl oz (USDA FNDDS 92101000: 40 mg/100 g × 240 g)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Twitch(_Model):
    """Where and when the twitches or cramps happen."""

    where: tuple[str, ...] = Field(default=(), description="body places, e.g. eyelid, calf")
    since_weeks: Annotated[float, Field(ge=0, le=5200)] | None = None
    how_often: Literal["rarely", "weekly", "daily", "constant"] | None = None
    when: Literal["night", "day", "after_exercise", "any"] | None = None

    @field_validator("where", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return (value,) if isinstance(value, str) else value


class NutrientJudgement(_Model):
    """One nutrient of a diet analysis: how likely intake falls short."""

    judgement: Literal["inadequate", "possibly_inadequate", "adequate", "above_ul", "unknown"]
    confidence: Annotated[float, Field(ge=0, le=1)] = 0.5
    mean: float | None = None
    target: float | None = None


class DietAnalysis(_Model):
    """The part of `twitchcheck diet analyze` the screening weighs."""

    days: Annotated[int, Field(ge=1)] = 1
    nutrients: dict[str, NutrientJudgement] = Field(default_factory=dict)
    source: str = "diet analysis"


class Diet(_Model):
    pattern: Literal["omnivore", "pescatarian", "vegetarian", "vegan"] | None = None
    dairy: bool | None = None
    fish: bool | None = None
    fortified_foods: bool | None = None
    analysis: DietAnalysis | None = None


class Lifestyle(_Model):
    caffeine_mg_per_day: Annotated[float, Field(ge=0, le=5000)] | None = None
    coffee_cups_per_day: Annotated[float, Field(ge=0, le=40)] | None = None
    alcohol_drinks_per_week: Annotated[float, Field(ge=0, le=300)] | None = None
    nicotine: bool | None = None
    exercise: Literal["none", "moderate", "intense"] | None = None
    fluids_l_per_day: Annotated[float, Field(ge=0, le=20)] | None = None
    stress: Level | None = None
    sleep_hours: Annotated[float, Field(ge=0, le=24)] | None = None

    @property
    def caffeine_mg(self) -> float | None:
        """Caffeine per day, from milligrams or from cups of coffee."""
        if self.caffeine_mg_per_day is not None:
            return self.caffeine_mg_per_day
        if self.coffee_cups_per_day is not None:
            return self.coffee_cups_per_day * COFFEE_MG_PER_CUP
        return None


class Recent(_Model):
    vomiting: bool = False
    diarrhoea: bool = False
    heavy_sweating: bool = False

    @field_validator("*", mode="before")
    @classmethod
    def _yes_no(cls, value: Any) -> Any:
        return value if value is not None else False


class Answers(_Model):
    """Everything the screening weighs; only age and sex are required."""

    age: Annotated[float, Field(ge=0, le=120, description="years")]
    sex: Literal["female", "male"]
    pregnant: bool = False
    lactating: bool = False
    symptoms: tuple[str, ...] = ()
    twitch: Twitch | None = None
    diet: Diet | None = None
    sun_exposure: Level | None = None
    medications: tuple[str, ...] = ()
    conditions: tuple[str, ...] = ()
    lifestyle: Lifestyle = Field(default_factory=Lifestyle)
    recent: Recent = Field(default_factory=Recent)
    labs: tuple[str, ...] = ()

    @field_validator("recent", mode="before")
    @classmethod
    def _recent_as_list(cls, value: Any) -> Any:
        """Accept ["vomiting", "diarrhea"] as well as {"vomiting": true, ...}."""
        if isinstance(value, list | tuple):
            names = {str(v).strip().lower().replace(" ", "_") for v in value}
            names = {"diarrhoea" if n == "diarrhea" else n for n in names}
            unknown = names - set(Recent.model_fields)
            if unknown:
                accepted = ", ".join(Recent.model_fields)
                raise ValueError(f"unknown recent event(s) {sorted(unknown)}; accepted: {accepted}")
            return dict.fromkeys(names, True)
        if isinstance(value, dict) and "diarrhea" in value:
            value = {("diarrhoea" if k == "diarrhea" else k): v for k, v in value.items()}
        return value


def parse_answers(raw: Any) -> Answers:
    """Validate raw answers (e.g. loaded JSON) and resolve every name they use.

    Raises `InputError` naming the field and what would be accepted.
    """
    try:
        answers = Answers.model_validate(raw)
    except ValidationError as error:
        raise InputError(_explain(error)) from error
    return resolve_names(answers)


def _explain(error: ValidationError) -> str:
    problems = []
    for item in error.errors()[:5]:
        where = ".".join(str(part) for part in item["loc"]) or "answers"
        given = item.get("input")
        shown = f" (got {given!r})" if given is not None and not isinstance(given, dict) else ""
        problems.append(f"{where}: {item['msg']}{shown}")
    return "invalid answers: " + "; ".join(problems) + "; see `twitchcheck screen --schema`"


def resolve_names(answers: Answers) -> Answers:
    """Map symptom, condition and medicine names to knowledge-base ids; check the person."""
    from twitchcheck.profile import Person

    Person(answers.age, answers.sex, answers.pregnant, answers.lactating)  # raises ProfileError
    symptoms = tuple(known_ids(answers.symptoms, "symptom", "symptoms"))
    conditions = tuple(known_ids(answers.conditions, "condition", "conditions"))
    medications = tuple(medicine_class_ids(answers.medications))
    _check_age_limits(answers.age, medications)
    return answers.model_copy(
        update={"symptoms": symptoms, "conditions": conditions, "medications": medications}
    )


def known_ids(names: tuple[str, ...], kind: str, field: str) -> list[str]:
    """Knowledge-base ids for symptom or condition names; InputError with suggestions if unknown."""
    from twitchcheck.knowledge import load_knowledge, lookup, suggest

    kb = load_knowledge()
    table = kb.items_of(kind)  # type: ignore[arg-type]
    found: list[str] = []
    for name in names:
        key = name.strip().lower().replace(" ", "_").replace("-", "_")
        if key in table:
            found.append(key)
            continue
        try:
            entry = lookup(f"{kind}:{name}")
        except UnknownEntryError:
            close = [s for s in suggest(name, limit=12) if _is_kind(s, kind)]
            hint = f"; did you mean {', '.join(close[:4])}?" if close else ""
            raise InputError(
                f"{field}: {name!r} is not a known {kind}{hint} "
                f"(`twitchcheck screen --vocabulary` lists them)"
            ) from None
        found.append(entry.id)
    return list(dict.fromkeys(found))


def _is_kind(name: str, kind: str) -> bool:
    from twitchcheck.knowledge import lookup

    try:
        lookup(f"{kind}:{name}")
    except UnknownEntryError:
        return False
    return True


def medicine_class_ids(names: tuple[str, ...]) -> list[str]:
    """Each medicine name as the class ids it belongs to (a combination gives two)."""
    from twitchcheck.knowledge import medicine_classes_for

    classes: list[str] = []
    for name in names:
        try:
            classes += [c.id for c in medicine_classes_for(name)]
        except UnknownEntryError as error:
            raise InputError(f"medications: {error}") from None
    return list(dict.fromkeys(classes))


def _check_age_limits(age: float, medications: tuple[str, ...]) -> None:
    from twitchcheck.screening_model import load_model

    limits = load_model().adult_only
    for medicine in medications:
        limit = limits.get(medicine)
        if limit is not None and age < limit.min_age:
            raise ProfileError(
                f"medications: {medicine.replace('_', ' ')} is not normally given to a child of "
                f"{age:g} ({limit.why}); check the name and the age"
            )


def with_diet_analysis(answers: Answers, analysis: dict[str, Any]) -> Answers:
    """The answers with a diet analysis (``DietAnalysis.to_screening()``) as evidence."""
    diet = answers.diet or Diet()
    judged = DietAnalysis.model_validate(analysis)
    return answers.model_copy(update={"diet": diet.model_copy(update={"analysis": judged})})
