"""Outgoing and returned registered mail: the answer goes out, comes back, goes out again.

Recording what was sent moves the case to `sent`; closing starts the retention clock; a letter
that comes back undelivered (返戻) re-opens the case as `mail_returned` until it is re-sent.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from desktop.domain.errors import InvalidInput, KnownError
from desktop.domain.roles import Permission
from desktop.domain.status import CaseStatus
from desktop.matching.tracking import TrackingCheck, check_tracking
from desktop.services.cases import load_case, load_for_edit
from desktop.services.changes import Changes
from desktop.services.context import CurrentUser, ServiceContext
from desktop.services.workflow import apply_transition, plan_for
from desktop.store import cases as case_store
from desktop.store import mail as mail_store
from desktop.store.db import unit_of_work
from desktop.store.letter_models import MailReturn
from desktop.store.models import Case, MailItem

log = logging.getLogger("kaiji.services.mail")

OUTGOING = case_store.OUTGOING


class MailMethod(StrEnum):
    """How the answer is mailed (発送方法)."""

    SIMPLE_REGISTERED = "simple_registered"  # 簡易書留
    REGISTERED = "registered"  # 一般書留
    RESTRICTED_DELIVERY = "restricted_delivery"  # 一般書留 + 本人限定受取

    @property
    def label_ja(self) -> str:
        return _METHOD_LABELS[self][0]

    @property
    def label_en(self) -> str:
        return _METHOD_LABELS[self][1]


_METHOD_LABELS = {
    MailMethod.SIMPLE_REGISTERED: ("簡易書留", "Simple registered mail"),
    MailMethod.REGISTERED: ("一般書留", "Registered mail"),
    MailMethod.RESTRICTED_DELIVERY: (
        "一般書留（本人限定受取）",
        "Registered mail, restricted delivery to the addressee",
    ),
}


class ReturnReason(StrEnum):
    """Why the post office brought the letter back."""

    ABSENT = "absent"  # 不在（保管期間経過）
    UNKNOWN_ADDRESS = "unknown_address"  # 宛所不明
    REFUSED = "refused"  # 受取拒否

    @property
    def label_ja(self) -> str:
        return {"absent": "不在", "unknown_address": "宛所不明", "refused": "受取拒否"}[self.value]

    @property
    def label_en(self) -> str:
        return {
            "absent": "Not collected",
            "unknown_address": "Addressee unknown",
            "refused": "Refused",
        }[self.value]


class DuplicateOutgoingNumber(KnownError):
    def __init__(self, number: str) -> None:
        super().__init__(
            f"書留番号 {number} は既に発送記録に使われています。番号を確かめてください。",
            f"Registered-mail number {number} is already recorded as sent. Check the number.",
        )


class OutgoingMailNotFound(KnownError):
    def __init__(self, number: str) -> None:
        super().__init__(
            f"書留番号 {number} の発送記録が見つかりません。",
            f"No letter was recorded as sent with registered-mail number {number}.",
        )


@dataclass(frozen=True)
class MailResult:
    """What was recorded: the mail item, the number as checked, the case's new status."""

    mail_item_id: int
    case_id: int
    reference: str
    tracking: TrackingCheck
    status: CaseStatus
    changes: Changes


def _checked_number(number: str) -> TrackingCheck:
    tracking = check_tracking(number)
    if not tracking.valid_format:
        raise InvalidInput(
            "書留番号の形式が正しくありません（11桁、12桁、または RR123456789JP の形式）。",
            "The registered-mail number has an impossible format "
            "(11 or 12 digits, or an international number like RR123456789JP).",
        )
    return tracking


def _check_date(on_date: date, case: Case, today: date) -> None:
    if on_date > today:
        raise InvalidInput(
            "発送日・返戻日に未来の日付は指定できません。",
            "The date cannot be in the future.",
        )
    if on_date < case.received_on:
        raise InvalidInput(
            "請求を受け付けた日より前の日付は指定できません。",
            "The date cannot be before the request was received.",
        )


