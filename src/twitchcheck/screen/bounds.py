"""How long one answer may be, checked before anything reads it.

A module of its own so that a command that only bounds a name (`twitchcheck kb show`) does
not pay for the answers' models (pydantic validators built at import) to do so.
"""

from __future__ import annotations

from twitchcheck.errors import InputError
from twitchcheck.limits import limit
from twitchcheck.text import shorten


def bounded(text: str, field: str) -> str:
    """`text` if it is no longer than one answer can be (input.text_chars), else InputError."""
    most = int(limit("input.text_chars"))
    if len(text) > most:
        raise InputError(
            f"{field}: {shorten(text)!r} is {len(text):,} characters long; one answer is at most "
            f"{most} (one name with its details, e.g. 'furosemide 40 mg daily')"
        )
    return text
