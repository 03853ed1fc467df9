"""How much a person's intake swings from day to day, by nutrient, sex and age group.

The IOM (2000) method for judging one person's usual intake from n days of
records divides (mean - EAR) by sqrt(SD_r^2 + SD_within^2 / n), with SD_within a
pooled day-to-day SD for the person's sex and age group. `within_person_sd`
looks that figure up in the packaged table ``data/intake_sd.csv``, which
``tools/build_intake_sd.py`` derives from the NHANES 2017-2018 two-day recalls
(see ``data/intake_sd.md`` for method and caveats).

The table covers ages 14 and over in the DRI bands 14-18, 19-30, 31-50, 51-70
and 71+. Younger ages raise `InputError`: neither the NHANES table nor any other
vetted source the project holds gives figures for these nutrients in children,
and a child's intake and its spread are both smaller, so borrowing the 14-18 y
row would misstate the confidence. Callers should give no confidence figure
then. The table's pooled 19-50 and 51+ rows (kept to compare with IOM's own
tables) are never returned here.
"""

from __future__ import annotations

import csv
import functools
import itertools
from dataclasses import dataclass

from twitchcheck._data import data_path
from twitchcheck.errors import DataError, InputError, UnknownEntryError
from twitchcheck.profile import Sex, parse_age, parse_sex

__all__ = [
    "INTAKE_SD_NUTRIENTS",
    "MIN_AGE_YEARS",
    "SKEWED_CV",
    "IntakeVariation",
    "within_person_sd",
]

INTAKE_SD_NUTRIENTS: tuple[str, ...] = (
    "energy_kcal",
    "magnesium_mg",
    "calcium_mg",
    "potassium_mg",
    "vitamin_d_ug",
    "vitamin_b12_ug",
)
MIN_AGE_YEARS = 14.0
# IOM 2000 (App. B pp. 190, 200): above a daily-intake CV of 60-70 % the normal-theory
# z-tests give wrong confidence levels. We take the lower end.
SKEWED_CV = 0.60

SOURCE = (
    "NHANES 2017-2018 day-1 and day-2 24-h recalls (DR1TOT_J, DR2TOT_J, DEMO_J; CDC/NCHS, "
    "public domain), pooled within-person SD computed as in IOM 2000 App. B by "
    "tools/build_intake_sd.py; see twitchcheck/data/intake_sd.md"
)
_FILE = "intake_sd.csv"


@dataclass(frozen=True, slots=True)
class IntakeVariation:
    """Day-to-day variation of one nutrient's intake in one sex and age group.

    Amounts are per day in `unit`; `cv` and `cv_log` are fractions (0.37 = 37 %).
    `cv_log` is the within-person SD of log intake, counted over persons who
    ate some of the nutrient on both days; it is the figure to use on a log scale.
    """

    nutrient_key: str
    sex: Sex
    age_group: str
    unit: str
    sd_within: float
    sd_within_seq_adj: float
    cv: float
    cv_log: float
    mean: float
    n: int
    source: str

    @property
    def skewed(self) -> bool:
        """True when the CV is above `SKEWED_CV`: the IOM z-test on this SD would mislead."""
        return self.cv > SKEWED_CV


@dataclass(frozen=True, slots=True)
class _Band:
    age_from: float
    age_to: float | None  # exclusive; None for the open top band
    variation: IntakeVariation


def within_person_sd(nutrient_key: str, sex: str, age_years: float) -> IntakeVariation:
    """The day-to-day SD of intake of `nutrient_key` for a person of this sex and age.

    Raises `UnknownEntryError` for a nutrient the table lacks, `ProfileError` for an
    impossible sex or age, and `InputError` for ages under 14.
    """
    bands = _table().get(nutrient_key)
    if bands is None:
        raise UnknownEntryError(
            f"no day-to-day intake SD for {nutrient_key!r}; the table covers "
            + ", ".join(INTAKE_SD_NUTRIENTS)
        )
    person_sex = parse_sex(sex)
    age = parse_age(age_years)
    if age < MIN_AGE_YEARS:
        raise InputError(
            f"no day-to-day intake SD for age {age:g} y: the NHANES table starts at "
            f"{MIN_AGE_YEARS:g} y (youngest group 14-18) and there are no vetted figures "
            "for children; give no confidence figure for this person"
        )
    for band in bands[person_sex]:
        if age >= band.age_from and (band.age_to is None or age < band.age_to):
            return band.variation
    raise DataError(f"{_FILE} has no {person_sex} band holding age {age:g}; reinstall twitchcheck")


@functools.cache
def _table() -> dict[str, dict[Sex, tuple[_Band, ...]]]:
    """The packaged table, read and checked once: nutrient -> sex -> DRI bands by age."""
    path = data_path(_FILE)
    try:
        with path.open(newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        bands = [_band(row) for row in rows if row["pooled"] == "0"]
    except (OSError, KeyError, ValueError) as error:
        raise DataError(
            f"{_FILE} is missing or malformed ({error}); reinstall twitchcheck"
        ) from error
    table: dict[str, dict[Sex, tuple[_Band, ...]]] = {}
    for key in INTAKE_SD_NUTRIENTS:
        table[key] = {}
        for sex in ("female", "male"):
            mine = sorted(
                (b for b in bands if b.variation.nutrient_key == key and b.variation.sex == sex),
                key=lambda b: b.age_from,
            )
            _check_bands(key, sex, mine)
            table[key][sex] = tuple(mine)
    return table


def _band(row: dict[str, str]) -> _Band:
    sex = parse_sex(row["sex"])
    return _Band(
        age_from=float(row["age_from_years"]),
        age_to=float(row["age_to_years"]) if row["age_to_years"] else None,
        variation=IntakeVariation(
            nutrient_key=row["nutrient_key"],
            sex=sex,
            age_group=row["age_group"],
            unit=row["unit"],
            sd_within=float(row["sd_within"]),
            sd_within_seq_adj=float(row["sd_within_seq_adj"]),
            cv=float(row["cv"]),
            cv_log=float(row["cv_log_scale"]),
            mean=float(row["mean"]),
            n=int(row["n"]),
            source=SOURCE,
        ),
    )


def _check_bands(key: str, sex: str, bands: list[_Band]) -> None:
    """The bands must run from 14 y without gaps or overlaps up to an open top band."""
    edges = [(b.age_from, b.age_to) for b in bands]
    ok = bool(bands) and bands[0].age_from == MIN_AGE_YEARS and bands[-1].age_to is None
    ok = ok and all(this[1] == following[0] for this, following in itertools.pairwise(edges))
    if not ok:
        raise DataError(f"{_FILE}: the {sex} bands for {key} are broken ({edges}); reinstall")
