"""The journal in the store: episodes, days with their factors and quiet-night check-ins,
and N-of-1 experiments, each owned by a profile.

The core's values (twitchcheck.journal) are checked before anything is written, and every
write is one transaction. Two rules keep nights honest: checking in a night as quiet is
refused while it has an episode, and an episode added to a night checked in as quiet clears
the check-in (the episode is the later news). An import is all or nothing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from twitchcheck.journal import Day, Episode, FactorValue, Journal, JournalError, check_factor
from twitchcheck.journal.caffeine import DiaryCaffeine, caffeine_by_day
from twitchcheck.journal.files import journal_dict
from twitchcheck.journal.history import History
from twitchcheck.journal.model import night_of
from twitchcheck.journal.series import history_of
from twitchcheck.store import checks
from twitchcheck.store._rows import owned, profile
from twitchcheck.store.engine import Store
from twitchcheck.store.models import (
    NAME_CHARS,
    JournalDayRow,
    JournalEpisodeRow,
    JournalExperimentRow,
)

DEFAULT_DAYS = 7  # a day's factors default to the latest day's within a week before it
EDITABLE = ("start", "kind", "where", "count", "duration_min", "severity", "sleep_disruption")


@dataclass(frozen=True)
class ImportCounts:
    """What an import did: episodes added, episodes already stored (skipped), days set."""

    episodes_added: int
    episodes_skipped: int
    days_set: int


def episode_of(row: JournalEpisodeRow) -> Episode:
    """The core value of a stored episode."""
    return Episode(
        start=row.start,
        kind=row.kind,
        where=tuple(row.places),
        count=row.count,
        duration_min=row.duration_min,
        severity=row.severity,
        sleep_disruption=row.sleep_disruption,
    )


def day_of(row: JournalDayRow) -> Day:
    """The core value of a stored day."""
    return Day(date=row.day, factors=dict(row.factors), quiet_night=row.quiet_night)


def _fill(row: JournalEpisodeRow, episode: Episode) -> None:
    if not isinstance(episode, Episode):
        raise JournalError(f"an episode must be an Episode, not {type(episode).__name__}")
    row.start, row.kind = episode.start, episode.kind
    row.places = [checks.text(p, "a place in 'where'", NAME_CHARS) for p in episode.where]
    row.count, row.duration_min = episode.count, episode.duration_min
    row.severity, row.sleep_disruption = episode.severity, episode.sleep_disruption


def _day_row(session: Session, profile_id: int, day: dt.date) -> JournalDayRow | None:
    return session.scalar(
        select(JournalDayRow).where(
            JournalDayRow.profile_id == profile_id, JournalDayRow.day == day
        )
    )


def _new_day(session: Session, profile_id: int, day: dt.date) -> JournalDayRow:
    row = _day_row(session, profile_id, day)
    if row is None:
        Day(day)  # refuses an impossible date before a row is made
        row = JournalDayRow(profile_id=profile_id, day=day, quiet_night=False, factors={})
        session.add(row)
    return row


def _episode_came(session: Session, profile_id: int, episode: Episode) -> None:
    """An episode in a night checked in as quiet: that night is no longer quiet."""
    night = episode.night
    row = _day_row(session, profile_id, night) if night is not None else None
    if row is not None and row.quiet_night:
        row.quiet_night = False


def add_episode(store: Store, profile_id: int, episode: Episode) -> JournalEpisodeRow:
    """Record an episode (its details may follow with `edit_episode`)."""
    with store.write() as session:
        profile(session, profile_id)
        row = JournalEpisodeRow(profile_id=profile_id)
        _fill(row, episode)
        session.add(row)
        _episode_came(session, profile_id, episode)
    return row


def edit_episode(
    store: Store, profile_id: int, episode_id: int, changes: Mapping[str, Any]
) -> JournalEpisodeRow:
    """Change some details of a stored episode ({"kind": "cramp", "severity": 6}); the rest
    stays as it was. A value of None clears that detail."""
    unknown = [key for key in changes if key not in EDITABLE]
    if unknown:
        raise JournalError(
            f"an episode has no detail {unknown[0]!r}; its details: {', '.join(EDITABLE)}"
        )
    with store.write() as session:
        row = owned(session, JournalEpisodeRow, episode_id, profile_id, "episode")
        given = dict(changes)
        if "where" in given:
            given["where"] = tuple(given["where"] or ())
        if given.get("start", row.start) is None:
            raise JournalError("an episode keeps its start; give a new time instead")
        episode = dataclasses.replace(episode_of(row), **given)
        _fill(row, episode)
        _episode_came(session, profile_id, episode)
    return row


def delete_episode(store: Store, profile_id: int, episode_id: int) -> None:
    """Remove one episode."""
    with store.write() as session:
        session.delete(owned(session, JournalEpisodeRow, episode_id, profile_id, "episode"))


def get_episode(store: Store, profile_id: int, episode_id: int) -> JournalEpisodeRow:
    """One of the person's episodes by id."""
    with store.read() as session:
        return owned(session, JournalEpisodeRow, episode_id, profile_id, "episode")


