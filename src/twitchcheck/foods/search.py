"""Find the food a person means from what they type.

Two stages. The database's posting lists (one per index token, built with it) retrieve
every food whose name or note holds the query's words (after synonyms and spelling
correction). Then a transparent score ranks them by how much the name *is* the thing asked
for: the query's words should lead the name, the rest of the name should be
plain descriptors ("raw", "whole", "NFS"), and unusual forms (baby food, brand
names, raw chicken when nobody said raw) fall back. The weights are the
constants below; the word lists live in ``data/search.toml``.

Qualifiers that change the food are never dropped: a plant-food query ("oat milk",
"vegan pizza") penalises dairy, egg and meat foods no plant word qualifies (``[plant]``);
a word that makes another food ("French" toast, "skin only", "potato" salad) costs a food
whose query lacks it (``[changes]``). Chain and brand names USDA does not list are searched
as their generic food and the results marked ``approximation`` (`brands`,
``data/brands.toml``). Latency is bounded: a word in no food's index never selects
candidates, and when no food holds every word only the `CANDIDATE_CAP` foods holding the
most (rarest) of them are scored.
"""

from __future__ import annotations

import array
import functools
import heapq
import itertools
import math
import operator
import re
import sqlite3
import sys
from collections.abc import Callable, Iterable, KeysView, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from twitchcheck._data import raw_data, read_text, reading, text_hash
from twitchcheck.errors import InputError
from twitchcheck.foods import brands
from twitchcheck.foods.database import SOURCES, connect
from twitchcheck.limits import limit as _limit
from twitchcheck.text import fold, quoted, singular, terms, user_text

# Score weights (points off a perfect 100).
MISSING_TERM = 40.0  # a query word the name lacks
NOTE_ONLY_TERM = 10.0  # a query word found only in USDA's extra description
SOFT_MISSING = 1.5  # a preparation word ("chopped") the name lacks: it rarely changes the food
FOREIGN_HEAD = 14.0  # a word leading the name that the query did not ask for
LATE_START = 4.0  # per name segment before the first query word
EXTRA_WORD = 4.0  # any other word the query did not ask for
DEFAULT_WORD = 0.4  # an unasked word that only says "the usual form"
UNUSUAL_WORD = 10.0  # a word for a form few mean by a plain query ("powder", "imitation")
REVERSED = (
    8.0  # the query's two words reversed in one phrase: "chocolate milk" for "milk chocolate"
)
NFS_BONUS = 3.0  # USDA's "not further specified": the generic entry
BRAND = 15.0  # a brand-name product
UNCOOKED = 12.0  # raw meat or dry grain when nobody asked for raw
SOURCE_TIE = 0.3  # prefer as-eaten FNDDS entries when all else is equal
QUALIFIER_CONFLICT = 40.0  # a plant-food query ("oat milk", "vegan") meeting a dairy or egg food
# A food usually eaten cooked ("corn", "green beans") found in FNDDS's restaurant form, which
# adds fat and salt, where the query says nothing of where it was eaten: cooked at home wins.
RESTAURANT_FORM = 3.0
CHANGED_FOOD = 30.0  # a word that makes another food ("French" toast) that the query lacks
EQUIVALENT_TERM = 8.0  # a query qualifier met by an equivalent word ("vegan" by "meatless")
VARIANT_WORD = 6.0  # an unasked word beside an asked one in its segment: a variant ("Ensure Plus")
NOTE_ENTRY_WORD = 2.0  # per unasked word of the note entry that holds the query word (at most 3)
QUALIFIER_ONLY = 30.0  # the query met only by usual-form words of the name's tail ("english")
# The query's last word missing from the name and its note: English puts the food's own noun
# last ("almond croissant" is a croissant, "cherry tomatoes" tomatoes), so where no food holds
# every word, one lacking the head noun ranks below one lacking a word that qualifies it
HEAD_NOUN = 3.0
AMBIGUOUS_SCORE = 85.0  # the most a query of an ambiguous word alone scores ("squash")
CANDIDATE_CAP = 200  # foods scored when no food holds every query word (latency bound)
WIDE_CAP = 400  # foods scored when many hold every query word: the shortest names
COMMON_TERM = 0.15  # a word in more than this share of foods ("with") never selects alone

MAX_RESULTS = int(_limit("phrase.search_results"))  # ranked results kept per query
FEW_RESULTS = 12  # a search for at most this many ranks only these (a phrase's food, its dish)
MAX_WORDS = int(_limit("phrase.words"))  # words read of one query
MAX_CHARS = int(_limit("phrase.chars"))
HEAD_ENOUGH = 25  # head-matching candidates needed before the rest can be skipped
FUZZY_CUTOFF = 80.0  # rapidfuzz ratio for accepting a spelling correction
_FILLER = brands.FILLER


@dataclass(frozen=True, slots=True)
class Match:
    """A search hit: internal row id, food id, name, group, source and score (0-1)."""

    rowid: int
    id: str
    name: str
    group: str
    source: str
    score: float
    approximation: bool = False  # a chain or brand item matched to the closest generic food

    def to_dict(self) -> dict[str, object]:
        result: dict[str, object] = {
            "id": self.id,
            "name": self.name,
            "group": self.group,
            "source": self.source,
            "score": round(self.score, 3),
        }
        if self.approximation:
            result["approximation"] = True
        return result


@dataclass(frozen=True)
class _Words:
    synonyms: dict[str, list[str]]
    generic_heads: frozenset[str]
    defaults: frozenset[str]
    unusual: frozenset[str]
    soft: frozenset[str]
    raw_words: frozenset[str]
    cooked_groups: frozenset[str]
    cooked_fndds_codes: tuple[str, ...]
    cooked_heads: frozenset[str]
    as_eaten_cooked: tuple[str, ...]
    ambiguous: frozenset[str]
    cooking: frozenset[str]
    group_penalty: dict[str, float]
    plant_words: frozenset[str]
    plant_strong: frozenset[str]
    plant_pairs: frozenset[tuple[str, str]]
    animal_words: frozenset[str]
    negators: frozenset[str]
    changes: dict[str, frozenset[str]]
    usual_cooked: frozenset[str]  # unasked words that cost little in a usually-cooked food
    usual_raw: frozenset[str]
    plant_any: frozenset[str]
    plant_all: frozenset[str]  # plant words, strong ones and the words of plant pairs
    as_eaten: tuple[tuple[str, ...], ...]  # "ready to drink": segments naming the as-eaten form
    as_eaten_first: frozenset[str]
    meats: frozenset[str] = frozenset()  # kinds of meat a name's "meat" stands for
    commodities: frozenset[str] = frozenset()  # SR28 grains as harvested ([commodities])
    function_words: frozenset[str] = frozenset()  # "up", "off": they select no food alone


@functools.cache
def _words() -> _Words:
    with reading("search.toml"):
        return _built(raw_data("search.toml"))


def generic_heads() -> frozenset[str]:
    """The group words USDA heads names with ("fish", "nut"): search.toml [generic_heads]."""
    return _words().generic_heads


def meat_words() -> frozenset[str]:
    """The kinds of meat a name's "meat" stands for ("Soup, lentil, with meat": bacon too)."""
    return _words().meats


def cooking_words() -> frozenset[str]:
    """The cooking methods a query may name ("baked", "stewed"): search.toml [cooking_words]."""
    return _words().cooking


def _built(raw: Any) -> _Words:
    return _Words(
        synonyms={k: terms(v) for k, v in raw["synonyms"].items()},
        generic_heads=frozenset(raw["generic_heads"]["words"]),
        defaults=frozenset(raw["defaults"]["words"]),
        unusual=frozenset(raw["unusual_words"]["words"]),
        soft=frozenset(raw["soft_words"]["words"]),
        raw_words=frozenset(raw["raw_words"]["words"]),
        cooked_groups=frozenset(raw["cooked_groups"]["names"]),
        cooked_fndds_codes=tuple(raw["cooked_groups"]["fndds_code_prefixes"]),
        cooked_heads=frozenset(raw["cooked_groups"]["heads"]),
        as_eaten_cooked=tuple(raw["cooked_groups"]["as_eaten_cooked_codes"]),
        ambiguous=frozenset(raw["ambiguous"]["words"]),
        cooking=frozenset(raw["cooking_words"]["words"]),
        group_penalty={k: float(v) for k, v in raw["group_penalty"].items()},
        plant_words=frozenset(raw["plant"]["words"]),
        plant_strong=frozenset(raw["plant"]["strong"]),
        plant_pairs=frozenset(tuple(terms(p)) for p in raw["plant"]["pairs"]),  # type: ignore[misc]
        animal_words=frozenset(raw["plant"]["animal_words"]),
        negators=frozenset(raw["plant"]["negators"]),
        changes={k: frozenset(terms(" ".join(v))) for k, v in raw["changes"].items()},
        usual_cooked=frozenset(raw["defaults"]["words"]) | frozenset(raw["cooking_words"]["words"]),
        usual_raw=frozenset(raw["defaults"]["words"]) | frozenset(raw["raw_words"]["words"]),
        plant_any=frozenset(raw["plant"]["words"]) | frozenset(raw["plant"]["strong"]),
        plant_all=frozenset(raw["plant"]["words"])
        | frozenset(raw["plant"]["strong"])
        | {t for p in raw["plant"]["pairs"] for t in terms(p)},
        as_eaten=tuple(tuple(terms(p)) for p in raw["as_eaten"]["phrases"]),
        as_eaten_first=frozenset(terms(p)[0] for p in raw["as_eaten"]["phrases"]),
        meats=frozenset(t for w in raw.get("meat_kinds", {}).get("words", ()) for t in terms(w)),
        commodities=frozenset(raw.get("commodities", {}).get("ids", ())),
        function_words=frozenset(raw.get("function_words", {}).get("words", ())),
    )


