"""The journal's pages (issue 15), over store.journal and the journal core:

night       /people/{id}/night                  dark, large targets: one tap records an episode
                                               now; its details and a quiet night's check-in
                                               may wait for the morning
journal     /people/{id}/journal                the recent nights and what to do next
day         /people/{id}/journal/day?date=      the day's factors, yesterday's as defaults
trends      /people/{id}/journal/trends         weekly counts and severity, diary and labs
                                               on the same time axis (server-side SVG)
triggers    /people/{id}/journal/triggers       journal.triggers' findings, "associated with"
experiment  /people/{id}/journal/experiment     an N-of-1 experiment: start one, its status

Nights follow ../shared/DESIGN.md: 18:00 to 12:00, named by the date they began; a night with
neither an episode nor a check-in is missing, never zero.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

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

router = APIRouter(include_in_schema=False)
RECENT_NIGHTS = 14  # nights listed on the journal's page
SCALE = tuple(range(11))  # severity and sleep disruption, 0 none to 10 the worst


def now() -> dt.datetime:
    """The local clock to the minute (the night an episode belongs to is read from it)."""
    return dt.datetime.now().replace(second=0, microsecond=0)


def last_night(at: dt.datetime) -> dt.date:
    """The night a person means at `at`: the one going on, else the one that ended today."""
    from twitchcheck.journal import night_of

    return night_of(at) or at.date() - dt.timedelta(days=1)


def _kinds() -> list[Any]:
    from twitchcheck.journal import rules

    return list(rules().kinds.values())


def _episodes_since(request: Request, profile_id: int, night: dt.date) -> list[Any]:
    """The episodes of `night` and any recorded since it ended (in the daytime, in no
    night), so that what was just recorded is always shown."""
    from twitchcheck.journal import rules
    from twitchcheck.store.journal import episode_of, episode_rows

    since = dt.datetime.combine(night, rules().night_starts)
    rows = episode_rows(store_of(request), profile_id, night, night + dt.timedelta(days=1))
    return [(row.id, episode_of(row)) for row in rows if row.start >= since]


def _night_page(
    request: Request,
    profile_id: int,
    errors: Mapping[str, str] | None = None,
    values: Mapping[str, str] | None = None,
    editing: int | None = None,
) -> HTMLResponse:
    from twitchcheck.store.journal import get_day

    person = profile_of(request, profile_id)
    night = last_night(now())
    day = get_day(store_of(request), profile_id, night)
    return render(
        request, "night.html", 422 if errors else 200, person=person, active="night",
        night=night, episodes=_episodes_since(request, profile_id, night),
        quiet=bool(day and day.quiet_night), kinds=_kinds(), scale=SCALE,
        errors=errors or {}, values=values or {}, editing=editing, dark=True,
    )  # fmt: skip


@router.get("/people/{profile_id}/night", response_class=HTMLResponse)
def night_page(request: Request, profile_id: int) -> HTMLResponse:
    return _night_page(request, profile_id)


@router.post("/people/{profile_id}/night/episodes")
async def record_now(request: Request, profile_id: int) -> Response:
    """One tap: an episode now, every detail left for the morning."""
    from twitchcheck.journal import Episode
    from twitchcheck.store.journal import add_episode

    await form_of(request)
    profile_of(request, profile_id)
    row = add_episode(store_of(request), profile_id, Episode(now()))
    return redirect(f"/people/{profile_id}/night?recorded={row.id}#episode-{row.id}")


@router.post("/people/{profile_id}/night/quiet")
async def quiet_night(request: Request, profile_id: int) -> Response:
    """The morning check-in: last night passed with no episode."""
    from twitchcheck.store.journal import check_in_quiet

    await form_of(request)
    try:
        check_in_quiet(store_of(request), profile_id, last_night(now()))
    except InputError as error:
        return _night_page(request, profile_id, {"quiet": str(error)})
    return redirect(f"/people/{profile_id}/night")


def details_from(fields: Mapping[str, list[str]]) -> tuple[dict[str, str], dict[str, Any]]:
    """An episode's details as typed in the form (a blank field clears it), or errors."""
    from twitchcheck.journal import rules

    bounds = rules().episode
    errors: dict[str, str] = {}
    kind = one(fields, "kind") or None
    if kind is not None and kind not in rules().kinds:
        errors["kind"] = f"choose one of: {', '.join(rules().kinds)}"
    where = tuple(p.strip() for p in one(fields, "where").split(",") if p.strip())
    numbers: dict[str, float | None] = {}
    for name, high, what in (
        ("count", bounds.count_max, "how many"),
        ("duration_min", bounds.duration_min_max, "minutes"),
        ("severity", bounds.scale_max, "a severity"),
        ("sleep_disruption", bounds.scale_max, "a sleep disruption"),
    ):
        text = one(fields, name)
        try:
            numbers[name] = parse_number(text, 0, high, what) if text else None
        except ValueError as error:
            errors[name] = str(error)
    for name in ("count", "severity", "sleep_disruption"):
        value = numbers.get(name)
        if value is not None and value != int(value):
            errors[name] = f"{value:g} is not a whole number; give {name.replace('_', ' ')} as one"
    if numbers.get("count") == 0:
        errors["count"] = "an episode happened at least once; give 1 or more"
    whole = {k: None if v is None else int(v) for k, v in numbers.items() if k != "duration_min"}
    details = {"kind": kind, "where": where, "duration_min": numbers.get("duration_min"), **whole}
    return errors, details


