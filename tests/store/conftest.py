"""Fixtures for the store's tests: each runs on a fresh SQLite file and, when
TWITCHCHECK_TEST_DATABASE_URL names one, on a fresh PostgreSQL schema (.ci/run starts one)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from conftest import place_store
from twitchcheck.store import ProfileDetails, Store, open_store
from twitchcheck.store.location import sqlite_url
from twitchcheck.store.profiles import add_profile

PG_VARIABLE = "TWITCHCHECK_TEST_DATABASE_URL"
PG_URL = os.environ.get(PG_VARIABLE, "")
BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param(
        "postgresql",
        id="postgresql",
        marks=pytest.mark.skipif(
            not PG_URL, reason=f"{PG_VARIABLE} is unset: no PostgreSQL server to test against"
        ),
    ),
]


def empty_postgresql() -> str:
    """The test server's URL, its public schema emptied."""
    engine = create_engine(PG_URL)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return PG_URL


@pytest.fixture(params=BACKENDS)
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database's URL, on each backend."""
    if request.param == "sqlite":
        return sqlite_url(tmp_path / "home" / "twitchcheck.sqlite")
    return empty_postgresql()


@pytest.fixture
def store(url: str, request: pytest.FixtureRequest) -> Iterator[Store]:
    """An open store at the current schema, on each backend (SQLite: a copy of the session's
    migrated file, which open_store finds at the head revision)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database:
        place_store(request.getfixturevalue("migrated_store"), Path(parsed.database))
    opened = open_store(url)
    yield opened
    opened.close()


@pytest.fixture
def person(store: Store) -> int:
    """The id of one saved profile."""
    return add_profile(store, ProfileDetails(name="Ann", age_years=42, sex="female")).id
