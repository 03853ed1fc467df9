"""The clinician report: one document joining whichever parts of a person's record exist.

    parts = gather_report(store, profile_id, today)   # the store's rows, read by the core
    html = render_report_html(parts)                   # pure: parts in, an HTML string out
    pdf = render_report_pdf(html)                      # WeasyPrint, imported only here

`report_html(store, profile_id, today)` does the first two in one call (the app's button).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from twitchcheck.report.gather import gather_report as gather_report
from twitchcheck.report.html import render_report_html as render_report_html
from twitchcheck.report.parts import ReportParts as ReportParts
from twitchcheck.report.pdf import render_report_pdf as render_report_pdf

if TYPE_CHECKING:
    from twitchcheck.store import Store

__all__ = [
    "ReportParts",
    "gather_report",
    "render_report_html",
    "render_report_pdf",
    "report_html",
]


def report_html(store: Store, profile_id: int, today: dt.date) -> str:
    """The HTML report of the stored person `profile_id`, made on `today`."""
    return render_report_html(gather_report(store, profile_id, today))
