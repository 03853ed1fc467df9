"""What a screening returns: the triage level, the reasons for it, ranked contributors with
the evidence behind each, suggested tests and next steps."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

from twitchcheck.labs import LabResult
from twitchcheck.screen.model import load_model

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


def disclaimer() -> str:
    """What the screening is and is not (screening.yaml sayings.disclaimer)."""
    return " ".join(load_model().sayings["disclaimer"].text.split())
