"""The points model: each contributor starts at its prior and every answer that bears on it
adds or removes points, recorded as evidence with its source (weights in screening.yaml)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from twitchcheck.knowledge import KnowledgeBase, NutrientEffect
from twitchcheck.labs import LabResult, clear_statuses, get_analyte
from twitchcheck.model_data import set_fields
from twitchcheck.screen.answers import Answers
from twitchcheck.screen.found import (
    Found,
    Raiser,
    holds,
)
from twitchcheck.screen.model import ScreeningModel, When
from twitchcheck.screen.result import (
    TRIAGE_ORDER,
    Evidence,
    Reason,
)


@dataclass
class Tally:
    """Evidence gathered per contributor while screening."""

    evidence: dict[str, list[Evidence]] = field(default_factory=lambda: defaultdict(list))

    def add(
        self, contributor: str, answer: str, points: float, why: str, sources: Iterable[str]
    ) -> None:
        if points:
            self.evidence[contributor].append(Evidence(answer, points, why, tuple(sources)))

    def score(self, contributor: str, prior: float) -> float:
        return prior + sum(e.points for e in self.evidence.get(contributor, ()))


def _apply_rules(
    tally: Tally,
    model: ScreeningModel,
    kb: KnowledgeBase,
    answers: Answers,
    found: Found,
) -> None:
    for rule in model.rules:
        if holds(rule.when, answers, found):
            answer = _describe_when(rule.when, answers, kb)
            for contributor, points in rule.add.items():
                tally.add(contributor, answer, points, rule.why, rule.sources)


# Answer fields as people read them in the output (never internal keys).
_WHEN_WORDS = {
    "symptoms_any": "symptoms",
    "conditions_any": "conditions",
    "medicines_any": "medicines",
    "diet_pattern_in": "diet",
    "fortified_foods": "fortified foods",
    "sun_exposure_in": "sun exposure",
    "recent_any": "recently",
    "twitch_where_any": "where",
    "twitch_only_in": "only in",
    "twitch_when_in": "when",
    "labs_high_any": "a high result for",
    "labs_low_any": "a low result for",
    "raised_by_answers_any": "something that raises",
    "b12_supplement": "B12 supplement",
    "nitrous_oxide": "nitrous oxide use",
    "pregnant": "pregnant",
    "sex": "sex",
}


def _describe_when(when: When, answers: Answers, kb: KnowledgeBase) -> str:
    """The answers a rule looked at, in words ("stress: high", "diet: vegan")."""
    life = answers.lifestyle
    tables = {
        "symptoms_any": kb.symptoms,
        "conditions_any": kb.conditions,
        "medicines_any": kb.medicine_classes,
    }
    parts = []
    for name, value in set_fields(when).items():
        if name.startswith("caffeine"):
            parts.append(f"caffeine {life.caffeine_mg:.0f} mg a day")
        elif name == "alcohol_drinks_at_least":
            parts.append(f"{life.alcohol_drinks_per_week:g} drinks a week")
        elif name in ("exercise_in", "stress_in", "nicotine"):
            key = name.removesuffix("_in")
            parts.append(f"{key}: {_value(getattr(life, key))}")
        elif name == "fluids_l_below":
            parts.append(f"fluids {life.fluids_l_per_day:g} L a day")
        elif name == "sleep_hours_below":
            parts.append(f"sleep {life.sleep_hours:g} hours")
        elif name in ("age_at_least", "age_below"):
            parts.append(f"age {answers.age:g}")
        elif name == "symptoms_none":
            continue
        elif name == "raisers_at_least":
            for nutrient, count in value.items():
                parts.append(f"{count} or more things that raise {nutrient.replace('_', ' ')}")
        elif name in tables:
            table: Mapping[str, Any] = tables[name]
            labels = [table[v].label.lower() for v in value if v in table]
            parts.append(f"{_WHEN_WORDS[name]}: {', '.join(labels)}")
        else:
            label = _WHEN_WORDS.get(name, name.replace("_", " "))
            parts.append(f"{label}: {_value(value)}")
    return "; ".join(dict.fromkeys(parts))


def _value(value: object) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(v).replace("_", " ") for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value).lower().replace("_", " ")


def _effect_points(model: ScreeningModel, effect: NutrientEffect) -> float:
    return model.points.effect_strength[effect.strength]


def _apply_medicines(
    tally: Tally, kb: KnowledgeBase, model: ScreeningModel, answers: Answers, low_labs: set[str]
) -> None:
    for medicine_id in answers.medications:
        medicine = kb.medicine_classes[medicine_id]
        answer = f"medications: {medicine.label.lower()}"
        for effect in medicine.effects:
            if effect.direction == "lowers":
                tally.add(
                    effect.nutrient,
                    answer,
                    _effect_points(model, effect),
                    effect.mechanism,
                    effect.sources,
                )
        special = model.medicine_contributors.get(medicine_id)
        if special:
            facts = medicine.symptom_effects or (medicine.summary,)
            tally.add(medicine_id, answer, special.points, facts[0].text, special.sources)
            # The medicine is the likelier root when a lab shows the very nutrient it lowers.
            for effect in medicine.effects:
                if effect.direction == "lowers" and effect.nutrient in low_labs:
                    why = f"It lowers {effect.nutrient.replace('_', ' ')}, which a test shows low."
                    answer_lab = f"labs: low {effect.nutrient.replace('_', ' ')}"
                    points = model.points.explains_low_lab
                    tally.add(medicine_id, answer_lab, points, why, effect.sources)


def _apply_conditions(
    tally: Tally, kb: KnowledgeBase, model: ScreeningModel, answers: Answers
) -> None:
    for condition_id in answers.conditions:
        condition = kb.conditions[condition_id]
        for effect in condition.effects:
            if effect.direction == "lowers":
                answer = f"conditions: {condition.label.lower()}"
                tally.add(
                    effect.nutrient,
                    answer,
                    _effect_points(model, effect),
                    effect.mechanism,
                    effect.sources,
                )


def _present(tally: Tally, model: ScreeningModel, kb: KnowledgeBase) -> frozenset[str]:
    """Factors and medicines the answers already make present (symptoms may add to them)."""
    candidates = set(kb.factors) | set(model.medicine_contributors)
    return frozenset(c for c in candidates if tally.score(c, 0.0) >= model.points.present)


def _apply_symptoms(
    tally: Tally,
    kb: KnowledgeBase,
    model: ScreeningModel,
    symptoms: frozenset[str],
    present: frozenset[str],
) -> None:
    """Each symptom's links, capped per contributor so a long list cannot outweigh a lab."""
    given: dict[str, float] = defaultdict(float)
    cap = model.points.symptom_cap
    for symptom_id in sorted(symptoms):
        symptom = kb.symptoms.get(symptom_id)
        if symptom is None:
            continue
        points = model.points.symptom_specificity[symptom.specificity]
        for link in symptom.related:
            target = link.to
            eligible = target in kb.nutrients or target == "no_specific_cause" or target in present
            room = cap - given[target]
            if not eligible or room <= 0:
                continue
            added = min(points, room)
            given[target] += added
            why = link.note or f"{symptom.label} can come from this"
            tally.add(target, f"symptoms: {symptom.label.lower()}", added, why, link.sources)


