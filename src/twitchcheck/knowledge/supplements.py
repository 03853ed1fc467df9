"""Supplements as people write them: a name, an optional dose, unit and frequency.

    "magnesium citrate 400 mg daily" -> magnesium, {"magnesium_mg": 400}
    "vitamin D 4000 IU"              -> vitamin_d, {"vitamin_d_ug": 100}   (40 IU = 1 µg)
    "D3 50,000 IU weekly"            -> vitamin_d, {"vitamin_d_ug": 178.6} (per-day average)
    "calcium carbonate 500 mg twice a day" -> calcium, {"calcium_mg": 1000}
    "potassium chloride salt substitute"   -> salt_substitute_potassium, no amount

The names, what each adds and the unit conversions live in knowledge/supplements.yaml; the
words around a name (doses, "twice a day", "tablets", "citrate") in knowledge/wording.yaml.
A stated amount is taken as the mineral itself (elemental) unless the text says otherwise, and
the note says so when a salt form is named. Unknown names are refused with close matches that
are themselves accepted; an amount no one takes (a typing error) is refused with the range.
The largest amount a day read per nutrient is in data/limits.toml ([supplement]): a dangerous
but possible dose (50,000 IU of vitamin D a day) is read and counted, and the screening and
the plan flag it as above the upper limit. The text itself is at most input.text_chars long.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from twitchcheck.errors import AmountError, InputError, UnknownEntryError
from twitchcheck.knowledge.wording import Phrases, Piece, scan, tokens
from twitchcheck.limits import limit as most_of
from twitchcheck.text import shorten

if TYPE_CHECKING:
    from twitchcheck.foods.quantity import UnitTable
    from twitchcheck.knowledge import KnowledgeBase, SupplementEntry

__all__ = [
    "Supplement",
    "in_a_diary",
    "parse_supplement",
    "parse_supplements",
    "suggest_supplements",
    "supplement_names",
]

_UNIT_WORDS = {"iu": "iu", "unit": "iu", "units": "iu", "u": "iu", "mmol": "mmol", "meq": "meq"}
_SHOWN = {"iu": "IU", "mmol": "mmol", "meq": "mEq"}
_GRAMMAR = (
    "of", "a", "an", "each", "per", "take", "taking", "x", "times", "every", "to", "in", "for",
    "water", "my", "took", "had",
)  # fmt: skip


@dataclass(frozen=True)
class Supplement:
    """One supplement as written, resolved.

    `nutrients` maps nutrient keys to the amount a DAY (empty when no usable dose is given);
    `raises` the nutrients it can push up; `note` what was assumed in reading the amount;
    `why` and `sources` the sourced fact about it (knowledge/supplements.yaml).
    """

    text: str
    id: str
    nutrients: Mapping[str, float]
    raises: tuple[str, ...]
    dose_given: bool
    note: str
    label: str = ""
    why: str = ""
    sources: tuple[str, ...] = ()
    medicine_class: str | None = None


@dataclass
class _Part:
    """One supplement name in the text and the amounts written next to it."""

    entry: SupplementEntry
    amounts: list[tuple[float, str | None]] = field(default_factory=list)
    count: float | None = 1.0
    salt: str | None = None
    elemental: bool = False


def parse_supplement(text: str, kb: KnowledgeBase | None = None) -> Supplement:
    """Read one supplement; raises InputError (unknown name) or AmountError (absurd dose)."""
    from twitchcheck.knowledge import load_knowledge

    kb = kb or load_knowledge()
    most = int(most_of("input.text_chars"))
    if len(text) > most:
        raise InputError(
            f"supplements: {shorten(text)!r} is {len(text):,} characters long; one supplement "
            f"is at most {most} (its name and dose, e.g. 'magnesium citrate 400 mg daily')"
        )
    items = scan(tokens(text), _tables(kb))
    unknown = [item.text for item in items if item.kind == "unknown"]
    parts = _parts(items, kb)
    if unknown or not parts:
        raise _refusal(text, items, kb)
    times, days, notes = _frequency(items)
    if not (days > 0 and math.isfinite(days) and math.isfinite(times)):
        raise AmountError(
            f"supplements: {shorten(text)!r}: how often cannot be read as a number of times "
            "a day; write e.g. 'daily', 'twice a day' or 'every 2 days'"
        )
    return _resolved(text.strip(), parts, times / days, notes, kb)


def in_a_diary(text: str, kb: KnowledgeBase | None = None) -> Supplement | None:
    """The supplement a food diary's line names, as taken that day ("magnesium glycinate
    400mg", "vit d3 1000iu", "1 centrum"), or None: the line is not one (a food, a medicine,
    a word the vocabulary lacks). A name that is also a food ("cod liver oil", "garlic") is
    the supplement only where a dose form or a supplement's unit says so ("garlic 500 mg
    capsules"; "cod liver oil 1 tsp" is the food). The dose counts for its day: "50,000 IU
    weekly" is that day's dose, "200 mg twice a day" twice 200 mg. An absurd dose raises
    `AmountError`, as `parse_supplement` does."""
    from twitchcheck.knowledge import load_knowledge

    kb = kb or load_knowledge()
    if len(text) > int(most_of("input.text_chars")):
        return None
    items = scan(tokens(text), _tables(kb))
    if any(item.kind == "unknown" for item in items) and _dosed(items, kb):
        items = _respelt(items, kb)  # "magnesuim 400mg": a dose says a supplement was meant
    parts = _parts(items, kb)
    if not parts or any(item.kind == "unknown" for item in items):
        return None
    food_like = all(item.text in kb.supplements[item.value].foods for item in items
                    if item.kind == "name")  # fmt: skip
    if food_like and not _dosed(items, kb):
        return None
    times, days, _ = _frequency(items)
    on_the_day = times if days <= 1 and times > 0 else 1.0  # one dose of a weekly one
    found = _resolved(text.strip(), parts, on_the_day, [], kb)
    if not found.nutrients:
        return found
    return replace(found, note="; ".join(filter(None, ("counted for its day", found.note))))


def _respelt(items: list[Piece], kb: KnowledgeBase) -> list[Piece]:
    """`items` scanned again with each unknown word of five letters or more that is one
    slip from a word of a supplement's name ("vitamn", "magnesuim") spelt as that word."""
    from rapidfuzz import fuzz, process

    vocabulary = _name_words(kb)
    words = []
    for item in items:
        close = None
        if item.kind == "unknown" and len(item.text) >= 5:
            close = process.extractOne(item.text, vocabulary, scorer=fuzz.ratio, score_cutoff=80)
        words.append(close[0] if close else item.text)
    return scan(tokens(" ".join(words)), _tables(kb))