@functools.cache
def _vocabulary() -> tuple[str, ...]:
    """Every term in the index, for spelling correction (loaded on the first typo)."""
    rows = connect().execute("SELECT term FROM posting WHERE part = '' ORDER BY term")
    return tuple(term for (term,) in rows)


def query_terms(query: str) -> list[str]:
    """The terms searched for `query`: synonyms applied, misspellings corrected.

    Refuses a query of more than `MAX_WORDS` words (each may cost a spelling check).
    """
    words = _words()
    result: list[str] = []
    found = terms(query)
    if len(found) > MAX_WORDS:
        raise InputError(
            f"search query {quoted(query)} has {len(found):,} words; a food name has at most "
            f"{MAX_WORDS}, so name one food at a time"
        )
    for term in _phrases(found, words.synonyms):
        if term in _FILLER:
            continue
        respelt = _respellings()
        if term not in words.synonyms and term not in respelt and _typo(term):
            # A misspelt word may be a misspelt synonym ("porrige" is porridge, so oatmeal).
            term = _corrected(term) or term
        for word in words.synonyms.get(term, [term]):
            if word not in words.synonyms and word not in respelt and _typo(word):
                word = _corrected(word) or word
            result.extend(respelt.get(word, (word,)))
    return list(dict.fromkeys(result))


def _typo(word: str) -> bool:
    """Whether `word` is worth a spelling check: long enough, not a number ("3.25" must not
    become "325"), and in no food's name."""
    return len(word) >= 4 and not any(c.isdigit() for c in word) and not _indexed(word)


@functools.cache
def _respellings() -> dict[str, tuple[str, ...]]:
    """The words the index holds for a query word, from the build (tools/build_fooddb.py):
    words USDA mostly writes as two ("meatloaf" -> "meat loaf") and "-ie" plurals that
    folding makes "-y" ("cookies" -> "cooky" -> "cookie")."""
    rows = connect().execute("SELECT term, words FROM respelling")
    return {term: tuple(found.split()) for term, found in rows}


@functools.lru_cache(maxsize=16384)
def _indexed(term: str) -> bool:
    """Whether any food name holds `term` (one index probe, no vocabulary load). A plain word's
    probe is `_frequency`'s, which search asks of each word it keeps anyway."""
    if _TOKEN.fullmatch(term):
        return _frequency(term) > 0
    found = "SELECT 1 FROM posting WHERE term = ? AND part = ''"
    return connect().execute(found, (term,)).fetchone() is not None


def _phrases(query: list[str], synonyms: dict[str, list[str]]) -> list[str]:
    """Join phrases of up to four words that have a synonym ("semi skimmed milk")."""
    result: list[str] = []
    i = 0
    while i < len(query):
        for size in (4, 3, 2, 1):
            phrase = " ".join(query[i : i + size])
            if size == 1 or (i + size <= len(query) and phrase in synonyms):
                result.append(phrase)
                i += size
                break
    return result


@functools.lru_cache(maxsize=4096)
def _corrected(word: str) -> str | None:
    """`_correct` against the index's vocabulary and the one-word synonyms people type,
    remembered per word (diaries repeat typos)."""
    return _correct(word, _vocabulary() + _synonym_words(), _word_frequency)


@functools.cache
def _synonym_words() -> tuple[str, ...]:
    return tuple(k for k in _words().synonyms if " " not in k and not _indexed(k))


def _word_frequency(word: str) -> int:
    """How many foods a correction would find: a synonym counts as the words it stands for."""
    replacement = _words().synonyms.get(word)
    if replacement:
        return max(_frequency(t) for t in replacement)
    return _frequency(word)


def _correct(
    word: str, vocab: Sequence[str], frequency: Callable[[str], int] = lambda _: 0
) -> str | None:
    """The closest word of `vocab` to `word` (rapidfuzz ratio at least `FUZZY_CUTOFF`); among
    equally close ones, the word in most food names ("porrige": porridge, not a rarer word)."""
    from rapidfuzz import fuzz, process

    found = process.extract(word, vocab, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=8)
    if not found:
        return None
    best = max(found, key=lambda f: (f[1], frequency(str(f[0]))))
    return str(best[0])


def search(query: str, limit: int = 10) -> list[Match]:
    """Foods matching `query`, best first (empty when nothing matches).

    The query is data, never SQL; it is read through `text.user_text` (at most
    `MAX_CHARS` characters, invisible characters dropped, look-alike letters refused) and
    `limit` must be 1 to `MAX_RESULTS`. Refusals are `InputError`s.
    """
    if not 1 <= limit <= MAX_RESULTS:
        raise InputError(f"search limit {limit} is out of range; give 1 to {MAX_RESULTS}")
    keep = FEW_RESULTS if limit <= FEW_RESULTS else MAX_RESULTS
    return list(_ranked(user_text(query, "search query", MAX_CHARS), keep)[:limit])


def warm(index: bool = True) -> None:
    """Load now what the first searches of a process would otherwise pay for: rapidfuzz
    (~100 ms to import, on the first misspelt word), the index's vocabulary (~20-50 ms), the
    word lists, and numpy with the name lengths (for a query no food holds every word of);
    with `index`, every food's profile and every word's postings too (~120 ms, ~45 MB), which
    each first search of a word would read (a third of a new word's search). A long-lived
    server calls this at start-up, so its first type-ahead is as fast as the rest; a one-off
    command need not."""
    from rapidfuzz import fuzz, process

    process.extractOne("warm", ("warm",), scorer=fuzz.ratio)  # its first call's set-up too
    _words()
    _vocabulary()
    _synonym_words()
    _respellings()
    _length_array()  # numpy, for a query no food holds every word of
    if index:
        _keep(_store().execute("SELECT rowid, packed, text FROM profile"))  # one scan
        for (term,) in _store().execute("SELECT term FROM name_term"):
            _name_term(term)
        for (token,) in connect().execute("SELECT DISTINCT term FROM posting"):
            _posting_lists(token)


def names_food(text: str) -> bool:
    """Whether `text` is word for word the first part of a USDA food's name, of two words or
    more ("fruit salad", "spaghetti squash", "beef and macaroni with cheese sauce"): what the
    type-ahead offers, said back. A mark that joins foods is not in a name ("pancakes & syrup"
    is not "Pancake syrup")."""
    return bool(_own_words(text))


def known_word(word: str) -> bool:
    """Whether search knows `word` as it is written (a term of some food's index entry, a
    synonym or a respelling), with no spelling corrected: "mayo", "tuna", "plain"; not
    "proud", whose nearest term ("round") is not what was meant."""
    term = singular(fold(word))
    return _indexed(term) or term in _words().synonyms or term in _respellings()


def names_dish(text: str) -> bool:
    """Whether `text` is a USDA food's name (`names_food`) that says several foods, joined by
    a word ("shrimp and vegetables excluding carrots")."""
    return names_food(text) and not _JOINING.isdisjoint(terms(text))


@functools.cache
def _head_texts() -> frozenset[str]:
    return frozenset(_every().heads)


@functools.cache
def _head_texts_alone() -> frozenset[str]:
    """The heads of USDA names that are one word ("croissant", "tomato", "scone")."""
    return frozenset(h for h in _every().heads if h and " " not in h)


def clear_cache() -> None:
    """Forget ranked results (benchmarks use this to time real searches)."""
    _ranked.cache_clear()


