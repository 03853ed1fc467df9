"""An optimised daily plan: a handful of foods, in household portions, that closes the gaps.

A mixed-integer programme solved with HiGHS (through highspy, its own Python interface):

- variables: for each shortlisted food, how many half-servings to add (0 to the cap),
  and whether the food is used at all;
- constraints: every gap nutrient reaches its target (RDA, or AI); no nutrient goes over
  its UL where the UL counts food (magnesium's counts supplements only, so food magnesium
  is not capped by it); a held nutrient (`caps`, the safety rules in ``advice``) rises by
  at most its allowance; added energy stays within the budget; at most `max_foods` foods;
- objective, in order of priority: fewest foods the person does not already eat or
  prefer (an everyday food counts as less of a change than an unusual one); then fewest
  foods at all; then least added energy.

When nothing satisfies every constraint, the constraints are relaxed one at a time
to find which blocks the plan and what would unblock it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

import numpy as np

from twitchcheck.advice.candidates import Candidate, Filters, allowed, one_per_kind, plan_settings
from twitchcheck.nutrient_keys import BY_KEY, FOCUS_KEYS
from twitchcheck.targets import Target

if TYPE_CHECKING:
    from numpy.typing import NDArray

NEW_FOOD = 1000.0  # objective weight of an unusual food the person does not eat or prefer
NEW_EVERYDAY_FOOD = 700.0  # ...and of an everyday food they do not eat yet
ANY_FOOD = 100.0  # objective weight of any food used
ENERGY_SHARE = 50.0  # the energy term never outweighs one food: at most this much
# HiGHS stops here and returns the best plan found; `Plan.optimal` says whether it proved
# that no better one exists. Every returned plan meets every constraint either way. When the
# time limit stops it, which of several near-optimal plans comes back can depend on how busy
# the machine is (a node limit would not, but costs seconds on this problem).
SOLVER_SECONDS = 0.4
RELAXED_FOODS = 10  # how far `explain` relaxes the number of foods...
RELAXED_SERVINGS = 4.0  # ...and the servings per food
# Relative optimality gap: small enough that the food counts are exact (a food costs at
# least ANY_FOOD, more than 2 % of any plan's cost), loose enough to stop early on energy.
MIP_GAP = 0.02


@dataclass(frozen=True)
class Settings:
    """The plan's limits (defaults in ``data/advice.toml``)."""

    max_foods: int = 5
    max_servings: float = 2.0
    step: float = 0.5
    energy_budget: float = 500.0
    shortlist: int = 25

    @classmethod
    def defaults(cls) -> Settings:
        raw = plan_settings()
        return cls(
            max_foods=int(raw["max_foods"]),
            max_servings=raw["max_servings_per_food"],
            step=raw["serving_step"],
            energy_budget=raw["energy_budget_kcal"],
            shortlist=int(raw["shortlist_per_nutrient"]),
        )


@dataclass(frozen=True, slots=True)
class PlanItem:
    food: Candidate
    servings: float
    existing: bool

    @property
    def grams(self) -> float:
        return self.servings * self.food.serving.grams

    def amount(self, key: str) -> float:
        return self.servings * self.food.per_serving(key)

    def to_dict(self, keys: Iterable[str] = (*FOCUS_KEYS, "energy_kcal")) -> dict[str, object]:
        return {
            "food": {"id": self.food.id, "name": self.food.name},
            "servings": self.servings,
            "portion": f"{self.servings:g} × {self.food.serving.label}",
            "grams": round(self.grams, 1),
            "already_eaten_or_preferred": self.existing,
            "adds": {k: round(self.amount(k), 2) for k in keys},
        }


