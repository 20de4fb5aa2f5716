"""Queries on cases: paged, filtered lists for the case list, look-ups for intake."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, case, exists, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session, selectinload
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from desktop.domain.errors import CaseConflict
from desktop.domain.status import CaseStatus
from desktop.store.models import Case, CaseRequest, DeadlinePause, MailItem

INCOMING = "in"
OUTGOING = "out"

# Statuses sort in workflow order (受付 → … → 完了), not alphabetically.
_STATUS_ORDER = case({status.value: n for n, status in enumerate(CaseStatus)}, value=Case.status)

SORTABLE: dict[str, ColumnElement[Any] | InstrumentedAttribute[Any]] = {
    "reference": Case.reference,
    "received_on": Case.received_on,
    "due_on": Case.due_on,
    "status": _STATUS_ORDER,
    "sender_name": Case.sender_name,
}


@dataclass(frozen=True)
class CaseFilter:
    """What the case list shows; empty fields do not filter."""

    statuses: frozenset[str] = frozenset()
    kind: str | None = None
    overdue_on: date | None = None  # only open cases whose due date is before this day
    due_from: date | None = None  # only open cases due on or after this day
    due_by: date | None = None  # only open cases due on or before this day
    open_statuses: frozenset[str] = frozenset()
    text: str = ""
    text_keys: tuple[str, ...] = ()  # normalized forms of `text` (name / address keys)
    mail_digits: str = ""  # the digits of `text` when it looks like a registered-mail number
    received_from: date | None = None  # received on or after this day
    received_to: date | None = None  # received on or before this day
    closed_from: datetime | None = None  # closed at or after this instant
    closed_before: datetime | None = None  # closed before this instant
    awaiting_since_before: date | None = None  # awaiting documents since before this day


def _conditions(flt: CaseFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if flt.statuses:
        conditions.append(Case.status.in_(flt.statuses))
    if flt.kind:
        conditions.append(
            exists().where(and_(CaseRequest.case_id == Case.id, CaseRequest.kind == flt.kind))
        )
    if flt.overdue_on is not None:
        conditions += [Case.due_on < flt.overdue_on, Case.status.in_(flt.open_statuses)]
    if flt.due_from is not None:
        conditions += [Case.due_on >= flt.due_from, Case.status.in_(flt.open_statuses)]
    if flt.due_by is not None:
        conditions += [Case.due_on <= flt.due_by, Case.status.in_(flt.open_statuses)]
    conditions += _period_conditions(flt)
    if flt.text:
        like = f"%{flt.text}%"
        matches: list[ColumnElement[bool]] = [
            Case.reference.ilike(like),
            Case.sender_name.ilike(like),
            Case.sender_kana.ilike(like),
            Case.sender_address.ilike(like),
        ]
        for key in flt.text_keys:
            matches.append(Case.name_key.like(f"%{key}%"))
            matches.append(Case.address_key.like(f"%{key}%"))
        if flt.mail_digits:
            # Uncorrelated: the mail numbers are searched once, not once per case.
            matches.append(
                Case.id.in_(
                    select(MailItem.case_id).where(
                        MailItem.tracking_number.like(f"%{flt.mail_digits}%")
                    )
                )
            )
        conditions.append(or_(*matches))
    return conditions


def _period_conditions(flt: CaseFilter) -> list[ColumnElement[bool]]:
    """When the case came in, was closed, or began waiting for documents (dashboard figures)."""
    conditions: list[ColumnElement[bool]] = []
    if flt.received_from is not None:
        conditions.append(Case.received_on >= flt.received_from)
    if flt.received_to is not None:
        conditions.append(Case.received_on <= flt.received_to)
    if flt.closed_from is not None:
        conditions.append(Case.closed_at >= flt.closed_from)
    if flt.closed_before is not None:
        conditions.append(Case.closed_at < flt.closed_before)
    if flt.awaiting_since_before is not None:
        conditions.append(
            exists().where(
                DeadlinePause.case_id == Case.id,
                DeadlinePause.ended_on.is_(None),
                DeadlinePause.started_on < flt.awaiting_since_before,
            )
        )
    return conditions


def list_cases(
    session: Session,
    flt: CaseFilter,
    *,
    offset: int,
    limit: int,
    sort: str = "received_on",
    descending: bool = True,
) -> Sequence[Case]:
    """One page of cases, with their requests and incoming mail loaded."""
    column = SORTABLE.get(sort, Case.received_on)
    order = column.desc() if descending else column.asc()
    tiebreak = Case.id.desc() if descending else Case.id.asc()
    query = (
        select(Case)
        .where(*_conditions(flt))
        .options(
            selectinload(Case.requests), selectinload(Case.mail_items), selectinload(Case.pauses)
        )
        .order_by(order, tiebreak)
        .offset(offset)
        .limit(limit)
    )
    return session.scalars(query).all()


def count_cases(session: Session, flt: CaseFilter) -> int:
    return session.execute(select(func.count(Case.id)).where(*_conditions(flt))).scalar_one()


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
