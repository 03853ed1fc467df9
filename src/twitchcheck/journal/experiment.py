"""N-of-1 experiments: one change, tried on randomly chosen half-weeks, judged at the end.

`propose` lays out the weeks from a start date: each week is a pair of blocks (its first four
nights and its last three), and a fair coin decides which of the two has the change ("on")
and which does not ("off"), so that every week holds both and time trends cancel out.
`evaluate` compares episodes per night on and off once the schedule is over: the difference
averaged over the weeks, a randomisation-test p over every schedule the coin could have made,
and the interval of differences that test would not reject. Before the end it says how far
the experiment has got, and it says plainly when the weeks recorded are too few to tell.
The method and its limits: docs/triggers.md.
"""

from __future__ import annotations

import datetime
import functools
import itertools
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from twitchcheck._data import load_toml, reading
from twitchcheck.errors import InputError
from twitchcheck.journal._stats_blocks import FloatArray
from twitchcheck.journal.history import History


@dataclass(frozen=True, slots=True)
class Change:
    """A change a person can test on themselves, what it asks, and where the idea comes from."""

    id: str
    label: str
    do: str  # what to do on an "on" block
    factor: str  # the daily factor that shows whether it was done
    evidence: str  # in our words: what the sources say, which is why a personal test helps
    sources: tuple[str, ...]


def _changes() -> dict[str, Change]:
    """The changes offered, from data/journal.toml [changes] (each with its sources)."""
    with reading("journal.toml"):
        raw = load_toml("journal.toml")["changes"]
        return {
            key: Change(
                key, str(c["label"]), str(c["do"]), str(c["factor"]), str(c["evidence"]),
                tuple(str(s) for s in c["sources"]),
            )
            for key, c in raw.items()
        }  # fmt: skip


CHANGES: Mapping[str, Change] = _changes()

WEEKS = (6, 26)  # fewer than 6 weeks cannot give p < 0.05 (2/2^5 = 0.0625); 26 is half a year
HALVES = (4, 3)  # nights in the first and the second block of each week
MIN_NIGHTS_PER_BLOCK = 2  # a block with fewer recorded nights leaves its week out
CONFIDENCE = 0.95
_EXACT_UP_TO = 12  # weeks whose 2^weeks schedules are all enumerated (4,096); beyond, a sample
_SAMPLED = 10_000
_GRID = 201  # shifts tried for the interval, across the range of the weeks' differences


@dataclass(frozen=True, slots=True)
class Block:
    """A run of nights with the change (on) or without it (off)."""

    start: datetime.date
    nights: int
    on: bool

    @property
    def last(self) -> datetime.date:
        return self.start + datetime.timedelta(days=self.nights - 1)


@dataclass(frozen=True, slots=True)
class Schedule:
    """A randomised experiment: `weeks` pairs of blocks from `start`, one of each pair on."""

    change: str
    start: datetime.date
    weeks: int
    seed: int
    blocks: tuple[Block, ...]

    @property
    def last(self) -> datetime.date:
        return self.blocks[-1].last

    def on(self, night: datetime.date) -> bool | None:
        """Whether the change is due on `night` (None: outside the experiment)."""
        for block in self.blocks:
            if block.start <= night <= block.last:
                return block.on
        return None

    def to_json(self) -> dict[str, Any]:
        """The schedule as JSON (J-core stores it; `from_json` reads it back)."""
        return {
            "change": self.change,
            "start": self.start.isoformat(),
            "weeks": self.weeks,
            "seed": self.seed,
            "blocks": [
                {"start": b.start.isoformat(), "nights": b.nights, "on": b.on} for b in self.blocks
            ],
        }

    @classmethod
    def from_json(cls, data: Any) -> Schedule:
        """A stored schedule, checked: it must be exactly what `propose` makes from its seed."""
        try:
            start = datetime.date.fromisoformat(data["start"])
            expected = propose(data["change"], data["weeks"], start, data["seed"])
        except (KeyError, TypeError, ValueError) as error:
            raise InputError(f"not an experiment schedule ({error})") from None
        if expected.to_json() != data:
            raise InputError("the stored experiment schedule does not match its own seed")
        return expected


def propose(change: str, weeks: int, start: datetime.date, seed: int) -> Schedule:
    """A randomised schedule for `change` over `weeks` weeks from the night of `start`."""
    if change not in CHANGES:
        raise InputError(f"no change {change!r}; choose one of: {', '.join(CHANGES)}")
    low, high = WEEKS
    if isinstance(weeks, bool) or not isinstance(weeks, int) or not low <= weeks <= high:
        raise InputError(
            f"{weeks!r} weeks: an experiment runs {low} to {high} whole weeks "
            f"(fewer than {low} cannot tell a change from chance)"
        )
    first_on = np.random.default_rng(seed).random(weeks) < 0.5
    blocks: list[Block] = []
    for week, first in enumerate(first_on.tolist()):
        monday = start + datetime.timedelta(days=7 * week)
        blocks.append(Block(monday, HALVES[0], first))
        blocks.append(Block(monday + datetime.timedelta(days=HALVES[0]), HALVES[1], not first))
    return Schedule(change, start, weeks, seed, tuple(blocks))


Status = Literal["running", "too_short", "done"]


