"""Lab results: read "ANALYTE VALUE UNIT", convert to SI and conventional units, classify.

The analytes, units, factors, ranges and notes live in `data/labs.yaml`, each figure
with its source ids. Factors come from molar masses (10/M for mg/dL -> mmol/L,
1000/M for ng/mL -> nmol/L and pg/mL -> pmol/L), so conversions round-trip exactly
up to float precision. Every value is converted to SI first and judged against one SI
edge per cut-off (statuses, grades, urgent levels), so the unit typed never changes a
result: "1.2 mg/dL" magnesium is judged as the 0.494 mmol/L it is.

What a living person could show (per analyte, in SI) is in data/limits.toml ([lab]); a value
outside is refused, a critical one inside (potassium 7.5 mmol/L) is accepted and raised. A
result is at most input.text_chars long and a call reads at most input.labs results.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from twitchcheck._data import load_yaml
from twitchcheck.errors import (
    DataError,
    InputError,
    LabUnitError,
    LabValueError,
    UnknownAnalyteError,
)
from twitchcheck.limits import limit
from twitchcheck.text import shorten

__all__ = [
    "URGENT_LEVELS",
    "Analyte",
    "LabNote",
    "LabReading",
    "LabResult",
    "analytes",
    "convert",
    "get_analyte",
    "interpret_labs",
    "parse_lab",
]

Op = Literal["below", "above", "atleast", "atmost"]
_OPS: tuple[Op, ...] = ("below", "above", "atleast", "atmost")
# Ops whose edge value itself lies on the upper side ("< 30" and ">= 30": 30 is not low).
_LOWER_EDGE_OPS = frozenset({"below", "atleast"})
_DIRECTION_OPS = {"low": frozenset({"below", "atmost"}), "high": frozenset({"above", "atleast"})}
URGENT_LEVELS = ("urgent", "emergency")  # increasing severity
_EXAMPLE = "write it as 'ANALYTE VALUE UNIT', e.g. 'magnesium 0.8 mmol/L'"


@dataclass(frozen=True, slots=True)
class LabNote:
    """A sentence and the source ids behind it."""

    text: str
    sources: tuple[str, ...]

    def render(self) -> str:
        """The sentence with its sources in brackets."""
        return f"{self.text} [{', '.join(self.sources)}]" if self.sources else self.text

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"text": self.text, "sources": list(self.sources)}


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit an analyte may be reported in; value x factor = SI value."""

    name: str
    factor: float


@dataclass(frozen=True, slots=True)
class LabCondition:
    """One comparison of an SI value against one SI edge.

    `published_si` and `published_conventional` are the figures the source prints (None
    where it prints none); `si` is the single edge derived from them (see labs.yaml).
    """

    op: Op
    si: float
    published_si: float | None = None
    published_conventional: float | None = None

    def holds(self, si_value: float) -> bool:
        """Whether a cleaned SI value (see `_clean`) meets this condition."""
        if self.op == "below":
            return si_value < self.si
        if self.op == "above":
            return si_value > self.si
        if self.op == "atleast":
            return si_value >= self.si
        return si_value <= self.si


@dataclass(frozen=True, slots=True)
class LabRule:
    """A status band, urgent cut-off or grade: all conditions must hold.

    Urgent cut-offs also carry `level` ("urgent": care today, "emergency": care now)
    and `direction` ("low" or "high").
    """

    conditions: tuple[LabCondition, ...]
    label: str = ""
    note: LabNote | None = None
    level: str | None = None
    direction: str | None = None

    def matches(self, si_value: float) -> bool:
        return all(c.holds(si_value) for c in self.conditions)


@dataclass(frozen=True, slots=True)
class AlbuminCorrection:
    """Corrected Ca (mg/dL) = Ca + per_g_dl x (normal_albumin_g_dl - albumin g/dL)."""

    per_g_dl: float
    normal_albumin_g_dl: float
    sources: tuple[str, ...]
    caveat: LabNote
    missing: LabNote
    measured: Mapping[str, LabNote]  # per measured status: said whatever the correction gives


