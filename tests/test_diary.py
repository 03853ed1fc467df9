"""Diaries in every supported format become dated entries; bad files fail with line numbers."""

from __future__ import annotations

import contextlib
import datetime
import json
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import HANG_BOUND, everyday_foods
from twitchcheck.diary import (
    FORMATS,
    Diary,
    DiaryEntry,
    DiaryProblem,
    detect_format,
    parse_diary_text,
    read_diary,
)
from twitchcheck.diary._dates import DateReader, parse_date
from twitchcheck.diary._decode import decode
from twitchcheck.errors import DiaryError, InputError
from twitchcheck.foods.phrases import Line

DIARIES = Path(__file__).parent / "data" / "diaries"
NOV = datetime.date(2026, 11, 1)


def day(d: int, month: int = 11, year: int = 2026) -> datetime.date:
    return datetime.date(year, month, d)


def read(text: str, **kwargs) -> Diary:
    return parse_diary_text(text, year=kwargs.pop("year", 2026), **kwargs)


def by_line(diary: Diary) -> dict[int, DiaryEntry]:
    return {entry.line: entry for entry in diary.entries}


def line_problems(diary: Diary) -> list[DiaryProblem]:
    """The problems of lines, without the flags on unusual days (small samples are short days)."""
    return [p for p in diary.problems if p.kind != "unusual"]


# --- every sample file --------------------------------------------------------------------

SAMPLES = [
    # file, format, entries, problems as (line, kind), days
    ("week.txt", "text", 19, [(19, "uncertain"), (31, "unmatched"), (39, "invalid")], 3),
    ("simple.csv", "csv", 9, [(9, "uncertain")], 2),
    ("spreadsheet_semicolon.csv", "csv", 4, [], 2),
    ("cronometer_servings.csv", "cronometer", 9, [], 2),
    ("myfitnesspal_nutrition_summary.csv", "myfitnesspal", 6, [], 2),
    ("opennutritracker_user_intake.json", "opennutritracker", 5, [], 2),
    ("opennutritracker_user_intake.csv", "opennutritracker", 5, [], 2),
    ("latin1.txt", "text", 1, [(3, "uncertain"), (4, "unmatched")], 1),
    ("utf16_bom.txt", "text", 1, [(3, "uncertain"), (4, "unmatched")], 1),
    ("utf8_bom.csv", "csv", 2, [(2, "uncertain")], 1),
]


@pytest.mark.parametrize(("name", "fmt", "entries", "problems", "days"), SAMPLES)
def test_sample_files(name, fmt, entries, problems, days) -> None:
    diary = read_diary(DIARIES / name, year=2026)
    assert diary.format == fmt
    assert len(diary.entries) == entries
    assert [(p.line, p.kind) for p in line_problems(diary)] == problems
    assert len(diary.days) == days
    assert list(diary.days) == sorted(diary.days)
    json.dumps(diary.to_dict())  # the CLI's --json can print it as is


@pytest.mark.parametrize("name", [s[0] for s in SAMPLES])
def test_named_format_matches_detection(name) -> None:
    detected = read_diary(DIARIES / name, year=2026)
    named = read_diary(DIARIES / name, detected.format, year=2026)
    assert named.entries == detected.entries


# --- plain text ---------------------------------------------------------------------------


def test_text_week_entries_meals_and_pinned_id() -> None:
    diary = read_diary(DIARIES / "week.txt")
    lines = by_line(diary)
    assert lines[7].day == day(16)
    assert lines[7].meal == "breakfast"
    assert lines[8].item is not None
    assert lines[8].item.food.id == "sr28:01077"
    assert lines[8].source == "USDA SR28"
    assert lines[8].grams == pytest.approx(244)
    assert lines[9].text == "a banana"  # the bullet is dropped
    assert lines[10].text == "coffee"  # the comment after " #" is dropped
    assert lines[13].meal == "lunch"
    assert lines[18].meal == "snack"
    assert lines[22].day == day(17)
    assert lines[22].meal == "breakfast"
    assert lines[35].day == day(18)
    assert lines[38].meal == "dinner"
    assert lines[7].nutrients["magnesium_mg"] == pytest.approx(
        lines[7].item.nutrients["magnesium_mg"]  # type: ignore[union-attr]
    )


def test_text_problems_name_their_lines_and_keep_going() -> None:
    diary = read_diary(DIARIES / "week.txt")
    problems = {p.line: p for p in diary.problems}
    assert problems[31].text == "zorgleberry compote"
    assert problems[31].kind == "unmatched"
    assert "zorgleberry" in problems[31].message
    assert "5 kg" in problems[39].message
    assert problems[39].kind == "invalid"
    uncertain = problems[19]
    assert uncertain.kind == "uncertain"
    assert uncertain.suggestions
    assert 19 in by_line(diary)  # kept, but reported
    assert 31 not in by_line(diary)
    assert 39 not in by_line(diary)
    assert 38 in by_line(diary)  # the line after the bad one is still read


HEADINGS = [
    ("2026-11-20", day(20)),
    ("2026/11/20", day(20)),
    ("2016-9-26", day(26, 9, 2016)),
    ("20/11/2026", day(20)),
    ("11/20/2026", day(20)),
    ("20.11.2026", day(20)),
    ("05/05/2026", day(5, 5)),
    ("Fri 20 Nov", day(20)),
    ("Friday 20 November 2026", day(20)),
    ("Friday, 20 November 2026:", day(20)),
    ("Nov 20", day(20)),
    ("November 20, 2026", day(20)),
    ("20 Nov 2026", day(20)),
    ("20th of November", day(20)),
    ("Fri, Nov. 20", day(20)),
    ("=== 2026-11-20 ===", day(20)),
    ("Date: 2026-11-20", day(20)),
    ("**20 November**", day(20)),
    # a day name before a numeric date, and two-digit years (POSIX %y: 00-68 are 20xx)
    ("Fri 20/11/26", day(20)),
    ("Thurs, 19/11/2026", day(19)),
    ("Fri 2026-11-20", day(20)),
    ("20/11/26", day(20)),
    ("Thu 5/11/26", day(5)),  # 11 May 2026 is a Monday: only 5 November is a Thursday
    ("Mon 11/5/26", day(5, 5).replace(day=11)),  # only 11 May is a Monday
]


@pytest.mark.parametrize(("heading", "expected"), HEADINGS)
def test_date_headings(heading, expected) -> None:
    diary = read(f"{heading}\n2 eggs\n")
    assert diary.entries[0].day == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2026-02-30\n2 eggs\n", "February 2026 has 28 days"),
        ("30 Feb 2026\n2 eggs\n", "February 2026 has 28 days"),
        ("Nov 31\n2 eggs\n", "November has 30 days"),
        ("2026-13-01\n2 eggs\n", "no month 13"),
        ("05/11/2026\n2 eggs\n", "could be 5 November or May 11"),
        ("Mon 20 Nov 2026\n2 eggs\n", "is a Friday, not a Monday"),
        ("Mon 20/11/26\n2 eggs\n", "is a Friday, not a Monday"),
        ("5/11/26\n2 eggs\n", "could be 5 November or May 11"),
        ("29 Feb\n2 eggs\n", "does not exist in 2026"),
    ],
)
def test_impossible_dates_raise_with_their_line(text, message) -> None:
    with pytest.raises(DiaryError, match=message) as caught:
        read("# heading comment\n" + text)
    assert caught.value.line == 2
    assert str(caught.value).startswith("line 2: ")
    assert caught.value.code == "bad_diary"
    assert isinstance(caught.value, InputError)


