"""Engine and session factory for SQLite (default, one workstation) and PostgreSQL (shared)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from desktop.domain.errors import KnownError

log = logging.getLogger("kaiji.store")

# Services name the transaction they work in by this type, without importing SQLAlchemy.
__all__ = [
    "DatabaseUnavailable",
    "Session",
    "SessionFactory",
    "check_connection",
    "create_db_engine",
    "make_session_factory",
    "unit_of_work",
]

SQLITE_BUSY_TIMEOUT_MS = 5000


class DatabaseUnavailable(KnownError):
    pass


def _sqlite_pragmas(busy_timeout_ms: int) -> Callable[[Any, Any], None]:
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide when a transaction starts (`_sqlite_begin`).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    return on_connect


def _sqlite_begin(connection: Any) -> None:
    # BEGIN IMMEDIATE takes the write lock up front, so two workstations appending to the
    # audit chain at once queue up instead of failing half-way with SQLITE_BUSY.
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def create_db_engine(
    url: str, *, echo: bool = False, busy_timeout_ms: int = SQLITE_BUSY_TIMEOUT_MS
) -> Engine:
    """Create the engine for `url`; SQLite folders are created and pragmas set on connect."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseUnavailable(
            f"データベースの URL が正しくありません: {url}",
            f"The database URL is not valid: {url}",
        ) from exc
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, echo=echo)
        event.listen(engine, "connect", _sqlite_pragmas(busy_timeout_ms))
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return create_engine(parsed, echo=echo, pool_pre_ping=True)


def check_connection(engine: Engine) -> None:
    """Fail early, with a message a clerk can act on, when the database cannot be reached."""
    try:
        with engine.connect():
            pass
    except OperationalError as exc:
        raise DatabaseUnavailable(
            "データベースに接続できません。ネットワークとサーバーの状態、設定を確認してください。"
            f"（{engine.url.render_as_string(hide_password=True)}）",
            "Cannot connect to the database. Check the network, the server and the settings "
            f"({engine.url.render_as_string(hide_password=True)}).",
        ) from exc


SessionFactory = sessionmaker[Session]


def make_session_factory(engine: Engine) -> SessionFactory:
    return sessionmaker(engine, expire_on_commit=False)


def _as_known_error(exc: OperationalError) -> DatabaseUnavailable:
    """The database conditions a user can act on, in words they can act on."""
    text = str(exc.orig).lower()
    if "locked" in text or "busy" in text:
        return DatabaseUnavailable(
            "データベースが他の端末の処理で使用中です。少し待ってからもう一度お試しください。"
            "入力した内容は失われていません。",
            "The database is busy with another workstation's work. Wait a moment and try again; "
            "nothing you entered was lost.",
        )
    if "disk is full" in text or "no space" in text:
        return DatabaseUnavailable(
            "ディスクに空きがないため保存できません。管理者に連絡してください。",
            "The disk is full, so nothing can be saved. Contact your administrator.",
        )
    return DatabaseUnavailable(
        "データベースに接続できません。ネットワークとサーバーの状態を確認してください。",
        "Cannot reach the database. Check the network and the database server.",
    )


@contextmanager
def unit_of_work(factory: SessionFactory) -> Iterator[Session]:
    """One transaction: committed when the block ends, rolled back when it raises.

    Operational failures (locked, unreachable, disk full) become `DatabaseUnavailable`, a
    message for the user rather than a crash; nothing of the transaction is kept.
    """
    try:
        with factory() as session, session.begin():
            yield session
    except OperationalError as exc:
        log.warning("database operation failed: %s", type(exc.orig).__name__)
        raise _as_known_error(exc) from exc
