"""Score the realistic-diary evidence set of issue 11 against the diary reader, never crashing.

    python tools/score_diaries.py [--check] [--quiet] [DIR]   (default tests/data/real_diaries)

Each diary (*.txt in DIR) is read by `twitchcheck.diary.read_diary` as it is (with the
diary's region when the reader accepts a `region` argument), and every food line is compared
with its hand-made judgement in DIR/judgements.yaml:

  matched right   one food, an acceptable one, with grams in the judged range
  split right     the line's components, each acceptable and in range, nothing extra
  flagged right   a line that names no food, reported (unmatched/invalid/needs detail)
                  and not counted as a food
  wrong food      a food (or a set of parts) the judgement does not accept; "silent" when
                  the reader did not mark it uncertain, "flagged" when it did
  wrong amount    acceptable food(s), grams out of range
  unmatched       a food line reported as unmatched or invalid, so not counted
  not read        a food line the reader neither used nor reported
  error           the reader raised on the line (the whole file could not be read, and
                  the line alone raised too)

A written time or meal is kept when an entry of the line, or its problem record (a line not
counted), carries it.

A line that a later reader splits into parts is recognised whether the parts come as
several entries with the same line number or as a sequence attribute of one entry
(`components`, `parts`, `split` or `items`, on the entry or on its item).

`--check` only validates the judgement file (every id and name exists in the food
database, every food line of every diary is judged) and runs no diary through the reader.
One line per food line, then a table per diary and overall.
"""

from __future__ import annotations

import argparse
import datetime
import fnmatch
import inspect
import re
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

DEFAULT = Path(__file__).resolve().parent.parent / "tests/data/real_diaries"
KINDS = ("match", "split", "needs_detail")
OUTCOMES = (
    "matched right",
    "split right",
    "flagged right",
    "wrong food, silent",
    "wrong food, flagged",
    "wrong amount",
    "unmatched",
    "not read",
    "error",
)
RIGHT = frozenset({"matched right", "split right", "flagged right"})
_TIME = re.compile(r"^\d{1,2}[:.]\d{2}\b")
_MEAL = re.compile(r"^(breakfast|brunch|lunch|dinner|supper|snack)\b[^:-]{0,8}[:-]", re.IGNORECASE)
_PIECE_ATTRS = ("components", "parts", "split", "items")


# --- judgements ---------------------------------------------------------------------------


@dataclass(frozen=True)
class FoodSet:
    """Acceptable foods: ids, exact names and name globs."""

    ids: frozenset[str]
    names: frozenset[str]
    globs: tuple[str, ...]

    def accepts(self, food_id: str, name: str) -> bool:
        if food_id in self.ids or name in self.names:
            return True
        return any(fnmatch.fnmatchcase(name, pattern) for pattern in self.globs)


@dataclass(frozen=True)
class Choice:
    """One acceptable food set with its gram range."""

    foods: FoodSet
    lo: float
    hi: float

    def food_ok(self, piece: Piece) -> bool:
        return piece.food_id is not None and self.foods.accepts(piece.food_id, piece.name)

    def grams_ok(self, piece: Piece) -> bool:
        return piece.grams is not None and self.lo <= piece.grams <= self.hi


@dataclass(frozen=True)
class Component:
    choices: tuple[Choice, ...]
    optional: bool = False


@dataclass(frozen=True)
class Judgement:
    text: str
    expect: str
    match: tuple[Choice, ...] = ()
    splits: tuple[tuple[Component, ...], ...] = ()
    note: str = ""


class JudgementError(ValueError):
    """The judgement file is malformed."""


def _members(spec: Any, sets: Mapping[str, Any], seen: tuple[str, ...] = ()) -> Iterable[str]:
    """Every id, name or glob in a foods list, with "$set" references expanded."""
    if not isinstance(spec, list):
        raise JudgementError(f"a foods list is expected, got {spec!r}")
    for item in spec:
        text = str(item)
        if text.startswith("$"):
            key = text[1:]
            if key in seen:
                raise JudgementError(f"food set {key!r} refers to itself")
            if key not in sets:
                raise JudgementError(f"unknown food set {text!r}")
            yield from _members(sets[key], sets, (*seen, key))
        else:
            yield text