def test_day_first_settles_numeric_dates() -> None:
    assert read("05/11/2026\n2 eggs\n", day_first=True).entries[0].day == day(5)
    assert read("05/11/2026\n2 eggs\n", day_first=False).entries[0].day == day(11, 5)
    with pytest.raises(DiaryError, match="no month 20"):
        read("20/11/2026\n2 eggs\n", day_first=False)


def test_items_before_any_date_are_an_error_naming_the_line() -> None:
    with pytest.raises(DiaryError, match=r"line 3: '2 eggs' comes before any date"):
        read("# breakfast\n\n2 eggs\n2026-11-20\n1 apple\n")


def test_year_comes_from_the_heading_above_and_rolls_over_new_year() -> None:
    text = "Wed 30 Dec 2026\n2 eggs\nJan 1\n1 apple\nDec 31\n1 pear\n"
    days = [e.day for e in parse_diary_text(text).entries]
    assert days == [day(30, 12), day(1, 1, 2027), day(31, 12)]


def test_year_without_any_heading_year_uses_option_then_clock() -> None:
    assert read("Nov 20\n2 eggs\n", year=2024).entries[0].day == day(20, 11, 2024)
    today = datetime.date(2026, 11, 25)
    past = parse_diary_text("Nov 20\n2 eggs\n", today=today)
    assert past.entries[0].day == day(20)
    # a year-less date after today is last year's: a diary records the past
    future = parse_diary_text("Dec 20\n2 eggs\n", today=today)
    assert future.entries[0].day == day(20, 12, 2025)


def test_meal_headings_and_custom_meals() -> None:
    text = "2026-11-20\nSupper\n1 apple\nPre-workout:\n1 banana\nlunch: 2 eggs\n\n1 pear\n"
    meals = [(e.line, e.meal) for e in read(text).entries]
    assert meals == [(3, "dinner"), (5, "pre-workout"), (6, "lunch"), (8, "lunch")]


def test_a_date_heading_ends_the_meal() -> None:
    diary = read("2026-11-20\nLunch\n1 apple\n2026-11-21\n1 pear\n")
    assert [e.meal for e in diary.entries] == ["lunch", None]


def test_a_weekday_alone_is_an_error_not_a_guess() -> None:
    for text in ("2026-11-20\n1 apple\nMonday\n1 pear\n", "2026-11-20\n1 apple\nMonday:\n1 pear\n"):
        with pytest.raises(DiaryError, match=r"line 3: .* names a day but no date"):
            read(text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("   \n\n\t\n", "empty"),
        ("# only comments\n\n", "no food lines"),
        ("2026-11-20\n# nothing eaten\n", "no food lines"),
    ],
)
def test_empty_diaries(text, message) -> None:
    with pytest.raises(DiaryError, match=message):
        read(text)


# --- plain CSV ----------------------------------------------------------------------------


def test_csv_joins_amount_and_food_and_reads_meals() -> None:
    diary = read_diary(DIARIES / "simple.csv")
    lines = by_line(diary)
    assert lines[2].text == "1 cup oatmeal"
    assert lines[2].meal == "breakfast"
    assert lines[3].item is not None
    assert lines[3].item.food.id == "sr28:01077"
    assert lines[7].text == "2 eggs"  # the amount folded into the food cell
    assert lines[10].meal == "snack"


def test_csv_synonyms_semicolons_dotted_dates_and_blank_dates() -> None:
    diary = read_diary(DIARIES / "spreadsheet_semicolon.csv")
    assert [(e.line, e.day, e.meal, e.text) for e in diary.entries] == [
        (2, day(20), "breakfast", "1 cup Oatmeal"),
        (3, day(20), "breakfast", "1 Banana"),  # a blank date continues the one above
        (4, day(20), "lunch", "200 g Cooked rice"),
        (5, day(21), "dinner", "150 g Salmon"),
    ]


def test_csv_gram_column_and_unmatched_rows() -> None:
    text = "Day,Food,Grams\n2026-11-20,almonds,30\n2026-11-20,blorptangle,50\n2026-11-20,,10\n"
    diary = read(text)
    assert diary.entries[0].text == "30 g almonds"
    assert diary.entries[0].grams == 30
    assert [(p.line, p.kind) for p in line_problems(diary)] == [(3, "unmatched"), (4, "invalid")]


def test_csv_quoted_newline_keeps_line_numbers() -> None:
    text = 'date,food\n2026-11-20,"2 eggs"\n2026-11-20,"1 apple\nsliced"\n2026-11-20,1 pear\n'
    diary = read(text)
    assert [e.line for e in diary.entries] == [2, 5]
    assert line_problems(diary)[0].line == 3
    assert "quote" in line_problems(diary)[0].message


def test_csv_unclosed_quote_is_an_error_naming_its_line() -> None:
    text = 'date,food\n2026-11-20,1 pear\n2026-11-20,"2 eggs\n' + "2026-11-20,apple\n" * 20_000
    with pytest.raises(DiaryError, match=r"line 3: .*the CSV cannot be read .* quote"):
        read(text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("date,food\n2026-02-30,2 eggs\n", r"line 2: .*February 2026 has 28 days"),
        ("date,food\n2026-11-20,2 eggs\nyesterday,1 apple\n", r"line 3: .*not a date"),
        ("date,food\n", "header but no rows"),
        ("date,food\n,2 eggs\n", r"line 2: .*not a date"),
    ],
)
def test_csv_bad_dates_and_empty_files(text, message) -> None:
    with pytest.raises(DiaryError, match=message):
        read(text)


def test_unknown_csv_header_is_refused_when_the_file_says_csv() -> None:
    with pytest.raises(DiaryError, match=r"header .* is not one we know"):
        parse_diary_text("time,thing\n08:00,eggs\n", filename="log.csv")


# --- Cronometer ---------------------------------------------------------------------------


def test_cronometer_values_are_used_as_given_and_converted() -> None:
    lines = by_line(read_diary(DIARIES / "cronometer_servings.csv"))
    salmon = lines[5]
    assert salmon.item is None
    assert salmon.source == "Cronometer export"
    assert salmon.meal == "lunch"
    assert salmon.grams == 150
    assert salmon.nutrients["vitamin_d_ug"] == pytest.approx(789 / 40)  # IU -> µg
    assert salmon.nutrients["vitamin_b12_ug"] == pytest.approx(4.2)
    assert salmon.nutrients["protein_g"] == pytest.approx(33.15)
    assert lines[4].nutrients["caffeine_mg"] == pytest.approx(189.6)
    assert lines[9].nutrients["alcohol_g"] == pytest.approx(15.6)
    assert lines[3].grams is None  # 250.00 ml is a volume
    assert lines[2].nutrients["fiber_g"] == pytest.approx(4.04)


