"""Shared fixtures: paths to the USDA releases and a CLI runner."""

from __future__ import annotations

import importlib
import shutil
import sys
import weakref
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import click
import pytest
import typer
from click.testing import CliRunner as ClickRunner
from click.testing import Result
from hypothesis import settings
from typer.testing import CliRunner

REPO = Path(__file__).resolve().parent.parent
# Tests that hostile input is refused at once assert no more than this many seconds: the work
# is milliseconds, so the bound catches a hang or quadratic work, not a busy machine (how fast
# things are is `make bench`'s to show, never a test's).
HANG_BOUND = 5.0
SHARED = REPO.parent / "shared"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--quick", action="store_true", help="the fast tier: skip tests marked slow (make quick)"
    )


# The fast tier (make quick) runs at most this many hypothesis examples per property test;
# `make test` and `make fuzz` run each test's own count (up to 400), so nothing is weaker
# there. Thirty examples still try every strategy's shapes while a change is in progress.
QUICK_EXAMPLES = 30
# Tests too slow for the fast tier that are not marked slow in their own files (their
# owners may mark them): path prefix -> the reason shown when make quick skips them.
QUICK_SKIPS = {
    "tests/web/test_web_serve.py::test_serve_": (
        "starts a real uvicorn server process (5-10 s each): run by make test"
    ),
}


# Files the fast tier does not even collect: every test in them is marked slow, and
# collecting them costs each worker seconds (path -> why, printed at the end of make quick).
QUICK_UNCOLLECTED = {
    "tests/web/test_web_schema.py": (
        "schemathesis builds its ~3,000 cases while collecting (~9 s CPU in each worker) for "
        "its one test, marked slow: run by make test"
    ),
}


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """`make quick` leaves out the files of QUICK_UNCOLLECTED (None: the default decides)."""
    if config.getoption("--quick") and in_repo(collection_path) in QUICK_UNCOLLECTED:
        return True
    return None


def in_repo(path: Path) -> str:
    """`path` relative to the repository, as QUICK_UNCOLLECTED writes it ('' outside it)."""
    path = path.resolve()
    return path.relative_to(REPO).as_posix() if path.is_relative_to(REPO) else ""


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    """Say which files the fast tier did not collect, and why."""
    if config.getoption("--quick"):
        for where, why in QUICK_UNCOLLECTED.items():
            terminalreporter.write_line(f"fast tier: {where} not collected: {why}")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """`make quick` skips the slow tier, saying so, and runs fewer hypothesis examples;
    `make test` runs everything at full strength."""
    if not config.getoption("--quick"):
        return
    skip = pytest.mark.skip(reason="slow tier (rebuilds, wheel install, browser): run by make test")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)
            continue
        reason = next(
            (why for where, why in QUICK_SKIPS.items() if item.nodeid.startswith(where)), None
        )
        if reason is not None:
            item.add_marker(pytest.mark.skip(reason=f"slow tier: {reason}"))
        _fewer_examples(item)


def _fewer_examples(item: pytest.Item) -> None:
    """Cap a property test's examples at QUICK_EXAMPLES (hypothesis reads its settings from
    the test function when it runs, so the cap holds for this session only)."""
    test = getattr(item, "obj", None)
    current = getattr(test, "_hypothesis_internal_use_settings", None)
    if isinstance(current, settings) and current.max_examples > QUICK_EXAMPLES:
        test._hypothesis_internal_use_settings = settings(current, max_examples=QUICK_EXAMPLES)  # type: ignore[union-attr]


def load_tool(name: str) -> ModuleType:
    """A script of tools/ as a module (tools/ is not a package; its scripts import each other)."""
    folder = str(REPO / "tools")
    if folder not in sys.path:
        sys.path.insert(0, folder)
    return importlib.import_module(name)


def generated_section_is_current(name: str, document: str) -> bool:
    """Whether `document` holds exactly the section the tool `name` generates."""
    tool, generated = load_tool(name), load_tool("generated_section")
    text = (REPO / document).read_text(encoding="utf-8")
    return bool(generated.section(text, tool.BEGIN, tool.END) == tool.generate())


def everyday_foods() -> list[str]:
    """40 everyday foods as people type them (shared with the benchmarks)."""
    lines = (REPO / "tests/data/everyday_foods.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")]


class Runner(CliRunner):
    """Typer's CliRunner, turning each app into its Click command once, as a process does:
    typer's runner rebuilt the whole tree on every invoke (a signature and type hints for
    each of ~40 commands, ~0.1 s CPU), a third of a CLI test's time."""

    def invoke(  # type: ignore[override]
        self, app: typer.Typer, args: str | Sequence[str] | None = None, **extra: Any
    ) -> Result:
        return ClickRunner.invoke(self, click_command(app), args, **extra)


_COMMANDS: weakref.WeakKeyDictionary[typer.Typer, click.Command] = weakref.WeakKeyDictionary()


def click_command(app: typer.Typer) -> click.Command:
    """`app` as the Click command typer makes of it, made once per app."""
    if app not in _COMMANDS:
        _COMMANDS[app] = typer.main.get_command(app)
    return _COMMANDS[app]


@pytest.fixture
def runner() -> CliRunner:
    return Runner()


SQLITE_FILES = ("", "-wal", "-shm")  # a SQLite store in WAL mode: its file, log and index


@pytest.fixture(scope="session")
def migrated_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty SQLite store at the current schema, migrated once per session (per xdist
    worker) for tests to copy with `place_store`: running Alembic's revisions on a new file
    costs ~30 ms CPU, opening a copy ~6 ms, and a few hundred tests start on an empty store."""
    from twitchcheck.store import open_store
    from twitchcheck.store.location import sqlite_url

    path = tmp_path_factory.mktemp("migrated") / "twitchcheck.sqlite"
    open_store(sqlite_url(path)).close()
    return path


def place_store(template: Path, path: Path) -> Path:
    """A copy of the store file `template` (and its write-ahead log, if one is left) at
    `path`, in place of any store there, private as the store makes its own: folder 0700,
    files 0600."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    for suffix in SQLITE_FILES:
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    for suffix in ("", "-wal"):
        source = Path(f"{template}{suffix}")
        if source.exists():
            copy = Path(f"{path}{suffix}")
            shutil.copyfile(source, copy)
            copy.chmod(0o600)
    return path


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The USDA releases beside the repository (CI places ../shared there too)."""
    path = SHARED / "data"
    if not (path / "usda" / "sr28" / "FOOD_DES.txt").is_file():
        pytest.fail(f"USDA source data not found at {path}; CI must provide ../shared")
    return path
