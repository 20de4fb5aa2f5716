"""Deciding a case, handing it to a supervisor, approving it or returning it to the clerk."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.decisions import FeeStatus, KindDecision, ResponseMethod, ReviewResult
from desktop.domain.errors import CaseConflict, InvalidInput
from desktop.domain.outcomes import Outcome
from desktop.domain.reasons import (
    FORM_DEFECT,
    HARM_TO_PERSON,
    IDENTITY_UNCONFIRMED,
    ReasonCatalog,
)
from desktop.domain.requests import RequestKind
from desktop.domain.roles import PermissionDenied
from desktop.domain.status import CaseStatus, SelfApprovalRefused, TransitionNotAllowed
from desktop.services import cases, decisions, reasons
from desktop.services.context import CurrentUser, ServiceContext
from desktop.store.db import unit_of_work
from desktop.store.models import AuditEvent
from tests.conftest import Staff, both_databases
from tests.factories import envelope
from tests.workflow import move

DISCLOSE_IN_PART = KindDecision(
    RequestKind.DISCLOSURE,
    Outcome.PARTIAL,
    (HARM_TO_PERSON,),
    detail="第三者の氏名を含む記録",
    method=ResponseMethod.ELECTROMAGNETIC,
    method_impossible=True,
    fee_status=FeeStatus.PAID,
)
REFUSE_CORRECTION = KindDecision(RequestKind.CORRECTION, Outcome.REFUSE, (FORM_DEFECT,))


def _case(
    ctx: ServiceContext,
    staff: Staff,
    serial: int = 1,
    status: CaseStatus = CaseStatus.VERIFYING,
    **overrides: object,
) -> int:
    overrides.setdefault(
        "request_kinds", frozenset({RequestKind.DISCLOSURE, RequestKind.CORRECTION})
    )
    case_id = cases.log_envelope(ctx, staff.clerk, envelope(serial, **overrides)).case_id
    path = {
        CaseStatus.SCANNED: [CaseStatus.SCANNED],
        CaseStatus.VERIFYING: [CaseStatus.VERIFYING],
        CaseStatus.AWAITING_DOCUMENTS: [CaseStatus.VERIFYING, CaseStatus.AWAITING_DOCUMENTS],
        CaseStatus.RECEIVED: [],
    }[status]
    move(ctx, staff, case_id, *path)
    return case_id


def _version(ctx: ServiceContext, case_id: int) -> int:
    return cases.get_case(ctx, case_id).version


def _decide(ctx: ServiceContext, who: CurrentUser, case_id: int) -> decisions.CaseDecisions:
    view, _ = decisions.record_decisions(
        ctx, who, case_id, _version(ctx, case_id), [DISCLOSE_IN_PART, REFUSE_CORRECTION]
    )
    return view


def _in_review(ctx: ServiceContext, staff: Staff, case_id: int) -> None:
    _decide(ctx, staff.clerk, case_id)
    decisions.submit_for_review(ctx, staff.clerk, case_id, _version(ctx, case_id))


def _events(ctx: ServiceContext, action: str) -> list[AuditEvent]:
    with unit_of_work(ctx.sessions) as session:
        return list(
            session.scalars(
                select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.seq)
            )
        )


@both_databases
def test_decided_reviewed_and_approved(ctx: ServiceContext, staff: Staff) -> None:
    case_id = _case(ctx, staff)

    view = _decide(ctx, staff.clerk, case_id)
    assert view.status is CaseStatus.DECIDED
    assert view.decisions == (DISCLOSE_IN_PART, REFUSE_CORRECTION)
    assert view.decided_by == "clerk 太郎"
    assert view.letter_kinds == ("partial_disclosure", "correction_result")
    # The wording the requester reads, with the legal basis the letter cites.
    assert "生命、身体、財産" in view.previews[HARM_TO_PERSON].letter_ja
    assert "第33条第2項第1号" in view.previews[HARM_TO_PERSON].letter_ja
    assert "APPI Art. 33(2)(i)" in view.previews[HARM_TO_PERSON].letter_en
    assert set(view.previews) == {HARM_TO_PERSON, FORM_DEFECT}

    view, changes = decisions.submit_for_review(ctx, staff.clerk, case_id, view.version)
    assert view.status is CaseStatus.IN_REVIEW
    assert case_id in changes.cases
    assert not view.editable

    view, _ = decisions.approve(ctx, staff.supervisor, case_id, view.version)
    assert view.status is CaseStatus.APPROVED
    assert [(r.result, r.decided_by, r.reviewed_by) for r in view.reviews] == [
        (ReviewResult.APPROVED, "clerk 太郎", "supervisor 太郎")
    ]
    assert decisions.get_decisions(ctx, case_id).decisions == view.decisions
    recorded = _events(ctx, "decisions_recorded")[-1]
    assert recorded.actor_name == "clerk"
    assert recorded.changes["status"] == {"before": "verifying", "after": "decided"}
    assert recorded.changes["decisions"]["after"][0]["outcome"] == "partial"


def test_decision_moves_a_scanned_or_waiting_case_through_verifying(
    ctx: ServiceContext, staff: Staff
) -> None:
    scanned = _case(ctx, staff, 1, CaseStatus.SCANNED)
    waiting = _case(ctx, staff, 2, CaseStatus.AWAITING_DOCUMENTS)
    assert cases.get_case(ctx, waiting).deadline.paused

    assert _decide(ctx, staff.clerk, scanned).status is CaseStatus.DECIDED
    assert _decide(ctx, staff.clerk, waiting).status is CaseStatus.DECIDED
    # The documents arrived: the deadline clock runs again.
    assert not cases.get_case(ctx, waiting).deadline.paused


def test_received_case_cannot_be_decided_yet(ctx: ServiceContext, staff: Staff) -> None:
    case_id = _case(ctx, staff, status=CaseStatus.RECEIVED)
    with pytest.raises(decisions.NotDecidable) as caught:
        _decide(ctx, staff.clerk, case_id)
    assert "受付" in caught.value.message_ja
    assert decisions.get_decisions(ctx, case_id).decisions == ()


def test_invalid_decision_is_refused_and_nothing_changes(ctx: ServiceContext, staff: Staff) -> None:
    case_id = _case(ctx, staff)
    version = _version(ctx, case_id)
    no_reason = KindDecision(RequestKind.CORRECTION, Outcome.REFUSE)
    with pytest.raises(InvalidInput, match="Choose a reason"):
        decisions.record_decisions(
            ctx, staff.clerk, case_id, version, [DISCLOSE_IN_PART, no_reason]
        )
    assert _version(ctx, case_id) == version
    assert cases.get_case(ctx, case_id).status is CaseStatus.VERIFYING
    assert decisions.get_decisions(ctx, case_id).decisions == ()


def test_deciding_again_replaces_the_decisions_and_bumps_the_version(
    ctx: ServiceContext, staff: Staff
) -> None:
    case_id = _case(ctx, staff)
    first = _decide(ctx, staff.clerk, case_id)
    full = KindDecision(
        RequestKind.DISCLOSURE, Outcome.FULL, method=ResponseMethod.PAPER, fee_status=FeeStatus.PAID
    )
    second, _ = decisions.record_decisions(
        ctx, staff.clerk2, case_id, first.version, [full, REFUSE_CORRECTION]
    )
    assert second.decisions == (full, REFUSE_CORRECTION)
    assert second.decided_by == "clerk2 太郎"
    assert second.version > first.version
    with pytest.raises(CaseConflict):
        decisions.record_decisions(
            ctx, staff.clerk, case_id, first.version, [full, REFUSE_CORRECTION]
        )
    before = _events(ctx, "decisions_recorded")[-1].changes["decisions"]["before"]
    assert [d["outcome"] for d in before] == ["partial", "refuse"]


def test_supervisor_cannot_approve_own_decision(ctx: ServiceContext, staff: Staff) -> None:
    case_id = _case(ctx, staff)
    _decide(ctx, staff.supervisor, case_id)
    decisions.submit_for_review(ctx, staff.supervisor, case_id, _version(ctx, case_id))
    with pytest.raises(SelfApprovalRefused) as caught:
        decisions.approve(ctx, staff.supervisor, case_id, _version(ctx, case_id))
    assert "承認できません" in caught.value.message_ja
    assert cases.get_case(ctx, case_id).status is CaseStatus.IN_REVIEW


def test_clerk_cannot_approve(ctx: ServiceContext, staff: Staff) -> None:
    case_id = _case(ctx, staff)
    _in_review(ctx, staff, case_id)
    with pytest.raises(PermissionDenied):
        decisions.approve(ctx, staff.clerk2, case_id, _version(ctx, case_id))


def test_return_needs_a_comment_and_lands_in_rework(ctx: ServiceContext, staff: Staff) -> None:
    case_id = _case(ctx, staff)
    _in_review(ctx, staff, case_id)
    version = _version(ctx, case_id)
    with pytest.raises(InvalidInput, match="comment"):
        decisions.return_for_rework(ctx, staff.supervisor, case_id, version, "   ")
    assert cases.get_case(ctx, case_id).status is CaseStatus.IN_REVIEW

    view, _ = decisions.return_for_rework(
        ctx, staff.supervisor, case_id, version, " 理由の根拠を確認してください "
    )
    assert view.status is CaseStatus.REWORK
    assert view.editable
    assert view.return_comment == "理由の根拠を確認してください"
    assert view.decisions == (DISCLOSE_IN_PART, REFUSE_CORRECTION)  # the clerk starts from them

    # The clerk decides again and the case goes round once more.
    assert _decide(ctx, staff.clerk, case_id).status is CaseStatus.DECIDED
    redecided = _events(ctx, "decisions_recorded")[-1].changes
    assert redecided["status"] == {"before": "rework", "after": "decided"}
    assert redecided["comment"] == decisions.REVISED_AFTER_RETURN
    decisions.submit_for_review(ctx, staff.clerk, case_id, _version(ctx, case_id))
    view, _ = decisions.approve(ctx, staff.supervisor, case_id, _version(ctx, case_id))
    assert [r.result for r in view.reviews] == [ReviewResult.RETURNED, ReviewResult.APPROVED]


def test_stale_version_is_a_conflict_at_every_step(ctx: ServiceContext, staff: Staff) -> None:
    case_id = _case(ctx, staff)
    stale = _version(ctx, case_id)
    _decide(ctx, staff.clerk, case_id)
    with pytest.raises(CaseConflict):
        decisions.submit_for_review(ctx, staff.clerk, case_id, stale)
    decisions.submit_for_review(ctx, staff.clerk, case_id, _version(ctx, case_id))
    with pytest.raises(CaseConflict):
        decisions.approve(ctx, staff.supervisor, case_id, stale)
    with pytest.raises(CaseConflict):
        decisions.return_for_rework(ctx, staff.supervisor, case_id, stale, "もう一度")


@pytest.mark.parametrize("ctx", ["postgresql"], indirect=True)
def test_two_workstations_deciding_at_once_one_gets_a_conflict(
    ctx: ServiceContext, staff: Staff, monkeypatch: pytest.MonkeyPatch
) -> None:
    case_id = _case(ctx, staff)
    version = _version(ctx, case_id)
    both_read = threading.Barrier(2, timeout=20)
    waited: set[int] = set()
    real_catalog_in = reasons.catalog_in

    def catalog_after_both_read(session: Session) -> ReasonCatalog:
        if threading.get_ident() not in waited:  # only the first call, before anything is written
            waited.add(threading.get_ident())
            both_read.wait()
        return real_catalog_in(session)

    monkeypatch.setattr(decisions, "catalog_in", catalog_after_both_read)
    full = KindDecision(
        RequestKind.DISCLOSURE, Outcome.FULL, method=ResponseMethod.PAPER, fee_status=FeeStatus.PAID
    )
    choices = {
        staff.clerk.username: (staff.clerk, [DISCLOSE_IN_PART, REFUSE_CORRECTION]),
        staff.clerk2.username: (staff.clerk2, [full, REFUSE_CORRECTION]),
    }

    def decide(name: str) -> str:
        who, chosen = choices[name]
        try:
            decisions.record_decisions(ctx, who, case_id, version, chosen)
        except CaseConflict:
            return "conflict"
        return "saved"

    with ThreadPoolExecutor(2) as pool:
        results = dict(zip(choices, pool.map(decide, choices), strict=True))
    monkeypatch.undo()

    assert sorted(results.values()) == ["conflict", "saved"]
    winner = next(name for name, result in results.items() if result == "saved")
    stored = decisions.get_decisions(ctx, case_id)
    assert stored.decisions == tuple(choices[winner][1])
    assert len(_events(ctx, "decisions_recorded")) == 1


def test_only_a_decided_case_goes_to_review(ctx: ServiceContext, staff: Staff) -> None:
    case_id = _case(ctx, staff)
    with pytest.raises(TransitionNotAllowed):
        decisions.submit_for_review(ctx, staff.clerk, case_id, _version(ctx, case_id))


def test_decisions_invalidated_by_a_new_request_kind_are_not_submitted(
    ctx: ServiceContext, staff: Staff
) -> None:
    case_id = _case(ctx, staff)
    view = _decide(ctx, staff.clerk, case_id)
    kinds = frozenset({RequestKind.DISCLOSURE, RequestKind.CORRECTION, RequestKind.SUSPENSION})
    cases.update_case(ctx, staff.clerk, case_id, view.version, {}, request_kinds=kinds)
    with pytest.raises(InvalidInput, match="Suspension of use or erasure has no decision"):
        decisions.submit_for_review(ctx, staff.clerk, case_id, _version(ctx, case_id))


def test_review_queue_oldest_then_nearest_deadline(ctx: ServiceContext, staff: Staff) -> None:
    newest = _case(ctx, staff, 1, received_on=date(2026, 11, 19))
    oldest = _case(ctx, staff, 2, received_on=date(2026, 11, 2))
    same_day_later_due = _case(ctx, staff, 3, received_on=date(2026, 11, 16))
    same_day_sooner_due = _case(ctx, staff, 4, received_on=date(2026, 11, 16))
    not_in_review = _case(ctx, staff, 5, received_on=date(2026, 11, 1))
    for case_id in (newest, oldest, same_day_later_due, same_day_sooner_due):
        _in_review(ctx, staff, case_id)
    _decide(ctx, staff.clerk, not_in_review)
    detail = cases.get_case(ctx, same_day_later_due)
    cases.extend_deadline(
        ctx,
        staff.clerk,
        same_day_later_due,
        detail.version,
        "調査に時間を要するため",
        date(2026, 12, 10),
    )

    queue = decisions.review_queue(ctx)

    assert [item.case_id for item in queue] == [
        oldest,
        same_day_sooner_due,
        same_day_later_due,
        newest,
    ]
    first = queue[0]
    assert first.overdue
    assert first.days_left < 0
    assert first.decided_by == "clerk 太郎"
    assert first.sender_name == "山田 太郎"
    assert first.summary("ja") == "開示：一部に応じる／訂正・追加・削除：応じない"
    assert "Disclosure: Comply in part" in first.summary("en")
    assert queue[1].due_on < queue[2].due_on


def test_retired_reason_keeps_old_decisions_readable(ctx: ServiceContext, staff: Staff) -> None:
    case_id = _case(ctx, staff)
    _in_review(ctx, staff, case_id)
    decisions.approve(ctx, staff.supervisor, case_id, _version(ctx, case_id))
    reasons.retire_reason(ctx, staff.admin, HARM_TO_PERSON)

    view = decisions.get_decisions(ctx, case_id)
    assert view.decisions[0].reason_codes == (HARM_TO_PERSON,)
    assert view.previews[HARM_TO_PERSON].retired
    assert "第三者" in view.previews[HARM_TO_PERSON].letter_ja

    other = _case(ctx, staff, 2)
    with pytest.raises(InvalidInput, match="retired"):
        _decide(ctx, staff.clerk, other)
    identity = KindDecision(
        RequestKind.DISCLOSURE, Outcome.REQUEST_DOCUMENTS, (IDENTITY_UNCONFIRMED,)
    )
    view, _ = decisions.record_decisions(
        ctx,
        staff.clerk,
        other,
        _version(ctx, other),
        [identity, KindDecision(RequestKind.CORRECTION, Outcome.REQUEST_DOCUMENTS, (FORM_DEFECT,))],
    )
    assert view.letter_kinds == ("deficiency",)
