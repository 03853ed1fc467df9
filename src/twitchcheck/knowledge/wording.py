"""Split what people type into words, numbers and known phrases.

    "Ventolin inhaler 2 puffs prn"   -> ventolin | inhaler | 2 | puffs | prn
    "D3 50,000IU weekly"             -> d3 | 50000 | iu | weekly
    "thyroidectomy 2 weeks ago"      -> thyroidectomy | 2 | weeks | ago

The same `words()` runs over the vocabulary (knowledge/wording.yaml, names in the knowledge
files) and over the text, so both sides always agree: lower case, accents folded, apostrophes
dropped, "40mg" split into "40 mg", "b.d." joined into "bd", hyphens read as spaces. `scan()`
then walks the tokens and takes, at each place, the longest phrase any table knows. This module
knows no medicine or supplement; knowledge.py and supplements.py give it their tables.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from twitchcheck.numbers import number
from twitchcheck.text import fold

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "half": 0.5,
}  # fmt: skip
MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip

_ABBREVIATION = re.compile(r"\b(?:[a-z]\.){2,}")  # b.d., i.u., p.r.n.
_GLUED = re.compile(r"(\d)(?=[a-zμ%])")  # 40mg, 2x, 1000iu
_TIMES_GLUED = re.compile(r"\bx(?=\d)")  # x2
_RANGE = re.compile(r"(\d)\s*[-–]\s*(?=\d)")  # 1-2 tablets
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?|\.\d+"
_TOKEN = re.compile(rf"(?P<num>{_NUMBER})|(?P<word>[a-zμ0-9]+)|(?P<sep>[/+&,%])")
# Most names are lower-case words and single spaces, which normalising leaves as they are.
_PLAIN = re.compile(r"[a-z]+(?: [a-z]+)*")


@dataclass(frozen=True, slots=True)
class Token:
    """One word, number or joining sign; `value` is set for numbers."""

    text: str
    value: float | None = None


@dataclass(frozen=True, slots=True)
class Piece:
    """What `scan` found at one place: a phrase of a table, a number, or an unknown word."""

    kind: str  # a table's name, "number", "sep" or "unknown"
    text: str  # the words as read (a number as written)
    value: Any = None  # the table's value for the phrase, or the number
    start: int = 0


def _normalised(text: str) -> str:
    """`text` folded, with abbreviations closed up, ranges spelt out and glued units apart."""
    text = fold(text).replace("'", "").replace("’", "").replace("µ", "μ")
    text = _ABBREVIATION.sub(lambda m: m.group(0).replace(".", ""), text)
    text = _RANGE.sub(r"\1 to ", text)
    return _TIMES_GLUED.sub("x ", _GLUED.sub(r"\1 ", text))


def tokens(text: str) -> list[Token]:
    """The words, numbers and joining signs (/ + & , %) of `text`, normalised."""
    found = []
    for match in _TOKEN.finditer(_normalised(text)):
        if match.lastgroup == "num":
            found.append(Token(match.group(), _value(match.group())))
        else:
            found.append(Token(match.group()))
    return found


def _value(text: str) -> float:
    try:
        return number(text)
    except (ValueError, ZeroDivisionError):
        return float("nan")


def words(text: str) -> tuple[str, ...]:
    """The token texts of `text`: the key a phrase table uses. The texts alone, without the
    tokens and their numbers' values: a cold screening builds tables of ~1,200 names."""
    if _PLAIN.fullmatch(text):
        return tuple(text.split(" "))  # what the steps below give such text, 10 times faster
    return tuple(match.group() for match in _TOKEN.finditer(_normalised(text)))


class Phrases:
    """A table of phrases (as `words()` keys) to values; finds the longest at a place."""

    def __init__(self, entries: Iterable[tuple[str, Any]]) -> None:
        self._table: dict[tuple[str, ...], Any] = {}
        for phrase, value in entries:
            key = words(phrase)
            if key:
                self._table.setdefault(key, value)
        self._longest = max((len(key) for key in self._table), default=0)

    def __contains__(self, phrase: str) -> bool:
        return words(phrase) in self._table

    def get(self, phrase: str) -> Any:
        return self._table.get(words(phrase))

    def match(self, texts: Sequence[str], start: int) -> tuple[int, Any] | None:
        """(length, value) of the longest phrase starting at `start`, or None."""
        for length in range(min(self._longest, len(texts) - start), 0, -1):
            key = tuple(texts[start : start + length])
            if key in self._table:
                return length, self._table[key]
        return None


