"""The journal: night episodes and daily factors, trends and their associations (issue 15).

Pure core, like the rest: values in, values out. `definitions` reads data/journal.toml (the
kinds told apart in plain words, the night's hours, the factors and their bounds), `model`
holds episodes, days and nights, `files` reads and writes the journal file of
../shared/DESIGN.md. The store keeps them (twitchcheck.store.journal); the shells show them.
"""

from __future__ import annotations

from twitchcheck.journal.definitions import EpisodeKind as EpisodeKind
from twitchcheck.journal.definitions import FactorDefinition as FactorDefinition
from twitchcheck.journal.definitions import FactorValue as FactorValue
from twitchcheck.journal.definitions import check_factor as check_factor
from twitchcheck.journal.definitions import factor_number as factor_number
from twitchcheck.journal.definitions import rules as rules
from twitchcheck.journal.definitions import taken_factor as taken_factor
from twitchcheck.journal.errors import JournalError as JournalError
from twitchcheck.journal.files import journal_dict as journal_dict
from twitchcheck.journal.files import parse_journal as parse_journal
from twitchcheck.journal.model import Day as Day
from twitchcheck.journal.model import Episode as Episode
from twitchcheck.journal.model import Journal as Journal
from twitchcheck.journal.model import Night as Night
from twitchcheck.journal.model import night_of as night_of
from twitchcheck.journal.model import nights as nights

__all__ = [
    "Day",
    "Episode",
    "EpisodeKind",
    "FactorDefinition",
    "FactorValue",
    "Journal",
    "JournalError",
    "Night",
    "check_factor",
    "factor_number",
    "journal_dict",
    "night_of",
    "nights",
    "parse_journal",
    "rules",
    "taken_factor",
]
