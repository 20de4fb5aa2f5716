"""Letters for real cases: issued once and kept encrypted, printed with a record, corrected as a
new version, sent to the verified (or a supervisor-approved) address, disclosed as an
encrypted PDF."""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pikepdf
import pypdfium2
import pytest
from sqlalchemy import select

from desktop import cli
from desktop.config import Paths, Settings, save_settings
from desktop.domain.decisions import FeeStatus, KindDecision, ResponseMethod
from desktop.domain.errors import InvalidInput
from desktop.domain.outcomes import Outcome
from desktop.domain.requests import RequestKind
from desktop.domain.retained import Withholding
from desktop.domain.roles import PermissionDenied
from desktop.domain.status import CaseStatus
from desktop.domain.verification import deficiencies
from desktop.letters import LetterKind, template_version
from desktop.services import cases, customer_search, decisions, letters, verification
from desktop.services.context import ServiceContext
from desktop.store.db import unit_of_work
from desktop.store.letter_models import Letter
from desktop.store.models import AuditEvent, Customer, Document
from tests.conftest import Staff, both_databases, recording_sessions
from tests.factories import envelope, letterhead
from tests.letters.pdf_reading import letter_text, squash

COMPANY = "株式会社見本商事"
REGISTERED_ADDRESS = "東京都新宿区西新宿二丁目8番1号 見本ハイツ305号室"


@pytest.fixture
def settings(paths: Paths) -> Settings:
    return letterhead(paths)


def _customer(ctx: ServiceContext) -> int:
    now = datetime(2026, 11, 1, tzinfo=UTC)
    with unit_of_work(ctx.sessions) as session:
        customer = Customer(
            customer_no="C-0012345",
            name="山田 太郎",
            name_kana="ヤマダ タロウ",
            birth_date=date(1985, 1, 1),
            postal_code="1600023",
            address=REGISTERED_ADDRESS,
            phone="03-5555-0100",
            name_key="山田太郎",
            columns={"会員番号": "C-0012345", "氏名": "山田 太郎", "メール配信": "希望する"},
            created_at=now,
            updated_at=now,
        )
        session.add(customer)
        session.flush()
        return customer.id


def _decision(outcome: Outcome) -> KindDecision:
    partial = outcome is Outcome.PARTIAL
    return KindDecision(
        kind=RequestKind.DISCLOSURE,
        outcome=outcome,
        reason_codes=("harm_to_person",) if partial else (),
        detail="第三者に関する記載部分" if partial else "",
        method=ResponseMethod.PAPER,
        fee_status=FeeStatus.PAID,
        withheld=(Withholding("registry/メール配信", "harm_to_person"),) if partial else (),
    )


def _approved_case(ctx: ServiceContext, staff: Staff, outcome: Outcome = Outcome.FULL) -> int:
    case_id = cases.log_envelope(ctx, staff.clerk, envelope()).case_id
    version = cases.get_case(ctx, case_id).version
    customer_search.link_customer(ctx, staff.clerk, case_id, version, _customer(ctx))
    version = cases.get_case(ctx, case_id).version
    cases.change_status(ctx, staff.clerk, case_id, version, CaseStatus.VERIFYING)
    version = cases.get_case(ctx, case_id).version
    decided, _ = decisions.record_decisions(
        ctx, staff.clerk, case_id, version, [_decision(outcome)]
    )
    submitted, _ = decisions.submit_for_review(ctx, staff.clerk, case_id, decided.version)
    decisions.approve(ctx, staff.supervisor, case_id, submitted.version)
    return case_id


def _events(ctx: ServiceContext, action: str) -> list[AuditEvent]:
    with unit_of_work(ctx.sessions) as session:
        rows = session.scalars(select(AuditEvent).where(AuditEvent.action == action))
        return list(rows)


def test_issued_letter_is_stored_encrypted_and_reads_back_the_same(
    ctx: ServiceContext, staff: Staff
) -> None:
    case_id = _approved_case(ctx, staff)
    issued = letters.issue_letter(ctx, staff.clerk, case_id, LetterKind.DISCLOSURE)

    pdf = letters.letter_pdf(ctx, staff.clerk, issued.letter_id)
    assert letters.letter_pdf(ctx, staff.clerk2, issued.letter_id) == pdf
    text = letter_text(pdf)
    assert issued.reference in text
    assert "山田太郎様" in text
    assert squash(REGISTERED_ADDRESS) in text
    assert COMPANY in text
    assert "希望する" in text  # the registered data is disclosed in the annex
    assert issued.sha256 == hashlib.sha256(pdf).hexdigest()
    assert (issued.version, issued.template_version) == (
        1,
        template_version(LetterKind.DISCLOSURE),
    )
    with unit_of_work(ctx.sessions) as session:
        stored = session.get(Letter, issued.letter_id)
        assert stored is not None
        assert b"%PDF" not in stored.blob
    [event] = _events(ctx, "letter_issued")
    assert event.changes["sha256"] == issued.sha256


