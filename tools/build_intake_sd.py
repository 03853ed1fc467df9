"""Build twitchcheck's table of day-to-day (within-person) SDs of intake from NHANES 2017-2018.

    python tools/build_intake_sd.py [--source ../shared/data/nhanes] [--out FILE]

(--out defaults to src/twitchcheck/data/intake_sd.csv, the shipped table.)

The IOM (2000) method for judging one person's usual intake needs, for each
nutrient, the pooled within-person SD of one day's intake in the person's sex and
age group. This script derives it from the two 24-hour recalls of NHANES
2017-2018, exactly as ``shared/reference/intake-sd-nhanes.md`` describes, so that
the shipped table can be rebuilt and checked against that vetted note.

Inputs (public domain; provenance and checksums in the source folder's PROVENANCE.md):
  NHANES_20172018.rda  R data object; its ``NUTRIENT`` table is DR1TOT_J (day 1).
                       Read with the PyPI package ``rdata`` (build-time only).
  DR2TOT_J.csv         day-2 totals (full CSV export of DR2TOT_J)
  DEMO_J.csv           sex, age, pregnancy status

The raw files are the source. The folder also holds a two-day subset CSV that a
maintainer derived from the same three files; it is not used for the figures,
only read (when present) to confirm that our join of the raw files gives the same
numbers cell for cell, which guards the join and the reading of the .rda.

Selection: both recalls "reliable and met the minimum criteria" (DR1DRSTZ =
DR2DRSTZ = 1), age 14 or more, women recorded as pregnant (RIDEXPRG = 1) left
out. Per nutrient, sex and age group, with d = day 1 - day 2 for each person:
  sd_within          sqrt(mean(d^2) / 2)          the main figure
  sd_within_seq_adj  sqrt(var(d) / 2), var with n - 1 (removes the day-2 shift)
  mean               mean of all 2n daily values; cv = sd_within / mean
  cv_log_scale       sqrt(mean((ln x1 - ln x2)^2) / 2) over persons with both days > 0
  weighted_*         with the two-day dietary weight WTDR2D
  skew_daily         skewness (moment estimator) of the 2n daily values
  sd_within_trim1    sd_within after dropping the round(1 %) of persons with largest |d|

The output is deterministic: rows sorted, every figure rounded to a fixed number
of decimals, nothing time-dependent written.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import math
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = HERE.parent.parent / "shared" / "data" / "nhanes"
DEFAULT_OUT = HERE.parent / "src" / "twitchcheck" / "data" / "intake_sd.csv"

DAY1_RDA = "NHANES_20172018.rda"
DAY2_CSV = "DR2TOT_J.csv"
DEMO_CSV = "DEMO_J.csv"
SUBSET_CSV = "NHANES_2017_2018_two_day_subset.csv"

# sha256 of the raw inputs as recorded in PROVENANCE.md; a different file is a different table.
SHA256 = {
    DAY1_RDA: "ce1c5c94c03d8fbed23da0404c8aec6da395896cdc815d215386f69c1331ff66",
    DAY2_CSV: "39bb8e41a87b4b73aec9f6e3a4431e2eb2ba72f44f0ecb332b45e815c320728a",
    DEMO_CSV: "979666d4a5949d20134beba759cd5d85e3c0d036505aaf9220f94824e84d8542",
}

MIN_AGE_YEARS = 14


@dataclass(frozen=True)
class NutrientSpec:
    key: str  # twitchcheck nutrient key (DESIGN.md)
    suffix: str  # NHANES total-intake variable without the DR1T/DR2T prefix
    unit: str
    decimals: int  # for figures in the nutrient's unit


NUTRIENTS: tuple[NutrientSpec, ...] = (
    NutrientSpec("calcium_mg", "CALC", "mg/d", 1),
    NutrientSpec("energy_kcal", "KCAL", "kcal/d", 1),
    NutrientSpec("magnesium_mg", "MAGN", "mg/d", 1),
    NutrientSpec("potassium_mg", "POTA", "mg/d", 1),
    NutrientSpec("vitamin_b12_ug", "VB12", "ug/d", 3),
    NutrientSpec("vitamin_d_ug", "VD", "ug/d", 3),
)


@dataclass(frozen=True)
class AgeGroup:
    label: str
    age_from: int  # years, inclusive
    age_to: int | None  # years, exclusive; None = open-ended (NHANES top-codes age at 80)
    pooled: bool  # a union of DRI bands kept for comparison with IOM's 19-50 and 51+ tables

    def holds(self, age: int) -> bool:
        return age >= self.age_from and (self.age_to is None or age < self.age_to)


AGE_GROUPS: tuple[AgeGroup, ...] = (
    AgeGroup("14-18", 14, 19, pooled=False),
    AgeGroup("19-30", 19, 31, pooled=False),
    AgeGroup("31-50", 31, 51, pooled=False),
    AgeGroup("51-70", 51, 71, pooled=False),
    AgeGroup("71+", 71, None, pooled=False),
    AgeGroup("19-50", 19, 51, pooled=True),
    AgeGroup("51+", 51, None, pooled=True),
)

SEXES = {1: "male", 2: "female"}  # RIAGENDR

COLUMNS = (
    "nutrient_key",
    "sex",
    "age_group",
    "age_from_years",
    "age_to_years",
    "pooled",
    "unit",
    "n",
    "mean",
    "sd_within",
    "cv",
    "sd_within_seq_adj",
    "mean_day1_minus_day2",
    "cv_log_scale",
    "n_log",
    "weighted_mean",
    "sd_within_weighted",
    "cv_weighted",
    "skew_daily",
    "sd_within_trim1",
)
CV_DECIMALS = 4
SKEW_DECIMALS = 3


@dataclass(frozen=True)
class Record:
    """One DR1TOT_J record joined with its DR2TOT_J and DEMO_J rows."""

    seqn: int
    sex: int | None
    age: int | None
    pregnancy: int | None  # RIDEXPRG: 1 pregnant, 2 not, 3 cannot ascertain
    status1: int | None
    status2: int | None
    weight2: float | None  # WTDR2D
    day1: tuple[float | None, ...]  # in NUTRIENTS order
    day2: tuple[float | None, ...]


@dataclass(frozen=True)
class Selection:
    records_merged: int
    both_days_reliable: int
    age_14_plus: int
    pregnant_excluded: int
    analysed: int


class SourceError(Exception):
    """An input file is missing, altered or does not agree with the others."""


# ---------------------------------------------------------------- reading


def _number(text: str | float | None) -> float | None:
    """A value as the derived subset writes it: NA/empty/NaN -> None, else 12 significant digits.

    The .rda and the CSV exports can differ in the last binary digit (0.33 vs
    0.33000000000000007); rounding to 12 significant digits makes them equal.
    """
    if text is None:
        return None
    if isinstance(text, str):
        text = text.strip()
        if text in ("", "NA"):
            return None
    value = float(text)
    if math.isnan(value):
        return None
    return float(f"{value:.12g}")


def _integer(text: str | float | None) -> int | None:
    value = _number(text)
    if value is None:
        return None
    if value != int(value):
        raise SourceError(f"expected a whole number, found {text!r}")
    return int(value)


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _by_seqn(rows: Iterable[Mapping[str, Any]], name: str) -> dict[int, Mapping[str, Any]]:
    out: dict[int, Mapping[str, Any]] = {}
    for row in rows:
        seqn = _integer(row["SEQN"])
        if seqn is None or seqn in out:
            raise SourceError(f"{name}: missing or repeated SEQN {row['SEQN']!r}")
        out[seqn] = row
    return out


def check_sha256(source: Path) -> None:
    """Fail unless every raw input is byte for byte the file PROVENANCE.md describes."""
    for name, expected in SHA256.items():
        path = source / name
        if not path.is_file():
            raise SourceError(f"{path} not found; point --source at shared/data/nhanes")
        actual = hashlib.sha256(path.read_bytes()).hexdigest()
        if actual != expected:
            raise SourceError(f"{path}: sha256 {actual} differs from PROVENANCE.md ({expected})")


def read_day1(source: Path) -> list[dict[str, Any]]:
    """DR1TOT_J rows (the ``NUTRIENT`` table of the .rda), one dict per record."""
    import rdata  # build-time dependency only

    # The tables are tibbles; read them as the plain data frames they are (rdata warns otherwise).
    frame = rdata.conversion.DEFAULT_CLASS_MAP["data.frame"]
    constructors = {**rdata.conversion.DEFAULT_CLASS_MAP, "tbl_df": frame, "tbl": frame}
    data = rdata.read_rda(source / DAY1_RDA, constructor_dict=constructors)
    table = data["NHANES_20172018"]["NUTRIENT"]
    wanted = ["SEQN", "DR1DRSTZ", *(f"DR1T{n.suffix}" for n in NUTRIENTS)]
    columns = {name: [None if v != v else float(v) for v in table[name]] for name in wanted}
    return [{name: columns[name][i] for name in wanted} for i in range(len(columns["SEQN"]))]


def read_raw(source: Path) -> list[Record]:
    """Join day 1 (left), day 2 and demographics on SEQN, as NHANES documents them."""
    day1 = _by_seqn(read_day1(source), "DR1TOT_J")
    day2 = _by_seqn(_read_csv(source / DAY2_CSV), "DR2TOT_J")
    demo = _by_seqn(_read_csv(source / DEMO_CSV), "DEMO_J")
    records = []
    for seqn in sorted(day1):
        one, two, person = day1[seqn], day2.get(seqn, {}), demo.get(seqn, {})
        records.append(
            Record(
                seqn=seqn,
                sex=_integer(person.get("RIAGENDR")),
                age=_integer(person.get("RIDAGEYR")),
                pregnancy=_integer(person.get("RIDEXPRG")),
                status1=_integer(one["DR1DRSTZ"]),
                status2=_integer(two.get("DR2DRSTZ")),
                weight2=_number(two.get("WTDR2D")),
                day1=tuple(_number(one[f"DR1T{n.suffix}"]) for n in NUTRIENTS),
                day2=tuple(_number(two.get(f"DR2T{n.suffix}")) for n in NUTRIENTS),
            )
        )
    return records


def read_subset(source: Path) -> list[Record]:
    """The same records from the maintainer's derived two-day subset CSV."""
    rows = _read_csv(source / SUBSET_CSV)
    return sorted(
        (
            Record(
                seqn=int(row["SEQN"]),
                sex=_integer(row["RIAGENDR"]),
                age=_integer(row["RIDAGEYR"]),
                pregnancy=_integer(row["RIDEXPRG"]),
                status1=_integer(row["DR1DRSTZ"]),
                status2=_integer(row["DR2DRSTZ"]),
                weight2=_number(row["WTDR2D"]),
                day1=tuple(_number(row[f"DR1T{n.suffix}"]) for n in NUTRIENTS),
                day2=tuple(_number(row[f"DR2T{n.suffix}"]) for n in NUTRIENTS),
            )
            for row in rows
        ),
        key=lambda record: record.seqn,
    )


