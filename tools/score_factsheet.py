"""Score phrase resolution against the food tables of the NIH ODS fact sheets.

    python tools/score_factsheet.py [--quiet] [CSV]

Each row of tests/data/factsheet_foods/foods.csv is a food from the "Selected food sources"
table of an Office of Dietary Supplements health-professional fact sheet (magnesium,
potassium, calcium, vitamin D, vitamin B12), with the amount the table names and its
nutrient content (the tables are computed from USDA FoodData Central, SR Legacy). Each is
resolved twice: as the table words it ("Almonds, dry roasted, 1 ounce") and as a person
would type it ("1 oz almonds"). A resolution is right when the nutrient lands within
TOLERANCE of the table (food and weight both right), or within FLOOR of it for tiny values.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from twitchcheck.errors import InputError
from twitchcheck.foods.phrases import resolve_line

DEFAULT = Path(__file__).resolve().parent.parent / "tests/data/factsheet_foods/foods.csv"
TOLERANCE = 0.25
FLOOR = {"vitamin_d_ug": 0.3, "vitamin_b12_ug": 0.2}


def score(phrase: str, nutrient: str, expected: float) -> tuple[bool, str]:
    """Whether `phrase` resolves to about `expected` of `nutrient`, and what it became."""
    try:
        items = resolve_line(phrase, region="us").items
    except InputError as error:
        return False, f"refused: {str(error)[:70]}"
    got = sum(item.nutrients.get(nutrient) or 0.0 for item in items)
    close = abs(got - expected) <= max(TOLERANCE * expected, FLOOR.get(nutrient, 2.0))
    what = "; ".join(f"{i.food.name[:48]} {i.grams.grams:.0f} g" for i in items)
    return close, f"{got:.1f} (table {expected:g})  {what}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args()
    with args.csv.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    totals = {"phrase": 0, "typed": 0}
    for row in rows:
        for column in totals:
            ok, what = score(row[column], row["nutrient"], float(row["expected"]))
            totals[column] += ok
            if not args.quiet:
                print(f"{'ok  ' if ok else 'MISS'} {row[column]:<52} {row['nutrient']:<15} {what}")
    for column, right in totals.items():
        print(f"{column:<7} {right}/{len(rows)} right ({100 * right / len(rows):.1f}%)")


if __name__ == "__main__":
    main()
