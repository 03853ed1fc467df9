"""The clinician report as one HTML document: parts in, a string out (pure; no I/O beyond the
knowledge base's packaged sources).

Sections, in order: who; the red flags and triage; night episodes with a chart; intake over
the diary's last 14 days against targets and upper limits; supplements; medicines with their
known nutrient effects; labs in both unit systems; trigger findings; what the report cannot
tell; and every source cited, with its full reference. A section with no data says so in one
line. Everything that came from the person is escaped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from html import escape
from typing import Any

from twitchcheck.report._style import COMPACT_CSS, CSS
from twitchcheck.report.chart import weekly_chart
from twitchcheck.report.gather import MOST_LAB_DATES
from twitchcheck.report.parts import (
    EpisodesPart,
    FindingLine,
    IntakePart,
    LabLine,
    MedicineLine,
    ReportParts,
    ScreeningPart,
    SupplementLine,
    TriggersPart,
    WhoPart,
)

LEVEL_WORDS = {
    "self-care": "self-care",
    "see-doctor": "see a doctor",
    "urgent": "urgent",
    "emergency": "emergency",
}
DIRECTION_WORDS = {"lowers": "lowers", "raises": "raises", "interferes": "interferes with"}
WEAK = ("weak", "insufficient")


class Citations:
    """The sources cited so far, in order of first citation (the Sources section's order)."""

    def __init__(self) -> None:
        self.ids: list[str] = []

    def __call__(self, ids: Iterable[str]) -> str:
        given = [i for i in dict.fromkeys(ids) if i]
        for source_id in given:
            if source_id not in self.ids:
                self.ids.append(source_id)
        return f' <span class="cite">[{escape(", ".join(given))}]</span>' if given else ""


def render_report_html(parts: ReportParts, sources: Mapping[str, Any] | None = None) -> str:
    """The report as a complete HTML document; `sources` maps source ids to the knowledge
    base's sources (loaded when not given)."""
    if sources is None:
        sources = all_sources()
    cite = Citations()
    body = [
        _who(parts.who),
        _screening(parts.screening, cite),
        _episodes(parts.episodes, cite),
        _intake(parts.intake, cite),
        _supplements(parts.supplements),
        _medicines(parts.medicines, cite),
        _labs(parts.labs, parts.labs_not_shown, cite),
        _triggers(parts.triggers),
        _limits(parts),
    ]
    body.append(_sources(cite.ids, sources))
    title = f"Clinician summary: {parts.who.name}"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{CSS}{COMPACT_CSS}</style></head><body>"
        + "".join(body)
        + "</body></html>\n"
    )


def all_sources() -> dict[str, Any]:
    """The knowledge base's sources by id, and the journal's (a full reference each)."""
    from twitchcheck.journal import rules
    from twitchcheck.knowledge import load_knowledge

    return {**rules().sources, **load_knowledge().sources}


def figure(value: float | None) -> str:
    """A figure as a clinician reads it: 1,059, 118, 37, 2.4, 0.99."""
    if value is None:
        return "—"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.0f}"
    return f"{value:.2g}"


def day(value: dt.date | None) -> str:
    """A date that no region reads the wrong way round: 18 Nov 2026."""
    return value.strftime("%d %b %Y").lstrip("0") if value else "—"


def _section(anchor: str, title: str, content: str) -> str:
    return f'<section id="{anchor}"><h2>{escape(title)}</h2>{content}</section>'


def _none(text: str) -> str:
    return f'<p class="none">{escape(text)}</p>'


def _table(head: Sequence[str], rows: Iterable[Sequence[str]], numeric: Sequence[int] = ()) -> str:
    """A table; `rows` hold HTML already escaped; columns in `numeric` align right."""

    def cell(tag: str, index: int, content: str) -> str:
        klass = ' class="n"' if index in numeric else ""
        return f"<{tag}{klass}>{content}</{tag}>"

    header = "".join(cell("th", i, escape(h)) for i, h in enumerate(head))
    body = "".join(
        "<tr>" + "".join(cell("td", i, c) for i, c in enumerate(row)) + "</tr>" for row in rows
    )
    return f"<table><thead><tr>{header}</tr></thead><tbody>{body}</tbody></table>"


# --- the sections ------------------------------------------------------------------------------


def _who(who: WhoPart) -> str:
    details = [
        ("Age", who.age or "not given"),
        ("Sex", who.sex or "not given"),
        ("Pregnancy", who.pregnancy or "not pregnant or lactating"),
        ("Region", who.region or "not given"),
        ("Made", day(who.made_on)),
    ]
    spans = "".join(f"<span><b>{escape(k)}:</b> {escape(v)}</span>" for k, v in details)
    return (
        f"<header><h1>{escape(who.name)} <small>— twitch and cramp summary for a clinician"
        f'</small></h1><div class="who">{spans}</div><p class="lead">Made by twitchcheck from '
        "what the person recorded. It informs a conversation; it does not diagnose.</p></header>"
    )


