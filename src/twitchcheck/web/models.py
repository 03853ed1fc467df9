"""The API's request and response bodies, so that /openapi.json describes them exactly.

Requests hold what a shell reads; the core still judges every value (a profile's age, a
diary's text) and refuses with the command line's codes and words. Responses of the core
routes are the core's own `to_dict()` (the command line's `--json`), described here with
their documented keys; stored records are described field by field.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal, get_args

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, Strict

from twitchcheck.diary import FORMATS
from twitchcheck.store.diaries import MOST_GRAMS
from twitchcheck.store.labs import MOST_VALUE
from twitchcheck.store.models import NAME_CHARS, UNIT_CHARS
from twitchcheck.store.own_foods import MOST_LINES

TEXT_CHARS = 10_000  # a stored line (store.checks.TEXT_CHARS)
DIARY_CHARS = 10_000_000  # a diary sent as text: the size of the largest diary file read
MOST_IMPORT_LINES = 200_000
Age = Annotated[
    int | float | str,
    Field(description="Years (40, 2.5) or text as on the command line ('40', '8m', '8 months')"),
]
Name = Annotated[str, Field(min_length=1, max_length=NAME_CHARS)]
# JSON's own types only: "true" is not a boolean, "1.5" not a number (strict, not coerced).
Bool = Annotated[bool, Strict()]


def _integral(value: Any) -> Any:
    # JSON Schema's integer: 3 or 3.0, never "3" or true.
    if isinstance(value, bool | str):
        raise ValueError("give a whole number")
    return int(value) if isinstance(value, float) and value.is_integer() else value


Int = Annotated[int, BeforeValidator(_integral)]
Float = Annotated[float, Strict()]
Clock = Annotated[
    str,
    Field(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$", description="HH:MM"),
]


def _utc(value: dt.datetime) -> dt.datetime:
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value


# The store keeps naive UTC; the API says so (RFC 3339 with Z).
Stamp = Annotated[dt.datetime, AfterValidator(_utc)]
Short = Annotated[str, Field(max_length=UNIT_CHARS)]
Line = Annotated[str, Field(min_length=1, max_length=TEXT_CHARS)]
Names = Annotated[list[Annotated[str, Field(max_length=TEXT_CHARS)]], Field(max_length=1000)]
FormatName = Literal["text", "csv", "cronometer", "myfitnesspal", "opennutritracker"]
assert set(get_args(FormatName)) == set(FORMATS)


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)


class _Open(BaseModel):
    """A core result: the documented keys, and whatever else the core adds."""

    model_config = ConfigDict(extra="allow")


# --- the core routes ------------------------------------------------------------------------


class NutrientsRequest(_Request):
    """POST /api/nutrients: foods as you would say them."""

    phrases: Annotated[list[Line], Field(min_length=1, max_length=1000)]


class LabsRequest(_Request):
    """POST /api/labs: results as 'ANALYTE VALUE UNIT'."""

    results: Annotated[list[Line], Field(min_length=1, max_length=1000)]


class DietRequest(_Request):
    """POST /api/diet/analyze: a diary's text and the person (as `diet analyze` takes them)."""

    text: Annotated[str, Field(max_length=DIARY_CHARS)]
    format: FormatName | None = None
    age: Age
    sex: Name
    pregnant: Bool = False
    lactating: Bool = False
    year: Int | None = None
    supplements: Names = []
    region: Name | None = None
    weight_kg: Float | None = None
    height_cm: Float | None = None


class PlanOptions(_Request):
    """POST /api/plan: the options of `twitchcheck plan`, the repeatable ones as lists."""

    age: Age
    sex: Name
    pregnant: Bool = False
    lactating: Bool = False
    gaps: Names = []
    diary: Annotated[str | None, Field(max_length=DIARY_CHARS)] = None
    pattern: Name = "omnivore"
    dairy_free: Bool = False
    allergies: Names = []
    dislikes: Names = []
    preferred: Names = []
    medications: Names = []
    conditions: Names = []
    supplements: Names = []
    labs: Names = []
    region: Name | None = None
    energy_budget: Float | None = None
    max_foods: Int | None = None


class FoodMatch(_Open):
    """One search result."""

    id: str
    name: str
    group: str
    score: float


class FoodOut(_Open):
    """One food: nutrients per 100 g and its household portions."""

    id: str
    name: str
    nutrients_per_100g: dict[str, float | None]
    portions: list[dict[str, Any]]


class NutrientsOut(_Open):
    """What `nutrients --json` prints."""

    items: list[dict[str, Any]]
    total: dict[str, Any]


class TargetOut(_Open):
    """One nutrient's reference intakes."""

    ear: float | None
    rda: float | None
    ai: float | None
    ul: float | None
    ul_scope: str


class LabOut(_Open):
    """One interpreted lab result."""

    analyte: str
    value: float
    unit: str
    si_value: float
    si_unit: str
    conventional_value: float
    conventional_unit: str
    status: str
    urgent: bool
    range: str
    note: str


class ScreenOut(_Open):
    """What `screen --json` prints."""

    triage: dict[str, Any]
    contributors: list[dict[str, Any]]
    suggested_tests: list[Any]
    next_steps: list[Any]


