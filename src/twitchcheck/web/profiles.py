"""/api/profiles/...: the stored people and what they saved, over the store's repository
functions (docs/store.md). Each write is one transaction in the store; reaching another
person's record by id is "not found"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Query, Request, Response
from fastapi import Path as PathParam

from twitchcheck.store import EntryInput, LabInput, ProfileDetails, Store
from twitchcheck.web import models
from twitchcheck.web.api import ANSWERS_OPENAPI, AnswersBody, make_plan, screen_answers
from twitchcheck.web.errors import RESPONSES, ApiJSONResponse

router = APIRouter(
    prefix="/api/profiles", responses=RESPONSES, default_response_class=ApiJSONResponse
)
MOST_ID = 2_147_483_647  # PostgreSQL's integer: an id past it cannot exist
Id = Annotated[int, PathParam(ge=1, le=MOST_ID)]
NO_CONTENT: dict[str, Any] = {"status_code": 204, "response_class": Response}


def the_store(request: Request) -> Store:
    """The app's store (opened once, on first use)."""
    opener = request.app.state.open_store
    store: Store = opener()
    return store


StoreDep = Annotated[Store, Depends(the_store)]


def _profile(row: Any) -> models.ProfileOut:
    return models.ProfileOut.model_validate(row, from_attributes=True)


def _details(body: models.ProfileIn) -> ProfileDetails:
    return ProfileDetails(**body.model_dump())


# --- profiles ---------------------------------------------------------------------------------


@router.get("", response_model=list[models.ProfileOut], tags=["profiles"])
def list_profiles(store: StoreDep) -> list[models.ProfileOut]:
    """Everyone, by name."""
    from twitchcheck.store.profiles import list_profiles as listed

    return [_profile(row) for row in listed(store)]


@router.post("", response_model=models.ProfileOut, status_code=201, tags=["profiles"])
def add_profile(body: models.ProfileIn, store: StoreDep) -> models.ProfileOut:
    """Save a new person (the name must not be taken)."""
    from twitchcheck.store.profiles import add_profile as add

    return _profile(add(store, _details(body)))


@router.get("/{profile_id}", response_model=models.ProfileOut, tags=["profiles"])
def get_profile(profile_id: Id, store: StoreDep) -> models.ProfileOut:
    """One person."""
    from twitchcheck.store.profiles import get_profile as get

    return _profile(get(store, profile_id))


@router.put("/{profile_id}", response_model=models.ProfileOut, tags=["profiles"])
def update_profile(profile_id: Id, body: models.ProfileIn, store: StoreDep) -> models.ProfileOut:
    """Replace a person's details."""
    from twitchcheck.store.profiles import update_profile as update

    return _profile(update(store, profile_id, _details(body)))


@router.delete("/{profile_id}", **NO_CONTENT, tags=["profiles"])
def delete_profile(profile_id: Id, store: StoreDep) -> Response:
    """Remove a person and everything saved for them."""
    from twitchcheck.store.profiles import delete_profile as delete

    delete(store, profile_id)
    return Response(status_code=204)


# --- the diary --------------------------------------------------------------------------------


def _entry(body: models.EntryIn) -> EntryInput:
    fields = body.model_dump()
    fields["time"] = None if body.time is None else dt.time.fromisoformat(body.time)
    return EntryInput(**fields)


def _entry_out(row: Any) -> models.EntryOut:
    return models.EntryOut(
        id=row.id, position=row.position, meal=row.meal, text=row.text, food_id=row.food_id,
        grams=row.grams, how=row.how, updated_at=row.updated_at,
        given=None if row.given is None else models.GivenOut.model_validate(row.given),
        time=None if row.time is None else row.time.isoformat(timespec="minutes"),
    )  # fmt: skip


@router.get("/{profile_id}/diary", response_model=list[models.DiaryDayOut], tags=["diary"])
def diary(
    profile_id: Id,
    store: StoreDep,
    start: Annotated[dt.date | None, Query(description="first day (inclusive)")] = None,
    end: Annotated[dt.date | None, Query(description="last day (inclusive)")] = None,
) -> list[models.DiaryDayOut]:
    """The person's diary days, each with its lines in order."""
    from twitchcheck.store.diaries import diary as days

    return [
        models.DiaryDayOut(day=day.day, entries=[_entry_out(e) for e in day.entries])
        for day in days(store, profile_id, start, end)
    ]


