"""Write the hostile corpus (run from the repository root; the output is committed).

    .venv/bin/python tests/data/hostile/make_corpus.py

Every file is small (under 20 KB). Huge and deep inputs are made at run time by the fuzz
tests instead (tests/fuzz/hostile.py); README.md says what each file is for.
"""

from __future__ import annotations

import codecs
import io
import json
import random
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DIARY = "2026-11-16\nBreakfast:\n2 eggs\n1 cup milk\nLunch:\n200 g cooked rice\n"
DIARY_ACCENTED = "20 Nov 2026\nDîner:\n2 tbsp crème fraîche\n1 café au lait\n"
ANSWERS = {"age": 40, "sex": "female", "symptoms": ["cramps"]}
MFP_HEADER = (
    "Date,Meal,Calories,Fat (g),Saturated Fat,Polyunsaturated Fat,Monounsaturated Fat,"
    "Trans Fat,Cholesterol,Sodium (mg),Potassium,Carbohydrates (g),Fiber,Sugar,Protein (g),"
    "Vitamin A,Vitamin C,Calcium,Iron,Note"
)
CRONO_HEADER = (
    "Day,Time,Group,Food Name,Amount,Energy (kcal),Caffeine (mg),Water (g),"
    "B12 (Cobalamin) (µg),Vitamin D (IU),Calcium (mg),Magnesium (mg),Potassium (mg),"
    "Sodium (mg),Carbs (g),Fat (g),Protein (g),Category"
)
ONT_HEADER = (
    "id,date_time,type,amount,unit,meal_code,meal_name,kcal_per_100g,potassium_per_100g,"
    "magnesium_per_100g,calcium_per_100g,vitamin_d_per_100g,vitamin_b12_per_100g"
)


