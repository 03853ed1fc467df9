"""From scores to what the person reads: contributors ranked in tiers, tests worth asking
for, and next steps (the doctor's time frame, relief, cautions, changes to make)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from twitchcheck.knowledge import KnowledgeBase, load_knowledge
from twitchcheck.screen.answers import Answers
from twitchcheck.screen.found import (
    Found,
    gather,
    holds,
)
from twitchcheck.screen.model import ContributorSpec, ScreeningModel, load_model
from twitchcheck.screen.result import (
    Contributor,
    Evidence,
    NextStep,
    Reason,
    SuggestedTest,
)
from twitchcheck.screen.scoring import (
    Tally,
)
from twitchcheck.screen.triage import (
    regional_numbers,
)


def rank(
    tally: Tally, kb: KnowledgeBase, model: ScreeningModel, has_abnormal_lab: bool
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


def tests_for(
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


def next_steps(
    level: str,
    reasons: list[Reason],
    contributors: tuple[Contributor, ...],
    kb: KnowledgeBase,
    model: ScreeningModel,
    answers: Answers,
    found: Found,
) -> tuple[NextStep, ...]:
    frame = model.frames[level]  # type: ignore[index]
    steps = list(_doctor_steps(frame.action.format(**regional_numbers(answers)), reasons))
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
    return tuple(_cautions(model, answers, gather(answers, load_knowledge(), model)))


def _cautions(model: ScreeningModel, answers: Answers, found: Found) -> Iterator[NextStep]:
    for caution in model.cautions:
        if holds(caution.when, answers, found):
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
