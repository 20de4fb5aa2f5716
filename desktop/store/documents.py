"""Queries on the scanned pages of cases (and of the inbox, where `case_id` is NULL)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from desktop.store.models import Document


def _of(case_id: int | None) -> ColumnElement[bool]:
    return Document.case_id.is_(None) if case_id is None else Document.case_id == case_id


def pages(session: Session, case_id: int | None, *, kept_only: bool = False) -> Sequence[Document]:
    """The pages of a case (or the inbox) in order; `kept_only` leaves out destroyed ones."""
    query = select(Document).where(_of(case_id)).order_by(Document.position, Document.id)
    if kept_only:
        query = query.where(Document.destroyed_at.is_(None))
    return session.scalars(query).all()


def next_position(session: Session, case_id: int | None) -> int:
    last = session.scalar(select(func.max(Document.position)).where(_of(case_id)))
    return (last or 0) + 1


def by_id(session: Session, document_id: int) -> Document | None:
    return session.get(Document, document_id)


def add(session: Session, document: Document) -> int:
    """Store a new page; its id."""
    session.add(document)
    session.flush()
    return document.id


def any_masked(session: Session, case_id: int) -> bool:
    """Whether a number was masked on any page of the case."""
    masked = session.scalars(select(Document.masked).where(Document.case_id == case_id))
    return any(bool(m) for m in masked)
