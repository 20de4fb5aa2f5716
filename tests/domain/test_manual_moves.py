"""What the generic 状態変更 offers is what the transition plan allows, explained alike."""

from __future__ import annotations

import pytest

from desktop.domain.status import (
    WORKFLOW_STATUSES,
    CaseStatus,
    CommentRequired,
    manual_moves,
    plan_transition,
)


@pytest.mark.parametrize("current", list(CaseStatus))
def test_every_offered_move_is_one_the_plan_accepts(current: CaseStatus) -> None:
    for move in manual_moves(current):
        assert move.target not in WORKFLOW_STATUSES
        plan = plan_transition(current, move.target, "理由")
        assert plan.comment_required == move.comment_required
        if move.comment_required:
            with pytest.raises(CommentRequired):
                plan_transition(current, move.target, "")


def test_the_usual_next_step_comes_first_and_withdrawal_last() -> None:
    moves = manual_moves(CaseStatus.VERIFYING)
    assert moves[0].target is CaseStatus.AWAITING_DOCUMENTS
    assert not moves[0].comment_required
    assert moves[-1].target is CaseStatus.WITHDRAWN
    assert [m.comment_required for m in moves[:-1]] == sorted(
        m.comment_required for m in moves[:-1]
    )


def test_a_final_case_offers_nothing() -> None:
    assert manual_moves(CaseStatus.CLOSED) == ()
    assert manual_moves(CaseStatus.WITHDRAWN) == ()
