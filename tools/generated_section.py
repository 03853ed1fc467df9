"""A generated section of a document, between two marker lines, and its command line.

    python tools/<table>.py           # print the section
    python tools/<table>.py --write   # put it into its document

Shared by tools/safety_table.py and tools/limits_table.py; the tests compare each document's
section with what its tool generates, so the documents cannot drift from the data.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path


def section(text: str, begin: str, end: str) -> str:
    """The part of `text` from the `begin` marker to the end of the `end` marker."""
    start, stop = text.index(begin), text.index(end) + len(end)
    return text[start:stop]


def write(path: Path, begin: str, end: str, generated: str) -> None:
    """Replace the section between the markers in `path` with `generated`."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(section(text, begin, end), generated), encoding="utf-8")


def main(path: Path, begin: str, end: str, generate: Callable[[], str]) -> None:
    """Print the section, or with --write put it into `path`."""
    if "--write" in sys.argv[1:]:
        write(path, begin, end, generate())
    else:
        print(generate())
