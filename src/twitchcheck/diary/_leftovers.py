"""A leftover is the dish the diary named before: what people mean when they write it.

    seen = Leftovers()
    seen.read(15, "chickpea and spinach curry")       # -> Leftover("chickpea and ...", None)
    seen.read(24, "leftover curry and rice")          # -> the curry of line 15, and rice

"Leftover curry" in a diary that had a chickpea curry two days before is that curry again,
not a curry of any kind: the nearest earlier line with a food holding every word of the
leftover dish (its head "curry", and any other word written: "leftover chicken curry" is
never a beef one) gives the dish, as it was written there. A food named by its parts
("chickpea and spinach curry") is taken with all of them; what was served with it ("with
rice") is not, since the leftover line says what it was eaten with. A leftover the diary
never named ("leftover pizza" on the first day, "kids' leftover nuggets") is read as
written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from twitchcheck.foods import dishes
from twitchcheck.foods.quantity import parse_quantity
from twitchcheck.text import terms

# "leftover curry", "leftovers of the stew", "left-over pierogi", "some leftover rice"
_LEFTOVER = re.compile(
    r"^(?:(?:some|the|my|our)\s+)?left[\s-]?overs?\s+(?:(?:of|from)\s+(?:the|my|our)\s+)?",
    re.IGNORECASE,
)
# Joins inside one food's name ("chickpea and spinach curry"); others add foods to it.
_NAMING_JOINS = frozenset({"and", "&"})
_KEPT = 50  # earlier lines looked back on: a leftover is eaten within days, not weeks


class Leftover(NamedTuple):
    """A line as it is to be read, and the earlier line it is a leftover of (None if not)."""

    phrase: str
    of_line: int | None


@dataclass
class Leftovers:
    """The food lines of one diary so far, to read a leftover as the dish named earlier."""

    _seen: list[tuple[int, str]] = field(default_factory=list)

    def read(self, line: int, phrase: str) -> Leftover:
        """`phrase` with a leftover dish named earlier in the diary replaced by that dish as
        it was written there; `phrase` as it is otherwise."""
        found = _leftover_of(phrase, self._seen)
        self._seen.append((line, phrase if found is None else found.phrase))
        del self._seen[:-_KEPT]
        return found or Leftover(phrase, None)


def _leftover_of(phrase: str, seen: list[tuple[int, str]]) -> Leftover | None:
    marker = _LEFTOVER.match(phrase)
    if marker is None:
        return None
    pieces = dishes.split(phrase[marker.end() :])
    said = parse_quantity(pieces[0])
    wanted = set(terms(said.food))
    if said.amount is not None or not wanted:
        return None  # "leftover pizza x2 slices": its own amount; the dish is read as written
    for line, earlier in reversed(seen):
        named = _named(earlier, wanted)
        if named is not None:
            return Leftover(named + "".join(pieces[1:]), line)
    return None


def _named(text: str, wanted: set[str]) -> str | None:
    """The food of `text` holding every word `wanted`, with the parts its name is made of
    ("chickpea and spinach curry"), without its amount; None when `text` has none."""
    pieces = dishes.split(text)
    parts, joins = pieces[0::2], pieces[1::2]
    for at, part in enumerate(parts):
        if not wanted <= set(terms(parse_quantity(part).food)):
            continue
        start = at
        while start > 0 and joins[start - 1].strip().lower() in _NAMING_JOINS:
            start -= 1
        first = parse_quantity(parts[start]).food
        return " ".join(f"{first}{''.join(pieces[2 * start + 1 : 2 * at + 1])}".split())
    return None
