"""Food diaries: days and their lines, as typed and as matched; editable line by line.

Importing a diary is one transaction: all of its lines are saved or none is, whatever stops
it (an error, Ctrl-C, SIGKILL).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from twitchcheck.store import checks
from twitchcheck.store._rows import fetch, profile
from twitchcheck.store.engine import Store
from twitchcheck.store.errors import NotFoundError, StoreInputError
from twitchcheck.store.models import NAME_CHARS, UNIT_CHARS, DiaryDayRow, DiaryEntryRow

if TYPE_CHECKING:
    from twitchcheck.diary import Diary, DiaryEntry, OwnFoods

MOST_GRAMS = 20_000.0  # 20 kg in one line is already a typo
MOST_GIVEN = 1e7  # an export's figure for one line (mg of sodium, µg...) past this is not food


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
    given: GivenNutrients | None = None


@dataclass(frozen=True)
class GivenNutrients:
    """An app export's own figures for a line: where they came from, each nutrient (key
    with its unit) for the amount eaten or None when the export does not say, and whether
    the person chose to count them rather than the food matched for the line's text."""

    source: str
    nutrients: Mapping[str, float | None]
    use: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "nutrients": dict(self.nutrients), "use": self.use}


def _given(given: GivenNutrients | None) -> dict[str, Any] | None:
    from twitchcheck.nutrient_keys import NUTRIENT_KEYS

    if given is None:
        return None
    unknown = sorted(set(given.nutrients) - set(NUTRIENT_KEYS))
    if unknown:
        raise StoreInputError(f"a line's given nutrients name unknown keys: {unknown[:5]}")
    for key, value in given.nutrients.items():
        checks.number(value, f"the given {key}", 0, MOST_GIVEN)
    checks.text(given.source, "where the given nutrients came from", NAME_CHARS)
    return checks.document(given.to_dict(), "a line's given nutrients")  # type: ignore[no-any-return]


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
    row.given = _given(entry.given)


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


# --- the stored diary as the core reads it ----------------------------------------------------

TYPED = ("typed", "portion")  # lines the pages keep as written, read again when shown


@dataclass(frozen=True)
class StoredDiary:
    """Stored days read as the core reads a diary, and the stored line behind each entry
    and each line's problem (by the entry's or problem's line number)."""

    diary: Diary
    rows: Mapping[int, DiaryEntryRow]


def _written(row: DiaryEntryRow) -> str:
    """A stored line as the text diary writes it ("08:00 latte").

    A line the pages saved is written as typed. A line saved otherwise (an import, the API)
    with its food and grams, as each part of a split line is, is written as exactly that
    food and weight; one without (an export's own food) as its text."""
    text = " ".join(str(row.text).split())
    if row.how not in TYPED and row.food_id and row.grams:
        text = f"{row.grams:.6g} g [{row.food_id}]"
    return f"{row.time.strftime('%H:%M')} {text}" if row.time is not None else text


def _counts_given(row: DiaryEntryRow) -> bool:
    return bool(row.given and row.given.get("use"))


def written_diary(days: Iterable[DiaryDayRow]) -> tuple[str, dict[int, DiaryEntryRow]]:
    """The stored lines as one text diary, and which stored line each text line is; a line
    counted with an export's own figures is left out (no text can carry them)."""
    out: list[str] = []
    rows: dict[int, DiaryEntryRow] = {}
    for day in days:
        written = [row for row in day.entries if not _counts_given(row)]
        if not written:
            continue
        out.append(day.day.isoformat())
        for row in written:
            out.append(_written(row))
            rows[len(out)] = row
        out.append("")
    return "\n".join(out), rows


def _given_entry(day: dt.date, row: DiaryEntryRow, line: int) -> DiaryEntry:
    from twitchcheck.diary import DiaryEntry
    from twitchcheck.nutrient_keys import NUTRIENT_KEYS

    given = row.given or {}
    nutrients: dict[str, float | None] = dict.fromkeys(NUTRIENT_KEYS)
    nutrients.update(given.get("nutrients", {}))
    clock = row.time.strftime("%H:%M") if row.time is not None else None
    source = str(given.get("source", "export"))
    return DiaryEntry(
        day=day, meal=row.meal, line=line, text=row.text, item=None, nutrients=nutrients,
        source=source, grams=row.grams, time=clock, how="export",
    )  # fmt: skip


def read_days(
    days: Iterable[DiaryDayRow], region: str | None = None, own: OwnFoods | None = None
) -> StoredDiary | None:
    """`days` as the core reads them: each line as typed (or as its food and grams), through
    the diary reader with the person's own foods, or with the figures an app's export gave it
    when the person chose those; None when there is no line."""
    from twitchcheck.diary import Diary, parse_diary_text

    days = list(days)
    text, rows = written_diary(days)
    read = parse_diary_text(text, "text", region=region, own=own) if rows else None
    line = text.count("\n") + 2
    given: list[DiaryEntry] = []
    for day in days:
        for row in day.entries:
            if _counts_given(row):
                given.append(_given_entry(day.day, row, line))
                rows[line] = row
                line += 1
    if read is None and not given:
        return None
    entries = [*(read.entries if read else ()), *given]
    entries.sort(key=lambda entry: (entry.day, rows[entry.line].position, entry.line))
    whole = Diary(
        format=read.format if read else "text",
        entries=tuple(entries),
        problems=read.problems if read else (),
        days=tuple(sorted({entry.day for entry in entries} | set(read.days if read else ()))),
        region=region,
        supplements=read.supplements if read else (),
    )
    return StoredDiary(whole, rows)


def stored_diary(store: Store, profile_id: int, region: str | None = None) -> StoredDiary | None:
    """A person's whole stored diary as the core reads it, with their own foods and
    corrections (None when it has no line). `region` is a region id ("uk")."""
    from twitchcheck.store.own_foods import own_foods_for_reading

    days = diary(store, profile_id)
    return read_days(days, region, own_foods_for_reading(store, profile_id))