@router.post(
    "/{profile_id}/diary/lines", response_model=models.EntryOut, status_code=201, tags=["diary"]
)
def add_line(profile_id: Id, body: models.EntryIn, store: StoreDep) -> models.EntryOut:
    """Add one line at the end of its day."""
    from twitchcheck.store.diaries import add_entry

    return _entry_out(add_entry(store, profile_id, _entry(body)))


@router.put("/{profile_id}/diary/lines/{line_id}", response_model=models.EntryOut, tags=["diary"])
def update_line(
    profile_id: Id, line_id: Id, body: models.EntryIn, store: StoreDep
) -> models.EntryOut:
    """Replace a line with its edited version (moved if its day changed)."""
    from twitchcheck.store.diaries import update_entry

    return _entry_out(update_entry(store, profile_id, line_id, _entry(body)))


@router.delete("/{profile_id}/diary/lines/{line_id}", **NO_CONTENT, tags=["diary"])
def delete_line(profile_id: Id, line_id: Id, store: StoreDep) -> Response:
    """Remove one line."""
    from twitchcheck.store.diaries import delete_entry

    delete_entry(store, profile_id, line_id)
    return Response(status_code=204)


@router.post(
    "/{profile_id}/diary/import", response_model=models.ImportOut, status_code=201, tags=["diary"]
)
def import_diary(profile_id: Id, body: models.DiaryImport, store: StoreDep) -> models.ImportOut:
    """Read a whole diary (any format `diet analyze` reads), match its lines, and save every
    line it could use in one transaction: all of them or, if anything stops it, none."""
    from twitchcheck.diary import parse_diary_text
    from twitchcheck.store.diaries import import_diary as save
    from twitchcheck.store.own_foods import own_foods_for_reading
    from twitchcheck.store.profiles import get_profile

    get_profile(store, profile_id)  # a missing person is refused before the diary is read
    own = own_foods_for_reading(store, profile_id)  # their own foods and corrections first
    read = parse_diary_text(body.text, body.format, year=body.year, region=body.region, own=own)

    def lines() -> Iterator[EntryInput]:
        for entry in read.entries:
            yield EntryInput(
                day=entry.day,
                text=entry.text,
                time=dt.time.fromisoformat(entry.time) if entry.time else None,
                meal=entry.meal,
                food_id=entry.item.food.id if entry.item is not None else None,
                grams=entry.grams,
                how=entry.how,
                given=_given(entry, body.use_given),
            )

    added = save(store, profile_id, lines())
    return models.ImportOut(
        added=added, days=list(read.days), problems=[p.to_dict() for p in read.problems]
    )


def _given(entry: Any, use: bool) -> Any:
    """An export's own figures for a line (None for a line matched in the food database)."""
    from twitchcheck.store.diaries import GivenNutrients

    if entry.how != "export":
        return None
    return GivenNutrients(entry.source, entry.nutrients, use)


# --- labs, supplements ----------------------------------------------------------------------


@router.get("/{profile_id}/labs", response_model=list[models.StoredLabOut], tags=["labs"])
def list_labs(profile_id: Id, store: StoreDep) -> list[models.StoredLabOut]:
    """The person's lab values, oldest first."""
    from twitchcheck.store.labs import lab_results

    return [
        models.StoredLabOut.model_validate(row, from_attributes=True)
        for row in lab_results(store, profile_id)
    ]


@router.post(
    "/{profile_id}/labs", response_model=list[models.StoredLabOut], status_code=201, tags=["labs"]
)
def add_labs(profile_id: Id, body: models.LabsIn, store: StoreDep) -> list[models.StoredLabOut]:
    """Save a report's values together."""
    from twitchcheck.store.labs import add_lab_results

    rows = add_lab_results(store, profile_id, [LabInput(**r.model_dump()) for r in body.results])
    return [models.StoredLabOut.model_validate(row, from_attributes=True) for row in rows]


