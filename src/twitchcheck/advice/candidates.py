"""Foods the advice may suggest, what each contains, and the filters people set.

The rule (documented in ``data/advice.toml``): only FNDDS foods *as eaten*, in plain
food categories, without powders, flours, fried or breaded forms and the like.
Each candidate carries tags (meat, fish, milk, egg, gluten, tree_nut...) found
from its category and its name, erring on the side of caution, and one typical
serving expressed as a household portion ("1 oz", "1 cup").
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from twitchcheck._data import load_toml
from twitchcheck.errors import InputError
from twitchcheck.foods.database import connect
from twitchcheck.nutrient_keys import NUTRIENT_KEYS
from twitchcheck.text import fold, terms

PATTERNS = ("omnivore", "pescatarian", "vegetarian", "vegan")
ALLERGENS = ("tree_nut", "peanut", "fish", "shellfish", "gluten", "soy", "egg", "milk", "sesame")
TYPICAL = "Quantity not specified"
COMPOUND_PREFIX = 3  # letters before a word inside a compound: "butter|milk", not "g|oat"


@dataclass(frozen=True, slots=True)
class Serving:
    """A typical serving in household terms: `label` ("1 oz") weighs `grams`."""

    label: str
    grams: float


@dataclass(frozen=True, slots=True)
class Candidate:
    id: str
    name: str
    group: str
    tags: frozenset[str]
    serving: Serving
    per_100g: dict[str, float | None] = field(hash=False)
    everyday: bool = False  # a kind of food most people know (advice.toml "everyday")
    kind: str = ""  # "spinach", "fish salmon": variants of one food share it

    def per_serving(self, key: str) -> float:
        value = self.per_100g.get(key)
        return 0.0 if value is None else value * self.serving.grams / 100.0

    def per_100_kcal(self, key: str) -> float | None:
        energy = self.per_100g.get("energy_kcal")
        value = self.per_100g.get(key)
        if not energy or value is None:
            return None
        return value * 100.0 / energy


@dataclass(frozen=True)
class Filters:
    """What a person will eat: pattern, dairy-free, allergies, dislikes, preferences."""

    pattern: str = "omnivore"
    dairy_free: bool = False
    allergies: frozenset[str] = frozenset()
    dislikes: tuple[str, ...] = ()
    prefer: tuple[str, ...] = ()

    @classmethod
    def parse(
        cls,
        pattern: str = "omnivore",
        dairy_free: bool = False,
        allergies: Iterable[str] = (),
        dislikes: Iterable[str] = (),
        prefer: Iterable[str] = (),
    ) -> Filters:
        """Validate what was typed; unknown patterns or allergies name the accepted ones."""
        pattern = pattern.strip().lower()
        if pattern not in PATTERNS:
            raise InputError(f"diet pattern {pattern!r} is not one of {', '.join(PATTERNS)}")
        tags = set()
        for allergy in allergies:
            tag = _config()["allergy_names"].get(allergy.strip().lower().replace("-", " "))
            if tag is None:
                accepted = ", ".join(tag.replace("_", " ") for tag in ALLERGENS)
                raise InputError(f"allergy {allergy!r} is not known; accepted: {accepted}")
            tags.add(tag)
        return cls(pattern, dairy_free, frozenset(tags), _words(dislikes), _words(prefer))

    @property
    def forbidden(self) -> frozenset[str]:
        """Tags no suggested food may carry."""
        tags = set(_config()["patterns"][self.pattern]) | self.allergies
        if self.dairy_free:
            tags.add("milk")
        return frozenset(tags)

    def allows(self, food: Candidate) -> bool:
        if food.tags & self.forbidden:
            return False
        return not _mentions(food, self.dislikes)

    def prefers(self, food: Candidate) -> bool:
        return _mentions(food, self.prefer)

    def to_dict(self) -> dict[str, object]:
        return {
            "pattern": self.pattern,
            "dairy_free": self.dairy_free,
            "allergies": sorted(self.allergies),
            "dislikes": list(self.dislikes),
            "prefer": list(self.prefer),
        }


def _words(phrases: Iterable[str]) -> tuple[str, ...]:
    return tuple(" ".join(terms(p)) for p in phrases if terms(p))


def _mentions(food: Candidate, phrases: tuple[str, ...]) -> bool:
    """Whether the food's name holds a phrase, also inside a compound ("buttermilk")."""
    if not phrases:
        return False
    words = terms(food.name)
    name = f" {' '.join(words)} "
    for phrase in phrases:
        if f" {phrase} " in name:
            return True
        if " " not in phrase and any(_compound(word, phrase) for word in words):
            return True
    return False


def _compound(word: str, part: str) -> bool:
    """ "buttermilk" ends with "milk"; "goat" does not count as ending with "oat"."""
    return word.endswith(part) and len(word) - len(part) >= COMPOUND_PREFIX


@functools.cache
def _config() -> Mapping[str, Any]:
    return load_toml("advice.toml")


def plan_settings() -> dict[str, float]:
    """The plan's caps and defaults from ``data/advice.toml``."""
    return {k: float(v) for k, v in _config()["plan"].items()}


def safety_rules() -> dict[str, Any]:
    """What the plan never adds, diet-pattern baselines and top advice (``data/advice.toml``)."""
    config = _config()
    names = (
        "allowances", "holds", "labs", "over_limit", "avoid", "baselines", "priority", "sayings",
    )  # fmt: skip
    return {name: config[name] for name in names}


