"""A transition as a value: who may make it, what must exist first, and what it does."""

from __future__ import annotations

import pytest

from desktop.domain.roles import Permission, Role
from desktop.domain.status import (
    CaseFacts,
    CaseStatus,
    CommentRequired,
    NoDecisions,
    NoOutgoingMail,
    NothingPrinted,
    Prerequisite,
    SelfApprovalRefused,
    TransitionNotAllowed,
    allowed_transitions,
    plan_transition,
)

S = CaseStatus
DECIDER, APPROVER = 7, 8
EVERYTHING = CaseFacts(has_decisions=True, decided_by=DECIDER, printed=True, outgoing_mail=True)


def test_approval_is_a_supervisors_move_and_needs_decisions_by_someone_else() -> None:
    plan = plan_transition(S.IN_REVIEW, S.APPROVED)
    assert plan.permission is Permission.APPROVE
    assert plan.roles == {Role.SUPERVISOR}
    assert plan.prerequisites == {Prerequisite.DECISIONS, Prerequisite.OTHER_APPROVER}
    plan.check(EVERYTHING, APPROVER)
    with pytest.raises(SelfApprovalRefused):
        plan.check(EVERYTHING, DECIDER)
    with pytest.raises(NoDecisions):
        plan.check(CaseFacts(), APPROVER)


@pytest.mark.parametrize(
    ("current", "target", "missing", "error"),
    [
        (S.VERIFYING, S.DECIDED, CaseFacts(), NoDecisions),
        (S.DECIDED, S.IN_REVIEW, CaseFacts(), NoDecisions),
        (S.APPROVED, S.LETTER_PRINTED, CaseFacts(printed=False), NothingPrinted),
        (S.LETTER_PRINTED, S.SENT, CaseFacts(outgoing_mail=False), NoOutgoingMail),
        (S.MAIL_RETURNED, S.SENT, CaseFacts(outgoing_mail=False), NoOutgoingMail),
    ],
)
def test_what_must_exist_first(
    current: CaseStatus, target: CaseStatus, missing: CaseFacts, error: type[Exception]
) -> None:
    plan = plan_transition(current, target)
    assert plan.permission is Permission.CHANGE_STATUS
    with pytest.raises(error):
        plan.check(missing, DECIDER)
    plan.check(EVERYTHING, DECIDER)


def test_plain_moves_need_nothing_and_any_caseworker_may_make_them() -> None:
    plan = plan_transition(S.RECEIVED, S.SCANNED)
    assert plan.prerequisites == frozenset()
    assert plan.roles == set(Role)
    plan.check(CaseFacts(), DECIDER)
    assert (plan.starts_pause, plan.ends_pause, plan.closes, plan.reopens) == (False,) * 4
    assert plan.recomputes_due


def test_awaiting_documents_pauses_the_deadline_and_leaving_it_resumes() -> None:
    assert plan_transition(S.VERIFYING, S.AWAITING_DOCUMENTS).starts_pause
    assert plan_transition(S.AWAITING_DOCUMENTS, S.VERIFYING).ends_pause
    after_sending = plan_transition(S.SENT, S.AWAITING_DOCUMENTS, "補正のお願いを発送")
    assert after_sending.starts_pause
    assert after_sending.comment_required


def test_a_path_through_verifying_is_checked_hop_by_hop_and_ends_the_pause() -> None:
    plan = plan_transition(S.AWAITING_DOCUMENTS, S.DECIDED, via=(S.VERIFYING,))
    assert plan.ends_pause
    assert not plan.starts_pause
    assert plan.prerequisites == {Prerequisite.DECISIONS}
    with pytest.raises(TransitionNotAllowed):
        plan_transition(S.RECEIVED, S.DECIDED, via=(S.SCANNED,))


def test_closing_and_withdrawing_close_the_case() -> None:
    assert plan_transition(S.SENT, S.CLOSED).closes
    withdrawn = plan_transition(S.VERIFYING, S.WITHDRAWN, " 取下げ ")
    assert withdrawn.closes
    assert withdrawn.comment == "取下げ"
    assert withdrawn.comment_required
    with pytest.raises(CommentRequired):
        plan_transition(S.VERIFYING, S.WITHDRAWN)


def test_every_allowed_move_has_a_plan_and_only_those() -> None:
    for current in CaseStatus:
        for target in CaseStatus:
            if target in allowed_transitions(current):
                plan = plan_transition(current, target, "理由")
                assert (plan.current, plan.target) == (current, target)
                assert not plan.reopens  # nothing leaves a final status
            else:
                with pytest.raises(TransitionNotAllowed):
                    plan_transition(current, target, "理由")