@router.delete("/{profile_id}/labs/{lab_id}", **NO_CONTENT, tags=["labs"])
def delete_lab(profile_id: Id, lab_id: Id, store: StoreDep) -> Response:
    """Remove one lab value."""
    from twitchcheck.store.labs import delete_lab_result

    delete_lab_result(store, profile_id, lab_id)
    return Response(status_code=204)


@router.get(
    "/{profile_id}/supplements", response_model=list[models.SupplementOut], tags=["supplements"]
)
def list_supplements(profile_id: Id, store: StoreDep) -> list[models.SupplementOut]:
    """The person's supplements, in the order saved."""
    from twitchcheck.store.supplements import supplements

    return [
        models.SupplementOut.model_validate(row, from_attributes=True)
        for row in supplements(store, profile_id)
    ]


@router.post(
    "/{profile_id}/supplements",
    response_model=models.SupplementOut,
    status_code=201,
    tags=["supplements"],
)
def add_supplement(
    profile_id: Id, body: models.SupplementIn, store: StoreDep
) -> models.SupplementOut:
    """Save one supplement."""
    from twitchcheck.store.supplements import add_supplement as add

    row = add(store, profile_id, body.text, body.started_on, body.stopped_on)
    return models.SupplementOut.model_validate(row, from_attributes=True)


@router.delete("/{profile_id}/supplements/{supplement_id}", **NO_CONTENT, tags=["supplements"])
def delete_supplement(profile_id: Id, supplement_id: Id, store: StoreDep) -> Response:
    """Remove one supplement."""
    from twitchcheck.store.supplements import delete_supplement as delete

    delete(store, profile_id, supplement_id)
    return Response(status_code=204)


# --- screenings and plans: run by the core, then saved ---------------------------------------


def _screening(row: Any) -> models.ScreeningOut:
    return models.ScreeningOut.model_validate(row, from_attributes=True)


@router.get("/{profile_id}/screenings", response_model=list[models.ScreeningOut], tags=["screen"])
def list_screenings(profile_id: Id, store: StoreDep) -> list[models.ScreeningOut]:
    """The person's screenings, newest first."""
    from twitchcheck.store.results import screenings

    return [_screening(row) for row in screenings(store, profile_id)]


@router.post(
    "/{profile_id}/screenings",
    response_model=models.ScreeningOut,
    status_code=201,
    tags=["screen"],
    openapi_extra=ANSWERS_OPENAPI,
)
def add_screening(profile_id: Id, answers: AnswersBody, store: StoreDep) -> models.ScreeningOut:
    """Screen the answers (as POST /api/screen) and save the answers with their result."""
    from twitchcheck.store.profiles import get_profile
    from twitchcheck.store.results import save_screening

    get_profile(store, profile_id)
    result = screen_answers(answers)
    return _screening(save_screening(store, profile_id, answers, result))


@router.get(
    "/{profile_id}/screenings/{screening_id}", response_model=models.ScreeningOut, tags=["screen"]
)
def get_screening(profile_id: Id, screening_id: Id, store: StoreDep) -> models.ScreeningOut:
    """One saved screening."""
    from twitchcheck.store.results import get_screening as get

    return _screening(get(store, profile_id, screening_id))


@router.delete("/{profile_id}/screenings/{screening_id}", **NO_CONTENT, tags=["screen"])
def delete_screening(profile_id: Id, screening_id: Id, store: StoreDep) -> Response:
    """Remove one screening."""
    from twitchcheck.store.results import delete_screening as delete

    delete(store, profile_id, screening_id)
    return Response(status_code=204)


@router.get("/{profile_id}/plans", response_model=list[models.PlanOut], tags=["advice"])
def list_plans(profile_id: Id, store: StoreDep) -> list[models.PlanOut]:
    """The person's plans, newest first."""
    from twitchcheck.store.results import plans

    rows = plans(store, profile_id)
    return [models.PlanOut.model_validate(row, from_attributes=True) for row in rows]


@router.post("/{profile_id}/plans", response_model=models.PlanOut, status_code=201, tags=["advice"])
def add_plan(profile_id: Id, body: models.PlanOptions, store: StoreDep) -> models.PlanOut:
    """Make the plan (as POST /api/plan) and save the options with it."""
    from twitchcheck.store.profiles import get_profile
    from twitchcheck.store.results import save_plan

    get_profile(store, profile_id)
    result = make_plan(body)
    row = save_plan(store, profile_id, body.model_dump(mode="json"), result)
    return models.PlanOut.model_validate(row, from_attributes=True)


