"""Check foods.csv against the packaged food database, read-only.

For every row: the header is exact, the phrase is not repeated, low <= high,
the region is uk or us, the source tag is one of the tags the README explains,
and the foods column is either NONE (then low and high must both be 0 and the
source tag must be "none") or a list of "=" choices, 1 to 4 of them, each of
whose text equals at least one food name once that name is lower-cased, its
commas are replaced by spaces and its whitespace is collapsed.  Prints each
choice with the foods it matches (source, brand flag, name) so the matches can
be read by eye, and lists every choice that matches no food.

This script only opens foods.sqlite with sqlite3 in read-only mode; it does not
import twitchcheck.

    python3 tests/data/sizes_places/check_choices.py [--quiet]
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
TAGS = {
    "fndds-portion",
    "sr28-portion",
    "chain-published",
    "chain-kcal",
    "chain-sizes",
    "uk-label",
    "us-label",
    "none",
}


def norm(name: str) -> str:
    return re.sub(r"\s+", " ", name.lower().replace(",", " ")).strip()


def main() -> int:
    quiet = "--quiet" in sys.argv
    con = sqlite3.connect(f"file:{DB}?mode=ro", uri=True)
    index: dict[str, list[tuple[str, int, str]]] = {}
    for source, brand, name in con.execute("select source, brand, name from food"):
        index.setdefault(norm(name), []).append((source, brand, name))

    problems = []
    missing = []
    seen = set()
    with CSV.open(newline="", encoding="utf-8") as f:
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
        if source not in TAGS:
            problems.append(f"line {n}: source tag {source!r} is not one of {sorted(TAGS)}")
        if not quiet:
            print(f"{phrase}  [{low}-{high} g, {region}, {source}]")
        if foods == "NONE":
            if float(low) != 0 or float(high) != 0:
                problems.append(f"line {n}: NONE row with low/high not 0")
            if source != "none":
                problems.append(f"line {n}: NONE row with source {source!r}")
            if not quiet:
                print("    NONE (right only when the line is declined)")
            continue
        if source == "none":
            problems.append(f"line {n}: source 'none' on a row that lists foods")
        if float(low) <= 0:
            problems.append(f"line {n}: low must be positive on a food row")
        choices = foods.split("|")
        if not 1 <= len(choices) <= 4:
            problems.append(f"line {n}: {len(choices)} choices (want 1-4)")
        if len(set(choices)) != len(choices):
            problems.append(f"line {n}: a choice is listed twice")
        for choice in choices:
            if not choice.startswith("="):
                problems.append(f"line {n}: choice {choice!r} is not an = choice")
                continue
            if choice != norm(choice):
                problems.append(f"line {n}: choice {choice!r} is not in normalised form")
            hits = index.get(choice[1:], [])
            if not hits:
                missing.append(f"line {n}: {phrase!r}: {choice!r}")
            if not quiet:
                for src, brand, name in hits:
                    print(f"    {choice:<60} {src:<5} {'B' if brand else ' '} {name}")

    none_rows = sum(r[1] == "NONE" for r in rows if len(r) == len(HEADER))
    print(
        f"{len(rows)} rows; uk {sum(r[4] == 'uk' for r in rows)}, "
        f"us {sum(r[4] == 'us' for r in rows)}; NONE {none_rows}; "
        f"{len(missing)} missing foods; {len(problems)} other problems"
    )
    for m in missing:
        print("MISSING:", m)
    for p in problems:
        print("PROBLEM:", p)
    return 1 if (problems or missing) else 0


if __name__ == "__main__":
    sys.exit(main())
