"""`kb show` prints its description in one call (Rich's cost is per call): the text, wrapped
and styled, must be what printing each line in turn gives."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from twitchcheck.cli.kb import Lines, _render
from twitchcheck.knowledge import describe


def _console(width: int, colour: bool) -> tuple[Console, io.StringIO]:
    buffer = io.StringIO()
    out = Console(
        highlight=False,
        soft_wrap=False,
        file=buffer,
        width=width,
        force_terminal=colour,
        color_system="truecolor" if colour else None,
    )
    return out, buffer


class _EachLine:
    """Prints every line as it comes, as `kb show` did."""

    def __init__(self, out: Console) -> None:
        self.out = out

    def print(self, line: str) -> None:
        self.out.print(line)


@pytest.mark.parametrize("name", ["magnesium", "Lasix", "caffeine", "calf_cramps", "diabetes"])
@pytest.mark.parametrize(("width", "colour"), [(100, False), (30, True)])
def test_one_print_shows_what_a_print_per_line_shows(name: str, width: int, colour: bool) -> None:
    described = describe(name)
    one, one_text = _console(width, colour)
    lines = Lines()
    _render(described, lines)
    one.print("\n".join(lines))
    each, each_text = _console(width, colour)
    _render(described, _EachLine(each))  # type: ignore[arg-type]
    assert len(lines) > 5
    assert one_text.getvalue() == each_text.getvalue()
