"""The retained data item by item: what a partial disclosure withholds appears in nothing that
leaves the building (letter, annex, package, its attachments, the password sheet), the package is
built from the snapshot frozen at decision time, and the command line reads it all back."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import tempfile
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
from desktop.domain.status import CaseStatus
from desktop.intake.extracts import read_extract_bytes
from desktop.letters import LetterKind
from desktop.services import cases, customer_search, decisions, letters, retained
from desktop.services.context import ServiceContext
from desktop.store.db import unit_of_work
from desktop.store.models import AuditEvent, Customer
from tests.conftest import Staff, both_databases
from tests.factories import envelope, letterhead

COMPANY = "株式会社見本商事"
MEMO = "要注意メモ・返品常習ZQX"  # 社内メモ: withheld
RANK = "与信Ｃ－７７１"  # 与信ランク: withheld
STAFF_NOTE = "担当者所見KWV"  # an extract column, withheld
SEGMENT = "ゴールド会員"  # cust_seg_cd, labelled 顧客区分: disclosed
WITHHELD = (MEMO, RANK, STAFF_NOTE)


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
            address="東京都新宿区西新宿二丁目8番1号",
            phone="03-5555-0100",
            name_key="山田太郎",
            columns={
                "会員番号": "C-0012345",
                "氏名": "山田 太郎",
                "生年月日": "1985-01-01",
                "cust_seg_cd": SEGMENT,
                "与信ランク": RANK,
                "社内メモ": MEMO,
                "FAX": "",
                "累計購入額": "1,234,500",
            },
            created_at=now,
            updated_at=now,
        )
        session.add(customer)
        session.flush()
        return customer.id


def _orders_csv(rows: int = 60) -> bytes:
    lines = ["注文日,商品,金額,担当者メモ,予備"]
    for n in range(rows):
        product = '=HYPERLINK("x")' if n == 0 else f"商品{n:02d}"
        lines.append(f"2026-0{1 + n % 9}-1{n % 10},{product},{1000 + n * 250},{STAFF_NOTE}{n},")
    return ("\r\n".join(lines) + "\r\n").encode("cp932")


def _case(ctx: ServiceContext, staff: Staff) -> int:
    case_id = cases.log_envelope(ctx, staff.clerk, envelope()).case_id
    version = cases.get_case(ctx, case_id).version
    customer_search.link_customer(ctx, staff.clerk, case_id, version, _customer(ctx))
    retained.set_source_labels(ctx, staff.clerk, "registry", {"cust_seg_cd": "顧客区分"})
    extract = read_extract_bytes("orders.csv", _orders_csv())
    retained.attach_extract(ctx, staff.clerk, case_id, "受注管理システム", "orders.csv", extract)
    return case_id


def _decide(
    ctx: ServiceContext, staff: Staff, case_id: int, decision: KindDecision
) -> decisions.CaseDecisions:
    version = cases.get_case(ctx, case_id).version
    if CaseStatus(cases.get_case(ctx, case_id).status) is not CaseStatus.VERIFYING:
        cases.change_status(ctx, staff.clerk, case_id, version, CaseStatus.VERIFYING)
        version = cases.get_case(ctx, case_id).version
    decided, _ = decisions.record_decisions(ctx, staff.clerk, case_id, version, [decision])
    return decided


def _items(ctx: ServiceContext, case_id: int) -> dict[str, str]:
    """Item ids by their display name, as the decision panel offers them."""
    return {item.display: item.item_id for item in retained.retained_data(ctx, case_id).items}


def _partial(ctx: ServiceContext, case_id: int, method: ResponseMethod) -> KindDecision:
    items = _items(ctx, case_id)
    return KindDecision(
        kind=RequestKind.DISCLOSURE,
        outcome=Outcome.PARTIAL,
        reason_codes=("business_hindrance",),
        method=method,
        fee_status=FeeStatus.PAID,
        withheld=(
            Withholding(items["社内メモ（顧客台帳）"], "business_hindrance"),
            Withholding(items["与信ランク（顧客台帳）"], "business_hindrance"),
            Withholding(items["担当者メモ（受注管理システム）"], "business_hindrance"),
        ),
    )


def _full(method: ResponseMethod) -> KindDecision:
    return KindDecision(
        kind=RequestKind.DISCLOSURE, outcome=Outcome.FULL, method=method, fee_status=FeeStatus.PAID
    )


def _approve(ctx: ServiceContext, staff: Staff, case_id: int, decided_version: int) -> None:
    submitted, _ = decisions.submit_for_review(ctx, staff.clerk, case_id, decided_version)
    decisions.approve(ctx, staff.supervisor, case_id, submitted.version)


def _pdf_text(pdf: bytes, password: str | None = None) -> str:
    """The text as poppler's pdftotext reads it (a second reader beside pdfium)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.pdf"
        path.write_bytes(pdf)
        command = ["pdftotext", "-layout", *(["-upw", password] if password else []), str(path)]
        subprocess.run([*command, str(path.with_suffix(".txt"))], check=True)
        return path.with_suffix(".txt").read_text(encoding="utf-8")


