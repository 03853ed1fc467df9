"""Diet analysis: a diary's days → totals, usual intake, adequacy and the foods behind each number.

    analysis = analyze(read_diary(path), Person(40, "female"), supplements)

Per day, every nutrient key is totalled, with a count of the items that had no
value for it (an unknown is never a zero): a day where no item has a value has no
total (None). Usual intake is the mean over the days that have one; daily supplements
with a dose are added to it, and the total is judged against the person's reference
intakes by the IOM method (`adequacy`), the upper limits counting what each counts
(magnesium's: supplements only). A nutrient the diary does not carry at all (a
MyFitnessPal export has no magnesium) is judged "unknown", never short; so is one whose
recorded total is short while more than diary.unknown_share of the items lack it. The
foods that supplied most of each nutrient are listed. The result can be handed to the
screening as evidence (`to_screening`) and to the plan (`usual` holds only what is known).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from typing import TYPE_CHECKING, Literal

from twitchcheck._data import load_toml
from twitchcheck.adequacy import Assessment, UpperCheck, assess, cutoffs, upper_without_food
from twitchcheck.energy import EnergyCheck, energy_check
from twitchcheck.errors import InputError
from twitchcheck.fooddb import SOURCES
from twitchcheck.limits import limit
from twitchcheck.nutrient_keys import BY_KEY, FOCUS_KEYS, NUTRIENT_KEYS
from twitchcheck.phrases import total
from twitchcheck.profile import Person, check_applies
from twitchcheck.targets import Target, targets_for_person

if TYPE_CHECKING:
    from twitchcheck.diary import Diary, DiaryEntry, DiaryProblem
    from twitchcheck.fooddb import Food
    from twitchcheck.supplements import Supplement

TOP_SOURCES = 5
NOT_COUNTED_KINDS = frozenset({"unmatched", "needs_detail", "invalid"})
Confidence = Literal["low", "moderate", "high"]
_CONFIDENCE_ORDER: tuple[Confidence, ...] = ("low", "moderate", "high")
_SHORT = frozenset({"inadequate", "possibly_inadequate"})


@cache
def _honest_limits() -> dict[str, float]:
    table = load_toml("diary.toml")["honest_totals"]
    return {str(k): float(v) for k, v in table.items()}


@dataclass(frozen=True, slots=True)
class LineCounts:
    """The diary's food lines: how many were counted, and why the others were not.

    `not_counted` are lines left out of every total (unmatched, needing detail, invalid);
    `uncertain` lines are counted but matched with doubt.
    """

    total: int
    counted: int
    not_counted: int
    unmatched: int
    needs_detail: int
    invalid: int
    uncertain: int
    uncertain_lines: frozenset[int] = field(default=frozenset(), compare=False)

    @property
    def summary(self) -> str:
        """ "4 of 49 lines not counted (3 unmatched, 1 needing detail)" """
        parts = [
            f"{n} {what}"
            for n, what in (
                (self.unmatched, "unmatched"),
                (self.needs_detail, "needing detail"),
                (self.invalid, "invalid"),
            )
            if n
        ]
        detail = f" ({', '.join(parts)})" if parts else ""
        return f"{self.not_counted} of {self.total} lines not counted{detail}"

    def to_dict(self) -> dict[str, object]:
        return {
            "total": self.total,
            "counted": self.counted,
            "not_counted": self.not_counted,
            "unmatched": self.unmatched,
            "needs_detail": self.needs_detail,
            "invalid": self.invalid,
            "uncertain": self.uncertain,
        }


def line_counts(entries: Sequence[DiaryEntry], problems: Sequence[DiaryProblem]) -> LineCounts:
    """Count the diary's food lines: those behind entries and those left out."""
    by_kind: dict[str, set[int]] = defaultdict(set)
    for problem in problems:
        by_kind[problem.kind].add(problem.line)
    counted = {e.line for e in entries}
    left_out = set().union(*(by_kind[k] for k in NOT_COUNTED_KINDS)) - counted
    unmatched = by_kind["unmatched"] - counted
    detail = by_kind["needs_detail"] - counted - unmatched
    invalid = left_out - unmatched - detail
    uncertain = by_kind["uncertain"] & counted
    return LineCounts(
        len(counted | left_out), len(counted), len(left_out), len(unmatched), len(detail),
        len(invalid), len(uncertain), frozenset(uncertain),
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class DayTotals:
    """One day's totals per nutrient (None when no item had a value), and how many items
    lacked each nutrient (a total with some lacking is a lower bound)."""

    day: datetime.date
    items: int
    totals: dict[str, float | None]
    missing: dict[str, int]

    def to_dict(self) -> dict[str, object]:
        return {
            "day": self.day.isoformat(),
            "items": self.items,
            "totals": {k: _rounded(v, 3) for k, v in self.totals.items()},
            "items_without_value": {k: n for k, n in self.missing.items() if n},
        }


@dataclass(frozen=True, slots=True)
class FoodSource:
    """A food that supplied part of a nutrient over the whole diary.

    `release` is the USDA release its value came from; `disagreement` is set when the other
    release has a food of the same description whose value differs by more than
    [releases] ratio (data/diary.toml), and says both.
    """

    name: str
    amount: float
    share: float
    release: str | None = None
    disagreement: str | None = None

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "food": self.name, "amount": round(self.amount, 2), "share": round(self.share, 3),
            "release": self.release,
        }  # fmt: skip
        if self.disagreement is not None:
            out["releases_disagree"] = self.disagreement
        return out