def text_files() -> dict[str, str]:
    """Files given as text (written as UTF-8 unless the name says otherwise)."""
    # fmt: off
    return {
        # --- blank and nearly blank
        "whitespace.txt": " \t \n\n\r\n\x0c \u00a0\u3000\n",
        "bom_only.txt": "\ufeff",
        "newlines_only.txt": "\n" * 500,
        # --- control, invisible and direction characters
        "control_chars.txt": "2026-11-16\n2 eggs\x01\x02\x07\x08\n\x1b[2J\x1bc1 cup milk\x7f\n",
        "zero_width.txt": (
            "2026-11-16\n2\u200b eggs\n\u200d1 cup\u200c milk\n\u2060banana\ufeff\n"
            "\u00ad\u200e\u200fapple\n"
        ),
        "rtl_override.txt": (
            "2026-11-16\n\u202esgge 2\u202c\n\u2067milk\u2069 1 cup\n\u202d200 g rice\n"
        ),
        "unicode_odd.txt": (
            "２０２６-１１-１６\n２ eggs\n½ cup milk\n¼ cup oats\n⅞ banana\n"
            "𝟐 𝐞𝐠𝐠𝐬\nmilk \U0001f95b\n\U0001f95a\U0001f95a\nℌ𝔞𝔪\n"
            "e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301ggs\n"
        ),
        "lone_cr.txt": "2026-11-16\r2 eggs\r1 cup milk\r",
        # --- markup and escapes
        "markup.txt": (
            "2026-11-16\n[skim] milk 1 cup\n[/bold] 2 eggs\n[bold red]rice[/] 200 g\n"
            "[link=http://x]bread[/link] 1 slice\n[/]\n[[]]\n[#ff0000]jam\n"
            ":smile: cheese 30 g\n<script>alert(1)</script> 1 apple\n<b>banana</b>\n"
            "\x1b[31mred\x1b[0m 1 tomato\n\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\ 1 egg\n"
            "{{7*7}} ${HOME} %s %n %(x)s 1 egg\n"
        ),
        # --- query syntax as food names
        "query_syntax.txt": (
            "2026-11-16\nmilk 3.25%\n1 cup milk 2.5\n\"\n\"\"\"\n*\nmilk*\nNEAR(milk eggs)\n"
            "milk OR eggs\nmilk AND NOT eggs\nname: milk\ncol:milk\n^milk\n-milk\n(milk\n)\n"
            "{milk}\n'; DROP TABLE foods; --\nmilk' OR '1'='1\n%\n_\n\\\nmilk + eggs\n"
            "a.b.c 2 cups\n1.2.3 eggs\n"
        ),
        # --- absurd amounts
        "diary_absurd_amounts.txt": (
            "2026-11-16\n1000 kg butter\none million eggs\n1000000 eggs\n1e308 g rice\n"
            "1e400 g rice\n-2 eggs\n0 eggs\n0.0000001 g salt\nnan g milk\ninf cups milk\n"
            "1/0 cup milk\n99999999999999999999999999 g bread\n10 ** 100 eggs\n"
            "2,000,000 cups coffee\n"
        ),
        "diary_bad_dates.txt": (
            "0000-00-00\n2 eggs\n9999-12-31\n1 egg\n2026-02-31\n1 egg\nMon 16 Nov 10000\n"
            "1 egg\n31/31/2026\n1 egg\n05/11/2026\n1 egg\n1900-01-01\n1 egg\n"
            "2026-13-01\n1 egg\n-2026-01-01\n1 egg\n"
        ),
        "diary_day_names_only.txt": (
            "Monday\n2 eggs\n1 cup milk\nTuesday\noatmeal\nbanana\nWednesday\nrice 200 g\n"
        ),
        "diary_no_dates.txt": "2 eggs\n1 cup milk\na banana\n",
        "diary_only_headings.txt": "2026-11-16\nBreakfast:\nLunch:\n2026-11-17\nDinner:\n",
        "diary_comments_only.txt": "# nothing here\n# still nothing\n",
        "diary_many_days.txt": "".join(f"2026-{m:02d}-{d:02d}\n1 egg\n"
                                       for m in range(1, 13) for d in range(1, 29)),
        "diary_supplement_lines.txt": (
            "2026-11-16\nvitamin D 10000000 IU\nmagnesium citrate -400 mg\n"
            "vitamin B12 1e9 ug\npotassium chloride 99 g\n"
        ),
        # --- CSV diaries
        "diary_truncated.csv": "date,food,amount\n2026-11-16,milk,1 cup\n2026-11-16,\"eggs",
        "diary_header_only.csv": "date,food,amount\n",
        "diary_unknown_header.csv": "when,what,how much\n2026-11-16,milk,1 cup\n",
        "diary_ragged.csv": (
            "date,food,amount\n2026-11-16\n2026-11-16,milk,1 cup,extra,extra,extra\n,,\n"
            ",,,,,,,,,,,,,,,,,,,,,,,,,,,,\n2026-11-16,eggs,2\n"
        ),
        "diary_quotes.csv": (
            'date,food,amount\n2026-11-16,"milk ""skim""",1 cup\n"2026-11-16","a,b,c","1,5 cups"\n'
            '2026-11-16,"unterminated,1\n'
        ),
        "diary_markup.csv": (
            "date,meal,food,amount\n2026-11-16,[/bold],[skim] milk,1 cup\n"
            "2026-11-16,<script>,milk 3.25%,[red]1 cup\n"
        ),
        "diary_nan_cells.csv": (
            "date,food,amount\n2026-11-16,milk,nan\n2026-11-16,eggs,inf\n"
            "2026-11-16,rice,-inf g\n2026-11-16,bread,NaN slices\n2026-11-16,oats,1e999 g\n"
        ),
        "diary_many_columns.csv": (
            ",".join(["date", "food", "amount"] + [f"c{i}" for i in range(600)])
            + "\n2026-11-16,milk,1 cup" + ",x" * 600 + "\n"
        ),
        "diary_tabs.tsv": "date\tfood\tamount\n2026-11-16\tmilk\t1 cup\n2026-11-16\teggs\t2\n",
        "diary_semicolon_nan.csv": (
            "Date;Food Item;Quantity;Unit\n20.11.2026;Milk;NaN;cup\n;Eggs;-3;\n"
        ),
        # --- exports, careless and absurd
        "mfp_no_micros.csv": (
            "Date,Meal,Calories,Fat (g),Carbohydrates (g),Protein (g),Note\n"
            "2026-11-16,Breakfast,412.0,11.2,52.1,24.3,\n2026-11-16,Lunch,655.0,22.0,61.0,48.0,\n"
            "2026-11-17,Dinner,\"1,020.0\",41.5,98.0,55.0,ate out\n"
        ),
        "mfp_negative_values.csv": (
            MFP_HEADER + "\n2026-11-16,Breakfast,-412.0,11.2,4.1,1.3,4.0,0.0,215.0,-488.0,-612.0,"
            "52.1,6.4,14.2,24.3,12.0,15.0,-25.0,18.0,\n"
        ),
        "mfp_nan_inf.csv": (
            MFP_HEADER + "\n2026-11-16,Breakfast,nan,inf,-inf,NaN,Infinity,0,1e999,488,612,"
            "52,6,14,24,12,15,25,18,\n"
        ),
        "mfp_huge.csv": (
            MFP_HEADER + "\n2026-11-16,Breakfast,9999999999,1e12,4,1,4,0,215,488,99999999,"
            "52,6,14,24,12,15,9999999,18,\n"
        ),
        "mfp_truncated.csv": MFP_HEADER + "\n2026-11-16,Breakfast,412.0,11",
        "cronometer_negative_and_huge.csv": (
            CRONO_HEADER + "\n2026-11-16,7:45 AM,Breakfast,\"Butter\",1000000.00 g,7170000,0,0,"
            "0,0,-24,-2,-24,-643,0,81,0.85,Dairy\n2026-11-16,7:50 AM,Breakfast,Vitamin D,1 tab,0,0,"
            "0,0,10000000,0,0,0,0,0,0,0,Supplements\n"
        ),
        "cronometer_nan.csv": (
            CRONO_HEADER + "\n2026-11-16,7:45 AM,Breakfast,Milk,nan,nan,nan,nan,nan,nan,inf,"
            "-inf,NaN,Infinity,nan,nan,nan,Dairy\n"
        ),
        "cronometer_truncated.csv": CRONO_HEADER + "\n2026-11-16,7:45 AM,Breakfast,\"Oats, Rol",
        "ont_bad_values.csv": (
            ONT_HEADER + "\nx,2026-11-16T07:50:00.000,breakfast,-250,ml,1,Milk,64,-150,nan,inf,"
            "1e309,-1\ny,not a date,breakfast,1e12,kg,2,[/bold],1,1,1,1,1,1\n"
        ),
        # --- JSON diaries (OpenNutriTracker layout) and answers
        "ont_truncated.json": '[{"id": "a", "unit": "ml", "amount": 250.0, "type": "breakf',
        "ont_wrong_shape.json": '{"entries": [1, 2, 3], "meal": null}',
        "ont_bad_values.json": json.dumps([
            {"id": "a", "unit": "ml", "amount": -250, "type": "breakfast",
             "dateTime": "2026-11-16T07:50:00.000",
             "meal": {"name": "[/bold] milk", "nutriments": {"energyKcal100": "NaN",
                                                            "magnesium100": -5}}},
            {"id": "b", "unit": "kg", "amount": 1e300, "type": None, "dateTime": 12,
             "meal": {"name": None, "nutriments": []}},
            {"id": "c"}, None, 5, "x", [],
        ]),
        "ont_nan_tokens.json": (
            '[{"id": "a", "unit": "g", "amount": NaN, "type": "breakfast", '
            '"dateTime": "2026-11-16T07:50:00.000", "meal": {"name": "milk", '
            '"nutriments": {"energyKcal100": Infinity, "calcium100": -Infinity}}}]'
        ),
        "answers_truncated.json": '{"age": 40, "sex": "fem',
        "answers_top_array.json": json.dumps([ANSWERS]),
        "answers_top_string.json": '"age 40, female, cramps"',
        "answers_top_null.json": "null",
        "answers_top_number.json": "4e400",
        "answers_empty_object.json": "{}",
        "answers_nan_tokens.json": (
            '{"age": NaN, "sex": "female", "lifestyle": {"coffee_cups_per_day": Infinity, '
            '"sleep_hours": -Infinity}}'
        ),
        "answers_huge_numbers.json": (
            '{"age": 1e400, "sex": "male", "lifestyle": {"caffeine_mg_per_day": '
            "1" + "0" * 400 + "}, \"twitch\": {\"since_weeks\": -1e308}}"
        ),
        "answers_big_int.json": '{"age": ' + "9" * 5000 + ', "sex": "male"}',
        "answers_wrong_types.json": json.dumps({
            "age": "forty", "sex": ["female"], "pregnant": "yes", "symptoms": "cramps",
            "medications": [1, None, {}, []], "lifestyle": [], "recent": "vomiting",
            "labs": {"potassium": 3.1}, "twitch": "calf", "diet": 7, "region": 44,
        }),
        "answers_bool_numbers.json": json.dumps({"age": True, "sex": "male",
                                                 "lifestyle": {"coffee_cups_per_day": False}}),
        "answers_duplicate_keys.json": '{"age": 40, "age": -5, "sex": "male", "sex": "other"}',
        "answers_unknown_keys.json": json.dumps({**ANSWERS, "colour": "blue", "__proto__": {},
                                                 "lifestyle": {"unicorns": 3}}),
        "answers_newborn.json": json.dumps({"age": 0, "sex": "female", "symptoms": ["cramps"],
                                            "lifestyle": {"coffee_cups_per_day": 4}}),
        "answers_toddler_drinks.json": json.dumps({
            "age": 3, "sex": "male", "symptoms": ["twitching"],
            "lifestyle": {"alcohol_drinks_per_week": 300, "coffee_cups_per_day": 40,
                          "energy_drinks_per_day": 20, "nicotine": True},
        }),
        "answers_pregnant_male.json": json.dumps({"age": 30, "sex": "male", "pregnant": True,
                                                  "lactating": True}),
        "answers_old.json": json.dumps({"age": 120, "sex": "female", "pregnant": True}),
        "answers_vitamin_d_10m.json": json.dumps({
            **ANSWERS, "supplements": ["vitamin D 10000000 IU daily", "magnesium -400 mg",
                                       "B12 1e308 ug", "vitamin D nan IU", "calcium inf mg"],
        }),
        "answers_markup.json": json.dumps({
            "age": 40, "sex": "female",
            "symptoms": ["[/bold]", "[skim]", "cramps"], "medications": ["[red]lasix[/red]",
                                                                         "<script>x</script>"],
            "conditions": ["[/]"], "supplements": ["[bold]magnesium 400 mg"],
            "region": "[/bold]", "twitch": {"where": ["[/bold] calf", "\x1b[31meye"]},
            "labs": ["[/bold] 3.1 mmol/L", "potassium [3.1] mmol/L"],
        }),
        "answers_hostile_labs.json": json.dumps({
            **ANSWERS, "labs": ["potassium nan mmol/L", "potassium inf mmol/L",
                                "magnesium -1 mg/dL", "K 1e309 mmol/L", "calcium 0 mg/dL",
                                "vitamin D 18", "18 ng/mL", "", " ", "milk 3.25%",
                                "potassium 3,1 mmol/L", "potassium 3.1.1 mmol/L",
                                "B12 999999999999 pg/mL", "albumin 1e-300 g/L"],
        }),
        "answers_hostile_text.json": json.dumps({
            "age": 40, "sex": "female",
            "symptoms": ["cram\u200bps", "\u202ecramps", "CRAMPS", " cramps ", "cramps\x00",
                         "milk 3.25%", "NEAR(", "*", '"'],
            "medications": ["lasix 1e9 mg", "furosemide -40 mg", "\x1b[2J", "a OR b", "col:"],
            "conditions": ["kidney disease stage 99", "thyroidectomy -2 weeks ago",
                           "kidney disease stage nan"],
            "region": "\u0000",
        }),
        "answers_condition_details.json": json.dumps({
            **ANSWERS, "condition_details": [{"id": "BAD ID", "since_weeks": -3}],
            "diet": {"analysis": {"days": 0, "nutrients": {"magnesium_mg": {
                "judgement": "adequate", "mean": -1, "target": 1e308}}}},
        }),
        "answers_long_lists.json": json.dumps({**ANSWERS, "symptoms": ["cramps"] * 1500}),
        "answers_deepish.json": '{"age": 40, "sex": "male", "lifestyle": '
        + '{"x": ' * 200 + "1" + "}" * 200 + "}",
        # --- for diet analyze and plan --diary: answers-looking JSON, and diaries named .json
        "diary_as_json_object.json": json.dumps(ANSWERS),
    }
    # fmt: on


