"""`twitchcheck report`: the clinician report of a stored person, as HTML or PDF.

The report joins whatever the store holds for the person (the latest screening, the diary's
last 14 days, supplements, medicines, labs, and the journal once there is one) in one
document of at most two A4 pages. Without --html or --pdf the HTML goes to stdout.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from twitchcheck.cli._common import check_writable, console, guarded, write_atomically
from twitchcheck.cli.store import DbOption, open_chosen_store

if TYPE_CHECKING:
    from twitchcheck.store import Store
    from twitchcheck.store.models import ProfileRow

ProfileOption = Annotated[
    str | None,
    typer.Option(
        "--profile",
        help="The stored person the report is about (may be left out when there is only one).",
        show_default=False,
    ),
]
HtmlOption = Annotated[
    Path | None,
    typer.Option("--html", help="Save the report as this HTML file.", show_default=False),
]
PdfOption = Annotated[
    Path | None,
    typer.Option("--pdf", help="Save the report as this PDF file (A4).", show_default=False),
]


def register(app: typer.Typer) -> None:
    """Add the `report` command to `app`."""
    app.command("report")(report)


@guarded
def report(
    profile: ProfileOption = None,
    db: DbOption = None,
    html: HtmlOption = None,
    pdf: PdfOption = None,
) -> None:
    """The clinician report (red flags first; episodes, intake, supplements, medicines, labs,
    triggers, limits and sources) as HTML or PDF; the HTML goes to stdout unless a file is given."""
    from twitchcheck.report import gather_report, render_report_html

    for path, what in ((html, "HTML report"), (pdf, "PDF report")):
        if path is not None:
            check_writable(path, what)  # before any work is done
    store = open_chosen_store(db)
    try:
        person = chosen_profile(store, profile)
        document = render_report_html(gather_report(store, person.id, dt.date.today()))
    finally:
        store.close()
    if html is None and pdf is None:
        sys.stdout.write(document)
        return
    files: list[tuple[Path, bytes, str]] = []
    if pdf is not None:  # made first: a PDF that cannot be made leaves no file behind
        from twitchcheck.report import render_report_pdf

        files.append((pdf, render_report_pdf(document), "PDF report"))
    if html is not None:
        files.insert(0, (html, document.encode("utf-8"), "HTML report"))
    for path, data, what in files:
        write_atomically(path, data, what)
        _saved(person.name, path)


def chosen_profile(store: Store, name: str | None) -> ProfileRow:
    """The stored person named `name`, or the only one when no name is given; otherwise an
    InputError naming the profiles there are."""
    from twitchcheck.errors import InputError
    from twitchcheck.store.profiles import find_profile, list_profiles

    people = list_profiles(store)
    names = ", ".join(repr(p.name) for p in people) or "none yet"
    if name is None:
        if len(people) == 1:
            return people[0]
        if not people:
            raise InputError("no profile is stored yet; add one in the app (twitchcheck serve)")
        raise InputError(f"give --profile NAME: the store holds several profiles: {names}")
    found = find_profile(store, name)
    if found is None:
        raise InputError(f"no stored profile is named {name!r}; profiles: {names}")
    return found


def _saved(name: str, path: Path) -> None:
    from rich.markup import escape

    console().print(f"Saved the report of {escape(name)} to {escape(str(path))}")