@dataclass(frozen=True)
class Plan:
    feasible: bool
    items: tuple[PlanItem, ...]
    before: dict[str, float]
    after: dict[str, float]
    goals: dict[str, float]
    limits: dict[str, float]
    settings: Settings
    blocked_by: str | None = None
    relax: str | None = None
    optimal: bool = True
    caps: dict[str, float] = field(default_factory=dict)
    avoid: dict[str, float] = field(default_factory=dict)

    @property
    def tracked(self) -> tuple[str, ...]:
        """The nutrients the plan reports: the five, energy, and any held or avoided."""
        keys = {*FOCUS_KEYS, "energy_kcal", *self.goals, *self.limits, *self.caps, *self.avoid}
        return tuple(sorted(keys, key=_order))

    def added(self, key: str) -> float:
        """How much of `key` the plan's foods add together."""
        return sum(item.amount(key) for item in self.items)

    def to_dict(self) -> dict[str, object]:
        keys = self.tracked
        return {
            "feasible": self.feasible,
            "items": [item.to_dict(keys) for item in self.items],
            "nutrients": {
                key: {
                    "before": _rounded(self.before.get(key)),
                    "after": _rounded(self.after.get(key)),
                    "added": round(self.added(key), 2),
                    "goal": self.goals.get(key),
                    "upper_limit": self.limits.get(key),
                    "most_added": self.caps.get(key),
                }
                for key in keys
            },
            "avoided_per_serving_above": dict(self.avoid),
            "settings": {
                "max_foods": self.settings.max_foods,
                "max_servings_per_food": self.settings.max_servings,
                "energy_budget_kcal": self.settings.energy_budget,
            },
            "proven_optimal": self.optimal,
            "blocked_by": self.blocked_by,
            "relax": self.relax,
            "objective": "fewest new foods, then fewest foods, then least added energy",
        }


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _order(key: str) -> int:
    keys = list(BY_KEY)
    return keys.index(key) if key in keys else len(keys)


@dataclass(frozen=True)
class _Problem:
    """What the solver is asked: which foods, which goals and limits, from what intake."""

    pool: list[Candidate]
    goals: Mapping[str, float]
    limits: Mapping[str, float]
    before: Mapping[str, float]
    familiar: frozenset[str]
    caps: Mapping[str, float] = field(default_factory=dict)


def make_plan(
    gaps: Iterable[str],
    before: Mapping[str, float],
    targets: Mapping[str, Target],
    filters: Filters,
    existing: Iterable[str] = (),
    settings: Settings | None = None,
    *,
    caps: Mapping[str, float] | None = None,
    avoid: Mapping[str, float] | None = None,
) -> Plan:
    """Foods and amounts that bring every gap nutrient to its goal within every limit.

    `before` is current usual intake per nutrient key; `existing` the ids of foods the
    person already eats (they, and foods matching `filters.prefer`, count as not new).
    `caps` is the most the whole plan may add of a nutrient (a hold); `avoid` leaves out
    foods with more than so much of a nutrient per typical serving.
    """
    settings = settings or Settings.defaults()
    caps, avoid = dict(caps or {}), dict(avoid or {})
    goals = {key: targets[key].goal for key in gaps}
    limits = {key: t.ul for key, t in targets.items() if t.ul is not None and t.ul_counts_food}
    existing = set(existing)

    def problem(guarded: bool) -> _Problem:
        foods = [
            f for f in allowed(filters) if not guarded or usable(f, caps, avoid, settings.step)
        ]
        pool = one_per_kind(shortlist(foods, goals, settings.shortlist, existing, filters))
        familiar = frozenset(f.id for f in pool if f.id in existing or filters.prefers(f))
        return _Problem(pool, goals, limits, dict(before), familiar, caps if guarded else {})

    guarded = problem(True)
    solved = _solve(guarded, settings)
    if solved is not None:
        items, optimal = solved
        plan = _plan(True, items, before, goals, limits, settings)
        return replace(plan, optimal=optimal, caps=caps, avoid=avoid)
    unguarded = (lambda: problem(False)) if caps or avoid else None
    blocked, relax = explain(guarded, settings, unguarded, avoid)
    return Plan(
        False, (), dict(before), dict(before), goals, limits, settings, blocked, relax,
        caps=caps, avoid=avoid,
    )  # fmt: skip


def usable(
    food: Candidate, caps: Mapping[str, float], avoid: Mapping[str, float], step: float = 1.0
) -> bool:
    """Whether `step` servings of `food` stay within every cap and every per-serving limit."""
    if any(food.per_serving(key) > most for key, most in avoid.items()):
        return False
    return all(food.per_serving(key) * step <= cap for key, cap in caps.items())


def shortlist(
    foods: list[Candidate],
    goals: Mapping[str, float],
    per_nutrient: int,
    existing: set[str],
    filters: Filters,
) -> list[Candidate]:
    """The richest foods per serving for each gap, plus the familiar ones.

    Variants of one food ("Spinach, frozen, cooked" and "Spinach, canned, cooked") count
    once, the richest standing for all: a person picks spinach, not a USDA code.
    """
    chosen: dict[str, Candidate] = {}
    for key in goals:
        heads: set[str] = set()
        ranked = sorted(foods, key=lambda f: (-f.per_serving(key), f.id))
        for food in ranked:
            if food.per_serving(key) <= 0 or len(heads) >= per_nutrient:
                break
            if food.kind not in heads:
                heads.add(food.kind)
                chosen[food.id] = food
    for food in foods:
        if food.id in existing or filters.prefers(food):
            chosen[food.id] = food
    return sorted(chosen.values(), key=lambda f: f.id)


