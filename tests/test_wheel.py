"""Installable without a clone: the built wheel, installed into a fresh virtual environment
(as `pipx install` would), screens, analyses a diary and makes a plan from its own data.

Slow (it builds a wheel); `make quick` skips it. The wheel is installed without its
dependencies, which are taken from the development environment through a .pth file, so the
test needs no network; the package itself must come from the wheel, never from src/.
"""

from __future__ import annotations

import json
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from conftest import REPO

pytestmark = pytest.mark.slow

ANSWERS = {
    "age": 52,
    "sex": "female",
    "symptoms": ["cramps"],
    "medications": ["furosemide 40 mg"],
    "diet": {"pattern": "vegan", "b12_supplement": False},
}


def _run(python: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(python), *args], cwd=cwd, capture_output=True, text=True, timeout=300, check=False
    )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A fresh environment's python with only the wheel installed, and a working folder."""
    root = tmp_path_factory.mktemp("wheel")
    build = _run(
        Path(sys.executable), "-m", "pip", "wheel", "--no-deps", "--quiet", "-w",
        str(root / "dist"), str(REPO), cwd=root,
    )  # fmt: skip
    assert build.returncode == 0, build.stderr
    (wheel,) = (root / "dist").glob("twitchcheck-*.whl")
    venv.create(root / "env", with_pip=True)
    python = root / "env" / "bin" / "python"
    site = _run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))", cwd=root)
    (Path(site.stdout.strip()) / "deps.pth").write_text(
        sysconfig.get_path("purelib") + "\n", encoding="utf-8"
    )
    install = _run(python, "-m", "pip", "install", "--no-deps", "--quiet", str(wheel), cwd=root)
    assert install.returncode == 0, install.stderr
    return python, root


def test_the_package_comes_from_the_wheel(installed: tuple[Path, Path]) -> None:
    python, root = installed
    where = _run(python, "-c", "import twitchcheck; print(twitchcheck.__file__)", cwd=root)
    assert str(root / "env") in where.stdout, where


def test_a_screening_a_diary_and_a_plan_run_from_the_wheel(installed: tuple[Path, Path]) -> None:
    python, root = installed
    answers = root / "answers.json"
    answers.write_text(json.dumps(ANSWERS), encoding="utf-8")
    screen = _run(
        python, "-m", "twitchcheck", "screen", "--answers", str(answers), "--json", cwd=root
    )
    assert screen.returncode == 0, screen.stderr
    assert json.loads(screen.stdout)["contributors"]
    diary = root / "diary.txt"
    diary.write_text("2026-11-16\n1 cup oatmeal\n1 banana\n2 slices of toast with butter\n")
    analysis = _run(
        python, "-m", "twitchcheck", "diet", "analyze", str(diary), "--age", "52",
        "--sex", "female", "--json", cwd=root,
    )  # fmt: skip
    assert analysis.returncode == 0, analysis.stderr
    days = json.loads(analysis.stdout)["days"]
    assert days[0]["totals"]["magnesium_mg"] > 50  # oats, banana and toast, from the wheel's foods
    plan = _run(
        python, "-m", "twitchcheck", "plan", "--age", "52", "--sex", "female",
        "--gaps", "magnesium", "--json", cwd=root,
    )  # fmt: skip
    assert plan.returncode == 0, plan.stderr
    assert json.loads(plan.stdout)["plan"]["items"]
