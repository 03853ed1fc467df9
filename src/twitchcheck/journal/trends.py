"""Weekly trends of the journal, for the charts of the app and the clinician report.

A week runs Monday to Sunday by the nights' dates. Its rate is episodes per recorded night
(a quiet night counts as a recorded 0; a missing night counts in neither part), so a week
with few entries is not shown as a good week; a week with no recorded night has no rate.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from twitchcheck.journal.model import Episode, Journal, Night, nights


@dataclass(frozen=True)
class Week:
    """One week's nights and episodes."""

    start: dt.date  # its Monday
    nights_recorded: int
    nights_missing: int
    nights_with_episodes: int
    episodes: int  # on recorded nights, each entry's count (1 when not given)
    daytime_episodes: int
    severity_mean: float | None  # of the episodes with a severity, None when none has one
    severity_max: int | None
    sleep_disruption_mean: float | None
    by_kind: dict[str, int] = field(default_factory=dict)  # "details_to_add" for no kind

    @property
    def rate(self) -> float | None:
        """Episodes per recorded night, None when no night was recorded."""
        return self.episodes / self.nights_recorded if self.nights_recorded else None

    def to_dict(self) -> dict[str, object]:
        return {
            "week": self.start.isoformat(),
            "nights_recorded": self.nights_recorded,
            "nights_missing": self.nights_missing,
            "nights_with_episodes": self.nights_with_episodes,
            "episodes": self.episodes,
            "episodes_per_night": None if self.rate is None else round(self.rate, 3),
            "daytime_episodes": self.daytime_episodes,
            "severity_mean": _rounded(self.severity_mean),
            "severity_max": self.severity_max,
            "sleep_disruption_mean": _rounded(self.sleep_disruption_mean),
            "by_kind": dict(self.by_kind),
        }


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _monday(date: dt.date) -> dt.date:
    return date - dt.timedelta(days=date.weekday())


def _mean(values: list[int]) -> float | None:
    return sum(values) / len(values) if values else None


def _week(start: dt.date, found: list[Night], daytime: list[Episode]) -> Week:
    episodes = [e for n in found for e in n.episodes]
    severities = [e.severity for e in episodes if e.severity is not None]
    sleep = [e.sleep_disruption for e in episodes if e.sleep_disruption is not None]
    by_kind: dict[str, int] = {}
    for episode in episodes:
        key = episode.kind or "details_to_add"
        by_kind[key] = by_kind.get(key, 0) + (episode.count or 1)
    return Week(
        start=start,
        nights_recorded=sum(n.state != "missing" for n in found),
        nights_missing=sum(n.state == "missing" for n in found),
        nights_with_episodes=sum(n.state == "episodes" for n in found),
        episodes=sum(n.count or 0 for n in found),
        daytime_episodes=sum(e.count or 1 for e in daytime),
        severity_mean=_mean(severities),
        severity_max=max(severities) if severities else None,
        sleep_disruption_mean=_mean(sleep),
        by_kind=dict(sorted(by_kind.items())),
    )


def weekly(journal: Journal) -> list[Week]:
    """Every week from the first recorded night to the last, in order."""
    by_week: dict[dt.date, list[Night]] = {}
    for night in nights(journal):
        by_week.setdefault(_monday(night.date), []).append(night)
    daytime: dict[dt.date, list[Episode]] = {}
    for episode in journal.episodes:
        if episode.night is None:
            daytime.setdefault(_monday(episode.start.date()), []).append(episode)
    return [_week(start, by_week[start], daytime.get(start, [])) for start in sorted(by_week)]
