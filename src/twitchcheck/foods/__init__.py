"""Public face of the food database: search, look up, cite.

>>> from twitchcheck import foods
>>> foods.search("almonds")[0].name
'Almonds, NFS'
"""

from __future__ import annotations

from twitchcheck.foods.database import Food, Portion, releases
from twitchcheck.foods.database import get_food as get
from twitchcheck.foods.search import Match, search

__all__ = ["Food", "Match", "Portion", "get", "releases", "search"]