def scan(found: Sequence[Token], tables: Mapping[str, Phrases]) -> list[Piece]:
    """Walk the tokens taking the longest known phrase at each place.

    Tables are tried together; the longest phrase wins and, at equal length, the table named
    first. A number, a joining sign or a word no table knows becomes an item of its own.
    """
    texts = [token.text for token in found]
    items: list[Piece] = []
    place = 0
    while place < len(found):
        best: tuple[int, str, Any] | None = None
        for name, table in tables.items():
            hit = table.match(texts, place)
            if hit is not None and (best is None or hit[0] > best[0]):
                best = (hit[0], name, hit[1])
        token = found[place]
        if best is not None:
            length, name, value = best
            items.append(Piece(name, " ".join(texts[place : place + length]), value, place))
            place += length
            continue
        if token.value is not None:
            items.append(Piece("number", token.text, token.value, place))
        elif token.text in NUMBER_WORDS:
            items.append(Piece("number", token.text, float(NUMBER_WORDS[token.text]), place))
        elif token.text in "/+&,%":
            items.append(Piece("sep", token.text, None, place))
        else:
            items.append(Piece("unknown", token.text, None, place))
        place += 1
    return _ranges(items)


def _ranges(items: list[Piece]) -> list[Piece]:
    """ "1 to 2 tablets" reads as 1.5, the middle of the range."""
    merged: list[Piece] = []
    for item in items:
        if (
            item.kind == "number"
            and len(merged) >= 2
            and merged[-1].text == "to"
            and merged[-2].kind == "number"
        ):
            low = merged[-2]
            merged[-2:] = [
                Piece(
                    "number", f"{low.text} to {item.text}", (low.value + item.value) / 2, low.start
                )
            ]
            continue
        merged.append(item)
    return merged


# --- dates and stages ------------------------------------------------------------------------

_ISO_DATE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_MONTH = "|".join(MONTHS) + "|" + "|".join(m[:3] for m in MONTHS) + "|sept"
_WORD_DATE = re.compile(
    r"\b(?:(?:in|on|since)\s+)?(?:(\d{1,2})(?:st|nd|rd|th)?\s+)?"
    rf"({_MONTH})\.?\s+(?:(\d{{1,2}}),?\s+)?(\d{{4}})\b"
)
_STAGE = re.compile(r"\b(?:stage|grade|class|nyha\s+class|nyha)\s*(\d|iv|v|i{1,3})\s*([a-d])?\b")
_G_STAGE = re.compile(r"\bg([1-5])\s*([ab])?\b")
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5"}


def dated(text: str, today: dt.date) -> tuple[float | None, str]:
    """Weeks since a calendar date written in `text` ("2025-03-01", "3 March 2025"), and the
    text without it. Dates in the future count as no date."""
    for pattern in (_ISO_DATE, _WORD_DATE):
        match = pattern.search(text)
        if match is None:
            continue
        try:
            when = _date_of(match, pattern is _ISO_DATE)
        except ValueError:
            continue
        rest = (text[: match.start()] + " " + text[match.end() :]).strip()
        weeks = (today - when).days / 7
        return (round(weeks, 2) if weeks >= 0 else None), rest
    return None, text


_YEAR = re.compile(r"\b(?:(?:since|in|from|during)\s+)?((?:19|20)\d\d)\b")


def yeared(text: str) -> tuple[str | None, str]:
    """A year written alone ("since 2019", "in 2020"): kept as words, not as weeks (the day
    is unknown), and the text without it."""
    match = _YEAR.search(text)
    if match is None:
        return None, text
    rest = (text[: match.start()] + " " + text[match.end() :]).strip()
    return " ".join(match.group(0).split()), rest


def _date_of(match: re.Match[str], iso: bool) -> dt.date:
    if iso:
        parts = [int(part) for part in match.groups()]
        return dt.date(parts[0], parts[1], parts[2])
    day_before, month_name, day_after, year_text = match.groups()
    month = next(i for i, m in enumerate(MONTHS, 1) if m.startswith(month_name[:3]))
    return dt.date(int(year_text), month, int(day_before or day_after or 1))


def staged(text: str) -> tuple[str | None, str]:
    """The stage written in `text` ("stage 4", "stage IIIb", "G3a") and the text without it."""
    for pattern in (_STAGE, _G_STAGE):
        match = pattern.search(text)
        if match:
            level, letter = match.groups()
            stage = _ROMAN.get(level, level) + (letter or "")
            return stage, (text[: match.start()] + " " + text[match.end() :]).strip()
    return None, text


def weeks_ago(
    items: Sequence[Piece], period_days: Mapping[str, float]
) -> tuple[float | None, set[int]]:
    """Weeks since "2 weeks ago", "a month ago", "last week", "yesterday"; and the item
    indexes the phrase used (so the caller can set them aside)."""
    texts = [item.text for item in items]
    for i, text in enumerate(texts):
        if text == "ago" and i >= 2 and texts[i - 1] in period_days:
            before = items[i - 2]
            amount = before.value if before.kind == "number" else None
            if before.text in ("a", "an", "one"):
                amount = 1.0
            if amount is not None:
                return round(amount * period_days[texts[i - 1]] / 7, 2), {i - 2, i - 1, i}
        if text == "last" and i + 1 < len(texts) and texts[i + 1] in period_days:
            return round(period_days[texts[i + 1]] / 7, 2), {i, i + 1}
        if text in ("yesterday", "today"):
            return (round(1 / 7, 2) if text == "yesterday" else 0.0), {i}
    return None, set()