@functools.cache
def _name_words(kb: KnowledgeBase) -> tuple[str, ...]:
    return tuple(sorted({w for e in kb.supplements.values() for n in e.names for w in n.split()
                         if len(w) >= 5}))  # fmt: skip


def _dosed(items: Sequence[Piece], kb: KnowledgeBase) -> bool:
    """Whether a dose form ("capsules") or a supplement's unit (mg, µg, IU) is written; a
    household measure ("1 scoop", "a pinch") is no dose."""
    return any(
        (item.kind == "form" and item.text not in kb.wording.measures)
        or (item.kind == "unit" and (item.value in kb.wording.micro_units
                                     or item.value in ("mg", "iu", "mmol", "meq")))
        for item in items
    )  # fmt: skip


def parse_supplements(texts: Iterable[str]) -> tuple[Supplement, ...]:
    """Every supplement in `texts`, read once (the result is cached for the same texts)."""
    return _parse_all(tuple(texts))


@functools.lru_cache(maxsize=256)
def _parse_all(texts: tuple[str, ...]) -> tuple[Supplement, ...]:
    return tuple(parse_supplement(text) for text in texts)


def supplement_names(kb: KnowledgeBase | None = None) -> tuple[str, ...]:
    """Every name the supplements vocabulary accepts."""
    from twitchcheck.knowledge import load_knowledge

    kb = kb or load_knowledge()
    return tuple(name for entry in kb.supplements.values() for name in entry.names)


