"""Red flags: the warning signs in the answers decide the triage level, whatever the scores."""

from __future__ import annotations

from twitchcheck.knowledge import KnowledgeBase, RedFlag
from twitchcheck.labs import LabResult
from twitchcheck.screen.answers import Answers
from twitchcheck.screen.found import (
    Found,
)
from twitchcheck.screen.model import load_model
from twitchcheck.screen.result import (
    TRIAGE_ORDER,
    Reason,
)


def regional_numbers(answers: Answers) -> dict[str, str]:
    """The emergency and urgent-care numbers for the person's region."""
    from twitchcheck.knowledge.regions import emergency_number, urgent_route

    return {"emergency": emergency_number(answers.region), "urgent": urgent_route(answers.region)}


def red_flag_reasons(kb: KnowledgeBase, answers: Answers, found: Found) -> list[Reason]:
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


def _fires(flag: RedFlag, answers: Answers, found: Found) -> bool:
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


def reassurance() -> Reason:
    said = load_model().sayings["no_red_flags"]
    return Reason("no_red_flags", "self-care", said.label, said.text, said.sources)
