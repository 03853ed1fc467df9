"""Every exception the core raises.

    TwitchcheckError              base; `code` is the stable id used in JSON errors
    ├── InputError                the user gave something we cannot accept
    │   ├── QuantityError         an amount or unit that cannot be read
    │   ├── AmountError           an amount out of range (zero, negative, absurd)
    │   ├── UnknownFoodError      no food matches (carries close suggestions)
    │   └── PortionError          the food has no portion for the unit given
    └── DataError                 packaged data is missing or broken

Each keeps the offending values as attributes and composes its sentence in
`__str__`, so the CLI and the web app print the same words.
"""

from __future__ import annotations

from collections.abc import Sequence


class TwitchcheckError(Exception):
    """Base class for every error twitchcheck raises on purpose."""

    code = "error"


class InputError(TwitchcheckError, ValueError):
    """Input that names a problem the user can fix."""

    code = "invalid_input"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class QuantityError(InputError):
    """An amount or unit that cannot be read."""

    code = "bad_quantity"


class AmountError(InputError):
    """An amount that can be read but is not plausible."""

    code = "bad_amount"


class UnknownFoodError(InputError):
    """No food in the database matches the query."""

    code = "unknown_food"

    def __init__(self, query: str, suggestions: Sequence[str] = ()) -> None:
        self.query = query
        self.suggestions = list(suggestions)
        hint = (
            "; did you mean: " + ", ".join(repr(s) for s in self.suggestions[:5])
            if self.suggestions
            else "; try a simpler name, e.g. 'almonds' or 'cooked rice'"
        )
        super().__init__(f"no food matches {query!r}{hint}")


class PortionError(InputError):
    """The unit given is not one the food has a household portion for."""

    code = "unknown_portion"

    def __init__(self, unit: str, food_name: str, available: Sequence[str]) -> None:
        self.unit = unit
        self.food_name = food_name
        self.available = list(available)
        options = ", ".join(self.available[:12]) or "none (give grams or ounces)"
        super().__init__(
            f"{food_name!r} has no portion for {unit!r}; its portions are: {options}; "
            "grams, kg, oz and lb always work"
        )


class DataError(TwitchcheckError):
    """Packaged data is missing or broken; reinstall or rebuild it."""

    code = "data_error"
