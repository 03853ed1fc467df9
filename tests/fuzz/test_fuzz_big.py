"""Inputs too big, too deep or too endless to commit or to run in-process.

Each case runs as its own process with a memory cap and a kill timer, so a hang or an
unbounded read fails the test instead of stopping the suite; the cases run a few at a time.
Files are made at run time in a temporary folder: 10,000-level JSON, 20 MB files, 1 MB
lines, /dev/zero and /dev/urandom, closed stdin, argv that is not UTF-8, 100 KB arguments.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from fuzzkit import FULL, Call, Process, check_process

pytestmark = pytest.mark.slow  # real processes with memory caps: make quick skips them

PERSON = ["--age", "40", "--sex", "female"]
ANSWERS = {"age": 40, "sex": "female", "symptoms": ["cramps"]}
MB = 1024 * 1024
ARG = 100 * 1024  # Linux caps one argument at 128 KB


def _write(folder: Path, name: str, data: str | bytes) -> str:
    path = folder / name
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return str(path)


def _answers(folder: Path, name: str, **fields: object) -> str:
    return _write(folder, name, json.dumps({**ANSWERS, **fields}))


@dataclass
class Case:
    make: Callable[[Path], Process]
    quick: bool = False  # also in the quick run (`make test`)


def _deep_object(folder: Path) -> Process:
    text = '{"age": 40, "sex": "male", "lifestyle": ' + '{"a": ' * 10_000 + "1" + "}" * 10_001
    return Process(
        ["screen", "--answers", _write(folder, "deep.json", text), "--json"], json_mode=True
    )


def _deep_list(folder: Path) -> Process:
    text = '{"age": 40, "sex": "male", "symptoms": ' + "[" * 10_000 + "]" * 10_000 + "}"
    return Process(["screen", "--answers", _write(folder, "deep_list.json", text)])


def _deep_diary(folder: Path) -> Process:
    path = _write(folder, "user_intake.json", "[" * 10_000 + "]" * 10_000)
    return Process(["diet", "analyze", path, *PERSON, "--json"], json_mode=True)


def _big_diary(folder: Path) -> Process:
    text = "2026-11-16\n" + "2 eggs and a cup of milk\n" * (20 * MB // 25)
    path = _write(folder, "big.txt", text)
    return Process(["diet", "analyze", path, *PERSON, "--json"], json_mode=True)


def _big_answers(folder: Path) -> Process:
    path = _answers(folder, "big.json", symptoms=["cramps"] * (20 * MB // 10))
    return Process(["screen", "--answers", path, "--json"], json_mode=True)


def _big_padded_answers(folder: Path) -> Process:
    path = _write(folder, "padded.json", json.dumps(ANSWERS) + " " * (20 * MB))
    return Process(["screen", "--answers", path])


def _long_line_diary(folder: Path) -> Process:
    path = _write(folder, "line.txt", "2026-11-16\n" + "egg " * (MB // 4) + "\n")
    return Process(["diet", "analyze", path, *PERSON])


def _long_line_csv(folder: Path) -> Process:
    text = "date,food,amount\n2026-11-16," + "milk " * (MB // 5) + ",1 cup\n"
    path = _write(folder, "line.csv", text)
    return Process(["diet", "analyze", path, *PERSON, "--json"], json_mode=True)


def _many_lines_diary(folder: Path) -> Process:
    path = _write(folder, "lines.txt", "2026-11-16\n" + "1 egg\n" * 200_000)
    return Process(["diet", "analyze", path, *PERSON, "--json"], json_mode=True)


def _long_symptom(folder: Path) -> Process:
    path = _answers(folder, "symptom.json", symptoms=["cramps" + "x" * MB])
    return Process(["screen", "--answers", path, "--json"], json_mode=True)


def _long_medicine(folder: Path) -> Process:
    path = _answers(folder, "medicine.json", medications=["furosemide " * (MB // 11)])
    return Process(["screen", "--answers", path])


def _many_symptoms(folder: Path) -> Process:
    path = _answers(folder, "symptoms.json", symptoms=[f"symptom{i}" for i in range(100_000)])
    return Process(["screen", "--answers", path, "--json"], json_mode=True)


def _many_labs(folder: Path) -> Process:
    path = _answers(folder, "labs.json", labs=["potassium 3.1 mmol/L"] * 10_000)
    return Process(["screen", "--answers", path, "--json"], json_mode=True)


def _zero(*args: str, json_mode: bool = True) -> Callable[[Path], Process]:
    def make(folder: Path) -> Process:
        answers = _answers(folder, "good.json")
        filled = [answers if a == "GOOD" else a for a in args]
        return Process([*filled, *(["--json"] if json_mode else [])], json_mode=json_mode)

    return make


def _closed_stdin(*args: str) -> Callable[[Path], Process]:
    return lambda folder: Process(list(args), close_stdin=True)


def _eof_stdin(*args: str) -> Callable[[Path], Process]:
    return lambda folder: Process(list(args), stdin=b"")


def _bytes_arg(*args: str | bytes, json_mode: bool = False) -> Callable[[Path], Process]:
    return lambda folder: Process(list(args), json_mode=json_mode)


def _bytes_path(folder: Path) -> Process:
    path = os.fsencode(folder) + b"/diary-\xff\xfe.txt"
    with open(path, "wb") as handle:
        handle.write(b"2026-11-16\n2 eggs\n")
    return Process(["diet", "analyze", path, *PERSON])


def _stdout(*args: str, stdout: str) -> Callable[[Path], Process]:
    """Output to a reader that stops after a few bytes (`| head -c 64`) or to a full disk."""
    return lambda folder: Process(list(args), stdout=stdout)


def _long_arg(*args: str, json_mode: bool = True) -> Callable[[Path], Process]:
    return lambda folder: Process(list(args), json_mode=json_mode)


CASES: dict[str, Case] = {
    "answers-10000-deep-object": Case(_deep_object, quick=True),
    "answers-10000-deep-list": Case(_deep_list),
    "diary-10000-deep-json": Case(_deep_diary, quick=True),
    "diary-20MB": Case(_big_diary, quick=True),
    "answers-20MB": Case(_big_answers, quick=True),
    "answers-20MB-of-spaces": Case(_big_padded_answers),
    "diary-1MB-line": Case(_long_line_diary, quick=True),
    "diary-csv-1MB-cell": Case(_long_line_csv),
    "diary-200000-lines": Case(_many_lines_diary, quick=True),
    "answers-1MB-symptom": Case(_long_symptom, quick=True),
    "answers-1MB-medicine": Case(_long_medicine),
    "answers-100000-symptoms": Case(_many_symptoms),
    "answers-10000-labs": Case(_many_labs),
    "screen-answers-dev-zero": Case(_zero("screen", "--answers", "/dev/zero"), quick=True),
    "diet-dev-zero": Case(_zero("diet", "analyze", "/dev/zero", *PERSON), quick=True),
    "plan-diary-dev-zero": Case(_zero("plan", "--diary", "/dev/zero", *PERSON)),
    "screen-diary-dev-zero": Case(_zero("screen", "--answers", "GOOD", "--diary", "/dev/zero")),
    "diet-dev-urandom": Case(_zero("diet", "analyze", "/dev/urandom", *PERSON, json_mode=False)),
    "screen-stdin-closed": Case(_closed_stdin("screen"), quick=True),
    "screen-stdin-closed-save": Case(_closed_stdin("screen", "--save", "/dev/null/x.json")),
    "screen-stdin-empty": Case(_eof_stdin("screen")),
    "demo-stdin-closed": Case(_closed_stdin("demo")),
    "nutrients-argv-not-utf8": Case(_bytes_arg("nutrients", b"2 \xff\xfe eggs"), quick=True),
    "labs-argv-not-utf8": Case(
        _bytes_arg("labs", b"potassium \xff mmol/L", "--json", json_mode=True)
    ),
    "foods-search-argv-not-utf8": Case(_bytes_arg("foods", "search", b"milk\xc3", "--json")),
    "kb-show-argv-not-utf8": Case(_bytes_arg("kb", "show", b"\xffmagnesium")),
    "diet-path-not-utf8": Case(_bytes_path),
    "nutrients-100KB": Case(_long_arg("nutrients", "egg " * (ARG // 4), "--json"), quick=True),
    "foods-search-100KB": Case(_long_arg("foods", "search", "milk " * (ARG // 5), "--json")),
    "labs-100KB": Case(_long_arg("labs", "potassium " + "3" * ARG + " mmol/L", "--json")),
    "kb-show-100KB": Case(_long_arg("kb", "show", "magnesium" * (ARG // 9), json_mode=False)),
    "plan-dislike-100KB": Case(_long_arg("plan", *PERSON, "--dislike", "x" * ARG, "--json")),
    "plan-supplement-100KB": Case(
        _long_arg("plan", *PERSON, "--supplement", "vitamin D " * (ARG // 10), "--json")
    ),
    "kb-sources-reader-goes-away": Case(_stdout("kb", "sources", stdout="closed"), quick=True),
    "foods-search-reader-goes-away": Case(_stdout("foods", "search", "milk", stdout="closed")),
    "kb-sources-stdout-disk-full": Case(_stdout("kb", "sources", stdout="/dev/full")),
    "nutrients-json-stdout-disk-full": Case(
        _stdout("nutrients", "2 eggs", "--json", stdout="/dev/full")
    ),
    "targets-age-100KB": Case(_long_arg("targets", "--age", "4" * ARG, "--sex", "male", "--json")),
}
SELECTED = {name: case for name, case in CASES.items() if FULL or case.quick}


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Call | AssertionError]:
    """Run every selected case, a few at a time; a hang or a kill is kept as its error."""
    folder = tmp_path_factory.mktemp("big")

    def run(name: str) -> Call | AssertionError:
        own = folder / name
        own.mkdir()
        try:
            return SELECTED[name].make(own).run()
        except AssertionError as error:
            return error

    with ThreadPoolExecutor(max_workers=max(2, min(4, os.cpu_count() or 2))) as pool:
        return dict(zip(SELECTED, pool.map(run, SELECTED), strict=True))


@pytest.mark.parametrize("name", list(SELECTED))
def test_big(name: str, outcomes: dict[str, Call | AssertionError]) -> None:
    outcome = outcomes[name]
    if isinstance(outcome, AssertionError):
        raise outcome
    check_process(outcome)