@dataclass(frozen=True, slots=True)
class Analyte:
    """A lab test: its names, units, cut-offs and notes, as packaged."""

    id: str
    label: str
    aliases: tuple[str, ...]
    si_unit: str
    conventional_unit: str
    units: Mapping[str, Unit]
    vetted_factor: float
    molar_mass: float | None
    plausible_si: tuple[float, float]
    range: LabNote
    bands: tuple[LabRule, ...]
    urgent: tuple[LabRule, ...]
    grades: tuple[LabRule, ...]
    notes: Mapping[str, LabNote]
    albumin_correction: AlbuminCorrection | None = None
    nutrient: str | None = None  # the nutrient a result speaks for (labs.yaml `reflects`)
    raised_means_short: bool = False  # a marker whose raised value means the nutrient is short

    @property
    def conventional_factor(self) -> float:
        """Multiply a conventional value by this to get SI."""
        return self.units[self.conventional_unit].factor

    def to_si(self, value: float, unit: str) -> float:
        """`value` in `unit` expressed in the SI unit."""
        return value * self._unit(unit).factor

    def from_si(self, si_value: float, unit: str) -> float:
        """An SI value expressed in `unit`."""
        return si_value / self._unit(unit).factor

    def _unit(self, unit: str) -> Unit:
        canonical = _canonical_unit(unit)
        if canonical is None or canonical not in self.units:
            raise LabUnitError(
                f"{shorten(unit, 40)!r} is not a unit for {self.label}; use one of: "
                f"{', '.join(self.units)}"
            )
        return self.units[canonical]


@dataclass(frozen=True, slots=True)
class LabReading:
    """One parsed lab result, before interpretation; `unit` is the canonical spelling."""

    analyte: str
    value: float
    unit: str
    text: str = ""

    def __post_init__(self) -> None:
        analyte = get_analyte(self.analyte)
        canonical = _canonical_unit(self.unit)
        if canonical is None or canonical not in analyte.units:
            analyte.to_si(self.value, self.unit)  # raises LabUnitError listing the units
        elif canonical != self.unit:
            object.__setattr__(self, "unit", canonical)
        _check_plausible(analyte, self.value, self.unit)


