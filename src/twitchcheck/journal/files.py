"""The journal file (../shared/DESIGN.md, "Journal file format"): read from parsed JSON with
messages that name the bad entry, and written back in the same form.

    {"episodes": [{"start": "2026-11-21T02:30", "kind": "cramp", "where": ["left calf"],
                   "count": 1, "duration_min": 3, "severity": 6, "sleep_disruption": 5}],
     "days": [{"date": "2026-11-20", "quiet_night": false, "factors": {"caffeine_mg": 300}}]}

Only `start` is required of an episode and only `date` of a day; an unknown key is refused
(a misspelt "severty" would otherwise vanish).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from twitchcheck.journal.definitions import rules
from twitchcheck.journal.errors import JournalError
from twitchcheck.journal.model import Day, Episode, Journal

EPISODE_KEYS = ("start", "kind", "where", "count", "duration_min", "severity", "sleep_disruption")
DAY_KEYS = ("date", "factors", "quiet_night")


def parse_journal(data: object) -> Journal:
    """The journal a parsed JSON file holds; JournalError naming the entry and the problem."""
    if not isinstance(data, Mapping):
        raise JournalError(
            'a journal file is a JSON object: {"episodes": [...], "days": [...]}, not '
            f"{_json_type(data)}"
        )
    _only(data, ("episodes", "days"), "the journal file")
    limits = rules()
    episodes = _list(data, "episodes", limits.episodes_max)
    days = _list(data, "days", limits.days_max)
    return Journal(
        tuple(_entry(i, e, "episodes", _episode) for i, e in enumerate(episodes)),
        tuple(_entry(i, d, "days", _day) for i, d in enumerate(days)),
    )


def _list(data: Mapping[str, Any], key: str, most: int) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise JournalError(f'"{key}" must be a list, not {_json_type(value)}')
    if len(value) > most:
        raise JournalError(f'"{key}" holds {len(value):,} entries; at most {most:,} are read')
    return value


def _entry(index: int, value: object, key: str, read: Any) -> Any:
    where = f"{key}[{index}]"
    if not isinstance(value, Mapping):
        raise JournalError(f"{where} must be a JSON object, not {_json_type(value)}")
    try:
        return read(value)
    except JournalError as error:
        label = value.get("start" if key == "episodes" else "date")
        named = f" ({label})" if isinstance(label, str) and len(label) <= 40 else ""
        raise JournalError(f"{where}{named}: {error.message}") from None


def _episode(value: Mapping[str, Any]) -> Episode:
    _only(value, EPISODE_KEYS, "an episode")
    if "start" not in value:
        raise JournalError('an episode needs its "start", e.g. "2026-11-21T02:30"')
    where = value.get("where", [])
    if not isinstance(where, list):
        raise JournalError('"where" must be a list of places, e.g. ["left calf"]')
    return Episode(
        start=_datetime(value["start"]),
        kind=value.get("kind"),
        where=tuple(where),
        count=value.get("count"),
        duration_min=value.get("duration_min"),
        severity=value.get("severity"),
        sleep_disruption=value.get("sleep_disruption"),
    )


def _day(value: Mapping[str, Any]) -> Day:
    _only(value, DAY_KEYS, "a day")
    if "date" not in value:
        raise JournalError('a day needs its "date", e.g. "2026-11-20"')
    factors = value.get("factors", {})
    if not isinstance(factors, Mapping):
        raise JournalError(
            f'"factors" must be an object of names and values, not {_json_type(factors)}'
        )
    quiet = value.get("quiet_night", False)
    if not isinstance(quiet, bool):
        raise JournalError(f'"quiet_night" is {quiet!r}; give true or false')
    return Day(date=_date(value["date"]), factors=dict(factors), quiet_night=quiet)


def _datetime(value: object) -> dt.datetime:
    if not isinstance(value, str) or len(value) > 40:
        raise JournalError(f"start is {repr(value)[:60]}; give a local time like 2026-11-21T02:30")
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise JournalError(f"start is {value!r}; give a local time like 2026-11-21T02:30") from None
    if parsed.tzinfo is not None:
        raise JournalError(f"start is {value!r}; give the local clock time without a zone")
    return parsed.replace(second=0, microsecond=0)


def _date(value: object) -> dt.date:
    if not isinstance(value, str) or len(value) > 20:
        raise JournalError(f"date is {repr(value)[:60]}; give a date like 2026-11-20")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise JournalError(f"date is {value!r}; give a date like 2026-11-20") from None


def _only(value: Mapping[str, Any], keys: tuple[str, ...], what: str) -> None:
    unknown = [k for k in value if k not in keys]
    if unknown:
        raise JournalError(
            f"{what} has the unknown key {str(unknown[0])[:40]!r}; its keys are: {', '.join(keys)}"
        )


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "a list", str: "text", bool: "true/false", type(None): "null"}
    return names.get(type(value), "a number" if isinstance(value, int | float) else "a value")


def episode_dict(episode: Episode) -> dict[str, Any]:
    """An episode as the file holds it (absent details left out)."""
    out: dict[str, Any] = {"start": episode.start.strftime("%Y-%m-%dT%H:%M")}
    if episode.kind is not None:
        out["kind"] = episode.kind
    if episode.where:
        out["where"] = list(episode.where)
    for key in ("count", "duration_min", "severity", "sleep_disruption"):
        if getattr(episode, key) is not None:
            out[key] = _plain(getattr(episode, key))
    return out


def day_dict(day: Day) -> dict[str, Any]:
    """A day as the file holds it."""
    out: dict[str, Any] = {"date": day.date.isoformat()}
    if day.quiet_night:
        out["quiet_night"] = True
    out["factors"] = {name: _plain(value) for name, value in sorted(day.factors.items())}
    return out


def _plain(value: object) -> object:
    # a whole number reads back as it was typed (300, not 300.0)
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def journal_dict(journal: Journal) -> dict[str, Any]:
    """The journal in the file format: `parse_journal(journal_dict(j)) == j`."""
    return {
        "episodes": [episode_dict(e) for e in journal.episodes],
        "days": [day_dict(d) for d in journal.days],
    }
