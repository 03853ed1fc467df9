"""What twitchcheck knows of each lab test: names, units and exact factors, cut-offs, notes.

Loaded from `data/labs.yaml`, each figure with its source ids. Factors come from molar masses
(10/M for mg/dL -> mmol/L, 1000/M for ng/mL -> nmol/L and pg/mL -> pmol/L), so conversions
round-trip exactly up to float precision. Each cut-off is held as one SI edge.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from twitchcheck._data import raw_data, reading
from twitchcheck.errors import (
    DataError,
    LabUnitError,
    UnknownAnalyteError,
)
from twitchcheck.limits import all_limits, limit
from twitchcheck.text import shorten

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
    """A unit an analyte may be reported in; value x factor + offset = SI value.

    The offset is 0 for every unit but HbA1c's %, which the IFCC-NGSP master equation ties
    to mmol/mol by a straight line that does not pass through zero.
    """

    name: str
    factor: float
    offset: float = 0.0

    def to_si(self, value: float) -> float:
        return value * self.factor + self.offset

    def from_si(self, si_value: float) -> float:
        return (si_value - self.offset) / self.factor


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
    sex_bands: Mapping[str, tuple[LabRule, ...]] = field(default_factory=dict)
    sex_ranges: Mapping[str, LabNote] = field(default_factory=dict)

    @property
    def conventional_factor(self) -> float:
        """Multiply a conventional value by this to get SI (units without an offset)."""
        return self.units[self.conventional_unit].factor

    def to_si(self, value: float, unit: str) -> float:
        """`value` in `unit` expressed in the SI unit."""
        return self._unit(unit).to_si(value)

    def from_si(self, si_value: float, unit: str) -> float:
        """An SI value expressed in `unit`."""
        return self._unit(unit).from_si(si_value)

    def to_conventional(self, si_value: float) -> float:
        """An SI value in the conventional unit."""
        return self.units[self.conventional_unit].from_si(si_value)

    def bands_for(self, sex: str | None) -> tuple[LabRule, ...]:
        """The status bands for a sex where the range differs by sex, else the common ones
        (which, for an analyte with sex ranges, span both: see labs.yaml)."""
        return self.sex_bands.get(sex or "", self.bands)

    def _unit(self, unit: str) -> Unit:
        canonical = canonical_unit(unit)
        if canonical is None or canonical not in self.units:
            raise LabUnitError(
                f"{shorten(unit, 40)!r} is not a unit for {self.label}; use one of: "
                f"{', '.join(self.units)}"
            )
        return self.units[canonical]


def analytes() -> tuple[Analyte, ...]:
    """Every analyte twitchcheck knows, in the packaged order."""
    return tuple(analyte_table().values())


def get_analyte(analyte_id: str) -> Analyte:
    """The analyte with this id ("magnesium", "vitamin_d", ...); raises UnknownAnalyteError."""
    table = analyte_table()
    if analyte_id not in table:
        raise UnknownAnalyteError(
            f"unknown analyte id {analyte_id!r}; known ids: {', '.join(table)}"
        )
    return table[analyte_id]


def convert(analyte_id: str, value: float, from_unit: str, to_unit: str) -> float:
    """`value` of an analyte converted between any two of its units (exact factors)."""
    analyte = get_analyte(analyte_id)
    return analyte.from_si(analyte.to_si(value, from_unit), to_unit)


def clean(value: float) -> float:
    """Drop float noise (12 significant digits) so converted cut-offs compare as printed."""
    return float(f"{value:.12g}")


def rounded(value: float) -> float:
    """Four significant digits for display and JSON."""
    return float(f"{value:.4g}")


def shown(value: float) -> str:
    return f"{rounded(value):g}"


UNIT_SPELLINGS = {
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
    "ug/dl": "µg/dL",
    "ng/dl": "ng/dL",
    "mmol/mol": "mmol/mol",
    "%": "%",
    "percent": "%",
    "u/l": "U/L",
    "iu/l": "U/L",
    "ukat/l": "µkat/L",
    "miu/l": "mIU/L",
    "mu/l": "mIU/L",
    "uiu/ml": "µIU/mL",
    "ml/min/1.73m2": "mL/min/1.73m²",
    "ml/min/1.73m²": "mL/min/1.73m²",
    "ml/min/1.73m^2": "mL/min/1.73m²",
    "ml/min/1,73m2": "mL/min/1.73m²",
}


def canonical_unit(text: str) -> str | None:
    """The canonical spelling of a unit, or None if it is not one we know."""
    key = re.sub(r"\s+", "", text.strip().lower()).rstrip(".")
    key = key.replace("µ", "u").replace("μ", "u").replace("mcg", "ug").replace("mcmol", "umol")
    key = re.sub(r"(?:deci)?lit(?:re|er)s?$", lambda m: "dl" if m.group(0)[0] == "d" else "l", key)
    return UNIT_SPELLINGS.get(key)


# ---------------------------------------------------------------- loading


@functools.cache
def _labs_file() -> Any:
    """labs.yaml as plain data, read once; each table is built from it in one pass (wrapping
    every entry in a DataTable first cost a cold screening ~2 ms)."""
    return raw_data("labs.yaml")


@functools.cache
def analyte_table() -> dict[str, Analyte]:
    try:
        return {key: _parse_analyte(key, raw) for key, raw in _labs_file()["analytes"].items()}
    except (KeyError, TypeError, ValueError, StopIteration) as error:
        raise DataError(f"labs.yaml is malformed: {error!r}; reinstall twitchcheck") from error


@functools.cache
def clear_statuses() -> tuple[frozenset[str], frozenset[str]]:
    """The statuses that make a result clearly low, and clearly high (labs.yaml `clearly`):
    a doctor's matter in the red flags, unlike a borderline result."""
    with reading("labs.yaml"):
        clearly = _labs_file()["clearly"]
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
    conventional = units[raw["conventional_unit"]]

    def rules(items: Iterable[Mapping[str, Any]], *, urgent: bool = False) -> tuple[LabRule, ...]:
        return tuple(_parse_rule(item, conventional, urgent=urgent) for item in items)

    correction = raw.get("albumin_correction")
    low, high = _plausible(key, raw)
    by_sex = raw.get("sex_ranges", {})
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
        sex_bands={sex: rules(spec["bands"]) for sex, spec in by_sex.items()},
        sex_ranges={sex: _note(spec["range"]) for sex, spec in by_sex.items()},
    )


