"""The report as a PDF: a thin shell over WeasyPrint, imported only when a PDF is asked for
(its import alone takes about 1.7 s, more than most commands)."""

from __future__ import annotations

from twitchcheck.errors import InternalError


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
    document: bytes = HTML(string=html, url_fetcher=_no_fetching).write_pdf()
    return document


def _no_fetching(url: str, *args: object, **kwargs: object) -> dict[str, object]:
    # The report embeds everything it shows; any other address is refused, never fetched.
    raise ValueError(f"the report fetches nothing ({url[:80]})")
