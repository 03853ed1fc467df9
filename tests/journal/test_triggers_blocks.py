"""The resampling parts of the trigger analysis: block permutations, the block bootstrap,
and Benjamini-Hochberg."""

from __future__ import annotations

import numpy as np
import pytest

from twitchcheck.journal._stats_blocks import (
    benjamini_hochberg,
    block_bootstrap,
    block_permutations,
)


def runs(row: list[int], n: int) -> list[list[int]]:
    """The row cut wherever the next day is not the day after (round the end of the series)."""
    pieces = [[row[0]]]
    for day in row[1:]:
        if day == (pieces[-1][-1] + 1) % n:
            pieces[-1].append(day)
        else:
            pieces.append([day])
    return pieces


@pytest.mark.parametrize(("n", "block"), [(90, 19), (23, 5), (28, 7), (60, 15)])
def test_a_block_permutation_uses_every_day_once_and_keeps_blocks_whole(n: int, block: int) -> None:
    rows = block_permutations(n, block, 50, np.random.default_rng(1))
    for row in rows.tolist():
        assert sorted(row) == list(range(n))
        # At most n / block + 1 runs (blocks that happen to follow each other merge).
        assert len(runs(row, n)) <= -(-n // block) + 1
    assert len({tuple(r) for r in rows.tolist()}) > 40  # the rows differ


def test_block_permutations_are_reproducible_from_the_generator() -> None:
    first = block_permutations(90, 19, 5, np.random.default_rng(3))
    assert np.array_equal(first, block_permutations(90, 19, 5, np.random.default_rng(3)))


def test_a_bootstrap_sample_is_made_of_runs_of_consecutive_days() -> None:
    rows = block_bootstrap(90, 19, 20, np.random.default_rng(2))
    assert rows.shape == (20, 90)
    assert rows.min() >= 0
    assert rows.max() < 90
    for row in rows.tolist():
        assert all(len(run) >= 14 for run in runs(row, 90))  # 4 blocks of 19 and one of 14


def test_benjamini_hochberg_matches_a_hand_computed_example() -> None:
    # Benjamini & Hochberg (1995): q_(i) = min over j >= i of p_(j) m / j, capped at 1.
    p = np.array([0.01, 0.04, 0.03, 0.005, 0.5])
    expected = np.array([0.025, 0.05, 0.05, 0.025, 0.5])
    assert np.allclose(benjamini_hochberg(p), expected)
    assert benjamini_hochberg(np.array([])).size == 0
    assert benjamini_hochberg(np.array([0.9, 0.95])).max() <= 1.0
