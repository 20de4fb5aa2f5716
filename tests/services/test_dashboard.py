"""The supervisor's dashboard: each figure is right, and its filter lists exactly those cases."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from sqlalchemy import event

from desktop.domain.status import CaseStatus
from desktop.services import case_list, cases, dashboard
from desktop.services.case_list import CaseQuery
from desktop.services.context import JST, ServiceContext
from tests.conftest import FrozenClock, Staff
from tests.factories import envelope
from tests.workflow import move

_PATH_TO_CLOSED = (
    CaseStatus.VERIFYING,
    CaseStatus.DECIDED,
    CaseStatus.IN_REVIEW,
    CaseStatus.APPROVED,
    CaseStatus.LETTER_PRINTED,
    CaseStatus.SENT,
    CaseStatus.CLOSED,
)


def _on(clock: FrozenClock, day: date) -> None:
    clock.instant = datetime(day.year, day.month, day.day, 10, tzinfo=JST)


def _case(
    ctx: ServiceContext,
    staff: Staff,
    clock: FrozenClock,
    serial: int,
    received_on: date,
    path: tuple[CaseStatus, ...] = (),
    moved_on: date | None = None,
) -> int:
    """A case received on `received_on`, moved along `path` on `moved_on`."""
    _on(clock, received_on)
    case_id = cases.log_envelope(
        ctx, staff.clerk, envelope(serial, received_on=received_on)
    ).case_id
    _on(clock, moved_on or received_on)
    move(ctx, staff, case_id, *path)
    return case_id


def _listed(ctx: ServiceContext, query: CaseQuery) -> set[int]:
    return {row.case_id for row in case_list.list_cases(ctx, query, 100)}


@pytest.fixture
def office(ctx: ServiceContext, staff: Staff, clock: FrozenClock) -> dict[str, int]:
    """A small office on Friday 2026-11-20: something in every box of the dashboard."""
    awaiting = (CaseStatus.VERIFYING, CaseStatus.AWAITING_DOCUMENTS)
    made = {
        "fresh": _case(ctx, staff, clock, 1, date(2026, 11, 18)),
        "overdue": _case(ctx, staff, clock, 2, date(2026, 11, 5), (CaseStatus.VERIFYING,)),
        "due_soon": _case(ctx, staff, clock, 3, date(2026, 11, 7), (CaseStatus.VERIFYING,)),
        "waiting_long": _case(
            ctx, staff, clock, 4, date(2026, 10, 30), awaiting, moved_on=date(2026, 11, 1)
        ),
        "waiting_short": _case(
            ctx, staff, clock, 5, date(2026, 11, 9), awaiting, moved_on=date(2026, 11, 10)
        ),
        "closed_this_week": _case(
            ctx, staff, clock, 6, date(2026, 11, 10), _PATH_TO_CLOSED, moved_on=date(2026, 11, 17)
        ),
        "closed_in_october": _case(
            ctx, staff, clock, 7, date(2026, 9, 29), _PATH_TO_CLOSED, moved_on=date(2026, 10, 6)
        ),
        "closed_long_ago": _case(
            ctx, staff, clock, 8, date(2026, 8, 3), _PATH_TO_CLOSED, moved_on=date(2026, 8, 20)
        ),
    }
    _on(clock, date(2026, 11, 20))
    return made


def test_status_and_attention_figures_list_exactly_their_cases(
    ctx: ServiceContext, office: dict[str, int]
) -> None:
    board = dashboard.dashboard(ctx)
    assert set(board.by_status) == set(CaseStatus)
    counts = {s: f.count for s, f in board.by_status.items() if f.count}
    assert counts == {
        CaseStatus.RECEIVED: 1,
        CaseStatus.VERIFYING: 2,
        CaseStatus.AWAITING_DOCUMENTS: 2,
        CaseStatus.CLOSED: 3,
    }
    assert _listed(ctx, board.by_status[CaseStatus.AWAITING_DOCUMENTS].query) == {
        office["waiting_long"],
        office["waiting_short"],
    }
    assert _listed(ctx, board.by_status[CaseStatus.WITHDRAWN].query) == set()

    assert board.today == date(2026, 11, 20)
    assert board.overdue.count == 1
    assert _listed(ctx, board.overdue.query) == {office["overdue"]}
    assert board.due_soon.count == 1
    assert _listed(ctx, board.due_soon.query) == {office["due_soon"]}
    assert board.awaiting_alert_days == 14
    assert board.awaiting_long.count == 1
    assert _listed(ctx, board.awaiting_long.query) == {office["waiting_long"]}

    # A longer alert period comes from the settings.
    patient = replace(ctx, settings=replace(ctx.settings, awaiting_documents_alert_days=30))
    board = dashboard.dashboard(patient)
    assert board.awaiting_alert_days == 30
    assert board.awaiting_long.count == 0
    assert _listed(patient, board.awaiting_long.query) == set()


def test_weeks_count_received_and_closed_and_list_them(
    ctx: ServiceContext, office: dict[str, int]
) -> None:
    statements: list[str] = []

    def executed(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if not statement.startswith("BEGIN"):
            statements.append(statement)

    with ctx.sessions() as session:
        engine = session.get_bind()
    event.listen(engine, "before_cursor_execute", executed)
    try:
        board = dashboard.dashboard(ctx)
    finally:
        event.remove(engine, "before_cursor_execute", executed)
    # A few aggregate queries, however many cases there are: none is loaded one by one.
    assert len(statements) <= 6
    assert len(board.weeks) == 8
    assert [w.label for w in board.weeks] == [f"2026-W{n}" for n in range(40, 48)]
    assert board.weeks[-1].monday == date(2026, 11, 16)
    assert all(w.monday.weekday() == 0 for w in board.weeks)
    received = {w.label: w.received.count for w in board.weeks if w.received.count}
    assert received == {"2026-W40": 1, "2026-W44": 1, "2026-W45": 2, "2026-W46": 2, "2026-W47": 1}
    closed = {w.label: w.closed.count for w in board.weeks if w.closed.count}
    assert closed == {"2026-W41": 1, "2026-W47": 1}
    for week in board.weeks:
        assert len(_listed(ctx, week.received.query)) == week.received.count
        assert len(_listed(ctx, week.closed.query)) == week.closed.count
    assert _listed(ctx, board.weeks[-1].closed.query) == {office["closed_this_week"]}
    assert _listed(ctx, board.weeks[-1].received.query) == {office["fresh"]}
