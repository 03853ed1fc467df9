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
    from twitchcheck.store.diaries import stored_diary as read
    from twitchcheck.workflows import region_from

    region = region_from(profile.region) if profile.region else None
    found = read(store_of(request), profile.id, region)
    return None if found is None else found.diary


def given_counts(read: Any) -> dict[str, int]:
    """How many lines count an export's own figures, per export ("Cronometer export")."""
    counts: dict[str, int] = {}
    for entry in read.entries if read is not None else ():
        if entry.how == "export":
            counts[entry.source] = counts.get(entry.source, 0) + 1
    return counts


def analysis_of(request: Request, profile: Any) -> tuple[dict[str, Any] | None, dict[str, int]]:
    """The core's analysis of the stored diary (None when the diary is empty), and how many
    of its lines count an export's own figures."""
    from twitchcheck.workflows import analyse_diary, supplements_from

    read = stored_diary(request, profile)
    if read is None:
        return None, {}
    found = analyse_diary(
        read, person_for(profile), supplements_from(supplements_of(request, profile.id)),
        profile.weight_kg, profile.height_cm,
    )  # fmt: skip
    result: dict[str, Any] = found.to_dict()
    return result, given_counts(read)


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
        analysis, given = analysis_of(request, profile)
    except InputError as error:
        return render(
            request, "analysis.html", person=profile, active="analysis", analysis=None,
            problem=str(error), chart=None, names=NAMES, target_of=_target, given={},
        )  # fmt: skip
    chart = intake_chart(chart_rows(analysis["adequacy"])) if analysis else None
    return render(
        request, "analysis.html", person=profile, active="analysis", analysis=analysis,
        problem=None, chart=chart, names=NAMES, target_of=_target, given=given,
    )  # fmt: skip
