"""The electromagnetic disclosure package: the issued letter as an AES-256 PDF carrying the
disclosed data (data.json, CSV) frozen with it at issue, and the password on a separate sheet."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from desktop.domain.errors import InvalidInput
from desktop.domain.roles import Permission
from desktop.letters import (
    LetterData,
    LetterKind,
    disclosure_package,
    generate_password,
    password_sheet,
)
from desktop.services import documents, retained
from desktop.services.cases import CaseNotFound
from desktop.services.context import CurrentUser, ServiceContext
from desktop.services.letters.content import letter_data
from desktop.services.letters.stored import LetterSuperseded, addressee_from_json, load_letter
from desktop.store import audit
from desktop.store import cases as case_store
from desktop.store import letters as letter_store
from desktop.store.db import unit_of_work


class NoDisclosureLetter(InvalidInput):
    def __init__(self, reference: str) -> None:
        super().__init__(
            f"案件 {reference} には発行済みの開示決定通知書がありません。",
            f"Case {reference} has no issued disclosure letter.",
        )


def _require(actor: CurrentUser | None) -> None:
    if actor is not None:  # None: the command line, an administrator's shell
        actor.require(Permission.EDIT_CASE)


def data_letter_of_case(ctx: ServiceContext, case_id: int) -> int:
    """The current (not superseded) issued letter of the case that carries the data."""
    with unit_of_work(ctx.sessions) as session:
        case = case_store.case_by_id(session, case_id)
        if case is None:
            raise CaseNotFound(case_id)
        for kind in LetterKind:
            if kind.carries_data:
                letter = letter_store.current(session, case_id, kind.value)
                if letter is not None:
                    return letter.id
        raise NoDisclosureLetter(case.reference)


def disclosure_package_pdf(
    ctx: ServiceContext, actor: CurrentUser | None, letter_id: int
) -> tuple[bytes, str]:
    """The package (the issued letter, AES-256, the frozen data attached) and its new password.

    The password is not stored: print it at once with `password_sheet_pdf` and mail it apart.
    """
    _require(actor)
    password = generate_password()
    with unit_of_work(ctx.sessions) as session:
        letter = load_letter(session, letter_id)
        kind = LetterKind(letter.kind)
        if not kind.carries_data:
            raise InvalidInput(
                "電磁的記録で提供できるのは開示決定の通知書だけです。",
                "Only a disclosure letter can be provided as an electronic record.",
            )
        if letter.superseded_by is not None:
            raise LetterSuperseded(letter.version)
        case = case_store.case_by_id(session, letter.case_id)
        assert case is not None
        frozen = retained.frozen_disclosure(ctx, session, letter_id)
        pdf = documents.cipher(ctx).open(letter.blob, letter.sha256)
        reference, letter_date = case.reference, letter.letter_date
        facts = {"case_id": letter.case_id, "kind": kind, "version": letter.version}
        package = disclosure_package(
            pdf, reference, letter_date, frozen.sections if frozen else (), password
        )
        audit.record(
            session,
            actor.actor if actor is not None else audit.SYSTEM,
            "disclosure_package_made",
            entity="letter",
            entity_id=letter_id,
            case_id=letter.case_id,
            changes={**facts, "tables": len(frozen.sections) if frozen else 0},
            now=ctx.clock.now(),
        )
    return package, password


def _sheet_data(ctx: ServiceContext, letter_id: int) -> LetterData:
    with unit_of_work(ctx.sessions) as session:
        letter = load_letter(session, letter_id)
        case_id, kind = letter.case_id, LetterKind(letter.kind)
        letter_date: date = letter.letter_date
        addressee = addressee_from_json(letter.addressee)
    # The issued letter's own date and addressee, so the sheet matches the letter it opens.
    return replace(letter_data(ctx, case_id, kind), letter_date=letter_date, addressee=addressee)


def password_sheet_pdf(
    ctx: ServiceContext, actor: CurrentUser | None, letter_id: int, password: str
) -> bytes:
    """The separate sheet giving the password of the disclosure package of `letter_id`."""
    _require(actor)
    return password_sheet(_sheet_data(ctx, letter_id), password)
