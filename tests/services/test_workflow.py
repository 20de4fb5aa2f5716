"""One place applies status changes: what must exist first is checked whoever asks, and the
plan's effects (pauses, closed_at, due date, audit) land on the case."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, select

from desktop.domain.deadlines import DeadlineState
from desktop.domain.roles import Role
from desktop.domain.status import (
    CaseStatus,
    NoDecisions,
    NoOutgoingMail,
    NothingPrinted,
    SelfApprovalRefused,
    TransitionNotAllowed,
    WorkflowStep,
)
from desktop.services import auth, cases, decisions, demo, workflow
from desktop.services.context import CurrentUser, ServiceContext
from desktop.store.db import unit_of_work
from desktop.store.decision_models import Decision
from desktop.store.models import AuditEvent, Case
from tests.conftest import PASSWORD, FrozenClock, Staff, both_databases
from tests.factories import envelope
from tests.workflow import advance, move


def _new_case(ctx: ServiceContext, staff: Staff, target: CaseStatus, serial: int = 1) -> int:
    case_id = cases.log_envelope(ctx, staff.clerk, envelope(serial)).case_id
    advance(ctx, staff, case_id, target)
    return case_id


def _version(ctx: ServiceContext, case_id: int) -> int:
    return cases.get_case(ctx, case_id).version


def _apply(
    ctx: ServiceContext, actor: CurrentUser, case_id: int, target: CaseStatus, comment: str = ""
) -> None:
    """The service-level writer itself, asked directly: it checks the plan like any use case."""
    with unit_of_work(ctx.sessions) as session:
        case = session.get(Case, case_id)
        assert case is not None
        workflow.apply_transition(
            ctx, session, actor, case, workflow.plan_for(case, target, comment)
        )


def _second_supervisor(ctx: ServiceContext, staff: Staff) -> CurrentUser:
    info, _ = auth.create_user(
        ctx,
        staff.admin,
        username="supervisor2",
        display_name="審査 次郎",
        role=Role.SUPERVISOR,
        password=PASSWORD,
    )
    return CurrentUser(info.user_id, info.username, info.display_name, info.role)


@both_databases
def test_a_supervisor_cannot_approve_their_own_decision_by_any_public_function(
    ctx: ServiceContext, staff: Staff
) -> None:
    case_id = cases.log_envelope(ctx, staff.clerk, envelope()).case_id
    move(ctx, staff, case_id, CaseStatus.VERIFYING)
    decisions.record_decisions(
        ctx,
        staff.supervisor,
        case_id,
        _version(ctx, case_id),
        demo.full_decisions(cases.get_case(ctx, case_id).kinds),
    )
    decisions.submit_for_review(ctx, staff.supervisor, case_id, _version(ctx, case_id))

    with pytest.raises(SelfApprovalRefused):
        decisions.approve(ctx, staff.supervisor, case_id, _version(ctx, case_id))
    with pytest.raises(WorkflowStep):
        cases.change_status(
            ctx, staff.supervisor, case_id, _version(ctx, case_id), CaseStatus.APPROVED
        )
    with pytest.raises(SelfApprovalRefused):
        _apply(ctx, staff.supervisor, case_id, CaseStatus.APPROVED)
    assert cases.get_case(ctx, case_id).status is CaseStatus.IN_REVIEW

    other = _second_supervisor(ctx, staff)
    approved, _ = decisions.approve(ctx, other, case_id, _version(ctx, case_id))
    assert approved.status is CaseStatus.APPROVED


def test_a_case_without_decisions_is_never_decided_nor_approved(
    ctx: ServiceContext, staff: Staff
) -> None:
    case_id = _new_case(ctx, staff, CaseStatus.VERIFYING)
    version = _version(ctx, case_id)
    for target in (CaseStatus.DECIDED, CaseStatus.IN_REVIEW, CaseStatus.APPROVED):
        with pytest.raises(WorkflowStep):
            cases.change_status(ctx, staff.supervisor, case_id, version, target, "x")
    with pytest.raises(TransitionNotAllowed):
        decisions.submit_for_review(ctx, staff.clerk, case_id, version)
    with pytest.raises(TransitionNotAllowed):
        decisions.approve(ctx, staff.supervisor, case_id, version)
    with pytest.raises(NoDecisions):
        _apply(ctx, staff.clerk, case_id, CaseStatus.DECIDED)
    assert cases.get_case(ctx, case_id).status is CaseStatus.VERIFYING

    # Decisions that vanish after submission (say, removed by hand) block the approval.
    reviewed = _new_case(ctx, staff, CaseStatus.IN_REVIEW, serial=2)
    with unit_of_work(ctx.sessions) as session:
        session.execute(delete(Decision).where(Decision.case_id == reviewed))
    with pytest.raises(NoDecisions):
        decisions.approve(ctx, staff.supervisor, reviewed, _version(ctx, reviewed))
    with pytest.raises(NoDecisions):
        _apply(ctx, staff.supervisor, reviewed, CaseStatus.APPROVED)
    assert cases.get_case(ctx, reviewed).status is CaseStatus.IN_REVIEW


def test_printed_and_sent_need_a_print_and_an_outgoing_item(
    ctx: ServiceContext, staff: Staff
) -> None:
    approved = _new_case(ctx, staff, CaseStatus.APPROVED)
    with pytest.raises(NothingPrinted):
        _apply(ctx, staff.clerk, approved, CaseStatus.LETTER_PRINTED)
    printed = _new_case(ctx, staff, CaseStatus.LETTER_PRINTED, serial=2)
    with pytest.raises(NoOutgoingMail):
        _apply(ctx, staff.clerk, printed, CaseStatus.SENT)
    assert cases.get_case(ctx, approved).status is CaseStatus.APPROVED
    assert cases.get_case(ctx, printed).status is CaseStatus.LETTER_PRINTED


def test_the_plan_pauses_the_deadline_and_closes_the_case(
    ctx: ServiceContext, staff: Staff, clock: FrozenClock
) -> None:
    case_id = _new_case(ctx, staff, CaseStatus.AWAITING_DOCUMENTS)
    detail = cases.get_case(ctx, case_id)
    assert detail.deadline.state is DeadlineState.PAUSED
    paused_due = detail.deadline.due_on

    clock.advance(days=3)
    move(ctx, staff, case_id, CaseStatus.VERIFYING, CaseStatus.DECIDED)  # leaves the pause
    detail = cases.get_case(ctx, case_id)
    assert not detail.deadline.paused
    assert detail.deadline.due_on > paused_due

    move(
        ctx,
        staff,
        case_id,
        CaseStatus.IN_REVIEW,
        CaseStatus.APPROVED,
        CaseStatus.LETTER_PRINTED,
        CaseStatus.SENT,
        CaseStatus.CLOSED,
    )
    with unit_of_work(ctx.sessions) as session:
        case = session.get(Case, case_id)
        assert case is not None
        assert case.closed_at == clock.now()
        assert all(p.ended_on is not None for p in case.pauses)
        actions = list(
            session.scalars(
                select(AuditEvent.action)
                .where(AuditEvent.case_id == case_id, AuditEvent.entity == "case")
                .order_by(AuditEvent.id)
            )
        )
    # One audit event per move (recording the decisions carries its own move to `decided`).
    assert actions.count("decisions_recorded") == 1
    assert actions.count("status_changed") == 9
