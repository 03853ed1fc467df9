"""Screening: from a person's answers to ranked contributors, a triage level and tests.

    result = screen(parse_answers(json.load(open("answers.json"))))

A transparent points model (docs/screening.md): each contributor starts at a prior
and every answer that bears on it adds or removes points, recorded as evidence with
its source. Red flags are checked separately and always decide the triage level.
The weights live in ``data/knowledge/screening.yaml``; the facts they weigh live in
the rest of the knowledge base.
"""

from __future__ import annotations

from twitchcheck.screen.engine import screen
from twitchcheck.screen.found import (
    Raiser,
    above_limits,
    body_regions,
    derived_symptoms,
    lab_directions,
    raiser_counts,
    raisers,
)
from twitchcheck.screen.ranking import cautions_for
from twitchcheck.screen.result import (
    TRIAGE_ORDER,
    Contributor,
    Evidence,
    NextStep,
    Reason,
    ScreenResult,
    SuggestedTest,
    disclaimer,
)

__all__ = [
    "TRIAGE_ORDER",
    "Contributor",
    "Evidence",
    "NextStep",
    "Raiser",
    "Reason",
    "ScreenResult",
    "SuggestedTest",
    "above_limits",
    "body_regions",
    "cautions_for",
    "derived_symptoms",
    "disclaimer",
    "lab_directions",
    "raiser_counts",
    "raisers",
    "screen",
]