def record_outgoing(
    ctx: ServiceContext,
    actor: CurrentUser,
    case_id: int,
    expected_version: int,
    number: str,
    on_date: date,
    method: MailMethod,
) -> MailResult:
    """Record the registered mail carrying the answer; the case becomes `sent` (a re-send too)."""
    actor.require(Permission.CHANGE_STATUS)
    tracking = _checked_number(number)
    now = ctx.clock.now()
    with unit_of_work(ctx.sessions) as session:
        case = load_for_edit(session, case_id, expected_version)
        _check_date(on_date, case, ctx.clock.today())
        plan = plan_for(case, CaseStatus.SENT)
        if mail_store.outgoing_by_number(session, tracking.normalized) is not None:
            raise DuplicateOutgoingNumber(tracking.formatted)
        item = MailItem(
            case_id=case.id,
            direction=OUTGOING,
            tracking_number=tracking.normalized,
            service=tracking.service.value if tracking.service else "",
            check_digit_ok=tracking.check_digit_ok,
            on_date=on_date,
            method=method.value,
            created_by=actor.user_id,
            created_at=now,
        )
        if not mail_store.add_unique(session, item):  # saved at another workstation just now
            raise DuplicateOutgoingNumber(tracking.formatted)
        apply_transition(
            ctx,
            session,
            actor,
            case,
            plan,
            details={
                "tracking_number": tracking.normalized,
                "check_digit_ok": tracking.check_digit_ok,
                "sent_on": on_date,
                "method": method,
            },
        )
        result = MailResult(
            item.id,
            case.id,
            case.reference,
            tracking,
            CaseStatus.SENT,
            Changes(cases=frozenset({case.id}), case_list=True),
        )
    log.info("case %s sent", case_id)
    return result


def close_case(
    ctx: ServiceContext, actor: CurrentUser, case_id: int, expected_version: int
) -> Changes:
    """`sent → closed`: the answer was delivered; the retention period starts now."""
    with unit_of_work(ctx.sessions) as session:
        case = load_for_edit(session, case_id, expected_version)
        apply_transition(ctx, session, actor, case, plan_for(case, CaseStatus.CLOSED))
    return Changes(cases=frozenset({case_id}), case_list=True)


def record_returned(
    ctx: ServiceContext,
    actor: CurrentUser,
    number: str,
    on_date: date,
    reason: ReturnReason,
) -> MailResult:
    """A sent letter came back: found by its number, the case re-opens as `mail_returned`."""
    actor.require(Permission.CHANGE_STATUS)
    tracking = _checked_number(number)
    reason = ReturnReason(reason)
    now = ctx.clock.now()
    with unit_of_work(ctx.sessions) as session:
        item = mail_store.outgoing_by_number(session, tracking.normalized)
        if item is None:
            raise OutgoingMailNotFound(tracking.formatted)
        case = load_case(session, item.case_id)
        _check_date(on_date, case, ctx.clock.today())
        if on_date < item.on_date:
            raise InvalidInput(
                "返戻日が発送日より前になっています。",
                "The letter cannot come back before it was sent.",
            )
        newest = max(m.id for m in case.mail_items if m.direction == OUTGOING)
        if (
            mail_store.is_returned(session, item.id)
            or item.id != newest
            or case.status != CaseStatus.SENT
        ):
            raise InvalidInput(
                f"書留番号 {tracking.formatted} の郵便は、返戻として記録できる状態ではありません"
                f"（案件 {case.reference} は「{CaseStatus(case.status).label_ja}」）。",
                f"The item {tracking.formatted} cannot be recorded as returned (case "
                f"{case.reference} is '{CaseStatus(case.status).label_en}').",
            )
        mail_store.add_return(
            session,
            MailReturn(
                mail_item_id=item.id,
                reason=reason.value,
                returned_on=on_date,
                recorded_by=actor.user_id,
                recorded_at=now,
            ),
        )
        apply_transition(
            ctx,
            session,
            actor,
            case,
            plan_for(case, CaseStatus.MAIL_RETURNED, reason.label_ja),
            details={
                "tracking_number": tracking.normalized,
                "returned_on": on_date,
                "reason": reason,
            },
        )
        result = MailResult(
            item.id,
            case.id,
            case.reference,
            tracking,
            CaseStatus.MAIL_RETURNED,
            Changes(cases=frozenset({case.id}), case_list=True),
        )
    log.info("case %s: mail returned", result.case_id)
    return result
