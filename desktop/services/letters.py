"""Letters for real cases: what a letter says, issuing it (stored encrypted, never re-rendered),
printing it (every print recorded), the print queue, address labels, the addressee and the
electromagnetic disclosure package.

An issued letter is immutable: a reprint prints the same bytes. A correction issues version n+1
with a reason, and the old version is marked as superseded.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.config import missing_letterhead
from desktop.domain.decisions import KindDecision, ResponseMethod, decisions_in_letter
from desktop.domain.errors import InvalidInput, KnownError
from desktop.domain.personal_numbers import refuse_personal_numbers
from desktop.domain.requests import RequestKind
from desktop.domain.roles import Permission
from desktop.domain.status import CaseStatus
from desktop.domain.verification import deficiencies
from desktop.letters import (
    Addressee,
    DisclosedSection,
    KindOutcome,
    LetterData,
    LetterKind,
    Sender,
    disclosure_package,
    generate_password,
    password_sheet,
    render_address_labels,
    render_letter,
    template_version,
)
from desktop.matching.keys import digits_only
from desktop.services import decisions, documents, verification
from desktop.services.case_guard import require_open
from desktop.services.cases import CaseNotFound
from desktop.services.changes import Changes
from desktop.services.context import CurrentUser, ServiceContext
from desktop.services.due_dates import deadline_of
from desktop.services.reasons import catalog_in
from desktop.services.workflow import apply_transition, plan_for
from desktop.store import audit
from desktop.store import cases as case_store
from desktop.store.db import unit_of_work
from desktop.store.letter_models import Letter, LetterAddressee, LetterPrint
from desktop.store.models import Case, Customer, Document, User

log = logging.getLogger("kaiji.services.letters")

DEFICIENCY_REPLY_DAYS = 14  # the usual two weeks to send what is missing


class LetterheadMissing(KnownError):
    def __init__(self) -> None:
        super().__init__(
            "通知書の差出人（会社名・住所）が設定されていません。設定で入力してください。",
            "The letterhead (company name and address) is not set. Enter it in the settings.",
        )


class LetterNotFound(KnownError):
    def __init__(self, letter_id: int) -> None:
        super().__init__(
            f"通知書（ID {letter_id}）が見つかりません。", f"Letter {letter_id} not found."
        )


class LetterAlreadyIssued(KnownError):
    def __init__(self, reference: str, version: int) -> None:
        super().__init__(
            f"案件 {reference} のこの通知書は発行済みです（第{version}版）。"
            "作り直すには訂正の理由を入力してください。",
            f"This letter of case {reference} was already issued (version {version}). "
            "Enter the reason for a correction to issue a new version.",
        )


class ReprintReasonRequired(KnownError):
    def __init__(self) -> None:
        super().__init__(
            "この通知書は印刷済みです。再印刷の理由を入力してください。",
            "This letter was printed before. Enter why it is printed again.",
        )


class LetterSuperseded(KnownError):
    def __init__(self, version: int) -> None:
        super().__init__(
            f"この通知書（第{version}版）は訂正されています。最新の版を印刷してください。",
            f"This letter (version {version}) was corrected. Print the newest version.",
        )


class NoDecisionForLetter(KnownError):
    def __init__(self, kind: LetterKind) -> None:
        super().__init__(
            f"この案件には「{kind.value}」の通知書に載せる決定がありません。",
            f"The case has no decision that a {kind.value} letter would answer.",
        )


@dataclass(frozen=True)
class StoredLetter:
    """An issued letter as the print queue and the case window show it (without the PDF)."""

    letter_id: int
    case_id: int
    reference: str
    kind: LetterKind
    version: int
    language: str
    template_version: int
    sha256: str
    addressee: Addressee
    created_by: int
    created_at: datetime
    superseded_by: int | None
    correction_reason: str
    changes: Changes


@dataclass(frozen=True)
class QueuedLetter:
    """An issued letter of an approved case waiting to be printed."""

    letter_id: int
    case_id: int
    reference: str
    kind: LetterKind
    version: int
    addressee_name: str
    created_at: datetime


@dataclass(frozen=True)
class PrintRecord:
    print_id: int
    letter_id: int
    printer: str
    printed_by: int
    printed_at: datetime
    template_version: int
    sha256: str
    reason: str
    reprint: bool
    case_status: CaseStatus
    changes: Changes


# --- what a letter says -------------------------------------------------------------------


def sender_of(ctx: ServiceContext) -> Sender:
    """The company's letterhead from the settings; refused while it is not filled in."""
    s = ctx.settings
    if missing_letterhead(s):
        raise LetterheadMissing
    return Sender(
        company=s.company_name,
        department=s.company_department,
        postal_code=s.company_postal_code,
        address=s.company_address,
        phone=s.company_phone,
        email=s.company_email,
        hours=s.company_hours,
        complaint_contact=s.complaint_contact,
        accredited_body=s.accredited_body or None,
    )


