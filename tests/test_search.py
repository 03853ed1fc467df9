"""Search finds what people mean: an everyday query set with hit-rate thresholds."""

from __future__ import annotations

import csv
import re

import pytest

from conftest import REPO
from twitchcheck.search import query_terms, search

with (REPO / "tests/data/search_queries.csv").open(encoding="utf-8") as _handle:
    CASES = list(csv.DictReader(_handle))


def ranks() -> list[int | None]:
    """Rank (0-based) of the first acceptable food within the top 3, per query."""
    found: list[int | None] = []
    for case in CASES:
        names = [m.name for m in search(case["query"], limit=3)]
        hits = [i for i, name in enumerate(names) if re.search(case["expect"], name)]
        found.append(hits[0] if hits else None)
    return found


def test_query_set_is_large_enough() -> None:
    assert len(CASES) >= 60


def test_hit_rates(capsys) -> None:
    found = ranks()
    top1 = sum(r == 0 for r in found) / len(found)
    top3 = sum(r is not None for r in found) / len(found)
    misses = [c["query"] for c, r in zip(CASES, found, strict=True) if r != 0]
    with capsys.disabled():
        print(
            f"\nsearch: {len(found)} queries, top-1 {top1:.1%}, top-3 {top3:.1%};"
            f" not first: {misses}"
        )
    assert top1 >= 0.85
    assert top3 >= 0.95


@pytest.mark.parametrize(
    ("query", "not_first"),
    [("almonds", r"oil|[Cc]and"), ("banana", r"chips|split|bread"),
     ("milk", r"chocolate|human|dry"),
     ("coffee", r"creamer|substitute"), ("egg", r"bread|roll|noodle")],
)  # fmt: skip
def test_plain_words_do_not_find_what_merely_contains_them(query: str, not_first: str) -> None:
    assert not re.search(not_first, search(query)[0].name)


def test_word_order_is_free() -> None:
    assert search("roasted almonds")[0].id == search("almonds roasted")[0].id


def test_singular_and_plural_agree() -> None:
    assert search("almond")[0].id == search("almonds")[0].id
    assert search("strawberry")[0].id == search("strawberries")[0].id


@pytest.mark.parametrize(
    ("typo", "word"), [("brocoli", "broccoli"), ("bananna", "banana"), ("spinich", "spinach")]
)
def test_typos_are_corrected(typo: str, word: str) -> None:
    assert word in query_terms(typo)


@pytest.mark.parametrize(
    ("synonym", "word"), [("yoghurt", "yogurt"), ("aubergine", "eggplant"), ("prawns", "shrimp")]
)
def test_synonyms_map_to_usda_words(synonym: str, word: str) -> None:
    assert word in query_terms(synonym)


def test_both_sources_are_searched() -> None:
    sources = {m.source for m in search("banana raw", limit=5)}
    assert sources == {"sr28", "fndds"}


@pytest.mark.parametrize("query", ["", "   ", "!!!", "of the"])
def test_empty_queries_find_nothing(query: str) -> None:
    assert search(query) == []


def test_nonsense_finds_nothing() -> None:
    assert search("qwxzv") == []
