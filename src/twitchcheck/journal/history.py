"""A person's journal as the trigger analysis reads it: one row per night, factors per day.

`History` is the hand-over point between the journal (J-core turns the stored episodes and
daily factors into it) and the statistics (journal.triggers, journal.experiment), which see
nothing else. Nights follow ../shared/DESIGN.md: a night is named by the date it began and
runs 18:00-12:00; a night with neither an episode nor a quiet-night check-in is missing
(None), never zero. A factor's value is the one recorded for the day the night began.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from twitchcheck.errors import InputError


@dataclass(frozen=True)
class History:
    """Consecutive nights, first to last, with their episode counts and daily factors.

    `episodes[i]` is the number of episodes in night `nights[i]` (None: not recorded);
    `factors[name][i]` is that factor on the day the night began: a number, 0/1 for yes/no,
    a level as its order (0, 1, 2, ...), None when not recorded.
    """

    nights: tuple[datetime.date, ...]
    episodes: tuple[int | None, ...]
    factors: Mapping[str, tuple[float | None, ...]] = field(
        default_factory=lambda: MappingProxyType({}), hash=False
    )

    def __post_init__(self) -> None:
        _check_nights(self.nights)
        _check_episodes(self.episodes, len(self.nights))
        frozen = {
            name: _checked_factor(name, v, len(self.nights)) for name, v in self.factors.items()
        }
        object.__setattr__(self, "nights", tuple(self.nights))
        object.__setattr__(self, "episodes", tuple(self.episodes))
        object.__setattr__(self, "factors", MappingProxyType(frozen))

    @classmethod
    def starting(
        cls,
        first: datetime.date,
        episodes: Sequence[int | None],
        factors: Mapping[str, Sequence[float | None]] | None = None,
    ) -> History:
        """The history of `len(episodes)` consecutive nights from `first`."""
        nights = tuple(first + datetime.timedelta(days=i) for i in range(len(episodes)))
        given = factors or {}
        return cls(nights, tuple(episodes), {name: tuple(v) for name, v in given.items()})

    @property
    def recorded_nights(self) -> int:
        """How many nights have an episode count (a quiet night counts; a missing one not)."""
        return sum(count is not None for count in self.episodes)


def _check_nights(nights: Sequence[datetime.date]) -> None:
    for i, night in enumerate(nights):
        if not isinstance(night, datetime.date) or isinstance(night, datetime.datetime):
            raise InputError(f"night {i + 1} is {night!r}, not a date")
        if i and night - nights[i - 1] != datetime.timedelta(days=1):
            raise InputError(
                f"nights must be consecutive, first to last: {nights[i - 1]} is followed by "
                f"{night}; give a missing night as None, not by leaving it out"
            )


def _check_episodes(episodes: Sequence[int | None], n: int) -> None:
    if len(episodes) != n:
        raise InputError(f"{len(episodes)} episode counts for {n} nights; give one per night")
    for night, count in enumerate(episodes, 1):
        if count is None:
            continue
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise InputError(
                f"night {night}: {count!r} episodes; a count is a whole number from 0, "
                "or None for a night not recorded"
            )


def _checked_factor(name: str, values: Sequence[float | None], n: int) -> tuple[float | None, ...]:
    if not isinstance(name, str) or not name.strip():
        raise InputError(f"a factor needs a name, got {name!r}")
    if len(values) != n:
        raise InputError(
            f"factor {name!r} has {len(values)} values for {n} nights; give one per day"
        )
    checked: list[float | None] = []
    for day, value in enumerate(values, 1):
        if value is None:
            checked.append(None)
        elif isinstance(value, int | float) and math.isfinite(value):
            checked.append(float(value))  # True/False become 1.0/0.0
        else:
            raise InputError(
                f"factor {name!r}, day {day}: {value!r} is not a finite number, yes/no or None"
            )
    return tuple(checked)
