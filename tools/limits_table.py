"""Write the table of docs/limits.md from data/limits.toml.

    python tools/limits_table.py           # print the table
    python tools/limits_table.py --write   # put it into docs/limits.md

tests/test_limits.py checks that docs/limits.md holds exactly this text.
"""

from __future__ import annotations

from pathlib import Path

from generated_section import main
from twitchcheck.limits import all_limits

BEGIN = "<!-- limits-table:begin (tools/limits_table.py) -->"
END = "<!-- limits-table:end -->"
DOCS = Path(__file__).resolve().parent.parent / "docs" / "limits.md"
KINDS = {
    "limit": "above it: refused (too big)",
    "impossible": "outside it: refused (impossible)",
    "warning": "above it: accepted and flagged",
    "minimum": "below it: refused, with what applies instead",
    "threshold": "where the rules change",
}


def table() -> str:
    """The table, between its markers."""
    lines = [BEGIN, "", "| what | value | meaning | why | sources |", "|---|---|---|---|---|"]
    for item in all_limits().values():
        lines.append(
            f"| `{item.name}` | {item.value:g} {item.unit} | {KINDS[item.kind]} "
            f"| {item.reason} | {', '.join(item.sources)} |"
        )
    return "\n".join([*lines, "", END])


generate = table  # what tools/generated_section.py and the tests call

if __name__ == "__main__":
    main(DOCS, BEGIN, END, generate)
