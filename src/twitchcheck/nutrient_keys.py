"""The nutrient keys, fixed by DESIGN.md: each name carries its unit.

The order here is the order of every table and JSON object we print.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class NutrientKey:
    key: str
    label: str
    unit: str


NUTRIENTS: tuple[NutrientKey, ...] = (
    NutrientKey("energy_kcal", "Energy", "kcal"),
    NutrientKey("protein_g", "Protein", "g"),
    NutrientKey("fat_g", "Fat", "g"),
    NutrientKey("carbohydrate_g", "Carbohydrate", "g"),
    NutrientKey("fiber_g", "Fibre", "g"),
    NutrientKey("sugars_g", "Sugars", "g"),
    NutrientKey("magnesium_mg", "Magnesium", "mg"),
    NutrientKey("calcium_mg", "Calcium", "mg"),
    NutrientKey("vitamin_d_ug", "Vitamin D", "µg"),
    NutrientKey("potassium_mg", "Potassium", "mg"),
    NutrientKey("vitamin_b12_ug", "Vitamin B12", "µg"),
    NutrientKey("sodium_mg", "Sodium", "mg"),
    NutrientKey("phosphorus_mg", "Phosphorus", "mg"),
    NutrientKey("zinc_mg", "Zinc", "mg"),
    NutrientKey("iron_mg", "Iron", "mg"),
    NutrientKey("vitamin_b6_mg", "Vitamin B6", "mg"),
    NutrientKey("folate_dfe_ug", "Folate (DFE)", "µg"),
    NutrientKey("vitamin_c_mg", "Vitamin C", "mg"),
    NutrientKey("caffeine_mg", "Caffeine", "mg"),
    NutrientKey("alcohol_g", "Alcohol", "g"),
    NutrientKey("water_g", "Water", "g"),
)

NUTRIENT_KEYS: tuple[str, ...] = tuple(n.key for n in NUTRIENTS)
BY_KEY: dict[str, NutrientKey] = {n.key: n for n in NUTRIENTS}

# The five nutrients the product investigates.
FOCUS_KEYS: tuple[str, ...] = (
    "magnesium_mg",
    "calcium_mg",
    "vitamin_d_ug",
    "potassium_mg",
    "vitamin_b12_ug",
)
