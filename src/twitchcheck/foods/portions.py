"""Turn an amount and unit into grams of one particular food.

Mass units convert directly. Volumes and counts go through the food's own
USDA household portions (a cup of spinach and a cup of milk weigh
differently; "a medium banana" is USDA's medium banana). Informal measures
(handful, glass, bowl, serving) use the documented defaults in
``data/units.toml`` and are marked as estimates, as is a missing amount,
which means one typical portion.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, replace

from twitchcheck.errors import AmountError, PortionError
from twitchcheck.foods import brands
from twitchcheck.foods.database import Food, Portion, food_kind
from twitchcheck.foods.quantity import Quantity, rule_names, units
from twitchcheck.limits import limit
from twitchcheck.text import clip, singular, terms

MAX_GRAMS = limit("item.grams")  # more than one item can be (limits.toml gives the reason)
TYPICAL = "Quantity not specified"  # FNDDS's own "typical amount eaten"
# A drink in a container of up to twice its reference amount is labelled as one serving (21 CFR
# 101.9(b)(6)); for soft drinks and water the reference amount is 360 ml (21 CFR 101.12(b)).
SINGLE_SERVE_ML = 720.0
# Some FNDDS drinks sold in cans give "Quantity not specified" as one fluid ounce (30 g), a
# per-ounce placeholder rather than an amount drunk; their can or bottle is used instead.
PLACEHOLDER_GRAMS = 32.0
CONTAINERS = ("can", "bottle", "carton", "container")
# SR28 lists a food's whole as bought among its household measures ("1 head, medium" of
# cabbage, 908 g; "1 loaf"; "1 pie"; "1 package"), and a recipe's whole yield (a glaze's 327
# g): shared or kept, not eaten at once, so it is never the portion assumed when no amount
# is given.
WHOLES_AS_BOUGHT = (
    "head", "loaf", "pie", "cake", "package", "pkg", "melon", "bunch", "bird", "recipe",
)  # fmt: skip
# Measures that mean one of the food's own items when it has no portion of that name: "a piece
# of fruit" is one fruit (the NHS 5 A Day "one piece of fruit"), "2 pieces of fried cod" two
# fillets.
PIECE_AS_ITEM = ("piece",)
# A food's own item weighing less than this share of its typical amount is a piece eaten by
# the serving (a fry, 5 g of FNDDS's 110 g), so "medium fries" is no medium fry
PIECE_SHARE = 0.25
# Size words, before a food sold in sizes, name the item of that size ("large pizza")
_SIZE_WORDS = frozenset({"small", "medium", "large", "extra", "jumbo", "personal"})
# Count portions tried, in order, when a number has no unit ("2 eggs", "a banana").
# A "biscuit" is one of a cereal sold so (SR28 Weetabix and shredded wheat "2 biscuits").
COUNT_PREFERENCE = (
    "medium", "regular", "large", "whole", "each", "item", "piece", "fruit", "nut", "biscuit",
    "biscuits", "small",
    # "a chicken pot pie": FNDDS's "individual pie" (250 g), not its "pie, any size" (1,260 g)
    "individual",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Grams:
    """How much of the food, and how we know: `basis` reads like "1 cup = 244 g"."""

    grams: float
    basis: str
    estimate: bool
    portion: Portion | None = None
    fallback: bool = False  # no portion named like the item; a generic size was used


def usable(food: Food) -> list[Portion]:
    """The food's portions that describe an amount a person eats."""
    return [
        p
        for p in food.portions
        if p.grams > 0 and p.amount > 0 and not p.unit.lower().startswith("guideline")
    ]


def grams_for(food: Food, quantity: Quantity) -> Grams:
    """Grams of `food` meant by `quantity`; raises if the unit cannot apply to it or the
    amount is more than one item can be."""
    return checked(food, quantity, measure(food, quantity))


def measure(food: Food, quantity: Quantity) -> Grams:
    """Grams of `food` meant by `quantity`, before the per-item limit is applied (to
    choose among foods first, then refuse the amount for the one chosen)."""
    return _grams(food, quantity)


def checked(food: Food, quantity: Quantity, result: Grams) -> Grams:
    """`result`, unless it is zero or over `MAX_GRAMS` (limits.toml item.grams)."""
    if result.grams <= 0:
        raise AmountError(f"{_said(quantity)} is zero; give an amount above zero")
    if not result.grams <= MAX_GRAMS:  # also catches an overflow to infinity
        weight = "" if quantity.kind == "mass" else f" is {_figure(result.grams)} g"
        raise AmountError(
            f"{_said(quantity)} of {food.name!r}{weight}, over the "
            f"{MAX_GRAMS / 1000:g} kg limit for one item; check the amount or split it into items"
        )
    return result


