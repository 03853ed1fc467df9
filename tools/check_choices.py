"""Check an evidence set's foods.csv (tests/data/*/foods.csv) against the packaged food
database, read-only: every acceptable food must exist before the set is run.

For every row: the header is exact, the phrase is not repeated, low <= high,
the region is uk or us, the source tag is set (and, with --tags, one of those),
and the foods column is either NONE (then low and high must both be 0 and the
source tag must be "none") or a list of "=" choices, each of
whose text equals at least one food name once that name is lower-cased, its
commas are replaced by spaces and its whitespace is collapsed.  Prints each
choice with the foods it matches (source, brand flag, name) so the matches can
be read by eye, and lists every choice that matches no food.

This script only opens foods.sqlite with sqlite3 in read-only mode; it does not
import twitchcheck.

    python3 tools/check_choices.py tests/data/sizes_places/foods.csv [--quiet] [--tags=a,b]
        [--max-choices=N]
"""

import csv
import re
import sqlite3
import sys
from pathlib import Path

DB = Path(__file__).resolve().parents[1] / "src" / "twitchcheck" / "data" / "foods.sqlite"
HEADER = ["phrase", "foods", "low", "high", "region", "source"]


def norm(name: str) -> str:
    return re.sub(r"\s+", " ", name.lower().replace(",", " ")).strip()


def main() -> int:
    args = sys.argv[1:]
    quiet = "--quiet" in args
    tags = next((a.split("=", 1)[1].split(",") for a in args if a.startswith("--tags=")), None)
    most = next((int(a.split("=", 1)[1]) for a in args if a.startswith("--max-choices=")), None)
    paths = [a for a in args if not a.startswith("--")]
    if len(paths) != 1:
        print(
            "usage: check_choices.py FOODS_CSV [--quiet] [--tags=a,b,...] [--max-choices=N]",
            file=sys.stderr,
        )
        return 2
    csv_path = Path(paths[0])
    con = sqlite3.connect(f"file:{DB}?mode=ro", uri=True)
    index: dict[str, list[tuple[str, int, str]]] = {}
    for source, brand, name in con.execute("select source, brand, name from food"):
        index.setdefault(norm(name), []).append((source, brand, name))

    problems = []
    missing = []
    seen = set()
    with csv_path.open(newline="", encoding="utf-8") as f:
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
        if not source or (tags is not None and source not in tags):
            problems.append(f"line {n}: source tag {source!r} is not one of {tags}")
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
        if most is not None and not 1 <= len(choices) <= most:
            problems.append(f"line {n}: {len(choices)} choices (want 1-{most})")
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
