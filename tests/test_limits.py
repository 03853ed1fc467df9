"""Every limit has a reason, and docs/limits.md lists them exactly as data/limits.toml has them."""

from __future__ import annotations

import pytest

from conftest import generated_section_is_current
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
    assert generated_section_is_current("limits_table", "docs/limits.md"), (
        "run: python tools/limits_table.py --write"
    )