def _solve(problem: _Problem, settings: Settings) -> tuple[list[PlanItem], bool] | None:
    """Solve the MILP: the items and whether optimality was proven; None when infeasible."""
    pool, goals, limits, before, familiar = (
        problem.pool, problem.goals, problem.limits, problem.before, problem.familiar
    )  # fmt: skip
    n = len(pool)
    if n == 0:
        return None if goals else ([], True)
    steps = round(settings.max_servings / settings.step)

    def amount(key: str) -> NDArray[np.float64]:
        return np.array([f.per_serving(key) * settings.step for f in pool])

    rows: list[NDArray[np.float64]] = []
    lower: list[float] = []
    upper: list[float] = []
    zeros = np.zeros(n)
    # Rows in a fixed order: HiGHS stops within MIP_GAP of the optimum, and which of several
    # near-optimal plans it returns depends on the order the rows come in.
    for key, goal in sorted(goals.items()):  # reach every goal
        rows.append(np.concatenate([amount(key), zeros]))
        lower.append(goal - before.get(key, 0.0))
        upper.append(math.inf)
    for key, limit in sorted(limits.items()):  # stay under every UL that counts food
        rows.append(np.concatenate([amount(key), zeros]))
        lower.append(-math.inf)
        upper.append(max(limit - before.get(key, 0.0), 0.0))
    for key, cap in sorted(problem.caps.items()):  # a held nutrient rises by its allowance at most
        rows.append(np.concatenate([amount(key), zeros]))
        lower.append(-math.inf)
        upper.append(cap)
    if math.isfinite(settings.energy_budget):
        rows.append(np.concatenate([amount("energy_kcal"), zeros]))
        lower.append(-math.inf)
        upper.append(settings.energy_budget)
    for i in range(n):  # servings only of a food that is used
        row = np.zeros(2 * n)
        row[i], row[n + i] = 1.0, -steps
        rows.append(row)
        lower.append(-math.inf)
        upper.append(0.0)
    rows.append(np.concatenate([zeros, np.ones(n)]))  # a handful of foods
    lower.append(0.0)
    upper.append(float(settings.max_foods))

    energy = amount("energy_kcal")
    scale = ENERGY_SHARE / max(
        settings.energy_budget if math.isfinite(settings.energy_budget) else 0, 1000.0
    )
    cost = np.concatenate([energy * scale, [ANY_FOOD + _newness(f, familiar) for f in pool]])
    solution = _highs(cost, np.vstack(rows), lower, upper, np.full(n, steps))
    if solution is None:
        return None
    values, proven = solution
    items = [
        PlanItem(food, round(values[i]) * settings.step, food.id in familiar)
        for i, food in enumerate(pool)
        if round(values[i]) > 0
    ]
    return items, proven


def _highs(
    cost: NDArray[np.float64],
    matrix: NDArray[np.float64],
    lower: list[float],
    upper: list[float],
    steps: NDArray[np.float64],
) -> tuple[list[float], bool] | None:
    """Minimise `cost` over integer servings (0..steps) and use flags (0/1) within the rows'
    bounds, with HiGHS through highspy (imported here: it is only needed to solve). The
    values and whether optimality was proven, or None when no feasible plan was found."""
    import highspy
    from highspy import _core

    # The core class, not highspy.Highs: the wrapper's constructor prints HiGHS's banner on
    # stdout, which would corrupt `plan --json`; the core class logs nothing before run()
    # and honours output_flag set first.
    h = _core._Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("time_limit", SOLVER_SECONDS)
    h.setOptionValue("mip_rel_gap", MIP_GAP)
    count = len(cost)
    inf = highspy.kHighsInf
    columns = np.arange(count, dtype=np.int32)
    h.addVars(count, np.zeros(count), np.concatenate([steps, np.ones(len(steps))]))
    h.changeColsCost(count, columns, cost.astype(np.float64))
    h.changeColsIntegrality(
        count, columns, np.full(count, highspy.HighsVarType.kInteger, dtype=np.uint8)
    )
    for row, low, high in zip(matrix, lower, upper, strict=True):
        (used,) = np.nonzero(row)
        h.addRow(
            -inf if math.isinf(low) else low,
            inf if math.isinf(high) else high,
            len(used),
            used.astype(np.int32),
            row[used],
        )
    h.run()
    status = h.getModelStatus()
    found = h.getInfo().primal_solution_status == 2  # a feasible solution is at hand
    if status == highspy.HighsModelStatus.kOptimal:
        return list(h.getSolution().col_value), True
    if found and status in (
        highspy.HighsModelStatus.kTimeLimit,
        highspy.HighsModelStatus.kIterationLimit,
        highspy.HighsModelStatus.kSolutionLimit,
    ):
        return list(h.getSolution().col_value), False
    return None