def cross_check(raw: Sequence[Record], subset: Sequence[Record]) -> None:
    """Fail unless the derived subset holds exactly the records and values of the raw join."""
    if len(raw) != len(subset):
        raise SourceError(f"raw join has {len(raw)} records, {SUBSET_CSV} has {len(subset)}")
    for mine, theirs in zip(raw, subset, strict=True):
        if mine != theirs:
            raise SourceError(
                f"SEQN {mine.seqn}: raw join {mine} differs from {SUBSET_CSV} {theirs}"
            )


# ---------------------------------------------------------------- selection


@dataclass(frozen=True)
class Respondent:
    sex: str
    age: int
    weight: float
    day1: tuple[float, ...]
    day2: tuple[float, ...]


def select(records: Sequence[Record]) -> tuple[list[Respondent], Selection]:
    """Persons with two reliable recalls, aged 14+, not pregnant; with the counts at each step."""
    reliable = [r for r in records if r.status1 == 1 and r.status2 == 1]
    older = [r for r in reliable if r.age is not None and r.age >= MIN_AGE_YEARS]
    kept = [r for r in older if r.pregnancy != 1]
    persons = []
    for r in kept:
        if r.sex not in SEXES or r.weight2 is None:
            raise SourceError(f"SEQN {r.seqn}: reliable recalls but no sex or day-2 weight")
        if any(v is None for v in (*r.day1, *r.day2)):
            raise SourceError(f"SEQN {r.seqn}: reliable recall with a missing nutrient total")
        assert r.age is not None
        persons.append(
            Respondent(
                sex=SEXES[r.sex],
                age=r.age,
                weight=r.weight2,
                day1=tuple(v for v in r.day1 if v is not None),
                day2=tuple(v for v in r.day2 if v is not None),
            )
        )
    selection = Selection(
        records_merged=len(records),
        both_days_reliable=len(reliable),
        age_14_plus=len(older),
        pregnant_excluded=len(older) - len(kept),
        analysed=len(persons),
    )
    return persons, selection


