"""Chain and brand items people log, read as the closest generic USDA food.

    approximate_for("greggs sausage roll")  # -> "sausage roll"
    approximate_for("can of fanta")         # -> "can of soft drink fruit flavored"

USDA's releases name few brands, so a query naming a chain or a branded product is searched
as a generic food and its results are marked approximations (``Match.approximation``). The
table, with where each generic choice comes from, is ``data/brands.toml``.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass

from twitchcheck._data import data_path
from twitchcheck.text import terms

FILLER = frozenset({"a", "an", "the", "of", "some", "my", "x"})
LONGEST_KEY = 4  # words in the longest chain or product name looked for


@dataclass(frozen=True, slots=True)
class _Table:
    chains: dict[str, str]
    sizes: frozenset[str]
    products: dict[str, str]


@functools.cache
def _table() -> _Table:
    with data_path("brands.toml").open("rb") as handle:
        raw = tomllib.load(handle)
    return _Table(
        chains={" ".join(terms(k)): v for k, v in raw["chains"]["items"].items()},
        sizes=frozenset(raw["chains"]["size_words"]),
        products={" ".join(terms(k)): v for k, v in raw.get("products", {}).items()},
    )


def approximate_for(query: str) -> str | None:
    """The generic food searched for a chain or brand item, or None when `query` names none.

    A product's words are replaced by its generic food's words; a chain's name (and its size
    words) is dropped, leaving what was ordered, or the chain's signature item when nothing
    is left.
    """
    found = terms(query)
    table = _table()
    for size in range(min(LONGEST_KEY, len(found)), 0, -1):
        for i in range(len(found) - size + 1):
            key = " ".join(found[i : i + size])
            if key in table.products:
                return " ".join([*found[:i], table.products[key], *found[i + size :]])
            if key in table.chains:
                rest = [
                    t
                    for t in found[:i] + found[i + size :]
                    if t not in table.sizes and t not in FILLER
                ]
                return " ".join(rest) if rest else table.chains[key]
    return None
