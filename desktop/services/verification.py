"""Verifying a case: the evidence gathered from the case, its pages and the linked customer, the
checklist the domain computes from it, and the clerk's judgements (seal, form, overrides).

Identity and agent documents give the fields OCR read from them (as the clerk corrected them). For
the request form, the particulars the clerk typed at intake come first and its OCR reading fills
the gaps.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop.domain.documents import DocumentKind, FieldName
from desktop.domain.errors import CaseConflict, InvalidInput
from desktop.domain.personal_numbers import refuse_personal_numbers
from desktop.domain.requests import FeeForm, RequesterType, RequestKind
from desktop.domain.roles import Permission
from desktop.domain.verification import (
    CaseEvidence,
    Comparers,
    DocumentEvidence,
    DocumentSubkind,
    FeeFacts,
    Finding,
    FormFacts,
    Holder,
    Override,
    RegisteredRecord,
    SealJudgement,
    Severity,
    VerificationPolicy,
    apply_overrides,
    is_certificate,
    overall,
    verify,
)
from desktop.matching.addresses import ADDRESS_COMPONENTS, compare_addresses, parse_address
from desktop.matching.names import compare_names, romaji_matches_kana
from desktop.services import documents
from desktop.services.case_guard import require_open
from desktop.services.cases import CaseNotFound
from desktop.services.changes import Changes
from desktop.services.context import CurrentUser, ServiceContext
from desktop.store import audit
from desktop.store import cases as case_store
from desktop.store import checks as check_store
from desktop.store import customers as customer_store
from desktop.store import documents as document_store
from desktop.store.db import Session, read_only, unit_of_work
from desktop.store.models import Case, CaseCheck, Customer, Document

COMPARERS = Comparers(names=compare_names, addresses=compare_addresses, romaji=romaji_matches_kana)


@dataclass(frozen=True)
class Side:
    """One source of a person's particulars: the form, an ID, or the registered record."""

    source: str  # "form" | "id" | "registered"
    name: str | None
    birth_date: date | None
    address: str | None
    components: dict[str, str | None]
    document_id: int | None = None


@dataclass(frozen=True)
class VerificationView:
    case_id: int
    version: int  # of the clerk's judgements (case_checks), for optimistic locking
    findings: tuple[Finding, ...]
    overall: Severity
    sides: tuple[Side, ...]  # form, id, registered — a side is absent when there is no source
    differing: frozenset[str]  # address components on which some two sides disagree
    name_verdicts: dict[str, str]  # "form/id" → match | variant | mismatch
    seal_judgement: SealJudgement | None
    form_signed: bool | None
    form_complete: bool | None
    has_power_of_attorney: bool
    has_seal_certificate: bool


def policy_of(ctx: ServiceContext) -> VerificationPolicy:
    settings = ctx.settings
    return VerificationPolicy(
        fee_yen=settings.fee_yen,
        return_postage_required=settings.return_postage_required,
        certificate_max_age_days=settings.certificate_max_age_days,
    )


def _date(value: object) -> date | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _field(document: Document, name: FieldName) -> str | None:
    raw = document.fields.get(name.value) or {}
    value = raw.get("value")
    return str(value) if value else None


def _flag(extras: dict[str, Any], key: str) -> bool | None:
    value = extras.get(key)
    if value in (True, "yes", "true"):
        return True
    if value in (False, "no", "false"):
        return False
    return None


def document_evidence(document: Document) -> DocumentEvidence:
    kind = DocumentKind(document.kind)
    extras = dict(document.extras)
    dated = _date(_field(document, FieldName.EXPIRY_DATE))
    previous = tuple(
        str(v) for k, v in sorted(extras.items()) if k.startswith("previous_address") and v
    )
    subkind = extras.get("subkind")
    known_subkind = DocumentSubkind(subkind) if subkind in set(DocumentSubkind) else None
    certificate = is_certificate(kind, known_subkind)
    return DocumentEvidence(
        kind=kind,
        page_no=document.position,
        document_id=document.id,
        holder=Holder(document.holder),
        subkind=known_subkind,
        name=_field(document, FieldName.NAME),
        name_kana=_field(document, FieldName.NAME_KANA),
        address=_field(document, FieldName.ADDRESS),
        postal_code=_field(document, FieldName.POSTAL_CODE),
        birth_date=_date(_field(document, FieldName.BIRTH_DATE)),
        expiry_date=None if certificate else dated,
        issued_on=dated if certificate else None,
        number=_field(document, FieldName.NUMBER),
        previous_addresses=previous,
        shows_relationship=_flag(extras, "shows_relationship"),
        has_seal=_flag(extras, "has_seal"),
    )


