"""Labs: a value in any unit the core knows, with the lab's own range when the report gives
one; each saved value read by the core (SI and conventional values, status, notes) and each
analyte's history as a chart in its SI unit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from twitchcheck.errors import InputError
from twitchcheck.web.charts import history_chart
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
MOST_VALUE = 1e6
STATUS_ICONS = {"low": "▼", "high": "▲", "normal": "✓"}


def _analytes() -> list[Any]:
    from twitchcheck.labs import analytes

    return list(analytes())


def _units() -> list[str]:
    """Every unit any analyte is reported in, once, in the packaged order."""
    return list(dict.fromkeys(unit for a in _analytes() for unit in a.units))


def against_lab_range(value: float, low: float | None, high: float | None) -> str | None:
    """Where a value falls in the lab's own range (in the unit it was reported in)."""
    if low is not None and value < low:
        return "below the lab's range"
    if high is not None and value > high:
        return "above the lab's range"
    if low is None and high is None:
        return None
    return "within the lab's range"


def lab_from(fields: Mapping[str, list[str]]) -> tuple[dict[str, str], Any]:
    """A lab value from the form, checked by the core, or the message for each field."""
    from twitchcheck.labs import get_analyte, interpret_labs
    from twitchcheck.store import LabInput

    errors: dict[str, str] = {}
    taken = one(fields, "taken_on")
    try:
        taken_on = dt.date.fromisoformat(taken)
        if taken_on > dt.date.today():
            errors["taken_on"] = "the date is in the future; give the day the blood was taken"
    except ValueError:
        errors["taken_on"] = f"{taken[:20]!r} is not a date; give one as YYYY-MM-DD"
        taken_on = dt.date.today()
    analyte_id, unit = one(fields, "analyte"), one(fields, "unit")
    try:
        analyte = get_analyte(analyte_id)
    except (InputError, KeyError):
        errors["analyte"] = "choose one of the tests listed"
        analyte = None
    numbers: dict[str, float | None] = {}
    named = (("value", "the result"), ("range_low", "the low end"), ("range_high", "the high end"))
    for name, what in named:
        text = one(fields, name)
        if not text:
            numbers[name] = None
            if name == "value":
                errors[name] = "give the result as a number, e.g. 0.72"
            continue
        try:
            numbers[name] = parse_number(text, 0, MOST_VALUE, what)
        except ValueError as error:
            errors[name] = str(error)
    low, high = numbers.get("range_low"), numbers.get("range_high")
    if low is not None and high is not None and low > high:
        errors["range_high"] = f"the range runs from {low:g} down to {high:g}; swap them"
    if analyte is not None and numbers.get("value") is not None and "unit" not in errors:
        try:
            interpret_labs([f"{analyte.id} {numbers['value']:g} {unit}"])
        except InputError as error:
            errors["unit" if "unit" in str(error) else "value"] = str(error)
    if errors:
        return errors, None
    assert analyte is not None
    value = numbers["value"]
    assert value is not None
    return {}, LabInput(
        taken_on=taken_on, analyte=analyte.id, value=value, unit=unit, range_low=low,
        range_high=high, range_text=one(fields, "range_text") or None,
    )  # fmt: skip


def read_results(rows: list[Any]) -> list[dict[str, Any]]:
    """Each stored value with the core's reading of it."""
    from twitchcheck.labs import interpret_labs

    out = []
    for row in rows:
        try:
            result = interpret_labs([f"{row.analyte} {row.value:g} {row.unit}"])[0].to_dict()
        except InputError as error:
            result = {"status": None, "note": str(error), "label": row.analyte, "notes": []}
        out.append(
            {"row": row, "result": result,
             "lab": against_lab_range(row.value, row.range_low, row.range_high)}
        )  # fmt: skip
    return out


def histories(read: list[dict[str, Any]]) -> list[tuple[str, Any]]:
    """(label, chart) per analyte, in SI units, the lab's range shaded when given."""
    from twitchcheck.labs import get_analyte

    by: dict[str, list[dict[str, Any]]] = {}
    for item in read:
        if item["result"].get("si_value") is not None:
            by.setdefault(item["result"]["analyte"], []).append(item)
    charts = []
    for analyte_id, items in by.items():
        analyte = get_analyte(analyte_id)
        values = [(i["row"].taken_on, float(i["result"]["si_value"])) for i in items]
        latest = items[-1]["row"]
        band = None
        if latest.range_low is not None and latest.range_high is not None:
            band = (
                analyte.to_si(latest.range_low, latest.unit),
                analyte.to_si(latest.range_high, latest.unit),
            )
        charts.append((analyte.label, history_chart(values, analyte.si_unit, band)))
    return charts


def _page(
    request: Request, profile_id: int, errors: dict[str, str], values: dict[str, str]
) -> HTMLResponse:
    from twitchcheck.knowledge import load_knowledge
    from twitchcheck.store.labs import lab_results

    person = profile_of(request, profile_id)
    read = read_results(lab_results(store_of(request), profile_id))
    values = {"taken_on": dt.date.today().isoformat(), **values}
    return render(
        request, "labs.html", 422 if errors else 200, person=person, active="labs",
        results=read, charts=histories(read), analytes=_analytes(), units=_units(),
        errors=errors, values=values, icons=STATUS_ICONS, known=load_knowledge().sources,
    )  # fmt: skip


@router.get("/people/{profile_id}/labs", response_class=HTMLResponse)
def labs_page(request: Request, profile_id: int) -> HTMLResponse:
    return _page(request, profile_id, {}, {})


@router.post("/people/{profile_id}/labs", response_class=HTMLResponse)
async def add_lab(request: Request, profile_id: int) -> Response:
    from twitchcheck.store.labs import add_lab_results

    profile_of(request, profile_id)
    fields = await form_of(request)
    errors, lab = lab_from(fields)
    if lab is not None:
        try:
            add_lab_results(store_of(request), profile_id, [lab])
            return redirect(f"/people/{profile_id}/labs")
        except InputError as error:
            errors["value"] = str(error)
    return _page(request, profile_id, errors, {key: one(fields, key) for key in fields})


@router.post("/people/{profile_id}/labs/{lab_id}/delete")
async def delete_lab(request: Request, profile_id: int, lab_id: int) -> Response:
    from twitchcheck.store.labs import delete_lab_result

    delete_lab_result(store_of(request), profile_id, lab_id)
    return redirect(f"/people/{profile_id}/labs")
