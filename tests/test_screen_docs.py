"""docs/screening.md lists every red flag and rule-out exactly as the knowledge base has them."""

from __future__ import annotations

from conftest import generated_section_is_current


def test_docs_hold_the_generated_safety_tables() -> None:
    assert generated_section_is_current("safety_table", "docs/screening.md"), (
        "run: python tools/safety_table.py --write"
    )
