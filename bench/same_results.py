"""Speed work must not change answers: dump what search and phrases give, and compare.

    .venv/bin/python bench/same_results.py dump OUT.json        # the current code's results
    .venv/bin/python bench/same_results.py compare BASE.json    # current code against a dump
    .venv/bin/python bench/same_results.py against COMMIT       # current code against COMMIT's
        search side (`OWNED`: search.py, its private modules, database.py, brands.py,
        foods.sqlite),
        everything else as it is now (so edits by others meanwhile to phrases, dishes,
        portions and data files cancel out); a file COMMIT lacks is left out of its copy

What is dumped: the top 50 and the top 12 (name, score to 6 places) of every query of
tests/data/search_queries.csv, bench/queries_p99.txt and bench/run.py's 1,000 food words;
`resolve_line` (how, food ids, grams) of the 1,000 "N g word" phrases of bench/run.py, the
everyday foods alone and in bench/run.py's 80 amounts. A difference is a failure unless it
is only the order of equal scores (reported apart).
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OWNED = (
    "src/twitchcheck/foods/search.py",
    "src/twitchcheck/foods/_search_index.py",
    "src/twitchcheck/foods/database.py",
    "src/twitchcheck/foods/brands.py",
    "src/twitchcheck/data/foods.sqlite",
)


def _inputs() -> tuple[list[str], list[str]]:
    sys.path.insert(0, str(REPO / "bench"))
    from run import everyday_foods, food_words, p99_queries

    with (REPO / "tests/data/search_queries.csv").open(encoding="utf-8") as handle:
        queries = [row["query"] for row in csv.DictReader(handle)]
    words = food_words()
    queries = list(dict.fromkeys(queries + p99_queries() + words))
    foods = everyday_foods()
    phrases = [f"{5 * (i % 80) + 5} g {word}" for i, word in enumerate(words)]
    phrases += foods + [f"{n} g {food}" for food in foods for n in range(5, 405, 5)]
    return queries, list(dict.fromkeys(phrases))


def dump() -> dict[str, object]:
    from twitchcheck.errors import InputError
    from twitchcheck.foods.phrases import resolve_line
    from twitchcheck.foods.search import search

    queries, phrases = _inputs()
    found: dict[str, object] = {}
    for q in queries:
        for limit in (50, 12):  # a search for few ranks only those: the same first few
            key = q if limit == 50 else f"{q} (limit 12)"
            try:
                found[key] = [
                    [m.name, round(m.score, 6), m.approximation] for m in search(q, limit)
                ]
            except InputError as error:
                found[key] = f"{type(error).__name__}: {error}"
    lines: dict[str, object] = {}
    for p in phrases:
        try:
            line = resolve_line(p)
            lines[p] = [[i.how, i.food.id, round(i.grams.grams, 6)] for i in line.items]
        except InputError as error:
            lines[p] = f"{type(error).__name__}: {error}"
    return {"search": found, "lines": lines}


def _tie_order_only(old: object, new: object) -> bool:
    if not (isinstance(old, list) and isinstance(new, list)) or len(old) != len(new):
        return False
    if [o[1] for o in old] != [n[1] for n in new]:
        return False
    # same scores in the same places; the names may only move among equal scores
    groups: dict[float, list[str]] = {}
    for o, n in zip(old, new, strict=True):
        groups.setdefault(o[1], []).append(o[0])
        groups.setdefault(-1 - o[1], []).append(n[0])
    return all(sorted(groups[s]) == sorted(groups[-1 - s]) for s in groups if s >= 0)


def compare(old: dict[str, dict[str, object]], new: dict[str, dict[str, object]]) -> int:
    failures = ties = 0
    for part in ("search", "lines"):
        for key, before in old[part].items():
            after = new[part].get(key)
            if after == before:
                continue
            if part == "search" and _tie_order_only(before, after):
                ties += 1
                continue
            failures += 1
            if failures <= 20:
                print(f"DIFFERENT {part} {key!r}:")
                print(f"  was {str(before)[:300]}\n  now {str(after)[:300]}")
    total = sum(len(old[p]) for p in ("search", "lines"))
    print(
        f"{total - failures - ties} of {total} identical ({len(old['search'])} searches,"
        f" {len(old['lines'])} lines); {ties} differ only in the order of equal scores;"
        f" {failures} different"
    )
    return 1 if failures else 0


def against(commit: str) -> int:
    """The current tree against one where the owned files are `commit`'s; both run from one
    copy of src/ taken at the start, so others' edits meanwhile cannot tell them apart."""
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        for name in ("old", "new"):
            subprocess.run(["cp", "-r", str(REPO / "src"), str(base / name)], check=True)
        for path in OWNED:
            shown = subprocess.run(
                ["git", "show", f"{commit}:{path}"], cwd=REPO, capture_output=True, check=False
            )
            target = base / "old" / path.removeprefix("src/")
            if shown.returncode == 0:
                target.write_bytes(shown.stdout)
            else:  # not in that commit: the old code never imports it
                target.unlink(missing_ok=True)
        for name in ("old", "new"):
            env = {**os.environ, "PYTHONPATH": str(base / name)}
            out = base / f"{name}.json"
            subprocess.run([sys.executable, __file__, "dump", str(out)], check=True, env=env)
        old, new = (json.loads((base / f"{n}.json").read_text()) for n in ("old", "new"))
        return compare(old, new)


def main() -> int:
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)  # "--help", or a command without its file or commit
    command, arg = sys.argv[1], sys.argv[2]
    if command == "dump":
        Path(arg).write_text(json.dumps(dump(), indent=0, sort_keys=True), encoding="utf-8")
        return 0
    if command == "compare":
        return compare(json.loads(Path(arg).read_text(encoding="utf-8")), dump())  # type: ignore[arg-type]
    if command == "against":
        return against(arg)
    raise SystemExit(__doc__)


if __name__ == "__main__":
    sys.exit(main())
