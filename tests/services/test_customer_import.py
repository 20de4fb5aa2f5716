"""Importing the customer registry from CSV: encodings, mapping, rejected rows, re-import."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.cli import main
from desktop.domain.progress import CancelToken
from desktop.services.context import ServiceContext
from desktop.services.customers import ImportRefused, import_customers
from desktop.store import customers as customer_store
from desktop.store.db import DatabaseUnavailable, unit_of_work
from desktop.store.models import AuditEvent, Customer
from tests.conftest import FrozenClock, Staff, both_databases

HEADER = "顧客番号,氏名,フリガナ,生年月日,郵便番号,住所,電話番号,会員種別"
GOOD = [
    "C001,髙橋 一郎,ﾀｶﾊｼ ｲﾁﾛｳ,昭和50年3月4日,１６０００２３,東京都新宿区西新宿二丁目8番1号,"
    "03-1234-5678,一般",
    "C002,佐藤 花子,サトウ ハナコ,1980-01-02,100-0005,東京都千代田区丸の内一丁目1番1号,,プレミアム",
]


def _write(tmp_path: Path, lines: list[str], encoding: str, name: str = "customers.csv") -> Path:
    path = tmp_path / name
    path.write_bytes("\r\n".join(lines).encode(encoding) + b"\r\n")
    return path


def _customers(ctx: ServiceContext) -> dict[str, Customer]:
    with unit_of_work(ctx.sessions) as session:
        rows = session.execute(select(Customer)).scalars().all()
        return {c.customer_no: c for c in rows}


def _import_events(ctx: ServiceContext) -> list[AuditEvent]:
    with unit_of_work(ctx.sessions) as session:
        query = select(AuditEvent).where(AuditEvent.action == "customers_imported")
        return list(session.execute(query).scalars())


@both_databases
def test_cp932_file_with_era_dates_imports_keys_and_all_columns(
    ctx: ServiceContext, staff: Staff, tmp_path: Path
) -> None:
    path = _write(tmp_path, [HEADER, *GOOD], "cp932")
    report = import_customers(ctx, staff.admin, path)
    assert (report.encoding, report.inserted, report.updated, report.rejected) == (
        "cp932",
        2,
        0,
        [],
    )
    first = _customers(ctx)["C001"]
    assert first.birth_date == date(1975, 3, 4)
    assert first.postal_code == "160-0023"
    assert first.name_key == "高橋一郎"
    assert first.kana_key
    assert first.address_key
    assert first.columns["会員種別"] == "一般"
    assert list(first.columns) == HEADER.split(",")
    assert first.columns["郵便番号"] == "１６０００２３"  # as imported


def test_utf8_with_bom_and_english_headers(
    ctx: ServiceContext, staff: Staff, tmp_path: Path
) -> None:
    lines = ["customer_id,Name,kana,birth_date,zip,address,tel", "X1,山田 太郎,ヤマダ,R2.5.1,,,"]
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbf" + "\n".join(lines).encode("utf-8"))
    report = import_customers(ctx, staff.admin, path)
    assert (report.encoding, report.inserted) == ("utf-8", 1)
    customer = _customers(ctx)["X1"]
    assert customer.birth_date == date(2020, 5, 1)
    assert "customer_id" in customer.columns  # the BOM is not part of the first header


@both_databases
def test_bad_rows_are_reported_and_good_rows_still_import(
    ctx: ServiceContext, staff: Staff, tmp_path: Path
) -> None:
    lines = [
        HEADER,
        GOOD[0],
        ",名無し,,,,,,",
        "C003,,,,,,,",
        "C004,鈴木 誠,,2月30日ではない,,,,",
        "C005,鈴木 誠,,,12-345,,,",
        "C006,鈴木 誠,,,",
        GOOD[1],
    ]
    report = import_customers(ctx, staff.admin, _write(tmp_path, lines, "utf-8"))
    assert report.inserted == 2
    assert [r.row for r in report.rejected] == [3, 4, 5, 6, 7]
    assert all(r.reason_ja and r.reason_en for r in report.rejected)
    assert "postal code" in report.rejected[3].reason_en
    assert set(_customers(ctx)) == {"C001", "C002"}


@both_databases
def test_reimport_updates_instead_of_duplicating(
    ctx: ServiceContext, staff: Staff, tmp_path: Path, clock: FrozenClock
) -> None:
    imported_at = clock.now()
    import_customers(ctx, staff.admin, _write(tmp_path, [HEADER, *GOOD], "utf-8"))
    clock.advance(days=1)
    moved = GOOD[1].replace("丸の内一丁目1番1号", "丸の内二丁目2番2号")
    report = import_customers(ctx, staff.admin, _write(tmp_path, [HEADER, moved, moved], "utf-8"))
    assert (report.inserted, report.updated) == (0, 2)
    customers = _customers(ctx)
    assert len(customers) == 2
    assert customers["C002"].address.endswith("二丁目2番2号")
    assert customers["C002"].created_at == imported_at
    assert customers["C002"].updated_at == clock.now()
    with unit_of_work(ctx.sessions) as session:
        assert customer_store.count_customers(session) == 2


def test_mapping_overrides_headers(ctx: ServiceContext, staff: Staff, tmp_path: Path) -> None:
    path = _write(tmp_path, ["会員ID,お名前,氏名", "M1,正しい 名前,違う"], "utf-8")
    import_customers(ctx, staff.admin, path, mapping={"customer_no": "会員ID", "name": "お名前"})
    assert _customers(ctx)["M1"].name == "正しい 名前"


@pytest.mark.parametrize("username", ["clerk", "supervisor"])
def test_only_administrators_import(
    ctx: ServiceContext, staff: Staff, tmp_path: Path, username: str
) -> None:
    path = _write(tmp_path, [HEADER, *GOOD], "utf-8")
    with pytest.raises(ImportRefused, match="administrator"):
        import_customers(ctx, getattr(staff, username), path)
    assert _customers(ctx) == {}


@both_databases
def test_audit_event_has_counts_and_hash_but_no_personal_data(
    ctx: ServiceContext, staff: Staff, tmp_path: Path
) -> None:
    path = _write(tmp_path, [HEADER, *GOOD, "C009,,,,,,,"], "cp932")
    report = import_customers(ctx, staff.admin, path)
    (event,) = _import_events(ctx)
    assert event.actor_name == "admin"
    assert event.changes == {
        "file": "customers.csv",
        "sha256": report.sha256,
        "encoding": "cp932",
        "inserted": 2,
        "updated": 0,
        "rejected": 1,
        "cancelled": False,
        "failed": False,
    }
    text = json.dumps(event.changes, ensure_ascii=False)
    assert "髙橋" not in text
    assert "C001" not in text


def test_garbage_file_is_refused_and_nothing_stored(
    ctx: ServiceContext, staff: Staff, tmp_path: Path
) -> None:
    path = tmp_path / "photo.csv"
    path.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(ImportRefused) as caught:
        import_customers(ctx, staff.admin, path)
    assert "photo.csv" in caught.value.message_ja
    assert "cannot be read" in caught.value.message_en
    assert _customers(ctx) == {}
    assert _import_events(ctx) == []


def test_utf8_file_forced_as_utf8_but_cp932_is_refused(
    ctx: ServiceContext, staff: Staff, tmp_path: Path
) -> None:
    path = _write(tmp_path, [HEADER, *GOOD], "cp932")
    with pytest.raises(ImportRefused, match="UTF-8"):
        import_customers(ctx, staff.admin, path, encoding="utf-8")


def test_progress_and_cancel(
    ctx: ServiceContext, staff: Staff, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("desktop.services.customers.BATCH_ROWS", 1)
    path = _write(tmp_path, [HEADER, *GOOD], "utf-8")
    calls: list[tuple[int, int]] = []
    import_customers(ctx, staff.admin, path, progress=lambda d, t: calls.append((d, t)))
    assert calls == [(1, 2), (2, 2)]
    cancel = CancelToken()
    cancel.cancel()
    report = import_customers(ctx, staff.admin, path, cancel=cancel)
    assert report.cancelled
    assert _import_events(ctx)[-1].changes["cancelled"] is True


def test_a_failing_batch_keeps_earlier_batches_and_says_so_in_the_audit_log(
    ctx: ServiceContext, staff: Staff, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("desktop.services.customers.BATCH_ROWS", 1)
    written: list[int] = []
    real_upsert = customer_store.upsert_customers

    def upsert_once(session: Session, rows: Sequence[Mapping[str, Any]]) -> None:
        if written:
            raise DatabaseUnavailable("使用中", "busy")
        written.append(len(rows))
        real_upsert(session, rows)

    monkeypatch.setattr(customer_store, "upsert_customers", upsert_once)
    with pytest.raises(DatabaseUnavailable):
        import_customers(ctx, staff.admin, _write(tmp_path, [HEADER, *GOOD], "utf-8"))
    assert set(_customers(ctx)) == {"C001"}
    (event,) = _import_events(ctx)
    assert event.changes["failed"] is True
    assert event.changes["inserted"] == 1


@pytest.mark.usefixtures("kaiji_home")
def test_cli_json(ctx: ServiceContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, [HEADER, *GOOD, "C003,,,,,,,"], "cp932")
    url = str(ctx.sessions.kw["bind"].url)
    assert main(["--db", url, "import-customers", str(path), "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["inserted"] == 2
    assert out["encoding"] == "cp932"
    assert out["rejected"] == [[4, "氏名がありません", "the name is missing"]]
    assert _import_events(ctx)[-1].actor_name == "system"


@pytest.mark.usefixtures("kaiji_home")
def test_cli_refuses_garbage_with_exit_2(
    ctx: ServiceContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(b"\x00\xff\xfe" * 10)
    url = str(ctx.sessions.kw["bind"].url)
    assert main(["--db", url, "import-customers", str(path)]) == 2
    assert "cannot be read" in capsys.readouterr().err


@both_databases
def test_a_field_over_the_csv_limit_is_refused_naming_the_line_and_nothing_is_stored(
    ctx: ServiceContext, staff: Staff, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One row per batch: without the check up front, the rows before line 4 would be stored.
    monkeypatch.setattr("desktop.services.customers.BATCH_ROWS", 1)
    huge = 'C009,巨大 太郎,,,,"' + "東" * 131_073 + '",,'
    path = _write(tmp_path, [HEADER, *GOOD, huge, "C010,後藤 次郎,,,,,,"], "cp932")
    with pytest.raises(ImportRefused) as caught:
        import_customers(ctx, staff.admin, path)
    assert "4 行目" in caught.value.message_ja
    assert "Line 4" in caught.value.message_en
    assert "131,072" in caught.value.message_en
    assert _customers(ctx) == {}
    assert _import_events(ctx) == []