def _grams(food: Food, quantity: Quantity) -> Grams:
    amount, unit, table = quantity.amount, quantity.unit, units()
    if amount is not None and not 0 < amount < math.inf:
        raise AmountError(f"amount {_figure(amount)} is not above zero; give a positive amount")
    if unit is None and quantity.inches is not None:
        sized = _by_size(food, amount or 1.0, quantity.inches)
        if sized is not None:
            return sized
    if unit is None:
        if amount is None:
            if _each_grams(food, quantity, counted=False) is not None:
                return _by_count(food, 1.0, quantity)  # "string cheese": one stick of it
            one = _one_cookie(food, quantity)
            if one is not None:
                return one
            return _typical(food, quantity.region, alone=True)
        return _by_count(food, amount, quantity)
    assert amount is not None  # a unit always comes with an amount (1 if unwritten)
    packed = _packed(food, quantity)
    if packed is not None:  # "2 slices ezekiel toast", "a can of la croix": the maker's own
        grams, note = packed
        return Grams(amount * grams, f"{amount:g} × {note}", True)
    if unit == "oz" and is_drink(food):  # "8 oz" of a drink is fluid ounces
        unit = "fl oz"
    if quantity.region == "uk" and f"uk {unit}" in table.volume:  # an imperial pint, fl oz
        unit = f"uk {unit}"
    if unit in table.mass:
        grams = amount * table.mass[unit]
        return Grams(grams, f"{amount:g} {unit} = {grams:.4g} g", quantity.approximate)
    if unit in table.volume:
        return _by_volume(food, amount, unit, table.volume[unit] * amount, quantity)
    rule = food_rule(food, unit, quantity)
    if unit in table.count:
        if rule is not None and _rule_first(rule, quantity.region):
            return _by_rule(food, amount, unit, rule, quantity)
        try:
            return _by_portion_word(food, amount, unit, table.count[unit])
        except PortionError:
            if rule is not None:
                return _by_rule(food, amount, unit, rule, quantity)
            sold = _sized_container(food, amount, unit, quantity)
            if sold is not None:
                return sold
            sized = _sized_typical(food, amount, unit, quantity)
            if sized is not None:
                return sized
            if unit not in PIECE_AS_ITEM:
                raise
            return _piece_as_item(food, amount, unit, quantity)
    if rule is not None and _has_figure(rule, quantity.region):
        return _by_rule(food, amount, unit, rule, quantity)
    return _informal(food, amount, unit, table.informal[unit], quantity)


def _by_size(food: Food, amount: float, inches: float) -> Grams | None:
    """`amount` of `food` each `inches` long or across, by its portion of that size ('regular
    or 6" submarine', 'medium pizza (11-12" diameter)'); from the nearest size written when
    none is that size, by length for a sub, by area for a round food (an estimate); None when
    no portion gives a size."""
    sized = [
        (size, p)
        for p in usable(food)
        if not _MEASURED.match(p.unit) and (size := _inches(p.unit)) is not None
    ]
    if not sized:
        return None
    (low, high), portion = min(sized, key=lambda found: _inches_off(found[0], inches))
    each = portion.grams / portion.amount
    share = _SHARE_OF.search(portion.unit)
    if share is not None:  # 'slice 1/8 of 12" pizza': the size is the whole pizza's
        each *= int(share[2]) / int(share[1])
    basis = f"{amount:g} × {portion.description} ({_figure(each)} g)"
    if share is not None:
        basis = f'{amount:g} × the whole of "{portion.description}" ({_figure(each)} g)'
    if low <= inches <= high:
        return Grams(amount * each, basis, estimate=False)
    near = low if inches < low else high
    across = "dia" in portion.unit.lower()  # a pizza's or a tortilla's weight goes by its area
    scale = (inches / near) ** (2 if across else 1)
    by = "by area" if across else "by length"
    said = f'{amount:g} × {inches:g}" from {portion.description}, {by}'
    return Grams(amount * each * scale, said, estimate=True)


# A portion that is a share of the sized whole ('slice 1/8 of 12" pizza')
_SHARE_OF = re.compile(r"\b(\d+)/(\d+)\s+of\b")


# The first size in inches a portion gives: '6"', '11-12"', '6" to 6-7/8"', "6 inch"; a
# hyphen before a fraction is a mixed number ('4-1/2"'), before a whole number a range
_INCHES = re.compile(
    r"(\d+(?:-\d+/\d+)?|\d+/\d+)\"?(?:\s*(?:-|to)\s*(\d+(?:-\d+/\d+)?|\d+/\d+))?\s*(?:\"|-?\s*inch)"
)


_MEASURED = re.compile(r"(?:cups?|tbsps?|tsps?|tablespoons?|teaspoons?|oz)\b", re.IGNORECASE)


def _inches_off(size: tuple[float, float], inches: float) -> float:
    """How far `inches` is from a portion's size or range of sizes (0 within it)."""
    low, high = size
    return 0.0 if low <= inches <= high else min(abs(inches - low), abs(inches - high))


def _inches(unit: str) -> tuple[float, float] | None:
    found = _INCHES.search(unit)
    if found is None:
        return None
    low = _inch_figure(found.group(1))
    high = _inch_figure(found.group(2)) if found.group(2) else low
    return (low, high) if 0 < low <= high else None


def _inch_figure(text: str) -> float:
    whole, _, fraction = text.partition("-")
    if "/" in whole:  # "7/8"
        top, bottom = whole.split("/")
        return int(top) / int(bottom)
    if not fraction:
        return float(whole)
    top, bottom = fraction.split("/")
    return int(whole) + int(top) / int(bottom)


def _has_figure(rule: dict[str, object], region: str | None) -> bool:
    """Whether a [by_food] rule gives a size for `region` (a British 5 A Day portion is no
    American one)."""
    said = region or "us"
    return any(key in rule for key in (f"{said}_grams", "grams", f"{said}_ml", "ml"))


def _sized_container(food: Food, amount: float, unit: str, quantity: Quantity) -> Grams | None:
    """ "small bag of sweets" where the food lists no bag of that size: its own bag (or the
    bag its [by_food] rule gives) times the size's factor (units.toml [sizes]; a snack or
    fun size is the single bag itself); None for a unit that is no size of a container."""
    size, _, container = unit.rpartition(" ")
    if not size or units().kind(container) != "count":
        return None
    factor = units().sizes.get(size.split()[0], (size, 1.0))[1]
    try:
        found = _grams(food, replace(quantity, amount=amount, unit=container))
    except PortionError:
        return None
    basis = f"{amount:g} {unit}: no '{unit}' portion, {factor:g} × {found.basis}"
    return Grams(found.grams * factor, basis, True, found.portion, fallback=True)


