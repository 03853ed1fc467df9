"""How much of a diary is read, and how a user's text is quoted back (docs/limits.md).

Every figure is in data/limits.toml: the file's size and JSON depth are shared with the
other input files (input.*), the rest are the diary's own (diary.*, day.*).
"""

from __future__ import annotations

import json
import math
import os
import stat
from pathlib import Path
from typing import Any

from twitchcheck.errors import DiaryError
from twitchcheck.limits import limit
from twitchcheck.text import shorten


def cap(name: str) -> int:
    """An integer limit from limits.toml ("diary.lines")."""
    return int(limit(name))


def quoted(text: object, width: int = 60) -> str:
    """`text` quoted for a message, cut to `width` characters ("…" marks the cut): a
    message never repeats a megabyte, nor builds the repr of a huge JSON value."""
    return repr(shorten(text if isinstance(text, str) else _head(text, width), width))


def clipped(text: str, width: int) -> str:
    """`text` cut to `width` characters for keeping in a result."""
    return shorten(text, width)


def _head(value: object, width: int) -> str:
    """The start of a value's repr without building all of it (a huge list or dict)."""
    if isinstance(value, list | dict | tuple):
        return f"a {type(value).__name__} of {len(value)} items"
    return repr(value)[: width + 1]


def read_file(path: Path) -> bytes:
    """The bytes of `path`, refusing anything over input.file_bytes before reading it all."""
    most = cap("input.file_bytes")
    shown = shorten(str(path), 80)
    try:
        if path.is_dir():
            raise DiaryError(f"{shown} is a folder; give the diary file inside it")
        with path.open("rb") as handle:
            info = os.fstat(handle.fileno())
            if stat.S_ISREG(info.st_mode) and info.st_size > most:
                raise too_big(shorten(path.name, 80), info.st_size)
            data = handle.read(most + 1)  # a pipe or device has no size: read one byte more
    except OSError as error:  # missing, unreadable, a name too long for the system
        raise DiaryError(f"cannot read {shown}: {error.strerror or error}") from None
    if len(data) > most:
        raise too_big(shorten(path.name, 80), None)
    return data


def too_big(name: str, size: int | None) -> DiaryError:
    most = cap("input.file_bytes")
    held = f" ({size:,} bytes)" if size is not None else ""
    return DiaryError(
        f"{name} is too large to be a food diary{held}; at most {most:,} bytes are read "
        "(about five years of a detailed diary); export a shorter date range"
    )


def line_count(text: str) -> int:
    """Lines in `text`; a final line break ends the last line rather than starting one."""
    return text.count("\n") + (0 if text.endswith("\n") else 1)


def check_lines(count: int) -> None:
    """Refuse a diary with more lines (or JSON records) than diary.lines."""
    most = cap("diary.lines")
    if count > most:
        raise DiaryError(
            f"the diary has {count:,} lines; at most {most:,} are read (about ten years of a "
            "detailed diary); export or analyse a shorter period"
        )


def load_json(text: str) -> Any:
    """Parse JSON, refusing nesting deeper than input.json_depth (never a RecursionError).

    NaN and Infinity, which Python's parser accepts, come back as floats for the caller's
    checks to refuse (NaN is read as missing, Infinity as impossible).
    """
    deepest = cap("input.json_depth")
    try:
        data = json.loads(text, parse_constant=float)
    except RecursionError:
        raise _too_deep(deepest) from None
    except json.JSONDecodeError as error:
        raise DiaryError(f"the JSON is not valid: {error.msg}", error.lineno) from None
    except ValueError as error:  # an integer of more than 4,300 digits
        raise DiaryError(f"the JSON holds a number that cannot be read ({error})") from None
    if _depth_over(data, deepest):
        raise _too_deep(deepest)
    return data


def _too_deep(deepest: int) -> DiaryError:
    return DiaryError(
        f"the JSON is nested more than {deepest} levels deep; an OpenNutriTracker export "
        "nests four (a list of intakes, each with its meal and nutriments)"
    )


def _depth_over(data: Any, deepest: int) -> bool:
    """True when `data` nests more than `deepest` lists or objects (walked without recursion)."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            children: Any = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        if depth > deepest:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


def finite_or_none(value: float) -> float | None:
    """NaN (how pandas and R write a missing cell) is missing; other numbers are kept."""
    return None if math.isnan(value) else value
