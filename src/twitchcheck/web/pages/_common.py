"""What every page shares: the templates, the CSRF token, reading a form, the person.

Pages are server-rendered Jinja2 templates; HTMX (served from /static) only swaps parts of
them, so every form also works as a plain form. A write is a form POST carrying the CSRF
token (checked by the door, security.py) and answered with a redirect (303) to the page that
shows the result, so a reload never sends it twice.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from twitchcheck.store import Store
from twitchcheck.web.security import csrf_value

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
NAV = (
    ("home", "Home", ""),
    ("screen", "Screening", "screen"),
    ("diary", "Food diary", "diary"),
    ("analysis", "Diet analysis", "analysis"),
    ("labs", "Labs", "labs"),
    ("plan", "Advice and plan", "plan"),
    ("night", "Night", "night"),
    ("journal", "Journal", "journal"),
)
_PINNED = re.compile(r"\s*\[[a-z0-9]+:[^\]\s]+\]\s*$")  # a food id pinned at a line's end
TRIAGE_ICONS = {"self-care": "✓", "see-doctor": "⚕", "urgent": "!", "emergency": "‼"}
TRIAGE_WORDS = {
    "self-care": "Self-care",
    "see-doctor": "See a doctor",
    "urgent": "Urgent",
    "emergency": "Emergency",
}


@cache
def environment() -> Environment:
    """The templates, autoescaped (everything a person typed is shown as typed)."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html", "svg"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(nav=NAV, triage_icons=TRIAGE_ICONS, triage_words=TRIAGE_WORDS)
    env.filters["num"] = number
    env.filters["words"] = lambda text: str(text).replace("_", " ")
    env.filters["plain"] = lambda text: _PINNED.sub("", str(text))
    return env


def number(value: Any, digits: int = 3) -> str:
    """A figure to `digits` significant digits, without a trailing '.0' ("1,272", "0.62")."""
    if value is None:
        return "–"
    figure = float(value)
    if figure == 0:
        return "0"
    shown = f"{figure:.{digits}g}"
    if "e" in shown:
        shown = f"{figure:.0f}"
    return f"{float(shown):,.10g}" if abs(figure) >= 1000 else shown


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A page (or, for an HTMX request naming a fragment, that fragment)."""
    settings = request.app.state.settings
    context.setdefault("person", None)
    context.setdefault("active", "")
    context.setdefault("dark", False)  # the night page is dark whatever the system's theme
    html = (
        environment()
        .get_template(template)
        .render(csrf=csrf_value(settings.token), request_path=request.url.path, **context)
    )
    return HTMLResponse(html, status_code=status)


def redirect(location: str) -> RedirectResponse:
    """After a write: show its result at `location` (303: the browser GETs it)."""
    return RedirectResponse(location, status_code=303)


async def form_of(request: Request) -> dict[str, list[str]]:
    """The posted form as lists of values per name (checked by the door); a file's bytes
    are read as UTF-8 text here (`files_of` gives them as sent)."""
    fields: dict[str, list[str]] = {}
    for key, value in await _fields(request):
        if key != "csrf":
            text = value if isinstance(value, str) else value.decode("utf-8", "replace")
            fields.setdefault(key, []).append(text)
    return fields


async def files_of(request: Request) -> dict[str, bytes]:
    """The files of a multipart form, by field name, as sent."""
    return {key: value for key, value in await _fields(request) if isinstance(value, bytes)}


async def _fields(request: Request) -> list[tuple[str, str | bytes]]:
    from twitchcheck.web.security import form_fields

    return form_fields(request.headers.get("content-type", ""), await request.body())


def one(fields: Mapping[str, list[str]], name: str) -> str:
    """The single value of `name` (stripped), '' when absent."""
    values = fields.get(name) or [""]
    return values[-1].strip()


def store_of(request: Request) -> Store:
    store: Store = request.app.state.open_store()
    return store


def profile_of(request: Request, profile_id: int) -> Any:
    """The stored person (NotFoundError, a 404, when there is none)."""
    from twitchcheck.store.profiles import get_profile

    return get_profile(store_of(request), profile_id)


def parse_number(text: str, low: float, high: float, what: str) -> float:
    """A number typed in a form, within [low, high]; ValueError says what is accepted."""
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise ValueError(
            f"{text[:40]!r} is not a number; give {what} from {low:g} to {high:g}"
        ) from None
    if not low <= value <= high:
        raise ValueError(f"{value:g} is outside {low:g} to {high:g}; give {what} in that range")
    return value