def _screening(screening: ScreeningPart | None, cite: Citations) -> str:
    title = "1. Red flags and triage (latest screening)"
    if screening is None:
        return _section("red-flags", title, _none("No screening saved: red flags not assessed"))
    level = LEVEL_WORDS.get(screening.level, screening.level)
    out = [
        f"<p>Screening of {escape(day(screening.made_on))}: triage level "
        f"<b>{escape(level.upper())}</b>. {escape(screening.action)}</p>"
    ]
    if not screening.flags:
        out.append(_none("No red-flag answers in this screening"))
    for flag in screening.flags:
        level = LEVEL_WORDS.get(flag.level, flag.level)
        out.append(
            f'<div class="flag"><span class="level">▲ {escape(level)}</span>: '
            f"{escape(flag.label)}. {escape(flag.advice)}{cite(flag.sources)}</div>"
        )
    if screening.leads:
        named = "; ".join(
            f"{escape(lead.label)} ({escape(lead.confidence)} confidence, evidence "
            f"{escape(lead.evidence_strength)})"
            for lead in screening.leads
        )
        out.append(f"<p><b>Ranked possible contributors:</b> {named}.</p>")
    if screening.tests:
        tests = "; ".join(f"{escape(name)}{cite(ids)}" for name, ids in screening.tests)
        out.append(f"<p><b>Tests the screening suggests asking about:</b> {tests}.</p>")
    return _section("red-flags", title, "".join(out))


def _episodes(episodes: EpisodesPart | None, cite: Citations) -> str:
    title = "2. Night episodes"
    if episodes is None or episodes.recorded == 0:
        return _section("episodes", title, _none("No episodes recorded"))
    missing = episodes.nights - episodes.recorded
    kinds = ", ".join(f"{escape(kind)} {count}" for kind, count in episodes.kinds) or "—"
    head = ("Nights", "Recorded / missing", "With episodes", "Episodes, by kind",
            "Severity 0-10", "Sleep disruption 0-10")  # fmt: skip
    row = (
        escape(f"{day(episodes.first)} to {day(episodes.last)}: {episodes.nights}"),
        escape(f"{episodes.recorded} / {missing}"),
        escape(f"{episodes.with_episodes} of {episodes.recorded} recorded"),
        f"{episodes.episodes}: {kinds}",
        escape(_spread(episodes.severity)),
        escape(_spread(episodes.sleep_disruption)),
    )
    notes = (
        '<p class="small">A missing night (no entry, no quiet check-in) is not counted as a '
        "quiet one. Each episode as the person logged it: kind, count, severity and sleep "
        f"disruption on 0-10 scales{cite([episodes.source])}.</p>"
    )
    return _section("episodes", title, _table(head, [row]) + notes + weekly_chart(episodes.weekly))


def _spread(values: tuple[float, float, float] | None) -> str:
    if values is None:
        return "not recorded"
    median, low, high = values
    return f"median {median:g} (range {low:g}–{high:g})"


def _intake(intake: IntakePart, cite: Citations) -> str:
    title = "3. Intake over the last 14 days of the diary"
    if intake.problem:
        return _section("intake", title, _none(intake.problem))
    out = [
        f"<p>{day(intake.first)} to {day(intake.last)}: <b>{intake.days} of "
        f"{intake.window_days} days</b> recorded; {intake.lines_counted} of {intake.lines_total} "
        f"diary lines counted; energy {figure(intake.energy_kcal)} kcal/day. Usual intake judged "
        "against the person's reference intakes (IOM method); figures per day.</p>"
    ]
    if intake.under_recorded:
        out.append(f"<p><b>⚠ Under-recording:</b> {escape(intake.under_recorded)}</p>")
    rows = []
    for row in intake.rows:
        lower = "≥ " if row.lower_bound else ""
        target = f"{row.target_kind} {figure(row.target)}" if row.target is not None else "—"
        if row.ul is None:
            upper = "no UL"
        else:
            over = " — ABOVE" if row.above_ul else ""
            upper = f"{figure(row.ul)} ({row.ul_scope}){over}"
        rows.append((
            escape(f"{row.label} ({row.unit})"), escape(lower + figure(row.food)),
            escape(figure(row.supplements) if row.supplements else "0"),
            escape(lower + figure(row.total)), escape(target),
            escape(f"{figure(row.percent)}%" if row.percent is not None else "—"),
            escape(upper),
            escape(_judged(row.judgement, row.confidence)) + cite(row.sources),
        ))  # fmt: skip
    head = ("Nutrient", "Food", "Supplements", "Total", "Target", "% target", "Upper limit",
            "Judgement")  # fmt: skip
    out.append(_table(head, rows, numeric=(1, 2, 3, 5)))
    return _section("intake", title, "".join(out))


