"""Every command entry with hypothesis-made arguments and options, in both output modes.

Values are passed as `--option=VALUE` and positionals after `--`, so a value that looks like a
flag ("--help", "-1") stays a value; `test_random_argv` then mixes flags and junk freely.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fuzzkit import FULL, FUZZ, STRINGS, invoke
from hypothesis import given
from hypothesis import strategies as st
from strategies import (
    ages,
    conditions,
    food,
    gaps,
    hostile,
    labs,
    medicines,
    number,
    phrases,
    regions,
    sexes,
    supplements,
    text,
)

GOOD_DIARY = "2026-11-16\nBreakfast:\n2 eggs\n1 cup milk\nLunch:\n200 g cooked rice\n"
modes = st.booleans()


def _json(json_mode: bool) -> list[str]:
    return ["--json"] if json_mode else []


@FUZZ
@given(st.lists(phrases, min_size=1, max_size=4), modes)
def test_nutrients(words: list[str], json_mode: bool) -> None:
    invoke(["nutrients", *_json(json_mode), "--", *words])


@FUZZ
@given(st.lists(text | food, min_size=1, max_size=3), st.none() | st.integers(-5, 200), modes)
def test_foods_search(words: list[str], limit: int | None, json_mode: bool) -> None:
    options = [] if limit is None else [f"--limit={limit}"]
    invoke(["foods", "search", *options, *_json(json_mode), "--", *words])


food_ids = st.one_of(
    text,
    st.sampled_from(["sr28:09040", "63107010", "sr28:", "fndds:", "sr28:0", "sr28:99999"]),
    st.builds(lambda prefix, rest: prefix + rest, st.sampled_from(["sr28:", "fndds:", ""]), text),
    st.integers(-(10**20), 10**20).map(str),
)


@FUZZ
@given(food_ids, modes)
def test_foods_show(food_id: str, json_mode: bool) -> None:
    invoke(["foods", "show", *_json(json_mode), "--", food_id])


@FUZZ
@given(st.lists(labs, min_size=1, max_size=4), modes)
def test_labs(results: list[str], json_mode: bool) -> None:
    invoke(["labs", *_json(json_mode), "--", *results])


@FUZZ
@given(ages, sexes, st.booleans(), st.booleans(), modes)
def test_targets(age: str, sex: str, pregnant: bool, lactating: bool, json_mode: bool) -> None:
    flags = ["--pregnant"] * pregnant + ["--lactating"] * lactating
    invoke(["targets", f"--age={age}", f"--sex={sex}", *flags, *_json(json_mode)])


kb_names = st.one_of(
    text,
    st.sampled_from(["magnesium", "caffeine", "Lasix", "cramps", "kidney disease", "MAGNESIUM"]),
)


@FUZZ
@given(kb_names, modes)
def test_kb_show(name: str, json_mode: bool) -> None:
    invoke(["kb", "show", *_json(json_mode), "--", name])


@pytest.mark.parametrize("json_mode", [False, True])
def test_kb_sources(json_mode: bool) -> None:
    invoke(["kb", "sources", *_json(json_mode)])


def _repeat(option: str, values: list[str]) -> list[str]:
    return [f"{option}={value}" for value in values]


plan_options = st.fixed_dictionaries(
    {"age": ages, "sex": sexes},
    optional={
        "gaps": gaps,
        "pattern": st.sampled_from(["omnivore", "pescatarian", "vegetarian", "vegan"]) | text,
        "allergy": st.lists(
            st.sampled_from(["tree nuts", "milk", "soy", "egg"]) | text, max_size=3
        ),
        "dislike": st.lists(food, max_size=3),
        "prefer": st.lists(food, max_size=3),
        "medication": st.lists(medicines, max_size=3),
        "condition": st.lists(conditions, max_size=2),
        "supplement": st.lists(supplements, max_size=3),
        "lab": st.lists(labs, max_size=3),
        "region": regions,
        "energy-budget": number,
        "max-foods": number,
        "flags": st.lists(st.sampled_from(["--pregnant", "--lactating", "--dairy-free"])),
    },
)


def _options(chosen: dict[str, object]) -> list[str]:
    args: list[str] = []
    for name, value in chosen.items():
        if name == "flags":
            args += value  # type: ignore[arg-type]
        elif isinstance(value, list):
            args += _repeat(f"--{name}", value)
        else:
            args.append(f"--{name}={value}")
    return args


@FUZZ
@given(plan_options, modes)
def test_plan(chosen: dict[str, object], json_mode: bool) -> None:
    invoke(["plan", *_options(chosen), *_json(json_mode)])


diet_options = st.fixed_dictionaries(
    {"age": ages, "sex": sexes},
    optional={
        "format": st.sampled_from(["text", "csv", "cronometer", "myfitnesspal", "opennutritracker"])
        | text,
        "year": number | st.integers(-10, 100_000).map(str),
        "supplement": st.lists(supplements, max_size=3),
        "region": regions,
        "flags": st.lists(st.sampled_from(["--pregnant", "--lactating"])),
    },
)


@FUZZ
@given(diet_options, modes)
def test_diet_analyze_options(
    tmp_path_factory: pytest.TempPathFactory, chosen: dict[str, object], json_mode: bool
) -> None:
    diary = tmp_path_factory.mktemp("diary") / "diary.txt"
    diary.write_text(GOOD_DIARY, encoding="utf-8")
    invoke(["diet", "analyze", str(diary), *_options(chosen), *_json(json_mode)])


@pytest.mark.parametrize(
    "args",
    [
        ["screen", "--schema"],
        ["screen", "--schema", "--json"],
        ["screen", "--vocabulary"],
        ["screen", "--vocabulary", "--json"],
        ["kb", "sources"],
        ["--help"],
        ["screen", "--answers"],
        ["screen", "--answers", "/"],
        ["screen", "--answers", "/nonexistent/dir/answers.json", "--json"],
        ["screen", "--answers", "/etc", "--json"],
        ["diet", "analyze", "/", "--age", "40", "--sex", "male", "--json"],
        ["diet", "analyze", "/nonexistent", "--age", "40", "--sex", "male", "--json"],
        ["diet", "analyze", "x" * 5000, "--age", "40", "--sex", "male", "--json"],
        ["plan", "--diary", "/", "--age", "40", "--sex", "male", "--json"],
        ["plan", "--diary", "/nonexistent", "--age", "40", "--sex", "male", "--json"],
        ["screen", "--answers", "x" * 5000, "--json"],
        ["screen", "--answers", "[/bold].json"],
        ["diet", "analyze", "[/bold].txt", "--age", "40", "--sex", "male"],
        ["foods", "search", "--limit", "0", "milk", "--json"],
        ["labs", "--json"],
        ["nutrients", "--json"],
        ["targets", "--json"],
        ["plan", "--json"],
        ["plan", "--age", "40", "--sex", "male", "--max-foods", "0", "--json"],
        ["plan", "--age", "40", "--sex", "male", "--energy-budget", "nan", "--json"],
        ["plan", "--age", "40", "--sex", "male", "--energy-budget", "inf", "--json"],
        ["plan", "--age", "40", "--sex", "male", "--energy-budget", "1e308", "--json"],
        ["plan", "--age", "0", "--sex", "female", "--json"],
        ["plan", "--age", "0m", "--sex", "female", "--gaps", "magnesium"],
        ["plan", "--age", "3", "--sex", "male", "--supplement", "vitamin D 10000000 IU daily"],
        ["targets", "--age", "0", "--sex", "male"],
        ["targets", "--age", "nan", "--sex", "male", "--json"],
        ["nutrients", "1000 kg butter", "--json"],
        ["nutrients", "one million eggs", "--json"],
        ["nutrients", "2\u200b eggs", "--json"],
        ["nutrients", "milk 3.25%", "--json"],
        ["nutrients", "[/bold] 2 eggs"],
        ["nutrients", "[skim] milk"],
        ["foods", "search", "[/bold]"],
        ["foods", "search", "milk 3.25%", "--json"],
        ["foods", "search", "NEAR(", "--json"],
        ["foods", "search", '"', "--json"],
        ["labs", "potassium 7.5 mmol/L", "--json"],
        ["labs", "[/bold] 3 mmol/L"],
        ["kb", "show", "[/bold]"],
    ],
    ids=lambda args: " ".join(args)[:60],
)
def test_fixed(args: list[str]) -> None:
    invoke(args)


COMMANDS = {
    "screen": ["--answers", "--save", "--diary", "--schema", "--vocabulary", "--json"],
    "plan": ["--age", "--sex", "--diary", "--gaps", "--pregnant", "--lactating", "--pattern",
             "--dairy-free", "--allergy", "--dislike", "--prefer", "--medication", "--condition",
             "--supplement", "--lab", "--region", "--energy-budget", "--max-foods", "--json"],
    "nutrients": ["--json"],
    "labs": ["--json"],
    "targets": ["--age", "--sex", "--pregnant", "--lactating", "--json"],
    "kb show": ["--json"],
    "kb sources": ["--json"],
    "foods search": ["--limit", "--json"],
    "foods show": ["--json"],
    "diet analyze": ["--age", "--sex", "--pregnant", "--lactating", "--format", "--year",
                     "--supplement", "--region", "--json"],
}  # fmt: skip
VALUES = ["40", "female", "male", "magnesium", "2 eggs", "K 3.1 mmol/L", "/nonexistent", "-"]


@FUZZ
@given(st.sampled_from(sorted(COMMANDS)), st.data())
def test_random_argv(command: str, data: st.DataObject) -> None:
    """Flags, values and junk in any order: usage errors are exit 2, never a traceback."""
    token = st.sampled_from([*COMMANDS[command], "--help", "--", "-x", "--nope"])
    token = token | st.sampled_from(VALUES) | hostile
    args = data.draw(st.lists(token, max_size=8))
    if "--help" in args:
        args.remove("--help")  # help is fine but slow to render; not what this test is for
    if any(a in ("--save", "--diary") for a in args):
        args = [a for a in args if a not in ("--save", "--diary")]  # keep the tree clean
    invoke([*command.split(), *args], json_mode=False)


@pytest.mark.parametrize(
    "env",
    [
        {"COLUMNS": "0"},
        {"COLUMNS": "-5"},
        {"COLUMNS": "abc"},
        {"COLUMNS": "100000"},
        {"LINES": "0", "COLUMNS": "1"},
        {"TERM": "dumb"},
        {"NO_COLOR": "1"},
        {"FORCE_COLOR": "1", "COLUMNS": "2"},
        {"TWITCHCHECK_HOME": "/nonexistent/\u202e[/bold]"},
        {"TWITCHCHECK_DATABASE_URL": "not a url"},
        {"HOME": ""},
    ],
    ids=lambda env: ",".join(f"{k}={v}" for k, v in env.items()),
)
@pytest.mark.parametrize(
    "args",
    [
        ["nutrients", "2 eggs"],
        ["labs", "K 3.1 mmol/L"],
        ["targets", "--age", "40", "--sex", "male"],
        ["kb", "show", "magnesium"],
    ],
    ids=lambda args: args[0],
)
def test_environment(env: dict[str, str], args: list[str]) -> None:
    invoke(args, env=env)


def _word_entries(word: str) -> list[list[str]]:
    return [
        ["nutrients", "--", word],
        ["foods", "search", "--", word],
        ["foods", "show", "--", word],
        ["labs", "--", word],
        ["kb", "show", "--", word],
        ["targets", f"--age={word}", "--sex=male"],
        ["targets", "--age=40", f"--sex={word}"],
        ["plan", "--age=40", "--sex=male", f"--dislike={word}", f"--supplement={word}"],
    ]


def _word_cases() -> list[object]:
    """Each hostile string as each argument (`make fuzz`), or in one rotating place (quick)."""
    cases = []
    for index, word in enumerate(STRINGS["text"]):
        entries = _word_entries(word)
        chosen = entries if FULL else [entries[index % len(entries)]]
        for args in chosen:
            for json_mode in [False, True] if FULL else [(index // len(entries)) % 2 == 0]:
                name = f"{args[0]}-{index}-{'json' if json_mode else 'table'}"
                cut = args.index("--") if "--" in args else len(args)
                full = [*args[:cut], *_json(json_mode), *args[cut:]]
                cases.append(pytest.param(full, id=name))
    return cases


@pytest.mark.parametrize("args", _word_cases())
def test_hostile_string(args: list[str]) -> None:
    invoke(args)


def test_brackets_shown_as_typed(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Rich output escapes what the user typed: `[skim]` and `[/bold]` appear as typed."""
    wide = {"COLUMNS": "250"}
    shown = invoke(["nutrients", "--", "[skim] milk"], env=wide).stdout
    assert "[skim] milk" in shown, f"MARKUP EATEN: nutrients '[skim] milk' printed {shown[:200]!r}"
    diary = tmp_path_factory.mktemp("markup") / "diary.txt"
    diary.write_text("2026-11-16\nzzqx [skim] [/bold] blorp\n2 eggs\n", encoding="utf-8")
    shown = invoke(["diet", "analyze", str(diary), "--age=40", "--sex=male"], env=wide).stdout
    assert "zzqx [skim] [/bold] blorp" in shown, "MARKUP EATEN in diet analyze's problem lines"


ODD_NAMES = ["loop", "diary\nwith newline.txt", "[bold]diary[red].txt", "\u202etxt.yraid", "-json"]


@pytest.mark.parametrize("name", ODD_NAMES)
@pytest.mark.parametrize(
    "entry",
    [
        ["screen", "--answers", "PATH", "--json"],
        ["screen", "--answers", "PATH"],
        ["diet", "analyze", "PATH", "--age=40", "--sex=male", "--json"],
        ["diet", "analyze", "PATH", "--age=40", "--sex=male"],
        ["plan", "--diary", "PATH", "--age=40", "--sex=male", "--json"],
    ],
    ids=lambda entry: "-".join(entry[:2]) + ("-json" if "--json" in entry else ""),
)
def test_odd_paths(tmp_path: Path, name: str, entry: list[str]) -> None:
    """A symlink loop, and file names holding a newline, markup, an RTL override, a dash."""
    path = tmp_path / name
    if name == "loop":
        path.symlink_to(path)
    else:
        path.write_text("2026-11-16\n2 eggs\n", encoding="utf-8")
    invoke([str(path) if a == "PATH" else a for a in entry])
