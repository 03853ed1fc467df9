"""The store's tables as SQLAlchemy 2 typed models (one class per table).

Everything a person saves hangs off a profile and goes with it (ON DELETE CASCADE). Times
are naive UTC, the one form SQLite and PostgreSQL both give back unchanged. The schema is
created and changed only by the migrations in `migrations/`; a test keeps the two equal.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Named constraints, so that later migrations can alter them on SQLite and PostgreSQL alike.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
APPLICATION = "twitchcheck"  # store_meta's 'application': how a backup is recognised
NAME_CHARS = 200
UNIT_CHARS = 40


def utcnow() -> dt.datetime:
    """Now, as naive UTC."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    """The declarative base of the store's models."""

    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[Any]: JSON}


def _owner() -> Mapped[int]:
    return mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"), index=True)


class StoreMeta(Base):
    """Facts about the store itself ('application' = 'twitchcheck')."""

    __tablename__ = "store_meta"

    key: Mapped[str] = mapped_column(String(NAME_CHARS), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class ProfileRow(Base):
    """One person: the details targets and screening need."""

    __tablename__ = "profiles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME_CHARS), unique=True)
    age_years: Mapped[float | None] = mapped_column(Float)
    birth_year: Mapped[int | None] = mapped_column(Integer)
    sex: Mapped[str | None] = mapped_column(String(UNIT_CHARS))
    pregnant: Mapped[bool] = mapped_column(default=False)
    lactating: Mapped[bool] = mapped_column(default=False)
    weight_kg: Mapped[float | None] = mapped_column(Float)
    height_cm: Mapped[float | None] = mapped_column(Float)
    region: Mapped[str | None] = mapped_column(String(UNIT_CHARS))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class ScreeningRow(Base):
    """A saved screening: the answers given and the result they produced."""

    __tablename__ = "screenings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    profile_id: Mapped[int] = _owner()
    answers: Mapped[dict[str, Any]]
    result: Mapped[dict[str, Any]]
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class DiaryDayRow(Base):
    """One day of a person's food diary."""

    __tablename__ = "diary_days"
    __table_args__ = (UniqueConstraint("profile_id", "day"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    profile_id: Mapped[int] = _owner()
    day: Mapped[dt.date] = mapped_column(Date)
    entries: Mapped[list[DiaryEntryRow]] = relationship(
        back_populates="diary_day",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="DiaryEntryRow.position",
    )


class DiaryEntryRow(Base):
    """One diary line: the text as typed and, once matched, the food and grams."""

    __tablename__ = "diary_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day_id: Mapped[int] = mapped_column(ForeignKey("diary_days.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    time: Mapped[dt.time | None] = mapped_column(Time)
    meal: Mapped[str | None] = mapped_column(String(UNIT_CHARS))
    text: Mapped[str] = mapped_column(Text)
    food_id: Mapped[str | None] = mapped_column(String(NAME_CHARS))
    grams: Mapped[float | None] = mapped_column(Float)
    how: Mapped[str | None] = mapped_column(String(NAME_CHARS))  # typed, portion, corrected...
    # An export's own figures for the line: {"source", "nutrients": {key: value or None},
    # "use": whether they are counted instead of the food matched for its text}.
    given: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    diary_day: Mapped[DiaryDayRow] = relationship(back_populates="entries")


class LabResultRow(Base):
    """A lab value as the report gave it, with the lab's own range when printed."""

    __tablename__ = "lab_results"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    profile_id: Mapped[int] = _owner()
    taken_on: Mapped[dt.date] = mapped_column(Date)
    analyte: Mapped[str] = mapped_column(String(NAME_CHARS))
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(UNIT_CHARS))
    range_low: Mapped[float | None] = mapped_column(Float)
    range_high: Mapped[float | None] = mapped_column(Float)
    range_text: Mapped[str | None] = mapped_column(String(NAME_CHARS))


class SupplementRow(Base):
    """A supplement the person takes, as they name it ('magnesium citrate 400 mg daily')."""

    __tablename__ = "supplements"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    profile_id: Mapped[int] = _owner()
    text: Mapped[str] = mapped_column(String(NAME_CHARS))
    started_on: Mapped[dt.date | None] = mapped_column(Date)
    stopped_on: Mapped[dt.date | None] = mapped_column(Date)


class PlanRow(Base):
    """A saved plan: the request and the plan it produced."""

    __tablename__ = "plans"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    profile_id: Mapped[int] = _owner()
    request: Mapped[dict[str, Any]]
    result: Mapped[dict[str, Any]]
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class OwnFoodRow(Base):
    """The person's own food or recipe: a name and the diary lines it stands for."""

    __tablename__ = "own_foods"
    __table_args__ = (UniqueConstraint("profile_id", "key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    profile_id: Mapped[int] = _owner()
    name: Mapped[str] = mapped_column(String(NAME_CHARS))
    key: Mapped[str] = mapped_column(String(NAME_CHARS))  # the name folded, for lookup
    lines: Mapped[list[Any]]


class CorrectionRow(Base):
    """A wording the person once matched to a food by hand, remembered for next time."""

    __tablename__ = "corrections"
    __table_args__ = (UniqueConstraint("profile_id", "wording"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    profile_id: Mapped[int] = _owner()
    wording: Mapped[str] = mapped_column(String(NAME_CHARS))  # folded
    food_id: Mapped[str] = mapped_column(String(NAME_CHARS))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class JournalEpisodeRow(Base):
    """One twitch, cramp or restless-legs episode; every detail but the start may wait.

    `start` is the local clock time the person lived it (the night is read from the clock),
    not UTC like the other times here."""

    __tablename__ = "journal_episodes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    profile_id: Mapped[int] = _owner()
    start: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    kind: Mapped[str | None] = mapped_column(String(UNIT_CHARS))
    places: Mapped[list[Any]]  # "where" as typed ("left calf")
    count: Mapped[int | None] = mapped_column(Integer)
    duration_min: Mapped[float | None] = mapped_column(Float)
    severity: Mapped[int | None] = mapped_column(Integer)
    sleep_disruption: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class JournalDayRow(Base):
    """One day of the journal: its factors (name -> number, yes/no or level) and whether its
    night was checked in as quiet."""

    __tablename__ = "journal_days"
    __table_args__ = (UniqueConstraint("profile_id", "day"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    profile_id: Mapped[int] = _owner()
    day: Mapped[dt.date] = mapped_column(Date)
    quiet_night: Mapped[bool] = mapped_column(default=False)
    factors: Mapped[dict[str, Any]]
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class JournalExperimentRow(Base):
    """An N-of-1 experiment: the change tried, from when, and its schedule of blocks."""

    __tablename__ = "journal_experiments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    profile_id: Mapped[int] = _owner()
    change: Mapped[str] = mapped_column(String(NAME_CHARS))
    started_on: Mapped[dt.date] = mapped_column(Date)
    weeks: Mapped[int] = mapped_column(Integer)
    schedule: Mapped[dict[str, Any]]
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