def _postal(text: str | None) -> str:
    digits = digits_only(text or "")
    return f"{digits[:3]}-{digits[3:]}" if len(digits) == 7 else (text or "")


def _addressee_json(addressee: Addressee, source: str) -> dict[str, Any]:
    return {
        "postal_code": addressee.postal_code,
        "address": addressee.address,
        "building": addressee.building,
        "name": addressee.name,
        "source": source,
    }


def _addressee_from_json(value: dict[str, Any]) -> Addressee:
    return Addressee(
        str(value.get("postal_code", "")),
        str(value.get("address", "")),
        str(value.get("building", "")),
        str(value.get("name", "")),
    )


def _id_side(ctx: ServiceContext, case_id: int) -> verification.Side | None:
    """The principal's ID as verification read it, when the address policy may need it.

    Verification opens its own transaction, so this runs before the caller's.
    """
    with unit_of_work(ctx.sessions) as session:
        case = session.get(Case, case_id)
        if case is None:
            raise CaseNotFound(case_id)
        changed = session.get(LetterAddressee, case_id) is not None
        customer = session.get(Customer, case.customer_id) if case.customer_id else None
        registered = customer is not None and bool(customer.address.strip())
    if changed or (registered and ctx.settings.letter_address_policy != "id"):
        return None
    view = verification.view(ctx, case_id)
    return next((side for side in view.sides if side.source == "id" and side.address), None)


def _addressee(
    ctx: ServiceContext, session: Session, case: Case, id_side: verification.Side | None
) -> tuple[Addressee, str]:
    """Where the letter goes: an approved change, else the verified address by policy.

    The policy chooses the registered address or the one on the ID; when that is unknown the
    other is used, and the address on the request form only when neither is.
    """
    changed = session.get(LetterAddressee, case.id)
    if changed is not None:
        return (
            Addressee(changed.postal_code, changed.address, changed.building, changed.name),
            "changed",
        )
    found: dict[str, Addressee] = {}
    customer = session.get(Customer, case.customer_id) if case.customer_id else None
    if customer is not None and customer.address.strip():
        found["registered"] = Addressee(
            _postal(customer.postal_code), customer.address, "", customer.name
        )
    if id_side is not None and id_side.address:
        found["id"] = Addressee(
            _postal(id_side.components.get("postal_code")), id_side.address, "", case.sender_name
        )
    policy = ctx.settings.letter_address_policy
    order = ("id", "registered") if policy == "id" else ("registered", "id")
    for source in order:
        if source in found:
            return found[source], source
    form = Addressee(case.sender_postal_code, case.sender_address, "", case.sender_name)
    return form, "form"


def _answered(ctx: ServiceContext, case_id: int, kind: LetterKind) -> tuple[KindDecision, ...]:
    """The recorded decisions this letter answers (none for letters that answer nothing)."""
    if not kind.answers:
        return ()
    answered = decisions_in_letter(decisions.get_decisions(ctx, case_id).decisions, kind)
    if not answered:
        raise NoDecisionForLetter(kind)
    return answered


