"""Gathering the report's parts: stored rows in, the core's readings of them out.

`gather_report` reads one person's rows from the store and hands them to the pure functions
below (one per section), each of which turns rows or a core result into a part. Nothing here
prints or reads the environment; `today` is given, so the same store gives the same report.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from twitchcheck.errors import InputError
from twitchcheck.report.parts import (
    EffectLine,
    EpisodesPart,
    FindingLine,
    FlagLine,
    IntakePart,
    IntakeRow,
    LabLine,
    LeadLine,
    MedicineLine,
    ReportParts,
    ScreeningPart,
    SupplementLine,
    TriggersPart,
    WhoPart,
)
from twitchcheck.store.engine import Store

if TYPE_CHECKING:
    from twitchcheck.journal import Night
    from twitchcheck.journal.triggers import TriggerFinding, TriggerReport

WINDOW_DAYS = 14  # the intake section: the last two weeks of the diary
MOST_NIGHTS = 84  # the episode section: the last twelve weeks of the journal
MOST_FINDINGS = 10  # trigger rows shown: every association, then the lowest q
LAG_WORDS = {0: "same day", 1: "day before"}  # the trigger table's lag column
MOST_LEADS = 5  # ranked contributors named beside the triage
MOST_LAB_DATES = 2  # each test's latest dates in the lab table (a trend); older are counted
JUDGEMENTS = {
    "adequate": "adequate",
    "possibly_inadequate": "possibly short",
    "inadequate": "likely short",
    "unknown": "not judged",
}
TRIAGE_ORDER = ("self-care", "see-doctor", "urgent", "emergency")


def gather_report(store: Store, profile_id: int, today: dt.date) -> ReportParts:
    """Every part of the report of the stored person `profile_id`, made on `today`."""
    from twitchcheck.store.labs import lab_results
    from twitchcheck.store.profiles import get_profile
    from twitchcheck.store.results import screenings
    from twitchcheck.store.supplements import supplements

    profile = get_profile(store, profile_id)
    saved = screenings(store, profile_id)
    taken = supplements(store, profile_id)
    shown, hidden = latest_labs(lab_results(store, profile_id))
    screening = (
        screening_part(saved[0].answers, saved[0].result, saved[0].created_at.date())
        if saved
        else None
    )
    return ReportParts(
        who=who_part(profile, today),
        screening=screening,
        episodes=stored_episodes(store, profile_id),
        intake=intake_part(store, profile, [row.text for row in taken if not row.stopped_on]),
        supplements=supplement_lines(taken, screening.supplements if screening else ()),
        medicines=medicine_lines(screening.medicines if screening else ()),
        labs=lab_lines(shown, profile.sex),
        labs_not_shown=hidden,
        triggers=stored_triggers(store, profile_id),
    )


# --- who ---------------------------------------------------------------------------------------


def who_part(profile: Any, today: dt.date) -> WhoPart:
    """The person as stored: a missing detail is left blank, never guessed."""
    if profile.age_years is not None:
        age = f"{profile.age_years:g} y"
    elif profile.birth_year is not None:
        age = f"born {profile.birth_year}"
    else:
        age = ""
    pregnancy = "pregnant" if profile.pregnant else "lactating" if profile.lactating else ""
    return WhoPart(
        name=profile.name, age=age, sex=profile.sex or "", pregnancy=pregnancy,
        region=region_label(profile.region), made_on=today,
    )  # fmt: skip


def region_label(region: str | None) -> str:
    """The region's name from the knowledge base; one it does not know is shown as typed."""
    if not region:
        return ""
    from twitchcheck.knowledge import load_knowledge
    from twitchcheck.knowledge.regions import region_id

    try:
        return load_knowledge().regions[region_id(region)].label
    except (InputError, KeyError):
        return region


# --- screening ---------------------------------------------------------------------------------


