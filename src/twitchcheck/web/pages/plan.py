"""Advice and plan: the options of `twitchcheck plan` as a form (the gaps by name or from the
person's diary, diet pattern, allergies, dislikes, medicines, conditions, supplements, labs,
energy budget), made by the same core call as POST /api/plan and saved; the plan is shown
with what changed it first, then the foods, then each nutrient before and after."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import ValidationError

from twitchcheck.errors import InputError
from twitchcheck.web.pages._common import (
    form_of,
    one,
    parse_number,
    profile_of,
    redirect,
    render,
    store_of,
)
from twitchcheck.web.pages.analysis import NAMES, supplements_of

router = APIRouter(include_in_schema=False)
GAPS = {"magnesium": "magnesium_mg", "calcium": "calcium_mg", "vitamin D": "vitamin_d_ug",
        "potassium": "potassium_mg", "B12": "vitamin_b12_ug"}  # fmt: skip


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.replace("\n", ",").split(",") if part.strip()]


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def options_from(
    fields: Mapping[str, list[str]], profile: Any, diary: str | None
) -> tuple[dict[str, str], Any]:
    """The plan's options from the form (the person's details from their profile), or the
    message for each field that the core would refuse."""
    from twitchcheck.advice.candidates import ALLERGENS, PATTERNS
    from twitchcheck.limits import limit
    from twitchcheck.screen.answers import known_ids, medicine_class_ids
    from twitchcheck.web.models import PlanOptions

    errors: dict[str, str] = {}
    if profile.age_years is None or profile.sex is None:
        errors["_all"] = "add the person's age and sex on their page first: targets need both"
    source = one(fields, "source") or "gaps"
    gaps = [gap for gap in fields.get("gaps", []) if gap in GAPS]
    if source == "diary" and diary is None:
        errors["source"] = "the diary is empty: record some days first, or choose nutrients"
    if source == "gaps" and not gaps:
        errors["gaps"] = f"choose at least one of: {', '.join(GAPS)}"
    pattern = one(fields, "pattern") or "omnivore"
    if pattern not in PATTERNS:
        errors["pattern"] = f"choose one of: {', '.join(PATTERNS)}"
    allergies = [a for a in fields.get("allergies", []) if a]
    if any(a not in ALLERGENS for a in allergies):
        errors["allergies"] = f"choose among: {', '.join(ALLERGENS)}"
    medications, conditions = _split(one(fields, "medications")), _split(one(fields, "conditions"))
    try:
        medicine_class_ids(tuple(medications))
    except InputError as error:
        errors["medications"] = str(error)
    try:
        known_ids(tuple(conditions), "condition", "conditions")
    except InputError as error:
        errors["conditions"] = str(error)
    numbers: dict[str, float | None] = {}
    for name, low, high, what in (
        ("energy_budget", 0, limit("input.plan_energy_budget_kcal"), "a budget in kcal"),
        ("max_foods", 1, limit("input.plan_max_foods"), "a number of foods"),
    ):
        text = one(fields, name)
        try:
            numbers[name] = parse_number(text, low, high, what) if text else None
        except ValueError as error:
            errors[name] = str(error)
    if errors:
        return errors, None
    try:
        options = PlanOptions(
            age=float(profile.age_years), sex=profile.sex, pregnant=profile.pregnant,
            lactating=profile.lactating, gaps=gaps if source == "gaps" else [],
            diary=diary if source == "diary" else None, pattern=pattern,
            dairy_free=one(fields, "dairy_free") == "yes", allergies=allergies,
            dislikes=_split(one(fields, "dislikes")), preferred=_split(one(fields, "preferred")),
            medications=medications, conditions=conditions,
            supplements=_lines(one(fields, "supplements")), labs=_lines(one(fields, "labs")),
            region=profile.region or None, energy_budget=numbers["energy_budget"],
            max_foods=None if numbers["max_foods"] is None else int(numbers["max_foods"]),
        )  # fmt: skip
    except ValidationError as error:
        return {"_all": "; ".join(e["msg"] for e in error.errors())[:500]}, None
    return {}, options


def _diary_text(request: Request, profile_id: int) -> str | None:
    """The stored diary as text (kept with a saved plan's options), None when empty."""
    from twitchcheck.store.diaries import diary, written_diary

    days = diary(store_of(request), profile_id, None, None)
    return written_diary(days)[0] if any(day.entries for day in days) else None


def _stored(request: Request, profile: Any) -> Any:
    from twitchcheck.web.pages.analysis import stored_diary

    return stored_diary(request, profile)


def _defaults(request: Request, profile_id: int) -> dict[str, Any]:
    """The form as first shown: the saved supplements and each test's latest result."""
    from twitchcheck.store.labs import lab_results

    latest: dict[str, str] = {}
    for row in lab_results(store_of(request), profile_id):
        latest[row.analyte] = f"{row.analyte} {row.value:g} {row.unit}"
    return {
        "supplements": "\n".join(supplements_of(request, profile_id)),
        "labs": "\n".join(latest.values()),
        "source": "diary" if _diary_text(request, profile_id) else "gaps",
    }


def _page(
    request: Request, profile_id: int, errors: dict[str, str], values: Mapping[str, Any]
) -> HTMLResponse:
    from twitchcheck.advice.candidates import ALLERGENS, PATTERNS
    from twitchcheck.store.results import plans

    person = profile_of(request, profile_id)
    return render(
        request, "plan.html", 422 if errors else 200, person=person, active="plan",
        errors=errors, values=values, gaps=GAPS, patterns=PATTERNS, allergens=ALLERGENS,
        saved=plans(store_of(request), profile_id),
        has_diary=_diary_text(request, profile_id) is not None,
    )  # fmt: skip


@router.get("/people/{profile_id}/plan", response_class=HTMLResponse)
def plan_page(request: Request, profile_id: int) -> HTMLResponse:
    return _page(request, profile_id, {}, _defaults(request, profile_id))


@router.post("/people/{profile_id}/plan", response_class=HTMLResponse)
async def make_plan(request: Request, profile_id: int) -> Response:
    from twitchcheck.store.results import save_plan
    from twitchcheck.web.api import make_plan as plan_of

    profile = profile_of(request, profile_id)
    fields = await form_of(request)
    errors, options = options_from(fields, profile, _diary_text(request, profile_id))
    if options is not None:
        try:
            # the core's plan, as POST /api/plan gives it, over the diary as stored
            result = plan_of(options, _stored(request, profile) if options.diary else None)
            row = save_plan(store_of(request), profile_id, options.model_dump(mode="json"), result)
            return redirect(f"/people/{profile_id}/plans/{row.id}")
        except InputError as error:
            errors["_all"] = str(error)
    values: dict[str, Any] = {key: one(fields, key) for key in fields}
    values["gaps"] = fields.get("gaps", [])
    values["allergies"] = fields.get("allergies", [])
    return _page(request, profile_id, errors, values)


@router.get("/people/{profile_id}/plans/{plan_id}", response_class=HTMLResponse)
def plan_result(request: Request, profile_id: int, plan_id: int) -> HTMLResponse:
    from twitchcheck.knowledge import load_knowledge
    from twitchcheck.store.results import plans

    person = profile_of(request, profile_id)
    found = [row for row in plans(store_of(request), profile_id) if row.id == plan_id]
    if not found:
        from twitchcheck.store.errors import NotFoundError

        raise NotFoundError("plan", plan_id)
    row = found[0]
    return render(
        request, "plan_result.html", person=person, active="plan", saved=row, plan=row.result,
        options=row.request, names=NAMES, known=load_knowledge().sources,
    )  # fmt: skip


@router.post("/people/{profile_id}/plans/{plan_id}/delete")
async def delete_plan(request: Request, profile_id: int, plan_id: int) -> Response:
    from twitchcheck.store.results import delete_plan as delete

    delete(store_of(request), profile_id, plan_id)
    return redirect(f"/people/{profile_id}/plan")
