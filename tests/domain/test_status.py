"""The status state machine: only the allowed moves, and backward moves need a reason."""

from __future__ import annotations

import pytest

from desktop.domain.status import (
    CaseStatus,
    CommentRequired,
    TransitionNotAllowed,
    allowed_transitions,
    check_transition,
    is_backward,
)

S = CaseStatus
MAIN_PATH = [
    S.RECEIVED,
    S.SCANNED,
    S.VERIFYING,
    S.DECIDED,
    S.IN_REVIEW,
    S.APPROVED,
    S.LETTER_PRINTED,
    S.SENT,
    S.CLOSED,
]


def test_the_whole_path_is_walkable_forward_without_comments() -> None:
    for current, target in zip(MAIN_PATH, MAIN_PATH[1:], strict=False):
        check_transition(current, target, "")


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (S.VERIFYING, S.AWAITING_DOCUMENTS),
        (S.AWAITING_DOCUMENTS, S.VERIFYING),
        (S.SENT, S.MAIL_RETURNED),
        (S.MAIL_RETURNED, S.SENT),
        (S.RECEIVED, S.VERIFYING),
    ],
)
def test_side_loops_forward(current: CaseStatus, target: CaseStatus) -> None:
    check_transition(current, target, "")
    assert not is_backward(current, target)


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (S.IN_REVIEW, S.REWORK),
        (S.APPROVED, S.REWORK),
        (S.SCANNED, S.RECEIVED),
        (S.DECIDED, S.VERIFYING),
        (S.LETTER_PRINTED, S.APPROVED),
    ],
)
def test_backward_moves_need_a_comment(current: CaseStatus, target: CaseStatus) -> None:
    assert is_backward(current, target)
    with pytest.raises(CommentRequired):
        check_transition(current, target, "  ")
    check_transition(current, target, "宛名の誤り")


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (S.RECEIVED, S.APPROVED),  # skipping review
        (S.VERIFYING, S.IN_REVIEW),  # no decision yet
        (S.IN_REVIEW, S.LETTER_PRINTED),  # printing before approval
        (S.REWORK, S.APPROVED),  # a returned decision goes back through review
        (S.CLOSED, S.VERIFYING),
        (S.WITHDRAWN, S.RECEIVED),
        (S.SENT, S.RECEIVED),
    ],
)
def test_forbidden_moves(current: CaseStatus, target: CaseStatus) -> None:
    with pytest.raises(TransitionNotAllowed) as caught:
        check_transition(current, target, "理由")
    assert current.label_ja in caught.value.message_ja


def test_withdrawal_from_every_open_state_only_with_a_comment() -> None:
    for status in CaseStatus:
        if status.is_final:
            assert allowed_transitions(status) == frozenset()
            continue
        assert S.WITHDRAWN in allowed_transitions(status)
        with pytest.raises(CommentRequired):
            check_transition(status, S.WITHDRAWN, "")


def test_every_status_is_reachable_from_received() -> None:
    seen = {S.RECEIVED}
    frontier = [S.RECEIVED]
    while frontier:
        for nxt in allowed_transitions(frontier.pop()):
            if nxt not in seen:
                seen.add(nxt)
                frontier.append(nxt)
    assert seen == set(CaseStatus)


def test_open_means_the_deadline_still_runs() -> None:
    assert S.AWAITING_DOCUMENTS.is_open
    assert S.IN_REVIEW.is_open
    assert not S.SENT.is_open
    assert not S.CLOSED.is_open
    assert all(s.label_ja and s.label_en for s in CaseStatus)
