"""What a letter says: the letterhead, the addressee by policy, the decisions it answers and
the reasons' wording, gathered in the caller's transaction."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from desktop.config import Problem, letterhead_problem
from desktop.domain.agents import Agent
from desktop.domain.decisions import KindDecision, ResponseMethod, decisions_in_letter
from desktop.domain.errors import KnownError
from desktop.domain.outcomes import Outcome
from desktop.domain.reasons import ReasonCatalog
from desktop.domain.requests import RequesterType, RequestKind
from desktop.domain.retained import Snapshot, disclosed, withheld_items
from desktop.domain.verification import deficiencies
from desktop.letters import (
    Addressee,
    DisclosedSection,
    KindOutcome,
    LetterData,
    LetterKind,
    Paper,
    Sender,
    render_letter,
)
from desktop.matching.keys import digits_only
from desktop.matching.names import romanised_name
from desktop.services import decisions, provisions, retained, verification
from desktop.services.cases import CaseNotFound
from desktop.services.context import ServiceContext
from desktop.services.due_dates import deadline_of
from desktop.services.reasons import catalog_in
from desktop.store import cases as case_store
from desktop.store import customers as customer_store
from desktop.store import documents as document_store
from desktop.store import letters as letter_store
from desktop.store.db import Session, unit_of_work
from desktop.store.models import Case, Customer

DEFICIENCY_REPLY_DAYS = 14  # the usual two weeks to send what is missing


class LetterheadMissing(KnownError):
    """A required letterhead field is blank; the message names each one."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.ja, problem.en)


class AgentMissing(KnownError):
    def __init__(self) -> None:
        super().__init__(
            "代理人からの請求ですが、代理人の氏名・住所が記録されていません。"
            "案件に代理人を入力してください（または設定で本人宛てにしてください）。",
            "The request was made by an agent, but the agent's name and address are not "
            "recorded. Enter the agent on the case (or set letters to go to the principal).",
        )


def _to_agent(ctx: ServiceContext, case: Case) -> bool:
    """An agent's case, and the company's policy sends its letters to the agent."""
    return (
        RequesterType(case.requester_type).is_agent and ctx.settings.letter_agent_policy == "agent"
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
    problem = letterhead_problem(s)
    if problem is not None:
        raise LetterheadMissing(problem)
    if s.letter_language == "en":
        return Sender(
            company=s.company_name_en,
            department=s.company_department_en,
            postal_code=s.company_postal_code,
            address=s.company_address_en,
            phone=s.company_phone,
            email=s.company_email,
            hours=s.company_hours_en,
            complaint_contact=s.complaint_contact_en,
            accredited_body=s.accredited_body_en or None,
        )
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
    ctx: ServiceContext,
    session: Session,
    case: Case,
    id_side: verification.Side | None,
    form_only: bool = False,
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
    if _to_agent(ctx, case):
        agent = Agent.from_json(case.agent)
        if agent is None:
            raise AgentMissing
        return Addressee(postal_text(agent.postal_code), agent.address, "", agent.name), "agent"
    found: dict[str, Addressee] = {}
    customer = customer_store.by_id(session, case.customer_id) if case.customer_id else None
    if form_only:
        customer = None
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


def _reading_of(case: Case, customer: Customer | None, source: str, addressee: Addressee) -> str:
    """The kana reading of the addressee's name, as far as the case knows it."""
    agent = Agent.from_json(case.agent)
    if source == "agent" and agent is not None:
        return agent.kana
    if source == "registered" and customer is not None:
        return customer.name_kana
    if addressee.name == case.sender_name or source in ("id", "form"):
        return case.sender_kana
    return ""


def _parties(case: Case) -> tuple[str, str, str]:
    """The principal, the agent and their relationship, named on every letter of an agent's
    case (all empty otherwise)."""
    agent = Agent.from_json(case.agent)
    if agent is None or not RequesterType(case.requester_type).is_agent:
        return "", "", ""
    return case.sender_name, agent.name, agent.relationship


def _hands_over(outcomes: tuple[KindOutcome, ...], kind: RequestKind) -> bool:
    """The letter hands over what `kind` asked for (the registry data, the provision records)."""
    return any(o.kind is kind and Outcome(o.outcome).hands_over for o in outcomes)


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
    snapshot_id, snapshot = retained.decided_snapshot(ctx, session, case_id)
    outcomes = _outcomes(session, answered, snapshot, language)
    neutral = bool(outcomes) and all(o.refused_on_requester for o in outcomes)
    # An unconfirmed requester is answered where they wrote from, under the name they gave: the
    # registry's name or address would tell them that a customer record exists.
    addressee, source = addressee_of(ctx, session, case, None if neutral else id_side, neutral)
    customer = customer_store.by_id(session, case.customer_id) if case.customer_id else None
    if language == "en":
        kana = _reading_of(case, customer, source, addressee)
        addressee = replace(addressee, name_latin=romanised_name(kana))
    purposes = tuple(
        line.strip()
        for outcome in outcomes
        if outcome.kind is RequestKind.PURPOSE_NOTICE
        for line in outcome.detail.splitlines()
        if line.strip()
    )
    principal, agent_name, relationship = _parties(case)
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
        principal_name=principal,
        agent_name=agent_name,
        agent_relationship=relationship,
        disclosed=(
            _disclosed(answered, snapshot)
            if kind.carries_data and _hands_over(outcomes, RequestKind.DISCLOSURE)
            else ()
        ),
        provision_records=(
            tuple(provisions.kept_in(session, customer.customer_no, today) if customer else ())
            if kind.carries_data and _hands_over(outcomes, RequestKind.THIRD_PARTY_RECORDS)
            else None
        ),
        new_due_date=case.extended_due_on if kind is LetterKind.EXTENSION else None,
        extension_reason=case.extension_reason if kind is LetterKind.EXTENSION else "",
        masked_numbers_note=kind is LetterKind.DEFICIENCY
        and document_store.any_masked(session, case.id),
        expected_reply_by=(
            deadline_of(case, today).due_on if kind is LetterKind.ACKNOWLEDGEMENT else None
        ),
    )
    return data, source, snapshot_id if kind.carries_data else 0


def paper_of(ctx: ServiceContext) -> Paper:
    """The company's window envelope and its shift, from the settings."""
    s = ctx.settings
    return Paper.named(s.envelope, s.envelope_shift_x_mm, s.envelope_shift_y_mm)


def render_case_letter(ctx: ServiceContext, case_id: int, kind: LetterKind) -> bytes:
    """A preview of the letter as it would be issued today; nothing is stored."""
    return render_letter(letter_data(ctx, case_id, kind), paper=paper_of(ctx))