@functools.cache
def candidates() -> tuple[Candidate, ...]:
    """Every food the advice may suggest (loaded once)."""
    config = _config()["candidates"]
    categories = tuple(config["categories"])
    marks = ",".join("?" * len(categories))
    db = connect()
    rows = db.execute(
        f"SELECT rowid, id, name, food_group, note, {', '.join(NUTRIENT_KEYS)} FROM food"
        f" WHERE source = 'fndds' AND food_group IN ({marks}) ORDER BY id",
        categories,
    ).fetchall()
    portions = _portions([row[0] for row in rows])
    excluded = [" ".join(terms(w)) for w in config["exclude_words"]]
    everyday = frozenset(" ".join(terms(k)) for k in config["everyday"])
    found = []
    for rowid, food_id, name, group, note, *values in rows:
        if _has_phrase(name, excluded) or values[0] is None:
            continue
        per_100g = dict(zip(NUTRIENT_KEYS, values, strict=True))
        serving = _serving(portions.get(rowid, []), per_100g["energy_kcal"] or 0.0)
        if serving is None:
            continue
        kind = kind_of(name)
        tags = tags_for(name, group, note)
        common = not everyday.isdisjoint(_grams(kind))
        found.append(Candidate(food_id, name, group, tags, serving, per_100g, common, kind))
    return tuple(found)


def kind_of(name: str) -> str:
    """The kind of food a name is: its first part, or two where the first is a family."""
    parts = [" ".join(terms(part)) for part in name.split(",")]
    families = set(_config()["candidates"]["family_heads"])
    return " ".join(parts[:2]) if parts[0] in families and len(parts) > 1 else parts[0]


def _portions(rowids: list[int]) -> dict[int, list[tuple[float, str, float]]]:
    by_food: dict[int, list[tuple[float, str, float]]] = {}
    for start in range(0, len(rowids), 500):
        chunk = rowids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for food, amount, unit, grams in connect().execute(
            f"SELECT food, amount, unit, grams FROM portion WHERE food IN ({marks})"
            " ORDER BY food, seq",
            chunk,
        ):
            by_food.setdefault(food, []).append((amount, unit, grams))
    return by_food


def _serving(portions: list[tuple[float, str, float]], kcal_per_100g: float) -> Serving | None:
    """The typical amount eaten, as the household portion nearest to it."""
    typical = next((g for _, u, g in portions if u == TYPICAL and g > 0), None)
    config = _config()["candidates"]
    if kcal_per_100g > config["dense_kcal_per_100g"]:
        typical = min(typical or math.inf, config["dense_serving_grams"])
    labelled = [
        (unit, grams / amount)
        for amount, unit, grams in portions
        if unit != TYPICAL and grams > 0 and amount > 0 and not unit.lower().startswith("guideline")
    ]
    if not labelled:
        return None
    if typical is None:
        unit, each = labelled[0]
        return Serving(f"1 {unit}", round(each, 1))
    unit, each = min(labelled, key=lambda p: abs(math.log(typical / p[1])))
    count = round(typical / each * 2) / 2
    if count >= 0.5:
        return Serving(f"{count:g} {unit}", round(count * each, 1))
    if unit.split(",")[0].strip() == "cup":  # a spoonful, not a fraction of a cup
        tbsp = max(0.5, round(typical / (each / 16) * 2) / 2)
        return Serving(f"{tbsp:g} tbsp", round(tbsp * each / 16, 1))
    return Serving(f"{typical:g} g", round(typical, 1))


@functools.cache
def _tag_rules() -> tuple[tuple[str, frozenset[str], frozenset[str], tuple[str, ...]], ...]:
    rules = []
    for tag, rule in _config()["tags"].items():
        words = frozenset(" ".join(terms(w)) for w in rule["words"])
        excepts = tuple(fold(e) for e in rule["except"])
        rules.append((tag, frozenset(rule["categories"]), words, excepts))
    return tuple(rules)


def tags_for(name: str, group: str, note: str = "") -> frozenset[str]:
    """Diet and allergy tags of a food, from its category and its words (cautiously)."""
    tags = set()
    text = fold(f"{name} {note}")
    plain = _grams(text)
    for tag, categories, words, excepts in _tag_rules():
        if group in categories:
            tags.add(tag)
            continue
        found = plain
        if any(phrase in text for phrase in excepts):
            cleaned = text
            for phrase in excepts:
                cleaned = cleaned.replace(phrase, " ")
            found = _grams(cleaned)
        if words & found:
            tags.add(tag)
    return frozenset(tags)


def _grams(text: str) -> frozenset[str]:
    """The words of `text` and its two- and three-word phrases, normalised."""
    words = terms(text)
    grams = set(words)
    for size in (2, 3):
        grams.update(" ".join(words[i : i + size]) for i in range(len(words) - size + 1))
    return frozenset(grams)


def _has_phrase(text: str, phrases: Iterable[str]) -> bool:
    return not _grams(text).isdisjoint(phrases)


def one_per_kind(foods: Iterable[Candidate], limit: int | None = None) -> list[Candidate]:
    """The first food of each kind in `foods` ("Spinach, ..." once), up to `limit` kinds."""
    kinds: dict[str, Candidate] = {}
    for food in foods:
        kinds.setdefault(food.kind, food)
        if limit is not None and len(kinds) == limit:
            break
    return list(kinds.values())


def allowed(filters: Filters) -> list[Candidate]:
    """The candidates `filters` allow."""
    return [food for food in candidates() if filters.allows(food)]
