"""Read the amount and unit at the front (or end) of what a person types.

    "1 1/2 cups cooked spinach"  -> 1.5, "cup",    "cooked spinach"
    "a handful of almonds"       -> 1,   "handful", "almonds"
    "two slices of bread"        -> 2,   "slice",  "bread"
    "100g chicken breast"        -> 100, "g",      "chicken breast"
    "almonds, 30 g"              -> 30,  "g",      "almonds"

Numbers may be integers, decimals (also with a decimal comma), fractions,
mixed numbers, unicode fractions, ranges ("2-3", taken as the middle) and
words ("one and a half", "a", "an", "half", "a dozen"). This module knows
nothing about foods; `portions` turns the unit into grams.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from twitchcheck._data import data_path
from twitchcheck.errors import AmountError
from twitchcheck.text import fold, singular

UnitKind = Literal["mass", "volume", "count", "informal"]
_Value = Callable[[re.Match[str]], float]  # how a matched number phrase becomes a value

UNICODE_FRACTIONS = {
    "½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5,
    "⅗": 3 / 5, "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8,
    "⅞": 7 / 8,
}  # fmt: skip
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "dozen": 12,
    "a": 1, "an": 1, "half": 0.5, "quarter": 0.25, "couple": 2, "single": 1,
    "several": 3, "few": 3,
}  # fmt: skip

_FRACTION_CHARS = "".join(UNICODE_FRACTIONS)
_NUMBER = (
    rf"(?:\d+[\s-]+\d+\s*/\s*\d+"  # mixed: 1 1/2, 1-1/2
    rf"|\d+\s*[{_FRACTION_CHARS}]"  # 1½
    rf"|\d+\s*/\s*\d+"  # 3/4
    rf"|[{_FRACTION_CHARS}]"  # ½
    rf"|\d+,\d{{1,2}}(?!\d)"  # 1,5 (decimal comma)
    rf"|\d{{1,3}}(?:,\d{{3}})+"  # 1,000
    rf"|\d*\.\d+|\d+)"
)
_LEADING = re.compile(rf"^\s*(-?)\s*({_NUMBER})(?:\s*(?:-|–|to)\s*({_NUMBER}))?")
_TRAILING = re.compile(rf"[\s,;:(]+({_NUMBER})\s*([a-z .]*?)\)?\s*$")
_PIN = re.compile(r"\[\s*((?:sr28:|fndds:)?\d{4,8})\s*\]")
_GLUED = re.compile(rf"(\d|[{_FRACTION_CHARS}])([a-z])")
_FRACTION_TABLE = str.maketrans(
    {
        ch: " {}/{}".format(*Fraction(value).limit_denominator(8).as_integer_ratio())
        for ch, value in UNICODE_FRACTIONS.items()
    }
)


@dataclass(frozen=True, slots=True)
class Quantity:
    """What was read: amount (None if not given), unit, the food words, a pinned id."""

    amount: float | None
    unit: str | None
    kind: UnitKind | None
    food: str
    pinned_id: str | None = None
    approximate: bool = False  # a range such as "2-3" or a word such as "a couple"


@dataclass(frozen=True)
class UnitTable:
    mass: dict[str, float]
    volume: dict[str, float]
    count: dict[str, list[str]]
    informal: dict[str, dict[str, object]]
    aliases: dict[str, str]

    def canonical(self, word: str) -> str:
        """ "tablespoon" -> "tbsp"; a canonical name maps to itself."""
        return self.aliases.get(word, word)

    def kind(self, unit: str) -> UnitKind | None:
        return self._kinds.get(unit)

    @functools.cached_property
    def _kinds(self) -> dict[str, UnitKind]:
        tables: tuple[tuple[UnitKind, Mapping[str, object]], ...] = (
            ("informal", self.informal),
            ("count", self.count),
            ("volume", self.volume),
            ("mass", self.mass),
        )
        return {unit: kind for kind, table in tables for unit in table}


@functools.cache
def units() -> UnitTable:
    """The unit table from ``data/units.toml``."""
    with data_path("units.toml").open("rb") as handle:
        raw = tomllib.load(handle)
    return UnitTable(raw["mass"], raw["volume"], raw["count"], raw["informal"], raw["aliases"])


def number(text: str) -> float:
    """The value of one number written with digits ("1 1/2", "1½", "0.5", "1,5")."""
    text = text.strip()
    whole = 0.0
    if text[-1] in UNICODE_FRACTIONS:
        head = text[:-1].strip()
        return (float(head) if head else 0.0) + UNICODE_FRACTIONS[text[-1]]
    if "/" in text:
        head, _, bottom = text.rpartition("/")
        parts = re.split(r"[\s-]+", head.strip())
        if len(parts) == 2:
            whole = float(parts[0])
        top = float(parts[-1])
        if float(bottom) == 0:
            raise AmountError(f"{text!r} divides by zero; write a fraction such as 1/2")
        return whole + top / float(bottom)
    if re.fullmatch(r"\d+,\d{1,2}", text):
        return float(text.replace(",", "."))
    return float(text.replace(",", ""))


def parse_quantity(text: str) -> Quantity:
    """Split `text` into amount, unit and food words; never guesses silently.

    Raises `AmountError` for a negative amount; any other text parses (the
    food words may then be empty, which the caller reports).
    """
    pin = _PIN.search(text)
    pinned = pin.group(1) if pin else None
    if pin:
        text = text[: pin.start()] + text[pin.end() :]
    text = text.translate(_FRACTION_TABLE)  # before folding, which would mangle them
    clean = _GLUED.sub(r"\1 \2", " ".join(fold(text).split()))
    amount, after_amount, approximate = _leading_amount(clean)
    unit, rest = _unit(after_amount)
    alone = not rest.strip(" ,.;:-") and pinned is None
    if unit is not None and units().kind(unit) == "count" and alone:
        unit, rest = None, after_amount  # "2 eggs": the count word is the food itself
    if amount is None and unit is None:
        amount, unit, rest, approximate = _trailing_amount(clean)
    if unit is not None and amount is None:
        amount = 1.0  # "cup of coffee", "handful of almonds"
    food = re.sub(r"^(?:of|x)\s+", "", rest.strip(" ,.;:-")).strip(" ,.;:-")
    kind = units().kind(unit) if unit else None
    return Quantity(amount, unit, kind, food, pinned, approximate)


def _leading_amount(text: str) -> tuple[float | None, str, bool]:
    match = _LEADING.match(text)
    if match:
        sign, first, second = match.groups()
        if sign:
            raise AmountError(f"amount {sign}{first} is negative; give a positive amount")
        value = number(first)
        if second is not None:
            value = (value + number(second)) / 2
        return value, text[match.end() :], second is not None
    return _word_amount(text)


def _word_amount(text: str) -> tuple[float | None, str, bool]:
    """ "one and a half cups", "half a banana", "a dozen eggs", "a couple of eggs"."""
    for pattern, value, approximate in _word_patterns():
        match = pattern.match(text)
        if match:
            amount = value(match)
            rest = re.sub(r"^of\s+", "", text[match.end() :].lstrip())
            if not rest and match.group(0).strip() in ("a", "an"):
                break  # "a" alone is not an amount
            return amount, rest, approximate
    return None, text, False


@functools.cache
def _word_patterns() -> list[tuple[re.Pattern[str], _Value, bool]]:
    counts = "|".join(w for w in NUMBER_WORDS if NUMBER_WORDS[w] >= 1 and w != "couple")

    def n(match: re.Match[str]) -> float:
        return float(NUMBER_WORDS[match.group("n")])

    def plus(match: re.Match[str]) -> float:
        return n(match) + NUMBER_WORDS[match.group("frac")]

    def dozens(match: re.Match[str]) -> float:
        return 12 * n(match)

    def fixed(value: float) -> _Value:
        return lambda _: value

    table: list[tuple[str, _Value, bool]] = [
        (rf"(?P<n>{counts})\s+and\s+(?:a\s+)?(?P<frac>half|quarter)\b", plus, False),
        (r"half\s+(?:a\s+)?dozen\b", fixed(6.0), False),
        (rf"(?P<n>{counts})\s+dozen\b", dozens, False),
        (r"(?:a\s+)?couple\b", fixed(2.0), True),
        (r"three\s+quarters?\b(?:\s+(?:of\s+)?(?:a|an)\b)?", fixed(0.75), False),
        (r"(?:a\s+|one\s+)?half\b(?:\s+(?:of\s+)?(?:a|an)\b)?", fixed(0.5), False),
        (r"(?:a\s+|one\s+)?quarter\b(?:\s+(?:of\s+)?(?:a|an)\b)?", fixed(0.25), False),
        (rf"(?P<n>{counts})\b", n, False),
    ]
    return [(re.compile(r"^\s*" + p), v, a) for p, v, a in table]


def _unit(text: str) -> tuple[str | None, str]:
    """A unit at the start of `text`, in canonical (singular) form, and the rest."""
    table = units()
    words = text.split()
    for size in (2, 1):
        if len(words) < size:
            continue
        candidate = table.canonical(" ".join(singular(w.strip(".,")) for w in words[:size]))
        if table.kind(candidate) is not None:
            rest = " ".join(words[size:])
            return candidate, re.sub(r"^of\s+", "", rest)
    return None, text


def _trailing_amount(text: str) -> tuple[float | None, str | None, str, bool]:
    """ "almonds, 30 g" or "milk 250ml": an amount written after the food."""
    match = _TRAILING.search(text)
    if not match:
        return None, None, text, False
    unit_text = match.group(2).strip(" .")
    unit, leftover = _unit(unit_text) if unit_text else (None, "")
    if unit_text and (unit is None or leftover):
        return None, None, text, False
    return number(match.group(1)), unit, text[: match.start()], False
