"""The print queue of approved cases and the address labels of queued letters."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop.domain.status import CaseStatus
from desktop.letters import LetterKind, render_address_labels
from desktop.services.context import ServiceContext
from desktop.services.letters.content import sender_of
from desktop.services.letters.stored import addressee_from_json, key_of, load_letter
from desktop.store import letters as letter_store
from desktop.store.db import unit_of_work


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


def print_queue(ctx: ServiceContext) -> list[QueuedLetter]:
    """Issued, never printed, current letters of approved cases, oldest first."""
    with unit_of_work(ctx.sessions) as session:
        rows = letter_store.unprinted_in_status(session, CaseStatus.APPROVED.value)
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
        letters = [load_letter(session, i) for i in letter_ids]
        addressees = [addressee_from_json(letter.addressee) for letter in letters]
        keys = [key_of(session, letter) for letter in letters]
    return render_address_labels(addressees, sender, keys)
