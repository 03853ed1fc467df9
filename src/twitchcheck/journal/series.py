"""The journal as the trigger analysis reads it: `History` (journal.history), one row per
night from the first recorded to the last.

A night's episode count is None when it is missing (neither an episode nor a quiet
check-in), never zero; a daytime episode counts in no night. Each factor is the value of
the day the night began, as a number (yes 1, no 0, a level its order), or None when not
recorded; a medicine or supplement not ticked on a day whose factors were typed counts as
not taken (data/journal.toml [taken]).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from twitchcheck.journal.caffeine import DiaryCaffeine, day_factors
from twitchcheck.journal.definitions import factor_number, rules
from twitchcheck.journal.history import History
from twitchcheck.journal.model import Journal, nights


def history_of(
    journal: Journal, caffeine: Mapping[dt.date, DiaryCaffeine] | None = None
) -> History:
    """The journal's nights, episode counts and factors (the diary's caffeine filling the
    days the person typed none)."""
    found = nights(journal)
    if not found:
        return History((), ())
    factors = day_factors(journal, caffeine)
    typed = {day.date for day in journal.days if day.factors}
    names = sorted({name for values in factors.values() for name in values})
    prefix = rules().taken_prefix
    series: dict[str, tuple[float | None, ...]] = {}
    for name in names:
        values: list[float | None] = []
        for night in found:
            day = factors.get(night.date, {})
            if name in day:
                values.append(factor_number(name, day[name]))
            elif name.startswith(prefix) and night.date in typed:
                values.append(0.0)
            else:
                values.append(None)
        series[name] = tuple(values)
    return History(tuple(n.date for n in found), tuple(n.count for n in found), series)
