"""Deciding a case per request kind, and the supervisor's review (承認) of that decision.

The path is `verifying → decided → in_review → approved`, with `in_review → rework` when the
supervisor returns the case to the clerk. Every step goes through the status machine, the version
check and one audit event, as any other change to a case does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from desktop.domain.deadlines import DeadlineState
from desktop.domain.decisions import (
    FeeStatus,
    KindDecision,
    ResponseMethod,
    ReviewResult,
    letter_kind_for,
    validate,
)
from desktop.domain.errors import InvalidInput
from desktop.domain.outcomes import Outcome
from desktop.domain.personal_numbers import refuse_personal_numbers
from desktop.domain.reasons import Reason, ReasonCatalog
from desktop.domain.requests import RequestKind
from desktop.domain.roles import Permission
from desktop.domain.status import CaseStatus
from desktop.letters.texts import fill, load_texts
from desktop.services.cases import load_case, load_for_edit, save_edited
from desktop.services.changes import Changes
from desktop.services.context import CurrentUser, ServiceContext
from desktop.services.due_dates import deadline_of
from desktop.services.reasons import catalog_in
from desktop.services.workflow import apply_transition, plan_for
from desktop.store import cases as case_store
from desktop.store import decisions as decision_store
from desktop.store import users as user_store
from desktop.store.db import Session, read_only, unit_of_work
from desktop.store.decision_models import CaseReview, Decision
from desktop.store.models import Case

# Where recording decisions may start, and the steps it takes from there to `decided`.
_PATH_TO_DECIDED: dict[CaseStatus, tuple[CaseStatus, ...]] = {
    CaseStatus.SCANNED: (CaseStatus.VERIFYING, CaseStatus.DECIDED),
    CaseStatus.AWAITING_DOCUMENTS: (CaseStatus.VERIFYING, CaseStatus.DECIDED),
    CaseStatus.VERIFYING: (CaseStatus.DECIDED,),
    CaseStatus.REWORK: (CaseStatus.DECIDED,),
    CaseStatus.DECIDED: (),
}

REVISED_AFTER_RETURN = "差戻しを受けて決定を修正しました。"


class NotDecidable(InvalidInput):
    def __init__(self, status: CaseStatus) -> None:
        super().__init__(
            f"「{status.label_ja}」の案件では決定を入力・変更できません。",
            f"Decisions cannot be entered or changed while the case is '{status.label_en}'.",
        )


@dataclass(frozen=True)
class ReasonPreview:
    """A reason as the requester reads it in the letter, in both languages."""

    code: str
    title_ja: str
    title_en: str
    letter_ja: str
    letter_en: str
    retired: bool

    def title(self, language: str) -> str:
        return self.title_en if language == "en" else self.title_ja

    def letter_text(self, language: str) -> str:
        return self.letter_en if language == "en" else self.letter_ja


@dataclass(frozen=True)
class ReviewRecord:
    """One review: who decided, who reviewed, the result and the supervisor's comment."""

    decided_by: str
    reviewed_by: str
    result: ReviewResult
    comment: str
    reviewed_at: datetime


@dataclass(frozen=True)
class CaseDecisions:
    """A case's decisions as the decision panel shows them, with the version to save against."""

    case_id: int
    reference: str
    version: int
    status: CaseStatus
    kinds: tuple[RequestKind, ...]
    decisions: tuple[KindDecision, ...]
    decided_by_id: int | None
    decided_by: str
    decided_at: datetime | None
    reviews: tuple[ReviewRecord, ...]
    previews: dict[str, ReasonPreview]
    letter_kinds: tuple[str, ...]

    @property
    def editable(self) -> bool:
        """Decisions may still be entered or changed (not yet submitted or approved)."""
        return self.status in _PATH_TO_DECIDED

    @property
    def return_comment(self) -> str:
        """The supervisor's comment when the case was last returned and is being reworked."""
        if self.status is not CaseStatus.REWORK:
            return ""
        returned = [r for r in self.reviews if r.result is ReviewResult.RETURNED]
        return returned[-1].comment if returned else ""