def _outcomes(session: Session, answered: tuple[KindDecision, ...]) -> tuple[KindOutcome, ...]:
    """The decisions with their reasons' letter wording (retired reasons still print)."""
    catalog = catalog_in(session)
    return tuple(
        KindOutcome(
            kind=decision.kind,
            outcome=decision.outcome.value,
            reasons=tuple(catalog[code] for code in decision.reason_codes if code in catalog),
            detail=decision.detail,
            method=(decision.method or ResponseMethod.PAPER).value,
            method_impossible=decision.method_impossible,
        )
        for decision in answered
    )


def _disclosed(customer: Customer | None, language: str) -> tuple[DisclosedSection, ...]:
    """The customer's registered data, every imported column, as one table of the 開示書."""
    if customer is None or not customer.columns:
        return ()
    title, headings = (
        ("Customer record", ("Item", "Registered value"))
        if language == "en"
        else ("お客様情報", ("項目", "登録内容"))
    )
    rows = tuple((str(k), "" if v is None else str(v)) for k, v in customer.columns.items())
    return (DisclosedSection(title, headings, rows),)


def _deficiency_texts(ctx: ServiceContext, case_id: int, language: str) -> tuple[str, ...]:
    wanted = deficiencies(verification.view(ctx, case_id).findings)
    return tuple(d.text_en if language == "en" else d.text_ja for d in wanted)


def _masked_any(session: Session, case_id: int) -> bool:
    masked = session.scalars(select(Document.masked).where(Document.case_id == case_id))
    return any(bool(m) for m in masked)


def letter_data(ctx: ServiceContext, case_id: int, kind: LetterKind) -> LetterData:
    """Everything a letter of `kind` prints for the case, as it stands today."""
    return _letter_data(ctx, case_id, LetterKind(kind))[0]


def _letter_data(ctx: ServiceContext, case_id: int, kind: LetterKind) -> tuple[LetterData, str]:
    """The letter's data and where its address came from (registered, id, form, changed)."""
    sender = sender_of(ctx)
    language = ctx.settings.letter_language
    today = ctx.clock.today()
    texts = _deficiency_texts(ctx, case_id, language) if kind is LetterKind.DEFICIENCY else ()
    id_side = _id_side(ctx, case_id)
    answered = _answered(ctx, case_id, kind)
    with unit_of_work(ctx.sessions) as session:
        case = case_store.get_case(session, case_id)
        if case is None:
            raise CaseNotFound(case_id)
        addressee, source = _addressee(ctx, session, case, id_side)
        customer = session.get(Customer, case.customer_id) if case.customer_id else None
        outcomes = _outcomes(session, answered)
        purposes = tuple(
            line.strip()
            for outcome in outcomes
            if outcome.kind is RequestKind.PURPOSE_NOTICE
            for line in outcome.detail.splitlines()
            if line.strip()
        )
        data = LetterData(
            kind=kind,
            language=language,
            reference=case.reference,
            letter_date=today,
            date_style=ctx.settings.letter_date_style,
            sender=sender,
            addressee=addressee,
            request_date=None,
            received_on=case.received_on,
            request_kinds=tuple(RequestKind(r.kind) for r in case.requests),
            outcomes=outcomes,
            deficiencies=texts,
            reply_by=(
                today + timedelta(days=DEFICIENCY_REPLY_DAYS)
                if kind is LetterKind.DEFICIENCY
                else None
            ),
            purposes=purposes,
            disclosed=_disclosed(customer, language) if kind.carries_data else (),
            new_due_date=case.extended_due_on if kind is LetterKind.EXTENSION else None,
            extension_reason=case.extension_reason if kind is LetterKind.EXTENSION else "",
            masked_numbers_note=kind is LetterKind.DEFICIENCY and _masked_any(session, case.id),
            expected_reply_by=(
                deadline_of(case, today).due_on if kind is LetterKind.ACKNOWLEDGEMENT else None
            ),
        )
    return data, source


def render_case_letter(ctx: ServiceContext, case_id: int, kind: LetterKind) -> bytes:
    """A preview of the letter as it would be issued today; nothing is stored."""
    return render_letter(letter_data(ctx, case_id, kind))