@router.delete("/{profile_id}/plans/{plan_id}", **NO_CONTENT, tags=["advice"])
def delete_plan(profile_id: Id, plan_id: Id, store: StoreDep) -> Response:
    """Remove one plan."""
    from twitchcheck.store.results import delete_plan as delete

    delete(store, profile_id, plan_id)
    return Response(status_code=204)


# --- own foods and corrections --------------------------------------------------------------


@router.get("/{profile_id}/foods", response_model=list[models.OwnFoodOut], tags=["own foods"])
def list_own_foods(profile_id: Id, store: StoreDep) -> list[models.OwnFoodOut]:
    """The person's own foods and recipes, by name."""
    from twitchcheck.store.own_foods import own_foods

    return [
        models.OwnFoodOut.model_validate(row, from_attributes=True)
        for row in own_foods(store, profile_id)
    ]


@router.post("/{profile_id}/foods", response_model=models.OwnFoodOut, tags=["own foods"])
def save_own_food(profile_id: Id, body: models.OwnFoodIn, store: StoreDep) -> models.OwnFoodOut:
    """Save (or replace, by name) an own food as the diary lines it stands for."""
    from twitchcheck.store.own_foods import save_own_food as save

    row = save(store, profile_id, body.name, body.lines)
    return models.OwnFoodOut.model_validate(row, from_attributes=True)


@router.delete("/{profile_id}/foods/{food_id}", **NO_CONTENT, tags=["own foods"])
def delete_own_food(profile_id: Id, food_id: Id, store: StoreDep) -> Response:
    """Remove one own food."""
    from twitchcheck.store.own_foods import delete_own_food as delete

    delete(store, profile_id, food_id)
    return Response(status_code=204)


@router.get(
    "/{profile_id}/corrections", response_model=list[models.CorrectionOut], tags=["own foods"]
)
def list_corrections(profile_id: Id, store: StoreDep) -> list[models.CorrectionOut]:
    """Every wording the person matched by hand, with its food."""
    from twitchcheck.store.own_foods import corrections
    from twitchcheck.store.profiles import get_profile

    get_profile(store, profile_id)
    found = corrections(store, profile_id)
    return [models.CorrectionOut(wording=w, food_id=f) for w, f in sorted(found.items())]


@router.put("/{profile_id}/corrections", response_model=models.CorrectionOut, tags=["own foods"])
def remember_correction(
    profile_id: Id, body: models.CorrectionIn, store: StoreDep
) -> models.CorrectionOut:
    """Remember that a wording meant a food (the food must exist; an earlier choice for the
    same wording is replaced)."""
    from twitchcheck.foods import get
    from twitchcheck.store.own_foods import remember_correction as remember
    from twitchcheck.store.profiles import get_profile

    get_profile(store, profile_id)
    food = get(body.food_id)  # an unknown id is refused with the foods' own message
    row = remember(store, profile_id, body.wording, food.id)
    return models.CorrectionOut(wording=row.wording, food_id=row.food_id)


# --- the journal ------------------------------------------------------------------------------

JsonBody = Annotated[dict[str, Any], Body()]


def _episode_out(row: Any) -> dict[str, Any]:
    """A stored episode as `journal add --json` prints it: its id, the file's fields, the
    night it belongs to and whether its details are still to add."""
    from twitchcheck.journal.files import episode_dict
    from twitchcheck.store.journal import episode_of

    episode = episode_of(row)
    night = episode.night
    return {
        "id": row.id,
        **episode_dict(episode),
        "night": night.isoformat() if night else None,
        "details_to_add": episode.needs_details,
    }


@router.get("/{profile_id}/journal", tags=["journal"])
def journal_export(profile_id: Id, store: StoreDep) -> dict[str, Any]:
    """The whole journal in the file format of `journal export` (episodes and days)."""
    from twitchcheck.store.journal import export_journal

    return export_journal(store, profile_id)