def screening_part(
    answers: Mapping[str, Any], result: Mapping[str, Any], made_on: dt.date
) -> ScreeningPart:
    """The stored screening as the report shows it: red flags first, highest level first."""
    triage = result.get("triage") or {}
    reasons = [r for r in triage.get("reasons") or () if r.get("level") != "self-care"]
    reasons.sort(key=lambda r: -_level_rank(str(r.get("level"))))
    flags = tuple(
        FlagLine(str(r.get("level")), str(r.get("label", "")), str(r.get("advice", "")),
             tuple(r.get("sources") or ()))
        for r in reasons
    )  # fmt: skip
    leads = tuple(
        LeadLine(str(c.get("label", "")), str(c.get("kind", "")), str(c.get("confidence", "")),
             str(c.get("evidence_strength", "")))
        for c in (result.get("contributors") or ())[:MOST_LEADS]
    )  # fmt: skip
    tests = tuple(
        (str(t.get("test", "")), tuple(t.get("sources") or ()))
        for t in result.get("suggested_tests") or ()
    )
    return ScreeningPart(
        made_on=made_on, level=str(triage.get("level", "")), header=str(triage.get("header", "")),
        action=str(triage.get("action", "")), flags=flags, leads=leads, tests=tests,
        disclaimer=str(result.get("disclaimer", "")),
        medicines=_names(answers.get("medications")),
        supplements=_names(answers.get("supplements")),
    )  # fmt: skip


def _names(value: Any) -> tuple[str, ...]:
    """A list of names from the answers (one name alone is accepted there too)."""
    if not value:
        return ()
    return (value,) if isinstance(value, str) else tuple(map(str, value))


def _level_rank(level: str) -> int:
    return TRIAGE_ORDER.index(level) if level in TRIAGE_ORDER else 0


# --- intake ------------------------------------------------------------------------------------


def intake_part(store: Store, profile: Any, supplement_texts: Sequence[str]) -> IntakePart:
    """The core's diet analysis of the diary's last 14 days, with the person's own foods."""
    from twitchcheck.store.diaries import diary

    days = [day for day in diary(store, profile.id) if day.entries]
    if not days:
        return _no_intake("No food diary recorded")
    last = days[-1].day
    first = last - dt.timedelta(days=WINDOW_DAYS - 1)
    window = [day for day in days if day.day >= first]
    if profile.age_years is None or profile.sex is None:
        return _no_intake("Intake not judged: the profile has no age or sex (targets need both)")
    try:
        analysis = _analysis(store, profile, window, supplement_texts)
    except InputError as error:
        return _no_intake(f"Intake not judged: {error}")
    return intake_from(analysis, first, last, len(window))


def _no_intake(problem: str) -> IntakePart:
    return IntakePart(None, None, 0, WINDOW_DAYS, 0, 0, (), None, "", problem)


def _analysis(
    store: Store, profile: Any, days: Sequence[Any], supplement_texts: Sequence[str]
) -> dict[str, Any]:
    """The analysis `diet analyze --profile` and the app's analysis page make of these days."""
    from twitchcheck.profile import Person
    from twitchcheck.store.diaries import read_days
    from twitchcheck.store.own_foods import own_foods_for_reading
    from twitchcheck.workflows import analyse_diary, region_from, supplements_from

    region = region_from(profile.region) if profile.region else None
    stored = read_days(days, region, own_foods_for_reading(store, profile.id))
    if stored is None:
        raise InputError("the diary has no line to analyse")
    read = stored.diary
    person = Person.parse(
        f"{profile.age_years:g}",
        profile.sex,
        pregnant=profile.pregnant,
        lactating=profile.lactating,
    )
    found = analyse_diary(
        read, person, supplements_from(supplement_texts), profile.weight_kg, profile.height_cm
    )
    result: dict[str, Any] = found.to_dict()
    return result


def intake_from(
    analysis: Mapping[str, Any], first: dt.date, last: dt.date, days: int
) -> IntakePart:
    """The intake part from the core's analysis (its `to_dict()`)."""
    lines = analysis.get("lines") or {}
    energy = analysis.get("energy_check") or {}
    usual = analysis.get("usual_intake") or {}
    under = energy.get("verdict") == "under_recorded"
    return IntakePart(
        first=first, last=last, days=days, window_days=WINDOW_DAYS,
        lines_counted=int(lines.get("counted", 0)), lines_total=int(lines.get("total", 0)),
        rows=tuple(intake_row(key, row) for key, row in (analysis.get("adequacy") or {}).items()),
        energy_kcal=usual.get("energy_kcal"),
        under_recorded=str(energy.get("note", "")) if under else "",
        problem="",
    )  # fmt: skip