def test_issuing_again_needs_a_correction_reason_and_makes_version_two(
    ctx: ServiceContext, staff: Staff
) -> None:
    case_id = _approved_case(ctx, staff)
    first = letters.issue_letter(ctx, staff.clerk, case_id, LetterKind.DISCLOSURE)
    with pytest.raises(letters.LetterAlreadyIssued):
        letters.issue_letter(ctx, staff.clerk, case_id, LetterKind.DISCLOSURE)

    second = letters.issue_letter(
        ctx, staff.clerk, case_id, LetterKind.DISCLOSURE, correction_reason="宛名の誤記"
    )

    assert second.version == 2
    assert second.correction_reason == "宛名の誤記"
    versions = letters.letters_of_case(ctx, case_id)
    assert [(s.version, s.superseded_by) for s in versions] == [(1, second.letter_id), (2, None)]
    [event] = _events(ctx, "letter_corrected")
    assert event.changes["reason"] == "宛名の誤記"
    assert event.changes["supersedes"] == first.letter_id
    with pytest.raises(letters.LetterSuperseded):
        letters.record_print(ctx, staff.clerk, first.letter_id, "PDF")


def test_answer_letter_waits_for_approval(ctx: ServiceContext, staff: Staff) -> None:
    case_id = cases.log_envelope(ctx, staff.clerk, envelope()).case_id
    cases.change_status(
        ctx, staff.clerk, case_id, cases.get_case(ctx, case_id).version, CaseStatus.VERIFYING
    )
    version = cases.get_case(ctx, case_id).version
    decisions.record_decisions(ctx, staff.clerk, case_id, version, [_decision(Outcome.FULL)])
    with pytest.raises(InvalidInput, match="approved"):
        letters.issue_letter(ctx, staff.clerk, case_id, LetterKind.DISCLOSURE)


def test_partial_disclosure_states_the_reason(ctx: ServiceContext, staff: Staff) -> None:
    case_id = _approved_case(ctx, staff, Outcome.PARTIAL)
    text = letter_text(letters.render_case_letter(ctx, case_id, LetterKind.PARTIAL_DISCLOSURE))
    assert "第三者に関する記載部分" in text
    assert "害するおそれがあるためです" in text  # the reason's letter wording
    assert "メール配信（顧客台帳）" in text  # the withheld item by name
    assert "希望する" not in text  # and not its value
    with pytest.raises(letters.NoDecisionForLetter):
        letters.render_case_letter(ctx, case_id, LetterKind.NON_DISCLOSURE)


def test_print_records_and_reprint_needs_a_reason(ctx: ServiceContext, staff: Staff) -> None:
    case_id = _approved_case(ctx, staff)
    issued = letters.issue_letter(ctx, staff.clerk, case_id, LetterKind.DISCLOSURE)
    assert [q.letter_id for q in letters.print_queue(ctx)] == [issued.letter_id]

    first = letters.record_print(ctx, staff.clerk, issued.letter_id, "Office-MFP-2F")

    assert (first.printer, first.printed_by, first.reprint) == (
        "Office-MFP-2F",
        staff.clerk.user_id,
        False,
    )
    assert (first.sha256, first.template_version) == (issued.sha256, issued.template_version)
    assert first.printed_at == ctx.clock.now()
    assert first.case_status is CaseStatus.LETTER_PRINTED
    assert cases.get_case(ctx, case_id).status is CaseStatus.LETTER_PRINTED
    assert letters.print_queue(ctx) == []

    with pytest.raises(letters.ReprintReasonRequired):
        letters.record_print(ctx, staff.clerk, issued.letter_id, "Office-MFP-2F", "  ")
    again = letters.record_print(ctx, staff.clerk2, issued.letter_id, "PDF", "紙詰まり")
    assert again.reprint
    [event] = _events(ctx, "letter_reprinted")
    assert (event.actor_name, event.changes["reason"]) == ("clerk2", "紙詰まり")


def test_deficiency_letter_asks_for_what_verification_found_missing(
    ctx: ServiceContext, staff: Staff
) -> None:
    case_id = cases.log_envelope(ctx, staff.clerk, envelope()).case_id
    wanted = deficiencies(verification.view(ctx, case_id).findings)
    assert wanted  # no identity document was enclosed

    text = letter_text(letters.render_case_letter(ctx, case_id, LetterKind.DEFICIENCY))

    assert "ご請求書類の補正のお願い" in text
    for deficiency in wanted:
        assert squash(deficiency.text_ja) in text


