"""Bring a database to the newest schema revision with Alembic (never recreate it).

Alembic is imported only when there is something to migrate: checking that the schema is current
is one small query, so start-up stays fast.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import OperationalError

from desktop.store.db import READ_ONLY, raise_known

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger("kaiji.store.migrate")

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
# The newest file in migrations/versions; a test checks it against Alembic's own view.
HEAD_REVISION = "0012"


def _config(engine: Engine) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    return config


def script_head() -> str | None:
    """The head revision as Alembic computes it from the migration scripts."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None for an empty database.

    A read-only transaction: another workstation holding the write lock does not stop start-up.
    """
    try:
        with engine.connect().execution_options(**{READ_ONLY: True}) as connection:
            if not inspect(connection).has_table("alembic_version"):
                return None
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except OperationalError as exc:
        raise_known(exc)


def upgrade(engine: Engine, revision: str = "head") -> bool:
    """Upgrade to `revision`; returns True when something was applied."""
    before = current_revision(engine)
    if revision in {"head", HEAD_REVISION} and before == HEAD_REVISION:
        return False
    from alembic import command

    log.info("upgrading database schema from %s to %s", before or "empty", revision)
    try:
        command.upgrade(_config(engine), revision)
    except OperationalError as exc:
        raise_known(exc)
    return True
