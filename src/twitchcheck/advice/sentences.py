"""Small helpers for the sentences the advice writes."""

from __future__ import annotations

from collections.abc import Sequence


def one_line(value: str) -> str:
    """`value` trimmed, each run of white space one space (a data file's wrapped sentence)."""
    return " ".join(value.split())


def and_list(items: Sequence[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
