"""Hostile text: stored and read back exactly, or refused with a message naming the field."""

from __future__ import annotations

import datetime as dt

import pytest

from twitchcheck.store import (
    EntryInput,
    ProfileDetails,
    Store,
    StoreInputError,
    diaries,
    profiles,
    results,
)
from twitchcheck.store.checks import TEXT_CHARS

DAY = dt.date(2026, 11, 20)
KEPT = {
    "markup": "<script>alert('x')</script><b>oats</b> & {{ jinja }} ${shell}",
    "sql": "'; DROP TABLE profiles; -- \" \\",
    "unicode": "¼ cup crème fraîche 🥣 ٢ خبز  e\u0301 \u200b\ufeff",
    "control": "tab\there\nnew line\r\x1b[31m red",
    "longest": "x" * TEXT_CHARS,
}
REFUSED = {
    "NUL byte": ("tea\x00with milk", "NUL"),
    "too long": ("x" * (TEXT_CHARS + 1), "characters long"),
    "lone surrogate": ("caf\ud800", "broken character"),
    "blank": ("   ", "empty"),
}


@pytest.mark.parametrize("value", KEPT.values(), ids=KEPT.keys())
def test_hostile_text_is_kept_exactly(store: Store, person: int, value: str) -> None:
    diaries.import_diary(store, person, [EntryInput(DAY, value, meal="<i>tea</i>")])
    [line] = diaries.diary(store, person)[0].entries
    assert (line.text, line.meal) == (value, "<i>tea</i>")
    saved = results.save_screening(store, person, {value: [value]}, {"note": value})
    got = results.get_screening(store, person, saved.id)
    assert (got.answers, got.result) == ({value: [value]}, {"note": value})


@pytest.mark.parametrize(("value", "message"), REFUSED.values(), ids=REFUSED.keys())
def test_unstorable_text_is_refused_with_a_message(
    store: Store, person: int, value: str, message: str
) -> None:
    with pytest.raises(StoreInputError, match=message) as raised:
        diaries.import_diary(store, person, [EntryInput(DAY, "fine"), EntryInput(DAY, value)])
    assert "diary line" in str(raised.value)
    assert diaries.diary(store, person) == []


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ({"x": float("nan")}, "JSON"),
        ({"x": "a\x00b"}, "NUL"),
        ({"x": "y" * 2_000_001}, "larger than"),
        ({"x": {1, 2}}, "JSON"),
    ],
    ids=["NaN", "NUL", "huge", "a set"],
)
def test_unstorable_json_is_refused(store: Store, person: int, document, message: str) -> None:
    with pytest.raises(StoreInputError, match=message):
        results.save_screening(store, person, document, {})
    assert results.screenings(store, person) == []


def test_an_escaped_backslash_is_not_taken_for_a_nul(store: Store, person: int) -> None:
    saved = results.save_screening(store, person, {"x": "\\u0000"}, {})
    assert results.get_screening(store, person, saved.id).answers == {"x": "\\u0000"}


def test_a_long_name_is_refused(store: Store) -> None:
    with pytest.raises(StoreInputError, match="name"):
        profiles.add_profile(store, ProfileDetails(name="A" * 201))
