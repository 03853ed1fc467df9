"""The user's own store: profiles and everything a person saves, in SQLite or PostgreSQL.

The store is core, not a shell: it reads no environment (the shells pass theirs to
`store_url`) and imports no UI library. Every write is one transaction. See docs/store.md.
"""

from __future__ import annotations

from twitchcheck.store.backups import backup as backup
from twitchcheck.store.backups import read_backup as read_backup
from twitchcheck.store.backups import restore as restore
from twitchcheck.store.diaries import EntryInput as EntryInput
from twitchcheck.store.engine import Store as Store
from twitchcheck.store.engine import open_store as open_store
from twitchcheck.store.errors import BackupError as BackupError
from twitchcheck.store.errors import NotFoundError as NotFoundError
from twitchcheck.store.errors import StoreError as StoreError
from twitchcheck.store.errors import StoreInputError as StoreInputError
from twitchcheck.store.labs import LabInput as LabInput
from twitchcheck.store.location import store_url as store_url
from twitchcheck.store.profiles import ProfileDetails as ProfileDetails

__all__ = [
    "BackupError",
    "EntryInput",
    "LabInput",
    "NotFoundError",
    "ProfileDetails",
    "Store",
    "StoreError",
    "StoreInputError",
    "backup",
    "open_store",
    "read_backup",
    "restore",
    "store_url",
]
