"""Dishes, combinations and lines that name no food, read by general rules.

    split("toast with butter")          -> ("toast", " with ", "butter")
    split("beans on toast")             -> ("beans", " on ", "toast")
    split("macaroni and cheese")        -> ("macaroni and cheese",)
    needs_detail("leftovers")           -> True
    drink("oat milk latte")             -> Drink(base="coffee espresso", milk="oat milk", ...)

The word lists live in ``data/dishes.toml`` with their sources; `phrases` decides, for a
line that splits, whether one FNDDS mixed dish fits it whole or each part is matched alone.
This module only reads text: it knows no foods.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol, TypeVar

from twitchcheck._data import raw_data, reading
from twitchcheck.foods import brands
from twitchcheck.foods.qualifiers import in_usda_name, only_qualifies, restaurant, usda_word
from twitchcheck.foods.quantity import NUMBER_WORDS, parse_quantity, units
from twitchcheck.foods.search import cooking_words, known_word, names_food
from twitchcheck.text import fold, singular, terms


class _Named(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def group(self) -> str: ...
    @property
    def score(self) -> float: ...


M = TypeVar("M", bound=_Named)  # a search match: what `meatless_first` orders

JOIN_WORDS = frozenset({"with", "and", "w", "w/", "&", "plus", "+", ","})


@dataclass(frozen=True)
class _Table:
    dish_score: float
    dish_kinds: frozenset[str]
    added_words: frozenset[str]
    part_added: frozenset[str]
    plant_words: frozenset[str]
    max_parts: int
    added_said: frozenset[str]  # "added", "extra": a later part's words saying it was added
    regional_kinds: frozenset[str]  # region's words only saying which kind: "cheese"
    breads: frozenset[str]
    bread_holders: frozenset[str]
    loaves: frozenset[str]  # carriers that are a bread of their own: "bun", "wrap", "roll"
    wraps: dict[str, str]
    sandwich_slices: int
    sizes: frozenset[str]
    fillings: dict[str, str]
    serving: frozenset[str]
    joins: re.Pattern[str]
    whole_names: re.Pattern[str] | None
    phrases: frozenset[str]
    starts: tuple[str, ...]
    vague: frozenset[str]
    felt: frozenset[str]  # "cramp", "tingling": how the body felt, as search terms
    body: frozenset[str]  # "calf", "legs": where
    milk_words: frozenset[str]
    hot: frozenset[str]
    hot_added: frozenset[str]
    hot_nothing: frozenset[str]
    drinks: dict[str, dict[str, object]]
    regional: dict[str, dict[str, str]]
    plain: dict[str, str]
    additions: tuple[Addition, ...]
    leading: tuple[str, ...]  # context words before a food: "leftover", "post workout"
    prepositions: frozenset[str]
    fillers: frozenset[str]
    settings: frozenset[str]  # places and times, as search terms joined by spaces
    containers: frozenset[str]  # "tin", "jar": what a food came from that says what it is
    remarks: frozenset[str]  # "said", "told": an aside that reports what someone said
    measures: frozenset[str]  # "piece", "slice": a measure that names no food of its own
    hedges: frozenset[str]  # "just", "only": words before an amount that leave it as it is
    tallies: tuple[str, ...]  # " total", " altogether": after an amount summed over the day
    doing: tuple[str, ...]  # "drank ", "ate ": what was done with the food, before it
    asides: tuple[str, ...]  # " on the side", " on top": how it was served, after it
    recipes: dict[str, Recipe]  # by each of its names, as search terms joined by spaces
    meal_words: tuple[str, ...]
    meal_groups: frozenset[str]
    meal_sides: tuple[str, ...]
    bundles: frozenset[str]
    deals: tuple[str, ...]
    made_of: tuple[str, ...]  # "shake", "smoothie": named before the amounts they are made of
    # a word whose sense its companions settle: "chips" beside salsa are tortilla chips
    companions: dict[str, tuple[tuple[frozenset[str], str, bool], ...]]
    cereal_milk: dict[str, Any]  # when a bowl of cereal is eaten with milk not written
    added_by_word: dict[str, str]  # "buttered": the food a word before a food adds to it
    makers: tuple[str, ...]  # "packed", "made": who made a food is said with these words
    maker_words: frozenset[str]  # every word of `makers`: a line holding none names no maker
    meatless: dict[str, frozenset[str]]  # "said", "markers", "meat": a meatless food's words
    salads: Salads  # a green salad topped with a meat: FNDDS's garden salad of it
    staples: frozenset[str]  # "rice", "noodles": what a main is served with
    flavours: tuple[frozenset[str], frozenset[str], frozenset[str]]  # `_flavour_words`
    exclusion: tuple[re.Pattern[str], frozenset[str], frozenset[str]]  # `_exclusion_rule`
    reading: re.Pattern[str]  # a blood sugar reading written as a line: `_reading_rule`
    # "sarnie" -> "on white": a sandwich's word, as the carrier its fillings are read with
    sandwich_breads: dict[str, str]
    unfortified: dict[str, dict[str, str]]  # region -> milk's food id -> unfortified milk's


@dataclass(frozen=True, slots=True)
class Part:
    """One usual part of a dish that USDA has no food for."""

    food: str  # a food id: "fndds:31105005"
    grams: float
    what: str  # "1 fried egg"


@dataclass(frozen=True, slots=True)
class Recipe:
    """A dish name USDA does not use: another name to search (`alias`) or its usual parts."""

    name: str  # its first name in the table: "full english"
    alias: str | None = None  # words searched instead; "{}" stands for the words before it
    parts: tuple[Part, ...] = ()
    main: int | None = None  # the part the words before the name replace ("salmon poke bowl")
    main_search: str = "{}"
    named: str = ""  # the words written before the dish's name ("salmon")
    bare: bool = True  # False: the name alone ("kebab", no meat named) is not this dish
    alias_named: str | None = None  # the alias when words come before the name ("bhindi sabzi")
    served: tuple[str, ...] = ()  # a main and its staple the alias stands for: "dal", "rice"
    food: str | None = None  # the one USDA food the dish is (world_dishes.toml): "fndds:..."
    approximate: bool = False  # a stand-in, not the dish itself: shown as uncertain
    source: str = ""  # where the match or the stand-in comes from
    world: bool = False  # named in its own language: own-language words may follow its name
    each: float | None = None  # grams of one serving when none is measured ("a glass of çay")

    def served_parts(self) -> tuple[str, ...]:
        """The foods the dish stands for, the words before its name in place of "{}"."""
        found = (" ".join(p.replace("{}", self.named).split()) for p in self.served)
        return tuple(named(p) for p in found)  # "chicken stir fry": in USDA's words

    def alias_for(self) -> str:
        assert self.alias is not None
        # the words before the name in USDA's words where they have one ("bhindi": okra)
        words = " ".join(regional(w, None) for w in self.named.split())
        return " ".join(self.alias.replace("{}", words).split())


@dataclass(frozen=True, slots=True)
class Topping:
    """A meat or seafood on a green salad and FNDDS's garden salad of it."""

    meat: frozenset[str]  # as search terms joined by spaces: "chicken breast"
    kind: str | None  # a kind of salad the line must name ("caesar"), else None
    part: Part


@dataclass(frozen=True, slots=True)
class Salads:
    """How a salad topped with a meat is said (dishes.toml [salads])."""

    kinds: frozenset[str]
    marks: frozenset[str]
    joins: frozenset[str]
    toppings: tuple[Topping, ...]


@dataclass(frozen=True, slots=True)
class Addition:
    """How much of a food added to another ("milk" in tea) is meant when no amount is written."""

    kind: str  # "milk in a hot drink"
    words: tuple[str, ...]  # what the added part (or the food found for it) is called
    heads: tuple[str, ...]  # what the line's first part must hold; () for any
    amount: float
    unit: str  # a measure of units.toml: "tbsp", "cup"
    each: str | None = None  # what a bare count means: "2 sugars" is 2 teaspoons
    search: str | None = None  # the words searched when the part is only a kind word
    dish: bool = True  # False: the FNDDS dish named so is another drink ("Tea, hot, with milk")
    # False: only the words written make a part this kind, and only as the food they end on
    by_name: bool = True


@dataclass(frozen=True, slots=True)
class Drink:
    """A coffee or tea drink with the milk named before it ("oat milk latte")."""

    kind: str  # "latte"
    base: str  # what to search for the coffee: "coffee espresso"
    milk: str  # what to search for the milk: "oat milk"
    base_share: float  # of the drink's volume
    ml: float  # the drink's volume when no amount is written


@functools.cache
def table() -> _Table:
    """The word lists of ``data/dishes.toml``."""
    with reading("dishes.toml"):
        return _built(raw_data("dishes.toml"))


def _mark(join: str) -> str:
    """A join of marks as a pattern; one that starts with a letter ("w/") starts a word
    ("stew/soup" holds no "w/")."""
    return rf"(?<!\w){re.escape(join)}" if join[0].isalpha() else re.escape(join)