def test_cronometer_blank_cells_are_missing_not_zero() -> None:
    lines = by_line(read_diary(DIARIES / "cronometer_servings.csv"))
    supplement = lines[7]
    assert supplement.meal is None  # "Uncategorized"
    assert supplement.nutrients["magnesium_mg"] == 120
    assert supplement.nutrients["energy_kcal"] is None
    assert supplement.nutrients["calcium_mg"] is None
    burger = lines[10]
    assert burger.nutrients["energy_kcal"] == pytest.approx(1204.1)  # "1,204.10"
    assert burger.nutrients["sodium_mg"] == pytest.approx(1840)
    assert burger.nutrients["magnesium_mg"] is None
    assert lines[2].nutrients["folate_dfe_ug"] is None  # Cronometer does not say DFE


def test_cronometer_older_layout_without_time_or_group() -> None:
    text = (
        "Day,Food Name,Amount,Energy (kcal),Alcohol (g),Caffeine (mg),Water (g),"
        "B12 (Cobalamin) (µg),Vitamin D (IU),Calcium (mg),Magnesium (mg),Potassium (mg)\n"
        '2016-9-26,"Bear Naked Granola","0.52 Serving (22 tsp, whole pieces)",133.64,0.00,0.00,'
        "3.19,0.00,0.00,8.34,32.02,100.01\n"
    )
    diary = parse_diary_text(text)
    assert diary.format == "cronometer"
    entry = diary.entries[0]
    assert entry.day == day(26, 9, 2016)
    assert entry.meal is None
    assert entry.grams is None
    assert entry.nutrients["magnesium_mg"] == pytest.approx(32.02)


def test_cronometer_daily_summary_is_refused_with_the_fix() -> None:
    text = "Date,Energy (kcal),Protein (g),Magnesium (mg),Completed\n2026-11-20,2100,90,300,true\n"
    with pytest.raises(DiaryError, match=r"daily summary .* export the servings"):
        parse_diary_text(text)


def test_cronometer_absurd_amount_is_reported() -> None:
    text = "Day,Group,Food Name,Amount,Energy (kcal)\n2026-11-20,Lunch,Rice,6000.00 g,7800\n"
    diary = parse_diary_text(text)
    assert not diary.entries
    assert diary.problems[0].line == 2
    assert "5 kg" in diary.problems[0].message


def test_export_cell_that_is_not_a_number_leaves_its_row_out() -> None:
    text = (
        "Day,Food Name,Amount,Magnesium (mg)\n2026-11-20,Rice,100.00 g,lots\n"
        "2026-11-20,Oats,40.00 g,55\n"
    )
    diary = parse_diary_text(text)
    assert [e.line for e in diary.entries] == [3]
    problem = line_problems(diary)[0]
    assert (problem.line, problem.kind) == (2, "invalid")
    assert "'magnesium (mg)' holds 'lots', which is not an amount" in problem.message


# --- MyFitnessPal -------------------------------------------------------------------------


def test_myfitnesspal_meal_totals_with_bom_and_crlf() -> None:
    diary = read_diary(DIARIES / "myfitnesspal_nutrition_summary.csv")
    first = diary.entries[0]
    assert first.text == "Breakfast (MyFitnessPal total)"
    assert first.meal == "breakfast"
    assert first.item is None
    assert first.grams is None
    assert first.source == "MyFitnessPal export"
    assert first.nutrients["energy_kcal"] == 412
    assert first.nutrients["sodium_mg"] == 488
    assert first.nutrients["potassium_mg"] == 612
    assert first.nutrients["fiber_g"] == pytest.approx(6.4)
    assert first.nutrients["sugars_g"] == pytest.approx(14.2)
    # % Daily Value columns are not masses: calcium and vitamin C stay missing
    assert first.nutrients["calcium_mg"] is None
    assert first.nutrients["vitamin_c_mg"] is None
    assert first.nutrients["magnesium_mg"] is None
    assert diary.entries[-1].meal == "post-workout"


def test_myfitnesspal_zero_potassium_with_energy_is_missing() -> None:
    lines = by_line(read_diary(DIARIES / "myfitnesspal_nutrition_summary.csv"))
    dinner = lines[4]
    assert dinner.nutrients["energy_kcal"] == 1020  # "1,020.0"
    assert dinner.nutrients["sodium_mg"] == 1480
    assert dinner.nutrients["potassium_mg"] is None


def test_myfitnesspal_time_variant_gives_one_row_per_entry() -> None:
    text = (
        "Date,Meal,Time,Calories,Fat (g),Saturated Fat,Polyunsaturated Fat,Monounsaturated Fat,"
        "Trans Fat,Cholesterol,Sodium (mg),Potassium,Carbohydrates (g),Fiber,Sugar,Protein (g),"
        "Vitamin A,Vitamin C,Calcium,Iron\n"
        "2026-11-20,Breakfast,10:00 AM,40.0,0.6,0.0,0.0,0.0,0.0,0.0,0.0,0.0,5.8,0.0,0.0,1.8,"
        "0.0,0.0,0.0,0.0\n"
        "2026-11-20,Breakfast,,120.0,2.0,0.0,0.0,0.0,0.0,0.0,50.0,150.0,20.0,1.0,3.0,4.0,"
        "0.0,0.0,0.0,0.0\n"
    )
    diary = parse_diary_text(text)
    assert diary.format == "myfitnesspal"
    assert [e.text for e in diary.entries] == [
        "Breakfast at 10:00 AM (MyFitnessPal total)",
        "Breakfast (MyFitnessPal total)",
    ]


# --- OpenNutriTracker ---------------------------------------------------------------------


def test_opennutritracker_json_scales_per_100g_by_the_amount() -> None:
    entries = read_diary(DIARIES / "opennutritracker_user_intake.json").entries
    milk, oats, salmon, flapjack, yogurt = entries
    assert milk.line == 1
    assert milk.meal == "breakfast"
    assert milk.grams == 250
    assert milk.text == "Vollmilch 3,5 % Weihenstephan (250 ml)"
    assert milk.nutrients["calcium_mg"] == pytest.approx(300)
    assert milk.nutrients["vitamin_b12_ug"] == pytest.approx(1.0)
    assert salmon.nutrients["vitamin_d_ug"] == pytest.approx(13.1 * 1.5)
    assert salmon.source == "OpenNutriTracker export"
    assert salmon.item is None
    assert flapjack.nutrients["energy_kcal"] == pytest.approx(135)
    assert flapjack.nutrients["magnesium_mg"] is None
    assert flapjack.meal == "snack"
    assert yogurt.day == day(17)
    assert oats.grams == 45  # stored in grams though the person picked "serving"