@functools.lru_cache(maxsize=8192)
def _ranked(query: str, keep: int = MAX_RESULTS) -> tuple[Match, ...]:
    """The `keep` best candidates for `query`, ranked (cached: diaries repeat their foods).
    The first `keep` of a longer list are the same foods in the same order."""
    own = _own_words(query)  # "nutella sandwich on white bread": USDA's name, not a brand's
    generic = None if own else brands.approximate_for(query)
    if generic is not None:
        return tuple(replace(m, approximation=True) for m in _ranked(generic, keep))
    wanted = own or query_terms(query)
    if not wanted:
        return ()
    # A word no food name holds ("container") cannot select a food: leave it to scoring.
    known = [t for t in wanted if _frequency(t) > 0]
    required = [t for t in known if t not in _words().soft and t not in _UNFLAVOURED]
    if not required or _words().function_words.issuperset(required):
        # Only how it was cut or how much ("small", "sliced"), or words that name nothing
        # ("up", "off": [function_words]): no food is named.
        return ()
    # Foods whose own name (first two segments) holds a query word rank far
    # above the rest, so score those alone when there are enough of them.
    rowids = _candidates(required, require_all=True, in_head=True)
    if len(rowids) < HEAD_ENOUGH:
        # No food holds the cooking method asked for ("steamed broccoli"): its cooked forms.
        # FNDDS's cooked meats name no method ("Pork, chop"): they compete with the names
        # that hold it ("..., cooked, broiled"), a method met by an as-eaten cooked food.
        uncooked = [t for t in required if t not in _words().cooking] or required
        rowids = _candidates(required, require_all=True)
        if rowids and uncooked != required:
            extra = [r for r in _candidates(uncooked, require_all=True) if r not in set(rowids)]
            rowids = sorted({*rowids, *(p.rowid for p in _profiles(extra) if _as_eaten_cooked(p))})
        rowids = rowids or _candidates(uncooked, require_all=True) or _overlap(known)
    if len(rowids) > WIDE_CAP:
        # A plain word in hundreds of names ("cheese"): the shortest names hold the
        # plain food; long ones carry words the query did not ask for, each a penalty.
        # Sorted whole: `heapq.nsmallest`'s answer, but C's sort instead of a Python loop over
        # thousands of (length, row id) pairs, each distinct.
        lengths = map(_name_lengths().get, rowids, itertools.repeat(0))
        rowids = [r for _, r in sorted(zip(lengths, rowids, strict=True))[:WIDE_CAP]]
    context = _context(wanted)
    if len(own) > 2:
        # USDA's own name, long enough to be the food itself: nothing its recipe lists makes
        # another food of it ("seven-layer salad" lists egg, which makes a salad egg salad);
        # a name of two words keeps the rules ("fruit punch" is not the alcoholic one)
        context = replace(context, changed=frozenset(), changed_in=())
    packed = context.every.packed
    if context.plant and not any(
        packed[r] & _PLANT_FORM and not packed[r] & _ANIMAL for r in rowids
    ):
        # "oat yogurt" and no oat yogurt: the plant forms of the food ("Yogurt, soy").
        plain = [t for t in required if t not in context.plant_terms]
        if plain and plain != required:
            rowids = list(dict.fromkeys(rowids + _candidates(plain, require_all=True)))
    # Read from `_every`: the candidates' profiles are read only for those scored (`_best`).
    head_of, heads = context.every.head, context.every.heads
    cooking = context.every.cooking.intersection(rowids)
    cooked_heads = frozenset(heads[head_of[r]] for r in cooking)
    # A query of qualifiers only ("decaf"): no food's head holds its words, so no head is
    # foreign to it, and the food it qualifies most often is found on its own merits.
    held = set(map(head_of.__getitem__, rowids))
    if not any(t in _head(heads[head])[1] for head in held for t in context.known):
        context = replace(context, head_free=True)
    scored = _best(wanted, rowids, cooked_heads, context, keep)
    if len(own) > 2 and not _JOINING.isdisjoint(own):
        # FNDDS's dish of this name ("fish and vegetables excluding carrots") first, ahead of
        # names holding the same words in other places ("Fish, noodles, and vegetables ...");
        # not SR28's product of that name ("Macaroni and Cheese, canned entree")
        named = " ".join(own)
        scored.sort(key=lambda s: s[1].source != "fndds" or heads[head_of[s[1].rowid]] != named)
    if context.known and _words().ambiguous.issuperset(context.known):
        # "squash" alone: the vegetable or the British drink; the best is only a guess.
        scored = [(min(raw, AMBIGUOUS_SCORE), p) for raw, p in scored]
    return tuple(p.match(raw) for raw, p in scored[:keep])


def _own_words(query: str) -> list[str]:
    """The terms of a query that is word for word the first part of a USDA food's name, of
    two words or more: USDA's own words need no synonyms, which would make the spaghetti of
    "spaghetti squash" pasta and lose the food named. Else none."""
    if _JOINING_MARK.search(query):
        return []
    own = terms(query)
    return own if len(own) > 1 and " ".join(own) in _head_texts() else []


_JOINING_MARK = re.compile(r"[&+,]")


@functools.lru_cache(maxsize=4096)
def _frequency(term: str) -> int:
    """How many foods' index entries hold `term` (0: none; a list holds 4 bytes a food). All
    of a term's tokens must be distinct index tokens: a repeated one ("1.1") counts as none."""
    tokens = _TOKEN.findall(term)
    if not tokens:
        return 0
    if len(tokens) == 1:  # its list's length: the list a kept word is searched with anyway
        return len(_posting_list(tokens[0], ""))
    rows = (
        connect()
        .execute(
            "SELECT min(length(foods)) / 4 FROM posting WHERE part = ''"
            f" AND term IN ({','.join('?' * len(tokens))}) HAVING count(*) = {len(tokens)}",
            tokens,
        )
        .fetchone()
    )
    return int(rows[0]) if rows and rows[0] is not None else 0


def _overlap(wanted: list[str]) -> list[int]:
    """When no food holds every word: the `CANDIDATE_CAP` foods holding the most of them,
    rare words weighing more and words in the name's head more again ("Milk, NFS" before
    "Yogurt, ... milk"), shorter names first among equals. A word in more than
    `COMMON_TERM` of all foods ("with") is left out unless every word is that common."""
    total = max(1, len(_name_lengths()))
    selective = [t for t in wanted if _frequency(t) <= COMMON_TERM * total] or wanted
    weighted = [(t, math.log(total / max(1, _frequency(t))) + 1.0) for t in selective]
    # The same list either way. numpy sums over thousands of foods in C, but its import
    # (0.2-0.4 s here) would cost a one-off command more than it saves: used once loaded
    # (`warm`, or a plan solved in this process).
    return _overlap_numpy(weighted) if "numpy" in sys.modules else _overlap_loop(weighted)


def _overlap_loop(weighted: list[tuple[str, float]]) -> list[int]:
    """`_overlap`'s ranking, food by food: each food's weight summed term by term in the
    order given, then ranked on (most weight, shorter name, lower row id) keys built and
    compared by builtins, not a Python key function per food (a long phrase's words are
    in thousands of foods: 83,000 key calls over 50 such queries)."""
    lengths = _name_lengths()
    weights: dict[int, float] = {}
    for term, weight in weighted:
        for postings, share in ((_postings(term), weight), (_postings(term, "head"), weight / 2)):
            get = weights.get
            weights.update({rowid: get(rowid, 0.0) + share for rowid in postings})
    keys = zip(
        map(operator.neg, weights.values()),
        map(lengths.get, weights, itertools.repeat(0)),
        weights,
        strict=True,
    )
    return [rowid for _, _, rowid in sorted(keys)[:CANDIDATE_CAP]]  # as `_ranked`'s cap


def _overlap_numpy(weighted: list[tuple[str, float]]) -> list[int]:
    """`_overlap`'s ranking with numpy: summed term by term in the same order for every food,
    so the same floats as `_overlap_loop`."""
    import numpy as np

    lengths = _length_array()
    weights = np.zeros(len(lengths))
    held = np.zeros(len(lengths), dtype=bool)
    for term, weight in weighted:
        for rowids, share in (
            (_posting_array(term), weight),
            (_posting_array(term, "head"), weight / 2),
        ):
            weights[rowids] += share
            held[rowids] = True
    found = np.flatnonzero(held)
    # Most weight first, then the shorter name, then the lower row id.
    order = np.lexsort((found, lengths[found], -weights[found]))[:CANDIDATE_CAP]
    return [int(r) for r in found[order]]


@functools.cache
def _name_lengths() -> dict[int, int]:
    """Each food's name length, to order foods that hold the same query words."""
    return dict(connect().execute("SELECT rowid, length(name) FROM food").fetchall())


@functools.cache
def _length_array() -> Any:
    """`_name_lengths` as a numpy array indexed by row id (0 where no food has that id)."""
    import numpy as np

    lengths = _name_lengths()
    found = np.zeros(max(lengths, default=0) + 1, dtype=np.int64)
    found[list(lengths)] = list(lengths.values())
    return found


@functools.lru_cache(maxsize=4096)
def _posting_array(term: str, column: str = "") -> Any:
    """`_postings` as a numpy array of row ids, for `_overlap`."""
    import numpy as np

    return np.fromiter(_postings(term, column), dtype=np.int64)


@dataclass(slots=True)  # not frozen: built for every query, and faster so; never changed
class _Context:  # but for `foreign`, which remembers
    """What the query says about the food's kind, worked out once per query."""

    plant: bool  # a plant-food query: "oat milk", "soy yogurt", "vegan pizza"
    plant_terms: frozenset[str]  # the query's plant qualifiers, met by any plant word
    changed: frozenset[str]  # words that would make another food than the one asked for
    wanted: frozenset[str]
    soft: frozenset[str]
    reversed_pairs: frozenset[tuple[str, str]]  # ("milk", "chocolate") for "chocolate milk"
    raw_asked: bool
    known: tuple[str, ...]  # the query's words that some food's index entry holds
    unknown_penalty: float  # what the others cost every food alike
    cooking_asked: bool  # the query names a cooking method ("steamed", "roasted")
    usual_only: bool  # every known word is a usual-form word ("english", "whole")
    cooking: frozenset[str]  # the cooking methods (search.toml)
    # Each known word, in order, with its `_name_term` (where foods' names hold it).
    placed: tuple[tuple[str, dict[int, int], dict[int, float]], ...]
    # For `_ceiling`, each known word's `_name_term` and the least it costs a food whose name
    # lacks it: a fixed cost, or (None) `_note_cost`'s least for a food in its postings
    # (given), else MISSING_TERM.
    missing: tuple[tuple[dict[int, int], dict[int, float], float | None, frozenset[int]], ...]
    changed_in: tuple[tuple[str, dict[int, int]], ...]  # each `changed` word and its foods
    reversed_in: tuple[tuple[dict[int, int], dict[int, int]], ...]  # `reversed_pairs`' foods
    every: _Every  # `_every`
    asked: frozenset[str]  # words the query asks for, not after "no" or "without"
    with_skin: bool  # "chicken thigh with skin": the meat with its skin, not the skin alone
    head_noun: str | None = None  # the last known word where it names the food (`HEAD_NOUN`)
    head_free: bool = False  # no candidate's head holds a query word
    foreign: dict[str, int] = field(default_factory=dict)  # `_foreign`'s answers, by head


