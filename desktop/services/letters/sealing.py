"""The sealing station's check (封入照合): the scanned pages and label of one envelope against
the records, by the rule of `desktop/domain/sealing.py`; every verdict, accepted or refused, is
written to the audit log."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pypdfium2

from desktop.domain.roles import Permission
from desktop.domain.sealing import (
    Destination,
    EnvelopeVerdict,
    LabelScan,
    LetterOnFile,
    PageScan,
    SlipScan,
    check_envelope,
    read_scan,
)
from desktop.matching.keys import address_key, name_key
from desktop.matching.tracking import normalize_tracking
from desktop.services import documents
from desktop.services.changes import Changes
from desktop.services.context import CurrentUser, ServiceContext
from desktop.store import audit
from desktop.store import cases as case_store
from desktop.store import letters as letter_store
from desktop.store import mail as mail_store
from desktop.store.db import Session, unit_of_work
from desktop.store.letter_models import Letter


@dataclass(frozen=True)
class SealCheck:
    """The verdict on one envelope, with the case it concerns (None when no page named one)."""

    verdict: EnvelopeVerdict
    case_id: int | None
    letter_id: int | None
    changes: Changes

    @property
    def accepted(self) -> bool:
        return self.verdict.accepted


def _letter_by_key(session: Session, key: str) -> Letter | None:
    parts = key.rsplit("/", 2)
    if len(parts) != 3 or not parts[2].isdigit():
        return None
    reference, kind, version = parts
    case = case_store.case_by_reference(session, reference)
    if case is None:
        return None
    return letter_store.by_version(session, case.id, kind, int(version))


def _addressee_key(letter: Letter) -> str:
    """Who a letter goes to, compared the way addresses and names are everywhere else."""
    value = letter.addressee
    address = f"{value.get('address', '')}{value.get('building', '')}"
    return f"{name_key(str(value.get('name', '')))}|{address_key(address)}"


def _page_count(ctx: ServiceContext, letter: Letter) -> int:
    document = pypdfium2.PdfDocument(documents.cipher(ctx).open(letter.blob, letter.sha256))
    try:
        return len(document)
    finally:
        document.close()


def _destination(session: Session, label: LabelScan | SlipScan | None) -> Destination | None:
    if isinstance(label, LabelScan):
        letter = _letter_by_key(session, label.letter)
        if letter is None:
            return None
        case = case_store.case_by_id(session, letter.case_id)
        assert case is not None  # the letter's foreign key
        return Destination(case.reference, _addressee_key(letter))
    if isinstance(label, SlipScan):
        item = mail_store.outgoing_by_number(session, normalize_tracking(label.number))
        if item is None:
            return None
        case = case_store.case_by_id(session, item.case_id)
        assert case is not None
        return Destination(case.reference, None)
    return None


def check_sealing(
    ctx: ServiceContext, actor: CurrentUser, scans: Sequence[str], label: str | None
) -> SealCheck:
    """Check one envelope: `scans` as the scanner typed each page's code, then its label or
    registered-mail slip. Accepted or refused, the verdict is audited."""
    actor.require(Permission.EDIT_CASE)
    pages = [scan for scan in map(read_scan, scans) if isinstance(scan, PageScan)]
    label_scan = read_scan(label) if label else None
    if isinstance(label_scan, PageScan):
        label_scan = None
    now = ctx.clock.now()
    with unit_of_work(ctx.sessions) as session:
        letter = _letter_by_key(session, pages[0].letter) if pages else None
        on_file = None
        if letter is not None:
            current = letter.superseded_by is None
            on_file = LetterOnFile(
                key=pages[0].letter,
                pages=_page_count(ctx, letter) if current else None,
                addressee=_addressee_key(letter),
            )
        verdict = check_envelope(pages, on_file, label_scan, _destination(session, label_scan))
        case_id = letter.case_id if letter is not None else None
        audit.record(
            session,
            actor.actor,
            "envelope_sealed" if verdict.accepted else "envelope_refused",
            entity="letter",
            entity_id=letter.id if letter is not None else None,
            case_id=case_id,
            changes={
                "letter": verdict.letter,
                "pages": [f"{p.letter} {p.page}/{p.pages}" for p in pages],
                "label": (label or "").strip(),
                "problems": [f.problem.value for f in verdict.findings],
                **(
                    {"details": [f.message_en for f in verdict.findings]}
                    if verdict.findings
                    else {}
                ),
            },
            now=now,
        )
        letter_id = letter.id if letter is not None else None
    changes = Changes(cases=frozenset({case_id})) if case_id is not None else Changes()
    return SealCheck(verdict, case_id, letter_id, changes)
