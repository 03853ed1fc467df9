"""What lab results given together show: SI and conventional values, status, grade, urgency
and the notes that go with them (albumin corrects total calcium; MMA and homocysteine are
weighed in the B12 note). Every value is judged in SI, so the unit typed never changes a result.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from twitchcheck.errors import InputError
from twitchcheck.labs.analytes import (
    URGENT_LEVELS,
    AlbuminCorrection,
    Analyte,
    LabNote,
    LabRule,
    clean,
    get_analyte,
    rounded,
    shown,
)
from twitchcheck.labs.reading import LabReading, parse_lab
from twitchcheck.limits import limit


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
            "si_value": rounded(self.si_value),
            "si_unit": self.si_unit,
            "conventional_value": rounded(self.conventional_value),
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
            data["corrected_conventional_value"] = rounded(self.corrected_conventional_value)
            data["corrected_si_value"] = rounded(self.corrected_si_value)
            data["corrected_status"] = self.corrected_status
            data["corrected"] = {
                "si_value": rounded(self.corrected_si_value),
                "conventional_value": rounded(self.corrected_conventional_value),
                "status": self.corrected_status,
            }
        return data


SEXES = ("female", "male")


def interpret_labs(items: Iterable[str | LabReading], *, sex: str | None = None) -> list[LabResult]:
    """Interpret results given together, in order.

    Results given in the same call inform each other: albumin corrects total
    calcium, and MMA or homocysteine are weighed in the B12 note. `sex` ("female" or
    "male") picks the sex-specific range where there is one (ferritin, creatinine);
    without it such a result is judged against a range spanning both, and says so.
    """
    if sex is not None and sex not in SEXES:
        raise InputError(f"sex must be one of {', '.join(SEXES)}, not {sex!r}")
    given = list(items)
    most = int(limit("input.labs"))
    if len(given) > most:
        raise InputError(f"{len(given):,} lab results were given; at most {most} are read at once")
    readings = [item if isinstance(item, LabReading) else parse_lab(item) for item in given]
    context = _Context.from_readings(readings, sex)
    return [_interpret(reading, context) for reading in readings]


@dataclass(frozen=True, slots=True)
class _Context:
    albumin_si: float | None  # g/L, cleaned
    b12_markers: tuple[LabResult, ...]
    sex: str | None = None

    @classmethod
    def from_readings(cls, readings: Sequence[LabReading], sex: str | None = None) -> _Context:
        albumin = next((r for r in readings if r.analyte == "albumin"), None)
        albumin_si = _si_of(albumin) if albumin else None
        plain = _Context(None, (), sex)
        markers = tuple(
            _interpret(r, plain)
            for r in readings
            if r.analyte in ("methylmalonic_acid", "homocysteine")
        )
        return cls(albumin_si, markers, sex)


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
    return clean(get_analyte(reading.analyte).to_si(reading.value, reading.unit))


def _interpret(reading: LabReading, context: _Context) -> LabResult:
    analyte = get_analyte(reading.analyte)
    si_value = _si_of(reading)
    bands = analyte.bands_for(context.sex)
    measured_status = _first(bands, si_value).label
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
    value_range = analyte.sex_ranges.get(context.sex or "", analyte.range)
    if analyte.sex_ranges and value_range is analyte.range:
        notes.append(_sex_note(analyte))
    return LabResult(
        analyte=analyte.id,
        label=analyte.label,
        value=reading.value,
        unit=reading.unit,
        si_value=si_value,
        si_unit=analyte.si_unit,
        conventional_value=analyte.to_conventional(si_value),
        conventional_unit=analyte.conventional_unit,
        status=status,
        measured_status=measured_status,
        range=value_range.text,
        range_sources=value_range.sources,
        notes=tuple(notes),
        urgent=urgent is not None,
        urgent_level=urgent.level if urgent else None,
        direction=urgent.direction if urgent else None,
        corrected_conventional_value=corrected.conventional if corrected else None,
        corrected_si_value=corrected.si if corrected else None,
        corrected_status=corrected.status if corrected else None,
        text=reading.text,
    )


def _sex_note(analyte: Analyte) -> LabNote:
    """Said when an analyte's range differs by sex and none was given."""
    ranges = "; ".join(f"{sex}: {note.text}" for sex, note in analyte.sex_ranges.items())
    text = f"The usual range differs by sex ({ranges}); without it the wider range is used."
    sources = (s for note in analyte.sex_ranges.values() for s in note.sources)
    return LabNote(text, tuple(dict.fromkeys(sources)))


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
    si = clean(value * analyte.conventional_factor)
    return _Corrected(si, value, _first(analyte.bands, si).label, conventional, albumin_g_dl)


def _correction_note(
    correction: AlbuminCorrection, measured_status: str, corrected: _Corrected
) -> LabNote:
    albumin = shown(corrected.albumin_conventional)
    text = (
        f"Corrected for albumin {albumin} g/dL: {shown(corrected.measured_conventional)} + "
        f"{correction.per_g_dl:g} × ({correction.normal_albumin_g_dl:g} − {albumin}) "
        f"= {shown(corrected.conventional)} mg/dL ({shown(corrected.si)} mmol/L). Measured: "
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
    text = f"{marker.label} in the same set is {verdict} ({shown(marker.value)} {marker.unit})."
    explained = get_analyte(marker.analyte).notes.get(marker.status)
    if explained is None:
        return LabNote(text, marker.range_sources)
    return LabNote(f"{text} {explained.text}", explained.sources)


def _first(rules: Sequence[LabRule], si_value: float) -> LabRule:
    return next(rule for rule in rules if rule.matches(si_value))