def _context(wanted: list[str]) -> _Context:
    words = _words()
    present = set(wanted)
    pairs = set(itertools.pairwise(wanted))
    strong = bool(present & words.plant_strong or pairs & words.plant_pairs)
    plant = strong or bool(present & words.plant_words and present & words.animal_words)
    plant_terms = present & words.plant_all
    changed: set[str] = set()
    for term in wanted:
        changed |= words.changes.get(term, frozenset())
    held = [_frequency(t) > 0 for t in wanted]
    known = tuple(t for t, found in zip(wanted, held, strict=True) if found)
    unknown = [t for t, found in zip(wanted, held, strict=True) if not found]
    plant_found = frozenset(plant_terms) if plant else frozenset()
    placed = tuple((t, *_name_term(t)) for t in known)
    changed -= present
    reversed_pairs = frozenset((b, a) for a, b in itertools.pairwise(wanted))
    return _Context(
        plant=plant,
        plant_terms=plant_found,
        changed=frozenset(changed),
        wanted=frozenset(present),
        soft=words.soft,
        reversed_pairs=reversed_pairs,
        raw_asked=bool(present & words.raw_words),
        known=known,
        unknown_penalty=sum(SOFT_MISSING if t in words.soft else MISSING_TERM for t in unknown),
        cooking_asked=bool(present & words.cooking),
        usual_only=all(t in words.defaults for t in known),
        cooking=words.cooking,
        placed=placed,
        missing=tuple(
            (segments, tails, *_least_missing(t, words.soft, plant_found, words.cooking))
            for t, segments, tails in placed
        ),
        changed_in=tuple((t, _name_term(t)[0]) for t in sorted(changed)),
        reversed_in=tuple((_name_term(a)[0], _name_term(b)[0]) for a, b in reversed_pairs),
        every=_every(),
        asked=frozenset(
            t
            for before, t in itertools.pairwise(["", *wanted])
            if before not in words.negators and t not in words.defaults | words.negators
        ),
        with_skin=("with", "skin") in pairs,
        head_noun=_head_noun(known, wanted, words, plant_terms),
    )


def _head_noun(
    known: tuple[str, ...], wanted: list[str], words: _Words, plant_terms: set[str]
) -> str | None:
    """The query's last known word where it is the food's own noun (`HEAD_NOUN`): a food's
    whole head in some USDA name ("Croissant", "Tomatoes"), not a way of cooking, a usual
    form, a plant qualifier or a word after "no" ("eggs scrambled", "tea no sugar", "celery
    sticks"); None for a query of one known word."""
    if len(known) < 2:
        return None
    last = known[-1]
    if last not in _head_texts_alone():
        return None
    at = len(wanted) - 1 - wanted[::-1].index(last)
    if (
        last in words.cooking
        or last in words.soft
        or last in words.defaults
        or last in plant_terms
        or last in _UNFLAVOURED
        or last in words.negators
        or (at and wanted[at - 1] in words.negators)
    ):
        return None
    return last


# a name's word that it says it has none of: "Taco, with beans, no cheese"; or is not:
# "Roll with meat and/or shrimp, vegetables and rice paper, not fried" is no fried rice
_NONE_OF = re.compile(r"(?:^|[ |])(?:no|without|not) ([a-z]+)")


# a name's word that it is that part alone: "Taco, cheese only", "Egg, white only"
_ONLY = re.compile(r"([a-z]+) only(?![a-z])")


def _only_unasked(segment_text: str, wanted: frozenset[str]) -> bool:
    """Whether a name is one part of the food alone that the query did not ask for ("Taco,
    cheese only" for "tempeh taco", "Egg, white only" for "egg"); a usual-form part ("meat
    only", "lean only") is no other food."""
    if " only" not in segment_text:
        return False
    defaults = _words().defaults
    return any(w not in wanted and w not in defaults for w in _ONLY.findall(segment_text))


def _says_none_of(segment_text: str, asked: frozenset[str]) -> bool:
    """Whether a name (its `segment_text`) says it has none of a word the query asks for, or
    is not it: "bean & cheese taco" is not FNDDS's "Taco, with beans, no cheese"."""
    if "no " not in segment_text and "without " not in segment_text and "not " not in segment_text:
        return False
    return not asked.isdisjoint(_NONE_OF.findall(segment_text))


def _skin_only(segment_text: str) -> bool:
    """Whether a name is a food's skin alone ("Chicken, skin only", "Chicken skin"), not the
    food eaten with it ("skin eaten", "meat and skin")."""
    head, _, rest = segment_text.partition("|")
    if head.endswith(" skin"):
        return True
    return any(
        part.startswith("skin") and "eaten" not in part and " not " not in f" {part} "
        for part in rest.split("|")
    )


def _least_missing(
    term: str, soft: frozenset[str], plant_terms: frozenset[str], cooking: frozenset[str]
) -> tuple[float | None, frozenset[int]]:
    """What `term` costs at least where a food's name lacks it (None: it depends on the
    food's postings, given too), as `_score` charges it: see `_ceiling`."""
    if term in soft:
        return SOFT_MISSING, frozenset()
    if term in plant_terms or term in cooking or term in _words().meats or term in _UNFLAVOURED:
        return _LEAST_MISSING, frozenset()
    return None, _postings(term)


# Words saying no flavour was added, which USDA's names of the plain food often leave unsaid
# ("Soymilk, plain or vanilla" is FNDDS's "Soy milk, unsweetened"): a name without one is
# still a candidate, met as by an equivalent word; a name holding it still ranks first.
_UNFLAVOURED = frozenset({"plain", "original"})

# the word "meat" in a name's terms, not "no meat" or "without meat"
_MEAT = re.compile(r"(?<![a-z])(?<!no )(?<!without )meat(?![a-z])")


def _candidates(wanted: list[str], require_all: bool, in_head: bool = False) -> list[int]:
    """Foods whose index entries hold all (or any) of `wanted`; with `in_head`, also one of
    them in the name's head. Set operations over each term's cached postings."""
    sets = sorted((_postings(t) for t in wanted if _TOKEN.search(t)), key=len)
    if not sets:
        return []
    found = sets[0].intersection(*sets[1:]) if require_all else sets[0].union(*sets[1:])
    if in_head and found:
        # Intersect first: `found` is small, a common word's head postings are not.
        found = frozenset().union(*(found & _postings(term, "head") for term in wanted))
    return sorted(found)


@functools.lru_cache(maxsize=16384)
def _postings(term: str, column: str = "") -> frozenset[int]:
    """The foods whose index entries (`column` "head": their heads only) hold `term`, cached.

    The index tokenized "3.25" as "3" and "25": a term of several tokens is the foods holding
    all of them. Only [a-z0-9] runs are looked up, so a term is data, never syntax.
    """
    tokens = _TOKEN.findall(term)
    if not tokens:
        return frozenset()
    found = _posting_list(tokens[0], column)
    for token in tokens[1:]:
        found &= _posting_list(token, column)
    return found


def _posting_list(token: str, part: str) -> frozenset[int]:
    """One token's posting list (tools/build_fooddb.py `encoded`: little-endian uint32)."""
    return _posting_lists(token).get(part, _NONE)


_NONE: frozenset[int] = frozenset()


@functools.lru_cache(maxsize=16384)
def _posting_lists(token: str) -> dict[str, frozenset[int]]:
    """A token's posting lists by part: one probe for both (a query word's are both read)."""
    rows = connect().execute("SELECT part, foods FROM posting WHERE term = ?", (token,))
    return {part: _decoded(blob) for part, blob in rows}


def _decoded(blob: bytes) -> frozenset[int]:
    return frozenset(_decoded_array(blob))


def _decoded_array(blob: bytes) -> array.array[int]:
    found = array.array("I")
    found.frombytes(blob)
    if sys.byteorder == "big":
        found.byteswap()
    return found


_TOKEN = re.compile(r"[a-z0-9]+")
_FIRST = operator.itemgetter(0)


@dataclass(slots=True)  # not frozen: a frozen dataclass is 5x slower to build, and this
class _Profile:  # is built for every food a process meets; nothing changes it once built
    """What scoring needs to know about one food, read from its stored profile (`_derive`
    worked it out at build time); its words' places are the query words' `_name_term`s."""

    rowid: int
    id: str
    name: str
    group: str
    source: str
    code: str  # the release's own food code (FNDDS codes group foods by kind)
    segment_text: str  # the name's terms, segment by segment ("nut almond|dry roasted")
    head: str  # the name's first segment, normalised ("chicken breast")
    head_terms: tuple[str, ...]
    head_set: frozenset[str]
    alternatives: frozenset[tuple[str, str]]  # "drink or shake": either word names the food
    head_unusual: frozenset[str]
    naming: int  # bit i: tail segment i can name a variant ("ENSURE PLUS"), not a qualifier
    # ("NS as to fat", "ready to drink") or an added thing ("with non-dairy milk")
    segments: int
    generic_prefix: int  # how many leading segments are only taxonomy
    static: float  # penalties that do not depend on the query
    tail_total: float  # what leaving every word after the head unasked costs
    taxonomic_head: bool  # the head is only taxonomy ("Nuts", "Fish")
    cooked_kind: bool  # meat, fish, eggs, grains, legumes: usually eaten cooked
    has_raw: bool
    has_cooking: bool
    plant_form: bool  # the name holds a plant word ("soy", "non-dairy", "meatless")
    animal: bool  # the name holds a dairy, egg or meat word no plant word qualifies
    sets: tuple[frozenset[str], ...] | None = None  # segment_sets, on first use

    def match(self, raw: float) -> Match:
        score = max(0.0, min(raw, 100.0)) / 100.0
        return Match(self.rowid, self.id, self.name, self.group, self.source, score)

    @property
    def segment_sets(self) -> tuple[frozenset[str], ...]:
        """Each segment's terms, for variant words."""
        if self.sets is None:
            self.sets = tuple(frozenset(s.split()) for s in self.segment_text.split("|"))
        return self.sets


