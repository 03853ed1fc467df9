"""`twitchcheck report`: the HTML on stdout or saved privately, and the refusals every
command gives (an unknown profile names the stored ones; a bad path is refused first)."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from twitchcheck.cli import app
from twitchcheck.store import Store


@pytest.fixture(scope="module")
def db(seeded: tuple[Store, int, int]) -> str:
    store, _, _ = seeded
    return store.engine.url.render_as_string(hide_password=False)


def test_the_report_of_a_named_profile_goes_to_stdout(runner: CliRunner, db: str) -> None:
    result = runner.invoke(app, ["report", "--db", db, "--profile", "Margaret Hale"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("<!DOCTYPE html>")
    assert "Margaret Hale" in result.stdout


def test_an_unknown_profile_is_refused_naming_the_stored_ones(runner: CliRunner, db: str) -> None:
    result = runner.invoke(app, ["report", "--db", db, "--profile", "Nobody"])
    assert result.exit_code == 1
    assert "no stored profile is named 'Nobody'" in result.stderr
    assert "'Margaret Hale'" in result.stderr
    assert "'Empty Person'" in result.stderr
    assert not result.stdout


def test_several_profiles_need_a_name(runner: CliRunner, db: str) -> None:
    result = runner.invoke(app, ["report", "--db", db])
    assert result.exit_code == 1
    assert "give --profile NAME" in result.stderr


def test_an_empty_store_says_there_is_no_profile(runner: CliRunner, tmp_path: Path) -> None:
    from twitchcheck.store.location import sqlite_url

    result = runner.invoke(app, ["report", "--db", sqlite_url(tmp_path / "empty.sqlite")])
    assert result.exit_code == 1
    assert "no profile is stored yet" in result.stderr


def test_the_html_file_is_saved_private_to_the_user(
    runner: CliRunner, db: str, tmp_path: Path
) -> None:
    out = tmp_path / "report.html"
    result = runner.invoke(
        app, ["report", "--db", db, "--profile", "Empty Person", "--html", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "Saved the report of Empty Person" in result.stdout
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_a_folder_that_does_not_exist_is_refused_before_any_work(
    runner: CliRunner, db: str, tmp_path: Path
) -> None:
    target = tmp_path / "missing" / "report.pdf"
    result = runner.invoke(app, ["report", "--db", db, "--profile", "Nobody", "--pdf", str(target)])
    assert result.exit_code == 1
    assert "does not exist" in result.stderr  # the path, not the unknown profile, comes first
    assert not target.exists()


def test_without_weasyprint_no_file_is_written_and_the_message_says_why(
    runner: CliRunner, db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import weasyprint now fails
    html, pdf = tmp_path / "r.html", tmp_path / "r.pdf"
    args = [
        "report",
        "--db",
        db,
        "--profile",
        "Empty Person",
        "--html",
        str(html),
        "--pdf",
        str(pdf),
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert "cannot make a PDF" in result.stderr
    assert "--html FILE" in result.stderr
    assert not html.exists()
    assert not pdf.exists()
