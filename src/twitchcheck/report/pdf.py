"""The report as a PDF: a thin shell over WeasyPrint, imported only when a PDF is asked for
(its import alone takes about 1.7 s, more than most commands)."""

from __future__ import annotations

from twitchcheck.errors import InternalError

MOST_PAGES = 2  # the report is meant to be read in two A4 pages
OPENING = '<html lang="en">'
COMPACT_OPENING = '<html lang="en" class="compact">'


def render_report_pdf(html: str) -> bytes:
    """The PDF of a report's HTML (A4, the report's own print CSS); no network is touched:
    the document links nothing."""
    try:
        from weasyprint import HTML  # type: ignore[import-untyped]
    except ImportError as error:  # WeasyPrint or its Pango libraries are missing
        raise InternalError(
            f"cannot make a PDF: WeasyPrint is not usable here ({error}); save the report as "
            "HTML (--html FILE) and print it from a browser"
        ) from None
    document = HTML(string=html, url_fetcher=_no_fetching).render()
    if len(document.pages) > MOST_PAGES:  # a long record: set once more in the compact sizes
        compact = html.replace(OPENING, COMPACT_OPENING, 1)
        document = HTML(string=compact, url_fetcher=_no_fetching).render()
    pdf: bytes = document.write_pdf()
    return pdf


def _no_fetching(url: str, *args: object, **kwargs: object) -> dict[str, object]:
    # The report embeds everything it shows; any other address is refused, never fetched.
    raise ValueError(f"the report fetches nothing ({url[:80]})")