@dataclass(frozen=True)
class ReviewItem:
    """One row of the supervisor's review queue."""

    case_id: int
    reference: str
    version: int
    sender_name: str
    kinds: tuple[RequestKind, ...]
    outcomes: tuple[tuple[RequestKind, Outcome], ...]
    decided_by_id: int | None
    decided_by: str
    received_on: date
    due_on: date
    days_left: int
    overdue: bool

    def summary(self, language: str = "ja") -> str:
        """The outcomes in one line, e.g. 「開示：一部に応じる／訂正・追加・削除：応じない」."""
        if language == "en":
            return "; ".join(f"{k.label_en}: {o.label_en}" for k, o in self.outcomes)
        return "／".join(f"{k.label_ja}：{o.label_ja}" for k, o in self.outcomes)


def preview(reason: Reason) -> ReasonPreview:
    """The exact sentence the letter prints for `reason`, with its legal basis, in ja and en."""
    texts = {
        language: fill(
            load_texts("common", language).text("reason"),
            {"text": reason.letter_text(language), "legal_basis": reason.legal_basis(language)},
            "common.reason",
        )
        for language in ("ja", "en")
    }
    return ReasonPreview(
        reason.code, reason.title_ja, reason.title_en, texts["ja"], texts["en"], reason.retired
    )


def _to_domain(row: Decision) -> KindDecision:
    return KindDecision(
        kind=RequestKind(row.kind),
        outcome=Outcome(row.outcome),
        reason_codes=tuple(str(code) for code in row.reason_codes),
        detail=row.detail,
        method=ResponseMethod(row.method) if row.method else None,
        method_impossible=row.method_impossible,
        fee_status=FeeStatus(row.fee_status),
    )


def _as_audit(decisions: Sequence[KindDecision]) -> list[dict[str, object]]:
    return [
        {
            "kind": d.kind,
            "outcome": d.outcome,
            "reason_codes": list(d.reason_codes),
            "detail": d.detail,
            "method": d.method,
            "method_impossible": d.method_impossible,
            "fee_status": d.fee_status,
        }
        for d in decisions
    ]


def _names(session: Session, user_ids: set[int | None]) -> dict[int | None, str]:
    names: dict[int | None, str] = {None: ""}
    for user_id, name in user_store.display_names(session, user_ids).items():
        names[user_id] = name
    return names


def _previews(
    catalog: ReasonCatalog, decisions: Sequence[KindDecision]
) -> dict[str, ReasonPreview]:
    codes = dict.fromkeys(code for d in decisions for code in d.reason_codes)
    return {code: preview(catalog[code]) for code in codes if code in catalog}


def decisions_view(session: Session, case: Case) -> CaseDecisions:
    """What the decision tab shows of `case`, read in the caller's transaction."""
    rows = decision_store.of_case(session, case.id)
    reviews = decision_store.reviews_of_case(session, case.id)
    decided_by_id = rows[0].decided_by if rows else None
    names = _names(
        session,
        {decided_by_id} | {r.decided_by for r in reviews} | {r.reviewed_by for r in reviews},
    )
    decisions = tuple(_to_domain(row) for row in rows)
    return CaseDecisions(
        case_id=case.id,
        reference=case.reference,
        version=case.version,
        status=CaseStatus(case.status),
        kinds=tuple(RequestKind(r.kind) for r in case.requests),
        decisions=decisions,
        decided_by_id=decided_by_id,
        decided_by=names[decided_by_id],
        decided_at=rows[0].decided_at if rows else None,
        reviews=tuple(
            ReviewRecord(
                names[r.decided_by],
                names[r.reviewed_by],
                ReviewResult(r.result),
                r.comment,
                r.reviewed_at,
            )
            for r in reviews
        ),
        previews=_previews(catalog_in(session), decisions),
        letter_kinds=letter_kind_for(decisions),
    )


