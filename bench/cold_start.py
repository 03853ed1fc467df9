"""Every command from a cold process, against `python -c pass` measured in the same run.

    python bench/cold_start.py [--runs N]

Each command runs once to warm the file cache, then N times; the median wall time is
reported with its ratio to the bare interpreter's, so a busy machine shows as a slower
baseline rather than as a slower twitchcheck. Targets (issue 12): every command except
`plan`, `serve` and `report` within 350 ms, `plan` within 1.2 s.

Bytecode: an installed package (pip, pipx) has its modules compiled at install time, but a
development shell may set PYTHONDONTWRITEBYTECODE=1, and then an editable install compiles
every module afresh in every process. To measure what a user gets, and the same thing on
every run, the bench first compiles the package (compileall) and runs the children with
PYTHONDONTWRITEBYTECODE removed from their environment.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_MS = 350.0
PLAN_TARGET_MS = 1200.0
ANSWERS = {
    "age": 64,
    "sex": "female",
    "symptoms": ["cramps", "calf_cramps"],
    "medications": ["hydrochlorothiazide 25 mg", "omeprazole 20 mg"],
    "labs": ["potassium 3.3 mmol/L", "magnesium 0.68 mmol/L"],
}
DIARY = "2026-11-16\n1 cup oatmeal\n1 banana\n2 slices of toast with butter\n1 cup milk\n"


PACKAGE = Path(__file__).resolve().parent.parent / "src" / "twitchcheck"
# as installed: bytecode is read from __pycache__, never recompiled (see the docstring)
CHILD_ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def compile_package() -> None:
    """Compile the package's modules once, as pip does when it installs a wheel."""
    compileall.compile_dir(PACKAGE, quiet=1)


def median_ms(argv: list[str], runs: int) -> float:
    subprocess.run(argv, capture_output=True, check=False, env=CHILD_ENV)  # warm the cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, capture_output=True, check=False, env=CHILD_ENV)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def commands(folder: Path) -> dict[str, list[str]]:
    exe = str(Path(sys.executable).parent / "twitchcheck")
    answers, diary = folder / "answers.json", folder / "diary.txt"
    answers.write_text(json.dumps(ANSWERS), encoding="utf-8")
    diary.write_text(DIARY, encoding="utf-8")
    person = ["--age", "64", "--sex", "female"]
    return {
        "--help": [exe, "--help"],
        "foods search banana": [exe, "foods", "search", "banana"],
        "nutrients": [exe, "nutrients", "2 eggs", "1 cup milk"],
        "targets": [exe, "targets", *person],
        "labs": [exe, "labs", "magnesium 0.6 mmol/L"],
        "kb show magnesium": [exe, "kb", "show", "magnesium"],
        "screen --answers": [exe, "screen", "--answers", str(answers), "--json"],
        "diet analyze": [exe, "diet", "analyze", str(diary), *person, "--json"],
        "plan": [exe, "plan", *person, "--gaps", "magnesium", "--json"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    compile_package()
    baseline = median_ms([sys.executable, "-c", "pass"], runs)
    print(f"cold processes, median of {runs} (python -c pass: {baseline:.0f} ms)")
    with tempfile.TemporaryDirectory() as folder:
        for name, argv in commands(Path(folder)).items():
            ms = median_ms(argv, runs)
            target = PLAN_TARGET_MS if name == "plan" else TARGET_MS
            verdict = "ok" if ms <= target else "OVER"
            print(
                f"  {name:<22} {ms:7.0f} ms  {ms / baseline:5.1f}x python  "
                f"(target {target:.0f} ms: {verdict})"
            )


if __name__ == "__main__":
    main()