def _night_episodes(session: Session, profile_id: int, night: dt.date) -> int:
    """How many stored episodes belong to `night` (18:00 that day to 12:00 the next)."""
    first = dt.datetime.combine(night, dt.time(0))
    starts = session.scalars(
        select(JournalEpisodeRow.start).where(
            JournalEpisodeRow.profile_id == profile_id,
            JournalEpisodeRow.start >= first,
            JournalEpisodeRow.start < first + dt.timedelta(days=2),
        )
    )
    return sum(night_of(start) == night for start in starts)


def check_in_quiet(store: Store, profile_id: int, night: dt.date) -> JournalDayRow:
    """Record that the night of `night` (the date it began) passed with no episode."""
    with store.write() as session:
        profile(session, profile_id)
        found = _night_episodes(session, profile_id, night)
        if found:
            raise JournalError(
                f"the night of {night} already has {found} episode(s), so it was not quiet; "
                "delete them first if they were recorded by mistake"
            )
        row = _new_day(session, profile_id, night)
        row.quiet_night = True
    return row


def set_factors(
    store: Store, profile_id: int, day: dt.date, factors: Mapping[str, FactorValue | None]
) -> JournalDayRow:
    """Set some of a day's factors (the others stay); a value of None removes that factor."""
    checked = {
        name: None if value is None else check_factor(name, value)
        for name, value in factors.items()
    }
    with store.write() as session:
        profile(session, profile_id)
        row = _new_day(session, profile_id, day)
        merged = {**row.factors, **checked}
        row.factors = checks.document(
            {name: value for name, value in merged.items() if value is not None}, "the factors"
        )
    return row


def get_day(store: Store, profile_id: int, day: dt.date) -> Day | None:
    """The day's factors and check-in, or None when nothing is recorded for it."""
    with store.read() as session:
        profile(session, profile_id)
        row = _day_row(session, profile_id, day)
        return None if row is None else day_of(row)


def factor_defaults(store: Store, profile_id: int, day: dt.date) -> dict[str, FactorValue]:
    """Today's defaults: the factors of the latest day before `day` that has any, within
    DEFAULT_DAYS (so that yesterday's answers need only be confirmed)."""
    query = (
        select(JournalDayRow)
        .where(
            JournalDayRow.profile_id == profile_id,
            JournalDayRow.day < day,
            JournalDayRow.day >= day - dt.timedelta(days=DEFAULT_DAYS),
        )
        .order_by(JournalDayRow.day.desc())
    )
    with store.read() as session:
        profile(session, profile_id)
        for row in session.scalars(query):
            if row.factors:
                return dict(row.factors)
    return {}


def episode_rows(
    store: Store, profile_id: int, start: dt.date | None = None, end: dt.date | None = None
) -> list[JournalEpisodeRow]:
    """The person's episodes (with their ids) in time order, from `start` to `end`
    (inclusive dates of the start's clock time)."""
    query = select(JournalEpisodeRow).where(JournalEpisodeRow.profile_id == profile_id)
    if start is not None:
        query = query.where(JournalEpisodeRow.start >= dt.datetime.combine(start, dt.time(0)))
    if end is not None:
        after = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(0))
        query = query.where(JournalEpisodeRow.start < after)
    with store.read() as session:
        profile(session, profile_id)
        return list(session.scalars(query.order_by(JournalEpisodeRow.start, JournalEpisodeRow.id)))


def day_rows(store: Store, profile_id: int) -> list[JournalDayRow]:
    """The person's journal days in date order."""
    query = select(JournalDayRow).where(JournalDayRow.profile_id == profile_id)
    with store.read() as session:
        profile(session, profile_id)
        return list(session.scalars(query.order_by(JournalDayRow.day)))