def test_issuing_a_letter_is_one_transaction(ctx: ServiceContext, staff: Staff) -> None:
    """Checks, the decisions, verification, the addressee and the stored letter are read and
    written in one unit of work, so the letter matches one state of the case."""
    approved = _approved_case(ctx, staff)
    incomplete = cases.log_envelope(ctx, staff.clerk, envelope(2)).case_id
    counted, opened = recording_sessions(ctx)

    letters.issue_letter(counted, staff.clerk, approved, LetterKind.DISCLOSURE)
    assert len(opened) == 1
    letters.issue_letter(counted, staff.clerk, incomplete, LetterKind.DEFICIENCY)
    assert len(opened) == 2


def test_queued_letters_print_as_one_job(ctx: ServiceContext, staff: Staff) -> None:
    one = letters.issue_letter(ctx, staff.clerk, _approved_case(ctx, staff), LetterKind.DISCLOSURE)
    pages = len(pypdfium2.PdfDocument(letters.letter_pdf(ctx, staff.clerk, one.letter_id)))
    ack_case = cases.log_envelope(ctx, staff.clerk, envelope(2)).case_id
    ack = letters.issue_letter(ctx, staff.clerk, ack_case, LetterKind.ACKNOWLEDGEMENT)

    job = letters.letters_pdf(ctx, staff.clerk, [one.letter_id, ack.letter_id])

    document = pypdfium2.PdfDocument(job)
    assert len(document) == pages + 1
    last = squash(document[len(document) - 1].get_textpage().get_text_range())
    assert ack.reference in last
    document.close()


def test_letter_goes_to_the_form_address_when_nothing_is_verified(
    ctx: ServiceContext, staff: Staff
) -> None:
    case_id = cases.log_envelope(ctx, staff.clerk, envelope()).case_id
    text = letter_text(letters.render_case_letter(ctx, case_id, LetterKind.ACKNOWLEDGEMENT))
    assert "東京都新宿区西新宿二丁目8番1号" in text
    assert "山田太郎様" in text


def test_address_policy_chooses_the_registered_or_the_id_address(
    ctx: ServiceContext, staff: Staff
) -> None:
    case_id = _approved_case(ctx, staff)
    id_address = "神奈川県横浜市西区みなとみらい二丁目3番1号"
    with unit_of_work(ctx.sessions) as session:
        session.add(
            Document(
                case_id=case_id,
                position=1,
                kind="drivers_license",
                holder="principal",
                sha256="0" * 64,
                width=1000,
                height=630,
                fields={
                    "name": {"value": "山田 太郎"},
                    "address": {"value": id_address},
                    "postal_code": {"value": "220-0012"},
                },
                added_by=staff.clerk.user_id,
                added_at=ctx.clock.now(),
            )
        )
    by_id = replace(ctx, settings=replace(ctx.settings, letter_address_policy="id"))

    registered = letter_text(letters.render_case_letter(ctx, case_id, LetterKind.DISCLOSURE))
    on_the_id = letter_text(letters.render_case_letter(by_id, case_id, LetterKind.DISCLOSURE))

    assert squash(REGISTERED_ADDRESS) in registered
    assert id_address not in registered
    assert id_address in on_the_id
    assert "220-0012" in on_the_id


def test_changing_the_addressee_needs_a_supervisor_and_a_reason(
    ctx: ServiceContext, staff: Staff
) -> None:
    case_id = _approved_case(ctx, staff)
    new_address = {
        "postal_code": "5300001",
        "address": "大阪府大阪市北区梅田一丁目1番1号",
        "name": "山田 太郎",
    }
    with pytest.raises(PermissionDenied):
        letters.change_addressee(
            ctx, staff.clerk, case_id, reason="転居", approved_by=staff.clerk2, **new_address
        )
    with pytest.raises(InvalidInput):
        letters.change_addressee(
            ctx, staff.clerk, case_id, reason=" ", approved_by=staff.supervisor, **new_address
        )

    letters.change_addressee(
        ctx,
        staff.clerk,
        case_id,
        reason="転居の届出あり",
        approved_by=staff.supervisor,
        **new_address,
    )

    issued = letters.issue_letter(ctx, staff.clerk, case_id, LetterKind.DISCLOSURE)
    text = letter_text(letters.letter_pdf(ctx, staff.clerk, issued.letter_id))
    assert "530-0001" in text
    assert "大阪府大阪市北区梅田一丁目1番1号" in text
    assert squash(REGISTERED_ADDRESS) not in text
    [event] = _events(ctx, "addressee_changed")
    assert event.changes["reason"] == "転居の届出あり"
    assert event.changes["approved_by"] == "supervisor"
    assert event.changes["before"]["source"] == "registered"
    labels = letter_text(letters.labels_pdf(ctx, [issued.letter_id]))
    assert "大阪府大阪市北区梅田一丁目1番1号" in labels