def decisions_of(session: Session, case_id: int) -> tuple[KindDecision, ...]:
    """The case's recorded decisions, in the caller's transaction."""
    return tuple(_to_domain(row) for row in decision_store.of_case(session, case_id))


def get_decisions(ctx: ServiceContext, case_id: int) -> CaseDecisions:
    with read_only(ctx.sessions) as session:
        return decisions_view(session, load_case(session, case_id))


def _detail_labels(decisions: Sequence[KindDecision]) -> dict[tuple[str, str], str]:
    return {
        (f"判断の詳細（{d.kind.label_ja}）", f"decision detail ({d.kind.label_en})"): d.detail
        for d in decisions
    }


def record_decisions(
    ctx: ServiceContext,
    actor: CurrentUser,
    case_id: int,
    expected_version: int,
    decisions: Sequence[KindDecision],
    comment: str = "",
) -> tuple[CaseDecisions, Changes]:
    """Replace the case's decisions (checked by the domain rules) and mark the case decided.

    `comment` explains the status move; after a return (差戻し) it defaults to saying the
    decisions were revised, since the new decisions are themselves the answer to the return.
    """
    actor.require(Permission.EDIT_CASE)
    refuse_personal_numbers({("コメント", "comment"): comment, **_detail_labels(decisions)})
    comment = comment.strip()
    now = ctx.clock.now()
    with unit_of_work(ctx.sessions) as session:
        case = load_for_edit(session, case_id, expected_version)
        current = CaseStatus(case.status)
        if current not in _PATH_TO_DECIDED:
            raise NotDecidable(current)
        validate(decisions, (RequestKind(r.kind) for r in case.requests), catalog_in(session))
        steps = _PATH_TO_DECIDED[current]
        if current is CaseStatus.REWORK and not comment:
            comment = REVISED_AFTER_RETURN
        plan = plan_for(case, steps[-1], comment, via=steps[:-1]) if steps else None
        # The decisions belong to the case: the case row is written (and its version checked and
        # bumped) first, even when its own columns stay the same, so a second workstation waits
        # here and then gets a conflict instead of racing on the decision rows.
        case_store.lock_versioned(session, case, now)
        old_rows = decision_store.of_case(session, case.id)
        before = _as_audit([_to_domain(row) for row in old_rows])
        new_rows = [
            Decision(
                case_id=case.id,
                kind=d.kind.value,
                outcome=d.outcome.value,
                reason_codes=list(d.reason_codes),
                detail=d.detail.strip(),
                method=d.method.value if d.method else None,
                method_impossible=d.method_impossible,
                fee_status=d.fee_status.value,
                decided_by=actor.user_id,
                decided_at=now,
            )
            for d in decisions
        ]
        # The decisions are what the move to `decided` requires: stored (flushed) before it.
        decision_store.replace(session, old_rows, new_rows)
        changes = {"decisions": {"before": before, "after": _as_audit(decisions)}}
        if plan is None:
            _, changed = save_edited(ctx, session, actor, case, "decisions_recorded", changes)
        else:
            changed = apply_transition(
                ctx, session, actor, case, plan, action="decisions_recorded", details=changes
            )
        return decisions_view(session, case), changed


def _check_still_valid(session: Session, case: Case, rows: Sequence[Decision]) -> None:
    """The request kinds or the catalog may have changed since the decisions were saved."""
    validate(
        [_to_domain(row) for row in rows],
        (RequestKind(r.kind) for r in case.requests),
        catalog_in(session),
    )