@dataclass(frozen=True, slots=True)
class LabResult:
    """An interpreted lab result; `to_dict` gives the JSON shape of `twitchcheck labs`.

    `status` is the judged status: the albumin-corrected one for total calcium given with
    albumin, else the measured one. `measured_status` is always the measured value's own
    band, so a measured low calcium stays visible after correction; `corrected_status` is
    set only when a correction was made. `urgent_level` ("urgent" | "emergency") and
    `direction` ("low" | "high") describe the most severe urgent cut-off crossed, by the
    measured or the corrected value; both are None when `urgent` is False.
    """

    analyte: str
    label: str
    value: float
    unit: str
    si_value: float
    si_unit: str
    conventional_value: float
    conventional_unit: str
    status: str
    measured_status: str
    range: str
    notes: tuple[LabNote, ...]
    urgent: bool = False
    urgent_level: str | None = None
    direction: str | None = None
    corrected_conventional_value: float | None = None
    corrected_si_value: float | None = None
    corrected_status: str | None = None
    text: str = ""
    range_sources: tuple[str, ...] = ()

    @property
    def note(self) -> str:
        """All notes as one paragraph, each sentence with its sources."""
        return " ".join(n.render() for n in self.notes)

    @property
    def sources(self) -> tuple[str, ...]:
        """Every source id behind the range and the notes, in order of first use."""
        ids = [*self.range_sources, *(s for n in self.notes for s in n.sources)]
        return tuple(dict.fromkeys(ids))

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form: the fixed keys first, then the extras."""
        data: dict[str, Any] = {
            "analyte": self.analyte,
            "value": self.value,
            "unit": self.unit,
            "si_value": _round(self.si_value),
            "si_unit": self.si_unit,
            "conventional_value": _round(self.conventional_value),
            "conventional_unit": self.conventional_unit,
            "status": self.status,
            "range": self.range,
            "note": self.note,
            "urgent": self.urgent,
            "label": self.label,
            "notes": [n.to_dict() for n in self.notes],
            "sources": list(self.sources),
            "input": self.text,
            "measured_status": self.measured_status,
            "urgent_level": self.urgent_level,
            "direction": self.direction,
        }
        if self.corrected_si_value is not None and self.corrected_conventional_value is not None:
            data["corrected_conventional_value"] = _round(self.corrected_conventional_value)
            data["corrected_si_value"] = _round(self.corrected_si_value)
            data["corrected_status"] = self.corrected_status
            data["corrected"] = {
                "si_value": _round(self.corrected_si_value),
                "conventional_value": _round(self.corrected_conventional_value),
                "status": self.corrected_status,
            }
        return data


# ---------------------------------------------------------------- public functions


def analytes() -> tuple[Analyte, ...]:
    """Every analyte twitchcheck knows, in the packaged order."""
    return tuple(_table().values())


def get_analyte(analyte_id: str) -> Analyte:
    """The analyte with this id ("magnesium", "vitamin_d", ...); raises UnknownAnalyteError."""
    table = _table()
    if analyte_id not in table:
        raise UnknownAnalyteError(
            f"unknown analyte id {analyte_id!r}; known ids: {', '.join(table)}"
        )
    return table[analyte_id]


def convert(analyte_id: str, value: float, from_unit: str, to_unit: str) -> float:
    """`value` of an analyte converted between any two of its units (exact factors)."""
    analyte = get_analyte(analyte_id)
    return analyte.from_si(analyte.to_si(value, from_unit), to_unit)


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
    specimen = _LEADING_SPECIMEN.match(lower)
    start = specimen.end() if specimen else 0
    match = _match_alias(lower[start:])
    if match is None:
        raise _unknown(text)
    analyte, end = match
    value, unit_text = _split_value(analyte, stripped[start + end :], text)
    return _reading(analyte, value, unit_text, text)


def interpret_labs(items: Iterable[str | LabReading]) -> list[LabResult]:
    """Interpret results given together, in order.

    Results given in the same call inform each other: albumin corrects total
    calcium, and MMA or homocysteine are weighed in the B12 note.
    """
    given = list(items)
    most = int(limit("input.labs"))
    if len(given) > most:
        raise InputError(f"{len(given):,} lab results were given; at most {most} are read at once")
    readings = [item if isinstance(item, LabReading) else parse_lab(item) for item in given]
    context = _Context.from_readings(readings)
    return [_interpret(reading, context) for reading in readings]


# ---------------------------------------------------------------- parsing

_LEADING_SPECIMEN = re.compile(r"^(?:(?:serum|plasma|whole blood|blood)\s+|[sp]-)")
_VALUE = re.compile(
    r"^(?:[\s:=,;]|[-+](?=\s)|\b(?:level|levels|result|value|is|was|of)\b)*"
    r"(?P<number>[-−+]?(?:\d[\d,]*(?:\.\d*)?|\.\d+))\s*(?P<unit>.*)$",
    re.DOTALL | re.IGNORECASE,
)
_TRAILING_RANGE = re.compile(r"\s*[(\[].*$", re.DOTALL)
_QUALIFIER = re.compile(r"^[\s:=]*(?:[<>≤≥]|less than|greater than|under|over)", re.IGNORECASE)
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_UNIT_SPELLINGS = {
    "mg/dl": "mg/dL",
    "mmol/l": "mmol/L",
    "meq/l": "mEq/L",
    "ng/ml": "ng/mL",
    "nmol/l": "nmol/L",
    "pg/ml": "pg/mL",
    "pmol/l": "pmol/L",
    "g/dl": "g/dL",
    "g/l": "g/L",
    "umol/l": "µmol/L",
    "ng/l": "ng/L",
    "ug/l": "µg/L",
}


def _canonical_unit(text: str) -> str | None:
    """The canonical spelling of a unit, or None if it is not one we know."""
    key = re.sub(r"\s+", "", text.strip().lower()).rstrip(".")
    key = key.replace("µ", "u").replace("μ", "u").replace("mcg", "ug").replace("mcmol", "umol")
    key = re.sub(r"(?:deci)?lit(?:re|er)s?$", lambda m: "dl" if m.group(0)[0] == "d" else "l", key)
    return _UNIT_SPELLINGS.get(key)


@functools.cache
def _alias_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """(pattern, analyte id), longest alias first; words may be joined by any separator."""
    pairs: list[tuple[str, str]] = []
    for analyte in _table().values():
        pairs += [(alias, analyte.id) for alias in analyte.aliases]
    pairs.sort(key=lambda pair: len(pair[0].replace(" ", "")), reverse=True)
    patterns = []
    for alias, analyte_id in pairs:
        words = [re.escape(w) for w in re.split(r"[^a-z0-9]+", alias.lower()) if w]
        patterns.append((re.compile(r"[\W_]*".join(words) + r"(?![a-z])"), analyte_id))
    return tuple(patterns)


def _match_alias(lower: str) -> tuple[Analyte, int] | None:
    """The analyte named at the start of `lower` and where its name ends."""
    for pattern, analyte_id in _alias_patterns():
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
    unit = _canonical_unit(unit_text)
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
            f"(about {_fmt(low)} to {_fmt(high)} {unit}){hint}"
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
    known = ", ".join(a.label for a in analytes())
    return UnknownAnalyteError(
        f"unknown lab test {shorten(name, 40)!r} in {shorten(text)!r}; {hint}twitchcheck "
        f"reads: {known}"
    )


def _name_part(text: str) -> str:
    """The text before the result's value (the last number with no digits after it)."""
    match = re.search(r"[-−+]?\d[\d.,]*\D*$", text)
    name = text[: match.start()] if match else text
    return name.strip(" :=\t") or text.strip()


