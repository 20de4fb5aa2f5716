"""Cases: logging an envelope, reading and changing a case, moving it through its statuses."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from desktop.domain import deadlines
from desktop.domain.agents import AGENT_FIELDS, Agent, checked_agent
from desktop.domain.errors import CaseConflict, InvalidInput, KnownError
from desktop.domain.personal_numbers import refuse_personal_numbers
from desktop.domain.requests import FeeForm, RequesterType, RequestKind
from desktop.domain.roles import Permission
from desktop.domain.status import (
    WORKFLOW_STATUSES,
    CaseStatus,
    ManualMove,
    WorkflowStep,
    manual_moves,
)
from desktop.matching.keys import address_key, digits_only, name_key
from desktop.matching.tracking import TrackingCheck, check_tracking
from desktop.services.case_guard import require_open
from desktop.services.changes import Changes
from desktop.services.context import CurrentUser, ServiceContext
from desktop.services.due_dates import deadline_of, profile_of
from desktop.services.workflow import apply_transition, plan_for
from desktop.store import audit
from desktop.store import cases as case_store
from desktop.store import mail as mail_store
from desktop.store.db import Session, read_only, unit_of_work
from desktop.store.models import Case, CaseRequest, MailItem

log = logging.getLogger("kaiji.services.cases")


class DuplicateMailNumber(KnownError):
    def __init__(self, number: str, reference: str, case_id: int) -> None:
        super().__init__(
            f"書留番号 {number} は既に案件 {reference} として受け付けています。",
            f"Registered-mail number {number} is already logged as case {reference}.",
        )
        self.case_id = case_id
        self.reference = reference


class CaseNotFound(KnownError):
    def __init__(self, case_id: int) -> None:
        super().__init__(f"案件（ID {case_id}）が見つかりません。", f"Case {case_id} not found.")


@dataclass(frozen=True)
class EnvelopeInput:
    """What the clerk reads off one envelope and its enclosures (受付記録)."""

    tracking_number: str
    received_on: date
    sender_name: str
    request_kinds: frozenset[RequestKind]
    requester_type: RequesterType = RequesterType.PRINCIPAL
    sender_kana: str = ""
    sender_postal_code: str = ""
    sender_address: str = ""
    sender_birth_date: date | None = None
    postmark_on: date | None = None
    envelope_marked: bool = False
    fee_amount: int = 0
    fee_form: FeeForm = FeeForm.NONE
    money_order_issued_on: date | None = None
    return_postage_enclosed: bool = False
    note: str = ""
    related_case_id: int | None = None
    agent: Agent | None = None  # the request form's agent section (requester an agent)


@dataclass(frozen=True)
class CaseDetail:
    """Everything the detail panel shows, with the version the edit will be checked against."""

    case_id: int
    reference: str
    version: int
    status: CaseStatus
    requester_type: RequesterType
    kinds: tuple[RequestKind, ...]
    tracking_number: str
    tracking_service: str
    received_on: date
    postmark_on: date | None
    sender_name: str
    sender_kana: str
    sender_postal_code: str
    sender_address: str
    sender_birth_date: date | None
    envelope_marked: bool
    fee_amount: int
    fee_form: FeeForm
    money_order_issued_on: date | None
    return_postage_enclosed: bool
    note: str
    profile: str
    deadline: deadlines.Deadline
    extension_reason: str
    related_case_id: int | None
    related_case_reference: str
    next_moves: tuple[ManualMove, ...]  # what 状態変更 offers, the usual next step first
    legal_hold: bool = False
    documents_destroyed_at: datetime | None = None
    agent: Agent | None = None

    @property
    def next_statuses(self) -> tuple[CaseStatus, ...]:
        return tuple(move.target for move in self.next_moves)


@dataclass(frozen=True)
class LoggedEnvelope:
    case_id: int
    reference: str
    tracking: TrackingCheck
    changes: Changes


# Fields a clerk may edit after intake, with how each is checked.
EDITABLE_FIELDS = frozenset(
    {
        "sender_name",
        "sender_kana",
        "sender_postal_code",
        "sender_address",
        "sender_birth_date",
        "postmark_on",
        "envelope_marked",
        "fee_amount",
        "fee_form",
        "money_order_issued_on",
        "return_postage_enclosed",
        "note",
        "requester_type",
        "received_on",
    }
)


# The typed texts of a case, with the labels a refusal names them by.
_LABELS: dict[str, tuple[str, str]] = {
    "sender_name": ("氏名", "name"),
    "sender_kana": ("フリガナ", "kana"),
    "sender_address": ("住所", "address"),
    "sender_postal_code": ("郵便番号", "postal code"),
    "note": ("備考", "note"),
}


def _stored_due(case: Case, today: date) -> date:
    """The due date kept in the row for sorting and the overdue filter."""
    return deadline_of(case, today).due_on


def incoming_mail(case: Case) -> MailItem | None:
    return next((m for m in case.mail_items if m.direction == case_store.INCOMING), None)


@dataclass(frozen=True)
class _Fields:
    """The typed fields of a case that intake and editing check alike."""

    sender_name: str
    sender_kana: str
    sender_address: str
    sender_postal_code: str
    note: str
    received_on: date
    postmark_on: date | None
    fee_amount: int
    fee_form: FeeForm

    @classmethod
    def of(cls, case: Case) -> _Fields:
        return cls(
            case.sender_name,
            case.sender_kana,
            case.sender_address,
            case.sender_postal_code,
            case.note,
            case.received_on,
            case.postmark_on,
            case.fee_amount,
            FeeForm(case.fee_form),
        )


def _validate_fields(data: _Fields, today: date) -> None:
    """The one check of a case's typed fields, on intake and on every edit."""
    if not data.sender_name.strip():
        raise InvalidInput("差出人の氏名を入力してください。", "Enter the sender's name.")
    if data.received_on > today:
        raise InvalidInput(
            "受付日に未来の日付は指定できません。", "The date received cannot be in the future."
        )
    if data.postmark_on and data.postmark_on > data.received_on:
        raise InvalidInput(
            "消印日が受付日より後になっています。", "The postmark is later than the date received."
        )
    if data.fee_amount < 0:
        raise InvalidInput("手数料の金額が正しくありません。", "The fee amount is not valid.")
    if data.fee_form is FeeForm.NONE and data.fee_amount:
        raise InvalidInput(
            "手数料の金額があるときは納付方法を選んでください。",
            "Choose how the fee was enclosed when an amount is given.",
        )
    for label_ja, label_en, value, limit in (
        ("氏名", "name", data.sender_name, 200),
        ("フリガナ", "kana", data.sender_kana, 200),
        ("住所", "address", data.sender_address, 400),
        ("郵便番号", "postal code", data.sender_postal_code, 20),
        ("備考", "note", data.note, 4000),
    ):
        if len(value.strip()) > limit:
            raise InvalidInput(
                f"{label_ja}が長すぎます（{limit}文字まで）。",
                f"The {label_en} is too long (at most {limit} characters).",
            )
    postal = digits_only(data.sender_postal_code)
    if postal and len(postal) != 7:
        raise InvalidInput("郵便番号は7桁で入力してください。", "A postal code has 7 digits.")