def _form_facts(case: Case, pages: Sequence[Document], check: CaseCheck | None) -> FormFacts:
    form = next((d for d in pages if d.kind == DocumentKind.APPLICATION_FORM.value), None)

    def pick(name: FieldName, typed: str | None) -> str | None:
        # What the clerk typed at intake was read off this form by a person: it comes first;
        # the form's OCR reading fills what was left empty.
        read = _field(form, name) if form is not None else None
        return (typed or None) or read

    birth = case.sender_birth_date or _date(pick(FieldName.BIRTH_DATE, None))
    return FormFacts(
        name=pick(FieldName.NAME, case.sender_name),
        name_kana=pick(FieldName.NAME_KANA, case.sender_kana),
        birth_date=birth,
        address=pick(FieldName.ADDRESS, case.sender_address),
        postal_code=pick(FieldName.POSTAL_CODE, case.sender_postal_code),
        signed=check.form_signed if check else None,
        complete=check.form_complete if check else None,
        missing_items=tuple(
            item for item in (check.form_missing.splitlines() if check else []) if item.strip()
        ),
        agent_name=(form.extras.get("agent_name") if form is not None else None) or None,
        document_id=form.id if form is not None else None,
        page_no=form.position if form is not None else None,
    )


def _registered(customer: Customer | None) -> RegisteredRecord | None:
    if customer is None:
        return None
    return RegisteredRecord(
        name=customer.name or None,
        name_kana=customer.name_kana or None,
        birth_date=customer.birth_date,
        address=customer.address or None,
        postal_code=customer.postal_code or None,
        phone=customer.phone or None,
    )


def gather_evidence(session: Session, case: Case) -> tuple[CaseEvidence, CaseCheck | None]:
    pages = document_store.pages(session, case.id, kept_only=True)
    check = check_store.check_of(session, case.id)
    customer = customer_store.by_id(session, case.customer_id) if case.customer_id else None
    judgement = check.seal_judgement if check else None
    evidence = CaseEvidence(
        requester_type=RequesterType(case.requester_type),
        received_on=case.received_on,
        request_kinds=frozenset(RequestKind(r.kind) for r in case.requests),
        form=_form_facts(case, pages, check),
        registered=_registered(customer),
        no_registered_record=case.no_retained_data,
        documents=tuple(document_evidence(d) for d in pages),
        seal_judgement=SealJudgement(judgement) if judgement else None,
        fee=FeeFacts(
            amount_enclosed=case.fee_amount,
            form=FeeForm(case.fee_form),
            money_order_issued_on=case.money_order_issued_on,
            return_postage_enclosed=case.return_postage_enclosed,
        ),
    )
    return evidence, check


def _overrides(check: CaseCheck | None) -> dict[str, Override]:
    if check is None:
        return {}
    return {
        code: Override(Severity(value["severity"]), value["comment"], value["by"])
        for code, value in check.overrides.items()
    }


def _components(text: str | None, postal_code: str | None = None) -> dict[str, str | None]:
    """The address split into components; a postal code kept apart (on a form) fills its gap."""
    found: dict[str, str | None] = dict.fromkeys(ADDRESS_COMPONENTS)
    if text:
        parsed = parse_address(text)
        for name in ADDRESS_COMPONENTS:
            value = getattr(parsed, name)
            found[name] = None if value is None else str(value)
    digits = "".join(ch for ch in postal_code or "" if ch.isdigit())
    if found["postal_code"] is None and len(digits) == 7:
        found["postal_code"] = f"{digits[:3]}-{digits[3:]}"
    return found