@dataclass(frozen=True, slots=True)
class NutrientResult:
    """Usual intake of one of the five nutrients against its target.

    `mean` is food alone, over the `days_with_value` days that have a total for it (a lower
    bound when `items_without_value` of the `items` on them lack it); `supplement` the daily
    amount from supplements with a dose; the judgement and the percent of target are on
    `total`.
    """

    key: str
    mean: float
    target: Target
    percent_of_target: float | None
    assessment: Assessment
    top_sources: tuple[FoodSource, ...]
    supplement: float = 0.0
    days_with_value: int = 0
    items: int = 0
    items_without_value: int = 0
    capped: bool = False  # confidence lowered for lines not counted, doubt or under-recording
    may_be_higher: bool = False  # lines not counted could only add to it

    @property
    def goal(self) -> float | None:
        """The RDA, or the AI where no RDA exists."""
        return self.target.goal

    @property
    def total(self) -> float:
        return self.mean + self.supplement

    def to_dict(self) -> dict[str, object]:
        return {
            "mean": round(self.mean, 2),
            "supplements": round(self.supplement, 3),
            "total": round(self.total, 2),
            "unit": BY_KEY[self.key].unit,
            "target": _target(self.target),
            "percent_of_target": _rounded(self.percent_of_target, 1),
            "days_with_value": self.days_with_value,
            "items_without_value": self.items_without_value,
            "may_be_higher": self.may_be_higher,
            "confidence_lowered": self.capped,
            "adequacy": self.assessment.to_dict(),
            "top_sources": [s.to_dict() for s in self.top_sources],
        }


@dataclass(frozen=True, slots=True)
class UnknownNutrient:
    """One of the five nutrients the diary gives no value for on any day: not judged.

    Supplements with a dose are still counted against the upper limit where they alone
    can tell (`upper`); the JSON has the shape of `NutrientResult.to_dict` with nulls.
    """

    key: str
    target: Target
    supplement: float
    upper: UpperCheck | None
    note: str

    @property
    def goal(self) -> float | None:
        return self.target.goal

    def to_dict(self) -> dict[str, object]:
        return {
            "mean": None,
            "supplements": round(self.supplement, 3),
            "total": None,
            "unit": BY_KEY[self.key].unit,
            "target": _target(self.target),
            "percent_of_target": None,
            "days_with_value": 0,
            "items_without_value": None,
            "may_be_higher": False,
            "confidence_lowered": False,
            "adequacy": {
                "method": "none",
                "supplements_counted": round(self.supplement, 3),
                "z": None,
                "p_adequate": None,
                "judgement": "unknown",
                "confidence": "low",
                "note": self.note,
                "upper_limit": self.upper.to_dict() if self.upper else None,
                "source": cutoffs().source,
            },
            "top_sources": [],
        }


