"""The journal's values: episodes, days with their factors, and nights.

An episode's `start` is the local clock time the person lived it (minutes, no zone), since
the night it belongs to is read from the clock. Every detail but the start may wait for the
morning: an episode without a kind is one with 'details to add'. A night is named by the
date it began (see data/journal.toml [night]); a night with neither an episode nor a
check-in is missing, never zero.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from twitchcheck.journal.definitions import FactorValue, check_factor, kind_ids, rules
from twitchcheck.journal.errors import JournalError

NightState = Literal["episodes", "quiet", "missing"]
FIRST_YEAR, LAST_YEAR = 1900, 2200  # dates outside are slips, not history


@dataclass(frozen=True)
class Episode:
    """One twitch, cramp or restless-legs episode (the fields of Sebo et al. 2019)."""

    start: dt.datetime
    kind: str | None = None
    where: tuple[str, ...] = ()
    count: int | None = None
    duration_min: float | None = None
    severity: int | None = None
    sleep_disruption: int | None = None

    def __post_init__(self) -> None:
        check_episode(self)

    @property
    def night(self) -> dt.date | None:
        """The night it belongs to, or None for a daytime episode."""
        return night_of(self.start)

    @property
    def needs_details(self) -> bool:
        """Recorded in one tap and not yet told what kind it was."""
        return self.kind is None


@dataclass(frozen=True)
class Day:
    """One day's factors and whether its night was checked in as quiet."""

    date: dt.date
    factors: Mapping[str, FactorValue] = field(default_factory=dict)
    quiet_night: bool = False

    def __post_init__(self) -> None:
        check_date(self.date, "a day's date")
        checked = {name: check_factor(name, value) for name, value in self.factors.items()}
        object.__setattr__(self, "factors", checked)


@dataclass(frozen=True)
class Journal:
    """Episodes in time order and days in date order, each date once; no night both quiet
    and with an episode."""

    episodes: tuple[Episode, ...] = ()
    days: tuple[Day, ...] = ()

    def __post_init__(self) -> None:
        episodes = tuple(sorted(self.episodes, key=lambda e: e.start))
        days = tuple(sorted(self.days, key=lambda d: d.date))
        seen: set[dt.date] = set()
        for day in days:
            if day.date in seen:
                raise JournalError(f"the day {day.date} is given twice; give each day once")
            seen.add(day.date)
        _refuse_quiet_with_episodes(episodes, days)
        object.__setattr__(self, "episodes", episodes)
        object.__setattr__(self, "days", days)


@dataclass(frozen=True)
class Night:
    """A night and what is known of it: its episodes, quiet, or missing."""

    date: dt.date
    state: NightState
    episodes: tuple[Episode, ...] = ()

    @property
    def count(self) -> int | None:
        """Episodes that night (an entry's `count`, 1 when not given); None when missing."""
        if self.state == "missing":
            return None
        return sum(e.count or 1 for e in self.episodes)


def night_of(start: dt.datetime) -> dt.date | None:
    """The night `start` belongs to (18:00 to 12:00 next day, named by the date it began);
    None between the night's end and the next night's start."""
    night = rules()
    clock = start.time()
    if clock >= night.night_starts:
        return start.date()
    if clock < night.night_ends:
        return start.date() - dt.timedelta(days=1)
    return None


def nights(journal: Journal) -> list[Night]:
    """Every night from the first recorded to the last, in order, each with its state."""
    by_night: dict[dt.date, list[Episode]] = {}
    for episode in journal.episodes:
        if episode.night is not None:
            by_night.setdefault(episode.night, []).append(episode)
    quiet = {d.date for d in journal.days if d.quiet_night}
    known = [*by_night, *quiet]
    if not known:
        return []
    first, last = min(known), max(known)
    result = []
    for offset in range((last - first).days + 1):
        date = first + dt.timedelta(days=offset)
        if date in by_night:
            result.append(Night(date, "episodes", tuple(by_night[date])))
        else:
            result.append(Night(date, "quiet" if date in quiet else "missing"))
    return result


def check_date(value: object, what: str) -> dt.date:
    """`value` if it is a date in a plausible year."""
    if not isinstance(value, dt.date):
        raise JournalError(f"{what} must be a date, not {type(value).__name__}")
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise JournalError(f"{what} is {value}; give a date from {FIRST_YEAR} to {LAST_YEAR}")
    return value


def check_episode(episode: Episode) -> None:
    """Refuse an episode with an impossible field, naming the field and what is accepted."""
    bounds = rules().episode
    if not isinstance(episode.start, dt.datetime) or episode.start.tzinfo is not None:
        raise JournalError("an episode's start must be a local date and time, without a zone")
    check_date(episode.start.date(), "an episode's start")
    if episode.kind is not None and episode.kind not in kind_ids():
        raise JournalError(
            f"an episode's kind is {episode.kind!r}; give one of: {', '.join(kind_ids())}"
        )
    _where(episode.where, bounds.where_items, bounds.where_chars)
    _whole(episode.count, "count", 1, bounds.count_max)
    _whole(episode.severity, "severity", 0, bounds.scale_max)
    _whole(episode.sleep_disruption, "sleep_disruption", 0, bounds.scale_max)
    minutes = episode.duration_min
    if minutes is not None and (
        isinstance(minutes, bool)
        or not isinstance(minutes, int | float)
        or not 0 <= minutes <= bounds.duration_min_max
    ):
        raise JournalError(
            f"duration_min is {minutes!r}; give the minutes it lasted, from 0 to "
            f"{bounds.duration_min_max:g}"
        )


def _whole(value: object, what: str, low: int, high: int) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise JournalError(f"{what} is {value!r}; give a whole number from {low} to {high}")


def _where(places: object, most: int, chars: int) -> None:
    if not isinstance(places, tuple):
        raise JournalError('where must be a list of body places, e.g. ["left calf"]')
    if len(places) > most:
        raise JournalError(f"where names {len(places)} places; at most {most} fit one episode")
    for place in places:
        if not isinstance(place, str) or not place.strip() or len(place) > chars:
            raise JournalError(
                f"where holds {repr(place)[:60]}; give each place as text of 1 to {chars} "
                "characters"
            )
        if any(ord(c) < 32 or c == "\x7f" for c in place):
            raise JournalError(f"where holds {place[:40]!r}, with a control character")


def _refuse_quiet_with_episodes(episodes: Iterable[Episode], days: Iterable[Day]) -> None:
    quiet = {d.date for d in days if d.quiet_night}
    for episode in episodes:
        if episode.night in quiet:
            raise JournalError(
                f"the night of {episode.night} is checked in as quiet but has an episode at "
                f"{episode.start:%Y-%m-%d %H:%M}; remove one of the two"
            )