def _built(raw: Any) -> _Table:
    dish, detail, drinks, context = raw["dish"], raw["needs_detail"], raw["drinks"], raw["context"]
    carriers = "|".join(re.escape(c) for c in sorted(dish["carriers"], key=len, reverse=True))
    words = [re.escape(j) for j in dish["joins"] if j.isalpha()]
    marks = [
        r"(?<!\d),|,(?!\d)" if j == "," else _mark(j) for j in dish["joins"] if not j.isalpha()
    ]
    joins = re.compile(
        rf"\s*,\s*(?:{'|'.join(words)})\s+"  # ", and " (a list's last comma): one join
        rf"|\s+(?:{'|'.join(words)})\s+"  # " with ", " and "
        rf"|\s*(?:{'|'.join(marks)})\s*"  # ", ", " & ", "w/" (a comma between digits is a number)
        # " on toast", " on 2 toast", " on 2 slices of toast": the amount is the carrier's
        rf"|\s+(?:on|in)\s+(?:(?:a|an|some|my)\s+)?"
        rf"(?=(?:\d+\s+(?:(?:slices?|pieces?)\s+(?:of\s+)?)?)?(?:{carriers})s?\b)"
    )
    # a world dish's name with a join in it ("arroz con gandules") is one food, never split
    joined = set(dish["joins"])
    whole = [*dish["whole_names"], *(n for n in _world_names() if set(n.split()) & joined)]
    names = "|".join(re.escape(n) for n in sorted(whole, key=len, reverse=True))
    return _Table(
        float(dish["dish_score"]),
        frozenset(dish["dish_kinds"]),
        frozenset(dish["added_words"]),
        frozenset(dish["part_added"]),
        frozenset(w for p in dish["plant_words"] for w in terms(p)) - {"non", "dairy", "free"},
        int(dish["max_parts"]),
        frozenset(dish["added_said"]),
        frozenset(dish["regional_kinds"]),
        frozenset(dish["bread_words"]),
        frozenset(t for w in dish["bread_holders"] for t in terms(w)),
        frozenset(c for c in dish["carriers"] if " " not in c)
        - frozenset(dish["bread_words"])
        - {"lettuce"},
        dict(dish["wraps"]),
        int(dish["sandwich_slices"]),
        frozenset(" ".join(terms(w)) for w in dish["size_words"]),
        {" ".join(terms(k)): str(v) for k, v in raw["sandwich_fillings"].items()},
        frozenset(dish["serving_words"]),
        joins,
        re.compile(rf"\b(?:{names})\b") if names else None,
        frozenset(detail["phrases"]),
        tuple(detail["starts"]),
        frozenset(detail["vague_words"]),
        frozenset(t for w in detail.get("felt", ()) for t in terms(w)),
        frozenset(t for w in detail.get("body", ()) for t in terms(w)),
        frozenset(drinks["milk_words"]),
        frozenset(drinks["hot"]),
        frozenset(w for p in drinks["added"] for w in terms(p)),
        frozenset(drinks["nothing"]),
        drinks["kinds"],
        {region: dict(words) for region, words in raw.get("regional", {}).items()},
        {" ".join(terms(k)): str(v) for k, v in raw.get("plain", {}).items()},
        tuple(
            Addition(
                str(a["kind"]),
                tuple(_phrase(w) for w in a["words"]),
                tuple(_phrase(w) for w in a["with"]),
                float(a["amount"]),
                str(a["unit"]),
                a.get("each"),
                a.get("search"),
                bool(a.get("dish", True)),
                bool(a.get("by_name", True)),
            )
            for a in raw.get("additions", [])
        ),
        tuple(sorted((f"{w} " for w in context["leading"]), key=len, reverse=True)),
        frozenset(context["prepositions"]),
        frozenset(context["fillers"]),
        frozenset(" ".join(terms(w)) for w in [*context["places"], *context["times"]]),
        frozenset(context.get("containers", ())),
        frozenset(context.get("remarks", ())),
        frozenset(dish.get("measure_words", ())),
        frozenset(context.get("hedges", ())),
        tuple(sorted((f" {w}" for w in context.get("tallies", ())), key=len, reverse=True)),
        tuple(sorted((f"{w} " for w in context.get("doing", ())), key=len, reverse=True)),
        tuple(sorted((f" {w}" for w in context.get("asides", ())), key=len, reverse=True)),
        {
            **_world_recipes(),
            **{
                " ".join(terms(name)): _recipe(spec, str(spec["names"][0]))
                for spec in raw.get("recipes", {}).values()
                for name in spec["names"]
            },
        },
        tuple(sorted((" ".join(terms(w)) for w in raw["meals"]["words"]), key=len, reverse=True)),
        frozenset(raw["meals"]["groups"]),
        tuple(raw["meals"]["sides"]),
        frozenset(" ".join(terms(w)) for w in raw["meals"]["bundles"]),
        tuple(" ".join(terms(w)) for w in raw["meals"]["deals"]),
        tuple(sorted((w.lower() for w in dish["made_of"]), key=len, reverse=True)),
        _companions(raw.get("companions", {})),
        dict(raw.get("cereal_milk", {})),
        {str(k): str(v) for k, v in raw.get("added_by_word", {}).items()},
        tuple(str(w) for w in context.get("makers", ())),
        frozenset(w for maker in context.get("makers", ()) for w in str(maker).split()),
        {k: frozenset(" ".join(terms(w)) for w in v) for k, v in raw.get("meatless", {}).items()},
        _salads(raw["salads"]),
        frozenset(terms(" ".join(dish["staples"]))),
        _flavour_words(raw["flavours"]),
        _exclusion_rule(raw),
        _reading_rule(raw["readings"]),
        {fold(k): str(v) for k, v in raw["sandwich_breads"].items()},
        {r: {str(k): str(v) for k, v in ids.items()} for r, ids in raw["unfortified"].items()},
    )


def _reading_rule(raw: Any) -> re.Pattern[str]:
    """A line that is a blood sugar reading: its words (an optional when, then what was
    measured), the figure and, optionally, its unit and when ("fasting sugar 142", "sugar
    11.2 after dinner", "bs 140"). Groups: `word`, `figure`, `unit`."""
    when = "|".join(map(re.escape, sorted(raw["when"], key=len, reverse=True)))
    word = "|".join(map(re.escape, sorted(raw["words"], key=len, reverse=True)))
    unit = "|".join(map(re.escape, sorted(raw["units"], key=len, reverse=True)))
    return re.compile(
        rf"^(?:(?:{when})\s+)*(?P<word>{word})\s*(?:was|of|level|reading|:|=|-)?\s*"
        rf"(?P<figure>\d+(?:\.\d+)?)\s*(?P<unit>{unit})?(?:\s+(?:{when})\b.*|\s*)$"
    )


@functools.cache
def _medicines() -> frozenset[str]:
    """Every medicine name of the knowledge base (generic and brand), as search terms."""
    with reading("knowledge/medicines.yaml"):
        return frozenset(
            " ".join(terms(str(n["name"]))) for n in raw_data("knowledge/medicines.yaml")["names"]
        )


# pills and medicines not named ("my tablets", "took my meds"), as search terms (singular)
_PILLS = frozenset({"tab", "tablet", "pill", "cap", "capsule", "med", "medication", "medicine"})
# what else may stand beside a medicine's name on a diary line: a dose, how many, when
_DOSE_WORDS = _PILLS | {
    "mg", "mcg", "g", "ml", "iu", "unit", "am", "pm", "once", "twice", "daily", "morning",
    "night", "bd", "od", "tds", "took", "my", "a", "an", "the", "and", "with", "w", "plus",
    # when, by the meals ("omeprazole 20mg before brekkie", "2 rennie after tea")
    "before", "after", "at", "on", "bed", "bedtime", "breakfast", "brekkie", "lunch", "dinner",
    "supper", "tea", "teatime", "meal", "food", "evening", "empty", "stomach",
}  # fmt: skip
# what a pill not named is for ("my blood pressure tablet", "water pills"): with a pill word
_PILL_PURPOSES = frozenset({
    "blood", "pressure", "bp", "water", "thyroid", "heart", "diabetes", "diabetic",
    "cholesterol", "statin", "sleeping", "pain", "allergy", "hayfever", "acid", "reflux",
    "indigestion", "migraine", "anxiety", "antibiotic", "contraceptive", "iron",
})  # fmt: skip
_DOSE_FIGURE = re.compile(r"^(?:\d+(?:\.\d+)?(?:mg|mcg|g|ml|iu)?|x\d+|\d+x)$")


def medicines_only(text: str) -> bool:
    """Whether `text` names only medicines, with their doses ("lasix and metoprolol",
    "metformin 500mg x2"): a note for the screening, never a food guessed from a misspelt
    word ("lasix" is two letters from "lassi")."""
    said = terms(text)
    found = [t for t in said if t not in _DOSE_WORDS and not _DOSE_FIGURE.match(t)]
    pill = any(t in _PILLS for t in said)
    if not found or (pill and _PILL_PURPOSES.issuperset(found)):
        return pill  # "my tablets", "2 pills", "my blood pressure tablet": medicines not named
    names, i = _medicines(), 0
    while i < len(found):  # a name of up to three words: "milk of magnesia"
        size = next((n for n in (3, 2, 1) if " ".join(found[i : i + n]) in names), 0)
        if not size:
            return False
        i += size
    return True


@functools.cache
def _supplement_names() -> dict[str, tuple[tuple[tuple[str, ...], bool], ...]]:
    """Every supplement name (knowledge/supplements.yaml) as index tokens, by what begins it:
    its first word, or its first two where the first is a letter or a figure ("b complex",
    "5 htp"), which begin most lines ("5 g banana", "a banana"); each with whether it is also
    a food ("garlic"), a supplement only beside a dose form or a dose."""
    with reading("knowledge/supplements.yaml"):
        entries = raw_data("knowledge/supplements.yaml")["supplements"]
    names: dict[str, list[tuple[tuple[str, ...], bool]]] = {}
    for entry in entries:
        foods = {str(f) for f in entry.get("foods", ())}
        for name in map(str, entry["names"]):
            words = tuple(_WORD.findall(fold(name)))
            names.setdefault(_key(words), []).append((words, name in foods))
    return {key: tuple(found) for key, found in names.items()}


@functools.cache
def _dose_forms() -> frozenset[str]:
    """The words of a dose form that is not a household measure ("capsules", not "tsp"), as
    `knowledge.supplements` reads them (knowledge/wording.yaml)."""
    with reading("knowledge/wording.yaml"):
        wording = raw_data("knowledge/wording.yaml")
    measures = set(map(str, wording["measures"]))
    forms = (str(f) for f in wording["forms"] if str(f) not in measures)
    return frozenset(w for form in forms for w in _WORD.findall(fold(form)))


def _key(words: Sequence[str]) -> str:
    return " ".join(words[:2]) if _too_common(words[0]) and len(words) > 1 else words[0]


def _too_common(word: str) -> bool:
    return len(word) < 2 or word.isdigit()


_WORD = re.compile(r"[a-z0-9]+")


def may_be_supplement(text: str) -> bool:
    """Whether `text` holds a supplement's whole name ("vit d3 1000iu", "1 centrum", "b
    complex") or gives a dose ("magnesuim 250mg": a slip is read only with a dose): most
    lines are neither, and never load the vocabulary ("fish" is not "fish oil"; "garlic", a
    food, is a supplement only beside a dose form: "garlic capsules")."""
    folded = fold(text)
    if _DOSE.search(folded):
        return True
    words, names = _WORD.findall(folded), _supplement_names()
    formed = not _dose_forms().isdisjoint(words)
    for i, word in enumerate(words):
        key = " ".join(words[i : i + 2]) if _too_common(word) else word
        if any(tuple(words[i : i + len(name)]) == name and (formed or not food)
               for name, food in names.get(key, ())):  # fmt: skip
            return True
    return False


_DOSE = re.compile(r"\d\s*(?:mg|mcg|ug|iu)\b")


# A remark after a reading: "sugar 181 (ate too much last night)", "sugar 198 - too much pie"
_REMARK_AFTER = re.compile(r"\s*(?:\([^()]*\)|\s[-\u2013\u2014]\s.*)\s*$")


def is_reading(text: str) -> bool:
    """Whether `text` is a blood sugar reading, not sugar eaten: its word can only be a
    reading ("bs", "bm"), or says blood or fasting, or the figure is a reading's, not a
    count of spoonfuls: a decimal (mmol/L, "11.2") or 20 and above (mg/dL, "142")."""
    found = table().reading.match(" ".join(fold(_REMARK_AFTER.sub("", text)).split()))
    if found is None:
        return False
    if found["unit"] or found["word"] not in ("sugar", "sugars", "glucose"):
        return True
    figure = found["figure"]
    return "." in figure or float(figure) >= 20


@functools.cache
def _world() -> tuple[dict[str, Any], ...]:
    """The entries of ``data/world_dishes.toml``."""
    with reading("world_dishes.toml"):
        return tuple(raw_data("world_dishes.toml")["dish"])


def _world_names() -> list[str]:
    """Every world dish's name as written, lower-case with single spaces."""
    return [" ".join(fold(n).split()) for spec in _world() for n in spec["names"]]


@functools.cache
def world_names() -> re.Pattern[str] | None:
    """The world dishes' names of several words ("gulasz wieprzowy", "placki ziemniaczane"),
    as one pattern: a line in another language keeps them whole (`languages`)."""
    names = sorted({n for n in _world_names() if " " in n}, key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, names))})\b") if names else None


def _world_recipes() -> dict[str, Recipe]:
    """Each world dish by each of its names (diacritics folded), as a recipe."""
    found: dict[str, Recipe] = {}
    for spec in _world():
        recipe = replace(
            _recipe(spec, str(spec["names"][0])),
            food=None if spec.get("food") is None else str(spec["food"]),
            approximate=bool(spec.get("approximate", False)),
            source=str(spec["source"]),
            world=True,
            each=None if spec.get("each") is None else float(spec["each"]),
        )
        for name in spec["names"]:
            found[" ".join(terms(str(name)))] = recipe
    return found


def _salads(raw: Any) -> Salads:
    return Salads(
        frozenset(raw["kinds"]),
        frozenset(raw["marks"]),
        frozenset(raw["joins"]),
        tuple(
            Topping(
                frozenset(" ".join(terms(m)) for m in t["meat"]),
                t.get("kind"),
                Part(str(t["food"]), float(t["grams"]), str(t["what"])),
            )
            for t in raw["toppings"]
        ),
    )