def suggest_supplements(text: str, kb: KnowledgeBase | None = None, limit: int = 4) -> list[str]:
    """Accepted supplement names closest to `text`."""
    from rapidfuzz import fuzz, process

    names = supplement_names(kb)
    cap = int(most_of("input.suggest_chars"))  # the cost stays the same whatever the length
    typed = " ".join(t.text for t in tokens(text[: cap * 2]))[:cap]
    matches = process.extract(typed, names, scorer=fuzz.WRatio)
    close = [name for name, score, _ in matches if score >= 60]
    return list(dict.fromkeys(close))[:limit]


# --- reading ----------------------------------------------------------------------------


def _units() -> UnitTable:
    """The food unit table, imported on first use: the food packages cost a cold screening
    that names no supplement ~20 ms."""
    from twitchcheck.foods.quantity import units

    return units()


@functools.cache
def _tables(kb: KnowledgeBase) -> dict[str, Phrases]:
    w = kb.wording
    mass = {**{u: u for u in _units().mass}, **{a: c for a, c in _units().aliases.items()
                                                 if c in _units().mass}}  # fmt: skip
    unit_words = {**mass, **{u: u for u in w.micro_units}, **_UNIT_WORDS}
    unit_words.update({u: u for u in w.dose_units if u not in unit_words})
    return {
        "name": Phrases(
            (name, entry.id) for entry in kb.supplements.values() for name in entry.names
        ),
        "frequency": Phrases((word, f) for f in w.frequencies for word in f.words),
        "as_needed": Phrases((word, None) for word in w.as_needed),
        "single": Phrases((word, None) for word in w.single_dose),
        "unit": Phrases(unit_words.items()),
        "form": Phrases((word, None) for word in (*w.forms, *w.measures)),
        "period": Phrases(w.period_days.items()),
        "salt": Phrases((word, word) for word in w.salt_forms),
        "elemental": Phrases((word, None) for word in w.elemental),
        "vague": Phrases((word, None) for word in w.vague_counts),
        "noise": Phrases(
            (word, None)
            for word in (*w.timing, *w.separators, *_GRAMMAR, *w.makers, *w.product_words)
        ),
    }


def _parts(items: Sequence[Piece], kb: KnowledgeBase) -> list[_Part]:
    """Names in order, each with the amounts, count and salt form written after it (an amount
    before the first name belongs to that name)."""
    parts: list[_Part] = []
    early: list[tuple[float, str | None]] = []
    early_count: float | None = 1.0
    for index, item in enumerate(items):
        after = items[index + 1] if index + 1 < len(items) else None
        counted = next((i for i in items[index + 1 :] if i.kind != "noise"), None)  # "half a tab"
        if item.kind == "name":
            entry = kb.supplements[item.value]
            if parts and parts[-1].entry.id == entry.id:
                continue  # "LoSalt salt substitute": one product named twice
            parts.append(_Part(entry, early, early_count))
            early, early_count = [], 1.0
        elif item.kind == "number" and not _is_frequency_number(items, index):
            target = parts[-1] if parts else None
            if (counted is not None and counted.kind in ("form", "frequency")) or _times_sign(
                after
            ):
                if target is not None:
                    target.count = item.value
                else:
                    early_count = item.value
                continue
            unit = after.value if after is not None and after.kind == "unit" else None
            (target.amounts if target is not None else early).append((item.value, unit))
        elif item.kind == "salt" and parts:
            parts[-1].salt = item.value
        elif item.kind == "elemental" and parts:
            parts[-1].elemental = True
        elif item.kind == "vague" and parts:
            parts[-1].count = None  # "several a day": no number to count with
    if early and parts:
        parts[0].amounts += early
    return parts


def _times_sign(item: Piece | None) -> bool:
    return item is not None and item.text == "x"