def _sized_typical(food: Food, amount: float, unit: str, quantity: Quantity) -> Grams | None:
    """ "a small steak" where the food lists a medium or regular item but no small one: that
    item times the size's factor (units.toml [sizes]: USDA's own median ratio of its small
    and large portions to its medium ones), an estimate; None for a word that is no size
    there ("whole"), or a food with no middle-sized item to scale (its sizes are elsewhere)."""
    size = units().sizes.get(unit)
    if size is None or size[0] != unit:
        return None
    portions = usable(food)
    middle = [p for p in portions if _has_word(p.unit, "medium") or _has_word(p.unit, "regular")]
    typical = _typical_grams(portions)
    portion = min(middle, key=lambda p: _distance(p, typical), default=None)
    if portion is None:
        return None
    each = portion.grams / portion.amount * size[1]
    scaled = f"{size[1]:g} × 1 {portion.unit} ({each:.4g} g each)"
    basis = f"{amount:g} {unit}: no '{unit}' portion, {scaled}"
    return Grams(amount * each, basis, True, portion, fallback=True)


def _piece_as_item(food: Food, amount: float, unit: str, quantity: Quantity) -> Grams:
    """ "2 pieces of fried cod" where the food has no "piece" portion: so many of its own item
    (a fillet of fish, a fruit), an estimate; refused when it has no item either."""
    try:
        counted = _by_count(food, amount, quantity)
    except PortionError:
        raise PortionError(unit, food.name, _names(food)) from None
    item = set(terms(counted.portion.unit)) if counted.portion is not None else set()
    if any(rule_names(whole, item) for whole in units().wholes):
        # "2 pieces of fried chicken" where the food's only item is half a bird ("0.5 chicken,
        # bone and skin removed"): a piece is not a bird
        raise PortionError(unit, food.name, _names(food))
    basis = f"{counted.basis}; no '{unit}' portion, one item taken as one {unit}"
    return Grams(counted.grams, basis, True, counted.portion, fallback=True)


def is_drink(food: Food) -> bool:
    """Whether `food` is drunk (its USDA group or the head of its name says so)."""
    table = units()
    group = food.group.lower()
    if any(word in group for word in table.drink_groups):
        return True
    head = food.name.split(",")[0]
    return bool(set(terms(head)) & table.drink_words)


def food_rule(food: Food, unit: str, quantity: Quantity) -> dict[str, object] | None:
    """The food-aware default for an informal or container measure (units.toml [by_food]):
    the first rule naming a word of the food's name or of what was typed."""
    return _named_rule(units().by_food.get(unit, []), food, quantity)


def _named_rule(
    rules: list[dict[str, object]] | tuple[dict[str, object], ...], food: Food, quantity: Quantity
) -> dict[str, object] | None:
    """The first rule whose words name the food (its USDA name or, unless the rule says
    `in_name`, what was typed)."""
    name = set(terms(food.name))
    said = name | set(terms(quantity.food))
    return next(
        (
            r
            for r in rules
            if (
                rule_names(r, name if r.get("in_name") else said)
                or (r.get("five_a_day") and _five_a_day(food))
            )
            and not rule_names({"words": r.get("except", [])}, said)  # "sausage roll"
        ),
        None,
    )


def _five_a_day(food: Food) -> bool:
    """Whether `food` is a fruit or vegetable the NHS counts in "5 A Day" portions of 80 g:
    not potatoes (FNDDS codes 71, white potatoes), and not a juice or other drink (a portion
    of juice is 150 ml)."""
    if is_drink(food) or food.name.lower().startswith(("potato", "juice")):
        return False
    potato = food.source == "fndds" and food.code.startswith("71")
    return food_kind(food) in ("fruit", "vegetable") and not potato


def _rule_first(rule: dict[str, object], region: str | None) -> bool:
    """A rule beats the food's own portion when it says so, or has a figure for the region."""
    regional = region is not None and (f"{region}_ml" in rule or f"{region}_grams" in rule)
    return bool(rule.get("first")) or regional


def _by_rule(
    food: Food, amount: float, unit: str, rule: dict[str, object], quantity: Quantity
) -> Grams:
    region = quantity.region or "us"
    note = str(rule["note"])
    for key in (f"{region}_grams", "grams"):
        if key in rule:
            grams = amount * float(str(rule[key]))
            return Grams(grams, f"{amount:g} {unit}: {note}", True)
    ml = amount * float(str(rule.get(f"{region}_ml", rule.get("ml", 0.0))))
    try:
        by_volume = _by_volume(food, amount, unit, ml, quantity)
    except PortionError:
        if not is_drink(food):
            raise
        return Grams(ml, f"{amount:g} {unit}: {note}; 1 ml taken as 1 g", True)
    return Grams(by_volume.grams, f"{amount:g} {unit}: {note}", True, by_volume.portion)


