"""End to end: `twitchcheck diet analyze` and `twitchcheck screen --diary`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from twitchcheck.cli import app

DIARY = """\
Mon 16 Nov 2026
Breakfast:
1 cup oatmeal
1 cup milk
2026-11-17
2 eggs
a medium banana
xyzzyqq blorp
"""


def diary(tmp_path: Path, text: str = DIARY, encoding: str = "utf-8") -> Path:
    path = tmp_path / "diary.txt"
    path.write_text(text, encoding=encoding)
    return path


def test_json(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["diet", "analyze", str(diary(tmp_path)), "--age", "40", "--sex", "female", "--json"]
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert len(data["days"]) == 2
    assert data["adequacy"]["magnesium_mg"]["adequacy"]["judgement"] in {
        "adequate",
        "possibly_inadequate",
        "inadequate",
    }
    assert any(p["line"] == 8 for p in data["problems"])


def test_table(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["diet", "analyze", str(diary(tmp_path)), "--age", "40", "--sex", "male"]
    )
    assert result.exit_code == 0
    assert "Usual intake" in result.stdout
    assert "line 8" in result.stdout


def test_missing_file(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        ["diet", "analyze", str(tmp_path / "none.txt"), "--age", "40", "--sex", "male", "--json"],
    )
    assert result.exit_code == 1
    assert "error" in json.loads(result.stdout)


def test_impossible_person(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["diet", "analyze", str(diary(tmp_path)), "--age", "30", "--sex", "male", "--pregnant"]
    )
    assert result.exit_code == 1
    assert "pregnan" in result.stderr


def test_screen_with_diary(runner: CliRunner, tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"age": 40, "sex": "female", "symptoms": ["cramps"]}))
    result = runner.invoke(
        app, ["screen", "--answers", str(answers), "--diary", str(diary(tmp_path)), "--json"]
    )
    assert result.exit_code == 0, result.stderr
    evidence = [
        e["answer"] for c in json.loads(result.stdout)["contributors"] for e in c["evidence"]
    ]
    assert any("diet analysis" in answer for answer in evidence)


def test_supplements_count_in_the_analysis(runner: CliRunner, tmp_path: Path) -> None:
    options = [
        "diet", "analyze", str(diary(tmp_path)), "--age", "40", "--sex", "female",
        "--supplement", "magnesium citrate 400 mg daily", "--supplement", "multivitamin",
        "--region", "us",
    ]  # fmt: skip
    result = runner.invoke(app, [*options, "--json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["region"] == "us"
    magnesium = data["adequacy"]["magnesium_mg"]
    assert magnesium["supplements"] == 400
    assert magnesium["total"] == round(magnesium["mean"] + 400, 2)
    assert magnesium["adequacy"]["upper_limit"]["above_ul"] is True
    assert {s["text"]: s["counted"] for s in data["supplements"]} == {
        "magnesium citrate 400 mg daily": True,
        "multivitamin": False,
    }
    table = runner.invoke(app, options)
    assert table.exit_code == 0, table.stderr
    assert "supplements" in table.stdout
    assert "over its upper limit" in table.stdout


# --- hostile diaries end to end -----------------------------------------------------------

HOSTILE = Path(__file__).parent.parent / "data" / "diaries" / "hostile"
PERSON = ["--age", "40", "--sex", "female"]


def strict(text: str) -> dict:
    """JSON as a strict parser reads it: NaN and Infinity are refused."""

    def refuse(token: str) -> None:
        raise AssertionError(f"{token} in --json output")

    value = json.loads(text, parse_constant=refuse)
    assert isinstance(value, dict)
    return value


@pytest.mark.parametrize("path", sorted(HOSTILE.glob("*.*")), ids=lambda p: p.name)
def test_hostile_diaries_give_strict_json_or_a_json_error(runner: CliRunner, path: Path) -> None:
    result = runner.invoke(app, ["diet", "analyze", str(path), *PERSON, "--json"])
    assert result.exit_code in (0, 1), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    data = strict(result.stdout)
    if result.exit_code == 1:
        assert set(data["error"]) == {"code", "message"}
        assert result.stderr.startswith("Error: ")
    else:
        assert "adequacy" in data


@pytest.mark.parametrize("path", sorted(HOSTILE.glob("*.*")), ids=lambda p: p.name)
def test_hostile_diaries_print_a_table_or_an_error(runner: CliRunner, path: Path) -> None:
    result = runner.invoke(app, ["diet", "analyze", str(path), *PERSON])
    assert result.exit_code in (0, 1), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_markup_in_food_names_and_meals_shows_as_typed(runner: CliRunner) -> None:
    result = runner.invoke(app, ["diet", "analyze", str(HOSTILE / "markup.txt"), *PERSON])
    assert result.exit_code == 0, result.output
    assert "'[/bold] 2 eggs'" in result.stdout
    assert "'[/]'" in result.stdout
    assert "'[link=http://x]bread[/link] 1 slice'" in result.stdout


def test_unknown_nutrients_show_as_unknown(runner: CliRunner) -> None:
    path = str(HOSTILE / "mfp_no_micros.csv")
    table = runner.invoke(app, ["diet", "analyze", path, *PERSON])
    assert table.exit_code == 0, table.output
    assert "likely short" not in table.stdout
    assert table.stdout.count("unknown") >= 10  # each nutrient's amount and judgement
    data = strict(runner.invoke(app, ["diet", "analyze", path, *PERSON, "--json"]).stdout)
    assert data["adequacy"]["magnesium_mg"]["mean"] is None
    assert data["adequacy"]["magnesium_mg"]["adequacy"]["judgement"] == "unknown"


@pytest.mark.parametrize("year", ["0", "-1", "1850", "99999"])
def test_a_year_out_of_range_is_a_bad_diary_error(runner: CliRunner, tmp_path: Path, year) -> None:
    options = ["diet", "analyze", str(diary(tmp_path)), *PERSON, "--year", year, "--json"]
    result = runner.invoke(app, options)
    assert result.exit_code == 1, result.output
    error = strict(result.stdout)["error"]
    assert error["code"] == "bad_diary"
    assert "from 1900 to 2200" in error["message"]


def test_a_year_that_is_not_a_number_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["diet", "analyze", str(diary(tmp_path)), *PERSON, "--year", "x"])
    assert result.exit_code == 2


def test_a_huge_diary_is_refused_quickly(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("2026-11-20\n" + "x" * 10_000_001, encoding="utf-8")
    result = runner.invoke(app, ["diet", "analyze", str(path), *PERSON, "--json"])
    assert result.exit_code == 1
    assert "too large" in strict(result.stdout)["error"]["message"]


def test_screen_and_plan_take_unknown_nutrients_as_unknown(
    runner: CliRunner, tmp_path: Path
) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"age": 40, "sex": "female", "symptoms": ["cramps"]}))
    path = str(HOSTILE / "mfp_no_micros.csv")
    screened = runner.invoke(app, ["screen", "--answers", str(answers), "--diary", path, "--json"])
    assert screened.exit_code == 0, screened.output
    evidence = [e["answer"] for c in strict(screened.stdout)["contributors"] for e in c["evidence"]]
    assert not any("diet analysis" in answer for answer in evidence)
    planned = runner.invoke(app, ["plan", "--diary", path, *PERSON, "--json"])
    assert planned.exit_code in (0, 1), planned.output
    strict(planned.stdout)


def test_food_names_from_an_export_never_reach_the_terminal_raw(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = tmp_path / "servings.csv"
    path.write_text(
        "Day,Food Name,Amount,Energy (kcal),Magnesium (mg)\n"
        "2026-11-20,[/bold] Rice [red],200.00 g,260,24\n"
        "2026-11-20,\x1b]0;pwned\x07Oats,80.00 g,300,110\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["diet", "analyze", str(path), *PERSON])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout
    assert "\\x1b" in result.stdout  # shown, not sent
    assert "[/bold]" in result.stdout


def _strict(text: str) -> dict:
    def refuse(name: str) -> None:
        raise ValueError(f"not JSON: {name}")

    data = json.loads(text, parse_constant=refuse)
    assert isinstance(data, dict)
    return data


HONEST = "".join(
    f"{d:02d}/11/2026\n08:00 1 medium banana\n7.30pm 1 cup milk\nlunch: xyzzyqq blorp{d}\n"
    for d in range(16, 23)
)


def test_json_times_region_honest_totals_and_energy(runner: CliRunner, tmp_path: Path) -> None:
    path = diary(tmp_path, HONEST.replace("16/11", "03/04"))
    args = ["diet", "analyze", str(path), "--age", "40", "--sex", "female", "--json"]
    body = ["--weight-kg", "68", "--height-cm", "170"]
    result = runner.invoke(app, [*args, "--region", "uk", *body])
    assert result.exit_code == 0, result.stderr
    data = _strict(result.stdout)
    assert data["region"] == "uk"
    assert data["days"][0]["day"] == "2026-04-03"  # uk: day first
    entries = data["entries"]
    assert {(e["time"], e["text"]) for e in entries} >= {
        ("08:00", "1 medium banana"),
        ("19:30", "1 cup milk"),
    }
    assert data["lines"] == {
        "total": 21, "counted": 14, "not_counted": 7, "unmatched": 7, "needs_detail": 0,
        "invalid": 0, "uncertain": 0,
    }  # fmt: skip
    assert any("7 of 21 lines not counted" in n for n in data["notes"])
    check = data["energy_check"]
    assert check["verdict"] == "under_recorded"
    assert check["body"]["from"] == "given"
    assert check["bmr_kcal"] > 1200
    assert check["ratio"] < 1.35
    assert check["sources"]
    for value in data["adequacy"].values():
        if value["adequacy"]["judgement"] in {"inadequate", "possibly_inadequate"}:
            assert value["adequacy"]["confidence"] == "low"
    # us: month first (and 17/11/2026 would be refused: there is no month 17)
    args[2] = str(diary(tmp_path, "03/04/2026\n2 eggs\n"))
    us = runner.invoke(app, [*args, "--region", "us"])
    assert us.exit_code == 0, us.stderr
    assert _strict(us.stdout)["days"][0]["day"] == "2026-03-04"


def test_table_says_lines_not_counted_and_under_recording(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = diary(tmp_path, HONEST)
    result = runner.invoke(app, ["diet", "analyze", str(path), "--age", "40", "--sex", "female"])
    assert result.exit_code == 0, result.stderr
    assert "7 of 21 lines not counted" in result.stdout
    assert "Under-recorded?" in result.stdout


@pytest.mark.parametrize("option", [["--weight-kg", "3"], ["--height-cm", "900"]])
def test_impossible_body_size_is_bad_input(
    runner: CliRunner, tmp_path: Path, option: list[str]
) -> None:
    args = ["diet", "analyze", str(diary(tmp_path)), "--age", "40", "--sex", "male", "--json"]
    result = runner.invoke(app, [*args, *option])
    assert result.exit_code == 1
    assert "out of range" in result.stderr


def test_a_stored_profile_lends_its_own_foods(runner: CliRunner, tmp_path: Path) -> None:
    """`--profile` reads the diary with the person's own recipes, as the web diary does."""
    from twitchcheck.store import ProfileDetails, open_store
    from twitchcheck.store.own_foods import save_own_food
    from twitchcheck.store.profiles import add_profile

    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    store = open_store(url)
    person = add_profile(store, ProfileDetails(name="Ann", age_years=40, sex="female"))
    save_own_food(store, person.id, "my porridge", ["40 g oats", "250 ml oat milk"])
    store.close()
    path = diary(tmp_path, "2026-11-16\nmy porridge\n")
    base = ["diet", "analyze", str(path), "--age", "40", "--sex", "female", "--json"]
    alone = runner.invoke(app, base)
    assert alone.exit_code == 0, alone.stderr
    assert len(json.loads(alone.stdout)["entries"]) == 1  # without her: some porridge
    mine = runner.invoke(app, [*base, "--profile", "Ann", "--db", url])
    assert mine.exit_code == 0, mine.stderr
    grams = sorted(e["grams"] for e in json.loads(mine.stdout)["entries"])
    assert grams == pytest.approx([40, 257.5], abs=8)  # the oats and the oat milk
    nobody = runner.invoke(app, [*base, "--profile", "Bob", "--db", url])
    assert nobody.exit_code != 0
    assert "'Ann'" in nobody.stderr  # the names there are
