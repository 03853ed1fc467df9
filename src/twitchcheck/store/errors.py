"""The errors the store raises, beside the core's tree in twitchcheck.errors.

TwitchcheckError (twitchcheck.errors)
├── InputError
│   ├── StoreInputError   a value the store will not keep (too long, NUL bytes, bad JSON)
│   ├── NotFoundError     no record with that id (or not this person's)
│   └── BackupError       a file that is not a twitchcheck backup, or cannot be restored
└── StoreError            the store cannot be opened or is newer than this twitchcheck
"""

from __future__ import annotations

from twitchcheck.errors import InputError, TwitchcheckError


class StoreError(TwitchcheckError):
    """The store cannot be opened or used (unreachable server, unknown schema)."""

    code = "store_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class StoreInputError(InputError):
    """A value the store refuses to keep, naming the field and the limit."""

    code = "bad_record"


class NotFoundError(InputError):
    """No stored record of that kind with that id."""

    code = "not_found"

    def __init__(self, kind: str, key: object) -> None:
        self.kind = kind
        self.key = key
        super().__init__(f"no {kind} {key!r} is stored; list them to see which exist")


class BackupError(InputError):
    """A backup file that cannot be restored; nothing was changed."""

    code = "bad_backup"
