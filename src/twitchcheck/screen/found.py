"""What the answers show, worked out once per screening and read by every rule: symptoms
with those the other answers imply, labs and their directions, what raises a nutrient and
supplement doses over the upper limit."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from twitchcheck.knowledge import KnowledgeBase, load_knowledge
from twitchcheck.labs import LabResult, clear_statuses, get_analyte, interpret_labs
from twitchcheck.screen.answers import Answers
from twitchcheck.screen.model import ScreeningModel, When, load_model


@dataclass(frozen=True, slots=True)
class Found:
    """What the answers show, worked out once per screening and read by every rule."""

    symptoms: frozenset[str]
    labs: tuple[LabResult, ...]
    low_labs: set[str]
    high_labs: set[str]
    raisers: tuple[Raiser, ...]
    raised: Mapping[str, int]
    above_limit: Mapping[str, float]


def gather(answers: Answers, kb: KnowledgeBase, model: ScreeningModel) -> Found:
    # the person's sex picks a lab's own range where it has one (ferritin, creatinine, CK)
    labs = tuple(interpret_labs(answers.labs, sex=answers.sex)) if answers.labs else ()
    low, high = lab_directions(labs)
    raising = raisers(answers, kb)
    symptoms = derived_symptoms(answers, model)
    raised = raiser_counts(raising, model.counted_raisers)
    return Found(symptoms, labs, low, high, raising, raised, above_limits(answers))


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


def holds(when: When, answers: Answers, found: Found) -> bool:
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
    totals: dict[str, float] = defaultdict(float)
    for supplement in answers.supplement_list:
        for key, amount in supplement.nutrients.items():
            totals[key] += amount
    if not totals:
        return {}  # no supplement: the reference tables are not needed (nor imported)
    from twitchcheck.profile import Person
    from twitchcheck.targets import targets_for_person

    person = Person(answers.age, answers.sex, answers.pregnant, answers.lactating)
    targets = targets_for_person(person)
    over: dict[str, float] = {}
    for key, amount in totals.items():
        target = targets.get(key)
        if target is not None and target.ul and amount > target.ul:
            over[key.rsplit("_", 1)[0]] = amount / target.ul
    return over
