"""A closed or withdrawn case is read-only: every use case that changes a case refuses it with a
message, and nothing reaches the database or the audit log."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy import func, select

from desktop.domain.decisions import KindDecision
from desktop.domain.documents import DocumentKind, FieldName
from desktop.domain.errors import KnownError
from desktop.domain.letters import LetterKind
from desktop.domain.outcomes import Outcome
from desktop.domain.requests import RequestKind
from desktop.domain.status import CaseStatus
from desktop.domain.verification.evidence import SealJudgement
from desktop.services import (
    cases,
    customer_search,
    decisions,
    documents,
    letters,
    mail,
    verification,
)
from desktop.services.case_guard import CaseReadOnly
from desktop.services.context import ServiceContext
from desktop.store.db import unit_of_work
from desktop.store.models import AuditEvent
from tests.conftest import Staff, both_databases
from tests.factories import envelope, mail_number
from tests.services.test_documents import _page
from tests.workflow import advance


def _attempts(ctx: ServiceContext, staff: Staff, case_id: int) -> dict[str, Callable[[], object]]:
    """Every use case that changes a case, tried on `case_id` with its current versions."""
    version = cases.get_case(ctx, case_id).version
    check_version = verification.view(ctx, case_id).version
    (page,) = documents.list_documents(ctx, staff.clerk, case_id)[:1]
    (inbox_page,) = documents.add_pages(ctx, staff.clerk, None, [_page()]).document_ids
    clerk, supervisor = staff.clerk, staff.supervisor
    decided = [KindDecision(RequestKind.DISCLOSURE, Outcome.FULL)]
    return {
        "update_case": lambda: cases.update_case(ctx, clerk, case_id, version, {"note": "追記"}),
        "extend_deadline": lambda: cases.extend_deadline(
            ctx, clerk, case_id, version, "資料の確認に時間を要するため", date(2026, 12, 28)
        ),
        "change_status": lambda: cases.change_status(
            ctx, clerk, case_id, version, CaseStatus.VERIFYING, "再確認"
        ),
        "add_pages": lambda: documents.add_pages(ctx, clerk, case_id, [_page()]),
        "assign_to_case": lambda: documents.assign_to_case(ctx, clerk, [inbox_page], case_id),
        "correct_field": lambda: documents.correct_field(
            ctx, clerk, page.document_id, page.version, FieldName.NAME, "山田 花子"
        ),
        "reclassify": lambda: documents.reclassify(
            ctx, clerk, page.document_id, page.version, DocumentKind.RESIDENCE_CERTIFICATE
        ),
        "replace_reading": lambda: documents.replace_reading(
            ctx, clerk, page.document_id, page.version, _page(text="再読取")
        ),
        "record_form_check": lambda: verification.record_form_check(
            ctx, clerk, case_id, check_version, signed=True, complete=True
        ),
        "record_seal_judgement": lambda: verification.record_seal_judgement(
            ctx, clerk, case_id, check_version, SealJudgement.MATCHES
        ),
        "record_decisions": lambda: decisions.record_decisions(
            ctx, clerk, case_id, version, decided
        ),
        "submit_for_review": lambda: decisions.submit_for_review(ctx, clerk, case_id, version),
        "approve": lambda: decisions.approve(ctx, supervisor, case_id, version),
        "return_for_rework": lambda: decisions.return_for_rework(
            ctx, supervisor, case_id, version, "やり直し"
        ),
        "issue_letter": lambda: letters.issue_letter(
            ctx, clerk, case_id, LetterKind.EXTENSION, correction_reason="宛名の誤り"
        ),
        "issue_answer_again": lambda: letters.issue_letter(
            ctx, clerk, case_id, LetterKind.DISCLOSURE, correction_reason="宛名の誤り"
        ),
        "change_addressee": lambda: letters.change_addressee(
            ctx,
            clerk,
            case_id,
            postal_code="160-0023",
            address="東京都新宿区西新宿二丁目8番2号",
            name="山田 太郎",
            reason="転居",
            approved_by=supervisor,
        ),
        "record_outgoing": lambda: mail.record_outgoing(
            ctx,
            clerk,
            case_id,
            version,
            mail_number(90),
            date(2026, 11, 20),
            mail.MailMethod.SIMPLE_REGISTERED,
        ),
        "close_case": lambda: mail.close_case(ctx, clerk, case_id, version),
        "link_customer": lambda: customer_search.record_no_retained_data(
            ctx, clerk, case_id, version
        ),
    }


def _audit_count(ctx: ServiceContext) -> int:
    with unit_of_work(ctx.sessions) as session:
        return session.scalar(select(func.count(AuditEvent.id))) or 0


def _closed(ctx: ServiceContext, staff: Staff) -> int:
    case_id = cases.log_envelope(ctx, staff.clerk, envelope()).case_id
    documents.add_pages(ctx, staff.clerk, case_id, [_page()])
    advance(ctx, staff, case_id, CaseStatus.CLOSED)
    return case_id


def _withdrawn(ctx: ServiceContext, staff: Staff) -> int:
    case_id = cases.log_envelope(ctx, staff.clerk, envelope()).case_id
    documents.add_pages(ctx, staff.clerk, case_id, [_page()])
    advance(ctx, staff, case_id, CaseStatus.VERIFYING)
    version = cases.get_case(ctx, case_id).version
    cases.change_status(ctx, staff.clerk, case_id, version, CaseStatus.WITHDRAWN, "本人より取下げ")
    return case_id


@both_databases
@pytest.mark.parametrize("final", [_closed, _withdrawn], ids=["closed", "withdrawn"])
def test_every_change_to_a_final_case_is_refused(
    ctx: ServiceContext, staff: Staff, final: Callable[[ServiceContext, Staff], int]
) -> None:
    case_id = final(ctx, staff)
    attempts = _attempts(ctx, staff, case_id)
    before = cases.get_case(ctx, case_id)
    events = _audit_count(ctx)
    passed = []
    for name, attempt in attempts.items():
        try:
            attempt()
        except KnownError:
            continue
        passed.append(name)
    assert passed == []
    assert _audit_count(ctx) == events
    assert cases.get_case(ctx, case_id) == before


@pytest.mark.parametrize("final", [_closed, _withdrawn], ids=["closed", "withdrawn"])
def test_the_refusal_says_the_case_is_read_only(
    ctx: ServiceContext, staff: Staff, final: Callable[[ServiceContext, Staff], int]
) -> None:
    case_id = final(ctx, staff)
    attempts = _attempts(ctx, staff, case_id)
    for name in (
        "extend_deadline",
        "add_pages",
        "record_form_check",
        "change_addressee",
        "reclassify",
    ):
        with pytest.raises(CaseReadOnly) as refused:
            attempts[name]()
        assert "変更できません" in refused.value.message_ja
        assert "cannot be edited" in refused.value.message_en
