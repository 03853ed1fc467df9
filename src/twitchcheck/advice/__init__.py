"""Advice: the foods that close a person's gaps, an optimised plan, and safety notes.

    advice = advise(Person(45, "female"), Filters.parse("vegan"), gaps_from_analysis(analysis))

Gaps come from a diet analysis, or, without a diary, from the national average
intake for the person's sex and age (NHANES 2017-2018, from `intake_sd`), replaced
where the diet pattern leaves out the foods that figure comes from (a vegan's B12).
Supplements with a dose count in current intake. For each gap the richest allowed
foods are listed per typical serving and per 100 kcal; the plan
(`optimiser.make_plan`) picks a handful of them.

Before any of that, the safety rules in ``data/advice.toml`` decide what the plan must
never add: a nutrient the person's medicines, conditions or supplements raise is held
at current intake (unless a lab shows it low), as is one a lab shows high; phosphorus-rich
foods are left out with kidney disease. Each rule that changed the plan becomes a
`PlanChange`, shown before everything else. Notes on absorption and on supplements
come from the knowledge base with their sources; no dose is given.
"""

from __future__ import annotations

from twitchcheck.advice.advise import advise
from twitchcheck.advice.gaps import gaps_from_analysis, gaps_from_names, nutrient_key
from twitchcheck.advice.result import (
    Advice,
    AdviceNote,
    Gap,
    PlanChange,
    Suggestion,
    nutrient_name,
)
from twitchcheck.advice.suggestions import suggest

__all__ = [
    "Advice",
    "AdviceNote",
    "Gap",
    "PlanChange",
    "Suggestion",
    "advise",
    "gaps_from_analysis",
    "gaps_from_names",
    "nutrient_key",
    "nutrient_name",
    "suggest",
]
