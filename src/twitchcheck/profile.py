"""A person as the reference tables see them: age, sex, pregnancy or lactation.

`Person` refuses combinations that cannot be true, so every module that takes a
profile (targets, screening, diet analysis) can trust it. `parse_age` reads the
ways people write ages: "30", "30 y", "8m", "8 months", "1 year 6 months".
`check_applies` refuses a person a screening, plan or diet analysis is not written for (a
baby under 1), saying what applies instead. The bounds are in data/limits.toml ([person]).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Literal

from twitchcheck.errors import ProfileError
from twitchcheck.limits import all_limits, limit
from twitchcheck.text import shorten

__all__ = [
    "MAX_AGE_YEARS",
    "REPRODUCTIVE_AGE_YEARS",
    "SEXES",
    "Person",
    "Sex",
    "Use",
    "check_applies",
    "parse_age",
    "parse_sex",
]

Sex = Literal["female", "male"]

SEXES: tuple[Sex, ...] = ("female", "male")
MAX_AGE_YEARS = limit("person.age_years")
# The DRI tables give pregnancy and lactation values only for 14-18, 19-30 and 31-50 y.
REPRODUCTIVE_AGE_YEARS = (  # [from, to) like every DRI band
    limit("person.pregnancy_age_min"),
    limit("person.pregnancy_age_max") + 1,
)
_AGE_TEXT_CHARS = 40  # "1 year 6 months and 2 weeks" is 27; longer is not an age

_SEX_WORDS: dict[str, Sex] = {
    "female": "female",
    "f": "female",
    "woman": "female",
    "girl": "female",
    "male": "male",
    "m": "male",
    "man": "male",
    "boy": "male",
}

# Unit words -> years per unit. A bare number means years.
_AGE_UNITS: dict[str, float] = {
    "": 1.0,
    "y": 1.0,
    "yr": 1.0,
    "yrs": 1.0,
    "year": 1.0,
    "years": 1.0,
    "yo": 1.0,
    "m": 1 / 12,
    "mo": 1 / 12,
    "mos": 1 / 12,
    "mth": 1 / 12,
    "mths": 1 / 12,
    "month": 1 / 12,
    "months": 1 / 12,
    "w": 7 / 365.25,
    "wk": 7 / 365.25,
    "wks": 7 / 365.25,
    "week": 7 / 365.25,
    "weeks": 7 / 365.25,
    "d": 1 / 365.25,
    "day": 1 / 365.25,
    "days": 1 / 365.25,
}
_AGE_PART = re.compile(r"(\d+(?:[.,]\d+)?|[.,]\d+)\s*([a-z]*)\.?")
_AGE_FILLER = re.compile(r"[\s,;]+|\band\b|\bold\b")
_AGE_HELP = "give years ('30', '2.5'), or months, weeks or days for infants ('8m', '8 months')"


def parse_age(text: str | float) -> float:
    """Age in years from a number or text such as "30", "8m", "8 months", "1 year 6 months"."""
    if isinstance(text, bool):
        raise ProfileError(f"age {text!r} is not a number; {_AGE_HELP}")
    if isinstance(text, int | float):
        return _checked_age(float(text), str(text))
    if not isinstance(text, str):
        raise ProfileError(f"age {shorten(repr(text))} is not a number; {_AGE_HELP}")
    shown = shorten(text, _AGE_TEXT_CHARS)
    raw = text.strip().lower()
    if len(raw) > _AGE_TEXT_CHARS:
        raise ProfileError(f"cannot read the age {shown!r}: it is too long; {_AGE_HELP}")
    if raw.startswith(("-", "−")):
        raise ProfileError(f"age {shown!r} is negative; {_AGE_HELP}")
    parts = list(_AGE_PART.finditer(raw))
    leftover = _AGE_FILLER.sub("", _AGE_PART.sub("", raw))
    if not parts or leftover:
        raise ProfileError(f"cannot read the age {shown!r}; {_AGE_HELP}")
    years = 0.0
    for match in parts:
        number, unit = match.groups()
        if unit not in _AGE_UNITS or (unit == "" and len(parts) > 1):
            raise ProfileError(f"cannot read the age {shown!r}; {_AGE_HELP}")
        years += float(number.replace(",", ".")) * _AGE_UNITS[unit]
    return _checked_age(years, text)


def _checked_age(years: float, given: str) -> float:
    if not math.isfinite(years) or years < 0 or years > MAX_AGE_YEARS:
        raise ProfileError(
            f"age {shorten(given, _AGE_TEXT_CHARS)!r} is not possible; give an age from 0 to "
            f"{MAX_AGE_YEARS:g} years"
        )
    return years


def parse_sex(text: str) -> Sex:
    """ "female" or "male" from common spellings ("F", "Male", "woman")."""
    sex = _SEX_WORDS.get(text.strip().lower()) if isinstance(text, str) else None
    if sex is None:
        shown = shorten(text, 40) if isinstance(text, str) else shorten(repr(text), 40)
        raise ProfileError(
            f"sex {shown!r} is not one the reference tables cover; use 'female' or 'male'"
        )
    return sex


Use = Literal["screen", "plan", "diet"]
_USES: dict[Use, str] = {"screen": "a screening", "plan": "a food plan", "diet": "a diet analysis"}


def check_applies(person: Person, use: Use) -> None:
    """Refuse `use` for a person it is not written for (person.<use>_min_age_years), with
    what applies instead: a food plan for a newborn is refused with the infant advice."""
    name = f"person.{use}_min_age_years"
    youngest = limit(name)
    if person.age_years < youngest:
        years = "year" if youngest == 1 else "years"
        age = person.describe().split(", ")[1]
        raise ProfileError(
            f"{_USES[use]} is for ages {youngest:g} {years} and over, not {age}. "
            f"{all_limits()[name].reason}"
        )


@dataclass(frozen=True, slots=True)
class Person:
    """Someone the reference intakes can be looked up for; impossible combinations raise."""

    age_years: float
    sex: Sex
    pregnant: bool = False
    lactating: bool = False

    def __post_init__(self) -> None:
        _checked_age(self.age_years, f"{self.age_years:g}")
        if self.sex not in SEXES:
            parse_sex(self.sex)  # raises with the accepted values
        self._check_condition()

    def _check_condition(self) -> None:
        if self.pregnant and self.lactating:
            raise ProfileError(
                "pregnant and lactating were both given; the reference tables have one set "
                "of values for each, so choose --pregnant or --lactating"
            )
        condition = self.condition
        if condition is None:
            return
        if self.sex != "female":
            raise ProfileError(f"{condition} was given for sex {self.sex!r}; it needs 'female'")
        low, high = REPRODUCTIVE_AGE_YEARS
        if not low <= self.age_years < high:
            raise ProfileError(
                f"{condition} was given at age {self.age_years:g} years; the reference tables "
                f"cover {condition} only from {low:g} to {high - 1:g} years"
            )

    @classmethod
    def parse(
        cls,
        age: str | float,
        sex: str,
        *,
        pregnant: bool = False,
        lactating: bool = False,
    ) -> Person:
        """Build a Person from text as typed on a command line or a form."""
        return cls(parse_age(age), parse_sex(sex), pregnant, lactating)

    @property
    def condition(self) -> Literal["pregnancy", "lactation"] | None:
        """The DRI condition this person falls under, if any."""
        if self.pregnant:
            return "pregnancy"
        if self.lactating:
            return "lactation"
        return None

    def describe(self) -> str:
        """A short phrase such as "female, 30 y, pregnant" or "male, 8 months"."""
        if self.age_years < 1:
            age = f"{self.age_years * 12:.3g} months"
        else:
            age = f"{self.age_years:.3g} y"
        extra = ", pregnant" if self.pregnant else ", lactating" if self.lactating else ""
        return f"{self.sex}, {age}{extra}"
