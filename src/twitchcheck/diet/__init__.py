"""Diet analysis: a diary's days → totals, usual intake, adequacy and the foods behind each number.

    analysis = analyze(read_diary(path), Person(40, "female"), supplements)

Per day, every nutrient key is totalled, with a count of the items that had no
value for it (an unknown is never a zero): a day where no item has a value has no
total (None). Usual intake is the mean over the days that have one; daily supplements
with a dose are added to it, and the total is judged against the person's reference
intakes by the IOM method (`adequacy`), the upper limits counting what each counts
(magnesium's: supplements only). A nutrient the diary does not carry at all (a
MyFitnessPal export has no magnesium) is judged "unknown", never short; so is one whose
recorded total is short while more than diary.unknown_share of the items lack it. The
foods that supplied most of each nutrient are listed. The result can be handed to the
screening as evidence (`to_screening`) and to the plan (`usual` holds only what is known).
"""

from __future__ import annotations

from twitchcheck.diet.analysis import analyze
from twitchcheck.diet.intake import daily_totals, supplement_amounts, top_sources, usual_intake
from twitchcheck.diet.result import (
    DayTotals,
    DietAnalysis,
    FoodSource,
    LineCounts,
    NutrientResult,
    UnknownNutrient,
)

__all__ = [
    "DayTotals",
    "DietAnalysis",
    "FoodSource",
    "LineCounts",
    "NutrientResult",
    "UnknownNutrient",
    "analyze",
    "daily_totals",
    "supplement_amounts",
    "top_sources",
    "usual_intake",
]
