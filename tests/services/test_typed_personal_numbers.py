"""A My Number typed by staff is refused with a message and never reaches the database or the
audit log, wherever a person's text enters."""

from __future__ import annotations

import json
import unicodedata
from datetime import date

import pytest
from sqlalchemy import select

from desktop.domain.documents import DocumentKind, FieldName
from desktop.domain.personal_numbers import PersonalNumberRefused
from desktop.domain.reasons import Reason, ReasonGround
from desktop.domain.status import CaseStatus
from desktop.domain.verification.findings import Severity
from desktop.services import cases, documents, letters, reasons, verification
from desktop.services.context import ServiceContext
from desktop.store.db import unit_of_work
from desktop.store.models import AuditEvent, Case, Document
from tests.conftest import Staff, both_databases
from tests.factories import envelope
from tests.services.test_documents import _page

MY_NUMBER = "502228208731"
TYPED = (
    "5022 2820 8731",
    "５０２２　２８２０　８７３１",
    "5022-2820-8731",
    f"個人番号 {MY_NUMBER}",
)


def _stored_text(ctx: ServiceContext) -> str:
    """Every audit event and every case and page as one NFKC text, to search for the number."""
    with unit_of_work(ctx.sessions) as session:
        events = [e.changes for e in session.scalars(select(AuditEvent))]
        rows = [
            [c.note, c.sender_name, c.sender_address, c.extension_reason]
            for c in session.scalars(select(Case))
        ] + [[d.fields, d.ocr_text] for d in session.scalars(select(Document))]
    text = json.dumps([events, rows], ensure_ascii=False, default=str)
    return unicodedata.normalize("NFKC", text).replace(" ", "").replace("-", "")


def _refused(call: object) -> None:
    with pytest.raises(PersonalNumberRefused) as refused:
        call()  # type: ignore[operator]
    assert "個人番号" in refused.value.message_ja
    assert "My Number" in refused.value.message_en


@both_databases
def test_typed_my_numbers_are_refused_and_never_stored(ctx: ServiceContext, staff: Staff) -> None:
    case_id = cases.log_envelope(ctx, staff.clerk, envelope()).case_id
    (document_id,) = documents.add_pages(ctx, staff.clerk, case_id, [_page()]).document_ids
    version = cases.get_case(ctx, case_id).version
    for typed in TYPED:
        _refused(
            lambda typed=typed: documents.correct_field(
                ctx, staff.clerk, document_id, 1, FieldName.NUMBER, typed
            )
        )
        _refused(
            lambda typed=typed: documents.correct_field(
                ctx, staff.clerk, document_id, 1, FieldName.ADDRESS, typed
            )
        )
        _refused(
            lambda typed=typed: cases.update_case(
                ctx, staff.clerk, case_id, version, {"note": typed}
            )
        )
        _refused(lambda typed=typed: cases.log_envelope(ctx, staff.clerk, envelope(2, note=typed)))
        _refused(
            lambda typed=typed: cases.extend_deadline(
                ctx, staff.clerk, case_id, version, typed, date(2026, 12, 30)
            )
        )
        _refused(
            lambda typed=typed: cases.change_status(
                ctx, staff.clerk, case_id, version, CaseStatus.WITHDRAWN, typed
            )
        )
        _refused(
            lambda typed=typed: letters.change_addressee(
                ctx,
                staff.clerk,
                case_id,
                postal_code="160-0023",
                address="東京都新宿区西新宿二丁目8番1号",
                name="山田 太郎",
                reason=typed,
                approved_by=staff.supervisor,
            )
        )
        _refused(
            lambda typed=typed: reasons.add_reason(
                ctx,
                staff.admin,
                Reason(
                    code="typed_number",
                    ground=ReasonGround.OTHER_LAW,
                    legal_basis_ja="第33条",
                    legal_basis_en="Art. 33",
                    title_ja="題",
                    title_en="Title",
                    letter_ja=typed,
                    letter_en="Text",
                ),
            )
        )
        _refused(
            lambda typed=typed: verification.record_form_check(
                ctx, staff.clerk, case_id, version, signed=True, complete=False, missing=typed
            )
        )
        _refused(
            lambda typed=typed: verification.override_finding(
                ctx, staff.clerk, case_id, version, "form_signed", Severity.OK, typed
            )
        )
    assert MY_NUMBER not in _stored_text(ctx)
    assert cases.get_case(ctx, case_id).version == version
    assert documents.get_document(ctx, staff.clerk, document_id).version == 1


def test_a_licence_number_is_kept_in_the_licence_number_field(
    ctx: ServiceContext, staff: Staff
) -> None:
    # 100000000064 passes the licence check as well as the My Number check.
    case_id = cases.log_envelope(ctx, staff.clerk, envelope()).case_id
    (document_id,) = documents.add_pages(ctx, staff.clerk, case_id, [_page()]).document_ids
    documents.correct_field(ctx, staff.clerk, document_id, 1, FieldName.NUMBER, "100000000064")
    assert documents.get_document(ctx, staff.clerk, document_id).fields[FieldName.NUMBER].value == (
        "100000000064"
    )
    # A My Number is refused in a licence's number field, and any number elsewhere.
    _refused(
        lambda: documents.correct_field(
            ctx, staff.clerk, document_id, 2, FieldName.NUMBER, MY_NUMBER
        )
    )
    _refused(
        lambda: documents.correct_field(
            ctx, staff.clerk, document_id, 2, FieldName.ADDRESS, "100000000064"
        )
    )
    assert (
        DocumentKind.DRIVERS_LICENSE is documents.get_document(ctx, staff.clerk, document_id).kind
    )