def _validate_envelope(data: EnvelopeInput, today: date) -> TrackingCheck:
    tracking = check_tracking(data.tracking_number)
    if not tracking.valid_format:
        raise InvalidInput(
            "書留番号の形式が正しくありません（11桁、12桁、または RR123456789JP の形式）。",
            "The registered-mail number has an impossible format "
            "(11 or 12 digits, or an international number like RR123456789JP).",
        )
    if not data.request_kinds:
        raise InvalidInput(
            "請求の種類を一つ以上選んでください。", "Choose at least one kind of request."
        )
    _validate_fields(
        _Fields(
            data.sender_name,
            data.sender_kana,
            data.sender_address,
            data.sender_postal_code,
            data.note,
            data.received_on,
            data.postmark_on,
            data.fee_amount,
            data.fee_form,
        ),
        today,
    )
    return tracking


def _duplicate(session: Session, tracking: TrackingCheck) -> DuplicateMailNumber | None:
    existing = case_store.case_by_mail_number(session, case_store.INCOMING, tracking.normalized)
    if existing is None:
        return None
    return DuplicateMailNumber(tracking.formatted, existing.reference, existing.id)


def duplicate_mail_number(
    ctx: ServiceContext, actor: CurrentUser, tracking_number: str
) -> DuplicateMailNumber | None:
    """The refusal `log_envelope` would give this number, known while the form is filled."""
    actor.require(Permission.LOG_REQUEST)
    tracking = check_tracking(tracking_number)
    if not tracking.valid_format:
        return None
    with read_only(ctx.sessions) as session:
        return _duplicate(session, tracking)


