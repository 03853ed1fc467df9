"""Trigger analysis speed, and the simulation figures of docs/triggers.md.

Run with `.venv/bin/python bench/triggers_bench.py` (not part of the tests): the time of one
`analyse()` (five factors, two lags, default permutations and bootstrap samples) on simulated
journals of 90 and 365 nights, median and fastest of several runs, wall and CPU.

`--study N` also prints the false-finding rate and the power on N simulated histories per
setting (docs/triggers.md quotes N = 200 on seeds 0-199, and a second run on seeds 1000+):
`--first S` picks the first seed.
"""

from __future__ import annotations

import argparse
import statistics
import time

from twitchcheck.journal._stats_simulation import Simulation, simulate
from twitchcheck.journal.triggers import analyse

RUNS = 7
STUDY = {
    "any finding, nothing planted, phi 0.6, 90 days": (Simulation(days=90, phi=0.6), False),
    "any finding, nothing planted, phi 0.8, 90 days": (Simulation(days=90, phi=0.8), False),
    "planted 2.5-fold found, phi 0.6, 90 days": (Simulation(days=90, effect=2.5), True),
    "planted 2.5-fold found, phi 0.8, 90 days": (Simulation(days=90, phi=0.8, effect=2.5), True),
    "planted 2-fold found, phi 0.6, 60 days": (Simulation(days=60, effect=2.0), True),
    "any finding, nothing planted, 5% of nights and days missing": (
        Simulation(days=90, phi=0.6, missing=0.05),
        False,
    ),
}


def timing(days: int) -> str:
    history = simulate(1, Simulation(days=days, effect=2.0))
    analyse(history)  # first call: numpy's own warm-up
    wall, cpu = [], []
    for seed in range(RUNS):
        start, start_cpu = time.perf_counter(), time.process_time()
        analyse(history, seed=seed)
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return (
        f"analyse() on {days} nights: median {statistics.median(wall):.1f} ms, fastest "
        f"{min(wall):.1f} ms (CPU median {statistics.median(cpu):.1f} ms), {RUNS} runs"
    )


def study(histories: int, first: int) -> None:
    for label, (how, planted) in STUDY.items():
        hits = 0
        for seed in range(first, first + histories):
            found = analyse(simulate(seed, how), seed=seed, bootstraps=99).associated
            if planted:
                hits += any(f.factor == how.factor and f.lag_days == how.lag for f in found)
            else:
                hits += bool(found)
        print(f"{label}: {hits}/{histories} = {hits / histories:.3f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--study", type=int, default=0, metavar="N")
    parser.add_argument("--first", type=int, default=0, metavar="S")
    options = parser.parse_args()
    for days in (90, 365):
        print(timing(days), flush=True)
    if options.study:
        study(options.study, options.first)


if __name__ == "__main__":
    main()