def _food_set(spec: Any, sets: Mapping[str, Any]) -> FoodSet:
    ids: set[str] = set()
    names: set[str] = set()
    globs: list[str] = []
    for member in _members(spec, sets):
        if re.fullmatch(r"(sr28|fndds):\d+", member):
            ids.add(member)
        elif any(ch in member for ch in "*?["):
            globs.append(member)
        else:
            names.add(member)
    return FoodSet(frozenset(ids), frozenset(names), tuple(globs))


def _choice(spec: Any, sets: Mapping[str, Any]) -> Choice:
    if not isinstance(spec, dict) or "foods" not in spec or "grams" not in spec:
        raise JudgementError(f"expected {{foods, grams}}, got {spec!r}")
    lo, hi = (float(x) for x in spec["grams"])
    if lo > hi:
        raise JudgementError(f"gram range {spec['grams']} is upside down")
    return Choice(_food_set(spec["foods"], sets), lo, hi)


def _component(spec: Any, sets: Mapping[str, Any]) -> Component:
    if not isinstance(spec, dict):
        raise JudgementError(f"a component is a mapping, got {spec!r}")
    optional = bool(spec.get("optional", False))
    if "any" in spec:
        return Component(tuple(_choice(c, sets) for c in spec["any"]), optional)
    return Component((_choice(spec, sets),), optional)


def _judgement(text: str, spec: Any, sets: Mapping[str, Any]) -> Judgement:
    if not isinstance(spec, dict) or spec.get("expect") not in KINDS:
        raise JudgementError(f"{text!r}: expect must be one of {', '.join(KINDS)}")
    raw_match = spec.get("match")
    matches: list[Any] = []
    if isinstance(raw_match, list):
        matches = raw_match
    elif raw_match is not None:
        matches = [raw_match]
    splits = [spec[key] for key in ("split", "alt_split") if spec.get(key)]
    judgement = Judgement(
        text,
        spec["expect"],
        tuple(_choice(m, sets) for m in matches),
        tuple(tuple(_component(c, sets) for c in split) for split in splits),
        str(spec.get("note", "")),
    )
    if judgement.expect == "match" and not judgement.match:
        raise JudgementError(f"{text!r}: a match line needs a match")
    if judgement.expect == "split" and not judgement.splits:
        raise JudgementError(f"{text!r}: a split line needs a split")
    return judgement


@dataclass
class DiaryJudgements:
    file: str
    region: str | None
    lines: dict[str, Judgement]


