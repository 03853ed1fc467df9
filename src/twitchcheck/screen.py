"""Screening: from a person's answers to ranked contributors, a triage level and tests.

    result = screen(parse_answers(json.load(open("answers.json"))))

A transparent points model (docs/screening.md): each contributor starts at a prior
and every answer that bears on it adds or removes points, recorded as evidence with
its source. Red flags are checked separately and always decide the triage level.
The weights live in ``data/knowledge/screening.yaml``; the facts they weigh live in
the rest of the knowledge base.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from twitchcheck.answers import Answers
from twitchcheck.knowledge import KnowledgeBase, NutrientEffect, RedFlag, load_knowledge
from twitchcheck.labs import LabResult, clear_statuses, get_analyte, interpret_labs
from twitchcheck.screening_model import ContributorSpec, ScreeningModel, When, load_model

TRIAGE_ORDER = ("self-care", "see-doctor", "urgent", "emergency")


@dataclass(frozen=True, slots=True)
class Evidence:
    """One answer that moved a contributor: which, which way, how much, and the source."""

    answer: str
    points: float
    why: str
    sources: tuple[str, ...]

    @property
    def direction(self) -> Literal["for", "against"]:
        return "for" if self.points >= 0 else "against"

    def to_dict(self) -> dict[str, object]:
        return {
            "answer": self.answer,
            "direction": self.direction,
            "points": round(self.points, 2),
            "why": self.why,
            "sources": list(self.sources),
        }


@dataclass(frozen=True, slots=True)
class Contributor:
    """A possible cause, how strongly the answers point at it, and why.

    For a rule-out (`kind == "rule_out"`), `checks` says what a doctor will check and
    `reassurance` how often such symptoms turn out benign, where the sources say.
    """

    id: str
    kind: str
    label: str
    score: float
    confidence: Literal["high", "moderate", "low"]
    evidence_strength: str
    evidence_summary: str
    evidence: tuple[Evidence, ...]
    checks: str = ""
    reassurance: str = ""

    @property
    def lab_backed(self) -> bool:
        """Whether a lab result in range for this cause (low, or high for an excess) backs it."""
        return any(e.answer.startswith("labs:") and e.points > 0 for e in self.evidence)

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "id": self.id,
            "kind": self.kind,
            "label": self.label,
            "score": round(self.score, 2),
            "confidence": self.confidence,
            "evidence_strength": self.evidence_strength,
            "evidence_summary": self.evidence_summary,
            "evidence": [e.to_dict() for e in self.evidence],
        }
        if self.kind == "rule_out":
            data["checks"] = self.checks
            data["reassurance"] = self.reassurance
        return data


@dataclass(frozen=True, slots=True)
class Reason:
    """Why the triage level is what it is (a red flag, a critical lab, or reassurance)."""

    id: str
    level: str
    label: str
    advice: str
    sources: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class SuggestedTest:
    name: str
    why: str
    for_contributors: tuple[str, ...]
    sources: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "test": self.name,
            "why": self.why,
            "for": list(self.for_contributors),
            "sources": list(self.sources),
        }


@dataclass(frozen=True, slots=True)
class NextStep:
    kind: Literal["doctor", "relief", "food", "habit", "caution"]
    text: str
    sources: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class ScreenResult:
    level: str
    header: str
    action: str
    reasons: tuple[Reason, ...]
    contributors: tuple[Contributor, ...]
    suggested_tests: tuple[SuggestedTest, ...]
    next_steps: tuple[NextStep, ...]
    labs: tuple[LabResult, ...] = ()
    disclaimer: str = field(
        default_factory=lambda: " ".join(load_model().sayings["disclaimer"].text.split())
    )

    @property
    def red_flags(self) -> tuple[Reason, ...]:
        return tuple(r for r in self.reasons if r.level != "self-care")

    def to_dict(self) -> dict[str, object]:
        return {
            "triage": {
                "level": self.level,
                "header": self.header,
                "action": self.action,
                "reasons": [r.to_dict() for r in self.reasons],
            },
            "contributors": [c.to_dict() for c in self.contributors],
            "suggested_tests": [t.to_dict() for t in self.suggested_tests],
            "next_steps": [s.to_dict() for s in self.next_steps],
            "labs": [lab.to_dict() for lab in self.labs],
            "disclaimer": self.disclaimer,
        }


@dataclass
class _Tally:
    """Evidence gathered per contributor while screening."""

    evidence: dict[str, list[Evidence]] = field(default_factory=lambda: defaultdict(list))

    def add(
        self, contributor: str, answer: str, points: float, why: str, sources: Iterable[str]
    ) -> None:
        if points:
            self.evidence[contributor].append(Evidence(answer, points, why, tuple(sources)))

    def score(self, contributor: str, prior: float) -> float:
        return prior + sum(e.points for e in self.evidence.get(contributor, ()))


@dataclass(frozen=True, slots=True)
class _Found:
    """What the answers show, worked out once per screening and read by every rule."""

    symptoms: frozenset[str]
    labs: tuple[LabResult, ...]
    low_labs: set[str]
    high_labs: set[str]
    raisers: tuple[Raiser, ...]
    raised: Mapping[str, int]
    above_limit: Mapping[str, float]


def _found(answers: Answers, kb: KnowledgeBase, model: ScreeningModel) -> _Found:
    labs = tuple(interpret_labs(answers.labs)) if answers.labs else ()
    low, high = lab_directions(labs)
    raising = raisers(answers, kb)
    symptoms = derived_symptoms(answers, model)
    raised = raiser_counts(raising, model.counted_raisers)
    return _Found(symptoms, labs, low, high, raising, raised, above_limits(answers))


def screen(answers: Answers) -> ScreenResult:
    """Weigh resolved answers (see `answers.parse_answers`) and return the full result."""
    kb, model = load_knowledge(), load_model()
    found = _found(answers, kb, model)
    symptoms, labs, low_labs, high_labs = (
        found.symptoms,
        found.labs,
        found.low_labs,
        found.high_labs,
    )
    reasons = _reasons(kb, answers, found)
    level = max((r.level for r in reasons), key=TRIAGE_ORDER.index, default="self-care")

    tally = _Tally()
    _apply_rules(tally, model, kb, answers, found)
    _apply_medicines(tally, kb, model, answers, low_labs)
    _apply_conditions(tally, kb, model, answers)
    _apply_raises(tally, model, found.raisers)
    _apply_above_limits(tally, kb, model, found.above_limit)
    _apply_symptoms(tally, kb, model, symptoms, _present(tally, model, kb))
    _apply_labs(tally, model, labs)
    _apply_diet_analysis(tally, kb, model, answers)
    _apply_factor_effects(tally, kb, model)
    _apply_interplay(tally, kb, model)
    _apply_rule_outs(tally, model, reasons)
    _apply_signs(tally, kb, model, symptoms, high_labs)
    _apply_no_specific_cause(tally, model, low_labs | high_labs, reasons)

    contributors = _rank(tally, kb, model, bool(low_labs | high_labs))
    frame = model.frames[level]  # type: ignore[index]
    numbers = _numbers(answers)
    return ScreenResult(
        level=level,
        header=frame.header.format(**numbers),
        action=frame.action.format(**numbers),
        reasons=tuple(reasons) or (_reassurance(),),
        contributors=contributors,
        suggested_tests=_tests(contributors, model),
        next_steps=_next_steps(level, reasons, contributors, kb, model, answers, found),
        labs=labs,
    )


def lab_directions(labs: Iterable[LabResult]) -> tuple[set[str], set[str]]:
    """The nutrients a result shows clearly low, and those it shows high.

    A raised methylmalonic acid or homocysteine is a low B12. A measured total calcium below
    range counts as low even when the albumin-corrected value is not: the correction is an
    estimate (S22), and only ionised calcium settles it.
    """
    low: set[str] = set()
    high: set[str] = set()
    clearly_low, clearly_high = clear_statuses()
    for lab in labs:
        analyte = get_analyte(lab.analyte)
        nutrient = analyte.nutrient
        if nutrient is None:
            continue
        measured = lab.measured_status
        if analyte.raised_means_short:
            if lab.status == "high":
                low.add(nutrient)
        elif lab.status in clearly_low or measured in clearly_low:
            low.add(nutrient)
        elif lab.status in clearly_high:
            high.add(nutrient)
    return low, high


def derived_symptoms(answers: Answers, model: ScreeningModel | None = None) -> frozenset[str]:
    """Reported symptoms plus those the other answers imply (persistent, widespread...)."""
    model = model or load_model()
    found = set(answers.symptoms)
    if answers.recent.vomiting or answers.recent.diarrhoea:
        found.add("gut_losses")
    for condition in answers.conditions:
        found.update(model.conditions_imply.get(condition, ()))
    found |= _course_symptoms(answers, model)
    twitch = answers.twitch
    if twitch is None:
        return frozenset(found)
    places = {p.lower() for p in twitch.where}
    twitches = bool(found & {"twitching", "eyelid_twitching"})
    if twitches and len(body_regions(places, model)) >= 2:
        # Cramps in several muscles (heat cramps) are not this: it needs twitching.
        found |= {"multi_region_twitching", "widespread_twitching"}
    cramps = bool(found & {"cramps", "calf_cramps"})
    weeks = twitch.since_weeks or 0.0
    limits = model.thresholds
    if (
        cramps
        and twitch.how_often in ("daily", "constant")
        and weeks >= limits.frequent_cramp_weeks
    ):
        found.add("frequent_cramps")
    if "eyelid" in places:
        found.add("eyelid_twitching")
    if found & {"spasms", "twitching"}:
        words = {w for place in places for w in place.split()}
        found |= {s for s, where in model.spasm_places.items() if words & set(where)}
    twitches = bool(found & {"twitching", "eyelid_twitching"})
    if twitches and twitch.since_weeks is not None and twitch.since_weeks > limits.twitch_weeks:
        found.add("persistent_twitching")  # NHS: a twitch for more than 2 weeks (S36)
    if twitch.when == "night":
        found.add("night_time")
    return frozenset(found)


def body_regions(places: Iterable[str], model: ScreeningModel | None = None) -> set[str]:
    """The body regions (head, left or right arm and leg, trunk) that `places` name.

    "both arms", plurals ("calves") and "all over" name both sides; a side-less "arm" counts
    as one arm. "all over" counts as every region.
    """
    table = (model or load_model()).body_regions
    regions: set[str] = set()
    for place in places:
        text = " ".join(place.lower().replace("-", " ").split())
        if any(_mentions(text, name) for name in table.get("all", ())):
            return {"head", "trunk", "left arm", "right arm", "left leg", "right leg"}
        for region, names in table.items():
            hits = [name for name in names if _mentions(text, name)]
            if not hits or region == "all":
                continue
            if region in ("head", "trunk"):
                regions.add(region)
            elif "both" in text.split() or any(h.endswith(("s", "feet")) for h in hits):
                regions |= {f"left {region}", f"right {region}"}
            elif "right" in text.split():
                regions.add(f"right {region}")
            else:
                regions.add(f"left {region}")  # an unsided limb: one region
    return regions


def _mentions(text: str, name: str) -> bool:
    return f" {name} " in f" {text} "


def _course_symptoms(answers: Answers, model: ScreeningModel) -> set[str]:
    """Symptoms the course of numbness or weakness implies (spreading, over days)."""
    found: set[str] = set()
    weakness, numbness = answers.weakness, answers.numbness
    if numbness is not None and numbness.spreading:
        found.add("spreading_numbness")
    if weakness is not None:
        found.add("weakness")
        if weakness.spreading:
            found.add("progressive_weakness")
            weeks = weakness.since_weeks
            if weeks is not None and weeks <= model.thresholds.fast_spread_weeks:
                found.add("weakness_spreading_fast")
        if weakness.sides == "one":
            found.add("one_sided_weakness")
    return found


def _numbers(answers: Answers) -> dict[str, str]:
    """The emergency and urgent-care numbers for the person's region."""
    from twitchcheck.regions import emergency_number, urgent_route

    return {"emergency": emergency_number(answers.region), "urgent": urgent_route(answers.region)}


