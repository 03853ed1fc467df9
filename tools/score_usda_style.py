"""Score phrase resolution on foods worded the way USDA's tables word them.

    python tools/score_usda_style.py [--quiet] [CSV]

Each row of tests/data/usda_style_foods/foods.csv (or of CSV, read in its `region` column's
words where it has one, else as American) is a food as the "Selected food sources"
tables of the NIH ODS fact sheets other than the five of `score_factsheet.py` word it
(iron, zinc, folate, vitamins A, C and K, selenium): USDA's comma style, with qualifiers
joined by "and" or "or" ("boiled and drained", "cheddar or mozzarella") and amounts in
the food's own measures ("1/2 breast", "4 spears", "1 packet"). The rows were written,
with their judgements, before the set was first run. A resolution is right when it is one
food whose name holds every word of one of the acceptable `foods` (alternatives split by
"|") and whose weight lies within [low, high] grams. A row whose `foods` is NONE names a
dish USDA has no fair stand-in for: it is right when the line is declined (an `InputError`,
such as the one asking for detail), never guessed.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from twitchcheck.errors import InputError
from twitchcheck.foods.phrases import resolve_line

DEFAULT = Path(__file__).resolve().parent.parent / "tests/data/usda_style_foods/foods.csv"


def named(name: str, foods: str) -> bool:
    """Whether a food called `name` is one of the acceptable `foods`: a choice's words all in
    the name, or, for a choice starting "=", the name's words exactly."""
    held = name.lower()
    exact = " ".join(held.replace(",", " ").split())
    return any(
        exact == choice[1:] if choice.startswith("=") else all(w in held for w in choice.split())
        for choice in foods.split("|")
    )


def score(row: dict[str, str]) -> tuple[bool, str]:
    """Whether the row's phrase resolves to one acceptable food of a plausible weight."""
    declined = row["foods"] == "NONE"
    try:
        items = resolve_line(row["phrase"], region=row.get("region") or "us").items
    except InputError as error:
        return declined, f"refused: {str(error)[:70]}"
    what = "; ".join(f"{i.food.name[:60]} {i.grams.grams:.0f} g" for i in items)
    if declined:
        return False, f"guessed: {what}"
    if len(items) != 1:
        return False, f"{len(items)} parts: {what}"
    grams = items[0].grams.grams
    right = named(items[0].food.name, row["foods"]) and float(row["low"]) <= grams <= float(
        row["high"]
    )
    return right, what


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args()
    with args.csv.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    right = 0
    for row in rows:
        ok, what = score(row)
        right += ok
        if not args.quiet:
            print(f"{'ok  ' if ok else 'MISS'} {row['phrase'][:60]:<60} {what}")
    print(f"right   {right}/{len(rows)} ({100 * right / len(rows):.1f}%)")


if __name__ == "__main__":
    main()
