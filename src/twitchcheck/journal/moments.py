"""When an episode happened, as a person types it at night or the morning after.

    parse_moment("02:30", now)              # the last 02:30 before `now`
    parse_moment("2026-11-21T02:30", now)   # that moment (also "2026-11-21 02:30")

Times are the local clock, to the minute. A moment later than `now` is refused: an episode
is recorded when it has happened.
"""

from __future__ import annotations

import datetime as dt
import re

from twitchcheck.journal.errors import JournalError

_CLOCK = re.compile(r"(\d{1,2}):(\d{2})")
EXAMPLES = "'02:30' (the last 02:30) or '2026-11-21T02:30'"
LEEWAY = dt.timedelta(minutes=5)  # a clock a little ahead of the computer's is not the future


def parse_moment(text: str, now: dt.datetime) -> dt.datetime:
    """The local time `text` names, no later than `now`; JournalError saying what is read."""
    given = text.strip()
    clock = _CLOCK.fullmatch(given)
    if clock:
        hours, minutes = int(clock[1]), int(clock[2])
        if hours > 23 or minutes > 59:
            raise JournalError(f"{given!r} is not a time of day; give {EXAMPLES}")
        moment = now.replace(hour=hours, minute=minutes, second=0, microsecond=0)
        return moment - dt.timedelta(days=1) if moment > now + LEEWAY else moment
    read = _iso(given)
    if read is None or read.tzinfo is not None or len(given) <= 10:
        raise JournalError(f"{given[:40]!r} is not a time; give {EXAMPLES}")
    moment = read.replace(second=0, microsecond=0)
    if moment > now + LEEWAY:
        raise JournalError(
            f"{given!r} is later than now ({now:%Y-%m-%d %H:%M}); record an episode once it has "
            "happened"
        )
    return moment


def _iso(text: str) -> dt.datetime | None:
    if len(text) > 40:
        return None
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        return None


def parse_day(text: str, today: dt.date) -> dt.date:
    """A date typed as 2026-11-20, 'today' or 'yesterday'."""
    given = text.strip().casefold()
    if given in ("today", "yesterday"):
        return today - dt.timedelta(days=given == "yesterday")
    try:
        return dt.date.fromisoformat(given)
    except ValueError:
        raise JournalError(
            f"{text[:40]!r} is not a date; give one like 2026-11-20, 'today' or 'yesterday'"
        ) from None
