"""A person's answers to the screening questions, validated.

The JSON field names are fixed (see DESIGN.md and `twitchcheck screen --schema`).
Names people type (symptoms, conditions, medicines) are resolved against the
knowledge base: synonyms and brand names are accepted, anything unknown is
refused with close matches, never dropped. Impossible combinations (a pregnant
male, a child on a medicine not used in children) are refused too.

Every bound lives in data/limits.toml with its reason: list lengths and the length of each
answer ([input]), impossible amounts ([answers], judged for the age given: they scale with a
young child's body size, and alcohol for a child is refused with advice), and the ages a
screening applies to ([person]). Dangerous but possible answers are accepted and weighed.
"""

# Annotations are not postponed, as in knowledge/models.py: pydantic reads them at class creation.
from collections.abc import Iterable
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from twitchcheck.errors import InputError, ProfileError, UnknownEntryError
from twitchcheck.knowledge import ConditionMention
from twitchcheck.limits import all_limits, limit
from twitchcheck.screen.bounds import bounded
from twitchcheck.text import shorten

if TYPE_CHECKING:
    from twitchcheck.knowledge.supplements import Supplement

__all__ = [
    "Answers",
    "ConditionMention",
    "Course",
    "Diet",
    "DietAnswers",
    "Lifestyle",
    "NutrientJudgement",
    "Recent",
    "Twitch",
    "bounded",
    "check_screening_age",
    "known_ids",
    "medicine_class_ids",
    "parse_answers",
    "resolve_names",
    "supplements_of",
    "with_diet_analysis",
]

Level = Literal["low", "moderate", "high"]


def _most(name: str) -> int:
    return int(limit(name))


# One answer (a symptom, medicine, condition, supplement, lab, place or region) and the lists.
Text = Annotated[str, Field(max_length=_most("input.text_chars"))]
Places = Annotated[tuple[Text, ...], Field(max_length=_most("input.places"))]


def _upto(name: str, description: str | None = None) -> Any:
    """A number from 0 to the impossible bound `answers.<name>` (limits.toml)."""
    return Field(ge=0, le=limit(f"answers.{name}"), description=description)


