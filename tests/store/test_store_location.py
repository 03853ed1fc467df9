"""Where the store lives and how a SQLite store is set up: private, WAL, foreign keys."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from sqlalchemy import text

from twitchcheck.store import StoreError, open_store, store_url
from twitchcheck.store.location import FILE_NAME, sqlite_url, store_home

CHOICES = [
    ("--db wins", "sqlite:////a.sqlite", {"TWITCHCHECK_DATABASE_URL": "postgresql://x/y"},
     "sqlite:////a.sqlite"),
    ("then the variable", None, {"TWITCHCHECK_DATABASE_URL": "postgresql+psycopg://h/db"},
     "postgresql+psycopg://h/db"),
    ("then TWITCHCHECK_HOME", None, {"TWITCHCHECK_HOME": "/srv/tc"},
     f"sqlite+pysqlite:////srv/tc/{FILE_NAME}"),
    ("blank values are unset", "  ", {"TWITCHCHECK_DATABASE_URL": " ", "TWITCHCHECK_HOME": "/h"},
     f"sqlite+pysqlite:////h/{FILE_NAME}"),
]  # fmt: skip


@pytest.mark.parametrize(("db", "environment", "expected"), [c[1:] for c in CHOICES],
                         ids=[c[0] for c in CHOICES])  # fmt: skip
def test_the_store_is_chosen_in_order(db, environment, expected) -> None:
    assert store_url(db, environment) == expected


def test_the_default_is_the_user_data_directory() -> None:
    import platformdirs

    expected = Path(platformdirs.user_data_dir("twitchcheck", appauthor=False))
    assert store_home({}) == expected
    assert store_url(None, {}) == sqlite_url(expected / FILE_NAME)


def test_a_new_sqlite_store_is_private(tmp_path: Path) -> None:
    path = tmp_path / "new" / "folder" / "twitchcheck.sqlite"
    store = open_store(sqlite_url(path))
    try:
        with store.write() as session:  # a write makes SQLite create the -wal file
            session.execute(text("UPDATE store_meta SET value = value"))
        for made in [path, *path.parent.glob("twitchcheck.sqlite-*")]:
            assert stat.S_IMODE(made.stat().st_mode) == 0o600, made
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    finally:
        store.close()


def test_sqlite_runs_in_wal_with_foreign_keys_and_a_busy_timeout(tmp_path: Path) -> None:
    store = open_store(sqlite_url(tmp_path / "s.sqlite"))
    try:
        with store.engine.connect() as connection:
            assert connection.scalar(text("PRAGMA journal_mode")) == "wal"
            assert connection.scalar(text("PRAGMA foreign_keys")) == 1
            assert connection.scalar(text("PRAGMA busy_timeout")) >= 5000
    finally:
        store.close()


@pytest.mark.parametrize("url", ["not a url", "mysql://x/y", "sqlite://", "sqlite:///:memory:"])
def test_an_unusable_url_is_refused_with_a_message(url: str) -> None:
    with pytest.raises(StoreError, match=r"SQLite|URL|PostgreSQL"):
        open_store(url)


def test_a_password_is_never_shown(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as raised:
        open_store("postgresql+psycopg://me:s3cret@127.0.0.1:1/db")
    assert "s3cret" not in str(raised.value)
