"""What the store accepts: bounded text without NUL bytes, finite numbers, strict JSON.

PostgreSQL refuses NUL in text and SQLite would keep it: refusing it here makes both stores
agree, and the message says which field and why, instead of a driver's error.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from twitchcheck.store.errors import StoreInputError

TEXT_CHARS = 10_000  # one diary line; far more than anyone types
JSON_BYTES = 2_000_000  # one screening or plan as JSON
_NUL = re.compile(r"(?<!\\)(?:\\\\)*\\u0000")  # an escaped NUL, not an escaped backslash


def text(value: str, what: str, most: int = TEXT_CHARS, *, blank: bool = False) -> str:
    """`value` unchanged if the store can keep it; StoreInputError naming `what` if not."""
    if not isinstance(value, str):
        raise StoreInputError(f"{what} must be text, not {type(value).__name__}")
    if "\x00" in value:
        raise StoreInputError(f"{what} holds a NUL byte (\\0), which cannot be stored; remove it")
    if len(value) > most:
        raise StoreInputError(f"{what} is {len(value):,} characters long; at most {most:,} fit")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:  # a lone surrogate: no UTF-8 store can hold it
        raise StoreInputError(
            f"{what} holds a broken character at position {error.start:,}; retype it"
        ) from None
    if not blank and not value.strip():
        raise StoreInputError(f"{what} is empty; give some text")
    return value


def optional_text(value: str | None, what: str, most: int = TEXT_CHARS) -> str | None:
    """`text` for a value that may be absent (None or blank both mean absent)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return text(value, what, most)


def number(
    value: float | None, what: str, low: float = 0.0, high: float = math.inf
) -> float | None:
    """A finite number in [low, high], or None."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise StoreInputError(f"{what} must be a number, not {type(value).__name__}")
    if not math.isfinite(value) or not low <= value <= high:
        raise StoreInputError(f"{what} is {value!r}; give a number from {low:g} to {high:g}")
    return float(value)


def document(value: Any, what: str) -> Any:
    """`value` as JSON would give it back (a copy), if strict JSON can hold it in bounds."""
    try:
        encoded = json.dumps(value, allow_nan=False, ensure_ascii=False)
        encoded.encode("utf-8")
    except UnicodeEncodeError:
        raise StoreInputError(f"{what} holds a broken character; retype it") from None
    except (TypeError, ValueError) as error:
        raise StoreInputError(f"{what} cannot be stored as JSON: {error}") from None
    except RecursionError:
        raise StoreInputError(f"{what} nests too deeply to be stored") from None
    if len(encoded.encode("utf-8")) > JSON_BYTES:
        raise StoreInputError(f"{what} is larger than {JSON_BYTES:,} bytes as JSON")
    if _NUL.search(encoded):
        raise StoreInputError(f"{what} holds a NUL byte (\\0), which cannot be stored")
    return json.loads(encoded)


def folded(value: str) -> str:
    """The lookup key of a name or wording: case and spacing ignored."""
    return " ".join(value.casefold().split())