def _typical(food: Food, region: str | None = None, alone: bool = False) -> Grams:
    """One usual portion of `food`: FNDDS's "Quantity not specified" (or the larger documented
    one of units.toml [typical] where FNDDS's is far below what is eaten); else one item; else,
    for a drink, the largest single-serve volume USDA lists (`_drink_serving`); else the first
    portion, as USDA wrote it."""
    canned = _regional_can(food, region) or _regional_shot(food, region)
    if canned is not None:  # "red bull", "2 lech" in a British diary: its British can
        return canned
    portions = usable(food)
    typical = next((p for p in portions if p.unit == TYPICAL), None)
    larger = _larger_typical(food, typical, region, alone) if typical is not None else None
    if typical is not None and larger is not None:
        return larger
    if typical is not None and typical.grams <= PLACEHOLDER_GRAMS and is_drink(food):
        typical = _container(portions) or typical  # a 1 fl oz "typical" can of Monster
    eaten = [p for p in portions if _first_word(p.unit) not in WHOLES_AS_BOUGHT]
    counted, own = _count_portion(food, eaten)
    if typical is None and counted is not None and not own and not _sized(counted):
        # one part of it ("1 leaf" of cabbage) is no portion: its first cup measure is
        counted = next((p for p in eaten if _first_word(p.unit) == "cup"), counted)
    chosen = typical or counted
    if chosen is None and is_drink(food):
        chosen = _container(eaten) or _drink_serving(portions)  # a can, not its 1 fl oz
    chosen = chosen or next(iter(eaten or portions), None)
    if chosen is None:
        return Grams(100.0, "no amount given and no USDA portion: 100 g assumed", True)
    # A portion as USDA wrote it: SR28's "8 fl oz" of a ready-to-drink shake or "2 tbsp" is
    # the labelled serving, and tofu's "0.25 block" (122 g) a serving where its 488 g block
    # is not. Only a count of items ("10 almonds") is read as one of them.
    whole = chosen is typical or chosen.amount < 1 or _measured(chosen.unit)
    grams = chosen.grams if whole else chosen.grams / chosen.amount
    label = "typical amount" if chosen is typical else f"1 {chosen.unit}"
    if chosen is not typical and whole:
        label = f"{chosen.amount:g} {chosen.unit}"
    return Grams(grams, f"no amount given: one portion ({label} = {grams:.4g} g)", True, chosen)


def _regional_can(food: Food, region: str | None, uncounted: bool = False) -> Grams | None:
    """One can of a drink sold by the can (units.toml [drink] canned_groups), named with no
    measure in a diary of a region whose cans differ from USDA's American ones: its [by_food]
    can rule's figure for that region ("red bull" or "2 lech" in a British diary: a 250 ml
    or 440 ml can, not FNDDS's 16 or 12 fl oz); None elsewhere, where FNDDS's portion stands,
    unless the drink is `uncounted`: counted ("1 sprite") with no portion of one item."""
    table, name = units(), food.name.lower()
    canned = any(g in food.group.lower() for g in table.canned_groups)
    american = region in (None, "us")
    if (american and not uncounted) or not (canned or name.startswith(table.canned_names)):
        return None  # SR28 files its sodas under "Beverages": "Beverages, carbonated, ..."
    region = "us" if american else region
    if any(word in name for word in table.bottled):
        return None  # a sports drink: a bottle (FNDDS's portion), not a can
    said = Quantity(1.0, "can", "count", food.name, region=region)
    rule = food_rule(food, "can", said)
    if rule is None or not (f"{region}_ml" in rule or "ml" in rule):
        return None
    one = _by_rule(food, 1.0, "can", rule, said)
    return Grams(one.grams, f"no measure given: one can ({one.basis})", True, one.portion)


def _regional_shot(food: Food, region: str | None) -> Grams | None:
    """One measure of a spirit in a diary of a region whose measure differs from USDA's
    American 1.5 fl oz jigger: its [by_food] shot rule's figure for that region ("vodka" or
    "2 gins" in a British diary: 25 ml singles, the 1988 Order's measure); None elsewhere."""
    if region in (None, "us") or not _neat_spirit(food):
        return None
    said = Quantity(1.0, "shot", "count", food.name, region=region)
    rule = food_rule(food, "shot", said)
    if rule is None or f"{region}_ml" not in rule:
        return None
    one = _by_rule(food, 1.0, "shot", rule, said)
    return Grams(one.grams, f"one measure ({one.basis})", True, one.portion)


def _neat_spirit(food: Food) -> bool:
    """Whether `food` is a spirit drunk by the measure, not a mixed drink: FNDDS's liquor
    codes 935xxxxx (its cocktails, "Gin and tonic", are 933xxxxx: FNDDS food coding scheme),
    SR28's "Alcoholic beverage, distilled"."""
    if food.source == "fndds":
        return food.code.startswith("935")
    return food.name.lower().startswith("alcoholic beverage, distilled")


def _larger_typical(
    food: Food, typical: Portion, region: str | None, alone: bool = False
) -> Grams | None:
    """The units.toml [typical] portion for `food`: a figure for every region where it is
    larger than FNDDS's typical one (280 g of watermelon, not 78 g); a figure for the diary's
    region in place of FNDDS's, which is what Americans eat (chips in a British diary)."""
    name, group = set(terms(food.name)), food.group.lower()
    for rule in units().typical:
        groups = rule.get("groups", [])
        assert isinstance(groups, list)
        if not rule_names(rule, name) or (groups and not any(g in group for g in groups)):
            continue
        if rule_names({"words": rule.get("except", [])}, name):
            continue  # "Greek yogurt": not the kind the rule is for
        if rule.get("alone") and not alone:
            continue  # "a pot of tea", "a flask of chai": a measure of their own
        regional = rule.get(f"{region}_grams") if region else None
        figure = rule.get("grams") if regional is None else regional
        if figure is None:
            continue  # a figure for another region only: a later rule may hold this one's
        grams = float(str(figure))
        if regional is None and grams <= typical.grams and not rule.get("always"):
            return None  # FNDDS's own is larger, unless the rule is the drink's own cup
        return Grams(grams, f"no amount given: {rule['note']}", True, typical)
    return None


