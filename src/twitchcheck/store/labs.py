"""Lab results as the report gave them: date, analyte and unit as typed, the lab's range."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select

from twitchcheck.store import checks
from twitchcheck.store._rows import owned, profile
from twitchcheck.store.engine import Store
from twitchcheck.store.errors import StoreInputError
from twitchcheck.store.models import NAME_CHARS, UNIT_CHARS, LabResultRow

MOST_VALUE = 1e9  # larger than any concentration in any unit; the labs job judges the rest


@dataclass(frozen=True)
class LabInput:
    """One lab value; the range is the lab's own, when the report prints one."""

    taken_on: dt.date
    analyte: str
    value: float
    unit: str
    range_low: float | None = None
    range_high: float | None = None
    range_text: str | None = None


def _row(profile_id: int, lab: LabInput) -> LabResultRow:
    value = checks.number(lab.value, f"the value of {lab.analyte[:60]!r}", 0, MOST_VALUE)
    low = checks.number(lab.range_low, "the range's low end", 0, MOST_VALUE)
    high = checks.number(lab.range_high, "the range's high end", 0, MOST_VALUE)
    if low is not None and high is not None and low > high:
        raise StoreInputError(f"the lab's range runs from {low:g} down to {high:g}; swap them")
    assert value is not None
    return LabResultRow(
        profile_id=profile_id,
        taken_on=lab.taken_on,
        analyte=checks.text(lab.analyte, "the analyte", NAME_CHARS),
        value=value,
        unit=checks.text(lab.unit, "the unit", UNIT_CHARS),
        range_low=low,
        range_high=high,
        range_text=checks.optional_text(lab.range_text, "the lab's range", NAME_CHARS),
    )


def add_lab_results(store: Store, profile_id: int, labs: Iterable[LabInput]) -> list[LabResultRow]:
    """Save a report's values together (one transaction)."""
    with store.write() as session:
        profile(session, profile_id)
        rows = [_row(profile_id, lab) for lab in labs]
        session.add_all(rows)
    return rows


def lab_results(store: Store, profile_id: int) -> list[LabResultRow]:
    """A person's lab values, oldest first."""
    with store.read() as session:
        profile(session, profile_id)
        query = (
            select(LabResultRow)
            .where(LabResultRow.profile_id == profile_id)
            .order_by(LabResultRow.taken_on, LabResultRow.id)
        )
        return list(session.scalars(query))


def delete_lab_result(store: Store, profile_id: int, lab_id: int) -> None:
    """Remove one value."""
    with store.write() as session:
        session.delete(owned(session, LabResultRow, lab_id, profile_id, "lab result"))
