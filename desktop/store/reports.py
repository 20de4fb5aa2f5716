"""Aggregate queries for the annual report and the supervisor's dashboard; no case is loaded."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import NamedTuple

from sqlalchemy import ColumnElement, Select, and_, case, func, select
from sqlalchemy.orm import Session

from desktop.domain.status import CaseStatus
from desktop.store.cases import OUTGOING
from desktop.store.decision_models import Decision
from desktop.store.models import AuditEvent, Case, CaseRequest, MailItem


class ReceivedCase(NamedTuple):
    case_id: int
    status: str
    received_on: date
    due_on: date
    extended: bool


def _received_between(start: date, end: date) -> Select[int]:
    return select(Case.id).where(Case.received_on >= start, Case.received_on <= end)


def cases_received(session: Session, start: date, end: date) -> list[ReceivedCase]:
    """The cases received from `start` to `end` (both included)."""
    rows = session.execute(
        select(Case.id, Case.status, Case.received_on, Case.due_on, Case.extended_due_on).where(
            Case.id.in_(_received_between(start, end))
        )
    )
    return [
        ReceivedCase(case_id, status, received_on, due_on, extended_due_on is not None)
        for case_id, status, received_on, due_on, extended_due_on in rows
    ]


def request_kinds_received(session: Session, start: date, end: date) -> list[tuple[int, str]]:
    """(case id, request kind) of every request of the cases received from `start` to `end`."""
    rows = session.execute(
        select(CaseRequest.case_id, CaseRequest.kind).where(
            CaseRequest.case_id.in_(_received_between(start, end))
        )
    )
    return [(case_id, kind) for case_id, kind in rows]


def outcomes_received(session: Session, start: date, end: date) -> dict[tuple[int, str], str]:
    """The decided outcome of each (case, request kind) of the cases received in the period."""
    rows = session.execute(
        select(Decision.case_id, Decision.kind, Decision.outcome).where(
            Decision.case_id.in_(_received_between(start, end))
        )
    )
    return {(case_id, kind): outcome for case_id, kind, outcome in rows}


def first_sent_at(session: Session, start: date, end: date) -> dict[int, datetime]:
    """When each case received in the period first reached `sent`, from the audit log."""
    rows = session.execute(
        select(AuditEvent.case_id, func.min(AuditEvent.occurred_at))
        .where(
            AuditEvent.action == "status_changed",
            AuditEvent.changes[("status", "after")].as_string() == CaseStatus.SENT.value,
            AuditEvent.case_id.in_(_received_between(start, end)),
        )
        .group_by(AuditEvent.case_id)
    )
    return {
        case_id: occurred_at
        for case_id, occurred_at in rows
        if case_id is not None and occurred_at is not None
    }


def first_posted_on(session: Session, start: date, end: date) -> dict[int, date]:
    """The posting date of the first outgoing mail of each case received in the period."""
    rows = session.execute(
        select(MailItem.case_id, func.min(MailItem.on_date))
        .where(
            MailItem.direction == OUTGOING,
            MailItem.case_id.in_(_received_between(start, end)),
        )
        .group_by(MailItem.case_id)
    )
    return {case_id: on_date for case_id, on_date in rows}


def _count_where(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.sum(case((condition, 1), else_=0))


def received_per_period(session: Session, periods: Sequence[tuple[date, date]]) -> list[int]:
    """How many cases were received in each period (first and last day included), one query."""
    counts = session.execute(
        select(
            *(
                _count_where(and_(Case.received_on >= first, Case.received_on <= last))
                for first, last in periods
            )
        )
    ).one()
    return [int(n or 0) for n in counts]


def closed_per_period(session: Session, periods: Sequence[tuple[datetime, datetime]]) -> list[int]:
    """How many closed cases were closed in each period (from, before), one query."""
    counts = session.execute(
        select(
            *(
                _count_where(
                    and_(
                        Case.status == CaseStatus.CLOSED.value,
                        Case.closed_at >= start,
                        Case.closed_at < before,
                    )
                )
                for start, before in periods
            )
        )
    ).one()
    return [int(n or 0) for n in counts]
