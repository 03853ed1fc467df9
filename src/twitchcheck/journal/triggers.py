"""Which daily factors go with more (or fewer) episodes at night, without inventing patterns.

For each factor and each declared lag, nights are split by the factor on the day in
question (a yes/no: present vs absent; a number: its top third of days vs its bottom third)
and the effect is the rate ratio of episodes per night between the two groups. Its p-value
comes from a moving-block permutation test (whole runs of days move together, so a run of
bad nights and a run of stressful days do not pass for a pattern), its interval from a
circular block bootstrap, and every p is adjusted with Benjamini-Hochberg across all the
factors and lags tested. Nothing is said about a factor without enough nights on each side.
The method, its minimums, its measured error rates and its limits: docs/triggers.md.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from twitchcheck.errors import InputError
from twitchcheck.journal._stats_blocks import (
    FloatArray,
    IntArray,
    benjamini_hochberg,
    block_bootstrap,
    block_permutations,
)
from twitchcheck.journal.history import History

# Declared lags only (issue 15): the day and evening before the night, and the day before that.
LAGS = {0: "that day and evening, then that night", 1: "the day before, then that night"}
_LAG_NAMES = {0: "same day", 1: "day before"}
MIN_NIGHTS = 28  # recorded nights paired with a recorded factor value, four weeks
MIN_GROUP = 14  # nights on each side of the comparison (with and without), two weeks
Q_LEVEL = 0.075  # "associated" when its Benjamini-Hochberg q is at most this (docs/triggers.md)
PERMUTATIONS = 1999  # the smallest p is then 1/2000
BOOTSTRAPS = 999
_MOST = 100_000  # permutations or bootstrap samples: beyond this the memory, not p, grows
CONFIDENCE = 0.95
# Half an episode shared by both groups in proportion to their nights (each rate gains
# 0.5 / all their nights): a group with no episodes gives a finite ratio, a journal with none
# at all gives 1, and a ratio from few episodes is pulled a little towards 1.
_HALF = 0.5

Status = Literal["associated", "none"]


@dataclass(frozen=True, slots=True)
class TriggerFinding:
    """One factor at one lag: the rate ratio of episodes per night, exposed over reference."""

    factor: str
    lag_days: int
    effect: float
    ci: tuple[float, float]
    p: float
    q: float
    status: Status
    exposed: str  # which days count as exposed ("yes", ">= 300") and as the reference
    reference: str
    nights_exposed: int
    nights_reference: int

    def to_json(self) -> dict[str, Any]:
        """The finding in ../shared/DESIGN.md's shape."""
        return {
            "factor": self.factor,
            "lag_days": self.lag_days,
            "effect": round(self.effect, 3),
            "ci": [round(self.ci[0], 3), round(self.ci[1], 3)],
            "p": _significant(self.p),
            "q": _significant(self.q),
            "status": self.status,
        }

    def sentence(self, label: str | None = None) -> str:
        """The finding in plain words ("associated with", never "caused by")."""
        name = label or self.factor
        day = "the day before" if self.lag_days else "that day"
        verdict = (
            f"associated with {'more' if self.effect > 1 else 'fewer'} episodes"
            if self.status == "associated"
            else "no clear association once chance and the number of comparisons are allowed for"
        )
        return (
            f"Nights when {day} had {name} {self.exposed} ({self.nights_exposed} nights) had "
            f"{self.effect:.2g} times the episodes of nights when {day} had {name} "
            f"{self.reference} ({self.nights_reference} nights; 95% interval {self.ci[0]:.2g} "
            f"to {self.ci[1]:.2g}): {verdict} (q = {_significant(self.q)})."
        )


@dataclass(frozen=True, slots=True)
class TriggerShortfall:
    """A factor the analysis says nothing about yet, and what is missing."""

    factor: str
    why: str

    def to_json(self) -> dict[str, str]:
        return {"factor": self.factor, "why": self.why}


@dataclass(frozen=True, slots=True)
class TriggerReport:
    """Every factor × lag tested, and the factors without enough data yet."""

    days: int  # recorded nights (an episode or a quiet-night check-in)
    findings: tuple[TriggerFinding, ...]
    not_enough_data: tuple[TriggerShortfall, ...]

    def to_json(self) -> dict[str, Any]:
        """The report in ../shared/DESIGN.md's shape (`journal triggers --json`)."""
        return {
            "days": self.days,
            "findings": [f.to_json() for f in self.findings],
            "not_enough_data": [s.to_json() for s in self.not_enough_data],
        }

    @property
    def associated(self) -> tuple[TriggerFinding, ...]:
        return tuple(f for f in self.findings if f.status == "associated")


@dataclass(frozen=True, slots=True)
class _Split:
    """A factor at a lag, coded per night: 1 exposed, 0 reference, NaN neither or unknown."""

    factor: str
    lag: int
    codes: FloatArray
    exposed: str
    reference: str


