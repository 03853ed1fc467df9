"""Resampling in blocks of consecutive days, and the Benjamini-Hochberg adjustment.

Day-to-day series are autocorrelated (a stressful week, a run of bad nights): resampling
single days would treat neighbouring days as independent and make chance patterns look
significant. Both the permutation test and the bootstrap here move whole blocks of
consecutive days, which keeps the correlation within a block. See docs/triggers.md.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.intp]
FloatArray = npt.NDArray[np.float64]


def block_permutations(n: int, block: int, count: int, rng: np.random.Generator) -> IntArray:
    """`count` rows, each a permutation of range(n) that keeps runs of `block` days together.

    Each row turns the series round by a random offset (so block edges fall anywhere), cuts it
    into blocks of `block` days (the last may be shorter) and puts the blocks in a random order.
    """
    blocks = -(-n // block)
    order = rng.random((count, blocks)).argsort(axis=1)  # order[r, j]: the block put j-th
    rank = np.empty((count, blocks), dtype=np.int16)
    rank[np.arange(count)[:, None], order] = np.arange(blocks, dtype=np.int16)[None, :]
    # A stable sort by the new place of each day's block keeps the days of a block in order
    # (numpy sorts 16-bit keys by radix, in linear time).
    laid_out = np.argsort(rank[:, np.arange(n) // block], axis=1, kind="stable")
    offsets = rng.integers(0, n, size=(count, 1))
    shuffled: IntArray = (laid_out + offsets) % n
    return shuffled


def block_bootstrap(n: int, block: int, count: int, rng: np.random.Generator) -> IntArray:
    """`count` rows of n day indices drawn as blocks of `block` consecutive days (wrapping
    round the end, the circular moving-block bootstrap of Politis and Romano)."""
    blocks = -(-n // block)
    starts = rng.integers(0, n, size=(count, blocks, 1))
    days = (starts + np.arange(block)[None, None, :]) % n
    return days.reshape(count, blocks * block)[:, :n]


def benjamini_hochberg(p: FloatArray) -> FloatArray:
    """The Benjamini-Hochberg adjusted p-values (q) of `p`, in the same order."""
    m = p.size
    if m == 0:
        return p.copy()
    order = np.argsort(p)
    scaled = p[order] * m / np.arange(1, m + 1)
    adjusted = np.minimum.accumulate(scaled[::-1])[::-1]
    q = np.empty(m)
    q[order] = np.minimum(adjusted, 1.0)
    return q