def _judged(judgement: str, confidence: str) -> str:
    return f"{judgement}, {confidence} confidence" if confidence else judgement


def _supplements(lines: Sequence[SupplementLine]) -> str:
    title = "4. Supplements"
    if not lines:
        return _section("supplements", title, _none("No supplements recorded"))
    rows = [_supplement_row(line) for line in lines]
    return _section(
        "supplements", title, _table(("As named", "Started", "Stopped", "Counted in intake"), rows)
    )


def _supplement_row(line: SupplementLine) -> tuple[str, ...]:
    if line.from_screening:
        started, stopped = "named in the screening", "—"
    else:
        started = day(line.started_on) if line.started_on else "—"
        stopped = day(line.stopped_on) if line.stopped_on else "still taken"
    return (escape(line.text), escape(started), escape(stopped), escape(line.counted))


def _medicines(lines: Sequence[MedicineLine], cite: Citations) -> str:
    title = "5. Medicines and their known nutrient effects"
    if not lines:
        return _section("medicines", title, _none("No medicines named in the latest screening"))
    rows = []
    for line in lines:
        named = f"<b>{escape(line.name)}</b>"
        if line.unknown:
            rows.append((named, escape(line.unknown)))
            continue
        effects = (
            "<br>".join(
                f"{escape(DIRECTION_WORDS.get(e.direction, e.direction))} {escape(e.nutrient)} "
                f"({escape(e.strength)} evidence): {escape(e.mechanism)}{cite(e.sources)}"
                for e in line.effects
            )
            or "no known effect on magnesium, calcium, vitamin D, potassium or B12"
        )
        classes = f'<br><span class="small">{escape(", ".join(line.classes))}</span>'
        rows.append((named + classes, effects))
    table = _table(("As named (class)", "Known effects on the five nutrients"), rows)
    return _section("medicines", title, table.replace("<table>", '<table class="medicines">', 1))


def _labs(lines: Sequence[LabLine], not_shown: int, cite: Citations) -> str:
    title = "6. Lab results (SI and conventional units)"
    if not lines:
        return _section("labs", title, _none("No lab results recorded"))
    tests: dict[str, list[LabLine]] = {}
    for lab in lines:
        tests.setdefault(lab.label, []).append(lab)
    head = ("Test, usual adult range, latest note", "Date", "As reported", "SI", "Conventional",
            "Status", "Lab's own range")  # fmt: skip
    header = "".join(f"<th>{escape(h)}</th>" for h in head)
    body = "".join(_lab_rows(sorted(group, key=lambda lab: lab.taken_on, reverse=True), cite)
                   for group in tests.values())  # fmt: skip
    older = (
        f'<p class="small">{not_shown} older value(s) not shown: each test\'s latest '
        f"{MOST_LAB_DATES} dates are.</p>"
        if not_shown
        else ""
    )
    widths = "".join(f'<col style="width: {w}%">' for w in LAB_WIDTHS)
    table = (
        f'<table class="labs"><colgroup>{widths}</colgroup><thead><tr>{header}</tr></thead>'
        f"<tbody>{body}</tbody></table>"
    )
    return _section("labs", title, table + older)


def _nowrap(text: str) -> str:
    return f'<span class="nowrap">{escape(text)}</span>'