# --- red flags ---------------------------------------------------------------------------


def _reasons(kb: KnowledgeBase, answers: Answers, found: _Found) -> list[Reason]:
    reasons = [
        Reason(flag.id, flag.triage, flag.label, flag.advice, flag.sources)
        for flag in kb.red_flags
        if _fires(flag, answers, found)
    ]
    signs = frozenset(load_model().irritability_signs)
    reasons += [_critical(lab, found.symptoms & signs) for lab in found.labs if lab.urgent]
    return sorted(reasons, key=lambda r: -TRIAGE_ORDER.index(r.level))


def _critical(lab: LabResult, signs: frozenset[str]) -> Reason:
    """A critical result: urgent, or an emergency with signs of irritable nerves and heart,
    or where labs.yaml says so."""
    said = load_model().sayings["critical_lab"]
    with_signs = bool(signs)
    stated = lab.urgent_level or "urgent"
    level = "emergency" if with_signs else stated
    return Reason(
        f"critical_{lab.analyte}",
        level,
        f"{lab.label} {lab.value:g} {lab.unit} is critically {lab.direction or 'abnormal'}"
        + (", with symptoms" if with_signs else ""),
        said.text,
        (*lab.sources, *said.sources) if with_signs else lab.sources,
    )


def _fires(flag: RedFlag, answers: Answers, found: _Found) -> bool:
    """Whether the flag's trigger groups match: one of them, or all with `requires: all`."""
    life, symptoms = answers.lifestyle, found.symptoms
    matched = {
        "symptoms": bool(symptoms & set(flag.symptoms))
        and (not flag.with_symptoms or bool(symptoms & set(flag.with_symptoms))),
        "conditions": bool(set(flag.conditions) & set(answers.conditions)),
        "medicines": bool(set(flag.medicines) & set(answers.medications)),
        "low_labs": bool(set(flag.low_labs) & found.low_labs),
        "high_labs": bool(set(flag.high_labs) & found.high_labs),
        "lifestyle": any(getattr(life, name, None) is True for name in flag.lifestyle),
        "raised": any(found.raised.get(n, 0) >= count for n, count in flag.raised.items()),
        "above_upper_limit": bool(set(flag.above_upper_limit) & set(found.above_limit)),
    }
    results = [matched[group] for group in flag.groups()]
    return all(results) if flag.requires == "all" else any(results)


