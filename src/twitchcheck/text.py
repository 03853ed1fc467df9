"""Normalise food words so that what people type meets what USDA wrote.

The same `terms()` runs when the food database is built (to fill its
full-text index) and when a query is searched, so both sides always agree:
lower case, accents dropped, punctuation split, plurals folded to singular.
"""

from __future__ import annotations

import re
import unicodedata

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


def fold(text: str) -> str:
    """Lower-case `text` and drop accents ("Crème Brûlée" -> "creme brulee")."""
    if text.isascii():
        return text.lower()  # the common case, and ten times faster
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


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
    return [singular(w.replace("'", "")) for w in words(text)]


def shorten(text: str, width: int = 80) -> str:
    """`text` cut to at most `width` characters for quoting in a message; "…" marks the cut.

    Only the first `width` characters are looked at, so quoting a megabyte costs nothing:
    every error that repeats what a person typed quotes it through this.
    """
    if len(text) <= width:
        return text
    return text[: max(width - 1, 0)] + "…"