def analyse(
    history: History,
    *,
    lags: Sequence[int] = (0, 1),
    seed: int = 0,
    permutations: int = PERMUTATIONS,
    bootstraps: int = BOOTSTRAPS,
) -> TriggerReport:
    """Test every factor of `history` at each of `lags` (deterministic for a given seed)."""
    _check_options(lags, permutations, bootstraps)
    episodes = np.array([np.nan if c is None else c for c in history.episodes], dtype=float)
    splits: list[_Split] = []
    short: list[TriggerShortfall] = []
    for name in sorted(history.factors):
        values = np.array([np.nan if v is None else v for v in history.factors[name]], dtype=float)
        ready, why = _splits(name, values, episodes, lags)
        splits.extend(ready)
        if why:
            short.append(TriggerShortfall(name, why))
    findings = _test(episodes, splits, np.random.default_rng(seed), permutations, bootstraps)
    return TriggerReport(history.recorded_nights, findings, tuple(short))


def block_length(n: int) -> int:
    """Days per block for n nights: twice the square root of n (19 for 90 nights, 39 for a
    year), but at most a quarter of the nights so that there are at least four blocks to
    reorder. Simulated at φ = 0.8, blocks of √n days gave 12% false findings at q 0.10, blocks
    of 2√n days 9% (docs/triggers.md)."""
    return max(2, min(math.ceil(2 * math.sqrt(n)), n // 4))


def _check_options(lags: Sequence[int], permutations: int, bootstraps: int) -> None:
    unknown = [lag for lag in lags if lag not in LAGS]
    if unknown or not lags or len(set(lags)) != len(lags):
        raise InputError(
            f"lags {list(lags)!r}: the analysis tests only its declared lags, each once: "
            + "; ".join(f"{lag} ({what})" for lag, what in LAGS.items())
        )
    if not (99 <= permutations <= _MOST and 99 <= bootstraps <= _MOST):
        raise InputError(f"use 99 to {_MOST:,} permutations and as many bootstrap samples")


def _splits(
    name: str, values: FloatArray, episodes: FloatArray, lags: Sequence[int]
) -> tuple[list[_Split], str]:
    """The testable splits of one factor, and why the others cannot be tested yet ("" when
    every lag could be tested)."""
    ready: list[_Split] = []
    reasons: dict[int, str] = {}
    for lag in lags:
        shifted = np.concatenate([np.full(lag, np.nan), values[: values.size - lag]])
        split, why = _split(name, lag, shifted, episodes)
        if split is None:
            reasons[lag] = why
        else:
            ready.append(split)
    if not ready:  # nothing testable: the first lag's shortfall says what to collect
        return ready, reasons[lags[0]]
    return ready, "; ".join(f"{why} ({_LAG_NAMES[lag]})" for lag, why in reasons.items())


def _split(
    name: str, lag: int, shifted: FloatArray, episodes: FloatArray
) -> tuple[_Split | None, str]:
    paired = ~np.isnan(shifted) & ~np.isnan(episodes)
    if paired.sum() < MIN_NIGHTS:
        return (
            None,
            f"{int(paired.sum())} recorded nights with {name} recorded, {MIN_NIGHTS} needed",
        )
    seen = np.unique(shifted[paired])
    if seen.size < 2:
        return None, f"{name} was {seen[0]:g} on every recorded day; it needs to vary"
    codes, exposed, reference = _code(shifted, shifted[paired], seen)
    with_it = int((codes[paired] == 1).sum())
    without = int((codes[paired] == 0).sum())
    if with_it < MIN_GROUP or without < MIN_GROUP:
        return None, _too_few(name, exposed, reference, with_it, without)
    return _Split(name, lag, codes, exposed, reference), ""


def _code(shifted: FloatArray, paired: FloatArray, seen: FloatArray) -> tuple[FloatArray, str, str]:
    """Exposed (1) and reference (0) days: a yes/no or two-valued factor by its two values,
    a number by its top and bottom thirds of the analysed days (the middle third is left
    out, so the comparison is between clearly different days)."""
    if seen.size == 2:
        low, high = float(seen[0]), float(seen[1])
        if low == 0.0 and high == 1.0:
            return _codes(shifted, shifted == 1, shifted == 0), "yes", "no"
        return _codes(shifted, shifted == high, shifted == low), f"= {high:g}", f"= {low:g}"
    lower, upper = np.quantile(paired, [1 / 3, 2 / 3])
    if lower == upper:  # many days share one value: compare above it with at or below it
        above = (paired > lower).sum()
        if above >= (paired < lower).sum():
            return (
                _codes(shifted, shifted > lower, shifted <= lower),
                f"> {lower:g}",
                f"<= {lower:g}",
            )
        return _codes(shifted, shifted >= lower, shifted < lower), f">= {lower:g}", f"< {lower:g}"
    # Named by the values seen at each edge ("stress >= 6"), not the interpolated cut points.
    top, bottom = float(seen[seen >= upper].min()), float(seen[seen <= lower].max())
    return _codes(shifted, shifted >= top, shifted <= bottom), f">= {top:g}", f"<= {bottom:g}"


def _codes(shifted: FloatArray, exposed: Any, reference: Any) -> FloatArray:
    codes = np.full(shifted.size, np.nan)
    codes[reference] = 0.0
    codes[exposed] = 1.0
    return codes


def _too_few(name: str, exposed: str, reference: str, with_it: int, without: int) -> str:
    lacking = []
    if with_it < MIN_GROUP:
        lacking.append(f"{with_it} nights with {name} {exposed}, {MIN_GROUP} needed")
    if without < MIN_GROUP:
        lacking.append(f"{without} nights with {name} {reference}, {MIN_GROUP} needed")
    return "; ".join(lacking)


def _test(
    episodes: FloatArray,
    splits: list[_Split],
    rng: np.random.Generator,
    permutations: int,
    bootstraps: int,
) -> tuple[TriggerFinding, ...]:
    if not splits:
        return ()
    n = episodes.size
    block = block_length(n)
    exposed = np.stack([s.codes == 1 for s in splits], axis=1).astype(float)  # (n, splits)
    reference = np.stack([s.codes == 0 for s in splits], axis=1).astype(float)
    recorded = (~np.isnan(episodes)).astype(float)
    counts = np.nan_to_num(episodes)
    observed = _log_ratio(counts[None, :], recorded[None, :], exposed, reference)[0]
    # The nights are moved in blocks against the days (the same as moving the days by the
    # inverse block permutation): one shuffle of the nights serves every factor and lag.
    nights = block_permutations(n, block, permutations, rng)
    null = _log_ratio(counts[nights], recorded[nights], exposed, reference)
    beyond = (np.abs(null) >= np.abs(observed)[None, :] - 1e-9).sum(axis=0)
    p = (1 + beyond) / (1 + permutations)
    # A bootstrap sample draws night-and-day pairs in blocks: only how often each is drawn matters.
    drawn = _times_drawn(block_bootstrap(n, block, bootstraps, rng), n)
    low, high = _interval(_log_ratio(drawn * counts, drawn * recorded, exposed, reference))
    q = benjamini_hochberg(p)
    return tuple(
        TriggerFinding(
            factor=s.factor,
            lag_days=s.lag,
            effect=math.exp(observed[i]),
            ci=(float(low[i]), float(high[i])),
            p=float(p[i]),
            q=float(q[i]),
            status="associated" if q[i] <= Q_LEVEL else "none",
            exposed=s.exposed,
            reference=s.reference,
            nights_exposed=int(recorded @ exposed[:, i]),
            nights_reference=int(recorded @ reference[:, i]),
        )
        for i, s in enumerate(splits)
    )


def _interval(boot: FloatArray) -> tuple[FloatArray, FloatArray]:
    """The percentile interval of each column of bootstrap log ratios, as ratios."""
    boot = np.where(np.isfinite(boot), boot, np.nan)  # a sample with no night in one group
    tail = (1 - CONFIDENCE) / 2 * 100
    low, high = np.exp(np.nanpercentile(boot, [tail, 100 - tail], axis=0))
    return low, high


def _log_ratio(
    episodes: FloatArray, nights: FloatArray, exposed: FloatArray, reference: FloatArray
) -> FloatArray:
    """log((episodes per exposed night) / (episodes per reference night)) for every row of
    `episodes` and `nights` (each night's episodes and whether it counts, as arranged in one
    sample) and every column of `exposed` and `reference` (0/1 per night, one per split),
    each rate raised by _HALF / (nights in both groups); NaN where a group has no night."""
    k = exposed.shape[1]
    groups = np.concatenate([exposed, reference], axis=1)
    totals, sizes = _sums(episodes, groups), _sums(nights, groups)
    with np.errstate(divide="ignore", invalid="ignore"):
        rates = totals / sizes
        both = sizes[:, :k] + sizes[:, k:]
        result: FloatArray = np.log((rates[:, :k] + _HALF / both) / (rates[:, k:] + _HALF / both))
    return result


def _sums(rows: FloatArray, columns: FloatArray) -> FloatArray:
    """rows @ columns without BLAS: its threads fight over a busy machine's cores for a
    product this small (30 ms instead of 1 when other processes run; einsum's loop: 3-10 ms)."""
    result: FloatArray = np.einsum("rn,nk->rk", rows, columns)
    return result


def _times_drawn(indices: IntArray, n: int) -> FloatArray:
    """How many times each of the n nights appears in each row of `indices`."""
    rows = indices.shape[0]
    flat = (np.arange(rows)[:, None] * n + indices).ravel()
    return np.bincount(flat, minlength=rows * n).reshape(rows, n).astype(float)


def _significant(value: float) -> float:
    return float(f"{value:.3g}")