def intake_row(key: str, row: Mapping[str, Any]) -> IntakeRow:
    """One nutrient's row: food, supplements, total, target, upper limit and judgement."""
    from twitchcheck.nutrient_keys import BY_KEY

    target = row.get("target") or {}
    judged = row.get("adequacy") or {}
    upper = judged.get("upper_limit") or {}
    kind, goal = next(
        ((words, target[name]) for name, words in (("rda", "RDA"), ("ai", "AI"))
         if target.get(name) is not None),
        ("", None),
    )  # fmt: skip
    sources = tuple(
        dict.fromkeys([*(target.get("sources") or ()), *filter(None, [judged.get("source")])])
    )
    return IntakeRow(
        label=BY_KEY[key].label if key in BY_KEY else key, unit=str(row.get("unit", "")),
        food=row.get("mean"), supplements=float(row.get("supplements") or 0.0),
        total=row.get("total"), lower_bound=bool(row.get("items_without_value")),
        target_kind=kind, target=goal, percent=row.get("percent_of_target"),
        ul=target.get("ul"), ul_scope=str(target.get("ul_scope", "")),
        above_ul=upper.get("above_ul"),
        judgement=JUDGEMENTS.get(str(judged.get("judgement", "unknown")), "not judged"),
        confidence=str(judged.get("confidence", "")), sources=sources,
    )  # fmt: skip


# --- supplements and medicines -----------------------------------------------------------------


def supplement_lines(rows: Iterable[Any], named: Iterable[str] = ()) -> tuple[SupplementLine, ...]:
    """Each saved supplement with the daily amounts read in its text, then those the
    screening's answers name that are not saved (the intake counts only saved ones, as the
    app's analysis does)."""
    saved = [
        SupplementLine(row.text, row.started_on, row.stopped_on, _counted(row.text)) for row in rows
    ]
    known = {_folded(line.text) for line in saved}
    extra = [
        SupplementLine(text, None, None, "not counted: named in the screening only", True)
        for text in dict.fromkeys(named)
        if _folded(text) not in known
    ]
    return (*saved, *extra)


def _folded(text: str) -> str:
    return " ".join(text.lower().split())


def _counted(text: str) -> str:
    from twitchcheck.knowledge.supplements import parse_supplement
    from twitchcheck.nutrient_keys import BY_KEY

    try:
        read = parse_supplement(text)
    except InputError:
        return "not recognised; not counted"
    if not read.nutrients:
        return "no dose given; not counted" if not read.dose_given else "no nutrient counted"
    return ", ".join(
        f"{BY_KEY[key].label if key in BY_KEY else key} {amount:.4g} "
        f"{BY_KEY[key].unit if key in BY_KEY else ''}/day"
        for key, amount in read.nutrients.items()
    )


def medicine_lines(names: Iterable[str]) -> tuple[MedicineLine, ...]:
    """Each medicine named in the screening, its classes and their nutrient effects."""
    from twitchcheck.knowledge import load_knowledge, medicine_classes_for

    nutrients = load_knowledge().nutrients
    lines = []
    for name in names:
        try:
            classes = medicine_classes_for(name)
        except InputError:
            lines.append(MedicineLine(name, (), (), "not in the knowledge base"))
            continue
        effects = tuple(
            EffectLine(nutrients[e.nutrient].name, e.direction, e.strength, e.mechanism, e.sources)
            for cls in classes
            for e in cls.effects
        )
        lines.append(MedicineLine(name, tuple(c.label for c in classes), effects, ""))
    return tuple(lines)


# --- labs --------------------------------------------------------------------------------------