def disclaimer() -> str:
    """What the screening is and is not (screening.yaml sayings.disclaimer)."""
    return " ".join(load_model().sayings["disclaimer"].text.split())


def _reassurance() -> Reason:
    said = load_model().sayings["no_red_flags"]
    return Reason("no_red_flags", "self-care", said.label, said.text, said.sources)


# --- evidence ----------------------------------------------------------------------------


def _holds(when: When, answers: Answers, found: _Found) -> bool:
    """Whether every condition `when` sets is true of the answers."""
    life, diet, twitch = answers.lifestyle, answers.diet, answers.twitch
    caffeine = life.caffeine_mg
    places = {p.lower() for p in twitch.where} if twitch else set()
    symptoms, low, high = found.symptoms, found.low_labs, found.high_labs
    checks = [
        when.pregnant is None or answers.pregnant == when.pregnant,
        when.sex is None or answers.sex == when.sex,
        when.age_at_least is None or answers.age >= when.age_at_least,
        when.age_below is None or answers.age < when.age_below,
        not when.symptoms_any or bool(symptoms & set(when.symptoms_any)),
        not symptoms & set(when.symptoms_none),
        not when.conditions_any or bool(set(answers.conditions) & set(when.conditions_any)),
        not when.medicines_any or bool(set(answers.medications) & set(when.medicines_any)),
        not when.diet_pattern_in or (diet is not None and diet.pattern in when.diet_pattern_in),
        when.dairy is None or (diet is not None and diet.dairy == when.dairy),
        when.fish is None or (diet is not None and diet.fish == when.fish),
        when.fortified_foods is None
        or (diet is not None and diet.fortified_foods == when.fortified_foods),
        # "no B12 supplement" holds unless one is reported, in diet or in supplements.
        when.b12_supplement is None or _takes_b12(answers) == when.b12_supplement,
        not when.sun_exposure_in or answers.sun_exposure in when.sun_exposure_in,
        when.caffeine_mg_at_least is None
        or (caffeine is not None and caffeine >= when.caffeine_mg_at_least),
        when.caffeine_mg_below is None
        or (caffeine is not None and caffeine < when.caffeine_mg_below),
        when.alcohol_drinks_at_least is None
        or (life.alcohol_drinks_per_week or 0) >= when.alcohol_drinks_at_least,
        when.nicotine is None or life.nicotine == when.nicotine,
        when.nitrous_oxide is None or bool(life.nitrous_oxide) == when.nitrous_oxide,
        not when.exercise_in or life.exercise in when.exercise_in,
        when.fluids_l_below is None
        or (life.fluids_l_per_day is not None and life.fluids_l_per_day < when.fluids_l_below),
        not when.stress_in or life.stress in when.stress_in,
        when.sleep_hours_below is None
        or (life.sleep_hours is not None and life.sleep_hours < when.sleep_hours_below),
        not when.recent_any or any(getattr(answers.recent, r) for r in when.recent_any),
        not when.twitch_where_any or bool(places & set(when.twitch_where_any)),
        not when.twitch_only_in or (bool(places) and places <= set(when.twitch_only_in)),
        not when.twitch_when_in or (twitch is not None and twitch.when in when.twitch_when_in),
        not when.labs_high_any or bool(high & set(when.labs_high_any)),
        not when.labs_low_any or bool(low & set(when.labs_low_any)),
        not when.raised_by_answers_any
        or bool(set(when.raised_by_answers_any) & {r.nutrient for r in found.raisers}),
        not when.raisers_at_least
        or all(found.raised.get(n, 0) >= count for n, count in when.raisers_at_least.items()),
    ]
    return all(checks)


