"""The diet analysis of the person's stored diary: the core's `diet analyze` (usual intake
against their reference intakes, with confidence and coverage), as an SVG chart and a table,
the top sources per nutrient and the under-recording warning when it applies."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from twitchcheck.errors import InputError
from twitchcheck.web.charts import intake_chart
from twitchcheck.web.pages._common import number, profile_of, render, store_of
from twitchcheck.web.pages.diary import diary_text

router = APIRouter(include_in_schema=False)
NAMES = {
    "magnesium_mg": "Magnesium", "calcium_mg": "Calcium", "vitamin_d_ug": "Vitamin D",
    "potassium_mg": "Potassium", "vitamin_b12_ug": "Vitamin B12",
}  # fmt: skip


def person_for(profile: Any) -> Any:
    """The core's person from a stored profile (InputError when age or sex is missing)."""
    from twitchcheck.profile import Person

    if profile.age_years is None or profile.sex is None:
        raise InputError("add the person's age and sex on their page first: targets need both")
    return Person.parse(
        f"{profile.age_years:g}",
        profile.sex,
        pregnant=profile.pregnant,
        lactating=profile.lactating,
    )


def supplements_of(request: Request, profile_id: int) -> list[str]:
    """The person's saved supplements as typed (those not stopped)."""
    from twitchcheck.store.supplements import supplements

    return [row.text for row in supplements(store_of(request), profile_id) if not row.stopped_on]


def stored_diary(request: Request, profile: Any) -> Any:
    """The person's stored diary as the core reads it (None when it is empty)."""
    from twitchcheck.diary import parse_diary_text
    from twitchcheck.store.diaries import diary
    from twitchcheck.store.own_foods import own_foods_for_reading
    from twitchcheck.workflows import region_from

    store = store_of(request)
    days = diary(store, profile.id, None, None)
    if not any(day.entries for day in days):
        return None
    text, _ = diary_text(days)
    region = region_from(profile.region) if profile.region else None
    own = own_foods_for_reading(store, profile.id)
    return parse_diary_text(text, "text", region=region, own=own)


def analysis_of(request: Request, profile: Any) -> dict[str, Any] | None:
    """The core's analysis of the stored diary (None when the diary is empty)."""
    from twitchcheck.workflows import analyse_diary, supplements_from

    read = stored_diary(request, profile)
    if read is None:
        return None
    found = analyse_diary(
        read, person_for(profile), supplements_from(supplements_of(request, profile.id)),
        profile.weight_kg, profile.height_cm,
    )  # fmt: skip
    result: dict[str, Any] = found.to_dict()
    return result


def _target(row: dict[str, Any]) -> tuple[float | None, str]:
    target = row.get("target") or {}
    for key, words in (("rda", "RDA"), ("ai", "AI")):
        if target.get(key) is not None:
            return float(target[key]), words
    return None, ""


def chart_rows(adequacy: dict[str, Any]) -> list[tuple[str, float | None, str, bool]]:
    """(label, percent of target, words, low confidence) per nutrient, for the chart."""
    rows = []
    for key, row in adequacy.items():
        judged = row.get("adequacy") or {}
        target, kind = _target(row)
        percent = row.get("percent_of_target")
        confidence = judged.get("confidence") or "unknown"
        words = (
            f"{number(percent)}% of {kind} {number(target)} {row['unit']}, "
            f"{str(judged.get('judgement', 'not judged')).replace('_', ' ')}, "
            f"{confidence} confidence"
        )
        rows.append((NAMES.get(key, key), percent, words, confidence == "low"))
    return rows


@router.get("/people/{profile_id}/analysis", response_class=HTMLResponse)
def analysis_page(request: Request, profile_id: int) -> HTMLResponse:
    profile = profile_of(request, profile_id)
    try:
        analysis = analysis_of(request, profile)
    except InputError as error:
        return render(
            request, "analysis.html", person=profile, active="analysis", analysis=None,
            problem=str(error), chart=None, names=NAMES, target_of=_target,
        )  # fmt: skip
    chart = intake_chart(chart_rows(analysis["adequacy"])) if analysis else None
    return render(
        request, "analysis.html", person=profile, active="analysis", analysis=analysis,
        problem=None, chart=chart, names=NAMES, target_of=_target,
    )  # fmt: skip
