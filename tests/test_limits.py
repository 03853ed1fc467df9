"""Every limit has a reason, and docs/limits.md lists them exactly as data/limits.toml has them."""

from __future__ import annotations

import importlib.util

import pytest

from conftest import REPO
from twitchcheck.errors import DataError
from twitchcheck.knowledge import load_knowledge
from twitchcheck.limits import all_limits, limit


def test_every_limit_has_a_reason_and_known_sources() -> None:
    sources = load_knowledge().sources
    for item in all_limits().values():
        assert len(item.reason) > 20, item.name
        assert all(s in sources for s in item.sources), item.name


def test_an_unknown_limit_fails_loudly() -> None:
    with pytest.raises(DataError, match="no limit"):
        limit("input.nothing_like_this")


def test_docs_hold_the_generated_table() -> None:
    spec = importlib.util.spec_from_file_location("limits_table", REPO / "tools/limits_table.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    docs = (REPO / "docs/limits.md").read_text(encoding="utf-8")
    start, end = docs.index(module.BEGIN), docs.index(module.END) + len(module.END)
    assert docs[start:end] == module.table(), "run: python tools/limits_table.py --write"
