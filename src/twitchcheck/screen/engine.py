"""The screening from start to end: gather what the answers show, decide the triage level,
weigh the evidence, rank and say what to do."""

from __future__ import annotations

from twitchcheck.knowledge import load_knowledge
from twitchcheck.screen.answers import Answers
from twitchcheck.screen.found import (
    gather,
)
from twitchcheck.screen.model import load_model
from twitchcheck.screen.ranking import (
    next_steps,
    rank,
    tests_for,
)
from twitchcheck.screen.result import (
    TRIAGE_ORDER,
    ScreenResult,
)
from twitchcheck.screen.scoring import weigh
from twitchcheck.screen.triage import (
    reassurance,
    red_flag_reasons,
    regional_numbers,
)


def screen(answers: Answers) -> ScreenResult:
    """Weigh resolved answers (see `answers.parse_answers`) and return the full result."""
    kb, model = load_knowledge(), load_model()
    found = gather(answers, kb, model)
    reasons = red_flag_reasons(kb, answers, found)
    level = max((r.level for r in reasons), key=TRIAGE_ORDER.index, default="self-care")
    tally = weigh(answers, kb, model, found, reasons)
    contributors = rank(tally, kb, model, bool(found.low_labs | found.high_labs))
    frame = model.frames[level]  # type: ignore[index]
    numbers = regional_numbers(answers)
    return ScreenResult(
        level=level,
        header=frame.header.format(**numbers),
        action=frame.action.format(**numbers),
        reasons=tuple(reasons) or (reassurance(),),
        contributors=contributors,
        suggested_tests=tests_for(contributors, model),
        next_steps=next_steps(level, reasons, contributors, kb, model, answers, found),
        labs=found.labs,
    )