def test_opennutritracker_old_off_rows_hold_grams_and_are_converted() -> None:
    oats = read_diary(DIARIES / "opennutritracker_user_intake.json").entries[1]
    # no dataVersion and source "off": minerals were stored in g per 100 g (app issue #1152)
    assert oats.nutrients["magnesium_mg"] == pytest.approx(130 * 0.45)
    assert oats.nutrients["iron_mg"] == pytest.approx(4.2 * 0.45)
    assert oats.nutrients["energy_kcal"] == pytest.approx(372 * 0.45)  # macros never were


def test_opennutritracker_csv_matches_json() -> None:
    from_json = read_diary(DIARIES / "opennutritracker_user_intake.json").entries
    from_csv = read_diary(DIARIES / "opennutritracker_user_intake.csv").entries
    assert [e.line for e in from_csv] == [2, 3, 4, 5, 6]
    for a, b in zip(from_json, from_csv, strict=True):
        assert (a.day, a.meal, a.text, a.grams) == (b.day, b.meal, b.text, b.grams)
        for key, value in a.nutrients.items():
            assert b.nutrients[key] == pytest.approx(value)


def test_export_zips_are_opened(tmp_path) -> None:
    ont = tmp_path / "opennutritracker-export.zip"
    with zipfile.ZipFile(ont, "w") as archive:
        archive.writestr("user_activity.json", "[]")
        archive.write(DIARIES / "opennutritracker_user_intake.json", "user_intake.json")
        archive.write(DIARIES / "opennutritracker_user_intake.csv", "user_intake.csv")
    assert len(read_diary(ont).entries) == 5
    mfp = tmp_path / "File-Export-2026-11-16-to-2026-11-17.zip"
    with zipfile.ZipFile(mfp, "w") as archive:
        archive.writestr("File-Export/Exercise-Summary-2026-11-16-to-2026-11-17.csv", "Date\n")
        archive.write(
            DIARIES / "myfitnesspal_nutrition_summary.csv",
            "File-Export/Nutrition-Summary-2026-11-16-to-2026-11-17.csv",
        )
    assert read_diary(mfp).format == "myfitnesspal"
    other = tmp_path / "photos.zip"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("a.jpg", b"\xff\xd8")
    with pytest.raises(DiaryError, match="expected an OpenNutriTracker export"):
        read_diary(other)


def test_opennutritracker_json_that_is_not_intakes() -> None:
    with pytest.raises(DiaryError, match="not valid"):
        parse_diary_text("[{")
    with pytest.raises(DiaryError, match="not a list of OpenNutriTracker intake records"):
        parse_diary_text("[1, 2]")


# --- encodings and bad files --------------------------------------------------------------


def test_encodings_read_the_same_words() -> None:
    for name in ("latin1.txt", "utf16_bom.txt"):
        diary = read_diary(DIARIES / name)
        assert diary.entries[0].text == "2 tbsp crème fraîche"
        assert diary.entries[0].meal == "dîner"
        assert diary.problems[-1].text == "1 café au lait"
    assert read_diary(DIARIES / "utf8_bom.csv").entries[1].text == "1 crêpe"


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252"]
)
def test_decode_round_trips(encoding) -> None:
    text = "2026-11-20\n2 tbsp crème fraîche\n“1 apple”\n"
    assert decode(text.encode(encoding)) == text


def test_binary_and_empty_files_are_refused(tmp_path) -> None:
    png = tmp_path / "diary.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    with pytest.raises(DiaryError, match="not a text file"):
        read_diary(png)
    noise = tmp_path / "noise.txt"
    noise.write_bytes(bytes(b for b in range(1, 32) if b not in (9, 10, 12, 13)) * 50)
    with pytest.raises(DiaryError, match="not a text file"):
        read_diary(noise)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(DiaryError, match=r"empty\.txt is empty"):
        read_diary(empty)
    with pytest.raises(DiaryError, match="cannot read"):
        read_diary(tmp_path / "missing.txt")


def test_unknown_format_name_lists_the_choices() -> None:
    with pytest.raises(DiaryError, match="choose one of text, csv, cronometer"):
        parse_diary_text("2026-11-20\n2 eggs\n", "excel")


# --- detection, progress, scale -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-20\n2 eggs\n", "text"),
        ("Breakfast\n2 eggs, scrambled\n", "text"),
        ("date,food,amount\n", "csv"),
        ("Date;Food;Quantity\n", "csv"),
        ("Date\tFood\n", "csv"),
        ("Date,Meal,Food,Calories\n", "csv"),  # a food column: the foods are named
        ("Day,Time,Group,Food Name,Amount,Energy (kcal)\n", "cronometer"),
        ("Date,Meal,Calories,Fat (g),Note\n", "myfitnesspal"),
        ("\ufeffDate,Meal,Time,Calories\n", "myfitnesspal"),
        ("id,date_time,type,amount,unit,meal_name,kcal_per_100g\n", "opennutritracker"),
        ('[{"dateTime": "2026-11-20T08:00:00.000"}]', "opennutritracker"),
    ],
)
def test_detect_format(text, expected) -> None:
    assert detect_format(text) == expected
    assert expected in FORMATS


def test_progress_is_reported_up_to_the_total() -> None:
    calls: list[tuple[int, int]] = []
    text = "2026-11-20\n" + "2 eggs\n" * 5000
    parse_diary_text(text, on_progress=lambda done, total: calls.append((done, total)))
    assert calls[-1] == (5002, 5002)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    assert len(calls) > 2


def generated_diary(days: int) -> str:
    """A realistic long diary: 40 everyday foods in varied amounts, 8 items a day."""
    foods = everyday_foods()
    out = []
    start = datetime.date(2020, 1, 1)
    for i in range(days):
        out.append((start + datetime.timedelta(days=i)).isoformat())
        out.append("Breakfast:" if i % 2 else "Lunch")
        for j in range(8):
            food = foods[(i * 7 + j * 5) % len(foods)]
            out.append(f"{(i + j) % 6 * 25 + 50} g {food}")
    return "\n".join(out) + "\n"


def test_a_long_diary_is_read_whole() -> None:
    """Every day and line of a long diary; its speed is measured by bench/diary_bench.py."""
    diary = parse_diary_text(generated_diary(500))
    assert len(diary.entries) == 4_000
    assert {p.kind for p in diary.problems} <= {"uncertain"}
    assert len(diary.days) == 500
    assert diary.days[-1] - diary.days[0] == datetime.timedelta(days=499)


# --- properties ---------------------------------------------------------------------------


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=80))
def test_date_parser_never_crashes(text) -> None:
    """Any text is a date, not a date (None), or a DiaryError; never another exception."""
    with contextlib.suppress(DiaryError):
        parts = parse_date(text)
        if parts is not None:
            assert isinstance(DateReader(2026).read(parts, text), datetime.date)


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=datetime.date(1950, 1, 1), max_value=datetime.date(2150, 12, 31)))
def test_every_written_form_reads_back(d) -> None:
    forms = [
        d.isoformat(),
        f"{d.day} {d:%b %Y}",
        f"{d:%A} {d.day} {d:%B %Y}",
        f"{d:%a}, {d:%b} {d.day}, {d.year}",
        f"{d.day}/{d.month}/{d.year}" if d.day > 12 or d.day == d.month else d.isoformat(),
        f"{d:%a} {d.day}/{d.month}/{d.year}" if d.day > 12 or d.day == d.month else d.isoformat(),
        f"{d:%a} {d.isoformat()}",
    ]
    for form in forms:
        parts = parse_date(form)
        assert parts is not None, form
        assert DateReader().read(parts, form) == d


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_decode_refuses_or_returns_text(data) -> None:
    with contextlib.suppress(DiaryError):
        assert isinstance(decode(data), str)


