"""What a letter says: the letterhead, the addressee by policy, the decisions it answers and
the reasons' wording, gathered in the caller's transaction."""

from __future__ import annotations

from datetime import timedelta

from desktop.config import missing_letterhead
from desktop.domain.decisions import KindDecision, ResponseMethod, decisions_in_letter
from desktop.domain.errors import KnownError
from desktop.domain.reasons import ReasonCatalog
from desktop.domain.requests import RequestKind
from desktop.domain.retained import Snapshot, disclosed, withheld_items
from desktop.domain.verification import deficiencies
from desktop.letters import (
    Addressee,
    DisclosedSection,
    KindOutcome,
    LetterData,
    LetterKind,
    Sender,
    render_letter,
)
from desktop.matching.keys import digits_only
from desktop.services import decisions, retained, verification
from desktop.services.cases import CaseNotFound
from desktop.services.context import ServiceContext
from desktop.services.due_dates import deadline_of
from desktop.services.reasons import catalog_in
from desktop.store import cases as case_store
from desktop.store import customers as customer_store
from desktop.store import documents as document_store
from desktop.store import letters as letter_store
from desktop.store.db import Session, unit_of_work
from desktop.store.models import Case

DEFICIENCY_REPLY_DAYS = 14  # the usual two weeks to send what is missing


class LetterheadMissing(KnownError):
    def __init__(self) -> None:
        super().__init__(
            "通知書の差出人（会社名・住所）が設定されていません。設定で入力してください。",
            "The letterhead (company name and address) is not set. Enter it in the settings.",
        )


class NoDecisionForLetter(KnownError):
    def __init__(self, kind: LetterKind) -> None:
        super().__init__(
            f"この案件には「{kind.value}」の通知書に載せる決定がありません。",
            f"The case has no decision that a {kind.value} letter would answer.",
        )


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


def postal_text(text: str | None) -> str:
    digits = digits_only(text or "")
    return f"{digits[:3]}-{digits[3:]}" if len(digits) == 7 else (text or "")


def verified_id_side(
    ctx: ServiceContext, session: Session, case_id: int
) -> verification.Side | None:
    """The principal's ID as verification read it, when the address policy may need it."""
    case = case_store.case_by_id(session, case_id)
    if case is None:
        raise CaseNotFound(case_id)
    changed = letter_store.changed_addressee(session, case_id) is not None
    customer = customer_store.by_id(session, case.customer_id) if case.customer_id else None
    registered = customer is not None and bool(customer.address.strip())
    if changed or (registered and ctx.settings.letter_address_policy != "id"):
        return None
    view = verification.view_in(ctx, session, case_id)
    return next((side for side in view.sides if side.source == "id" and side.address), None)


def addressee_of(
    ctx: ServiceContext, session: Session, case: Case, id_side: verification.Side | None
) -> tuple[Addressee, str]:
    """Where the letter goes: an approved change, else the verified address by policy.

    The policy chooses the registered address or the one on the ID; when that is unknown the
    other is used, and the address on the request form only when neither is.
    """
    changed = letter_store.changed_addressee(session, case.id)
    if changed is not None:
        return (
            Addressee(changed.postal_code, changed.address, changed.building, changed.name),
            "changed",
        )
    found: dict[str, Addressee] = {}
    customer = customer_store.by_id(session, case.customer_id) if case.customer_id else None
    if customer is not None and customer.address.strip():
        found["registered"] = Addressee(
            postal_text(customer.postal_code), customer.address, "", customer.name
        )
    if id_side is not None and id_side.address:
        found["id"] = Addressee(
            postal_text(id_side.components.get("postal_code")),
            id_side.address,
            "",
            case.sender_name,
        )
    policy = ctx.settings.letter_address_policy
    order = ("id", "registered") if policy == "id" else ("registered", "id")
    for source in order:
        if source in found:
            return found[source], source
    form = Addressee(case.sender_postal_code, case.sender_address, "", case.sender_name)
    return form, "form"


def _answered(session: Session, case_id: int, kind: LetterKind) -> tuple[KindDecision, ...]:
    """The recorded decisions this letter answers (none for letters that answer nothing)."""
    if not kind.answers:
        return ()
    answered = decisions_in_letter(decisions.decisions_of(session, case_id), kind)
    if not answered:
        raise NoDecisionForLetter(kind)
    return answered


