"""Alembic's environment: runs on the connection twitchcheck.store.migrate passes in.

There is no alembic.ini and no URL here: the store resolves its own location, so a
migration can never run against a database the caller did not choose.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from twitchcheck.store.models import Base


def run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters by copying
        compare_type=True,
        compare_server_default=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise RuntimeError("offline (SQL script) migrations are not supported; pass a connection")
bound = context.config.attributes.get("connection")
if not isinstance(bound, Connection):
    raise RuntimeError("run migrations through twitchcheck.store.migrate (it binds a connection)")
run(bound)