def _recipe(spec: dict[str, object], name: str) -> Recipe:
    parts = spec.get("parts", [])
    assert isinstance(parts, list)
    main = spec.get("main")
    served = spec.get("served", [])
    assert isinstance(served, list)
    return Recipe(
        name,
        None if spec.get("as") is None else str(spec["as"]),
        tuple(Part(str(p["food"]), float(p["grams"]), str(p["what"])) for p in parts),
        None if main is None else int(str(main)),
        str(spec.get("main_search", "{}")),
        bare=bool(spec.get("bare", True)),
        alias_named=None if spec.get("as_named") is None else str(spec["as_named"]),
        served=tuple(str(w) for w in served),
    )


@functools.lru_cache(maxsize=8192)  # asked of a line, then of its food words (pure, frozen)
def recipe(text: str) -> Recipe | None:
    """The dish `text` names from the recipes table: its whole words ("full english", "pb&j")
    or a dish name with the food it is made of before it ("salmon poke bowl"); else None."""
    found = terms(text.replace("&", " and "))
    rules = table().recipes
    own_name = " ".join(found) in rules  # "sinigang na baboy" is a name of its own
    for end in range(len(found) - 1 if len(parts(text)) == 1 and not own_name else 0, 0, -1):
        # "pho bo tai nam", "sinigang na baboy": a world dish's name, then words of its own
        # language that say which kind: most in no USDA food name, no join ("pho with rice")
        spec = rules.get(" ".join(found[:end]))
        rest = found[end:]
        if spec is None or not spec.world or set(rest) & JOIN_WORDS:
            continue
        if 2 * sum(usda_word(w) for w in rest) < len(rest):
            return spec
    for start in range(len(found)):
        key = " ".join(found[start:])
        spec = rules.get(key) or rules.get(key.rstrip("s"))  # "2 pb&js"
        if spec is None:
            continue
        named = " ".join(found[:start])
        if len(split(named)) > 1 or named.split()[-1:] in (["and"], ["with"]):
            return None  # "chips and a chicken kebab": two foods, the kebab is one of them
        if len(parts(text)) > len(parts(key)):
            return None  # "toor dal, rice, bhindi sabzi": a list, the sabzi is one of them
        whole = rules.get(named)
        if whole is not None and whole.alias is not None and "{}" not in whole.alias:
            return whole  # "doner kebab wrap": a doner (a dish itself), served as a wrap
        if named and spec.alias_named is not None:
            return replace(spec, named=named, alias=spec.alias_named)  # "bhindi sabzi"
        slot = spec.main is not None or (spec.alias is not None and "{}" in spec.alias)
        if named and not slot:
            return None  # "veggie full english": words the dish has no place for
        if not named and (not spec.bare or (spec.alias is not None and "{}" in spec.alias)):
            return None  # a bare "stir fry" or "kebab" is searched as it is
        return replace(spec, named=named)
    return _salad(found)


def _salad(found: list[str]) -> Recipe | None:
    """FNDDS's garden salad for the words of a green salad with a meat or seafood named
    before it and how it was cooked or the salad's kind ("grilled chicken salad", "chicken
    caesar salad"); None for anything else ("chicken salad", "potato salad")."""
    rule = table().salads
    words = [w for w in found if not w.isdigit() and w not in NUMBER_WORDS]
    if len(words) < 3 or words[-1] not in ("salad", "salads") or not rule.marks & set(words):
        return None
    meat = " ".join(w for w in words[:-1] if w not in rule.kinds and w not in rule.marks)
    for topping in rule.toppings:
        if meat in topping.meat and (topping.kind is None or topping.kind in words):
            return Recipe(topping.part.what, parts=(topping.part,))
    return None


def topped_salad(text: str) -> str:
    """ "big salad w/ grilled chicken, ranch" -> "big grilled chicken garden salad, ranch": a
    salad of only its size and kind words topped with a meat named after it, in the order
    `recipe` reads as FNDDS's garden salad of that meat; any other text as it is."""
    rule = table().salads
    pieces = split(text)
    if len(pieces) < 3 or pieces[1].strip().lower() not in rule.joins:
        return text
    salad, meat = terms(pieces[0]), pieces[2].strip()
    if not salad or salad[-1] != "salad" or not set(salad[:-1]) <= rule.kinds:
        return text
    read = [*salad[:-1], *terms(meat), "garden", "salad"]
    if _salad(read) is None:
        return text  # "salad with feta": no meat on it
    return " ".join([*salad[:-1], meat, "garden salad"]) + "".join(pieces[3:])


def _listing(text: str) -> tuple[str, str] | None:
    """(what comes before, what is listed) of "X (a, b)", "X - a, b" or "X: a, b"; None
    otherwise (a clock time's colon, "08:00 latte", has no space after it)."""
    plain = " ".join(text.split())
    found = (
        re.fullmatch(r"(.*?\S)\s*\((.+)\)", plain)
        or re.fullmatch(r"(.*?\S)\s+[-\u2013\u2014]\s+(.+)", plain)
        or re.fullmatch(r"([^:]*?[^\s:]):\s+(.+)", plain)
    )
    if found is None:
        return None
    head, inner = found.group(1), found.group(2).strip()
    if not re.search(r"[^\W\d_]{2}", inner) or not _has_word(head):
        return None  # "milk - 2%", "eggs (2)": an amount or a mark, not foods
    return head, inner


def _measured_aside(text: str) -> str | None:
    """ "a handful of almonds (1 oz)" -> "1 oz almonds": an amount in parentheses is the
    measured one, and replaces any informal amount before the food; None otherwise."""
    found = re.fullmatch(r"(.*?\S)\s*\((.+)\)", " ".join(text.split()))
    if found is None:
        return None
    weighed = parse_quantity(found.group(2))
    before = parse_quantity(found.group(1))
    if weighed.amount is not None and before.kind in ("mass", "volume"):
        counted = {singular(t) for t in terms(weighed.food)}
        if counted <= {singular(t) for t in terms(before.food)}:
            return found.group(1)  # "Brazil nuts, 1 ounce (6-8 nuts)": the count restates it
    if weighed.food or weighed.amount is None or weighed.unit is None:
        return None
    food = before.food
    return f"{found.group(2).strip()} {food}" if food else None


def listed(text: str) -> str:
    """What to read of a line that lists its parts in parentheses or after a dash: the listed
    foods when there are several ("sunday roast (chicken, potatoes, gravy)" -> "chicken,
    potatoes, gravy"); one listed food qualifies the food before it ("canned soup (vegetable
    beef)" -> "canned vegetable beef soup", its amount in front: "pizza - 3 slices pepperoni"
    -> "3 slices pepperoni pizza"). Any other text as it is."""
    measured = _measured_aside(text)
    if measured is not None:
        return measured
    found = _listing(text)
    if found is None:
        return text
    head, inner = found
    colon = " ".join(text.split())[len(head) :].lstrip().startswith(":")
    if colon and len(parts(inner)) < 2 and not _is_setting(head.split()):
        return text  # "X: Y" lists foods, or a meal's one ("region: us" is neither)
    if _none_eaten(head):
        return text  # "skipped lunch - dentist": the line says no food was eaten
    bracketed = " ".join(text.split()).endswith(")")
    if bracketed and inner.split()[0].lower() in _PRONOUNS:
        return head  # "undhiyu & puri (she made mine w oil)": what someone did, no food
    inner = _without_remarks(inner, bracketed=bracketed)
    if not inner:
        return head  # "collards (dr said)", "apple (mum would be proud)": a remark, no food
    amount = _hedged_amount(inner)
    if amount is not None:
        # "..., collards (just a spoonful)": the last food's; "nuggets (like 3)": three
        return _before_last(head, amount)
    if _vague(inner) or all(_is_context(p) for p in parts(inner)):
        return head  # "sweet tea (just a little)", "jook (mom's, from the freezer)"
    listed_parts = parts(inner)
    if any(_is_context(p) for p in listed_parts):  # "jambalaya (my uncle's, pork)": whose
        inner = ", ".join(p.strip() for p in listed_parts if not _is_context(p))
    if len(parts(inner)) > 1 or _is_setting(head.split()):
        return inner  # "school lunch - pasta bake": the head says when or where, not what
    if _vague(head) or _names_no_food(head):
        return inner
    rest = parse_quantity(inner).food
    amount = (
        inner[: len(inner) - len(rest)].strip() if rest and inner.lower().endswith(rest) else ""
    )
    food, comma, measure = head.partition(",")
    if not (comma and only_amount(measure)):  # "chili, 2 bowls": the chili is qualified
        food, measure = head, ""
    if not food.split():
        return text  # ", 1 ounce (6 nuts)": no food before the brackets to qualify
    *before, noun = food.split()
    # the qualifier goes before the head noun, as in English ("canned vegetable beef soup")
    qualified = " ".join(w for w in (amount, *before, rest if amount else inner, noun) if w)
    return f"{qualified},{measure}" if measure else qualified


_PRONOUNS = frozenset({"i", "i'm", "i've", "he", "she", "they", "we", "you", "it", "it's"})


def _without_remarks(inner: str, bracketed: bool = False) -> str:
    """An aside without its parts that report what someone said or thought ("just a
    spoonful, dr said" -> "just a spoonful"), or who made the food ("Lorraine made a wee
    fry"): a part holding a word of saying, or opening with a maker, is a remark; so is a
    part in brackets of words mostly in no USDA food name ("mum would be proud", "baked
    Sunday", "goguma", the food's own name in another language)."""
    said = table().remarks
    pieces = split(inner)
    kept: list[str] = []
    for at in range(0, len(pieces), 2):
        part = pieces[at].strip()
        if set(terms(part)) & said or _made_by(part) or (bracketed and _mostly_unnamed(part)):
            continue
        kept += [pieces[at - 1], pieces[at]] if kept else [pieces[at]]
    return "".join(kept).strip()


def _mostly_unnamed(part: str) -> bool:
    """Whether at least half the words of `part` (its amount, fillers and hedges aside) are
    words search does not know, and it is no dish of the world dishes table ("mum would be
    proud", "doctor gave me a box"; not "tuna mayo", "plain", "just a spoonful")."""
    if _hedged_amount(part) is not None:
        return False  # "half a tin", "just a spoonful": an amount, for the food before it
    rules = table()
    said = terms(parse_quantity(part).food.replace("'", " "))
    words = [
        w
        for w in said
        if w not in rules.fillers
        and w != "s"
        and not w.isdigit()
        and w not in rules.prepositions
        and w not in rules.hedges
    ]
    unnamed = sum(not known_word(w) for w in words)
    return bool(words) and 2 * unnamed >= len(words) and recipe(part) is None


def _made_by(part: str) -> bool:
    """Whether `part` opens with who made or brought the food ("Lorraine made a wee fry")."""
    words = part.split()
    for maker in table().makers:
        said = maker.split()
        for at in (1, 2):
            if [w.lower() for w in words[at : at + len(said)]] == said:
                return _is_person(words[:at])
    return False


def _hedged_amount(text: str) -> str | None:
    """The amount `text` is, hedged or not ("just a spoonful" -> "a spoonful"); else None."""
    words = text.split()
    while words and words[0].lower() in table().hedges:
        words = words[1:]
    plain = " ".join(words)
    return plain if plain and only_amount(plain) else None


def _before_last(head: str, amount: str) -> str:
    """`amount` put before the last food of `head`: "chicken, collards" + "a spoonful" ->
    "chicken, a spoonful collards"."""
    pieces = split(head)
    return "".join(pieces[:-1]) + f"{amount} {pieces[-1].strip()}"