# --- issuing and reading stored letters ----------------------------------------------------


def _stored(letter: Letter, reference: str, changes: Changes | None = None) -> StoredLetter:
    return StoredLetter(
        letter_id=letter.id,
        case_id=letter.case_id,
        reference=reference,
        kind=LetterKind(letter.kind),
        version=letter.version,
        language=letter.language,
        template_version=letter.template_version,
        sha256=letter.sha256,
        addressee=_addressee_from_json(letter.addressee),
        created_by=letter.created_by,
        created_at=letter.created_at,
        superseded_by=letter.superseded_by,
        correction_reason=letter.correction_reason,
        changes=changes or Changes(),
    )


def _current(session: Session, case_id: int, kind: LetterKind) -> Letter | None:
    return session.scalar(
        select(Letter).where(
            Letter.case_id == case_id, Letter.kind == kind.value, Letter.superseded_by.is_(None)
        )
    )


def _check_issuable(session: Session, case_id: int, kind: LetterKind) -> None:
    case = session.get(Case, case_id)
    if case is None:
        raise CaseNotFound(case_id)
    status = CaseStatus(case.status)
    if status.is_final:
        raise InvalidInput(
            f"案件は「{status.label_ja}」のため、通知書は発行できません。",
            f"The case is {status.label_en.lower()}, so no letter can be issued.",
        )
    if not kind.may_issue_in(status):
        raise InvalidInput(
            "決定が承認されるまで、回答の通知書は発行できません。",
            "An answer letter can be issued only after the decisions are approved.",
        )


def issue_letter(
    ctx: ServiceContext,
    actor: CurrentUser,
    case_id: int,
    kind: LetterKind,
    *,
    correction_reason: str | None = None,
) -> StoredLetter:
    """Render the letter and store it encrypted with the case; a second issue is a correction."""
    actor.require(Permission.EDIT_CASE)
    refuse_personal_numbers({("訂正の理由", "correction reason"): correction_reason})
    kind = LetterKind(kind)
    reason = (correction_reason or "").strip()
    with unit_of_work(ctx.sessions) as session:
        _check_issuable(session, case_id, kind)
    data, source = _letter_data(ctx, case_id, kind)
    pdf = render_letter(data)
    blob, digest = documents.cipher(ctx).seal(pdf)
    now = ctx.clock.now()
    with unit_of_work(ctx.sessions) as session:
        case = case_store.get_case(session, case_id)
        if case is None:
            raise CaseNotFound(case_id)
        _check_issuable(session, case_id, kind)
        previous = _current(session, case_id, kind)
        if previous is not None and not reason:
            raise LetterAlreadyIssued(case.reference, previous.version)
        version = (
            session.scalar(
                select(func.max(Letter.version)).where(
                    Letter.case_id == case_id, Letter.kind == kind.value
                )
            )
            or 0
        ) + 1
        letter = Letter(
            case_id=case_id,
            kind=kind.value,
            version=version,
            language=data.language,
            template_version=template_version(kind, data.language),
            sha256=digest,
            blob=blob,
            letter_date=data.letter_date,
            addressee=_addressee_json(data.addressee, source),
            correction_reason=reason if previous is not None else "",
            created_by=actor.user_id,
            created_at=now,
        )
        session.add(letter)
        try:
            session.flush()
        except IntegrityError as exc:  # another workstation issued the same version just now
            raise LetterAlreadyIssued(case.reference, version) from exc
        if previous is not None:
            previous.superseded_by = letter.id
        audit.record(
            session,
            actor.actor,
            "letter_corrected" if previous is not None else "letter_issued",
            entity="letter",
            entity_id=letter.id,
            case_id=case_id,
            changes={
                "kind": kind,
                "version": version,
                "template_version": letter.template_version,
                "sha256": digest,
                "addressee_source": source,
                **({"reason": reason, "supersedes": previous.id} if previous else {}),
            },
            now=now,
        )
        result = _stored(letter, case.reference, Changes(cases=frozenset({case_id})))
    log.info("case %s: letter %s version %s issued", case_id, kind.value, result.version)
    return result


