"""The search index shipped in foods.sqlite is what the build script makes of the shipped
foods: each token's posting lists, as FTS5 tokenizes the foods' index texts."""

from __future__ import annotations

import array
import importlib
import sys

import pytest

from conftest import REPO
from twitchcheck.foods.database import connect

sys.path.insert(0, str(REPO / "tools"))
import build_fooddb

search = importlib.import_module("twitchcheck.foods.search")


def _shipped() -> dict[tuple[str, str], list[int]]:
    found: dict[tuple[str, str], list[int]] = {}
    for term, part, blob in connect().execute("SELECT term, part, foods FROM posting"):
        rowids = array.array("I")
        rowids.frombytes(blob)
        if sys.byteorder == "big":
            rowids.byteswap()
        found[(term, part)] = list(rowids)
    return found


def test_the_posting_lists_are_current() -> None:
    """Rebuilt from the shipped food table with the build's own functions: a change to how
    names are indexed must come with `make fooddb`."""
    db = connect()
    respell = dict(db.execute("SELECT term, words FROM respelling"))
    documents = [
        (rowid, *build_fooddb.index_texts(name, search.indexed_note(name, note), respell))
        for rowid, name, note in db.execute("SELECT rowid, name, note FROM food ORDER BY rowid")
    ]
    assert build_fooddb.postings(documents) == _shipped()


def test_a_list_round_trips_and_keeps_row_order() -> None:
    rowids = [1, 7, 70_000, 2**31 + 5]
    blob = build_fooddb.encoded(rowids)
    assert len(blob) == 4 * len(rowids)
    assert search._decoded(blob) == frozenset(rowids)


def test_the_head_lists_are_within_the_full_lists() -> None:
    shipped = _shipped()
    for (term, part), rowids in shipped.items():
        assert rowids == sorted(set(rowids))
        if part == "head":
            assert set(rowids) <= set(shipped[(term, "")])
    assert {part for _, part in shipped} == set(build_fooddb.PARTS)


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("3.25", "3 25"),  # a dotted term: the foods holding both tokens
        ("non-dairy", "non dairy"),
        ("milk", "milk"),
    ],
)
def test_a_term_of_several_tokens_is_the_foods_holding_all(term: str, expected: str) -> None:
    lists = [set(_shipped().get((token, ""), [])) for token in expected.split()]
    assert search._postings(term) == frozenset(set.intersection(*lists))
    assert search._postings(term)  # each of these is in some food's name


def test_a_term_of_no_index_token_selects_nothing() -> None:
    assert search._postings("…") == frozenset()
    assert search._postings("zzzzq") == frozenset()
    assert search._frequency("zzzzq") == 0
