"""Run clinical vignette files through the screening and report agreement, never crashing.

    python tools/run_vignettes.py [FILE ...]   (default tests/data/vignettes_safety.yaml)

Each case goes through `parse_answers` and `screen`. An answer the program refuses (or any
error) is a miss with its message, so a first run on older code still reports every case.
One line per case, then: red-flag sensitivity, benign cases kept at self-care, top-1 and
top-3 agreement over the cases with expected causes, and how many answers were refused.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from twitchcheck.screen import TRIAGE_ORDER, screen
from twitchcheck.screen.answers import parse_answers

DEFAULT = Path(__file__).resolve().parent.parent / "tests/data/vignettes_safety.yaml"
BENIGN = "benign"  # kind that must stay exactly at self-care


@dataclass(frozen=True)
class Outcome:
    id: str
    kind: str
    expected: str
    level: str | None  # None when the answers were refused
    ranked: tuple[str, ...]
    top3_any: frozenset[str]
    top1_any: frozenset[str]
    problems: tuple[str, ...] = field(default=())

    @property
    def refused(self) -> bool:
        return self.level is None

    @property
    def level_ok(self) -> bool:
        if self.level is None:
            return False
        if self.kind == BENIGN:
            return self.level == "self-care"
        return TRIAGE_ORDER.index(self.level) >= TRIAGE_ORDER.index(self.expected)

    @property
    def top3_ok(self) -> bool:
        return bool(self.top3_any & set(self.ranked[:3]))

    @property
    def top1_ok(self) -> bool:
        return bool(self.ranked) and self.ranked[0] in self.top1_any


def run_case(case: dict[str, Any]) -> Outcome:
    expect = case["expect"]
    first = [expect["top1"]] if expect.get("top1") else []  # one named cause (vignettes_rls)
    top3 = frozenset(expect.get("top3_any") or first)
    base = {
        "id": case["id"],
        "kind": case.get("kind", "cause"),  # a file without kinds: each case names its cause
        "expected": expect["triage"],
        "top3_any": top3,
        "top1_any": frozenset(expect.get("top1_any") or first or top3),
    }
    try:
        result = screen(parse_answers(case["answers"]))
    except Exception as error:  # refused answers and crashes alike are misses, not stops
        message = f"refused: {type(error).__name__}: {error}".replace("\n", " ")
        return Outcome(level=None, ranked=(), problems=(message,), **base)
    ranked = tuple(c.id for c in result.contributors)
    outcome = Outcome(level=result.level, ranked=ranked, **base)
    problems = []
    if not outcome.level_ok:
        exactly = "exactly " if outcome.kind == BENIGN else ""
        problems.append(f"level {result.level}, expected {exactly}{outcome.expected}")
    if top3 and not outcome.top3_ok:
        problems.append(f"top-3 lacks {sorted(top3)}")
    if top3 and outcome.top3_ok and not outcome.top1_ok:
        problems.append(f"top-1 {ranked[0]} not in {sorted(outcome.top1_any)}")
    return Outcome(level=result.level, ranked=ranked, problems=tuple(problems), **base)


def line(o: Outcome) -> str:
    status = "MISS " + "; ".join(o.problems) if o.problems else "OK"
    got = o.level or "refused"
    return f"{o.id:<58} {o.expected:<10} {got:<10} {','.join(o.ranked[:3]):<60} {status}"


def ratio(hits: int, total: int) -> str:
    return f"{hits}/{total}" + (f" ({hits / total:.0%})" if total else "")


def summary(outcomes: list[Outcome]) -> list[str]:
    red = [o for o in outcomes if o.kind == "red_flag"]
    needs_doctor = [o for o in outcomes if o.kind != BENIGN and o.expected != "self-care"]
    benign = [o for o in outcomes if o.kind == BENIGN]
    ranked = [o for o in outcomes if o.top3_any]
    escalated = sum(o.level not in (None, "self-care") for o in red)
    return [
        f"cases: {len(outcomes)}; refused answers: {sum(o.refused for o in outcomes)}",
        f"red-flag sensitivity (kind red_flag, level at least expected): "
        f"{ratio(sum(o.level_ok for o in red), len(red))}; "
        f"escalated above self-care: {ratio(escalated, len(red))}",
        f"all cases needing a doctor at least at the expected level: "
        f"{ratio(sum(o.level_ok for o in needs_doctor), len(needs_doctor))}",
        f"benign kept at self-care: {ratio(sum(o.level_ok for o in benign), len(benign))}",
        f"top-1 agreement: {ratio(sum(o.top1_ok for o in ranked), len(ranked))}; "
        f"top-3 agreement: {ratio(sum(o.top3_ok for o in ranked), len(ranked))} "
        f"(over {len(ranked)} cases with expected causes)",
    ]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path, help=f"vignette YAML (default {DEFAULT})")
    paths = parser.parse_args(argv).files or [DEFAULT]
    if missing := [str(p) for p in paths if not p.is_file()]:
        parser.error(f"no such vignette file: {', '.join(missing)}")
    outcomes: list[Outcome] = []
    for path in paths:
        cases = yaml.safe_load(path.read_text(encoding="utf-8"))["vignettes"]
        print(f"# {path}")
        for case in cases:
            try:
                outcome = run_case(case)
            except (KeyError, TypeError) as error:  # a case without id, expect or triage
                print(f"malformed case {str(case)[:60]!r}: missing {error}")
                continue
            outcomes.append(outcome)
            print(line(outcome))
    print()
    print("\n".join(summary(outcomes)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