def _letter(session: Session, letter_id: int) -> Letter:
    letter = session.get(Letter, letter_id)
    if letter is None:
        raise LetterNotFound(letter_id)
    return letter


def letters_of_case(ctx: ServiceContext, case_id: int) -> list[StoredLetter]:
    """Every issued letter of the case, old versions included, oldest first."""
    with unit_of_work(ctx.sessions) as session:
        case = session.get(Case, case_id)
        if case is None:
            raise CaseNotFound(case_id)
        rows = session.scalars(select(Letter).where(Letter.case_id == case_id).order_by(Letter.id))
        return [_stored(row, case.reference) for row in rows]


@dataclass(frozen=True)
class PrintLine:
    """One recorded printing of a letter, with the printing user's name."""

    printer: str
    printed_by: str
    printed_at: datetime
    template_version: int
    sha256: str
    reason: str


def print_history(
    ctx: ServiceContext, letter_ids: Sequence[int]
) -> tuple[dict[int, str], dict[int, list[PrintLine]]]:
    """User names (by id) and the print records of `letter_ids`, oldest first."""
    with unit_of_work(ctx.sessions) as session:
        names = {u.id: u.display_name for u in session.scalars(select(User))}
        rows = session.scalars(
            select(LetterPrint)
            .where(LetterPrint.letter_id.in_(list(letter_ids)))
            .order_by(LetterPrint.id)
        )
        prints: dict[int, list[PrintLine]] = {}
        for row in rows:
            prints.setdefault(row.letter_id, []).append(
                PrintLine(
                    row.printer,
                    names.get(row.printed_by, str(row.printed_by)),
                    row.printed_at,
                    row.template_version,
                    row.sha256,
                    row.reason,
                )
            )
    return names, prints


def letter_pdf(ctx: ServiceContext, actor: CurrentUser, letter_id: int) -> bytes:
    """The issued PDF exactly as stored: the same bytes every time."""
    actor.require(Permission.EDIT_CASE)
    with unit_of_work(ctx.sessions) as session:
        letter = _letter(session, letter_id)
        blob, digest = letter.blob, letter.sha256
    return documents.cipher(ctx).open(blob, digest)


def letters_pdf(ctx: ServiceContext, actor: CurrentUser, letter_ids: list[int]) -> bytes:
    """The stored letters of `letter_ids`, page for page, as one print job (the batch queue)."""
    import pypdfium2

    joined = pypdfium2.PdfDocument.new()
    for letter_id in letter_ids:
        source = pypdfium2.PdfDocument(letter_pdf(ctx, actor, letter_id))
        joined.import_pages(source)
        source.close()
    out = io.BytesIO()
    joined.save(out)
    return out.getvalue()


# --- printing ------------------------------------------------------------------------------


def _unprinted_answers(session: Session, case_id: int) -> int:
    printed = select(LetterPrint.letter_id)
    return (
        session.scalar(
            select(func.count(Letter.id)).where(
                Letter.case_id == case_id,
                Letter.kind.in_([k.value for k in LetterKind.answer_kinds()]),
                Letter.superseded_by.is_(None),
                Letter.id.not_in(printed),
            )
        )
        or 0
    )


