"""Hypothesis-made files and keyboard input: answers JSON, diaries, the interactive screening
(with `--save`: nothing written on refusal, an existing file left intact, a saved file that
`--answers` accepts) and `demo`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fuzzkit import FULL, FUZZ, invoke, strict_json
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import (
    ENCODINGS,
    answers,
    answers_text,
    csv_diary,
    diaries,
    dump_json,
    hostile,
    number,
    phrases,
    reader_lines,
    text,
    text_diary,
)

from twitchcheck.errors import InputError
from twitchcheck.foods.phrases import resolve_line

PERSON = ["--age", "40", "--sex", "female"]
GOOD_ANSWERS = {"age": 40, "sex": "female", "symptoms": ["cramps"]}
modes = st.booleans()
# The plan and the screening with a diary cost more per call: fewer examples.
FEWER = settings(FUZZ, max_examples=max(4, FUZZ.max_examples // 3))


def _json(json_mode: bool) -> list[str]:
    return ["--json"] if json_mode else []


def _folder(factory: pytest.TempPathFactory) -> Path:
    return factory.mktemp("fuzz")


# --- answers --------------------------------------------------------------------------------


@FUZZ
@given(answers_text, modes)
def test_answers_file(tmp_path_factory: pytest.TempPathFactory, body: str, json_mode: bool) -> None:
    path = _folder(tmp_path_factory) / "answers.json"
    path.write_text(body, encoding="utf-8")
    invoke(["screen", "--answers", str(path), *_json(json_mode)])


@FUZZ
@given(answers, modes)
def test_answers_structured(
    tmp_path_factory: pytest.TempPathFactory, value: dict[str, object], json_mode: bool
) -> None:
    path = _folder(tmp_path_factory) / "answers.json"
    path.write_text(dump_json(value), encoding="utf-8")
    invoke(["screen", "--answers", str(path), *_json(json_mode)])


# --- diaries --------------------------------------------------------------------------------

FORMAT = st.none() | st.sampled_from(["text", "csv", "cronometer", "myfitnesspal"])


def _write_diary(folder: Path, body: str, encoding: str, suffix: str) -> Path:
    path = folder / f"diary{suffix}"
    path.write_bytes(body.encode(encoding, errors="replace"))
    return path


@FUZZ
@given(text_diary(), st.sampled_from(ENCODINGS), FORMAT, modes)
def test_text_diary(
    tmp_path_factory: pytest.TempPathFactory,
    body: str,
    encoding: str,
    form: str | None,
    json_mode: bool,
) -> None:
    path = _write_diary(_folder(tmp_path_factory), body, encoding, ".txt")
    options = [] if form is None else [f"--format={form}"]
    invoke(["diet", "analyze", str(path), *PERSON, *options, *_json(json_mode)])


@FUZZ
@given(csv_diary(), st.sampled_from(ENCODINGS), FORMAT, st.sampled_from([".csv", ".txt"]), modes)
def test_csv_diary(
    tmp_path_factory: pytest.TempPathFactory,
    body: str,
    encoding: str,
    form: str | None,
    suffix: str,
    json_mode: bool,
) -> None:
    path = _write_diary(_folder(tmp_path_factory), body, encoding, suffix)
    options = [] if form is None else [f"--format={form}"]
    invoke(["diet", "analyze", str(path), *PERSON, *options, *_json(json_mode)])


@FEWER
@given(diaries, modes)
def test_plan_with_diary(
    tmp_path_factory: pytest.TempPathFactory, body: str, json_mode: bool
) -> None:
    path = _write_diary(_folder(tmp_path_factory), body, "utf-8", ".txt")
    invoke(["plan", "--diary", str(path), *PERSON, *_json(json_mode)])


@FEWER
@given(diaries, modes)
def test_screen_with_diary(
    tmp_path_factory: pytest.TempPathFactory, body: str, json_mode: bool
) -> None:
    folder = _folder(tmp_path_factory)
    path = _write_diary(
        folder, body, "utf-8", ".csv" if body.startswith(("date", "Da", "id")) else ".txt"
    )
    answers_path = folder / "answers.json"
    answers_path.write_text(json.dumps(GOOD_ANSWERS), encoding="utf-8")
    invoke(["screen", "--answers", str(answers_path), "--diary", str(path), *_json(json_mode)])


# --- the interactive screening and --save ----------------------------------------------------

# A complete run of the questions for a 34-year-old woman (tests/cli/test_screen_cli.py).
SCRIPT = [
    "34", "female", "n", "n", "1, 5", "", "eyelid", "1", "daily", "day", "moderate", "", "",
    "", "omnivore", "y", "n", "n", "n", "", "6", "", "", "", "2", "n", "n", "moderate", "2",
    "high", "5", "", "",
]  # fmt: skip
# A 3-year-old with 300 drinks a week, 40 coffees and nicotine (the example).
TODDLER = [
    "3", "male", "1", "", "calf", "1", "daily", "night", "", "", "", "", "omnivore", "y", "n",
    "n", "n", "", "40", "", "", "20", "300", "y", "n", "intense", "0", "high", "2", "", "",
]  # fmt: skip
typed = st.one_of(
    text,
    number,
    hostile,
    phrases,
    st.sampled_from(["y", "n", "", "1, 5", "99", "-1", "0", "120", "female", "male", "vegan"]),
)


@st.composite
def script(draw: st.DrawFn) -> str:
    """The complete run with some answers replaced by junk, perhaps cut off (end of input)."""
    lines = list(draw(st.sampled_from([SCRIPT, TODDLER])))
    for index in range(len(lines)):
        if draw(st.integers(0, 6)) == 0:
            lines[index] = draw(typed)
    cut = draw(st.none() | st.integers(0, len(lines)))
    lines = lines[:cut] if cut is not None else [*lines, *[""] * 40]
    return "\n".join(lines) + ("\n" if lines else "")


def _listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def check_save(folder: Path, target: Path, before: dict[str, bytes], exit_code: int) -> None:
    """On refusal nothing changed in the folder; on success the file is good answers."""
    after = _listing(folder)
    if exit_code != 0:
        assert after == before, (
            f"SAVE ON REFUSAL (exit {exit_code}): the folder changed: "
            f"{sorted(set(after) ^ set(before)) or 'an existing file was rewritten'}"
        )
        return
    assert set(after) - set(before) <= {target.name}, f"SAVE LEFT STRAY FILES: {sorted(after)}"
    try:
        strict_json(target.read_text(encoding="utf-8"))
    except ValueError as error:
        raise AssertionError(f"SAVED FILE IS NOT STRICT JSON ({error})") from None
    rerun = invoke(["screen", "--answers", str(target), "--json"])
    assert rerun.exit_code == 0, f"SAVED FILE REFUSED by --answers: {rerun.stdout[:300]}"


@FUZZ
@given(script(), st.booleans(), modes)
def test_interactive_save(
    tmp_path_factory: pytest.TempPathFactory, keys: str, existing: bool, json_mode: bool
) -> None:
    folder = _folder(tmp_path_factory)
    target = folder / "saved.json"
    if existing:
        target.write_text(json.dumps(GOOD_ANSWERS), encoding="utf-8")
    before = _listing(folder)
    call = invoke(["screen", "--save", str(target), *_json(json_mode)], input=keys)
    check_save(folder, target, before, call.exit_code)


@pytest.mark.parametrize("existing", [False, True], ids=["new", "existing"])
@pytest.mark.parametrize(
    "keys",
    [
        pytest.param("", id="no-input"),
        pytest.param("34\nfemale\n", id="cut-off"),
        pytest.param("\n".join(TODDLER) + "\n" * 40, id="toddler-300-drinks"),
        pytest.param("\n".join(SCRIPT) + "\n" * 40, id="complete"),
    ],
)
@pytest.mark.parametrize("json_mode", [False, True], ids=["table", "json"])
def test_save_refusal_leaves_files_alone(
    tmp_path: Path, keys: str, existing: bool, json_mode: bool
) -> None:
    target = tmp_path / "saved.json"
    if existing:
        target.write_text(json.dumps(GOOD_ANSWERS), encoding="utf-8")
    before = _listing(tmp_path)
    call = invoke(["screen", "--save", str(target), *_json(json_mode)], input=keys)
    check_save(tmp_path, target, before, call.exit_code)


@pytest.mark.parametrize(
    "target",
    ["/nonexistent/dir/saved.json", "/dev/full", "/proc/version", "/", "[red]saved.json"],
)
def test_save_to_bad_places(tmp_path: Path, target: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A full disk, a missing folder, a read-only file, a folder: refused, no traceback."""
    monkeypatch.chdir(tmp_path)
    if target.startswith("/dev/") and not Path(target).exists():
        pytest.skip(f"{target} is not on this system")
    invoke(["screen", "--save", target], input="\n".join(SCRIPT) + "\n" * 40)


# --- demo -----------------------------------------------------------------------------------


@FUZZ
@given(st.lists(phrases | typed, max_size=6))
def test_demo(lines: list[str]) -> None:
    invoke(["demo"], input="\n".join(lines) + "\n")


# --- the line reader, in process ------------------------------------------------------------


# In process and cheap: many more examples than the command-line tests take.
@settings(FUZZ, max_examples=3000 if FULL else 200)
@given(reader_lines, st.sampled_from([None, "uk", "us"]))
def test_reader_lines_resolve_or_are_refused(line: str, region: str | None) -> None:
    """A line of the reader's own words either resolves to items or is refused with a
    message: never another exception."""
    try:
        found = resolve_line(line, region)
    except InputError as error:
        message = str(error)
        assert message
    else:
        assert found.items
        assert all(item.grams.grams >= 0 for item in found.items)