# ---------------------------------------------------------------- interpretation


@dataclass(frozen=True, slots=True)
class _Context:
    albumin_si: float | None  # g/L, cleaned
    b12_markers: tuple[LabResult, ...]

    @classmethod
    def from_readings(cls, readings: Sequence[LabReading]) -> _Context:
        albumin = next((r for r in readings if r.analyte == "albumin"), None)
        albumin_si = _si_of(albumin) if albumin else None
        plain = _Context(None, ())
        markers = tuple(
            _interpret(r, plain)
            for r in readings
            if r.analyte in ("methylmalonic_acid", "homocysteine")
        )
        return cls(albumin_si, markers)


@dataclass(frozen=True, slots=True)
class _Corrected:
    """Albumin-corrected calcium and the conventional figures it was computed from."""

    si: float
    conventional: float
    status: str
    measured_conventional: float
    albumin_conventional: float


def _si_of(reading: LabReading) -> float:
    """The reading in SI, float noise dropped: the one number every judgement uses."""
    return _clean(get_analyte(reading.analyte).to_si(reading.value, reading.unit))


def _interpret(reading: LabReading, context: _Context) -> LabResult:
    analyte = get_analyte(reading.analyte)
    si_value = _si_of(reading)
    measured_status = _first(analyte.bands, si_value).label
    corrected: _Corrected | None = None
    notes: list[LabNote] = []
    correction = analyte.albumin_correction
    if correction is not None and context.albumin_si is None:
        notes.append(correction.missing)
    elif correction is not None and context.albumin_si is not None:
        corrected = _corrected(correction, analyte, si_value, context.albumin_si)
        notes.append(_correction_note(correction, measured_status, corrected))
        if measured_status in correction.measured:
            notes.append(correction.measured[measured_status])
    judged = corrected.si if corrected else si_value
    status = corrected.status if corrected else measured_status
    urgent = _most_severe(analyte, si_value, corrected.si if corrected else None)
    if urgent is not None and urgent.note is not None:
        notes.insert(0, urgent.note)
    notes += _status_notes(analyte, status, judged)
    if analyte.id == "vitamin_b12":
        notes += [_marker_note(marker) for marker in context.b12_markers]
    if "always" in analyte.notes:
        notes.append(analyte.notes["always"])
    return LabResult(
        analyte=analyte.id,
        label=analyte.label,
        value=reading.value,
        unit=reading.unit,
        si_value=si_value,
        si_unit=analyte.si_unit,
        conventional_value=si_value / analyte.conventional_factor,
        conventional_unit=analyte.conventional_unit,
        status=status,
        measured_status=measured_status,
        range=analyte.range.text,
        range_sources=analyte.range.sources,
        notes=tuple(notes),
        urgent=urgent is not None,
        urgent_level=urgent.level if urgent else None,
        direction=urgent.direction if urgent else None,
        corrected_conventional_value=corrected.conventional if corrected else None,
        corrected_si_value=corrected.si if corrected else None,
        corrected_status=corrected.status if corrected else None,
        text=reading.text,
    )


