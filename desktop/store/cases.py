"""Queries on cases: look-ups for intake, counts by status, the versioned write (the case list's
queries are in `store/case_list.py`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from desktop.domain.errors import CaseConflict
from desktop.store.models import Case, MailItem

INCOMING = "in"
OUTGOING = "out"


def status_counts(session: Session) -> dict[str, int]:
    rows = session.execute(select(Case.status, func.count(Case.id)).group_by(Case.status))
    return {status: count for status, count in rows}


def case_by_mail_number(session: Session, direction: str, number: str) -> Case | None:
    return session.execute(
        select(Case)
        .join(MailItem, MailItem.case_id == Case.id)
        .where(MailItem.direction == direction, MailItem.tracking_number == number)
    ).scalar_one_or_none()


def case_by_reference(session: Session, reference: str) -> Case | None:
    return session.execute(select(Case).where(Case.reference == reference)).scalar_one_or_none()


def recent_cases_of_person(
    session: Session,
    *,
    name_key: str,
    since: date,
    exclude_id: int | None = None,
    limit: int = 20,
) -> Sequence[Case]:
    """Cases received since `since` whose sender folds to the same name."""
    query = (
        select(Case)
        .where(Case.name_key == name_key, Case.received_on >= since)
        .order_by(Case.received_on.desc())
        .limit(limit)
    )
    if exclude_id is not None:
        query = query.where(Case.id != exclude_id)
    return session.execute(query).scalars().all()


def get_case(session: Session, case_id: int) -> Case | None:
    return session.get(
        Case,
        case_id,
        options=[
            selectinload(Case.requests),
            selectinload(Case.mail_items),
            selectinload(Case.pauses),
        ],
    )


def in_status(session: Session, status: str) -> list[Case]:
    """The cases in `status`, with their requests and pauses loaded."""
    return list(
        session.scalars(
            select(Case)
            .where(Case.status == status)
            .options(selectinload(Case.requests), selectinload(Case.pauses))
        )
    )


def lock(session: Session, case_id: int) -> Case | None:
    """The case, its row locked until the transaction ends (PostgreSQL; SQLite writers queue
    anyway). Use cases lock the case before the audit head, one order everywhere, so two
    workstations on the same case wait for each other instead of deadlocking."""
    return session.scalars(
        select(Case)
        .where(Case.id == case_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).one_or_none()


def case_by_id(session: Session, case_id: int) -> Case | None:
    """The case alone (its requests, mail and pauses load when first read)."""
    return session.get(Case, case_id)


def flush_versioned(session: Session, case: Case) -> None:
    """Flush with the version check in the UPDATE itself: a second workstation that saved the
    case between our read and this write makes it a `CaseConflict`, not a lost update."""
    reference = case.reference  # the failed flush expires the object
    try:
        session.flush()
    except StaleDataError as exc:
        raise CaseConflict(reference) from exc


def add(session: Session, case: Case) -> int:
    """Store a new case; its id."""
    session.add(case)
    session.flush()
    return case.id


def lock_versioned(session: Session, case: Case, now: datetime) -> None:
    """Write the case row (version checked and bumped) even when its own columns stay the same.

    Everything that belongs to a case is written after this: the row lock makes a second
    workstation wait here and then get a `CaseConflict`, and every use case takes the case row
    before the audit head, so two of them never wait on each other in opposite orders.
    """
    case.updated_at = now
    flag_modified(case, "updated_at")
    flush_versioned(session, case)
