"""The supervisor's dashboard (責任者ダッシュボード): the figures, each with the list behind it.

Every figure carries the `CaseQuery` that lists exactly the cases it counts, so clicking a number
opens the case list filtered to them. The figures come from a handful of aggregate queries; no case
is loaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import ColumnElement, and_, case, func, select

from desktop.domain.status import CaseStatus
from desktop.services.case_list import CaseQuery, count_cases
from desktop.services.context import JST, ServiceContext
from desktop.store import cases as case_store
from desktop.store.db import unit_of_work
from desktop.store.models import Case

WEEKS_SHOWN = 8


@dataclass(frozen=True)
class Figure:
    """One number on the dashboard and the case-list filter that shows those cases."""

    count: int
    query: CaseQuery


@dataclass(frozen=True)
class WeekFigures:
    """Cases received and closed in one ISO week (Monday to Sunday, office time)."""

    monday: date
    received: Figure
    closed: Figure

    @property
    def label(self) -> str:
        year, week, _ = self.monday.isocalendar()
        return f"{year}-W{week:02d}"


@dataclass(frozen=True)
class Dashboard:
    today: date
    by_status: dict[CaseStatus, Figure]
    overdue: Figure
    due_soon: Figure
    awaiting_long: Figure
    awaiting_alert_days: int
    weeks: tuple[WeekFigures, ...]  # oldest first, the current week last


def dashboard(ctx: ServiceContext) -> Dashboard:
    """The figures as of today."""
    today = ctx.clock.today()
    alert_days = ctx.settings.awaiting_documents_alert_days
    overdue = CaseQuery(overdue_only=True)
    due_soon = CaseQuery(due_soon_only=True)
    awaiting = CaseQuery(
        statuses=frozenset({CaseStatus.AWAITING_DOCUMENTS}), awaiting_over_days=alert_days
    )
    mondays = _mondays(today)
    with unit_of_work(ctx.sessions) as session:
        stored = case_store.status_counts(session)
        received = session.execute(select(*(_received_in(monday) for monday in mondays))).one()
        closed = session.execute(select(*(_closed_in(monday) for monday in mondays))).one()
    by_status = {
        status: Figure(stored.get(status.value, 0), CaseQuery(statuses=frozenset({status})))
        for status in CaseStatus
    }
    weeks = tuple(
        WeekFigures(
            monday,
            Figure(int(received[n] or 0), _received_query(monday)),
            Figure(int(closed[n] or 0), _closed_query(monday)),
        )
        for n, monday in enumerate(mondays)
    )
    return Dashboard(
        today=today,
        by_status=by_status,
        overdue=Figure(count_cases(ctx, overdue), overdue),
        due_soon=Figure(count_cases(ctx, due_soon), due_soon),
        awaiting_long=Figure(count_cases(ctx, awaiting), awaiting),
        awaiting_alert_days=alert_days,
        weeks=weeks,
    )


def _mondays(today: date) -> list[date]:
    this_monday = today - timedelta(days=today.weekday())
    return [this_monday - timedelta(weeks=n) for n in range(WEEKS_SHOWN - 1, -1, -1)]


def _received_query(monday: date) -> CaseQuery:
    return CaseQuery(received_from=monday, received_to=monday + timedelta(days=6))


def _closed_query(monday: date) -> CaseQuery:
    return CaseQuery(
        statuses=frozenset({CaseStatus.CLOSED}),
        closed_from=monday,
        closed_to=monday + timedelta(days=6),
    )


def _count_where(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.sum(case((condition, 1), else_=0))


def _received_in(monday: date) -> ColumnElement[int]:
    return _count_where(
        and_(Case.received_on >= monday, Case.received_on <= monday + timedelta(days=6))
    )


def _closed_in(monday: date) -> ColumnElement[int]:
    start = datetime.combine(monday, time(), tzinfo=JST)
    return _count_where(
        and_(
            Case.status == CaseStatus.CLOSED.value,
            Case.closed_at >= start,
            Case.closed_at < start + timedelta(days=7),
        )
    )