def _withheld_lines(
    decision: KindDecision, snapshot: Snapshot, catalog: ReasonCatalog, language: str
) -> tuple[str, ...]:
    """Each withheld item by its label and the title of its ground: never its value."""
    lines = []
    for entry in withheld_items(snapshot, decision.withheld):
        code = entry.reason_code
        ground = catalog[code].title_en if language == "en" else catalog[code].title_ja
        lines.append(f"{entry.item.display}：{ground}" if code in catalog else entry.item.display)
    return tuple(lines)


def _outcomes(
    session: Session, answered: tuple[KindDecision, ...], snapshot: Snapshot, language: str
) -> tuple[KindOutcome, ...]:
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
            withheld=_withheld_lines(decision, snapshot, catalog, language),
        )
        for decision in answered
    )


def _disclosed(
    answered: tuple[KindDecision, ...], snapshot: Snapshot
) -> tuple[DisclosedSection, ...]:
    """The disclosure decision's part of the snapshot, source by source, as tables of the 開示書."""
    decision = next((d for d in answered if d.kind is RequestKind.DISCLOSURE), None)
    if decision is None:
        return ()
    return tuple(
        DisclosedSection(
            source.title,
            tuple(c.label for c in source.columns),
            source.rows,
        )
        for source in disclosed(snapshot, decision.withheld)
    )


def _deficiency_texts(
    ctx: ServiceContext, session: Session, case_id: int, language: str
) -> tuple[str, ...]:
    wanted = deficiencies(verification.view_in(ctx, session, case_id).findings)
    return tuple(d.text_en if language == "en" else d.text_ja for d in wanted)


def letter_data(ctx: ServiceContext, case_id: int, kind: LetterKind) -> LetterData:
    """Everything a letter of `kind` prints for the case, as it stands today."""
    with unit_of_work(ctx.sessions) as session:
        return letter_data_in(ctx, session, case_id, LetterKind(kind))[0]


def letter_data_in(
    ctx: ServiceContext, session: Session, case_id: int, kind: LetterKind
) -> tuple[LetterData, str]:
    """The letter's data and where its address came from (registered, id, form, changed)."""
    data, source, _ = letter_data_with_snapshot(ctx, session, case_id, kind)
    return data, source


def letter_data_with_snapshot(
    ctx: ServiceContext, session: Session, case_id: int, kind: LetterKind
) -> tuple[LetterData, str, int]:
    """The letter's data, its address's source, and the id of the snapshot its data came from
    (0 when it carries none): the disclosed data is the decision's snapshot, not today's."""
    sender = sender_of(ctx)
    language = ctx.settings.letter_language
    today = ctx.clock.today()
    texts = (
        _deficiency_texts(ctx, session, case_id, language) if kind is LetterKind.DEFICIENCY else ()
    )
    id_side = verified_id_side(ctx, session, case_id)
    answered = _answered(session, case_id, kind)
    case = case_store.get_case(session, case_id)
    if case is None:
        raise CaseNotFound(case_id)
    addressee, source = addressee_of(ctx, session, case, id_side)
    snapshot_id, snapshot = retained.decided_snapshot(ctx, session, case_id)
    outcomes = _outcomes(session, answered, snapshot, language)
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
            today + timedelta(days=DEFICIENCY_REPLY_DAYS) if kind is LetterKind.DEFICIENCY else None
        ),
        purposes=purposes,
        disclosed=_disclosed(answered, snapshot) if kind.carries_data else (),
        new_due_date=case.extended_due_on if kind is LetterKind.EXTENSION else None,
        extension_reason=case.extension_reason if kind is LetterKind.EXTENSION else "",
        masked_numbers_note=kind is LetterKind.DEFICIENCY
        and document_store.any_masked(session, case.id),
        expected_reply_by=(
            deadline_of(case, today).due_on if kind is LetterKind.ACKNOWLEDGEMENT else None
        ),
    )
    return data, source, snapshot_id if kind.carries_data else 0


def render_case_letter(ctx: ServiceContext, case_id: int, kind: LetterKind) -> bytes:
    """A preview of the letter as it would be issued today; nothing is stored."""
    return render_letter(letter_data(ctx, case_id, kind))
