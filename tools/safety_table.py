"""Print the markdown tables of docs/screening.md section 7 from the knowledge base.

    python tools/safety_table.py           # print the tables
    python tools/safety_table.py --write   # put them into docs/screening.md

Every red flag (what fires it, its level, its sources), every rule-out the flags raise, every
urgent lab cut-off (labs.yaml, compared in SI units) and every duration threshold.
tests/test_screen_docs.py checks that docs/screening.md holds exactly this text, so the
documentation cannot drift from the data.
"""

from __future__ import annotations

from pathlib import Path

from generated_section import main
from twitchcheck.knowledge import RedFlag, load_knowledge
from twitchcheck.labs import analytes
from twitchcheck.screen.model import load_model

BEGIN = "<!-- safety-table:begin (tools/safety_table.py) -->"
END = "<!-- safety-table:end -->"
DOCS = Path(__file__).resolve().parent.parent / "docs" / "screening.md"


def _trigger(flag: RedFlag) -> str:
    groups = []
    if flag.symptoms:
        text = "symptom: " + ", ".join(flag.symptoms)
        if flag.with_symptoms:
            text += " with " + ", ".join(flag.with_symptoms)
        groups.append(text)
    for name in ("conditions", "medicines", "low_labs", "high_labs", "lifestyle"):
        values = getattr(flag, name)
        if values:
            groups.append(f"{name.replace('_', ' ')}: " + ", ".join(values))
    joiner = " AND " if flag.requires == "all" else " OR "
    return joiner.join(groups)


def tables() -> str:
    """The two tables, between their markers."""
    kb, model = load_knowledge(), load_model()
    lines = [BEGIN, "", "| red flag | level | fires on | sources |", "|---|---|---|---|"]
    order = ("emergency", "urgent", "see-doctor")
    for flag in sorted(kb.red_flags, key=lambda f: (order.index(f.triage), f.id)):
        lines.append(
            f"| `{flag.id}`: {flag.label} | {flag.triage} | {_trigger(flag)} "
            f"| {', '.join(flag.sources)} |"
        )
    lines += ["", "| rule-out | raised by | a doctor checks | sources |", "|---|---|---|---|"]
    for spec in model.contributors:
        if spec.kind == "rule_out":
            lines.append(
                f"| `{spec.id}`: {spec.label} | {', '.join(spec.raised_by)} "
                f"| {' '.join((spec.checks or '').split())} | {', '.join(spec.sources)} |"
            )
    lines += ["", "| lab cut-off (SI) | level | sources |", "|---|---|---|"]
    symbols = {"below": "<", "above": ">", "atleast": "≥", "atmost": "≤"}
    for analyte in analytes():
        for rule in analyte.urgent:
            edge = " and ".join(
                f"{symbols[c.op]} {c.si:.3g} {analyte.si_unit}"
                + (f" ({c.published_conventional:g} {analyte.conventional_unit})"
                   if c.published_conventional else "")
                for c in rule.conditions
            )  # fmt: skip
            cited = ", ".join(rule.note.sources) if rule.note else ""
            lines.append(f"| {analyte.label} {edge} | {rule.level} | {cited} |")
    limits = model.thresholds
    lines += [
        "",
        "| threshold | value | sources |",
        "|---|---|---|",
        f"| a twitch lasting longer than this is for a GP | {limits.twitch_weeks:g} weeks "
        f"| {', '.join(limits.sources)} |",
        f"| cramps most days for this long are for a GP | {limits.frequent_cramp_weeks:g} weeks "
        f"| {', '.join(limits.sources)} |",
        f"| weakness spreading within this long is an emergency | {limits.fast_spread_weeks:g} "
        f"weeks | {', '.join(limits.sources)} |",
    ]
    return "\n".join([*lines, "", END])


generate = tables  # what tools/generated_section.py and the tests call

if __name__ == "__main__":
    main(DOCS, BEGIN, END, generate)