# An amount is a JSON number: strict, so true or "3" is refused, not read as 1 or 3.
Number = Annotated[float, Field(strict=True)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Twitch(_Model):
    """Where and when the twitches or cramps happen."""

    where: Places = Field(default=(), description="body places, e.g. eyelid, calf")
    since_weeks: Annotated[Number, _upto("since_weeks")] | None = None
    how_often: Literal["rarely", "weekly", "daily", "constant"] | None = None
    when: Literal["night", "day", "after_exercise", "any"] | None = None

    @field_validator("where", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return (value,) if isinstance(value, str) else value


class Course(_Model):
    """How numbness or weakness has gone: since when, where, whether it spreads, which sides."""

    since_weeks: Annotated[Number, _upto("since_weeks", "weeks since it began")] | None = None
    where: Places = Field(default=(), description="body places, e.g. feet, right hand")
    spreading: bool | None = Field(default=None, description="spreading or getting worse")
    sides: Literal["one", "both"] | None = None

    @field_validator("where", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return (value,) if isinstance(value, str) else value


class NutrientJudgement(_Model):
    """One nutrient of a diet analysis: how likely intake falls short."""

    judgement: Literal["inadequate", "possibly_inadequate", "adequate", "above_ul", "unknown"]
    confidence: Annotated[Number, Field(ge=0, le=1)] = 0.5
    mean: Annotated[Number, Field(ge=0, le=1e7)] | None = None
    target: Annotated[Number, Field(ge=0, le=1e7)] | None = None


class DietAnswers(_Model):
    """The part of `twitchcheck diet analyze` the screening weighs."""

    days: Annotated[int, Field(ge=1, le=36600)] = 1
    nutrients: dict[str, NutrientJudgement] = Field(default_factory=dict)
    source: str = "diet analysis"


class Diet(_Model):
    pattern: Literal["omnivore", "pescatarian", "vegetarian", "vegan"] | None = None
    dairy: bool | None = None
    fish: bool | None = None
    fortified_foods: bool | None = None
    b12_supplement: bool | None = Field(
        default=None, description="takes a B12 supplement (apart from fortified foods)"
    )
    analysis: DietAnswers | None = None


class Lifestyle(_Model):
    caffeine_mg_per_day: Annotated[Number, _upto("caffeine_mg_per_day")] | None = None
    coffee_cups_per_day: Annotated[Number, _upto("coffee_cups_per_day")] | None = None
    tea_cups_per_day: Annotated[Number, _upto("tea_cups_per_day")] | None = None
    cola_cans_per_day: Annotated[Number, _upto("cola_cans_per_day")] | None = None
    energy_drinks_per_day: Annotated[Number, _upto("energy_drinks_per_day")] | None = None
    alcohol_drinks_per_week: Annotated[Number, _upto("alcohol_drinks_per_week")] | None = None
    nicotine: bool | None = None
    nitrous_oxide: bool | None = Field(
        default=None, description='recreational nitrous oxide ("laughing gas", "nos")'
    )
    exercise: Literal["none", "moderate", "intense"] | None = None
    fluids_l_per_day: Annotated[Number, _upto("fluids_l_per_day")] | None = None
    stress: Level | None = None
    sleep_hours: Annotated[Number, _upto("sleep_hours")] | None = None

    @property
    def caffeine_mg(self) -> float | None:
        """Caffeine per day: the milligrams if given, else the sum over the drinks answered
        (per-serving values from USDA FNDDS, knowledge/drinks.yaml); None if nothing was."""
        from twitchcheck.knowledge import load_knowledge

        if self.caffeine_mg_per_day is not None:
            return self.caffeine_mg_per_day
        servings = [
            (getattr(self, drink.field), drink.caffeine_mg_per_serving)
            for drink in load_knowledge().drinks.values()
        ]
        given = [(count, mg) for count, mg in servings if count is not None]
        return sum(count * mg for count, mg in given) if given else None


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

    age: Annotated[Number, Field(ge=0, le=limit("person.age_years"), description="years")]
    sex: Literal["female", "male"]
    pregnant: bool = False
    lactating: bool = False
    symptoms: Annotated[tuple[Text, ...], Field(max_length=_most("input.symptoms"))] = ()
    twitch: Twitch | None = None
    numbness: Course | None = None
    weakness: Course | None = None
    diet: Diet | None = None
    sun_exposure: Level | None = None
    medications: Annotated[tuple[Text, ...], Field(max_length=_most("input.medications"))] = ()
    conditions: Annotated[tuple[Text, ...], Field(max_length=_most("input.conditions"))] = ()
    supplements: Annotated[tuple[Text, ...], Field(max_length=_most("input.supplements"))] = Field(
        default=(),
        description='free names with an optional dose, e.g. "magnesium citrate 400 mg daily"',
    )
    region: Text | None = Field(
        default=None, description='where you live, for emergency numbers: "uk", "us", "au"...'
    )
    lifestyle: Lifestyle = Field(default_factory=Lifestyle)
    recent: Recent = Field(default_factory=Recent)
    labs: Annotated[tuple[Text, ...], Field(max_length=_most("input.labs"))] = ()
    condition_details: tuple[ConditionMention, ...] = Field(
        max_length=_most("input.conditions"),
        default=(),
        description="filled in from conditions (stage, weeks since, qualifiers); not an input",
        json_schema_extra={"readOnly": True},
    )

    @field_validator("supplements", "medications", "conditions", "symptoms", mode="before")
    @classmethod
    def _listed(cls, value: Any) -> Any:
        return (value,) if isinstance(value, str) else value

    @property
    def supplement_list(self) -> "tuple[Supplement, ...]":
        """The supplements, parsed (see `twitchcheck.knowledge.supplements.parse_supplement`)."""
        return supplements_of(self)

    @field_validator("recent", mode="before")
    @classmethod
    def _recent_as_list(cls, value: Any) -> Any:
        """Accept ["vomiting", "diarrhea"] as well as {"vomiting": true, ...}."""
        if isinstance(value, list | tuple):
            accepted = ", ".join(Recent.model_fields)
            if len(value) > len(Recent.model_fields) * 2:
                raise ValueError(f"{len(value):,} recent events; accepted: {accepted}")
            names = {shorten(str(v)).strip().lower().replace(" ", "_") for v in value}
            names = {"diarrhoea" if n == "diarrhea" else n for n in names}
            unknown = names - set(Recent.model_fields)
            if unknown:
                raise ValueError(f"unknown recent event(s) {sorted(unknown)}; accepted: {accepted}")
            return dict.fromkeys(names, True)
        if isinstance(value, dict) and "diarrhea" in value:
            value = {("diarrhoea" if k == "diarrhea" else k): v for k, v in value.items()}
        return value


def parse_answers(raw: Any) -> Answers:
    """Validate raw answers (e.g. loaded JSON) and resolve every name they use.

    Raises `InputError` naming the field and what would be accepted; a person the screening
    does not apply to (a baby under 1) gets a `ProfileError` saying what to do instead.
    """
    try:
        answers = Answers.model_validate(raw)
    except ValidationError as error:
        raise InputError(_explain(error)) from None
    check_screening_age(answers.age, answers.region)
    return resolve_names(answers)


def check_screening_age(age: float, region: str | None = None) -> None:
    """Refuse a screening for someone younger than person.screen_min_age_years, with advice."""
    from twitchcheck.knowledge.regions import emergency_number, region_for

    youngest = limit("person.screen_min_age_years")
    if age < youngest:
        known = region_for(region) if region else None
        number = f" (where you live: {emergency_number(known.id)})" if known else ""
        reason = all_limits()["person.screen_min_age_years"].reason
        raise ProfileError(f"age {age:g} years: {reason.rstrip('.')}{number}.")


def _explain(error: ValidationError) -> str:
    problems = []
    for item in error.errors(include_url=False)[:5]:
        where = ".".join(shorten(str(part), 40) for part in item["loc"]) or "answers"
        given = item.get("input")
        shown = (
            f" (got {_quote(given)})" if given is not None and not isinstance(given, dict) else ""
        )
        problems.append(f"{where}: {item['msg']}{shown}")
    return "invalid answers: " + "; ".join(problems) + "; see `twitchcheck screen --schema`"


def _quote(value: Any) -> str:
    """A value as a message shows it: short, whatever its size."""
    if isinstance(value, str):
        return repr(shorten(value))
    if isinstance(value, list | tuple):
        return f"a list of {len(value):,} items"
    return shorten(repr(value))


def resolve_names(answers: Answers) -> Answers:
    """Map symptom, condition, medicine, supplement and region names to knowledge-base ids.

    Medicines written with doses ("furosemide 40mg od") become their classes; a supplement
    listed under medications ("vitamin D 1000 IU") moves to supplements. Conditions keep their
    stage, date and qualifiers in `condition_details`. Refusals name the field and suggest
    names that are themselves accepted. Running it twice gives the same answers.
    """
    from twitchcheck.knowledge.regions import region_id
    from twitchcheck.profile import Person

    Person(answers.age, answers.sex, answers.pregnant, answers.lactating)  # raises ProfileError
    _check_for_age(answers.age, answers.lifestyle)
    symptoms = tuple(known_ids(answers.symptoms, "symptom", "symptoms"))
    mentions = _condition_mentions(answers)
    medications, moved = _medications(answers.medications)
    supplements = tuple(dict.fromkeys((*answers.supplements, *moved)))
    _check_supplements(supplements)
    _check_age_limits(answers.age, medications)
    region = region_id(answers.region) if answers.region else None
    return answers.model_copy(
        update={
            "symptoms": symptoms,
            "conditions": tuple(dict.fromkeys(m.id for m in mentions)),
            "condition_details": mentions,
            "medications": medications,
            "supplements": supplements,
            "region": region,
        }
    )


def supplements_of(answers: Answers) -> "tuple[Supplement, ...]":
    """The person's supplements, parsed (name, amount a day, what each raises)."""
    from twitchcheck.knowledge.supplements import parse_supplements

    return parse_supplements(answers.supplements)


def _condition_mentions(answers: Answers) -> tuple[ConditionMention, ...]:
    from twitchcheck.knowledge import condition_mention

    earlier = {m.id: m for m in answers.condition_details}
    mentions: list[ConditionMention] = []
    for text in answers.conditions:
        key = text.strip().lower().replace(" ", "_")
        if key in earlier:  # already resolved: keep what the first reading found
            mentions.append(earlier[key])
            continue
        try:
            mentions.append(condition_mention(text))
        except UnknownEntryError as error:
            raise InputError(f"conditions: {error} (`twitchcheck screen --vocabulary`)") from None
    return tuple(mentions)


def _medications(names: Iterable[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(medicine class ids, texts that are supplements rather than medicines)."""
    from twitchcheck.knowledge import medicine_classes_for
    from twitchcheck.knowledge.supplements import parse_supplement, suggest_supplements

    classes: list[str] = []
    moved: list[str] = []
    for name in names:
        bounded(name, "medications")
        try:
            classes += [c.id for c in medicine_classes_for(name)]
            continue
        except UnknownEntryError as error:
            refusal = error
        try:
            supplement = parse_supplement(name)
        except UnknownEntryError:
            raise InputError(f"medications: {refusal}") from None
        except InputError as error:
            if "not a known supplement" not in str(error):
                message = str(error).removeprefix("supplements: ")
                raise type(error)(f"medications: {message}") from None
            close = suggest_supplements(name, limit=2)
            hint = f" (or a supplement: {', '.join(repr(c) for c in close)})" if close else ""
            raise InputError(f"medications: {refusal}{hint}") from None
        moved.append(name)
        if supplement.medicine_class:
            classes.append(supplement.medicine_class)
    return tuple(dict.fromkeys(classes)), tuple(moved)


def _check_supplements(texts: tuple[str, ...]) -> None:
    from twitchcheck.knowledge.supplements import parse_supplement

    for text in texts:
        try:
            parse_supplement(text)
        except InputError as error:
            message = str(error)
            raise type(error)(
                message if message.startswith("supplements:") else f"supplements: {message}"
            ) from None


def known_ids(names: tuple[str, ...], kind: str, field: str) -> list[str]:
    """Knowledge-base ids for symptom or condition names as written ("severe calf cramps",
    "CKD stage 3"); InputError with accepted close matches if unknown."""
    from twitchcheck.knowledge import condition_mention, load_knowledge, symptom_id

    table = load_knowledge().items_of(kind)  # type: ignore[arg-type]
    found: list[str] = []
    for name in names:
        bounded(name, field)
        key = name.strip().lower().replace(" ", "_").replace("-", "_")
        if key in table:
            found.append(key)
            continue
        try:
            found.append(symptom_id(name) if kind == "symptom" else condition_mention(name).id)
        except UnknownEntryError as error:
            raise InputError(
                f"{field}: {error} (`twitchcheck screen --vocabulary` lists them)"
            ) from None
    return list(dict.fromkeys(found))


def medicine_class_ids(names: tuple[str, ...]) -> list[str]:
    """Each medicine name as the class ids it belongs to (a combination gives two); a
    supplement written among medicines gives its class if it has one."""
    return list(_medications(names)[0])


def _check_age_limits(age: float, medications: tuple[str, ...]) -> None:
    from twitchcheck.screen.model import load_model

    limits = load_model().adult_only
    for medicine in medications:
        limit = limits.get(medicine)
        if limit is not None and age < limit.min_age:
            raise ProfileError(
                f"medications: {medicine.replace('_', ' ')} is not normally given to a child of "
                f"{age:g} ({limit.why}); check the name and the age"
            )


def with_diet_analysis(answers: Answers, analysis: dict[str, Any]) -> Answers:
    """The answers with a diet analysis (``DietAnswers.to_screening()``) as evidence.

    A mean or target that is not a finite number is unknown (None), never NaN: missing is
    never zero and never breaks the JSON.
    """
    import math

    diet = answers.diet or Diet()
    nutrients = {
        key: {
            **values,
            **{
                field: None
                for field in ("mean", "target")
                if isinstance(values.get(field), float) and not math.isfinite(values[field])
            },
        }
        for key, values in dict(analysis.get("nutrients", {})).items()
    }
    try:
        judged = DietAnswers.model_validate({**analysis, "nutrients": nutrients})
    except ValidationError as error:
        raise InputError(f"the diet analysis cannot be weighed: {_explain(error)}") from None
    return answers.model_copy(update={"diet": diet.model_copy(update={"analysis": judged})})


def with_written_supplements(answers: Answers, written: "Iterable[Supplement]") -> Answers:
    """The answers with the supplements a diary writes among its foods ("lo salt", "vit d3
    1000iu"), one of each kind not given already, up to input.supplements: the screening
    weighs what they raise and their doses against the upper limits, as if taken daily."""
    given = {s.id for s in answers.supplement_list}
    kinds: dict[str, str] = {}
    for supplement in written:
        if supplement.id not in given:
            kinds.setdefault(supplement.id, supplement.text)
    room = _most("input.supplements") - len(answers.supplements)
    added = tuple(kinds.values())[: max(0, room)]
    if not added:
        return answers
    return answers.model_copy(update={"supplements": (*answers.supplements, *added)})


# Answers whose impossible bound scales with body size (limits.toml, answers.*_share).
_SCALED = (
    "caffeine_mg_per_day", "coffee_cups_per_day", "tea_cups_per_day", "cola_cans_per_day",
    "energy_drinks_per_day", "fluids_l_per_day",
)  # fmt: skip


def _check_for_age(age: float, life: Lifestyle) -> None:
    """Refuse what is impossible for a child of this age, and alcohol for a child, with advice."""
    drinks = life.alcohol_drinks_per_week
    if drinks and age < limit("answers.alcohol_min_age"):
        reason = all_limits()["answers.alcohol_min_age"].reason
        raise ProfileError(
            f"lifestyle.alcohol_drinks_per_week: {drinks:g} drinks a week at age {age:g}. {reason}"
        )
    if age < limit("answers.small_child_age"):
        share = limit("answers.small_child_share")
    elif age < limit("answers.child_age"):
        share = limit("answers.child_share")
    else:
        return
    for field in _SCALED:
        value = getattr(life, field)
        most = limit(f"answers.{field}") * share
        if value is not None and value > most:
            unit = all_limits()[f"answers.{field}"].unit
            raise ProfileError(
                f"lifestyle.{field}: {value:g} {unit} is not possible for a child of {age:g} "
                f"(at most {most:g} at that age: the bound scales with body size); check the "
                "number and the age"
            )
