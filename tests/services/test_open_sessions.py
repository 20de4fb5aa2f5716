"""A role change or a deactivation takes effect on windows already open: the services act with
the account as it is now, not as it was at sign-in."""

from __future__ import annotations

import pytest

from desktop.domain.roles import Role
from desktop.domain.status import CaseStatus
from desktop.services import auth, cases, decisions
from desktop.services.context import ServiceContext
from desktop.store.audit import AccountChanged
from tests.conftest import PASSWORD, Staff, both_databases
from tests.factories import envelope
from tests.workflow import move


def _in_review(ctx: ServiceContext, staff: Staff) -> int:
    case_id = cases.log_envelope(ctx, staff.clerk, envelope(1)).case_id
    move(ctx, staff, case_id, CaseStatus.VERIFYING, CaseStatus.DECIDED, CaseStatus.IN_REVIEW)
    return case_id


@both_databases
def test_a_deactivated_supervisors_open_window_cannot_approve(
    ctx: ServiceContext, staff: Staff
) -> None:
    case_id = _in_review(ctx, staff)
    window_user = staff.supervisor  # signed in before the change
    auth.update_user(ctx, staff.admin, window_user.user_id, active=False)

    with pytest.raises(AccountChanged):
        decisions.approve(ctx, window_user, case_id, cases.get_case(ctx, case_id).version)

    assert cases.get_case(ctx, case_id).status is CaseStatus.IN_REVIEW


@both_databases
def test_a_supervisor_made_clerk_cannot_approve_from_the_window_still_open(
    ctx: ServiceContext, staff: Staff
) -> None:
    case_id = _in_review(ctx, staff)
    auth.update_user(ctx, staff.admin, staff.supervisor.user_id, role=Role.CLERK)

    with pytest.raises(AccountChanged):
        decisions.approve(ctx, staff.supervisor, case_id, cases.get_case(ctx, case_id).version)

    assert cases.get_case(ctx, case_id).status is CaseStatus.IN_REVIEW
    with pytest.raises(AccountChanged):  # nor save anything else until signed in again
        cases.log_envelope(ctx, staff.supervisor, envelope(2))


def test_signing_in_again_gives_the_new_role(ctx: ServiceContext, staff: Staff) -> None:
    auth.update_user(ctx, staff.admin, staff.clerk2.user_id, role=Role.SUPERVISOR)
    again = auth.login(ctx, "clerk2", PASSWORD)
    assert again.role is Role.SUPERVISOR
    cases.log_envelope(ctx, again, envelope(3))
