"""journal.experiment: randomised N-of-1 schedules, stored and read back, and their verdicts on
hand-made and simulated journals, with and without an effect."""

from __future__ import annotations

import datetime
import json

import numpy as np
import pytest

from twitchcheck.errors import InputError
from twitchcheck.journal._stats_simulation import ar1
from twitchcheck.journal.experiment import CHANGES, Schedule, evaluate, propose
from twitchcheck.journal.history import History

START = datetime.date(2026, 12, 7)


def journal(schedule: Schedule, on: int | None, off: int | None, nights: int = 0) -> History:
    """`on` episodes every night with the change, `off` every night without, over the whole
    schedule (or its first `nights`)."""
    n = nights or schedule.weeks * 7
    dates = tuple(schedule.start + datetime.timedelta(days=i) for i in range(n))
    return History(dates, tuple(on if schedule.on(d) else off for d in dates))


def simulated(schedule: Schedule, seed: int, ratio: float) -> History:
    """Poisson episodes, about 0.6 a night drifting as an AR(1) log rate, times `ratio` on
    the nights with the change."""
    rng = np.random.default_rng(seed)
    n = schedule.weeks * 7
    dates = [schedule.start + datetime.timedelta(days=i) for i in range(n)]
    on = np.array([bool(schedule.on(d)) for d in dates])
    log_rate = np.log(0.6) + 0.3 * ar1(rng, n, 0.6) + np.log(ratio) * on
    return History(tuple(dates), tuple(int(c) for c in rng.poisson(np.exp(log_rate))))


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_a_schedule_pairs_an_on_and_an_off_half_in_every_week(change: str) -> None:
    schedule = propose(change, 8, START, seed=4)
    assert len(schedule.blocks) == 16
    assert schedule.last == START + datetime.timedelta(days=8 * 7 - 1)
    for week in range(8):
        first, second = schedule.blocks[2 * week : 2 * week + 2]
        assert first.start == START + datetime.timedelta(days=7 * week)
        assert (first.nights, second.nights) == (4, 3)
        assert second.start == first.last + datetime.timedelta(days=1)
        assert first.on != second.on
    assert schedule.on(START - datetime.timedelta(days=1)) is None
    assert schedule.on(schedule.last + datetime.timedelta(days=1)) is None


def test_the_seed_fixes_the_schedule_and_seeds_differ() -> None:
    first = propose("more_fluids", 12, START, seed=1)
    assert propose("more_fluids", 12, START, seed=1) == first
    orders = {tuple(b.on for b in propose("more_fluids", 12, START, s).blocks) for s in range(20)}
    assert len(orders) > 15


def test_a_schedule_survives_json_and_a_tampered_one_is_refused() -> None:
    schedule = propose("no_caffeine_after_2pm", 6, START, seed=9)
    stored = json.loads(json.dumps(schedule.to_json()))
    assert Schedule.from_json(stored) == schedule
    stored["blocks"][0]["on"] = not stored["blocks"][0]["on"]
    with pytest.raises(InputError, match="does not match its own seed"):
        Schedule.from_json(stored)
    for broken in ({}, [], {"change": "more_fluids", "start": "soon", "weeks": 6, "seed": 1}):
        with pytest.raises(InputError, match="not an experiment schedule"):
            Schedule.from_json(broken)


@pytest.mark.parametrize(
    ("change", "weeks", "says"),
    [
        ("yoga", 8, "choose one of: no_caffeine_after_2pm, stretching_before_bed, more_fluids"),
        ("more_fluids", 5, "6 to 26 whole weeks"),
        ("more_fluids", 27, "6 to 26 whole weeks"),
        ("more_fluids", 6.5, "6 to 26 whole weeks"),
        ("more_fluids", True, "6 to 26 whole weeks"),
    ],
)
def test_a_change_or_length_that_cannot_be_run_is_refused(
    change: str, weeks: int, says: str
) -> None:
    with pytest.raises(InputError, match=says):
        propose(change, weeks, START, seed=0)


def test_every_change_says_what_to_do_and_cites_its_sources() -> None:
    for change in CHANGES.values():
        assert change.do
        assert change.evidence
        assert change.sources
        assert all("doi:" in s or "https://" in s for s in change.sources)


def test_before_the_last_night_it_says_how_far_it_has_got() -> None:
    schedule = propose("more_fluids", 6, START, seed=2)
    result = evaluate(schedule, journal(schedule, 0, 1, nights=20))
    assert result.status == "running"
    assert result.why == "20 of 42 nights so far; the result comes after the night of 2027-01-17"
    assert result.difference is None


def test_too_few_recorded_nights_is_too_short_with_what_is_missing() -> None:
    schedule = propose("more_fluids", 6, START, seed=2)
    full = journal(schedule, 0, 1)
    # Weeks 1 and 2 were hardly recorded: one night in each half at most.
    gaps = [None if i % 7 > 0 and i < 14 else c for i, c in enumerate(full.episodes)]
    result = evaluate(schedule, History(full.nights, tuple(gaps)))
    assert result.status == "too_short"
    assert result.why.startswith("4 weeks with at least 2 recorded nights in both halves, 6 needed")
    assert result.to_json()["p"] is None


def test_a_change_that_always_helps_gives_the_smallest_p_six_weeks_allow() -> None:
    schedule = propose("stretching_before_bed", 6, START, seed=3)
    result = evaluate(schedule, journal(schedule, 0, 1))
    assert result.status == "done"
    assert (result.rate_on, result.rate_off, result.difference) == (0.0, 1.0, -1.0)
    assert result.p == pytest.approx(2 / 2**6)  # as it happened, or every week swapped
    assert result.ci == pytest.approx((-1.0, -1.0), abs=1e-9)
    on_nights = sum(b.nights for b in schedule.blocks if b.on)
    assert (result.nights_on, result.nights_off) == (on_nights, 42 - on_nights)


def outcomes(ratio: float, histories: int, seed: int) -> list[tuple[float, float, float]]:
    """(p, interval low, interval high) of 10-week experiments on simulated journals."""
    results = []
    for s in range(histories):
        schedule = propose("more_fluids", 10, START, seed + s)
        result = evaluate(schedule, simulated(schedule, seed + s, ratio))
        assert result.p is not None
        assert result.ci is not None
        results.append((result.p, *result.ci))
    return results


def test_on_simulated_journals_an_effect_is_seen_and_no_effect_rarely_is() -> None:
    """10 weeks each: a change cutting episodes to a fifth, and a change that does nothing."""
    helped = outcomes(0.2, 20, seed=100)
    idle = outcomes(1.0, 40, seed=200)
    assert sum(p <= 0.05 for p, _, _ in helped) >= 14
    assert sum(high < 0 for _, _, high in helped) >= 14  # the interval: fewer episodes
    assert sum(p <= 0.05 for p, _, _ in idle) <= 5
    assert sum(low <= 0 <= high for _, low, high in idle) >= 34
