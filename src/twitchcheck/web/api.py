"""The core routes under /api: each reads its input, calls the same core function as the
command line and returns the same dictionary as its `--json` (DESIGN.md's route table).

Handlers are plain functions: FastAPI runs them in its thread pool, so a long analysis never
holds up the event loop. Food type-ahead is the one exception (see `search_foods`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, Body, Query
from fastapi import Path as PathParam

from twitchcheck.errors import UnknownFoodError
from twitchcheck.limits import limit
from twitchcheck.web import models
from twitchcheck.web.errors import RESPONSES, ApiJSONResponse, error_response

if TYPE_CHECKING:
    from twitchcheck.diary import Diary
    from twitchcheck.profile import Person

router = APIRouter(prefix="/api", responses=RESPONSES, default_response_class=ApiJSONResponse)
MOST_RESULTS = int(limit("phrase.search_results"))
QUERY_CHARS = int(limit("phrase.chars"))


# Type-ahead runs on the event loop, not in the thread pool: a search is bounded (p99 under
# 10 ms, bench/queries_p99.txt), and handing each keystroke to a worker thread under one GIL
# cost more than the search itself (wrk, 50 connections: p99 about 190 ms -> 40-65 ms).
@router.get("/foods/search", response_model=list[models.FoodMatch], tags=["foods"])
async def search_foods(
    q: Annotated[str, Query(max_length=QUERY_CHARS * 4, description="What you call the food")],
    limit: Annotated[int, Query(ge=1, le=MOST_RESULTS)] = 10,
) -> ApiJSONResponse:
    """Foods by name, best first (`foods search --json`)."""
    from twitchcheck.foods import search

    return ApiJSONResponse([match.to_dict() for match in search(q, limit=limit)])


@router.get("/foods/{food_id}", response_model=models.FoodOut, tags=["foods"])
def show_food(
    food_id: Annotated[str, PathParam(max_length=200, description="e.g. sr28:12061")],
) -> ApiJSONResponse:
    """One food: nutrients per 100 g and its household portions (`foods show --json`)."""
    from twitchcheck.foods import get

    try:
        return ApiJSONResponse(get(food_id).to_dict())
    except UnknownFoodError as error:
        return error_response(404, error.code, str(error))


@router.post("/nutrients", response_model=models.NutrientsOut, tags=["foods"])
def nutrients(request: models.NutrientsRequest) -> ApiJSONResponse:
    """Nutrients in foods as you would say them (`nutrients --json`)."""
    from twitchcheck.foods.phrases import nutrients as resolve

    return ApiJSONResponse(resolve(request.phrases).to_dict())


@router.get("/targets", response_model=dict[str, models.TargetOut], tags=["person"])
def targets(
    age: Annotated[str, Query(max_length=100, description="Years ('40') or '8 months'")],
    sex: Annotated[str, Query(max_length=100, description="female or male")],
    pregnant: bool = False,
    lactating: bool = False,
) -> ApiJSONResponse:
    """Dietary Reference Intakes for one person (`targets --json`)."""
    from twitchcheck.profile import Person
    from twitchcheck.targets import targets_for_person

    person = Person.parse(age, sex, pregnant=pregnant, lactating=lactating)
    result = targets_for_person(person)
    return ApiJSONResponse({key: target.to_dict() for key, target in result.items()})


@router.post("/labs", response_model=list[models.LabOut], tags=["labs"])
def labs(request: models.LabsRequest) -> ApiJSONResponse:
    """Lab results in SI and conventional units, with their status (`labs --json`)."""
    from twitchcheck.labs import interpret_labs

    return ApiJSONResponse([result.to_dict() for result in interpret_labs(request.results)])


def screen_answers(answers: Any) -> dict[str, Any]:
    """The screening of raw answers (`screen --answers FILE --json`)."""
    from twitchcheck.screen.answers import parse_answers
    from twitchcheck.workflows import screen_person

    return screen_person(parse_answers(answers)).to_dict()


AnswersBody = Annotated[
    dict[str, Any],
    Body(description="The answers, as `screen --answers` reads them (`screen --schema`)"),
]
# The body is read as raw JSON (parse_answers judges it, with the command line's messages);
# app._document puts the answers' own schema in its place.
ANSWERS_OPENAPI: dict[str, Any] = {"x-twitchcheck-body": "Answers"}


@router.post(
    "/screen", response_model=models.ScreenOut, tags=["screen"], openapi_extra=ANSWERS_OPENAPI
)
def screen(answers: AnswersBody) -> ApiJSONResponse:
    """Triage, ranked contributors, tests to ask for (`screen --answers --json`)."""
    return ApiJSONResponse(screen_answers(answers))


def _person(request: models.DietRequest | models.PlanOptions) -> Person:
    """The person a request describes, its age read as the command line reads --age."""
    from twitchcheck.profile import Person

    age = request.age if isinstance(request.age, str) else str(request.age)
    return Person.parse(age, request.sex, pregnant=request.pregnant, lactating=request.lactating)


def analyse(request: models.DietRequest) -> dict[str, Any]:
    """The diet analysis of a diary's text (`diet analyze --json`)."""
    from twitchcheck.diary import parse_diary_text
    from twitchcheck.diet.energy import check_body
    from twitchcheck.workflows import analyse_diary, region_from, supplements_from

    person = _person(request)
    check_body(request.weight_kg, request.height_cm)
    supplements = supplements_from(request.supplements)
    place = region_from(request.region)
    diary = parse_diary_text(request.text, request.format, year=request.year, region=place)
    analysis = analyse_diary(diary, person, supplements, request.weight_kg, request.height_cm)
    return {**analysis.to_dict(), "region": place}


