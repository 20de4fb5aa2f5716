"""Engine and session factory for SQLite (default, one workstation) and PostgreSQL (shared)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, InternalError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from desktop.domain.errors import KnownError
from desktop.store.keys import KEY_FILE_INFO

log = logging.getLogger("kaiji.store")

# Services name the transaction they work in (and the engine `kaiji init` migrates) by these
# types, without importing SQLAlchemy.
__all__ = [
    "READ_ONLY",
    "DatabaseBusy",
    "DatabaseUnavailable",
    "Engine",
    "Session",
    "SessionFactory",
    "check_connection",
    "raise_known",
    "create_db_engine",
    "flush_checked",
    "flush_new",
    "make_session_factory",
    "read_only",
    "unit_of_work",
]

# How long a save waits for another workstation's lock before saying the database is busy.
BUSY_TIMEOUT_MS = 5000


class DatabaseUnavailable(KnownError):
    pass


class DatabaseBusy(DatabaseUnavailable):
    """Another workstation holds the lock (SQLite's write lock, PostgreSQL's lock_timeout):
    waiting and trying again helps."""

    def __init__(self) -> None:
        super().__init__(
            "他の端末が保存中です（データベースが使用中）。少し待ってからもう一度お試しください。"
            "入力した内容は失われていません。",
            "The database is busy: another workstation is saving — try again in a moment. "
            "Nothing you entered was lost.",
        )


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


# An execution option marking a connection whose transaction only reads.
READ_ONLY = "kaiji_read_only"


def _sqlite_begin(connection: Any) -> None:
    if connection.get_execution_options().get(READ_ONLY):
        # A deferred BEGIN reads a WAL snapshot and never waits for another process's write lock.
        connection.exec_driver_sql("BEGIN")
        return
    # BEGIN IMMEDIATE takes the write lock up front, so two workstations appending to the
    # audit chain at once queue up instead of failing half-way with SQLITE_BUSY.
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def create_db_engine(
    url: str, *, echo: bool = False, busy_timeout_ms: int = BUSY_TIMEOUT_MS
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
    return create_engine(
        parsed, echo=echo, pool_pre_ping=True, connect_args={"options": _POSTGRES_TIMEOUTS}
    )


# A workstation stuck with the audit head (a hung process, a laptop closed mid-save) must not
# block every other workstation for as long as it lives: waits end with a message, and an idle
# transaction is closed by the server.
PG_LOCK_TIMEOUT_MS = 5000
_POSTGRES_TIMEOUTS = (
    f"-c lock_timeout={PG_LOCK_TIMEOUT_MS} -c statement_timeout=120000"
    " -c idle_in_transaction_session_timeout=300000"
)


def check_connection(engine: Engine) -> None:
    """Fail early, with a message a clerk can act on, when the database cannot be reached."""
    try:
        with engine.connect():
            pass
    except OperationalError as exc:
        if isinstance(_known_error(str(exc.orig).lower(), ""), DatabaseBusy):
            raise DatabaseBusy from exc  # reachable, but another process holds its lock
        raise DatabaseUnavailable(
            "データベースに接続できません。ネットワークとサーバーの状態、設定を確認してください。"
            f"（{engine.url.render_as_string(hide_password=True)}）",
            "Cannot connect to the database. Check the network, the server and the settings "
            f"({engine.url.render_as_string(hide_password=True)}).",
        ) from exc


# The tables the case list filters and sorts; their statistics are renewed when they have grown or
# shrunk by a quarter since the last time (ANALYZE of 100 000 cases: about 0.2 s of CPU).
_ANALYZED = ("cases", "case_requests", "mail_items")
_DRIFT = 1.25


def refresh_planner_statistics(engine: Engine) -> None:
    """Let SQLite's planner know the case tables' sizes and spreads (ANALYZE) when they changed.

    Without statistics it guesses, and at 100 000 cases it guessed wrong for the overdue filter
    (read 65 000 rows and sorted them instead of walking the sort order: 225 ms against 2 ms).
    PostgreSQL's autovacuum keeps its own. Skipped when another workstation holds the write
    lock past the usual wait.
    """
    if engine.dialect.name != "sqlite":
        return
    try:
        with engine.begin() as connection:
            for table in _ANALYZED:
                rows = connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar() or 0
                if rows and _stale(connection.exec_driver_sql, table, rows):
                    connection.exec_driver_sql(f"ANALYZE {table}")
    except OperationalError:
        log.info("planner statistics not refreshed: the database is busy")


def _stale(execute: Callable[..., Any], table: str, rows: int) -> bool:
    known = execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'").scalar()
    stat = (
        execute(f"SELECT stat FROM sqlite_stat1 WHERE tbl = '{table}' LIMIT 1").scalar()
        if known
        else None
    )
    if not stat:
        return True
    counted = int(str(stat).split()[0])
    return not counted / _DRIFT <= rows <= counted * _DRIFT


SessionFactory = sessionmaker[Session]


def make_session_factory(engine: Engine, key_file: Path | None = None) -> SessionFactory:
    """Sessions on `engine`; `key_file` is the workstation key the audit chain is keyed with
    (without it, reading works and anything that must be audited is refused)."""
    info = {} if key_file is None else {KEY_FILE_INFO: key_file}
    return sessionmaker(engine, expire_on_commit=False, info=info)


# PostgreSQL's codes for a wait that ran out (lock_timeout, statement_timeout), a deadlock,
# a read-only transaction or server, and a full disk.
_PG_BUSY = {"55P03", "57014", "40P01"}
_PG_READ_ONLY = {"25006"}
_PG_DISK_FULL = {"53100"}


def raise_known(exc: OperationalError | InternalError) -> NoReturn:
    """Raise the database condition a user can act on, in words they can act on.

    PostgreSQL reports a read-only transaction as an internal error; any other internal error
    (a trigger refusing a change, say) is a bug and is raised as it is.
    """
    log.warning("database operation failed: %s: %s", type(exc.orig).__name__, exc.orig)
    sqlstate = getattr(exc.orig, "sqlstate", None) or ""
    if isinstance(exc, InternalError) and sqlstate not in _PG_READ_ONLY:
        raise exc
    raise _known_error(str(exc.orig).lower(), sqlstate) from exc


def _known_error(text: str, sqlstate: str) -> DatabaseUnavailable:
    if sqlstate in _PG_READ_ONLY or "readonly database" in text or "read-only" in text:
        return DatabaseUnavailable(
            "データベースが読み取り専用のため保存できません。管理者に連絡してください。",
            "The database is read-only, so nothing can be saved. Contact your administrator.",
        )
    if sqlstate in _PG_BUSY or "locked" in text or "busy" in text:
        return DatabaseBusy()
    if sqlstate in _PG_DISK_FULL or "disk is full" in text or "no space" in text:
        return DatabaseUnavailable(
            "ディスクに空きがないため保存できません。管理者に連絡してください。",
            "The disk is full, so nothing can be saved. Contact your administrator.",
        )
    return DatabaseUnavailable(
        "データベースに接続できません。ネットワークとサーバーの状態を確認してください。",
        "Cannot reach the database. Check the network and the database server.",
    )


def flush_new(session: Session) -> bool:
    """Flush new rows; False when a unique key refused one because another workstation stored
    the same key first. The transaction is then spoiled: the caller raises, which rolls it back."""
    try:
        session.flush()
    except IntegrityError:
        return False
    return True


def flush_checked(session: Session) -> bool:
    """Flush with the version check in each UPDATE; False when another workstation saved one of
    the rows since it was read (a lost race, not a lost update). The transaction is then spoiled:
    the caller raises, which rolls it back."""
    try:
        session.flush()
    except StaleDataError:
        return False
    return True


@contextmanager
def unit_of_work(factory: SessionFactory) -> Iterator[Session]:
    """One transaction: committed when the block ends, rolled back when it raises.

    Operational failures (locked, unreachable, disk full) become `DatabaseUnavailable`, a
    message for the user rather than a crash; nothing of the transaction is kept.
    """
    try:
        with factory() as session, session.begin():
            yield session
    except (OperationalError, InternalError) as exc:
        raise_known(exc)


@contextmanager
def read_only(factory: SessionFactory) -> Iterator[Session]:
    """One transaction that only reads: on SQLite it never waits for another workstation's
    write lock (WAL lets it read the last committed state); on PostgreSQL the server refuses
    a write in it. Failures become `DatabaseUnavailable`, as in `unit_of_work`."""
    try:
        with factory() as session:
            connection = session.connection(execution_options={READ_ONLY: True})
            if connection.dialect.name == "postgresql":
                connection.exec_driver_sql("SET TRANSACTION READ ONLY")
            yield session
    except (OperationalError, InternalError) as exc:
        raise_known(exc)