def record_print(
    ctx: ServiceContext,
    actor: CurrentUser,
    letter_id: int,
    printer: str,
    reason: str | None = None,
) -> PrintRecord:
    """Record that the letter was printed; a reprint needs a reason.

    When the answer letters of an approved case have all been printed, the case moves to
    `letter_printed`.
    """
    actor.require(Permission.EDIT_CASE)
    refuse_personal_numbers({("再印刷の理由", "reprint reason"): reason})
    why = (reason or "").strip()
    now = ctx.clock.now()
    with unit_of_work(ctx.sessions) as session:
        letter = _letter(session, letter_id)
        if letter.superseded_by is not None:
            raise LetterSuperseded(letter.version)
        earlier = session.scalar(
            select(func.count(LetterPrint.id)).where(LetterPrint.letter_id == letter_id)
        )
        if earlier and not why:
            raise ReprintReasonRequired
        record = LetterPrint(
            letter_id=letter_id,
            printer=printer.strip(),
            printed_by=actor.user_id,
            printed_at=now,
            template_version=letter.template_version,
            sha256=letter.sha256,
            reason=why,
        )
        session.add(record)
        session.flush()
        audit.record(
            session,
            actor.actor,
            "letter_reprinted" if earlier else "letter_printed",
            entity="letter",
            entity_id=letter_id,
            case_id=letter.case_id,
            changes={
                "kind": letter.kind,
                "version": letter.version,
                "printer": record.printer,
                "template_version": record.template_version,
                "sha256": record.sha256,
                **({"reason": why} if earlier else {}),
            },
            now=now,
        )
        case = case_store.get_case(session, letter.case_id)
        assert case is not None  # the letter's foreign key
        if (
            case.status == CaseStatus.APPROVED
            and LetterKind(letter.kind).answers
            and _unprinted_answers(session, case.id) == 0
        ):
            plan = plan_for(case, CaseStatus.LETTER_PRINTED)
            apply_transition(ctx, session, actor, case, plan)
        result = PrintRecord(
            print_id=record.id,
            letter_id=letter_id,
            printer=record.printer,
            printed_by=record.printed_by,
            printed_at=record.printed_at,
            template_version=record.template_version,
            sha256=record.sha256,
            reason=why,
            reprint=bool(earlier),
            case_status=CaseStatus(case.status),
            changes=Changes(cases=frozenset({case.id}), case_list=True),
        )
    return result


def print_queue(ctx: ServiceContext) -> list[QueuedLetter]:
    """Issued, never printed, current letters of approved cases, oldest first."""
    with unit_of_work(ctx.sessions) as session:
        rows = session.execute(
            select(Letter, Case.reference)
            .join(Case, Case.id == Letter.case_id)
            .where(
                Case.status == CaseStatus.APPROVED.value,
                Letter.superseded_by.is_(None),
                Letter.id.not_in(select(LetterPrint.letter_id)),
            )
            .order_by(Letter.created_at, Letter.id)
        )
        return [
            QueuedLetter(
                letter_id=letter.id,
                case_id=letter.case_id,
                reference=reference,
                kind=LetterKind(letter.kind),
                version=letter.version,
                addressee_name=str(letter.addressee.get("name", "")),
                created_at=letter.created_at,
            )
            for letter, reference in rows
        ]


def labels_pdf(ctx: ServiceContext, letter_ids: list[int]) -> bytes:
    """An A4 label sheet with the addressee each letter was issued to, in the order given."""
    sender = sender_of(ctx)
    with unit_of_work(ctx.sessions) as session:
        addressees = [_addressee_from_json(_letter(session, i).addressee) for i in letter_ids]
    return render_address_labels(addressees, sender)


# --- the addressee -------------------------------------------------------------------------


def _addressee_labels(
    postal_code: str, address: str, building: str, name: str, reason: str
) -> dict[tuple[str, str], str]:
    return {
        ("郵便番号", "postal code"): postal_code,
        ("住所", "address"): address,
        ("建物名", "building"): building,
        ("氏名", "name"): name,
        ("変更の理由", "reason"): reason,
    }