def _takes_b12(answers: Answers) -> bool:
    diet = answers.diet
    if diet is not None and diet.b12_supplement:
        return True
    return any("vitamin_b12" in s.raises for s in answers.supplement_list)


@dataclass(frozen=True, slots=True)
class Raiser:
    """An answer (medicine, condition or supplement) that raises a nutrient."""

    nutrient: str
    answer: str
    points_strength: str
    why: str
    sources: tuple[str, ...]


def raisers(answers: Answers, kb: KnowledgeBase | None = None) -> tuple[Raiser, ...]:
    """Everything in the answers recorded as raising a nutrient, with why and the source."""
    kb = kb or load_knowledge()
    found: list[Raiser] = []
    for kind, ids, table in (
        ("medications", answers.medications, kb.medicine_classes),
        ("conditions", answers.conditions, kb.conditions),
    ):
        for item_id in ids:
            item = table[item_id]
            for effect in item.effects:
                if effect.direction == "raises":
                    answer = f"{kind}: {item.label.lower()}"
                    found.append(
                        Raiser(
                            effect.nutrient,
                            answer,
                            effect.strength,
                            effect.mechanism,
                            effect.sources,
                        )
                    )
    classes = set(answers.medications)
    for supplement in answers.supplement_list:
        if supplement.medicine_class in classes:
            continue  # already counted as the medicine class (Slow-K, milk of magnesia)
        for nutrient in supplement.raises:
            said = load_model().sayings["supplement_raiser"]
            why = supplement.why or said.text.format(nutrient=nutrient.replace("_", " "))
            answer = f"supplements: {supplement.text}"
            sources = supplement.sources or said.sources
            found.append(Raiser(nutrient, answer, "moderate", why, sources))
    return tuple(found)


