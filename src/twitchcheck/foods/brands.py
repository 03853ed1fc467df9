"""Chain and brand items people log, read as the closest generic USDA food.

    approximate_for("greggs sausage roll")  # -> "sausage roll"
    approximate_for("can of fanta")         # -> "can of soft drink fruit flavored"
    pack_for("2 soylents")                  # -> Pack(ml=414.0, ...): one bottle, its label

USDA's releases name few brands, so a query naming a chain or a branded product is searched
as a generic food and its results are marked approximations (``Match.approximation``). The
table, with where each generic choice comes from, is ``data/brands.toml``; its [packs] give
one of a product as sold (a Soylent bottle, a Greggs steak bake), from the makers' labels.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from twitchcheck._data import raw_data, reading
from twitchcheck.text import terms

FILLER = frozenset({"a", "an", "the", "of", "some", "my", "x"})
# Words that only tie what was ordered to the chain ("a latte from Starbucks", "lunch at
# Nando's"): dropped with the chain's name, or the generic search would look for them.
CHAIN_LINKS = frozenset({"from", "at"})


@dataclass(frozen=True, slots=True)
class _Table:
    chains: dict[str, str]
    sizes: frozenset[str]
    products: dict[str, str]
    plain_only: frozenset[str]  # generics USDA has in no flavoured form
    flavours: frozenset[str]
    self_naming: tuple[tuple[str, ...], ...]  # generic words that hold a brand's key
    longest: int  # words in the longest key
    packs: dict[str, dict[str, Any]]  # [packs], keyed as products are
    pack_longest: int  # words in the longest [packs] key
    key_words: frozenset[str]  # every word of a chain or product key


@dataclass(frozen=True, slots=True)
class Pack:
    """One of a branded product as sold: its weight or volume for the diary's region, what it
    is one of (`per`: None for the item itself, "slice" for a loaf's slice) and the source."""

    grams: float | None
    ml: float | None
    per: str | None
    note: str


@functools.cache
def _table() -> _Table:
    with reading("brands.toml"):
        return _built(raw_data("brands.toml"))


def _built(raw: Any) -> _Table:
    chains = {" ".join(terms(k)): v for k, v in raw["chains"]["items"].items()}
    products = {" ".join(terms(k)): v for k, v in raw["products"].items()}
    packs = {" ".join(terms(k)): v for k, v in raw.get("packs", {}).items()}
    keys = [*chains, *products]
    longest = max(len(k.split()) for k in keys)
    key_words = {tuple(k.split()) for k in keys}
    return _Table(
        chains=chains,
        sizes=frozenset(raw["chains"]["size_words"]),
        products=products,
        plain_only=frozenset(" ".join(terms(g)) for g in raw["plain_only"]["generics"]),
        flavours=frozenset(t for w in raw["plain_only"]["flavour_words"] for t in terms(w)),
        self_naming=tuple(
            g for g in {tuple(terms(v)) for v in products.values()} if _names_a_key(g, key_words)
        ),
        longest=longest,
        packs=packs,
        pack_longest=max((len(k.split()) for k in packs), default=0),
        key_words=frozenset(w for k in keys for w in k.split()),
    )


def _names_a_key(found: tuple[str, ...], keys: set[tuple[str, ...]]) -> bool:
    """Whether some brand key stands, as whole words, inside `found` (its runs of words are
    looked up, so the check costs the generic's length, not the table's size)."""
    return any(
        found[start:stop] in keys
        for start in range(len(found))
        for stop in range(start + 1, len(found) + 1)
    )


def _protected(found: list[str], table: _Table) -> set[int]:
    """Positions of `found` inside generic words that name the brand itself (USDA's own
    entry, "nutritional drink or shake ready to drink ensure"): never replaced again."""
    marked: set[int] = set()
    for generic in table.self_naming:
        n = len(generic)
        for j in range(len(found) - n + 1):
            if tuple(found[j : j + n]) == generic:
                marked.update(range(j, j + n))
    return marked


def pack_for(words: str, region: str | None = None) -> Pack | None:
    """One of the branded product `words` name, as its maker sells it ([packs]; the longest
    key named wins), with the figure for `region` where the pack differs; None when `words`
    name no product with a known pack."""
    found = terms(words)
    table = _table()
    for size in range(min(table.pack_longest, len(found)), 0, -1):
        for i in range(len(found) - size + 1):
            spec = table.packs.get(" ".join(found[i : i + size]))
            if spec is not None:
                return _pack(spec, region or "us")
    return None


def _pack(spec: dict[str, Any], region: str) -> Pack:
    def figure(unit: str) -> float | None:
        value = spec.get(f"{region}_{unit}", spec.get(unit))
        return None if value is None else float(value)

    return Pack(figure("grams"), figure("ml"), spec.get("per"), str(spec["note"]))


def is_shop(words: str) -> bool:
    """Whether `words` name only a shop or place that sells any food at all (a supermarket, a
    vending machine: a chain of brands.toml with no signature item), so they say where a food
    came from, never which."""
    first = terms(words.split(maxsplit=1)[0]) if words.strip() else []
    if not first or first[0] not in _shop_words():
        return False  # most words begin no shop's name: no need to read them all
    return _table().chains.get(" ".join(terms(words))) == ""


@functools.cache
def _shop_words() -> frozenset[str]:
    """The first words of the shops' names, as read (`terms` singular: "sainsbury")."""
    return frozenset(k.split()[0] for k, v in _table().chains.items() if v == "")


def approximate_for(query: str) -> str | None:
    """The generic food searched for a chain or brand item, or None when `query` names none.

    A product's words are replaced by its generic food's words; a chain's name (and its size
    words, and "from"/"at") is dropped, leaving what was ordered, or the chain's signature
    item when nothing is left (none for a chain with no signature item: "" is returned, which
    matches no food, so a line naming only a pub chain is reported). The longest name found
    wins ("diet irn bru" over "irn bru"). Flavour words beside a product USDA has in one form
    only are dropped ("quest bar cookies and cream" is the bar).
    """
    found = terms(query)
    table = _table()
    if table.key_words.isdisjoint(found):  # most queries: no key can stand in them
        return None
    protected = _protected(found, table) if table.self_naming else set()
    for size in range(min(table.longest, len(found)), 0, -1):
        for i in range(len(found) - size + 1):
            if protected.intersection(range(i, i + size)):
                continue
            key = " ".join(found[i : i + size])
            generic = table.products.get(key)
            if generic is not None:
                before, after = found[:i], found[i + size :]
                if " ".join(terms(generic)) in table.plain_only:
                    before = [t for t in before if t not in table.flavours]
                    after = [t for t in after if t not in table.flavours]
                return " ".join([*before, generic, *after])
            if key in table.chains:
                rest = [
                    t
                    for t in found[:i] + found[i + size :]
                    if t not in table.sizes and t not in FILLER and t not in CHAIN_LINKS
                ]
                if rest and table.chains[key] and _only_qualifying(rest):
                    # "2 glazed krispy kremes": glazed ones of its signature item, not
                    # whatever else is glazed (carrots)
                    return " ".join([*rest, table.chains[key]])
                return " ".join(rest) if rest else table.chains[key]
    return None


def _only_qualifying(words: list[str]) -> bool:
    """Whether `words` are an amount and words that only qualify a food ("2 glazed",
    "frosted"): they name no food of their own (`qualifiers.only_qualifies`)."""
    from twitchcheck.foods.qualifiers import only_qualifies  # it reads brands at import

    named = any(not w.replace(".", "").isdigit() for w in words)
    return named and only_qualifies(" ".join(words))