def change_addressee(
    ctx: ServiceContext,
    actor: CurrentUser,
    case_id: int,
    *,
    postal_code: str,
    address: str,
    name: str,
    reason: str,
    approved_by: CurrentUser,
    building: str = "",
) -> Changes:
    """Send the case's letters to another address: needs a supervisor's approval and a reason."""
    actor.require(Permission.EDIT_CASE)
    approved_by.require(Permission.APPROVE)
    refuse_personal_numbers(_addressee_labels(postal_code, address, building, name, reason))
    why = reason.strip()
    if not why:
        raise InvalidInput(
            "送付先を変更する理由を入力してください。", "Enter why the address is changed."
        )
    postal = digits_only(postal_code)
    if len(postal) != 7:
        raise InvalidInput("郵便番号は7桁で入力してください。", "A postal code has 7 digits.")
    if not address.strip() or not name.strip():
        raise InvalidInput(
            "送付先の住所と氏名を入力してください。", "Enter the address and the name."
        )
    now = ctx.clock.now()
    id_side = _id_side(ctx, case_id)
    with unit_of_work(ctx.sessions) as session:
        case = case_store.get_case(session, case_id)
        if case is None:
            raise CaseNotFound(case_id)
        require_open(case)
        before, source = _addressee(ctx, session, case, id_side)
        row = session.get(LetterAddressee, case_id) or LetterAddressee(case_id=case_id)
        row.postal_code = _postal(postal)
        row.address = address.strip()
        row.building = building.strip()
        row.name = name.strip()
        row.reason = why
        row.changed_by = actor.user_id
        row.approved_by = approved_by.user_id
        row.changed_at = now
        session.add(row)
        session.flush()
        after = Addressee(row.postal_code, row.address, row.building, row.name)
        audit.record(
            session,
            actor.actor,
            "addressee_changed",
            entity="case",
            entity_id=case_id,
            case_id=case_id,
            changes={
                "before": _addressee_json(before, source),
                "after": _addressee_json(after, "changed"),
                "reason": why,
                "approved_by": approved_by.username,
            },
            now=now,
        )
    return Changes(cases=frozenset({case_id}))


# --- electromagnetic disclosure ------------------------------------------------------------


def _package_data(ctx: ServiceContext, letter_id: int) -> tuple[LetterData, dict[str, Any]]:
    with unit_of_work(ctx.sessions) as session:
        letter = _letter(session, letter_id)
        kind = LetterKind(letter.kind)
        if not kind.carries_data:
            raise InvalidInput(
                "電磁的記録で提供できるのは開示決定の通知書だけです。",
                "Only a disclosure letter can be provided as an electronic record.",
            )
        if letter.superseded_by is not None:
            raise LetterSuperseded(letter.version)
        case_id, letter_date = letter.case_id, letter.letter_date
        addressee = _addressee_from_json(letter.addressee)
        case = session.get(Case, case_id)
        assert case is not None
        customer = session.get(Customer, case.customer_id) if case.customer_id else None
        columns = dict(customer.columns) if customer is not None else {}
        facts = {"case_id": case_id, "kind": kind, "version": letter.version}
    # The issued letter's own date and addressee, so the package matches the printed letter.
    data = replace(letter_data(ctx, case_id, kind), letter_date=letter_date, addressee=addressee)
    facts["records"] = {
        section.title: [
            {heading: value for heading, value in zip(section.columns, row, strict=True)}
            for row in section.rows
        ]
        for section in data.disclosed
    } or {"data": [{str(k): "" if v is None else str(v) for k, v in columns.items()}]}
    return data, facts


def disclosure_zip(ctx: ServiceContext, actor: CurrentUser, letter_id: int) -> tuple[bytes, str]:
    """The ZIP (data.json, CSV, password-protected letter.pdf) and its new random password.

    The password is not stored: print it at once with `password_sheet_pdf` and mail it apart.
    """
    actor.require(Permission.EDIT_CASE)
    data, facts = _package_data(ctx, letter_id)
    password = generate_password()
    package = disclosure_package(data, facts["records"], password)
    with unit_of_work(ctx.sessions) as session:
        audit.record(
            session,
            actor.actor,
            "disclosure_package_made",
            entity="letter",
            entity_id=letter_id,
            case_id=facts["case_id"],
            changes={"kind": facts["kind"], "version": facts["version"]},
            now=ctx.clock.now(),
        )
    return package, password


def password_sheet_pdf(
    ctx: ServiceContext, actor: CurrentUser, letter_id: int, password: str
) -> bytes:
    """The separate sheet giving the password of the disclosure package of `letter_id`."""
    actor.require(Permission.EDIT_CASE)
    data, _ = _package_data(ctx, letter_id)
    return password_sheet(data, password)
