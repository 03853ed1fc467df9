"""Score how a diary reads supplements, medicines and the foods that look like them.

    python tools/score_supplement_lines.py [--quiet] [CSV]

Each row of tests/data/supplement_lines/lines.csv (or CSV) is one line of a food diary, read
as the only line of a one-day diary in its `region`. Its `expect` says what a careful reader
makes of it:

- `supplement`: not food; the diary keeps it as a supplement of kind `detail` (before a
  ";"), and where a nutrient key follows the ";" the amount counted for the line lies within
  [low, high]. No food may be counted for it.
- `medicine`: not food; the line is declined as naming medicines, and nothing is counted.
- `food`: one food (or a dish's parts, each acceptable) named by `detail` ("=name" exact, as
  in `score_usda_style.named`) of [low, high] grams in all.
- `none`: names nothing countable: declined, nothing counted, never guessed.

The rows were written, with their judgements, before the set was first run.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path
from typing import Any

from score_usda_style import named
from twitchcheck.diary import parse_diary_text
from twitchcheck.errors import InputError

DEFAULT = Path(__file__).resolve().parent.parent / "tests/data/supplement_lines/lines.csv"


def _read(row: dict[str, str]) -> Any:
    return parse_diary_text(f"2026-11-02\n{row['phrase']}\n", region=row["region"])


def _what(diary: Any) -> str:
    foods = "; ".join(f"{e.item.food.name[:50]} {e.grams:.0f} g" for e in diary.entries)
    taken = "; ".join(
        f"supplement {s.supplement.id} {dict(s.supplement.nutrients)}"
        for s in getattr(diary, "supplements", ())
    )
    problems = "; ".join(f"{p.kind}: {p.message[:60]}" for p in diary.problems)
    return " | ".join(part for part in (foods, taken, problems) if part)


def score(row: dict[str, str]) -> tuple[bool, str]:
    """Whether the diary read the row's line as its `expect` says."""
    try:
        diary = _read(row)
    except InputError as error:
        return row["expect"] in ("none", "medicine"), f"diary refused: {str(error)[:70]}"
    what = _what(diary)
    taken = list(getattr(diary, "supplements", ()))
    expect = row["expect"]
    if expect == "food":
        grams = sum(e.grams for e in diary.entries)
        right = (
            bool(diary.entries)
            and not taken
            and all(named(e.item.food.name, row["detail"]) for e in diary.entries)
            and float(row["low"]) <= grams <= float(row["high"])
        )
        return right, what
    if diary.entries:
        return False, f"counted as food: {what}"
    if expect == "supplement":
        kind, _, key = row["detail"].partition(";")
        if len(taken) != 1 or taken[0].supplement.id != kind.strip():
            return False, what or "nothing"
        if not key.strip():
            return True, what
        amount = taken[0].supplement.nutrients.get(key.strip().split()[0])
        right = amount is not None and float(row["low"]) <= amount <= float(row["high"])
        return right, what
    if taken:
        return False, f"taken as a supplement: {what}"
    if expect == "medicine":
        return any("medicine" in p.message for p in diary.problems), what
    return True, what  # none: declined


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args()
    with args.csv.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    right: dict[str, list[int]] = {}
    for row in rows:
        ok, what = score(row)
        tally = right.setdefault(row["expect"], [0, 0])
        tally[0] += ok
        tally[1] += 1
        if not args.quiet:
            print(
                f"{'ok  ' if ok else 'MISS'} {row['expect'][:5]:<5} {row['phrase'][:44]:<44} {what}"
            )
    total = sum(r for r, _ in right.values())
    kinds = ", ".join(f"{kind} {r}/{n}" for kind, (r, n) in sorted(right.items()))
    print(f"right   {total}/{len(rows)} ({100 * total / len(rows):.1f}%): {kinds}")


if __name__ == "__main__":
    main()
