"""Access rules are enforced in the services, whatever the GUI shows."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop.domain.errors import InvalidInput
from desktop.domain.roles import PermissionDenied, Role
from desktop.domain.status import WORKFLOW_STATUSES, CaseStatus, WorkflowStep
from desktop.services import auth, cases, decisions
from desktop.services.audit_log import verify_audit_log
from desktop.services.context import ServiceContext
from desktop.store import audit
from desktop.store.db import unit_of_work
from desktop.store.models import AuditEvent
from tests.conftest import PASSWORD, FrozenClock, Staff
from tests.factories import envelope
from tests.workflow import advance


def _to_review(ctx: ServiceContext, staff: Staff) -> cases.CaseDetail:
    case_id = cases.log_envelope(ctx, staff.clerk, envelope()).case_id
    advance(ctx, staff, case_id, CaseStatus.IN_REVIEW)
    return cases.get_case(ctx, case_id)


def _events(ctx: ServiceContext, action: str) -> list[AuditEvent]:
    from sqlalchemy import select

    with unit_of_work(ctx.sessions) as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.action == action)).all())


def test_clerk_cannot_approve_but_supervisor_can(ctx: ServiceContext, staff: Staff) -> None:
    detail = _to_review(ctx, staff)
    with pytest.raises(PermissionDenied, match="may not approve"):
        decisions.approve(ctx, staff.clerk, detail.case_id, detail.version)
    with pytest.raises(PermissionDenied):
        decisions.return_for_rework(ctx, staff.clerk, detail.case_id, detail.version, "差戻し")
    assert cases.get_case(ctx, detail.case_id).status is CaseStatus.IN_REVIEW

    approved, _ = decisions.approve(ctx, staff.supervisor, detail.case_id, detail.version)
    assert approved.status is CaseStatus.APPROVED
    event = _events(ctx, "status_changed")[-1]
    assert event.actor_name == "supervisor"
    assert event.changes["status"] == {"before": "in_review", "after": "approved"}


@pytest.mark.parametrize(
    "target", [CaseStatus.APPROVED, CaseStatus.REWORK, CaseStatus.DECIDED, CaseStatus.SENT]
)
def test_workflow_statuses_are_not_reached_by_a_plain_status_change(
    ctx: ServiceContext, staff: Staff, target: CaseStatus
) -> None:
    """Approval goes through the review queue, where the decider cannot approve their own case."""
    detail = _to_review(ctx, staff)
    with pytest.raises(WorkflowStep):
        cases.change_status(ctx, staff.supervisor, detail.case_id, detail.version, target, "x")
    assert cases.get_case(ctx, detail.case_id).status is CaseStatus.IN_REVIEW
    assert not set(cases.get_case(ctx, detail.case_id).next_statuses) & WORKFLOW_STATUSES


def test_only_admins_manage_users(ctx: ServiceContext, staff: Staff) -> None:
    for outsider in (staff.clerk, staff.supervisor):
        with pytest.raises(PermissionDenied, match="manage users"):
            auth.create_user(
                ctx,
                outsider,
                username="new",
                display_name="新人",
                role=Role.CLERK,
                password=PASSWORD,
            )
        with pytest.raises(PermissionDenied):
            auth.list_users(ctx, outsider)
        with pytest.raises(PermissionDenied):
            auth.update_user(ctx, outsider, staff.clerk.user_id, role=Role.ADMIN)
    info, _ = auth.create_user(
        ctx, staff.admin, username="new", display_name="新人", role=Role.CLERK, password=PASSWORD
    )
    assert info.role is Role.CLERK
    assert [u.username for u in auth.list_users(ctx, staff.admin)] == [
        "admin",
        "clerk",
        "clerk2",
        "new",
        "supervisor",
    ]
    assert _events(ctx, "user_created")[-1].actor_name == "admin"


def test_admin_cannot_lock_themselves_out(ctx: ServiceContext, staff: Staff) -> None:
    with pytest.raises(InvalidInput, match="yourself"):
        auth.update_user(ctx, staff.admin, staff.admin.user_id, active=False)


def test_login_and_attribution(ctx: ServiceContext, staff: Staff) -> None:
    user = auth.login(ctx, "clerk", PASSWORD)
    assert (user.username, user.role) == ("clerk", Role.CLERK)
    assert _events(ctx, "login")[-1].actor_id == user.user_id
    with pytest.raises(auth.LoginFailed, match="not correct"):
        auth.login(ctx, "nobody", PASSWORD)
    failed = _events(ctx, "login_failed")
    assert failed[-1].actor_name == "nobody"


def test_five_wrong_passwords_lock_for_fifteen_minutes(
    ctx: ServiceContext, staff: Staff, clock: FrozenClock
) -> None:
    # The lock is not announced to someone who does not know the password.
    for _ in range(5):
        with pytest.raises(auth.LoginFailed):
            auth.login(ctx, "clerk", "wrong password")
    # Locked: even the right password is refused, and says so.
    with pytest.raises(auth.AccountLocked, match="locked until") as locked:
        auth.login(ctx, "clerk", PASSWORD)
    assert locked.value.until == clock.now() + timedelta(minutes=15)
    assert "ロック" in locked.value.message_ja

    clock.advance(minutes=14, seconds=59)
    with pytest.raises(auth.AccountLocked):
        auth.login(ctx, "clerk", PASSWORD)
    clock.advance(seconds=2)
    assert auth.login(ctx, "clerk", PASSWORD).username == "clerk"
    assert len(_events(ctx, "login_failed")) == 7
    assert verify_audit_log(ctx).ok


def test_admin_unlocks_an_account(ctx: ServiceContext, staff: Staff) -> None:
    for _ in range(5):
        with pytest.raises((auth.LoginFailed, auth.AccountLocked)):
            auth.login(ctx, "clerk2", "nope-nope")
    auth.update_user(ctx, staff.admin, staff.clerk2.user_id, unlock=True)
    assert auth.login(ctx, "clerk2", PASSWORD).username == "clerk2"


def test_deactivated_user_cannot_log_in(ctx: ServiceContext, staff: Staff) -> None:
    auth.update_user(ctx, staff.admin, staff.clerk2.user_id, active=False)
    with pytest.raises(auth.LoginFailed):
        auth.login(ctx, "clerk2", PASSWORD)


def test_passwords_are_stored_as_argon2_hashes(ctx: ServiceContext, staff: Staff) -> None:
    from desktop.store import users as user_store

    with unit_of_work(ctx.sessions) as session:
        user = user_store.by_username(session, "clerk")
        assert user is not None
        assert user.password_hash.startswith("$argon2id$")
        assert PASSWORD not in user.password_hash
    with pytest.raises(InvalidInput, match="at least 8"):
        auth.hash_password("short")


def test_system_actor_is_named_in_events(ctx: ServiceContext) -> None:
    assert audit.SYSTEM.username == "system"
    assert _events(ctx, "user_created")[0].actor_name == "system"
