"""The third-party provision ledger: imported from CSV (UTF-8 or CP932), kept three years, and
disclosed in its own annex under Art. 33(5) — or the letter says none is kept."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.config import Paths, Settings
from desktop.domain.decisions import FeeStatus, KindDecision, ResponseMethod
from desktop.domain.errors import InvalidInput
from desktop.domain.outcomes import Outcome
from desktop.domain.provisions import ProvisionRecord, keep_until
from desktop.domain.requests import RequestKind
from desktop.domain.status import CaseStatus
from desktop.letters import LetterKind
from desktop.services import cases, customer_search, decisions, letters, provisions
from desktop.services.context import ServiceContext
from desktop.store.db import unit_of_work
from desktop.store.models import Customer
from tests.conftest import Staff
from tests.factories import envelope, letterhead
from tests.letters.pdf_reading import letter_text

HEADER = "提供年月日,提供先,提供先の住所,提供先の代表者,提供した項目,顧客番号,提供の根拠"
LINES = [
    "令和7年4月1日,株式会社見本信用,東京都港区芝五丁目1番1号,代表取締役 見本一郎,"
    "氏名・住所・契約状況,C-0012345,法第27条第1項第2号（与信審査のため）",
    "2026/02/10,見本配送株式会社,大阪府大阪市北区梅田一丁目1番1号,,氏名・住所・電話番号,"
    "C-0012345,本人の同意",
    "2022/11/01,古い提供先株式会社,東京都中央区銀座一丁目1番1号,,氏名,C-0012345,本人の同意",
    "2026/03/01,別の顧客宛株式会社,東京都新宿区一丁目1番1号,,氏名,C-0099999,本人の同意",
]


@pytest.fixture
def settings(paths: Paths) -> Settings:
    return letterhead(paths)


def _ledger(tmp_path: Path, lines: list[str], encoding: str) -> Path:
    path = tmp_path / "provisions.csv"
    path.write_bytes(("\r\n".join([HEADER, *lines]) + "\r\n").encode(encoding))
    return path


def _records_case(ctx: ServiceContext, staff: Staff, outcome: Outcome = Outcome.FULL) -> int:
    case_id = cases.log_envelope(
        ctx, staff.clerk, envelope(request_kinds=frozenset({RequestKind.THIRD_PARTY_RECORDS}))
    ).case_id
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
            columns={"会員番号": "C-0012345", "与信ランク": "B"},
            created_at=now,
            updated_at=now,
        )
        session.add(customer)
        session.flush()
        customer_id = customer.id
    version = cases.get_case(ctx, case_id).version
    customer_search.link_customer(ctx, staff.clerk, case_id, version, customer_id)
    version = cases.get_case(ctx, case_id).version
    cases.change_status(ctx, staff.clerk, case_id, version, CaseStatus.VERIFYING)
    decision = KindDecision(
        kind=RequestKind.THIRD_PARTY_RECORDS,
        outcome=outcome,
        method=ResponseMethod.PAPER,
        fee_status=FeeStatus.PAID,
    )
    version = cases.get_case(ctx, case_id).version
    decided, _ = decisions.record_decisions(ctx, staff.clerk, case_id, version, [decision])
    submitted, _ = decisions.submit_for_review(ctx, staff.clerk, case_id, decided.version)
    decisions.approve(ctx, staff.supervisor, case_id, submitted.version)
    return case_id


@pytest.mark.usefixtures("kaiji_home")
def test_cli_imports_a_cp932_ledger_and_reports_bad_lines(
    ctx: ServiceContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = "2026/13/40,見本株式会社,東京都,,氏名,C-0012345,本人の同意"
    blank = "2026/01/05,,東京都,,氏名,C-0012345,本人の同意"
    path = _ledger(tmp_path, [*LINES, bad, blank], "cp932")
    url = str(ctx.sessions.kw["bind"].url)

    assert main(["--db", url, "provisions", "import", str(path), "--json"]) == 1

    out = json.loads(capsys.readouterr().out)
    assert (out["encoding"], out["added"]) == ("cp932", 4)
    assert [r["line"] for r in out["rejected"]] == [6, 7]
    assert "提供先を入力してください" in out["rejected"][1]["reason_ja"]


def test_a_records_disclosure_has_its_own_annex_of_the_kept_records(
    ctx: ServiceContext, staff: Staff, tmp_path: Path
) -> None:
    report = provisions.import_provisions(
        ctx, staff.admin, _ledger(tmp_path, LINES, "utf-8"), encoding="auto"
    )
    assert (report.added, report.rejected) == (4, [])
    case_id = _records_case(ctx, staff)

    text = letter_text(letters.render_case_letter(ctx, case_id, LetterKind.DISCLOSURE))

    assert "ご請求に係る第三者提供記録の全部を開示いたします" in text
    assert "第三者提供記録開示書（別紙）" in text
    for words in (
        "令和7年4月1日",
        "株式会社見本信用",
        "東京都港区芝五丁目1番1号",
        "代表取締役見本一郎",
        "氏名・住所・契約状況",
        "法第27条第1項第2号（与信審査のため）",
        "見本配送株式会社",
        "本人の同意",
    ):
        assert words in text
    assert "古い提供先株式会社" not in text  # provided 2022-11-01: kept only until 2025-11-01
    assert "別の顧客宛株式会社" not in text  # another customer's record
    assert "与信ランク" not in text  # the registry data was not asked for


def test_no_kept_record_is_said_plainly(ctx: ServiceContext, staff: Staff) -> None:
    case_id = _records_case(ctx, staff)
    text = letter_text(letters.render_case_letter(ctx, case_id, LetterKind.DISCLOSURE))
    assert "第三者提供記録（保存期間内のもの）は、当社には存在しませんでした" in text
    assert "全部を開示いたします" not in text
    assert "開示書（別紙）" not in text


def test_a_record_entered_by_hand_is_checked_and_kept_three_years(
    ctx: ServiceContext, staff: Staff
) -> None:
    record = ProvisionRecord(
        provided_on=date(2024, 2, 29),
        recipient="見本保険株式会社",
        recipient_address="",
        recipient_representative="代表取締役 見本花子",
        items="氏名・生年月日",
        customer_no="C-0012345",
        basis="本人の同意",
    )
    assert keep_until(record.provided_on) == date(2027, 2, 28)
    provisions.add_provision(ctx, staff.clerk, record)
    with pytest.raises(InvalidInput, match="recipient's address or representative"):
        provisions.add_provision(
            ctx, staff.clerk, ProvisionRecord(**{**record.__dict__, "recipient_representative": ""})
        )
    case_id = _records_case(ctx, staff)
    text = letter_text(letters.render_case_letter(ctx, case_id, LetterKind.DISCLOSURE))
    assert "見本保険株式会社" in text
    assert "令和6年2月29日" in text
