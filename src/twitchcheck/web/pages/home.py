"""Home: the people on this machine, one person's details and what to do next."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from twitchcheck.errors import InputError
from twitchcheck.store import ProfileDetails
from twitchcheck.web.pages._common import (
    form_of,
    one,
    parse_number,
    profile_of,
    redirect,
    render,
    store_of,
)

router = APIRouter(include_in_schema=False)


def details_from(fields: Mapping[str, list[str]]) -> tuple[dict[str, str], ProfileDetails | None]:
    """A person's details from the form, or the message for each field that was refused."""
    errors: dict[str, str] = {}
    numbers: dict[str, float | None] = {}
    for name, low, high, what in (
        ("age_years", 1, 120, "an age in years"),
        ("weight_kg", 0.3, 650, "a weight in kg"),
        ("height_cm", 20, 280, "a height in cm"),
    ):
        text = one(fields, name)
        try:
            numbers[name] = parse_number(text, low, high, what) if text else None
        except ValueError as error:
            errors[name] = str(error)
    name = one(fields, "name")
    if not name:
        errors["name"] = "give a name (a first name is enough), so that you can find this person"
    sex = one(fields, "sex") or None
    if sex not in (None, "female", "male"):
        errors["sex"] = "choose female or male"
    pregnant, lactating = one(fields, "pregnant") == "yes", one(fields, "lactating") == "yes"
    if sex == "male" and (pregnant or lactating):
        errors["pregnant"] = "pregnancy and breastfeeding apply to a person marked female"
    if errors:
        return errors, None
    details = ProfileDetails(
        name=name, age_years=numbers["age_years"], sex=sex, pregnant=pregnant,
        lactating=lactating, weight_kg=numbers["weight_kg"], height_cm=numbers["height_cm"],
        region=one(fields, "region") or None,
    )  # fmt: skip
    return {}, details


def _regions() -> list[tuple[str, str]]:
    from twitchcheck.screen.questions import region_options

    return list(region_options())


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    from twitchcheck.store.profiles import list_profiles

    people = list_profiles(store_of(request))
    return render(request, "home.html", people=people, errors={}, values={}, regions=_regions())


@router.post("/people", response_class=HTMLResponse)
async def add_person(request: Request) -> Response:
    from twitchcheck.store.profiles import add_profile, list_profiles

    fields = await form_of(request)
    errors, details = details_from(fields)
    if details is not None:
        try:
            row = add_profile(store_of(request), details)
            return redirect(f"/people/{row.id}/")
        except InputError as error:
            errors["name"] = str(error)
    people = list_profiles(store_of(request))
    values = {key: one(fields, key) for key in fields}
    return render(
        request, "home.html", 422, people=people, errors=errors, values=values, regions=_regions()
    )


def next_steps(summary: Mapping[str, Any]) -> list[tuple[str, str]]:
    """What to do next, as (text, page slug), from what the person has saved so far."""
    steps: list[tuple[str, str]] = []
    if not summary["complete"]:
        steps.append(("Add your age and sex below: every target and range depends on them", ""))
    if not summary["screenings"]:
        steps.append(("Answer the screening questions (about 5 minutes)", "screen"))
    if summary["days"] < 3:
        steps.append((f"Record at least 3 days of food ({summary['days']} so far)", "diary"))
    elif summary["complete"]:
        steps.append(("See what your diary says about your intake", "analysis"))
    if not summary["labs"]:
        steps.append(("If you have recent blood tests, enter them", "labs"))
    if summary["complete"]:
        steps.append(("Get foods and a plan for what you lack", "plan"))
    steps.append(("Keep the episode journal, night by night, to see over weeks what goes with "
                  "your episodes (the night page records one in a tap)", "night"))  # fmt: skip
    return steps


@router.get("/people/{profile_id}/", response_class=HTMLResponse)
def person_home(request: Request, profile_id: int) -> HTMLResponse:
    return _person_page(request, profile_id, {}, None)


def _person_page(
    request: Request,
    profile_id: int,
    errors: dict[str, str],
    values: dict[str, str] | None,
    supplement: str = "",
) -> HTMLResponse:
    from twitchcheck.store.diaries import diary
    from twitchcheck.store.labs import lab_results
    from twitchcheck.store.results import plans, screenings
    from twitchcheck.store.supplements import supplements

    store = store_of(request)
    person = profile_of(request, profile_id)
    saved = screenings(store, profile_id)
    summary = {
        "complete": person.age_years is not None and person.sex is not None,
        "screenings": len(saved),
        "days": len(diary(store, profile_id, None, None)),
        "labs": len(lab_results(store, profile_id)),
        "plans": len(plans(store, profile_id)),
    }
    if values is None:
        values = {
            "name": person.name,
            "age_years": "" if person.age_years is None else f"{person.age_years:g}",
            "sex": person.sex or "",
            "pregnant": "yes" if person.pregnant else "",
            "lactating": "yes" if person.lactating else "",
            "weight_kg": "" if person.weight_kg is None else f"{person.weight_kg:g}",
            "height_cm": "" if person.height_cm is None else f"{person.height_cm:g}",
            "region": person.region or "",
        }
    return render(
        request, "person.html", 422 if errors else 200, person=person, active="home",
        summary=summary, steps=next_steps(summary), latest=saved[0] if saved else None,
        screenings=saved, errors=errors, values=values, regions=_regions(),
        supplements=supplements(store, profile_id), supplement=supplement,
    )  # fmt: skip


@router.post("/people/{profile_id}/", response_class=HTMLResponse)
async def update_person(request: Request, profile_id: int) -> Response:
    from twitchcheck.store.profiles import update_profile

    fields = await form_of(request)
    errors, details = details_from(fields)
    if details is not None:
        try:
            update_profile(store_of(request), profile_id, details)
            return redirect(f"/people/{profile_id}/")
        except InputError as error:
            errors["name"] = str(error)
    return _person_page(request, profile_id, errors, {key: one(fields, key) for key in fields})


@router.post("/people/{profile_id}/supplements", response_class=HTMLResponse)
async def add_supplement(request: Request, profile_id: int) -> Response:
    """Save a supplement as typed, once the core can read it ("magnesium citrate 400 mg")."""
    from twitchcheck.knowledge.supplements import parse_supplement
    from twitchcheck.store.supplements import add_supplement as add

    fields = await form_of(request)
    text = " ".join(one(fields, "supplement").split())
    try:
        if not text:
            raise InputError("write the supplement, e.g. 'magnesium citrate 400 mg daily'")
        parse_supplement(text)
        add(store_of(request), profile_id, text, None, None)
    except InputError as error:
        return _person_page(request, profile_id, {"supplement": str(error)}, None, text)
    return redirect(f"/people/{profile_id}/#supplements")


@router.post("/people/{profile_id}/supplements/{supplement_id}/delete")
async def delete_supplement(request: Request, profile_id: int, supplement_id: int) -> Response:
    from twitchcheck.store.supplements import delete_supplement as delete

    delete(store_of(request), profile_id, supplement_id)
    return redirect(f"/people/{profile_id}/#supplements")
