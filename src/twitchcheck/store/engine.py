"""Opening a store: the engine, SQLite's settings, and the transaction every write runs in.

A SQLite file is made private before the first byte is written (folder 0700, file 0600),
then runs in WAL mode (readers never block the one writer; a killed writer leaves the last
commit intact) with foreign keys on, a busy timeout and secure delete (freed bytes are
zeroed). Each write is one transaction begun IMMEDIATE on SQLite, so two writers queue
instead of failing half-way.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session

from twitchcheck.store.errors import StoreError

BUSY_TIMEOUT_MS = 10_000
_SUPPORTED = ("sqlite", "postgresql")


@dataclass(frozen=True)
class Store:
    """An open store: its engine and where it is."""

    engine: Engine

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def path(self) -> Path | None:
        """The SQLite file, or None for a server."""
        database = self.engine.url.database
        return Path(database) if self.is_sqlite and database else None

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """A session in one transaction: committed when the block ends, else rolled back."""
        bind = self.engine.execution_options(sqlite_begin="BEGIN IMMEDIATE")
        with Session(bind, expire_on_commit=False) as session, session.begin():
            yield session

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; its objects stay usable after the block."""
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()


def parse_url(url: str) -> URL:
    """The URL, checked to be a SQLite file or a PostgreSQL server."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StoreError(
            f"{_redacted(url)!r} is not a database URL; give a SQLite file "
            "(sqlite:////path/to/twitchcheck.sqlite) or a server "
            "(postgresql+psycopg://user@host/db)"
        ) from None
    if parsed.get_backend_name() not in _SUPPORTED:
        raise StoreError(
            f"the store must be SQLite or PostgreSQL, not {parsed.get_backend_name()!r}"
        )
    if parsed.get_backend_name() == "sqlite" and parsed.database in (None, "", ":memory:"):
        raise StoreError("a SQLite store needs a file: sqlite:////path/to/twitchcheck.sqlite")
    return parsed


def _redacted(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url[:200]


def create_store_engine(url: str) -> Engine:
    """An engine for `url`; a SQLite file and its folder are created private if missing."""
    parsed = parse_url(url)
    if parsed.get_backend_name() == "sqlite":
        assert parsed.database is not None
        _create_private(Path(parsed.database))
        engine = create_engine(parsed, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    try:
        return create_engine(parsed, pool_pre_ping=True)
    except NoSuchModuleError as error:
        raise StoreError(f"no driver for {parsed.drivername!r}: {error}") from None


def open_store(url: str, *, migrate: bool = True) -> Store:
    """The store at `url`, upgraded to the current schema unless `migrate` is False."""
    store = Store(create_store_engine(url))
    try:
        if migrate:
            from twitchcheck.store.migrate import upgrade

            upgrade(store.engine)
        else:
            with store.engine.connect():
                pass
    except OperationalError as error:
        store.close()
        raise StoreError(
            f"the store at {parsed_for_message(url)} cannot be opened: {error.orig}"
        ) from None
    except BaseException:
        store.close()
        raise
    return store


def parsed_for_message(url: str) -> str:
    """The URL as shown to people: never with its password."""
    return _redacted(url)


def _create_private(path: Path) -> None:
    # Made before SQLite opens it: SQLite would create the file with the umask's mode.
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
        os.close(descriptor)
    except OSError as error:
        raise StoreError(f"the store file {path} cannot be created: {error.strerror}") from None


def _sqlite_connect(connection: sqlite3.Connection, _record: Any) -> None:
    # SQLAlchemy's advice for pysqlite: let the "begin" event issue BEGIN itself, so that a
    # transaction covers reads and writes alike and no implicit COMMIT splits one.
    connection.isolation_level = None
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    # A deleted row's bytes are overwritten with zeros, not left in a free page for anyone
    # who reads the file (issue 15); deleting 20,000 diary lines cost no more, within noise.
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def _sqlite_begin(connection: Any) -> None:
    connection.exec_driver_sql(connection.get_execution_options().get("sqlite_begin", "BEGIN"))