def load_judgements(path: Path) -> tuple[list[DiaryJudgements], dict[str, Any]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or "diaries" not in data:
        raise JudgementError(f"{path}: no 'diaries' mapping")
    sets: dict[str, Any] = data.get("foods") or {}
    diaries = []
    for file, spec in data["diaries"].items():
        lines = {
            str(text): _judgement(str(text), line_spec, sets)
            for text, line_spec in (spec.get("lines") or {}).items()
        }
        diaries.append(DiaryJudgements(str(file), spec.get("region"), lines))
    return diaries, sets


# --- what the reader said about a line ----------------------------------------------------


@dataclass(frozen=True)
class Piece:
    """One food the reader counted for a line."""

    food_id: str | None
    name: str
    grams: float | None
    uncertain: bool

    def describe(self) -> str:
        grams = "? g" if self.grams is None else f"{self.grams:.0f} g"
        flag = " (uncertain)" if self.uncertain else ""
        return f"{self.name} [{self.food_id}] {grams}{flag}"


@dataclass
class LineResult:
    pieces: list[Piece] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # problem kinds
    messages: list[str] = field(default_factory=list)
    error: str | None = None
    meals: list[str | None] = field(default_factory=list)
    times: list[object] = field(default_factory=list)


def _grams(obj: Any) -> float | None:
    grams = getattr(obj, "grams", None)
    if grams is None:
        return None
    if isinstance(grams, int | float):
        return float(grams)
    inner = getattr(grams, "grams", None)
    return float(inner) if isinstance(inner, int | float) else None


def _piece(obj: Any) -> Piece:
    """A Piece from an Item, a DiaryEntry or anything shaped like them."""
    item = getattr(obj, "item", None) or obj
    food = getattr(item, "food", None)
    food_id = getattr(food, "id", None)
    name = str(getattr(food, "name", "") or "")
    grams = _grams(item)
    if grams is None:
        grams = _grams(obj)
    uncertain = bool(getattr(item, "uncertain", False) or getattr(obj, "uncertain", False))
    return Piece(None if food_id is None else str(food_id), name, grams, uncertain)


def _pieces(entry: Any) -> list[Piece]:
    for holder in (entry, getattr(entry, "item", None)):
        for attr in _PIECE_ATTRS:
            parts = getattr(holder, attr, None) if holder is not None else None
            if isinstance(parts, Sequence) and not isinstance(parts, str) and parts:
                return [_piece(part) for part in parts]
    return [_piece(entry)]


def _collect(diary: Any, results: dict[int, LineResult], offset: int = 0) -> None:
    for entry in getattr(diary, "entries", ()):
        result = results.setdefault(int(entry.line) + offset, LineResult())
        uncertain = bool(getattr(getattr(entry, "item", None), "uncertain", False))
        for piece in _pieces(entry):
            if uncertain and not piece.uncertain:
                piece = Piece(piece.food_id, piece.name, piece.grams, True)
            result.pieces.append(piece)
        result.meals.append(getattr(entry, "meal", None))
        result.times.append(getattr(entry, "time", None))
    for problem in getattr(diary, "problems", ()):
        result = results.setdefault(int(problem.line) + offset, LineResult())
        kind = str(getattr(problem, "kind", "problem"))
        result.problems.append(kind)
        # A line not counted still keeps when it was eaten on its problem record.
        result.meals.append(getattr(problem, "meal", None))
        result.times.append(getattr(problem, "time", None))
        result.messages.append(f"{kind}: {getattr(problem, 'message', '')}")
    for result in results.values():
        if any(k == "uncertain" for k in result.problems):
            result.pieces = [Piece(p.food_id, p.name, p.grams, True) for p in result.pieces]


def read_results(
    path: Path, region: str | None, food_lines: Sequence[tuple[int, str]]
) -> tuple[dict[int, LineResult], list[str]]:
    """Every line's result, and notes on how the diary was read. Never raises."""
    notes: list[str] = []
    results: dict[int, LineResult] = {}
    try:
        from twitchcheck.diary import parse_diary_text, read_diary
    except Exception as error:  # the reader itself cannot be imported
        for number, _ in food_lines:
            results[number] = LineResult(error=f"import: {type(error).__name__}: {error}")
        return results, [f"cannot import twitchcheck.diary: {error}"]
    kwargs: dict[str, Any] = {"today": datetime.date(2026, 1, 1)}
    accepted: Mapping[str, inspect.Parameter]
    try:
        accepted = inspect.signature(read_diary).parameters
    except (TypeError, ValueError):
        accepted = {}
    if "region" in accepted and region:
        kwargs["region"] = region
    elif region:
        notes.append(f"read_diary takes no region; read without region {region!r}")
    kwargs = {k: v for k, v in kwargs.items() if k in accepted or not accepted}
    try:
        diary = read_diary(path, **kwargs)
    except Exception as error:
        notes.append(f"whole diary refused ({type(error).__name__}: {error}); read line by line")
    else:
        _collect(diary, results)
        return results, notes
    # Fallback: each food line on its own under a neutral date heading.
    for number, text in food_lines:
        try:
            one = parse_diary_text(f"2025-01-01\n{text}\n", "text", **kwargs_text(kwargs))
        except Exception as error:
            results[number] = LineResult(error=f"{type(error).__name__}: {error}")
            continue
        _collect(one, results, offset=number - 2)
    return results, notes


def kwargs_text(kwargs: Mapping[str, Any]) -> dict[str, Any]:
    """The options of read_diary that parse_diary_text takes too."""
    try:
        from twitchcheck.diary import parse_diary_text

        accepted = inspect.signature(parse_diary_text).parameters
    except Exception:
        return {}
    return {k: v for k, v in kwargs.items() if k in accepted}


# --- scoring ------------------------------------------------------------------------------


def _assign(pieces: Sequence[Piece], components: Sequence[Component], check_grams: bool) -> bool:
    """Can every piece be given to a distinct component it satisfies, covering the required?"""

    def fits(piece: Piece, component: Component) -> bool:
        return any(
            c.food_ok(piece) and (c.grams_ok(piece) or not check_grams) for c in component.choices
        )

    def place(i: int, used: frozenset[int]) -> bool:
        if i == len(pieces):
            return all(c.optional or j in used for j, c in enumerate(components))
        return any(
            j not in used and fits(pieces[i], component) and place(i + 1, used | {j})
            for j, component in enumerate(components)
        )

    return place(0, frozenset())


def _single_ok(piece: Piece, judgement: Judgement, check_grams: bool) -> bool:
    if any(c.food_ok(piece) and (c.grams_ok(piece) or not check_grams) for c in judgement.match):
        return True
    return any(_assign([piece], split, check_grams) for split in judgement.splits)


def classify(judgement: Judgement, result: LineResult) -> tuple[str, str]:
    """(outcome, what was found) for one food line."""
    if result.error is not None and not result.pieces:
        return "error", result.error
    pieces = [p for p in result.pieces if p.food_id is not None]
    found = "; ".join(p.describe() for p in result.pieces) or "; ".join(result.messages)
    if not pieces:
        if judgement.expect == "needs_detail":
            return ("flagged right", found) if result.problems else ("not read", found)
        if result.problems or result.pieces:
            return "unmatched", found or "no food"
        return "not read", "the reader neither used nor reported the line"
    uncertain = any(p.uncertain for p in pieces)
    wrong = "wrong food, flagged" if uncertain else "wrong food, silent"
    if judgement.expect == "needs_detail":
        return wrong, f"guessed: {found}"
    if len(pieces) == 1:
        if _single_ok(pieces[0], judgement, True):
            return "matched right", found
        if _single_ok(pieces[0], judgement, False):
            return "wrong amount", found
        partial = any(
            _assign(pieces, [*(Component(c.choices, True) for c in split)], False)
            for split in judgement.splits
        )
        return wrong, ("only part of the line: " if partial else "") + found
    if any(_assign(pieces, split, True) for split in judgement.splits):
        return "split right", found
    if any(_assign(pieces, split, False) for split in judgement.splits):
        return "wrong amount", found
    return wrong, found


# --- the run ------------------------------------------------------------------------------


@dataclass
class Scored:
    file: str
    line: int
    text: str
    expect: str
    outcome: str
    found: str
    timed: bool
    time_kept: bool
    meal_written: bool
    meal_kept: bool


def food_lines(
    path: Path, judged: Mapping[str, Judgement]
) -> tuple[list[tuple[int, str]], list[str]]:
    """(line number, text) of every judged line in the file, and the unjudged non-blank lines."""
    lines: list[tuple[int, str]] = []
    unjudged: list[str] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        text = raw.strip()
        if not text or text.startswith("#"):
            continue
        if text in judged:
            lines.append((number, text))
        else:
            unjudged.append(f"{path.name}:{number}: {text}")
    return lines, unjudged


def score_diary(directory: Path, spec: DiaryJudgements) -> tuple[list[Scored], list[str]]:
    path = directory / spec.file
    lines, _ = food_lines(path, spec.lines)
    results, notes = read_results(path, spec.region, lines)
    scored = []
    for number, text in lines:
        judgement = spec.lines[text]
        result = results.get(number, LineResult())
        try:
            outcome, found = classify(judgement, result)
        except Exception as error:  # a scorer bug must not hide the other lines
            outcome, found = "error", f"scorer: {type(error).__name__}: {error}"
        timed = bool(_TIME.match(text))
        kept = timed and (
            any(t is not None for t in result.times)
            or any(m is not None and any(ch.isdigit() for ch in m) for m in result.meals)
        )
        meal_written = bool(_MEAL.match(text))
        meal_kept = meal_written and any(m is not None for m in result.meals)
        scored.append(
            Scored(
                spec.file,
                number,
                text,
                judgement.expect,
                outcome,
                found,
                timed,
                kept,
                meal_written,
                meal_kept,
            )
        )
    return scored, notes


def check(directory: Path, diaries: Sequence[DiaryJudgements], sets: Mapping[str, Any]) -> int:
    """Validate the judgements against the food database and the diaries; 0 when all is well."""
    from twitchcheck.foods.database import connect

    rows = connect().execute("SELECT id, name FROM food").fetchall()
    ids = {str(i) for i, _ in rows}
    names = [str(n) for _, n in rows]
    name_set = set(names)
    failures = 0
    used: set[str] = set()

    def walk(spec: Any) -> None:
        nonlocal failures
        for member in spec if isinstance(spec, list) else []:
            text = str(member)
            if text.startswith("$"):
                used.add(text[1:])
                continue
            if re.fullmatch(r"(sr28|fndds):\d+", text):
                ok = text in ids
            elif any(ch in text for ch in "*?["):
                ok = any(fnmatch.fnmatchcase(n, text) for n in names)
            else:
                ok = text in name_set
            if not ok:
                failures += 1
                print(f"no such food: {text!r}")

    def walk_line(spec: Any) -> None:
        if isinstance(spec, dict):
            if "foods" in spec:
                walk(spec["foods"])
            for value in spec.values():
                walk_line(value)
        elif isinstance(spec, list):
            for value in spec:
                walk_line(value)

    for spec in sets.values():
        walk(spec)
    data = yaml.safe_load((directory / "judgements.yaml").read_text(encoding="utf-8"))
    walk_line(data["diaries"])
    for name in sorted(set(sets) - used):
        print(f"food set never used: ${name}")
    counts: Counter[str] = Counter()
    for diary in diaries:
        lines, unjudged = food_lines(directory / diary.file, diary.lines)
        present = {text for _, text in lines}
        for text in sorted(set(diary.lines) - present):
            failures += 1
            print(f"{diary.file}: judged but not in the diary: {text!r}")
        for line in unjudged:
            print(f"not judged (must be a heading): {line}")
        counts.update(diary.lines[text].expect for _, text in lines)
        print(f"{diary.file}: {len(lines)} food lines, {len(diary.lines)} distinct")
    print("lines by expected kind: " + ", ".join(f"{k} {counts[k]}" for k in KINDS))
    print("judgements OK" if failures == 0 else f"{failures} problem(s) in the judgements")
    return 0 if failures == 0 else 1


def table(rows: Sequence[Scored], label: str) -> str:
    counts = Counter(r.outcome for r in rows)
    cells = [f"{counts[o]:>{max(6, len(short))}}" for o, short in zip(OUTCOMES, SHORT, strict=True)]
    return f"{label:<28}{len(rows):>6}  " + " ".join(cells)


SHORT = ("matched", "split", "flagged", "wrong-silent", "wrong-flagged", "wrong-amount",
         "unmatched", "not-read", "error")  # fmt: skip


def summary(rows: Sequence[Scored]) -> list[str]:
    food = [r for r in rows if r.expect in ("match", "split")]
    right_food = [r for r in food if r.outcome in ("matched right", "split right")]
    detail = [r for r in rows if r.expect == "needs_detail"]
    flagged = [r for r in detail if r.outcome == "flagged right"]
    silent = sum(r.outcome == "wrong food, silent" for r in rows)
    timed = [r for r in rows if r.timed]
    pct = 100.0 * len(right_food) / len(food) if food else 0.0
    return [
        f"food lines matched or split right: {len(right_food)} of {len(food)} ({pct:.1f}%; "
        "target >= 95%)",
        f"no-food lines flagged, not guessed: {len(flagged)} of {len(detail)}",
        f"wrong food counted silently: {silent} (target 0)",
        f"lines with a written time whose entry keeps it: "
        f"{sum(r.time_kept for r in timed)} of {len(timed)}",
        f"lines with a written meal whose entry keeps it: "
        f"{sum(r.meal_kept for r in rows)} of {sum(r.meal_written for r in rows)}",
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--check", action="store_true", help="validate the judgements only")
    parser.add_argument("--quiet", action="store_true", help="no per-line output")
    args = parser.parse_args(argv)
    directory: Path = args.directory
    try:
        diaries, sets = load_judgements(directory / "judgements.yaml")
    except (OSError, JudgementError, yaml.YAMLError) as error:
        print(f"cannot load the judgements: {error}", file=sys.stderr)
        return 2
    if args.check:
        return check(directory, diaries, sets)
    everything: list[Scored] = []
    per_diary: list[tuple[DiaryJudgements, list[Scored]]] = []
    for spec in diaries:
        rows, notes = score_diary(directory, spec)
        for note in notes:
            print(f"# {spec.file}: {note}")
        if not args.quiet:
            for r in rows:
                mark = "ok  " if r.outcome in RIGHT else "MISS"
                print(f"{r.file}:{r.line:<4} {mark} {r.outcome:<20} {r.text}  ->  {r.found}")
        per_diary.append((spec, rows))
        everything.extend(rows)
    header = f"{'diary':<28}{'lines':>6}  " + " ".join(f"{s:>{max(6, len(s))}}" for s in SHORT)
    print()
    print(header)
    for spec, rows in per_diary:
        print(table(rows, f"{spec.file} ({spec.region or '?'})"))
    print(table(everything, "overall"))
    for line in summary(everything):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
