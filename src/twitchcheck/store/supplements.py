"""The supplements a person takes, as they name them, with when they started or stopped."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from twitchcheck.store import checks
from twitchcheck.store._rows import owned, profile
from twitchcheck.store.engine import Store
from twitchcheck.store.models import NAME_CHARS, SupplementRow


def add_supplement(
    store: Store,
    profile_id: int,
    text: str,
    started_on: dt.date | None = None,
    stopped_on: dt.date | None = None,
) -> SupplementRow:
    """Save one supplement ('magnesium citrate 400 mg daily')."""
    row = SupplementRow(
        profile_id=profile_id,
        text=checks.text(text, "the supplement", NAME_CHARS),
        started_on=started_on,
        stopped_on=stopped_on,
    )
    with store.write() as session:
        profile(session, profile_id)
        session.add(row)
    return row


def supplements(store: Store, profile_id: int) -> list[SupplementRow]:
    """A person's supplements, in the order saved."""
    with store.read() as session:
        profile(session, profile_id)
        query = select(SupplementRow).where(SupplementRow.profile_id == profile_id)
        return list(session.scalars(query.order_by(SupplementRow.id)))


def delete_supplement(store: Store, profile_id: int, supplement_id: int) -> None:
    """Remove one supplement."""
    with store.write() as session:
        session.delete(owned(session, SupplementRow, supplement_id, profile_id, "supplement"))