def _newness(food: Candidate, familiar: frozenset[str]) -> float:
    if food.id in familiar:
        return 0.0
    return NEW_EVERYDAY_FOOD if food.everyday else NEW_FOOD


def explain(
    problem: _Problem,
    settings: Settings,
    unguarded: Callable[[], _Problem] | None = None,
    avoid: Mapping[str, float] | None = None,
) -> tuple[str, str]:
    """Which constraint blocks the plan, and what would unblock it.

    `unguarded` builds the same problem without the safety rules (`caps`, `avoid`): when
    that one can be solved, the rules are what block the plan, and they are never relaxed.
    """
    if unguarded is not None and _solve(unguarded(), settings) is not None:
        rules = [
            f"{BY_KEY[k].label.lower()} is held (at most {cap:g} {BY_KEY[k].unit} added)"
            for k, cap in problem.caps.items()
        ] + [f"{BY_KEY[k].label.lower()}-rich foods are left out" for k in avoid or {}]
        wanted = " and ".join(BY_KEY[k].label.lower() for k in problem.goals)
        return (
            f"the safety rules ({'; '.join(rules)}): the foods that close the gaps break them",
            f"the rules stay; ask a clinician or dietitian how to meet your {wanted} needs safely",
        )
    for key, goal in problem.goals.items():
        label, unit = BY_KEY[key].label, BY_KEY[key].unit
        needed = goal - problem.before.get(key, 0.0)
        richest = sorted((food.per_serving(key) for food in problem.pool), reverse=True)
        most = sum(richest[:RELAXED_FOODS]) * RELAXED_SERVINGS
        if most < needed:
            what = "no food your filters allow supplies" if not any(richest) else "too little"
            return (
                f"{what} {label}: at most {most:.3g} {unit} of the {needed:.3g} needed, even "
                f"from {RELAXED_FOODS} foods at {RELAXED_SERVINGS:g} servings each",
                f"loosen the filters or add fortified foods you would eat; otherwise ask a "
                f"clinician about {label}",
            )
    solved = _solve(problem, replace(settings, energy_budget=math.inf))
    if solved is not None:
        needed = math.ceil(sum(i.amount("energy_kcal") for i in solved[0]) / 50) * 50
        return (
            f"the energy budget ({settings.energy_budget:g} kcal)",
            f"it becomes possible with an energy budget of about {needed:.0f} kcal",
        )
    trials = [
        (f"the number of foods (at most {settings.max_foods})",
         replace(settings, max_foods=RELAXED_FOODS), f"up to {RELAXED_FOODS} foods"),
        (f"the servings per food (at most {settings.max_servings:g})",
         replace(settings, max_servings=RELAXED_SERVINGS),
         f"up to {RELAXED_SERVINGS:g} servings of a food"),
    ]  # fmt: skip
    for blocked, relaxed, remedy in trials:
        if _solve(problem, relaxed) is not None:
            return blocked, f"it becomes possible with {remedy}"
    for key, limit in problem.limits.items():
        fewer = {k: v for k, v in problem.limits.items() if k != key}
        if _solve(replace(problem, limits=fewer), settings) is not None:
            label = BY_KEY[key].label
            return (
                f"the upper limit for {label} ({limit:g} {BY_KEY[key].unit})",
                f"the foods that close the gaps would take {label} over its upper limit; "
                "close the gaps one at a time with a dietitian",
            )
    return (
        "the gaps together are too large for a few foods",
        "close them over time, one at a time, with a dietitian",
    )


def _plan(
    feasible: bool,
    items: list[PlanItem],
    before: Mapping[str, float],
    goals: dict[str, float],
    limits: dict[str, float],
    settings: Settings,
) -> Plan:
    keys = set(before) | set(goals) | set(limits) | set(FOCUS_KEYS) | {"energy_kcal"}
    after = {key: before.get(key, 0.0) + sum(i.amount(key) for i in items) for key in keys}
    ordered = tuple(sorted(items, key=lambda i: (not i.existing, i.food.name)))
    return Plan(feasible, ordered, dict(before), after, goals, limits, settings)
