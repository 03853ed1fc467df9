"""Every exception the core raises.

    TwitchcheckError              base; `code` is the stable id used in JSON errors
    ├── InputError                the user gave something we cannot accept
    │   ├── QuantityError         an amount or unit that cannot be read
    │   ├── AmountError           an amount out of range (zero, negative, absurd)
    │   ├── UnknownFoodError      no food matches (carries close suggestions)
    │   ├── PortionError          the food has no portion for the unit given
    │   ├── ProfileError          an impossible person (pregnant male, age -3)
    │   ├── UnknownAnalyteError   a lab test name we do not know
    │   ├── LabUnitError          a unit that does not belong to the analyte
    │   ├── LabValueError         a lab value no living person could have
    │   ├── UnknownEntryError     a name the knowledge base does not hold
    │   ├── DiaryError            a food diary that cannot be read as a whole
    │   └── InputFileError        an input file that cannot be read (missing, folder, too big,
    │                             not text, not JSON) or an output file that cannot be written
    ├── DataError                 packaged data is missing or broken
    │   └── KnowledgeError        a knowledge file fails validation
    └── InternalError             a fault in twitchcheck itself (the CLI's last safety net)

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


class ProfileError(InputError):
    """A person description that cannot be true (pregnant male, negative age)."""

    code = "bad_profile"


class UnknownAnalyteError(InputError):
    """A lab test name that twitchcheck does not know."""

    code = "unknown_analyte"


class LabUnitError(InputError):
    """A unit that does not belong to the analyte."""

    code = "bad_unit"


class LabValueError(InputError):
    """A lab value that is negative or beyond what a living person could have."""

    code = "bad_lab_value"


class UnknownEntryError(InputError):
    """A nutrient, factor or medicine name the knowledge base does not hold."""

    code = "unknown_entry"


class KnowledgeError(DataError):
    """A knowledge file fails validation; the message names file, entry and field."""

    code = "knowledge_error"


class DiaryError(InputError):
    """A food diary that cannot be read: empty, binary, an unknown layout, or a bad date."""

    code = "bad_diary"

    def __init__(self, message: str, line: int | None = None) -> None:
        self.line = line
        super().__init__(message if line is None else f"line {line}: {message}")


class InputFileError(InputError):
    """A file named on the command line that cannot be read or written as asked."""

    code = "bad_file"


class InternalError(TwitchcheckError):
    """Something went wrong inside twitchcheck; the message says so and asks for a report."""

    code = "internal_error"