@dataclass(frozen=True, slots=True)
class ExperimentResult:
    """Where an experiment stands; the comparison once it is over and has enough weeks.

    `difference` is episodes per night with the change minus without it (negative: fewer
    with the change), averaged over the weeks used, with its interval and p.
    """

    change: str
    status: Status
    why: str  # what is missing, while running or too short; "" when done
    weeks_used: int
    nights_on: int
    nights_off: int
    rate_on: float | None = None
    rate_off: float | None = None
    difference: float | None = None
    ci: tuple[float, float] | None = None
    p: float | None = None

    def to_json(self) -> dict[str, Any]:
        """The result as JSON (`journal experiment status --json`)."""
        return {
            "change": self.change,
            "status": self.status,
            "why": self.why,
            "weeks_used": self.weeks_used,
            "nights_on": self.nights_on,
            "nights_off": self.nights_off,
            "rate_on": _rounded(self.rate_on),
            "rate_off": _rounded(self.rate_off),
            "difference": _rounded(self.difference),
            "ci": None if self.ci is None else [_rounded(v) for v in self.ci],
            "p": None if self.p is None else float(f"{self.p:.3g}"),
        }


def evaluate(schedule: Schedule, history: History) -> ExperimentResult:
    """The experiment judged from the journal (no estimate before its last night: looking
    early and stopping when it looks good would make chance look like an effect)."""
    on, off = _tallies(schedule, _counts_by_night(history))
    used = [i for i in range(schedule.weeks) if min(on[i][1], off[i][1]) >= MIN_NIGHTS_PER_BLOCK]
    nights_on = sum(on[i][1] for i in used)
    nights_off = sum(off[i][1] for i in used)
    pending = _not_yet(schedule, history, len(used))
    if pending is not None:
        status, why = pending
        return ExperimentResult(schedule.change, status, why, len(used), nights_on, nights_off)
    differences = np.array([on[i][0] / on[i][1] - off[i][0] / off[i][1] for i in used])
    return ExperimentResult(
        schedule.change,
        "done",
        "",
        len(used),
        nights_on,
        nights_off,
        rate_on=sum(on[i][0] for i in used) / nights_on,
        rate_off=sum(off[i][0] for i in used) / nights_off,
        difference=float(differences.mean()),
        ci=_interval(differences),
        p=_p_value(differences),
    )


def _not_yet(schedule: Schedule, history: History, weeks_used: int) -> tuple[Status, str] | None:
    """Why there is no result yet (None when there is one)."""
    last = history.nights[-1] if history.nights else None
    if last is None or last < schedule.last:
        so_far = 0 if last is None else max(0, (last - schedule.start).days + 1)
        return "running", (
            f"{so_far} of {schedule.weeks * 7} nights so far; the result comes after the "
            f"night of {schedule.last.isoformat()}"
        )
    if weeks_used < WEEKS[0]:
        return "too_short", (
            f"{weeks_used} weeks with at least {MIN_NIGHTS_PER_BLOCK} recorded nights in both "
            f"halves, {WEEKS[0]} needed: too short to tell the change from chance"
        )
    return None


def _counts_by_night(history: History) -> dict[datetime.date, int]:
    return {n: c for n, c in zip(history.nights, history.episodes, strict=True) if c is not None}


def _tallies(
    schedule: Schedule, counts: Mapping[datetime.date, int]
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Per week: (episodes, recorded nights) in its on block, and in its off block."""
    on: list[tuple[int, int]] = []
    off: list[tuple[int, int]] = []
    for block in schedule.blocks:  # each week's two blocks: one on, one off
        nights = [block.start + datetime.timedelta(days=d) for d in range(block.nights)]
        seen = [counts[n] for n in nights if n in counts]
        (on if block.on else off).append((sum(seen), len(seen)))
    return on, off


@functools.lru_cache(maxsize=4)
def _signs(weeks: int) -> FloatArray:
    """Every way the coins could have fallen (+1 as it happened, -1 swapped, per week), or a
    fixed sample of them for long experiments."""
    if weeks <= _EXACT_UP_TO:
        signs: FloatArray = np.array(list(itertools.product((1.0, -1.0), repeat=weeks)))
    else:
        rng = np.random.default_rng(weeks)  # fixed: the same record always gives the same p
        signs = np.where(rng.random((_SAMPLED, weeks)) < 0.5, 1.0, -1.0)
        signs[0] = 1.0  # the schedule that happened
    signs.flags.writeable = False  # shared by every call (cached)
    return signs


def _p_values(differences: FloatArray, shifts: FloatArray) -> FloatArray:
    """Two-sided randomisation p of "the change shifts the rate by s" for each s of `shifts`:
    swapping on and off within a week flips the sign of that week's difference."""
    signs = _signs(differences.size)
    k = differences.size
    # Under shift s the centred differences are d - s; each sign pattern's mean is then
    # (signs @ d - s * signs.sum) / k, for every s at once.
    means = (signs @ differences)[:, None] - signs.sum(axis=1)[:, None] * shifts[None, :]
    observed = np.abs(differences.mean() - shifts)
    p: FloatArray = np.mean(np.abs(means / k) >= observed[None, :] - 1e-12, axis=0)
    return p


def _p_value(differences: FloatArray) -> float:
    return float(_p_values(differences, np.zeros(1))[0])


def _interval(differences: FloatArray) -> tuple[float, float]:
    """The shifts the randomisation test does not reject at 1 - CONFIDENCE (its inversion,
    so the interval and p agree). With 6 weeks or more a shift outside the weeks' own range
    is always rejected (every centred difference has one sign: p = 2 / 2^weeks < 0.05), so
    that range is searched."""
    grid = np.linspace(differences.min(), differences.max(), _GRID)
    kept = grid[_p_values(differences, grid) > 1 - CONFIDENCE]
    if kept.size == 0:  # every shift rejected: cannot happen, the mean itself gives p = 1
        return (math.nan, math.nan)
    return (float(kept.min()), float(kept.max()))


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 3)
