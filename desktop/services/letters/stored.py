"""Issued letters as stored: immutable, read back as the same bytes every time."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from desktop.domain.errors import KnownError
from desktop.domain.roles import Permission
from desktop.letters import Addressee, LetterKind
from desktop.services import documents
from desktop.services.cases import CaseNotFound
from desktop.services.changes import Changes
from desktop.services.context import CurrentUser, ServiceContext
from desktop.store import cases as case_store
from desktop.store import letters as letter_store
from desktop.store.db import Session, read_only, unit_of_work
from desktop.store.letter_models import Letter


class LetterNotFound(KnownError):
    def __init__(self, letter_id: int) -> None:
        super().__init__(
            f"通知書（ID {letter_id}）が見つかりません。", f"Letter {letter_id} not found."
        )


class LetterSuperseded(KnownError):
    def __init__(self, version: int) -> None:
        super().__init__(
            f"この通知書（第{version}版）は訂正されています。最新の版を印刷してください。",
            f"This letter (version {version}) was corrected. Print the newest version.",
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


def addressee_json(addressee: Addressee, source: str) -> dict[str, Any]:
    return {
        "postal_code": addressee.postal_code,
        "address": addressee.address,
        "building": addressee.building,
        "name": addressee.name,
        "source": source,
    }


def addressee_from_json(value: dict[str, Any]) -> Addressee:
    return Addressee(
        str(value.get("postal_code", "")),
        str(value.get("address", "")),
        str(value.get("building", "")),
        str(value.get("name", "")),
    )


def stored(letter: Letter, reference: str, changes: Changes | None = None) -> StoredLetter:
    return StoredLetter(
        letter_id=letter.id,
        case_id=letter.case_id,
        reference=reference,
        kind=LetterKind(letter.kind),
        version=letter.version,
        language=letter.language,
        template_version=letter.template_version,
        sha256=letter.sha256,
        addressee=addressee_from_json(letter.addressee),
        created_by=letter.created_by,
        created_at=letter.created_at,
        superseded_by=letter.superseded_by,
        correction_reason=letter.correction_reason,
        changes=changes or Changes(),
    )


def load_letter(session: Session, letter_id: int) -> Letter:
    letter = letter_store.by_id(session, letter_id)
    if letter is None:
        raise LetterNotFound(letter_id)
    return letter


def letters_of_case(ctx: ServiceContext, case_id: int) -> list[StoredLetter]:
    """Every issued letter of the case, old versions included, oldest first."""
    with read_only(ctx.sessions) as session:
        case = case_store.case_by_id(session, case_id)
        if case is None:
            raise CaseNotFound(case_id)
        return letters_of_case_in(session, case_id, case.reference)


def letters_of_case_in(session: Session, case_id: int, reference: str) -> list[StoredLetter]:
    """`letters_of_case` in the caller's transaction."""
    return [stored(row, reference) for row in letter_store.of_case(session, case_id)]


def letter_pdf(ctx: ServiceContext, actor: CurrentUser, letter_id: int) -> bytes:
    """The issued PDF exactly as stored: the same bytes every time."""
    actor.require(Permission.EDIT_CASE)
    with unit_of_work(ctx.sessions) as session:
        letter = load_letter(session, letter_id)
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
