"""Check foods.csv against the packaged food database, read-only.

For every row: the header is exact, the phrase is not repeated, low <= high,
the region is uk or us, and every choice is an "=" choice whose text equals at
least one food name once that name is lower-cased, its commas are replaced by
spaces and its whitespace is collapsed.  Prints each choice with the foods it
matches (source, brand flag, name) so the matches can be read by eye.

This script only opens foods.sqlite with sqlite3 in read-only mode; it does not
import twitchcheck.

    python3 tests/data/snacks_sweets/check_choices.py [--quiet]
"""

import csv
import re
import sqlite3
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DB = HERE.parents[2] / "src" / "twitchcheck" / "data" / "foods.sqlite"
CSV = HERE / "foods.csv"
HEADER = ["phrase", "foods", "low", "high", "region", "source"]


def norm(name: str) -> str:
    return re.sub(r"\s+", " ", name.lower().replace(",", " ")).strip()


def main() -> int:
    quiet = "--quiet" in sys.argv
    con = sqlite3.connect(f"file:{DB}?mode=ro", uri=True)
    index: dict[str, list[tuple[str, int, str]]] = {}
    for source, brand, name in con.execute("select source, brand, name from food"):
        index.setdefault(norm(name), []).append((source, brand, name))

    problems = []
    seen = set()
    with CSV.open(newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        if header != HEADER:
            problems.append(f"header is {header!r}")
        rows = list(reader)

    for n, row in enumerate(rows, start=2):
        if len(row) != len(HEADER):
            problems.append(f"line {n}: {len(row)} fields")
            continue
        phrase, foods, low, high, region, source = row
        if phrase in seen:
            problems.append(f"line {n}: phrase {phrase!r} repeated")
        seen.add(phrase)
        if float(low) > float(high):
            problems.append(f"line {n}: low > high")
        if region not in ("uk", "us"):
            problems.append(f"line {n}: region {region!r}")
        if not source:
            problems.append(f"line {n}: no source tag")
        if not quiet:
            print(f"{phrase}  [{low}-{high} g, {region}, {source}]")
        for choice in foods.split("|"):
            if not choice.startswith("="):
                problems.append(f"line {n}: choice {choice!r} is not an = choice")
                continue
            hits = index.get(choice[1:], [])
            if not hits:
                problems.append(f"line {n}: choice {choice!r} matches no food")
            if not quiet:
                for src, brand, name in hits:
                    print(f"    {choice:<60} {src:<5} {'B' if brand else ' '} {name}")

    print(
        f"{len(rows)} rows; uk {sum(r[4] == 'uk' for r in rows)}, "
        f"us {sum(r[4] == 'us' for r in rows)}; {len(problems)} problems"
    )
    for p in problems:
        print("PROBLEM:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
