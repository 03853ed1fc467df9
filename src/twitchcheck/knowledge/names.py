"""Medicine and condition names as people write them ("furosemide 40mg od", "CKD stage 4",
"thyroidectomy 2 weeks ago"): doses, frequencies, forms, stages and dates are set aside or read,
and every other word must belong to a known name."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Sequence

from twitchcheck.knowledge.base import (
    KnowledgeBase,
    _norm,
)
from twitchcheck.knowledge.entry_lookup import (
    _names_of_kind,
    _not_known,
    suggest,
)
from twitchcheck.knowledge.loading import (
    load_knowledge,
)
from twitchcheck.knowledge.models import (
    ConditionMention,
    EntryKind,
    MedicineClass,
)
from twitchcheck.knowledge.wording import (
    Phrases,
    Piece,
    dated,
    scan,
    staged,
    tokens,
    weeks_ago,
    yeared,
)
from twitchcheck.text import fold, singular

# --- names as people write them ----------------------------------------------------------
#
# "furosemide 40mg od", "Ventolin inhaler 2 puffs prn", "lisinopril/hctz": the doses,
# frequencies, forms and joining words (wording.yaml) are set aside and every other word must
# belong to a known name; several names give several classes. Nothing is guessed: a word that
# is neither refuses the whole entry, with close matches that are themselves accepted.

_GRAMMAR = ("x", "times", "every", "per", "to", "of", "each", "a", "an", "take", "takes",
            "taking", "use", "uses", "using", "one", "two", "three", "four", "half")  # fmt: skip


def medicine_classes_for(name: str, kb: KnowledgeBase | None = None) -> tuple[MedicineClass, ...]:
    """The class(es) of a medicine as written, with or without dose, frequency and form.

    "Lasix", "furosemide 40mg od", "lisinopril 10 mg and hydrochlorothiazide" and "Hyzaar"
    (a combination product) all work. Raises UnknownEntryError with accepted close matches.
    """
    kb = kb or load_knowledge()
    found = _medicine_exact(name, kb)
    if found is not None:
        return found
    items = scan(tokens(name), _medicine_tables(kb))
    names = [item.value for item in items if item.kind == "name"]
    unknown = [item.text for item in items if item.kind == "unknown"]
    if unknown or not names:
        core = " ".join(item.text for item in items if item.kind in ("name", "unknown"))
        close = suggest(core or name, kb, limit=4, kind="medicine")
        extra = f" (not understood: {' '.join(unknown)})" if names and unknown else ""
        raise _not_known(name, "medicine", close, extra)
    # A class word next to a named medicine describes it ("magnesium citrate laxative").
    drugs = [written for written in names if _norm(written) in kb.medicine_names]
    classes: list[MedicineClass] = []
    for written in drugs or names:
        for item in _medicine_exact(written, kb) or ():
            if item not in classes:
                classes.append(item)
    return tuple(classes)


def _medicine_exact(name: str, kb: KnowledgeBase) -> tuple[MedicineClass, ...] | None:
    drug = kb.medicine_names.get(_norm(name))
    if drug is not None:
        return tuple(kb.medicine_classes[class_id] for class_id in drug.classes)
    targets = [t for t in kb.names.get(_norm(name), ()) if t[0] == "medicine"]
    return (kb.medicine_classes[targets[0][1]],) if targets else None


@functools.cache
def _medicine_tables(kb: KnowledgeBase) -> dict[str, Phrases]:
    w = kb.wording
    noise = (
        *w.dose_units, *w.micro_units, *(word for f in w.frequencies for word in f.words),
        *w.period_days, *w.as_needed, *w.single_dose, *w.forms, *w.timing, *w.vague_counts,
        *w.separators, *_GRAMMAR,
    )  # fmt: skip
    return {
        "name": _plural_tolerant(_names_of_kind(kb, "medicine")),
        "noise": Phrases((n, None) for n in noise),
    }


def _plural_tolerant(names: Iterable[str]) -> Phrases:
    """Names as phrases, also with a plural last word ("water tablets", "epsom salts")."""
    entries: list[tuple[str, str]] = []
    for name in names:
        entries.append((name, name))
        if not name.endswith("s"):
            entries.append((name + "s", name))
    return Phrases(entries)


def condition_mention(
    text: str, kb: KnowledgeBase | None = None, today: dt.date | None = None
) -> ConditionMention:
    """A condition as written, with its stage, how long ago and qualifiers.

    "chronic kidney disease stage 4" -> kidney_disease, stage "4"; "CKD 3b" -> stage "3b";
    "thyroidectomy 2 weeks ago" -> thyroid_surgery, since_weeks 2; "had my parathyroids
    removed last month" -> parathyroid_surgery; "type 2 diabetes (diet controlled)" ->
    type_2_diabetes with the qualifier kept. Raises UnknownEntryError with accepted matches.
    """
    return _qualified(text, "condition", kb or load_knowledge(), today or dt.date.today())


def symptom_id(text: str, kb: KnowledgeBase | None = None) -> str:
    """The symptom id of a symptom as written ("severe calf cramps" -> calf_cramps)."""
    return _qualified(text, "symptom", kb or load_knowledge(), dt.date.today()).id


def _qualified(text: str, kind: EntryKind, kb: KnowledgeBase, today: dt.date) -> ConditionMention:
    exact = _exact_id(text, kind, kb)
    if exact is not None:
        return ConditionMention(id=exact, text=text.strip())
    body, notes = _parenthetical(fold(text))
    since, body = dated(body, today)
    year, body = yeared(body)
    notes += [year] if year else []
    stage, body = staged(body)
    items = scan(tokens(body), _qualifier_tables(kb, kind))
    weeks, used = weeks_ago(items, kb.wording.period_days)
    items = [item for index, item in enumerate(items) if index not in used]
    found = _named(items, kind, kb)
    if found is None and stage is None:
        stage, items = _bare_stage(items)
        found = _named(items, kind, kb) if stage else None
    if found is None:
        core = " ".join(i.text for i in items if i.kind in ("name", "unknown", "number"))
        raise _not_known(text, kind, suggest(core or text, kb, limit=4, kind=kind))
    entry_id, qualifiers = found
    return ConditionMention(
        id=entry_id,
        text=text.strip(),
        stage=stage,
        since_weeks=since if since is not None else weeks,
        qualifiers=(*qualifiers, *notes),
    )


def _exact_id(text: str, kind: EntryKind, kb: KnowledgeBase) -> str | None:
    key = _norm(text)
    if key.replace(" ", "_") in kb.items_of(kind):
        return key.replace(" ", "_")
    targets = [entry_id for k, entry_id in kb.names.get(key, ()) if k == kind]
    return targets[0] if targets else None


def _parenthetical(text: str) -> tuple[str, list[str]]:
    notes = [" ".join(n.split()) for n in re.findall(r"\(([^)]*)\)", text) if n.strip()]
    return re.sub(r"\([^)]*\)?", " ", text), notes


@functools.cache
def _qualifier_tables(kb: KnowledgeBase, kind: EntryKind) -> dict[str, Phrases]:
    w = kb.wording
    return {
        "filler": Phrases((f, None) for f in w.condition_filler),
        "qualifier": Phrases((q, q) for q in w.condition_qualifiers),
        "surgery": Phrases((s, None) for s in w.surgery_words),
        "name": _plural_tolerant(_names_of_kind(kb, kind)),
    }


def _named(
    items: Sequence[Piece], kind: EntryKind, kb: KnowledgeBase
) -> tuple[str, list[str]] | None:
    """The one entry the items name, and the qualifiers not part of the name.

    An operation word ("removed", "out") makes "thyroid removed" the name "thyroid surgery";
    otherwise the words left once filler and qualifiers are set aside must name one entry.
    """
    qualifiers = [i.text for i in items if i.kind == "qualifier"]
    core = [i.text for i in items if i.kind in ("name", "unknown", "number")]
    every = [i.text for i in items if i.kind in ("name", "unknown", "number", "qualifier")]
    surgery = any(i.kind == "surgery" for i in items)
    suffixes = (" surgery", "") if surgery else ("",)
    for suffix in suffixes:
        if not suffix:
            named = {_exact_id(i.value, kind, kb) for i in items if i.kind == "name"}
            loose = any(i.kind in ("unknown", "number") for i in items)
            if len(named) == 1 and None not in named and not loose:
                return str(named.pop()), qualifiers
        for candidate in (core, every, *([q] for q in qualifiers if not core)):
            for written in (candidate, [singular(w) for w in candidate]):
                found = _exact_id(" ".join(written) + suffix, kind, kb) if written else None
                if found is not None:
                    return found, qualifiers if candidate is core else []
    return None


def _bare_stage(items: Sequence[Piece]) -> tuple[str | None, list[Piece]]:
    """A lone stage number ("CKD 3b"), when nothing else matched."""
    for index, item in enumerate(items):
        if item.kind == "number" and item.value in (1, 2, 3, 4, 5):
            stage, skip = str(int(item.value)), {index}
            after = items[index + 1] if index + 1 < len(items) else None
            if after is not None and after.kind == "unknown" and after.text in "abcd":
                stage, skip = stage + after.text, {index, index + 1}
            return stage, [i for n, i in enumerate(items) if n not in skip]
    return None, list(items)