def _sides(evidence: CaseEvidence) -> list[Side]:
    sides: list[Side] = []
    form = evidence.form
    if form is not None:
        sides.append(
            Side(
                "form",
                form.name,
                form.birth_date,
                form.address,
                _components(form.address, form.postal_code),
            )
        )
    principal_ids = [
        d
        for d in evidence.documents
        if d.holder is Holder.PRINCIPAL and d.kind.is_identity_document and d.address
    ]
    principal_ids.sort(key=lambda d: (not d.kind.is_photo_id, d.page_no))
    if principal_ids:
        card = principal_ids[0]
        sides.append(
            Side(
                "id",
                card.name,
                card.birth_date,
                card.address,
                _components(card.address, card.postal_code),
                card.document_id,
            )
        )
    registered = evidence.registered
    if registered is not None:
        sides.append(
            Side(
                "registered",
                registered.name,
                registered.birth_date,
                registered.address,
                _components(registered.address, registered.postal_code),
            )
        )
    return sides


def _differing(sides: Sequence[Side]) -> frozenset[str]:
    found: set[str] = set()
    for i, one in enumerate(sides):
        for other in sides[i + 1 :]:
            if one.address and other.address:
                comparison = compare_addresses(one.address, other.address)
                found.update(d.component for d in comparison.differences)
    return frozenset(found)


def _load_case(session: Session, case_id: int) -> Case:
    case = case_store.case_by_id(session, case_id)
    if case is None:
        raise CaseNotFound(case_id)
    return case


def _findings(
    ctx: ServiceContext, evidence: CaseEvidence, check: CaseCheck | None
) -> list[Finding]:
    return apply_overrides(verify(evidence, policy_of(ctx), COMPARERS), _overrides(check))


def view(ctx: ServiceContext, case_id: int) -> VerificationView:
    with read_only(ctx.sessions) as session:
        return view_in(ctx, session, case_id)


def view_in(ctx: ServiceContext, session: Session, case_id: int) -> VerificationView:
    """The verification view in the caller's transaction (a use case that needs it)."""
    evidence, check = gather_evidence(session, _load_case(session, case_id))
    findings = _findings(ctx, evidence, check)
    sides = _sides(evidence)
    verdicts: dict[str, str] = {}
    for i, one in enumerate(sides):
        for other in sides[i + 1 :]:
            if one.name and other.name:
                verdict = compare_names(one.name, other.name).verdict
                verdicts[f"{one.source}/{other.source}"] = str(verdict)
    kinds = {d.kind for d in evidence.documents}
    return VerificationView(
        case_id=case_id,
        version=check.version if check else 0,
        findings=tuple(findings),
        overall=overall(findings),
        sides=tuple(sides),
        differing=_differing(sides),
        name_verdicts=verdicts,
        seal_judgement=evidence.seal_judgement,
        form_signed=check.form_signed if check else None,
        form_complete=check.form_complete if check else None,
        has_power_of_attorney=DocumentKind.POWER_OF_ATTORNEY in kinds,
        has_seal_certificate=DocumentKind.SEAL_CERTIFICATE in kinds,
    )


def _edit_check(
    ctx: ServiceContext,
    actor: CurrentUser,
    case_id: int,
    expected_version: int,
    action: str,
    changes: dict[str, Any],
) -> Changes:
    """Apply `changes` to the case's judgements (created on first use), audited."""
    actor.require(Permission.EDIT_CASE)
    with unit_of_work(ctx.sessions) as session:
        case = _load_case(session, case_id)
        _apply(ctx, actor, session, case, expected_version, action, changes)
    return Changes(cases=frozenset({case_id}))


def _apply(
    ctx: ServiceContext,
    actor: CurrentUser,
    session: Session,
    case: Case,
    expected_version: int,
    action: str,
    changes: dict[str, Any],
) -> None:
    require_open(case)
    now = ctx.clock.now()
    check = check_store.check_of(session, case.id)
    if check is None:
        if expected_version != 0:
            raise CaseConflict(case.reference)
        check = check_store.new_check(session, case.id, actor.user_id)
    elif check.version != expected_version:
        raise CaseConflict(case.reference)
    before = {key: getattr(check, key) for key in changes}
    for key, value in changes.items():
        setattr(check, key, value)
    check.updated_by = actor.user_id
    check.updated_at = now
    reference = case.reference  # a failed flush expires the objects
    if not check_store.flush_check(session):
        raise CaseConflict(reference)
    audit.record(
        session,
        actor.actor,
        action,
        entity="case",
        entity_id=case.id,
        case_id=case.id,
        changes=audit.changed_fields(before, changes),
        now=now,
    )


