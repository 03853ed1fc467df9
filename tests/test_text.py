"""What people type is normalised in one place (text.py) before phrases and search see it."""

from __future__ import annotations

import time
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import HANG_BOUND
from twitchcheck.errors import InputError
from twitchcheck.text import clean, clip, fold, mixed_script_word, quoted, terms, user_text

# Characters a paste or a keyboard slips in: invisible, odd spaces, controls, look-alikes.
HOSTILE = (
    "\u200b\u200c\u200d\ufeff\u2060\u00ad\u200e\u202e"  # zero-width, BOM, soft hyphen, bidi
    "\u00a0\u2009\u202f\u3000\u2028\u0085\t\n\r\x00\x1b\x7f"  # spaces, line breaks, controls
    "０１２３４５６７８９½¼⅓"  # full-width digits, vulgar fractions
    "мсаеорх"  # Cyrillic look-alikes of Latin letters
    "\"'*^-:()[]{}<>%.,;/\\+"  # query syntax and markup
)
TEXT = st.text(alphabet=st.sampled_from(HOSTILE) | st.characters(), max_size=60)


@pytest.mark.parametrize(
    ("given_text", "expected"),
    [
        ("2\u200beggs", "2eggs"),
        ("\u200b2 eggs", "2 eggs"),
        ("2\ufeff eggs\u2060", "2 eggs"),
        ("2\u00a0eggs", "2 eggs"),
        ("2\u2009\u3000eggs", "2 eggs"),
        ("２ eggs", "2 eggs"),
        ("１００ｇ rice", "100g rice"),
        ("1½ cups", "1 1/2 cups"),
        ("½ cup", "1/2 cup"),
        ("1 ½ cups", "1 1/2 cups"),
        ("milk\tand\nhoney\r\n", "milk and honey"),
        ("\x00milk\x1b", "milk"),
        ("  lots   of   space  ", "lots of space"),
        ("ﬁsh", "fish"),
        ("\udcff milk", "\ufffd milk"),
        ("Crème brûlée", "Crème brûlée"),
        ("−2 eggs", "-2 eggs"),
        ("2–3 eggs", "2-3 eggs"),
    ],
)
def test_clean(given_text: str, expected: str) -> None:
    assert clean(given_text) == expected


@given(text=TEXT)
def test_clean_leaves_nothing_invisible_and_is_idempotent(text: str) -> None:
    cleaned = clean(text)
    assert clean(cleaned) == cleaned
    assert "  " not in cleaned
    assert cleaned == cleaned.strip()
    assert not any(unicodedata.category(c) in ("Cc", "Cf", "Cs", "Zl", "Zp") for c in cleaned)
    assert all(c == " " or unicodedata.category(c) != "Zs" for c in cleaned)


@pytest.mark.parametrize(
    ("word", "flagged"),
    [("мilk", True), ("sаlmon", True), ("milk", False), ("молоко", False), ("牛奶", False),
     ("café", False), ("naïve", False), ("jalapeño", False), ("Müsli", False)],
)  # fmt: skip
def test_words_mixing_latin_with_another_alphabet_are_found(word: str, flagged: bool) -> None:
    assert (mixed_script_word(f"2 {word}") == word) is flagged


def test_user_text_refuses_look_alikes_naming_the_word() -> None:
    with pytest.raises(InputError, match="'мilk' mixes Cyrillic and Latin"):
        user_text("1 cup мilk", "food phrase", 300)


def test_a_megabyte_is_refused_at_once_and_quoted_short() -> None:
    start = time.perf_counter()
    with pytest.raises(InputError) as caught:
        user_text("x" * 1_000_000, "food phrase", 300)
    assert time.perf_counter() - start < HANG_BOUND
    message = str(caught.value)
    assert len(message) < 250
    assert "1,000,000 characters" in message
    assert "at most 300" in message


def test_length_is_measured_before_cleaning() -> None:
    with pytest.raises(InputError, match="characters long"):
        user_text("\u200b" * 301, "search query", 300)
    assert user_text("\u200b" * 10 + "milk", "search query", 300) == "milk"


def test_clip_and_quoted() -> None:
    assert clip("short") == "short"
    assert clip("x" * 200, 20) == "x" * 19 + "…"
    assert quoted("a\u200bb\nc") == "'ab c'"
    assert len(clip("\u200b" * 1_000_000 + "y" * 1_000_000)) <= 60


# Letters NFKD keeps whole, with how people type them on a keyboard without them.
WHOLE_LETTERS = {"ı": "i", "đ": "d", "ł": "l", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe"}


@given(
    st.text(
        alphabet=st.sampled_from("".join(WHOLE_LETTERS).upper() + "".join(WHOLE_LETTERS))
        | st.characters(),
        max_size=40,
    )
)
def test_fold_leaves_no_mark_nor_whole_letter_and_is_idempotent(text: str) -> None:
    folded = fold(text)
    assert not set(folded) & set(WHOLE_LETTERS)
    assert not any(unicodedata.combining(c) for c in folded)
    assert fold(folded) == folded


@given(st.lists(st.sampled_from(["kie", "ba", "sa", "rak", "sm", "rrebr", "d"]), max_size=6))
def test_a_word_with_a_whole_letter_is_searched_as_typed_without_it(pieces: list[str]) -> None:
    for letter, plain in WHOLE_LETTERS.items():
        written = letter.join(pieces)
        assert terms(written) == terms(plain.join(pieces))
        assert terms(written.upper()) == terms(plain.join(pieces))


@pytest.mark.parametrize(
    ("written", "plain"),
    [
        ("kiełbasa", "kielbasa"),
        ("Żurek", "zurek"),
        ("rakı", "raki"),
        ("smørrebrød", "smorrebrod"),
        ("bœuf", "boeuf"),
    ],
)
def test_fold_spells_letters_plainly(written: str, plain: str) -> None:
    assert fold(written) == plain


def test_fold_lowers_the_capitals_a_compatibility_letter_decomposes_to() -> None:
    # hypothesis found it: "🄐" (parenthesised A) is "(A)" under NFKD, folded once to "(a)"
    assert fold("\U0001f110") == "(a)"