# A stored profile is its row id, one integer and one text (a column read costs more than
# its value: sqlite3 lets go of the interpreter lock for each). The integer's fields, from
# its low bits: (name, width in bits). `static` and `tail_total` are codes of `_costs`,
# `group` and `source` of `_labels`; the text is the food's code, name and terms.
_PACKED = (
    ("flags", 6), ("segments", 5), ("generic_prefix", 4), ("naming", 13), ("static", 12),
    ("tail_total", 12), ("group", 9), ("source", 1),
)  # fmt: skip
_SHIFT = dict(
    zip(
        [n for n, _ in _PACKED],
        itertools.accumulate([w for _, w in _PACKED[:-1]], initial=0),
        strict=True,
    )
)
assert sum(w for _, w in _PACKED) <= 63  # SQLite's INTEGER is signed
_AT_SEGMENTS, _AT_PREFIX, _AT_NAMING, _AT_STATIC, _AT_TAIL, _AT_GROUP, _AT_SOURCE = (
    _SHIFT[n] for n in ("segments", "generic_prefix", "naming", "static", "tail_total", "group",
                        "source")
)  # fmt: skip
_SOURCES = tuple(SOURCES)  # `source`'s codes
# `flags`' bits.
_COOKED_KIND, _HAS_RAW, _HAS_COOKING, _PLANT_FORM, _ANIMAL, _HEAD_UNUSUAL = 1, 2, 4, 8, 16, 32


def _loaded(
    rowid: int, packed: int, text: str, costs: tuple[float, ...], groups: tuple[str, ...]
) -> _Profile:
    """A food's profile from its stored row (`_Derived.stored`; `costs` and `groups`: `_costs`
    and `_labels`); its head's parts are shared with every food of that head (`_head`)."""
    code, name, segment_text = text.split("\t")
    head = segment_text.partition("|")[0]
    head_terms, head_set, _, _, alternatives, head_unusual, _, _ = _head(head)
    source = _SOURCES[packed >> _AT_SOURCE & 1]
    flags = packed & 63
    generic_prefix = packed >> _AT_PREFIX & 15
    return _Profile(
        rowid, f"{source}:{code}", name, groups[packed >> _AT_GROUP & 0x1FF], source, code,
        segment_text, head, head_terms, head_set, alternatives, head_unusual,
        packed >> _AT_NAMING & 0x1FFF, packed >> _AT_SEGMENTS & 31, generic_prefix,
        costs[packed >> _AT_STATIC & 0xFFF], costs[packed >> _AT_TAIL & 0xFFF], generic_prefix > 0,
        bool(flags & _COOKED_KIND), bool(flags & _HAS_RAW), bool(flags & _HAS_COOKING),
        bool(flags & _PLANT_FORM), bool(flags & _ANIMAL),
    )  # fmt: skip


def _packed(fields: dict[str, int]) -> int:
    """`_PACKED`'s fields as one integer (`_loaded` unpacks it)."""
    packed = shift = 0
    for field_name, width in _PACKED:
        assert 0 <= fields[field_name] < 1 << width, (field_name, fields[field_name])
        packed |= fields[field_name] << shift
        shift += width
    return packed


_PROFILES: dict[int, _Profile] = {}
_PROFILE_SELECT = "SELECT rowid, packed, text FROM profile WHERE rowid IN "


def _profiles(rowids: list[int]) -> list[_Profile]:
    """The foods' profiles, read the first time each is met (one query for them all)."""
    missing = [r for r in rowids if r not in _PROFILES]
    for start in range(0, len(missing), 500):
        chunk = missing[start : start + 500]
        _keep(_store().execute(_PROFILE_SELECT + f"({','.join('?' * len(chunk))})", chunk))
    return [_PROFILES[r] for r in rowids]


def _keep(rows: Iterable[tuple[int, int, str]]) -> None:
    """The profiles of stored `profile` rows, remembered (those already met are kept)."""
    costs, groups = _costs(), _labels()
    for rowid, packed, text in rows:
        if rowid not in _PROFILES:
            _PROFILES[rowid] = _loaded(rowid, packed, text, costs, groups)


@dataclass(frozen=True, slots=True)
class _Every:
    """Every food's packed profile integer and head, by row id: `_ceiling` bounds hundreds of
    candidates from these, so only the few it lets through are read as profiles."""

    packed: array.array[int]
    head: array.array[int]  # an index into `heads`
    heads: tuple[str, ...]
    costs: tuple[float, ...]  # `_costs`
    cooking: frozenset[int]  # the foods whose names hold a cooking method (`has_cooking`)


@functools.cache
def _every() -> _Every:
    query = "SELECT packed, head, heads, cooking FROM profile_all"
    packed_blob, head_blob, heads, cooking = _store().execute(query).fetchone()
    packed, head = array.array("q"), array.array("I")
    packed.frombytes(packed_blob)
    head.frombytes(head_blob)
    if sys.byteorder == "big":
        packed.byteswap()
        head.byteswap()
    return _Every(packed, head, tuple(heads.split("\n")), _costs(), _decoded(cooking))


def _every_row(foods: list[tuple[int, int, str]]) -> tuple[bytes, bytes, str, bytes]:
    """`profile_all`'s row from the `profile` rows (`_every` reads it)."""
    size = max(rowid for rowid, _, _ in foods) + 1
    packed, head = array.array("q", [0]) * size, array.array("I", [0]) * size
    heads = sorted({text.split("\t")[2].partition("|")[0] for _, _, text in foods})
    index = {h: i for i, h in enumerate(heads)}
    for rowid, number, text in foods:
        packed[rowid] = number
        head[rowid] = index[text.split("\t")[2].partition("|")[0]]
    if sys.byteorder == "big":
        packed.byteswap()
        head.byteswap()
    cooking = encoded([rowid for rowid, number, _ in foods if number & _HAS_COOKING])
    return packed.tobytes(), head.tobytes(), "\n".join(heads), cooking


_NO_TERM: tuple[dict[int, int], dict[int, float]] = ({}, {})


@functools.lru_cache(maxsize=16384)
def _name_term(term: str) -> tuple[dict[int, int], dict[int, float]]:
    """Where foods' names hold `term`: food -> the first segment naming it (`_named`), and
    food -> what leaving it unasked costs where it is after the head (`_tail`). One probe;
    decoded in C, so a query pays for its words, not for each food it meets."""
    row = (
        _store()
        .execute("SELECT foods, segments, tail_foods, tail_costs FROM name_term WHERE term = ?",
                 (term,))
        .fetchone()
    )  # fmt: skip
    if row is None:
        return _NO_TERM
    foods, segments, tail_foods, tail_costs = row
    costs = _costs()
    return (
        dict(zip(_decoded_array(foods), segments, strict=True)),
        dict(zip(_decoded_array(tail_foods), map(costs.__getitem__, tail_costs), strict=True)),
    )


@functools.cache
def _costs() -> tuple[float, ...]:
    """The distinct costs of stored profiles (static, tail totals, a term's tail cost), by
    the code stored for each: the same floats `_derive` worked out."""
    return tuple(c for (c,) in _store().execute("SELECT value FROM cost ORDER BY code"))


@functools.cache
def _labels() -> tuple[str, ...]:
    """The food groups of stored profiles, by the code stored for each."""
    return tuple(t for (t,) in _store().execute("SELECT text FROM label ORDER BY code"))


# The stored profiles: tools/build_fooddb.py writes them with `write_profiles` (schema 7).
PROFILE_SCHEMA = """
CREATE TABLE profile (rowid INTEGER PRIMARY KEY, packed INTEGER NOT NULL, text TEXT NOT NULL);
CREATE TABLE name_term (
    term TEXT PRIMARY KEY, foods BLOB NOT NULL, segments BLOB NOT NULL,
    tail_foods BLOB NOT NULL, tail_costs BLOB NOT NULL
) WITHOUT ROWID;
CREATE TABLE cost (code INTEGER PRIMARY KEY, value REAL NOT NULL);
CREATE TABLE label (code INTEGER PRIMARY KEY, text TEXT NOT NULL);
CREATE TABLE note_entry (rowid INTEGER PRIMARY KEY, entries TEXT NOT NULL);
CREATE TABLE profile_all (
    packed BLOB NOT NULL, head BLOB NOT NULL, heads TEXT NOT NULL, cooking BLOB NOT NULL
);
"""
# What `_derive` reads of a food's row. Not its note: few foods' notes are ever read, most
# are long (FNDDS lists the products it covers), and `_note_entries` fetches its own.
PROFILE_COLUMNS = "rowid, id, code, name, food_group, source, terms, brand"
WORDS_KEY = "search_words"  # meta: the hash of the search.toml the profiles were built with


def words_hash() -> str:
    """The hash of data/search.toml as it is now: stored profiles built from other word
    lists are stale."""
    return text_hash(read_text("search.toml"))


