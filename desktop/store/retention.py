"""Queries for the retention of submitted documents: which cases are due for destruction, the
case locked while its pages are destroyed, and compacting the database afterwards."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Collection
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import Engine, func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from desktop.store.db import SessionFactory
from desktop.store.models import Case, Document

log = logging.getLogger("kaiji.store.retention")


class StoredPages(NamedTuple):
    """An ended case whose documents are still stored: how many pages, how many bytes."""

    case_id: int
    reference: str
    closed_at: datetime
    pages: int
    bytes: int


def cases_with_stored_pages(
    session: Session, statuses: Collection[str], closed_before: datetime
) -> list[StoredPages]:
    """Cases in `statuses` closed before `closed_before`, not on hold, with pages not destroyed,
    the longest closed first."""
    rows = session.execute(
        select(
            Case.id,
            Case.reference,
            Case.closed_at,
            func.count(Document.id),
            func.coalesce(func.sum(func.length(Document.image)), 0),
        )
        .join(Document, Document.case_id == Case.id)
        .where(
            Case.status.in_(statuses),
            Case.closed_at.is_not(None),
            Case.closed_at < closed_before,
            Case.legal_hold.is_(False),
            Document.destroyed_at.is_(None),
        )
        .group_by(Case.id, Case.reference, Case.closed_at)
        .order_by(Case.closed_at, Case.id)
    ).all()
    return [
        StoredPages(case_id, reference, closed_at, int(pages), int(size))
        for case_id, reference, closed_at, pages, size in rows
    ]


def case_for_destruction(session: Session, case_id: int) -> Case | None:
    """The case, locked until the transaction ends; on SQLite the pages the transaction frees
    are overwritten with zeros instead of lingering in the file."""
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("PRAGMA secure_delete = ON"))
    return session.execute(
        select(Case).where(Case.id == case_id).with_for_update()
    ).scalar_one_or_none()


def _engine(sessions: SessionFactory) -> Engine:
    with sessions() as session:
        bind = session.get_bind()
    return bind if isinstance(bind, Engine) else bind.engine


def compact(sessions: SessionFactory) -> bool:
    """Rewrite the database so destroyed pages leave no trace in its free space.

    The destruction itself is already committed; when another workstation keeps the database busy
    the compaction is left for the next purge (on SQLite the freed pages are zeroed regardless).
    """
    engine = _engine(sessions)
    try:
        if engine.dialect.name == "sqlite":
            raw = engine.raw_connection()
            try:
                # The connection is in autocommit mode (see desktop.store.db), as VACUUM needs.
                driver = raw.driver_connection
                assert driver is not None
                driver.execute("VACUUM")
                busy, wal_frames, copied = driver.execute(
                    "PRAGMA wal_checkpoint(TRUNCATE)"
                ).fetchone()
            finally:
                raw.close()
            if busy or wal_frames != copied:
                # A reader's snapshot keeps the old pages in the WAL: they are still on disk.
                log.warning("database not compacted after the purge: a reader holds a snapshot")
                return False
        elif engine.dialect.name == "postgresql":
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
                connection.exec_driver_sql("VACUUM documents")
    except (DBAPIError, sqlite3.Error) as exc:
        log.warning("database not compacted after the purge: %s", type(exc).__name__)
        return False
    return True
