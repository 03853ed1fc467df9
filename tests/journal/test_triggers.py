"""journal.triggers: the shape of DESIGN.md, the minimums, the lags, the arithmetic, and a
small seeded version of the simulation study (the full one: test_triggers_simulation.py)."""

from __future__ import annotations

import datetime

import numpy as np
import pytest

from twitchcheck.errors import InputError
from twitchcheck.journal import triggers
from twitchcheck.journal._stats_simulation import Simulation, simulate
from twitchcheck.journal.history import History
from twitchcheck.journal.triggers import MIN_GROUP, MIN_NIGHTS, analyse

FIRST = datetime.date(2026, 3, 1)
FAST = {"permutations": 499, "bootstraps": 99}


def alternating(n: int, episodes_on: int, episodes_off: int) -> History:
    """Caffeine after 2 p.m. on every other day in a random order (half the days of each
    pair of days), and that night's episodes set by it."""
    flips = np.random.default_rng(n).random(n // 2) < 0.5
    after_2pm = [float(on != (i % 2 == 1)) for i, on in enumerate(np.repeat(flips, 2))]
    episodes = [episodes_on if on else episodes_off for on in after_2pm]
    return History.starting(FIRST, episodes, {"caffeine_after_2pm": after_2pm})


def test_the_report_has_exactly_the_shape_of_design_md() -> None:
    report = analyse(simulate(3), **FAST).to_json()
    assert set(report) == {"days", "findings", "not_enough_data"}
    assert report["days"] == simulate(3).recorded_nights
    for finding in report["findings"]:
        assert set(finding) == {"factor", "lag_days", "effect", "ci", "p", "q", "status"}
        assert finding["status"] in {"associated", "none"}
        assert finding["lag_days"] in {0, 1}
        low, high = finding["ci"]
        assert 0 < low <= high
        assert 0 < finding["p"] <= finding["q"] <= 1
    for entry in report["not_enough_data"]:
        assert set(entry) == {"factor", "why"}


def test_the_same_seed_gives_the_same_report_and_another_seed_other_p_values() -> None:
    history = simulate(5, Simulation(effect=2.0))
    first = analyse(history, seed=7, **FAST).to_json()
    assert analyse(history, seed=7, **FAST).to_json() == first
    other = analyse(history, seed=8, **FAST).to_json()
    assert [f["effect"] for f in other["findings"]] == [f["effect"] for f in first["findings"]]
    assert [f["p"] for f in other["findings"]] != [f["p"] for f in first["findings"]]


def test_the_effect_is_the_ratio_of_episodes_per_night_with_half_an_episode_added() -> None:
    # 40 nights: 20 after a late coffee with 3 episodes each, 20 without with 1 each.
    finding = next(f for f in analyse(alternating(40, 3, 1), **FAST).findings if f.lag_days == 0)
    assert finding.effect == pytest.approx((60 / 20 + 0.5 / 40) / (20 / 20 + 0.5 / 40))
    assert (finding.nights_exposed, finding.nights_reference) == (20, 20)
    assert (finding.exposed, finding.reference) == ("yes", "no")


def test_lag_one_pairs_each_night_with_the_day_before() -> None:
    # The episodes follow the day before: same-day coffee is then the opposite pattern.
    history = alternating(60, 3, 1)
    shifted = History.starting(
        FIRST,
        (None, *history.episodes[:-1]),
        {"caffeine_after_2pm": history.factors["caffeine_after_2pm"]},
    )
    by_lag = {f.lag_days: f for f in analyse(shifted, **FAST).findings}
    assert by_lag[1].effect > 2.5
    assert by_lag[0].effect < 1
    assert by_lag[1].nights_exposed + by_lag[1].nights_reference == 59  # night 1 has no count


def test_a_missing_night_is_left_out_not_counted_as_a_quiet_one() -> None:
    base = alternating(60, 2, 2)
    late = [i for i, v in enumerate(base.factors["caffeine_after_2pm"]) if v == 1.0]
    gone = set(late[::2])  # every other late-coffee night was not recorded
    episodes = [None if i in gone else c for i, c in enumerate(base.episodes)]
    finding = analyse(History.starting(FIRST, episodes, dict(base.factors)), lags=(0,), **FAST)
    exposed, reference = len(late) - len(gone), 60 - len(late)
    (only,) = finding.findings
    assert (only.nights_exposed, only.nights_reference) == (exposed, reference)
    assert only.effect == pytest.approx(1.0)  # not below 1, as counting them as 0 would make it


def test_a_journal_without_episodes_has_a_ratio_of_one() -> None:
    (finding,) = analyse(alternating(60, 0, 0), lags=(0,), **FAST).findings
    assert finding.effect == pytest.approx(1.0)
    assert finding.status == "none"


def test_too_few_nights_says_how_many_there_are_and_how_many_are_needed() -> None:
    report = analyse(alternating(MIN_NIGHTS - 8, 1, 0), **FAST)
    assert report.findings == ()
    (short,) = report.not_enough_data
    assert short.why == (
        f"{MIN_NIGHTS - 8} recorded nights with caffeine_after_2pm recorded, {MIN_NIGHTS} needed"
    )


def test_too_few_nights_with_a_factor_names_the_side_that_is_short() -> None:
    present = [1.0 if i < MIN_GROUP - 2 else 0.0 for i in range(60)]
    history = History.starting(FIRST, [1] * 60, {"caffeine_after_2pm": present})
    (short,) = analyse(history, lags=(0,), **FAST).not_enough_data
    assert short.why == f"{MIN_GROUP - 2} nights with caffeine_after_2pm yes, {MIN_GROUP} needed"


def test_a_factor_that_never_changes_cannot_be_tested() -> None:
    history = History.starting(FIRST, [1] * 40, {"took_magnesium": [1.0] * 40})
    (short,) = analyse(history, **FAST).not_enough_data
    assert short.why == "took_magnesium was 1 on every recorded day; it needs to vary"


def test_only_one_lag_short_is_named_with_its_lag() -> None:
    # Enough nights at lag 0 only: the first night has no day before.
    history = alternating(MIN_NIGHTS, 1, 0)
    report = analyse(history, **FAST)
    assert [f.lag_days for f in report.findings] == [0]
    (short,) = report.not_enough_data
    assert short.why.endswith("(day before)")


def test_a_number_is_compared_top_third_against_bottom_third() -> None:
    stress = [float(i % 9) for i in range(90)]  # 0..8, ten days each
    history = History.starting(FIRST, [1] * 90, {"stress": stress})
    finding = analyse(history, lags=(0,), **FAST).findings[0]
    assert (finding.exposed, finding.reference) == (">= 6", "<= 2")
    assert finding.nights_exposed == 30
    assert finding.nights_reference == 30


def test_a_number_mostly_at_one_value_is_compared_above_it_against_at_it() -> None:
    drinks = [0.0] * 50 + [1.0, 2.0, 3.0] * 10  # no drink on most days
    history = History.starting(FIRST, [1] * 80, {"alcohol_drinks": drinks})
    finding = analyse(history, lags=(0,), **FAST).findings[0]
    assert (finding.exposed, finding.reference) == (">= 1", "<= 0")
    assert (finding.nights_exposed, finding.nights_reference) == (30, 50)


@pytest.mark.parametrize("lags", [(2,), (), (0, 0), (-1,)])
def test_only_the_declared_lags_are_accepted(lags: tuple[int, ...]) -> None:
    with pytest.raises(InputError, match="declared lags"):
        analyse(simulate(1), lags=lags)


def test_the_wording_says_associated_and_never_caused() -> None:
    report = analyse(alternating(60, 3, 1), **FAST)
    sentences = [f.sentence("Caffeine after 2 p.m.") for f in report.findings]
    assert any("associated with more episodes" in s for s in sentences)
    assert not any("caus" in s.lower() for s in sentences)


def test_a_small_seeded_study_finds_a_planted_trigger_and_invents_few() -> None:
    """The quick tier's version of test_triggers_simulation.py: 12 histories each way."""
    null = [analyse(simulate(s, Simulation(phi=0.8)), seed=s, **FAST) for s in range(12)]
    planted = [analyse(simulate(s, Simulation(effect=3.0)), seed=s, **FAST) for s in range(12)]
    assert sum(bool(r.associated) for r in null) <= 2
    found = sum(
        any(f.factor == "caffeine_after_2pm" and f.lag_days == 0 for f in r.associated)
        for r in planted
    )
    assert found >= 9


def test_block_length_leaves_at_least_four_blocks() -> None:
    assert triggers.block_length(90) == 19
    assert triggers.block_length(365) == 39
    assert triggers.block_length(MIN_NIGHTS) == MIN_NIGHTS // 4
    assert np.all([triggers.block_length(n) * 4 <= n for n in range(8, 400)])
