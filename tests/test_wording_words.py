"""knowledge.wording.words is the token texts of `tokens` (built without the tokens, for
speed: a cold screening keys tables of ~1,200 names with it; plain words are split directly)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from twitchcheck.knowledge import load_knowledge
from twitchcheck.knowledge.names import _names_of_kind
from twitchcheck.knowledge.wording import tokens, words

ODD = ["furosemide 40mg b.d.", "1-2 tablets x2", "Crème 1,000 IU", "½ tab", "lisinopril/hctz",
       "vitamin D3 50µg", "it's 5%", "", "  ", "1.5.2", "x2x3", "b12 & folate + 3"]  # fmt: skip


def test_words_are_the_token_texts_for_every_name_and_odd_text() -> None:
    kb = load_knowledge()
    names = [
        name for kind in ("medicine", "condition", "symptom") for name in _names_of_kind(kb, kind)
    ]
    assert len(names) > 500
    for text in [*names, *ODD]:
        assert words(text) == tuple(token.text for token in tokens(text)), text


@given(st.text(alphabet=st.sampled_from("ab1 2.,-/+&%xμµ'’éIU"), max_size=30))
def test_words_are_the_token_texts_for_any_text(text: str) -> None:
    assert words(text) == tuple(token.text for token in tokens(text))


@given(st.from_regex(r"[a-z]+( [a-z]+)*", fullmatch=True))
def test_plain_words_take_the_short_way_to_the_same_key(text: str) -> None:
    # words() splits lower-case words and single spaces directly (issue 12); same key
    assert words(text) == tuple(token.text for token in tokens(text)) == tuple(text.split())
