"""The clinician report's parts: plain values gathered from the store and the core's results,
each section's figures already worked out, so rendering only places and escapes them.

A part that has no data is None (or an empty tuple); the renderer then says so in one line.
Source ids travel with each statement so the document can cite them and list them at the end.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class WhoPart:
    """The person the report is about, and when it was made."""

    name: str
    age: str  # "64 y", "born 1962", or "" when unknown
    sex: str  # "female", "male", or "" when unknown
    pregnancy: str  # "pregnant", "lactating", or ""
    region: str  # the region's label, or ""
    made_on: dt.date


@dataclass(frozen=True, slots=True)
class FlagLine:
    """One reason for the screening's triage level."""

    level: str
    label: str
    advice: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class LeadLine:
    """One ranked contributor of the screening, with how far it can be trusted."""

    label: str
    kind: str
    confidence: str
    evidence_strength: str


@dataclass(frozen=True, slots=True)
class ScreeningPart:
    """The latest stored screening: triage first, then what it ranked and suggested."""

    made_on: dt.date
    level: str
    header: str
    action: str
    flags: tuple[FlagLine, ...]  # the red flags (every reason above self-care), highest first
    leads: tuple[LeadLine, ...]
    tests: tuple[tuple[str, tuple[str, ...]], ...]  # (test, sources)
    disclaimer: str
    medicines: tuple[str, ...]  # as the person named them in the answers
    supplements: tuple[str, ...] = ()  # as named in the answers


@dataclass(frozen=True, slots=True)
class IntakeRow:
    """One nutrient's usual intake against the person's reference intakes."""

    label: str
    unit: str
    food: float | None  # mean a day from food; None when no item had a value
    supplements: float
    total: float | None
    lower_bound: bool  # some items had no value: the figure is at least this
    target_kind: str  # "RDA", "AI" or ""
    target: float | None
    percent: float | None
    ul: float | None
    ul_scope: str
    above_ul: bool | None
    judgement: str  # in words: "likely short", "adequate", ...
    confidence: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class IntakePart:
    """The diet analysis of the last 14 days of the diary (or why there is none)."""

    first: dt.date | None
    last: dt.date | None
    days: int  # days with at least one line in the window
    window_days: int
    lines_counted: int
    lines_total: int
    rows: tuple[IntakeRow, ...]
    energy_kcal: float | None
    under_recorded: str  # the energy check's note when it says the diary is under-recorded
    problem: str  # why no analysis could be made ("" when there is one)


@dataclass(frozen=True, slots=True)
class SupplementLine:
    """A supplement as the person named it, and what twitchcheck read in it."""

    text: str
    started_on: dt.date | None
    stopped_on: dt.date | None
    counted: str  # "magnesium 400 mg/day", "no dose given", or why it was not read
    from_screening: bool = False  # named in the screening's answers, not in the saved list


@dataclass(frozen=True, slots=True)
class EffectLine:
    """A medicine class's known effect on a nutrient."""

    nutrient: str
    direction: str
    strength: str
    mechanism: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MedicineLine:
    """A medicine as named, its classes and their known nutrient effects."""

    name: str
    classes: tuple[str, ...]
    effects: tuple[EffectLine, ...]
    unknown: str  # why it could not be looked up ("" when it was)


@dataclass(frozen=True, slots=True)
class LabLine:
    """One stored lab value in both unit systems, with the tool's and the lab's ranges."""

    taken_on: dt.date
    label: str
    reported: str  # as the report gave it: "0.68 mmol/L"
    si: str  # "0.68 mmol/L", "" when it could not be read
    conventional: str  # "1.65 mg/dL"
    status: str  # against the usual adult range: "low", "normal", "high", ""
    usual_range: str
    lab_range: str  # the lab's own range as printed, "" when not given
    against_lab: str  # where the value falls in the lab's range: "below it", "within it"...
    note: str  # the first note, or why it could not be read
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EpisodesPart:
    """Episode statistics over the nights from `first` to `last` (named as DESIGN.md says)."""

    first: dt.date
    last: dt.date
    nights: int  # every night in the span
    recorded: int  # nights with an episode or a quiet-night check-in
    with_episodes: int
    episodes: int
    weekly: tuple[tuple[dt.date, int | None, int], ...]  # (week start, episodes, nights recorded)
    kinds: tuple[tuple[str, int], ...]  # (kind in words, episodes)
    severity: tuple[float, float, float] | None  # (median, lowest, highest), 0-10
    sleep_disruption: tuple[float, float, float] | None
    source: str  # the journal's source for the episode's fields (data/journal.toml)


@dataclass(frozen=True, slots=True)
class FindingLine:
    """One factor at one lag from the trigger analysis."""

    factor: str  # the factor's label
    lag_days: int
    lag: str  # the lag in words: "same day", "day before"
    compared: str  # which days were compared: "yes vs no", ">= 300 vs <= 100"
    nights: tuple[int, int]  # nights on each side
    effect: float  # rate ratio of episodes per night
    ci: tuple[float, float]
    p: float
    q: float
    status: str  # "associated" or "none"


@dataclass(frozen=True, slots=True)
class TriggersPart:
    """The trigger analysis: findings with their uncertainty, and what it could not test."""

    days: int
    findings: tuple[FindingLine, ...]
    not_enough_data: tuple[tuple[str, str], ...]  # (factor, why)
    note: str  # the method in one paragraph
    not_shown: int  # findings tested but left out of the table (none associated)


@dataclass(frozen=True, slots=True)
class ReportParts:
    """Everything the clinician report shows, gathered once."""

    who: WhoPart
    screening: ScreeningPart | None
    episodes: EpisodesPart | None
    intake: IntakePart
    supplements: tuple[SupplementLine, ...]
    medicines: tuple[MedicineLine, ...]
    labs: tuple[LabLine, ...]
    labs_not_shown: int  # older values left out (the latest few dates of each test are shown)
    triggers: TriggersPart | None
