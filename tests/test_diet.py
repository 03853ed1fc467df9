"""Diet analysis: per-day totals, usual intake, adequacy, top sources, hand-off to screening."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from twitchcheck.diary import parse_diary_text, read_diary
from twitchcheck.diet import DietAnalysis, NutrientResult, analyze, daily_totals
from twitchcheck.errors import InputError
from twitchcheck.knowledge.supplements import parse_supplements
from twitchcheck.profile import Person
from twitchcheck.screen import screen
from twitchcheck.screen.answers import parse_answers, with_diet_analysis

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


def test_a_diary_with_nothing_usable_says_why() -> None:
    text = "Date,Meal,Calories\n2026-11-16,Lunch,-400\n2026-11-16,Dinner,9e9\n"
    with pytest.raises(InputError, match=r"\(2 problems: 2 invalid\); the first, line 2: energy"):
        analyze(parse_diary_text(text), WOMAN)


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


# --- missing is never zero ----------------------------------------------------------------

HOSTILE = Path(__file__).parent / "data" / "diaries" / "hostile"
FOCUS = ("magnesium_mg", "calcium_mg", "vitamin_d_ug", "potassium_mg", "vitamin_b12_ug")


def mfp_without_micros() -> DietAnalysis:
    return analyze(read_diary(HOSTILE / "mfp_no_micros.csv"), WOMAN)


def test_nutrients_an_export_lacks_are_unknown_never_zero_or_short() -> None:
    analysis = mfp_without_micros()
    assert not analysis.nutrients  # nothing judged
    assert [n.key for n in analysis.results] == list(FOCUS)
    data = analysis.to_dict()
    for key in FOCUS:
        result = data["adequacy"][key]
        assert result["mean"] is None
        assert result["total"] is None
        assert result["adequacy"]["judgement"] == "unknown"
        assert data["usual_intake"][key] is None
        assert all(day["totals"][key] is None for day in data["days"])
        assert key not in analysis.usual  # the plan's current intake: not a zero
    assert data["usual_intake"]["energy_kcal"] == pytest.approx((2087 + 1990) / 2)
    assert any("Not in this diary" in note for note in analysis.notes)
    json.dumps(data, allow_nan=False)


def test_unknown_nutrients_reach_the_screening_as_unknown_and_move_nothing() -> None:
    handed = mfp_without_micros().to_screening()
    assert handed["nutrients"]["magnesium_mg"] == {
        "judgement": "unknown", "confidence": 0.0, "mean": None, "target": 320,
    }  # fmt: skip
    answers = parse_answers({"age": 40, "sex": "female", "symptoms": ["cramps"]})
    result = screen(with_diet_analysis(answers, handed))
    evidence = [e.answer for c in result.contributors for e in c.evidence]
    assert not any("diet analysis" in answer for answer in evidence)
    assert {c.id: c.score for c in result.contributors} == {
        c.id: c.score for c in screen(answers).contributors
    }


def test_unknown_nutrients_are_no_gaps_for_the_plan() -> None:
    from twitchcheck.advice import gaps_from_analysis

    assert gaps_from_analysis(mfp_without_micros()) == []


def test_a_day_without_a_value_is_left_out_of_the_mean() -> None:
    text = (
        "Day,Food Name,Amount,Energy (kcal),Magnesium (mg)\n"
        "2026-11-16,Oats,80 g,300,110\n2026-11-16,Nuts,30 g,180,80\n"
        "2026-11-17,Soup,300 g,200,\n"  # no magnesium value at all that day
    )
    analysis = analyze(parse_diary_text(text), WOMAN)
    magnesium = next(n for n in analysis.nutrients if n.key == "magnesium_mg")
    assert magnesium.mean == pytest.approx(190)  # not (190 + 0) / 2
    assert magnesium.days_with_value == 1
    assert "1 of 2 days" in magnesium.assessment.note
    assert analysis.days[1].totals["magnesium_mg"] is None


def cronometer(rows: list[str]) -> DietAnalysis:
    header = "Day,Food Name,Amount,Energy (kcal),Calcium (mg)\n"
    return analyze(parse_diary_text(header + "\n".join(rows) + "\n"), WOMAN)


def calcium(analysis: DietAnalysis) -> NutrientResult:
    return next(n for n in analysis.nutrients if n.key == "calcium_mg")


def test_a_short_total_with_many_items_lacking_a_value_is_unknown() -> None:
    rows = [f"2026-11-{d},Milk,250 ml,800,300" for d in (16, 17, 18)]
    rows += [f"2026-11-{d},Cheese pie,200 g,900," for d in (16, 17, 18)]  # half lack calcium
    result = calcium(cronometer(rows))
    assert result.items_without_value == 3
    assert result.assessment.judgement == "unknown"
    assert "lower bound" in result.assessment.note
    handed = cronometer(rows).to_screening()["nutrients"]["calcium_mg"]
    assert handed["judgement"] == "unknown"
    assert handed["mean"] is None


def test_a_short_total_with_a_few_items_lacking_is_short_with_low_confidence() -> None:
    rows = [f"2026-11-{d},Milk {i},250 ml,600,150" for d in (16, 17, 18) for i in range(4)]
    rows.append("2026-11-16,Cheese pie,200 g,900,")  # 1 of 13 items lacks calcium
    analysis = cronometer(rows)
    result = calcium(analysis)
    assert result.assessment.judgement == "inadequate"
    assert result.assessment.confidence == "low"
    assert analysis.to_screening()["nutrients"]["calcium_mg"]["confidence"] <= 0.5


def test_an_adequate_total_stays_adequate_whatever_is_missing() -> None:
    rows = [f"2026-11-{d},Yogurt,500 g,800,1500" for d in (16, 17, 18)]
    rows += [f"2026-11-{d},Mystery,200 g,900," for d in (16, 17, 18)]
    assert calcium(cronometer(rows)).assessment.judgement == "adequate"


def test_supplements_alone_are_still_held_to_the_upper_limit_when_food_is_unknown() -> None:
    supplements = parse_supplements(["vitamin D 5000 IU", "magnesium citrate 400 mg daily"])
    analysis = analyze(read_diary(HOSTILE / "mfp_no_micros.csv"), WOMAN, supplements)
    by_key = {n.key: n for n in analysis.unknown}
    assert by_key["vitamin_d_ug"].upper is not None
    assert by_key["vitamin_d_ug"].upper.above is True  # 125 µg from supplements > 100 µg
    assert by_key["magnesium_mg"].upper is not None
    assert by_key["magnesium_mg"].upper.above is True
    calcium_ul = by_key["calcium_mg"].upper
    assert calcium_ul is not None
    assert calcium_ul.above is None  # food unknown, nothing to compare
    data = analysis.to_dict()["adequacy"]["vitamin_d_ug"]
    assert data["supplements"] == 125.0
    assert data["total"] is None


def test_the_analysis_json_is_strict_for_every_sample() -> None:
    samples = Path(__file__).parent / "data" / "diaries"
    for path in [*samples.glob("*.*"), *HOSTILE.glob("*.*")]:
        if path.suffix == ".md":
            continue
        try:
            analysis = analyze(read_diary(path, year=2026), WOMAN)
        except InputError:
            continue
        json.dumps(analysis.to_dict(), allow_nan=False)
        json.dumps(analysis.to_screening(), allow_nan=False)


def test_a_baby_is_told_what_applies_instead_of_a_diet_analysis() -> None:
    import pytest

    from twitchcheck.diary import parse_diary_text
    from twitchcheck.diet import analyze
    from twitchcheck.errors import ProfileError
    from twitchcheck.profile import Person

    diary = parse_diary_text("2026-01-05\n200 ml milk\n", "text")
    with pytest.raises(ProfileError, match="breast milk or infant formula"):
        analyze(diary, Person(0.5, "female"))


def test_a_nutrient_the_diary_lacks_is_planned_from_the_baseline_and_says_so() -> None:
    from twitchcheck.advice import gaps_from_analysis
    from twitchcheck.profile import Person

    gaps = gaps_from_analysis(mfp_without_micros(), Person(45, "female"), "vegan")
    by_key = {g.key: g for g in gaps}
    assert "vitamin_b12_ug" in by_key  # a vegan's B12 baseline is 0
    assert all(g.basis.startswith("not in your diary") for g in gaps)


# --- Honest totals and under-recording (issue 11) ------------------------------------------

LOW_WEEK = "".join(
    f"2026-11-{d}\n1 medium banana\n1 cup milk\nxyzzyqq blorp{d}\n" for d in range(16, 23)
)


def test_lines_not_counted_are_counted_and_lower_short_judgements() -> None:
    diary = parse_diary_text(LOW_WEEK, "text")
    analysis = analyze(diary, WOMAN)
    assert analysis.lines is not None
    assert (analysis.lines.total, analysis.lines.not_counted, analysis.lines.unmatched) == (
        21,
        7,
        7,
    )
    assert any(n.startswith("7 of 21 lines not counted (7 unmatched)") for n in analysis.notes)
    magnesium = next(r for r in analysis.nutrients if r.key == "magnesium_mg")
    assert magnesium.assessment.judgement in {"inadequate", "possibly_inadequate"}
    assert magnesium.assessment.confidence == "low"  # a third of the lines: over 10 %
    assert magnesium.may_be_higher
    assert "magnesium may be higher" in magnesium.assessment.note
    data = json.loads(json.dumps(analysis.to_dict(), allow_nan=False))
    assert data["lines"]["not_counted"] == 7
    assert data["adequacy"]["magnesium_mg"]["may_be_higher"] is True


def test_under_recorded_diary_has_no_confident_shortfall() -> None:
    diary = parse_diary_text(LOW_WEEK.replace("xyzzyqq blorp", "1 cup milk #"), "text")
    analysis = analyze(diary, WOMAN, weight_kg=70, height_cm=170)
    assert analysis.energy is not None
    assert analysis.energy.under_recorded
    assert analysis.lines is not None
    assert analysis.lines.not_counted == 0
    for result in analysis.nutrients:
        if result.assessment.judgement in {"inadequate", "possibly_inadequate"}:
            assert result.assessment.confidence == "low", result.key
            assert "under-recorded" in result.assessment.note
    assert any("Goldberg cut-off" in n for n in analysis.notes)
    handed = analysis.to_screening()["nutrients"]
    assert isinstance(handed, dict)
    assert all(
        v["confidence"] <= 0.5  # type: ignore[index]
        for v in handed.values()
        if v["judgement"] in {"inadequate", "possibly_inadequate"}  # type: ignore[index]
    )


def test_a_complete_diary_keeps_its_confidence() -> None:
    analysis = analyze(parse_diary_text(WEEK, "text"), WOMAN)
    assert analysis.lines is not None
    assert analysis.lines.not_counted == 0
    assert not any("lines not counted" in n for n in analysis.notes)
    assert all(not r.may_be_higher for r in analysis.nutrients)


def test_entries_in_json_carry_time_meal_and_how() -> None:
    diary = parse_diary_text("2026-11-16\n08:00 1 cup coffee\nlunch: 2 eggs\n", "text")
    entries = analyze(diary, WOMAN).to_dict()["entries"]
    assert isinstance(entries, list)
    assert [(e["time"], e["meal"]) for e in entries] == [("08:00", None), (None, "lunch")]
    assert all(e["how"] in {"matched", "dish", "split", "approximation"} for e in entries)


def test_top_sources_name_their_release_and_strong_disagreements() -> None:
    # SR28 and FNDDS both have 'Cheese, parmesan, hard'; vitamin D 0.5 against 0.2 µg/100 g
    diary = parse_diary_text("2026-11-16\n100 g parmesan [01033]\n1 medium banana\n", "text")
    analysis = analyze(diary, WOMAN)
    vitamin_d = next(r for r in analysis.nutrients if r.key == "vitamin_d_ug")
    top = vitamin_d.top_sources[0]
    assert top.release == "USDA SR28"
    assert top.disagreement is not None
    assert "USDA FNDDS 2021-2023 has 0.2" in top.disagreement
    assert "value used: 0.5" in top.disagreement
    data = json.loads(json.dumps(analysis.to_dict(), allow_nan=False))
    first = data["adequacy"]["vitamin_d_ug"]["top_sources"][0]
    assert first["release"] == "USDA SR28"
    assert "releases_disagree" in first
    # a food whose releases agree (or that is in one only) has no such note
    potassium = next(r for r in analysis.nutrients if r.key == "potassium_mg")
    assert all(s.disagreement is None for s in potassium.top_sources if "anana" in s.name)