# --- hostile and careless input: missing values, impossible values, bounds ---------------

HOSTILE = DIARIES / "hostile"


def test_an_export_without_micronutrient_columns_leaves_them_unknown() -> None:
    diary = read_diary(HOSTILE / "mfp_no_micros.csv")
    assert diary.format == "myfitnesspal"
    assert len(diary.entries) == 6
    for entry in diary.entries:
        assert entry.nutrients["energy_kcal"] is not None
        for key in ("magnesium_mg", "calcium_mg", "vitamin_d_ug", "potassium_mg", "vitamin_b12_ug"):
            assert entry.nutrients[key] is None, key


@pytest.mark.parametrize("cell", ["", "-", "--", "n/a", "N/A", "NaN", "nan", "null", " "])
def test_missing_markers_are_unknown_not_zero(cell) -> None:
    text = (
        f"Day,Food Name,Amount,Energy (kcal),Magnesium (mg)\n2026-11-20,Rice,100.00 g,130,{cell}\n"
    )
    entry = parse_diary_text(text).entries[0]
    assert entry.nutrients["magnesium_mg"] is None
    assert entry.nutrients["energy_kcal"] == 130


def test_bad_export_cells_leave_their_rows_out_and_name_them() -> None:
    diary = read_diary(HOSTILE / "cronometer_bad_values.csv")
    assert [e.line for e in diary.entries] == [2, 4, 9]
    coffee = by_line(diary)[4]  # nan, NaN, n/a, - and blank: all unknown
    assert all(v is None for v in coffee.nutrients.values())
    messages = {p.line: p.message for p in line_problems(diary)}
    assert "cannot be negative" in messages[3]
    assert "'calcium (mg)' holds 'inf'" in messages[5]
    assert "5 kg limit" in messages[6]
    assert "vitamin D 250,000 µg in one line" in messages[7]  # 10 million IU
    assert "'energy (kcal)' holds 'lots'" in messages[8]
    assert "cut short" in messages[10]  # the file ends in the middle of a row
    assert all(p.kind == "invalid" for p in line_problems(diary))


def test_json_nan_is_missing_and_infinity_or_negative_is_left_out() -> None:
    diary = read_diary(HOSTILE / "ont_nan_infinity.json")
    assert [e.line for e in diary.entries] == [1]
    milk = diary.entries[0]
    assert milk.nutrients["calcium_mg"] is None
    assert milk.nutrients["magnesium_mg"] == pytest.approx(27.5)
    assert [p.line for p in line_problems(diary)] == [2, 3, 4]
    json.dumps(diary.to_dict(), allow_nan=False)


def test_an_impossible_day_is_left_out_and_an_unusual_one_flagged() -> None:
    diary = read_diary(HOSTILE / "absurd_days.txt")
    assert diary.days == (day(17), day(18))
    problems = {p.line: p for p in diary.problems}
    assert problems[2].kind == "invalid"
    assert "57,954 kcal (lines 2-7), more than any day can hold" in problems[2].message
    assert problems[9].kind == "unusual"
    assert "6,479 kcal" in problems[9].message
    assert 9 in by_line(diary)  # kept: 6,000 kcal is possible


def test_a_line_above_a_whole_days_limit_is_left_out() -> None:
    text = "Day,Food Name,Amount,Energy (kcal),Caffeine (mg)\n2026-11-20,Coffee,1 cup,2,25000\n"
    diary = parse_diary_text(text)
    assert not diary.entries
    assert "caffeine 25,000 mg in one line" in diary.problems[0].message


def test_a_day_with_too_many_items_is_left_out_with_its_lines() -> None:
    text = "2026-11-20\n" + "1 apple\n" * 301 + "2026-11-21\n2 eggs\n"
    diary = read(text)
    assert diary.days == (day(21),)
    assert "301 items (lines 2-302)" in diary.problems[0].message
    assert "date heading missing" in diary.problems[0].message


def test_a_low_energy_day_is_flagged_but_counted() -> None:
    diary = read("2026-11-20\n1 apple\n")
    assert len(diary.entries) == 1
    assert [(p.line, p.kind) for p in diary.problems] == [(2, "unusual")]
    assert "partly recorded" in diary.problems[0].message


def test_dates_far_apart_are_refused_naming_both() -> None:
    with pytest.raises(DiaryError, match=r"1962-11-17 \(line 3\) to 2026-11-18 \(line 4\)"):
        read_diary(HOSTILE / "span_typo.csv")


@pytest.mark.parametrize("year", [0, -5, 1899, 2201, 10**12])
def test_a_year_option_out_of_range_is_refused(year) -> None:
    with pytest.raises(DiaryError, match=r"--year: the year .* from 1900 to 2200"):
        parse_diary_text("Nov 20\n2 eggs\n", year=year)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1899-12-31\n2 eggs\n", "year 1899 is out of range"),
        ("Mon 1 Jan 1900\n2 eggs\nDec 31\n1 apple\n", "year 1899 is out of range"),
        ("0000-00-00\n2 eggs\n", "no month 0"),
        ("9999-12-31\n2 eggs\n", "year 9999 is out of range"),
    ],
)
def test_years_outside_the_range_are_refused(text, message) -> None:
    with pytest.raises(DiaryError, match=message):
        parse_diary_text(text)


def test_markup_in_food_names_is_kept_as_text() -> None:
    diary = read_diary(HOSTILE / "markup.txt")
    texts = [e.text for e in diary.entries] + [p.text for p in diary.problems]
    assert "[skim] milk, 1 cup" in texts
    assert "[/bold] 2 eggs" in texts
    assert "\x1b[31m1 banana\x1b[0m" in texts  # terminal codes do not make a file binary
    assert diary.entries[0].meal == "[bold]breakfast[/bold]"


def test_a_stray_zero_byte_and_cut_utf16_are_refused_naming_the_byte() -> None:
    with pytest.raises(DiaryError, match="zero byte at byte 23"):
        read_diary(HOSTILE / "nul_byte.txt")
    with pytest.raises(DiaryError, match="byte 34 is not valid UTF-16"):
        read_diary(HOSTILE / "utf16_truncated.txt")


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(10_000_001)  # sparse: costs no disk
    with pytest.raises(DiaryError, match=r"too large .*10,000,001 bytes.* at most 10,000,000"):
        read_diary(big)
    with pytest.raises(DiaryError, match="too large"):
        read_diary(Path("/dev/zero"))  # no size to check: the read stops one byte past
    with pytest.raises(DiaryError, match="is a folder"):
        read_diary(tmp_path)


