"""Read the amount and unit at the front (or end) of what a person types.

    "1 1/2 cups cooked spinach"  -> 1.5, "cup",    "cooked spinach"
    "a handful of almonds"       -> 1,   "handful", "almonds"
    "two slices of bread"        -> 2,   "slice",  "bread"
    "100g chicken breast"        -> 100, "g",      "chicken breast"
    "almonds, 30 g"              -> 30,  "g",      "almonds"

Numbers may be integers, decimals (also with a decimal comma), thousands
separators ("1,000,000"), powers of ten ("1e6"), fractions, mixed numbers,
unicode fractions, ranges ("2-3", taken as the middle) and words at any scale
("one and a half", "a", "an", "half", "a dozen", "a hundred", "two thousand",
"one million", "twenty-five"). A number is always read whole: "one million eggs"
is 1,000,000 eggs, which `portions` then refuses as more than one item can be.
This module knows nothing about foods; `portions` turns the unit into grams.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from twitchcheck._data import raw_data, reading
from twitchcheck.errors import AmountError, QuantityError
from twitchcheck.numbers import UNICODE_FRACTIONS, number
from twitchcheck.text import clean, fold, quoted, singular, terms

UnitKind = Literal["mass", "volume", "count", "informal"]
_Value = Callable[[re.Match[str]], float]  # how a matched number phrase becomes a value

# Spelled numbers: units and teens, tens, and the scale words that multiply what precedes.
ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "single": 1,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {
    "dozen": 12, "hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9,
    "trillion": 1e12, "quadrillion": 1e15,
}  # fmt: skip
NUMBER_WORDS = {
    **ONES, **TENS, **SCALES, "a": 1, "an": 1, "half": 0.5, "quarter": 0.25, "couple": 2,
    "several": 3, "few": 3,
}  # fmt: skip

_FRACTION_CHARS = "".join(UNICODE_FRACTIONS)
_NUMBER = (
    rf"(?:\d+[\s-]+\d+\s*/\s*\d+"  # mixed: 1 1/2, 1-1/2
    rf"|\d+\s*[{_FRACTION_CHARS}]"  # 1½
    rf"|\d+\s*/\s*\d+"  # 3/4
    rf"|[{_FRACTION_CHARS}]"  # ½
    rf"|\d+,\d{{1,2}}(?!\d)"  # 1,5 (decimal comma)
    rf"|(?:\d{{1,3}}(?:,\d{{3}})+|\d*\.\d+|\d+)(?:e[+-]?\d+)?"  # 1,000; 0.5; 1e6
    rf")"
)
# Words that hedge an amount ("about 300 g", "rice, approx 150g", "~2 cups"): the amount is
# read and marked approximate; the words are not part of the food.
# "like 3" is how people speak an estimate ("nuggets (like 3)").
_HEDGE_WORDS = ("about", "around", "approximately", "approx", "roughly", "circa", "like", "ca", "c")
_HEDGE = r"(?:(?:about|around|approximately|approx|roughly|circa|like)\b\.?|ca\.|c\.|~|≈)"
_LEADING_HEDGE = re.compile(rf"^\s*{_HEDGE}\s*")
_LEADING = re.compile(rf"^\s*(-?)\s*({_NUMBER})(?:\s*(?:-|–|to|or)\s*({_NUMBER}))?")
_TRAILING = re.compile(
    rf"[\s,;:(]+({_HEDGE}\s*)?(?:({_NUMBER})\s+(?:to|or)\s+)?({_NUMBER})\s*([a-z .]*?)\)?\s*$"
)  # "almonds, 30 g", "dates, 5 or 6" (a range in words: the middle, approximate; "from 7-11"
# is a shop)
_NEGATIVE = re.compile(
    rf"(?:^\s*-\s*|[\s,;:(]-)(?:\d|[{_FRACTION_CHARS}])[^\s)]*"  # not "2-3", "milk - 2%"
    r"|\b(?:minus|negative)\s+(?:\d|(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten)\b)\S*"
)
_PIN = re.compile(r"\[\s*((?:sr28:|fndds:)?\d{4,8})\s*\]")
# A number followed by "%" names the food ("2% milk", "1% fat cottage cheese"), never a count.
_PERCENT = re.compile(rf"^\s*{_NUMBER}\s*%")
# A multiplier written beside the food: "x2", "x 2", "×2", "2x", "2 x" ("string cheese x2").
_TIMES = re.compile(r"(?:^|(?<=\s))(?:[x×]\s?(\d{1,3})|(\d{1,3})\s?[x×])(?=\s|$)")
_GLUED = re.compile(r"(\d)(?!e[+-]?\d)(?=[a-z])")  # "100g" -> "100 g", but "1e6" stays
_ISH = re.compile(r"(\d)\s*-?\s*ish\b")  # "15ish", "15-ish": about 15, an estimate
# What holds an amount measured after the food ("2 l bottle", "500 ml glass").
_CONTAINERS = ("bottle", "can", "carton", "glass", "cup", "mug")
# Words that end a food's name before another food ("noodles w an egg"), not an amount.
_JOINS = frozenset({"w", "with", "on", "in", "and", "n", "&", "+", "or", "of", "plus", "over"})
# Where an amount written after the food begins: after a comma, semicolon or bracket, or a
# spaced dash ("pho tai, large", "coquito - a little glass", "nuggets (like 3)").
_TAIL_MARK = re.compile(r"\s*[,;(]\s*|\s+[-–]\s+")
_SCALE = re.compile(rf"\s*\b({'|'.join(SCALES)})\b\s*")  # "2 dozen", "3 million"
# Compiled once here: parse_quantity runs for every phrase and every part of a combination.
_OF_X = re.compile(r"^(?:of|x)\s+")
_OF = re.compile(r"^of\s+")
_HYPHEN_WORD = re.compile(r"-[a-z]")


@dataclass(frozen=True, slots=True)
class Quantity:
    """What was read: amount (None if not given), unit, the food words, a pinned id."""

    amount: float | None
    unit: str | None
    kind: UnitKind | None
    food: str
    pinned_id: str | None = None
    approximate: bool = False  # a range such as "2-3" or a word such as "a couple"
    implied: bool = False  # a unit with no number ("cup of tea"): one is meant
    region: str | None = None  # "uk" or "us": whose pint, fl oz, tin and shot are meant
    vague: bool = False  # "a few", "several": a small number nobody counted
    inches: float | None = None  # "6 inch sub", "12\" pizza": the size of each, not a count


@dataclass(frozen=True)
class UnitTable:
    mass: dict[str, float]
    volume: dict[str, float]
    count: dict[str, list[str]]
    informal: dict[str, dict[str, object]]
    aliases: dict[str, str]
    by_food: dict[str, list[dict[str, object]]] = field(default_factory=dict)
    drink_groups: tuple[str, ...] = ()
    canned_groups: tuple[str, ...] = ()  # drinks sold by the can: one can when no measure
    bottled: tuple[str, ...] = ()  # ...except these, sold by the bottle
    drink_words: frozenset[str] = frozenset()
    multiples: dict[str, dict[str, object]] = field(default_factory=dict)
    trailing: frozenset[str] = frozenset()
    bare: frozenset[str] = frozenset()  # measures that may end a line with no number
    natural: tuple[str, ...] = ()  # portion words that are one of a food ("can", "slice")
    each: tuple[dict[str, object], ...] = ()  # per-item weights for named kinds of a food
    cup_sizes: dict[str, object] = field(default_factory=dict)  # "grande": chain cup sizes
    sizes: dict[str, tuple[str, float]] = field(default_factory=dict)  # "big": ("large", 1.41)
    sized_parts: frozenset[str] = frozenset()  # counted parts a size may qualify ("big slice")
    several: frozenset[str] = frozenset()  # FNDDS groups whose typical amount is several items
    packs: tuple[str, ...] = ()  # portion words that hold several of those items ("bag")
    typical: tuple[dict[str, object], ...] = ()  # portions for foods FNDDS under-sizes
    food_counts: frozenset[str] = frozenset()  # count words that are the food ("2 eggs fried")
    of_only: frozenset[str] = frozenset()  # measures only before "of" ("pot of", not "pot roast")
    unit_names: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "cup noodles"
    vague: dict[str, float] = field(default_factory=dict)  # "a few" of a food not counted
    wholes: tuple[dict[str, object], ...] = ()  # "half a chicken": a share of the whole bird
    refills: tuple[str, ...] = ()  # "bottomless coke": a drink refilled
    refill_times: float = 1.0
    named_by_measure: dict[str, dict[str, object]] = field(default_factory=dict)  # "glass of red"
    canned_names: tuple[str, ...] = ()  # name heads of drinks sold by the can in any group

    def names_rule(self, unit: str, words: list[str]) -> bool:
        """Whether `words` name a food that a [by_food] rule for `unit` is for."""
        said = set(terms(" ".join(words)))
        return any(rule_names(rule, said) for rule in self.by_food.get(unit, []))

    def canonical(self, word: str) -> str:
        """ "tablespoon" -> "tbsp"; a canonical name maps to itself."""
        return self.aliases.get(word, word)

    def kind(self, unit: str) -> UnitKind | None:
        return self._kinds.get(unit)

    @functools.cached_property
    def amount_words(self) -> frozenset[str]:
        """Every word some amount rule reacts to: numbers spelled out, hedges ("about"), units
        and their aliases, sizes, measures named after the food, chain cup sizes, refills,
        and "of"/"x", which are dropped before the food."""
        said = [
            *NUMBER_WORDS, *_HEDGE_WORDS, *self._kinds, *self.aliases, *self.sizes,
            *self.multiples, *self.trailing, *self.bare, *self.sized_parts, *self.of_only,
            *self.unit_names, *self.refills, "of", "x",
            *(word for word, size in self.cup_sizes.items() if isinstance(size, dict)),
        ]  # fmt: skip
        return frozenset(t for phrase in said for t in _LETTERS.findall(phrase))

    @functools.cached_property
    def _kinds(self) -> dict[str, UnitKind]:
        tables: tuple[tuple[UnitKind, Mapping[str, object]], ...] = (
            ("informal", self.informal),
            ("count", self.count),
            ("volume", self.volume),
            ("mass", self.mass),
        )
        return {unit: kind for kind, table in tables for unit in table}


def measure_word(word: str) -> bool:
    """Whether `word` names a measure or a size ("spears", "packet", "large"), not a food."""
    table = units()
    said = word.lower().strip(".,")
    return table.kind(table.canonical(singular(said))) is not None or said in table.sizes


@functools.cache
def units() -> UnitTable:
    """The unit table from ``data/units.toml``."""
    with reading("units.toml"):
        return _built(raw_data("units.toml"))


def _built(raw: Any) -> UnitTable:
    drink = raw.get("drink", {})
    return UnitTable(
        raw["mass"],
        raw["volume"],
        raw["count"],
        raw["informal"],
        raw["aliases"],
        raw.get("by_food", {}),
        tuple(drink.get("groups", ())),
        tuple(drink.get("canned_groups", ())),
        tuple(drink.get("bottled", ())),
        frozenset(drink.get("words", ())),
        raw.get("multiples", {}),
        frozenset(raw.get("trailing", {}).get("units", ())),
        frozenset(raw.get("trailing", {}).get("bare", ())),
        tuple(raw.get("natural", {}).get("words", ())),
        tuple(raw.get("each", {}).get("rules", ())),
        raw.get("cup_sizes", {}),
        {
            word: (size, float(spec["times"]))
            for size, spec in raw.get("sizes", {}).items()
            for word in spec["words"]
        },
        frozenset(raw.get("sized_parts", {}).get("units", ())),
        frozenset(raw.get("several", {}).get("groups", ())),
        tuple(raw.get("several", {}).get("packs", ())),
        tuple(raw.get("typical", {}).get("rules", ())),
        frozenset(raw.get("food_counts", {}).get("words", ())),
        frozenset(raw.get("of_only", {}).get("units", ())),
        {k: tuple(v) for k, v in raw.get("of_only", {}).get("names", {}).items()},
        {k: float(v) for k, v in raw.get("vague", {}).items()},
        tuple(raw.get("wholes", {}).get("rules", ())),
        tuple(raw.get("refills", {}).get("words", ())),
        float(raw.get("refills", {}).get("times", 1.0)),
        raw.get("named_by_measure", {}),
        tuple(drink.get("canned_names", ())),
    )


def rule_names(rule: Mapping[str, object], said: set[str]) -> bool:
    """Whether a [by_food] rule's `words` name one of the terms `said`; a word of several
    words ("red bull") needs all of its terms."""
    words = rule.get("words", [])
    assert isinstance(words, list)
    return any(set(terms(str(word))) <= said for word in words)


@functools.lru_cache(maxsize=16384)  # a line's parts are read several times (pure, frozen)
def parse_quantity(text: str) -> Quantity:
    """Split `text` into amount, unit and food words; never guesses silently.

    Raises `AmountError` for a negative amount or one too large to be a number;
    any other text parses (the food words may then be empty, which the caller reports).
    """
    text = clean(text)  # fractions, invisible characters and odd spaces, before folding
    pin = _PIN.search(text)
    pinned = pin.group(1) if pin else None
    if pin:
        text = text[: pin.start()] + text[pin.end() :]
    plain = _GLUED.sub(r"\1 ", " ".join(fold(text).split()))
    if _holds_no_amount(plain):  # most food names: none of the rules below would fire
        return Quantity(None, None, None, plain.strip(" ,.;:-"), pinned)
    return _read(plain, pinned)


def _read(plain: str, pinned: str | None) -> Quantity:
    """`parse_quantity` of the folded, spaced `plain`, every rule tried: a size in inches
    first ("6 inch sub": one sub six inches long, not six subs), then the amount."""
    sized = _SIZE.search(plain)
    if sized is None:
        return _read_amount(plain, pinned)
    rest = " ".join(f"{plain[: sized.start()]} {plain[sized.end() :]}".split())
    return replace(_read_amount(rest, pinned), inches=float(sized.group(1) or 12))  # footlong


# A size in inches before a food ("6 inch", "6-inch", '12"', "footlong"): subs, pizzas and
# tortillas are sold by their length or diameter (FNDDS: 'regular or 6" submarine', 'medium
# pizza (11-12" diameter)')
_SIZE = re.compile(
    r"(?<![\w./-])(?:(\d{1,2}(?:\.\d)?)\s*-?\s*(?:inch(?:es)?\b|\"|″)|foot\s*-?\s*long\b)",
    re.IGNORECASE,
)


def _read_amount(plain: str, pinned: str | None) -> Quantity:
    """`_read` of a text that gives no size."""
    plain, ish = _ISH.subn(r"\1", plain)
    for negative in _NEGATIVE.finditer(plain):  # "eggs -2", "minus two eggs": anywhere
        said = negative.group(0).strip(" ,;:()")
        if not said.endswith("%"):  # "milk -2%" names the milk
            raise AmountError(f"amount {quoted(said, 40)} is negative; give a positive amount")
    plain, times = _multiplier(plain)
    plain, refilled = _refilled(plain)
    if refilled is not None:
        times, approximate_refill = (times or 1.0) * refilled, True
    else:
        approximate_refill = False
    amount, after_amount, approximate = _leading_amount(plain)
    vague = amount is not None and _VAGUE.match(plain) is not None
    if amount is None and _names_a_food(after_amount):  # "cup noodles": a food, no measure
        return Quantity(None, None, None, _OF_X.sub("", after_amount).strip(" ,.;:-"), pinned)
    after_amount, times_size = _sized_measure(after_amount)
    if times_size is not None:  # "a big bowl of soup": a bowl and a half, an estimate
        amount, approximate = (amount or 1.0) * times_size, True
    unit, rest = _unit(after_amount)
    alone = not any(c.isalnum() for c in rest) and pinned is None  # "2 eggs", "2 eggs [/]"
    if unit is not None and units().kind(unit) == "count" and alone:
        unit, rest = None, after_amount  # "2 eggs": the count word is the food itself
    elif unit is not None and _names_food(unit, amount, after_amount):
        unit, rest = None, after_amount  # "2 eggs over easy": eggs, cooked so
    implied = False
    if amount is None and unit is None:
        amount, unit, rest, approximate = _trailing_amount(plain)
    if amount is None and unit is None and (moved := _moved_measure(plain)) is not None:
        return replace(parse_quantity(moved), pinned_id=pinned)  # "soju half a bottle"
    if unit is None:
        amount, unit, rest = _measured_food(amount, rest)
    if unit is None and (sized := _cup_size(amount, rest)) is not None:
        amount, unit, rest, approximate = *sized, True  # a cup's brim volume, an estimate
    if unit is not None and amount is None:
        trailing = _trailing_amount(plain)
        if trailing[0] is not None and trailing[1] is not None:
            # "whole milk 200ml", "large coffee 16 oz": the measure written after the food;
            # the word before it names the food
            amount, unit, rest, approximate = trailing
        else:
            amount, implied = 1.0, True  # "cup of coffee", "handful of almonds"
    if times is not None:  # "string cheese x2": twice what was written, or two of the food
        amount, implied = (amount or 1.0) * times, False
    food = _OF_X.sub("", rest.strip(" ,.;:-")).strip(" ,.;:-")
    kind = units().kind(unit) if unit else None
    approximate = approximate or ish > 0 or approximate_refill
    food = _named_by_measure(unit, food)
    return Quantity(amount, unit, kind, food, pinned, approximate, implied, vague=vague)


def _holds_no_amount(plain: str) -> bool:
    """Whether no rule of `_read` can find an amount in `plain`: it has no digit, fraction,
    mark that sets off an amount (",", "(", a spaced dash...) and no word that any rule starts
    from (`UnitTable.amount_words`). Checked first because most food words are like that and
    `_read` tries a dozen rules on them (tests/test_quantity.py compares the two)."""
    if _AMOUNT_MARK.search(plain) or "foot" in plain:  # "footlong": a size with no digit
        return False
    amount_words = units().amount_words
    return not any(
        w in amount_words or singular(w) in amount_words for w in _LETTERS.findall(plain)
    )


_AMOUNT_MARK = re.compile(rf"[\d{_FRACTION_CHARS},;:()\[\]~≈%×]|\s[-–]")
_LETTERS = re.compile(r"[a-z]+")


def _refilled(text: str) -> tuple[str, float | None]:
    """`text` without a leading refill word and the drinks it means (units.toml [refills]:
    "bottomless coke" is two cokes), or `text` and None."""
    table = units()
    for word in table.refills:
        if text.startswith(word + " ") and len(text) > len(word) + 1:
            return text[len(word) + 1 :], table.refill_times
    return text, None


def _named_by_measure(unit: str | None, food: str) -> str:
    """The drink a word alone after its measure names (units.toml [named_by_measure]: "a
    glass of red" is red wine, "a mug of cocoa" hot chocolate), else `food` as it is."""
    rule = units().named_by_measure.get(" ".join(terms(food))) if unit else None
    if rule is None or unit not in rule.get("measures", []):  # type: ignore[operator]
        return food
    return str(rule["food"])


def _moved_measure(text: str) -> str | None:
    """`text` with an amount written after the food moved before it, or None when it ends
    in none: "pho tai, large" -> "large pho tai", "soju half a bottle" -> "half a bottle of
    soju", "water 2 l bottle" -> "2 l of water". After a comma, bracket or spaced dash the
    end may be any amount or measure ("coquito, a little glass", "borek, big slice"); with
    only a space between, it must start with a number ("baklava 3 pieces") or be a measure
    that never ends a food's name (units.toml [trailing] bare: "watermelon seeds handful")."""
    marks = list(_TAIL_MARK.finditer(text))
    candidates: list[tuple[str, str, bool]] = []
    if marks:
        last = marks[-1]
        candidates.append((text[: last.start()], text[last.end() :].rstrip(" )."), True))
    words = text.split()
    candidates += [(" ".join(words[:-k]), " ".join(words[-k:]), False) for k in (4, 3, 2, 1)]
    for head, tail, marked in candidates:
        if not any(c.isalpha() for c in head):
            continue
        if not marked and (_ARTICLE.match(tail) or head.split()[-1] in _JOINS):
            continue  # "noodles w an egg", "burger on a bun": a food of its own
        front = _measure_only(tail, marked)
        if front is not None:
            return f"{front} {head.strip(' ,;:-')}"
    return _amount_inside(words)


def _amount_inside(words: list[str]) -> str | None:
    """An amount written between the food and a word or two that say how it was taken
    ("coffee 2 cups black" -> "2 cups of coffee black"), moved before the food; None when
    none is. The amount starts with a number and is a measure and nothing else; the words
    after it are letters and join no other food ("soju 1 shot w my husband" stays)."""
    if any(not w.isalnum() for w in words):
        return None  # a list or a dose ("hash browns, 2 eggs, toast", "5mg, calcium")
    for end in (len(words) - 1, len(words) - 2):
        after = words[end:]
        if end < 2 or not all(w.isalpha() and w.lower() not in _JOINS for w in after):
            continue
        for start in range(max(1, end - 3), end):  # an amount of at most three words
            head = words[:start]
            if not words[start][0].isdigit() or head[-1].lower() in _JOINS:
                continue
            if any(w[0].isdigit() for w in head):
                return None  # the food has its own amount: "shake 30g whey w 300ml milk"
            front = _measure_only(" ".join(words[start:end]), False)
            if front is not None and _poured(words[end - 1]):
                return f"{front} {' '.join(head)} {' '.join(after)}"
    return None


def _poured(word: str) -> bool:
    """Whether `word` is a measure of volume, weight or a vessel ("cups", "ml", "bowl"), not a
    count or size word that may be part of a name ("KASHI 7 Whole Grain")."""
    said = word.lower()
    return any(units().kind(w) in ("volume", "mass", "informal") for w in (said, singular(said)))


def _measure_only(tail: str, marked: bool) -> str | None:
    """`tail` as words to put before a food when it is an amount and nothing else ("3
    pieces" -> "3 pieces of", "large" -> "large", "2 l bottle" -> "2 l of"), else None."""
    table = units()
    start = _LEADING_HEDGE.sub("", tail)
    if _PERCENT.match(start) or start.startswith("-"):
        return None  # "milk - 2%": the figure names the milk
    amount, rest, _ = _leading_amount(start)
    if not marked and amount is None and singular(rest) not in table.bare:
        return None
    if not rest:
        # a number alone: _trailing_amount reads it ("pepperoni slices, 15"); a share in
        # words is of the food before it ("medianoche, half", "pie, a quarter")
        return tail if marked and not any(c.isdigit() for c in tail) else None
    unit, leftover = _unit(_sized_measure(rest)[0])
    if unit is None:
        if marked and amount is None and rest in table.sizes:  # "pho tai, large"
            return rest
        return None
    if leftover and not (table.kind(unit) in ("volume", "mass") and leftover in _CONTAINERS):
        return None  # "2 l bottle": the bottle holds what was measured
    measure = tail[: len(tail) - len(leftover)].strip() if leftover else tail
    return f"{measure} of"


def _multiplier(text: str) -> tuple[str, float | None]:
    """`text` without a written multiplier, and the multiplier (None when none).

    "pizza x2 slices" is "pizza 2 slices": a multiplier just before a unit is that
    unit's count. Otherwise it multiplies the amount: "2 x 100 g chicken" is 200 g,
    "string cheese x2" two of the food.
    """
    match = _TIMES.search(text)
    if not match:
        return text, None
    value = float(match.group(1) or match.group(2))
    before, after = text[: match.start()].strip(), text[match.end() :].strip()
    if value == 0:
        return text, None  # "x0" is no multiplier anyone writes; leave the text alone
    if before and _unit(after)[0] is not None:
        return f"{before} {value:g} {after}", None
    return f"{before} {after}".strip(), value


def _names_a_food(text: str) -> bool:
    """Whether `text` starts with a measure that, before the words after it, is a food's
    name (units.toml [of_only] names: "cup noodles", "cup a soup")."""
    words = text.split()
    if len(words) < 2:
        return False
    follows = units().unit_names.get(singular(words[0]), ())
    return any(" ".join(words[1 : 1 + len(f.split())]) == f for f in follows)


def _sized_measure(text: str) -> tuple[str, float | None]:
    """`text` with a size word before an informal measure read ("big bowl of soup"): the
    measure alone and its factor (units.toml [sizes]), or the size's own measure where the
    table has one ("big glass" is a "large glass", factor None); else `text` as it is."""
    table = units()
    words = text.split(maxsplit=2)
    if len(words) < 2 or words[0] not in table.sizes:
        return text, None
    size, times = table.sizes[words[0]]
    measure = table.canonical(singular(words[1].strip(".,")))
    if table.kind(measure) != "informal" and measure not in table.sized_parts:
        return text, None  # "large eggs", "small banana": a size of the food itself
    rest = " ".join(words[1:])
    if table.kind(table.canonical(f"{size} {measure}")) is not None:
        return f"{size} {rest}", None
    return rest, times


def _measured_food(amount: float | None, text: str) -> tuple[float | None, str | None, str]:
    """A measure named with the food rather than before it, where the food is one that
    measure is for (units.toml [by_food]): "espresso shot" is one shot of espresso,
    "double espresso" two (a double is two single measures), "coke can" one can.
    Elsewhere the words stay the food's name ("jello shot", "double cream")."""
    words = text.split()
    table = units()
    if len(words) >= 2 and words[0] in table.multiples:
        unit = table.multiples[words[0]]["unit"]
        if table.names_rule(str(unit), words[1:]):
            times = float(str(table.multiples[words[0]]["times"]))
            return (amount or 1.0) * times, str(unit), " ".join(words[1:])
    if len(words) >= 2:
        unit = table.canonical(singular(words[-1]))
        if unit in table.trailing and table.names_rule(unit, words[:-1]):
            return amount, unit, " ".join(words[:-1])
    return amount, None, text


def _cup_size(amount: float | None, text: str) -> tuple[float, str, str] | None:
    """ "grande latte", "2 venti iced teas", "starbucks tall mocha": so many chain cups of the
    drink, in ml (units.toml [cup_sizes]), and the words without the size; None unless a
    size word comes before words naming a drink sold in such cups and the text names no other
    measure ("tall glass of milk", "short rib")."""
    words = text.split()
    sizes = units().cup_sizes

    def names(key: str, said: set[str]) -> bool:
        listed = sizes.get(key, [])
        assert isinstance(listed, list)
        return any(set(terms(str(word))) <= said for word in listed)

    if names("measures", set(terms(text))):
        return None
    # the size before the drink, or last ("iced americano venti", "latte, grande")
    places = [(i, words[i + 1 :]) for i in range(len(words) - 1)]
    if len(words) > 1:
        places.append((len(words) - 1, words[:-1]))
    for i, drink in places:
        size = sizes.get(words[i].strip(",;"))
        if isinstance(size, dict) and names("drinks", set(terms(" ".join(drink)))):
            cold = names("cold", set(terms(text)))
            fl_oz = float(str(size.get("cold_fl_oz", size["fl_oz"]) if cold else size["fl_oz"]))
            ml = (amount or 1.0) * fl_oz * units().volume["fl oz"]
            return ml, "ml", " ".join(words[:i] + words[i + 1 :]).strip(" ,;")
    return None


def after_amount(text: str) -> str:
    """`text` (folded) without its leading amount: "2 eggs with toast" -> "eggs with toast"."""
    plain = _GLUED.sub(r"\1 ", " ".join(fold(clean(text)).split()))
    return _leading_amount(plain)[1].strip()


def _leading_amount(text: str) -> tuple[float | None, str, bool]:
    hedge = _LEADING_HEDGE.match(text)
    if hedge:  # "about 300 g rice", "around a cup": the amount after it, an estimate
        value, rest, _ = _plain_leading_amount(text[hedge.end() :])
        if value is not None:
            return value, rest, True
    return _plain_leading_amount(text)


def _plain_leading_amount(text: str) -> tuple[float | None, str, bool]:
    if _PERCENT.match(text):  # "2% milk": the figure is part of the food
        return None, text, False
    match = _LEADING.match(text)
    if match:
        sign, first, second = match.groups()
        if sign:
            raise AmountError(
                f"amount {quoted(sign + first, 40)} is negative; give a positive amount"
            )
        value = number(first)
        if second is not None:
            value = (value + number(second)) / 2
        rest = text[match.end() :]
        while scale := _SCALE.match(rest):  # "2 dozen eggs", "3 million"
            value *= SCALES[scale.group(1)]
            rest = rest[scale.end() :]
        return value, rest, second is not None
    return _word_amount(text)


def _word_amount(text: str) -> tuple[float | None, str, bool]:
    """ "one and a half cups", "half a banana", "a dozen eggs", "a couple of eggs",
    "a hundred grams", "two thousand", "one million eggs"."""
    for pattern, read, vague in _word_patterns():
        match = pattern.match(text)
        if match:
            return read(match), _after(text, match.end()), vague
    spelled = _spelled(text)
    if spelled is not None:
        value, end = spelled
        approximate = False
        fraction = _AND_FRACTION.match(text, end)
        if fraction:  # "two and a half"
            value, end = value + NUMBER_WORDS[fraction.group(1)], fraction.end()
        elif (
            (between := _WORD_RANGE.match(text, end))
            and (upper := _spelled(text[between.end() :]))
            and upper[0] > value
        ):  # "two to three eggs": the middle, as with "2-3"
            value, end = (value + upper[0]) / 2, between.end() + upper[1]
            approximate = True
        following = _NUMBER_WORD.match(text, end)
        if following and following.group(1) in {*ONES, *TENS}:
            said = quoted(text[: following.end()].strip())
            raise QuantityError(f"{said} is not one number; write the amount in digits")
        return value, _after(text, end), approximate
    article = _ARTICLE.match(text)
    if article and _after(text, article.end()):  # "an apple"; "a" alone is not an amount
        return 1.0, _after(text, article.end()), False
    return None, text, False


def _after(text: str, end: int) -> str:
    return _OF.sub("", text[end:].lstrip())


_ARTICLE = re.compile(r"^\s*(?:a|an)\b")
_VAGUE = re.compile(r"^\s*(?:(?:a\s+)?few|several)\b")  # the words of a vague count
_WORD_RANGE = re.compile(r"\s*(?:[-–]|to\b|or\b)\s*")
_AND_FRACTION = re.compile(r"\s+and\s+(?:a\s+)?(half|quarter)\b")
_NUMBER_WORD = re.compile(r"[\s-]*([a-z]+)\b")


def _spelled(text: str) -> tuple[float, int] | None:
    """A whole number spelled out at the start of `text`, and where it ends.

    Read the usual way: units and teens add, tens take one unit after them ("twenty-five"),
    "hundred" multiplies the group before it, each larger scale word closes a group
    ("two million three hundred thousand"), "and" may join ("a hundred and fifty") and
    "a"/"an" counts as one before a scale word ("a hundred", "a dozen"). A scale word on
    its own is not a number ("thousand island dressing").
    """
    total, group, last, end, pos = 0.0, 0.0, "", 0, 0
    below = math.inf  # scale words must come in decreasing order
    while match := _NUMBER_WORD.match(text, pos):
        word, pos = match.group(1), match.end()
        if "-" in match.group(0) and not (last == "tens" and ONES.get(word, 10) < 10):
            break  # only "twenty-five" joins with a hyphen
        if word in ("a", "an") and not last:
            last = "article"
            continue
        if word == "and" and last in ("hundred", "scale"):
            following = _NUMBER_WORD.match(text, pos)
            if following and (following.group(1) in ONES or following.group(1) in TENS):
                continue
            break
        if word in ONES and last in ("", "tens", "hundred", "scale"):
            if last == "tens" and ONES[word] >= 10:
                break  # "twenty eleven" is not a number
            group, last = group + ONES[word], "ones"
        elif word in TENS and last in ("", "hundred", "scale"):
            group, last = group + TENS[word], "tens"
        elif word == "hundred" and last in ("ones", "tens", "article") and group < 100:
            group, last = (group or 1) * 100, "hundred"
        elif word in SCALES and last in ("ones", "tens", "hundred", "article"):
            scale = SCALES[word]
            if scale >= below:
                break
            total, group, last, below = total + (group or 1) * scale, 0.0, "scale", scale
        else:
            break
        end = pos
    if end == 0 or _HYPHEN_WORD.match(text, end):
        return None  # "seven-up", "two-egg omelette": a name, not an amount
    return total + group, end


@functools.cache
def _word_patterns() -> list[tuple[re.Pattern[str], _Value, bool]]:
    """Fractions and vague counts, tried before spelled-out whole numbers."""

    def fixed(value: float) -> _Value:
        return lambda _: value

    table: list[tuple[str, _Value, bool]] = [
        (r"half\s+(?:a\s+)?dozen\b", fixed(6.0), False),
        (r"(?:a\s+)?couple\b", fixed(2.0), True),
        (r"(?:a\s+)?few\b|several\b", fixed(3.0), True),
        (r"three\s+quarters?\b(?:\s+(?:of\s+)?(?:a|an)\b)?", fixed(0.75), False),
        # not "half and half" / "half & half" / "half n half", the cream (FNDDS "Half and half")
        (
            r"(?:a\s+|one\s+)?half\b(?![\s-]*(?:and|&|n)[\s-]*half\b)(?:\s+(?:of\s+)?(?:a|an)\b)?",
            fixed(0.5),
            False,
        ),
        (r"(?:a\s+|one\s+)?quarter\b(?:\s+(?:of\s+)?(?:a|an)\b)?", fixed(0.25), False),
    ]
    return [(re.compile(r"^\s*" + p), v, a) for p, v, a in table]


def _names_food(unit: str, amount: float | None, text: str) -> bool:
    """Whether the count word `unit` at the start of `text` is the food itself (units.toml
    [food_counts]): written in the plural or as one ("2 eggs over easy", "1 egg scrambled"),
    or before a plural ("3 egg whites"); not before "of", nor in the singular after a larger
    number before a singular, where it measures what follows ("3 egg omelette")."""
    words = text.split()
    if unit not in units().food_counts or not words:
        return False
    if len(words) > 1 and words[1] == "of":
        return False
    plural = singular(words[0]) != words[0]
    # "3 egg whites", "2 egg rolls": the word after is counted, and the pair is the food
    compound = len(words) > 1 and singular(words[1]) != words[1]
    return plural or compound or amount is None or amount <= 1


def _unit(text: str) -> tuple[str | None, str]:
    """A unit at the start of `text`, in canonical (singular) form, and the rest."""
    table = units()
    words = text.split()
    single = [singular(w.strip(".,")) for w in words[:3]]
    for size in (3, 2, 1):  # "snack size bag of doritos": a unit of three words
        if len(words) < size:
            continue
        candidate = table.canonical(" ".join(single[:size]))
        if candidate in table.of_only and words[size : size + 1] != ["of"]:
            continue  # "pot roast", "pot noodle": a name; "a pot of yogurt": a measure
        if table.kind(candidate) is not None:
            rest = " ".join(words[size:])
            return candidate, _OF.sub("", rest)
    return None, text


def _trailing_amount(text: str) -> tuple[float | None, str | None, str, bool]:
    """ "almonds, 30 g" or "milk 250ml": an amount written after the food."""
    match = _TRAILING.search(text)
    if not match:
        return None, None, text, False
    hedge, low, figure, unit_text = match.groups()
    unit_text = unit_text.strip(" .")
    unit, leftover = _unit(unit_text) if unit_text else (None, "")
    if unit_text and (unit is None or leftover):
        return None, None, text, False
    value = number(figure) if low is None else (number(low) + number(figure)) / 2
    return value, unit, text[: match.start()], hedge is not None or low is not None