def _most_severe(analyte: Analyte, measured: float, corrected: float | None) -> LabRule | None:
    """The gravest urgent cut-off crossed by the measured or the corrected value.

    Either counts: correction is an estimate, so it never clears a critical measured value.
    """
    values = [measured] if corrected is None else [measured, corrected]
    crossed = [rule for rule in analyte.urgent if any(rule.matches(v) for v in values)]
    # max() keeps the first of equals, so the packaged order breaks ties.
    return max(crossed, key=lambda rule: URGENT_LEVELS.index(rule.level or ""), default=None)


def _corrected(
    correction: AlbuminCorrection, analyte: Analyte, si_value: float, albumin_si: float
) -> _Corrected:
    """Albumin-corrected calcium by the packaged (mg/dL) formula, whatever the units typed."""
    conventional = si_value / analyte.conventional_factor
    albumin_g_dl = get_analyte("albumin").from_si(albumin_si, "g/dL")
    value = conventional + correction.per_g_dl * (correction.normal_albumin_g_dl - albumin_g_dl)
    si = _clean(value * analyte.conventional_factor)
    return _Corrected(si, value, _first(analyte.bands, si).label, conventional, albumin_g_dl)


def _correction_note(
    correction: AlbuminCorrection, measured_status: str, corrected: _Corrected
) -> LabNote:
    albumin = _fmt(corrected.albumin_conventional)
    text = (
        f"Corrected for albumin {albumin} g/dL: {_fmt(corrected.measured_conventional)} + "
        f"{correction.per_g_dl:g} × ({correction.normal_albumin_g_dl:g} − {albumin}) "
        f"= {_fmt(corrected.conventional)} mg/dL ({_fmt(corrected.si)} mmol/L). Measured: "
        f"{measured_status}; corrected: {corrected.status} (the status shown). "
        f"{correction.caveat.text}"
    )
    return LabNote(text, tuple(dict.fromkeys((*correction.sources, *correction.caveat.sources))))


def _status_notes(analyte: Analyte, status: str, judged: float) -> list[LabNote]:
    notes = [analyte.notes[status]] if status in analyte.notes else []
    notes += [g.note for g in analyte.grades if g.note is not None and g.matches(judged)]
    return notes


def _marker_note(marker: LabResult) -> LabNote:
    """What an MMA or homocysteine result in the same call adds to the B12 reading."""
    verdict = "raised" if marker.status == "high" else "not raised"
    text = f"{marker.label} in the same set is {verdict} ({_fmt(marker.value)} {marker.unit})."
    explained = get_analyte(marker.analyte).notes.get(marker.status)
    if explained is None:
        return LabNote(text, marker.range_sources)
    return LabNote(f"{text} {explained.text}", explained.sources)


def _first(rules: Sequence[LabRule], si_value: float) -> LabRule:
    return next(rule for rule in rules if rule.matches(si_value))


def _clean(value: float) -> float:
    """Drop float noise (12 significant digits) so converted cut-offs compare as printed."""
    return float(f"{value:.12g}")


def _round(value: float) -> float:
    """Four significant digits for display and JSON."""
    return float(f"{value:.4g}")


def _fmt(value: float) -> str:
    return f"{_round(value):g}"


# ---------------------------------------------------------------- loading


@functools.cache
def _table() -> dict[str, Analyte]:
    data = load_yaml("labs.yaml")
    try:
        return {key: _parse_analyte(key, raw) for key, raw in data["analytes"].items()}
    except (KeyError, TypeError, ValueError, StopIteration) as error:
        raise DataError(f"labs.yaml is malformed: {error!r}; reinstall twitchcheck") from error


@functools.cache
def clear_statuses() -> tuple[frozenset[str], frozenset[str]]:
    """The statuses that make a result clearly low, and clearly high (labs.yaml `clearly`):
    a doctor's matter in the red flags, unlike a borderline result."""
    clearly = load_yaml("labs.yaml")["clearly"]
    return frozenset(clearly["low"]), frozenset(clearly["high"])


def _note(raw: Mapping[str, Any]) -> LabNote:
    return LabNote(str(raw["text"]), tuple(raw["sources"]))