def _container(portions: list[Portion]) -> Portion | None:
    """A drink's smallest can, bottle, carton or container that one person drinks at once
    (up to `SINGLE_SERVE_ML`: a shake's 11 oz container, not a 2-litre bottle)."""
    held = [
        p for p in portions
        if any(_has_word(p.unit, w) for w in CONTAINERS) and p.grams / p.amount <= SINGLE_SERVE_ML
    ]  # fmt: skip
    return min(held, key=lambda p: p.grams / p.amount, default=None)


def _drink_serving(portions: list[Portion]) -> Portion | None:
    """The largest volume portion of a drink up to `SINGLE_SERVE_ML`: USDA lists a drink's
    label serving and its container ("8 fl oz", "12 fl oz"), and a bottle is drunk whole."""
    volume = units().volume
    sized = []
    for portion in portions:
        unit = _volume_unit(portion.unit)
        if unit is not None and portion.amount * volume[unit] <= SINGLE_SERVE_ML:
            sized.append((portion.amount * volume[unit], portion))
    return max(sized, key=lambda s: s[0])[1] if sized else None


def _own_portion(food: Food, portions: list[Portion]) -> Portion | None:
    """A portion named for one of the food itself ("1 egg", "1 bagel"), the usual size first;
    not one named for what USDA's aside says the food also covers ("Muffins, blueberry,
    commercially prepared (Includes mini-muffins)": a mini is no blueberry muffin's size)."""
    nouns = set(terms(_ASIDE.sub(" ", food.name)))
    own = [p for p in portions if _first_word(p.unit) in nouns and not _SEVERAL.search(p.unit)]
    if any(_VARIANT.search(p.unit) for p in own):
        # "bar fun size" (17 g) and "bar king size" (103 g) beside "serving 2.05 oz bar" (58
        # g): one Milky Way is the standard bar, named for the food anywhere in its portion
        standard = [
            p
            for p in portions
            if not nouns.isdisjoint(terms(p.unit))
            and not _VARIANT.search(p.unit)
            and not _SEVERAL.search(p.unit)
        ]
        # the medium or regular one first where sizes are listed ("croissant, medium")
        standard.sort(
            key=lambda p: not (_has_word(p.unit, "medium") or _has_word(p.unit, "regular"))
        )
        own = standard or own
    typical = _typical_grams(portions)
    return min(own, key=lambda p: _distance(p, typical), default=None)


# A portion of a smaller or larger variant sold beside the item ("bar fun size", "bar snack
# size", "croissant, mini", "bar king size"): one of the food is its standard item when USDA
# lists that too
_VARIANT = re.compile(
    r"\b(?:fun|mini|miniature|snack[- ]size|bite[- ]size|king[- ]size|share[- ]size)\b",
    re.IGNORECASE,
)


# A portion that says it holds several pieces is no one item ("Fig bar (2 square halves)",
# 43 g, beside FNDDS's 16 g "bar": three fig rolls are three bars; "recipe yield (60 pieces)")
_SEVERAL = re.compile(
    r"(?<![\d./])(?:[2-9]|[1-9]\d+)\s+(?:[a-z-]+\s+){0,2}[a-z]+s\b", re.IGNORECASE
)


def _typed_portion(food: Food, portions: list[Portion], said: str) -> Portion | None:
    """The portion whose name holds most of the words written that the food's name lacks
    (the brand or kind of item), nearest the typical amount among equals."""
    extra = set(terms(said)) - set(terms(food.name))
    if not extra:
        return None
    typical = _typical_grams(portions)
    scored = [(len(extra & set(terms(p.unit))), p) for p in portions if p.unit != TYPICAL]
    best = max((n for n, _ in scored), default=0)
    named = [p for n, p in scored if n and n == best]
    for word in sorted(extra):  # the kind units.toml [count] reads the word as first
        usual = units().count.get(word, [])[:1]
        found = [p for p in named if usual and usual[0] != word and _has_word(p.unit, usual[0])]
        if found:  # "3 sausage links": breakfast links, not bun-size ones
            return found[0]
    return min(named, key=lambda p: _distance(p, typical), default=None)


def _typical_grams(portions: list[Portion]) -> float | None:
    """FNDDS's "Quantity not specified": how much of the food people usually eat at once."""
    return next((p.grams for p in portions if p.unit == TYPICAL), None)


def _distance(portion: Portion, typical: float | None) -> float:
    """How far one of `portion` is from the typical amount (0 when nothing is typical)."""
    each = portion.grams / portion.amount
    return abs(math.log(each / typical)) if typical else 0.0


def _count_portion(
    food: Food, portions: list[Portion], said: str = ""
) -> tuple[Portion | None, bool]:
    """The portion for one item of the food ("1 egg", "1 medium", "1 regular" bagel...),
    and whether it is named for the food itself.

    A portion named with a word the person wrote that the food's name lacks comes first
    ("2 oreos": FNDDS's "1 Oreo sandwich" of "Cookie, chocolate sandwich"). Where FNDDS says
    how much people typically eat, the item portion nearest to it wins (a regular bagel,
    not a "Bagel Thin"); otherwise one named for the food, then the size words in
    `COUNT_PREFERENCE` order.
    """
    typed = _typed_portion(food, portions, said)
    if typed is not None:
        return typed, True
    table = units()
    several = food.group in table.several
    if several:  # a cookie or cracker, not a bag of them
        portions = [p for p in portions if not any(_has_word(p.unit, w) for w in table.packs)]
    own = _own_portion(food, portions)
    sized = [p for word in COUNT_PREFERENCE for p in portions if _has_word(p.unit, word)]
    # FNDDS's typical amount of a cookie or cracker is several of them: no guide to one.
    typical = None if several else _typical_grams(portions)
    small = next((p for p in sized if _has_word(p.unit, "small")), None)
    if own and small and own.grams / own.amount < small.grams / small.amount:
        own = None  # SR28's 31 g "1 muffin" beside its small (66 g) and medium ones: a mini one
    chosen: Portion | None = own or (sized[0] if sized else None)
    if typical is not None and chosen is not None:
        items = ([own] if own else []) + sized
        chosen = min(items, key=lambda p: _distance(p, typical))
    return chosen, chosen is not None and chosen is own


