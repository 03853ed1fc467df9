"""The food diary: days of lines, each read exactly as the core reads a diary line; type-ahead
food search with the food's own household portions; one click to pick another food for a
line (remembered for that wording); the person's own foods; the diet analysis.

A stored line keeps what was typed. To show or analyse a day, its lines are written back as
a text diary and read by the core (store.diaries.read_days: diary.parse_diary_text with the
person's own foods and corrections), so the page shows what `diet analyze` would find, split
and doubt included; a line imported from an app's export is counted with the export's own
figures when the person chose those at the import.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from twitchcheck.errors import InputError
from twitchcheck.web.pages._common import form_of, one, profile_of, redirect, render, store_of

router = APIRouter(include_in_schema=False)
LINE_CHARS = 500  # a diary line; longer is not one food
MEALS = ("breakfast", "lunch", "dinner", "snack")
MOST_RESULTS = 10
_ID = re.compile(r"\[([a-z0-9]+:[^\]\s]+)\]\s*$")


@dataclass
class ShownLine:
    """A stored line with what the core made of it."""

    row: Any
    parts: list[Any] = field(default_factory=list)  # the core's entries for this line
    problems: list[Any] = field(default_factory=list)
    corrected: bool = False  # read as the food the person picked for this wording

    @property
    def suggestions(self) -> list[tuple[str, str]]:
        """(food id, words) of the foods the core would also consider for this line."""
        found: list[tuple[str, str]] = []
        for problem in self.problems:
            for suggestion in problem.suggestions:
                match = _ID.search(suggestion)
                if match:
                    found.append((match.group(1), suggestion[: match.start()].strip()))
        return found


def read_lines(
    request: Request, profile_id: int, days: Sequence[Any]
) -> tuple[list[ShownLine], list[Any]]:
    """Each stored line of `days` with the core's reading of it, and the problems of the
    days as a whole (a day whose energy is too low to be complete)."""
    from twitchcheck.store.diaries import read_days
    from twitchcheck.store.own_foods import own_foods_for_reading

    lines = {row.id: ShownLine(row) for day in days for row in day.entries}
    if not lines:
        return [], []
    own = own_foods_for_reading(store_of(request), profile_id)
    region = profile_of(request, profile_id).region
    read = read_days(days, _region(region), own)
    if read is None:
        return [], []
    for line in lines.values():
        line.corrected = own.corrected(line.row.text) is not None
    for entry in read.diary.entries:
        lines[read.rows[entry.line].id].parts.append(entry)
    whole = []
    for problem in read.diary.problems:
        if problem.line in read.rows:
            lines[read.rows[problem.line].id].problems.append(problem)
        else:
            whole.append(problem)
    return list(lines.values()), whole


def _region(region: str | None) -> str | None:
    from twitchcheck.workflows import region_from

    try:
        return region_from(region)
    except InputError:
        return None


def _day_of(text: str | None, fallback: dt.date) -> dt.date:
    try:
        return dt.date.fromisoformat(text) if text else fallback
    except ValueError:
        return fallback


@router.get("/people/{profile_id}/diary", response_class=HTMLResponse)
def diary_page(request: Request, profile_id: int, day: str | None = None) -> HTMLResponse:
    return _page(request, profile_id, day, {}, {})


def _page(
    request: Request,
    profile_id: int,
    day_text: str | None,
    errors: dict[str, str],
    values: dict[str, str],
    pick: dict[str, Any] | None = None,
    found: tuple[str, list[Any]] = ("", []),
    line: int | None = None,
) -> HTMLResponse:
    from twitchcheck.store.diaries import diary
    from twitchcheck.store.own_foods import own_foods

    person = profile_of(request, profile_id)
    store = store_of(request)
    days = diary(store, profile_id, None, None)
    latest = days[-1].day if days else dt.date.today()
    day = _day_of(day_text, latest)
    today = [d for d in days if d.day == day]
    lines, whole = read_lines(request, profile_id, today)
    return render(
        request, "diary.html", 422 if errors else 200, person=person, active="diary",
        days=[d.day for d in days], day=day, lines=lines, errors=errors, values=values,
        day_problems=whole,
        meals=MEALS, pick=pick, own=own_foods(store, profile_id),
        counts={d.day: sum(1 for _ in d.entries) for d in days}, query=found[0],
        matches=found[1], for_line=line,
    )  # fmt: skip


@router.get("/people/{profile_id}/diary/search", response_class=HTMLResponse)
def search_page(
    request: Request, profile_id: int, q: str = "", day: str = "", line: int | None = None
) -> HTMLResponse:
    """Type-ahead: the foods for what is typed so far (the same search as the API's). With
    `line`, each food is offered as the one that line meant (one click, remembered)."""
    from twitchcheck.foods import search

    person = profile_of(request, profile_id)
    query = q.strip()[:LINE_CHARS]
    matches = search(query, limit=MOST_RESULTS) if len(query) >= 2 else []
    if _fragment(request):
        return render(
            request, "_food_results.html", person=person, matches=matches, query=query,
            day=day, for_line=line,
        )  # fmt: skip
    return _page(request, profile_id, day, {}, {}, found=(query, matches), line=line)


def _fragment(request: Request) -> bool:
    """Whether HTMX asked for a part of the page (not a boosted link, which wants it all)."""
    return bool(request.headers.get("hx-request")) and not request.headers.get("hx-boosted")


def _portions(food_id: str) -> tuple[Any, list[tuple[str, float]]]:
    """The food and its household portions as (words, grams), grams first."""
    from twitchcheck.foods import get

    food = get(food_id)
    shown: list[dict[str, Any]] = food.to_dict()["portions"]  # type: ignore[assignment]
    portions = [("grams", 1.0)]
    for portion in shown:
        amount = portion["amount"]
        words = f"{amount:g} {portion['unit']}" if amount != 1 else f"1 {portion['unit']}"
        portions.append((f"{words} ({portion['grams']:g} g)", portion["grams"] / amount))
    return food, portions


@router.get("/people/{profile_id}/diary/pick", response_class=HTMLResponse)
def pick_page(request: Request, profile_id: int, food: str, day: str = "") -> HTMLResponse:
    """The picked food's portions, to say how much (a fragment for HTMX, else the page)."""
    try:
        found, portions = _portions(food)
    except InputError as error:
        return _page(request, profile_id, day, {"food": str(error)}, {})
    pick = {"food": found, "portions": portions}
    if _fragment(request):
        person = profile_of(request, profile_id)
        return render(
            request, "_food_pick.html", person=person, pick=pick, day=day, meals=MEALS, errors={}
        )
    return _page(request, profile_id, day, {}, {}, pick)


def _resolved(request: Request, profile_id: int, day: dt.date, text: str) -> dict[str, Any]:
    """The food, grams and how the core reads one line (as the store keeps them)."""
    from twitchcheck.diary import parse_diary_text
    from twitchcheck.store.own_foods import own_foods_for_reading

    own = own_foods_for_reading(store_of(request), profile_id)
    read = parse_diary_text(f"{day.isoformat()}\n{text}\n", "text", own=own)
    parts = [entry for entry in read.entries if entry.item is not None]
    how = "portion" if _ID.search(text) else "typed"
    if not parts:
        return {"food_id": None, "grams": None, "how": how}
    grams = sum(entry.grams or 0.0 for entry in parts)
    # "typed": the line is kept as written and read again whenever it is shown; the food and
    # grams are the reading at the time, for the API's readers.
    return {"food_id": parts[0].item.food.id, "grams": grams or None, "how": how}  # type: ignore[union-attr]


def _line_from(fields: dict[str, list[str]]) -> tuple[dict[str, str], dict[str, Any]]:
    """The line a form describes (typed, or a picked food and portion), or its errors."""
    errors: dict[str, str] = {}
    day_text = one(fields, "day")
    try:
        day = dt.date.fromisoformat(day_text)
    except ValueError:
        errors["day"] = f"{day_text[:20]!r} is not a date; give one as YYYY-MM-DD"
        day = dt.date.today()
    meal = one(fields, "meal") or None
    if meal is not None and meal not in MEALS:
        errors["meal"] = f"choose one of: {', '.join(MEALS)}"
    clock = one(fields, "time")
    time = None
    if clock:
        try:
            time = dt.time.fromisoformat(clock)
        except ValueError:
            errors["time"] = f"{clock[:10]!r} is not a time; give one as HH:MM (e.g. 08:30)"
    food_id = one(fields, "food")
    if food_id:
        text = _picked_text(fields, food_id, errors)
    else:
        text = " ".join(one(fields, "text").split())
        if not text:
            errors["text"] = "write what was eaten, e.g. '2 slices of toast with butter'"
        elif len(text) > LINE_CHARS:
            errors["text"] = f"the line is {len(text):,} characters; at most {LINE_CHARS}"
    return errors, {"day": day, "meal": meal, "time": time, "text": text}


def _picked_text(fields: dict[str, list[str]], food_id: str, errors: dict[str, str]) -> str:
    from twitchcheck.web.pages._common import parse_number

    try:
        food, portions = _portions(food_id)
    except InputError as error:
        errors["food"] = str(error)
        return ""
    try:
        amount = parse_number(one(fields, "amount") or "1", 0.01, 10_000, "an amount")
    except ValueError as error:
        errors["amount"] = str(error)
        return ""
    index = one(fields, "portion")
    if not index.isdigit() or int(index) >= len(portions):
        errors["portion"] = "choose one of the portions listed"
        return ""
    grams = amount * portions[int(index)][1]
    # Grams and the id are what the core reads exactly; the name is for the person.
    return f"{grams:.4g} g {food.name} [{food.id}]"


@router.post("/people/{profile_id}/diary/lines", response_class=HTMLResponse)
async def add_line(request: Request, profile_id: int) -> Response:
    from twitchcheck.store import EntryInput
    from twitchcheck.store.diaries import add_entry

    profile_of(request, profile_id)
    fields = await form_of(request)
    errors, line = _line_from(fields)
    if not errors:
        try:
            resolved = _resolved(request, profile_id, line["day"], line["text"])
            add_entry(store_of(request), profile_id, EntryInput(**line, **resolved))
            return redirect(f"/people/{profile_id}/diary?day={line['day'].isoformat()}")
        except InputError as error:
            errors["text"] = str(error)
    values = {key: one(fields, key) for key in fields}
    return _page(request, profile_id, one(fields, "day"), errors, values)


@router.post("/people/{profile_id}/diary/lines/{line_id}", response_class=HTMLResponse)
async def edit_line(request: Request, profile_id: int, line_id: int) -> Response:
    from twitchcheck.store import EntryInput
    from twitchcheck.store.diaries import update_entry

    fields = await form_of(request)
    errors, line = _line_from(fields)
    if not errors:
        try:
            resolved = _resolved(request, profile_id, line["day"], line["text"])
            update_entry(store_of(request), profile_id, line_id, EntryInput(**line, **resolved))
            return redirect(f"/people/{profile_id}/diary?day={line['day'].isoformat()}")
        except InputError as error:
            errors["text"] = str(error)
    values = {key: one(fields, key) for key in fields}
    return _page(request, profile_id, one(fields, "day"), {f"edit-{line_id}": "; ".join(
        errors.values())}, values)  # fmt: skip


@router.post("/people/{profile_id}/diary/lines/{line_id}/delete")
async def delete_line(request: Request, profile_id: int, line_id: int) -> Response:
    from twitchcheck.store.diaries import delete_entry

    fields = await form_of(request)
    delete_entry(store_of(request), profile_id, line_id)
    return redirect(f"/people/{profile_id}/diary?day={one(fields, 'day')}")


@router.post("/people/{profile_id}/diary/lines/{line_id}/food")
async def pick_food(request: Request, profile_id: int, line_id: int) -> Response:
    """This line meant that food: remembered for its wording, so every line written the
    same way is read as it from now on (the amount written still counts)."""
    from twitchcheck.foods import get
    from twitchcheck.store.diaries import diary
    from twitchcheck.store.own_foods import remember_correction

    fields = await form_of(request)
    store = store_of(request)
    rows = {row.id: (row, day.day) for day in diary(store, profile_id) for row in day.entries}
    if line_id not in rows:
        from twitchcheck.store.errors import NotFoundError

        raise NotFoundError("diary line", line_id)
    row, day = rows[line_id]
    food = get(one(fields, "food"))
    remember_correction(store, profile_id, row.text, food.id)
    return redirect(f"/people/{profile_id}/diary?day={day.isoformat()}")


@router.post("/people/{profile_id}/foods", response_class=HTMLResponse)
async def add_own_food(request: Request, profile_id: int) -> Response:
    """Save an own food or recipe: a name and the diary lines it stands for."""
    from twitchcheck.store.own_foods import save_own_food

    fields = await form_of(request)
    name = " ".join(one(fields, "name").split())
    lines = [line.strip() for line in one(fields, "lines").splitlines() if line.strip()]
    errors: dict[str, str] = {}
    if not name:
        errors["own-name"] = "give the name you write in your diary, e.g. 'my porridge'"
    if not lines:
        errors["own-lines"] = "give what it is made of, one food per line, e.g. '40 g oats'"
    if not errors:
        try:
            save_own_food(store_of(request), profile_id, name, lines)
            return redirect(f"/people/{profile_id}/diary?day={one(fields, 'day')}")
        except InputError as error:
            errors["own-lines"] = str(error)
    values = {"own-name": name, "own-lines": one(fields, "lines")}
    return _page(request, profile_id, one(fields, "day"), errors, values)


@router.post("/people/{profile_id}/foods/{food_id}/delete")
async def delete_own_food(request: Request, profile_id: int, food_id: int) -> Response:
    from twitchcheck.store.own_foods import delete_own_food as delete

    fields = await form_of(request)
    delete(store_of(request), profile_id, food_id)
    return redirect(f"/people/{profile_id}/diary?day={one(fields, 'day')}")


# --- import: a diary file or an app's export, previewed, saved only when confirmed ----------

IMPORT_FORMATS = ("text", "csv", "cronometer", "myfitnesspal", "opennutritracker")
PREVIEW_LINES = 200  # lines shown in the preview; the count says how many there are


def uploaded_text(data: bytes, name: str = "the file") -> str:
    """An uploaded file's text, read as `read_diary` reads a file: at most input.file_bytes,
    an export's zip (OpenNutriTracker's, MyFitnessPal's) opened to its diary member, read
    only up to that size whatever its header claims (so a zip bomb costs no more than a
    large diary), then decoded; DiaryError says what is wrong and what is accepted."""
    from twitchcheck.diary import diary_text

    return diary_text(data, name)[1]


def _import_page(
    request: Request, profile_id: int, errors: dict[str, str], **context: Any
) -> HTMLResponse:
    person = profile_of(request, profile_id)
    context.setdefault("preview", None)
    context.setdefault("text", "")
    context.setdefault("format", "")
    return render(
        request, "diary_import.html", 422 if errors else 200, person=person, active="diary",
        errors=errors, formats=IMPORT_FORMATS, most=PREVIEW_LINES, most_bytes=_most_bytes(),
        **context,
    )  # fmt: skip


def _most_bytes() -> str:
    from twitchcheck.limits import limit

    return f"{limit('input.file_bytes') / 1e6:g} MB"


@router.get("/people/{profile_id}/diary/import", response_class=HTMLResponse)
def import_form(request: Request, profile_id: int) -> HTMLResponse:
    return _import_page(request, profile_id, {})


def _read_import(request: Request, profile_id: int, text: str, kind: str) -> Any:
    from twitchcheck.diary import parse_diary_text
    from twitchcheck.store.own_foods import own_foods_for_reading

    own = own_foods_for_reading(store_of(request), profile_id)
    region = _region(profile_of(request, profile_id).region)
    return parse_diary_text(text, kind or None, region=region, own=own)


@router.post("/people/{profile_id}/diary/import", response_class=HTMLResponse)
async def import_preview(request: Request, profile_id: int) -> Response:
    """What the file would add and which lines are problems; nothing is saved yet."""
    from twitchcheck.web.pages._common import files_of

    fields = await form_of(request)
    files = await files_of(request)
    kind = one(fields, "format")
    errors: dict[str, str] = {}
    try:
        text = uploaded_text(files["file"]) if files.get("file") else fields.get("text", [""])[-1]
    except InputError as error:
        return _import_page(request, profile_id, {"file": str(error)}, format=kind)
    if kind and kind not in IMPORT_FORMATS:
        errors["format"] = f"choose one of: {', '.join(IMPORT_FORMATS)}"
    if not text.strip():
        errors["file"] = "choose a file, or paste the diary below"
    if errors:
        return _import_page(request, profile_id, errors, text=text, format=kind)
    try:
        read = _read_import(request, profile_id, text, kind)
    except InputError as error:
        return _import_page(request, profile_id, {"file": str(error)}, text=text, format=kind)
    return _import_page(request, profile_id, {}, preview=read, text=text, format=kind)


@router.post("/people/{profile_id}/diary/import/confirm")
async def import_confirm(request: Request, profile_id: int) -> Response:
    """Save the previewed diary: the API's own import, one transaction, all or nothing."""
    from twitchcheck.web.models import DiaryImport
    from twitchcheck.web.profiles import import_diary

    fields = await form_of(request)
    kind = one(fields, "format")
    text = fields.get("text", [""])[-1]
    region = _region(profile_of(request, profile_id).region)
    try:
        use = one(fields, "use_given") != "no"  # the export's own figures unless refused
        body = DiaryImport(text=text, format=kind or None, region=region, use_given=use)
        saved = import_diary(profile_id, body, store_of(request))
    except (InputError, ValueError) as error:
        return _import_page(request, profile_id, {"file": str(error)}, text=text, format=kind)
    first = saved.days[0].isoformat() if saved.days else ""
    return redirect(f"/people/{profile_id}/diary?day={first}")