@router.get("/{profile_id}/journal/episodes", tags=["journal"])
def list_episodes(profile_id: Id, store: StoreDep) -> list[dict[str, Any]]:
    """The person's episodes with their ids, in time order."""
    from twitchcheck.store.journal import episode_rows

    return [_episode_out(row) for row in episode_rows(store, profile_id)]


@router.post("/{profile_id}/journal/episodes", status_code=201, tags=["journal"])
def add_episode(profile_id: Id, body: JsonBody, store: StoreDep) -> dict[str, Any]:
    """Record an episode: {"start": "2026-11-21T02:30"} and any details of the file format."""
    from twitchcheck.journal import parse_journal
    from twitchcheck.store.journal import add_episode as add

    episode = parse_journal({"episodes": [body]}).episodes[0]
    return _episode_out(add(store, profile_id, episode))


@router.patch("/{profile_id}/journal/episodes/{episode_id}", tags=["journal"])
def edit_episode(profile_id: Id, episode_id: Id, body: JsonBody, store: StoreDep) -> dict[str, Any]:
    """Change some details ({"kind": "cramp", "severity": 6}); null clears one."""
    from twitchcheck.journal import parse_journal
    from twitchcheck.store.journal import edit_episode as edit
    from twitchcheck.store.journal import get_episode

    row = get_episode(store, profile_id, episode_id)
    # the changes are checked as the file's episode they make, then saved
    whole = {"start": row.start.isoformat(timespec="minutes"), **body}
    parse_journal({"episodes": [{k: v for k, v in whole.items() if v is not None}]})
    changes = {k: (dt.datetime.fromisoformat(v) if k == "start" else v) for k, v in body.items()}
    return _episode_out(edit(store, profile_id, episode_id, changes))


@router.delete("/{profile_id}/journal/episodes/{episode_id}", **NO_CONTENT, tags=["journal"])
def delete_episode(profile_id: Id, episode_id: Id, store: StoreDep) -> Response:
    from twitchcheck.store.journal import delete_episode as delete

    delete(store, profile_id, episode_id)
    return Response(status_code=204)


@router.get("/{profile_id}/journal/days", tags=["journal"])
def list_days(profile_id: Id, store: StoreDep) -> list[dict[str, Any]]:
    """The person's days (factors, quiet-night check-ins) in the file format."""
    from twitchcheck.journal.files import day_dict
    from twitchcheck.store.journal import day_of, day_rows

    return [day_dict(day_of(row)) for row in day_rows(store, profile_id)]


@router.put("/{profile_id}/journal/days/{day}", tags=["journal"])
def set_day(profile_id: Id, day: dt.date, body: JsonBody, store: StoreDep) -> dict[str, Any]:
    """Set some of a day's factors ({"factors": {"stress": 7}}; null removes one) and, with
    {"quiet_night": true}, check its night in as quiet."""
    from twitchcheck.journal import JournalError, parse_journal
    from twitchcheck.journal.files import day_dict
    from twitchcheck.store.journal import check_in_quiet, get_day, set_factors

    unknown = sorted(set(body) - {"factors", "quiet_night"})
    if unknown:
        raise JournalError(f"a day takes 'factors' and 'quiet_night', not {unknown[0]!r}")
    factors = body.get("factors") or {}
    if not isinstance(factors, dict):
        raise JournalError("'factors' must be an object of factor names and values")
    given = {k: v for k, v in factors.items() if v is not None}
    parse_journal({"days": [{"date": day.isoformat(), "factors": given}]})  # checked first
    if factors:
        set_factors(store, profile_id, day, factors)
    if body.get("quiet_night") is True:
        check_in_quiet(store, profile_id, day)
    found = get_day(store, profile_id, day)
    return day_dict(found) if found else {"date": day.isoformat(), "factors": {}}


@router.get("/{profile_id}/journal/triggers", tags=["journal"])
def journal_triggers(profile_id: Id, store: StoreDep) -> dict[str, Any]:
    """journal.triggers on the stored journal, as `journal triggers --json`."""
    from twitchcheck.journal.triggers import analyse
    from twitchcheck.store.journal import journal_history

    return analyse(journal_history(store, profile_id)).to_json()
