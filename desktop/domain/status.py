"""The life of a case as a state machine (案件の状態): every transition is checked here, once."""

from __future__ import annotations

from enum import StrEnum

from desktop.domain.errors import KnownError


class CaseStatus(StrEnum):
    RECEIVED = "received"  # 受付
    SCANNED = "scanned"  # 取込済
    VERIFYING = "verifying"  # 確認中
    AWAITING_DOCUMENTS = "awaiting_documents"  # 補正待ち
    DECIDED = "decided"  # 決定済
    IN_REVIEW = "in_review"  # 承認待ち
    REWORK = "rework"  # 差戻し
    APPROVED = "approved"  # 承認済
    LETTER_PRINTED = "letter_printed"  # 通知書印刷済
    SENT = "sent"  # 発送済
    MAIL_RETURNED = "mail_returned"  # 返戻
    CLOSED = "closed"  # 完了
    WITHDRAWN = "withdrawn"  # 取下げ

    @property
    def label_ja(self) -> str:
        return _LABELS[self][0]

    @property
    def label_en(self) -> str:
        return _LABELS[self][1]

    @property
    def is_open(self) -> bool:
        """Open cases still run against their deadline."""
        return self not in FINAL_STATUSES and self not in _ANSWERED

    @property
    def is_final(self) -> bool:
        return self in FINAL_STATUSES


_LABELS: dict[CaseStatus, tuple[str, str]] = {
    CaseStatus.RECEIVED: ("受付", "Received"),
    CaseStatus.SCANNED: ("取込済", "Scanned"),
    CaseStatus.VERIFYING: ("確認中", "Verifying"),
    CaseStatus.AWAITING_DOCUMENTS: ("補正待ち", "Awaiting documents"),
    CaseStatus.DECIDED: ("決定済", "Decided"),
    CaseStatus.IN_REVIEW: ("承認待ち", "In review"),
    CaseStatus.REWORK: ("差戻し", "Rework"),
    CaseStatus.APPROVED: ("承認済", "Approved"),
    CaseStatus.LETTER_PRINTED: ("通知書印刷済", "Letter printed"),
    CaseStatus.SENT: ("発送済", "Sent"),
    CaseStatus.MAIL_RETURNED: ("返戻", "Mail returned"),
    CaseStatus.CLOSED: ("完了", "Closed"),
    CaseStatus.WITHDRAWN: ("取下げ", "Withdrawn"),
}

FINAL_STATUSES = frozenset({CaseStatus.CLOSED, CaseStatus.WITHDRAWN})
# Once the answer has gone out the deadline is met; these are no longer "pending".
_ANSWERED = frozenset({CaseStatus.SENT, CaseStatus.MAIL_RETURNED})

# Forward moves along the main path; the order gives "backwards" its meaning.
_PATH: tuple[CaseStatus, ...] = (
    CaseStatus.RECEIVED,
    CaseStatus.SCANNED,
    CaseStatus.VERIFYING,
    CaseStatus.AWAITING_DOCUMENTS,
    CaseStatus.DECIDED,
    CaseStatus.IN_REVIEW,
    CaseStatus.REWORK,
    CaseStatus.APPROVED,
    CaseStatus.LETTER_PRINTED,
    CaseStatus.SENT,
    CaseStatus.MAIL_RETURNED,
    CaseStatus.CLOSED,
)

