"""Screening: from a person's answers to ranked contributors, a triage level and tests.

    result = screen(parse_answers(json.load(open("answers.json"))))

A transparent points model (docs/screening.md): each contributor starts at a prior
and every answer that bears on it adds or removes points, recorded as evidence with
its source. Red flags are checked separately and always decide the triage level.
The weights live in ``data/knowledge/screening.yaml``; the facts they weigh live in
the rest of the knowledge base.

Names are imported on first use (PEP 562), so a module that needs only `screen.answers`
does not load the engine.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from twitchcheck.screen.engine import screen as screen
    from twitchcheck.screen.found import Raiser as Raiser
    from twitchcheck.screen.found import above_limits as above_limits
    from twitchcheck.screen.found import body_regions as body_regions
    from twitchcheck.screen.found import derived_symptoms as derived_symptoms
    from twitchcheck.screen.found import lab_directions as lab_directions
    from twitchcheck.screen.found import raiser_counts as raiser_counts
    from twitchcheck.screen.found import raisers as raisers
    from twitchcheck.screen.ranking import cautions_for as cautions_for
    from twitchcheck.screen.result import TRIAGE_ORDER as TRIAGE_ORDER
    from twitchcheck.screen.result import Contributor as Contributor
    from twitchcheck.screen.result import Evidence as Evidence
    from twitchcheck.screen.result import NextStep as NextStep
    from twitchcheck.screen.result import Reason as Reason
    from twitchcheck.screen.result import ScreenResult as ScreenResult
    from twitchcheck.screen.result import SuggestedTest as SuggestedTest
    from twitchcheck.screen.result import disclaimer as disclaimer

# public name -> the module that defines it
_EXPORTS: dict[str, str] = {
    "screen": "twitchcheck.screen.engine",
    "Raiser": "twitchcheck.screen.found",
    "above_limits": "twitchcheck.screen.found",
    "body_regions": "twitchcheck.screen.found",
    "derived_symptoms": "twitchcheck.screen.found",
    "lab_directions": "twitchcheck.screen.found",
    "raiser_counts": "twitchcheck.screen.found",
    "raisers": "twitchcheck.screen.found",
    "cautions_for": "twitchcheck.screen.ranking",
    "TRIAGE_ORDER": "twitchcheck.screen.result",
    "Contributor": "twitchcheck.screen.result",
    "Evidence": "twitchcheck.screen.result",
    "NextStep": "twitchcheck.screen.result",
    "Reason": "twitchcheck.screen.result",
    "ScreenResult": "twitchcheck.screen.result",
    "SuggestedTest": "twitchcheck.screen.result",
    "disclaimer": "twitchcheck.screen.result",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'twitchcheck.screen' has no attribute {name!r}")
    value = getattr(importlib.import_module(_EXPORTS[name]), name)
    globals()[name] = value
    return value