def _by_count(food: Food, amount: float, quantity: Quantity) -> Grams:
    """ "2 eggs", "2 beers": so many of the food's own item, else of its natural unit."""
    shot = _regional_shot(food, quantity.region)
    if shot is not None:  # "2 vodkas" in a British diary: two 25 ml singles
        return Grams(amount * shot.grams, f"{amount:g} × {shot.basis}", True)
    named = _each_grams(food, quantity)
    if named is not None:  # "2 satsumas": the kind named, not the USDA food's bigger item
        grams, note = named
        return Grams(amount * grams, f"{amount:g} × {note}", True)
    biscuit = _british_biscuit(food, quantity)
    if biscuit is not None:  # "2 hobnobs": two small cookies, not two American ones
        basis = f"{amount:g} × {_BISCUIT_NOTE}: {biscuit.grams:.4g} g each"
        return Grams(amount * biscuit.grams, basis, True, biscuit)
    share = _share_of_whole(food, amount)
    if share is not None:
        return share
    portions = usable(food)
    portion, named_for_food = _count_portion(food, portions, quantity.food)
    few = _few(food, amount, quantity, portion if named_for_food or _an_item(portion) else None)
    if few is not None:
        return few
    if portion is None:
        canned = _regional_can(food, quantity.region)
        if canned is None:
            try:
                return _by_natural_unit(food, amount, portions)
            except PortionError:  # "1 sprite": SR28's soda has no item, so one can of it
                canned = _regional_can(food, quantity.region, uncounted=True)
                if canned is None:
                    raise
        each = canned.grams
        return Grams(amount * each, f"{amount:g} × {canned.basis}", True, fallback=True)
    if "slice" in portion.unit and quantity.region is not None:
        # "toast x2" in a British diary: two of its slices ([by_food] slice), as "2 slices"
        rule = food_rule(food, "slice", quantity)
        if rule is not None and _rule_first(rule, quantity.region):
            return _by_rule(food, amount, "slice", rule, quantity)
    each = portion.grams / portion.amount
    basis = f"{amount:g} × 1 {portion.unit} ({each:.4g} g each)"
    return Grams(amount * each, basis, False, portion, fallback=not named_for_food)


def _share_of_whole(food: Food, amount: float) -> Grams | None:
    """ "1/4 chicken", "half a chicken": a fraction of a food sold whole (units.toml [wholes],
    the whole bird as eaten), when the USDA food is named for it and not for one of its parts;
    None otherwise (a whole number, or "half a chicken breast")."""
    if not 0 < amount < 1:
        return None
    name = set(terms(food.name))
    for rule in units().wholes:
        if rule_names(rule, name) and not rule_names({"words": rule.get("except", [])}, name):
            grams = amount * float(str(rule["grams"]))
            return Grams(grams, f"{amount:g} of a whole: {rule['note']}", True)
    return None


def _an_item(portion: Portion | None) -> bool:
    """Whether `portion` is one whole item by its size or kind ("1 fruit", "1 medium"), not a
    pack of several (a "small single serving bag" of crisps)."""
    packs = units().packs
    return (
        portion is not None
        and _sized(portion)
        and not any(_has_word(portion.unit, w) for w in packs)
    )


def _few(food: Food, amount: float, quantity: Quantity, own: Portion | None) -> Grams | None:
    """ "a few almonds", "a few blueberries": a vague count of a food with no item of its own,
    or one lighter than units.toml [vague] item_grams, is part of a handful of it (an
    estimate); None for a counted amount or a food whose items are counted ("a few grapes")."""
    vague = units().vague
    if not quantity.vague or not vague:
        return None
    if own is not None and own.grams / own.amount >= vague["item_grams"]:
        return None
    handful = Quantity(
        vague["handfuls"], "handful", "informal", quantity.food, region=quantity.region
    )
    grams = _grams(food, handful)
    basis = f"{amount:g} ('a few'), not counted one by one: {grams.basis}"
    return Grams(grams.grams, basis, True, grams.portion)


_COOKIES = "Cookies and brownies"  # FNDDS's group: foods eaten one by one
_ASIDE = re.compile(r"\([^()]*\)")  # USDA's aside in a name: "(includes mini-muffins)"


def _one_cookie(food: Food, quantity: Quantity) -> Grams | None:
    """A cookie or biscuit named in the singular with no amount ("hobnob", "snickerdoodle") as
    one medium one (a British biscuit: one small one, `_british_biscuit`): FNDDS's "Quantity
    not specified" for most cookies is two medium ones, which stands for "cookies". None for
    other foods, plurals, or a cookie with no medium size."""
    words = quantity.food.lower().split()
    if food.group != _COOKIES or not words or singular(words[-1]) != words[-1]:
        return None
    biscuit = _british_biscuit(food, quantity)
    if biscuit is not None:
        return Grams(biscuit.grams, f"no amount given: one {_BISCUIT_NOTE}", True, biscuit)
    medium = next((p for p in usable(food) if p.unit == "medium"), None)
    if medium is None:
        return None
    grams = medium.grams / medium.amount
    return Grams(grams, f"no amount given: one cookie (1 medium = {grams:.4g} g)", True, medium)