def listed_dish(text: str) -> Recipe | None:
    """The dish named before a list of its parts ("sunday roast at mums (chicken, gravy)"),
    when the recipes table has its parts; else None."""
    found_list = _listing(text)
    if found_list is None or len(parts(found_list[1])) < 2:
        return None
    found = recipe(without_context(found_list[0]))
    return found if found is not None and found.parts else None


def guided(part: str, dish: Recipe | None) -> str:
    """A listed part read as the dish's own part when all its words are in it ("chicken" of
    a sunday roast -> "roast chicken"), so many of it as written where the dish has one ("2
    eggs" of a fry-up -> "2 fried egg"); else as it is."""
    if dish is None:
        return part
    quantity = parse_quantity(part)
    counted = quantity.amount is not None and quantity.unit is None and quantity.food
    said = set(terms(quantity.food if counted else part))
    for usual in dish.parts if said else ():
        if not said <= set(terms(usual.what)):
            continue
        if not counted:
            return usual.what
        first, _, rest = usual.what.partition(" ")
        if first == "1" and rest:  # "1 fried egg": one of them, so many as written
            return f"{part[: len(part) - len(quantity.food)].strip()} {rest}"
        return part  # "3 bacon" of "2 rashers of bacon": counted by the food's own portions
    return part


def named(part: str) -> str:
    """A food part in USDA's words when the recipes table has it under another name ("doner
    kebab" -> "gyro sandwich", "tofu stir fry" -> "tofu and vegetables ..."), or in English
    order when written in Spanish ("tamales de puerco" -> "puerco tamales"), or as what it is
    made of when that follows with its amount ("shake 30g whey" -> "30g whey"); else as it is."""
    found = recipe(part)
    if found is not None and found.alias is not None:
        return found.alias_for()
    if found is not None and found.food is not None:
        return part  # "pan de agua": a world dish by its own name, in its own word order
    return _made_of(_english_order(part))


def made_of_listed(text: str) -> str:
    """A dish or drink named before a comma and the foods it is made of is those foods:
    "porridge, 100g oats w whole milk, banana" -> "100g oats w whole milk, banana" (its
    first food measured), "smoothie, banana, spinach, oat milk" -> "banana, spinach, oat
    milk" (a drink of several foods listed); "porridge, banana" keeps the porridge, the
    banana on it."""
    head, comma, rest = text.partition(",")
    word = " ".join(head.lower().split())
    if not comma or word not in table().made_of or not rest.strip():
        return text
    first = split(rest)[0]
    if only_amount(first):
        return text  # "protein shake, 1 scoop w water": the scoop is the shake's
    measured = parse_quantity(first)
    if (measured.amount is not None and measured.food) or (
        word in _MADE_DRINKS and len(parts(rest)) >= 2
    ):
        return rest.strip()
    return text


# The drinks of [dish] made_of: whatever is listed after them is what they were made of
_MADE_DRINKS = frozenset(
    {"smoothie", "shake", "protein shake", "protein smoothie", "post workout shake"}
)


def _made_of(part: str) -> str:
    """ "protein shake 30 g whey" -> "30 g whey": a drink or dish named before the measured
    food it was made of is that food (the rest of the line names the others)."""
    lowered = part.lower().strip()
    for word in table().made_of:
        if lowered.startswith(word + " "):
            rest = part.strip()[len(word) :].strip()
            quantity = parse_quantity(rest)
            if quantity.amount is not None and quantity.food:
                return rest
    return part


# Spanish names a food "X de Y" (X made of Y: "tortilla de harina", a flour tortilla), as the
# US diaries of Spanish speakers do; English puts Y first, as USDA's names do.
_SPANISH_OF = re.compile(r"(?P<head>[^\W\d][\w ]*?)\s+de\s+(?P<of>[^\W\d][\w ]*)", re.IGNORECASE)


def _english_order(part: str) -> str:
    """ "tamales de puerco" -> "puerco tamales"; a name USDA writes so ("caldo de res",
    "dulce de leche") or any other text as it is."""
    found = _SPANISH_OF.fullmatch(part.strip())
    if found is None or in_usda_name(part):
        return part
    return f"{found['of']} {found['head']}"


def meal_item(text: str) -> tuple[str, str] | None:
    """("big mac", "meal") for "big mac meal": an item and the word that makes it a chain's
    meal (the item, fries and a drink, `phrases` checks the item is fast food); else None."""
    plain = " ".join(text.lower().split())
    for word in table().meal_words:
        for said_word in (word, f"{word}s"):  # "2 big mac meals"
            if not plain.endswith(f" {said_word}"):
                continue
            item = plain[: -len(said_word) - 1].strip()
            said = " ".join(terms(plain))
            if item and said not in table().bundles and not said.endswith(table().deals):
                return item, said_word
    return None


def _phrase(text: str) -> str:
    """`text` as its search terms joined by spaces, padded, to find it as whole words."""
    return f" {' '.join(terms(text))} "


def without_added_said(part: str) -> str:
    """A later part without the words before it that only say it was added ("added sugar"
    -> "sugar", "extra cheese" -> "cheese"); the part as written when it is nothing else."""
    words = part.split()
    said = table().added_said
    i = 0
    while i < len(words) - 1 and words[i].lower() in said:
        i += 1
    return " ".join(words[i:]) if i else part


def addition(head: str, part: str, food_name: str = "") -> Addition | None:
    """The kind of addition `part` is to a line whose first part is `head` ("milk" added to
    "cup of tea"), looked up by the part's words or the name of the food found for it."""
    # "Chicken, grilled without sauce" adds no sauce: what a name says is not in it is left out
    written, named = _phrase(_unsaid(part)), _phrase(_unsaid(food_name))
    first = _phrase(head)
    for rule in table().additions:
        if rule.by_name:
            found = any(w in written + named for w in rule.words)
        else:  # the food the words end on: "steamed broccoli", not "vegetable curry"
            found = any(written.endswith(w) for w in rule.words)
        if found and (not rule.heads or any(h in first for h in rule.heads)):
            return rule
    return None


def _unsaid(text: str) -> str:
    """`text` without what it says is not in it: "grilled without sauce" -> "grilled"."""
    return re.sub(r"\b(?:without|no)\s+[^\s,]+", " ", text.lower())


def kept_apart(head: str, later: tuple[str, ...]) -> bool:
    """Whether every part after `head` is an addition that is counted on its own, never as
    one FNDDS dish with the head (milk in tea: FNDDS's "Tea, hot, with milk" is a chai)."""
    found = [addition(head, part) for part in later]
    return bool(found) and all(rule is not None and not rule.dish for rule in found)


def listed_apart(joins: tuple[str, ...]) -> bool:
    """Whether parts joined so are listed one by one, each its own food: a comma lists the
    foods of a plate ("roast chicken, roast potatoes, gravy"), where "with" and "and" may
    name one dish ("chicken and potatoes with gravy")."""
    return any(join.strip() == "," for join in joins)


def only_kind_word(part: str, rule: Addition) -> bool:
    """Whether `part` is nothing but one of `rule`'s words ("sugars", "syrup")."""
    return _phrase(part) in rule.words


@functools.lru_cache(maxsize=8192)  # a line is split whole, then again when written out
def split(text: str) -> tuple[str, ...]:
    """`text` cut at the words that join foods: parts and joins alternate, and joined
    back together they are `text` exactly (nothing lost, nothing added).

    A join inside a name that holds one ("macaroni and cheese") or one that would leave an
    empty part ("and chips", "toast with") is not a cut. What a food was eaten without,
    written after it with no join ("cobb salad no egg"), is a part of its own.
    """
    pieces: list[str] = []
    for i, piece in enumerate(_split_at_joins(text)):
        pieces += _excluded(piece) if i % 2 == 0 else [piece]
    return tuple(pieces)


def _flavour_words(raw: Any) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The flavours people write after a product, the words a flavour may carry after it
    ("one", "flavour"), and the kinds of product sold in flavours, all as search terms."""
    return (
        frozenset(" ".join(terms(w.replace("&", " and "))) for w in raw["words"]),
        frozenset(" ".join(terms(w)) for w in raw["after"]),
        frozenset(" ".join(terms(w)) for w in raw["kinds"]),
    )


def _flavour_span(text: str) -> list[tuple[int, int]]:
    """Where `text` ends with a flavour after a comma that is its product's ("Complan,
    chocolate", "Walkers, cheese & onion"): that span is never cut; else none."""
    product, comma, said = text.partition(",")
    if not comma or "," in said or not _has_word(product):
        return []  # a list's last food is a food: "oats, milk, whey, blueberries"
    flavours, after, kinds = table().flavours
    found = terms(said.replace("&", " and "))
    if found[-1:] and found[-1] in after:
        found = found[:-1]
    if " ".join(found) not in flavours:
        return []
    words = terms(product)
    generic = brands.approximate_for(product) or ""
    named = f" {' '.join(words)} {' '.join(terms(generic))} "
    if not any(f" {kind} " in named for kind in kinds):
        return []
    return [(len(product), len(text))]


def _exclusion_rule(raw: Any) -> tuple[re.Pattern[str], frozenset[str], frozenset[str]]:
    """The start of a trailing exclusion ("... no croutons"), its words that name a property
    of the food ("no added sugar"), and the phrases the tables name whole."""
    said = sorted(raw["exclusions"]["words"], key=len, reverse=True)
    start = re.compile(rf"(?<=\w)\s+(?=(?:{'|'.join(map(re.escape, said))})\s+[^\W\d_])", re.I)
    whole = frozenset(k for words in raw.get("regional", {}).values() for k in words)
    return start, frozenset(raw["exclusions"]["properties"]), whole


def _excluded(part: str) -> list[str]:
    """`part` as the food and what it was eaten without, when that is written after it
    with no join ("chicken caesar salad no croutons" -> "chicken caesar salad", " ",
    "no croutons"); as it is when the words name the food ("squash no added sugar")."""
    start, properties, whole = table().exclusion
    found = start.search(part)
    if found is None or " ".join(part.lower().split()) in whole:
        return [part]
    left_out = part[found.end() :].split()
    said = 2 if left_out[0].lower() == "hold" and left_out[1:2] == ["the"] else 1
    if left_out[said : said + 1] and fold(left_out[said]) in properties:
        return [part]
    return [part[: found.start()], found.group(), part[found.end() :]]


def unfortified(food_id: str, region: str | None) -> str | None:
    """The food whose vitamin D a milk `food_id` has in `region` where milk is not fortified
    as USDA's is ("uk": SR28's unfortified milk of its fat level); None elsewhere."""
    return table().unfortified.get(region or "", {}).get(food_id)


def bread_of(part: str, food_name: str) -> bool:
    """Whether `part` names a bread ("no bun", "on wheat" as "2 slices wheat bread") and
    `food_name` is a food USDA weighs with its bread ("Cheeseburger, NFS", "SUBWAY, turkey
    breast sub ..."): the part is that food's own bread, left out or written again."""
    rules = table()
    held = terms(food_name)
    return not rules.loaves.isdisjoint(terms(part)) and not rules.bread_holders.isdisjoint(held)


_INITIAL = re.compile(r"(?<![^\W\d_])[^\W\d_]$")  # one letter, no letter before it


def _initials(text: str, start: int, end: int) -> bool:
    """Whether the join at `text[start:end]` is an "&" written tight between a single letter
    and another ("M&M's", "A&W"): a brand's initials, not two foods."""
    if text[start:end] != "&" or end >= len(text) or not text[end].isalpha():
        return False
    return _INITIAL.search(text[:start]) is not None


