"""The next step of every status is a move the status machine allows, never a withdrawal."""

from __future__ import annotations

import pytest

from desktop.domain.next_step import Place, Step, next_step
from desktop.domain.roles import Permission
from desktop.domain.status import CaseStatus, allowed_transitions, needs_comment


@pytest.mark.parametrize("status", [s for s in CaseStatus if not s.is_final])
def test_every_open_status_has_a_forward_step_the_machine_allows(status: CaseStatus) -> None:
    step = next_step(status)
    assert step is not None
    assert step.target in allowed_transitions(status)
    assert step.target is not CaseStatus.WITHDRAWN
    # Only the revised decision after a return goes "back" (its use case gives the comment).
    assert not needs_comment(status, step.target) or status is CaseStatus.REWORK
    assert all((step.label_ja, step.label_en, step.hint_ja, step.hint_en))


@pytest.mark.parametrize("status", [CaseStatus.CLOSED, CaseStatus.WITHDRAWN])
def test_a_finished_case_has_no_next_step(status: CaseStatus) -> None:
    assert next_step(status) is None


def test_after_verification_the_step_is_the_decision_and_review_is_a_supervisors() -> None:
    verifying = next_step(CaseStatus.VERIFYING)
    assert verifying is not None
    assert (verifying.step, verifying.place, verifying.label_ja) == (
        Step.DECIDE,
        Place.DECISION,
        "決定へ進む",
    )
    in_review = next_step(CaseStatus.IN_REVIEW)
    assert in_review is not None
    assert in_review.permission is Permission.APPROVE
    assert in_review.waits_for_someone_else
    received = next_step(CaseStatus.RECEIVED)
    assert received is not None
    assert received.permission is Permission.CHANGE_STATUS