def _british_biscuit(food: Food, quantity: Quantity) -> Portion | None:
    """A British biscuit ("hobnob", "2 fig rolls", "shortbread finger") as FNDDS's small cookie,
    not its medium American one: British biscuits weigh 8 to 17 g each (McVitie's labels,
    units.toml [each]), FNDDS's small cookie 20 g and medium 30 g. None outside a British
    diary, for a brownie or bar, or where the words say a cookie or its size ("large")."""
    if quantity.region != "uk" or food.group != _COOKIES or not food.name.startswith("Cookie"):
        return None
    said = set(quantity.food.lower().split())
    if said & {"cookie", "cookies"} or said & _SIZE_WORDS or said & {"big", "giant", "huge"}:
        return None
    small = next((p for p in usable(food) if p.unit == "small"), None)
    return None if small is None else replace(small, grams=small.grams / small.amount, amount=1.0)


_BISCUIT_NOTE = "British biscuit, FNDDS's small cookie (British biscuits 8-17 g each)"


def _each_grams(food: Food, quantity: Quantity, counted: bool = True) -> tuple[float, str] | None:
    """The weight of one item of the kind named and its note: a branded product as its maker
    sells it (`_packed`), else units.toml [each], with the figure for the diary's region where
    the rule has one ("2 biscuits" are British biscuits only in a British diary), else its
    figure for any region; None when no rule applies. Without `counted` (no number written),
    a rule only for a count is none ("sausage and mash": FNDDS's typical sausage)."""
    packed = _packed(food, quantity)
    if packed is not None:
        return packed
    rule = _named_rule(units().each, food, quantity)
    if rule is None or (rule.get("counted") and not counted):
        return None
    figure = rule.get(f"{quantity.region or 'us'}_grams", rule.get("grams"))
    return None if figure is None else (float(str(figure)), str(rule["note"]))


def _packed(food: Food, quantity: Quantity) -> tuple[float, str] | None:
    """The grams of one of the branded product named, as its maker sells it (brands.toml
    [packs]), and its note, where the measure written is that pack: none ("2 soylents"), the
    pack's own measure ("2 slices ezekiel toast"), or a drink's can, bottle or carton; a
    volume is weighed through the food's own density (1 g per ml for a drink without one)."""
    pack = brands.pack_for(quantity.food, quantity.region)
    if pack is None:
        return None
    unit = quantity.unit
    if not (unit is None or unit == pack.per or (pack.per is None and unit in CONTAINERS)):
        return None
    if pack.grams is not None:
        return pack.grams, pack.note
    assert pack.ml is not None  # brands.toml [packs] gives one or the other (a test checks)
    one = Quantity(1.0, "ml", "volume", quantity.food, region=quantity.region)
    try:
        return _by_volume(food, pack.ml, "ml", pack.ml, one).grams, pack.note
    except PortionError:
        if not is_drink(food):
            return None
        return pack.ml, f"{pack.note}; 1 ml taken as 1 g"


def _by_natural_unit(food: Food, amount: float, portions: list[Portion]) -> Grams:
    """A count of a food with no item portion ("2 beers", "2 vodkas"): its own can, bottle,
    shot, drink, sandwich or slice (units.toml [natural]) nearest to its typical amount,
    else its typical portion, or units.toml [typical]'s larger figure for every region ("2
    scoop rice" is twice "rice"); an estimate either way."""
    typical = next((p for p in portions if p.unit == TYPICAL), None)
    natural = [p for p in portions if any(_has_word(p.unit, w) for w in units().natural)]
    reference = typical.grams if typical else None
    chosen = min(natural, key=lambda p: _distance(p, reference), default=typical)
    if chosen is None:
        raise PortionError("item", food.name, _names(food))
    each = chosen.grams / chosen.amount
    label = "typical amount" if chosen is typical else f"1 {chosen.unit}"
    # units.toml [typical]'s figure for every region (cooked rice 140 g, not FNDDS's 118 g);
    # a region's own average portion (FSA: rice 180 g) is kept for the food named alone.
    larger = _larger_typical(food, chosen, None) if chosen is typical else None
    if larger is not None:
        each, label = larger.grams, larger.basis.removeprefix("no amount given: ")
    basis = f"{amount:g} × {label} ({each:.4g} g each; no portion for one item)"
    return Grams(amount * each, basis, True, chosen, fallback=True)


def _by_portion_word(food: Food, amount: float, unit: str, words: list[str]) -> Grams:
    portions = usable(food)
    for word in words:
        named = [p for p in portions if _has_word(p.unit, word)]
        typical = _typical_grams(portions)
        match = min(named, key=lambda p: _plainness(p, word, typical), default=None)
        if match:
            each = match.grams / match.amount
            basis = f"{amount:g} × 1 {match.unit} ({each:.4g} g each)"
            return Grams(amount * each, basis, False, match)
    own = _own_portion(food, portions) if unit == "medium" else None
    typical = _typical_grams(portions)
    if own and typical and own.grams / own.amount < PIECE_SHARE * typical:
        own = None  # "medium fries": a medium serving, not one 5 g fry
    if own:  # FNDDS's "1 banana" is its medium banana
        each = own.grams / own.amount
        basis = f"{amount:g} × 1 {own.unit} ({each:.4g} g each; no 'medium' portion, one item used)"
        return Grams(amount * each, basis, True, own, fallback=True)
    raise PortionError(unit, food.name, _names(food))


