"""Search's shortcuts change its speed, never its answers: `_ceiling` is never below the score
it bounds, so scoring the best `MAX_RESULTS` by ceiling gives the list that scoring all does."""

from __future__ import annotations

import dataclasses
import importlib
import itertools
import math
import subprocess
import sys

import pytest

from twitchcheck.foods.database import connect

search = importlib.import_module("twitchcheck.foods.search")

# Plain words in hundreds of names, qualifiers, plant and cooked forms, typos, unknown words.
WIDE = [
    "cheese", "chicken", "milk", "bread", "beef", "soup", "pizza", "salad", "rice",
    "chocolate milk", "soy milk", "vegan cheese", "steamed broccoli", "raw chicken",
    "french toast", "pork chop", "cookies", "potato with skin", "decaf", "squash",
    "cheese pizza no cheese", "container of plain low fat yogurt", "oat yogurt", "fish",
    "a big plate of whole wheat bread and sweet potato for dinner",
    "leftover cashews from last night with some ground beef", "vegan cheese with crackers",
]  # fmt: skip


def _candidates(query: str) -> tuple[list[str], list[object], frozenset[str], object]:
    """What `_ranked` scores for `query`: the words, the foods, cooked heads and context."""
    wanted = search.query_terms(query)
    known = [t for t in wanted if search._frequency(t) > 0]
    required = [t for t in known if t not in search._words().soft]
    rowids = search._candidates(required, require_all=True) or search._overlap(known)
    profiles = search._profiles(rowids[: search.WIDE_CAP])
    cooked = frozenset(p.head for p in profiles if p.has_cooking)
    return wanted, profiles, cooked, search._context(wanted)


@pytest.mark.parametrize("query", WIDE)
def test_ceiling_is_never_below_the_score(query: str) -> None:
    wanted, profiles, cooked, context = _candidates(query)
    assert profiles
    for food in profiles:
        assert search._ceiling(food, context) >= search._score(wanted, food, cooked, context) - 1e-9


@pytest.mark.parametrize("query", WIDE)
def test_the_ceiling_weighs_every_known_word_at_its_least(query: str) -> None:
    """`_ceiling` reads the query's known words from the context with the least each costs a
    food lacking it: every known word, in order, at no more than `_score` charges."""
    context = search._context(search.query_terms(query))
    assert [term for term, _, _ in context.missing] == list(context.known)
    for term, least, postings in context.missing:
        if least is None:  # the note's least, for a food the index holds the word for
            assert postings == search._postings(term)
        else:
            assert least in (search.SOFT_MISSING, search._LEAST_MISSING)


@pytest.mark.parametrize("keep", [search.MAX_RESULTS, search.FEW_RESULTS, 1])
@pytest.mark.parametrize("query", WIDE)
def test_the_best_are_those_scoring_every_food_finds(query: str, keep: int) -> None:
    wanted, profiles, cooked, context = _candidates(query)
    every = sorted(
        ((search._score(wanted, p, cooked, context), p) for p in profiles),
        key=lambda s: (-s[0], len(s[1].name), s[1].id),
    )[:keep]
    assert search._best(wanted, profiles, cooked, context, keep) == every


@pytest.mark.parametrize("query", WIDE)
def test_a_search_for_a_few_gives_the_first_of_a_search_for_many(query: str) -> None:
    search.clear_cache()
    few = search.search(query, search.FEW_RESULTS)
    search.clear_cache()
    assert few == search.search(query, search.MAX_RESULTS)[: search.FEW_RESULTS]


def test_the_shortcut_is_taken_where_there_are_many_foods(monkeypatch) -> None:
    wanted, profiles, cooked, context = _candidates("cheese")
    assert len(profiles) > 2 * search.MAX_RESULTS
    scored = []
    score = search._score
    monkeypatch.setattr(search, "_score", lambda *args: scored.append(1) or score(*args))
    search._best(wanted, profiles, cooked, context)
    assert 0 < len(scored) < len(profiles)


def _every_field(food: object) -> tuple[object, ...]:
    """A profile's fields, with those worked out on first use."""
    stored = tuple(getattr(food, f.name) for f in dataclasses.fields(food))  # type: ignore[arg-type]
    return *stored[:-2], food.plant_form, food.animal, food.segment_sets  # type: ignore[attr-defined]


def test_a_profile_is_the_same_whatever_foods_were_met_before() -> None:
    """Heads and tail segments are worked out once and shared: a food's profile may not
    depend on which foods shared them first (raw meat and raw fruit cost "raw" differently)."""
    rows = connect().execute(f"SELECT {search._PROFILE_COLUMNS} FROM food WHERE rowid % 40 = 0")
    rows = rows.fetchall()
    alone = []
    for row in rows:
        search._head.cache_clear()
        search._tail.cache_clear()
        alone.append(_every_field(search._profile(*row)))
    assert [_every_field(search._profile(*row)) for row in rows] == alone