def raiser_counts(found: Iterable[Raiser], counted: Iterable[str]) -> dict[str, int]:
    """Nutrient -> how many distinct answers raise it (lisinopril and a salt substitute: 2),
    counting effects of the `counted` strengths (screening.yaml `counted_raisers`)."""
    strengths = frozenset(counted)
    counts: dict[str, set[str]] = defaultdict(set)
    for raiser in found:
        if raiser.points_strength in strengths:  # a weak side effect does not count
            counts[raiser.nutrient].add(raiser.answer)
    return {nutrient: len(found) for nutrient, found in counts.items()}


def above_limits(answers: Answers) -> dict[str, float]:
    """Nutrient -> how many times its upper limit the supplement doses add up to, where over 1.

    The limits are the person's own (dri.yaml); magnesium's counts supplements only, which
    is exactly what is summed here (S5).
    """
    from twitchcheck.profile import Person
    from twitchcheck.targets import targets_for_person

    totals: dict[str, float] = defaultdict(float)
    for supplement in answers.supplement_list:
        for key, amount in supplement.nutrients.items():
            totals[key] += amount
    if not totals:
        return {}
    person = Person(answers.age, answers.sex, answers.pregnant, answers.lactating)
    targets = targets_for_person(person)
    over: dict[str, float] = {}
    for key, amount in totals.items():
        target = targets.get(key)
        if target is not None and target.ul and amount > target.ul:
            over[key.rsplit("_", 1)[0]] = amount / target.ul
    return over


def _apply_rules(
    tally: _Tally,
    model: ScreeningModel,
    kb: KnowledgeBase,
    answers: Answers,
    found: _Found,
) -> None:
    for rule in model.rules:
        if _holds(rule.when, answers, found):
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
    for name, value in when.model_dump(exclude_defaults=True).items():
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
    tally: _Tally, kb: KnowledgeBase, model: ScreeningModel, answers: Answers, low_labs: set[str]
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
    tally: _Tally, kb: KnowledgeBase, model: ScreeningModel, answers: Answers
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