def _by_volume(food: Food, amount: float, unit: str, ml: float, quantity: Quantity) -> Grams:
    reference = _volume_portion(food, unit, quantity.food)
    if reference is None and is_drink(food):
        # a drink USDA lists by the serving only ("1 serving 8 oz"): about as dense as
        # water (juices, smoothies and sodas weigh 1.00-1.08 g per ml in USDA's own cups)
        return Grams(ml, f"{amount:g} {unit}, 1 ml taken as 1 g (no volume portion)", True)
    if reference is None:
        raise PortionError(unit, food.name, _names(food))
    portion, portion_ml = reference
    density = portion.grams / portion_ml
    grams = ml * density
    each = portion.grams / portion.amount
    basis = f"{amount:g} {unit} via USDA portion 1 {portion.unit} = {each:.4g} g"
    if _volume_unit(portion.unit) == unit:
        basis = f"{amount:g} × 1 {portion.unit} ({each:.4g} g each)"
    return Grams(grams, basis, quantity.approximate, portion)


def _volume_portion(food: Food, unit: str, said: str) -> tuple[Portion, float] | None:
    """The best volume portion of `food` and its size in ml: same unit first,
    then one whose qualifier ("chopped", "cooked") the person also wrote."""
    volume = units().volume
    said_terms = set(terms(said))
    candidates = []
    for portion in usable(food):
        portion_unit = _volume_unit(portion.unit)
        if portion_unit is None:
            continue
        qualifier = set(terms(portion.unit)) - set(terms(portion_unit))
        rank = (
            portion_unit != unit,
            not (qualifier <= said_terms),
            len(qualifier),
        )
        candidates.append((rank, portion, portion.amount * volume[portion_unit]))
    if not candidates:
        return None
    _, portion, ml = min(candidates, key=lambda c: c[0])
    return portion, ml


_UNIT_HEAD = re.compile(r"^\s*(fl\.? ?oz|fluid ounces?|[a-z]+)", re.IGNORECASE)


def _volume_unit(text: str) -> str | None:
    word = _unit_word(text)
    return word if word is not None and word in units().volume else None


def _measured(text: str) -> bool:
    """Whether a portion's unit is a volume or a weight ("8 fl oz", "3 oz"): a serving as
    written, not so many items."""
    word = _unit_word(text)
    return word is not None and (word in units().volume or word in units().mass)


def _unit_word(text: str) -> str | None:
    match = _UNIT_HEAD.match(text.lower())
    if not match:
        return None
    word = units().canonical(singular(match.group(1).replace(".", "").replace("ounces", "ounce")))
    return "fl oz" if word.replace(" ", "") == "floz" else word


def _informal(
    food: Food, amount: float, unit: str, default: dict[str, object], quantity: Quantity
) -> Grams:
    note = str(default["note"])
    if "grams" in default:
        grams = amount * float(str(default["grams"]))
        return Grams(grams, f"{amount:g} {unit}: {note}", True)
    if "ml" in default:
        ml = amount * float(str(default["ml"]))
        by_volume = _by_volume(food, amount, unit, ml, quantity)
        return Grams(by_volume.grams, f"{amount:g} {unit}: {note}", True, by_volume.portion)
    typical = _typical(food, quantity.region)
    return Grams(amount * typical.grams, f"{amount:g} {unit}: {note}", True, typical.portion)


def _plainness(
    portion: Portion, word: str, typical: float | None
) -> tuple[bool, bool, float, bool]:
    """Sort key: a portion named just "slice" first; then, for a size word, one it begins,
    the item of that size ("large pizza (13-15" diameter)", not "piece, large pizza"); then
    the one nearest the typical amount (a 12 fl oz bottle, not a 40 fl oz one); then "medium"
    or "regular" sizes."""
    text = portion.unit.lower()
    usual = "medium" in text or "regular" in text
    of_size = word in _SIZE_WORDS and _first_word(text) != word
    return text != word, of_size, _distance(portion, typical), not usual


def _sized(portion: Portion) -> bool:
    """Whether `portion` is one whole item by its size ("1 large", "1 medium"), not a part."""
    return _first_word(portion.unit) in COUNT_PREFERENCE


def _first_word(text: str) -> str:
    found = terms(text)
    return found[0] if found else ""


@functools.lru_cache(maxsize=1 << 16)  # the portion rules ask it ~150 times a phrase
def _has_word(text: str, word: str) -> bool:
    """Whether a portion's description names `word`, or starts with its plural ("4 spears",
    "2 biscuits": SR28 counts several items in the plural; "1 cup, pieces" counts none)."""
    named, plural = _word_patterns(word)
    said = text.lower()
    return named.search(said) is not None or plural.match(said) is not None


@functools.lru_cache(maxsize=1024)
def _word_patterns(word: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    key = re.escape(word)
    return re.compile(rf"\b{key}\b"), re.compile(rf"{key}e?s\b")


def _names(food: Food) -> list[str]:
    return [p.description for p in usable(food)]


def _said(quantity: Quantity) -> str:
    """The amount as read, for a message: "1,000,000 eggs", "250 g"."""
    if quantity.amount is None:
        return "amount"
    return f"{_figure(quantity.amount)} {quantity.unit or clip(quantity.food, 40)}".strip()


def _figure(value: float) -> str:
    """A number as people read it: 1,000,000 or 0.5; astronomical ones as 1e+23."""
    if not math.isfinite(value) or abs(value) >= 1e15:
        return f"{value:.3g}"
    return f"{value:,.6g}" if abs(value) < 1e6 else f"{value:,.0f}"
