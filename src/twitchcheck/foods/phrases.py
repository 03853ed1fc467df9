"""From what a person typed to a food, its grams and its nutrients.

    nutrients(["1 1/2 cups cooked spinach", "a handful of almonds"])

Each phrase is split into amount, unit and food words (`quantity`), the
food found (`search`, or a pinned id such as ``[01077]``), the grams worked
out from its USDA portions (`portions`) and the nutrients scaled from the
per-100 g values. A nutrient USDA did not analyse stays missing (None), and
the total says how many items lacked it, so a gap is never read as zero.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Literal, Protocol

from twitchcheck.errors import AmountError, InputError, PortionError, UnknownFoodError
from twitchcheck.foods import brands, dishes, named_dishes
from twitchcheck.foods.database import SOURCES, Food, food_at, get_food
from twitchcheck.foods.languages import in_english
from twitchcheck.foods.portions import Grams, checked, grams_for, measure
from twitchcheck.foods.qualifiers import amount_first, first_choices, only_a_chain
from twitchcheck.foods.quantity import Quantity, after_amount, parse_quantity, units
from twitchcheck.foods.search import (
    Match,
    cooking_words,
    names_dish,
    names_food,
    query_terms,
    search,
)
from twitchcheck.knowledge.supplements import Supplement, in_a_diary
from twitchcheck.limits import limit
from twitchcheck.nutrient_keys import NUTRIENT_KEYS
from twitchcheck.text import clip, quoted, singular, terms, user_text
from twitchcheck.when import DOTTED_TIME_REGIONS, take_time

MADE_WITH = frozenset({"made with", "made up with"})  # a join naming what the food was made with
_MADE_WITH = re.compile(r"\s+made (?:up )?with\s+")
# a part that says what a food was without ("no chicken", "without cheese", "hold the mayo")
_REMOVED = re.compile(r"^\s*(?:no|without|minus|hold the|hold|skip the|no added)\s+\w", re.I)
How = Literal["matched", "dish", "split", "approximation", "needs_detail"]
REGIONS = ("uk", "us")

MIN_SCORE = 0.45  # below this the best match shares too little with what was typed
# a chain's item searched without the chain's name must match better than that: its words
# alone are often only a kind ("3pc spicy": General Tso chicken scores 0.52)
CHAIN_GENERIC_SCORE = 0.6
SURE_SCORE = 0.9  # below this the match is shown as uncertain, with alternatives
ALTERNATIVES = 3
DISH_CANDIDATES = 12  # of a combination's whole-phrase matches, how many may be its dish
FIT_MARGIN = 0.03  # matches this close to the best may win by having the portion asked for
WIDE_MARGIN = 0.15  # ...and these, when none of the closest has the unit at all
# Bounds and per-item plausibility, with their reasons in limits.toml [phrase] and [item].
MAX_CHARS = int(limit("phrase.chars"))
MAX_PHRASES = int(limit("phrase.count"))
SUGGEST_CHARS = int(limit("phrase.suggest_chars"))
MAX_KCAL = limit("item.energy_kcal")
LARGE_GRAMS = limit("item.grams_large")
LARGE_KCAL = limit("item.energy_kcal_large")


@dataclass(frozen=True, slots=True)
class Item:
    """One resolved phrase."""

    input: str
    food: Food
    grams: Grams
    nutrients: dict[str, float | None]
    alternatives: tuple[Match, ...] = ()
    uncertain: bool = False
    warnings: tuple[str, ...] = ()  # possible but unusual: a very large amount
    # How the line became this item: one food ("matched"), one FNDDS mixed dish for a
    # combination ("dish"), one of the foods of a line split into parts ("split"; every part
    # shares the line's `input`), or a generic food for a chain or brand item ("approximation").
    how: How = "matched"
    note: str = ""  # what was done, in words: "split from 'toast with butter'"
    # parts of the line that matched no food, so are not counted ("home for 34 hr reset")
    left_out: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {
            "input": self.input,
            "how": self.how,
            "note": self.note,
            "food": {
                "id": self.food.id,
                "name": self.food.name,
                "source": SOURCES[self.food.source],
            },
            "grams": round(self.grams.grams, 1),
            "grams_basis": self.grams.basis,
            "estimate": self.grams.estimate,
            "uncertain": self.uncertain,
            "alternatives": [m.to_dict() for m in self.alternatives],
            "warnings": list(self.warnings),
            "nutrients": {k: _round(v) for k, v in self.nutrients.items()},
        }


@dataclass(frozen=True, slots=True)
class NutrientReport:
    """Items, their total, and per nutrient how many items had no USDA value."""

    items: tuple[Item, ...]
    total: dict[str, float]
    missing: dict[str, int]

    def to_dict(self) -> dict[str, object]:
        return {
            "items": [item.to_dict() for item in self.items],
            "total": {k: _round(v) for k, v in self.total.items()},
            "missing": self.missing,
        }


class NeedsDetailError(InputError):
    """A line that names no food ("leftovers", "dinner out"): it needs detail, never a guess."""

    code = "needs_detail"


class SupplementLineError(NeedsDetailError):
    """A line that names a supplement ("magnesium glycinate 400mg"): not food; a diary counts
    its dose with the supplements (`supplement`), never as a food of a similar name."""

    code = "supplement"

    def __init__(self, text: str, supplement: Supplement) -> None:
        self.supplement = supplement
        amounts = ", ".join(
            f"{amount:g} {_unit_of(key)} {key.rsplit('_', 1)[0].replace('_', ' ')}"
            for key, amount in supplement.nutrients.items()
        )
        if amounts:
            counted = f"{amounts} counted with the supplements"
        elif supplement.note:
            counted = f"nothing is counted for it ({supplement.note})"
        else:
            counted = "no dose is written, so nothing is counted for it"
        super().__init__(
            f"{quoted(text)} is a supplement ({supplement.label.lower()}), not food: {counted}"
        )


def _unit_of(key: str) -> str:
    return "µg" if key.endswith("_ug") else "mg"


@dataclass(frozen=True, slots=True)
class Line:
    """What one line became: its items (several when it was split into its foods)."""

    input: str
    items: tuple[Item, ...]

    @property
    def how(self) -> How:
        return self.items[0].how

    def to_dict(self) -> dict[str, object]:
        return {"input": self.input, "how": self.how, "items": [i.to_dict() for i in self.items]}


def resolve(phrase: str, region: str | None = None) -> Item:
    """Resolve one phrase such as "a medium banana" into food, grams and nutrients.

    A combination is one item when one food fits it whole ("tea with milk"); when it splits
    into several foods, this is the first (the head food) and `resolve_line` gives them all.
    `region` ("uk", "us", or None for USDA's US measures) sizes pints and fluid ounces.
    The phrase is read as data (`text.user_text`: bounded, invisible characters dropped,
    look-alike letters refused); every refusal is an `InputError` naming what would do, a
    line that names no food a `NeedsDetailError`.
    """
    return resolve_line(phrase, region).items[0]


def resolve_line(phrase: str, region: str | None = None) -> Line:
    """Every food of one diary line: one item, one dish, or the foods of a combination.

    "2 slices of toast with butter" is two items sharing the line as `input`: the toast with
    the amount written, the butter at its typical portion (an estimate). Rules and word lists:
    `dishes` and ``data/dishes.toml``; food-aware measures: ``data/units.toml`` [by_food].
    """
    if region is not None and region not in REGIONS:
        raise InputError(f"region {quoted(str(region), 20)} is not known; use 'uk' or 'us'")
    head, _, last = _aside_share(phrase).rpartition(",")
    share = _share_eaten(last) if head.strip() else None
    if share is not None:  # "fish supper from the chippy, only ate half": half of it all
        text = user_text(phrase, "food phrase", MAX_CHARS)
        line = Line(text, _eaten(text, _resolved(head, region).items, share, last))
    else:
        line = _resolved(phrase, region)
    return replace(line, items=tuple(_as_sold(item, region) for item in line.items))


def _as_sold(item: Item, region: str | None) -> Item:
    """`item` with the vitamin D its milk has where it was drunk: British milk is not
    fortified as USDA's is (dishes.toml [unfortified])."""
    other = dishes.unfortified(item.food.id, region)
    if other is None:
        return item
    per_100g = get_food(other).nutrients.get("vitamin_d_ug")
    grams = item.grams.grams
    nutrients = {
        **item.nutrients,
        "vitamin_d_ug": None if per_100g is None else per_100g * grams / 100,
    }
    said = f"vitamin D of unfortified milk ({other}): British milk is not fortified"
    return replace(item, nutrients=nutrients, note=f"{item.note}; {said}" if item.note else said)


def _resolved(phrase: str, region: str | None) -> Line:
    text = user_text(phrase, "food phrase", MAX_CHARS)
    if not text:
        raise InputError("empty food phrase; write something like '1 cup milk' or '2 eggs'")
    # "08:00 latte", "7:30am porridge": a time of day said first is not an amount (a diary
    # keeps it with the entry: `when.lead`); read alone, the phrase is the food after it
    text = take_time(text, region in DOTTED_TIME_REGIONS)[1] or text
    if dishes.is_reading(text):  # "fasting sugar 142": the meter's figure, not sugar eaten
        raise NeedsDetailError(
            f"{quoted(text)} is a blood sugar reading, not food: it is not counted (write "
            "what was eaten on its own line)"
        )
    if (
        dishes.may_be_supplement(text)
        and (taken := in_a_diary(dishes.without_reasons(text))) is not None
    ):
        raise SupplementLineError(text, taken)  # "vit d3 1000iu": not the food of "vitamin d milk"
    if dishes.medicines_only(text):  # "lasix and metoprolol": for the screening
        raise NeedsDetailError(
            f"{quoted(text)} names medicines, not food: it is not counted (give medicines "
            "and supplements in the screening answers, where their effects are weighed)"
        )
    if dishes.felt(text):  # "calf cramp at 2am": a symptom, for the journal
        raise NeedsDetailError(
            f"{quoted(text)} says how the body felt, not what was eaten: it is not counted as "
            "food (record it as an episode in the journal)"
        )
    # "kawa z mlekiem": coffee with milk; "sunday roast (chicken, potatoes, gravy)": the foods
    # listed; "ate 2 eggs": the eggs
    said = dishes.without_doing(dishes.made_of_listed(dishes.listed(in_english(text))))
    said = dishes.milk_first(dishes.mixed_in(said))  # "latte w oat milk": an oat milk latte
    said = amount_first(said)  # "Potato, medium, baked": the table's amount, inside the name
    quantity = _parsed(said, region)
    if quantity.pinned_id:
        food = get_food(quantity.pinned_id)
        return Line(text, (_item(text, food, grams_for(food, quantity), (), False),))
    if (not quantity.food and not dishes.needs_detail(text)) or dishes.only_amount(said):
        # "2 cans", "1 slice": a measure alone ("2 cans" had found a cheese spread's can)
        raise InputError(f"{quoted(text)} has an amount but no food; e.g. '2 eggs'")
    detail = dishes.needs_detail(quantity.food)
    plain = said
    if not detail:
        # "leftover pizza x2 slices", "2 cookies at church": where and when are not the food
        plain = dishes.without_context(said)
        before = quantity.food
        if plain != said:
            quantity = _parsed(plain, region)
        quantity = _fed(quantity, dishes.without_context(quantity.food))
        detail = quantity.food != before and dishes.needs_detail(quantity.food)
    if only_a_chain(quantity.food) and brands.approximate_for(quantity.food) is None:
        # "subway", "kfc": where, not what (a chain known for one item, "costa", is that item)
        raise NeedsDetailError(
            f"{quoted(text)} names a restaurant, not what was eaten there; write the food "
            "(e.g. 'subway 6 inch turkey sub'), it is not guessed"
        )
    if not quantity.food or detail:
        raise NeedsDetailError(
            f"{quoted(text)} names no food; write what was eaten (e.g. '1 bowl of vegetable "
            "soup'), it is not guessed"
        )
    quantity = _last_parts_amount(quantity, plain)
    drink = dishes.drink(quantity.food)
    if drink is not None:
        return Line(text, _drink(text, quantity, drink))
    quantity = _fed(quantity, dishes.hot_drink(quantity.food))  # "tea milk 2 sugars"
    quantity = _fed(quantity, dishes.unfolded(quantity.food))  # "buttered toast"
    quantity = _fed(quantity, dishes.topped_salad(quantity.food))  # "salad w/ grilled chicken"
    served, serving = dishes.served(quantity.food)  # "chicken and rice bowl": a bowl of them
    kind = units().kind(serving) if serving is not None else None
    if kind is not None and quantity.amount is None:
        quantity = replace(quantity, amount=1.0, unit=serving, kind=kind, implied=True, food=served)
    recipe = dishes.recipe(quantity.food)  # "full english", "pb&j", "salmon poke bowl"
    if recipe is not None and recipe.food is not None:
        return Line(text, (_world_dish(text, quantity, recipe),))  # "çay x2": black tea
    if recipe is not None and recipe.alias is not None:
        # USDA's words for one dish ("pasta with tomato-based sauce and cheese"): never split
        aliased = replace(quantity, food=recipe.alias_for())
        item = _single(text, aliased)  # "dal chawal": the dish weighs its dal and its rice
        item = _as_its_parts(text, quantity, item, recipe.served_parts(), True)
        return Line(text, (_stand_in(item, recipe),))
    if recipe is not None:
        return Line(text, _recipe(text, quantity, recipe))
    meal = _meal(text, quantity)  # "big mac meal": the item, fries and a drink
    if meal:
        return Line(text, meal)
    if quantity.kind == "count" and dishes.joined_after(plain, quantity.unit or ""):
        # "2 eggs with toast", "eggs, bacon": the count word was a food, not the rest's measure
        quantity = replace(
            quantity,
            amount=None if quantity.implied else quantity.amount,
            unit=None,
            kind=None,
            implied=False,
            food=after_amount(plain),  # the words read, not the line: "full english: 2 eggs, ..."
        )
    made = _made_with(text, quantity)  # "porridge made with semi-skimmed milk": one food
    if made is not None:
        return Line(text, (made,))
    named = named_dishes.dish_of(quantity.food)  # "chickpea and spinach curry": one curry
    if named is not None:
        with contextlib.suppress(PortionError):  # an amount the dish cannot take: read on
            return Line(text, (_named_dish(text, quantity, named),))
    beside = _named_dish_beside(text, quantity)  # "chickpea and spinach curry w rice"
    if beside:
        return Line(text, beside)
    split = dishes.split(quantity.food)
    own_dish = _named_whole(text, quantity, split)
    if own_dish is not None:  # "shrimp and vegetables excluding carrots": FNDDS's dish so named
        return Line(text, (own_dish,))
    # "cheese & pickle sarnie": USDA has no such food ("turkey sandwich on wheat w/ lettuce"
    # is several parts, for the combination's rules)
    sandwich = _sandwich(text, quantity) if len(split) == 1 else ()
    if sandwich:
        return Line(text, sandwich)
    dish = dishes.listed_dish(text)  # a dish named before its listed parts guides them
    parts = split[0::2]
    filled = [dishes.filling(p, split) for p in parts]
    senses = [dishes.companion(p, parts) for p in filled]
    # the senses that hold inside a dish's name too: none to look for when no sense applied
    in_dish = (
        senses
        if senses == filled
        else [dishes.companion(p, parts, naming_dish=True) for p in filled]
    )
    pieces = _in_usda_words(split, senses, dish, region)
    if len(pieces) == 1:
        return Line(
            text, _with_milk(text, quantity, _single(text, _fed(quantity, dishes.plain(pieces[0]))))
        )
    whole = pieces if in_dish == senses else _in_usda_words(split, in_dish, dish, region)
    kinds = _in_usda_words(split, in_dish, dish, region, naming_dish=True)
    return Line(text, _combination(text, quantity, pieces, (whole, kinds)))


def _named_dish(text: str, quantity: Quantity, named: named_dishes.Named) -> Item:
    """The dish a line names by its ingredients, with the amount written (else its typical
    portion); uncertain when USDA's name leaves out an ingredient named or adds one."""
    food = food_at(named.match.rowid)
    item = _item(text, food, grams_for(food, quantity), (), bool(named.missing) or named.adds)
    item = _as_its_parts(text, quantity, item, named.parts, True)  # "rice and fish curry"
    note = f"one dish: {food.name}"
    if named.missing:
        note += f", the {named.noun} nearest (USDA names no {' or '.join(named.missing)} in it)"
    elif named.adds:
        note += f", the {named.noun} nearest (it holds more than was written)"
    return replace(item, how="dish", note=note)


def _named_dish_beside(text: str, quantity: Quantity) -> tuple[Item, ...]:
    """A dish named by several ingredients, then what it was eaten with: "chickpea and
    spinach curry w rice" is the curry (with the amount written) and the rice, not chickpeas,
    spinach and rice; () where the words before "with" name no such dish."""
    joined = _WITH.search(quantity.food)
    if joined is None or not quantity.food[joined.end() :].strip():
        return ()
    head, rest = quantity.food[: joined.start()], quantity.food[joined.end() :]
    named = named_dishes.dish_of(head)
    if named is None or len(named.parts) < 2:
        return ()  # "tofu stir fry with broccoli": one food's dish, read as it was
    try:
        dish = _named_dish(text, replace(quantity, food=head.strip()), named)
        beside = resolve_line(rest, quantity.region).items
    except InputError:
        return ()
    return (dish, *(replace(item, how="split") for item in beside))


_WITH = re.compile(r"\s+(?:with|w/|w)\s+", re.IGNORECASE)  # the first "with" of a line


def _sandwich(text: str, quantity: Quantity) -> tuple[Item, ...]:
    """A sandwich by its fillings that no USDA food surely fits ("cheese & pickle sarnie x2",
    "bacon & egg bap"): each filling and its bread (`dishes.sandwich`), as many times as
    written; () where USDA's food fits, an amount is weighed, or the line is no such one."""
    found = dishes.sandwich(quantity.food)
    if found is None or quantity.unit is not None:
        return ()
    fillings, bread, written = found
    with contextlib.suppress(InputError):
        whole = _single(text, quantity)
        if not whole.uncertain or _sandwich_of(whole.food.name, fillings):
            return ()  # "ham sandwich", "egg salad sandwich from the deli": USDA's own
    try:
        items = resolve_line(fillings, quantity.region).items
        if len(items) > 1 or not _sandwich_of(items[0].food.name):
            items = resolve_line(f"{fillings} {bread}", quantity.region).items
    except InputError:  # ("pb&j" is a sandwich already)
        return ()
    if len(items) > 1 and any(_sandwich_of(item.food.name) for item in items):
        return ()  # a filling found as a sandwich already holds its bread
    times = 1.0 if quantity.amount is None else quantity.amount
    if len(items) == 1:  # "pb&j sandwich": the fillings name USDA's sandwich
        return (_times(text, items[0], times, items[0].how, items[0].note),)
    note = f"no USDA food for {quoted(quantity.food, 40)}: its fillings {bread}"
    made = [_times(text, item, times, "split", note) for item in items]
    if not written:  # the bread's kind is a guess
        made[-1] = replace(made[-1], uncertain=True, note=f"{note} (bread not named)")
    return tuple(made)


def _sandwich_of(name: str, fillings: str = "") -> bool:
    """Whether the USDA food `name` is a sandwich naming each of `fillings` (if any) by its
    head word, the last, where it names the sandwich ("Cheese sandwich" names pimento cheese;
    not cheese & pickle, and "grilled chicken, bacon and tomato club sandwich, with cheese"
    is no cheese and tomato sandwich)."""
    held = {singular(t) for t in terms(name)}
    heads = [said[-1] for said in map(terms, dishes.parts(fillings)) if said]
    if "sandwich" not in held:
        return False
    named = next(s for s in name.split(",") if "sandwich" in map(singular, terms(s)))
    return all(singular(t) in {singular(w) for w in terms(named)} for t in heads)


def _times(text: str, item: Item, times: float, how: How, note: str) -> Item:
    """`item` of a line `times` over (two sandwiches: each of their parts twice)."""
    grams = item.grams
    if times != 1.0:
        grams = Grams(grams.grams * times, f"{times:g} x {grams.basis}", estimate=grams.estimate)
    made = _item(text, item.food, grams, item.alternatives, item.uncertain)
    return replace(made, how=how, note=note, left_out=item.left_out)


def _in_usda_words(
    split: tuple[str, ...],
    parts: list[str],
    dish: dishes.Recipe | None,
    region: str | None,
    naming_dish: bool = False,
) -> tuple[str, ...]:
    """The line's `split` (parts and the words joining them) with each part, as its
    companions read it (`parts`), in USDA's words (`_words`), to name a dish or not."""
    return tuple(
        piece
        if i % 2
        else _words(parts[i // 2], split[i - 1] if i else "", dish, region, naming_dish)
        for i, piece in enumerate(split)
    )


def _last_parts_amount(quantity: Quantity, said: str) -> Quantity:
    """A line of several foods whose amount was read from before its last food ("garlic
    rice, longganisa, 1 egg": one egg, not one 'egg' of rice): the amount stays with that
    food and the line has none of its own, so each food takes its own amount. An amount
    written after the last food ("toast & nutella x2") is the whole line's, as it was."""
    if quantity.amount is None or quantity.implied:
        return quantity
    pieces = dishes.parts(" ".join(said.split()))
    if len(pieces) < 2 or _parsed(pieces[0], quantity.region).amount is not None:
        return quantity
    last = _parsed(pieces[-1], quantity.region)
    if last.amount != quantity.amount or last.unit not in (None, quantity.unit):
        return quantity  # ("2 eggs" alone is 2 of the food eggs; in the line, 2 'egg')
    if dishes.only_amount(pieces[-1]):
        return quantity  # "chuoi chien, 1 piece": the amount of the food before it
    if pieces[-1].strip().lower().startswith(last.food) and not _counted_after_drink(
        pieces, quantity
    ):
        return quantity  # "toast & nutella x2", "coffee w/ creamer 20oz": the whole line's
    food = dishes.without_context(" ".join(said.lower().split()))
    return replace(quantity, amount=None, unit=None, kind=None, approximate=False, food=food)


def _counted_after_drink(pieces: tuple[str, ...], quantity: Quantity) -> bool:
    """Whether a count written after the last food counts that food, not a drink the line
    starts with ("chah & pakore x4": four pakoras and a cup of tea, not four cups)."""
    if quantity.unit is not None:
        return False  # "coffee w/ creamer 20oz": the drink's measure
    drinks = units().drink_words | dishes.table().hot

    def drink(piece: str) -> bool:
        return not drinks.isdisjoint(terms(dishes.regional(piece, quantity.region)))

    return drink(pieces[0]) and not drink(pieces[-1])


def _world_dish(text: str, quantity: Quantity, recipe: dishes.Recipe) -> Item:
    """A dish named in its own language as the one USDA food world_dishes.toml gives it, by
    that food's own portions ("rakı 2 glasses"); a count of a measure it lacks is so many of
    its usual portion."""
    assert recipe.food is not None
    food = get_food(recipe.food)
    said = replace(quantity, food=food.name.lower())
    if recipe.each is not None and said.unit is None:  # "cay x2": two tulip glasses
        count = 1.0 if said.amount is None else said.amount
        grams = Grams(count * recipe.each, f"1 {recipe.name} = {recipe.each:g} g", estimate=True)
        return _stand_in(_item(text, food, checked(food, said, grams), (), False), recipe)
    try:
        grams = grams_for(food, said)
    except PortionError:
        if said.kind != "count":
            raise
        grams = replace(grams_for(food, replace(said, unit=None, kind=None)), estimate=True)
    return _stand_in(_item(text, food, grams, (), False), recipe)


def _stand_in(item: Item, recipe: dishes.Recipe) -> Item:
    """`item` for a world dish: an approximation shown as uncertain, with where it comes from."""
    if not recipe.world:
        return item
    if not recipe.approximate:
        return replace(item, note=f"{recipe.name}: {item.food.name} ({recipe.source})")
    note = f"{recipe.name} has no USDA food; {item.food.name} stands in ({recipe.source})"
    return replace(item, how="approximation", uncertain=True, note=note)


def _with_milk(text: str, quantity: Quantity, item: Item) -> tuple[Item, ...]:
    """`item`, and the milk a bowl of breakfast cereal is eaten with when the line names
    none ("bowl of coco pops"), at its usual amount on cereal, an estimate."""
    milk = dishes.cereal_milk(text, quantity.unit, item.food.name, item.food.group)
    if milk is None:
        return (item,)
    poured = _part(text, quantity, milk, False, None, f"{quantity.food} {item.food.name}")
    note = f"{poured.note}; no milk written, milk on cereal assumed"
    head = replace(
        item, how="split", note=f"part {quoted(quantity.food, 40)} of {quoted(text, 60)}"
    )
    return head, replace(poured, note=note)


@functools.lru_cache(maxsize=4096)
def _parsed(text: str, region: str | None) -> Quantity:
    """`parse_quantity` of `text`, for `region` (remembered: diaries repeat their foods); a
    number that begins a product's or the region's name is no amount ("7up", "single
    cream": not seven of "up", one "cream"), nor a measure word that begins a dish's or
    USDA's name of a food."""
    quantity = parse_quantity(text)
    if quantity.amount is not None and quantity.unit is None and _number_named(text, region):
        quantity = Quantity(None, None, None, " ".join(text.split()))
    elif quantity.implied and (
        (dishes.recipe(text) and not dishes.recipe(quantity.food)) or names_food(text)
    ):
        # "bun cha": no bun; "fruit salad", USDA's name: no fruit's worth of salad
        quantity = Quantity(None, None, None, " ".join(text.split()))
    elif quantity.amount is not None and quantity.unit is None:
        quantity = _named_unit(quantity, text)
    elif quantity.unit is not None and _unit_named(quantity):
        # "bar of dairy milk": the product "dairy milk bar", not the milk
        quantity = replace(quantity, food=f"{quantity.food} {quantity.unit}")
    return quantity if quantity.region == region else replace(quantity, region=region)


# Count words a product's name ends with that are also its measure: "a hershey bar" is one
# bar (FNDDS candy "pouch/regular size"), "2 fish fingers" two fingers
_NAMED_UNITS = frozenset({"bar", "slice", "stick", "square", "finger", "patty", "fillet"})


def _named_unit(quantity: Quantity, text: str) -> Quantity:
    """A count written before a food whose name ends the line with a count word, as so many
    of that measure: "a hershey bar" had been one white chocolate (its first food with an
    item of its own). A count written after the name ("pepperoni slices, 15ish") is left."""
    words = quantity.food.split()
    last = singular(words[-1].lower()) if words else ""
    if last not in _NAMED_UNITS or units().kind(last) != "count":
        return quantity
    if singular(text.split()[-1].lower().strip(".,!")) != last:
        return quantity
    return replace(quantity, unit=last, kind="count")


def _unit_named(quantity: Quantity) -> bool:
    """Whether a product is named only with its measure ("dairy milk bar"): the food words
    alone name no product, with the measure after them they do."""
    food = quantity.food
    if quantity.kind != "count" or not food or brands.approximate_for(food) is not None:
        return False  # "250 g ...": a weight is no product's measure
    return brands.approximate_for(f"{food} {quantity.unit}") is not None


def _number_named(text: str, region: str | None) -> bool:
    """Whether the number `text` starts with belongs to a name: a brand's or product's
    (brands.toml) or the region's word (dishes.toml [regional]) that the rest alone is not."""
    rest = parse_quantity(text).food
    if brands.approximate_for(text) is not None and brands.approximate_for(rest) is None:
        return True
    return dishes.regional(text, region) != text and dishes.regional(rest, region) == rest


def _fed(quantity: Quantity, food: str) -> Quantity:
    """`quantity` for the food words `food` (itself when they are its own: no copy)."""
    return quantity if quantity.food == food else replace(quantity, food=food)


def _words(
    part: str, join: str, dish: dishes.Recipe | None, region: str | None, naming_dish: bool = False
) -> str:
    """A part of a line in USDA's words: as a listed dish's own part, in the region's words,
    as a carrier ("on rye": rye bread), by the name FNDDS gives a dish (doner: gyro). Where
    the region's words only say which kind (British "cheese" is Cheddar), a dish's name
    need not: "baked potato with cheese" is FNDDS's "Potato, baked, ..., with cheese"."""
    # where, when and who made it, said inside one food of the line ("roll from the van + tea")
    part = dishes.without_context(dishes.without_maker(dishes.without_doing(part)))
    part = dishes.guided(part, dish)
    part = dishes.carried(part, join) if join else part  # before the region's words of it:
    # "on granary" is two slices of granary bread, which is British for multigrain bread
    kind_only = naming_dish and " ".join(terms(part)) in dishes.table().regional_kinds
    return dishes.named(first_choices(part if kind_only else dishes.regional(part, region)))


def _single(text: str, quantity: Quantity, prefer: str | None = None, guard: bool = False) -> Item:
    """One food, searched; a size word that is not a portion may be part of its name.
    `guard`: the food may not add a dish kind, sauce or grain its words do not name."""
    try:
        return _found(text, quantity, prefer, guard)
    except PortionError as error:
        if quantity.kind == "count" and not quantity.implied and prefer is None:
            try:
                return _servings(text, quantity, guard)  # "2 scoop rice"
            except PortionError:
                raise error from None
        if not (quantity.implied and quantity.kind == "count"):
            raise
    # "whole milk": a size word with no number, and the food has no such portion, so the
    # word is part of the food's name.
    named = f"{quantity.unit} {quantity.food}"
    return _found(
        text, replace(quantity, amount=None, unit=None, kind=None, food=named), guard=guard
    )


def _servings(text: str, quantity: Quantity, guard: bool) -> Item:
    """A count of a measure the food has no portion for ("2 scoop rice": USDA lists rice by
    the cup): so many of the food's usual portion, an estimate shown as uncertain, rather
    than a line refused for its measure. (A dish tried for a line is still refused: the
    line is then read by its parts.)"""
    item = _found(text, replace(quantity, unit=None, kind=None), guard=guard)
    basis = (
        f"{item.grams.basis}; no {quoted(str(quantity.unit), 20)} portion, each "
        "taken as one usual portion"
    )
    grams = replace(item.grams, basis=basis, estimate=True)
    return replace(item, grams=grams, uncertain=True)


def _combination(
    text: str,
    quantity: Quantity,
    pieces: tuple[str, ...],
    named: tuple[tuple[str, ...], tuple[str, ...]],
) -> tuple[Item, ...]:
    """A line of several foods: the longest run of parts from the left that one food fits
    whole (a dish) is one item, else each part is its own; the amount written goes to the
    first item, the others take their typical portion unless they carry their own amount.
    `named` is `pieces` with only the senses that also name a dish ("fish" beside chips is
    battered fish, but carrots beside a pie are carrots of the dish "carrot and swede pie"),
    then the same with a region's kind words left as written: British "cheese" fits a dish
    only where the dish is the whole line ("ham and cheese sandwiches"); a jacket potato
    "with cheese and beans" is topped with Cheddar, not FNDDS's cheese-sauce potato."""
    whole, kinds = named
    parts = pieces[0::2]
    if len(parts) > dishes.table().max_parts:
        raise InputError(
            f"{quoted(text, 60)} names more than {dishes.table().max_parts} foods; "
            "write one food per line"
        )
    items: list[Item] = []
    missed: list[tuple[str, UnknownFoodError | PortionError]] = []
    start = 0
    while start < len(parts):
        # The line's amount is its first part's, even when that part matched no food
        # ("3 pints Tribute, pork scratchings": not three pints of scratchings).
        first = start == 0
        own = _parsed(parts[start], quantity.region)
        found = dishes.recipe(parts[start] if first else own.food)
        if found is not None and found.food is not None:  # "simit w white cheese": a simit
            item = _world_dish(text, quantity if first else own, found)
            items.append(replace(item, how="split" if item.how != "approximation" else item.how))
            start += 1
            continue
        if found is not None and found.parts:  # "chicken kebab with chips": the kebab's parts
            items += _recipe(text, quantity if first else own, found)
            start += 1
            continue
        meal = _meal(text, _fed(quantity, parts[0]) if first else own)
        if meal:  # "big mac meal, diet coke": the meal, whose drink the one named replaces
            items += meal
            start += 1
            continue
        end, dish = start + 1, None
        for stop in range(len(parts), start + 1, -1):
            if dishes.kept_apart(parts[start], parts[start + 1 : stop]):
                continue  # "tea with milk": the tea and a splash, not FNDDS's milky chai
            if dishes.listed_apart(pieces[2 * start + 1 : 2 * stop - 1 : 2]):
                continue  # "roast chicken, roast potatoes, gravy": a plate listed, not a stew
            said = kinds if start == 0 and stop == len(parts) else whole
            words = "".join(said[2 * start : 2 * stop - 1])
            dish = _dish(words, parts[start:stop])
            if dish is not None:
                end = stop
                break
        if dish is not None:
            try:  # a dish that cannot take the amount written is not the dish meant
                item = _weighed_dish(text, quantity, dish, parts[start:end], first, parts[0])
            except PortionError:
                dish, end = None, start + 1
        words = dish.name if dish is not None else parts[start]
        joined_by = pieces[2 * start - 1].strip().lower() if start else ""
        start = end
        share = _share_eaten(words) if items else None
        if share is not None:  # "fish supper, only ate half": so much of what came before
            items = list(_eaten(text, items, share, words))
            continue
        if dishes.medicines_only(words):  # "toast and lasix": the medicine is no food
            missed.append((words, UnknownFoodError(words)))
            continue
        if _REMOVED.match(words) and len(parts) > 1:
            # "kale caesar, no chicken": what the food was without is no food; a burger's
            # bun left out is still in USDA's burger, so the burger counted is uncertain
            if items and dishes.bread_of(words, items[-1].food.name):
                note = f"USDA's {items[-1].food.name} holds its bread; {words.strip()} was written"
                items[-1] = replace(items[-1], uncertain=True, note=note)
            continue
        if items and dishes.adds_nothing(words, parts[0]):
            continue  # "coffee from the garage, black": how the drink was taken, no food
        if items and _counted(words, items):
            continue  # "burger in a bun" matched "Veggie burger, on bun": the bun is in it
        if items and joined_by in ("on", "in") and dishes.bread_of(words, items[-1].food.name):
            continue  # "subway footlong turkey on wheat": the sub's own bread, not more
        if items and joined_by in MADE_WITH and _made_of(words, items[0]):
            continue  # "Horlicks made with milk" matched "Milk, malted": the milk is in it
        if dish is None:
            # what a later part adds to: the first part as written and the food found for it
            head = f"{parts[0]} {items[0].food.name}" if items else parts[0]
            try:
                item = _part(text, quantity, words, first, None, head)
            except (UnknownFoodError, PortionError) as error:
                if isinstance(error, PortionError) and first:
                    raise  # the amount written does not fit the food the line starts with
                own_line = _own_line(text, words, quantity.region, first)
                if own_line:  # "bacon & egg bap, brew": the bap is a line's sandwich
                    items += own_line
                    continue
                # one part USDA has no food (or no such portion) for: the others are still
                # counted, this one is reported (a line of several foods is never lost for
                # one of them: "..., hog's pudding" had refused a whole full English)
                missed.append((words, error))
                continue
        items.append(item)
    return _counted_parts(_one_drink_a_meal(items), missed, text)


def _is_drink(item: Item) -> bool:
    # FNDDS codes 92-95: non-alcoholic and alcoholic drinks, water, formulated drinks
    return item.food.source == "fndds" and item.food.code[:2] in ("92", "93", "94", "95")


_SHARES = {
    "half": 0.5,
    "1/2": 0.5,
    "a half": 0.5,
    "a third": 1 / 3,
    "1/3": 1 / 3,
    "a quarter": 0.25,
    "1/4": 0.25,
    "two thirds": 2 / 3,
    "2/3": 2 / 3,
    "three quarters": 0.75,
    "3/4": 0.75,
}
_SHARE_EATEN = re.compile(
    r"^(?:(?:i|only|just)\s+)*(?:(?:ate|had|eaten|finished)\s+)?(?:about\s+)?"
    rf"({'|'.join(sorted(map(re.escape, _SHARES), key=len, reverse=True))})"
    r"(?:\s+(?:of\s+)?(?:it|them|that|the lot))?$"
)


def _eaten(text: str, items: Iterable[Item], share: float, remark: str) -> tuple[Item, ...]:
    """`items` of the line `text` scaled to the `share` a `remark` says was eaten."""
    notes = ("; ".join(filter(None, (i.note, remark.strip()))) for i in items)
    return tuple(_times(text, i, share, i.how, note) for i, note in zip(items, notes, strict=True))


_ASIDE = re.compile(r"(.*\S)\s*\(([^()]*)\)\s*")


_EATING = re.compile(r"\b(?:ate|had|eaten|finished|only|just)\b", re.IGNORECASE)


def _aside_share(phrase: str) -> str:
    """ "pizza (ate half)" -> "pizza, ate half": a share eaten said in a closing aside is
    said of the whole line, as after a comma; any other phrase as it is."""
    if not phrase.rstrip().endswith(")") or len(phrase) > MAX_CHARS:
        return phrase  # most lines: no closing aside, no pattern to try
    found = _ASIDE.fullmatch(phrase)
    if found is None:
        return phrase
    said = [p.strip() for p in found[2].split(",")]
    # said with eating ("ate 1/2"): "2 eggs (1/2)" may be a count's note, not a share
    shares = [p for p in said if _EATING.search(p) and _share_eaten(p) is not None]
    if len(shares) != 1:
        return phrase
    rest = ", ".join(p for p in said if p not in shares)
    return f"{found[1]} ({rest}), {shares[0]}" if rest else f"{found[1]}, {shares[0]}"


def _share_eaten(part: str) -> float | None:
    """The share of the foods before it that a remark says was eaten ("only ate half",
    "had a third of it"), or None."""
    said = " ".join(part.lower().split())
    found = _SHARE_EATEN.match(said) or _SHARE_EATEN.match(dishes.without_context(said))
    return _SHARES[found[1]] if found else None  # "ate half on shift": where is no share


def _one_drink_a_meal(items: list[Item]) -> list[Item]:
    """`items` without a chain meal's assumed drink where the line names its own ("meal,
    Pepsi Max"): the meal came with that one, not with both."""
    named = any(_is_drink(item) and not _of_meal(item) for item in items)
    return [item for item in items if not (named and _is_drink(item) and _of_meal(item))]


def _of_meal(item: Item) -> bool:
    """Whether `item` is one of a chain meal's assumed parts (`_meal`)."""
    return item.how == "approximation" and item.note.startswith(_MEAL_NOTE)


def _own_line(text: str, part: str, region: str | None, first: bool) -> tuple[Item, ...]:
    """The items of a part of `text` that no one food matched, read as a line of its own
    (its sandwich, dish or foods: "bacon & egg bap" of "bacon & egg bap, brew"); none when
    it is not one either. The first part keeps the line's amount written before it. A part
    read so is kept only when it holds a sandwich's bread or every food found is sure (or a
    chain's stand-in): a guess at words nothing matched is no better than reporting them."""
    at = text.lower().find(part.lower())
    if first and at >= 0:
        part = text[: at + len(part)]  # "2 bacon & egg baps" of "2 bacon & egg baps, tea"
    if " ".join(part.split()) == " ".join(text.split()):
        return ()
    try:
        found = _resolved(part, region).items  # the line's region's words come after
    except InputError:
        return ()
    unsure = [i for i in found if i.uncertain and i.how != "approximation"]
    if unsure and dishes.table().bread_holders.isdisjoint(terms(part)):
        return ()
    return tuple(
        replace(item, input=text, how="split" if item.how != "approximation" else item.how)
        for item in found
    )


def _as_its_parts(
    text: str, line: Quantity, dish: Item, parts: tuple[str, ...], first: bool
) -> Item:
    """One FNDDS dish that stands for a main and the staple it is served with ("chicken curry
    with rice"), with no amount written, weighs what those foods would weigh each alone (the
    curry's portion and the rice's), not FNDDS's one cup of the dish; any other as it is."""
    said = line.amount if first else _parsed(parts[0], line.region).amount
    if said is not None or not any(dishes.staple(p) for p in parts[1:]):
        return dish  # "porridge with milk", "potato with skin": made with it, not served
    try:
        alone = [
            _part(text, line, p, first and i == 0, None, parts[0]) for i, p in enumerate(parts)
        ]
    except InputError:
        return dish  # a part that is no food alone: the dish's own portion stands
    grams = sum(item.grams.grams for item in alone)
    if grams <= dish.grams.grams:
        return dish
    what = " + ".join(f"{item.food.name} {item.grams.grams:.0f} g" for item in alone)
    basis = f"no amount given: the portions of its parts ({what})"
    item = _item(
        text, dish.food, Grams(grams, basis, estimate=True), dish.alternatives, dish.uncertain
    )
    return replace(item, how=dish.how, note=dish.note)


def _counted_parts(
    items: list[Item], missed: list[tuple[str, UnknownFoodError | PortionError]], text: str
) -> tuple[Item, ...]:
    """The items of a combination, each naming the parts that matched no food when there
    were any (the diary reports them, and the line counts as uncertain); the first such
    error when no part matched, or none surely, beside one that matched nothing."""
    if not items and not missed:  # "no ham, no cheese": only what was left out
        raise NeedsDetailError(
            f"{quoted(text, 60)} names only what was left out, no food eaten; write what was "
            "eaten (e.g. 'salad, no croutons'), it is not guessed"
        )
    if not items or (missed and all(item.uncertain for item in items)):
        # nothing matched surely beside a part that matched nothing: a note ("slept 5 hrs,
        # on call"), not a meal; reported whole rather than guessed from its words
        raise missed[0][1]
    if missed:
        left_out = tuple(words for words, _ in missed)
        return tuple(replace(item, left_out=left_out) for item in items)
    if len(items) == 1:
        return (replace(items[0], how="dish", note=f"one dish: {items[0].food.name}"),)
    return tuple(items)


def _recipe(text: str, quantity: Quantity, recipe: dishes.Recipe) -> tuple[Item, ...]:
    """A dish USDA has no food for, as its usual parts (an amount such as "2 full englishes"
    multiplies them); a food named before the dish ("salmon poke bowl") replaces its main part.
    """
    times = quantity.amount if quantity.amount is not None and quantity.unit is None else 1.0
    items = []
    for i, part in enumerate(recipe.parts):
        grams = part.grams * times
        note = f"part of {quoted(recipe.name)} (its usual parts): {part.what}"
        if i == recipe.main and recipe.named:
            # in the region's words: "grilled chicken" is FNDDS's grilled without sauce
            words = dishes.plain(recipe.main_search.replace("{}", recipe.named))
            named = _single(text, Quantity(grams, "g", "mass", words, region=quantity.region))
            items.append(replace(named, how="split", note=f"{note}, as {recipe.named}"))
            continue
        food = get_food(part.food)
        basis = f"{part.what} = {grams:.0f} g, the usual part of {quoted(recipe.name)}"
        item = _item(text, food, Grams(grams, basis, estimate=True), (), recipe.approximate)
        if recipe.world:
            note += f" ({recipe.source})"
        items.append(replace(item, how="split", note=note))
    return tuple(items)


_MEAL_SIZES = ("small", "medium", "large")
_MEAL_NOTE = "a chain's"  # how `_meal` notes its parts


def _meal(text: str, quantity: Quantity) -> tuple[Item, ...]:
    """A chain's "X meal": the item with a medium fries and a medium soft drink (dishes.toml
    [meals]), all approximations; () when the words before "meal" are not a fast-food item."""
    found = dishes.meal_item(quantity.food)
    if found is None:
        return ()
    size = "medium"
    if quantity.unit in _MEAL_SIZES and quantity.amount == 1:
        # "zinger tower meal, large": a large meal is its large fries and drink
        size, quantity = quantity.unit, replace(quantity, amount=None, unit=None, kind=None)
    try:
        head = _single(text, replace(quantity, food=found[0]))
    except InputError:
        return ()
    if head.food.group not in dishes.table().meal_groups and head.how != "approximation":
        return ()
    # "2 big mac meals": two fries, two drinks; but "3 finger combo" is one meal of 3 fingers
    plural = found[1] not in dishes.table().meal_words
    counted = plural and quantity.amount is not None and quantity.unit is None
    times = quantity.amount if counted and quantity.amount else 1.0
    said = [side.replace("medium", size) for side in dishes.table().meal_sides]
    sides = [
        _single(text, _parsed(f"{times:g} × {side}" if times != 1 else side, quantity.region))
        for side in said
    ]
    note = f"{_MEAL_NOTE} {found[1]}: {found[0]}, {size} fries and a {size} soft drink"
    return tuple(replace(item, how="approximation", note=note) for item in (head, *sides))


def _searched(words: str) -> list[Match]:
    """The matches for `words`; for a food said to have no meat, only matches naming none,
    USDA's meatless form first, searched again as "... meatless" when none scores enough."""
    matches = dishes.meatless_first(words, search(words, limit=12), MIN_SCORE)
    again = dishes.meatless_query(words)
    if again is not None and not any(m.score >= MIN_SCORE for m in matches):
        found = dishes.meatless_first(words, search(again, limit=12), MIN_SCORE)
        # searched in other words than written: never a sure match ("tofu" is not in it)
        matches = [replace(m, score=min(m.score, SURE_SCORE - 0.01)) for m in found] or matches
    if not any(m.score >= MIN_SCORE for m in matches):
        # "leek and potato soup": the dish without one of its fillings, where a food's name
        # holds each word searched ("Soup, potato"), never a sure match
        tries = [(search(other, limit=12), other) for other in dishes.fewer_fillings(words)]
        named = [found for found, other in tries if found and _names_all(found[0].name, other)]
        best = max(named, key=lambda found: found[0].score, default=[])
        if best and best[0].score >= MIN_SCORE:
            matches = [replace(m, score=min(m.score, SURE_SCORE - 0.01)) for m in best]
    plain = dishes.without_fortifying(words)
    if plain is not None:
        matches = _fortified(matches, search(dishes.plain(plain), limit=12))
    if not any(m.score >= MIN_SCORE for m in matches):
        # a chain's item USDA does not list ("taco bell crunchy tacos"): its generic food
        generic = dishes.without_chain(words)
        if generic is not None:
            found = [
                replace(m, approximation=True, score=min(m.score, SURE_SCORE - 0.01))
                for m in search(generic, limit=12)
            ]  # its words searched without the chain: never a sure match
            matches = found if found and found[0].score >= CHAIN_GENERIC_SCORE else matches
    return matches


def _fortified(whole: list[Match], plain: list[Match]) -> list[Match]:
    """For a food said with what its maker added ("oat milk with added calcium"), the matches
    for the food's own words (`plain`: "oat milk") that the whole words also found, best for
    the whole first: the nutrients choose among the foods the food's words name, never another
    food that names them (soy milk); else the food's own best, never a sure match."""
    found = {m.id for m in plain if m.score >= MIN_SCORE}
    kept = [m for m in whole if m.id in found and m.score >= MIN_SCORE]
    if kept or not found:
        return kept or whole
    return [replace(m, score=min(m.score, SURE_SCORE - 0.01)) for m in plain]


def _names_all(name: str, words: str) -> bool:
    """Whether the food `name` holds every word of `words` (either number: "potatoes")."""
    return {singular(t) for t in terms(words)} <= {singular(t) for t in terms(name)}


def _made_with(text: str, quantity: Quantity) -> Item | None:
    """The one USDA food named for what it is made with, when the line says so ("porridge made
    with semi-skimmed milk": "Oatmeal, ..., made with milk"); None when USDA has no such food
    or the line says more than one food and what it was made with."""
    found = _MADE_WITH.split(quantity.food, maxsplit=1)
    if len(found) != 2 or len(dishes.split(found[0])) > 1 or len(dishes.split(found[1])) > 1:
        return None
    before, after = found
    made_of = terms(after)
    if not made_of:
        return None
    wanted = f"made with {made_of[-1]}"
    try:
        item = _single(text, _fed(quantity, f"{before.strip()} {wanted}"), guard=True)
    except InputError:
        return None
    return item if wanted in " ".join(terms(item.food.name)) else None


def _made_of(words: str, first: Item) -> bool:
    """Whether the first food of a line already holds what it was made with: the food the
    words end on ("semi-skimmed milk": milk) is in its USDA name ("Milk, malted")."""
    said = terms(words)
    return bool(said) and said[-1] in terms(first.food.name)


def _counted(words: str, items: list[Item]) -> bool:
    """Whether every word of a part is already in the name of a food found for the line; or,
    but how it was cooked, in what that food's name says it holds ("chili with beans", the
    beans British "baked beans": "Chili con carne with beans" holds them; "roast potatoes"
    beside "Potato, mashed" are more potatoes, the same food another way)."""
    said = set(terms(words))
    core = said - cooking_words()
    for item in items:
        name = set(terms(item.food.name))
        what = terms(item.food.name.split(",")[0].split(" with ")[0])  # "Chili con carne"
        if said <= name or (core and core <= name and core.isdisjoint(what)):
            return True
    return False


def _dish(words: str, parts: tuple[str, ...]) -> Match | None:
    """The food that fits `words` whole: among the best few scoring `dish_score`, the first
    whose name holds a word of every part (as typed or as searched: porridge -> oatmeal), a
    word of the first part in its first segment (what the dish is: "Gravy, chicken" is a
    gravy, not "roast chicken with gravy") and no kind of dish or ingredient the line does
    not name ("Egg burrito, with bacon" for "eggs, bacon")."""
    rules = dishes.table()
    words = _SHORT_WITH.sub(" with ", words)  # "soup w/ noodles": as USDA writes "with"
    said = dishes.said_words(words)
    wanted = [set(terms(part)) | set(query_terms(part)) for part in parts]
    own = terms(words) if names_dish(words) else None
    for best in search(words, limit=DISH_CANDIDATES):
        named = terms(best.name.split(",")[0])  # what the dish is: "Gravy, chicken" is gravy
        if named == own and best.source == "fndds":
            # FNDDS's dish named word for word is that dish, whatever else its name says
            # (SR28's same words name a product: "Pasta with tomato sauce, no meat, canned")
            return Match(best.rowid, best.id, words, best.group, best.source, best.score)
        if best.score < rules.dish_score:
            break
        name = set(terms(best.name))
        head = set(named)
        if (
            not dishes.adds(best.name, said)
            and all(w & name for w in wanted)
            and wanted[0] & head
            and not _modified(named, parts)
            and not _flavoured(best.name, parts)
        ):
            return Match(best.rowid, best.id, words, best.group, best.source, best.score)
    return None


def _named_whole(text: str, quantity: Quantity, split: tuple[str, ...]) -> Item | None:
    """The FNDDS dish a line of several foods names word for word, as its own words before
    any is read as a part ("shrimp and vegetables excluding carrots" is FNDDS's dish, not
    shrimp and a salad), weighed as `_combination` weighs a dish; else None."""
    parts = split[0::2]
    if len(parts) < 2 or not names_dish(quantity.food):
        return None
    dish = _dish(quantity.food, parts)
    if dish is None or dish.source != "fndds":
        return None
    try:
        item = _weighed_dish(text, quantity, dish, parts, True, parts[0])
    except PortionError:
        return None  # an amount the dish cannot take: read as parts
    return replace(item, how="dish", note=f"one dish: {dish.name}")


def _weighed_dish(
    text: str, quantity: Quantity, dish: Match, parts: tuple[str, ...], first: bool, head: str
) -> Item:
    """`dish` for `parts` of a line, at the amount written (`PortionError` when it cannot
    take it), or weighed as its parts where it stands for a main and its staple."""
    item = _part(text, quantity, dish.name, first, dish.id, head)
    return _as_its_parts(text, quantity, item, parts, first)


def _modified(head: list[str], parts: tuple[str, ...]) -> bool:
    """Whether a food's head is the line's last food qualified by the first, with nothing
    joining them: "Pancake syrup" for "pancakes & syrup", "Strawberry milk" for "strawberries
    and milk" name the syrup and the milk, not both foods ("Chicken leg, drumstick and thigh"
    for "chicken thigh and leg" holds the thigh)."""
    if len(parts) != 2 or not head or not _JOINING_WORDS.isdisjoint(head):
        return False
    first, last = terms(parts[0]), set(terms(parts[1]))
    return bool(first) and head[-1] in last and first[-1] in head[:-1]


def _flavoured(name: str, parts: tuple[str, ...]) -> bool:
    """Whether a food's name is the line's first food qualified by the last: the last one's
    words first come in a part after its head with nothing joining them ("Crackers, cheese,
    sandwich-type" is cheese crackers, not "crackers & cheese"; "Coffee, with milk" is both)."""
    if len(parts) != 2:
        return False
    head, *rest = (terms(segment) for segment in name.split(","))
    first, last = terms(parts[0]), set(terms(parts[1]))
    if not (first and last) or first[-1] not in head or last & set(head):
        return False
    if _HOLDING.intersection(head):
        return False  # "Soup, chicken noodle" holds the noodles of "chicken soup with noodles"
    naming = next((segment for segment in rest if last & set(segment)), None)
    return naming is not None and _JOINING_WORDS.isdisjoint(naming)


_SHORT_WITH = re.compile(r"(?<!\S)w/?(?!\S)", re.IGNORECASE)
_JOINING_WORDS = frozenset({"and", "with", "without", "no", "or", "in", "on", "of", "from"})
_HOLDING = frozenset({"soup", "stew", "casserole", "chowder", "curry"})  # made of what they name


def _part(
    text: str, line: Quantity, words: str, first: bool, prefer: str | None, head: str = ""
) -> Item:
    """One food of a combination: the line's amount if it comes first, else its own amount
    ("with 2 tbsp peanut butter"), else the usual amount of what it adds to the line's first
    part `head` ("milk" in tea is a splash, `dishes.addition`), else its typical portion;
    amounts not written are marked as estimates."""
    added: dishes.Addition | None = None
    words = words if prefer is not None else dishes.plain(words)  # "chicken": FNDDS's NS code
    if first:
        quantity = _fed(line, words)
        own = _parsed(words, line.region)
        if line.amount is None and own.amount is not None and own.food:
            quantity = own  # "oatmeal 1/2 cup w/ splenda": the amount written after the food
    else:
        words = dishes.without_added_said(words)  # "porridge with added sugar": sugar
        own = _parsed(words, line.region)
        quantity = own if own.food else _fed(own, words)
        added = dishes.addition(head, quantity.food)
        if added is not None:
            quantity = _added(quantity, added)
    item = _single(text, quantity, prefer, guard=True)
    if not first and added is None and quantity.amount is None:
        # the food found may name the kind the words did not ("coffee mate" -> creamer)
        added = dishes.addition(head, quantity.food, item.food.name)
        if added is not None:
            item = _single(text, _added(quantity, added), item.food.id)
    dish = prefer is not None
    how: How = "split"  # one of several items; a line that is one dish is marked by the caller
    note = f"{'dish' if dish else 'part'} {quoted(words, 40)} of {quoted(text, 60)}"
    if added is not None and quantity.amount in (None, added.amount):
        note += f"; usual amount of {added.kind} assumed"
        item = replace(item, grams=replace(item.grams, estimate=True))
    elif not first and quantity.amount is None:
        note += "; typical portion assumed"
    return replace(item, how=how, note=note)


def _added(quantity: Quantity, rule: dishes.Addition) -> Quantity:
    """An added part's amount: the usual amount of its kind when none is written, or the
    kind's measure for a bare count ("2 sugars" = 2 teaspoons)."""
    food = quantity.food
    if rule.search is not None and dishes.only_kind_word(food, rule):
        food = rule.search
    if quantity.amount is None:
        return replace(
            quantity, amount=rule.amount, unit=rule.unit, kind=units().kind(rule.unit), food=food
        )
    if quantity.unit is None and rule.each is not None:
        return replace(quantity, unit=rule.each, kind=units().kind(rule.each), food=food)
    return replace(quantity, food=food)


def _drink(text: str, quantity: Quantity, drink: dishes.Drink) -> tuple[Item, ...]:
    """A coffee drink with its milk named ("oat milk latte"): the coffee and the milk, as
    shares of the drink's volume (the amount written, else the drink's usual size)."""
    ml = drink.ml
    if quantity.amount is not None:
        try:
            ml = measure(_reference(), replace(quantity, food="water")).grams
        except InputError:
            ml = drink.ml * (quantity.amount if quantity.unit is None else 1.0)
    shares = ((drink.base, drink.base_share), (drink.milk, 1.0 - drink.base_share))
    items = []
    for words, share in shares:
        part = Quantity(share * ml, "ml", "volume", words, region=quantity.region)
        item = _single(text, part)
        grams = replace(
            item.grams,
            estimate=True,
            basis=f"{item.grams.basis} ({share:.0%} of a {ml:.0f} ml {drink.kind})",
        )
        rescaled = _item(text, item.food, grams, item.alternatives, item.uncertain)
        note = f"{drink.kind} counted as coffee and {drink.milk}"
        items.append(replace(rescaled, how="split", note=note))
    return tuple(items)


@functools.cache
def _reference() -> Food:
    """Water, whose grams are its millilitres: to read a drink's volume ("a mug", "12 oz")."""
    best = search("water tap", limit=1)[0]
    return get_food(best.id)


def _found(text: str, quantity: Quantity, prefer: str | None = None, guard: bool = False) -> Item:
    """The item for `quantity`'s food words, searched. With `guard`, matches that add a
    kind of dish or an ingredient the words do not name ("spaghetti sauce with meat" ->
    "Pasta, whole grain, with cream sauce and meat") give way to the first that does not;
    when every match adds one, the best is kept but shown as uncertain."""
    matches = _tinned(quantity) or _searched(quantity.food)
    if prefer is not None:  # the dish `_dish` chose among the best few comes first
        matches.sort(key=lambda m: m.id != prefer)
    adding = False
    if guard and prefer is None and matches:
        said = dishes.said_words(quantity.food)
        plain = [m for m in matches if not dishes.adds(m.name, said, part=True, group=m.group)]
        adding = not plain or plain[0].score < MIN_SCORE
        matches = matches if adding else plain
    if not matches or matches[0].score < MIN_SCORE:
        raise UnknownFoodError(
            clip(quantity.food, 80),
            [m.name for m in matches[:5]] or _suggest(quantity.food),
        )
    best, food, grams = _fit(matches, quantity)
    grams = checked(food, quantity, grams)
    rest = [m for m in matches if m is not best]
    other_source = [m for m in rest if m.source != best.source][:1]
    alternatives = tuple(dict.fromkeys([*rest[: ALTERNATIVES - len(other_source)], *other_source]))
    far = best.score < matches[0].score - FIT_MARGIN  # chosen for its portion, not its name
    item = _item(text, food, grams, alternatives, best.score < SURE_SCORE or far or adding)
    if getattr(best, "approximation", False):  # a chain or brand item: the closest generic food
        return replace(item, how="approximation", note=f"closest generic food: {food.name}")
    return item


_TINS = frozenset({"can", "tin"})
_UNNAMED = frozenset({"nfs", "ns"})  # "Fish, tuna, NFS": the fish of no form named
# USDA's words for a food's canned form and its plain preparation ("Chickpeas, from canned,
# no added fat"; "Corn, ..., canned, drained solids"): a salt, sauce or syrup named is more
_CANNED_FORM = frozenset(
    {"canned", "from", "drained", "solid", "solids", "cooked", "nfs", "ns", "no", "added", "fat"}
)


def _tinned(quantity: Quantity) -> list[Match]:
    """A food measured by the can or tin is its canned form where USDA has one surely ("a tin
    of tuna": Fish, tuna, canned, not the fresh fish); [] otherwise (a can of cola)."""
    if quantity.unit not in _TINS or "canned" in terms(quantity.food):
        return []
    plain, found = _searched(quantity.food), _searched(f"{quantity.food} canned")
    if not (plain and found and found[0].score >= SURE_SCORE):
        return []
    # the same food, canned: nothing more than its form ("Soup, beef, canned" is no can of
    # soup, "Beans, baked, canned, no salt added" no tin of beans)
    extra = set(terms(found[0].name)) - (set(terms(plain[0].name)) - _UNNAMED)
    return found if "canned" in extra and extra <= _CANNED_FORM else []


def _fit(matches: list[Match], quantity: Quantity) -> tuple[Match, Food, Grams]:
    """The best match whose own portions fit the unit given.

    Among matches scoring within `FIT_MARGIN` of the best, one with a portion
    named as the person wrote ("1 egg", "1 medium") beats one that needs a
    generic size. If none of those has the unit at all ("1 can of tuna" when the
    best match has no can), matches within `WIDE_MARGIN` are tried too; the
    result is then shown as uncertain. If nothing fits, the best match's error is raised.
    """
    best = matches[0].score
    try:
        return _first_fitting([m for m in matches if m.score >= best - FIT_MARGIN][:4], quantity)
    except PortionError as error:
        wider = [m for m in matches if m.score >= best - WIDE_MARGIN][:8]
        try:
            return _first_fitting(wider, quantity)
        except PortionError:
            raise error from None


def _first_fitting(close: list[Match], quantity: Quantity) -> tuple[Match, Food, Grams]:
    fitted: list[tuple[Match, Food, Grams]] = []
    first_error: InputError | None = None
    for match in close:  # each food read only when the ones before it do not fit
        food = food_at(match.rowid)
        try:
            grams = measure(food, quantity)
        except PortionError as error:
            first_error = first_error or error
            continue
        if not grams.fallback:
            return match, food, grams
        fitted.append((match, food, grams))
    if fitted:
        return fitted[0]
    assert first_error is not None
    raise first_error


def _item(
    text: str, food: Food, grams: Grams, alternatives: tuple[Match, ...], uncertain: bool
) -> Item:
    scaled = {
        key: None if value is None else value * grams.grams / 100.0
        for key, value in food.nutrients.items()
    }
    return Item(text, food, grams, scaled, alternatives, uncertain, _warnings(food, grams, scaled))


def _warnings(food: Food, grams: Grams, scaled: Mapping[str, float | None]) -> tuple[str, ...]:
    """Refuse one item's energy if no portion could hold it; flag what is merely large.

    (The mass limit is `portions.grams_for`'s.) Figures and reasons: limits.toml [item].
    """
    energy = scaled.get("energy_kcal")
    if energy is not None and energy > MAX_KCAL:
        raise AmountError(
            f"{grams.grams:,.0f} g of {food.name!r} is {energy:,.0f} kcal, over the "
            f"{MAX_KCAL:,.0f} kcal that one item can hold; check the amount"
        )
    found = []
    if grams.grams > LARGE_GRAMS:
        found.append(
            f"{grams.grams:,.0f} g is a very large amount of one food (over "
            f"{LARGE_GRAMS:,.0f} g); check it is what was eaten"
        )
    if energy is not None and energy > LARGE_KCAL:
        found.append(
            f"{energy:,.0f} kcal is more than a day's energy in one item (over "
            f"{LARGE_KCAL:,.0f} kcal); check the amount"
        )
    return tuple(found)


def _suggest(words: str) -> list[str]:
    """Names close in spelling to `words`, for an error message.

    Only the first `phrase.suggest_chars` characters are compared, so the cost is the
    same for any input length.
    """
    from rapidfuzz import fuzz, process

    head = words[:SUGGEST_CHARS]
    found = process.extract(head, _heads(), scorer=fuzz.WRatio, limit=5, score_cutoff=60)
    return [str(name) for name, _, _ in found]


@functools.cache
def _heads() -> tuple[str, ...]:
    """The first part of every food name ("Milk", "Bread"), for suggestions."""
    from twitchcheck.foods.database import connect

    names = connect().execute("SELECT name FROM food")
    return tuple(sorted({name.split(",")[0] for (name,) in names}))


def nutrients(phrases: Iterable[str]) -> NutrientReport:
    """Resolve every phrase and total the nutrients; the first bad phrase raises.

    A phrase of several foods ("toast with butter") gives an item for each (`resolve_line`).

    At most `phrase.count` phrases are read; more is refused before any is resolved.
    """
    given = list(itertools.islice(phrases, MAX_PHRASES + 1))
    if len(given) > MAX_PHRASES:
        raise InputError(
            f"more than {MAX_PHRASES} food phrases at once; give at most {MAX_PHRASES}, or put "
            "a longer list in a diary file (twitchcheck diet analyze)"
        )
    items = tuple(item for p in given for item in resolve_line(p).items)
    if not items:
        raise InputError("no food phrases given; e.g. twitchcheck nutrients '1 cup milk'")
    return NutrientReport(items, *total(items))


class HasNutrients(Protocol):
    """Anything carrying nutrient amounts: an item, a diary entry."""

    @property
    def nutrients(self) -> Mapping[str, float | None]: ...


def total(items: Iterable[HasNutrients]) -> tuple[dict[str, float], dict[str, int]]:
    """Sum per nutrient over items, and how many items lacked each nutrient."""
    sums = dict.fromkeys(NUTRIENT_KEYS, 0.0)
    missing = dict.fromkeys(NUTRIENT_KEYS, 0)
    for item in items:
        for key in NUTRIENT_KEYS:
            value = item.nutrients.get(key)
            if value is None:
                missing[key] += 1
            else:
                sums[key] += value
    return sums, missing


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)