# --- stored records -------------------------------------------------------------------------


class ProfileIn(_Request):
    """A person's details; everything but the name may be left out."""

    name: Name
    age_years: Annotated[Float | None, Field(ge=0, le=130)] = None
    birth_year: (
        Annotated[int, Field(ge=1880, le=dt.date.today().year), BeforeValidator(_integral)] | None
    ) = None
    sex: Literal["female", "male"] | None = None
    pregnant: Bool = False
    lactating: Bool = False
    weight_kg: Annotated[Float | None, Field(ge=0.3, le=650)] = None
    height_cm: Annotated[Float | None, Field(ge=20, le=280)] = None
    region: Short | None = None


class ProfileOut(BaseModel):
    """A stored person."""

    id: int
    name: str
    age_years: float | None
    birth_year: int | None
    sex: str | None
    pregnant: bool
    lactating: bool
    weight_kg: float | None
    height_cm: float | None
    region: str | None
    created_at: Stamp
    updated_at: Stamp


class EntryIn(_Request):
    """One diary line: its day, when or which meal, the text as typed and, once matched, the
    food, grams and how the grams were found."""

    day: dt.date
    text: Line
    time: Clock | None = None
    meal: Short | None = None
    food_id: Name | None = None
    grams: Annotated[Float | None, Field(ge=0, le=MOST_GRAMS)] = None
    how: Name | None = None


class EntryOut(BaseModel):
    """A stored diary line."""

    id: int
    position: int
    time: str | None
    meal: str | None
    text: str
    food_id: str | None
    grams: float | None
    how: str | None
    given: GivenOut | None = None
    updated_at: Stamp


class GivenOut(BaseModel):
    """An app export's own figures for a line: its name, the nutrients for the amount eaten
    (None where the export does not say) and whether they are counted (else the food
    matched for the line's text is)."""

    source: str
    nutrients: dict[str, float | None]
    use: bool


class DiaryDayOut(BaseModel):
    """One stored day and its lines in order."""

    day: dt.date
    entries: list[EntryOut]


class DiaryImport(_Request):
    """A whole diary to save: read as `diet analyze` reads it, each line matched, then
    every line saved in one transaction (all or nothing)."""

    text: Annotated[str, Field(max_length=DIARY_CHARS)]
    format: FormatName | None = None
    year: Int | None = None
    region: Name | None = None
    use_given: Bool = Field(
        True,
        description="count the nutrients an app's export gives for each line (Cronometer, "
        "MyFitnessPal, OpenNutriTracker) rather than a USDA food matched for its name; "
        "they are kept with the line either way",
    )


class ImportOut(BaseModel):
    """What an import saved and which lines it could not use."""

    added: int
    days: list[dt.date]
    problems: list[dict[str, Any]]


class LabIn(_Request):
    """One lab value as the report gives it; the range is the lab's own, when printed."""

    taken_on: dt.date
    analyte: Name
    value: Annotated[Float, Field(ge=0, le=MOST_VALUE)]
    unit: Annotated[str, Field(min_length=1, max_length=UNIT_CHARS)]
    range_low: Annotated[Float | None, Field(ge=0, le=MOST_VALUE)] = None
    range_high: Annotated[Float | None, Field(ge=0, le=MOST_VALUE)] = None
    range_text: Name | None = None


class LabsIn(_Request):
    """A report's values, saved together."""

    results: Annotated[list[LabIn], Field(min_length=1, max_length=1000)]


class StoredLabOut(BaseModel):
    """A stored lab value."""

    id: int
    taken_on: dt.date
    analyte: str
    value: float
    unit: str
    range_low: float | None
    range_high: float | None
    range_text: str | None


class SupplementIn(_Request):
    """A supplement as the person names it ('magnesium citrate 400 mg daily')."""

    text: Name
    started_on: dt.date | None = None
    stopped_on: dt.date | None = None


class SupplementOut(BaseModel):
    """A stored supplement."""

    id: int
    text: str
    started_on: dt.date | None
    stopped_on: dt.date | None


class ScreeningOut(BaseModel):
    """A saved screening: the answers as given and the result (`screen --json`)."""

    id: int
    created_at: Stamp
    answers: dict[str, Any]
    result: dict[str, Any]


class PlanOut(BaseModel):
    """A saved plan: the options as given and the plan (`plan --json`)."""

    id: int
    created_at: Stamp
    request: dict[str, Any]
    result: dict[str, Any]


class OwnFoodIn(_Request):
    """The person's own food or recipe: a name and the diary lines it stands for."""

    name: Name
    lines: Annotated[list[Line], Field(min_length=1, max_length=MOST_LINES)]


class OwnFoodOut(BaseModel):
    """A stored own food."""

    id: int
    name: str
    lines: list[str]


class CorrectionIn(_Request):
    """This wording meant this food (a food id, e.g. sr28:12061)."""

    wording: Name
    food_id: Name


class CorrectionOut(BaseModel):
    """A remembered correction (the wording folded: case and spacing ignored)."""

    wording: str
    food_id: str