# ---------------------------------------------------------------- statistics


@dataclass(frozen=True)
class GroupStats:
    n: int
    mean: float
    sd_within: float
    cv: float
    sd_within_seq_adj: float
    mean_day1_minus_day2: float
    cv_log_scale: float
    n_log: int
    weighted_mean: float
    sd_within_weighted: float
    cv_weighted: float
    skew_daily: float
    sd_within_trim1: float


def _mean(values: Sequence[float]) -> float:
    return math.fsum(values) / len(values)


def group_stats(pairs: Sequence[tuple[float, float]], weights: Sequence[float]) -> GroupStats:
    """The reference's figures for one group, from each person's (day 1, day 2) intake."""
    n = len(pairs)
    diffs = [one - two for one, two in pairs]
    squares = [d * d for d in diffs]
    daily = [value for pair in pairs for value in pair]

    mean = _mean(daily)
    sd_within = math.sqrt(_mean(squares) / 2)
    mean_diff = _mean(diffs)
    var_diff = math.fsum((d - mean_diff) ** 2 for d in diffs) / (n - 1)

    logs = [math.log(one) - math.log(two) for one, two in pairs if one > 0 and two > 0]
    cv_log = math.sqrt(_mean([x * x for x in logs]) / 2)

    total_weight = math.fsum(weights)
    weighted_mean = math.fsum(w * (one + two) for w, (one, two) in zip(weights, pairs, strict=True))
    weighted_mean /= 2 * total_weight
    weighted_sd = math.sqrt(
        math.fsum(w * s for w, s in zip(weights, squares, strict=True)) / (2 * total_weight)
    )

    centred = [x - mean for x in daily]
    m2 = _mean([c * c for c in centred])
    m3 = _mean([c * c * c for c in centred])
    skew = m3 / m2**1.5

    # Drop the round(1 %) of persons with the largest |d| (which of tied persons goes is moot).
    dropped = round(0.01 * n)
    kept = sorted(squares)[: n - dropped]
    sd_trim = math.sqrt(_mean(kept) / 2)

    return GroupStats(
        n=n,
        mean=mean,
        sd_within=sd_within,
        cv=sd_within / mean,
        sd_within_seq_adj=math.sqrt(var_diff / 2),
        mean_day1_minus_day2=mean_diff,
        cv_log_scale=cv_log,
        n_log=len(logs),
        weighted_mean=weighted_mean,
        sd_within_weighted=weighted_sd,
        cv_weighted=weighted_sd / weighted_mean,
        skew_daily=skew,
        sd_within_trim1=sd_trim,
    )