@dataclass(frozen=True)
class DietAnalysis:
    """The analysis: `nutrients` holds the judged ones, `unknown` those the diary lacks;
    `usual` the mean of every nutrient key that has a value on at least one day."""

    person: Person
    format: str
    days: tuple[DayTotals, ...]
    usual: dict[str, float]
    nutrients: tuple[NutrientResult, ...]
    problems: tuple[DiaryProblem, ...]
    notes: tuple[str, ...]
    supplements: tuple[dict[str, object], ...] = ()
    unknown: tuple[UnknownNutrient, ...] = ()
    lines: LineCounts | None = None
    energy: EnergyCheck | None = None
    entries: tuple[DiaryEntry, ...] = ()
    region: str | None = None

    @property
    def results(self) -> tuple[NutrientResult | UnknownNutrient, ...]:
        """Every one of the five nutrients, judged or unknown, in the usual order."""
        found: dict[str, NutrientResult | UnknownNutrient] = {n.key: n for n in self.nutrients}
        found.update({n.key: n for n in self.unknown})
        return tuple(found[key] for key in FOCUS_KEYS if key in found)

    def to_dict(self) -> dict[str, object]:
        return {
            "person": {"age": self.person.age_years, "sex": self.person.sex,
                       "pregnant": self.person.pregnant, "lactating": self.person.lactating},
            "format": self.format,
            "days": [d.to_dict() for d in self.days],
            "usual_intake": {k: _rounded(self.usual.get(k), 3) for k in NUTRIENT_KEYS},
            "adequacy": {n.key: n.to_dict() for n in self.results},
            "supplements": list(self.supplements),
            "problems": [p.to_dict() for p in self.problems],
            "notes": list(self.notes),
            "lines": self.lines.to_dict() if self.lines else None,
            "energy_check": self.energy.to_dict() if self.energy else None,
            "entries": [_entry(e) for e in self.entries],
        }  # fmt: skip

    def to_screening(self) -> dict[str, object]:
        """The part the screening weighs (`diet.analysis` in its answers); an unknown
        nutrient is passed as "unknown" with no mean, so it moves nothing."""
        judged: dict[str, object] = {}
        for result in self.results:
            if isinstance(result, UnknownNutrient) or result.assessment.judgement == "unknown":
                judged[result.key] = {
                    "judgement": "unknown", "confidence": 0.0, "mean": None,
                    "target": result.goal,
                }  # fmt: skip
                continue
            a = result.assessment
            if a.p_adequate is None:
                confidence = {"high": 0.9, "moderate": 0.7, "low": 0.5}[a.confidence]
            else:
                confidence = a.p_adequate if a.judgement == "adequate" else 1 - a.p_adequate
            if result.items_without_value and a.judgement != "adequate":
                confidence = min(confidence, 0.5)  # a shortfall on a lower bound: weigh it less
            if result.capped:  # lines not counted, doubt or under-recording lowered it
                confidence = min(
                    confidence, {"high": 1.0, "moderate": 0.7, "low": 0.5}[a.confidence]
                )
            judged[result.key] = {
                "judgement": a.judgement,
                "confidence": round(confidence, 3),
                "mean": round(result.total, 2),
                "target": result.goal,
            }
        return {"days": len(self.days), "nutrients": judged, "source": "twitchcheck diet analyze"}


def analyze(
    diary: Diary,
    person: Person,
    supplements: Sequence[Supplement] = (),
    *,
    weight_kg: float | None = None,
    height_cm: float | None = None,
) -> DietAnalysis:
    """Totals per day, usual intake and adequacy of the five nutrients for `person`.

    `supplements` taken daily count in the judgement where a dose is given. A nutrient no
    day has a value for is returned in `unknown`, not judged. A baby younger than a diary can
    be judged for is refused with what applies instead (breast milk or formula, vitamin D).
    Lines not counted (unmatched, needing detail, invalid) and lines matched with doubt lower
    the confidence of the judgements they could change, and recorded energy is compared with
    the estimated basal metabolic rate (`weight_kg`, `height_cm` optional; `energy`): an
    under-recorded diary has no shortfall judged above low confidence.
    """
    check_applies(person, "diet")
    from twitchcheck.energy import check_body

    check_body(weight_kg, height_cm)
    if not diary.entries:
        raise InputError(_nothing_usable(diary.problems))
    days = daily_totals(diary.entries)
    usual = usual_intake(days)
    targets = targets_for_person(person)
    supplied, listed = supplement_amounts(supplements)
    counts = line_counts(diary.entries, diary.problems)
    energy = energy_check(usual.get("energy_kcal"), len(days), person, weight_kg, height_cm)
    results: list[NutrientResult] = []
    unknown: list[UnknownNutrient] = []
    for key in FOCUS_KEYS:
        if key in usual:
            result = _nutrient(key, days, targets[key], person, diary.entries, supplied)
            results.append(_honest(result, counts, energy, diary.entries))
        else:
            unknown.append(_unknown(key, targets[key], supplied.get(key, 0.0)))
    notes = _notes(days, diary, listed, unknown, counts, results, energy)
    return DietAnalysis(
        person, diary.format, days, usual, tuple(results), diary.problems, notes,
        tuple(listed), tuple(unknown), counts, energy, diary.entries,
        getattr(diary, "region", None),
    )  # fmt: skip


