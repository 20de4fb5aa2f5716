"""Alembic environment: the engine comes from Kaiji Desk, not from an ini file."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine

from desktop.store.models import Base

engine = context.config.attributes.get("engine")
if not isinstance(engine, Engine):
    raise TypeError("run migrations through desktop.store.migrate.upgrade()")

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