def write_profiles(db: sqlite3.Connection, rows: Iterable[tuple[Any, ...]]) -> None:
    """Store every food's profile (`_derive`) into `PROFILE_SCHEMA`'s tables: its fixed
    fields per food, per name term the foods holding it with where and at what cost, and
    its note's entries' terms. `rows`: `PROFILE_COLUMNS`, each with the food's note."""
    placed: dict[str, list[tuple[int, int]]] = {}
    charged: dict[str, list[tuple[int, float]]] = {}
    rows = list(rows)
    foods = [_derive(*row[:-1]) for row in rows]
    notes = ((row[0], note_entries(indexed_note(row[3], row[-1]))) for row in rows)
    db.executemany("INSERT INTO note_entry VALUES (?, ?)", [n for n in notes if n[1]])
    for food in foods:
        for term, segment in food.first_segment.items():
            placed.setdefault(term, []).append((food.rowid, segment))
        for term, cost in food.tail_costs.items():
            charged.setdefault(term, []).append((food.rowid, cost))
    costs = sorted(
        {cost for entries in charged.values() for _, cost in entries}
        | {f.static for f in foods}
        | {f.tail_total for f in foods}
    )
    code = {cost: index for index, cost in enumerate(costs)}
    db.executemany("INSERT INTO cost VALUES (?, ?)", enumerate(costs))
    labels = sorted({f.group for f in foods})
    label = {text: index for index, text in enumerate(labels)}
    db.executemany("INSERT INTO label VALUES (?, ?)", enumerate(labels))
    stored = sorted(food.stored(code, label) for food in foods)
    db.executemany("INSERT INTO profile VALUES (?, ?, ?)", stored)
    db.execute("INSERT INTO profile_all VALUES (?, ?, ?, ?)", _every_row(stored))
    tail_codes = {c for entries in charged.values() for _, c in entries}
    assert max(code[c] for c in tail_codes) < 256
    assert max(segment for entries in placed.values() for _, segment in entries) < 256
    db.executemany(
        "INSERT INTO name_term VALUES (?, ?, ?, ?, ?)",
        [
            (
                term,
                encoded([r for r, _ in sorted(placed.get(term, []))]),
                bytes(s for _, s in sorted(placed.get(term, []))),
                encoded([r for r, _ in sorted(charged.get(term, []))]),
                bytes(code[c] for _, c in sorted(charged.get(term, []))),
            )
            for term in sorted(placed.keys() | charged.keys())
        ],
    )


@functools.cache
def _store() -> sqlite3.Connection:
    """Where profiles are read: the food database, when built with today's word lists; else
    (search.toml edited since `make fooddb`) worked out now, in memory: slower, same answers."""
    db = connect()
    stored = db.execute("SELECT value FROM meta WHERE key = ?", (WORDS_KEY,)).fetchone()
    if stored is not None and stored[0] == words_hash():
        return db
    derived = sqlite3.connect(":memory:", check_same_thread=False)
    derived.executescript(PROFILE_SCHEMA)
    rows = db.execute(f"SELECT {PROFILE_COLUMNS}, note FROM food ORDER BY rowid")
    write_profiles(derived, rows)
    return derived


@dataclass(slots=True)
class _Derived:
    """A food's profile as worked out from its name and the word lists: the build stores
    it (`write_profiles`), and tests check the run time reads the same."""

    rowid: int
    id: str
    name: str
    group: str
    source: str
    code: str
    head: str
    head_terms: tuple[str, ...]
    head_set: frozenset[str]
    alternatives: frozenset[tuple[str, str]]
    naming_segments: tuple[int, ...]
    taxonomic_head: bool
    generic_prefix: int
    first_segment: dict[str, int]  # term -> index of the first segment holding it
    segments: int
    tail_costs: dict[str, float]  # term -> what leaving it unasked costs (after the head)
    tail_total: float
    head_unusual: frozenset[str]
    segment_text: str
    static: float
    cooked_kind: bool
    has_raw: bool
    has_cooking: bool

    @property
    def name_terms(self) -> KeysView[str]:
        """The terms the food holds (`_named`), in any segment."""
        return self.first_segment.keys()

    def kinds(self) -> tuple[bool, bool]:
        """(plant_form, animal): see `_Profile`."""
        words = _words()
        segments = [s.split() for s in self.segment_text.split("|")]
        name_terms = self.name_terms
        # Adjacent words are looked at only where a plant pair's words are both in the name.
        plant_pair = any(a in name_terms and b in name_terms for a, b in words.plant_pairs)
        plant = not name_terms.isdisjoint(words.plant_any) or (
            plant_pair and not _pairs(segments).isdisjoint(words.plant_pairs)
        )
        animal = not name_terms.isdisjoint(words.animal_words) and _animal(segments, words)
        return plant, animal

    def stored(self, code: dict[float, int], label: dict[str, int]) -> tuple[int, int, str]:
        """Its `profile` row, as `_loaded` reads it (`code`, `label`: each cost's and each
        group's code)."""
        plant, animal = self.kinds()
        flags = sum(
            bit
            for bit, held in (
                (_COOKED_KIND, self.cooked_kind), (_HAS_RAW, self.has_raw),
                (_HAS_COOKING, self.has_cooking), (_PLANT_FORM, plant), (_ANIMAL, animal),
                (_HEAD_UNUSUAL, bool(self.head_unusual)),
            )
            if held
        )  # fmt: skip
        fields = {
            "flags": flags, "segments": self.segments, "generic_prefix": self.generic_prefix,
            "naming": sum(1 << segment for segment in self.naming_segments),
            "static": code[self.static], "tail_total": code[self.tail_total],
            "group": label[self.group], "source": _SOURCES.index(self.source),
        }  # fmt: skip
        texts = (self.code, self.name, self.segment_text)
        assert not any("\t" in t for t in texts)
        assert self.id == f"{self.source}:{self.code}"
        assert self.head == self.segment_text.partition("|")[0], self.segment_text
        return self.rowid, _packed(fields), "\t".join(texts)


def encoded(rowids: list[int]) -> bytes:
    """Row ids as little-endian unsigned 32-bit integers (`_decoded_array` reads them; the
    posting lists of tools/build_fooddb.py are written so too)."""
    found = array.array("I", rowids)
    assert found.itemsize == 4
    if sys.byteorder == "big":
        found.byteswap()
    return found.tobytes()


def _adjacent(segment_text: str, first: str, second: str) -> bool:
    """Whether `second` follows `first` within one segment of `segment_text` ("chocolate milk"
    in "milk|chocolate milk"): found in the text itself, so no set of a food's word pairs is
    made and kept for it."""
    pair = f"{first} {second}"
    start = segment_text.find(pair)
    while start >= 0:
        end = start + len(pair)
        if (start == 0 or segment_text[start - 1] in " |") and (
            end == len(segment_text) or segment_text[end] in " |"
        ):
            return True
        start = segment_text.find(pair, start + 1)
    return False


def _reversed(segment_text: str, first: str, second: str) -> bool:
    """Whether a name holds a query's pair ("vegetable beef") in the other order, next to each
    other or joined by "and" ("beef and vegetables": two foods listed, not the one the query's
    words name), and not in the query's own order too ("sugar substitute and sugar blend")."""
    return (
        _adjacent(segment_text, first, second) or _adjacent(segment_text, f"{first} and", second)
    ) and not _adjacent(segment_text, second, first)


def _pairs(segments: list[list[str]]) -> frozenset[tuple[str, str]]:
    """Adjacent words within each segment."""
    return frozenset(itertools.chain.from_iterable(map(itertools.pairwise, segments)))


def _alternatives(head: list[str]) -> frozenset[tuple[str, str]]:
    """ "drink or shake" -> both orders of the pair: either word names the food."""
    return frozenset(
        pair
        for a, o, b in zip(head, head[1:], head[2:], strict=False)
        if o == "or"
        for pair in ((a, b), (b, a))
    )


def _derive(
    rowid: int, food_id: str, code: str, name: str, group: str, source: str,
    segment_text: str, brand: int,
) -> _Derived:  # fmt: skip
    """One pass over the name's segments (at build time, for every food).

    What a head or a tail segment gives is worked out once per process (`_head`, `_tail`):
    names share them ("raw", "NS as to fat", "Cheese").
    """
    words = _words()
    texts = segment_text.split("|")
    head, head_set, head_text, named, alternatives, head_unusual, cooked_head, generic = _head(
        texts[0]
    )
    cooked_kind = (
        cooked_head
        or group in words.cooked_groups
        or (source == "fndds" and code.startswith(words.cooked_fndds_codes))
    )
    tail_costs: dict[str, float] = {}
    costs_get = tail_costs.get
    naming_segments: list[int] = []
    first_segment = dict.fromkeys(named, 0)
    for index in range(1, len(texts)):
        naming, costs, held = _tail(texts[index], cooked_kind)
        if naming:
            naming_segments.append(index)
        for term, cost in costs:
            tail_costs[term] = costs_get(term, 0.0) + cost
        for term in held:
            if term not in first_segment:
                first_segment[term] = index
    generic_heads = words.generic_heads
    generic_prefix = int(generic)  # the segments after a taxonomic head only where it is one
    while (
        generic
        and generic_prefix < len(texts)
        and generic_heads.issuperset(texts[generic_prefix].split())
    ):
        generic_prefix += 1
    static = words.group_penalty.get(group, 0.0) + (BRAND if brand else 0.0)
    static += UNUSUAL_WORD if food_id in words.commodities else 0.0
    static += (SOURCE_TIE if source == "sr28" else 0.0) - (
        NFS_BONUS if "nfs" in first_segment else 0.0
    )
    return _Derived(
        rowid, food_id, name, group, source, code, head_text, head, head_set, alternatives,
        tuple(naming_segments), generic_prefix > 0, generic_prefix, first_segment,
        len(texts), tail_costs, sum(tail_costs.values()), head_unusual,
        segment_text, static, cooked_kind, not words.raw_words.isdisjoint(first_segment),
        not words.cooking.isdisjoint(tail_costs),  # its keys: the tail's terms
    )  # fmt: skip


