"""The value of one number written with digits, as people type amounts and doses.

    "1 1/2" -> 1.5    "1½" -> 1.5    "0.5" -> 0.5    "1,5" -> 1.5    "1,000" -> 1000

Shared by the food amounts (foods/quantity.py) and the words of the knowledge base
(knowledge/wording.py), which reads the numbers in a medicine or supplement name without
the food packages (a cold screening does not import them).
"""

from __future__ import annotations

import math
import re

from twitchcheck.errors import AmountError
from twitchcheck.text import quoted

# fmt: off
UNICODE_FRACTIONS = {
    "½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5,
    "⅗": 3 / 5, "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8,
    "⅞": 7 / 8,
}
# fmt: on
_WHOLE_SPLIT = re.compile(r"[\s-]+")  # "1 1/2", "1-1/2": the whole number before a fraction
_DECIMAL_COMMA = re.compile(r"\d+,\d{1,2}")


def number(text: str) -> float:
    """The value of one number written with digits ("1 1/2", "1½", "0.5", "1,5")."""
    value = _number(text.strip())
    if not math.isfinite(value):
        raise AmountError(f"{quoted(text.strip(), 40)} is too large to be an amount")
    return value


def _number(text: str) -> float:
    whole = 0.0
    if text[-1] in UNICODE_FRACTIONS:
        head = text[:-1].strip()
        return (float(head) if head else 0.0) + UNICODE_FRACTIONS[text[-1]]
    if "/" in text:
        head, _, bottom = text.rpartition("/")
        parts = _WHOLE_SPLIT.split(head.strip())
        if len(parts) == 2:
            whole = float(parts[0])
        top = float(parts[-1])
        if float(bottom) == 0:
            raise AmountError(f"{quoted(text, 40)} divides by zero; write a fraction such as 1/2")
        return whole + top / float(bottom)
    if _DECIMAL_COMMA.fullmatch(text):
        return float(text.replace(",", "."))
    return float(text.replace(",", ""))