def _split_at_joins(text: str) -> tuple[str, ...]:
    rules = table()
    joins = list(rules.joins.finditer(text))
    if not joins:
        return (text,)  # one food: no need to look for the names a join may not split
    keep = [m.span() for m in rules.whole_names.finditer(text)] if rules.whole_names else []
    keep += _flavour_span(text)
    keep += [m.span() for m in _FORTIFYING.finditer(text)]  # "soy milk with added calcium"
    pieces: list[str] = []
    start = 0
    for match in joins:
        if any(a <= match.start() and match.end() <= b for a, b in keep):
            continue
        part = text[start : match.start()]
        if not _has_word(part) or not _has_word(text[match.end() :]):
            continue
        if _initials(text, match.start(), match.end()):
            continue  # "m&ms", "a&w root beer": an ampersand between initials is a name
        if _holds_bread(part, match.group(0)):
            continue  # "turkey sandwich on rye": the bread the sandwich is made with
        if _filling(part, match.group(0), text[match.end() :]):
            continue  # "chicken & bacon sandwich": one sandwich of both
        following = text[match.end() :].split(",")[0]
        if " ".join(terms(following)) in rules.sizes:
            continue  # "chili, small": the size of the food before it
        if match.group(0).strip() == "," and only_qualifies(following, part):
            continue  # "almonds, dry roasted, 1 ounce": USDA's style, one food
        if _qualifiers_joined(part, match.group(0), following):
            continue  # "broccoli, chopped and cooked": two qualifiers of one food
        if _qualifying_with(part, match.group(0), following):
            continue  # "Oysters, eastern, cooked with moist heat": how, in USDA's style
        join = match.group(0)
        if join.strip().lower() in SPANISH_JOINS and _usda_phrase(part, join, following):
            continue  # "cafe con leche", "chili con carne": a name USDA writes so
        pieces += [part, match.group(0)]
        start = match.end()
    last = text[start:]
    words = last.split()
    if pieces and len(words) > 1 and words[-1].lower() in rules.wraps:
        # "hummus and falafel wrap": the wrap holds every part, it is a part of its own
        cut = len(last) - len(last.rstrip()) + len(words[-1])
        pieces += [last[:-cut].rstrip(), " ", last[-cut:].strip()]
        return tuple(pieces)
    pieces.append(last)
    return tuple(pieces)


# Spanish "with" and "and" ("chilaquiles con 2 huevos", "arroz y frijoles"), as joins.txt's
# English ones; a phrase USDA names with them ("cafe con leche") stays one food.
SPANISH_JOINS = frozenset({"con", "y"})


def _qualifiers_joined(part: str, join: str, following: str) -> bool:
    """Whether `join` ("and", "or") joins two qualifiers after a comma, in USDA's style
    ("Broccoli, chopped and cooked", "Soymilk, plain or vanilla", "Chicken breast, roasted,
    meat and skin"), not two foods."""
    head, comma, last = part.rpartition(",")
    return (
        join.strip().lower() in ("and", "or")
        and bool(comma)
        and only_qualifies(f"{last}{join}{following}", head)
    )


def _qualifying_with(part: str, join: str, following: str) -> bool:
    """Whether "with" inside a comma part of USDA's style joins what only qualifies the food
    ("Oysters, eastern, cooked with moist heat"), not a second food ("Rice, white, with
    chicken" is two)."""
    head, comma, last = part.rpartition(",")
    if join.strip().lower() not in ("with", "w/") or not comma:
        return False
    # "Sardines, canned in oil, drained solids with bone": USDA's words across the join
    return only_qualifies(following, head) or (
        only_qualifies(last, head) and in_usda_name(f"{last} {join.strip()} {following}")
    )


def without_fortifying(words: str) -> str | None:
    """`words` without what a maker added ("bran flakes with added iron" -> "bran flakes",
    "cereal fortified with iron and vitamin d" -> "cereal"), to search again when no food's
    name holds the nutrients; None where the words name no such addition."""
    plain = " ".join(_FORTIFYING.sub(" ", words).split())
    return plain if plain and plain != " ".join(words.split()) else None


# What a maker added to a food, in USDA's words ("soy milk with added calcium", "cereal
# fortified with iron and vitamin d"): one food, never a second one joined by "with"/"and".
_NUTRIENT = (
    r"(?:calcium|iron|minerals|nutrients|omega(?:[\s-]*3s?)?|folic\s+acid|folate|zinc|b12"
    r"|iodine|vitamins?(?:\s+[a-e]\d*\b)?(?:\s*(?:,|and|&)\s*[a-e]\d*\b)*)"
)
_FORTIFYING = re.compile(
    rf"(?:\bfortified\s+with|\s*\b(?:with|w/)\s+added)\s+{_NUTRIENT}"
    rf"(?:\s*(?:,|and|&)\s*{_NUTRIENT})*\b",
    re.I,
)


def _usda_phrase(part: str, join: str, following: str) -> bool:
    """Whether the last word before `join` and the first after it, joined so, are in a USDA
    name ("cafe con leche"): then the join is inside one food's name."""
    before, after = part.split()[-1:], following.split()[:1]
    return bool(before and after) and in_usda_name(f"{before[0]} {join.strip()} {after[0]}")


def _holds_bread(part: str, join: str) -> bool:
    """Whether `part` before an "on"/"in" carrier is already made with bread (a sandwich,
    a burger, a sub), so the carrier only says which bread."""
    words = terms(part)
    return (
        join.strip().lower().startswith(("on", "in"))
        and bool(words)
        and (words[-1] in table().bread_holders)
    )


def _filling(part: str, join: str, rest: str) -> bool:
    """Whether one food word joined by "and"/"&" to a sandwich named by its filling is a
    second filling of it ("chicken & bacon sandwich", "ham and cheese toastie"), not a food
    of its own: the sandwich comes next with no article or amount ("coffee and a bacon
    roll" is two foods), and the word is no bread, hot drink or dish ("salad and tomato
    soup" is two foods)."""
    # the dish ends where the next food is joined: "tomato and basil soup with a roll"
    rules = table()
    after = terms(rules.joins.split(rest, maxsplit=1)[0])
    said = terms(part)
    return (
        join.strip().lower() in ("and", "&")
        and len(said) == 1
        # a bread, a hot drink or a dish is eaten beside it: "toast and tomato soup"
        and said[0] not in rules.loaves | rules.hot | rules.dish_kinds
        and len(after) > 1
        and after[-1] in rules.bread_holders
        and parse_quantity(rest).amount is None
        and after[0] not in ("a", "an", "the", "some", "my")
    )


def fewer_fillings(words: str) -> list[str]:
    """Other searches for a dish named by two fillings that no food fits as written ("leek
    and potato soup", "chicken and bean burrito"): its words without the join, then the dish
    with each filling alone ("potato soup", "leek soup"); [] for any other words."""
    found = re.fullmatch(r"(.+?)\s+(?:and|&)\s+(.+)", " ".join(fold(words).split()))
    if found is None or not _filling(found.group(1), " and ", found.group(2)):
        return []
    first, rest = found.groups()
    *second, dish = rest.split()
    rules = table()
    if dish not in rules.dish_kinds or dish in rules.sandwich_breads:
        return []  # a sandwich by its fillings has its own rule (`sandwich`)
    return [f"{first} {rest}", f"{' '.join(second)} {dish}", f"{first} {dish}"]


def carried(part: str, join: str) -> str:
    """A later part in words USDA names: a bread named by its flour or colour after "on"
    ("ham on rye"), the two slices of rye bread of a sandwich; a wrap or pitta as its bread
    ("wrap": flour tortilla)."""
    rules = table()
    key = " ".join(part.lower().split())
    if _on_bread(part, join):
        return f"{rules.sandwich_slices} slices {key} bread"
    return rules.wraps.get(key, part)


def _on_bread(part: str, join: str) -> bool:
    """Whether `part` after `join` is a bread named by its flour or colour ("on rye")."""
    after = join.strip().lower()
    on = after in ("on", "in") or after.startswith(("on ", "in "))
    return on and " ".join(part.lower().split()) in table().breads


def filling(part: str, pieces: tuple[str, ...]) -> str:
    """A meat named alone before "on" + a bread ("turkey and swiss on rye") as the sliced
    deli meat a sandwich holds; any other part, or a line that is no such sandwich, as it is."""
    joins, later = pieces[1::2], pieces[2::2]
    if not any(_on_bread(p, j) for p, j in zip(later, joins, strict=True)):
        return part
    return table().fillings.get(" ".join(terms(part)), part)


def served(text: str) -> tuple[str, str | None]:
    """A combination with what it is served in at its end, apart: "chicken and rice bowl" ->
    ("chicken and rice", "bowl"), read as a bowl of chicken and rice; else (text, None)."""
    words = text.split()
    if len(words) > 2 and words[-1].lower() in table().serving:
        rest = " ".join(words[:-1])
        if len(split(rest)) > 1:
            return rest, words[-1].lower()
    return text, None


def unfolded(food: str) -> str:
    """`food` with a word before it that names an addition written out: "buttered toast" ->
    "toast with butter", "2 slices buttered toast" -> "2 slices toast with butter"."""
    pieces = list(split(food))
    for at in range(0, len(pieces), 2):  # each food of the line, not the joins between them
        words = pieces[at].split()
        for i, word in enumerate(words[:-1]):
            added = table().added_by_word.get(word.lower())
            if added is not None:
                pieces[at] = " ".join(words[:i] + words[i + 1 :] + ["with", added])
                break
    return "".join(pieces)


def meatless_first(said: str, matches: list[M], min_score: float) -> list[M]:
    """`matches` for words that say the food has no meat ("veggie chilli", "tofu stir fry"):
    a match naming a meat in its name or USDA group is never kept ("Lo mein, with pork" for
    tofu, "Pig in a blanket" in "Meat mixed dishes"), and of the rest one whose name says it
    is meatless comes first when it scores `min_score`. Other words: `matches` as they are."""
    rule = table().meatless
    words = f" {' '.join(terms(said))} "
    if not rule or not any(f" {w} " in words for w in rule["said"]):
        return matches

    def named(text: str, kind: str) -> bool:
        found = f" {' '.join(terms(text))} "
        return any(f" {w} " in found for w in rule[kind] if f" {w} " not in words)

    def meaty(match: M) -> bool:  # "Meat substitutes" is a meatless group
        in_group = named(match.group, "meat") and not named(match.group, "markers")
        return named(_unsaid(match.name), "meat") or in_group  # "Soup, pho, no meat"

    kept = [m for m in matches if not meaty(m)]
    if kept and kept[0].score >= min_score and set(terms(said)) <= set(terms(kept[0].name)):
        return kept  # the best names all that was said: "Vegetarian, fillet"
    return sorted(kept, key=lambda m: not (named(m.name, "markers") and m.score >= min_score))


def meatless_query(said: str) -> str | None:
    """The words to search again when nothing meatless matched `said` as written: the dish
    without the words saying it has no meat, and USDA's "meatless" ("lo mein with tofu" ->
    "lo mein meatless"); None when the words say nothing of meat or name nothing else."""
    rule = table().meatless
    words = terms(said)
    plain = [w for w in words if w not in rule.get("said", frozenset()) and w not in JOIN_WORDS]
    if not rule or len(plain) == len(words) or not plain:
        return None
    return " ".join([*plain, "meatless"])


def cereal_milk(text: str, unit: str | None, name: str, group: str) -> str | None:
    """The milk to add to a line that is a bowl of ready-to-eat cereal naming no milk or other
    liquid ("bowl of coco pops"), as the words to search; None for anything else."""
    rule = table().cereal_milk
    if not rule or unit not in rule["measures"]:
        return None
    kind = group.lower() + " " + name.lower()
    if not any(word in kind for word in (*rule["groups"], *rule["names"])):
        return None
    said = f" {' '.join(terms(text))} "
    if any(f" {' '.join(terms(word))} " in said for word in rule["unless"]):
        return None
    return str(rule["milk"])


