"""Public face of the food database: search, look up, cite.

>>> from twitchcheck import foods
>>> foods.search("almonds")[0].name
'Almonds, NFS'
"""

from __future__ import annotations

from twitchcheck.fooddb import Food, Portion, releases
from twitchcheck.fooddb import get_food as get
from twitchcheck.search import Match, search

__all__ = ["Food", "Match", "Portion", "get", "releases", "search"]
