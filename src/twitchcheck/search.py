"""Find the food a person means from what they type.

Two stages. The database's full-text index retrieves every food whose name
holds the query's words (after synonyms and spelling correction). Then a
transparent score ranks them by how much the name *is* the thing asked for:
the query's words should lead the name, the rest of the name should be
plain descriptors ("raw", "whole", "NFS"), and unusual forms (baby food, brand
names, raw chicken when nobody said raw) fall back. The weights are the
constants below; the word lists live in ``data/search.toml``.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass

from twitchcheck._data import data_path
from twitchcheck.fooddb import connect
from twitchcheck.text import terms

# Score weights (points off a perfect 100).
MISSING_TERM = 40.0  # a query word the name lacks
NOTE_ONLY_TERM = 10.0  # a query word found only in USDA's extra description
SOFT_MISSING = 1.5  # a preparation word ("chopped") the name lacks: it rarely changes the food
FOREIGN_HEAD = 14.0  # a word leading the name that the query did not ask for
LATE_START = 4.0  # per name segment before the first query word
EXTRA_WORD = 4.0  # any other word the query did not ask for
DEFAULT_WORD = 0.4  # an unasked word that only says "the usual form"
UNUSUAL_WORD = 10.0  # a word for a form few mean by a plain query ("powder", "imitation")
REVERSED = 8.0  # the query's two words reversed in one phrase: "chocolate milk" for "milk chocolate"
NFS_BONUS = 3.0  # USDA's "not further specified": the generic entry
BRAND = 15.0  # a brand-name product
UNCOOKED = 12.0  # raw meat or dry grain when nobody asked for raw
SOURCE_TIE = 0.3  # prefer as-eaten FNDDS entries when all else is equal

FUZZY_CUTOFF = 80.0
_FILLER = frozenset({"a", "an", "the", "of", "some", "my", "x"})  # rapidfuzz ratio for accepting a spelling correction


@dataclass(frozen=True, slots=True)
class Match:
    """A search hit: internal row id, food id, name, group, source and score (0-1)."""

    rowid: int
    id: str
    name: str
    group: str
    source: str
    score: float

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "group": self.group,
            "source": self.source,
            "score": round(self.score, 3),
        }


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
    cooking: frozenset[str]
    group_penalty: dict[str, float]


@functools.cache
def _words() -> _Words:
    with data_path("search.toml").open("rb") as handle:
        raw = tomllib.load(handle)
    return _Words(
        synonyms={k: terms(v) for k, v in raw["synonyms"].items()},
        generic_heads=frozenset(raw["generic_heads"]["words"]),
        defaults=frozenset(raw["defaults"]["words"]),
        unusual=frozenset(raw["unusual_words"]["words"]),
        soft=frozenset(raw["soft_words"]["words"]),
        raw_words=frozenset(raw["raw_words"]["words"]),
        cooked_groups=frozenset(raw["cooked_groups"]["names"]),
        cooked_fndds_codes=tuple(raw["cooked_groups"]["fndds_code_prefixes"]),
        cooking=frozenset(raw["cooking_words"]["words"]),
        group_penalty={k: float(v) for k, v in raw["group_penalty"].items()},
    )


@functools.cache
def _vocabulary() -> tuple[frozenset[str], tuple[str, ...]]:
    """Every term in the index (as a set, and as a tuple for fuzzy matching)."""
    rows = connect().execute("SELECT term FROM food_vocab").fetchall()
    vocab = tuple(term for (term,) in rows)
    return frozenset(vocab), vocab


def query_terms(query: str) -> list[str]:
    """The terms searched for `query`: synonyms applied, misspellings corrected."""
    words = _words()
    known, vocab = _vocabulary()
    result: list[str] = []
    for term in _phrases(terms(query), words.synonyms):
        if term in _FILLER:
            continue
        for word in words.synonyms.get(term, [term]):
            if word in known or len(word) < 4 or word.isdigit():
                result.append(word)
            else:
                result.append(_correct(word, vocab) or word)
    return list(dict.fromkeys(result))


def _phrases(query: list[str], synonyms: dict[str, list[str]]) -> list[str]:
    """Join two-word phrases that have a synonym ("garbanzo bean") into one term."""
    result: list[str] = []
    i = 0
    while i < len(query):
        pair = " ".join(query[i : i + 2])
        if i + 1 < len(query) and pair in synonyms:
            result.append(pair)
            i += 2
        else:
            result.append(query[i])
            i += 1
    return result


def _correct(word: str, vocab: Sequence[str]) -> str | None:
    from rapidfuzz import fuzz, process

    best = process.extractOne(word, vocab, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
    return str(best[0]) if best else None


def search(query: str, limit: int = 10) -> list[Match]:
    """Foods matching `query`, best first (empty when nothing matches)."""
    wanted = query_terms(query)
    if not wanted:
        return []
    required = [t for t in wanted if t not in _words().soft] or wanted
    rows = _candidates(required, require_all=True) or _candidates(wanted, require_all=False)
    cooked_heads = _heads_with_cooked_forms(rows)
    scored = sorted(
        (_score(wanted, row, cooked_heads) for row in rows),
        key=lambda s: (-s[0], len(s[1].name), s[1].id),
    )
    return [match for _, match in scored[:limit]]


def _candidates(wanted: list[str], require_all: bool) -> list[tuple[object, ...]]:
    joiner = " AND " if require_all else " OR "
    expression = joiner.join(f'"{t}"' for t in wanted)
    return connect().execute(
        "SELECT f.rowid, f.id, f.code, f.name, f.food_group, f.source, f.terms, f.note, f.brand"
        " FROM food_fts JOIN food f ON f.rowid = food_fts.rowid"
        " WHERE food_fts MATCH ?",
        (expression,),
    ).fetchall()


def _heads_with_cooked_forms(rows: list[tuple[object, ...]]) -> frozenset[str]:
    """Name heads ("chicken", "rice") for which a cooked entry is among the rows.

    Only for those is a raw entry an unlikely meaning: nobody eats raw
    chicken, but raw tofu or raw spinach are what people eat.
    """
    cooking = _words().cooking
    heads = set()
    for row in rows:
        segments = str(row[6]).split("|")
        if cooking & set(" ".join(segments[1:]).split()):
            heads.add(segments[0])
    return frozenset(heads)


def _score(
    wanted: list[str], row: tuple[object, ...], cooked_heads: frozenset[str]
) -> tuple[float, Match]:
    rowid, food_id, code, name, group, source, segment_text, note, brand = row
    words = _words()
    segments = [s.split() for s in str(segment_text).split("|")]
    name_terms = {t for s in segments for t in s}
    wanted_set = set(wanted)
    penalty = 0.0

    missing = [t for t in wanted if t not in name_terms]
    if missing:
        note_terms = set(terms(str(note)))
        for term in missing:
            if term in words.soft:
                penalty += SOFT_MISSING
            else:
                penalty += NOTE_ONLY_TERM if term in note_terms else MISSING_TERM

    # Where the asked-for words start: "Almonds, NFS" beats "Nuts, almonds"
    # beats "Cookies, almond"; a taxonomic head ("Nuts", "Fish") costs half.
    start = next((i for i, s in enumerate(segments) if wanted_set & set(s)), len(segments))
    generic = all(set(s) <= words.generic_heads for s in segments[:start])
    penalty += LATE_START * start * (0.5 if generic else 1.0)
    # A head made only of taxonomy ("Nuts", "Fish") is free; in "Corn nuts" it is not.
    taxonomic = set(segments[0]) <= words.generic_heads
    foreign_head = [t for t in segments[0] if t not in wanted_set and not taxonomic]
    penalty += FOREIGN_HEAD * min(len(foreign_head), 2)

    cooked_kind = str(group) in words.cooked_groups or (
        source == "fndds" and str(code).startswith(words.cooked_fndds_codes)
    )
    usual = words.defaults | words.cooking if cooked_kind else words.defaults | words.raw_words
    for segment in segments[1:]:
        # "NS as to fat", "excluding honey roasted": qualifiers, not a different food.
        plain = bool(segment) and segment[0] in ("ns", "nfs", "excluding", "without", "no")
        for term in segment:
            if term in wanted_set:
                continue
            if term in words.unusual:
                penalty += UNUSUAL_WORD
            else:
                penalty += DEFAULT_WORD if plain or term in usual else EXTRA_WORD
    if any(term in words.unusual for term in segments[0] if term not in wanted_set):
        penalty += UNUSUAL_WORD
    if _reversed_pair(wanted, segments):
        penalty += REVERSED

    if "nfs" in name_terms:
        penalty -= NFS_BONUS
    if brand:
        penalty += BRAND
    penalty += words.group_penalty.get(str(group), 0.0)
    if (
        cooked_kind
        and " ".join(segments[0]) in cooked_heads
        and name_terms & words.raw_words
        and not wanted_set & words.raw_words
    ):
        penalty += UNCOOKED
    if source == "sr28":
        penalty += SOURCE_TIE
    raw = 100.0 - penalty
    score = max(0.0, min(raw, 100.0)) / 100.0
    return raw, Match(int(str(rowid)), str(food_id), str(name), str(group), str(source), score)



def _reversed_pair(wanted: list[str], segments: list[list[str]]) -> bool:
    """True when two adjacent query words stand reversed and adjacent in one segment."""
    pairs = set(zip(wanted[1:], wanted, strict=False))
    return any(pair in pairs for s in segments for pair in zip(s, s[1:], strict=False))