def load_journal(store: Store, profile_id: int) -> Journal:
    """The person's whole journal as the core's value."""
    with store.read() as session:
        return _journal(session, profile_id)


def _journal(session: Session, profile_id: int) -> Journal:
    profile(session, profile_id)
    episodes = session.scalars(
        select(JournalEpisodeRow).where(JournalEpisodeRow.profile_id == profile_id)
    )
    days = session.scalars(select(JournalDayRow).where(JournalDayRow.profile_id == profile_id))
    return Journal(tuple(episode_of(r) for r in episodes), tuple(day_of(r) for r in days))


def import_journal(store: Store, profile_id: int, journal: Journal) -> ImportCounts:
    """Add a journal to the person's, all at once or not at all: episodes already stored
    are skipped (importing a file twice changes nothing), a day's factors from the file
    replace those of the same names, and a quiet night stays quiet. The merged journal must
    hold together (no quiet night with an episode), else nothing is saved."""
    with store.write() as session:
        stored = _journal(session, profile_id)
        have = set(stored.episodes)
        new = [e for e in journal.episodes if e not in have]
        old_days = {d.date: d for d in stored.days}
        merged_days = {
            d.date: Day(d.date, {**old_days[d.date].factors, **d.factors},
                        d.quiet_night or old_days[d.date].quiet_night)
            if d.date in old_days else d
            for d in journal.days
        }  # fmt: skip
        Journal((*stored.episodes, *new), tuple({**old_days, **merged_days}.values()))
        for episode in new:
            row = JournalEpisodeRow(profile_id=profile_id)
            _fill(row, episode)
            session.add(row)
        day_rows = {
            r.day: r
            for r in session.scalars(
                select(JournalDayRow).where(JournalDayRow.profile_id == profile_id)
            )
        }
        for day in merged_days.values():
            day_row = day_rows.get(day.date)
            if day_row is None:
                day_row = JournalDayRow(profile_id=profile_id, day=day.date)
                session.add(day_row)
            day_row.quiet_night = day.quiet_night
            day_row.factors = checks.document(dict(day.factors), "the factors")
    return ImportCounts(len(new), len(journal.episodes) - len(new), len(merged_days))


def export_journal(store: Store, profile_id: int) -> dict[str, Any]:
    """The person's journal in the file format of ../shared/DESIGN.md."""
    return journal_dict(load_journal(store, profile_id))


def start_experiment(
    store: Store,
    profile_id: int,
    change: str,
    started_on: dt.date,
    weeks: int,
    schedule: Mapping[str, Any],
) -> JournalExperimentRow:
    """Save an N-of-1 experiment and its schedule (as the statistics proposed it)."""
    text = checks.text(change, "the change tried", NAME_CHARS).strip()
    with store.write() as session:
        profile(session, profile_id)
        row = JournalExperimentRow(
            profile_id=profile_id,
            change=text,
            started_on=started_on,
            weeks=int(checks.number(weeks, "weeks", 1, 52) or 0),
            schedule=checks.document(dict(schedule), "the schedule"),
        )
        session.add(row)
    return row


def latest_experiment(store: Store, profile_id: int) -> JournalExperimentRow | None:
    """The person's most recently started experiment, if any."""
    query = (
        select(JournalExperimentRow)
        .where(JournalExperimentRow.profile_id == profile_id)
        .order_by(JournalExperimentRow.created_at.desc(), JournalExperimentRow.id.desc())
    )
    with store.read() as session:
        profile(session, profile_id)
        return session.scalars(query).first()


def diary_caffeine(store: Store, profile_id: int) -> dict[dt.date, DiaryCaffeine]:
    """Each stored diary day's caffeine and whether any came after 2 p.m., from the diet
    analysis of its lines (the diary read as the app's diary page reads it)."""
    from twitchcheck.knowledge.regions import region_id
    from twitchcheck.store.diaries import stored_diary
    from twitchcheck.store.profiles import get_profile

    person = get_profile(store, profile_id)
    region = region_id(person.region) if person.region else None
    stored = stored_diary(store, profile_id, region)
    return {} if stored is None else caffeine_by_day(stored.diary)


def journal_history(store: Store, profile_id: int) -> History:
    """The person's journal as the trigger analysis and the experiment read it, the stored
    diary's caffeine filling the days they typed none."""
    return history_of(load_journal(store, profile_id), diary_caffeine(store, profile_id))
