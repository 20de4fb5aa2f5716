"""Every read of personal data is audited: an issued letter opened, the values read from pages
listed or shown — who, when, which."""

from __future__ import annotations

from sqlalchemy import select

from desktop.services import cases, documents, letters
from desktop.services.context import ServiceContext
from desktop.store.db import unit_of_work
from desktop.store.models import AuditEvent
from tests.conftest import Staff, both_databases
from tests.factories import envelope
from tests.services.test_backup import _case_with_pages_and_letters, _page


def _events(ctx: ServiceContext, action: str) -> list[AuditEvent]:
    with unit_of_work(ctx.sessions) as session:
        return list(
            session.scalars(
                select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.seq)
            )
        )


@both_databases
def test_opening_an_issued_letter_is_audited(ctx: ServiceContext, staff: Staff) -> None:
    case_id = _case_with_pages_and_letters(ctx, staff)
    (first, *_) = letters.letters_of_case(ctx, case_id)
    before = len(_events(ctx, "letter_viewed"))

    letters.letter_pdf(ctx, staff.clerk2, first.letter_id)

    viewed = _events(ctx, "letter_viewed")[before:]
    assert [(e.actor_name, e.entity_id, e.case_id) for e in viewed] == [
        ("clerk2", first.letter_id, case_id)
    ]


@both_databases
def test_listing_or_showing_what_was_read_from_pages_is_audited(
    ctx: ServiceContext, staff: Staff
) -> None:
    case_id = cases.log_envelope(ctx, staff.clerk, envelope(1)).case_id
    ids = documents.add_pages(ctx, staff.clerk, case_id, [_page("a"), _page("b")]).document_ids

    listed = documents.list_documents(ctx, staff.clerk2, case_id)
    shown = documents.get_document(ctx, staff.supervisor, ids[1])

    assert [d.document_id for d in listed] == list(ids)
    assert shown.document_id == ids[1]
    reads = [
        (e.actor_name, e.case_id, e.changes["documents"])
        for e in _events(ctx, "document_fields_read")
    ]
    assert reads == [("clerk2", case_id, list(ids)), ("supervisor", case_id, [ids[1]])]
