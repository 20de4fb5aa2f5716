"""Bring a database to the newest schema revision with Alembic (never recreate it)."""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy import Engine, inspect

log = logging.getLogger("kaiji.store.migrate")

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def _config(engine: Engine):  # type: ignore[no-untyped-def]  # alembic imported lazily
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(MIGRATIONS_DIR))
    head = script.get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None for an empty database."""
    if not inspect(engine).has_table("alembic_version"):
        return None
    with engine.connect() as connection:
        from alembic.runtime.migration import MigrationContext

        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> bool:
    """Upgrade to `revision`; returns True when something was applied."""
    before = current_revision(engine)
    if revision == "head" and before == head_revision():
        return False
    from alembic import command

    log.info("upgrading database schema from %s to %s", before or "empty", revision)
    command.upgrade(_config(engine), revision)
    return True