def test_a_zip_member_over_the_size_limit_or_damaged_is_refused(tmp_path) -> None:
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("user_intake.json", b"[" + b" " * 10_000_001 + b"]")
    assert bomb.stat().st_size < 100_000
    with pytest.raises(DiaryError, match=r"user_intake.json in bomb.zip is too large"):
        read_diary(bomb)
    cut = tmp_path / "cut.zip"
    with zipfile.ZipFile(cut, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(DIARIES / "opennutritracker_user_intake.json", "user_intake.json")
    cut.write_bytes(cut.read_bytes()[:200])
    with pytest.raises(DiaryError, match="cannot be opened"):
        read_diary(cut)


def test_more_lines_than_the_limit_are_refused_before_any_lookup(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_lookup(*_: object, **__: object) -> None:
        raise AssertionError("a food was looked up in a file that is refused by its size")

    monkeypatch.setattr("twitchcheck.diary._model.resolve_cached", no_lookup)
    with pytest.raises(DiaryError, match=r"200,001 lines; at most 200,000"):
        parse_diary_text("2026-11-20\n2 eggs\n" + "\n" * 199_999)


def test_a_huge_line_is_left_out_and_the_rest_read() -> None:
    text = "2026-11-20\n2 eggs\n" + " " * 5_000_000 + "x\n1 cup milk\n"
    diary = read(text)
    assert [e.line for e in diary.entries] == [2, 4]
    problem = line_problems(diary)[0]
    assert problem.line == 3
    assert "5,000,001 characters long" in problem.message
    assert len(problem.text) <= 200  # never the whole line back


def test_an_unclosed_quote_past_the_csv_field_limit_names_it() -> None:
    text = 'date,food\n2026-11-20,2 eggs\n2026-11-20,"' + "a" * 200_000 + "\n"
    with pytest.raises(DiaryError, match=r"line 3: a cell is longer than 131,072 characters"):
        read(text)


@pytest.mark.parametrize("depth", [65, 10_000, 200_000])
def test_deeply_nested_json_is_refused_not_a_recursion_error(depth) -> None:
    with pytest.raises(DiaryError, match="nested more than 64 levels"):
        parse_diary_text("[" * depth + "]" * depth)


def test_a_huge_json_number_is_refused() -> None:
    with pytest.raises(DiaryError, match="number that cannot be read"):
        parse_diary_text('[{"dateTime": "2026-11-20", "amount": ' + "9" * 5000 + "}]")
    big = '[{"dateTime": "2026-11-20", "amount": 1e999, "meal": {"name": "x"}}]'
    assert "not an amount" in parse_diary_text(big).problems[0].message


def test_json_that_is_not_an_export_says_so() -> None:
    with pytest.raises(DiaryError, match=r"not an OpenNutriTracker export.*keys found: age, sex"):
        parse_diary_text('{"age": 40, "sex": "female"}')


def test_many_different_food_lines_are_refused(monkeypatch) -> None:
    monkeypatch.setattr("twitchcheck.diary._model.cap", lambda name: 3)
    with pytest.raises(
        DiaryError, match=r"more than 3 different food lines \(the last at line 5\)"
    ):
        read("2026-11-20\n1 apple\n2 apples\n3 apples\n4 apples\n")


def test_many_lines_that_match_nothing_are_refused(monkeypatch) -> None:
    limits = {"diary.unmatched_lines": 2, "diary.distinct_foods": 5000, "diary.span_days": 3660}
    monkeypatch.setattr("twitchcheck.diary._model.cap", lambda name: limits[name])
    text = "2026-11-20\nqxzvb\n1 apple\nwqpzk\nzzxqj\n"
    with pytest.raises(
        DiaryError, match=r"more than 2 different lines match no food \(lines 2, 4, 5"
    ):
        read(text)
    foods = "".join(f"{n} apples\n{n} eggs\n" for n in range(2, 5))  # mostly foods: read on
    diary = read("2026-11-20\n" + foods + text.split("\n", 1)[1])
    assert [p.kind for p in diary.problems].count("unmatched") == 3


def test_day_names_without_dates_in_a_table_are_refused() -> None:
    with pytest.raises(DiaryError, match=r"line 2: 'date' holds 'Monday', which is not a date"):
        read("date,food\nMonday,2 eggs\n")


# --- properties: any content gives a diary or a documented error, strict JSON, no NaN ----

TABLE_HEADERS = {
    "csv": "date,meal,food,amount,grams",
    "cronometer": "Day,Group,Food Name,Amount,Energy (kcal),Magnesium (mg),Vitamin D (IU)",
    "myfitnesspal": "Date,Meal,Calories,Fat (g),Potassium,Fiber",
    "opennutritracker": "date_time,type,amount,unit,meal_name,kcal_per_100g,magnesium_per_100g",
}
_CELLS = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["", "nan", "inf", "-inf", "-5", "1e999", "1,020.5", "2026-11-20", "n/a"]),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.dates(min_value=datetime.date(1890, 1, 1)).map(str),
)


def assert_sound(diary: Diary) -> None:
    """A diary read from anything: strict JSON, only finite non-negative numbers."""
    json.dumps(diary.to_dict(), allow_nan=False)
    for entry in diary.entries:
        for value in entry.nutrients.values():
            assert value is None or (value >= 0 and value == value), entry


def read_any(text: str, fmt: str | None) -> None:
    try:
        diary = parse_diary_text(text, fmt, year=2026, today=datetime.date(2026, 12, 1))
    except InputError:  # DiaryError, or a phrase's own error from resolve
        return
    assert_sound(diary)


@settings(max_examples=60, deadline=None)
@given(
    fmt=st.sampled_from(sorted(TABLE_HEADERS)),
    rows=st.lists(st.lists(_CELLS, max_size=8), max_size=4),
)
def test_any_table_rows_give_a_diary_or_a_documented_error(fmt, rows) -> None:
    lines = [TABLE_HEADERS[fmt], *(",".join(c.replace(",", ";") for c in row) for row in rows)]
    with_stub(lambda: read_any("\n".join(lines) + "\n", fmt))


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300), st.sampled_from([None, *FORMATS]))
def test_any_text_in_any_format_gives_a_diary_or_a_documented_error(text, fmt) -> None:
    with_stub(lambda: read_any(text, fmt))


_JSON = st.recursive(
    st.none() | st.booleans() | st.floats() | st.integers() | st.text(max_size=10),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=12,
)
_INTAKE = st.fixed_dictionaries(
    {"dateTime": st.one_of(st.just("2026-11-20T08:00:00"), _JSON), "amount": _JSON,
     "type": _JSON, "meal": st.one_of(_JSON, st.fixed_dictionaries(
         {"name": _JSON, "source": _JSON, "nutriments": st.dictionaries(
             st.sampled_from(["energyKcal100", "magnesium100", "vitaminD100"]), _JSON)}))}
)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.one_of(_JSON, st.lists(_INTAKE, max_size=4)))
def test_any_json_gives_a_diary_or_a_documented_error(value) -> None:
    text = json.dumps(value)  # NaN and Infinity tokens included, as Python writes them
    read_any(text if text[:1] in "[{" else f"[{text}]", "opennutritracker")


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_in_a_file_give_a_diary_or_a_documented_error(data) -> None:
    try:
        text = decode(data)
    except DiaryError:
        return
    with_stub(lambda: read_any(text, None))