@router.post("/diet/analyze", response_model=dict[str, Any], tags=["diet"])
def diet_analyze(request: models.DietRequest) -> ApiJSONResponse:
    """A diary's usual intake against the person's reference intakes (`diet analyze --json`)."""
    return ApiJSONResponse(analyse(request))


def make_plan(options: models.PlanOptions, read: Diary | None = None) -> dict[str, Any]:
    """The plan for `options` (`plan --json`); `read`: the diary as already read (a stored
    one, with the person's own foods and an export's own figures), else `options.diary`."""
    from dataclasses import replace

    from twitchcheck.advice.candidates import Filters
    from twitchcheck.workflows import PlanRequest, check_option_sizes, plan_for

    person = _person(options)
    sizes = {
        "gaps": options.gaps, "allergies": options.allergies, "dislikes": options.dislikes,
        "preferred": options.preferred, "medications": options.medications,
        "conditions": options.conditions, "supplements": options.supplements,
        "labs": options.labs, "pattern": [options.pattern],
        "region": [options.region] if options.region else [],
    }  # fmt: skip
    check_option_sizes({name: values for name, values in sizes.items() if values})
    filters = Filters.parse(
        options.pattern, options.dairy_free, options.allergies, options.dislikes, options.preferred
    )
    request = PlanRequest(
        person, filters, gaps=options.gaps, medications=options.medications,
        conditions=options.conditions, supplements=options.supplements, labs=options.labs,
        region=options.region, energy_budget=options.energy_budget, max_foods=options.max_foods,
    )  # fmt: skip
    if read is None and options.diary is not None:
        from twitchcheck.diary import parse_diary_text

        read = parse_diary_text(options.diary, region=options.region)
    if read is not None:
        request = replace(request, diary=read)
    return plan_for(request).to_dict()


@router.post("/plan", response_model=dict[str, Any], tags=["advice"])
def plan(options: models.PlanOptions) -> ApiJSONResponse:
    """Foods for the gaps and an optimised plan within every upper limit (`plan --json`)."""
    return ApiJSONResponse(make_plan(options))