def log_envelope(ctx: ServiceContext, actor: CurrentUser, data: EnvelopeInput) -> LoggedEnvelope:
    """Create a case from one envelope. A number already logged is refused with its case."""
    actor.require(Permission.LOG_REQUEST)
    today = ctx.clock.today()
    refuse_personal_numbers({_LABELS[k]: getattr(data, k) for k in _LABELS})
    tracking = _validate_envelope(data, today)
    agent = checked_agent(data.agent, data.requester_type)
    if agent is not None:
        refuse_personal_numbers({(ja, en): getattr(agent, f) for f, ja, en, _ in AGENT_FIELDS})
    now = ctx.clock.now()
    with unit_of_work(ctx.sessions) as session:
        duplicate = _duplicate(session, tracking)
        if duplicate is not None:
            raise duplicate
        postal = digits_only(data.sender_postal_code)
        case = Case(
            reference=f"new-{uuid.uuid4().hex[:24]}",
            status=CaseStatus.RECEIVED.value,
            requester_type=data.requester_type.value,
            sender_name=data.sender_name.strip(),
            sender_kana=data.sender_kana.strip(),
            sender_postal_code=f"{postal[:3]}-{postal[3:]}" if postal else "",
            sender_address=data.sender_address.strip(),
            sender_birth_date=data.sender_birth_date,
            agent=agent.to_json() if agent is not None else {},
            name_key=name_key(data.sender_name),
            address_key=address_key(data.sender_address),
            received_on=data.received_on,
            postmark_on=data.postmark_on,
            envelope_marked=data.envelope_marked,
            fee_amount=data.fee_amount,
            fee_form=data.fee_form.value,
            money_order_issued_on=data.money_order_issued_on,
            return_postage_enclosed=data.return_postage_enclosed,
            note=data.note.strip(),
            profile=ctx.settings.jurisdiction_profile,
            due_on=data.received_on,
            extension_reason="",
            related_case_id=data.related_case_id,
            created_by=actor.user_id,
            created_at=now,
            updated_at=now,
        )
        case.requests = [CaseRequest(kind=k.value, detail="") for k in sorted(data.request_kinds)]
        case.due_on = _stored_due(case, today)
        case_store.add(session, case)
        # The id is unique across workstations; a counter per year would race on PostgreSQL.
        case.reference = f"KD{data.received_on.year}-{case.id:06d}"
        mail_store.add(
            session,
            MailItem(
                case_id=case.id,
                direction=case_store.INCOMING,
                tracking_number=tracking.normalized,
                service=tracking.service.value if tracking.service else "",
                check_digit_ok=tracking.check_digit_ok,
                on_date=data.received_on,
                method="",
                created_by=actor.user_id,
                created_at=now,
            ),
        )
        audit.record(
            session,
            actor.actor,
            "case_created",
            entity="case",
            entity_id=case.id,
            case_id=case.id,
            changes={
                **{k: getattr(data, k) for k in EDITABLE_FIELDS},
                "request_kinds": sorted(k.value for k in data.request_kinds),
                "tracking_number": tracking.normalized,
                "check_digit_ok": tracking.check_digit_ok,
                "reference": case.reference,
                "due_on": case.due_on,
                "related_case_id": data.related_case_id,
                "agent": agent.to_json() if agent is not None else None,
            },
            now=now,
        )
        result = LoggedEnvelope(
            case.id, case.reference, tracking, Changes(cases=frozenset({case.id}), case_list=True)
        )
    log.info("case %s logged", result.case_id)
    return result


def load_case(session: Session, case_id: int) -> Case:
    case = case_store.get_case(session, case_id)
    if case is None:
        raise CaseNotFound(case_id)
    return case


def _check_version(case: Case, expected_version: int) -> None:
    if case.version != expected_version:
        raise CaseConflict(case.reference)


def load_for_edit(session: Session, case_id: int, expected_version: int) -> Case:
    """The case as stored, provided nobody saved it since the caller's copy was read."""
    case = load_case(session, case_id)
    _check_version(case, expected_version)
    return case


def case_detail(case: Case, today: date) -> CaseDetail:
    """The case as the case window shows it, on `today`."""
    mail = incoming_mail(case)
    return CaseDetail(
        case_id=case.id,
        reference=case.reference,
        version=case.version,
        status=CaseStatus(case.status),
        requester_type=RequesterType(case.requester_type),
        kinds=tuple(RequestKind(r.kind) for r in case.requests),
        tracking_number=mail.tracking_number if mail else "",
        tracking_service=mail.service if mail else "",
        received_on=case.received_on,
        postmark_on=case.postmark_on,
        sender_name=case.sender_name,
        sender_kana=case.sender_kana,
        sender_postal_code=case.sender_postal_code,
        sender_address=case.sender_address,
        sender_birth_date=case.sender_birth_date,
        envelope_marked=case.envelope_marked,
        fee_amount=case.fee_amount,
        fee_form=FeeForm(case.fee_form),
        money_order_issued_on=case.money_order_issued_on,
        return_postage_enclosed=case.return_postage_enclosed,
        note=case.note,
        profile=case.profile,
        deadline=deadline_of(case, today),
        extension_reason=case.extension_reason,
        related_case_id=case.related_case_id,
        related_case_reference=case.related_case.reference if case.related_case else "",
        legal_hold=case.legal_hold,
        documents_destroyed_at=case.documents_destroyed_at,
        agent=Agent.from_json(case.agent),
        next_moves=manual_moves(CaseStatus(case.status)),
    )