def with_stub(check) -> None:
    """Run `check` with the food search answering at once (the search has its own fuzz tests;
    here the readers are under test, and every line is resolved, or refused, all the same)."""
    from unittest import mock

    from twitchcheck.errors import UnknownFoodError
    from twitchcheck.foods.phrases import resolve

    egg = resolve("2 eggs")

    def fake(phrase: str, region: str | None = None):
        return (egg,) if len(phrase) % 2 else UnknownFoodError(phrase[:40])

    with mock.patch("twitchcheck.diary._model.resolve_cached", fake):
        check()


@settings(max_examples=15, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=30), min_size=1, max_size=3))
def test_any_food_lines_with_the_real_search(lines) -> None:
    """A few examples end to end, through the real food search."""
    read_any("2026-11-20\n" + "\n".join(lines) + "\n", "text")


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ("[" * 2_000_000, "opennutritracker"),
        ('"' * 2_000_000, "csv"),
        ("date,food\n" + "2026-11-20," + "9" * 5_000_000 + "\n", "csv"),
        ("Date,Meal,Calories\n2026-11-20,Lunch," + "1" * 5_000_000 + "\n", "myfitnesspal"),
        ("2026-11-20\n" + "a #" * 1_500_000 + "\n", "text"),
        ("2026-11-20\n" + " \t" * 2_500_000 + "#\n", "text"),
        ("2026-11-20\n" + "=" * 5_000_000 + " 2026-11-21 =\n", "text"),
    ],
    ids=["deep-json", "quotes", "digits-cell", "digits-number", "comments", "spaces", "decorated"],
)
def test_pathological_single_inputs_finish_quickly(text, fmt) -> None:
    start = time.perf_counter()
    with_stub(lambda: read_any(text, fmt))
    assert time.perf_counter() - start < HANG_BOUND


def test_a_file_name_too_long_for_the_system_is_a_diary_error() -> None:
    with pytest.raises(DiaryError, match=r"cannot read x+…: File name too long"):
        read_diary(Path("x" * 5000))


# --- Times and meals written on a line (issue 11) ---------------------------------------


@pytest.mark.parametrize(
    ("text", "time", "meal", "rest"),
    [
        ("08:00 latte", "08:00", None, "latte"),
        ("7.30am porridge", "07:30", None, "porridge"),
        ("7:45 pm", "19:45", None, ""),
        ("14h30", "14:30", None, ""),
        ("7am toast", "07:00", None, "toast"),
        ("12pm sandwich", "12:00", None, "sandwich"),
        ("12am milk", "00:00", None, "milk"),
        ("10:30 - 2 eggs", "10:30", None, "2 eggs"),
        ("noon Hungry-Man fried chicken dinner", "12:00", None, "Hungry-Man fried chicken dinner"),
        ("Midnight - toast", "00:00", None, "toast"),
        ("midday: soup", "12:00", None, "soup"),
        ("noodles", None, None, "noodles"),  # a word that starts like a named time is food
        ("lunch: soup", None, "lunch", "soup"),
        ("Breakfast - eggs", None, "breakfast", "eggs"),
        ("snack) crisps", None, "snack", "crisps"),
        ("08:00 breakfast: porridge", "08:00", "breakfast", "porridge"),
        ("Dinner - 19:30 - pasta", "19:30", "dinner", "pasta"),
        # amounts are never times, and meal words without a separator are food
        ("2 eggs", None, None, "2 eggs"),
        ("1.25 cups rice", None, None, "1.25 cups rice"),
        ("1.5 cups milk", None, None, "1.5 cups milk"),
        ("250 g rice", None, None, "250 g rice"),
        ("3 oz ham", None, None, "3 oz ham"),
        ("snack bar", None, None, "snack bar"),
        ("25:00 tea", None, None, "25:00 tea"),
        ("7:75 tea", None, None, "7:75 tea"),
        ("13pm tea", None, None, "13pm tea"),
    ],
)
def test_lead_time_and_meal(text: str, time: str | None, meal: str | None, rest: str) -> None:
    from twitchcheck.when import lead

    found = lead(text)
    assert (found.time, found.meal, found.rest) == (time, meal, rest)


def test_times_and_meals_on_lines_are_kept_on_entries() -> None:
    diary = read(
        "2026-11-16\n08:00 1 cup coffee\n7.30am 2 eggs\nlunch: 1 medium banana\n"
        "7:45 pm\n1 cup milk\nDinner - 2 eggs\n2 eggs\n"
    )
    entries = by_line(diary)
    assert (entries[2].time, entries[2].meal, entries[2].text) == ("08:00", None, "1 cup coffee")
    assert (entries[3].time, entries[3].grams) == ("07:30", pytest.approx(entries[8].grams))
    assert (entries[4].time, entries[4].meal) == (None, "lunch")
    assert (entries[6].time, entries[6].meal) == ("19:45", "lunch")  # a time heading
    assert (entries[7].time, entries[7].meal) == (None, "dinner")  # a meal resets the time
    assert entries[8].meal == "dinner"
    assert entries[2].to_dict()["time"] == "08:00"
    assert not line_problems(diary)


def test_a_number_that_is_an_amount_is_not_a_time() -> None:
    diary = read("2026-11-16\n2 eggs\n1.5 cups milk\n")
    assert all(entry.time is None for entry in diary.entries)
    one = by_line(read("2026-11-16\n1 egg\n"))[2].grams
    assert by_line(diary)[2].grams == pytest.approx(2 * (one or 0))


def test_csv_food_cell_with_a_time() -> None:
    diary = read("date,food\n2026-11-16,08:00 1 cup coffee\n2026-11-16,lunch: 2 eggs\n")
    entries = by_line(diary)
    assert entries[2].time == "08:00"
    assert entries[2].item is not None
    assert entries[3].meal == "lunch"


# --- Region: day-month order and phrase resolution ----------------------------------------


def test_region_settles_day_month_order() -> None:
    text = "03/04/2026\n2 eggs\n"
    assert read(text, region="uk").days == (datetime.date(2026, 4, 3),)
    assert read(text, region="us").days == (datetime.date(2026, 3, 4),)
    with pytest.raises(DiaryError, match="could be"):
        read(text)  # no region, no --day-first: refused as ambiguous
    with pytest.raises(DiaryError, match="could be"):
        read(text, region="ca")  # both orders in use
    # an explicit day_first wins over the region
    assert read(text, region="us", day_first=True).days == (datetime.date(2026, 4, 3),)


def test_region_is_passed_to_phrase_resolution(monkeypatch: pytest.MonkeyPatch) -> None:
    from twitchcheck.diary import _model

    seen: list[str | None] = []
    real = _model.resolve_line

    def spy(phrase: str, region: str | None = None) -> Line:
        seen.append(region)
        return real(phrase)

    monkeypatch.setattr(_model, "resolve_line", spy)
    monkeypatch.setattr(_model, "_CACHE", {})
    diary = read("2026-11-16\n2 eggs\n", region="uk")
    assert seen == ["uk"]
    assert diary.region == "uk"
    assert diary.to_dict()["region"] == "uk"