def _pdfium_text(pdf: bytes, password: str | None = None) -> str:
    document = pypdfium2.PdfDocument(pdf, password=password)
    try:
        return "".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def _attachments(package: bytes, password: str) -> dict[str, bytes]:
    with pikepdf.open(io.BytesIO(package), password=password) as pdf:
        return {name: spec.get_file().read_bytes() for name, spec in pdf.attachments.items()}


def _every_output(ctx: ServiceContext, staff: Staff, letter_id: int) -> tuple[list[str], str]:
    """Every text that leaves the building for this letter, and the package's password."""
    letter = letters.letter_pdf(ctx, staff.clerk, letter_id)
    package, password = letters.disclosure_package_pdf(ctx, staff.clerk, letter_id)
    sheet = letters.password_sheet_pdf(ctx, staff.clerk, letter_id, password)
    texts = [_pdf_text(letter), _pdfium_text(letter), _pdf_text(sheet)]
    texts += [_pdf_text(package, password), _pdfium_text(package, password)]
    for name, content in _attachments(package, password).items():
        texts += [name, content.decode("utf-8-sig")]
    return texts, password


def test_a_partial_disclosure_withholds_its_items_everywhere(
    ctx: ServiceContext, staff: Staff
) -> None:
    case_id = _case(ctx, staff)
    decided = _decide(ctx, staff, case_id, _partial(ctx, case_id, ResponseMethod.ELECTROMAGNETIC))
    _approve(ctx, staff, case_id, decided.version)
    issued = letters.issue_letter(ctx, staff.clerk, case_id, LetterKind.PARTIAL_DISCLOSURE)

    texts, _ = _every_output(ctx, staff, issued.letter_id)

    everything = "\n".join(texts)
    for value in WITHHELD:
        assert value not in everything, value
    assert "cust_seg_cd" not in everything  # a raw column name is never printed
    letter = texts[0]
    # the letter names what it withholds, by label, and why
    assert "開示しない項目" in letter
    assert "社内メモ（顧客台帳）" in letter
    assert "与信ランク（顧客台帳）" in letter
    assert SEGMENT in letter
    assert "顧客区分" in letter
    assert "1,234,500" in letter
    assert "昭和60年1月1日" in letter  # the annex's dates in the letter's style
    assert "FAX" not in letter  # an empty item is left out


def test_the_package_is_one_aes256_pdf_with_the_frozen_data(
    ctx: ServiceContext, staff: Staff
) -> None:
    case_id = _case(ctx, staff)
    decided = _decide(ctx, staff, case_id, _partial(ctx, case_id, ResponseMethod.ELECTROMAGNETIC))
    _approve(ctx, staff, case_id, decided.version)
    issued = letters.issue_letter(ctx, staff.clerk, case_id, LetterKind.PARTIAL_DISCLOSURE)
    # the registry changes after the decision: nothing issued follows it
    with unit_of_work(ctx.sessions) as session:
        customer = session.scalars(select(Customer)).one()
        customer.columns = {**customer.columns, "cust_seg_cd": "変更後の区分"}

    package, password = letters.disclosure_package_pdf(ctx, staff.clerk, issued.letter_id)
    again, other = letters.disclosure_package_pdf(ctx, staff.clerk, issued.letter_id)

    with pytest.raises(pypdfium2.PdfiumError):
        pypdfium2.PdfDocument(package)
    with pikepdf.open(io.BytesIO(package), password=password) as pdf:
        assert pdf.encryption.R == 6
        assert pdf.encryption.stream_method.name == "aesv3"
    files = _attachments(package, password)
    assert files == _attachments(again, other)  # rebuilt: the same data
    assert sorted(files) == ["01_顧客台帳.csv", "02_受注管理システム.csv", "data.json"]
    document = json.loads(files["data.json"])
    registry = document["sections"][0]["records"][0]
    assert registry["顧客区分"] == SEGMENT
    assert "与信ランク" not in registry
    assert "FAX" not in registry
    orders = list(csv.reader(io.StringIO(files["02_受注管理システム.csv"].decode("utf-8-sig"))))
    assert orders[0] == ["注文日", "商品", "金額"]  # withheld and empty columns left out
    assert len(orders) == 61
    assert orders[1][1] == '\'=HYPERLINK("x")'  # a formula is text in a spreadsheet
    assert "変更後の区分" not in _pdfium_text(package, password)


def test_a_full_disclosure_discloses_every_item(ctx: ServiceContext, staff: Staff) -> None:
    case_id = _case(ctx, staff)
    decided = _decide(ctx, staff, case_id, _full(ResponseMethod.ELECTROMAGNETIC))
    _approve(ctx, staff, case_id, decided.version)
    issued = letters.issue_letter(ctx, staff.clerk, case_id, LetterKind.DISCLOSURE)

    texts, _ = _every_output(ctx, staff, issued.letter_id)

    letter = texts[0]
    for value in (MEMO, RANK, SEGMENT):
        assert value in letter
    assert "開示しない項目" not in letter
    assert any(f"{STAFF_NOTE}59" in text for text in texts)


