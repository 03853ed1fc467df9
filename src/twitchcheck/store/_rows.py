"""Helpers the repository modules share: fetch a row or say it is not there."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session

from twitchcheck.store.errors import NotFoundError
from twitchcheck.store.models import Base, ProfileRow

RowT = TypeVar("RowT", bound=Base)


def fetch(session: Session, model: type[RowT], key: int, kind: str) -> RowT:
    """The row of `model` with primary key `key`, or NotFoundError naming `kind`."""
    row = session.get(model, key)
    if row is None:
        raise NotFoundError(kind, key)
    return row


def owned(session: Session, model: type[RowT], key: int, profile_id: int, kind: str) -> RowT:
    """As `fetch`, and the row must belong to `profile_id` (no reaching across people)."""
    row = fetch(session, model, key, kind)
    if getattr(row, "profile_id", None) != profile_id:
        raise NotFoundError(kind, key)
    return row


def profile(session: Session, profile_id: int) -> ProfileRow:
    """The profile `profile_id`, or NotFoundError."""
    return fetch(session, ProfileRow, profile_id, "profile")