def latest_labs(rows: Sequence[Any]) -> tuple[list[Any], int]:
    """The values of each test's latest MOST_LAB_DATES dates (all values of those days), and
    how many older values are left out, so a long history still fits two pages."""
    dates: dict[str, set[dt.date]] = {}
    for row in rows:
        dates.setdefault(_folded(row.analyte), set()).add(row.taken_on)
    keep = {name: sorted(days)[-MOST_LAB_DATES:] for name, days in dates.items()}
    shown = [row for row in rows if row.taken_on in keep[_folded(row.analyte)]]
    return shown, len(rows) - len(shown)


def lab_lines(rows: Sequence[Any], sex: str | None = None) -> tuple[LabLine, ...]:
    """Each stored value read by the core, against the person's own range where it differs by
    `sex`; values of one day are read together (an albumin corrects that day's calcium)."""
    by_day: dict[dt.date, list[Any]] = {}
    for row in rows:
        by_day.setdefault(row.taken_on, []).append(row)
    return tuple(line for day in sorted(by_day) for line in _day_lines(by_day[day], sex))


def _day_lines(rows: Sequence[Any], sex: str | None = None) -> list[LabLine]:
    from twitchcheck.labs import interpret_labs

    texts = [f"{row.analyte} {row.value:g} {row.unit}" for row in rows]
    try:
        read: list[Any] = list(interpret_labs(texts, sex=sex))
    except InputError:  # one unreadable value: read the others alone
        read = []
        for text in texts:
            try:
                read.append(interpret_labs([text], sex=sex)[0])
            except InputError as error:
                read.append(error)
    return [_lab_line(row, result) for row, result in zip(rows, read, strict=True)]


def _lab_line(row: Any, result: Any) -> LabLine:
    reported = f"{row.value:g} {row.unit}"
    lab_range, against = _lab_range(row)
    if isinstance(result, InputError):
        return LabLine(row.taken_on, row.analyte, reported, "", "", "", "", lab_range, against,
                       f"not read: {result}", ())  # fmt: skip
    status = result.status if result.corrected_status is None else f"{result.status} (corrected)"
    first = result.notes[0] if result.notes else None
    return LabLine(
        taken_on=row.taken_on, label=result.label, reported=reported,
        si=f"{lab_figure(result.si_value)} {result.si_unit}",
        conventional=f"{lab_figure(result.conventional_value)} {result.conventional_unit}",
        status=status + (" — urgent" if result.urgent else ""), usual_range=result.range,
        lab_range=lab_range, against_lab=against, note=first.text if first else "",
        sources=tuple(dict.fromkeys([*result.range_sources, *(first.sources if first else ())])),
    )  # fmt: skip


def lab_figure(value: float) -> str:
    """A converted lab value to three significant figures, never in exponent form."""
    return f"{value:.0f}" if abs(value) >= 100 else f"{value:.3g}"


def _lab_range(row: Any) -> tuple[str, str]:
    """The lab's own range as printed (in the unit reported), and where the value falls."""
    low, high = row.range_low, row.range_high
    if low is None and high is None:
        return (row.range_text or ""), ""
    printed = row.range_text or (
        f"{low:g}–{high:g} {row.unit}" if low is not None and high is not None
        else f"≥ {low:g} {row.unit}" if low is not None else f"≤ {high:g} {row.unit}"
    )  # fmt: skip
    if low is not None and row.value < low:
        return printed, "below it"
    if high is not None and row.value > high:
        return printed, "above it"
    return printed, "within it"


# --- episodes ----------------------------------------------------------------------------------


def stored_episodes(store: Store, profile_id: int) -> EpisodesPart | None:
    """The episode statistics of the person's stored journal (None when it has no night)."""
    from twitchcheck.journal import nights
    from twitchcheck.store.journal import load_journal

    return episodes_part(nights(load_journal(store, profile_id)))


