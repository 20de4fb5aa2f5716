"""The supervisor's dashboard (責任者ダッシュボード): the figures, each with the list behind it.

Every figure carries the `CaseQuery` that lists exactly the cases it counts, so clicking a number
opens the case list filtered to them. The figures come from a handful of aggregate queries; no case
is loaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from desktop.domain.status import CaseStatus
from desktop.services.case_list import CaseQuery, case_filter
from desktop.services.context import JST, ServiceContext
from desktop.store import case_list as case_list_store
from desktop.store import cases as case_store
from desktop.store import reports as report_store
from desktop.store.db import read_only

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
    with read_only(ctx.sessions) as session:
        stored = case_store.status_counts(session)
        received = report_store.received_per_period(
            session, [(monday, monday + timedelta(days=6)) for monday in mondays]
        )
        closed = report_store.closed_per_period(session, [_week_of(monday) for monday in mondays])
        counted = {
            query: case_list_store.count_cases(session, case_filter(ctx, query))
            for query in (overdue, due_soon, awaiting)
        }
    by_status = {
        status: Figure(stored.get(status.value, 0), CaseQuery(statuses=frozenset({status})))
        for status in CaseStatus
    }
    weeks = tuple(
        WeekFigures(
            monday,
            Figure(received[n], _received_query(monday)),
            Figure(closed[n], _closed_query(monday)),
        )
        for n, monday in enumerate(mondays)
    )
    return Dashboard(
        today=today,
        by_status=by_status,
        overdue=Figure(counted[overdue], overdue),
        due_soon=Figure(counted[due_soon], due_soon),
        awaiting_long=Figure(counted[awaiting], awaiting),
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


def _week_of(monday: date) -> tuple[datetime, datetime]:
    """The instants an office week begins and the next one begins."""
    start = datetime.combine(monday, time(), tzinfo=JST)
    return start, start + timedelta(days=7)