def _excess_ids(model: ScreeningModel) -> dict[str, str]:
    """Nutrient -> the id of its excess contributor (potassium -> high_potassium)."""
    return {c.nutrient: c.id for c in model.contributors if c.kind == "excess" and c.nutrient}


def _apply_raises(tally: Tally, model: ScreeningModel, found: Iterable[Raiser]) -> None:
    """What raises a nutrient points at its excess and away from its shortfall."""
    excess = _excess_ids(model)
    for raiser in found:
        points = model.points.raises * model.points.effect_strength[raiser.points_strength]  # type: ignore[index]
        if raiser.nutrient in excess:
            tally.add(excess[raiser.nutrient], raiser.answer, points, raiser.why, raiser.sources)
        why = f"It tends to raise {raiser.nutrient.replace('_', ' ')}, not lower it."
        tally.add(raiser.nutrient, raiser.answer, -points / 2, why, raiser.sources)


def _apply_above_limits(
    tally: Tally, kb: KnowledgeBase, model: ScreeningModel, above: Mapping[str, float]
) -> None:
    """Supplement doses over the upper limit point at that nutrient's excess (vitamin D's
    shows as too much calcium), the more so far over it."""
    excess = _excess_ids(model)
    for nutrient, times in above.items():
        target = excess.get(model.excess_via.get(nutrient, nutrient))
        if target is None:
            continue
        far = times >= model.points.far_above_ul_times
        points = model.points.far_above_ul if far else model.points.above_ul
        name = kb.nutrients[nutrient].name.lower() if nutrient in kb.nutrients else nutrient
        said = model.sayings["above_upper_limit"]
        answer = said.label.format(name=name, times=f"{times:.1f}")
        tally.add(target, answer, points, said.text.format(name=name), said.sources)


