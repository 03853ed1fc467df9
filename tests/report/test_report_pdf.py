"""The clinician report as a PDF: at most two A4 pages, checked with poppler's own tools
(pdfinfo, pdftotext), and page 1 kept as a PNG in tests/report/artifacts/ to look at.

WeasyPrint's import alone takes ~1.7 s, so these are in the slow tier (`make test` runs
them). They are skipped only when WeasyPrint or poppler is missing outside CI; .ci/run
installs both, and in CI (CI set) a missing tool fails instead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from html import unescape
from pathlib import Path

import pytest

from report.conftest import LABS, TODAY, seed_heavy
from twitchcheck.report import gather_report, render_report_html, render_report_pdf
from twitchcheck.report.gather import lab_figure
from twitchcheck.report.html import figure
from twitchcheck.store import Store

ARTIFACTS = Path(__file__).parent / "artifacts"
TOOLS = ("pdfinfo", "pdftotext", "pdftoppm")


pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", autouse=True)
def _tools() -> None:
    """Skip when WeasyPrint or poppler is missing outside CI (in CI a missing tool fails).
    Checked when the tests run, not when they are collected: the fast tier, which skips
    them, would pay WeasyPrint's import in every worker."""
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):
        missing.append("weasyprint")
    if missing and not os.environ.get("CI"):
        shown = ", ".join(missing)
        pytest.skip(f"{shown} missing (apt-get install poppler-utils; pip install weasyprint)")


def pdf_of(store: Store, person: int, path: Path) -> tuple[int, str]:
    """The person's report saved as a PDF at `path`: its page count and its text."""
    html = render_report_html(gather_report(store, person, TODAY))
    path.write_bytes(render_report_pdf(html))
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    pages = int(next(line for line in info.stdout.splitlines() if line.startswith("Pages:"))[6:])
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return pages, " ".join(text.split())


@pytest.fixture(scope="module")
def full_pdf(
    seeded: tuple[Store, int, int], tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, int, str]:
    """The full person's report as a PDF, made once: (path, pages, text)."""
    store, _, full = seeded
    path = tmp_path_factory.mktemp("pdf") / "report.pdf"
    return (path, *pdf_of(store, full, path))


def test_the_full_report_fits_two_pages_with_its_sections_and_figures(
    seeded: tuple[Store, int, int], full_pdf: tuple[Path, int, str]
) -> None:
    from twitchcheck.labs import interpret_labs
    from twitchcheck.store.results import screenings

    store, _, full = seeded
    _, pages, text = full_pdf
    assert 1 <= pages <= 2
    for title in ("1. Red flags and triage", "2. Night episodes", "3. Intake over the last 14",
                  "4. Supplements", "5. Medicines", "6. Lab results", "7. Possible triggers",
                  "8. What this report cannot tell", "Sources"):  # fmt: skip
        assert title in text, title
    flags = [r for r in screenings(store, full)[0].result["triage"]["reasons"]
             if r["level"] != "self-care"]  # fmt: skip
    assert " ".join(unescape(flags[0]["label"]).split()) in text
    magnesium = interpret_labs([f"{LABS[0].analyte} {LABS[0].value:g} {LABS[0].unit}"])[0]
    assert f"{lab_figure(magnesium.si_value)} {magnesium.si_unit}" in text
    assert f"{lab_figure(magnesium.conventional_value)} {magnesium.conventional_unit}" in text
    parts = gather_report(store, full, TODAY)
    row = next(r for r in parts.intake.rows if r.label == "Magnesium")
    assert f"{figure(row.percent)}%" in text


def test_page_one_is_kept_as_a_png(full_pdf: tuple[Path, int, str]) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    stem = ARTIFACTS / "report-page"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(full_pdf[0]),
         str(stem)],
        check=True,
    )  # fmt: skip
    png = stem.with_suffix(".png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_empty_report_is_one_page(seeded: tuple[Store, int, int], tmp_path: Path) -> None:
    store, empty, _ = seeded
    pages, text = pdf_of(store, empty, tmp_path / "empty.pdf")
    assert pages == 1
    assert "No episodes recorded" in text
    assert "No lab results recorded" in text


def test_a_long_record_still_fits_two_pages(tmp_path: Path) -> None:
    from twitchcheck.store import open_store
    from twitchcheck.store.location import sqlite_url

    store = open_store(sqlite_url(tmp_path / "heavy.sqlite"))
    try:
        person = seed_heavy(store)
        pages, text = pdf_of(store, person, tmp_path / "heavy.pdf")
    finally:
        store.close()
    assert pages <= 2
    assert "EMERGENCY" in text
    assert "older value(s) not shown" in text