def test_extension_notice_gives_the_new_date_and_reason(ctx: ServiceContext, staff: Staff) -> None:
    case_id = cases.log_envelope(ctx, staff.clerk, envelope()).case_id
    version = cases.get_case(ctx, case_id).version
    cases.extend_deadline(
        ctx, staff.clerk, case_id, version, "記録が複数の部署にまたがるため", date(2026, 12, 16)
    )
    issued = letters.issue_letter(ctx, staff.clerk, case_id, LetterKind.EXTENSION)
    text = letter_text(letters.letter_pdf(ctx, staff.clerk, issued.letter_id))
    assert "記録が複数の部署にまたがるため" in text
    assert "令和8年12月16日" in text


def test_electronic_disclosure_pdf_with_a_password_on_a_separate_sheet(
    ctx: ServiceContext, staff: Staff
) -> None:
    case_id = _approved_case(ctx, staff)
    issued = letters.issue_letter(ctx, staff.clerk, case_id, LetterKind.DISCLOSURE)

    package, password = letters.disclosure_package_pdf(ctx, staff.clerk, issued.letter_id)

    with pytest.raises(pypdfium2.PdfiumError):
        pypdfium2.PdfDocument(package)
    with pikepdf.open(io.BytesIO(package), password=password) as pdf:
        files = {name: spec.get_file().read_bytes() for name, spec in pdf.attachments.items()}
    data = json.loads(files["data.json"].decode("utf-8"))
    csv_text = files[next(n for n in files if n.endswith(".csv"))].decode("utf-8-sig")
    assert data["reference"] == issued.reference
    assert "希望する" in json.dumps(data, ensure_ascii=False)
    assert "希望する" in csv_text
    document = pypdfium2.PdfDocument(package, password=password)
    assert issued.reference in squash(document[0].get_textpage().get_text_range())
    document.close()
    sheet = letter_text(letters.password_sheet_pdf(ctx, staff.clerk, issued.letter_id, password))
    assert password in sheet
    assert password not in json.dumps([e.changes for e in _events(ctx, "disclosure_package_made")])


def test_letterhead_must_be_set(ctx: ServiceContext, staff: Staff) -> None:
    bare = ServiceContext(ctx.sessions, Settings(paths=ctx.settings.paths), ctx.clock)
    case_id = cases.log_envelope(ctx, staff.clerk, envelope()).case_id
    with pytest.raises(letters.LetterheadMissing):
        letters.render_case_letter(bare, case_id, LetterKind.ACKNOWLEDGEMENT)


@both_databases
def test_versions_and_prints_on_both_databases(ctx: ServiceContext, staff: Staff) -> None:
    case_id = cases.log_envelope(ctx, staff.clerk, envelope()).case_id
    first = letters.issue_letter(ctx, staff.clerk, case_id, LetterKind.ACKNOWLEDGEMENT)
    second = letters.issue_letter(
        ctx, staff.clerk, case_id, LetterKind.ACKNOWLEDGEMENT, correction_reason="日付の誤り"
    )
    printed = letters.record_print(ctx, staff.clerk, second.letter_id, "PDF")

    stored = letters.letters_of_case(ctx, case_id)
    assert [(s.version, s.superseded_by) for s in stored] == [(1, second.letter_id), (2, None)]
    old = letters.letter_pdf(ctx, staff.clerk, first.letter_id)
    assert hashlib.sha256(old).hexdigest() == first.sha256
    assert printed.sha256 == second.sha256
    # An acknowledgement is not the answer: the case stays where it was.
    assert printed.case_status is CaseStatus.RECEIVED


def test_cli_writes_a_specimen_letter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KAIJI_HOME", str(tmp_path))
    out = tmp_path / "x.pdf"
    assert cli.main(["letter", "--specimen", "disclosure", "--out", str(out)]) == 0
    assert "保有個人データ開示決定通知書" in letter_text(out.read_bytes())
    assert cli.main(["letter", "--specimen", "no_such_kind", "--out", str(out)]) == 2


def test_cli_previews_a_case_letter(
    ctx: ServiceContext, staff: Staff, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case_id = cases.log_envelope(ctx, staff.clerk, envelope()).case_id
    save_settings(ctx.settings)  # the letterhead, where `kaiji` reads its settings
    monkeypatch.setenv("KAIJI_HOME", str(tmp_path))
    out = tmp_path / "case.pdf"
    database = f"sqlite:///{tmp_path / 'kaiji.db'}"
    argv = ["--db", database, "letter", "--case", str(case_id), "--kind", "acknowledgement"]
    assert cli.main([*argv, "--out", str(out)]) == 0
    text = letter_text(out.read_bytes())
    assert cases.get_case(ctx, case_id).reference in text
    assert COMPANY in text
    assert letters.letters_of_case(ctx, case_id) == []  # a preview stores nothing
