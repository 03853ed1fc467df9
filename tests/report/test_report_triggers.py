"""The report's trigger section from the journal's own analysis (journal.triggers) of a
simulated history: a planted effect is shown as an association with its interval, nothing is
said about a factor without enough nights, and the words are "associated", never "caused"."""

from __future__ import annotations

import datetime as dt
import random

from twitchcheck.journal.history import History
from twitchcheck.journal.triggers import analyse
from twitchcheck.report.gather import MOST_FINDINGS, triggers_part
from twitchcheck.report.html import render_report_html
from twitchcheck.report.parts import IntakePart, ReportParts, TriggersPart, WhoPart

FIRST = dt.date(2026, 8, 1)


def simulated(nights: int, seed: int) -> History:
    """Episodes a night from a small binomial; caffeine after 2 p.m. on about 40% of days
    raises that night's rate about threefold; stress has no effect."""
    rng = random.Random(seed)
    late = [rng.random() < 0.4 for _ in range(nights)]
    episodes = [sum(rng.random() < (0.45 if hot else 0.15) for _ in range(3)) for hot in late]
    stress = [float(rng.randint(1, 9)) for _ in range(nights)]
    factors = {"caffeine_after_2pm": [float(hot) for hot in late], "stress": stress}
    return History.starting(FIRST, episodes, factors)


def parts_with(triggers: TriggersPart) -> ReportParts:
    """A report holding only `triggers` (every other section empty)."""
    return ReportParts(
        who=WhoPart("Sim", "50 y", "male", "", "", FIRST), screening=None, episodes=None,
        intake=IntakePart(None, None, 0, 14, 0, 0, (), None, "", "No food diary recorded"),
        supplements=(), medicines=(), labs=(), labs_not_shown=0, triggers=triggers,
    )  # fmt: skip


def test_a_planted_effect_is_reported_as_an_association_with_its_interval() -> None:
    part = triggers_part(analyse(simulated(90, seed=3), permutations=199, bootstraps=199))
    caffeine = [f for f in part.findings if f.factor == "Caffeine after 2 p.m." and f.lag_days == 0]
    assert caffeine, part.findings
    assert caffeine[0].status == "associated"
    assert caffeine[0].ci[0] > 1
    assert part.findings[0].status == "associated"  # associations come first
    assert len(part.findings) <= MOST_FINDINGS
    html = render_report_html(parts_with(part))
    section = html.split('id="triggers"')[1].split("</section>")[0]
    assert "▲ associated with more episodes" in section
    assert f"{caffeine[0].ci[0]:.2g}–{caffeine[0].ci[1]:.2g}" in section
    assert "caused" not in html.lower()
    assert "do not show a cause" in html


def test_too_few_nights_says_what_is_missing_and_finds_nothing() -> None:
    part = triggers_part(analyse(simulated(20, seed=1), permutations=99, bootstraps=99))
    assert not part.findings
    assert {name for name, _ in part.not_enough_data} == {"Caffeine after 2 p.m.", "Stress (0-10)"}
    html = render_report_html(parts_with(part))
    assert "Not enough data yet:" in html