def test_a_wide_table_of_sixty_rows_fits_on_few_pages(ctx: ServiceContext, staff: Staff) -> None:
    case_id = _case(ctx, staff)
    decided = _decide(ctx, staff, case_id, _full(ResponseMethod.PAPER))
    _approve(ctx, staff, case_id, decided.version)
    issued = letters.issue_letter(ctx, staff.clerk, case_id, LetterKind.DISCLOSURE)
    document = pypdfium2.PdfDocument(letters.letter_pdf(ctx, staff.clerk, issued.letter_id))
    pages = len(document)
    document.close()
    assert pages <= 4  # the letter, the registry record and 60 orders with a note each


def test_withholding_needs_a_partial_answer_and_a_ground_of_the_decision(
    ctx: ServiceContext, staff: Staff
) -> None:
    case_id = _case(ctx, staff)
    partial = _partial(ctx, case_id, ResponseMethod.PAPER)
    wrong_ground = KindDecision(
        **{**partial.__dict__, "withheld": (Withholding(partial.withheld[0].item_id, "other"),)}
    )
    with pytest.raises(InvalidInput):
        _decide(ctx, staff, case_id, wrong_ground)
    nothing = KindDecision(**{**partial.__dict__, "withheld": ()})
    with pytest.raises(InvalidInput) as error:
        _decide(ctx, staff, case_id, nothing)
    assert "一つ以上" in error.value.message("ja")


def test_an_unlabelled_system_column_is_refused_until_labelled(
    ctx: ServiceContext, staff: Staff
) -> None:
    case_id = _case(ctx, staff)
    retained.set_source_labels(ctx, staff.clerk, "registry", {"cust_seg_cd": ""})
    with pytest.raises(InvalidInput) as error:
        _decide(ctx, staff, case_id, _full(ResponseMethod.PAPER))
    assert "cust_seg_cd" in error.value.message("ja")


@both_databases
def test_snapshot_and_frozen_disclosure_on_both_databases(
    ctx: ServiceContext, staff: Staff
) -> None:
    case_id = _case(ctx, staff)
    decided = _decide(ctx, staff, case_id, _partial(ctx, case_id, ResponseMethod.ELECTROMAGNETIC))
    _approve(ctx, staff, case_id, decided.version)
    issued = letters.issue_letter(ctx, staff.clerk, case_id, LetterKind.PARTIAL_DISCLOSURE)
    stored = decisions.get_decisions(ctx, case_id).decisions[0]
    assert [w.reason_code for w in stored.withheld] == ["business_hindrance"] * 3

    texts, _ = _every_output(ctx, staff, issued.letter_id)

    assert not [value for value in WITHHELD if value in "\n".join(texts)]
    assert any(SEGMENT in text for text in texts)


def test_cli_shows_the_case_and_writes_the_package(
    ctx: ServiceContext, staff: Staff, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case_id = _case(ctx, staff)
    decided = _decide(ctx, staff, case_id, _partial(ctx, case_id, ResponseMethod.ELECTROMAGNETIC))
    _approve(ctx, staff, case_id, decided.version)
    issued = letters.issue_letter(ctx, staff.clerk, case_id, LetterKind.PARTIAL_DISCLOSURE)
    save_settings(ctx.settings)
    monkeypatch.setenv("KAIJI_HOME", str(tmp_path))
    database = ["--db", f"sqlite:///{tmp_path / 'kaiji.db'}"]
    reference = issued.reference

    capture = io.StringIO()
    monkeypatch.setattr("sys.stdout", capture)
    assert cli.main([*database, "case", "show", reference, "--json"]) == 0
    record = json.loads(capture.getvalue())
    items = {i["item"]: i for i in record["decisions"][0]["items"]}
    assert items["与信ランク"] == {**items["与信ランク"], "value": RANK, "disclosed": False}
    assert items["顧客区分"]["disclosed"] is True
    assert items["顧客区分"]["value"] == SEGMENT
    assert items["担当者メモ"]["value"][0] == f"{STAFF_NOTE}0"
    assert record["letters"][0]["document_number"] == reference
    assert record["letters"][0]["version"] == 1
    with unit_of_work(ctx.sessions) as session:
        reads = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "case_read_in_full")
        ).all()
        assert [r.case_id for r in reads] == [case_id]

    out, secret = tmp_path / "package.pdf", tmp_path / "password.txt"
    argv = ["package", "--case", str(case_id), "--out", str(out), "--password-file", str(secret)]
    assert cli.main([*database, *argv]) == 0
    password = secret.read_text().strip()
    assert os.stat(secret).st_mode & 0o077 == 0
    files = _attachments(out.read_bytes(), password)
    assert SEGMENT in files["data.json"].decode("utf-8")
    assert not [v for v in WITHHELD if v in "".join(f.decode("utf-8-sig") for f in files.values())]
    assert cli.main([*database, "case", "show", "R-NONE", "--json"]) == 2
