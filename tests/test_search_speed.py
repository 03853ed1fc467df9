"""Search's shortcuts change its speed, never its answers: `_ceiling` is never below the score
it bounds, so scoring the best `MAX_RESULTS` by ceiling gives the list that scoring all does."""

from __future__ import annotations

import importlib
import itertools
import json
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
        ceiling = search._ceiling(food.rowid, context)
        assert ceiling >= search._score(wanted, food, cooked, context) - 1e-9


@pytest.mark.parametrize("query", WIDE)
def test_the_ceiling_weighs_every_known_word_at_its_least(query: str) -> None:
    """`_ceiling` reads the query's known words from the context with the least each costs a
    food lacking it: every known word, in order, at no more than `_score` charges."""
    context = search._context(search.query_terms(query))
    assert [term for term, _, _ in context.placed] == list(context.known)
    assert len(context.missing) == len(context.known)
    for (term, placed, charged), (segments, tails, least, postings) in zip(
        context.placed, context.missing, strict=True
    ):
        assert (segments, tails) == (placed, charged) == search._name_term(term)
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
    rowids = [p.rowid for p in profiles]
    assert search._best(wanted, rowids, cooked, context, keep) == every


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
    search._best(wanted, [p.rowid for p in profiles], cooked, context)
    assert 0 < len(scored) < len(profiles)


def _derived_all() -> list[object]:
    rows = connect().execute(f"SELECT {search.PROFILE_COLUMNS} FROM food ORDER BY rowid")
    return [search._derive(*row) for row in rows]


def test_a_profile_is_the_same_whatever_foods_were_met_before() -> None:
    """Heads and tail segments are worked out once and shared: a food's profile may not
    depend on which foods shared them first (raw meat and raw fruit cost "raw" differently)."""
    rows = connect().execute(f"SELECT {search.PROFILE_COLUMNS} FROM food WHERE rowid % 40 = 0")
    rows = rows.fetchall()
    alone = []
    for row in rows:
        search._head.cache_clear()
        search._tail.cache_clear()
        alone.append(search._derive(*row))
    assert [search._derive(*row) for row in rows] == alone


def test_stored_profiles_are_what_search_works_out_from_the_word_lists_today() -> None:
    """The build stores `_derive`'s profiles; read back, each food's fields and its name
    terms' places and costs are the derivation's, to the bit (else: make fooddb)."""
    (stored,) = (
        connect().execute("SELECT value FROM meta WHERE key = ?", (search.WORDS_KEY,)).fetchone()
    )
    assert stored == search.words_hash(), "foods.sqlite was built with another search.toml"
    derived = _derived_all()
    rowids = [food.rowid for food in derived]  # type: ignore[attr-defined]
    loaded = search._profiles(rowids)
    placed: dict[str, dict[int, int]] = {}
    charged: dict[str, dict[int, float]] = {}
    for food, profile in zip(derived, loaded, strict=True):
        plant, animal = food.kinds()  # type: ignore[attr-defined]
        naming = sum(1 << s for s in food.naming_segments)  # type: ignore[attr-defined]
        for name in ("rowid", "id", "name", "group", "source", "code", "segment_text", "head",
                     "head_terms", "head_set", "alternatives", "head_unusual", "segments",
                     "generic_prefix", "static", "tail_total", "taxonomic_head", "cooked_kind",
                     "has_raw", "has_cooking"):  # fmt: skip
            assert getattr(profile, name) == getattr(food, name), (food, name)
        assert (profile.naming, profile.plant_form, profile.animal) == (naming, plant, animal)
        for term, segment in food.first_segment.items():  # type: ignore[attr-defined]
            placed.setdefault(term, {})[food.rowid] = segment  # type: ignore[attr-defined]
        for term, cost in food.tail_costs.items():  # type: ignore[attr-defined]
            charged.setdefault(term, {})[food.rowid] = cost  # type: ignore[attr-defined]
    every = search._every()  # what `_ceiling` reads: the same integer, the same head
    stored_rows = connect().execute("SELECT rowid, packed FROM profile").fetchall()
    assert all(every.packed[rowid] == packed for rowid, packed in stored_rows)
    assert all(every.heads[every.head[p.rowid]] == p.head for p in loaded)
    assert every.cooking == {p.rowid for p in loaded if p.has_cooking}
    for term in placed.keys() | charged.keys():
        assert search._name_term(term) == (placed.get(term, {}), charged.get(term, {})), term
    assert search._name_term("no such term") == ({}, {})


def test_stored_note_entries_are_the_terms_of_each_entry() -> None:
    """`_note_entries` reads what the build stored: each entry's `terms`, as a set, empty
    entries left out, the same as working them out from the note."""
    from twitchcheck.text import terms

    rows = connect().execute("SELECT rowid, name, note FROM food ORDER BY rowid").fetchall()
    profiles = search._profiles([rowid for rowid, _, _ in rows])
    for (_, name, note), profile in zip(rows, profiles, strict=True):
        indexed = search.indexed_note(name, note)  # with the flavours "other than chocolate"
        entries = (frozenset(terms(e)) for e in indexed.split(";"))
        assert search._note_entries(profile) == tuple(e for e in entries if e), note


def test_profiles_are_worked_out_afresh_when_the_word_lists_changed(monkeypatch) -> None:
    """Profiles stored with other word lists (search.toml edited since the build) are not
    read: search works them out in memory from the same rows, the same answers."""
    search._store.cache_clear()
    monkeypatch.setattr(search, "words_hash", lambda: "edited")
    try:
        fresh = search._store()
        assert fresh is not connect()
        rowids = [r for (r,) in connect().execute("SELECT rowid FROM food WHERE rowid % 97 = 0")]
        query = search._PROFILE_SELECT + f"({','.join('?' * len(rowids))}) ORDER BY rowid"
        stored = connect().execute(query, rowids).fetchall()
        assert fresh.execute(query, rowids).fetchall() == stored
        term_rows = "SELECT * FROM name_term WHERE term IN ('milk', 'raw', 'chicken', 'nfs')"
        assert fresh.execute(term_rows).fetchall() == connect().execute(term_rows).fetchall()
        for table in ("profile_all", "note_entry", "label"):
            every = f"SELECT * FROM {table}"
            assert fresh.execute(every).fetchall() == connect().execute(every).fetchall()
        costs = "SELECT * FROM cost"
        assert fresh.execute(costs).fetchall() == connect().execute(costs).fetchall()
    finally:
        search._store.cache_clear()


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


def test_warm_reads_the_whole_index_and_changes_no_answer() -> None:
    """`warm` reads every food's profile and every word's postings at once, as the first
    search of each word would one by one: the same answers either way."""
    code = (
        "import importlib, json, sys\n"
        "search = importlib.import_module('twitchcheck.foods.search')\n"
        "queries = ['kefir', 'oat milk latte', 'chicken breast', 'cheese', 'hummus wrap']\n"
        "def ranked(): return [[m.id for m in search.search(q, limit=12)] for q in queries]\n"
        "first = ranked()\n"
        "search.clear_cache(); search._PROFILES.clear(); search._name_term.cache_clear()\n"
        "search.warm()\n"
        "loaded = len(search._PROFILES)\n"
        "search.clear_cache()\n"
        "print(json.dumps([first == ranked(), loaded]))"
    )
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    same, loaded = json.loads(shown.stdout)
    assert same
    assert loaded > 10_000  # every food's profile, not only those the queries met
