"""The clinician report's HTML: an empty person and a full one seeded through store/ functions.

Expected figures come from the core run separately on the same inputs (the diet analysis of
the same diary text, the labs read by interpret_labs), never written into the test.
"""

from __future__ import annotations

import datetime as dt
import re
from html import escape

import pytest

from report.conftest import ANSWERS, LABS, TODAY, diary_lines
from twitchcheck.report import gather_report, render_report_html, report_html
from twitchcheck.report.gather import lab_figure, screening_part
from twitchcheck.report.html import figure
from twitchcheck.store import Store
from twitchcheck.store.diaries import written_diary

SECTIONS = ("red-flags", "episodes", "intake", "supplements", "medicines", "labs", "triggers",
            "limits", "sources")  # fmt: skip
CITED = re.compile(r'<span class="cite">\[([^\]]+)\]</span>')


def sections_of(html: str) -> list[str]:
    return re.findall(r'<section id="([a-z-]+)">', html)


@pytest.fixture(scope="module")
def full_html(seeded: tuple[Store, int, int]) -> str:
    store, _, full = seeded
    return report_html(store, full, TODAY)


@pytest.fixture(scope="module")
def empty_html(seeded: tuple[Store, int, int]) -> str:
    store, empty, _ = seeded
    return report_html(store, empty, TODAY)


def test_both_reports_have_every_section_in_order_red_flags_first(
    full_html: str, empty_html: str
) -> None:
    assert sections_of(full_html) == list(SECTIONS)
    assert sections_of(empty_html) == list(SECTIONS)


def test_an_empty_profile_says_in_one_line_what_each_section_lacks(empty_html: str) -> None:
    for words in (
        "No screening saved: red flags not assessed",
        "No episodes recorded",
        "No food diary recorded",
        "No supplements recorded",
        "No medicines named in the latest screening",
        "No lab results recorded",
        "No trigger analysis",
        "No source cited",
    ):
        assert words in empty_html, words
    assert "Age:</b> not given" in empty_html
    assert not CITED.search(empty_html)


def test_the_red_flags_come_first_with_the_triage_level_and_their_advice(
    seeded: tuple[Store, int, int], full_html: str
) -> None:
    from twitchcheck.store.results import screenings

    store, _, full = seeded
    result = screenings(store, full)[0].result
    flags = [r for r in result["triage"]["reasons"] if r["level"] != "self-care"]
    assert flags, "the seeded screening must hold a red flag"
    for flag in flags:
        assert escape(flag["label"]) in full_html
        assert full_html.index(escape(flag["label"])) < full_html.index('id="episodes"')
    assert "SEE A DOCTOR" in full_html or "URGENT" in full_html or "EMERGENCY" in full_html


def test_red_flags_are_ordered_highest_level_first() -> None:
    result = {
        "triage": {
            "level": "emergency",
            "reasons": [
                {"id": "a", "level": "see-doctor", "label": "Lower", "advice": "x", "sources": []},
                {"id": "b", "level": "self-care", "label": "Calm", "advice": "y", "sources": []},
                {"id": "c", "level": "emergency", "label": "Highest", "advice": "z", "sources": []},
            ],
        }
    }
    part = screening_part({}, result, TODAY)
    assert [flag.label for flag in part.flags] == ["Highest", "Lower"]


def test_the_intake_figures_are_the_core_analysis_of_the_last_14_days(
    seeded: tuple[Store, int, int], full_html: str
) -> None:
    from twitchcheck.diary import parse_diary_text
    from twitchcheck.profile import Person
    from twitchcheck.store.diaries import diary
    from twitchcheck.workflows import analyse_diary, supplements_from

    store, _, full = seeded
    days = diary(store, full)
    read = parse_diary_text(written_diary(days)[0], "text", region="uk")
    supplements = supplements_from(["magnesium citrate 200 mg daily", "vitamin D 1000 IU daily"])
    analysis = analyse_diary(read, Person.parse("64", "female"), supplements, 68, 162).to_dict()
    magnesium = analysis["adequacy"]["magnesium_mg"]
    row = full_html.split("Magnesium (mg)")[1].split("</tr>")[0]
    assert f">{figure(magnesium['mean'])}<" in row
    assert f">{figure(magnesium['total'])}<" in row
    assert f"{figure(magnesium['percent_of_target'])}%" in row
    assert "14 of 14 days</b> recorded" in full_html
    lines = analysis["lines"]
    assert f"{lines['counted']} of {lines['total']} diary lines counted" in full_html


