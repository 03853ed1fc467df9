"""The evidence sets written with exact USDA names ("=" choices) name only foods the packaged
database holds: a rebuild that renamed or dropped one would make a line unscorable."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("name", "flags"),
    [
        ("snacks_sweets", []),
        (
            "sizes_places",
            [
                "--max-choices=4",
                "--tags=fndds-portion,sr28-portion,chain-published,chain-kcal,chain-sizes,"
                "uk-label,us-label,none",
            ],
        ),
    ],
)
def test_every_choice_is_a_packaged_food(name: str, flags: list[str]) -> None:
    csv = ROOT / "tests" / "data" / name / "foods.csv"
    run = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "check_choices.py"), str(csv), "--quiet", *flags],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout[-2000:]
    assert "0 missing foods; 0 other problems" in run.stdout
