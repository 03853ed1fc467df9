"""A person's own foods and remembered corrections, applied as a diary is read.

    own = OwnFoods.of({"my porridge": ["40 g oats", "250 ml oat milk"]},
                      {"brekkie": "fndds:56202960"})
    parse_diary_text(text, own=own)

An own food is a recipe of phrase lines: a diary line that names it ("my porridge",
"2 my porridge", "my porridge x2") counts its lines, times the count written. A correction
is the food a person picked once for a wording: the same wording again is that food, with
its own amount ("2 cups brekkie" is 2 cups of the food picked). Names and wordings match
whatever their case and spacing. The store keeps both per profile (store.own_foods).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from twitchcheck.foods.quantity import parse_quantity
from twitchcheck.text import terms


def own_key(text: str) -> str:
    """How a name or wording is matched: its search terms, in order."""
    return " ".join(terms(text))


@dataclass(frozen=True, slots=True)
class OwnFoods:
    """Own recipes (name -> phrase lines) and corrections (wording -> food id), by key."""

    recipes: tuple[tuple[str, tuple[str, ...]], ...] = ()
    corrections: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(
        cls, recipes: Mapping[str, Sequence[str]], corrections: Mapping[str, str] | None = None
    ) -> OwnFoods:
        return cls(
            tuple(sorted((own_key(n), tuple(lines)) for n, lines in recipes.items())),
            tuple(sorted((own_key(w), food) for w, food in (corrections or {}).items())),
        )

    def recipe(self, phrase: str) -> tuple[tuple[str, ...], float] | None:
        """The lines of the own food a phrase names and the count written, or None."""
        said = parse_quantity(phrase)
        if said.kind not in (None, "count"):
            return None  # "200 g my porridge": a weight of a recipe is not read as its lines
        wanted = own_key(said.food)
        for name, lines in self.recipes:
            if name == wanted and lines:
                return lines, said.amount or 1.0
        return None

    def corrected(self, phrase: str) -> str | None:
        """The phrase with the food picked for its wording pinned ("2 cups brekkie [id]")."""
        if not self.corrections:
            return None
        said = parse_quantity(phrase)
        if said.pinned_id is not None:
            return None
        key = own_key(said.food)
        for wording, food in self.corrections:
            if wording == key or wording == own_key(phrase):
                return f"{phrase} [{food}]"
        return None