@router.post("/people/{profile_id}/journal/episodes/{episode_id}", response_class=HTMLResponse)
async def save_details(request: Request, profile_id: int, episode_id: int) -> Response:
    """The morning: what the episode was, where, how many, how long, how bad."""
    from twitchcheck.store.journal import edit_episode

    fields = await form_of(request)
    errors, details = details_from(fields)
    if not errors:
        try:
            edit_episode(store_of(request), profile_id, episode_id, details)
            return redirect(f"{_back(fields, profile_id)}#episode-{episode_id}")
        except InputError as error:
            errors["kind"] = str(error)
    values = {key: one(fields, key) for key in fields}
    return _night_page(request, profile_id, errors, values, editing=episode_id)


@router.post("/people/{profile_id}/journal/episodes/{episode_id}/delete")
async def delete_episode(request: Request, profile_id: int, episode_id: int) -> Response:
    from twitchcheck.store.journal import delete_episode as delete

    fields = await form_of(request)
    delete(store_of(request), profile_id, episode_id)
    return redirect(_back(fields, profile_id))


def _back(fields: Mapping[str, list[str]], profile_id: int) -> str:
    """Where a form came from (the night page unless the journal's page)."""
    page = "journal" if one(fields, "back") == "journal" else "night"
    return f"/people/{profile_id}/{page}"


# --- the journal's overview -----------------------------------------------------------------


@router.get("/people/{profile_id}/journal", response_class=HTMLResponse)
def journal_page(request: Request, profile_id: int) -> HTMLResponse:
    from twitchcheck.journal import nights
    from twitchcheck.store.journal import episode_of, episode_rows, load_journal

    person = profile_of(request, profile_id)
    journal = load_journal(store_of(request), profile_id)
    recent = list(nights(journal))[-RECENT_NIGHTS:]
    rows = [(row.id, episode_of(row)) for row in episode_rows(store_of(request), profile_id)]
    waiting = [(row_id, e) for row_id, e in rows if e.needs_details]
    return render(
        request, "journal.html", person=person, active="journal", nights=list(reversed(recent)),
        waiting=waiting, episodes=len(rows), kinds=_kinds(), scale=SCALE, errors={},
        values={}, editing=None, today=now().date(),
    )  # fmt: skip


# --- the day's factors ------------------------------------------------------------------------


def _day_choice(text: str | None) -> dt.date:
    today = now().date()
    try:
        day = dt.date.fromisoformat(text) if text else today
    except ValueError:
        return today
    return min(day, today)


