"""twitchcheck: investigate night-time muscle twitches and cramps.

The core is a plain library; the command line and web app are shells over it.
Names are imported on first use (PEP 562), so ``import twitchcheck`` stays cheap
for the command line.

    >>> import twitchcheck
    >>> report = twitchcheck.nutrients(["a handful of almonds", "2 eggs"])
    >>> twitchcheck.foods.search("banana")[0].name
    'Banana, raw'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from twitchcheck import errors as errors
    from twitchcheck import foods as foods
    from twitchcheck.diary import read_diary as read_diary
    from twitchcheck.diet import analyze as analyze_diet  # noqa: F401 (exported lazily, renamed)
    from twitchcheck.foods.phrases import nutrients as nutrients
    from twitchcheck.foods.phrases import resolve as resolve
    from twitchcheck.knowledge import load_knowledge as load_knowledge
    from twitchcheck.labs import interpret_labs as interpret_labs
    from twitchcheck.labs import parse_lab as parse_lab
    from twitchcheck.profile import Person as Person
    from twitchcheck.screen import screen as screen
    from twitchcheck.screen.answers import parse_answers as parse_answers
    from twitchcheck.targets import targets_for as targets_for
    from twitchcheck.workflows import PlanRequest as PlanRequest
    from twitchcheck.workflows import plan_for as plan_for
    from twitchcheck.workflows import screen_person as screen_person

__version__ = "0.1.0"

# public name -> (module, attribute or None for the module itself)
_EXPORTS: dict[str, tuple[str, str | None]] = {
    "analyze_diet": ("twitchcheck.diet", "analyze"),
    "errors": ("twitchcheck.errors", None),
    "foods": ("twitchcheck.foods", None),
    "interpret_labs": ("twitchcheck.labs", "interpret_labs"),
    "load_knowledge": ("twitchcheck.knowledge", "load_knowledge"),
    "nutrients": ("twitchcheck.foods.phrases", "nutrients"),
    "parse_answers": ("twitchcheck.screen.answers", "parse_answers"),
    "parse_lab": ("twitchcheck.labs", "parse_lab"),
    "read_diary": ("twitchcheck.diary", "read_diary"),
    "screen": ("twitchcheck.screen", "screen"),
    "Person": ("twitchcheck.profile", "Person"),
    "resolve": ("twitchcheck.foods.phrases", "resolve"),
    "targets_for": ("twitchcheck.targets", "targets_for"),
    "screen_person": ("twitchcheck.workflows", "screen_person"),
    "plan_for": ("twitchcheck.workflows", "plan_for"),
    "PlanRequest": ("twitchcheck.workflows", "PlanRequest"),
}

__all__ = ["__version__", *sorted(_EXPORTS)]


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'twitchcheck' has no attribute {name!r}")
    module_name, attribute = _EXPORTS[name]
    module = importlib.import_module(module_name)
    value = module if attribute is None else getattr(module, attribute)
    globals()[name] = value
    return value
