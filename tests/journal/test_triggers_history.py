"""History, the hand-over between the journal and its statistics: validated, immutable."""

from __future__ import annotations

import datetime

import pytest

from twitchcheck.errors import InputError
from twitchcheck.journal.history import History

FIRST = datetime.date(2026, 11, 1)


def test_a_history_of_consecutive_nights_keeps_missing_nights_apart_from_quiet_ones() -> None:
    history = History.starting(FIRST, [0, None, 2], {"caffeine_after_2pm": [True, False, None]})
    assert history.nights == (FIRST, datetime.date(2026, 11, 2), datetime.date(2026, 11, 3))
    assert history.episodes == (0, None, 2)
    assert history.recorded_nights == 2
    assert history.factors["caffeine_after_2pm"] == (1.0, 0.0, None)


def test_a_history_cannot_be_changed_through_the_mapping_it_was_given() -> None:
    given = {"stress": (3.0, 4.0)}
    history = History.starting(FIRST, [1, 0], given)
    given["stress"] = (9.0, 9.0)
    assert history.factors["stress"] == (3.0, 4.0)
    with pytest.raises(TypeError):
        history.factors["alcohol_drinks"] = (1.0, 1.0)  # type: ignore[index]


@pytest.mark.parametrize(
    ("nights", "episodes", "factors", "says"),
    [
        ((FIRST, datetime.date(2026, 11, 3)), (0, 1), {}, "consecutive"),
        ((FIRST,), (0, 1), {}, "2 episode counts for 1 nights"),
        ((FIRST,), (-1,), {}, "whole number"),
        ((FIRST,), (1.5,), {}, "whole number"),
        ((FIRST,), (True,), {}, "whole number"),
        ((FIRST,), (1,), {"stress": (1.0, 2.0)}, "'stress' has 2 values for 1 nights"),
        ((FIRST,), (1,), {"stress": (float("nan"),)}, "not a finite number"),
        ((FIRST,), (1,), {"stress": ("high",)}, "not a finite number"),
        ((FIRST,), (1,), {" ": (1.0,)}, "needs a name"),
        (("2026-11-01",), (1,), {}, "not a date"),
    ],
)
def test_a_history_that_cannot_be_true_is_refused_with_what_is_wrong(
    nights: tuple[object, ...], episodes: tuple[object, ...], factors: dict[str, object], says: str
) -> None:
    with pytest.raises(InputError, match=says):
        History(nights, episodes, factors)  # type: ignore[arg-type]