def _parse_analyte(key: str, raw: Mapping[str, Any]) -> Analyte:
    molar_mass = raw.get("molar_mass")
    units = {name: _parse_unit(name, spec, molar_mass) for name, spec in raw["units"].items()}
    if raw["si_unit"] not in units or raw["conventional_unit"] not in units:
        raise ValueError(f"{key}: si_unit and conventional_unit must be listed units")
    if units[raw["si_unit"]].factor != 1:
        raise ValueError(f"{key}: the SI unit must have factor 1")
    factor = units[raw["conventional_unit"]].factor

    def rules(items: Iterable[Mapping[str, Any]], *, urgent: bool = False) -> tuple[LabRule, ...]:
        return tuple(_parse_rule(item, factor, urgent=urgent) for item in items)

    correction = raw.get("albumin_correction")
    low, high = limit(f"lab.{key}_min"), limit(f"lab.{key}_max")  # limits.toml, with reasons
    return Analyte(
        id=key,
        label=raw["label"],
        aliases=tuple(raw["aliases"]),
        si_unit=raw["si_unit"],
        conventional_unit=raw["conventional_unit"],
        units=units,
        vetted_factor=float(raw["vetted_factor"]),
        molar_mass=molar_mass,
        plausible_si=(float(low), float(high)),
        range=_note(raw["range"]),
        bands=rules(raw["bands"]),
        urgent=rules(raw.get("urgent", ()), urgent=True),
        grades=rules(raw.get("grades", ())),
        notes={status: _note(note) for status, note in raw["notes"].items()},
        albumin_correction=_parse_correction(correction) if correction else None,
        nutrient=raw["reflects"]["nutrient"] if "reflects" in raw else None,
        raised_means_short=bool(raw.get("reflects", {}).get("raised_means_short", False)),
    )


def _parse_unit(name: str, spec: Mapping[str, Any], molar_mass: float | None) -> Unit:
    if "per_molar_mass" in spec:
        if molar_mass is None:
            raise ValueError(f"{name}: per_molar_mass needs the analyte's molar_mass")
        return Unit(name, float(spec["per_molar_mass"]) / molar_mass)
    return Unit(name, float(spec["factor"]))


def _parse_condition(op: Op, raw: Mapping[str, Any], conventional_factor: float) -> LabCondition:
    """One SI edge from the published figure(s); see the header of labs.yaml."""
    si = float(raw["si"]) if "si" in raw else None
    conventional = float(raw["conventional"]) if "conventional" in raw else None
    candidates = [] if si is None else [si]
    if conventional is not None:
        candidates.append(_clean(conventional * conventional_factor))
    if not candidates:
        raise ValueError(f"{op}: give the published figure as si and/or conventional")
    if max(candidates) > min(candidates) * 1.02:  # the two printed figures must agree
        raise ValueError(f"{op}: {si} and {conventional} are not the same quantity")
    edge = min(candidates) if op in _LOWER_EDGE_OPS else max(candidates)
    return LabCondition(op, _clean(edge), si, conventional)


def _parse_rule(raw: Mapping[str, Any], conventional_factor: float, *, urgent: bool) -> LabRule:
    conditions = tuple(
        _parse_condition(op, raw[op], conventional_factor) for op in _OPS if op in raw
    )
    note = LabNote(raw["text"], tuple(raw["sources"])) if "text" in raw else None
    level, direction = raw.get("level"), raw.get("direction")
    if urgent:
        if level not in URGENT_LEVELS or direction not in _DIRECTION_OPS or note is None:
            raise ValueError(f"urgent rule {raw!r} needs level, direction, text and sources")
        if not conditions or any(c.op not in _DIRECTION_OPS[direction] for c in conditions):
            raise ValueError(f"urgent rule {raw!r}: its conditions do not point {direction}")
    elif level is not None or direction is not None:
        raise ValueError(f"only urgent rules take level and direction: {raw!r}")
    return LabRule(conditions, str(raw.get("status", "")), note, level, direction)


def _parse_correction(raw: Mapping[str, Any]) -> AlbuminCorrection:
    return AlbuminCorrection(
        per_g_dl=float(raw["per_g_dl"]),
        normal_albumin_g_dl=float(raw["normal_albumin_g_dl"]),
        sources=tuple(raw["sources"]),
        caveat=_note(raw["caveat"]),
        missing=_note(raw["missing"]),
        measured={status: _note(note) for status, note in raw.get("measured", {}).items()},
    )