def binary_files() -> dict[str, bytes]:
    """Files given as bytes: encodings, junk, archives."""
    rng = random.Random(20261116)
    junk = bytes(rng.randrange(256) for _ in range(4096))
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("user_intake.json", b"[" + b" " * 15_000_000 + b"]")
    deep_zip = io.BytesIO()
    with zipfile.ZipFile(deep_zip, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("user_intake.json", b"[" * 200_000 + b"]" * 200_000)
    odd_zip = io.BytesIO()
    with zipfile.ZipFile(odd_zip, "w") as archive:
        archive.writestr("../../etc/user_intake.json", b"[]")
        archive.writestr("Nutrition-Summary.csv", b"\xff\xfe\x00junk")
    return {
        "empty.txt": b"",
        "empty.csv": b"",
        "empty.json": b"",
        "binary_junk.bin": junk,
        "binary_junk.csv": junk[:2048],
        "binary_junk.json": junk[:2048],
        "png_header.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + junk[:512],
        "pdf_header.txt": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n" + junk[:256],
        "gzip_diary.txt": (b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + junk[:300]),
        "nul_bytes.txt": b"2026-11-16\n2 eggs\x00\x00\n1 cup\x00milk\n",
        "nul_bytes.json": b'{"age": 40, "sex": "male"\x00}',
        "nul_only.txt": b"\x00" * 1024,
        "utf16le_bom.txt": codecs.BOM_UTF16_LE + DIARY_ACCENTED.encode("utf-16-le"),
        "utf16le_nobom.txt": DIARY_ACCENTED.encode("utf-16-le"),
        "utf16be_nobom.txt": DIARY_ACCENTED.encode("utf-16-be"),
        "utf16_odd_length.txt": codecs.BOM_UTF16_LE + DIARY.encode("utf-16-le") + b"\x41",
        "utf32_bom.txt": codecs.BOM_UTF32_LE + DIARY.encode("utf-32-le"),
        "utf16_answers.json": codecs.BOM_UTF16_LE + json.dumps(ANSWERS).encode("utf-16-le"),
        "utf16_nobom_answers.json": json.dumps(ANSWERS).encode("utf-16-le"),
        "latin1.txt": DIARY_ACCENTED.encode("latin-1"),
        "latin1_answers.json": json.dumps(
            {**ANSWERS, "medications": ["Lasix Würzburg"]}, ensure_ascii=False
        ).encode("latin-1"),
        "shift_jis.txt": "2026-11-16\n牛乳 1杯\n卵 2個\nご飯 200 g\n".encode("shift_jis"),
        "shift_jis.csv": "date,food,amount\n2026-11-16,牛乳,1杯\n".encode("shift_jis"),
        "utf8_invalid.txt": b"2026-11-16\n2 eggs \xc3\n1 cup milk \xe2\x82\n\xff\xfe rice\n",
        "utf8_overlong.txt": b"2026-11-16\n2 eggs \xc0\xaf\xe0\x80\xaf\n",
        "utf8_surrogates.txt": b"2026-11-16\n2 eggs \xed\xa0\x80\xed\xb0\x80\n",
        "mixed_bom.txt": codecs.BOM_UTF8 + b"2026-11-16\n" + codecs.BOM_UTF16_LE + b"2 eggs\n",
        "zip_bomb.zip": bomb.getvalue(),
        "zip_deep_json.zip": deep_zip.getvalue(),
        "zip_odd_members.zip": odd_zip.getvalue(),
        "zip_truncated.zip": odd_zip.getvalue()[:60],
        "zip_magic_only.zip": b"PK\x03\x04",
    }


# Hostile words for arguments and options (shared by every command's fuzz test).
# fmt: off
STRINGS = {
    "text": [
        "", " ", "\t", "\n", "\r\n", "\u00a0", "\u200b", "\ufeff", "\u202e", "\u2066x\u2069",
        "[/bold]", "[skim]", "[bold red]", "[/]", "[[", "]]", "[link=x]y[/link]", ":smile:",
        "<script>alert(1)</script>", "\u001b[31m", "\u001b]0;title\u0007", "\u0007\u0008\u007f",
        "milk 3.25%", "\"", "\"\"", "*", "milk*", "NEAR(", "NEAR(milk eggs)", "a OR b", "a AND b",
        "NOT milk", "col:", "name:milk", "^milk", "-milk", "(", ")", "{}", "%", "_", "\\", "'",
        "'; DROP TABLE foods; --", "milk' OR '1'='1", "1.5.5", "3.25", ".", "..", "...",
        "-", "--", "--json", "-1", "0", "nan", "NaN", "inf", "-inf", "Infinity", "1e308",
        "1e309", "-1e309", "99999999999999999999", "0x10", "1_000", "½", "٣", "２", "𝟐",
        "e\u0301\u0301\u0301", "ǅ", "ß", "İ", "ﬁ", "\U0001f95b", "\U0001f95a\u200d\U0001f95a",
        "%s%n%x", "{0}", "{{7*7}}", "${HOME}", "$(id)", "`id`", "/etc/passwd", "../../x",
        "C:\\con", "nul", "con", "aux", "/dev/zero", "~", "*" * 300, "a" * 5000,
        "milk " * 1000, "[" * 500, "(" * 500, "\"" * 500,
    ],
    "ages": [
        "0", "-1", "-0", "0.0", "8m", "0m", "0 months", "-3m", "1000m", "1e9", "nan", "inf",
        "-inf", "121", "150", "200", "99999999999999999999", "1e-300", "2.5", "2,5", "40.",
        ".5", "40y", "forty", "", " ", "40 years", "8 months", "0x28", "4\u200b0", "٤٠",
        "40e0", "1e309",
    ],
    "numbers": [
        "0", "-1", "-0", "nan", "inf", "-inf", "1e308", "1e309", "-1e309", "1e-320",
        "99999999999999999999", "3.25%", "1,5", "1.5.5", "", "x", "½", "0x10", "1_0",
    ],
    "labs": [
        "magnesium 1.5 mg/dL", "potassium 3.1 mmol/L", "K 3.1", "potassium", "3.1 mmol/L",
        "potassium nan mmol/L", "potassium inf mmol/L", "potassium -inf mmol/L",
        "potassium -3 mmol/L", "potassium 0 mmol/L", "potassium 1e309 mmol/L",
        "potassium 1e-320 mmol/L", "potassium 3,1 mmol/L", "potassium 3.1.1 mmol/L",
        "potassium 99999999999999999999 mmol/L", "potassium 3.1 furlongs", "potassium 3.1 %",
        "potassium 3.1 mmol/L mmol/L", "calcium 9 mg/dL albumin 2 g/dL", "albumin 0 g/dL",
        "albumin -1 g/L", "25-OH vitamin D 18 ng/mL", "vitamin D 1e9 nmol/L",
        "B12 0.0001 pg/mL", "[/bold] 3 mmol/L", "potassium [3.1] mmol/L", "K\u200b 3.1 mmol/L",
        "\u202eL/lomm 1.3 K", "milk 3.25%", "NEAR( 1 mg", "potassium 3.1 mmol/L" * 50,
    ],
}
# fmt: on


def main() -> None:
    (HERE / "strings.json").write_text(json.dumps(STRINGS, indent=1) + "\n", encoding="ascii")
    for name, text in text_files().items():
        (HERE / name).write_text(text, encoding="utf-8", newline="")
    for name, data in binary_files().items():
        (HERE / name).write_bytes(data)
    too_big = [p.name for p in HERE.iterdir() if p.stat().st_size >= 20_000]
    assert not too_big, f"corpus files must stay under 20 KB: {too_big}"


if __name__ == "__main__":
    main()
