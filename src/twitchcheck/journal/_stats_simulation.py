"""Simulated journals with a known truth, to measure the trigger analysis (docs/triggers.md).

A night's episodes are a Poisson count whose log rate drifts as an AR(1) process around a
mean of `mean` episodes a night; five daily factors are each driven by their own AR(1)
process with the same φ. An effect, when planted, multiplies that night's rate on the days
one chosen factor is present (or, for a number, per standard deviation above its mean).
Nothing here is a fact about people: it is a test bench.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from twitchcheck.journal._stats_blocks import FloatArray
from twitchcheck.journal.history import History

FIRST_NIGHT = datetime.date(2026, 1, 1)
# The five factors of issue 15 and how each is made from a standard AR(1) series z.
FACTORS = ("caffeine_mg", "caffeine_after_2pm", "alcohol_drinks", "sleep_hours", "stress")
# Latent z above this on 40% of days: the normal distribution's 60th percentile.
_PRESENT_40 = 0.2533471031357997


@dataclass(frozen=True, slots=True)
class Simulation:
    """How to simulate: days, φ of every AR(1) series, the planted effect (1.0: none)."""

    days: int = 90
    phi: float = 0.6
    mean: float = 0.6
    log_rate_sd: float = 0.3  # the spread of the drifting log rate (stationary SD)
    effect: float = 1.0
    factor: str = "caffeine_after_2pm"
    lag: int = 0
    missing: float = 0.0  # share of nights and of factor days not recorded


def ar1(rng: np.random.Generator, n: int, phi: float) -> FloatArray:
    """A stationary AR(1) series of length n with mean 0 and variance 1."""
    shocks = rng.standard_normal(n) * np.sqrt(1.0 - phi * phi)
    z = np.empty(n)
    z[0] = rng.standard_normal()
    for t in range(1, n):
        z[t] = phi * z[t - 1] + shocks[t]
    return z


def simulate(seed: int | np.random.Generator, how: Simulation = Simulation()) -> History:
    """One simulated history (`seed` fixes it)."""
    rng = np.random.default_rng(seed)
    n = how.days
    factors = _factors(rng, n, how.phi)
    sd = how.log_rate_sd
    log_rate = np.log(how.mean) - sd * sd / 2 + sd * ar1(rng, n, how.phi)
    if how.effect != 1.0:
        log_rate += np.log(how.effect) * _exposure(factors[how.factor], how.lag)
    counts = rng.poisson(np.exp(log_rate))
    episodes = [
        None if gone else int(c) for c, gone in zip(counts, _gaps(rng, n, how), strict=True)
    ]
    recorded = {
        name: [
            None if gone else float(v) for v, gone in zip(values, _gaps(rng, n, how), strict=True)
        ]
        for name, values in factors.items()
    }
    return History.starting(FIRST_NIGHT, episodes, recorded)


def _factors(rng: np.random.Generator, n: int, phi: float) -> dict[str, FloatArray]:
    z = {name: ar1(rng, n, phi) for name in FACTORS}
    return {
        "caffeine_mg": np.maximum(0.0, np.round(200 + 100 * z["caffeine_mg"], -1)),
        "caffeine_after_2pm": (z["caffeine_after_2pm"] > _PRESENT_40).astype(float),
        "alcohol_drinks": np.maximum(0.0, np.floor(1.5 * z["alcohol_drinks"])),
        "sleep_hours": np.round((7.0 + 0.9 * z["sleep_hours"]) * 4) / 4,
        "stress": np.clip(np.round(4 + 2 * z["stress"]), 0, 10),
    }


def _exposure(values: FloatArray, lag: int) -> FloatArray:
    """The planted factor as it acts on night t: its value on day t - lag, standardised
    unless it is a yes/no."""
    shifted = np.concatenate([np.full(lag, values[0]), values[: values.size - lag]])
    if set(np.unique(values)) <= {0.0, 1.0}:
        return shifted
    standard: FloatArray = (shifted - values.mean()) / (values.std() or 1.0)
    return standard


def _gaps(rng: np.random.Generator, n: int, how: Simulation) -> npt.NDArray[np.bool_]:
    """Which nights (or days of a factor) go unrecorded."""
    return rng.random(n) < how.missing