def submit_for_review(
    ctx: ServiceContext, actor: CurrentUser, case_id: int, expected_version: int
) -> tuple[CaseDecisions, Changes]:
    """Hand the decided case to a supervisor (承認待ち); the decisions are checked again first."""
    actor.require(Permission.CHANGE_STATUS)
    with unit_of_work(ctx.sessions) as session:
        case = load_for_edit(session, case_id, expected_version)
        plan = plan_for(case, CaseStatus.IN_REVIEW)
        changed = apply_transition(ctx, session, actor, case, plan)
        _check_still_valid(session, case, decision_store.of_case(session, case.id))
        return decisions_view(session, case), changed


def _review(
    ctx: ServiceContext,
    session: Session,
    actor: CurrentUser,
    case: Case,
    result: ReviewResult,
    comment: str,
) -> tuple[CaseDecisions, Changes]:
    target = CaseStatus.APPROVED if result is ReviewResult.APPROVED else CaseStatus.REWORK
    plan = plan_for(case, target, comment)
    rows = decision_store.of_case(session, case.id)
    decided_by = rows[0].decided_by if rows else None
    changed = apply_transition(ctx, session, actor, case, plan, details={"review": result})
    if result is ReviewResult.APPROVED:
        _check_still_valid(session, case, rows)
    decision_store.add_review(
        session,
        CaseReview(
            case_id=case.id,
            decided_by=decided_by,
            reviewed_by=actor.user_id,
            result=result.value,
            comment=comment,
            reviewed_at=ctx.clock.now(),
        ),
    )
    return decisions_view(session, case), changed


def approve(
    ctx: ServiceContext, actor: CurrentUser, case_id: int, expected_version: int
) -> tuple[CaseDecisions, Changes]:
    """Approve the decisions (supervisors); nobody approves decisions they recorded."""
    actor.require(Permission.APPROVE)
    with unit_of_work(ctx.sessions) as session:
        case = load_for_edit(session, case_id, expected_version)
        return _review(ctx, session, actor, case, ReviewResult.APPROVED, "")


def return_for_rework(
    ctx: ServiceContext, actor: CurrentUser, case_id: int, expected_version: int, comment: str
) -> tuple[CaseDecisions, Changes]:
    """Send the case back to the clerk (差戻し) with a comment saying what to change."""
    actor.require(Permission.APPROVE)
    refuse_personal_numbers({("差戻しのコメント", "return comment"): comment})
    comment = comment.strip()
    if not comment:
        raise InvalidInput(
            "差し戻す理由（担当者へのコメント）を入力してください。",
            "Enter a comment telling the clerk why the case is returned.",
        )
    with unit_of_work(ctx.sessions) as session:
        case = load_for_edit(session, case_id, expected_version)
        return _review(ctx, session, actor, case, ReviewResult.RETURNED, comment)


def review_queue(ctx: ServiceContext) -> list[ReviewItem]:
    """Cases waiting for approval: the oldest received first, then the nearest deadline."""
    today = ctx.clock.today()
    with unit_of_work(ctx.sessions) as session:
        cases = case_store.in_status(session, CaseStatus.IN_REVIEW.value)
        rows = decision_store.of_cases(session, [c.id for c in cases])
        names = _names(session, {r[0].decided_by for r in rows.values() if r})
        items = []
        for case in cases:
            deadline = deadline_of(case, today)
            decided = rows[case.id]
            decided_by = decided[0].decided_by if decided else None
            items.append(
                ReviewItem(
                    case_id=case.id,
                    reference=case.reference,
                    version=case.version,
                    sender_name=case.sender_name,
                    kinds=tuple(RequestKind(r.kind) for r in case.requests),
                    outcomes=tuple((RequestKind(d.kind), Outcome(d.outcome)) for d in decided),
                    decided_by_id=decided_by,
                    decided_by=names[decided_by],
                    received_on=case.received_on,
                    due_on=deadline.due_on,
                    days_left=deadline.days_left,
                    overdue=deadline.state is DeadlineState.OVERDUE,
                )
            )
    items.sort(key=lambda item: (item.received_on, item.due_on, item.reference))
    return items