def test_warm_loads_what_the_first_misspelt_word_would() -> None:
    """A server calls `warm` at start-up; without it, importing search loads neither."""
    code = (
        "import importlib, sys\n"
        "search = importlib.import_module('twitchcheck.foods.search')\n"
        "before = ('rapidfuzz' in sys.modules, search._vocabulary.cache_info().currsize)\n"
        "search.warm()\n"
        "print(before, ('rapidfuzz' in sys.modules, search._vocabulary.cache_info().currsize))"
    )
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert shown.stdout.split("\n")[0] == "(False, 0) (True, 1)"


@pytest.mark.parametrize(
    "query",
    [
        "container of plain low fat yogurt",
        "leftover cashews from last night with some ground beef",
        "with and or",  # only words in many names: all of them count
    ],
)
def test_overlap_ranks_as_adding_the_weights_food_by_food(query: str) -> None:
    """`_overlap` sums with numpy once it is loaded, else food by food: the same ranking as
    the plain sum either way."""
    known = [t for t in search.query_terms(query) if search._frequency(t) > 0]
    lengths = search._name_lengths()
    total = len(lengths)
    common = search.COMMON_TERM * total
    selective = [t for t in known if search._frequency(t) <= common] or known
    weighted = [(t, math.log(total / max(1, search._frequency(t))) + 1.0) for t in selective]
    weights: dict[int, float] = {}
    for term, weight in weighted:
        for rowid in search._postings(term):
            weights[rowid] = weights.get(rowid, 0.0) + weight
        for rowid in search._postings(term, "head"):
            weights[rowid] = weights.get(rowid, 0.0) + weight / 2
    ranked = sorted(weights, key=lambda r: (-weights[r], lengths.get(r, 0), r))
    expected = ranked[: search.CANDIDATE_CAP]
    assert search._overlap_loop(weighted) == expected
    assert search._overlap_numpy(weighted) == expected
    assert search._overlap(known) == expected


@pytest.mark.parametrize("term", ["milk", "kefir", "porrige", "3", "3.25", "non-dairy", "zzzz"])
def test_indexed_answers_as_the_vocabulary_probe(term: str) -> None:
    """A plain word's `_indexed` is read from `_frequency`: the same answer as asking the
    index's posting lists directly."""
    found = "SELECT 1 FROM posting WHERE term = ? AND part = ''"
    row = connect().execute(found, (term,)).fetchone()
    assert search._indexed(term) is (row is not None)


@pytest.mark.parametrize(
    ("segment_text", "first", "second", "expected"),
    [
        ("milk|chocolate milk", "chocolate", "milk", True),
        ("chocolate|milk", "chocolate", "milk", False),  # adjacent only across segments
        ("milk chocolate", "chocolate", "milk", False),
        ("dark chocolate milkshake", "chocolate", "milk", False),  # "milk" is a word's start
        ("a dark chocolate milk", "chocolate", "milk", True),
        ("hot chocolate milk|x", "chocolate", "milk", True),
        ("chocolate milk", "late", "milk", False),  # "late" is a word's end
    ],
)
def test_adjacent_words_are_the_pairs_a_segment_holds(
    segment_text: str, first: str, second: str, expected: bool
) -> None:
    """`_adjacent` reads the text as `_pairs` reads its segments' words."""
    pairs = search._pairs([s.split() for s in segment_text.split("|")])
    assert ((first, second) in pairs) is expected
    assert search._adjacent(segment_text, first, second) is expected


@pytest.mark.parametrize(
    ("segment_text", "first", "second", "expected"),
    [
        ("milk|chocolate milk", "chocolate", "milk", True),
        ("soup|beef and vegetable|canned", "beef", "vegetable", True),  # two foods listed
        ("beef and|vegetable", "beef", "vegetable", False),  # not across segments
        ("sugar substitute and sugar blend", "substitute", "sugar", False),  # and in order
        ("soup|vegetable beef", "beef", "vegetable", False),
    ],
)
def test_reversed_pairs_are_next_or_joined_by_and(
    segment_text: str, first: str, second: str, expected: bool
) -> None:
    assert search._reversed(segment_text, first, second) is expected


def test_adjacent_words_agree_with_pairs_over_the_database() -> None:
    rows = connect().execute("SELECT terms FROM food WHERE rowid % 7 = 0").fetchall()
    for (text,) in rows:
        pairs = search._pairs([s.split() for s in text.split("|")])
        words = text.replace("|", " ").split()
        for first, second in itertools.islice(itertools.product(words, words), 30):
            assert search._adjacent(text, first, second) is ((first, second) in pairs)