def test_resolve_results_that_are_several_items_become_several_entries(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from twitchcheck.diary import _model

    real = _model.resolve_line

    def split(phrase: str, region: str | None = None) -> Line:
        parts = real("1 slice toast").items + real("1 tbsp peanut butter").items
        return Line(phrase, parts)

    monkeypatch.setattr(_model, "resolve_line", split)
    monkeypatch.setattr(_model, "_CACHE", {})
    diary = read("2026-11-16\ntoast with peanut butter\n")
    assert [e.line for e in diary.entries] == [2, 2]


def test_needs_detail_items_are_a_problem_not_an_entry(monkeypatch: pytest.MonkeyPatch) -> None:
    import dataclasses

    from twitchcheck.diary import _model

    real = _model.resolve_line

    def vague(phrase: str, region: str | None = None) -> Line:
        egg = real("1 egg").items[0]
        note = "'leftovers' names no food"
        return Line(phrase, (dataclasses.replace(egg, how="needs_detail", note=note),))

    monkeypatch.setattr(_model, "resolve_line", vague)
    monkeypatch.setattr(_model, "_CACHE", {})
    diary = read("2026-11-16\nleftovers\n2 eggs\n")
    assert not diary.entries
    assert [(p.line, p.kind) for p in diary.problems if p.kind == "needs_detail"] == [
        (2, "needs_detail"),
        (3, "needs_detail"),
    ]
    assert "names no food" in diary.problems[0].message


def test_pints_follow_the_region_and_ireland_uses_the_imperial_pint() -> None:
    text = "2026-11-16\n1 pint milk\n"
    uk, us, ie = (read(text, region=r).entries[0].grams or 0 for r in ("uk", "us", "ie"))
    assert uk > us * 1.15  # 568 ml against 473 ml
    assert ie == pytest.approx(uk)
    assert read(text, region="au").region == "au"


def test_a_line_naming_no_food_needs_detail() -> None:
    diary = read("2026-11-16\nleftovers\n2 eggs\n")
    assert [p.kind for p in diary.problems if p.line == 2] == ["needs_detail"]
    assert [e.line for e in diary.entries] == [3]


def test_a_meal_named_with_where_it_was_eaten_is_still_the_meal() -> None:
    from twitchcheck.when import lead

    assert lead("Lunch out - club sandwich").meal == "lunch"
    assert lead("dinner at work: pasta").meal == "dinner"
    assert lead("afternoon: banana").meal == "afternoon"
    assert lead("out of date milk").meal is None


def test_a_line_not_counted_keeps_when_it_was_eaten() -> None:
    diary = read("2026-11-20\n08:15 qqxzv\nlunch: leftovers\n22:00 1 cup milk\n")
    kept = {(p.line, p.kind): (p.meal, p.time) for p in diary.problems}
    assert kept[(2, "unmatched")] == (None, "08:15")
    assert kept[(3, "needs_detail")] == ("lunch", None)
    first = next(p for p in diary.problems if p.line == 2)
    assert first.to_dict()["time"] == "08:15"


def test_own_foods_and_corrections_are_read_before_the_database() -> None:
    from twitchcheck.diary import OwnFoods

    own = OwnFoods.of(
        {"My Porridge": ["40 g oats", "250 ml oat milk"]}, {"brekkie": "fndds:56202960"}
    )
    text = "2026-11-20\nmy  porridge\n2 my porridge\n2 cups brekkie\n200 g my porridge\n"
    diary = parse_diary_text(text, own=own)
    by_line: dict[int, list[float]] = {}
    for entry in diary.entries:
        by_line.setdefault(entry.line, []).append(entry.grams or 0)
    assert by_line[2] == pytest.approx([40, by_line[2][1]])  # the recipe's own lines
    assert [g * 2 for g in by_line[2]] == pytest.approx(by_line[3])  # "2 my porridge": twice
    (picked,) = (e for e in diary.entries if e.line == 4)
    assert picked.item is not None
    assert picked.item.food.id == "fndds:56202960"  # the wording's remembered food
    assert all(e.how == "split" for e in diary.entries if e.line in (2, 3))
    assert len(by_line[5]) == 1  # a weight of a recipe is not read as its lines: searched


def test_without_own_foods_a_name_is_only_searched() -> None:
    diary = parse_diary_text("2026-11-20\nbrekkie\n")
    assert all(e.item is None or e.item.food.id != "fndds:56202960" for e in diary.entries)


def test_a_british_diary_writes_times_with_a_point() -> None:
    text = "2026-11-16\n7.30 cup of tea\n1.25 cups milk\n"
    uk = read(text, region="uk")
    tea, milk = uk.entries
    assert tea.time == "07:30"
    assert (tea.grams or 0) < 400  # a cup, not 7.3 cups
    assert milk.time is None
    assert (milk.grams or 0) > 280  # 1.25 cups
    us = read(text, region="us")
    assert us.entries[0].time is None  # American diaries write 7:30


def test_an_early_british_time_is_one_set_off_from_the_food() -> None:
    # a fisherman's "4.30 - toast": before 5.00 only a mark tells a time from an amount
    diary = read("2026-11-16\n4.30 - 2 slices toast\n2.50 pints milk\n", region="uk")
    toast, milk = diary.entries
    assert toast.time == "04:30"
    assert 40 < (toast.grams or 0) < 100  # two slices, not 4.3
    assert milk.time is None
    assert (milk.grams or 0) > 1000  # two and a half pints


def test_a_meal_with_its_dash_glued_heads_the_line() -> None:
    from twitchcheck.when import lead

    assert lead("Dinner- soup") == lead("Dinner - soup") == lead("dinner -soup")
    assert lead("Dinner- soup").meal == "dinner"
    assert lead("semi-skimmed milk").meal is None  # a dash inside a word is no separator


def test_a_line_of_several_foods_is_not_lost_for_one_that_matches_no_food() -> None:
    diary = parse_diary_text("2026-11-20\ntoast, xyzzy\n", "text")
    (entry,) = diary.entries
    assert entry.item is not None
    assert entry.item.food.name.startswith("Bread")
    (problem,) = [p for p in diary.problems if p.kind == "uncertain"]
    assert "'xyzzy' matched no food and is not counted" in problem.message


def test_a_line_whose_foods_all_match_nothing_is_still_unmatched() -> None:
    diary = parse_diary_text("2026-11-20\nxyzzy and plugh\n", "text")
    assert not diary.entries
    assert [p.kind for p in diary.problems] == ["unmatched"]


@pytest.mark.parametrize("note", ["slept 5 hrs, on call", "slept well, nearly 8 hours"])
def test_a_note_is_not_guessed_into_food_from_one_of_its_words(note: str) -> None:
    diary = parse_diary_text(f"2026-11-20\n{note}\n", "text")
    assert not diary.entries
    assert [p.kind for p in diary.problems] in (["unmatched"], ["needs_detail"])