_HeadParts = tuple[
    tuple[str, ...], frozenset[str], str, tuple[str, ...], frozenset[tuple[str, str]],
    frozenset[str], bool, bool,
]  # fmt: skip


@functools.lru_cache(maxsize=16384)
def _head(text: str) -> _HeadParts:
    """A name's first segment: its terms, their set, its text, the terms it holds (`_named`),
    its alternatives ("drink or shake"), its unusual words, whether it is a cooked head and
    whether it is only taxonomy ("Nuts", "Fish")."""
    words = _words()
    head = text.split()
    head_set = frozenset(head)
    alternatives = _alternatives(head) if "or" in head_set else frozenset()
    cooked = " ".join(head) in words.cooked_heads  # "egg", "turnip green"
    named = tuple(_named(head))
    return (
        tuple(head),
        head_set,
        " ".join(head),
        named,
        alternatives,
        head_set & words.unusual,
        cooked,
        words.generic_heads.issuperset(head),
    )


@functools.lru_cache(maxsize=16384)
def _tail(
    text: str, cooked_kind: bool
) -> tuple[bool, tuple[tuple[str, float], ...], tuple[str, ...]]:
    """One segment after the head: whether it can name a variant, what each of its terms costs
    when the query did not ask for it (in order, a term may repeat), the terms it holds."""
    words = _words()
    segment = text.split()
    usual = words.usual_cooked if cooked_kind else words.usual_raw
    unusual = words.unusual
    # "NS as to fat", "excluding honey roasted": qualifiers, not a different food.
    plain = _qualifier(segment)
    eaten = (
        _as_eaten(segment, words.as_eaten) if segment and segment[0] in words.as_eaten_first else 0
    )
    # A list of parts ("flesh and skin") names no variant either.
    naming = not (
        plain
        or eaten == len(segment)
        or segment[0] in _ADDING
        or "and" in segment
        or "or" in segment
    )
    # USDA's aside of what else a food covers ("commercially prepared (Includes
    # mini-muffins)", "glazed, enriched (includes honey buns)") widens it, naming no variant.
    aside = next((i for i, t in enumerate(segment) if t in ("include", "includes")), len(segment))
    costs = []
    for position, term in enumerate(segment):
        if position < eaten or position >= aside:
            cost = DEFAULT_WORD
        elif term in unusual:
            cost = UNUSUAL_WORD
        else:
            cost = DEFAULT_WORD if plain or term in usual else EXTRA_WORD
        costs.append((term, cost))
    return naming, tuple(costs), tuple(_named(segment))


def _as_eaten_cooked(food: _Profile | _Derived) -> bool:
    """An FNDDS meat, fish, egg, grain or legume that names no method ("Pork, chop"): FNDDS
    foods are as eaten, so it is cooked, some way."""
    return (
        food.source == "fndds"
        and food.code.startswith(_words().as_eaten_cooked)
        and not food.has_raw
        and not food.has_cooking
    )


_ADDING = frozenset({"with", "without", "in", "made", "and", "from", "on"})
# Words that join a name's words ("Pizza with pepperoni", "Peas and carrots"): in a head they
# are not a foreign word, since they name no food.
_JOINING = frozenset({"or", "with", "and", "in", "of", "on"})


def _named(segment: list[str]) -> list[str]:
    """The words of a segment that the food holds: those before "other than" or "except"
    ("Pizza, with meat other than pepperoni" holds meat, not pepperoni)."""
    if "except" not in segment and "other" not in segment:
        return segment
    for index, term in enumerate(segment):
        if term == "except" or (term == "other" and segment[index + 1 : index + 2] == ["than"]):
            return segment[:index]
    return segment


_NOTE_ENTRIES: dict[int, tuple[frozenset[str], ...]] = {}


def _note_entries(food: _Profile) -> tuple[frozenset[str], ...]:
    """The terms of each entry of USDA's extra description ("Oreo; Double Stuff Oreo"), read
    only when a query word is missing from the name."""
    found = _NOTE_ENTRIES.get(food.rowid)
    if found is None:
        query = "SELECT entries FROM note_entry WHERE rowid = ?"
        row = _store().execute(query, (food.rowid,)).fetchone()
        entries = row[0].split(";") if row else []
        found = _NOTE_ENTRIES[food.rowid] = tuple(frozenset(e.split()) for e in entries)
    return found


def indexed_note(name: str, note: str) -> str:
    """The note a food is searched by: its own, and for a name of "flavors other than
    chocolate" ("Milk shake, bottled, ...") each sweet flavour (dishes.toml [flavours]) as
    an entry of its own, so that "strawberry milkshake" finds it (the note shown is USDA's)."""
    if "other than chocolate" not in name.lower():
        return note
    return ";".join(filter(None, (note, *_sweet_flavours())))


@functools.cache
def _sweet_flavours() -> tuple[str, ...]:
    with reading("dishes.toml"):
        words = raw_data("dishes.toml")["flavours"]["words"]
    return tuple(w for w in words if "chocolate" not in w and " " not in w
                 and w not in _NOT_SWEET)  # fmt: skip


# [flavours] words that say no flavour was added, or a savoury one
_NOT_SWEET = frozenset({"original", "plain", "unflavoured", "unflavored", "natural", "bbq",
                        "barbecue"})  # fmt: skip


def note_entries(note: str) -> str:
    """A note's entries' terms as `note_entry` stores them: "oreo;double stuff oreo" (worked
    out at build time: `terms` of a long FNDDS note costs more than the query it serves)."""
    found = [" ".join(terms(e)) for e in note.split(";")]
    return ";".join(e for e in found if e)


def _note_cost(food: _Profile, term: str, wanted: frozenset[str]) -> float:
    """What a query word found only in the note costs: less where the note entry holding it
    is that word alone ("Oreo") than where it is mentioned in a longer one ("100 Calorie
    Oreo Thin Crisps"); `MISSING_TERM` where the note lacks it too."""
    if food.rowid not in _postings(term):  # the index holds neither name nor note with it
        return MISSING_TERM
    entries = [e for e in _note_entries(food) if term in e]
    if not entries:
        return MISSING_TERM
    if any(e - wanted == _NFS for e in entries):
        # FNDDS's own code for the words unqualified ("Doughnut, yeast type": "glazed, NFS";
        # "Luncheon meat, NFS": "cold cut, NFS")
        return DEFAULT_WORD
    return NOTE_ONLY_TERM + NOTE_ENTRY_WORD * min(min(len(e - wanted) for e in entries), 3)


_NFS = frozenset({"nfs"})


def _animal(segments: list[list[str]], words: _Words) -> bool:
    """Whether a dairy, egg or meat word stands unqualified: "Cheese pizza" yes; "Soy milk",
    "Yogurt, soy", "Pizza, no cheese", "Coffee, Latte, with non-dairy milk" no."""
    flat = [t for s in segments for t in s]
    if set(flat) & words.plant_strong or any(
        p in words.plant_pairs for p in itertools.pairwise(flat)
    ):
        return False
    covering = words.plant_words | words.negators
    for index, segment in enumerate(segments):
        if not set(segment) & words.animal_words:
            continue
        near = set(segment)
        if index == 0 and len(segments) > 1:
            near |= set(segments[1])
        if not near & covering:
            return True
    return False


def _as_eaten(segment: list[str], phrases: tuple[tuple[str, ...], ...]) -> int:
    """How many leading words of `segment` say the form is as eaten ("ready to drink")."""
    for phrase in phrases:
        if tuple(segment[: len(phrase)]) == phrase:
            return len(phrase)
    return 0


def _qualifier(segment: list[str]) -> bool:
    """ "NS as to fat", "excluding honey roasted", "no added fat", "without salt": words that
    qualify a food without making it another one ("no cheese" does make another one)."""
    if not segment:
        return False
    if segment[0] in ("ns", "nfs", "excluding"):
        return True
    if segment[0] == "from" and len(segment) > 1:
        # "from restaurant or fast food", "from frozen": where it came from, not which food
        # (an unusual word there still costs: "from school lunch").
        return True
    return segment[:2] == ["no", "added"] or (segment[0] == "without" and "salt" in segment)


def _best(
    wanted: list[str],
    rowids: list[int],
    cooked_heads: frozenset[str],
    context: _Context,
    keep: int = MAX_RESULTS,
) -> list[tuple[float, _Profile]]:
    """The `keep` best-scoring foods of `rowids`, best first (ties: shorter name, then id).

    Where there are many, foods are scored in the order of `_ceiling` and scoring stops once
    no food left can reach the worst of the best found so far: the same list as scoring them
    all, for a fraction of the work on a plain word in hundreds of names ("cheese"), or on
    any word when only the few best are wanted (a phrase takes its food from the best 12).
    """
    if len(rowids) <= 2 * keep:
        found = [(_score(wanted, p, cooked_heads, context), p) for p in _profiles(rowids)]
    else:
        ceilings = sorted(((_ceiling(r, context), r) for r in rowids), key=_FIRST, reverse=True)
        found = []
        worst: list[float] = []  # a min-heap of the best `keep` scores so far
        for index, (ceiling, rowid) in enumerate(ceilings):
            if len(worst) == keep and ceiling < worst[0] - _CEILING_SLACK:
                break  # this food and every one after it score below all those kept
            food = _PROFILES.get(rowid)
            if food is None:  # read the next few at once: one query, not one each
                ahead = [r for _, r in ceilings[index : index + 2 * keep]]
                food = _profiles(ahead)[0]
            score = _score(wanted, food, cooked_heads, context)
            found.append((score, food))
            if len(worst) < keep:
                heapq.heappush(worst, score)
            elif score > worst[0]:
                heapq.heapreplace(worst, score)
    found.sort(key=lambda s: (-s[0], len(s[1].name), s[1].id))
    return found[:keep]


