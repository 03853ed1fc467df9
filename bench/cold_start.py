"""Every command from a cold process, against `python -c pass` measured in the same run.

    python bench/cold_start.py [--runs N]

Each command runs once to warm the file cache, then N times; the median wall time is
reported with its ratio to the bare interpreter's, so a busy machine shows as a slower
baseline rather than as a slower twitchcheck. Beside it, the median CPU time of the child
(user + sys, from getrusage): on a shared machine the wall time waits for other processes'
turns on the cores, the CPU time does not, so a wall time well above the CPU time is load.
Targets (issue 12): every command except `plan`, `serve` and `report` within 350 ms wall,
`plan` within 1.2 s.

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
import resource
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


def children_cpu_s() -> float:
    """User + system CPU seconds of every child waited for so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def median_ms(argv: list[str], runs: int) -> tuple[float, float]:
    """Median wall and median CPU milliseconds of `runs` cold processes."""
    subprocess.run(argv, capture_output=True, check=False, env=CHILD_ENV)  # warm the cache
    walls, cpus = [], []
    for _ in range(runs):
        cpu, start = children_cpu_s(), time.perf_counter()
        subprocess.run(argv, capture_output=True, check=False, env=CHILD_ENV)
        walls.append((time.perf_counter() - start) * 1000)
        cpus.append((children_cpu_s() - cpu) * 1000)
    return statistics.median(walls), statistics.median(cpus)


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
    baseline, baseline_cpu = median_ms([sys.executable, "-c", "pass"], runs)
    print(
        f"cold processes, median of {runs} "
        f"(python -c pass: {baseline:.0f} ms wall, {baseline_cpu:.0f} ms CPU)"
    )
    print(f"  {'command':<22} {'wall':>7}     {'CPU':>5}     {'wall/python':>11}")
    with tempfile.TemporaryDirectory() as folder:
        for name, argv in commands(Path(folder)).items():
            ms, cpu = median_ms(argv, runs)
            target = PLAN_TARGET_MS if name == "plan" else TARGET_MS
            verdict = "ok" if ms <= target else "OVER"
            print(
                f"  {name:<22} {ms:7.0f} ms  {cpu:5.0f} ms  {ms / baseline:5.1f}x python  "
                f"(target {target:.0f} ms wall: {verdict})"
            )


if __name__ == "__main__":
    main()
