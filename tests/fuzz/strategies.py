"""Hypothesis strategies for what people type: words, amounts, phrases, labs, ages, options."""

from __future__ import annotations

import json
import math
from typing import Any

from fuzzkit import STRINGS
from hypothesis import strategies as st

# Text a shell can pass: no NUL (argv cannot hold one) and no lone surrogates (argv that is
# not UTF-8 is tried separately, in a real process: tests/fuzz/test_fuzz_big.py).
CHARS = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
free_text = st.text(CHARS, max_size=40)
hostile = st.sampled_from(STRINGS["text"])
text = st.one_of(hostile, free_text, st.builds("".join, st.lists(hostile | free_text, max_size=3)))

FOODS = [
    "eggs", "egg", "milk", "skim milk", "rice", "cooked rice", "butter", "almonds", "banana",
    "coffee", "toast with butter", "oatmeal", "salmon", "spinach", "chicken breast", "cheese",
    "a handful of almonds", "milk 3.25%", "2% milk", "bread", "yogurt", "tofu", "water", "beer",
]  # fmt: skip
UNITS = [
    "", "g", "kg", "mg", "µg", "ug", "mcg", "IU", "oz", "lb", "cup", "cups", "tbsp", "tsp", "ml",
    "l", "pint", "pints", "slice", "slices", "handful", "bowl", "glass", "can", "piece", "%",
    "servings", "x", "times",
]  # fmt: skip
WORD_NUMBERS = ["a", "an", "one", "two", "half a", "a dozen", "one million", "a billion", "zero"]


def _number_text(value: float) -> str:
    return repr(value) if not math.isfinite(value) else f"{value:g}"


number = st.one_of(
    st.sampled_from(STRINGS["numbers"]),
    st.sampled_from(WORD_NUMBERS),
    st.integers(-(10**30), 10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(_number_text),
    st.fractions(max_denominator=16).map(str),
)
food = st.one_of(st.sampled_from(FOODS), text)
unit = st.one_of(st.sampled_from(UNITS), text)


@st.composite
def phrase(draw: st.DrawFn) -> str:
    """A food as typed: amount, unit and food in some order, hostile bits anywhere."""
    parts = [draw(number), draw(unit), draw(food)]
    if draw(st.booleans()):
        parts = [parts[2], parts[0], parts[1]]
    if draw(st.booleans()):
        parts.insert(draw(st.integers(0, len(parts))), draw(hostile))
    joiner = draw(st.sampled_from([" ", "", "  ", "\t", " of ", ", ", " with ", " and "]))
    return joiner.join(parts)


phrases = st.one_of(phrase(), text, st.sampled_from(FOODS))

# Lines built the way the line reader reads them (parts, each maybe left out, measured,
# placed or sized, joined as people join foods, under a meal or a time), from foods and its
# own words: they reach its rarer branches ("no ham, no cheese" named only what was left out,
# and once raised an IndexError).
_BEFORE = ["", "no ", "without ", "hold the ", "2 ", "half a ", "a bowl of ", "leftover ", "had "]
_AFTER = ["", " x2", " (mum made)", " on the side", ", large", " from the pub", " - 2 slices"]
_JOINS = [", ", " and ", " with ", " & ", " + ", " w/ ", " on ", " or ", " / "]
_LEADS = ["", "lunch: ", "08:00 ", "snack - ", "the rest of "]
_WORDS = [*FOODS, "tea", "toast", "chips", "some snacks", "it", "stuff", "latte", "sauce"]


@st.composite
def reader_line(draw: st.DrawFn) -> str:
    pick = st.sampled_from
    parts = [
        draw(pick(_BEFORE)) + draw(pick(_WORDS)) + draw(pick(_AFTER))
        for _ in range(draw(st.integers(1, 4)))
    ]
    joined = parts[0]
    for part in parts[1:]:
        joined += draw(st.sampled_from(_JOINS)) + part
    return draw(st.sampled_from(_LEADS)) + joined


reader_lines = reader_line()

ANALYTES = [
    "magnesium", "Mg", "calcium", "Ca", "ionised calcium", "ionized calcium", "25-OH vitamin D",
    "vitamin D", "potassium", "K", "B12", "vitamin B12", "albumin", "methylmalonic acid", "MMA",
    "homocysteine", "sodium", "glucose",
]  # fmt: skip
LAB_UNITS = [
    "mg/dL", "mmol/L", "mEq/L", "nmol/L", "ng/mL", "pg/mL", "pmol/L", "g/dL", "g/L", "µmol/L",
    "umol/L", "%", "", "IU", "mg", "furlongs",
]  # fmt: skip


@st.composite
def lab(draw: st.DrawFn) -> str:
    parts = [
        draw(st.sampled_from(ANALYTES) | text),
        draw(number),
        draw(st.sampled_from(LAB_UNITS) | text),
    ]
    if draw(st.booleans()):
        parts = draw(st.permutations(parts))
    return " ".join(parts)


labs = st.one_of(lab(), st.sampled_from(STRINGS["labs"]), text)
ages = st.one_of(
    st.sampled_from(STRINGS["ages"]),
    number,
    st.integers(-5, 130).map(str),
    st.integers(-3, 30).map(lambda m: f"{m}m"),
    text,
)
sexes = st.sampled_from(["female", "male", "Female", "MALE", "f", "m", "other", "", "[/bold]"])
sexes = sexes | text
REGIONS = ["uk", "us", "ie", "eu", "au", "nz", "ca", "in", "UK", "gb", "xx", "", "[/bold]"]
regions = st.sampled_from(REGIONS) | text
NUTRIENTS = ["magnesium", "calcium", "vitamin D", "potassium", "B12", "iron", "vitamin_d_ug"]
gaps = st.lists(st.sampled_from(NUTRIENTS) | text, max_size=4).map(",".join)
SUPPLEMENT_NAMES = ["magnesium citrate", "vitamin D", "vitamin D3", "B12", "calcium", "potassium"]


@st.composite
def supplement(draw: st.DrawFn) -> str:
    dose = draw(st.sampled_from([" daily", " once", " a week", "", " twice a day"]) | text)
    name = draw(st.sampled_from(SUPPLEMENT_NAMES) | text)
    return f"{name} {draw(number)} {draw(st.sampled_from(UNITS))}{dose}"


supplements = st.one_of(supplement(), text)
MEDICINES = ["lasix", "furosemide 40mg", "HCTZ", "lisinopril", "spironolactone", "metformin"]
medicines = st.sampled_from(MEDICINES) | text
CONDITIONS = ["kidney disease stage 3", "thyroidectomy 2 weeks ago", "diabetes", "pregnancy"]
conditions = st.sampled_from(CONDITIONS) | text

# --- JSON for --answers ------------------------------------------------------------------------

json_numbers = st.one_of(
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0, -1, 1e308, -1e308, 5e-324, 2**63, 10**400]),
)
json_scalars = st.one_of(st.none(), st.booleans(), json_numbers, text)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(text, inner, max_size=4),
    max_leaves=12,
)
SYMPTOMS = [
    "twitching", "cramps", "spasms", "night_time", "eyelid_twitching", "calf_cramps",
    "numbness_tingling", "weakness", "seizures", "chest_pain", "tetany_carpopedal_spasm",
    "difficulty_breathing", "fainting", "muscle_wasting",
]  # fmt: skip


