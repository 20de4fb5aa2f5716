"""The sealing check against the records: the pages and label of a real issued letter are
accepted; another letter's page, a missing page and another case's label are refused, and every
verdict is in the audit log."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
import pytest
import zxingcpp
from sqlalchemy import select

from desktop.config import Settings
from desktop.domain.sealing import Problem
from desktop.domain.status import CaseStatus
from desktop.letters import LetterKind
from desktop.services import cases, demo, letters
from desktop.services.context import ServiceContext
from desktop.store.db import unit_of_work
from desktop.store.models import AuditEvent
from tests.conftest import Staff, both_databases, with_test_key
from tests.factories import envelope
from tests.services.test_letters import _approved_case
from tests.workflow import advance


@pytest.fixture
def settings(paths: object, key_file: Path) -> Settings:
    return with_test_key(demo.demo_settings(Settings(paths=paths)), key_file)  # type: ignore[arg-type]


def _codes(pdf: bytes) -> list[str]:
    """Each page's code as a hand scanner would read it off the printed page."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        codes = []
        for page in document:
            image = page.render(scale=200 / 72).to_pil()
            corner = image.crop((image.width // 2, image.height * 9 // 10, *image.size))
            codes.extend(code.text for code in zxingcpp.read_barcodes(corner))
        return codes
    finally:
        document.close()


def _label_code(ctx: ServiceContext, letter_id: int) -> str:
    document = pypdfium2.PdfDocument(letters.labels_pdf(ctx, [letter_id]))
    try:
        image = document[0].render(scale=300 / 72).to_pil()
    finally:
        document.close()
    [code] = zxingcpp.read_barcodes(image)
    return code.text


def _issued(ctx: ServiceContext, staff: Staff, serial: int) -> letters.StoredLetter:
    """A disclosure letter; the first case's customer is linked, so it has an annex page."""
    if serial == 1:
        case_id = _approved_case(ctx, staff)
    else:
        case_id = cases.log_envelope(ctx, staff.clerk, envelope(serial)).case_id
        advance(ctx, staff, case_id, CaseStatus.APPROVED)
    return letters.issue_letter(ctx, staff.clerk, case_id, LetterKind.DISCLOSURE)


def _events(ctx: ServiceContext) -> list[AuditEvent]:
    with unit_of_work(ctx.sessions) as session:
        query = select(AuditEvent).where(
            AuditEvent.action.in_(("envelope_sealed", "envelope_refused"))
        )
        return list(session.scalars(query.order_by(AuditEvent.id)))


@both_databases
def test_the_right_envelope_is_accepted_and_the_wrong_ones_refused_and_audited(
    ctx: ServiceContext, staff: Staff
) -> None:
    mine = _issued(ctx, staff, 1)
    other = _issued(ctx, staff, 2)
    pages = _codes(letters.letter_pdf(ctx, staff.clerk, mine.letter_id))
    other_pages = _codes(letters.letter_pdf(ctx, staff.clerk, other.letter_id))
    label = _label_code(ctx, mine.letter_id)
    other_label = _label_code(ctx, other.letter_id)
    assert len(pages) >= 2  # the letter and its annex
    assert all(f"{mine.reference}/disclosure/1" in code for code in pages)

    accepted = letters.check_sealing(ctx, staff.clerk, list(reversed(pages)), label)
    assert accepted.accepted
    assert accepted.case_id == mine.case_id

    foreign = letters.check_sealing(ctx, staff.clerk, [*pages, other_pages[0]], label)
    missing = letters.check_sealing(ctx, staff.clerk, pages[:-1], label)
    wrong_label = letters.check_sealing(ctx, staff.clerk, pages, other_label)
    assert [f.problem for f in foreign.verdict.findings] == [Problem.FOREIGN_PAGE]
    assert [f.problem for f in missing.verdict.findings] == [Problem.MISSING_PAGE]
    assert [f.problem for f in wrong_label.verdict.findings] == [Problem.FOREIGN_LABEL]
    assert "封入しないでください" in wrong_label.verdict.findings[0].message_ja
    assert "Do not seal" in wrong_label.verdict.findings[0].message_en

    events = _events(ctx)
    assert [e.action for e in events] == [
        "envelope_sealed",
        "envelope_refused",
        "envelope_refused",
        "envelope_refused",
    ]
    assert all(e.case_id == mine.case_id for e in events)
    assert events[1].changes["problems"] == ["foreign_page"]
    assert events[2].changes["problems"] == ["missing_page"]
    assert events[3].changes["problems"] == ["foreign_label"]
    assert events[3].changes["label"] == other_label


def test_a_page_of_a_superseded_version_is_refused(ctx: ServiceContext, staff: Staff) -> None:
    first = _issued(ctx, staff, 1)
    old_pages = _codes(letters.letter_pdf(ctx, staff.clerk, first.letter_id))
    label = _label_code(ctx, first.letter_id)
    letters.issue_letter(
        ctx, staff.clerk, first.case_id, LetterKind.DISCLOSURE, correction_reason="住所の誤り"
    )
    verdict = letters.check_sealing(ctx, staff.clerk, old_pages, label).verdict
    assert Problem.NOT_ISSUED in {f.problem for f in verdict.findings}
