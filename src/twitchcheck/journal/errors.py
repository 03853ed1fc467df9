"""The journal's one error: a journal entry or file that cannot be accepted as given."""

from __future__ import annotations

from twitchcheck.errors import InputError


class JournalError(InputError):
    """An episode, a day, a factor or a journal file that cannot be accepted; the message
    names the entry and what would be accepted."""

    code = "bad_journal"
