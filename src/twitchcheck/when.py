"""A time or a meal written at the start of a food line: "08:00 latte", "lunch: soup".

    lead("7.30am porridge") == Lead("07:30", None, "porridge")
    lead("Breakfast - 2 eggs") == Lead(None, "breakfast", "2 eggs")
    lead("2 eggs") == Lead(None, None, "2 eggs")
    lead("7.30 cup of tea", region="uk") == Lead("07:30", None, "cup of tea")

A time is "H:MM" or "HH:MM" (24-hour, or with am/pm), "H.MMam" (a dot only with am/pm,
since "1.25 cups" is an amount; in a British-style diary also "H.MM" from 5.00 to 23.59,
or earlier when a mark sets it off from the food: "4.30 - toast"),
"14h30", "7am" / "7 pm", or "noon", "midday", "midnight". It must be followed by the end
of the line or a separator (space, "-", ":", ",", ")", "|"), so an amount ("2 eggs", "1.5
cups", "250 g") is never a time, and what remains after a time is never read as an amount
from it. A meal is one of the known meal names (`_text.MEALS`) followed by ":", "-", "–",
"—" or ")" ("lunch: soup", "Breakfast - eggs", "snack) crisps"); a meal word without a
separator is food ("snack bar"). Time and meal may come in either order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SEP = r"(?:\s*[-\u2013\u2014:,)|]\s*|\s+|$)"
_AMPM = r"\s*(a\.?m\.?|p\.?m\.?)(?![a-z])"
_TIMES = (
    re.compile(rf"(\d{{1,2}}):(\d{{2}})(?:{_AMPM})?{_SEP}", re.IGNORECASE),
    re.compile(rf"(\d{{1,2}})\.(\d{{2}}){_AMPM}{_SEP}", re.IGNORECASE),
    re.compile(rf"(\d{{1,2}})h(\d{{2}}){_SEP}", re.IGNORECASE),
    re.compile(rf"(\d{{1,2}})(){_AMPM}{_SEP}", re.IGNORECASE),
)
# Times named by word (Oxford Learner's: noon and midday are twelve o'clock in the middle of
# the day, midnight twelve at night): "noon Hungry-Man dinner"
_NAMED = re.compile(rf"(noon|midday|midnight){_SEP}", re.IGNORECASE)
_NAMED_CLOCK = {"noon": "12:00", "midday": "12:00", "midnight": "00:00"}
# British usage writes a time with a point and often no am/pm ("7.30 cup of tea"; the
# Guardian and Observer style guide: "7.30pm"); in a diary of such a region, "H.MM" between
# 5.00 and 23.59 is read as a time. Earlier hours stay amounts ("1.25 cups", "2.50 pints").
DOTTED_TIME_REGIONS = frozenset({"uk", "ie", "au", "nz"})
_DOTTED = re.compile(rf"(\d{{1,2}})\.(\d{{2}})({_SEP})")
# "Dinner - soup", "Dinner- soup" (the dash glued to the meal), "Lunch: soup", "snack) crisps"
_MEAL = re.compile(r"([a-z][a-z -]{1,24}?)\s*(?:[:\u2013\u2014)]|\s-|-(?=\s))\s*", re.IGNORECASE)
# "lunch leftover pollo guisado": a meal name right before "leftover" is the meal (the
# leftover is food, the meal word is not), with no separator
_MEAL_LEFTOVER = re.compile(r"([a-z][a-z ]{1,24}?)\s+(?=left[\s-]?overs?\s)", re.IGNORECASE)


def _dotted_clock(found: re.Match[str]) -> bool:
    """Whether a British "H.MM" is a time: from 5.00 to 23.59, or an earlier hour set off
    from the food by a mark ("4.30 - toast", "0.45: tea"), which no amount is ("1.25 cups")."""
    hours, minutes = int(found[1]), int(found[2])
    if minutes > 59 or hours > 23:
        return False
    return hours >= 5 or any(mark in found[3] for mark in "-\u2013\u2014:|")


@dataclass(frozen=True, slots=True)
class Lead:
    """What a line starts with: a time (HH:MM) and a meal, each None if absent, and the rest."""

    time: str | None
    meal: str | None
    rest: str


def clock(hours: int, minutes: int, half: str | None) -> str | None:
    """ "HH:MM" for a time of day, or None if it cannot be one (25:00, 13pm, 7:75)."""
    if minutes > 59:
        return None
    if half:
        if not 1 <= hours <= 12:
            return None
        hours = hours % 12 + (12 if half.lower().startswith("p") else 0)
    elif hours > 23:
        return None
    return f"{hours:02d}:{minutes:02d}"


def take_time(text: str, dotted: bool = False) -> tuple[str | None, str]:
    """(HH:MM, the rest) if `text` starts with a time, else (None, text); `dotted`: the
    diary's region writes "7.30" for a time (`DOTTED_TIME_REGIONS`)."""
    plain = _DOTTED.match(text) if dotted else None
    if plain is not None and _dotted_clock(plain):
        return f"{int(plain[1]):02d}:{plain[2]}", text[plain.end() :].strip()
    named = _NAMED.match(text)
    if named is not None:
        return _NAMED_CLOCK[named[1].lower()], text[named.end() :].strip()
    for pattern in _TIMES:
        match = pattern.match(text)
        if match is None:
            continue
        half = match[3] if pattern.groups >= 3 else None
        found = clock(int(match[1]), int(match[2] or 0), half)
        if found is not None:
            return found, text[match.end() :].strip()
    return None, text


def take_meal(text: str) -> tuple[str | None, str]:
    """(canonical meal, the rest) if `text` starts with a known meal and a separator."""
    from twitchcheck.diary._text import meal_name

    for pattern in (_MEAL, _MEAL_LEFTOVER):
        match = pattern.match(text)
        if match is not None:
            known = meal_name(match[1])
            if known is not None:
                return known, text[match.end() :].strip()
    return None, text


def lead(text: str, region: str | None = None) -> Lead:
    """The time and meal written at the start of `text`, in either order, and the rest."""
    rest = text.strip()
    time, meal = None, None
    dotted = region in DOTTED_TIME_REGIONS
    for _ in range(2):
        if time is None:
            time, rest = take_time(rest, dotted)
        if meal is None:
            meal, rest = take_meal(rest)
    return Lead(time, meal, rest)
