"""`parse_quantity` skips its rules for words that hold no amount (`_holds_no_amount`): the
answer must be the one every rule would give, for every food name and every diary line."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from twitchcheck.errors import InputError
from twitchcheck.foods.database import connect
from twitchcheck.foods.quantity import _GLUED, _holds_no_amount, _read, parse_quantity, units
from twitchcheck.text import clean, fold

DATA = Path(__file__).parent / "data"


def _plain(text: str) -> str:
    return _GLUED.sub(r"\1 ", " ".join(fold(clean(text)).split()))


def _same(text: str) -> bool:
    """The shortcut's answer is `_read`'s, or the shortcut was not taken."""
    plain = _plain(text)
    if not _holds_no_amount(plain):
        return True
    try:
        return parse_quantity.__wrapped__(text) == _read(plain, None)
    except InputError:
        return False  # the shortcut never refuses: `_read` must not have either


@functools.cache
def _lines() -> list[str]:
    """Every food name, its first part, and every line of the development diaries."""
    names = [n for (n,) in connect().execute("SELECT name FROM food")]
    found = names + [n.split(",")[0] for n in names]
    for path in sorted(DATA.glob("*_diaries/*.txt")):
        if "holdout" not in path.parent.name:
            found += path.read_text(encoding="utf-8").splitlines()
    return [f for f in dict.fromkeys(found) if "[" not in f]


def test_the_shortcut_gives_every_rules_answer_on_real_text() -> None:
    differing = [t for t in _lines() if not _same(t)]
    assert differing == []
    heads = {n.split(",")[0] for (n,) in connect().execute("SELECT name FROM food")}
    taken = sum(_holds_no_amount(_plain(h)) for h in heads)
    assert taken > len(heads) / 2  # food words as people shorten them: the common case


_VOCABULARY = sorted(units().amount_words | {"milk", "rice", "bread", "chicken", "tea", "and"})


@given(st.lists(st.sampled_from(_VOCABULARY), min_size=1, max_size=5))
def test_any_words_give_every_rules_answer(said: list[str]) -> None:
    assert _same(" ".join(said))


def test_amount_words_cover_what_people_write() -> None:
    for text in ("a banana", "cup noodles", "kale, 30 g", "grande latte", "bottomless coke",
                 "about a cup rice", "half banana", "tbsp butter", "big bowl soup"):  # fmt: skip
        assert not _holds_no_amount(_plain(text)), text
    assert re.fullmatch(r"[a-z ]+", " ".join(sorted(units().amount_words)))