# ---------------------------------------------------------------- output


def _fixed(decimals: int, value: float) -> str:
    text = f"{value:.{decimals}f}"
    return text[1:] if text.startswith("-") and float(text) == 0 else text  # no "-0.0"


def build_rows(persons: Sequence[Respondent]) -> list[dict[str, str]]:
    """One row per nutrient x sex x age group, sorted, every figure as fixed-decimal text."""
    rows = []
    for index, nutrient in enumerate(NUTRIENTS):
        for sex in sorted(SEXES.values()):
            for group in sorted(AGE_GROUPS, key=lambda g: (g.pooled, g.age_from)):
                members = [p for p in persons if p.sex == sex and group.holds(p.age)]
                stats = group_stats(
                    [(p.day1[index], p.day2[index]) for p in members],
                    [p.weight for p in members],
                )
                places = nutrient.decimals
                rows.append(
                    {
                        "nutrient_key": nutrient.key,
                        "sex": sex,
                        "age_group": group.label,
                        "age_from_years": str(group.age_from),
                        "age_to_years": "" if group.age_to is None else str(group.age_to),
                        "pooled": "1" if group.pooled else "0",
                        "unit": nutrient.unit,
                        "n": str(stats.n),
                        "mean": _fixed(places, stats.mean),
                        "sd_within": _fixed(places, stats.sd_within),
                        "cv": _fixed(CV_DECIMALS, stats.cv),
                        "sd_within_seq_adj": _fixed(places, stats.sd_within_seq_adj),
                        "mean_day1_minus_day2": _fixed(places, stats.mean_day1_minus_day2),
                        "cv_log_scale": _fixed(CV_DECIMALS, stats.cv_log_scale),
                        "n_log": str(stats.n_log),
                        "weighted_mean": _fixed(places, stats.weighted_mean),
                        "sd_within_weighted": _fixed(places, stats.sd_within_weighted),
                        "cv_weighted": _fixed(CV_DECIMALS, stats.cv_weighted),
                        "skew_daily": _fixed(SKEW_DECIMALS, stats.skew_daily),
                        "sd_within_trim1": _fixed(places, stats.sd_within_trim1),
                    }
                )
    return rows


def write_csv(rows: Sequence[Mapping[str, str]], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def build(source: Path) -> tuple[list[dict[str, str]], Selection]:
    """Check and read the inputs, select persons, and return the table rows and the counts."""
    check_sha256(source)
    records = read_raw(source)
    if (source / SUBSET_CSV).is_file():
        cross_check(records, read_subset(source))
    persons, selection = select(records)
    return build_rows(persons), selection


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="NHANES folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="CSV to write")
    args = parser.parse_args(argv)
    try:
        rows, selection = build(args.source)
    except SourceError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    write_csv(rows, args.out)
    print(
        f"{args.out}: {len(rows)} rows from {selection.analysed} persons "
        f"({selection.records_merged} records, {selection.both_days_reliable} with two reliable "
        f"recalls, {selection.age_14_plus} aged {MIN_AGE_YEARS}+, "
        f"{selection.pregnant_excluded} pregnant excluded)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