def _field(good: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Mostly a plausible value, sometimes any JSON at all."""
    return st.one_of(good, good, json_values)


def _number_field(low: float, high: float) -> st.SearchStrategy[Any]:
    return _field(st.floats(low, high) | json_numbers)


lifestyle = st.fixed_dictionaries(
    {},
    optional={
        "caffeine_mg_per_day": _number_field(0, 5000),
        "coffee_cups_per_day": _number_field(0, 40),
        "tea_cups_per_day": _number_field(0, 40),
        "cola_cans_per_day": _number_field(0, 30),
        "energy_drinks_per_day": _number_field(0, 20),
        "alcohol_drinks_per_week": _number_field(0, 300),
        "nicotine": _field(st.booleans()),
        "nitrous_oxide": _field(st.booleans()),
        "exercise": _field(st.sampled_from(["none", "moderate", "intense"])),
        "fluids_l_per_day": _number_field(0, 20),
        "stress": _field(st.sampled_from(["low", "moderate", "high"])),
        "sleep_hours": _number_field(0, 24),
    },
)
course = st.fixed_dictionaries(
    {},
    optional={
        "since_weeks": _number_field(0, 5200),
        "where": _field(st.lists(text | st.sampled_from(["calf", "feet", "eyelid"]), max_size=3)),
        "spreading": _field(st.booleans()),
        "sides": _field(st.sampled_from(["one", "both"])),
    },
)
answers = st.fixed_dictionaries(
    {
        "age": _number_field(0, 120),
        "sex": _field(st.sampled_from(["female", "male"])),
    },
    optional={
        "pregnant": _field(st.booleans()),
        "lactating": _field(st.booleans()),
        "symptoms": _field(st.lists(st.sampled_from(SYMPTOMS) | text, max_size=5)),
        "twitch": _field(
            st.fixed_dictionaries(
                {},
                optional={
                    "where": st.lists(text, max_size=3),
                    "since_weeks": _number_field(0, 5200),
                    "how_often": _field(st.sampled_from(["rarely", "weekly", "daily", "constant"])),
                    "when": _field(st.sampled_from(["night", "day", "after_exercise", "any"])),
                },
            )
        ),
        "numbness": _field(course),
        "weakness": _field(course),
        "diet": _field(
            st.fixed_dictionaries(
                {},
                optional={
                    "pattern": _field(
                        st.sampled_from(["omnivore", "pescatarian", "vegetarian", "vegan"])
                    ),
                    "dairy": _field(st.booleans()),
                    "fish": _field(st.booleans()),
                    "fortified_foods": _field(st.booleans()),
                    "b12_supplement": _field(st.booleans()),
                    "analysis": json_values,
                },
            )
        ),
        "sun_exposure": _field(st.sampled_from(["low", "moderate", "high"])),
        "medications": _field(st.lists(medicines, max_size=4)),
        "conditions": _field(st.lists(conditions, max_size=3)),
        "supplements": _field(st.lists(supplements, max_size=3)),
        "region": _field(regions),
        "lifestyle": _field(lifestyle),
        "recent": _field(st.dictionaries(st.sampled_from(["vomiting", "diarrhoea"]), json_values)),
        "labs": _field(st.lists(labs, max_size=4)),
    },
)


def dump_json(value: Any) -> str:
    """JSON as a careless tool writes it: NaN and Infinity tokens included."""
    return json.dumps(value, allow_nan=True, ensure_ascii=False)


answers_text = st.one_of(
    answers.map(dump_json),
    answers.map(dump_json).flatmap(lambda s: st.integers(0, len(s)).map(lambda n: s[:n])),
    json_values.map(dump_json),
    text,
)

# --- diaries -------------------------------------------------------------------------------

DATES = [
    "2026-11-16", "Mon 16 Nov 2026", "16/11/2026", "11/16/2026", "05/11/2026", "Tuesday",
    "17 Nov", "2026-02-30", "0000-01-01", "9999-12-31", "Mon", "yesterday", "2026-11-16T07:50",
]  # fmt: skip
MEALS = ["Breakfast:", "Lunch", "Dinner:", "Snacks:", "[/bold]:", "Meal 1:", ""]


@st.composite
def text_diary(draw: st.DrawFn) -> str:
    lines: list[str] = []
    for _ in range(draw(st.integers(0, 4))):
        lines.append(draw(st.sampled_from(DATES) | text))
        for _ in range(draw(st.integers(0, 4))):
            choice = draw(st.integers(0, 5))
            if choice == 0:
                lines.append(draw(st.sampled_from(MEALS) | text))
            elif choice == 1:
                lines.append("# " + draw(text))
            else:
                lines.append(draw(phrases))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return newline.join(lines)


CSV_HEADERS = [
    ["date", "food", "amount"],
    ["date", "meal", "food", "amount"],
    ["Date", "Meal", "Calories", "Fat (g)", "Protein (g)", "Magnesium", "Calcium", "Note"],
    ["Day", "Time", "Group", "Food Name", "Amount", "Energy (kcal)", "Magnesium (mg)",
     "Vitamin D (IU)", "B12 (Cobalamin) (µg)", "Calcium (mg)", "Potassium (mg)"],
    ["id", "date_time", "type", "amount", "unit", "meal_name", "kcal_per_100g",
     "magnesium_per_100g", "calcium_per_100g"],
    ["Date", "Food Item", "Quantity", "Unit"],
]  # fmt: skip
cell = st.one_of(
    number,
    st.sampled_from(DATES),
    st.sampled_from(FOODS),
    text,
    st.sampled_from(["", "nan", "NaN", "inf", "-inf", "1e999", "-5", '"', '""', "1,020.0"]),
)


@st.composite
def csv_diary(draw: st.DrawFn) -> str:
    header = draw(st.sampled_from(CSV_HEADERS))
    delimiter = draw(st.sampled_from([",", ",", ";", "\t"]))
    rows = [delimiter.join(header)]
    for _ in range(draw(st.integers(0, 5))):
        cells = [draw(cell) for _ in range(draw(st.integers(0, len(header) + 2)))]
        if cells and draw(st.booleans()):
            cells[0] = "2026-11-16"
        rows.append(delimiter.join(_quote(c, delimiter) for c in cells))
    text = "\n".join(rows)
    if draw(st.booleans()):
        text = text[: draw(st.integers(0, len(text)))]  # cut off mid-way, as a failed download
    return text


def _quote(value: str, delimiter: str) -> str:
    if delimiter in value or "\n" in value:
        return '"' + value.replace('"', '""') + '"'
    return value


diaries = st.one_of(text_diary(), csv_diary())
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "latin-1", "cp1252"]