def _lab_rows(group: Sequence[LabLine], cite: Citations) -> str:
    """One test's values, newest first; the test's own cell (its usual range and the latest
    value's note) spans them all."""
    latest = group[0]
    about = [f"<b>{escape(latest.label)}</b>"]
    if latest.usual_range:
        about.append(f'<br><span class="small">{escape(latest.usual_range)}</span>')
    if latest.note:
        about.append(f'<br><span class="small">{escape(latest.note)}</span>')
    about.append(cite(latest.sources))
    rows = []
    for index, lab in enumerate(group):
        first = f'<td rowspan="{len(group)}">{"".join(about)}</td>' if index == 0 else ""
        cells = (
            _nowrap(day(lab.taken_on)), _nowrap(lab.reported), _nowrap(lab.si or "—"),
            _nowrap(lab.conventional or "—"), escape(_status(lab.status)),
            escape(", ".join(filter(None, [lab.lab_range, lab.against_lab])) or "not given"),
        )  # fmt: skip
        rows.append(f"<tr>{first}" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    return "".join(rows)


LAB_WIDTHS = (36, 9, 10, 10, 10, 11, 14)  # per cent of the page's width, column by column
STATUS_SIGNS = {"low": "▼ ", "high": "▲ ", "normal": "✓ "}


def _status(status: str) -> str:
    """A status with a sign beside the word, so it reads without colour."""
    if not status:
        return "—"
    return STATUS_SIGNS.get(status.split(" ")[0], "") + status


def _triggers(triggers: TriggersPart | None) -> str:
    title = "7. Possible triggers (associations, not causes)"
    if triggers is None:
        why = "No trigger analysis: the journal has no recorded night yet"
        return _section("triggers", title, _none(why))
    out = [f'<p class="small">{triggers.days} nights recorded. {escape(triggers.note)}</p>']
    if triggers.findings:
        rows = [_finding_row(f) for f in triggers.findings]
        head = ("Factor", "Days compared", "Lag", "Nights", "Rate ratio", "95% interval", "p",
                "q", "Reading")  # fmt: skip
        out.append(_table(head, rows, numeric=(3, 4, 5, 6, 7)))
    if triggers.not_shown:
        out.append(
            f'<p class="small">{triggers.not_shown} more factor-lag pairs tested, none '
            "associated.</p>"
        )
    if triggers.not_enough_data:
        listed = "; ".join(f"{escape(f)}: {escape(why)}" for f, why in triggers.not_enough_data)
        out.append(f'<p class="small"><b>Not enough data yet:</b> {listed}</p>')
    return _section("triggers", title, "".join(out))


def _finding_row(f: FindingLine) -> tuple[str, ...]:
    reading = (
        f"▲ associated with {'more' if f.effect > 1 else 'fewer'} episodes"
        if f.status == "associated"
        else "no clear association"
    )
    return (
        escape(f.factor),
        escape(f.compared),
        escape(f.lag),
        f"{f.nights[0]} / {f.nights[1]}",
        f"{f.effect:.2g}",
        f"{f.ci[0]:.2g}–{f.ci[1]:.2g}",
        f"{f.p:.2g}",
        f"{f.q:.2g}",
        escape(reading),
    )


def _limits(parts: ReportParts) -> str:
    """What the report cannot tell, with the weak points of this person's data named."""
    from twitchcheck.screen.result import disclaimer

    notes = [disclaimer()]
    screening = parts.screening
    if screening is not None:
        weak = [lead.label for lead in screening.leads if lead.evidence_strength in WEAK]
        if weak:
            notes.append(
                "The published evidence linking these to cramps or twitching is weak or "
                f"insufficient: {', '.join(weak)}."
            )
        unsure = [lead.label for lead in screening.leads if lead.confidence == "low"]
        if unsure:
            notes.append(f"Ranked with low confidence from the answers given: {', '.join(unsure)}.")
    intake = parts.intake
    if not intake.problem:
        low = [row.label for row in intake.rows if row.confidence == "low"]
        if low:
            notes.append(
                f"Intake judgements of low confidence ({intake.days} day(s) of records): "
                f"{', '.join(low)}. A diary shows what was recorded, not what was eaten."
            )
        if intake.under_recorded:
            notes.append("The diary looks under-recorded, so intakes are probably higher.")
    notes.append(
        "Intakes are estimates from what was recorded and from food composition tables; an "
        "intake below target is not a diagnosis of deficiency, which is a clinician's to make."
    )
    if parts.triggers is not None:
        notes.append(
            "Trigger findings are associations in one person's records: they can come from "
            "chance or from something that changes with the factor; they do not show a cause."
        )
    items = "".join(f"<li>{escape(note)}</li>" for note in notes)
    return _section("limits", "8. What this report cannot tell", f'<ul class="notes">{items}</ul>')


def _sources(ids: Sequence[str], sources: Mapping[str, Any]) -> str:
    if not ids:
        return _section("sources", "Sources", _none("No source cited"))
    items = []
    for source_id in ids:
        source = sources.get(source_id)
        if isinstance(source, str):  # the journal's own sources are one full reference each
            items.append(f"<li>[{escape(source_id)}] {escape(source)}</li>")
            continue
        if source is None:
            items.append(f"<li>[{escape(source_id)}] not in the knowledge base's sources</li>")
            continue
        shown = source.section and source.section.lower() not in source.title.lower()
        section = f", {escape(source.section)}" if shown else ""
        url = f' <span class="url">{escape(source.url)}</span>' if source.url else ""
        items.append(f"<li>[{escape(source_id)}] {escape(source.title)}{section}.{url}</li>")
    return _section("sources", "Sources", f'<ul class="sources">{"".join(items)}</ul>')
