"""Every committed hostile file (tests/data/hostile/) through every command that reads a file.

The quick run (`make test`) gives each file to the readers it is meant for, in one output mode
(both modes for the markup files); `make fuzz` crosses every file with every reader and mode.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fuzzkit import FULL, corpus, invoke, is_answers_like, is_generic

FILES = corpus()
PERSON = ["--age", "40", "--sex", "female"]
GOOD_ANSWERS = {"age": 40, "sex": "female", "symptoms": ["cramps", "night_time"]}
# A few diaries that read, or nearly, and carry absurd or hostile content: their results flow
# into the plan and the screening.
FLOWING = {
    "diary_absurd_amounts.txt",
    "diary_day_names_only.txt",
    "diary_nan_cells.csv",
    "diary_supplement_lines.txt",
    "markup.txt",
    "mfp_no_micros.csv",
    "mfp_negative_values.csv",
    "mfp_nan_inf.csv",
    "cronometer_negative_and_huge.csv",
    "cronometer_nan.csv",
    "ont_nan_tokens.json",
    "query_syntax.txt",
    "zero_width.txt",
}


def _modes(path: Path, index: int) -> list[bool]:
    """The output modes to try: both for markup or in the full run, else one, alternating."""
    if FULL or "markup" in path.name or "hostile" in path.name:
        return [False, True]
    return [index % 2 == 1]


def _cases(wanted: object) -> list[object]:
    cases = []
    for index, path in enumerate(FILES):
        if FULL or wanted(path):  # type: ignore[operator]
            for json_mode in _modes(path, index):
                mode = "json" if json_mode else "table"
                cases.append(pytest.param(path, json_mode, id=f"{path.name}-{mode}"))
    return cases


def _flag(json_mode: bool) -> list[str]:
    return ["--json"] if json_mode else []


@pytest.mark.parametrize(
    ("path", "json_mode"), _cases(lambda p: is_answers_like(p) or is_generic(p))
)
def test_screen_answers(path: Path, json_mode: bool) -> None:
    invoke(["screen", "--answers", str(path), *_flag(json_mode)])


@pytest.mark.parametrize(
    ("path", "json_mode"),
    _cases(lambda p: is_generic(p) or not is_answers_like(p) or p.name.startswith("ont_")),
)
def test_diet_analyze(path: Path, json_mode: bool) -> None:
    invoke(["diet", "analyze", str(path), *PERSON, *_flag(json_mode)])


@pytest.mark.parametrize(("path", "json_mode"), _cases(lambda p: p.name in FLOWING))
def test_plan_diary(path: Path, json_mode: bool) -> None:
    invoke(["plan", "--diary", str(path), *PERSON, *_flag(json_mode)])


@pytest.mark.parametrize(("path", "json_mode"), _cases(lambda p: p.name in FLOWING))
def test_screen_diary(path: Path, json_mode: bool, tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(GOOD_ANSWERS), encoding="utf-8")
    invoke(["screen", "--answers", str(answers), "--diary", str(path), *_flag(json_mode)])


def test_corpus_files_are_small() -> None:
    too_big = [p.name for p in FILES if p.stat().st_size >= 20_000]
    assert not too_big, "corpus files stay under 20 KB; make big ones at run time"
    assert len(FILES) >= 60