def _lower(confidence: Confidence, most: Confidence) -> Confidence:
    """The confidence, at most `most`."""
    return _CONFIDENCE_ORDER[
        min(_CONFIDENCE_ORDER.index(confidence), _CONFIDENCE_ORDER.index(most))
    ]


def _honest(
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
    limits = _honest_limits()
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


def _name(key: str) -> str:
    label = BY_KEY[key].label
    return label[0].lower() + label[1:]  # "vitamin D"


def usual_intake(days: Sequence[DayTotals]) -> dict[str, float]:
    """The mean of each nutrient over the days with a total for it; a nutrient that no day
    has a value for is left out (unknown, not zero)."""
    usual: dict[str, float] = {}
    for key in NUTRIENT_KEYS:
        known = [d.totals[key] for d in days if d.totals[key] is not None]
        if known:
            usual[key] = sum(v for v in known if v is not None) / len(known)
    return usual


def supplement_amounts(
    supplements: Sequence[Supplement],
) -> tuple[dict[str, float], list[dict[str, object]]]:
    """Daily amounts per nutrient key from supplements with a dose, and each one's record."""
    supplied: dict[str, float] = {}
    listed: list[dict[str, object]] = []
    for supplement in supplements:
        amounts = {k: v for k, v in supplement.nutrients.items() if k in BY_KEY and v > 0}
        counted = supplement.dose_given and bool(amounts)
        for key, amount in amounts.items() if counted else ():
            supplied[key] = supplied.get(key, 0.0) + amount
        listed.append(
            {"text": supplement.text, "counted": counted, "nutrients": amounts if counted else {}}
        )
    return supplied, listed


def daily_totals(entries: Iterable[DiaryEntry]) -> tuple[DayTotals, ...]:
    """Sum each nutrient per day; count items that had no value for it."""
    by_day: dict[datetime.date, list[DiaryEntry]] = defaultdict(list)
    for entry in entries:
        by_day[entry.day].append(entry)
    out = []
    for day in sorted(by_day):
        items = len(by_day[day])
        sums, missing = total(by_day[day])
        totals: dict[str, float | None] = {
            k: None if missing[k] == items else v for k, v in sums.items()
        }
        out.append(DayTotals(day, items, totals, missing))
    return tuple(out)


def top_sources(
    entries: Sequence[DiaryEntry], key: str, limit: int = TOP_SOURCES
) -> tuple[FoodSource, ...]:
    """The foods that supplied most of nutrient `key` over the whole diary, each with its
    USDA release and, where the other release disagrees strongly, both values."""
    by_food: dict[str, float] = defaultdict(float)
    foods: dict[str, Food] = {}
    for entry in entries:
        value = entry.nutrients.get(key)
        if value:
            name = entry.item.food.name if entry.item else entry.text
            by_food[name] += value
            if entry.item is not None:
                foods.setdefault(name, entry.item.food)
    total = sum(by_food.values())
    ranked = sorted(by_food.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    if total <= 0:
        return ()
    return tuple(
        FoodSource(
            name,
            amount,
            amount / total,
            SOURCES[foods[name].source] if name in foods else None,
            _disagreement(foods[name], key) if name in foods else None,
        )
        for name, amount in ranked
    )


@cache
def _both_releases() -> frozenset[str]:
    """Descriptions (lower case) that both USDA releases hold: one pass over the names."""
    from twitchcheck.fooddb import connect

    sources: dict[str, set[str]] = defaultdict(set)
    for name, source in connect().execute("SELECT lower(name), source FROM food"):
        sources[name].add(source)
    return frozenset(name for name, held in sources.items() if len(held) > 1)


@cache
def _same_name(name: str) -> tuple[tuple[str, str, dict[str, float | None]], ...]:
    """The foods of description `name` (lower case): (source, id, values per 100 g)."""
    from twitchcheck.fooddb import connect

    columns = ", ".join(NUTRIENT_KEYS)
    rows = connect().execute(
        f"SELECT source, id, {columns} FROM food WHERE lower(name) = ?",
        (name,),
    )
    return tuple(
        (source, food_id, dict(zip(NUTRIENT_KEYS, values, strict=True)))
        for source, food_id, *values in rows
    )


def _disagreement(food: Food, key: str) -> str | None:
    """Both values, when the other USDA release has a food of the same description whose
    value for `key` differs from this one's by more than [releases] ratio."""
    used = food.nutrients.get(key)
    if not used:
        return None
    ratio = _honest_limits()["release_ratio"]
    name = food.name.lower()
    if name not in _both_releases():
        return None
    for source, food_id, values in _same_name(name):
        other = values.get(key)
        if source == food.source or not other or max(used, other) / min(used, other) <= ratio:
            continue
        unit = BY_KEY[key].unit
        return (
            f"value used: {used:.3g} {unit}/100 g from {SOURCES[food.source]} [{food.id}]; "
            f"{SOURCES[source]} has {other:.3g} {unit}/100 g for the same description "
            f"[{food_id}]"
        )
    return None


def _nutrient(
    key: str,
    days: Sequence[DayTotals],
    target: Target,
    person: Person,
    entries: Sequence[DiaryEntry],
    supplied: Mapping[str, float],
) -> NutrientResult:
    """The judgement on the days with a value; a short total with too many items lacking
    a value is no judgement ("unknown"), a short one with a few lacking is low-confidence."""
    known = [d for d in days if d.totals[key] is not None]
    mean = sum(d.totals[key] or 0.0 for d in known) / len(known)
    items = sum(d.items for d in known)
    lacking = sum(d.missing[key] for d in known)
    goal = target.goal
    extra = supplied.get(key, 0.0)
    percent = 100.0 * (mean + extra) / goal if goal else None
    assessment = assess(key, mean, len(known), target, person.sex, person.age_years, extra)
    if lacking:
        assessment = _partly_known(assessment, lacking, items)
    if len(known) < len(days):
        note = (
            f"{assessment.note} Judged on the {len(known)} of {len(days)} days that have a "
            "value; the others have none and are not counted as zero."
        )
        assessment = replace(assessment, note=note)
    sources = top_sources(entries, key)
    return NutrientResult(
        key, mean, target, percent, assessment, sources, extra, len(known), items, lacking
    )


def _partly_known(assessment: Assessment, lacking: int, items: int) -> Assessment:
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


def _unknown(key: str, target: Target, supplement: float) -> UnknownNutrient:
    label = BY_KEY[key].label
    name = label[0].lower() + label[1:]  # "vitamin D"
    note = (
        f"The diary has no value for {name} on any day (the export does not carry it, or its "
        "foods have none): it is not judged, and not counted as zero."
    )
    return UnknownNutrient(key, target, supplement, upper_without_food(target, supplement), note)


def _notes(
    days: tuple[DayTotals, ...],
    diary: Diary,
    supplements: Sequence[Mapping[str, object]],
    unknown: Sequence[UnknownNutrient],
    counts: LineCounts,
    results: Sequence[NutrientResult],
    energy: EnergyCheck,
) -> tuple[str, ...]:
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
    counted = [str(s["text"]) for s in supplements if s["counted"]]
    uncounted = [str(s["text"]) for s in supplements if not s["counted"]]
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
    if diary.problems:
        notes.append(
            f"{len(diary.problems)} line(s) or day(s) could not be used, are doubtful or are "
            "unusual; see problems."
        )
    return tuple(notes)


def _nothing_usable(problems: Sequence[DiaryProblem]) -> str:
    """Why no entry is left, with the first problem: the user sees no table to look at."""
    if not problems:
        return "the diary has no food that could be used; check the file"
    kinds: dict[str, int] = defaultdict(int)
    for problem in problems:
        kinds[problem.kind] += 1
    counted = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
    first = problems[0]
    said = first.message if len(first.message) <= 160 else first.message[:159] + "…"
    return (
        f"the diary has no food that could be used ({len(problems)} "
        f"problem{'s' if len(problems) != 1 else ''}: {counted}); the "
        f"first, line {first.line}: {said}. Check the file, or name its format with --format"
    )


def _target(target: Target) -> dict[str, object]:
    return {
        "ear": target.ear,
        "rda": target.rda,
        "ai": target.ai,
        "ul": target.ul,
        "ul_scope": target.ul_scope_short,
        "life_stage": target.life_stage,
        "sources": list(target.sources),
    }


def _entry(entry: DiaryEntry) -> dict[str, object]:
    """An entry for the analysis JSON: where and when it was eaten and what it became."""
    return {
        "day": entry.day.isoformat(),
        "time": entry.time,
        "meal": entry.meal,
        "line": entry.line,
        "text": entry.text,
        "food": None
        if entry.item is None
        else {"id": entry.item.food.id, "name": entry.item.food.name},
        "how": entry.how,
        "uncertain": entry.item is not None and entry.item.uncertain,
        "grams": None if entry.grams is None else round(entry.grams, 1),
        "energy_kcal": _rounded(entry.nutrients.get("energy_kcal"), 1),
    }


def _rounded(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)
