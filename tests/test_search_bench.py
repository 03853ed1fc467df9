"""What `make bench` times is what issue 11 asks for: phrases over at least 1,000 distinct
food words (each met once, so no cache answers them) and a committed worst-case query set
holding typos, long phrases and words in no food name."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

search = importlib.import_module("twitchcheck.foods.search")
REPO = Path(__file__).resolve().parent.parent


def _bench() -> object:
    folder = str(REPO / "bench")
    if folder not in sys.path:
        sys.path.insert(0, folder)
    return importlib.import_module("run")


def test_the_first_time_phrases_name_a_thousand_distinct_foods() -> None:
    words = _bench().food_words()  # type: ignore[attr-defined]
    assert len(words) >= 1000
    assert len(set(words)) == len(words)
    # Names as people shorten them: the first part of USDA's, lower case, no amounts.
    assert all(w == w.lower() and not any(c.isdigit() for c in w) for w in words)


def test_the_worst_case_set_holds_typos_long_phrases_and_unknown_words() -> None:
    queries = _bench().p99_queries()  # type: ignore[attr-defined]
    assert len(queries) >= 400
    long = [q for q in queries if len(q.split()) >= 8]
    assert long
    # Words in no food's name, which select no candidate (read from the long phrases).
    assert any(search._frequency(w) == 0 for q in long for w in search.query_terms(q))
    typed = {w for q in queries for w in q.lower().split()}
    assert "bananna" in typed  # a one-letter typo of an everyday food, corrected
    assert "banana" in search.query_terms("bananna")
