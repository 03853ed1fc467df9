"""A diary line written in another language, in English words (``data/languages.toml``).

    in_english("kawa z mlekiem") == "coffee with milk"
    in_english("2 kromki chleba z maslem") == "2 slices bread with butter"
    in_english("Clif Z bar") == "Clif Z bar"    # no Polish word: "z" is no join

Only a line holding a food word of a language is read so, and only the table's words
change: every other word (a number, a brand, a world dish's name such as "gulasz
wieprzowy", kept whole for the world dishes table) stays as written.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from twitchcheck._data import raw_data, reading
from twitchcheck.foods.dishes import world_names
from twitchcheck.text import fold


@dataclass(frozen=True, slots=True)
class Language:
    code: str
    phrases: tuple[tuple[re.Pattern[str], str], ...]  # read whole first: "na masle"
    words: dict[str, str]  # the joins ("z" -> "with") and food words ("mlekiem" -> "milk")
    foods: frozenset[str]  # the food words alone: a line holding one is in the language


@functools.cache
def languages() -> tuple[Language, ...]:
    """The languages of ``data/languages.toml``."""
    with reading("languages.toml"):
        raw = raw_data("languages.toml")
    return tuple(_language(code, spec) for code, spec in raw.items())


def _language(code: str, spec: dict[str, object]) -> Language:
    phrases = dict(spec.get("phrases", {}))  # type: ignore[call-overload]
    words = dict(spec.get("words", {}))  # type: ignore[call-overload]
    return Language(
        code,
        tuple(
            (_phrase(said), str(meant).replace("{n}", r"\g<n>")) for said, meant in phrases.items()
        ),
        {**dict(spec.get("joins", {})), **words},  # type: ignore[call-overload]
        frozenset(words),
    )


def _phrase(said: str) -> re.Pattern[str]:
    """A phrase of the table as a pattern: its words whole, {n} a number."""
    return re.compile(r"\b" + re.escape(said).replace(r"\{n\}", r"(?P<n>\d+)") + r"\b")


_WORD = re.compile(r"[^\W\d_]+")


@functools.lru_cache(maxsize=8192)
def in_english(text: str) -> str:
    """`text` in English food words when it holds a food word of a listed language, else
    `text` as it is."""
    folded = fold(text)
    said = set(_WORD.findall(folded))
    for language in languages():
        if not said.isdisjoint(language.foods):
            return _translated(folded, language)
    return text


def _translated(folded: str, language: Language) -> str:
    for pattern, meant in language.phrases:
        folded = pattern.sub(meant, folded)
    names = world_names()
    kept = [m.span() for m in names.finditer(folded)] if names is not None else []

    def english(found: re.Match[str]) -> str:
        if any(a <= found.start() < b for a, b in kept):
            return found.group(0)
        return language.words.get(found.group(0), found.group(0))

    return _WORD.sub(english, folded)