def _apply_labs(tally: Tally, model: ScreeningModel, labs: tuple[LabResult, ...]) -> None:
    excess = _excess_ids(model)
    clearly_low, _ = clear_statuses()
    for lab in labs:
        analyte = get_analyte(lab.analyte)
        nutrient = analyte.nutrient
        if nutrient is None:
            continue
        status = lab.status
        if analyte.raised_means_short:
            status = "low" if lab.status == "high" else "normal"  # raised MMA: B12 short
        measured = lab.measured_status
        if measured in clearly_low and status not in clearly_low:
            status = "borderline"  # measured low, corrected normal: only ionised Ca can tell
        override = model.points.lab_overrides.get(nutrient, {})
        points = override.get(status, model.points.lab.get(status, 0.0))
        why = lab.note.split(". ")[0] if lab.note else f"{lab.label} is {lab.status}"
        answer = f"labs: {lab.label} {lab.value:g} {lab.unit} ({_status_words(lab)})"
        tally.add(nutrient, answer, points, why, lab.sources)
        has_excess = nutrient in excess and not analyte.raised_means_short
        if has_excess:
            extra = model.points.excess_lab.get(lab.status, 0.0)
            tally.add(excess[nutrient], answer, extra, why, lab.sources)
        if lab.urgent:  # a critical result explains the picture more than any symptom
            target = excess[nutrient] if has_excess and lab.direction == "high" else nutrient
            critical = f"labs: {lab.label} {lab.value:g} {lab.unit} is in the critical range"
            tally.add(target, critical, model.points.critical_lab, why, lab.sources)


def _status_words(lab: LabResult) -> str:
    measured = lab.measured_status
    if measured and measured != lab.status:
        return f"{measured} as measured, {lab.status} corrected for albumin"
    return lab.status


def _apply_signs(
    tally: Tally,
    kb: KnowledgeBase,
    model: ScreeningModel,
    symptoms: frozenset[str],
    high_labs: set[str],
) -> None:
    """The signs of an excess or of a condition to rule out count once something else in
    the answers (a cause, a high result, a warning sign) has made it plausible."""
    cap = model.points.symptom_cap
    for spec in model.contributors:
        if spec.signs is None:
            continue
        plausible = tally.score(spec.id, 0.0) >= model.points.present or spec.nutrient in high_labs
        if not plausible:
            continue
        given = 0.0
        for symptom_id in sorted(symptoms & set(spec.signs.symptoms)):
            symptom = kb.symptoms[symptom_id]
            added = min(model.points.symptom_specificity[symptom.specificity], cap - given)
            if added <= 0:
                break
            given += added
            why = f"{symptom.label} is one of its signs"
            tally.add(spec.id, f"symptoms: {symptom.label.lower()}", added, why, spec.signs.sources)


def _apply_rule_outs(tally: Tally, model: ScreeningModel, reasons: list[Reason]) -> None:
    """A neurological or cardiac warning sign raises the condition a doctor must exclude."""
    fired = {r.id: r for r in reasons}
    for spec in model.contributors:
        if spec.kind != "rule_out":
            continue
        raising = [fired[flag_id] for flag_id in spec.raised_by if flag_id in fired]
        if not raising:
            continue
        # The gravest flag sets the rank: a stroke sign before a twitch with weakness.
        top = max(raising, key=lambda r: TRIAGE_ORDER.index(r.level))
        step = TRIAGE_ORDER.index(top.level)
        points = model.points.rule_out + model.points.rule_out_level * step
        points += model.points.rule_out_more * (len(raising) - 1)
        answer = "warning signs: " + "; ".join(r.label.lower() for r in raising)
        tally.add(spec.id, answer, points, spec.evidence.summary, spec.sources)


