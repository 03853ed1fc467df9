"""Saved screenings (answers and result) and plans (request and result), kept as JSON.

The JSON is what the command line's `--json` prints, so a saved result reads back exactly
as it was shown.
"""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import select

from twitchcheck.store import checks
from twitchcheck.store._rows import owned, profile
from twitchcheck.store.engine import Store
from twitchcheck.store.models import PlanRow, ScreeningRow

Saved = TypeVar("Saved", ScreeningRow, PlanRow)


def save_screening(
    store: Store, profile_id: int, answers: dict[str, Any], result: dict[str, Any]
) -> ScreeningRow:
    """Keep a screening's answers and result."""
    row = ScreeningRow(
        profile_id=profile_id,
        answers=checks.document(answers, "the answers"),
        result=checks.document(result, "the screening's result"),
    )
    return _added(store, profile_id, row)


def screenings(store: Store, profile_id: int) -> list[ScreeningRow]:
    """A person's screenings, newest first."""
    return _newest_first(store, profile_id, ScreeningRow)


def get_screening(store: Store, profile_id: int, screening_id: int) -> ScreeningRow:
    """One screening."""
    with store.read() as session:
        return owned(session, ScreeningRow, screening_id, profile_id, "screening")


def delete_screening(store: Store, profile_id: int, screening_id: int) -> None:
    """Remove one screening."""
    with store.write() as session:
        session.delete(owned(session, ScreeningRow, screening_id, profile_id, "screening"))


def save_plan(
    store: Store, profile_id: int, request: dict[str, Any], result: dict[str, Any]
) -> PlanRow:
    """Keep a plan's request and the plan it produced."""
    row = PlanRow(
        profile_id=profile_id,
        request=checks.document(request, "the plan's request"),
        result=checks.document(result, "the plan"),
    )
    return _added(store, profile_id, row)


def plans(store: Store, profile_id: int) -> list[PlanRow]:
    """A person's plans, newest first."""
    return _newest_first(store, profile_id, PlanRow)


def delete_plan(store: Store, profile_id: int, plan_id: int) -> None:
    """Remove one plan."""
    with store.write() as session:
        session.delete(owned(session, PlanRow, plan_id, profile_id, "plan"))


def _added(store: Store, profile_id: int, row: Saved) -> Saved:
    """`row` saved for the person, in one transaction (a missing person is refused)."""
    with store.write() as session:
        profile(session, profile_id)
        session.add(row)
    return row


def _newest_first(store: Store, profile_id: int, model: type[Saved]) -> list[Saved]:
    with store.read() as session:
        profile(session, profile_id)
        query = select(model).where(model.profile_id == profile_id)
        return list(session.scalars(query.order_by(model.id.desc())))
