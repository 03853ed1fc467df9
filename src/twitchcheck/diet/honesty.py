"""Honest totals: lines not counted or uncertain, and energy below the estimated need, lower
the confidence of every judgement they could change, and say so (limits in diary.toml)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from twitchcheck._data import load_toml
from twitchcheck.diet.adequacy import (
    Assessment,
)
from twitchcheck.diet.energy import EnergyCheck
from twitchcheck.limits import limit
from twitchcheck.nutrient_keys import BY_KEY

if TYPE_CHECKING:
    from twitchcheck.diary import Diary, DiaryEntry
from twitchcheck.diet.result import (
    Confidence,
    DayTotals,
    LineCounts,
    NutrientResult,
    UnknownNutrient,
)

_CONFIDENCE_ORDER: tuple[Confidence, ...] = ("low", "moderate", "high")


_SHORT = frozenset({"inadequate", "possibly_inadequate"})


@cache
def honest_limits() -> dict[str, float]:
    """The [honest_totals] limits of data/diary.toml, by name."""
    table = load_toml("diary.toml")["honest_totals"]
    return {str(k): float(v) for k, v in table.items()}


def _lower(confidence: Confidence, most: Confidence) -> Confidence:
    """The confidence, at most `most`."""
    return _CONFIDENCE_ORDER[
        min(_CONFIDENCE_ORDER.index(confidence), _CONFIDENCE_ORDER.index(most))
    ]


def honest_result(
    result: NutrientResult,
    counts: LineCounts,
    energy: EnergyCheck,
    entries: Sequence[DiaryEntry],
) -> NutrientResult:
    """Lower the confidence of a judgement that lines not counted, lines matched with doubt
    or an under-recorded diary could change, and say why in its note."""
    a = result.assessment
    if a.judgement == "unknown":
        return result
    limits = honest_limits()
    name = _name(result.key)
    most: Confidence = "high"
    said: list[str] = []
    short = a.judgement in _SHORT
    if short and counts.not_counted:
        share = counts.not_counted / max(counts.total, 1)
        most = _lower(most, "low" if share > limits["low_share"] else "moderate")
        said.append(f"{counts.summary}; {name} may be higher.")
    if counts.uncertain:
        total = sum(e.nutrients.get(result.key) or 0.0 for e in entries)
        doubtful = sum(
            e.nutrients.get(result.key) or 0.0 for e in entries if e.line in counts.uncertain_lines
        )
        if total > 0 and doubtful / total > limits["uncertain_share"]:
            most = _lower(most, "moderate")
            said.append(
                f"{doubtful / total:.0%} of it comes from lines matched with doubt "
                f"({counts.uncertain} line(s)); see problems."
            )
    if short and energy.under_recorded:
        most = "low"
        said.append("The diary looks under-recorded (energy below the Goldberg cut-off).")
    may_be_higher = bool(counts.not_counted)
    lowered = _lower(a.confidence, most)
    if not said:
        return replace(result, may_be_higher=may_be_higher)
    assessment = replace(a, confidence=lowered, note=f"{a.note} {' '.join(said)}")
    return replace(
        result, assessment=assessment, capped=lowered != a.confidence,
        may_be_higher=may_be_higher,
    )  # fmt: skip


def partly_known_assessment(assessment: Assessment, lacking: int, items: int) -> Assessment:
    """A total with items lacking a value is a lower bound: adequate stays adequate, a
    shortfall is unknown past diary.unknown_share of the items, else of low confidence."""
    said = f"{lacking} of the {items} items {'has' if lacking == 1 else 'have'} no value for it"
    if assessment.judgement in ("adequate", "unknown"):
        note = f"{assessment.note} {said}; they could only add to it."
        return replace(assessment, note=note)
    if lacking / items > limit("diary.unknown_share"):
        note = (
            f"Unknown: {said}, so the recorded amount ({assessment.mean:.4g}) is a lower bound "
            f"and a shortfall cannot be concluded. ({assessment.note})"
        )
        return replace(
            assessment, judgement="unknown", confidence="low", z=None, p_adequate=None, note=note
        )
    note = f"{assessment.note} {said}: the amount is a lower bound, so the confidence is low."
    return replace(assessment, confidence="low", note=note)


def analysis_notes(
    days: tuple[DayTotals, ...],
    diary: Diary,
    supplements: Sequence[Mapping[str, object]],
    unknown: Sequence[UnknownNutrient],
    counts: LineCounts,
    results: Sequence[NutrientResult],
    energy: EnergyCheck,
) -> tuple[str, ...]:
    """The analysis's notes: lines not counted or doubtful, energy, unknown nutrients, days,
    supplements and problems."""
    notes = []
    if counts.not_counted:
        higher = [_name(r.key) for r in results if r.assessment.judgement in _SHORT]
        tail = f"; {', '.join(higher)} may be higher" if higher else "; the totals may be higher"
        notes.append(f"{counts.summary}{tail}.")
    if counts.uncertain:
        notes.append(
            f"{counts.uncertain} of {counts.total} lines were matched with doubt; they are "
            "counted, and judgements they supply much of are of lower confidence."
        )
    if energy.verdict != "not_checked":
        notes.append(energy.note)
    if unknown:
        names = ", ".join(BY_KEY[n.key].label for n in unknown)
        notes.append(
            f"Not in this diary: {names}. No day has a value for them, so they are judged "
            "unknown (not zero, and not short); a Cronometer export or a typed diary carries them."
        )
    if len(days) == 1:
        notes.append(
            "Only one day of records: it says little about usual intake, so every judgement is "
            "of low confidence. Record at least three days, including a weekend day."
        )
    elif len(days) < 3:
        notes.append("Fewer than three days of records: judgements are of low confidence.")
    notes.append(
        "Vitamin D and B12 intakes swing too much from day to day for the IOM's normal test; they "
        "are judged on the log scale, which is approximate."
    )
    counted = [str(s["text"]) for s in supplements if s["counted"] and not s.get("from_diary")]
    written = [str(s["text"]) for s in supplements if s["counted"] and s.get("from_diary")]
    uncounted = [str(s["text"]) for s in supplements if not s["counted"]]
    if written:
        notes.append(
            f"Supplements written in the diary, counted on the days written (as a mean a day "
            f"over the diary's days): {'; '.join(written)}."
        )
    if counted:
        notes.append(
            f"Supplements counted as taken every day: {'; '.join(counted)}. The upper limits "
            "count them as each limit says (magnesium's counts supplements and medicines only)."
        )
    if uncounted:
        notes.append(
            f"Not counted (no dose given, or none of the five nutrients): {'; '.join(uncounted)}. "
            "Give the dose from the label to count it."
        )
    if not supplements:
        notes.append("No supplements were given: the figures are food only.")
    problems = [p for p in diary.problems if p.kind != "supplement"]
    if problems:
        notes.append(
            f"{len(problems)} line(s) or day(s) could not be used, are doubtful or are "
            "unusual; see problems."
        )
    return tuple(notes)


def _name(key: str) -> str:
    label = BY_KEY[key].label
    return label[0].lower() + label[1:]  # "vitamin D"
