"""Pages of a case: stored encrypted, every view audited, corrections keep the OCR reading."""

from __future__ import annotations

import io
import json

import pytest
from PIL import Image, ImageDraw
from sqlalchemy import select

from desktop.domain.documents import DocumentKind, FieldName
from desktop.services import cases, documents
from desktop.services.context import ServiceContext
from desktop.services.documents import DocumentConflict, PageToStore
from desktop.store import payloads
from desktop.store.db import unit_of_work
from desktop.store.models import AuditEvent, Document
from tests.conftest import Staff
from tests.factories import envelope


def _png(label: str) -> bytes:
    image = Image.new("L", (400, 250), 255)
    ImageDraw.Draw(image).text((20, 20), label, fill=0)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _page(label: str = "licence", text: str = "運転免許証 山田太郎") -> PageToStore:
    return PageToStore(
        source_name="scan_001.pdf",
        source_page=1,
        dpi=300,
        kind=DocumentKind.DRIVERS_LICENSE,
        kind_confidence=0.9,
        image_data=_png(label),
        width=400,
        height=250,
        text=text,
        fields={
            "name": {"value": "山田 太郎", "confidence": 0.93, "box": [10, 10, 200, 40]},
            "number": {"value": "301234567890", "confidence": 0.88, "box": [10, 60, 200, 90]},
        },
        extras={},
        masked=[],
        warnings=[],
    )


def _events(ctx: ServiceContext, action: str) -> list[AuditEvent]:
    with unit_of_work(ctx.sessions) as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


@pytest.fixture
def case_id(ctx: ServiceContext, staff: Staff) -> int:
    return cases.log_envelope(ctx, staff.clerk, envelope()).case_id


def test_added_pages_are_listed_in_order_with_their_fields(
    ctx: ServiceContext, staff: Staff, case_id: int
) -> None:
    added = documents.add_pages(ctx, staff.clerk, case_id, [_page("one"), _page("two")])
    listed = documents.list_documents(ctx, staff.clerk, case_id)
    assert [d.document_id for d in listed] == list(added.document_ids)
    assert [d.position for d in listed] == [1, 2]
    first = listed[0]
    assert first.kind is DocumentKind.DRIVERS_LICENSE
    assert first.fields[FieldName.NAME].value == "山田 太郎"
    assert first.fields[FieldName.NAME].box == (10, 10, 200, 40)
    assert first.fields[FieldName.BIRTH_DATE].value is None
    assert first.added_by == "clerk 太郎"
    assert len(_events(ctx, "document_added")) == 2


def test_the_stored_image_is_encrypted_and_each_view_is_audited(
    ctx: ServiceContext, staff: Staff, case_id: int
) -> None:
    page = _page()
    (document_id,) = documents.add_pages(ctx, staff.clerk, case_id, [page]).document_ids
    with unit_of_work(ctx.sessions) as session:
        stored = session.get(Document, document_id)
        assert stored is not None
        assert stored.image is not None
        assert page.image_data not in stored.image
        assert b"IHDR" not in stored.image
    assert documents.view_page(ctx, staff.supervisor, document_id) == page.image_data
    documents.view_page(ctx, staff.clerk, document_id)
    views = _events(ctx, "document_viewed")
    assert [(v.actor_name, v.entity_id, v.case_id) for v in views] == [
        ("supervisor", document_id, case_id),
        ("clerk", document_id, case_id),
    ]


def test_twelve_digit_runs_never_reach_the_stored_text(
    ctx: ServiceContext, staff: Staff, case_id: int
) -> None:
    page = _page(text="個人番号 1234 5678 9018 氏名 山田太郎")
    documents.add_pages(ctx, staff.clerk, case_id, [page])
    with unit_of_work(ctx.sessions) as session:
        (stored,) = session.scalars(select(Document))
        assert "9018" not in stored.ocr_text
        assert "山田太郎" in stored.ocr_text


def test_a_correction_keeps_the_ocr_reading_in_the_row_and_the_audit_log(
    ctx: ServiceContext, staff: Staff, case_id: int
) -> None:
    (document_id,) = documents.add_pages(ctx, staff.clerk, case_id, [_page()]).document_ids
    (before,) = documents.list_documents(ctx, staff.clerk, case_id)
    documents.correct_field(
        ctx, staff.clerk, document_id, before.version, FieldName.NAME, "山田 太朗"
    )
    (after,) = documents.list_documents(ctx, staff.clerk, case_id)
    name = after.fields[FieldName.NAME]
    assert (name.value, name.ocr_value, name.corrected) == ("山田 太朗", "山田 太郎", True)
    (event,) = _events(ctx, "document_field_corrected")
    assert "山田" not in json.dumps(event.changes, ensure_ascii=False)  # sealed for the page
    with unit_of_work(ctx.sessions) as session:
        row = session.get(Document, document_id)
        assert row is not None
        logged = payloads.open_values(row, event.changes)
    assert logged == {"before": "山田 太郎", "after": "山田 太朗", "ocr_value": "山田 太郎"}


def test_a_stale_copy_cannot_overwrite_another_workstations_change(
    ctx: ServiceContext, staff: Staff, case_id: int
) -> None:
    (document_id,) = documents.add_pages(ctx, staff.clerk, case_id, [_page()]).document_ids
    (copy,) = documents.list_documents(ctx, staff.clerk, case_id)
    documents.reclassify(ctx, staff.clerk2, document_id, copy.version, DocumentKind.MYNUMBER_FRONT)
    with pytest.raises(DocumentConflict):
        documents.correct_field(ctx, staff.clerk, document_id, copy.version, FieldName.NAME, "x")
    (fresh,) = documents.list_documents(ctx, staff.clerk, case_id)
    assert fresh.kind is DocumentKind.MYNUMBER_FRONT
    assert fresh.fields[FieldName.NAME].value == "山田 太郎"


def test_inbox_pages_are_assigned_to_a_case_in_order(
    ctx: ServiceContext, staff: Staff, case_id: int
) -> None:
    documents.add_pages(ctx, staff.clerk, case_id, [_page("already")])
    added = documents.add_pages(ctx, staff.clerk, None, [_page("a"), _page("b")])
    assert [d.document_id for d in documents.list_documents(ctx, staff.clerk, None)] == list(
        added.document_ids
    )
    documents.assign_to_case(ctx, staff.clerk, list(added.document_ids), case_id)
    assert documents.list_documents(ctx, staff.clerk, None) == []
    assert [d.position for d in documents.list_documents(ctx, staff.clerk, case_id)] == [1, 2, 3]
    assert len(_events(ctx, "document_assigned")) == 2


def test_reclassify_records_whose_document_it_is(
    ctx: ServiceContext, staff: Staff, case_id: int
) -> None:
    (document_id,) = documents.add_pages(ctx, staff.clerk, case_id, [_page()]).document_ids
    (copy,) = documents.list_documents(ctx, staff.clerk, case_id)
    documents.reclassify(
        ctx, staff.clerk, document_id, copy.version, DocumentKind.DRIVERS_LICENSE, holder="agent"
    )
    (after,) = documents.list_documents(ctx, staff.clerk, case_id)
    assert after.holder == "agent"
    (event,) = _events(ctx, "document_reclassified")
    assert event.changes == {"holder": {"before": "principal", "after": "agent"}}
