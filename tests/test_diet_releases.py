"""diet.releases: the descriptions both USDA releases hold, grouped in SQLite, are the
ones a plain pass over every food's name and release finds."""

from __future__ import annotations

from collections import defaultdict

from twitchcheck.diet.releases import _both_releases
from twitchcheck.foods.database import connect


def test_the_names_in_both_releases_are_those_a_plain_pass_finds() -> None:
    held: dict[str, set[str]] = defaultdict(set)
    for name, source in connect().execute("SELECT lower(name), source FROM food"):
        held[name].add(source)
    plain = {name for name, sources in held.items() if len(sources) > 1}
    assert plain  # the packaged database has foods of the same description in both
    assert _both_releases() == plain
