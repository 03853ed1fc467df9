"""Where the person lives: the emergency number to call and the route for urgent advice.

The numbers and routes live in knowledge/regions.yaml, each with its source. A region is
written as its id ("uk"), a code ("gb") or a name ("United Kingdom"); a region twitchcheck does
not know gets the general wording, so advice never shows a wrong number.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from twitchcheck.errors import InputError
from twitchcheck.knowledge.wording import words
from twitchcheck.limits import limit
from twitchcheck.text import shorten

if TYPE_CHECKING:
    from twitchcheck.knowledge import KnowledgeBase, Region

__all__ = [
    "DEFAULT_EMERGENCY",
    "DEFAULT_URGENT",
    "emergency_number",
    "region_for",
    "region_id",
    "urgent_route",
]

DEFAULT_EMERGENCY = "your local emergency number"
DEFAULT_URGENT = "your doctor or an urgent care service"


def region_for(name: str | None, kb: KnowledgeBase | None = None) -> Region | None:
    """The region `name` means (id, code or name, any case), or None if unknown or empty."""
    from twitchcheck.knowledge import load_knowledge

    if not name or not name.strip() or len(name) > limit("input.text_chars"):
        return None  # a region's name is a few words; a paragraph is no region
    kb = kb or load_knowledge()
    key = words(name)
    for region in kb.regions.values():
        if key in {words(n) for n in (region.id, region.label, *region.names)}:
            return region
    return None


def region_id(name: str, kb: KnowledgeBase | None = None) -> str:
    """The region id for `name`; InputError with the accepted regions if unknown."""
    from twitchcheck.knowledge import load_knowledge

    kb = kb or load_knowledge()
    region = region_for(name, kb)
    if region is None:
        accepted = ", ".join(f"{r.id} ({r.label})" for r in kb.regions.values())
        raise InputError(
            f"region: {shorten(name, 40)!r} is not a known region; accepted: {accepted}"
        )
    return region.id


def emergency_number(region: str | None, kb: KnowledgeBase | None = None) -> str:
    """The number to call in an emergency ("999"), or "your local emergency number"."""
    found = region_for(region, kb)
    return found.emergency_number if found is not None else DEFAULT_EMERGENCY


def urgent_route(region: str | None, kb: KnowledgeBase | None = None) -> str:
    """Where to go when it cannot wait but is not an emergency ("call NHS 111 ...")."""
    found = region_for(region, kb)
    return found.urgent_route if found is not None else DEFAULT_URGENT