def _present(tally: _Tally, model: ScreeningModel, kb: KnowledgeBase) -> frozenset[str]:
    """Factors and medicines the answers already make present (symptoms may add to them)."""
    candidates = set(kb.factors) | set(model.medicine_contributors)
    return frozenset(c for c in candidates if tally.score(c, 0.0) >= model.points.present)


def _apply_symptoms(
    tally: _Tally,
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


def _apply_raises(tally: _Tally, model: ScreeningModel, found: Iterable[Raiser]) -> None:
    """What raises a nutrient points at its excess and away from its shortfall."""
    excess = _excess_ids(model)
    for raiser in found:
        points = model.points.raises * model.points.effect_strength[raiser.points_strength]  # type: ignore[index]
        if raiser.nutrient in excess:
            tally.add(excess[raiser.nutrient], raiser.answer, points, raiser.why, raiser.sources)
        why = f"It tends to raise {raiser.nutrient.replace('_', ' ')}, not lower it."
        tally.add(raiser.nutrient, raiser.answer, -points / 2, why, raiser.sources)


def _apply_above_limits(
    tally: _Tally, kb: KnowledgeBase, model: ScreeningModel, above: Mapping[str, float]
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


def _apply_labs(tally: _Tally, model: ScreeningModel, labs: tuple[LabResult, ...]) -> None:
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
    tally: _Tally,
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


def _apply_rule_outs(tally: _Tally, model: ScreeningModel, reasons: list[Reason]) -> None:
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
    tally: _Tally, kb: KnowledgeBase, model: ScreeningModel, answers: Answers
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


def _apply_factor_effects(tally: _Tally, kb: KnowledgeBase, model: ScreeningModel) -> None:
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


def _apply_interplay(tally: _Tally, kb: KnowledgeBase, model: ScreeningModel) -> None:
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
    tally: _Tally, model: ScreeningModel, low_labs: set[str], reasons: list[Reason]
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


# --- ranking and output --------------------------------------------------------------------


def _rank(
    tally: _Tally, kb: KnowledgeBase, model: ScreeningModel, has_abnormal_lab: bool
) -> tuple[Contributor, ...]:
    ranked = []
    for contributor_id, evidence in tally.evidence.items():
        known = model.contributor(contributor_id) or contributor_id in model.medicine_contributors
        if not known:
            continue
        score = tally.score(contributor_id, model.prior(contributor_id))
        if contributor_id != "no_specific_cause" and score <= 0:
            continue  # nothing in the answers points at it
        ranked.append(_contributor(contributor_id, score, evidence, kb, model, has_abnormal_lab))
    if not any(c.id == "no_specific_cause" for c in ranked):
        prior = model.prior("no_specific_cause")
        ranked.append(_contributor("no_specific_cause", prior, [], kb, model, has_abnormal_lab))
    # Under a warning sign, the condition to rule out comes first; only a cause that a lab
    # shows abnormal may stand beside it.
    tiered = any(c.kind == "rule_out" for c in ranked)
    ranked.sort(key=lambda c: (_tier(c) if tiered else 0, -c.score, c.id))
    return tuple(ranked)


def _tier(contributor: Contributor) -> int:
    return 0 if contributor.kind == "rule_out" or contributor.lab_backed else 1


def _contributor(
    contributor_id: str,
    score: float,
    evidence: list[Evidence],
    kb: KnowledgeBase,
    model: ScreeningModel,
    has_abnormal_lab: bool,
) -> Contributor:
    spec = model.contributor(contributor_id)
    checks = reassurance = ""
    if spec is not None:
        kind, strength, summary = spec.kind, spec.evidence.strength, spec.evidence.summary
        label = _label(spec, kb)
        checks = " ".join((spec.checks or "").split())
        reassurance = " ".join((spec.reassurance or "").split())
    else:
        medicine = kb.medicine_classes[contributor_id]
        special = model.medicine_contributors[contributor_id]
        kind, strength, label = "medicine", special.strength, medicine.label
        summary = (medicine.symptom_effects or (medicine.summary,))[0].text
    lab_backed = has_abnormal_lab and any(
        e.answer.startswith("labs:") and e.points > 0 for e in evidence
    )
    independent = len({e.answer for e in evidence if e.points > 0})
    if score >= model.confidence.high and (lab_backed or independent >= 2):
        confidence: Literal["high", "moderate", "low"] = "high"
    elif score >= model.confidence.moderate:
        confidence = "moderate"
    else:
        confidence = "low"
    ordered = tuple(sorted(evidence, key=lambda e: -abs(e.points)))
    summary = " ".join(summary.split())
    return Contributor(
        contributor_id,
        kind,
        label,
        score,
        confidence,
        strength,
        summary,
        ordered,
        checks,
        reassurance,
    )


def _label(spec: ContributorSpec, kb: KnowledgeBase) -> str:
    """A label that names the cause, never a level: "Low magnesium (possible)"."""
    if spec.label:
        return spec.label
    if spec.id in kb.nutrients:
        name = kb.nutrients[spec.id].name
        return f"Low {name[0].lower()}{name[1:]} (possible)"
    return kb.factors[spec.id].label


TEST_THRESHOLD = 1.5  # a contributor this suspected earns its tests
TEST_TOP = 5


def _tests(
    contributors: tuple[Contributor, ...], model: ScreeningModel
) -> tuple[SuggestedTest, ...]:
    tests: dict[str, SuggestedTest] = {}
    for contributor in contributors[:TEST_TOP]:
        spec = model.contributor(contributor.id)
        if spec is None or contributor.score < TEST_THRESHOLD:
            continue
        for test in spec.tests:
            known = tests.get(test.name)
            for_ids = (*known.for_contributors, contributor.id) if known else (contributor.id,)
            tests[test.name] = SuggestedTest(test.name, test.why, for_ids, test.sources)
    return tuple(tests.values())


def _next_steps(
    level: str,
    reasons: list[Reason],
    contributors: tuple[Contributor, ...],
    kb: KnowledgeBase,
    model: ScreeningModel,
    answers: Answers,
    found: _Found,
) -> tuple[NextStep, ...]:
    frame = model.frames[level]  # type: ignore[index]
    steps = list(_doctor_steps(frame.action.format(**_numbers(answers)), reasons))
    steps.extend(_relief_steps(kb, model, found.symptoms))
    top = [c for c in contributors[:3] if c.score >= 1.0]
    for contributor in top:
        steps.extend(_change_steps(contributor, kb))
    steps.extend(_cautions(model, answers, found))
    return tuple(steps)


def _relief_steps(
    kb: KnowledgeBase, model: ScreeningModel, symptoms: frozenset[str]
) -> Iterator[NextStep]:
    """What helps during a cramp and what does not, with the strength of the evidence."""
    if not symptoms & set(model.relief_when):
        return
    for claim_id in model.relief:
        claim = kb.evidence[claim_id]
        text = f"{claim.claim} (evidence: {claim.strength}) {' '.join(claim.meaning.split())}"
        yield NextStep("relief", text, claim.sources)


def cautions_for(answers: Answers) -> tuple[NextStep, ...]:
    """The safety cautions that apply to these answers (kidney disease, medicines...)."""
    model = load_model()
    return tuple(_cautions(model, answers, _found(answers, load_knowledge(), model)))


def _cautions(model: ScreeningModel, answers: Answers, found: _Found) -> Iterator[NextStep]:
    for caution in model.cautions:
        if _holds(caution.when, answers, found):
            yield NextStep("caution", " ".join(caution.text.split()), caution.sources)


def _doctor_steps(action: str, reasons: list[Reason]) -> Iterator[NextStep]:
    """The level's one time frame first, then what each warning sign asks you to say or do."""
    flagged = [r for r in reasons if r.level != "self-care"]
    default = load_model().sayings["doctor"].sources
    sources = tuple(dict.fromkeys(s for r in flagged for s in r.sources)) or default
    yield NextStep("doctor", action, sources)
    for reason in flagged:
        yield NextStep("doctor", f"{reason.label}: {reason.advice}", reason.sources)


def _change_steps(contributor: Contributor, kb: KnowledgeBase) -> Iterator[NextStep]:
    if contributor.id in kb.nutrients:
        nutrient = kb.nutrients[contributor.id]
        fact = nutrient.food_sources[0]
        yield NextStep("food", f"{nutrient.name}: {' '.join(fact.text.split())}", fact.sources)
    elif contributor.id in kb.factors:
        for fact in kb.factors[contributor.id].what_helps[:1]:
            yield NextStep(
                "habit",
                f"{kb.factors[contributor.id].label}: {' '.join(fact.text.split())}",
                fact.sources,
            )