def _is_frequency_number(items: Sequence[Piece], index: int) -> bool:
    """The 3 of "3 times a day" or "every 3 weeks"."""
    after = items[index + 1] if index + 1 < len(items) else None
    before = items[index - 1] if index > 0 else None
    if after is not None and (after.text == "times" or after.kind == "period"):
        return True
    if after is not None and after.text == "x" and index + 2 < len(items):
        return items[index + 2].kind == "frequency"
    return (
        before is not None
        and before.text == "every"
        and after is not None
        and (after.kind == "period")
    )


def _frequency(items: Sequence[Piece]) -> tuple[float, float, list[str]]:
    """(times, days) of the first frequency written; daily when none is."""
    for index, item in enumerate(items):
        before = items[index - 1] if index > 0 else None
        if item.kind == "frequency":
            times, days = item.value.times, item.value.days
            counted = before is not None and (
                before.text in ("times", "x") or before.kind == "period"
            )
            if counted and index >= 2 and items[index - 2].kind == "number":
                times = items[index - 2].value * times  # "3 times a day", "2 days a week"
            return times, days, []
        if item.kind == "period" and before is not None and before.kind == "number":
            earlier = items[index - 2] if index >= 2 else None
            if earlier is not None and earlier.text == "every":
                return 1.0, before.value * item.value, []
        if item.kind == "as_needed":
            return 1.0, 1.0, ["taken as needed: counted as one dose a day"]
        if item.kind == "single":
            return 0.0, 1.0, ["a single dose: no amount a day is counted"]
    return 1.0, 1.0, ["no frequency given: taken as a daily amount"]


def _refusal(text: str, items: Sequence[Piece], kb: KnowledgeBase) -> InputError:
    from twitchcheck.knowledge import medicine_classes_for

    try:
        medicine_classes_for(text, kb)
    except UnknownEntryError:
        pass
    else:
        return InputError(f"{shorten(text)!r} is a medicine: list it under medications")
    words = " ".join(i.text for i in items if i.kind in ("name", "unknown", "salt"))
    close = suggest_supplements(words or text, kb)
    hint = f"; did you mean: {', '.join(repr(c) for c in close)}?" if close else ""
    return InputError(f"{shorten(text)!r} is not a known supplement{hint}")


# --- amounts ------------------------------------------------------------------------------


def _resolved(
    text: str, parts: Sequence[_Part], per_day: float, notes: list[str], kb: KnowledgeBase
) -> Supplement:
    nutrients: dict[str, float] = {}
    given = False
    for part in parts:
        entry = part.entry
        for value, unit in part.amounts:
            if unit is None:
                notes.append(f"{value:g} has no unit, so it is not counted (give mg, µg or IU)")
                continue
            given = True
            if not math.isfinite(value):
                raise AmountError(
                    f"{shorten(text)!r}: the amount {value:g} is too large to be real"
                )
            if not value > 0:
                raise AmountError(f"{shorten(text)!r}: the amount must be more than zero")
            if not entry.swallowed:
                notes.append("not swallowed, so no amount is counted")
                continue
            if not entry.nutrients:
                notes.append(
                    "the amount is not counted: how much of the five nutrients it holds is not "
                    "recorded here"
                )
                continue
            key, amount = _in_key_unit(value, unit, entry, kb)
            if key is None or amount is None:
                if unit in _UNIT_WORDS.values():
                    raise InputError(
                        f"supplements: {shorten(text)!r}: {_SHOWN.get(unit, unit)} is not a "
                        f"unit for {entry.label.lower()}; use {_accepted_units(entry, kb)}"
                    )
                notes.append(
                    f"an amount in {unit} cannot be counted (give {_accepted_units(entry, kb)})"
                )
                continue
            if part.count is None:
                notes.append("the number taken is not given as a number, so it is not counted")
                continue
            if per_day == 0:  # a one-off dose
                continue
            nutrients[key] = nutrients.get(key, 0.0) + amount * part.count * per_day
            notes += _salt_note(part, unit, key)
        if not part.amounts and not entry.swallowed:
            notes.append("not swallowed, so no amount is counted")
    _check_bounds(text, nutrients)
    if not nutrients:
        notes = [n for n in notes if not n.startswith(("no frequency", "taken as needed"))]
    return _joined(text, parts, nutrients, given, notes)