def episodes_part(all_nights: Sequence[Night]) -> EpisodesPart | None:
    """Statistics of the last MOST_NIGHTS nights up to the last one recorded: a night with
    neither an episode nor a quiet check-in is missing, never counted as zero."""
    from twitchcheck._data import load_toml
    from twitchcheck.journal import rules
    from twitchcheck.journal.definitions import FILE

    kept = list(all_nights)[-MOST_NIGHTS:]
    if not kept:
        return None
    recorded = [night for night in kept if night.state != "missing"]
    entries = [episode for night in kept for episode in night.episodes]
    labels = {key: kind.label for key, kind in rules().kinds.items()}
    kinds: dict[str, int] = {}
    for episode in entries:
        label = labels.get(episode.kind or "", episode.kind or "kind not given yet")
        kinds[label] = kinds.get(label, 0) + (episode.count or 1)
    return EpisodesPart(
        first=kept[0].date, last=kept[-1].date, nights=len(kept), recorded=len(recorded),
        with_episodes=sum(1 for night in kept if night.state == "episodes"),
        episodes=sum(night.count or 0 for night in recorded), weekly=_weekly(kept),
        kinds=tuple(kinds.items()), severity=_spread(e.severity for e in entries),
        sleep_disruption=_spread(e.sleep_disruption for e in entries),
        source=str(load_toml(FILE)["episode"]["source"]),
    )  # fmt: skip


def _weekly(nights: Sequence[Night]) -> tuple[tuple[dt.date, int | None, int], ...]:
    """(week start, episodes, nights recorded) per 7 nights from the first; a week with no
    night recorded has no count (None), never zero."""
    weeks = []
    for start in range(0, len(nights), 7):
        week = [night for night in nights[start : start + 7] if night.state != "missing"]
        count = sum(night.count or 0 for night in week)
        weeks.append((nights[start].date, count if week else None, len(week)))
    return tuple(weeks)


def _spread(values: Iterable[float | None]) -> tuple[float, float, float] | None:
    given = [float(v) for v in values if v is not None]
    return (statistics.median(given), min(given), max(given)) if given else None


# --- triggers ----------------------------------------------------------------------------------


def stored_triggers(store: Store, profile_id: int) -> TriggersPart | None:
    """The trigger analysis of the person's journal (None when it has no night yet)."""
    from twitchcheck.journal.triggers import analyse
    from twitchcheck.store.journal import journal_history

    history = journal_history(store, profile_id)
    return triggers_part(analyse(history)) if history.nights else None


def triggers_part(report: TriggerReport) -> TriggersPart:
    """The analysis as the report shows it: associations first, then the lowest q."""
    from twitchcheck.journal import rules
    from twitchcheck.journal.triggers import LAGS, MIN_GROUP, MIN_NIGHTS, Q_LEVEL

    labels = {name: factor.label for name, factor in rules().factors.items()}
    ordered = sorted(report.findings, key=lambda f: (f.status != "associated", f.q))
    shown = ordered[:MOST_FINDINGS]
    note = (
        "Rate ratio: episodes per night after days with the factor (for a number, its top "
        "third of days) over days without it (its bottom third). p from a moving-block "
        "permutation test; q adjusted (Benjamini-Hochberg) across every factor and lag tested; "
        f"'associated' when q ≤ {Q_LEVEL:g}. Lags: same day = {LAGS[0]}; day before = "
        f"{LAGS[1]}. Nothing is said with fewer than {MIN_NIGHTS} nights or {MIN_GROUP} on "
        "either side."
    )
    return TriggersPart(
        days=report.days,
        findings=tuple(_finding_line(f, labels) for f in shown),
        not_enough_data=tuple(
            (labels.get(s.factor, s.factor), s.why) for s in report.not_enough_data
        ),
        note=note,
        not_shown=len(ordered) - len(shown),
    )


def _finding_line(found: TriggerFinding, labels: Mapping[str, str]) -> FindingLine:
    return FindingLine(
        factor=labels.get(found.factor, found.factor), lag_days=found.lag_days,
        lag=LAG_WORDS.get(found.lag_days, f"{found.lag_days} days before"),
        compared=f"{found.exposed} vs {found.reference}",
        nights=(found.nights_exposed, found.nights_reference), effect=found.effect,
        ci=found.ci, p=found.p, q=found.q, status=found.status,
    )  # fmt: skip
