"""Profiles: the people who use twitchcheck on this machine (several, e.g. a family)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from twitchcheck.store import checks
from twitchcheck.store._rows import profile
from twitchcheck.store.engine import Store
from twitchcheck.store.errors import StoreInputError
from twitchcheck.store.models import NAME_CHARS, UNIT_CHARS, ProfileRow

SEXES = ("female", "male")


@dataclass(frozen=True)
class ProfileDetails:
    """What a person tells about themselves; everything but the name may be left out."""

    name: str
    age_years: float | None = None
    birth_year: int | None = None
    sex: str | None = None
    pregnant: bool = False
    lactating: bool = False
    weight_kg: float | None = None
    height_cm: float | None = None
    region: str | None = None


def _checked(details: ProfileDetails) -> ProfileDetails:
    if details.sex is not None and details.sex not in SEXES:
        raise StoreInputError(f"sex is {details.sex!r}; give one of: {', '.join(SEXES)}")
    if (details.pregnant or details.lactating) and details.sex == "male":
        raise StoreInputError("a profile marked male cannot be pregnant or lactating")
    year = checks.number(details.birth_year, "birth year", 1880, dt.date.today().year)
    return ProfileDetails(
        name=checks.text(details.name, "the profile's name", NAME_CHARS).strip(),
        age_years=checks.number(details.age_years, "age (years)", 0, 130),
        birth_year=None if year is None else int(year),
        sex=details.sex,
        pregnant=bool(details.pregnant),
        lactating=bool(details.lactating),
        weight_kg=checks.number(details.weight_kg, "weight (kg)", 0.3, 650),
        height_cm=checks.number(details.height_cm, "height (cm)", 20, 280),
        region=checks.optional_text(details.region, "region", UNIT_CHARS),
    )


def _apply(row: ProfileRow, details: ProfileDetails) -> None:
    for field in ProfileDetails.__dataclass_fields__:
        setattr(row, field, getattr(details, field))


def add_profile(store: Store, details: ProfileDetails) -> ProfileRow:
    """Save a new person; their name must not be taken."""
    checked = _checked(details)
    with store.write() as session:
        _refuse_taken(session, checked.name, None)
        row = ProfileRow()
        _apply(row, checked)
        session.add(row)
    return row


def update_profile(store: Store, profile_id: int, details: ProfileDetails) -> ProfileRow:
    """Replace a person's details with `details`."""
    checked = _checked(details)
    with store.write() as session:
        row = profile(session, profile_id)
        _refuse_taken(session, checked.name, profile_id)
        _apply(row, checked)
    return row


def _refuse_taken(session: Session, name: str, keep: int | None) -> None:
    taken = session.scalar(select(ProfileRow.id).where(ProfileRow.name == name))
    if taken is not None and taken != keep:
        raise StoreInputError(f"a profile named {name!r} already exists; choose another name")


def get_profile(store: Store, profile_id: int) -> ProfileRow:
    """One person by id."""
    with store.read() as session:
        return profile(session, profile_id)


def find_profile(store: Store, name: str) -> ProfileRow | None:
    """The person with exactly this name, if any."""
    with store.read() as session:
        return session.scalar(select(ProfileRow).where(ProfileRow.name == name.strip()))


def list_profiles(store: Store) -> list[ProfileRow]:
    """Everyone, by name."""
    with store.read() as session:
        return list(session.scalars(select(ProfileRow).order_by(ProfileRow.name)))


def delete_profile(store: Store, profile_id: int) -> None:
    """Remove a person and everything saved for them."""
    with store.write() as session:
        session.delete(profile(session, profile_id))
