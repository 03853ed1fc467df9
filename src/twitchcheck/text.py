"""Normalise food words so that what people type meets what USDA wrote.

The same `terms()` runs when the food database is built (to fill its
full-text index) and when a query is searched, so both sides always agree:
lower case, accents dropped, punctuation split, plurals folded to singular.

Before any of that, `user_text()` is the one door every typed phrase and search
query comes through: bounded in length, `clean()`ed (invisible characters dropped,
every kind of space one space, full-width digits plain digits) and refused when a
word mixes Latin letters with look-alikes from another alphabet.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from twitchcheck.errors import InputError

_WORD = re.compile(r"[a-z0-9]+(?:[.'][a-z0-9]+)*")

# Irregular plurals that the suffix rules below would get wrong.
_IRREGULAR = {
    "leaves": "leaf",
    "loaves": "loaf",
    "halves": "half",
    "knives": "knife",
    "teeth": "tooth",
    "feet": "foot",
    "geese": "goose",
    "mice": "mouse",
    "potatoes": "potato",
    "tomatoes": "tomato",
}
# Words ending in s that are not plurals.
_KEEP = frozenset(
    [
        "asparagus",
        "bass",
        "bus",
        "citrus",
        "couscous",
        "cress",
        "grass",
        "hummus",
        "hibiscus",
        "molasses",
        "octopus",
        "plus",
        "swiss",
        "walrus",
        "watercress",
        "its",
        "this",
        "is",
        "gas",
        "less",
        "ss",
        "us",
        "as",
        "analysis",
        "species",
        "series",
        "haggis",
        "anis",
    ]
)


# Letters that NFKD keeps whole (no base letter plus a mark to drop), spelled as people
# type them without the key: Turkish dotless ı ("rakı"), Vietnamese đ ("đá"), Polish ł
# ("kiełbasa"), Nordic ø and æ ("smørrebrød"), French œ ("bœuf"), Icelandic ð and þ.
# German ß needs no entry: casefold() already spells it "ss".
_WHOLE_LETTERS = str.maketrans(
    {"ı": "i", "đ": "d", "ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "ð": "d", "þ": "th"}
)


def fold(text: str) -> str:
    """Lower-case `text` and drop accents ("Crème Brûlée" -> "creme brulee", "rakı" -> "raki")."""
    if text.isascii():
        return text.lower()  # the common case, and ten times faster
    # casefolded again after NFKD: a compatibility letter may decompose to capitals ("🄐" is
    # "(A)"), which folding must not leave for a second fold to find
    decomposed = unicodedata.normalize("NFKD", text.casefold()).casefold()
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_WHOLE_LETTERS)


def singular(word: str) -> str:
    """Fold a plural English noun to its singular; good enough for food names."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) <= 3 or word in _KEEP or not word.endswith("s"):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes", "zzes")):
        return word[:-2]
    if word.endswith("oes"):
        return word[:-2]
    if word.endswith(("ss", "us", "is")):
        return word
    return word[:-1]


def words(text: str) -> list[str]:
    """The words of `text`, folded but not singularised."""
    return _WORD.findall(fold(text).replace("'s ", " ").replace("’", "'"))


def terms(text: str) -> list[str]:
    """The search terms of `text`: folded words, plurals made singular."""
    return list(_terms(text))


@functools.lru_cache(maxsize=65536)
def _terms(text: str) -> tuple[str, ...]:
    # Food names and typed phrases repeat (every candidate, every diary line): fold once.
    return tuple(singular(w.replace("'", "")) for w in words(text))


_FRACTION_SLASH = "\u2044"  # what NFKC makes of the slash in "½" ("1⁄2")
# Hyphens, the en dash and the minus sign all read as "-" ("−2", "2–3"); NFKC keeps them apart.
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2212\ufe63"), "-")


