"""The person's own foods and recipes, and the corrections they picked once.

An own food is a name and the diary lines it stands for ("my porridge" = "40 g oats",
"250 ml oat milk"); a diary line naming it is read as those lines. A correction remembers
that a wording meant a food, so the same words match it next time. Both are looked up by
the folded name (case and spacing ignored).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from twitchcheck.diary import OwnFoods
from twitchcheck.store import checks
from twitchcheck.store._rows import owned, profile
from twitchcheck.store.engine import Store
from twitchcheck.store.errors import StoreInputError
from twitchcheck.store.models import NAME_CHARS, CorrectionRow, OwnFoodRow

MOST_LINES = 100


def save_own_food(store: Store, profile_id: int, name: str, lines: Sequence[str]) -> OwnFoodRow:
    """Save (or replace) the own food `name` as the diary lines `lines`."""
    checked_name = checks.text(name, "the food's name", NAME_CHARS).strip()
    if isinstance(lines, str) or not lines:
        raise StoreInputError(f"{checked_name!r} needs at least one line, e.g. '40 g oats'")
    if len(lines) > MOST_LINES:
        raise StoreInputError(f"{checked_name!r} has {len(lines)} lines; at most {MOST_LINES}")
    checked = [checks.text(line, f"a line of {checked_name!r}") for line in lines]
    key = checks.folded(checked_name)
    with store.write() as session:
        profile(session, profile_id)
        row = session.scalar(
            select(OwnFoodRow).where(OwnFoodRow.profile_id == profile_id, OwnFoodRow.key == key)
        )
        if row is None:
            row = OwnFoodRow(profile_id=profile_id, key=key)
            session.add(row)
        row.name, row.lines = checked_name, checked
    return row


def own_food(store: Store, profile_id: int, name: str) -> OwnFoodRow | None:
    """The own food called `name` (case and spacing ignored), if the person has one."""
    query = select(OwnFoodRow).where(
        OwnFoodRow.profile_id == profile_id, OwnFoodRow.key == checks.folded(name)
    )
    with store.read() as session:
        return session.scalar(query)


def own_foods(store: Store, profile_id: int) -> list[OwnFoodRow]:
    """A person's own foods, by name."""
    with store.read() as session:
        profile(session, profile_id)
        query = select(OwnFoodRow).where(OwnFoodRow.profile_id == profile_id)
        return list(session.scalars(query.order_by(OwnFoodRow.key)))


def delete_own_food(store: Store, profile_id: int, food_id: int) -> None:
    """Remove one own food."""
    with store.write() as session:
        session.delete(owned(session, OwnFoodRow, food_id, profile_id, "own food"))


def remember_correction(store: Store, profile_id: int, wording: str, food_id: str) -> CorrectionRow:
    """Remember that `wording` meant the food `food_id` (replacing an earlier choice)."""
    key = checks.folded(checks.text(wording, "the wording", NAME_CHARS))
    food = checks.text(food_id, "the food id", NAME_CHARS)
    with store.write() as session:
        profile(session, profile_id)
        row = session.scalar(
            select(CorrectionRow).where(
                CorrectionRow.profile_id == profile_id, CorrectionRow.wording == key
            )
        )
        if row is None:
            row = CorrectionRow(profile_id=profile_id, wording=key)
            session.add(row)
        row.food_id = food
    return row


def correction_for(store: Store, profile_id: int, wording: str) -> str | None:
    """The food id the person picked for `wording`, if they picked one."""
    query = select(CorrectionRow.food_id).where(
        CorrectionRow.profile_id == profile_id, CorrectionRow.wording == checks.folded(wording)
    )
    with store.read() as session:
        return session.scalar(query)


def corrections(store: Store, profile_id: int) -> dict[str, str]:
    """Every remembered wording and its food id."""
    query = select(CorrectionRow.wording, CorrectionRow.food_id).where(
        CorrectionRow.profile_id == profile_id
    )
    with store.read() as session:
        return {row[0]: row[1] for row in session.execute(query)}


def own_foods_for_reading(store: Store, profile_id: int) -> OwnFoods:
    """The person's own foods and corrections, as the diary reader applies them."""
    recipes = {row.name: [str(line) for line in row.lines] for row in own_foods(store, profile_id)}
    return OwnFoods.of(recipes, corrections(store, profile_id))
