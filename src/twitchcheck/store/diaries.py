"""Food diaries: days and their lines, as typed and as matched; editable line by line.

Importing a diary is one transaction: all of its lines are saved or none is, whatever stops
it (an error, Ctrl-C, SIGKILL).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from twitchcheck.store import checks
from twitchcheck.store._rows import fetch, profile
from twitchcheck.store.engine import Store
from twitchcheck.store.errors import NotFoundError, StoreInputError
from twitchcheck.store.models import NAME_CHARS, UNIT_CHARS, DiaryDayRow, DiaryEntryRow

MOST_GRAMS = 20_000.0  # 20 kg in one line is already a typo


@dataclass(frozen=True)
class EntryInput:
    """One diary line: its day, when or which meal, the text as typed and, once matched,
    the food id, grams and how the grams were found."""

    day: dt.date
    text: str
    time: dt.time | None = None
    meal: str | None = None
    food_id: str | None = None
    grams: float | None = None
    how: str | None = None


def _day(session: Session, profile_id: int, day: dt.date) -> DiaryDayRow:
    row = session.scalar(
        select(DiaryDayRow).where(DiaryDayRow.profile_id == profile_id, DiaryDayRow.day == day)
    )
    if row is None:
        row = DiaryDayRow(profile_id=profile_id, day=day)
        session.add(row)
        session.flush()
    return row


def _next_position(session: Session, day_id: int) -> int:
    last = session.scalar(
        select(func.max(DiaryEntryRow.position)).where(DiaryEntryRow.day_id == day_id)
    )
    return 0 if last is None else last + 1


def _fill(row: DiaryEntryRow, entry: EntryInput) -> None:
    if not isinstance(entry.day, dt.date) or isinstance(entry.day, dt.datetime):
        raise StoreInputError(f"a diary line's day must be a date, not {entry.day!r}")
    row.text = checks.text(entry.text, "a diary line")
    row.time = entry.time
    row.meal = checks.optional_text(entry.meal, "the meal", UNIT_CHARS)
    row.food_id = checks.optional_text(entry.food_id, "the food id", NAME_CHARS)
    row.grams = checks.number(entry.grams, "grams", 0, MOST_GRAMS)
    row.how = checks.optional_text(entry.how, "how the grams were found", NAME_CHARS)


def import_diary(store: Store, profile_id: int, entries: Iterable[EntryInput]) -> int:
    """Add every line of `entries` after each day's existing lines, in one transaction;
    returns how many were added."""
    count = 0
    with store.write() as session:
        profile(session, profile_id)
        days: dict[dt.date, tuple[DiaryDayRow, int]] = {}
        for entry in entries:
            row = DiaryEntryRow()
            _fill(row, entry)
            if entry.day not in days:
                day = _day(session, profile_id, entry.day)
                days[entry.day] = (day, _next_position(session, day.id))
            day, position = days[entry.day]
            days[entry.day] = (day, position + 1)
            row.day_id, row.position = day.id, position
            session.add(row)
            count += 1
            if count % 1000 == 0:
                session.flush()  # bounded memory on a long import; still one transaction
    return count


def add_entry(store: Store, profile_id: int, entry: EntryInput) -> DiaryEntryRow:
    """Add one line at the end of its day."""
    with store.write() as session:
        profile(session, profile_id)
        row = DiaryEntryRow()
        _fill(row, entry)
        day = _day(session, profile_id, entry.day)
        row.day_id, row.position = day.id, _next_position(session, day.id)
        session.add(row)
    return row


def _owned_entry(session: Session, profile_id: int, entry_id: int) -> DiaryEntryRow:
    row = fetch(session, DiaryEntryRow, entry_id, "diary line")
    if session.get_one(DiaryDayRow, row.day_id).profile_id != profile_id:
        raise NotFoundError("diary line", entry_id)
    return row


def update_entry(store: Store, profile_id: int, entry_id: int, entry: EntryInput) -> DiaryEntryRow:
    """Replace a line with its edited version (moving it to another day if the day changed)."""
    with store.write() as session:
        row = _owned_entry(session, profile_id, entry_id)
        _fill(row, entry)
        old_day = session.get_one(DiaryDayRow, row.day_id)
        if old_day.day != entry.day:
            day = _day(session, profile_id, entry.day)
            row.day_id, row.position = day.id, _next_position(session, day.id)
    return row


def delete_entry(store: Store, profile_id: int, entry_id: int) -> None:
    """Remove one line."""
    with store.write() as session:
        session.delete(_owned_entry(session, profile_id, entry_id))


def diary(
    store: Store, profile_id: int, start: dt.date | None = None, end: dt.date | None = None
) -> list[DiaryDayRow]:
    """A person's diary days from `start` to `end` (inclusive), each with its lines in order."""
    query = (
        select(DiaryDayRow)
        .where(DiaryDayRow.profile_id == profile_id)
        .options(selectinload(DiaryDayRow.entries))
        .order_by(DiaryDayRow.day)
    )
    if start is not None:
        query = query.where(DiaryDayRow.day >= start)
    if end is not None:
        query = query.where(DiaryDayRow.day <= end)
    with store.read() as session:
        profile(session, profile_id)
        return list(session.scalars(query))
