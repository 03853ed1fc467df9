"""The nutrient keys, fixed by DESIGN.md: each name carries its unit.

The order here is the order of every table and JSON object we print.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Nutrient:
    key: str
    label: str
    unit: str


NUTRIENTS: tuple[Nutrient, ...] = (
    Nutrient("energy_kcal", "Energy", "kcal"),
    Nutrient("protein_g", "Protein", "g"),
    Nutrient("fat_g", "Fat", "g"),
    Nutrient("carbohydrate_g", "Carbohydrate", "g"),
    Nutrient("fiber_g", "Fibre", "g"),
    Nutrient("sugars_g", "Sugars", "g"),
    Nutrient("magnesium_mg", "Magnesium", "mg"),
    Nutrient("calcium_mg", "Calcium", "mg"),
    Nutrient("vitamin_d_ug", "Vitamin D", "µg"),
    Nutrient("potassium_mg", "Potassium", "mg"),
    Nutrient("vitamin_b12_ug", "Vitamin B12", "µg"),
    Nutrient("sodium_mg", "Sodium", "mg"),
    Nutrient("phosphorus_mg", "Phosphorus", "mg"),
    Nutrient("zinc_mg", "Zinc", "mg"),
    Nutrient("iron_mg", "Iron", "mg"),
    Nutrient("vitamin_b6_mg", "Vitamin B6", "mg"),
    Nutrient("folate_dfe_ug", "Folate (DFE)", "µg"),
    Nutrient("vitamin_c_mg", "Vitamin C", "mg"),
    Nutrient("caffeine_mg", "Caffeine", "mg"),
    Nutrient("alcohol_g", "Alcohol", "g"),
    Nutrient("water_g", "Water", "g"),
)

NUTRIENT_KEYS: tuple[str, ...] = tuple(n.key for n in NUTRIENTS)
BY_KEY: dict[str, Nutrient] = {n.key: n for n in NUTRIENTS}

# The five nutrients the product investigates.
FOCUS_KEYS: tuple[str, ...] = (
    "magnesium_mg",
    "calcium_mg",
    "vitamin_d_ug",
    "potassium_mg",
    "vitamin_b12_ug",
)
