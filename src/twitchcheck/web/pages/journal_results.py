"""What the journal shows over weeks (issue 15): the trends chart, the trigger findings, the
N-of-1 experiment, the clinician report, and the person's data (export of everything,
delete-all with confirmation). Each is one core call over the store, as the command line's.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from twitchcheck.errors import InputError
from twitchcheck.web.pages import journal
from twitchcheck.web.pages._common import form_of, one, profile_of, redirect, render, store_of

router = APIRouter(include_in_schema=False)
LAG_WORDS = {0: "that evening → that night", 1: "the day before → that night"}


@router.get("/people/{profile_id}/journal/trends", response_class=HTMLResponse)
def trends_page(request: Request, profile_id: int) -> HTMLResponse:
    """Weekly episodes per recorded night and severity, with the diary's days and the labs'
    dates on the same weeks."""
    from twitchcheck.journal.trends import weekly
    from twitchcheck.store.journal import load_journal
    from twitchcheck.store.labs import lab_results
    from twitchcheck.web.charts import trends_chart

    person = profile_of(request, profile_id)
    store = store_of(request)
    weeks = weekly(load_journal(store, profile_id))
    days = _diary_totals(request, person)
    labs = [(row.taken_on, row.analyte) for row in lab_results(store, profile_id)]
    chart = trends_chart(weeks, days, labs) if weeks else None
    return render(
        request, "journal_trends.html", person=person, active="journal", weeks=weeks,
        chart=chart,
    )  # fmt: skip


def _diary_totals(request: Request, person: Any) -> dict[dt.date, dict[str, float | None]]:
    """Each diary day's nutrient totals as the diet analysis finds them; the days alone
    (no totals) when the analysis cannot run (no age or sex yet)."""
    from twitchcheck.store.diaries import diary
    from twitchcheck.web.pages.analysis import analysis_of

    try:
        analysis, _ = analysis_of(request, person)
    except InputError:
        return {day.day: {} for day in diary(store_of(request), person.id) if day.entries}
    days = analysis["days"] if analysis else []
    return {dt.date.fromisoformat(d["day"]): d["totals"] for d in days}


@router.get("/people/{profile_id}/journal/triggers", response_class=HTMLResponse)
def triggers_page(request: Request, profile_id: int) -> HTMLResponse:
    """journal.triggers on the stored journal, as `journal triggers` gives it."""
    from twitchcheck.journal import rules
    from twitchcheck.journal.triggers import analyse
    from twitchcheck.store.journal import journal_history

    person = profile_of(request, profile_id)
    report = analyse(journal_history(store_of(request), profile_id))
    labels = {name: f.label for name, f in rules().factors.items()}
    return render(
        request, "journal_triggers.html", person=person, active="journal", report=report,
        labels=labels, lags=LAG_WORDS,
    )  # fmt: skip


# --- the N-of-1 experiment -------------------------------------------------------------------


def _experiment_page(
    request: Request, profile_id: int, errors: dict[str, str], values: dict[str, str]
) -> HTMLResponse:
    from twitchcheck.journal.experiment import CHANGES, WEEKS, Schedule, evaluate
    from twitchcheck.store.journal import journal_history, latest_experiment

    person = profile_of(request, profile_id)
    store = store_of(request)
    row = latest_experiment(store, profile_id)
    schedule = result = None
    if row is not None:
        schedule = Schedule.from_json(row.schedule)
        result = evaluate(schedule, journal_history(store, profile_id))
    return render(
        request, "journal_experiment.html", 422 if errors else 200, person=person,
        active="journal", changes=CHANGES, weeks=WEEKS, schedule=schedule, result=result,
        today=journal.now().date(), errors=errors, values=values,
    )  # fmt: skip


@router.get("/people/{profile_id}/journal/experiment", response_class=HTMLResponse)
def experiment_page(request: Request, profile_id: int) -> HTMLResponse:
    return _experiment_page(request, profile_id, {}, {})


@router.post("/people/{profile_id}/journal/experiment", response_class=HTMLResponse)
async def start_experiment(request: Request, profile_id: int) -> Response:
    """A randomised schedule of blocks for the change chosen, from tonight."""
    import secrets

    from twitchcheck.journal.experiment import propose
    from twitchcheck.store.journal import start_experiment as save

    fields = await form_of(request)
    values = {key: one(fields, key) for key in fields}
    errors: dict[str, str] = {}
    weeks_text = one(fields, "weeks")
    if not weeks_text.isdigit():
        errors["weeks"] = f"{weeks_text[:10]!r} is not a whole number of weeks"
    else:
        try:
            start = journal.now().date()
            schedule = propose(one(fields, "change"), int(weeks_text), start, secrets.randbits(32))
            save(store_of(request), profile_id, schedule.change, start, schedule.weeks,
                 schedule.to_json())  # fmt: skip
            return redirect(f"/people/{profile_id}/journal/experiment")
        except InputError as error:
            errors["weeks" if "weeks" in str(error) else "change"] = str(error)
    return _experiment_page(request, profile_id, errors, values)


# --- the clinician report and the person's data -------------------------------------------------


@router.get("/people/{profile_id}/report", response_class=HTMLResponse)
def report_page(request: Request, profile_id: int) -> HTMLResponse:
    """The clinician report (the Report helper's core), to read, print or save as PDF."""
    from twitchcheck.report import report_html
    from twitchcheck.web.security import STYLE_HASH, style_hashes

    profile_of(request, profile_id)
    html = report_html(store_of(request), profile_id, journal.now().date())
    # the report is a standalone document (also made into a PDF) with its own inline style
    return HTMLResponse(html, headers={STYLE_HASH.decode(): style_hashes(html)})


@router.get("/people/{profile_id}/report.pdf")
def report_pdf(request: Request, profile_id: int) -> Response:
    """The same report as a PDF (WeasyPrint, loaded only when asked for)."""
    from twitchcheck.report import render_report_pdf, report_html

    person = profile_of(request, profile_id)
    pdf = render_report_pdf(report_html(store_of(request), profile_id, journal.now().date()))
    name = f"twitchcheck-report-{person.id}-{journal.now().date().isoformat()}.pdf"
    return Response(
        pdf, media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )  # fmt: skip


@router.get("/people/{profile_id}/export")
def export_everything(request: Request, profile_id: int) -> Response:
    """Everything saved for the person as one documented JSON file (store.person_data)."""
    from twitchcheck.store.person_data import export_person

    person = profile_of(request, profile_id)
    document = export_person(store_of(request), person.name)
    name = f"twitchcheck-{person.id}-{journal.now().date().isoformat()}.json"
    return Response(
        json.dumps(document, ensure_ascii=False, indent=1),
        media_type="application/json",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get("/people/{profile_id}/delete", response_class=HTMLResponse)
def delete_form(request: Request, profile_id: int) -> HTMLResponse:
    person = profile_of(request, profile_id)
    return render(request, "delete_person.html", person=person, errors={})


@router.post("/people/{profile_id}/delete", response_class=HTMLResponse)
async def delete_everything(request: Request, profile_id: int) -> Response:
    """Delete the person and everything saved for them, once their name is typed to confirm;
    the freed space in the store's file is overwritten (store.person_data.delete_person)."""
    from twitchcheck.store.person_data import delete_person

    fields = await form_of(request)
    person = profile_of(request, profile_id)
    typed = " ".join(one(fields, "confirm").split())
    if typed.casefold() != " ".join(person.name.split()).casefold():
        why = f"type {person.name} to confirm; nothing was deleted"
        return render(request, "delete_person.html", 422, person=person, errors={"confirm": why})
    delete_person(store_of(request), person.name)
    return redirect("/?deleted=1")