def _plausible(key: str, raw: Mapping[str, Any]) -> tuple[float, float]:
    """What a living person could show, in SI: limits.toml [lab] where it has the analyte,
    else the analyte's own `plausible` in labs.yaml (same meaning, with its reason)."""
    if f"lab.{key}_min" in all_limits():
        return limit(f"lab.{key}_min"), limit(f"lab.{key}_max")
    spec = raw["plausible"]
    if not str(spec["reason"]).strip():
        raise ValueError(f"{key}: plausible needs a reason")
    return float(spec["min"]), float(spec["max"])


def _parse_unit(name: str, spec: Mapping[str, Any], molar_mass: float | None) -> Unit:
    if "per_molar_mass" in spec:
        if molar_mass is None:
            raise ValueError(f"{name}: per_molar_mass needs the analyte's molar_mass")
        return Unit(name, float(spec["per_molar_mass"]) / molar_mass)
    return Unit(name, float(spec["factor"]), float(spec.get("offset", 0.0)))


def _parse_condition(op: Op, raw: Mapping[str, Any], conventional_unit: Unit) -> LabCondition:
    """One SI edge from the published figure(s); see the header of labs.yaml."""
    si = float(raw["si"]) if "si" in raw else None
    conventional = float(raw["conventional"]) if "conventional" in raw else None
    candidates = [] if si is None else [si]
    if conventional is not None:
        candidates.append(clean(conventional_unit.to_si(conventional)))
    if not candidates:
        raise ValueError(f"{op}: give the published figure as si and/or conventional")
    if max(candidates) > min(candidates) * 1.02:  # the two printed figures must agree
        raise ValueError(f"{op}: {si} and {conventional} are not the same quantity")
    edge = min(candidates) if op in _LOWER_EDGE_OPS else max(candidates)
    return LabCondition(op, clean(edge), si, conventional)


def _parse_rule(raw: Mapping[str, Any], conventional_unit: Unit, *, urgent: bool) -> LabRule:
    conditions = tuple(_parse_condition(op, raw[op], conventional_unit) for op in _OPS if op in raw)
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