def clean(text: str) -> str:
    """`text` as a person meant it: what cannot be seen removed, spaces made plain.

    Format characters (zero-width spaces and joiners, the byte-order mark, the word
    joiner, soft hyphens, direction marks) are dropped: they are invisible, so "2\u200beggs"
    is "2eggs". Control characters and every Unicode space or line break become one plain
    space. Compatibility forms are unified (NFKC): full-width "２" is "2", "ﬁ" is "fi",
    "㎏" is "kg"; "µg" is "mcg". A vulgar fraction keeps its own number ("1½" is "1 1/2",
    never "11/2"). Hyphens, en dashes and the minus sign become "-". Lone surrogates (undecodable
    bytes) become U+FFFD. Idempotent; never raises.
    """
    if text.isascii() and text.isprintable():
        return " ".join(text.split())  # the common case: nothing to normalise
    out: list[str] = []
    for char in text:
        kind = unicodedata.category(char)
        if kind == "Cf":
            continue
        if kind in ("Cc", "Zs", "Zl", "Zp"):
            out.append(" ")
        elif kind == "Cs":
            out.append("\ufffd")
        else:
            plain = unicodedata.normalize("NFKC", char)
            if _FRACTION_SLASH in plain and len(plain) > 1:
                plain = " " + plain  # "1½" -> "1 1/2"
            out.append(plain.replace(_FRACTION_SLASH, "/"))
    return " ".join(_MICROGRAM.sub("mcg", "".join(out).translate(_DASHES)).split())


# "25 µg": the micro sign (NFKC makes it Greek mu) before a Latin "g" is the microgram, as
# typed from a label, not a look-alike letter
_MICROGRAM = re.compile(r"(?<![^\W\d_])μg(?![^\W\d_])")


def mixed_script_word(text: str) -> str | None:
    """The first word of `text` that mixes Latin letters with another alphabet's, if any.

    "мilk" (a Cyrillic м) looks like "milk" but matches nothing, and would be searched as
    something else; a word written wholly in one alphabet ("молоко", "牛奶") is fine.
    """
    if text.isascii():
        return None
    for match in _LETTER_RUN.finditer(text):
        scripts = {_script(c) for c in match.group() if unicodedata.category(c) in _LETTERS}
        if "LATIN" in scripts and len(scripts) > 1:
            return match.group()
    return None


_LETTER_RUN = re.compile(r"[^\W\d_]+")


_LETTERS = frozenset(("Lu", "Ll", "Lt", "Lo"))  # not modifier letters such as ʼ


def _script(char: str) -> str:
    """The alphabet a letter belongs to, from its Unicode name ("CYRILLIC SMALL LETTER EM")."""
    return unicodedata.name(char, "UNKNOWN").split(" ", 1)[0]


def user_text(text: str, what: str, max_chars: int) -> str:
    """`text` cleaned, after checking it is not too long and has no look-alike letters.

    `what` names the text in messages ("food phrase", "search query"). The length is
    checked first, on the text as given, so a megabyte costs nothing to refuse.
    """
    if len(text) > max_chars:
        raise InputError(
            f"{what} {quoted(text)} is {len(text):,} characters long; at most "
            f"{max_chars:,} are read (one food per phrase, e.g. '1 cup milk')"
        )
    cleaned = clean(text)
    mixed = mixed_script_word(cleaned)
    if mixed is not None:
        scripts = sorted({_script(c).title() for c in mixed if unicodedata.category(c) in _LETTERS})
        raise InputError(
            f"{what} {quoted(text)}: the word {mixed!r} mixes {' and '.join(scripts)} letters"
            " (a look-alike letter, often from copying and pasting); type it again"
        )
    return cleaned


def clip(text: str, width: int = 60) -> str:
    """`text` cleaned (no invisible or control characters) and `shorten`ed to `width`."""
    return shorten(clean(text[: width * 4]), width)  # never clean more than could be shown


def quoted(text: str, width: int = 60) -> str:
    """`text` clipped and quoted for a message: 'two eggs'."""
    return repr(clip(text, width))


def shorten(text: str, width: int = 80) -> str:
    """`text` cut to at most `width` characters for quoting in a message; "…" marks the cut.

    Only the first `width` characters are looked at, so quoting a megabyte costs nothing:
    every error that repeats what a person typed quotes it through this.
    """
    if len(text) <= width:
        return text
    return text[: max(width - 1, 0)] + "…"
