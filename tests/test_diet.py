"""Diet analysis: per-day totals, usual intake, adequacy, top sources, hand-off to screening."""

from __future__ import annotations

import pytest

from twitchcheck.answers import parse_answers, with_diet_analysis
from twitchcheck.diary import parse_diary_text
from twitchcheck.diet import analyze, daily_totals
from twitchcheck.errors import InputError
from twitchcheck.profile import Person
from twitchcheck.screen import screen
from twitchcheck.supplements import parse_supplements

WEEK = """\
2026-11-16
200 g banana [09040]
100 g cheese [01008]
2026-11-17
400 g banana [09040]
"""
WOMAN = Person(40, "female")


def test_daily_totals_sum_and_count_missing() -> None:
    diary = parse_diary_text(WEEK, "text")
    days = daily_totals(diary.entries)
    assert [d.day.isoformat() for d in days] == ["2026-11-16", "2026-11-17"]
    assert days[0].totals["potassium_mg"] == pytest.approx(2 * 358 + 93)
    assert days[1].totals["potassium_mg"] == pytest.approx(4 * 358)
    # Caraway cheese has no caffeine value in SR28: counted as missing, not as zero.
    assert days[0].missing["caffeine_mg"] == 1
    assert days[1].missing["caffeine_mg"] == 0


def test_usual_intake_is_the_mean_of_days() -> None:
    analysis = analyze(parse_diary_text(WEEK, "text"), WOMAN)
    assert analysis.usual["potassium_mg"] == pytest.approx((809 + 1432) / 2)
    assert set(analysis.usual) >= {"caffeine_mg", "alcohol_g", "water_g", "energy_kcal"}


def test_each_focus_nutrient_is_judged_with_target_and_sources() -> None:
    analysis = analyze(parse_diary_text(WEEK, "text"), WOMAN)
    by_key = {n.key: n for n in analysis.nutrients}
    assert set(by_key) == {
        "magnesium_mg",
        "calcium_mg",
        "vitamin_d_ug",
        "potassium_mg",
        "vitamin_b12_ug",
    }
    potassium = by_key["potassium_mg"]
    assert potassium.goal == 2600
    assert potassium.percent_of_target == pytest.approx(100 * 1120.5 / 2600)
    assert potassium.top_sources[0].name == "Bananas, raw"
    assert potassium.top_sources[0].share == pytest.approx(6 * 358 / (6 * 358 + 93))
    calcium = by_key["calcium_mg"]
    assert calcium.assessment.judgement == "inadequate"
    assert calcium.assessment.confidence == "low"  # two days only


def test_one_day_is_flagged_as_low_confidence() -> None:
    analysis = analyze(parse_diary_text("2026-11-16\n2 cups milk\n", "text"), WOMAN)
    assert any("one day" in note.lower() for note in analysis.notes)
    assert all(n.assessment.confidence == "low" for n in analysis.nutrients)


def test_json_shape() -> None:
    data = analyze(parse_diary_text(WEEK, "text"), WOMAN).to_dict()
    assert {"days", "usual_intake", "adequacy", "problems", "notes"} <= set(data)
    magnesium = data["adequacy"]["magnesium_mg"]
    assert {"mean", "target", "percent_of_target", "adequacy", "top_sources"} <= set(magnesium)
    assert magnesium["adequacy"]["source"] == "S4"


def test_an_unmatched_diary_is_refused() -> None:
    diary = parse_diary_text("2026-11-16\nqwxzvq blorp\n", "text")
    with pytest.raises(InputError):
        analyze(diary, WOMAN)


def test_low_magnesium_intake_raises_magnesium_in_the_screening() -> None:
    poor = "\n".join(["2026-11-16", "2 cups white rice", "1 cup milk", "2026-11-17",
                      "2 cups white rice", "1 cup milk", "2026-11-18", "2 slices white bread",
                      "1 cup milk"])  # fmt: skip
    analysis = analyze(parse_diary_text(poor, "text"), WOMAN)
    answers = parse_answers({"age": 40, "sex": "female", "symptoms": ["cramps"]})
    without = {c.id: c.score for c in screen(answers).contributors}
    result = screen(with_diet_analysis(answers, analysis.to_screening()))
    magnesium = next(c for c in result.contributors if c.id == "magnesium")
    assert magnesium.score > without.get("magnesium", -0.5) + 1
    assert any("diet analysis" in e.answer for e in magnesium.evidence)


def test_supplements_count_in_the_judgement_and_the_upper_limits() -> None:
    diary = parse_diary_text(WEEK, "text")
    supplements = parse_supplements(
        ["vitamin D 5000 IU", "magnesium citrate 400 mg daily", "multivitamin"]
    )
    food = {n.key: n for n in analyze(diary, WOMAN).nutrients}
    both = {n.key: n for n in analyze(diary, WOMAN, supplements).nutrients}
    d = both["vitamin_d_ug"]
    assert d.mean == pytest.approx(food["vitamin_d_ug"].mean)  # food alone
    assert d.total == pytest.approx(d.mean + 125.0)
    assert d.assessment.judgement == "adequate"
    assert d.assessment.upper is not None
    assert d.assessment.upper.above  # food and supplements: over the 100 µg UL
    magnesium = both["magnesium_mg"].assessment.upper
    assert magnesium is not None
    assert magnesium.above  # 400 mg from supplements against the 350 mg supplement UL
    assert not magnesium.applies
    data = analyze(diary, WOMAN, supplements).to_dict()
    assert data["adequacy"]["vitamin_d_ug"]["supplements"] == 125.0
    listed = {s["text"]: s["counted"] for s in data["supplements"]}
    assert listed == {
        "vitamin D 5000 IU": True,
        "magnesium citrate 400 mg daily": True,
        "multivitamin": False,
    }
    notes = " ".join(data["notes"])
    assert "Not counted" in notes
    assert "multivitamin" in notes


def test_without_supplements_the_figures_say_food_only() -> None:
    analysis = analyze(parse_diary_text(WEEK, "text"), WOMAN)
    assert any("food only" in note for note in analysis.notes)
    assert all(n.supplement == 0 for n in analysis.nutrients)
