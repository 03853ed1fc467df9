"""docs/screening.md lists every red flag and rule-out exactly as the knowledge base has them."""

from __future__ import annotations

import importlib.util

from conftest import REPO


def test_docs_hold_the_generated_safety_tables() -> None:
    spec = importlib.util.spec_from_file_location("safety_table", REPO / "tools/safety_table.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    docs = (REPO / "docs/screening.md").read_text(encoding="utf-8")
    start, end = docs.index(module.BEGIN), docs.index(module.END) + len(module.END)
    assert docs[start:end] == module.tables(), "run: python tools/safety_table.py --write"
