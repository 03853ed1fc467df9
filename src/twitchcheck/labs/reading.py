"""Reading one lab result as typed: "Mg: 0.6 mmol/l", "25(OH)D 45 nmol/L", "B12 250 pg/mL".

Analyte names and unit spellings are matched as people write them; a value no living person
could show (data/limits.toml [lab]) is refused with the unit it was probably meant in.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

from twitchcheck.errors import (
    InputError,
    LabUnitError,
    LabValueError,
    UnknownAnalyteError,
)
from twitchcheck.labs.analytes import (
    Analyte,
    analyte_table,
    analytes,
    canonical_unit,
    get_analyte,
    shown,
)
from twitchcheck.limits import limit
from twitchcheck.text import shorten

_EXAMPLE = "write it as 'ANALYTE VALUE UNIT', e.g. 'magnesium 0.8 mmol/L'"


@dataclass(frozen=True, slots=True)
class LabReading:
    """One parsed lab result, before interpretation; `unit` is the canonical spelling."""

    analyte: str
    value: float
    unit: str
    text: str = ""

    def __post_init__(self) -> None:
        analyte = get_analyte(self.analyte)
        canonical = canonical_unit(self.unit)
        if canonical is None or canonical not in analyte.units:
            analyte.to_si(self.value, self.unit)  # raises LabUnitError listing the units
        elif canonical != self.unit:
            object.__setattr__(self, "unit", canonical)
        _check_plausible(analyte, self.value, self.unit)


def parse_lab(text: str) -> LabReading:
    """Read one result such as "Mg: 0.6 mmol/l", "25(OH)D 45 nmol/L" or "B12 250 pg/mL".

    Raises UnknownAnalyteError (with suggestions), LabUnitError or LabValueError.
    """
    if not isinstance(text, str) or not text.strip():
        raise UnknownAnalyteError(f"empty lab result; {_EXAMPLE}")
    most = int(limit("input.text_chars"))
    if len(text) > most:
        raise InputError(
            f"lab result {shorten(text)!r} is {len(text):,} characters long; one result is at "
            f"most {most}: {_EXAMPLE}"
        )
    stripped = text.strip()
    lower = stripped.lower()
    if len(lower) != len(stripped):  # a few characters change length when lowered
        stripped = lower
    start, match = 0, _match_alias(lower)  # "blood sugar" is a name, not a specimen
    specimen = _LEADING_SPECIMEN.match(lower)
    if match is None and specimen:
        start, match = specimen.end(), _match_alias(lower[specimen.end() :])
    if match is None:
        raise _unknown(text)
    analyte, end = match
    value, unit_text = _split_value(analyte, stripped[start + end :], text)
    return _reading(analyte, value, unit_text, text)


_LEADING_SPECIMEN = re.compile(r"^(?:(?:serum|plasma|whole blood|blood)\s+|[sp]-)")
_VALUE = re.compile(
    r"^(?:[\s:=,;]|[-+](?=\s)|\b(?:level|levels|result|value|is|was|of)\b)*"
    r"(?P<number>[-−+]?(?:\d[\d,]*(?:\.\d*)?|\.\d+))\s*(?P<unit>.*)$",
    re.DOTALL | re.IGNORECASE,
)
_TRAILING_RANGE = re.compile(r"\s*[(\[].*$", re.DOTALL)
_QUALIFIER = re.compile(r"^[\s:=]*(?:[<>≤≥]|less than|greater than|under|over)", re.IGNORECASE)
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")


@functools.cache
def _alias_words() -> tuple[tuple[tuple[str, ...], str], ...]:
    """(an alias's words, analyte id), longest alias first."""
    pairs: list[tuple[str, str]] = []
    for analyte in analyte_table().values():
        pairs += [(alias, analyte.id) for alias in analyte.aliases]
    pairs.sort(key=lambda pair: len(pair[0].replace(" ", "")), reverse=True)
    return tuple(
        (tuple(w for w in re.split(r"[^a-z0-9]+", alias.lower()) if w), analyte_id)
        for alias, analyte_id in pairs
    )


@functools.cache
def _alias_patterns(first: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    """(pattern, analyte id) for the aliases that begin with the character `first`, longest
    first; words may be joined by any separator. Only those can match a text beginning with
    `first`: compiling the patterns of all ~150 aliases cost a cold process ~5 ms."""
    return tuple(
        (re.compile(r"[\W_]*".join(map(re.escape, words)) + r"(?![a-z])"), analyte_id)
        for words, analyte_id in _alias_words()
        if words and words[0][0] == first
    )


def _match_alias(lower: str) -> tuple[Analyte, int] | None:
    """The analyte named at the start of `lower` and where its name ends."""
    for pattern, analyte_id in _alias_patterns(lower[:1]):
        match = pattern.match(lower)
        if match:
            return get_analyte(analyte_id), match.end()
    return None


def _split_value(analyte: Analyte, rest: str, text: str) -> tuple[float, str]:
    match = _VALUE.match(rest)
    if match is None:
        if _QUALIFIER.match(rest):
            raise LabValueError(
                f"{shorten(text)!r} gives a limit, not a value; results such as '<5' cannot be "
                "classified, give the number the report shows without '<' or '>'"
            )
        raise LabValueError(
            f"no value found in {shorten(text)!r}; give the number and unit after the test "
            f"name, e.g. '{analyte.label} VALUE {analyte.conventional_unit}'"
        )
    number = match.group("number").replace("−", "-")
    if "," in number:
        if _THOUSANDS.fullmatch(number.lstrip("+-")):
            number = number.replace(",", "")
        elif number.count(",") == 1 and "." not in number:
            number = number.replace(",", ".")  # decimal comma, as in "0,8 mmol/L"
        else:
            raise LabValueError(
                f"cannot read the number {shorten(match.group('number'))!r} in {shorten(text)!r}"
            )
    # A reference range pasted after the unit, as in "3.1 mmol/L (3.5-5.0)", is ignored.
    unit = _TRAILING_RANGE.sub("", match.group("unit")).strip()
    value = float(number)
    if not math.isfinite(value):
        raise LabValueError(f"the number in {shorten(text)!r} is too large to be a lab value")
    return value, unit


def _reading(analyte: Analyte, value: float, unit_text: str, text: str) -> LabReading:
    accepted = ", ".join(analyte.units)
    if value < 0:
        raise LabValueError(
            f"{analyte.label} {value:g} in {shorten(text)!r} is negative; lab values cannot be "
            "below zero"
        )
    if not unit_text:
        raise LabUnitError(
            f"no unit given in {shorten(text)!r}; add one of the units for {analyte.label}: "
            f"{accepted}"
        )
    unit = canonical_unit(unit_text)
    if unit is None or unit not in analyte.units:
        raise LabUnitError(
            f"{shorten(unit_text, 40)!r} is not a unit for {analyte.label} (in "
            f"{shorten(text)!r}); use one of: {accepted}"
        )
    return LabReading(analyte.id, value, unit, text)


def _check_plausible(analyte: Analyte, value: float, unit: str) -> None:
    low, high = (analyte.from_si(limit, unit) for limit in analyte.plausible_si)
    if not math.isfinite(value) or value < 0:
        raise LabValueError(f"{analyte.label} {value:g} {unit} is not a number a lab reports")
    if not low <= value <= high:
        hint = _other_unit_hint(analyte, value, unit)
        raise LabValueError(
            f"{analyte.label} {value:g} {unit} is outside what a living person could have "
            f"(about {shown(low)} to {shown(high)} {unit}){hint}"
        )


def _other_unit_hint(analyte: Analyte, value: float, unit: str) -> str:
    """Suggest a unit in which the value would be plausible (a common slip)."""
    for other in analyte.units:
        low, high = (analyte.from_si(limit, other) for limit in analyte.plausible_si)
        if other != unit and low <= value <= high:
            return f"; did you mean {value:g} {other}?"
    return ""


def _unknown(text: str) -> UnknownAnalyteError:
    name = _name_part(text)
    choices = {alias: a.label for a in analytes() for alias in (a.label.lower(), *a.aliases)}
    from rapidfuzz import fuzz, process

    typed = name.lower()[: int(limit("input.suggest_chars"))]  # bounded cost, any length
    found = process.extract(typed, list(choices), scorer=fuzz.WRatio, limit=8)
    suggestions = list(dict.fromkeys(choices[alias] for alias, score, _ in found if score >= 80))
    hint = f"did you mean: {', '.join(suggestions[:3])}? " if suggestions else ""
    known = ", ".join(a.label.split(" (")[0] for a in analytes())  # bounded: no aliases
    return UnknownAnalyteError(
        f"unknown lab test {shorten(name, 40)!r} in {shorten(text)!r}; {hint}twitchcheck "
        f"reads: {known}"
    )


def _name_part(text: str) -> str:
    """The text before the result's value (the last number with no digits after it)."""
    match = re.search(r"[-−+]?\d[\d.,]*\D*$", text)
    name = text[: match.start()] if match else text
    return name.strip(" :=\t") or text.strip()