def record_seal_judgement(
    ctx: ServiceContext,
    actor: CurrentUser,
    case_id: int,
    expected_version: int,
    judgement: SealJudgement,
) -> Changes:
    return _edit_check(
        ctx, actor, case_id, expected_version, "seal_judged", {"seal_judgement": judgement.value}
    )


def record_form_check(
    ctx: ServiceContext,
    actor: CurrentUser,
    case_id: int,
    expected_version: int,
    *,
    signed: bool | None,
    complete: bool | None,
    missing: str = "",
) -> Changes:
    refuse_personal_numbers({("不足している書類", "missing documents"): missing})
    return _edit_check(
        ctx,
        actor,
        case_id,
        expected_version,
        "form_checked",
        {"form_signed": signed, "form_complete": complete, "form_missing": missing.strip()},
    )


def override_finding(
    ctx: ServiceContext,
    actor: CurrentUser,
    case_id: int,
    expected_version: int,
    code: str,
    severity: Severity | None,
    comment: str,
) -> Changes:
    """Treat a finding as `severity` (None removes the override); a comment is required."""
    refuse_personal_numbers({("判定変更の理由", "comment"): comment})
    if not comment.strip():
        raise InvalidInput(
            "確認結果の判定を変更するときは理由を入力してください。",
            "Enter a comment explaining why the finding is overridden.",
        )
    actor.require(Permission.EDIT_CASE)
    with unit_of_work(ctx.sessions) as session:
        case = _load_case(session, case_id)
        evidence, check = gather_evidence(session, case)
        if not any(f.code == code for f in _findings(ctx, evidence, check)):
            raise InvalidInput(
                "この確認項目は現在の結果にありません。", "This finding is not in the checklist."
            )
        overrides = dict(check.overrides) if check else {}
        if severity is None:
            overrides.pop(code, None)
        else:
            overrides[code] = {
                "severity": severity.value,
                "comment": comment.strip(),
                "by": actor.username,
            }
        _apply(
            ctx,
            actor,
            session,
            case,
            expected_version,
            "finding_overridden",
            {"overrides": overrides},
        )
    return Changes(cases=frozenset({case_id}))


@dataclass(frozen=True)
class SealPair:
    power_of_attorney: bytes | None  # PNG crops at the same scale, None when not found
    seal_certificate: bytes | None
    power_of_attorney_document: int | None
    seal_certificate_document: int | None


def seal_crops(ctx: ServiceContext, actor: CurrentUser, case_id: int) -> SealPair:
    """The seal on the power of attorney and on the seal certificate, cropped at one scale.

    Reading the pages is a view of them and is audited as such.
    """
    from PIL import Image

    from desktop.ocr.seals import find_seal, same_scale

    pages = documents.list_documents(ctx, actor, case_id)

    def crop(kind: DocumentKind) -> tuple[Any, int, int | None]:
        for page in pages:
            if page.kind is kind and not page.destroyed:
                png = documents.view_page(ctx, actor, page.document_id)
                with Image.open(io.BytesIO(png)) as image:
                    found = find_seal(image.convert("RGB"), page.dpi)
                if found is not None:
                    return found, page.dpi, page.document_id
        return None, 300, None

    poa, poa_dpi, poa_id = crop(DocumentKind.POWER_OF_ATTORNEY)
    cert, cert_dpi, cert_id = crop(DocumentKind.SEAL_CERTIFICATE)
    if poa is not None and cert is not None:
        left, right = same_scale(poa, poa_dpi, cert, cert_dpi)
        return SealPair(_png(left), _png(right), poa_id, cert_id)
    return SealPair(
        _png(poa.image) if poa is not None else None,
        _png(cert.image) if cert is not None else None,
        poa_id,
        cert_id,
    )


def _png(image: Any) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