def _factor_page(
    request: Request,
    profile_id: int,
    day: dt.date,
    errors: Mapping[str, str] | None = None,
    typed: Mapping[str, str] | None = None,
) -> HTMLResponse:
    from twitchcheck.journal import rules
    from twitchcheck.store.journal import factor_defaults, get_day

    person = profile_of(request, profile_id)
    store = store_of(request)
    stored = get_day(store, profile_id, day)
    known = dict(stored.factors) if stored else {}
    carried = False
    if not known:
        known, carried = factor_defaults(store, profile_id, day), True
    found = rules()
    values = dict(typed) if typed is not None else shown_factors(known)
    return render(
        request, "journal_day.html", 422 if errors else 200, person=person, active="journal",
        day=day, factors=list(found.factors.values()), values=values, errors=errors or {},
        carried=carried and bool(known), prefix=found.taken_prefix,
        diary=_diary_caffeine(request, profile_id, day),
    )  # fmt: skip


def _diary_caffeine(request: Request, profile_id: int, day: dt.date) -> Any:
    """The day's caffeine as the food diary tells it (None without a diary day): counted
    for the day when the person types none."""
    from twitchcheck.store.journal import diary_caffeine

    return diary_caffeine(store_of(request), profile_id).get(day)


def shown_factors(factors: Mapping[str, Any]) -> dict[str, str]:
    """Stored factors as the form shows them; what was taken as one comma-separated field."""
    from twitchcheck.journal import rules

    prefix = rules().taken_prefix
    shown = {name: _shown(value) for name, value in factors.items() if not name.startswith(prefix)}
    took = [name[len(prefix) :] for name, value in factors.items()
            if name.startswith(prefix) and value is True]  # fmt: skip
    shown["took"] = ", ".join(name.replace("_", " ") for name in took)
    return shown


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return f"{value:g}" if isinstance(value, int | float) else str(value)


def factors_from(
    fields: Mapping[str, list[str]], stored: Mapping[str, Any]
) -> tuple[dict[str, str], dict[str, Any]]:
    """The factors a form sets (None clears one left blank), or the errors by field."""
    from twitchcheck.journal import JournalError, check_factor, rules, taken_factor

    found = rules()
    errors: dict[str, str] = {}
    changes: dict[str, Any] = {}
    for name, factor in found.factors.items():
        text = one(fields, name)
        if not text:
            changes[name] = None
            continue
        value: Any = text
        if factor.kind == "yes_no":
            value = {"yes": True, "no": False}.get(text, text)
        elif factor.kind == "number":
            try:
                value = float(text.replace(",", "."))
            except ValueError:
                errors[name] = f"{text[:30]!r} is not a number; {_bounds(factor)}"
                continue
        try:
            changes[name] = check_factor(name, value)
        except JournalError as error:
            errors[name] = str(error)
    took = [t.strip() for t in one(fields, "took").split(",") if t.strip()]
    try:
        taken = {taken_factor(t): True for t in took}
    except JournalError as error:
        errors["took"] = str(error)
        taken = {}
    for name in stored:
        if name.startswith(found.taken_prefix) and name not in taken:
            changes[name] = None  # what was taken is told whole each day
    changes.update(taken)
    return errors, changes


def _bounds(factor: Any) -> str:
    return f"give a number from {factor.low:g} to {factor.high:g}"


@router.get("/people/{profile_id}/journal/day", response_class=HTMLResponse)
def day_page(request: Request, profile_id: int, date: str | None = None) -> HTMLResponse:
    return _factor_page(request, profile_id, _day_choice(date))


@router.post("/people/{profile_id}/journal/day", response_class=HTMLResponse)
async def save_day(request: Request, profile_id: int) -> Response:
    from twitchcheck.store.journal import get_day, set_factors

    fields = await form_of(request)
    day = _day_choice(one(fields, "date"))
    stored = get_day(store_of(request), profile_id, day)
    errors, changes = factors_from(fields, dict(stored.factors) if stored else {})
    if not errors:
        try:
            set_factors(store_of(request), profile_id, day, changes)
            return redirect(f"/people/{profile_id}/journal/day?date={day.isoformat()}&saved=1")
        except InputError as error:
            errors["took"] = str(error)
    typed = {key: one(fields, key) for key in fields}
    return _factor_page(request, profile_id, day, errors, typed)