def _in_key_unit(
    value: float, unit: str, entry: SupplementEntry, kb: KnowledgeBase
) -> tuple[str | None, float | None]:
    """The nutrient key the amount counts towards and the amount in that key's unit."""
    keys = entry.nutrients
    if not keys:
        return None, None
    mg = _milligrams(value, unit, kb)
    if mg is not None:  # a mass: minerals (mg keys) take mg and g, vitamins (ug keys) mcg
        small = unit in kb.wording.micro_units
        ranked = sorted(keys, key=lambda k: k.endswith("_ug") != small)
        key = ranked[0]
        return key, mg * 1000 if key.endswith("_ug") else mg
    for key in keys:
        conversion = kb.supplement_units.get(key)
        factor = getattr(conversion, f"per_{unit}", None) if conversion else None
        if factor is not None:
            return key, value * factor
    return None, None


def _accepted_units(entry: SupplementEntry, kb: KnowledgeBase) -> str:
    accepted = ["mg", "g", "mcg"]
    for key in entry.nutrients:
        unit = kb.supplement_units.get(key)
        for name, shown in _SHOWN.items():
            if unit is not None and getattr(unit, f"per_{name}"):
                accepted.append(shown)
    return ", ".join(dict.fromkeys(accepted))


def _milligrams(value: float, unit: str, kb: KnowledgeBase) -> float | None:
    if unit in kb.wording.micro_units:
        return value * kb.wording.micro_units[unit]
    grams = _units().mass.get(unit)
    return value * grams * 1000 if grams is not None else None


def _salt_note(part: _Part, unit: str, key: str) -> list[str]:
    if part.salt is None or part.elemental or unit in ("iu", "mmol", "meq"):
        return []
    mineral = key.split("_")[0]
    return [
        f"the amount is taken as {mineral} itself (elemental); if it is the weight of the "
        f"{part.salt}, the {mineral} in it is less: check the label"
    ]


def _check_bounds(text: str, nutrients: Mapping[str, float]) -> None:
    for key, amount in nutrients.items():
        most = most_of(f"supplement.{key}")
        if not amount <= most:  # NaN fails too
            unit = "µg" if key.endswith("_ug") else "mg"
            extra = f" ({most / 0.025:,.0f} IU)" if key == "vitamin_d_ug" else ""
            raise AmountError(
                f"supplements: {shorten(text)!r} comes to {amount:,.0f} {unit} of "
                f"{key.rsplit('_', 1)[0].replace('_', ' ')} a day; twitchcheck accepts up to "
                f"{most:,.0f} {unit}{extra} a day: check the amount and the unit"
            )


def _joined(
    text: str,
    parts: Sequence[_Part],
    nutrients: Mapping[str, float],
    given: bool,
    notes: list[str],
) -> Supplement:
    entries = list({p.entry.id: p.entry for p in parts}.values())
    ids = [e.id for e in entries]
    joined = "_and_".join(ids) if len(ids) > 1 else ids[0]
    raises = tuple(dict.fromkeys(n for e in entries for n in e.raises))
    sources = tuple(dict.fromkeys(s for e in entries for s in e.about.sources))
    classes = [e.medicine_class for e in entries if e.medicine_class]
    return Supplement(
        text=text,
        id=joined,
        nutrients={k: round(v, 2) for k, v in nutrients.items()},
        raises=raises,
        dose_given=given,
        note="; ".join(dict.fromkeys(notes)),
        label=" with ".join(e.label for e in entries),
        why=" ".join(" ".join(e.about.text.split()) for e in entries),
        sources=sources,
        medicine_class=classes[0] if classes else None,
    )