def _companions(raw: dict[str, Any]) -> dict[str, tuple[tuple[frozenset[str], str, bool], ...]]:
    """Each word of [companions] with its senses in table order: (the words beside, meaning,
    whether the sense holds inside a dish's name too: `in_dishes`, true unless said)."""
    senses: dict[str, list[tuple[frozenset[str], str, bool]]] = {}
    for sense in raw.values():
        beside = frozenset(" ".join(terms(w)) for w in sense["with"])
        kept = bool(sense.get("in_dishes", True))
        for word in sense["words"]:
            senses.setdefault(" ".join(terms(word)), []).append((beside, str(sense["means"]), kept))
    return {word: tuple(found) for word, found in senses.items()}


def companion(part: str, parts: Sequence[str], naming_dish: bool = False) -> str:
    """`part` in the sense the other parts of its line give it ("chips" beside guacamole or
    salsa are tortilla chips, in either region); anything else as it is. `naming_dish`: the
    parts are tried as one dish's name, where only the senses that hold in dishes apply
    ("carrots" beside a pie are cooked carrots, but not in "carrot and swede pie")."""
    if not any(p is not part for p in parts):
        return part  # a food alone on its line: no other part gives it a sense
    food = parse_quantity(part).food
    senses = table().companions.get(" ".join(terms(food)), ()) if food else ()
    others = [f" {' '.join(terms(p))} " for p in parts if p is not part]
    for beside, means, in_dishes in senses:
        if naming_dish and not in_dishes:
            continue
        if any(f" {word} " in other for word in beside for other in others):
            end = len(part.rstrip())
            means = means.replace("{}", food)  # "{} battered fried": the fish named
            return part[: end - len(food)] + means if part[:end].endswith(food) else part
    return part


def regional(part: str, region: str | None) -> str:
    """`part` in USDA's words when, whole, it means another food in the diary's region
    ("chips" in a British diary are french fries); anything else as it is."""
    key = " ".join(part.lower().split())
    found = _regional_word(key, region)
    if found is not None:
        return found
    said = " ".join(_food_said(part).lower().split())  # "2 chocolate biscuits"
    found = _regional_word(said, region) if said and said != key else None
    first, _, rest = said.partition(" ")
    if found is None and first in _PREPARED and rest:  # "toasted teacake": a teacake
        inner = _regional_word(rest, region)
        found = None if inner is None else f"{first} {inner}"
    written = " ".join(part.lower().split())
    if found is not None and written.endswith(said):
        return written[: len(written) - len(said)] + found  # the amount stays as written
    if found is not None and written.startswith(said):
        return found + written[len(said) :]  # "biscuits x2": after it
    return part


# How a food was readied, said before its name: the name is still the region's word for it
_PREPARED = frozenset({"toasted", "warm", "warmed", "fresh", "homemade"})


def _regional_word(key: str, region: str | None) -> str | None:
    """The diary's region's word for `key`, else the any-region one, else None."""
    regional = table().regional
    found = regional.get(region or "", {}).get(key) or regional.get("any", {}).get(key)
    return found


def _food_said(part: str) -> str:
    """The food of `part` after its amount; all of it when it is a USDA food's own name, a
    measure word and all ("fruit salad" is no fruit's worth of salad, nor "whole milk" one
    whole of milk)."""
    return part.strip() if names_food(part) else parse_quantity(part).food


def plain(part: str) -> str:
    """A food named too loosely for the search ("chicken") as FNDDS's own food for it
    ("chicken ns as to part and cooking method ..."); anything else as it is."""
    words = table().plain
    found = words.get(" ".join(terms(part)))
    if found is not None:
        return found
    food = _food_said(part)  # "large fries", "2 burgers": the amount stays
    found = words.get(" ".join(terms(food))) if food and food != part.strip() else None
    at = part.lower().rfind(food.lower()) if found is not None else -1
    if found is None or at < 0:
        return part
    # the amount stays where it was written: before ("2 burgers") or after ("fried chicken 2
    # pieces")
    return part[:at] + found + part[at + len(food) :]


def sandwich(food: str) -> tuple[str, str, bool] | None:
    """(its fillings, its bread as a carrier, whether that bread was written) of a sandwich
    written by its fillings and the word for it: "cheese & pickle sarnie" -> ("cheese &
    pickle", "on white", False), "crab sandwich on granary" -> ("crab", "on granary", True);
    None for any other text."""
    breads = table().sandwich_breads
    plain = " ".join(fold(food).split())
    found = re.fullmatch(r"(.*?[^\W\d_].*?)\s+([a-z]+)(?:\s+((?:on|in)\s+\S.*))?", plain)
    if found is None or found.group(2) not in breads:
        return None
    fillings, word, bread = found.groups()
    if set(terms(fillings)) & table().bread_holders:
        return None  # "burger sandwich": the food already names its bread
    return fillings, bread or breads[word], bread is not None


_TAKES_NEXT = ("no", "without")  # of [drinks] nothing: the word after it is what is left out


def adds_nothing(following: str, part: str) -> bool:
    """Whether `following` is only what a hot drink was taken without ("black", "no sugar",
    "plain") and `part` holds one: a remark on the drink, not another food."""
    rules = table()
    said = terms(following)
    if not said or said[0] not in rules.hot_nothing or rules.hot.isdisjoint(terms(part)):
        return False
    return len(said) == 1 or (len(said) == 2 and said[0] in _TAKES_NEXT)


def hot_drink(text: str) -> str:
    """A hot drink with its additions written without joins, joined: "tea milk 2 sugars" ->
    "tea with milk and 2 sugars"; "coffee black no sugar" -> "coffee". Any other text as it is.
    """
    if names_food(text):
        return text  # "coffee creamer": USDA's name of the creamer, not coffee with creamer
    rules = table()
    found = re.findall(r"[^\s,]+", text)
    # the drink may be named with its kind first: "instant coffee", "builders tea", "earl grey"
    at = next((i for i, w in enumerate(found[:3]) if " ".join(terms(w)) in rules.hot), None)
    if at is None or any(c.isdigit() for c in "".join(found[:at])):
        return text
    found = [" ".join(found[: at + 1]), *found[at + 1 :]]
    milk = {t for w in rules.milk_words for t in terms(w)}
    added: list[list[str]] = []
    group: list[str] = []
    skip = False
    for word in found[1:]:
        said = terms(word)
        if skip:  # the word after "no": nothing added
            skip = False
        elif said and said[0] in rules.hot_nothing:
            skip = said[0] in _TAKES_NEXT
        elif word.lower() in JOIN_WORDS or not said:
            continue
        elif all(
            t.isdigit() or t in NUMBER_WORDS or t in milk or t in rules.hot_added for t in said
        ):
            group.append(word)
            if said[-1] in rules.hot_added:  # "2 sugars", "soya milk": the addition is complete
                added.append(group)
                group = []
        else:
            return text  # a word that is not an addition: "tea cake", "coffee walnut cake"
    if group:
        return text
    joined = [" ".join(g) for g in added]
    return " with ".join([found[0], " and ".join(joined)]) if joined else found[0]


# Whose food it was, before a context word ("kids' leftover", "my son's leftover", "mum's
# homemade"): a possessive, with its "my" or "the"
_OWNER = re.compile(r"^(?:(?:my|the|our|his|her|their)\s+)?[^\W\d_]+(?:['’]s|s['’])\s+", re.I)


@functools.cache
def _reasons() -> tuple[frozenset[str], re.Pattern[str]]:
    """dishes.toml's [context] `purposes` (as search terms) and `instead` (as one pattern
    that takes the rest of the line)."""
    with reading("dishes.toml"):
        context = raw_data("dishes.toml")["context"]
    instead = "|".join(map(re.escape, context["instead"]))
    return (
        frozenset(" ".join(terms(p)) for p in context["purposes"]),
        re.compile(rf"\s+(?:{instead})\s+.*$", re.I),
    )


# "for" and the words after it, up to a mark or the end: "for cramps" in "... for cramps, 1 cup"
_FOR = re.compile(r"\s+for\s+(?P<why>[^,;()]+?)\s*(?=[,;(]|$)", re.I)


def without_reasons(text: str) -> str:
    """`text` without why a food was eaten or what it was eaten in place of: "banana for
    potassium" -> "banana", "pedialyte for cramps, 1 cup" -> "pedialyte, 1 cup", "rice
    instead of chips" -> "rice"."""
    if (
        " for " not in text
        and " instead " not in text
        and " rather " not in text
        and (" place " not in text)
    ):
        return text  # most lines: no reason given
    purposes, instead = _reasons()
    text = instead.sub("", text) or text
    return _FOR.sub(lambda m: "" if " ".join(terms(m["why"])) in purposes else m[0], text)


@functools.lru_cache(maxsize=8192)  # a line is read whole and again by its parts
def without_context(text: str) -> str:
    """`text` without the words that say where, when or why a food was eaten: "leftover
    pizza" -> "pizza", "2 cookies at church" -> "2 cookies", "shake before bed" -> "shake";
    "latte from starbucks" -> "starbucks latte" (the chain's name is kept for `brands`)."""
    rules = table()
    if " ".join(terms(text)) in rules.recipes:
        return text  # "post workout shake": a dish named with the words that say when
    text = without_reasons(text)
    plain = _without_occasion(_POST_PRE.sub(r"\1 ", " ".join(text.split())))
    owner = _OWNER.match(plain)
    if owner is not None and plain[owner.end() :].lower().startswith(rules.leading):
        plain = plain[owner.end() :]  # "kids' leftover nuggets": whose food it was
    lowered = plain.lower()
    for lead in rules.leading:
        if lowered.startswith(lead) and len(plain) > len(lead):
            plain = plain[len(lead) :]
            break
    plain = without_maker(_without_meal_time(plain))
    ending = plain.lower()
    if ending.endswith(rules.tallies) and any(c.isdigit() for c in plain):
        tally = next(t for t in rules.tallies if ending.endswith(t))
        plain = plain[: -len(tally)]  # "water 1 gallon total": the day's water, summed
    elif ending.endswith(rules.asides):
        aside = next(a for a in rules.asides if ending.endswith(a))
        plain = plain[: -len(aside)].rstrip() or plain  # "thousand island on the side"
    words = _without_shop(plain.split())
    if len(words) > 1 and words[-1].lower() in rules.prepositions:
        words = words[:-1]  # "chocolate milk after": after the run, said the line before
    cut = (
        2
        if " ".join(words[-2:]).lower() in ("left over", "left-over")
        else (1 if words and words[-1].lower() in ("leftover", "leftovers") else 0)
    )
    kept = words[: len(words) - cut]
    if cut and kept and not _is_setting(kept) and not _vague(" ".join(kept)):
        words = kept  # "cawl left over from tuesday": made before; not "kids leftovers"
    return _without_trailing_remark(_without_place(words))


def _without_trailing_remark(text: str) -> str:
    """`text` without a last comma part saying how the food came to be eaten once its place
    or person is gone ("oat latte, made at home", "pizza, shared with my sister"): a maker's
    word or "shared", never a way of cooking ("Potato, baked" is USDA's own)."""
    head, comma, last = text.rpartition(",")
    words = last.lower().split()
    if not comma or not head.strip() or not words:
        return text
    if words[0] != "shared" and (
        words[0] not in table().maker_words or words[0] in cooking_words()
    ):
        return text
    rest = [w for w in words[1:] if w not in table().fillers]
    if words[0] == "shared" or all(
        w in ("with", "w", "w/", "by") or _is_setting([w]) for w in rest
    ):
        return head.rstrip()
    return text


# The words a place's name may follow ("from Sakonis", "off the butty van", "on Oak Tree Rd":
# a place by its head noun or its capitalised name; "on toast" names a food)
_NAMED_AFTER = frozenset({"at", "from", "off", "on"})