def get_case(ctx: ServiceContext, case_id: int) -> CaseDetail:
    with read_only(ctx.sessions) as session:
        return case_detail(load_case(session, case_id), ctx.clock.today())


def save_edited(
    ctx: ServiceContext,
    session: Session,
    actor: CurrentUser,
    case: Case,
    action: str,
    changes: Mapping[str, object],
) -> tuple[CaseDetail, Changes]:
    """Write an edited case (version-checked) with its audit event; return the fresh detail."""
    require_open(case)
    today = ctx.clock.today()
    case.due_on = _stored_due(case, today)
    case.updated_at = ctx.clock.now()
    case_store.flush_versioned(session, case)
    audit.record(
        session,
        actor.actor,
        action,
        entity="case",
        entity_id=case.id,
        case_id=case.id,
        changes=changes,
        now=case.updated_at,
    )
    return case_detail(case, today), Changes(cases=frozenset({case.id}), case_list=True)


def update_case(
    ctx: ServiceContext,
    actor: CurrentUser,
    case_id: int,
    expected_version: int,
    values: Mapping[str, object],
    *,
    request_kinds: frozenset[RequestKind] | None = None,
) -> tuple[CaseDetail, Changes]:
    """Save edited fields; refused when another workstation saved the case in between."""
    actor.require(Permission.EDIT_CASE)
    unknown = set(values) - EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    refuse_personal_numbers({_LABELS[k]: str(v) for k, v in values.items() if k in _LABELS})
    today = ctx.clock.today()
    with unit_of_work(ctx.sessions) as session:
        case = require_open(load_for_edit(session, case_id, expected_version))
        before: dict[str, object] = {k: getattr(case, k) for k in values}
        after: dict[str, object] = {}
        for key, value in values.items():
            stored = value.value if isinstance(value, FeeForm | RequesterType) else value
            if isinstance(stored, str):
                stored = stored.strip()
            setattr(case, key, stored)
            after[key] = stored
        _validate_fields(_Fields.of(case), today)
        if "sender_name" in values:
            case.name_key = name_key(case.sender_name)
        if "sender_address" in values:
            case.address_key = address_key(case.sender_address)
        if request_kinds is not None:
            if not request_kinds:
                raise InvalidInput(
                    "請求の種類を一つ以上選んでください。", "Choose at least one kind of request."
                )
            wanted = sorted(k.value for k in request_kinds)
            before["request_kinds"] = sorted(r.kind for r in case.requests)
            after["request_kinds"] = wanted
            keep = [r for r in case.requests if r.kind in wanted]
            present = {r.kind for r in keep}
            case.requests = keep + [
                CaseRequest(kind=k.value, detail="")
                for k in sorted(request_kinds)
                if k.value not in present
            ]
        changes = audit.changed_fields(before, after)
        if not changes:
            return case_detail(case, today), Changes()
        return save_edited(ctx, session, actor, case, "case_updated", changes)


def change_status(
    ctx: ServiceContext,
    actor: CurrentUser,
    case_id: int,
    expected_version: int,
    target: CaseStatus,
    comment: str = "",
) -> tuple[CaseDetail, Changes]:
    """Move the case along an allowed transition; backward moves need a comment.

    Decisions, review, letters and mail have their own use cases (with their own checks); a
    generic move into one of their statuses is refused.
    """
    if target in WORKFLOW_STATUSES:
        raise WorkflowStep(target)
    actor.require(Permission.CHANGE_STATUS)
    refuse_personal_numbers({("コメント", "comment"): comment})
    with unit_of_work(ctx.sessions) as session:
        case = load_for_edit(session, case_id, expected_version)
        changed = apply_transition(ctx, session, actor, case, plan_for(case, target, comment))
        return case_detail(case, ctx.clock.today()), changed


def extend_deadline(
    ctx: ServiceContext,
    actor: CurrentUser,
    case_id: int,
    expected_version: int,
    reason: str,
    new_due_on: date | None = None,
) -> tuple[CaseDetail, Changes]:
    """Record an extension (延長) with its reason and new due date."""
    actor.require(Permission.EDIT_CASE)
    refuse_personal_numbers({("延長の理由", "extension reason"): reason})
    today = ctx.clock.today()
    with unit_of_work(ctx.sessions) as session:
        case = require_open(load_for_edit(session, case_id, expected_version))
        current_due = deadline_of(case, today).due_on
        extension = deadlines.extend(current_due, profile_of(case), reason, new_due_on)
        case.extended_due_on = extension.new_due_on
        case.extension_reason = extension.reason
        changes = {
            "due_on": {"before": current_due, "after": extension.new_due_on},
            "reason": extension.reason,
        }
        return save_edited(ctx, session, actor, case, "deadline_extended", changes)
