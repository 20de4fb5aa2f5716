"""The life of a case as a state machine (案件の状態): every transition is checked here, once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise

from desktop.domain.errors import InvalidInput, KnownError
from desktop.domain.roles import ROLE_PERMISSIONS, Permission, Role


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
    def rank(self) -> int:
        """The status's place in the workflow (受付 → … → 完了): the case list sorts by it."""
        return list(CaseStatus).index(self)

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


@dataclass(frozen=True)
class ManualMove:
    """A status change the generic 状態変更 offers, and whether it must be explained."""

    target: CaseStatus
    comment_required: bool


def manual_moves(current: CaseStatus) -> tuple[ManualMove, ...]:
    """The moves a clerk may choose by hand from `current`: the workflow's own steps (decisions,
    review, letters, mail) are left to their use cases. The usual next step comes first, moves
    that need a reason after it, withdrawal last."""
    moves = [
        ManualMove(target, needs_comment(current, target))
        for target in CaseStatus
        if target in allowed_transitions(current) and target not in WORKFLOW_STATUSES
    ]
    return tuple(
        sorted(moves, key=lambda m: (m.target is CaseStatus.WITHDRAWN, m.comment_required))
    )


# --- what a transition does ------------------------------------------------------------------


class Prerequisite(StrEnum):
    """What must exist on the case before it may enter a status."""

    DECISIONS = "decisions"  # decided, in review, approved: the decisions are recorded
    OTHER_APPROVER = "other_approver"  # approved: not by the person who recorded the decisions
    PRINT = "print"  # letter printed: a current letter was printed
    OUTGOING_MAIL = "outgoing_mail"  # sent: an outgoing item that has not come back


_PREREQUISITES: dict[CaseStatus, frozenset[Prerequisite]] = {
    CaseStatus.DECIDED: frozenset({Prerequisite.DECISIONS}),
    CaseStatus.IN_REVIEW: frozenset({Prerequisite.DECISIONS}),
    CaseStatus.APPROVED: frozenset({Prerequisite.DECISIONS, Prerequisite.OTHER_APPROVER}),
    CaseStatus.LETTER_PRINTED: frozenset({Prerequisite.PRINT}),
    CaseStatus.SENT: frozenset({Prerequisite.OUTGOING_MAIL}),
}


@dataclass(frozen=True)
class CaseFacts:
    """What exists on a case, as far as the prerequisites of a transition ask."""

    has_decisions: bool = False
    decided_by: int | None = None  # the user who recorded the decisions
    printed: bool = False
    outgoing_mail: bool = False


class NoDecisions(InvalidInput):
    def __init__(self) -> None:
        super().__init__(
            "この案件には決定が入力されていません。",
            "No decisions have been recorded for this case.",
        )


class SelfApprovalRefused(KnownError):
    """The supervisor recorded the decisions themselves (no one approves their own decision)."""

    def __init__(self) -> None:
        super().__init__(
            "ご自身が入力した決定は承認できません。別の責任者に承認を依頼してください。",
            "You recorded these decisions, so you cannot approve them. Ask another supervisor.",
        )


class NothingPrinted(InvalidInput):
    def __init__(self) -> None:
        super().__init__(
            "通知書が印刷されていません。",
            "No letter of this case has been printed.",
        )


class NoOutgoingMail(InvalidInput):
    def __init__(self) -> None:
        super().__init__(
            "発送した書留の番号が記録されていません。",
            "No outgoing registered-mail item has been recorded for this case.",
        )


@dataclass(frozen=True)
class TransitionPlan:
    """A checked move `current → … → target` and everything it does to the case."""

    current: CaseStatus
    target: CaseStatus
    via: tuple[CaseStatus, ...]
    comment: str
    comment_required: bool
    permission: Permission
    prerequisites: frozenset[Prerequisite]
    starts_pause: bool  # 補正待ち: the deadline clock stops
    ends_pause: bool  # leaving 補正待ち: the clock runs again
    closes: bool  # closed_at is set: retention starts
    reopens: bool  # closed_at is cleared
    # The stored due date follows the pauses (an open one moves it day by day): every move
    # recomputes it.
    recomputes_due: bool = True

    @property
    def roles(self) -> frozenset[Role]:
        """The roles that may make this move."""
        return frozenset(r for r, granted in ROLE_PERMISSIONS.items() if self.permission in granted)

    def check(self, facts: CaseFacts, actor_id: int) -> None:
        """Raise unless what the move needs exists on the case."""
        needs = self.prerequisites
        if Prerequisite.DECISIONS in needs and not facts.has_decisions:
            raise NoDecisions
        if Prerequisite.OTHER_APPROVER in needs and facts.decided_by == actor_id:
            raise SelfApprovalRefused
        if Prerequisite.PRINT in needs and not facts.printed:
            raise NothingPrinted
        if Prerequisite.OUTGOING_MAIL in needs and not facts.outgoing_mail:
            raise NoOutgoingMail


def plan_transition(
    current: CaseStatus,
    target: CaseStatus,
    comment: str = "",
    *,
    via: Sequence[CaseStatus] = (),
) -> TransitionPlan:
    """Check the move hop by hop (allowed, explained when it goes back) and say what it does."""
    hops = [current, *via, target]
    comment = comment.strip()
    permission = Permission.CHANGE_STATUS
    prerequisites: set[Prerequisite] = set()
    required = False
    for before, after in pairwise(hops):
        check_transition(before, after, comment)
        required = required or needs_comment(before, after)
        if (before, after) in SUPERVISOR_TRANSITIONS:
            permission = Permission.APPROVE
        prerequisites |= _PREREQUISITES.get(after, frozenset())
    return TransitionPlan(
        current=current,
        target=target,
        via=tuple(via),
        comment=comment,
        comment_required=required,
        permission=permission,
        prerequisites=frozenset(prerequisites),
        starts_pause=target is CaseStatus.AWAITING_DOCUMENTS,
        ends_pause=CaseStatus.AWAITING_DOCUMENTS in hops[:-1],
        closes=target.is_final,
        reopens=current.is_final and not target.is_final,
    )