def _without_shop(words: list[str]) -> list[str]:
    """The words without a shop's name said first ("tesco salad" is a salad, read as any
    other: the shop sells every food)."""
    for size in (3, 2, 1):
        if len(words) > size and brands.is_shop(" ".join(words[:size])):
            return words[size:]
    return words


def _without_place(words: list[str]) -> str:
    """The words without a place or time said after the food ("cookie from the dining
    hall", "pizza 2 slices from the place on the corner"); a chain's name moved before it."""
    rules = table()
    for i in range(len(words) - 1, 0, -1):
        said = words[i].lower()
        if said not in rules.prepositions and said not in _COMPANY_LINKS and said != "in":
            continue  # "in" only before a setting: "latte in the library", not "chicken in gravy"
        before, after = words[:i], words[i + 1 :]
        after, amount = _then_amount(after)  # "from the stand on 41, about a cup"
        if not after or any(
            w.lower().strip(",") in JOIN_WORDS or w.endswith(",") for w in after[:-1]
        ):
            continue  # "roll from the van + tea": a food joined after the place is a food
        shop = said in ("at", "from") and brands.is_shop(" ".join(after))
        purpose = said == "for" and _purpose(before, after)
        if said == "in" and not _is_setting(after):
            continue
        if (
            shop
            or purpose
            or _is_setting(after)
            or (said in _NAMED_AFTER and _names_a_place(after))
        ):
            # "cookie from the dining hall", "masala dosa from Sakonis"; and a place before
            return _amount_first(amount, _without_place(before))
        if said in ("at", "from") and (_is_chain(" ".join(after)) or restaurant(" ".join(after))):
            return _amount_first(amount, f"{' '.join(after)} {' '.join(before)}")
    return " ".join(words)


def _purpose(before: list[str], after: list[str]) -> bool:
    """Whether "for" + `after` says why a food named `before` was eaten ("monster for the
    essay", "coffee for the drive"): no food word follows, and a food, not a place or an
    errand ("home for 34 hr reset", "went for the messages"), comes before."""
    fillers = table().fillers
    why = [t for t in terms(" ".join(after)) if t not in fillers]
    if any(usda_word(t) or t.isdigit() or t in NUMBER_WORDS for t in why):
        return False  # "cake for two", "cake for 2": how many shared it
    named = [t for t in terms(parse_quantity(" ".join(before)).food) if t not in fillers]
    return bool(named) and not _is_setting(before) and all(map(usda_word, named))


def _then_amount(after: list[str]) -> tuple[list[str], str]:
    """The words of a place said after a food, and an amount that follows it after a comma
    ("the stand on 41, about a cup" -> the stand on 41, "about a cup"); when anything but an
    amount follows the comma, the words as they are and no amount."""
    text = " ".join(after)
    place, comma, rest = text.partition(",")
    if not comma or not rest.strip():
        return after, ""
    if not only_amount(rest.strip()):
        return after, ""
    return place.split(), rest.strip()


def only_amount(text: str) -> bool:
    """Whether `text` is an amount and no food: "about a cup", "4 slices", "1 piece"."""
    found = parse_quantity(text)
    if found.amount is None:
        return False
    return not found.food or singular(found.food.strip()) in table().measures


def _amount_first(amount: str, food: str) -> str:
    """ "about a cup" + "boiled peanuts" -> "about a cup boiled peanuts"."""
    return f"{amount} {food}" if amount else food


def _names_a_place(words: list[str]) -> bool:
    """Whether words said after "at" or "from" name a place, not a food: the head of the
    phrase (its last word before where the place stands: "the stand on 41", "the employee
    cafeteria") is a place, or it is a name: capitalised words in no USDA food name, as a
    shop's own name is not ("Sakonis", "the Circle K", "7-Eleven")."""
    rules = table()
    found = list(words)
    for at, word in enumerate(found):  # "the place on the corner": the place is the head
        if at and word.lower() in _WHERE:
            found = found[:at]
            break
    head = [t for w in found for t in terms(w.replace("'", " ")) if t not in rules.fillers]
    named = [t for t in head if t != "s" and not t.isdigit() and t not in NUMBER_WORDS]
    if not named:
        return any(t.isalpha() for t in head)  # "7-Eleven": a name of numbers
    if any(units().kind(t) is not None or t in rules.containers for t in named):
        return False  # "soup from a tin": the container says what the food is
    if _is_setting([named[-1]]) or " ".join(named[-2:]) in rules.settings:
        return True  # "the employee cafeteria", "hong kong food market"
    # a name is written with capitals ("Sakonis", "the Circle K"); "at night again" is none
    names = [w for w in found if w.lower() not in rules.fillers]
    capital = all(w[:1].isupper() or w[:1].isdigit() for w in names)
    if capital and found[0].lower() == "the" and len(names) <= 3:
        return True  # a pub's or a cafe's name: "at the Star", "the Dolphin", "the Blue Moon"
    return capital and not any(usda_word(t) for t in named if len(t) > 1)


def without_maker(text: str) -> str:
    """`text` without who made or brought the food ("ham sandwich wife packed" -> "ham
    sandwich", "wife made chili & cornbread" -> "chili & cornbread"); else as it is."""
    words = text.split()
    if table().maker_words.isdisjoint(w.lower() for w in words):
        return text  # most lines name no maker: one set test instead of a scan per maker
    for maker in table().makers:
        said = maker.split()
        for at in range(1, len(words) - len(said) + 1):
            if [w.lower() for w in words[at : at + len(said)]] != said:
                continue
            before, after = words[:at], words[at + len(said) :]
            if [w.lower() for w in after] == ["in"]:
                after = []  # "... somebody brought in": brought it in
            if after and after[0].lower() in ("with", "from", "up", "in", "into", "using"):
                break  # "Horlicks made with milk": what it was made with, not who made it
            if not after and _is_person(_person(before)):  # "... my wife packed"
                return " ".join(before[: len(before) - len(_person(before))])
            if _is_person(before) and after:  # "wife made chili", "Lorraine brought a scone"
                return " ".join(after)
    return text


def _is_person(words: list[str]) -> bool:
    """Whether `words` name who made or brought a food: a person of `places` ("my wife"),
    or a name (capitalised words in no USDA food name: "Lorraine")."""
    if not words:
        return False
    if _is_setting(words):
        return True
    named = [w for w in words if w.lower() not in table().fillers]
    return bool(named) and all(
        w[:1].isupper() and w[1:2].islower() and not usda_word(w.strip(",.;:!?")) for w in named
    )  # (a comma after the word is not part of it: "Potato, baked" names no baker)


def _person(words: list[str]) -> list[str]:
    """The last words of `words` that name who made a food: a person with an optional "my",
    "the" or "her" before them ("my wife", "mum")."""
    fillers = table().fillers
    end = len(words)
    start = end - 1
    while start > 0 and words[start - 1].lower() in fillers:
        start -= 1
    return words[start:end] if end else []


# where a place stands, after its name: "the stand on 41", "the bakery in town"
_WHERE = frozenset({"on", "in", "by", "near", "off", "opposite", "across", "next"})
# "post-run", "pre-match": the preposition and the time it names, as two words
_POST_PRE = re.compile(r"\b(post|pre)-(?=[a-z])", re.IGNORECASE)
# "with friends", "w the lads": who a food was eaten with is a setting, not a food
_COMPANY_LINKS = frozenset({"with", "w", "w/"})
# "late lunch burrito", "quick breakfast: toast": a meal, said how, before the food
_MEAL_TIME = re.compile(
    r"^(?:late|early|quick|light|second|big|small|little)\s+"
    r"(?:breakfast|brunch|lunch|dinner|supper|tea|snack)\b[\s:,-]*",
    re.IGNORECASE,
)


# a meal written before its food with no mark ("lunch 2 sausage rolls", "dinner pasta"); not
# the foods named for one ("dinner roll", "lunch meat"), nor breakfast ("breakfast burrito")
# or tea (the drink)
_MEAL_BARE = re.compile(r"^(?:brunch|lunch|dinner|supper)\s+(?!(?:rolls?|meats?)\b)", re.IGNORECASE)


def _without_meal_time(text: str) -> str:
    """`text` without a leading meal said how ("late lunch burrito" -> "burrito") or said
    bare before its food ("lunch 2 sausage rolls" -> "2 sausage rolls")."""
    found = _MEAL_TIME.match(text)
    if found is None and ":" not in text and " - " not in text:  # else an opening's (above)
        found = _MEAL_BARE.match(text)
    return text[found.end() :] if found and found.end() < len(text) else text


def _without_occasion(text: str) -> str:
    """`text` without a leading occasion: a preposition and places or times ("after church
    2 pancakes", "at the game: hot dog") or words that name no food before a comma or colon
    ("light dinner, khichdi"); anything else as it is."""
    words = text.split()
    if len(words) > 2 and words[0].lower() in table().prepositions:
        for end in range(len(words) - 1, 1, -1):
            said = [w.rstrip(":,;-") for w in words[1:end]]
            if _is_setting(said) and _has_word(" ".join(words[end:])):
                return " ".join(words[end:]).lstrip(":,;- ")
    # `_OPENING` needs a mark, and searching a text without one backtracks through it all
    found = _OPENING.fullmatch(text) if _OPENING_MARK.search(text) else None
    if found is None:
        return _chain_before_amount(text)
    lead, mark, rest = found["lead"], found["mark"].strip(), found["rest"].strip()
    if _none_eaten(lead):
        return text  # "skipped breakfast - blood work": no food was eaten
    if _vague(lead) or (mark != "," and _names_no_food(lead)):
        return rest  # "light dinner, khichdi", "dining hall dinner: tenders", "pizza night! ..."
    if mark != "," and (_is_chain(lead) or restaurant(lead)):
        return _chain_beside_food(lead, rest)  # "taco bell: 2 crunchy tacos"
    return _chain_before_amount(text)


def _chain_beside_food(chain: str, rest: str) -> str:
    """The chain's name beside the food's, after the amount: "2 taco bell crunchy tacos"."""
    food = parse_quantity(rest).food
    amount = rest[: len(rest) - len(food)].strip() if rest.lower().endswith(food) else ""
    return " ".join(w for w in (amount, chain, food if amount else rest) if w)


def _chain_before_amount(text: str) -> str:
    """ "wendys 10 pc nuggets" -> "10 pc wendys nuggets": a chain named before the amount."""
    words = text.split()
    for size in (1, 2, 3):
        lead, rest = " ".join(words[:size]), " ".join(words[size:])
        if rest[:1].isdigit() and (restaurant(lead) or _is_chain(lead)):
            return _chain_beside_food(lead, rest)
    return text


# An opening before a colon, semicolon, "!" or a spaced dash ("pizza night! ...", "craving hit
# - 2 scoops ..."), or a comma; a dash inside a word ("semi-skimmed") is no opening.
_OPENING_MARK = re.compile(r"[,:;!\-\u2013\u2014]")
_OPENING = re.compile(
    r"(?P<lead>[^,:;!]*\w[^,:;!]*?)\s*(?P<mark>[:;!,]|\s[-\u2013\u2014]\s|[-\u2013\u2014]\s)"
    r"\s*(?P<rest>.*\w.*)"
)


def _is_context(part: str) -> bool:
    """Whether `part` only says where, when, who or how much ("mom's", "from the freezer")."""
    words = part.replace("'", " ").split()
    if words and words[0].lower() in table().prepositions:
        words = words[1:]
    return bool(words) and all(_is_setting([w]) or _vague(w) for w in words)


