"""Finding an entry by name, as typed, with close matches when nothing fits.

(Not named lookup.py: the package exports the function `lookup` lazily, and a submodule of
the same name would replace it on the package once imported.)"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from twitchcheck.errors import UnknownEntryError
from twitchcheck.knowledge.base import (
    Entry,
    Item,
    KnowledgeBase,
    _norm,
)
from twitchcheck.knowledge.loading import (
    load_knowledge,
)
from twitchcheck.knowledge.models import (
    KIND_ORDER,
    EntryKind,
    EvidenceClaim,
    Nutrient,
)
from twitchcheck.text import shorten

# --- lookups ----------------------------------------------------------------------------


def lookup(name: str, kb: KnowledgeBase | None = None) -> Entry:
    """Resolve a nutrient, factor, medicine (class, generic or brand), condition or symptom.

    Case and punctuation are ignored; "symptom:anxiety" picks a kind when names are shared.
    Raises UnknownEntryError with close matches when nothing fits.
    """
    kb = kb or load_knowledge()
    kind_wanted, _, bare = name.partition(":") if ":" in name else ("", "", name)
    key = _norm(bare)
    targets = kb.names.get(key, ())
    if kind_wanted:
        targets = tuple(t for t in targets if t[0] == kind_wanted.strip().lower())
    if not targets:
        raise _unknown(name, kb)
    kind, entry_id = min(targets, key=lambda target: KIND_ORDER.index(target[0]))
    item = kb.items_of(kind)[entry_id]
    also = tuple(f"{k}:{i}" for k, i in targets if (k, i) != (kind, entry_id))
    medicine = kb.medicine_names.get(key) if kind == "medicine" else None
    return Entry(kind, entry_id, _label(item), item, name, medicine, also)


def _label(item: Item) -> str:
    return (
        item.name
        if isinstance(item, Nutrient)
        else (item.question if isinstance(item, EvidenceClaim) else item.label)
    )


def suggest(
    name: str,
    kb: KnowledgeBase | None = None,
    limit: int = 5,
    kind: EntryKind | None = None,
) -> list[str]:
    """Known names closest to `name` (for "did you mean"); only names of `kind` if given.

    Every name returned resolves as it stands (it is a key of the name index).
    """
    from rapidfuzz import fuzz, process

    from twitchcheck.limits import limit as most

    kb = kb or load_knowledge()
    pool = _names_of_kind(kb, kind) if kind else list(kb.names)
    # Only the start is compared, so the cost stays the same whatever the input's length.
    cap = int(most("input.suggest_chars"))
    typed = _norm(name[: cap * 2])[:cap]
    matches = process.extract(typed, pool, scorer=fuzz.WRatio, limit=limit)
    return [match for match, score, _ in matches if score >= 60]


@functools.cache
def _names_of_kind(kb: KnowledgeBase, kind: EntryKind) -> list[str]:
    return [name for name, targets in kb.names.items() if any(k == kind for k, _ in targets)]


def _unknown(name: str, kb: KnowledgeBase) -> UnknownEntryError:
    close = suggest(name, kb)
    hint = (
        "did you mean: " + ", ".join(repr(s) for s in close)
        if close
        else "try a nutrient (magnesium), a medicine (furosemide, Lasix) or a factor (caffeine)"
    )
    return UnknownEntryError(f"the knowledge base has nothing called {shorten(name)!r}; {hint}")


def _not_known(
    text: str, kind: EntryKind, close: Sequence[str], extra: str = ""
) -> UnknownEntryError:
    hint = f"; did you mean: {', '.join(repr(c) for c in close)}?" if close else ""
    return UnknownEntryError(f"{shorten(text)!r} is not a known {kind}{shorten(extra)}{hint}")