def test_the_diary_text_is_the_stored_lines_as_the_app_writes_them(
    seeded: tuple[Store, int, int],
) -> None:
    from twitchcheck.store.diaries import diary

    store, _, full = seeded
    text = written_diary(diary(store, full))[0]
    assert text.count("\n2026-11-") == 13
    assert text.startswith("2026-11-17\n")
    assert f"08:00 {diary_lines()[0].text}" in text


def test_each_lab_shows_both_unit_systems_its_date_and_the_labs_own_range(
    full_html: str,
) -> None:
    from twitchcheck.labs import interpret_labs

    for lab in LABS:
        read = interpret_labs([f"{lab.analyte} {lab.value:g} {lab.unit}"])[0]
        row = full_html.split(f"<b>{escape(read.label)}</b>")[1].split("<b>")[0]
        assert f"{lab_figure(read.si_value)} {read.si_unit}" in row
        assert f"{lab_figure(read.conventional_value)} {read.conventional_unit}" in row
        assert read.si_unit != read.conventional_unit or lab.analyte == "potassium"
    assert "10 Nov 2026" in full_html
    assert "2 Oct 2026" in full_html
    assert "0.7–1 mmol/L, below it" in full_html
    assert "50-125 nmol/L" in full_html


def test_medicines_carry_their_known_nutrient_effects_from_the_knowledge_base(
    full_html: str,
) -> None:
    from twitchcheck.knowledge import medicine_classes_for

    for name in ANSWERS["medications"]:
        for cls in medicine_classes_for(name):
            assert escape(cls.label) in full_html
            for effect in cls.effects:
                assert escape(effect.mechanism) in full_html


def test_an_unknown_medicine_is_named_and_not_guessed() -> None:
    from twitchcheck.report.gather import medicine_lines

    (line,) = medicine_lines(["zorblaxin 5 mg"])
    assert line.unknown == "not in the knowledge base"
    assert not line.effects


def test_supplements_say_what_was_counted(full_html: str) -> None:
    assert "magnesium citrate 200 mg daily" in full_html
    assert "Magnesium 200 mg/day" in full_html
    assert "still taken" in full_html


def test_every_cited_source_is_listed_with_its_full_reference_and_nothing_else(
    full_html: str,
) -> None:
    from twitchcheck.report.html import all_sources

    sources = all_sources()
    cited = {i.strip() for group in CITED.findall(full_html) for i in group.split(",")}
    listed = re.findall(r"<li>\[([^\]]+)\] ", full_html.split('id="sources"')[1])
    assert cited
    assert set(listed) == cited
    assert len(listed) == len(cited)
    for source_id in listed:
        source = sources[source_id]
        assert escape(source if isinstance(source, str) else source.title) in full_html


def test_the_limits_name_the_weak_evidence_and_the_disclaimer(full_html: str) -> None:
    from twitchcheck.screen.result import disclaimer

    limits = full_html.split('id="limits"')[1].split("</section>")[0]
    assert escape(disclaimer()) in limits
    assert "weak or insufficient" in limits


def test_what_the_person_typed_is_escaped(seeded: tuple[Store, int, int]) -> None:
    from twitchcheck.store import ProfileDetails
    from twitchcheck.store.profiles import add_profile
    from twitchcheck.store.supplements import add_supplement

    store, _, _ = seeded
    person = add_profile(store, ProfileDetails(name="<script>alert(1)</script>")).id
    add_supplement(store, person, "<img src=x onerror=alert(1)> 5 mg")
    html = report_html(store, person, TODAY)
    assert "<script>" not in html
    assert "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_document_links_and_loads_nothing(full_html: str) -> None:
    assert not re.search(r"<(script|link|img|iframe)\b", full_html)
    assert not re.search(r"""(src|href)=["']?https?:""", full_html)