def _names_no_food(lead: str) -> bool:
    """Whether an opening names an occasion, not a food: its last word (the head of an English
    compound: a "pizza night" is a night) is a time, place or vague word, or none of its words
    is in any USDA food name ("craving hit", "pregame at jake's")."""
    rules = table()
    words = [t for t in terms(lead.replace("'", " ")) if t not in rules.fillers and t != "s"]
    words = [w for w in words if not w.isdigit() and w not in rules.prepositions]
    if not words:
        return False
    if _is_setting([words[-1]]) or words[-1] in rules.vague:
        return True
    return not any(usda_word(w) for w in words)


def _vague(text: str) -> bool:
    """Whether every word of `text` names nothing specific ("light dinner", "quick lunch")."""
    found = [w for w in terms(text) if not w.isdigit()]
    vague = table().vague
    return bool(found) and all(w in vague or w.rstrip("s") in vague for w in found)


def _is_setting(words: list[str]) -> bool:
    """Whether `words` are only places or times ("a bbq", "my mum's house", "bed")."""
    rules = table()
    found = [t for w in words for t in terms(w.replace("'", " ")) if t not in rules.fillers]
    found = [t for t in found if t != "s"]  # "mum's" -> "mum", "s"
    timed = _without_clock(found)  # "at 11pm", "at 4 p.m.": a time of day
    if len(timed) < len(found) and not timed:
        return True
    found = timed
    start = 0
    while start < len(found):
        for end in range(len(found), start, -1):
            if " ".join(found[start:end]) in rules.settings:
                start = end
                break
        else:
            return False
    return bool(words)


# a time of day: "11pm", "4 p.m.", "7.30am", "11:30 pm" (read as words: "11", "30", "pm")
_CLOCK = re.compile(r"\d{1,2}(?:[:.]\d{2})?(?:am|pm|a\.?m\.?|p\.?m\.?)")
_HALF_DAY = frozenset({"am", "pm", "a.m", "p.m", "a.m.", "p.m."})


def _without_clock(found: list[str]) -> list[str]:
    """The words without a time of day written with am or pm ("11pm", "4 p.m"); a bare
    number is no time ("cake for 2")."""
    if not any(_CLOCK.fullmatch(t) or t in _HALF_DAY for t in found):
        return found
    return [t for t in found if not (_CLOCK.fullmatch(t) or t in _HALF_DAY or t.isdigit())]


def _is_chain(words: str) -> bool:
    """Whether `words` are only a chain's or brand's name (brands.toml)."""
    generic = brands.approximate_for(words)
    return generic is not None and not set(terms(generic)) & set(terms(words))


def without_chain(text: str) -> str | None:
    """The food words of `text` without the chain named before or after them ("taco bell
    crunchy tacos" -> "crunchy tacos"), or None when `text` names no chain USDA lists foods
    of (a maker's name, "walkers prawn cocktail", says which product: it is not dropped)."""
    words = text.split()
    for size in (3, 2, 1):
        if len(words) <= size:
            continue
        for said, rest in ((words[:size], words[size:]), (words[-size:], words[:-size])):
            name = " ".join(said)
            if restaurant(name):
                return " ".join(w for w in rest if w.lower() not in ("from", "at")) or None
    return None


def said_words(text: str) -> set[str]:
    """The words of `text`, with FNDDS's "non-dairy" where a plant milk or yogurt is named."""
    found = set(terms(text))
    if found & table().plant_words:
        found |= {"non", "dairy"}
    return found


def adds(name: str, said: set[str], part: bool = False, group: str = "") -> bool:
    """Whether a food's `name` adds a kind of dish (in its first part) or an ingredient word
    (anywhere) that the line, whose words are `said`, does not name. For one `part` of a
    split line only the narrower `part_added` words count ("meat" of SR28's "meat only" is
    no ingredient added to "roast chicken"), and a word the food's USDA `group` names is what
    the food is, not an addition ("marinara" is "Sauce, pasta, spaghetti/marinara", a sauce)."""
    rules = table()
    if part:  # a part's own kind of food is its search's business ("Cereal, granola")
        return bool((set(terms(name)) & rules.part_added) - said - set(terms(group)))
    head = set(terms(name.split(",")[0]))
    return bool((head & rules.dish_kinds) - said or (set(terms(name)) & rules.added_words) - said)


def staple(part: str) -> bool:
    """Whether `part` is a staple a main is served with ("rice", "egg noodles", "chips")."""
    said = terms(parse_quantity(part).food or part)
    return bool(said) and said[-1] in table().staples


def parts(text: str) -> tuple[str, ...]:
    """The foods of `text` (the parts of `split`, joins left out)."""
    return split(text)[0::2]


def joined_after(text: str, unit: str) -> bool:
    """Whether the count word `unit` is followed by a join in `text` ("2 eggs with toast",
    "eggs, bacon"): then it names a food, not a measure of what follows."""
    plain = " ".join(fold(text).split())
    if not unit:
        return False
    # the word the count is written with: "Chicken breast, roasted, 1/2 breast" counts the last
    counted = re.search(rf"(?<=\d )\b{re.escape(unit)}\w*", plain)
    word = counted or re.search(rf"\b{re.escape(unit)}\w*", plain)
    if word is None:
        return False
    join = table().joins.match(plain, word.end())
    return join is not None


def _has_word(text: str) -> bool:
    return any(c.isalnum() for c in text)


def _none_eaten(text: str) -> bool:
    """Whether `text` says nothing was eaten ("skipped lunch", "no breakfast")."""
    return " ".join(fold(text).split()).startswith(table().starts)


def needs_detail(text: str) -> bool:
    """Whether a line names no food: a listed phrase ("leftovers", "dinner out"), a listed
    start ("skipped breakfast"), or only words that name nothing specific ("some snacks")."""
    rules = table()
    plain = " ".join(fold(text).replace("’", "'").split()).strip(" .!,;:-")
    if plain in rules.phrases or plain.startswith(rules.starts):
        return True
    said = " ".join(terms(plain))
    if any(said == deal or said.endswith(f" {deal}") for deal in rules.deals):
        return True  # "meal deal", "tesco meal deal": a main, a snack and a drink, unnamed
    for bundle in rules.bundles:  # "combo", "kfc combo": a bundle of unknown foods
        if said == bundle or (said.endswith(f" {bundle}") and _is_chain(said[: -len(bundle)])):
            return True
    return _vague(plain) or felt(plain)


def without_doing(text: str) -> str:
    """`text` without what was done with the food said before it: "drank tonic water" ->
    "tonic water", "ate 2 eggs" -> "2 eggs" (else the amount would be read after "ate")."""
    lowered = text.lower()
    if not lowered.startswith(table().doing):
        return text  # most lines: one test of every verb at once
    verb = next(v for v in table().doing if lowered.startswith(v))  # the longest first
    first = parts(text[len(verb) :])[0]
    if not parse_quantity(first).food or only_amount(first):
        return text  # "had 2", "ate half", "i had 3 pieces & fries": a food named before
    return text[len(verb) :]


def felt(text: str) -> bool:
    """Whether `text` only says how the body felt, where and when ("calf cramp at 2am", "no
    cramps!", "eyelid twitching again"): a note for the tracker, never a food guessed from a
    misspelt word ("cramp" is one letter from "cream")."""
    rules = table()
    said = terms(text)
    if rules.felt.isdisjoint(said):
        return False  # most lines: one set test
    found = [t for t in _without_clock(said) if not t.isdigit()]
    return any(t in rules.felt for t in found) and all(
        t in rules.felt or t in rules.body or t in rules.vague for t in found
    )


def drink(text: str) -> Drink | None:
    """A coffee drink with its milk written first ("oat milk latte", "soy flat white"),
    or None. A drink with no milk word ("latte", "skinny latte") is one food."""
    rules = table()
    plain = " ".join(fold(text).split())
    match = _drink_ending().search(plain)
    if match is not None:
        kind = match[1]
        before = plain[: match.start()].split()
        if not before or not all(w in rules.milk_words for w in before):
            return None
        if not set(before) - {"milk"}:
            return None  # "milk latte" is a latte
        milk = " ".join(before) if before[-1] == "milk" else " ".join([*before, "milk"])
        spec = rules.drinks[kind]
        return Drink(
            kind, str(spec["base"]), milk, float(str(spec["espresso"])), float(str(spec["ml"]))
        )
    return None


def mixed_in(text: str) -> str:
    """A protein powder stirred into a drink, joined as "with": "2 scoops whey in 12oz milk"
    -> "2 scoops whey with 12oz milk" ([dish] mixed_in, mixed_into); else as it is."""
    if " in " not in text.lower():
        return text
    return _mixed_in().sub(r"\g<powder> with ", text, count=1)


@functools.cache
def _mixed_in() -> re.Pattern[str]:
    with reading("dishes.toml"):
        dish = raw_data("dishes.toml")["dish"]
    powders = "|".join(sorted(map(re.escape, dish["mixed_in"]), key=len, reverse=True))
    drinks = "|".join(sorted(map(re.escape, dish["mixed_into"]), key=len, reverse=True))
    return re.compile(
        rf"(?P<powder>\b(?:{powders})s?\b[^,&+]*?)\s+in\s+"
        rf"(?=(?:(?:a|an|some|my|hot|warm|cold)\s+)?(?:[\d./]+\s*[a-z]*\s+(?:of\s+)?)?"
        rf"(?:\w+\s+)?(?:{drinks})\b)",
        re.IGNORECASE,
    )


def milk_first(text: str) -> str:
    """A milk drink with its milk named after it, as the drink rules read it: "latte w oat
    milk" -> "oat milk latte" (espresso and oat milk, or FNDDS's latte with non-dairy milk,
    never a dairy latte beside the oat milk), "latte with skimmed milk" -> "skimmed milk
    latte" (its milk counted once); chai is tea brewed with milk, so "chai w soy milk" ->
    "tea w soy milk"; "latte with milk" is a latte."""
    if "milk" not in text.lower() and not _PLANT_ALONE.search(text):
        return text  # most lines: no milk named
    return _milk_after().sub(_milk_moved, text)


def _milk_moved(found: re.Match[str]) -> str:
    kind, milk = found["kind"], " ".join(found["milk"].split())
    if milk.lower() == "milk":
        return kind  # the drink's own milk, said again
    if not milk.lower().endswith("milk"):
        milk = f"{milk} milk"  # "latte w oat"
    if " ".join(kind.lower().split()) in _CHAI:
        return f"tea with {milk}"
    return f"{milk} {kind}"


_CHAI = frozenset({"chai", "masala chai", "chai tea", "karak chai", "karak"})
_PLANT_MILKS = "oat|soy|soya|almond|coconut|cashew|hemp"  # said alone after "w": "latte w oat"
_PLANT_ALONE = re.compile(rf"\b(?:w/?|with)\s+(?:{_PLANT_MILKS})\b", re.I)


@functools.cache
def _milk_after() -> re.Pattern[str]:
    """A drink kind of [drinks.kinds] or chai, then "w", "w/" or "with" and the milk named."""
    rules = table()
    kinds = sorted({*rules.drinks, *_CHAI}, key=len, reverse=True)
    milk = "|".join(sorted(map(re.escape, rules.milk_words), key=len, reverse=True))
    return re.compile(
        rf"\b(?P<kind>{'|'.join(map(re.escape, kinds))})s?\s+(?:w/|w|with)\s+"
        rf"(?P<milk>(?:(?:{milk})[\s-]+)*milk\b|(?:{_PLANT_MILKS})\b(?!\s*[a-z]))",
        re.IGNORECASE,
    )


@functools.cache
def _drink_ending() -> re.Pattern[str]:
    """One pattern for every drink kind at the end of a line, longest first ("chai latte"
    before "latte"), so a line is searched once, not once per kind."""
    kinds = sorted(table().drinks, key=len, reverse=True)
    return re.compile(rf"\b({'|'.join(re.escape(k) for k in kinds)})s?$")
