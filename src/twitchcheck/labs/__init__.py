"""Lab results: read "ANALYTE VALUE UNIT", convert to SI and conventional units, classify.

The analytes, units, factors, ranges and notes live in `data/labs.yaml`, each figure
with its source ids. Factors come from molar masses (10/M for mg/dL -> mmol/L,
1000/M for ng/mL -> nmol/L and pg/mL -> pmol/L), so conversions round-trip exactly
up to float precision. Every value is converted to SI first and judged against one SI
edge per cut-off (statuses, grades, urgent levels), so the unit typed never changes a
result: "1.2 mg/dL" magnesium is judged as the 0.494 mmol/L it is.

What a living person could show (per analyte, in SI) is in data/limits.toml ([lab]); a value
outside is refused, a critical one inside (potassium 7.5 mmol/L) is accepted and raised. A
result is at most input.text_chars long and a call reads at most input.labs results.
"""

from twitchcheck.labs.analytes import (
    URGENT_LEVELS,
    Analyte,
    LabNote,
    analytes,
    clear_statuses,
    convert,
    get_analyte,
)
from twitchcheck.labs.interpret import SEXES, LabResult, interpret_labs
from twitchcheck.labs.reading import LabReading, parse_lab

__all__ = [
    "SEXES",
    "URGENT_LEVELS",
    "Analyte",
    "LabNote",
    "LabReading",
    "LabResult",
    "analytes",
    "clear_statuses",
    "convert",
    "get_analyte",
    "interpret_labs",
    "parse_lab",
]