_CEILING_SLACK = 1e-6  # float rounding between `_ceiling`'s sum and `_score`'s
# The least a query word missing from the name costs in `_score` where an equivalent word may
# stand for it (a plant qualifier, a cooking method); elsewhere the note's least cost, or
# MISSING_TERM where the food's index entry lacks the word too (soft words: SOFT_MISSING);
# a note's "X, NFS" costs only DEFAULT_WORD (`_note_cost`).
_LEAST_NOTED = min(NOTE_ONLY_TERM, MISSING_TERM, DEFAULT_WORD)
_LEAST_MISSING = min(EQUIVALENT_TERM, _LEAST_NOTED)


def _ceiling(rowid: int, context: _Context) -> float:
    """The most `_score` can give `food` for this query: the penalties that are cheap to work
    out in full (its fixed ones, where the asked words start, foreign head words, conflicts,
    a word in neither its name nor its note), the least each other missing word can cost,
    every other penalty taken as zero (each is zero or more). tests/test_search_speed.py
    checks it is never below the score."""
    every = context.every
    packed = every.packed[rowid]  # `_loaded`'s fields, read from the integer alone
    costs = every.costs
    penalty = costs[packed >> _AT_STATIC & 0xFFF] + context.unknown_penalty
    penalty += costs[packed >> _AT_TAIL & 0xFFF]
    start = packed >> _AT_SEGMENTS & 31
    for segments, tails, least, postings in context.missing:  # the known words, in order
        penalty -= tails.get(rowid, 0.0)  # at most what an asked word takes back
        segment = segments.get(rowid)
        if segment is None:
            if least is not None:  # a soft word, a plant qualifier or a cooking method
                penalty += least
            else:  # `_note_cost`'s least
                penalty += _LEAST_NOTED if rowid in postings else MISSING_TERM
        elif segment < start:
            start = segment
    generic_prefix = packed >> _AT_PREFIX & 15
    penalty += LATE_START * start * (0.5 if start <= generic_prefix else 1.0)
    head = every.heads[every.head[rowid]]
    if not generic_prefix and not context.head_free:  # not a taxonomic head
        foreign = context.foreign.get(head)
        if foreign is None:
            parts = _head(head)  # its terms, ..., its alternatives
            foreign = context.foreign[head] = _foreign_words(parts[0], parts[4], context.wanted)
        penalty += FOREIGN_HEAD * min(foreign, 2)
    if packed & _HEAD_UNUSUAL and not _head(head)[5] <= context.wanted:
        penalty += UNUSUAL_WORD
    if context.plant and packed & _ANIMAL:
        penalty += QUALIFIER_CONFLICT
    if (
        context.changed_in
        and any(rowid in held for _, held in context.changed_in)
        and rowid not in _lacking()
    ):
        penalty += CHANGED_FOOD  # (a name saying what it lacks may not be changed: `_changed`)
    return 100.0 - penalty


def _changed(food: _Profile, context: _Context) -> bool:
    """Whether `food`'s name says a word that makes another food of the one asked for
    (search.toml [changes]), other than as what it lacks: "Fruit salad, ..., no dressing" is
    no salad dressing."""
    for term, held in context.changed_in:
        if food.rowid in held and _says(food.segment_text, term):
            return True
    return False


def _says(segment_text: str, term: str) -> bool:
    words = segment_text.replace("|", " | ").split()
    return any(
        word == term and (i == 0 or words[i - 1] not in _LACKING) for i, word in enumerate(words)
    )


_LACKING = frozenset({"no", "without", "than"})  # "flavors other than chocolate"


@functools.cache
def _lacking() -> frozenset[int]:
    """The foods whose names say what they lack ("no dressing", "without salt")."""
    return frozenset(r for word in _LACKING for r in _name_term(word)[0])


def _foreign(food: _Profile, context: _Context) -> int:
    """How many words lead `food`'s name that the query did not ask for (remembered per head
    for the query: hundreds of its foods may share a few heads)."""
    found = context.foreign.get(food.head)
    if found is None:
        found = context.foreign[food.head] = _foreign_words(
            food.head_terms, food.alternatives, context.wanted
        )
    return found


def _foreign_words(
    head_terms: tuple[str, ...], alternatives: frozenset[tuple[str, str]], wanted: frozenset[str]
) -> int:
    foreign = 0
    for term in head_terms:
        # "Nutritional drink or shake" for "shake": "drink" is the other name, not foreign.
        if (
            term not in wanted
            and term not in _JOINING
            and not (alternatives and any((term, w) in alternatives for w in wanted))
        ):
            foreign += 1
    return foreign


def _score(
    wanted: list[str], food: _Profile, cooked_heads: frozenset[str], context: _Context
) -> float:
    """100 minus the penalties below; higher is a better match.

    Written as plain loops over the query's few words: it runs for every candidate.
    """
    wanted_set = context.wanted
    words = _words()
    penalty = food.static + context.unknown_penalty
    rowid = food.rowid
    start = food.segments
    asked_tail = 0.0
    variant_segments: set[int] = set()
    core_met = False  # a word met in the name's head, or one saying more than the usual form
    all_met = True
    for term, segments, tails in context.placed:
        segment = segments.get(rowid)
        if segment is not None:
            if segment < start:
                start = segment
            asked_tail += tails.get(rowid, 0.0)
            core_met = core_met or segment == 0 or term not in words.defaults
            # A cooking word names no variant: "dry roasted" says how, not which food.
            if food.naming >> segment & 1 and term.isalpha() and term not in words.cooking:
                variant_segments.add(segment)
            continue
        if term in context.soft:
            penalty += SOFT_MISSING
            continue
        if term in context.plant_terms and food.plant_form:
            all_met = False
            penalty += EQUIVALENT_TERM
        elif term in words.cooking and (food.has_cooking or _as_eaten_cooked(food)):
            # "steamed broccoli" and no steamed broccoli: a cooked form is the food asked for;
            # FNDDS foods are as eaten, so its meat, fish and eggs are cooked ("Pork, chop").
            # A method says how, not which food: met this way, the food's words are all met.
            penalty += EQUIVALENT_TERM
        elif term in _UNFLAVOURED:
            all_met = False
            penalty += EQUIVALENT_TERM  # "soy milk, plain": "Soy milk, unsweetened"
        elif term in words.meats and _MEAT.search(food.segment_text):
            # "pork jambalaya": FNDDS's "Jambalaya with meat and rice" holds any meat
            all_met = False
            penalty += EQUIVALENT_TERM
        else:
            all_met = False
            cost = _note_cost(food, term, wanted_set)
            penalty += cost
            if term == context.head_noun and cost >= MISSING_TERM:
                penalty += HEAD_NOUN
    for segment in variant_segments:
        # "Ensure Plus" for "ensure": the segment naming the food adds an unasked word.
        extra = food.segment_sets[segment] - wanted_set - words.defaults
        penalty += VARIANT_WORD * min(len(extra), 2)
    if context.asked and _says_none_of(food.segment_text, context.asked):
        penalty += QUALIFIER_CONFLICT
    skin_only = context.with_skin and _skin_only(food.segment_text)
    if skin_only or _only_unasked(food.segment_text, context.wanted):
        penalty += CHANGED_FOOD  # "with skin" is not the skin; "taco" is not its cheese alone
    if not core_met and start < food.segments:
        # "english" met only by "Nuts, walnuts, english": a usual-form word, not the food.
        penalty += QUALIFIER_ONLY
    if context.cooking_asked and food.has_raw and not context.raw_asked:
        penalty += UNCOOKED
    if context.plant and food.animal:
        penalty += QUALIFIER_CONFLICT
    if context.changed_in and _changed(food, context):
        penalty += CHANGED_FOOD
    # Where the asked-for words start: "Almonds, NFS" beats "Nuts, almonds"
    # beats "Cookies, almond"; a taxonomic head ("Nuts", "Fish") costs half.
    penalty += LATE_START * start * (0.5 if start <= food.generic_prefix else 1.0)
    if not food.taxonomic_head and not (context.head_free and all_met):
        penalty += FOREIGN_HEAD * min(_foreign(food, context), 2)
    penalty += food.tail_total - asked_tail
    if food.head_unusual and not food.head_unusual <= wanted_set:
        penalty += UNUSUAL_WORD
    if (
        context.reversed_pairs
        and any(rowid in a and rowid in b for a, b in context.reversed_in)
        and any(_reversed(food.segment_text, a, b) for a, b in context.reversed_pairs)
    ):
        penalty += REVERSED
    if food.cooked_kind and food.head in cooked_heads:
        if food.has_raw and not context.raw_asked:
            penalty += UNCOOKED
        elif "restaurant" in food.segment_text and "restaurant" not in context.wanted:
            penalty += RESTAURANT_FORM  # "green beans": cooked at home unless said
    return 100.0 - penalty