def test_a_profile_without_age_or_sex_gets_no_intake_judgement(
    seeded: tuple[Store, int, int],
) -> None:
    from twitchcheck.store import EntryInput, ProfileDetails
    from twitchcheck.store.diaries import add_entry
    from twitchcheck.store.profiles import add_profile

    store, _, _ = seeded
    person = add_profile(store, ProfileDetails(name="No Age")).id
    add_entry(store, person, EntryInput(day=dt.date(2026, 11, 30), text="banana", how="typed"))
    parts = gather_report(store, person, TODAY)
    assert "no age or sex" in parts.intake.problem
    assert "no age or sex" in render_report_html(parts)


def test_the_episode_figures_count_missing_nights_apart_from_quiet_ones(full_html: str) -> None:
    from report.conftest import journal_file

    data = journal_file()
    episode_nights = {
        dt.date.fromisoformat(e["start"][:10]) - dt.timedelta(days=1) for e in data["episodes"]
    }
    quiet = {dt.date.fromisoformat(d["date"]) for d in data["days"]}
    recorded = episode_nights | quiet
    span = (max(recorded) - min(recorded)).days + 1
    episodes = sum(e["count"] for e in data["episodes"])
    section = full_html.split('id="episodes"')[1].split("</section>")[0]
    assert f"<td>{len(recorded)} / {span - len(recorded)}</td>" in section
    assert f"<td>{len(episode_nights)} of {len(recorded)} recorded</td>" in section
    assert f"<td>{episodes}: " in section
    assert "<svg" in section
    assert "[sebo]" in section
    assert "Sebo P" in full_html.split('id="sources"')[1]


def test_a_week_without_a_recorded_night_has_no_count_and_says_so() -> None:
    from twitchcheck.journal import Episode, Night
    from twitchcheck.report.chart import weekly_chart
    from twitchcheck.report.gather import episodes_part

    first = dt.date(2026, 11, 2)
    cramp = Episode(dt.datetime(2026, 11, 3, 2, 30), kind="cramp", severity=6)
    nights = [Night(first, "quiet"), Night(first + dt.timedelta(days=1), "episodes", (cramp,))]
    nights += [Night(first + dt.timedelta(days=i), "missing") for i in range(2, 14)]
    part = episodes_part(nights)
    assert part is not None
    assert part.weekly == ((first, 1, 2), (first + dt.timedelta(days=7), None, 0))
    assert (part.recorded, part.nights, part.episodes) == (2, 14, 1)
    assert part.severity == (6.0, 6.0, 6.0)
    assert part.sleep_disruption is None
    assert "no record" in weekly_chart(part.weekly)


def test_supplements_named_only_in_the_screening_are_listed_and_not_counted() -> None:
    from types import SimpleNamespace

    from twitchcheck.report.gather import supplement_lines

    saved = [SimpleNamespace(text="Fish oil 1000 mg", started_on=None, stopped_on=None)]
    lines = supplement_lines(saved, ["fish  oil 1000 mg", "zinc 15 mg"])
    assert [line.text for line in lines] == ["Fish oil 1000 mg", "zinc 15 mg"]
    assert not lines[0].from_screening
    assert lines[1].from_screening
    assert lines[1].counted.startswith("not counted")


def test_each_test_shows_its_latest_three_dates_and_counts_the_older_ones() -> None:
    from types import SimpleNamespace

    from twitchcheck.report.gather import MOST_LAB_DATES, latest_labs

    days = [dt.date(2026, month, 1) for month in range(3, 9)]
    rows = [SimpleNamespace(analyte="magnesium", taken_on=d) for d in days]
    rows += [SimpleNamespace(analyte="potassium", taken_on=days[0])]
    shown, hidden = latest_labs(rows)
    assert [r.taken_on for r in shown if r.analyte == "magnesium"] == days[-MOST_LAB_DATES:]
    assert [r.analyte for r in shown].count("potassium") == 1
    assert hidden == len(days) - MOST_LAB_DATES
