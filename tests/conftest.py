"""Shared fixtures: paths to the USDA releases and a CLI runner."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


def everyday_foods() -> list[str]:
    """40 everyday foods as people type them (shared with the benchmarks)."""
    lines = (REPO / "tests/data/everyday_foods.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The USDA releases beside the repository (CI places ../shared there too)."""
    path = SHARED / "data"
    if not (path / "usda" / "sr28" / "FOOD_DES.txt").is_file():
        pytest.fail(f"USDA source data not found at {path}; CI must provide ../shared")
    return path