_TRANSITIONS: dict[CaseStatus, frozenset[CaseStatus]] = {
    CaseStatus.RECEIVED: frozenset({CaseStatus.SCANNED, CaseStatus.VERIFYING}),
    CaseStatus.SCANNED: frozenset({CaseStatus.VERIFYING, CaseStatus.RECEIVED}),
    CaseStatus.VERIFYING: frozenset(
        {CaseStatus.AWAITING_DOCUMENTS, CaseStatus.DECIDED, CaseStatus.SCANNED}
    ),
    CaseStatus.AWAITING_DOCUMENTS: frozenset({CaseStatus.VERIFYING}),
    CaseStatus.DECIDED: frozenset({CaseStatus.IN_REVIEW, CaseStatus.VERIFYING}),
    CaseStatus.IN_REVIEW: frozenset({CaseStatus.APPROVED, CaseStatus.REWORK}),
    CaseStatus.REWORK: frozenset({CaseStatus.DECIDED, CaseStatus.VERIFYING}),
    CaseStatus.APPROVED: frozenset({CaseStatus.LETTER_PRINTED, CaseStatus.REWORK}),
    CaseStatus.LETTER_PRINTED: frozenset({CaseStatus.SENT, CaseStatus.APPROVED}),
    # After a request for documents (補正のお願い) went out, the case waits for them.
    CaseStatus.SENT: frozenset(
        {CaseStatus.CLOSED, CaseStatus.MAIL_RETURNED, CaseStatus.AWAITING_DOCUMENTS}
    ),
    CaseStatus.MAIL_RETURNED: frozenset({CaseStatus.SENT}),
    CaseStatus.CLOSED: frozenset(),
    CaseStatus.WITHDRAWN: frozenset(),
}

# Moves that are a supervisor's decision, not a clerk's.
SUPERVISOR_TRANSITIONS = frozenset(
    {
        (CaseStatus.IN_REVIEW, CaseStatus.APPROVED),
        (CaseStatus.IN_REVIEW, CaseStatus.REWORK),
        (CaseStatus.APPROVED, CaseStatus.REWORK),
    }
)


class TransitionNotAllowed(KnownError):
    def __init__(self, current: CaseStatus, target: CaseStatus) -> None:
        super().__init__(
            f"「{current.label_ja}」から「{target.label_ja}」へは変更できません。",
            f"A case cannot go from '{current.label_en}' to '{target.label_en}'.",
        )
        self.current = current
        self.target = target


class CommentRequired(KnownError):
    def __init__(self) -> None:
        super().__init__(
            "状態を戻すときは理由（コメント）を入力してください。",
            "Going back to an earlier status needs a comment saying why.",
        )


# Statuses only their own use case may enter: recording decisions (decided), review (in_review,
# approved, rework: the decider may not approve), printing letters (letter_printed) and mail
# (sent, mail_returned, closed). A generic status change would skip their checks.
WORKFLOW_STATUSES = frozenset(
    {
        CaseStatus.DECIDED,
        CaseStatus.IN_REVIEW,
        CaseStatus.APPROVED,
        CaseStatus.REWORK,
        CaseStatus.LETTER_PRINTED,
        CaseStatus.SENT,
        CaseStatus.MAIL_RETURNED,
        CaseStatus.CLOSED,
    }
)


class WorkflowStep(KnownError):
    def __init__(self, target: CaseStatus) -> None:
        super().__init__(
            f"「{target.label_ja}」への変更は、決定・承認・通知書・発送の各画面から行ってください。",
            f"Move a case to “{target.label_en}” from the decision, review, letter or mail tabs.",
        )


def allowed_transitions(current: CaseStatus) -> frozenset[CaseStatus]:
    """Every status the case may move to from `current`, withdrawal included while it is open."""
    targets = set(_TRANSITIONS[current])
    if not current.is_final:
        targets.add(CaseStatus.WITHDRAWN)
    return frozenset(targets)


def is_backward(current: CaseStatus, target: CaseStatus) -> bool:
    """A move back along the path (差戻し, 再確認…) must be explained with a comment."""
    if target is CaseStatus.REWORK:
        return True
    if target is CaseStatus.WITHDRAWN or current is CaseStatus.AWAITING_DOCUMENTS:
        return False
    if current is CaseStatus.MAIL_RETURNED and target is CaseStatus.SENT:
        return False
    return _PATH.index(target) < _PATH.index(current)


def check_transition(current: CaseStatus, target: CaseStatus, comment: str) -> None:
    """Raise unless `current → target` is allowed and, when it goes backwards, explained."""
    if target not in allowed_transitions(current):
        raise TransitionNotAllowed(current, target)
    if (is_backward(current, target) or target is CaseStatus.WITHDRAWN) and not comment.strip():
        raise CommentRequired


def needs_comment(current: CaseStatus, target: CaseStatus) -> bool:
    return is_backward(current, target) or target is CaseStatus.WITHDRAWN
