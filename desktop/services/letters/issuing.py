"""Issuing a letter: rendered once from the case as it stands, stored encrypted; a second issue
is a correction (version n+1 with a reason, the old version superseded)."""

from __future__ import annotations

import logging
from dataclasses import replace

from desktop.domain.errors import InvalidInput, KnownError
from desktop.domain.letters import document_number
from desktop.domain.personal_numbers import refuse_personal_numbers
from desktop.domain.roles import Permission
from desktop.domain.sealing import letter_key
from desktop.domain.status import CaseStatus
from desktop.letters import LetterKind, Replaced, render_letter, template_version
from desktop.services import documents, retained
from desktop.services.cases import CaseNotFound
from desktop.services.changes import Changes
from desktop.services.context import CurrentUser, ServiceContext
from desktop.services.letters.content import letter_data_with_snapshot, paper_of
from desktop.services.letters.stored import StoredLetter, addressee_json, stored
from desktop.store import audit
from desktop.store import cases as case_store
from desktop.store import letters as letter_store
from desktop.store.db import Session, unit_of_work
from desktop.store.letter_models import Letter

log = logging.getLogger("kaiji.services.letters")


class LetterAlreadyIssued(KnownError):
    def __init__(self, reference: str, version: int) -> None:
        super().__init__(
            f"案件 {reference} のこの通知書は発行済みです（第{version}版）。"
            "作り直すには訂正の理由を入力してください。",
            f"This letter of case {reference} was already issued (version {version}). "
            "Enter the reason for a correction to issue a new version.",
        )


def _check_issuable(session: Session, case_id: int, kind: LetterKind) -> None:
    case = case_store.case_by_id(session, case_id)
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


def _replaced(previous: Letter | None, reason: str) -> Replaced | None:
    """What a corrected version says about the letter it replaces (訂正版)."""
    if previous is None:
        return None
    # Letters issued before numbering was introduced fall back to their case and version.
    number = previous.document_number or f"{previous.case_id}-{previous.kind}-{previous.version}"
    return Replaced(number, previous.letter_date, reason)


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
        case = case_store.lock(session, case_id)
        if case is None:
            raise CaseNotFound(case_id)
        _check_issuable(session, case_id, kind)
        data, source, snapshot_id = letter_data_with_snapshot(ctx, session, case_id, kind)
        now = ctx.clock.now()
        previous = letter_store.current(session, case_id, kind.value)
        if previous is not None and not reason:
            raise LetterAlreadyIssued(case.reference, previous.version)
        version = letter_store.next_version(session, case_id, kind.value)
        serial = letter_store.next_number(session, kind.number_series, data.letter_date.year)
        number = document_number(kind.number_series, data.letter_date.year, serial)
        data = replace(data, document_number=number, replaces=_replaced(previous, reason))
        key = letter_key(case.reference, kind.value, version)
        pdf = render_letter(data, paper=paper_of(ctx), key=key)
        blob, digest = documents.cipher(ctx).seal(pdf)
        letter = Letter(
            case_id=case_id,
            kind=kind.value,
            version=version,
            language=data.language,
            template_version=template_version(kind, data.language),
            sha256=digest,
            blob=blob,
            letter_date=data.letter_date,
            addressee=addressee_json(data.addressee, source),
            correction_reason=reason if previous is not None else "",
            document_number=number,
            created_by=actor.user_id,
            created_at=now,
        )
        reference = case.reference  # a failed flush expires the objects
        if not letter_store.add(session, letter):  # the same version issued elsewhere just now
            raise LetterAlreadyIssued(reference, version)
        if previous is not None:
            previous.superseded_by = letter.id
        if snapshot_id:
            withheld = tuple(line for o in data.outcomes for line in o.withheld)
            retained.freeze_for_letter(
                ctx, session, letter.id, snapshot_id, data.disclosed, withheld
            )
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
                "document_number": number,
                "template_version": letter.template_version,
                "sha256": digest,
                "addressee_source": source,
                **({"reason": reason, "supersedes": previous.id} if previous else {}),
            },
            now=now,
        )
        result = stored(letter, case.reference, Changes(cases=frozenset({case_id})))
    log.info("case %s: letter %s version %s issued", case_id, kind.value, result.version)
    return result