def _apply_diet_analysis(
    tally: Tally, kb: KnowledgeBase, model: ScreeningModel, answers: Answers
) -> None:
    analysis = answers.diet.analysis if answers.diet else None
    if analysis is None:
        return
    for key, judged in analysis.nutrients.items():
        nutrient = key.rsplit("_", 1)[0]
        points = model.points.diet_analysis.get(judged.judgement, 0.0) * judged.confidence
        judgement = judged.judgement.replace("_", " ")
        name = kb.nutrients[nutrient].name if nutrient in kb.nutrients else nutrient
        days = f"{analysis.days} day" + ("s" if analysis.days != 1 else "")
        answer = f"diet analysis ({analysis.source}, {days}): {name.lower()} {judgement}"
        said = model.sayings["diet_analysis"]
        tally.add(nutrient, answer, points, said.text, said.sources)


def _apply_factor_effects(tally: Tally, kb: KnowledgeBase, model: ScreeningModel) -> None:
    """A present factor (heavy drinking, gut losses) lowers the nutrients it is known to."""
    for factor in kb.factors.values():
        if tally.score(factor.id, 0.0) < model.points.present:
            continue
        for effect in factor.effects:
            if effect.direction == "lowers":
                points = model.points.propagate * _effect_points(model, effect)
                tally.add(
                    effect.nutrient,
                    f"{factor.label.lower()} (above)",
                    points,
                    effect.mechanism,
                    effect.sources,
                )


def _apply_interplay(tally: Tally, kb: KnowledgeBase, model: ScreeningModel) -> None:
    """Low magnesium drags potassium and calcium down, low vitamin D calcium (interactions)."""
    suspected = {n: tally.score(n, model.prior(n)) for n in kb.nutrients}
    for interaction in kb.interactions:
        if interaction.effect not in (
            "blocks_correction",
            "lowers",
            "needed_for_absorption",
            "needed_for_activation",
        ):
            continue
        if suspected.get(interaction.nutrient, 0.0) >= model.points.interplay_threshold:
            answer = f"{kb.nutrients[interaction.nutrient].name.lower()} suspected (above)"
            tally.add(
                interaction.affects,
                answer,
                model.points.interplay,
                interaction.summary,
                interaction.sources,
            )


def _apply_no_specific_cause(
    tally: Tally, model: ScreeningModel, low_labs: set[str], reasons: list[Reason]
) -> None:
    weights, said = model.points.no_specific_cause, model.sayings

    def against(key: str, points: float, answer: str = "", extra: tuple[str, ...] = ()) -> None:
        saying = said[f"{key}_for_no_specific_cause"]
        sources = tuple(dict.fromkeys((*extra, *saying.sources)))
        tally.add("no_specific_cause", answer or saying.label, points, saying.text, sources)

    if low_labs:
        against("low_lab", weights.lab_low)
    if any(r.level != "self-care" for r in reasons):
        against("red_flags", weights.red_flag)
    for medicine in model.medicine_contributors:
        if tally.score(medicine, 0.0) >= model.points.present:
            answer = f"medications: {medicine.replace('_', ' ')}"
            against(
                "medicine", weights.medicine, answer, model.medicine_contributors[medicine].sources
            )
    others = [tally.score(c, model.prior(c)) for c in tally.evidence if c != "no_specific_cause"]
    strongest = max(others, default=0.0)
    if strongest > 2:
        against("specific_cause", weights.specific * (strongest - 2))


def weigh(
    answers: Answers, kb: KnowledgeBase, model: ScreeningModel, found: Found, reasons: list[Reason]
) -> Tally:
    """Every piece of evidence the answers give, per contributor, in the model's order."""
    tally = Tally()
    labs_out = found.low_labs | found.high_labs
    _apply_rules(tally, model, kb, answers, found)
    _apply_medicines(tally, kb, model, answers, found.low_labs)
    _apply_conditions(tally, kb, model, answers)
    _apply_raises(tally, model, found.raisers)
    _apply_above_limits(tally, kb, model, found.above_limit)
    _apply_symptoms(tally, kb, model, found.symptoms, _present(tally, model, kb))
    _apply_labs(tally, model, found.labs)
    _apply_diet_analysis(tally, kb, model, answers)
    _apply_factor_effects(tally, kb, model)
    _apply_interplay(tally, kb, model)
    _apply_rule_outs(tally, model, reasons)
    _apply_signs(tally, kb, model, found.symptoms, found.high_labs)
    _apply_no_specific_cause(tally, model, labs_out, reasons)
    return tally
